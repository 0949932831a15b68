// setjmp/sigsetjmp and the jump back, for the freestanding runtime. Programs
// reach them through glibc's header macros: setjmp is _setjmp, sigsetjmp is
// __sigsetjmp, and pthread_cleanup_push is a __sigsetjmp(buffer, 0) whose
// buffer lwp's pthread_exit jumps into (lwp_arch_longjmp). Freestanding only
// (the file name keeps it out of the hosted library, where glibc provides
// them). The signal-mask half of sigsetjmp and siglongjmp is C++, in
// runtime/libc/setjmp.cpp.
//
// Buffer layout: glibc's struct __jmp_buf_tag. Its first 8 words (__jmpbuf)
// hold rbx, rbp, r12, r13, r14, r15, rsp (as after return), rip; then
// __mask_was_saved and __saved_mask. The words are stored as they are, not
// mangled with the pointer guard: nothing in lwp reads them but the jump
// below, and a program must not read them either.
//
// Each entry point has a section of its own, so --gc-sections keeps only what
// a program reaches: pthread_exit needs the jump but not sigsetjmp, and a
// program that never jumps pays for neither.

#include "frame_info_section.h"

// int setjmp(jmp_buf env): the function, which glibc's header reaches only
// through its address or #undef (the macro setjmp(env) calls _setjmp). A
// program compiled against glibc expects glibc's function, which saves the
// signal mask (the BSD behaviour; the header's declaration says so), so that
// longjmp restores it: sigsetjmp(env, 1). A section of its own, so programs
// that only use the macro do not carry it.
    .section .text.setjmp,"ax",@progbits
    .globl  setjmp
    .type   setjmp, @function
    .p2align 4
setjmp:
    .cfi_startproc
    mov     $1, %esi
    jmp     __sigsetjmp
    .cfi_endproc
    .size   setjmp, .-setjmp

// int _setjmp(struct __jmp_buf_tag env[1]): the macro setjmp, no mask saved.
// Falls through into __sigsetjmp with save_mask = 0.
    .section .text.__sigsetjmp,"ax",@progbits
    .globl  _setjmp
    .type   _setjmp, @function
    .p2align 4
_setjmp:
    .cfi_startproc
    xor     %esi, %esi
    .cfi_endproc
    .size   _setjmp, .-_setjmp

// int __sigsetjmp(struct __jmp_buf_tag env[1], int save_mask);
// It returns twice, so the registers must be the caller's as they are at the
// call: they are saved here, before anything else runs. Then a tail call to
// lwp_sigsetjmp_record_mask(env, save_mask), still in rdi and esi, which
// records the mask and returns 0 straight to our caller.
    .globl  __sigsetjmp
    .type   __sigsetjmp, @function
    .globl  sigsetjmp
    .type   sigsetjmp, @function
__sigsetjmp:
sigsetjmp:
    .cfi_startproc
    mov     %rbx, 0(%rdi)
    mov     %rbp, 8(%rdi)
    mov     %r12, 16(%rdi)
    mov     %r13, 24(%rdi)
    mov     %r14, 32(%rdi)
    mov     %r15, 40(%rdi)
    lea     8(%rsp), %rdx               // the caller's %rsp once we return
    mov     %rdx, 48(%rdi)
    mov     (%rsp), %rdx                // our return address
    mov     %rdx, 56(%rdi)
    jmp     lwp_sigsetjmp_record_mask
    .cfi_endproc
    .size   __sigsetjmp, .-__sigsetjmp
    .size   sigsetjmp, .-sigsetjmp

// [[noreturn]] void lwp_arch_longjmp(void* registers, int value);
// registers: a __jmpbuf filled above. The signal mask is the caller's
// business (siglongjmp restores it first when it was saved).
    .section .text.lwp_arch_longjmp,"ax",@progbits
    .globl  lwp_arch_longjmp
    .type   lwp_arch_longjmp, @function
    .p2align 4
lwp_arch_longjmp:
    .cfi_startproc
    mov     %esi, %eax
    test    %eax, %eax                  // setjmp must appear to return non-zero
    jnz     1f
    inc     %eax
1:  mov     0(%rdi), %rbx
    mov     8(%rdi), %rbp
    mov     16(%rdi), %r12
    mov     24(%rdi), %r13
    mov     32(%rdi), %r14
    mov     40(%rdi), %r15
    mov     48(%rdi), %rsp
    jmp     *56(%rdi)
    .cfi_endproc
    .size   lwp_arch_longjmp, .-lwp_arch_longjmp

    .section .note.GNU-stack,"",@progbits
