// Calls on names and attributes of files: rename renameat renameat2 link
// linkat unlinkat symlinkat readlink readlinkat mkdirat faccessat fchmodat
// chown fchown lchown fchownat truncate fchdir utimensat futimens (and the
// older utime utimes futimes futimesat, and lutimes) lchmod euidaccess
// eaccess (sync and syncfs are sync.cpp's). Thin wrappers over the system calls: -1 with errno
// on failure (ssize_t for the readlink pair). None is a cancellation point.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::arch::syscall1;
using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::arch::syscall4;
using lwp::arch::syscall5;
using lwp::libc::errno_result;
using lwp::libc::int_errno_result;

namespace {

long address(const void* pointer) { return reinterpret_cast<long>(pointer); }

// utime, utimes, futimes and futimesat: microseconds (or seconds) through
// utimensat; null times means now, for both.
int set_times_from_timevals(int directory, const char* path, const struct timeval times[2]) {
    if (times == nullptr) return int_errno_result(syscall4(__NR_utimensat, directory, address(path), 0, 0));
    struct timespec precise[2];
    for (int i = 0; i < 2; ++i) {
        if (times[i].tv_usec < 0 || times[i].tv_usec >= 1000000)
            return lwp::libc::fail_with_errno(EINVAL);
        precise[i] = {times[i].tv_sec, times[i].tv_usec * 1000};
    }
    return int_errno_result(syscall4(__NR_utimensat, directory, address(path), address(precise), 0));
}

}  // namespace

extern "C" {

int renameat2(int old_directory, const char* old_path, int new_directory, const char* new_path,
              unsigned int flags) noexcept {
    return int_errno_result(syscall5(__NR_renameat2, old_directory, address(old_path), new_directory,
                           address(new_path), flags));
}
int renameat(int old_directory, const char* old_path, int new_directory,
             const char* new_path) noexcept {
    return renameat2(old_directory, old_path, new_directory, new_path, 0);
}
int rename(const char* old_path, const char* new_path) noexcept {
    return renameat2(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

int linkat(int old_directory, const char* old_path, int new_directory, const char* new_path,
           int flags) noexcept {
    return int_errno_result(syscall5(__NR_linkat, old_directory, address(old_path), new_directory,
                           address(new_path), flags));
}
int link(const char* old_path, const char* new_path) noexcept {
    return linkat(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

int unlinkat(int directory, const char* path, int flags) noexcept {
    return int_errno_result(syscall3(__NR_unlinkat, directory, address(path), flags));
}

int symlinkat(const char* target, int directory, const char* path) noexcept {
    return int_errno_result(syscall3(__NR_symlinkat, address(target), directory, address(path)));
}

// The link's contents, not null-terminated, cut at `size` bytes.
ssize_t readlinkat(int directory, const char* __restrict path, char* __restrict buffer,
                   size_t size) noexcept {
    return errno_result(syscall4(__NR_readlinkat, directory, address(path), address(buffer),
                                 static_cast<long>(size)));
}
ssize_t readlink(const char* __restrict path, char* __restrict buffer, size_t size) noexcept {
    return readlinkat(AT_FDCWD, path, buffer, size);
}

int mkdirat(int directory, const char* path, mode_t mode) noexcept {
    return int_errno_result(syscall3(__NR_mkdirat, directory, address(path), mode));
}

// faccessat2 takes the flags (AT_EACCESS, AT_SYMLINK_NOFOLLOW) that the
// older faccessat system call has no room for; kernels before 5.8 lack it,
// and then only flags 0 can be honoured.
int faccessat(int directory, const char* path, int mode, int flags) noexcept {
    long answer = syscall4(__NR_faccessat2, directory, address(path), mode, flags);
    if (answer == -ENOSYS && flags == 0)
        answer = syscall3(__NR_faccessat, directory, address(path), mode);
    return int_errno_result(answer);
}

// access checked with the effective ids instead of the real ones (what
// open would use); the GNU name and the BSD one.
int lutimes(const char* path, const struct timeval times[2]) noexcept {
    if (times == nullptr) return utimensat(AT_FDCWD, path, nullptr, AT_SYMLINK_NOFOLLOW);
    struct timespec precise[2];
    for (int i = 0; i < 2; ++i) {
        if (times[i].tv_usec < 0 || times[i].tv_usec >= 1000000)
            return lwp::libc::fail_with_errno(EINVAL);
        precise[i] = {times[i].tv_sec, times[i].tv_usec * 1000};
    }
    return utimensat(AT_FDCWD, path, precise, AT_SYMLINK_NOFOLLOW);
}

// A link's own mode: Linux has none to change, so fchmodat's answer for a
// link (EOPNOTSUPP), as glibc gives.
int lchmod(const char* path, mode_t mode) noexcept {
    return fchmodat(AT_FDCWD, path, mode, AT_SYMLINK_NOFOLLOW);
}

int euidaccess(const char* path, int mode) noexcept {
    return faccessat(AT_FDCWD, path, mode, AT_EACCESS);
}
int eaccess(const char* path, int mode) noexcept __attribute__((alias("euidaccess")));

// fchmodat's original system call has no flags argument. With
// AT_SYMLINK_NOFOLLOW, a file that is not a link gets its mode changed and
// a link is refused with EOPNOTSUPP (Linux keeps no mode for links), as
// glibc answers: through fchmodat2 (Linux 6.6), which takes the flag, or
// before it by opening the name itself (O_PATH, not following a link) and
// changing the mode through /proc/self/fd, so that a link put in the file's
// place meanwhile is not followed.
int fchmodat(int directory, const char* path, mode_t mode, int flags) noexcept {
    if (flags & ~AT_SYMLINK_NOFOLLOW) return lwp::libc::fail_with_errno(EINVAL);
    if (flags == 0) return int_errno_result(syscall3(__NR_fchmodat, directory, address(path), mode));
    constexpr long fchmodat2_call = 452;  // x86-64's number, not yet in this system's headers
    long answer = syscall4(fchmodat2_call, directory, address(path), mode, flags);
    if (answer != -ENOSYS) return int_errno_result(answer);
    int fd = openat(directory, path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat status;
    int result;
    if (fstat(fd, &status) != 0) {
        result = -1;
    } else if (S_ISLNK(status.st_mode)) {
        result = lwp::libc::fail_with_errno(EOPNOTSUPP);
    } else {
        char by_descriptor[32];
        snprintf(by_descriptor, sizeof by_descriptor, "/proc/self/fd/%d", fd);
        result = int_errno_result(syscall3(__NR_fchmodat, AT_FDCWD, address(by_descriptor), mode));
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

int fchownat(int directory, const char* path, uid_t owner, gid_t group, int flags) noexcept {
    return int_errno_result(syscall5(__NR_fchownat, directory, address(path), owner, group, flags));
}
int chown(const char* path, uid_t owner, gid_t group) noexcept {
    return fchownat(AT_FDCWD, path, owner, group, 0);
}
int lchown(const char* path, uid_t owner, gid_t group) noexcept {
    return fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW);
}
int fchown(int fd, uid_t owner, gid_t group) noexcept {
    return int_errno_result(syscall3(__NR_fchown, fd, owner, group));
}

int truncate(const char* path, off_t length) noexcept {
    return int_errno_result(syscall2(__NR_truncate, address(path), length));
}
int truncate64(const char* path, off_t length) noexcept __attribute__((alias("truncate")));

int fchdir(int fd) noexcept { return int_errno_result(syscall1(__NR_fchdir, fd)); }

// Times to the nanosecond; UTIME_NOW and UTIME_OMIT pass through.
int utimensat(int directory, const char* path, const struct timespec times[2],
              int flags) noexcept {
    return int_errno_result(syscall4(__NR_utimensat, directory, address(path), address(times), flags));
}
// The system call with no path acts on the descriptor itself (glibc's
// header declares utimensat's path non-null, so not through it).
int futimens(int fd, const struct timespec times[2]) noexcept {
    return int_errno_result(syscall4(__NR_utimensat, fd, 0, address(times), 0));
}


int futimesat(int directory, const char* path, const struct timeval times[2]) noexcept {
    return set_times_from_timevals(directory, path, times);
}
int utimes(const char* path, const struct timeval times[2]) noexcept {
    return set_times_from_timevals(AT_FDCWD, path, times);
}
int futimes(int fd, const struct timeval times[2]) noexcept {
    return set_times_from_timevals(fd, nullptr, times);
}
int utime(const char* path, const struct utimbuf* times) noexcept {
    if (times == nullptr) return set_times_from_timevals(AT_FDCWD, path, nullptr);
    const struct timeval whole[2] = {{times->actime, 0}, {times->modtime, 0}};
    return set_times_from_timevals(AT_FDCWD, path, whole);
}

}  // extern "C"
