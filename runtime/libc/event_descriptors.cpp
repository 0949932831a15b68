// Descriptors that deliver events: epoll (epoll_create epoll_create1
// epoll_ctl epoll_wait epoll_pwait epoll_pwait2), eventfd (eventfd eventfd_read
// eventfd_write), signalfd, timerfd (timerfd_create timerfd_settime
// timerfd_gettime), inotify (inotify_init inotify_init1
// inotify_add_watch inotify_rm_watch) and fanotify (fanotify_init
// fanotify_mark). -1 with errno on failure.
//
// epoll_wait, epoll_pwait and epoll_pwait2 block: cancellation points, as in glibc
// (runtime/thread/cancellation_point.hpp), and so are eventfd_read and
// eventfd_write, which are read and write. A signal mask given to
// epoll_pwait, epoll_pwait2 or signalfd never holds the cancellation signal
// (posix/cancel_signal.hpp): waiting with it blocked would make the thread
// uncancellable, and a signalfd that took it would steal lwp's requests.
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

#include "../posix/cancel_signal.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::arch::syscall1;
using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::arch::syscall4;
using lwp::libc::int_errno_result;

namespace {

long address(const void* pointer) { return reinterpret_cast<long>(pointer); }
}  // namespace

extern "C" {

int epoll_create1(int flags) noexcept { return int_errno_result(syscall1(__NR_epoll_create1, flags)); }

// The size is only a hint the kernel no longer uses, but must be positive.
int epoll_create(int size) noexcept {
    if (size <= 0) return lwp::libc::fail_with_errno(EINVAL);
    return epoll_create1(0);
}

int epoll_ctl(int epoll, int operation, int fd, struct epoll_event* event) noexcept {
    return int_errno_result(syscall4(__NR_epoll_ctl, epoll, operation, fd, address(event)));
}

int epoll_pwait(int epoll, struct epoll_event* events, int capacity, int timeout_ms,
                const sigset_t* mask) {
    unsigned long mask_word = mask ? lwp::posix::program_mask_word(mask) : 0;
    return int_errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_epoll_pwait, epoll, address(events), capacity, timeout_ms,
        mask ? address(&mask_word) : 0, lwp::sys::kernel_sigset_size));
}

// The same with a timeout to the nanosecond (Linux 5.11; ENOSYS before, as
// glibc answers); a null timeout waits without end.
int epoll_pwait2(int epoll, struct epoll_event* events, int capacity, const struct timespec* timeout,
                 const sigset_t* mask) {
    unsigned long mask_word = mask ? lwp::posix::program_mask_word(mask) : 0;
    return int_errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_epoll_pwait2, epoll, address(events), capacity, address(timeout),
        mask ? address(&mask_word) : 0, lwp::sys::kernel_sigset_size));
}

int epoll_wait(int epoll, struct epoll_event* events, int capacity, int timeout_ms) {
    return epoll_pwait(epoll, events, capacity, timeout_ms, nullptr);
}

int eventfd(unsigned int initial, int flags) noexcept {
    return int_errno_result(syscall2(__NR_eventfd2, initial, flags));
}

// One 8-byte read or write: the counter's value, or what to add to it.
int eventfd_read(int fd, eventfd_t* value) {
    long got = lwp::runtime::cancellation_point_syscall(nullptr, __NR_read, fd, address(value),
                                                        sizeof *value);
    if (lwp::sys::failed(got)) return int_errno_result(got);
    return got == sizeof *value ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value) {
    long put = lwp::runtime::cancellation_point_syscall(nullptr, __NR_write, fd, address(&value),
                                                        sizeof value);
    if (lwp::sys::failed(put)) return int_errno_result(put);
    return put == sizeof value ? 0 : -1;
}

int signalfd(int fd, const sigset_t* mask, int flags) noexcept {
    unsigned long mask_word = lwp::posix::program_mask_word(mask);
    return int_errno_result(lwp::arch::syscall4(__NR_signalfd4, fd, address(&mask_word),
                                      lwp::sys::kernel_sigset_size, flags));
}

int timerfd_create(clockid_t clock, int flags) noexcept {
    return int_errno_result(syscall2(__NR_timerfd_create, clock, flags));
}

int timerfd_settime(int fd, int flags, const struct itimerspec* value,
                    struct itimerspec* old_value) noexcept {
    return int_errno_result(syscall4(__NR_timerfd_settime, fd, flags, address(value), address(old_value)));
}

int timerfd_gettime(int fd, struct itimerspec* value) noexcept {
    return int_errno_result(syscall2(__NR_timerfd_gettime, fd, address(value)));
}

int inotify_init1(int flags) noexcept { return int_errno_result(syscall1(__NR_inotify_init1, flags)); }
int inotify_init(void) noexcept { return inotify_init1(0); }

int inotify_add_watch(int fd, const char* path, uint32_t events) noexcept {
    return int_errno_result(syscall3(__NR_inotify_add_watch, fd, address(path), events));
}

int inotify_rm_watch(int fd, int watch) noexcept {
    return int_errno_result(syscall2(__NR_inotify_rm_watch, fd, watch));
}

// fanotify: file system events for a whole mount or file system, with the
// power to allow or deny access (CAP_SYS_ADMIN).
int fanotify_init(unsigned int flags, unsigned int event_flags) noexcept {
    return int_errno_result(syscall2(__NR_fanotify_init, flags, event_flags));
}
int fanotify_mark(int fd, unsigned int flags, uint64_t mask, int directory, const char* path) noexcept {
    return int_errno_result(lwp::arch::syscall5(__NR_fanotify_mark, fd, flags, static_cast<long>(mask),
                                                directory, address(path)));
}

}  // extern "C"
