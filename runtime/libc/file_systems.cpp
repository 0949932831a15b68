// What a file system holds: statfs fstatfs (Linux's, the kernel's struct as
// it is) and statvfs fstatvfs (POSIX's, translated), with their *64 names,
// the same calls on x86-64. -1 with errno on failure.
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

namespace {

// The kernel's f_flags carries the mount flags (ST_RDONLY, ST_NOSUID, ...,
// the values statvfs's f_flag uses) plus ST_VALID, which only says they are
// there (every kernel since 2.6.36).
constexpr unsigned long flags_are_valid = 0x0020;

void translate(const struct statfs& system, struct statvfs& answer) {
    answer = {};
    answer.f_bsize = static_cast<unsigned long>(system.f_bsize);
    answer.f_frsize =
        static_cast<unsigned long>(system.f_frsize ? system.f_frsize : system.f_bsize);
    answer.f_blocks = system.f_blocks;
    answer.f_bfree = system.f_bfree;
    answer.f_bavail = system.f_bavail;
    answer.f_files = system.f_files;
    answer.f_ffree = system.f_ffree;
    answer.f_favail = system.f_ffree;  // no separate count for the unprivileged
    // The two halves of the kernel's fsid, as glibc packs them.
    auto low = static_cast<unsigned int>(system.f_fsid.__val[0]);
    auto high = static_cast<unsigned int>(system.f_fsid.__val[1]);
    answer.f_fsid = low | static_cast<unsigned long>(high) << 32;
    answer.f_flag = static_cast<unsigned long>(system.f_flags) & ~flags_are_valid;
    answer.f_namemax = static_cast<unsigned long>(system.f_namelen);
}

}  // namespace

extern "C" {

int statfs(const char* path, struct statfs* answer) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall2(
        __NR_statfs, reinterpret_cast<long>(path), reinterpret_cast<long>(answer))));
}
int statfs64(const char* path, struct statfs64* answer) noexcept
    __attribute__((alias("statfs")));

int fstatfs(int fd, struct statfs* answer) noexcept {
    return static_cast<int>(
        errno_result(lwp::arch::syscall2(__NR_fstatfs, fd, reinterpret_cast<long>(answer))));
}
int fstatfs64(int fd, struct statfs64* answer) noexcept __attribute__((alias("fstatfs")));

int statvfs(const char* __restrict path, struct statvfs* __restrict answer) noexcept {
    struct statfs system;
    if (statfs(path, &system) != 0) return -1;
    translate(system, *answer);
    return 0;
}
int statvfs64(const char* __restrict path, struct statvfs64* __restrict answer) noexcept
    __attribute__((alias("statvfs")));

int fstatvfs(int fd, struct statvfs* answer) noexcept {
    struct statfs system;
    if (fstatfs(fd, &system) != 0) return -1;
    translate(system, *answer);
    return 0;
}
int fstatvfs64(int fd, struct statvfs64* answer) noexcept __attribute__((alias("fstatvfs")));

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __statfs(const char*, struct statfs*) noexcept __attribute__((alias("statfs"), copy(statfs)));
}  // extern "C"
