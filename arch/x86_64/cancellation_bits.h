/* The bits of a thread's cancellation word (thread_descriptor::cancel_word),
 * shared by the C++ runtime and the cancellable-syscall assembly, so both
 * read the word the same way. Plain #defines: this file is included from a
 * .S file as well as from C++ (which alone sees the function). */
#ifndef LWP_ARCH_X86_64_CANCELLATION_BITS_H
#define LWP_ARCH_X86_64_CANCELLATION_BITS_H

#define LWP_CANCEL_REQUESTED 1 /* pthread_cancel was called on the thread */
#define LWP_CANCEL_DISABLED 2  /* pthread_setcancelstate(PTHREAD_CANCEL_DISABLE) */
#define LWP_CANCEL_ASYNC 4     /* pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS) */
#define LWP_CANCEL_EXITING 8   /* pthread_exit has begun (or a cancellation acted) */
/* Bits 4 and up count the cancellation points the thread is inside (more
 * than one when a signal handler reaches one while another waits): this
 * much per level. A deferred thread outside all of them is not signalled. */
#define LWP_CANCEL_IN_POINT 16

/* Act on a request only in this state: requested, enabled, not yet exiting. */
#define LWP_CANCEL_ACT_MASK (LWP_CANCEL_REQUESTED | LWP_CANCEL_DISABLED | LWP_CANCEL_EXITING)
#define LWP_CANCEL_ACT_VALUE LWP_CANCEL_REQUESTED

#ifndef __ASSEMBLER__
static inline bool lwp_cancel_acts_now(int word) {
    return (word & LWP_CANCEL_ACT_MASK) == LWP_CANCEL_ACT_VALUE;
}
#endif

#endif
