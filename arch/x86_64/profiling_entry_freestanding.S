// The calls `gcc -pg` plants in every function: `call mcount` right after the
// prologue has set up %rbp, or with -mfentry `call __fentry__` as the very
// first instruction. Each hands the arc (caller's address, callee's address)
// to lwp_profiling_record_arc (runtime/libc/call_graph_profiling.cpp).
//
// The compiler plants these calls without saving anything, so every register
// that may carry an argument of the profiled function must come back
// unchanged: rdi rsi rdx rcx r8 r9, rax (a variadic call's count of vector
// registers) and r10 (a nested function's static chain). The vector argument
// registers are left alone because the recorder is built never to touch them
// (general registers only). Freestanding only: glibc has its own in the
// hosted case. Each entry has a section of its own, so a program compiled
// without -pg links neither.

#include "frame_info_section.h"

// The eight registers above, in the 64 bytes at the stack pointer.
.macro save_argument_registers
    mov     %rax, 0(%rsp)
    mov     %rcx, 8(%rsp)
    mov     %rdx, 16(%rsp)
    mov     %rsi, 24(%rsp)
    mov     %rdi, 32(%rsp)
    mov     %r8, 40(%rsp)
    mov     %r9, 48(%rsp)
    mov     %r10, 56(%rsp)
.endm
.macro restore_argument_registers
    mov     0(%rsp), %rax
    mov     8(%rsp), %rcx
    mov     16(%rsp), %rdx
    mov     24(%rsp), %rsi
    mov     32(%rsp), %rdi
    mov     40(%rsp), %r8
    mov     48(%rsp), %r9
    mov     56(%rsp), %r10
.endm

// void mcount(void), also named _mcount (glibc exports both; mcount weakly,
// so a program may supply its own).
// On entry (%rsp) is the return address into the profiled function: the
// callee's address (selfpc). Its frame pointer is set up, so 8(%rbp) is its
// own return address, the place it was called from (frompc).
    .section .text._mcount,"ax",@progbits
    .globl  _mcount
    .type   _mcount, @function
    .weak   mcount
    .type   mcount, @function
    .p2align 4
_mcount:
mcount:
    .cfi_startproc
    // Eight saved registers and 8 bytes of padding: %rsp is 8 past a 16-byte
    // boundary on entry (an ordinary call), and the recorder wants the ABI's
    // alignment at its call.
    sub     $72, %rsp
    .cfi_adjust_cfa_offset 72
    save_argument_registers
    mov     72(%rsp), %rsi              // selfpc: our return address
    mov     8(%rbp), %rdi               // frompc: the profiled function's
    call    lwp_profiling_record_arc
    restore_argument_registers
    add     $72, %rsp
    .cfi_adjust_cfa_offset -72
    ret
    .cfi_endproc
    .size   _mcount, .-_mcount
    .size   mcount, .-mcount

// void __fentry__(void): called before the profiled function's prologue, so
// its return address (frompc) is the word above ours (selfpc), and %rsp is on
// a 16-byte boundary on entry (the call came on top of the function's own).
    .section .text.__fentry__,"ax",@progbits
    .globl  __fentry__
    .type   __fentry__, @function
    .p2align 4
__fentry__:
    .cfi_startproc
    sub     $64, %rsp
    .cfi_adjust_cfa_offset 64
    save_argument_registers
    mov     64(%rsp), %rsi              // selfpc: our return address
    mov     72(%rsp), %rdi              // frompc: the profiled function's
    call    lwp_profiling_record_arc
    restore_argument_registers
    add     $64, %rsp
    .cfi_adjust_cfa_offset -64
    ret
    .cfi_endproc
    .size   __fentry__, .-__fentry__

    .section .note.GNU-stack,"",@progbits
