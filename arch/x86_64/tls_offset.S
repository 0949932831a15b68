// lwp_arch_tls_block_tpoff: where the executable's TLS block starts, as a
// (negative) offset from the thread pointer.
//
//   long lwp_arch_tls_block_tpoff(void);
//
// Both halves are link-time constants of the executable that liblwp.a is
// linked into: `anchor@tpoff` is the anchor's offset from the thread pointer
// (local-exec, as the static linker and the dynamic linker agree on it for the
// executable), and `anchor@dtpoff` is its offset inside the executable's TLS
// block. Their difference is where the block itself starts, which is exactly
// where a new thread's copy of the PT_TLS image must go. No syscall, no C
// library, and valid from the very first instruction of the program.

    .section .tbss,"awT",@nobits
    .p2align 0
lwp_arch_tls_anchor:
    .zero   1

    .section .rodata
    .p2align 3
.Lanchor_dtpoff:
    .quad   lwp_arch_tls_anchor@dtpoff

#include "frame_info_section.h"

    .text
    .globl  lwp_arch_tls_block_tpoff
    .type   lwp_arch_tls_block_tpoff, @function
    .p2align 4
lwp_arch_tls_block_tpoff:
    .cfi_startproc
    mov     $lwp_arch_tls_anchor@tpoff, %rax
    sub     .Lanchor_dtpoff(%rip), %rax
    ret
    .cfi_endproc
    .size   lwp_arch_tls_block_tpoff, .-lwp_arch_tls_block_tpoff

    .section .note.GNU-stack,"",@progbits
