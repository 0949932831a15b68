// futex(2) wrappers. Results are raw: 0 or a count on success, -errno on error
// (-EAGAIN when the word no longer held the expected value, -ETIMEDOUT, -EINTR).
//
// "private" futexes are keyed by (mm, address) and are cheaper; "shared" ones
// by the backing page. A waiter and a waker must agree: the kernel's wake on
// CLONE_CHILD_CLEARTID is a shared wake, so joining must wait shared.
#pragma once

#include <linux/futex.h>

#include <climits>

#include "syscalls.hpp"

namespace lwp::sys {

inline int futex_op(int operation, bool process_private) {
    return process_private ? (operation | FUTEX_PRIVATE_FLAG) : operation;
}

// Sleep while *word == expected. timeout is relative (CLOCK_MONOTONIC), or
// null for no limit.
inline long futex_wait(const void* word, int expected, bool process_private,
                       const timespec* relative_timeout = nullptr) {
    return syscall4(__NR_futex, reinterpret_cast<long>(word),
                    futex_op(FUTEX_WAIT, process_private), expected,
                    reinterpret_cast<long>(relative_timeout));
}

// Sleep while *word == expected, until an absolute time on `clock`
// (CLOCK_MONOTONIC or CLOCK_REALTIME). FUTEX_WAIT_BITSET takes an absolute
// deadline, which avoids re-computing a relative one after every spurious wake.
inline long futex_wait_until(const void* word, int expected, bool process_private,
                             clockid_t clock, const timespec* absolute_deadline) {
    int operation = futex_op(FUTEX_WAIT_BITSET, process_private);
    if (clock == CLOCK_REALTIME) operation |= FUTEX_CLOCK_REALTIME;
    return syscall6(__NR_futex, reinterpret_cast<long>(word), operation, expected,
                    reinterpret_cast<long>(absolute_deadline), 0,
                    static_cast<long>(FUTEX_BITSET_MATCH_ANY));
}

inline long futex_wake(const void* word, int count, bool process_private) {
    return syscall3(__NR_futex, reinterpret_cast<long>(word),
                    futex_op(FUTEX_WAKE, process_private), count);
}

// Wake up to wake_count waiters of `word` and move up to requeue_count others
// onto `target`, provided *word still equals expected (-EAGAIN otherwise).
inline long futex_cmp_requeue(const void* word, int wake_count, int requeue_count,
                              const void* target, int expected, bool process_private) {
    return syscall6(__NR_futex, reinterpret_cast<long>(word),
                    futex_op(FUTEX_CMP_REQUEUE, process_private), wake_count,
                    requeue_count, reinterpret_cast<long>(target), expected);
}

// Priority-inheritance locking: the word holds the owner's tid (| FUTEX_WAITERS
// once someone sleeps). The kernel takes a free word for us, or queues us and
// lends our priority to the owner until it unlocks. 0 once the word is ours.
// FUTEX_LOCK_PI, in every kernel lwp runs on (and under valgrind), measures an
// absolute deadline on CLOCK_REALTIME; only a CLOCK_MONOTONIC deadline needs
// FUTEX_LOCK_PI2 (Linux 5.14), and gets -ENOSYS without it. Null waits for ever.
inline long futex_lock_pi(void* word, bool process_private, clockid_t clock,
                          const timespec* absolute_deadline) {
    int operation = absolute_deadline == nullptr || clock == CLOCK_REALTIME ? FUTEX_LOCK_PI
                                                                          : FUTEX_LOCK_PI2;
    return syscall4(__NR_futex, reinterpret_cast<long>(word), futex_op(operation, process_private),
                    0, reinterpret_cast<long>(absolute_deadline));
}

// Hands a priority-inheritance word with sleepers to the highest-priority one
// (the kernel writes its tid into the word) or frees it, and drops the
// priority the owner was lent.
inline long futex_unlock_pi(void* word, bool process_private) {
    return syscall2(__NR_futex, reinterpret_cast<long>(word),
                    futex_op(FUTEX_UNLOCK_PI, process_private));
}

// Takes a priority-inheritance word without waiting, where user space must
// not: one the kernel freed for a dead owner (FUTEX_OWNER_DIED, no tid) may
// still have sleepers and kernel state behind it. 0 once the word is ours,
// -EWOULDBLOCK/-EAGAIN when it is held.
inline long futex_trylock_pi(void* word, bool process_private) {
    return syscall2(__NR_futex, reinterpret_cast<long>(word),
                    futex_op(FUTEX_TRYLOCK_PI, process_private));
}

}  // namespace lwp::sys
