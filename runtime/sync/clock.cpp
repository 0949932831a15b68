// lwp_clock_now: the clocks the timed waits accept, read straight from the
// kernel (the core has no vDSO parser; timed waits are about to sleep anyway,
// so a syscall's cost is lost in the noise).
#include <atomic>
#include <cerrno>

#include "../sys/syscalls.hpp"
#include "deadline.hpp"

#include "lwp/sync.h"

extern "C" int lwp_clock_now(lwp_clockid_t clock, struct timespec* now) {
    if (now == nullptr || !lwp::sync::supported_clock(clock)) return EINVAL;
    long result = lwp::sys::clock_gettime(clock, now);
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}
