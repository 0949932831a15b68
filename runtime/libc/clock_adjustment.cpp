// adjtimex ntp_adjtime clock_adjtime ntp_gettimex adjtime (<sys/timex.h>, which
// makes ntp_gettime a call of ntp_gettimex):
// the kernel's clock discipline, which NTP daemons steer. The first three
// are the system calls (adjtimex is clock_adjtime on CLOCK_REALTIME): they
// return the clock's state (TIME_OK, TIME_INS, ... TIME_ERROR) or -1 with
// errno; changing anything needs CAP_SYS_TIME. The ntp_gettime pair read the
// state with no change asked (modes 0) and copy out glibc's smaller struct.
// (The old ntp_gettime symbol, with the struct before its tai field, is left
// out: only objects built against headers from before 2004 call it.)
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int clock_adjtime(clockid_t clock, struct timex* adjustment) noexcept {
    return static_cast<int>(system_call(__NR_clock_adjtime, clock, adjustment));
}

int adjtimex(struct timex* adjustment) noexcept { return clock_adjtime(CLOCK_REALTIME, adjustment); }
int ntp_adjtime(struct timex* adjustment) noexcept { return clock_adjtime(CLOCK_REALTIME, adjustment); }

// BSD's gradual correction: the clock is slewed by `delta` (about 0.5 ms a
// second), replacing any correction still under way, whose remainder goes to
// `old_delta`. Through the kernel's single-shot offset, in microseconds; a
// delta beyond ±2145 s is EINVAL, glibc's limit (what fits an int of
// microseconds, less a margin). A null delta only reads.
int adjtime(const struct timeval* delta, struct timeval* old_delta) noexcept {
    constexpr long largest_seconds = 2147483647L / 1000000L - 2;
    struct timex request {};
    if (delta != nullptr) {
        long seconds = delta->tv_sec + delta->tv_usec / 1000000L;
        long microseconds = delta->tv_usec % 1000000L;
        if (seconds > largest_seconds || seconds < -largest_seconds) {
            errno = EINVAL;
            return -1;
        }
        request.offset = seconds * 1000000L + microseconds;
        request.modes = ADJ_OFFSET_SINGLESHOT;
    } else {
        request.modes = ADJ_OFFSET_SS_READ;
    }
    if (clock_adjtime(CLOCK_REALTIME, &request) < 0) return -1;
    if (old_delta != nullptr) {
        // Both fields carry the remainder's sign, as glibc reports it.
        old_delta->tv_sec = request.offset / 1000000L;
        old_delta->tv_usec = request.offset % 1000000L;
    }
    return 0;
}

int ntp_gettimex(struct ntptimeval* now) noexcept {
    struct timex reading {};
    int state = adjtimex(&reading);
    // The kernel's timeval here holds microseconds, or nanoseconds under
    // STA_NANO; glibc copies the field as it is, and so does lwp.
    now->time = reading.time;
    now->maxerror = reading.maxerror;
    now->esterror = reading.esterror;
    now->tai = reading.tai;
    return state;
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __adjtimex(struct timex*) noexcept __attribute__((alias("adjtimex"), copy(adjtimex)));
}  // extern "C"
