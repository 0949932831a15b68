// lwp_arch_cancellable_syscall: a system call that a deferred cancellation
// request can interrupt, for the cancellation points of the freestanding
// pthread layer (runtime/posix/pthread_cancel.cpp).
//
//   long lwp_arch_cancellable_syscall(const int* cancel_word, long number,
//                                     long a1, long a2, long a3, long a4,
//                                     long a5, long a6);
//
// The problem it solves: a thread blocked in read() or a futex wait must end
// when cancelled, but a thread whose call has already taken effect (read
// consumed the bytes) must not, or the effect is lost. Checking the word and
// then making the call leaves a gap: a request that lands in between would
// wait for the next cancellation point, possibly for ever.
//
// So the check and the `syscall` instruction form one window, from
// lwp_arch_cancellable_window_begin up to (not including) the instruction
// after `syscall`. The canceller sets the request bit and then signals the
// thread; the handler looks at the interrupted instruction pointer:
//  - inside the window, before `syscall`: the call has not started, act;
//  - at `syscall` itself: the kernel rewound the pointer to restart a call
//    interrupted before it took effect (SA_RESTART), act;
//  - at lwp_arch_cancellable_window_end: the call returned, with a result
//    the caller must see; do not act (the next cancellation point will).
// A request made before the window is seen by the check at its start.

#include "cancellation_bits.h"

#include "frame_info_section.h"

    // A section of its own, so that programs without cancellation drop it.
    .section .text.lwp_arch_cancellable_syscall,"ax",@progbits
    .globl  lwp_arch_cancellable_syscall
    .hidden lwp_arch_cancellable_syscall
    .globl  lwp_arch_cancellable_window_begin
    .hidden lwp_arch_cancellable_window_begin
    .globl  lwp_arch_cancellable_window_end
    .hidden lwp_arch_cancellable_window_end
    .type   lwp_arch_cancellable_syscall, @function
    .p2align 4
lwp_arch_cancellable_syscall:
    .cfi_startproc
lwp_arch_cancellable_window_begin:
    mov     (%rdi), %eax                // the cancellation word
    and     $LWP_CANCEL_ACT_MASK, %eax
    cmp     $LWP_CANCEL_ACT_VALUE, %eax
    je      1f
    // C arguments to the kernel's registers: number in rax, arguments in
    // rdi, rsi, rdx, r10, r8, r9 (a5 and a6 came on the stack).
    mov     %rsi, %rax
    mov     %rdx, %rdi
    mov     %rcx, %rsi
    mov     %r8, %rdx
    mov     %r9, %r10
    mov     8(%rsp), %r8
    mov     16(%rsp), %r9
    syscall
lwp_arch_cancellable_window_end:
    ret
1:
    // A tail call: the stack is as our caller left it for us, so the
    // function starts with the alignment it expects. It does not return.
    jmp     lwp_act_on_cancellation
    .cfi_endproc
    .size   lwp_arch_cancellable_syscall, .-lwp_arch_cancellable_syscall

    .section .note.GNU-stack,"",@progbits
