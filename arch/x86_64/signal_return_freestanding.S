// lwp_arch_signal_return: where a signal handler returns to.
//
// On x86_64 the kernel requires every handler to come with SA_RESTORER and a
// return address that makes the rt_sigreturn system call, which restores the
// interrupted context from the frame the kernel pushed. The handler's `ret`
// pops this address; the stack then holds exactly that frame, so nothing here
// may touch the stack. Freestanding only (glibc has its own).
//
// No call-frame information: libgcc's unwinder (what a forced unwind from a
// signal handler runs on, docs/freestanding.md) recognises a signal frame by
// these exact bytes at the return address, 48 c7 c0 0f 00 00 00 0f 05, so
// the 7-byte `movq` form is spelled out where `mov $15, %eax` would be
// shorter. (gdb goes by the name glibc gives its restorer, and so does not
// see through this one.) An unwinder looks up the frame information of the byte
// before a return address (a call's return address may be the first byte of
// the next function), so that byte must not belong to a function that has
// some: hence the `nop` first, outside any function's range.

    .text
    .p2align 4
    nop
    .globl  lwp_arch_signal_return
    .type   lwp_arch_signal_return, @function
lwp_arch_signal_return:
    movq    $15, %rax                   // __NR_rt_sigreturn
    syscall
    hlt
    .size   lwp_arch_signal_return, .-lwp_arch_signal_return

    .section .note.GNU-stack,"",@progbits
