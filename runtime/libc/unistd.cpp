// write read pread pwrite fsync fdatasync sync_file_range close lseek
// ftruncate getpid gettid sched_yield isatty tcdrain: thin POSIX wrappers over runtime/sys, converting
// -errno into -1 plus errno. write, read, pread, pwrite, fsync, fdatasync,
// close and tcdrain are cancellation points
// (runtime/thread/cancellation_point.hpp).
#include <errno.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::runtime::cancellation_point_syscall;

extern "C" {

ssize_t write(int fd, const void* data, size_t length) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_write, fd,
                                                   reinterpret_cast<long>(data),
                                                   static_cast<long>(length)));
}

ssize_t read(int fd, void* data, size_t length) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_read, fd,
                                                   reinterpret_cast<long>(data),
                                                   static_cast<long>(length)));
}

// At an offset, without moving the file's own: cancellation points too.
ssize_t pread(int fd, void* data, size_t length, off_t offset) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_pread64, fd,
                                                   reinterpret_cast<long>(data),
                                                   static_cast<long>(length), offset));
}

ssize_t pwrite(int fd, const void* data, size_t length, off_t offset) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_pwrite64, fd,
                                                   reinterpret_cast<long>(data),
                                                   static_cast<long>(length), offset));
}

off_t lseek(int fd, off_t offset, int whence) noexcept {
    return errno_result(lwp::arch::syscall3(__NR_lseek, fd, offset, whence));
}

int ftruncate(int fd, off_t length) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall2(__NR_ftruncate, fd, length)));
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
off_t lseek64(int fd, off_t offset, int whence) noexcept __attribute__((alias("lseek")));
ssize_t pread64(int fd, void* data, size_t length, off_t offset) __attribute__((alias("pread")));
ssize_t pwrite64(int fd, const void* data, size_t length, off_t offset)
    __attribute__((alias("pwrite")));
int ftruncate64(int fd, off_t length) noexcept __attribute__((alias("ftruncate")));

// Linux releases the descriptor even when close reports EINTR, so it is
// never retried (a retry could close a descriptor another thread just got).
// A cancellation acts only before the call starts (a close the kernel has
// begun finishes, and returns), so a cancelled close left the descriptor open.
// Waiting for the disk: cancellation points too.
int fsync(int fd) {
    return static_cast<int>(errno_result(cancellation_point_syscall(nullptr, __NR_fsync, fd)));
}
int fdatasync(int fd) {
    return static_cast<int>(errno_result(cancellation_point_syscall(nullptr, __NR_fdatasync, fd)));
}

// Starts or waits for writeback of part of a file, without the metadata
// (a Linux call). Not a cancellation point: glibc's is not either.
int sync_file_range(int fd, off_t offset, off_t length, unsigned int flags) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall4(__NR_sync_file_range, fd, offset, length, flags)));
}

int close(int fd) {
    return static_cast<int>(errno_result(cancellation_point_syscall(nullptr, __NR_close, fd)));
}

pid_t getpid(void) noexcept { return lwp::sys::getpid(); }

pid_t gettid(void) noexcept { return lwp::sys::gettid(); }

int sched_yield(void) noexcept { return static_cast<int>(errno_result(lwp::sys::sched_yield())); }

// A terminal is whatever answers TCGETS; others fail with ENOTTY (or EBADF).
int isatty(int fd) noexcept {
    alignas(8) char settings[64];  // more than the kernel's 36-byte termios
    return errno_result(lwp::sys::ioctl(fd, TCGETS, settings)) == 0;
}

// Waits until a terminal has sent all its output: TCSBRK with a nonzero
// argument is Linux's drain (zero would send a break). A cancellation point.
int tcdrain(int fd) {
    return static_cast<int>(
        errno_result(cancellation_point_syscall(nullptr, __NR_ioctl, fd, TCSBRK, 1)));
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
ssize_t __read(int, void*, size_t) __attribute__((alias("read"), copy(read)));
ssize_t __write(int, const void*, size_t) __attribute__((alias("write"), copy(write)));
ssize_t __pread64(int, void*, size_t, off_t) __attribute__((alias("pread"), copy(pread)));
ssize_t __pwrite64(int, const void*, size_t, off_t) __attribute__((alias("pwrite"), copy(pwrite)));
off_t __lseek(int, off_t, int) noexcept __attribute__((alias("lseek"), copy(lseek)));
int __close(int) __attribute__((alias("close"), copy(close)));
pid_t __getpid(void) noexcept __attribute__((alias("getpid"), copy(getpid)));
int __sched_yield(void) noexcept __attribute__((alias("sched_yield"), copy(sched_yield)));
}  // extern "C"
