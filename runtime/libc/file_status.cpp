// stat, lstat, fstat, fstatat (and their *64 names, the same calls on
// x86_64), statx, umask, mkfifo, mkfifoat, mknod, mknodat; the device-number helpers
// behind <sys/sysmacros.h>. -1 with errno on failure.
//
// On x86_64 the kernel's struct stat is glibc's struct stat and struct
// stat64 (pinned below), so each call is one newfstatat (fstat: one fstat).
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstddef>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

static_assert(sizeof(struct stat) == 144 && sizeof(struct stat64) == 144,
              "x86_64's kernel struct stat");
static_assert(offsetof(struct stat, st_mode) == 24 && offsetof(struct stat, st_size) == 48 &&
                  offsetof(struct stat, st_mtim) == 88,
              "x86_64's kernel struct stat");

namespace {

int status_at(int directory, const char* path, void* status, int flags) {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall4(__NR_newfstatat, directory, reinterpret_cast<long>(path),
                            reinterpret_cast<long>(status), flags)));
}

// fstat is the kernel's fstat, not newfstatat(fd, "", AT_EMPTY_PATH): with
// AT_FDCWD (-100) the latter would answer for the working directory, where
// fstat must fail with EBADF as for any descriptor not open (glibc's BZ
// #27559, io/tst-stat).
int descriptor_status(int fd, void* status) {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall2(__NR_fstat, fd, reinterpret_cast<long>(status))));
}

}  // namespace

extern "C" {

int stat(const char* __restrict path, struct stat* __restrict status) noexcept {
    return status_at(AT_FDCWD, path, status, 0);
}
int stat64(const char* __restrict path, struct stat64* __restrict status) noexcept {
    return status_at(AT_FDCWD, path, status, 0);
}
int lstat(const char* __restrict path, struct stat* __restrict status) noexcept {
    return status_at(AT_FDCWD, path, status, AT_SYMLINK_NOFOLLOW);
}
int lstat64(const char* __restrict path, struct stat64* __restrict status) noexcept {
    return status_at(AT_FDCWD, path, status, AT_SYMLINK_NOFOLLOW);
}
int fstat(int fd, struct stat* status) noexcept {
    return descriptor_status(fd, status);
}
int fstat64(int fd, struct stat64* status) noexcept {
    return descriptor_status(fd, status);
}
int fstatat(int directory, const char* __restrict path, struct stat* __restrict status,
            int flags) noexcept {
    return status_at(directory, path, status, flags);
}
int fstatat64(int directory, const char* __restrict path, struct stat64* __restrict status,
              int flags) noexcept {
    return status_at(directory, path, status, flags);
}

// Process-wide (the threads share it: CLONE_FS); never fails.
mode_t umask(mode_t mask) noexcept {
    return static_cast<mode_t>(lwp::arch::syscall1(__NR_umask, mask));
}

int mknodat(int directory, const char* path, mode_t mode, dev_t device) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall4(
        __NR_mknodat, directory, reinterpret_cast<long>(path), mode, static_cast<long>(device))));
}

int mknod(const char* path, mode_t mode, dev_t device) noexcept {
    return mknodat(AT_FDCWD, path, mode, device);
}

int mkfifoat(int directory, const char* path, mode_t mode) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall4(
        __NR_mknodat, directory, reinterpret_cast<long>(path), mode | S_IFIFO, 0)));
}

int mkfifo(const char* path, mode_t mode) noexcept { return mkfifoat(AT_FDCWD, path, mode); }

// The kernel's extended status (Linux 4.11 on), the call as it is: glibc's
// struct statx is the kernel's.
int statx(int directory, const char* __restrict path, int flags, unsigned int mask,
          struct statx* __restrict status) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall6(__NR_statx, directory, reinterpret_cast<long>(path), flags, mask,
                            reinterpret_cast<long>(status), 0)));
}

// What major(), minor() and makedev() call when not inlined: glibc's split
// of a 64-bit dev_t (12 bits of major and 20 of minor in the low word, as
// the kernel's old format has them, the rest above).
unsigned int gnu_dev_major(dev_t device) noexcept {
    return static_cast<unsigned int>(((device >> 32) & 0xfffff000) |
                                     ((device >> 8) & 0x00000fff));
}
unsigned int gnu_dev_minor(dev_t device) noexcept {
    return static_cast<unsigned int>(((device >> 12) & 0xffffff00) | (device & 0x000000ff));
}
dev_t gnu_dev_makedev(unsigned int major, unsigned int minor) noexcept {
    return (static_cast<dev_t>(major & 0x00000fff) << 8) |
           (static_cast<dev_t>(major & 0xfffff000) << 32) | static_cast<dev_t>(minor & 0x000000ff) |
           (static_cast<dev_t>(minor & 0xffffff00) << 12);
}

}  // extern "C"
