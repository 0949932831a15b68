// fcntl and lockf: descriptor flags and POSIX record locks; flock, BSD's
// whole-file locks; ioctl, a device's own requests; fallocate,
// posix_fallocate and posix_fadvise, space and access patterns. -1 with
// errno on failure (the posix_ pair: the error number itself). Waiting for a lock (F_SETLKW, and lockf's F_LOCK, which is one)
// is a cancellation point (runtime/thread/cancellation_point.hpp).
#include <errno.h>
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

// Space for [offset, offset + length): Linux's call, whose `mode` can also
// punch holes or keep the size.
int fallocate(int fd, int mode, off_t offset, off_t length) {
    return static_cast<int>(
        errno_result(lwp::arch::syscall4(__NR_fallocate, fd, mode, offset, length)));
}

// POSIX's: the space reserved, the size grown to cover it. A file system
// without fallocate answers EOPNOTSUPP; glibc then writes a byte into each
// block, which lwp does not (a concurrent writer's bytes could be
// overwritten), and passes the error on.
int posix_fallocate(int fd, off_t offset, off_t length) {
    if (offset < 0 || length <= 0) return EINVAL;
    long result = lwp::arch::syscall4(__NR_fallocate, fd, 0, offset, length);
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

// A hint of how the file will be read; the kernel checks the descriptor
// and the advice.
int posix_fadvise(int fd, off_t offset, off_t length, int advice) noexcept {
    long result = lwp::arch::syscall4(__NR_fadvise64, fd, offset, length, advice);
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions. fcntl64 is also what <fcntl.h> calls for fcntl in a program
// built with -D_FILE_OFFSET_BITS=64 (as autoconf's large-file check builds
// them).
int fcntl64(int fd, int command, ...) __attribute__((alias("fcntl")));
int lockf64(int fd, int command, off_t length) __attribute__((alias("lockf")));
int fallocate64(int fd, int mode, off_t offset, off_t length) __attribute__((alias("fallocate")));
int posix_fallocate64(int fd, off_t offset, off_t length) __attribute__((alias("posix_fallocate")));
int posix_fadvise64(int fd, off_t offset, off_t length, int advice) noexcept
    __attribute__((alias("posix_fadvise")));

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __fcntl(int, int, ...) __attribute__((alias("fcntl"), copy(fcntl)));
}  // extern "C"
