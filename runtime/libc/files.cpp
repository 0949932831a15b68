// File and process-identity calls threaded programs commonly make: open,
// creat, pipe, pipe2, dup, dup2, dup3, unlink, rmdir, remove, mkdir, symlink, chmod, fchmod, access, chdir, chroot, close_range, closefrom, getcwd, getwd, getuid and
// friends. Thin wrappers: -1 with errno on failure. (The set*id calls, which
// must reach every thread, are in runtime/posix/set_identity.cpp.)
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"
#include "possibly_null.hpp"

using lwp::arch::syscall1;
using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::arch::syscall4;
using lwp::libc::errno_result;

extern "C" {

int openat(int directory, const char* path, int flags, ...) {
    // The mode argument exists only when a file may be created.
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = (flags & (O_CREAT | __O_TMPFILE)) ? va_arg(arguments, mode_t) : 0;
    va_end(arguments);
    // A cancellation point (runtime/thread/cancellation_point.hpp).
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_openat, directory, reinterpret_cast<long>(path), flags, mode)));
}

int open(const char* path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = (flags & (O_CREAT | __O_TMPFILE)) ? va_arg(arguments, mode_t) : 0;
    va_end(arguments);
    return openat(AT_FDCWD, path, flags, mode);
}

int creat(const char* path, mode_t mode) { return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode); }

int pipe2(int fds[2], int flags) noexcept {
    return static_cast<int>(errno_result(syscall2(__NR_pipe2, reinterpret_cast<long>(fds), flags)));
}

int pipe(int fds[2]) noexcept { return pipe2(fds, 0); }

int dup(int fd) noexcept { return static_cast<int>(errno_result(syscall1(__NR_dup, fd))); }

int dup2(int fd, int target) noexcept {
    // dup3 refuses equal descriptors; dup2 then only checks fd is open.
    if (fd == target) {
        long status = syscall2(__NR_fcntl, fd, F_GETFD);
        return lwp::sys::failed(status) ? static_cast<int>(errno_result(status)) : fd;
    }
    return static_cast<int>(errno_result(syscall3(__NR_dup3, fd, target, 0)));
}

// EINVAL for equal descriptors or flags other than O_CLOEXEC (the kernel's).
int dup3(int fd, int target, int flags) noexcept {
    return static_cast<int>(errno_result(syscall3(__NR_dup3, fd, target, flags)));
}

int unlink(const char* path) noexcept {
    return static_cast<int>(errno_result(syscall3(__NR_unlinkat, AT_FDCWD, reinterpret_cast<long>(path), 0)));
}

int rmdir(const char* path) noexcept {
    return static_cast<int>(
        errno_result(syscall3(__NR_unlinkat, AT_FDCWD, reinterpret_cast<long>(path), AT_REMOVEDIR)));
}

int symlink(const char* target, const char* path) noexcept {
    return static_cast<int>(errno_result(
        syscall3(__NR_symlinkat, reinterpret_cast<long>(target), AT_FDCWD, reinterpret_cast<long>(path))));
}

// <stdio.h>'s: a file, or else an empty directory.
int remove(const char* path) noexcept {
    long result = syscall3(__NR_unlinkat, AT_FDCWD, reinterpret_cast<long>(path), 0);
    if (result == -EISDIR)
        result = syscall3(__NR_unlinkat, AT_FDCWD, reinterpret_cast<long>(path), AT_REMOVEDIR);
    return static_cast<int>(errno_result(result));
}

int mkdir(const char* path, mode_t mode) noexcept {
    return static_cast<int>(errno_result(syscall3(__NR_mkdirat, AT_FDCWD, reinterpret_cast<long>(path), mode)));
}

int chmod(const char* path, mode_t mode) noexcept {
    return static_cast<int>(errno_result(syscall4(__NR_fchmodat, AT_FDCWD, reinterpret_cast<long>(path), mode, 0)));
}

int fchmod(int fd, mode_t mode) noexcept {
    return static_cast<int>(errno_result(syscall2(__NR_fchmod, fd, mode)));
}

int access(const char* path, int mode) noexcept {
    return static_cast<int>(
        errno_result(syscall3(__NR_faccessat, AT_FDCWD, reinterpret_cast<long>(path), mode)));
}

int chdir(const char* path) noexcept {
    return static_cast<int>(errno_result(syscall1(__NR_chdir, reinterpret_cast<long>(path))));
}

// The root directory is the process's: every thread shares it (lwp's
// threads are made with CLONE_FS), unless one has left with
// unshare(CLONE_FS).
int chroot(const char* path) noexcept {
    return static_cast<int>(errno_result(syscall1(__NR_chroot, reinterpret_cast<long>(path))));
}

// Closes (or with CLOSE_RANGE_CLOEXEC marks close-on-exec) every descriptor
// from `first` to `last`, in one system call (Linux 5.9 on; ENOSYS before,
// as glibc answers); not a cancellation point, as in glibc.
int close_range(unsigned int first, unsigned int last, int flags) noexcept {
    return static_cast<int>(errno_result(syscall3(__NR_close_range, first, last, flags)));
}

// Closes every descriptor from `first` up; it cannot fail. Where the kernel
// lacks close_range (before 5.9), each number below the descriptor limit is
// closed in turn; the errors of the ones that were not open do not matter.
void closefrom(int first) noexcept {
    if (first < 0) first = 0;
    if (!lwp::sys::failed(syscall3(__NR_close_range, first, ~0u, 0))) return;
    long limit = sysconf(_SC_OPEN_MAX);
    for (long fd = first; fd < limit; ++fd) syscall1(__NR_close, fd);
}

char* getcwd(char* buffer, size_t size) noexcept {
    if (buffer == nullptr) {
        // The common extension: a buffer of the needed size from malloc.
        char path[PATH_MAX];
        long length = syscall2(__NR_getcwd, reinterpret_cast<long>(path), sizeof path);
        if (lwp::sys::failed(length)) {
            errno_result(length);
            return nullptr;
        }
        std::size_t needed = static_cast<std::size_t>(length);  // includes the NUL
        if (size != 0 && size < needed) {
            lwp::libc::fail_with_errno(ERANGE);
            return nullptr;
        }
        char* copy = static_cast<char*>(std::malloc(size != 0 ? size : needed));
        if (copy == nullptr) return nullptr;  // malloc set ENOMEM
        std::memcpy(copy, path, needed);
        return copy;
    }
    if (size == 0) {
        lwp::libc::fail_with_errno(EINVAL);
        return nullptr;
    }
    long length = syscall2(__NR_getcwd, reinterpret_cast<long>(buffer), static_cast<long>(size));
    if (lwp::sys::failed(length)) {
        errno_result(length);
        return nullptr;
    }
    return buffer;
}

// The BSD form: `buffer` holds PATH_MAX bytes; on failure it receives the
// error's message instead (glibc means to, but its GNU strerror_r leaves the
// buffer alone for a known error) and the result is null.
// The POSIX strerror_r (strerror.cpp), which always copies; <string.h>
// declares the GNU one to C++ code.
int __xpg_strerror_r(int error, char* buffer, size_t size) noexcept;

char* getwd(char* buffer) noexcept {
    if (lwp::libc::possibly_null(buffer) == nullptr) {
        lwp::libc::fail_with_errno(EINVAL);
        return nullptr;
    }
    if (getcwd(buffer, PATH_MAX) != nullptr) return buffer;
    int error = errno;
    __xpg_strerror_r(error, buffer, PATH_MAX);
    errno = error;
    return nullptr;
}

uid_t getuid(void) noexcept { return static_cast<uid_t>(lwp::arch::syscall0(__NR_getuid)); }
uid_t geteuid(void) noexcept { return static_cast<uid_t>(lwp::arch::syscall0(__NR_geteuid)); }
gid_t getgid(void) noexcept { return static_cast<gid_t>(lwp::arch::syscall0(__NR_getgid)); }
gid_t getegid(void) noexcept { return static_cast<gid_t>(lwp::arch::syscall0(__NR_getegid)); }
pid_t getppid(void) noexcept { return static_cast<pid_t>(lwp::arch::syscall0(__NR_getppid)); }

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
int open64(const char* path, int flags, ...) __attribute__((alias("open")));
int openat64(int directory, const char* path, int flags, ...) __attribute__((alias("openat")));
int creat64(const char* path, mode_t mode) __attribute__((alias("creat")));
}

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __open(const char*, int, ...) __attribute__((alias("open"), copy(open)));
int __open64(const char*, int, ...) __attribute__((alias("open"), copy(open)));
int __pipe(int[2]) noexcept __attribute__((alias("pipe"), copy(pipe)));
int __dup2(int, int) noexcept __attribute__((alias("dup2"), copy(dup2)));
}  // extern "C"
