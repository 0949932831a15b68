// lwp_arch_signal_return: where a signal handler returns to.
//
// On x86_64 the kernel requires every handler to come with SA_RESTORER and a
// return address that makes the rt_sigreturn system call, which restores the
// interrupted context from the frame the kernel pushed. The handler's `ret`
// pops this address; the stack then holds exactly that frame, so nothing here
// may touch the stack. Freestanding only (glibc has its own).

    .text
    .globl  lwp_arch_signal_return
    .type   lwp_arch_signal_return, @function
    .p2align 4
lwp_arch_signal_return:
    // No CFI: unwinders recognise this exact instruction sequence as a
    // signal frame.
    mov     $15, %eax                   // __NR_rt_sigreturn
    syscall
    hlt
    .size   lwp_arch_signal_return, .-lwp_arch_signal_return

    .section .note.GNU-stack,"",@progbits
