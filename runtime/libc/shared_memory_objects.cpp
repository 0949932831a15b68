// shm_open shm_unlink: POSIX shared memory objects, which on Linux are files
// in the tmpfs at /dev/shm, as glibc keeps them (so lwp programs and glibc
// ones share the same objects by name).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

namespace {

// glibc builds the path in a buffer with room for "/dev/shm/", sem_open's
// "sem.", NAME_MAX bytes and the terminator, and refuses a name that does not
// fit there: up to 4 + NAME_MAX bytes fit. A name that fits but is longer
// than NAME_MAX goes to the kernel, which says ENAMETOOLONG. The same limit
// here gives the same answers.
constexpr size_t longest_name = 4 + NAME_MAX;

// "/dev/shm/" + the name without its leading slashes; false for a name glibc
// refuses before any system call: empty, too long, or with a slash inside
// ("." and ".." are the kernel's to refuse: they name directories).
bool object_path(const char* name, char (&path)[PATH_MAX]) {
    while (*name == '/') ++name;
    size_t length = strlen(name);
    if (length == 0 || length > longest_name || strchr(name, '/') != nullptr) return false;
    memcpy(path, "/dev/shm/", sizeof "/dev/shm/" - 1);
    memcpy(path + sizeof "/dev/shm/" - 1, name, length + 1);
    return true;
}

}  // namespace

extern "C" {

// Close-on-exec and never following a link, as glibc opens them. Not a
// cancellation point, as glibc's is not (it opens without one): hence the
// system call, not open.
int shm_open(const char* name, int flags, mode_t mode) {
    char path[PATH_MAX];
    if (!object_path(name, path)) return lwp::libc::fail_with_errno(EINVAL);
    long fd = lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                                  flags | O_NOFOLLOW | O_CLOEXEC, mode);
    // A directory ("." or "..") is no shared memory object: glibc's EINVAL.
    if (fd == -EISDIR) return lwp::libc::fail_with_errno(EINVAL);
    return static_cast<int>(lwp::libc::errno_result(fd));
}

// glibc's answers: ENOENT for a name it refuses (no object can have it), and
// EACCES where the kernel says EPERM (a sticky /dev/shm and another's file).
int shm_unlink(const char* name) {
    char path[PATH_MAX];
    if (!object_path(name, path)) return lwp::libc::fail_with_errno(ENOENT);
    long result = lwp::arch::syscall3(__NR_unlinkat, AT_FDCWD, reinterpret_cast<long>(path), 0);
    if (result == -EPERM) return lwp::libc::fail_with_errno(EACCES);
    return static_cast<int>(lwp::libc::errno_result(result));
}

}  // extern "C"
