// Extended attributes (<sys/xattr.h>): getxattr setxattr listxattr
// removexattr, each in three forms (a path, followed if a symbolic link; an
// l form on the link itself; an f form on a descriptor). Thin wrappers over
// the system calls of the same names, -1 plus errno on failure (ENODATA for
// an attribute the file lacks, ERANGE for a buffer too small, ENOTSUP where
// the file system has none). None is a cancellation point, in glibc either.
#include <sys/syscall.h>
#include <sys/xattr.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

// A size of 0 asks only how large the value (or the list of names) is.
ssize_t getxattr(const char* path, const char* name, void* value, size_t size) noexcept {
    return system_call(__NR_getxattr, path, name, value, size);
}
ssize_t lgetxattr(const char* path, const char* name, void* value, size_t size) noexcept {
    return system_call(__NR_lgetxattr, path, name, value, size);
}
ssize_t fgetxattr(int fd, const char* name, void* value, size_t size) noexcept {
    return system_call(__NR_fgetxattr, fd, name, value, size);
}

// flags: XATTR_CREATE (EEXIST if it is there) or XATTR_REPLACE (ENODATA if
// it is not), or 0 for either.
int setxattr(const char* path, const char* name, const void* value, size_t size, int flags) noexcept {
    return static_cast<int>(system_call(__NR_setxattr, path, name, value, size, flags));
}
int lsetxattr(const char* path, const char* name, const void* value, size_t size, int flags) noexcept {
    return static_cast<int>(system_call(__NR_lsetxattr, path, name, value, size, flags));
}
int fsetxattr(int fd, const char* name, const void* value, size_t size, int flags) noexcept {
    return static_cast<int>(system_call(__NR_fsetxattr, fd, name, value, size, flags));
}

// The names, each NUL-terminated, one after another.
ssize_t listxattr(const char* path, char* list, size_t size) noexcept {
    return system_call(__NR_listxattr, path, list, size);
}
ssize_t llistxattr(const char* path, char* list, size_t size) noexcept {
    return system_call(__NR_llistxattr, path, list, size);
}
ssize_t flistxattr(int fd, char* list, size_t size) noexcept {
    return system_call(__NR_flistxattr, fd, list, size);
}

int removexattr(const char* path, const char* name) noexcept {
    return static_cast<int>(system_call(__NR_removexattr, path, name));
}
int lremovexattr(const char* path, const char* name) noexcept {
    return static_cast<int>(system_call(__NR_lremovexattr, path, name));
}
int fremovexattr(int fd, const char* name) noexcept {
    return static_cast<int>(system_call(__NR_fremovexattr, fd, name));
}

}  // extern "C"
