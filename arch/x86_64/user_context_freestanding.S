// getcontext, setcontext and swapcontext, and where a makecontext'd function
// returns to, for the freestanding runtime (hosted programs have glibc's).
// The C++ half (the signal mask, makecontext) is runtime/libc/user_context.cpp.
//
// A context holds what a function call must preserve, so that resuming it
// looks like getcontext or swapcontext returning 0: the callee-saved
// registers, the stack pointer as after the return, the return address,
// the x87 control word and MXCSR, and the signal mask. The argument
// registers are saved too, and restored: makecontext passes the function's
// first six arguments through them. Other registers (rax, r10, r11, flags,
// the vector registers) are the caller's to lose across any call, so a
// context does not carry them.
//
// Each entry point has a section of its own, for --gc-sections.

#include "frame_info_section.h"
#include "user_context_layout.h"

// Stores the registers of a call to us into the ucontext_t at %rdi; %rdx is
// used once its own value is saved.
.macro save_caller_registers
    mov     %rbx, LWP_UC_RBX(%rdi)
    mov     %rbp, LWP_UC_RBP(%rdi)
    mov     %r12, LWP_UC_R12(%rdi)
    mov     %r13, LWP_UC_R13(%rdi)
    mov     %r14, LWP_UC_R14(%rdi)
    mov     %r15, LWP_UC_R15(%rdi)
    mov     %rdi, LWP_UC_RDI(%rdi)
    mov     %rsi, LWP_UC_RSI(%rdi)
    mov     %rdx, LWP_UC_RDX(%rdi)
    mov     %rcx, LWP_UC_RCX(%rdi)
    mov     %r8, LWP_UC_R8(%rdi)
    mov     %r9, LWP_UC_R9(%rdi)
    lea     8(%rsp), %rdx               // the caller's %rsp once we return
    mov     %rdx, LWP_UC_RSP(%rdi)
    mov     (%rsp), %rdx                // our return address
    mov     %rdx, LWP_UC_RIP(%rdi)
    lea     LWP_UC_FPREGS_MEM(%rdi), %rdx
    mov     %rdx, LWP_UC_FPREGS(%rdi)
    fnstcw  LWP_FP_CONTROL_WORD(%rdx)
    stmxcsr LWP_FP_MXCSR(%rdx)
.endm

// int getcontext(ucontext_t* context): the registers here, then a tail call
// to lwp_context_record_mask(context), which returns 0 (or -1) to our
// caller.
    .section .text.getcontext,"ax",@progbits
    .globl  getcontext
    .type   getcontext, @function
    .p2align 4
getcontext:
    .cfi_startproc
    save_caller_registers
    jmp     lwp_context_record_mask
    .cfi_endproc
    .size   getcontext, .-getcontext

// int setcontext(const ucontext_t* context): installs the context's signal
// mask (lwp_context_install_mask, C++), then its registers; returns only
// when the mask could not be set (-1, errno).
    .section .text.setcontext,"ax",@progbits
    .globl  setcontext
    .type   setcontext, @function
    .p2align 4
setcontext:
    .cfi_startproc
    push    %rbx                        // callee-saved: keeps the context across the call
    .cfi_adjust_cfa_offset 8
    .cfi_rel_offset rbx, 0
    mov     %rdi, %rbx
    call    lwp_context_install_mask
    test    %eax, %eax
    jnz     1f
    mov     %rbx, %rdi
    jmp     lwp_arch_resume_context
1:  pop     %rbx
    .cfi_adjust_cfa_offset -8
    .cfi_restore rbx
    ret
    .cfi_endproc
    .size   setcontext, .-setcontext

// int swapcontext(ucontext_t* save, const ucontext_t* resume): getcontext
// into `save`, returning 0 when it is resumed, then setcontext(resume). The
// two masks change hands in one system call (lwp_context_swap_mask).
    .section .text.swapcontext,"ax",@progbits
    .globl  swapcontext
    .type   swapcontext, @function
    .p2align 4
swapcontext:
    .cfi_startproc
    save_caller_registers
    push    %rsi                        // `resume`, kept across the call
    .cfi_adjust_cfa_offset 8
    call    lwp_context_swap_mask
    pop     %rdi
    .cfi_adjust_cfa_offset -8
    test    %eax, %eax
    jnz     1f
    jmp     lwp_arch_resume_context
1:  ret                                 // -1: the mask could not be set
    .cfi_endproc
    .size   swapcontext, .-swapcontext

// [[noreturn]] lwp_arch_resume_context(const ucontext_t* context): the
// registers, with the mask already in place. The return address goes onto
// the resumed stack, just below its pointer (free: the resumed code is about
// to return over it), so no register is spent on the jump; %rdi comes last
// (it addresses the context) and %eax is getcontext's 0.
    .section .text.lwp_arch_resume_context,"ax",@progbits
    .globl  lwp_arch_resume_context
    .hidden lwp_arch_resume_context
    .type   lwp_arch_resume_context, @function
    .p2align 4
lwp_arch_resume_context:
    .cfi_startproc
    mov     LWP_UC_FPREGS(%rdi), %rdx
    test    %rdx, %rdx                  // no floating-point state: keep ours
    jz      1f
    fldcw   LWP_FP_CONTROL_WORD(%rdx)
    ldmxcsr LWP_FP_MXCSR(%rdx)
1:  mov     LWP_UC_RBX(%rdi), %rbx
    mov     LWP_UC_RBP(%rdi), %rbp
    mov     LWP_UC_R12(%rdi), %r12
    mov     LWP_UC_R13(%rdi), %r13
    mov     LWP_UC_R14(%rdi), %r14
    mov     LWP_UC_R15(%rdi), %r15
    mov     LWP_UC_RSP(%rdi), %rsp
    pushq   LWP_UC_RIP(%rdi)
    mov     LWP_UC_RSI(%rdi), %rsi
    mov     LWP_UC_RDX(%rdi), %rdx
    mov     LWP_UC_RCX(%rdi), %rcx
    mov     LWP_UC_R8(%rdi), %r8
    mov     LWP_UC_R9(%rdi), %r9
    mov     LWP_UC_RDI(%rdi), %rdi
    xor     %eax, %eax
    ret
    .cfi_endproc
    .size   lwp_arch_resume_context, .-lwp_arch_resume_context

// Where a function started by makecontext returns to: makecontext leaves
// %rbx (callee-saved, so the function hands it back intact) pointing at a
// 16-byte-aligned slot above the function's stack arguments that holds
// uc_link. A null link ends the process with exit(0), as glibc does; else
// setcontext(link), and if that fails, exit(-1).
    .section .text.lwp_arch_context_return,"ax",@progbits
    .globl  lwp_arch_context_return
    .hidden lwp_arch_context_return
    .type   lwp_arch_context_return, @function
    .p2align 4
lwp_arch_context_return:
    .cfi_startproc
    .cfi_undefined rip                  // the bottom frame: unwinders stop here
    mov     %rbx, %rsp                  // aligned for the calls below
    mov     (%rsp), %rdi
    test    %rdi, %rdi
    jz      1f
    call    setcontext
    mov     %eax, %edi                  // -1
1:  call    exit
    hlt                                 // exit does not return
    .cfi_endproc
    .size   lwp_arch_context_return, .-lwp_arch_context_return

    .section .note.GNU-stack,"",@progbits
