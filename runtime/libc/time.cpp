// clock_gettime clock_getres clock_settime clock_getcpuclockid time
// timespec_get gettimeofday settimeofday nanosleep clock_nanosleep sleep
// usleep, and dysize and ftime. Plain
// system calls: there is no vDSO lookup, so each clock read costs a kernel
// entry (tens of nanoseconds more than glibc's vDSO path; see the docs).
// nanosleep, clock_nanosleep, sleep and usleep are cancellation points
// (runtime/thread/cancellation_point.hpp).
#include <errno.h>
#include <sys/time.h>
#include <sys/timeb.h>
#include <time.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

namespace {

long sleep_for(const timespec* duration, timespec* remaining) {
    return lwp::runtime::cancellation_point_syscall(nullptr, __NR_nanosleep,
                                                    reinterpret_cast<long>(duration),
                                                    reinterpret_cast<long>(remaining));
}

}  // namespace

extern "C" {

int clock_gettime(clockid_t clock, struct timespec* now) noexcept {
    return static_cast<int>(errno_result(lwp::sys::clock_gettime(clock, now)));
}

int clock_getres(clockid_t clock, struct timespec* resolution) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall2(__NR_clock_getres, clock, reinterpret_cast<long>(resolution))));
}

// Setting CLOCK_REALTIME needs CAP_SYS_TIME (EPERM otherwise); the other
// clocks cannot be set (EINVAL).
int clock_settime(clockid_t clock, const struct timespec* time) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall2(__NR_clock_settime, clock, reinterpret_cast<long>(time))));
}

// The clock of another process's CPU time: the kernel encodes the pid in the
// clock id (the bits above the lowest three, inverted; 2 asks for the
// scheduler's count, which includes the time of every thread). One
// clock_getres call checks the process exists, as glibc does: the kernel's
// EINVAL for an unknown pid is ESRCH here. Returns the error, not -1.
int clock_getcpuclockid(pid_t pid, clockid_t* clock) noexcept {
    clockid_t process_clock = static_cast<clockid_t>((~static_cast<unsigned>(pid) << 3) | 2);
    long result = lwp::arch::syscall2(__NR_clock_getres, process_clock, 0);
    if (result == -EINVAL) return ESRCH;
    if (lwp::sys::failed(result)) return static_cast<int>(-result);
    *clock = process_clock;
    return 0;
}

// Setting the time needs CAP_SYS_TIME. A time zone alone sets the kernel's
// (used by FAT file systems and the hardware clock's offset); both at once
// are refused with EINVAL, as glibc refuses them.
int settimeofday(const struct timeval* time, const struct timezone* zone) noexcept {
    if (zone != nullptr) {
        if (time != nullptr) return lwp::libc::fail_with_errno(EINVAL);
        return static_cast<int>(errno_result(lwp::arch::syscall2(__NR_settimeofday, 0, reinterpret_cast<long>(zone))));
    }
    struct timespec precise = {time->tv_sec, time->tv_usec * 1000};
    return clock_settime(CLOCK_REALTIME, &precise);
}

// The days of a (Gregorian) year.
int dysize(int year) noexcept {
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return leap ? 366 : 365;
}

// The old `struct timeb` clock: seconds and milliseconds, the time zone
// fields zero (glibc fills in neither).
int ftime(struct timeb* now) noexcept {
    struct timespec moment;
    clock_gettime(CLOCK_REALTIME, &moment);
    now->time = moment.tv_sec;
    now->millitm = static_cast<unsigned short>(moment.tv_nsec / 1000000);
    now->timezone = 0;
    now->dstflag = 0;
    return 0;
}

time_t time(time_t* out) noexcept {
    struct timespec now;
    lwp::sys::clock_gettime(CLOCK_REALTIME, &now);  // cannot fail for a valid pointer
    if (out) *out = now.tv_sec;
    return now.tv_sec;
}

// C11's way to read the clock its timed waits (mtx_timedlock, cnd_timedwait)
// take deadlines on: TIME_UTC, the only base C11 defines, is CLOCK_REALTIME.
// C11 returns the base on success and 0 for a base it does not know.
int timespec_get(struct timespec* now, int base) noexcept {
    if (base != TIME_UTC) return 0;
    return lwp::sys::failed(lwp::sys::clock_gettime(CLOCK_REALTIME, now)) ? 0 : base;
}

// C23's companion: the resolution of TIME_UTC's clock (the ts may be null,
// as clock_getres allows); 0 for another base, with ts untouched.
int timespec_getres(struct timespec* resolution, int base) noexcept {
    if (base != TIME_UTC) return 0;
    lwp::arch::syscall2(__NR_clock_getres, CLOCK_REALTIME, reinterpret_cast<long>(resolution));
    return base;
}

// The obsolete timezone argument is ignored (Linux keeps no meaningful one).
// `now` is declared non-null by <sys/time.h>.
int gettimeofday(struct timeval* __restrict now, void* __restrict) noexcept {
    struct timespec precise;
    long result = lwp::sys::clock_gettime(CLOCK_REALTIME, &precise);
    if (lwp::sys::failed(result)) return static_cast<int>(errno_result(result));
    now->tv_sec = precise.tv_sec;
    now->tv_usec = precise.tv_nsec / 1000;
    return 0;
}

int nanosleep(const struct timespec* duration, struct timespec* remaining) {
    return static_cast<int>(errno_result(sleep_for(duration, remaining)));
}

// Unlike nanosleep, returns the error number itself (POSIX), errno untouched.
// The kernel judges the clock (CLOCK_REALTIME, _MONOTONIC, _BOOTTIME, _TAI and
// the process's CPU-time clock sleep), except for the calling thread's own
// CPU-time clock, which could never advance while the thread sleeps: POSIX
// names EINVAL for it, where the kernel says EOPNOTSUPP.
int clock_nanosleep(clockid_t clock, int flags, const struct timespec* request,
                    struct timespec* remaining) {
    if (clock == CLOCK_THREAD_CPUTIME_ID) return EINVAL;
    long result = lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_clock_nanosleep, clock, flags, reinterpret_cast<long>(request),
        reinterpret_cast<long>(remaining));
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

// Returns the seconds left unslept when a signal handler interrupted it.
unsigned sleep(unsigned seconds) {
    struct timespec duration = {static_cast<time_t>(seconds), 0};
    if (sleep_for(&duration, &duration) == -EINTR)
        return static_cast<unsigned>(duration.tv_sec + (duration.tv_nsec > 0));
    return 0;
}

// Values of a second or more are accepted, as glibc's usleep accepts them.
int usleep(useconds_t microseconds) {
    struct timespec duration = {static_cast<time_t>(microseconds / 1000000),
                                static_cast<long>(microseconds % 1000000) * 1000};
    return static_cast<int>(errno_result(sleep_for(&duration, nullptr)));
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __gettimeofday(struct timeval* __restrict, void* __restrict) noexcept
    __attribute__((alias("gettimeofday"), copy(gettimeofday)));
int __nanosleep(const struct timespec*, struct timespec*)
    __attribute__((alias("nanosleep"), copy(nanosleep)));
}  // extern "C"
