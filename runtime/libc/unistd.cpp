// write read close getpid gettid sched_yield isatty: thin POSIX wrappers over
// runtime/sys, converting -errno into -1 plus errno.
#include <errno.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

extern "C" {

ssize_t write(int fd, const void* data, size_t length) {
    return errno_result(lwp::sys::write(fd, data, length));
}

ssize_t read(int fd, void* data, size_t length) {
    return errno_result(lwp::sys::read(fd, data, length));
}

// Linux releases the descriptor even when close reports EINTR, so it is
// never retried (a retry could close a descriptor another thread just got).
int close(int fd) { return static_cast<int>(errno_result(lwp::sys::close(fd))); }

pid_t getpid(void) noexcept { return lwp::sys::getpid(); }

pid_t gettid(void) noexcept { return lwp::sys::gettid(); }

int sched_yield(void) noexcept { return static_cast<int>(errno_result(lwp::sys::sched_yield())); }

// A terminal is whatever answers TCGETS; others fail with ENOTTY (or EBADF).
int isatty(int fd) noexcept {
    alignas(8) char settings[64];  // more than the kernel's 36-byte termios
    return errno_result(lwp::sys::ioctl(fd, TCGETS, settings)) == 0;
}

}  // extern "C"
