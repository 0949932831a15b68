// lwp_arch_unmap_and_exit: a detached thread releasing its own mapping.
//
//   [[noreturn]] void lwp_arch_unmap_and_exit(void* base, unsigned long length);
//
// The mapping being released contains the very stack this code runs on, so
// between munmap and exit nothing may touch memory: no call, no push, no
// signal handler (the caller blocks every signal first), and no kernel write
// to the tid word (the caller clears it with set_tid_address(NULL) first,
// because after munmap that address may belong to someone else).

#include "frame_info_section.h"

    .text
    .globl  lwp_arch_unmap_and_exit
    .type   lwp_arch_unmap_and_exit, @function
    .p2align 4
lwp_arch_unmap_and_exit:
    .cfi_startproc
    // base and length are already in rdi and rsi, munmap's argument registers.
    mov     $11, %eax                   // __NR_munmap
    syscall
    // If munmap failed we still must not return: the caller's frame is on a
    // stack it has given up. Exit this thread with status 0 either way.
    xor     %edi, %edi
    mov     $60, %eax                   // __NR_exit (this thread only)
    syscall
    hlt
    .cfi_endproc
    .size   lwp_arch_unmap_and_exit, .-lwp_arch_unmap_and_exit

    .section .note.GNU-stack,"",@progbits
