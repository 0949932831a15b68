// __xstat __lxstat __fxstat __fxstatat __xmknod __xmknodat and their *64
// names: the entry points that glibc's headers before 2.33 made stat, lstat,
// fstat, fstatat, mknod and mknodat call, with a leading structure version.
// Object files and static libraries built against those headers still call
// them. On x86-64 the versions glibc accepts are 0 (the kernel's) and 1 (its
// own, the same layout) for the stat family, 0 for mknod; any other is
// EINVAL, as in glibc. struct stat and struct stat64 are one layout here.
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace {

bool known_stat_version(int version) {
    if (version == 0 || version == 1) return true;
    errno = EINVAL;
    return false;
}

bool known_mknod_version(int version) {
    if (version == 0) return true;
    errno = EINVAL;
    return false;
}

}  // namespace

extern "C" {

int __xstat(int version, const char* path, struct stat* status) noexcept {
    return known_stat_version(version) ? stat(path, status) : -1;
}
int __lxstat(int version, const char* path, struct stat* status) noexcept {
    return known_stat_version(version) ? lstat(path, status) : -1;
}
int __fxstat(int version, int fd, struct stat* status) noexcept {
    return known_stat_version(version) ? fstat(fd, status) : -1;
}
int __fxstatat(int version, int directory, const char* path, struct stat* status, int flags) noexcept {
    return known_stat_version(version) ? fstatat(directory, path, status, flags) : -1;
}
int __xstat64(int, const char*, struct stat64*) noexcept __attribute__((alias("__xstat")));
int __lxstat64(int, const char*, struct stat64*) noexcept __attribute__((alias("__lxstat")));
int __fxstat64(int, int, struct stat64*) noexcept __attribute__((alias("__fxstat")));
int __fxstatat64(int, int, const char*, struct stat64*, int) noexcept __attribute__((alias("__fxstatat")));

int __xmknod(int version, const char* path, mode_t mode, dev_t* device) noexcept {
    return known_mknod_version(version) ? mknod(path, mode, *device) : -1;
}
int __xmknodat(int version, int directory, const char* path, mode_t mode, dev_t* device) noexcept {
    return known_mknod_version(version) ? mknodat(directory, path, mode, *device) : -1;
}

}  // extern "C"
