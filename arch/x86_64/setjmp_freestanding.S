// setjmp/longjmp for the freestanding runtime: what glibc's headers call for
// pthread_cleanup_push (__sigsetjmp) and what lwp's pthread_exit uses to run
// cleanup handlers (lwp_arch_longjmp). Freestanding only (the file name keeps
// it out of the hosted library, where glibc provides __sigsetjmp).
//
// Buffer layout (the first 8 words of glibc's __jmp_buf, which the header
// types reserve): rbx, rbp, r12, r13, r14, r15, rsp (as after return), rip.
// The signal mask is never saved: the cleanup buffers glibc's macros pass ask
// for savemask 0, and nothing else in lwp uses these.

#ifdef LWP_FREESTANDING
    // Freestanding programs have no unwinder to use unwind tables at run time,
    // so the call-frame information goes where debuggers read it and `strip`
    // removes it, instead of into an allocated .eh_frame section.
    .cfi_sections .debug_frame
#endif

    .text
    .globl  __sigsetjmp
    .type   __sigsetjmp, @function
    .p2align 4
__sigsetjmp:
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
    xor     %eax, %eax                  // first return: 0
    ret
    .cfi_endproc
    .size   __sigsetjmp, .-__sigsetjmp

    .globl  _setjmp
    .set    _setjmp, __sigsetjmp

// [[noreturn]] void lwp_arch_longjmp(void* buffer, int value);
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
