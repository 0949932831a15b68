// _start: the first instruction of a freestanding lwp program.
//
// The kernel enters here (static executable, no interpreter) with:
//   %rsp -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
// and %rsp 16-byte aligned. %rdx holds a function pointer a dynamic linker
// would want run at exit; for a static program it is meaningless (the kernel
// leaves 0 there), so it is ignored. Everything else happens in C++
// (runtime/start/process_start.cpp); this stub only makes a valid first frame.
//
// The file name contains "freestanding" so the hosted library (liblwp.a),
// which must not define _start, leaves it out.

#include "frame_info_section.h"

    .text
    .globl  _start
    .type   _start, @function
    .p2align 4
_start:
    .cfi_startproc
    // No caller exists: end the frame-pointer chain and tell unwinders that
    // the return address is undefined, so backtraces stop here.
    .cfi_undefined rip
    xor     %ebp, %ebp
    mov     %rsp, %rdi                  // lwp_start_main(initial stack)
    // The ABI wants %rsp 16-byte aligned at a call; the kernel guarantees it,
    // but aligning costs one instruction and protects against odd loaders.
    and     $-16, %rsp
    call    lwp_start_main
    hlt                                 // lwp_start_main never returns
    .cfi_endproc
    .size   _start, .-_start

    .section .note.GNU-stack,"",@progbits
