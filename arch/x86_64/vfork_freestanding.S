// vfork: a child that borrows the caller's memory and stack until it calls
// execve or _exit, while the caller is suspended (the kernel's vfork).
//
//   pid_t vfork(void);
//
// Why assembly: the child returns from this function first, on the very
// stack the parent will return on later. If vfork kept its return address
// on that stack, the child's later calls could overwrite it before the
// parent got to use it. So the address leaves the stack before the system
// call (into a register, which each process has its own copy of), and each
// of the two returns pushes it back for itself.
//
// The child shares the calling thread's thread pointer, and with it its TLS
// and descriptor: as POSIX says, it may only call execve or _exit.

#include "frame_info_section.h"

    .section .text.vfork,"ax",@progbits
    .globl  vfork
    .type   vfork, @function
    .p2align 4
vfork:
    .cfi_startproc
    pop     %rdx                        // return address, off the shared stack
    .cfi_adjust_cfa_offset -8
    .cfi_register rip, rdx
    mov     $58, %eax                   // __NR_vfork
    syscall
    push    %rdx                        // each process puts it back for itself
    .cfi_adjust_cfa_offset 8
    .cfi_rel_offset rip, 0
    cmp     $-4095, %rax                // -4095..-1: an error
    jae     1f
    ret
1:
    neg     %eax
    mov     %eax, %edi
    jmp     lwp_vfork_failed            // sets errno, returns -1
    .cfi_endproc
    .size   vfork, .-vfork

// glibc's second name for it (libc.so.6 exports __vfork as the same code):
// another symbol on the same instructions, since a wrapper calling vfork
// would put a return address on the shared stack, the very thing avoided.
    .globl  __vfork
    .type   __vfork, @function
    .set    __vfork, vfork
    .size   __vfork, .-vfork

    .section .note.GNU-stack,"",@progbits
