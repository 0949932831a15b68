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

}  // namespace lwp::sys
