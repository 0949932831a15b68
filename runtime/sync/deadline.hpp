// Checks shared by every timed wait: which clocks lwp accepts and what makes a
// deadline malformed or already past.
#pragma once

#include <cerrno>
#include <ctime>

#include "lwp/sync.h"

namespace lwp::sync {

// FUTEX_WAIT_BITSET measures absolute deadlines on CLOCK_MONOTONIC, or on
// CLOCK_REALTIME with FUTEX_CLOCK_REALTIME: no other clock can be honoured.
inline bool supported_clock(clockid_t clock) {
    return clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC;
}

// 0 when the deadline may be handed to the kernel, else the errno to return.
// A negative tv_sec is a time long past: POSIX wants ETIMEDOUT, while the
// kernel would reject it as EINVAL, so it is answered here without a syscall.
// Any other past deadline makes FUTEX_WAIT_BITSET return -ETIMEDOUT at once,
// without sleeping.
inline int check_deadline(const timespec* deadline) {
    if (deadline == nullptr) return EINVAL;
    if (deadline->tv_nsec < 0 || deadline->tv_nsec >= 1000000000L) return EINVAL;
    if (deadline->tv_sec < 0) return ETIMEDOUT;
    return 0;
}

// What a lock must check once it knows it has to wait: nothing without a
// deadline (it waits for ever), else the clock and the deadline. 0 or the
// errno to return.
inline int check_wait_deadline(clockid_t clock, const timespec* deadline) {
    if (deadline == nullptr) return 0;
    if (!supported_clock(clock)) return EINVAL;
    return check_deadline(deadline);
}

}  // namespace lwp::sync

static_assert(LWP_CLOCK_REALTIME == CLOCK_REALTIME && LWP_CLOCK_MONOTONIC == CLOCK_MONOTONIC,
              "lwp's clock ids are the kernel's");
