// The futex word of a priority-inheritance mutex (LWP_MUTEX_PRIO_INHERIT_FLAG):
// its owner field, while `state` stays owner_word_state.
//
// The kernel must know who holds the lock to lend that thread a waiter's
// priority, so the word is the owner's tid, not 0/1/2: 0 is free, tid is held,
// tid | FUTEX_WAITERS is held with sleepers queued in the kernel. Taking a free
// word and freeing one nobody waits for stay compare-exchanges in user space;
// everything else goes through the kernel, which queues waiters by priority,
// boosts the owner, and on unlock writes the next owner's tid into the word
// itself (no thundering wake-ups, no stealing by a latecomer).
#include <atomic>
#include <cerrno>

#include "../sys/futex.hpp"
#include "deadline.hpp"
#include "mutex_word.hpp"

namespace lwp::sync {

int acquire_pi_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline) {
    std::atomic_ref<int> word = mutex_owner(mutex);
    int expected = 0;
    // Acquire: the previous holder's writes are visible to ours.
    if (word.compare_exchange_strong(expected, self, std::memory_order_acquire,
                                     std::memory_order_relaxed))
        return 0;
    if (int error = check_wait_deadline(clock, deadline)) return error;
    const bool process_private = mutex_is_private(mutex);
    for (;;) {
        // The kernel takes the word if it is free by now, or sets
        // FUTEX_WAITERS and queues us; when we return 0 the word holds our
        // tid, written by the kernel (the syscall orders it like an acquire).
        long result = sys::futex_lock_pi(&mutex->owner, process_private, clock, deadline);
        if (result == 0) return 0;
        if (result == -ETIMEDOUT) return ETIMEDOUT;
        // A CLOCK_MONOTONIC deadline on a kernel older than 5.14: the clock
        // cannot be honoured (glibc says EINVAL too).
        if (result == -ENOSYS) return EINVAL;
        // -EINTR (a signal handler ran) and -EAGAIN (the owner was exiting)
        // mean try again. Anything else (-EDEADLK: the word names us;
        // -ESRCH: it names no live thread, an owner that ended holding it)
        // is the caller's misuse, reported as is.
        if (result != -EINTR && result != -EAGAIN) return static_cast<int>(-result);
    }
}

void release_pi_word(lwp_mutex_t* mutex, int self) {
    // Read before the word is freed: the next holder may destroy the mutex.
    const bool process_private = mutex_is_private(mutex);
    int expected = self;
    // Release: the critical section's writes happen-before the next holder's
    // acquire. This fails only when FUTEX_WAITERS is set: then the kernel
    // must choose the next owner and give back our lent priority.
    if (mutex_owner(mutex).compare_exchange_strong(expected, 0, std::memory_order_release,
                                                   std::memory_order_relaxed))
        return;
    sys::futex_unlock_pi(&mutex->owner, process_private);
}

}  // namespace lwp::sync
