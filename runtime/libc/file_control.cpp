// fcntl and lockf: descriptor flags and POSIX record locks; flock, BSD's
// whole-file locks; ioctl, a device's own requests. -1 with errno on
// failure. Waiting for a lock (F_SETLKW, and lockf's F_LOCK, which is one)
// is a cancellation point (runtime/thread/cancellation_point.hpp).
#include <fcntl.h>
#include <stdarg.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

namespace {

long fcntl_call(int fd, int command, long argument) {
    if (command == F_SETLKW || command == F_OFD_SETLKW)
        return lwp::runtime::cancellation_point_syscall(nullptr, __NR_fcntl, fd, command,
                                                        argument);
    return lwp::arch::syscall3(__NR_fcntl, fd, command, argument);
}

}  // namespace

extern "C" {

int fcntl(int fd, int command, ...) {
    // Every command takes at most one argument, an int or a pointer; reading
    // it as a long is what the kernel's own interface does, and harmless for
    // the commands that take none.
    va_list arguments;
    va_start(arguments, command);
    long argument = va_arg(arguments, long);
    va_end(arguments);
    return static_cast<int>(errno_result(fcntl_call(fd, command, argument)));
}

// The request's one argument, if it has any, is an int or a pointer, read
// as a long for the reason fcntl's is. Not a cancellation point (neither is
// glibc's): the requests that wait (TCSBRK's drain) have their own call,
// tcdrain, that is one.
int ioctl(int fd, unsigned long request, ...) noexcept {
    va_list arguments;
    va_start(arguments, request);
    long argument = va_arg(arguments, long);
    va_end(arguments);
    return static_cast<int>(errno_result(lwp::arch::syscall3(
        __NR_ioctl, fd, static_cast<long>(request), argument)));
}

// lockf locks from the current offset for `length` bytes (0: to the end of
// the file, however it grows; negative: the bytes before the offset), as a
// write lock.
// Not a cancellation point (POSIX does not have it); a blocking LOCK_EX or
// LOCK_SH that a signal handler interrupts fails with EINTR.
int flock(int fd, int operation) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall2(__NR_flock, fd, operation)));
}

int lockf(int fd, int command, off_t length) {
    struct flock region {};
    region.l_type = F_WRLCK;
    region.l_whence = SEEK_CUR;
    region.l_start = 0;
    region.l_len = length;
    auto address = reinterpret_cast<long>(&region);
    switch (command) {
    case F_LOCK: return static_cast<int>(errno_result(fcntl_call(fd, F_SETLKW, address)));
    case F_TLOCK: return static_cast<int>(errno_result(fcntl_call(fd, F_SETLK, address)));
    case F_ULOCK:
        region.l_type = F_UNLCK;
        return static_cast<int>(errno_result(fcntl_call(fd, F_SETLK, address)));
    case F_TEST: {
        // Free, or held by this process: 0. Held by another: EACCES.
        long result = errno_result(fcntl_call(fd, F_GETLK, address));
        if (result < 0) return -1;
        if (region.l_type == F_UNLCK || region.l_pid == lwp::sys::getpid())
            return 0;
        return lwp::libc::fail_with_errno(EACCES);
    }
    default: return lwp::libc::fail_with_errno(EINVAL);
    }
}

}  // extern "C"
