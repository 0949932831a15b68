// adjtimex ntp_adjtime clock_adjtime ntp_gettimex (<sys/timex.h>, which
// makes ntp_gettime a call of ntp_gettimex):
// the kernel's clock discipline, which NTP daemons steer. The first three
// are the system calls (adjtimex is clock_adjtime on CLOCK_REALTIME): they
// return the clock's state (TIME_OK, TIME_INS, ... TIME_ERROR) or -1 with
// errno; changing anything needs CAP_SYS_TIME. The ntp_gettime pair read the
// state with no change asked (modes 0) and copy out glibc's smaller struct.
// (The old ntp_gettime symbol, with the struct before its tai field, is left
// out: only objects built against headers from before 2004 call it.)
#include <sys/syscall.h>
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
