// shm_open shm_unlink: POSIX shared memory objects, which on Linux are files
// in the tmpfs at /dev/shm, as glibc keeps them (so lwp programs and glibc
// ones share the same objects by name).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

// "/dev/shm/" + the name without its leading slashes; false (EINVAL, or
// ENAMETOOLONG) for a name glibc also refuses: empty, "." or "..", or with
// a slash inside.
bool object_path(const char* name, char (&path)[PATH_MAX]) {
    while (*name == '/') ++name;
    size_t length = strlen(name);
    if (length == 0 || strchr(name, '/') != nullptr || strcmp(name, ".") == 0 ||
        strcmp(name, "..") == 0) {
        errno = EINVAL;
        return false;
    }
    if (length >= NAME_MAX + 1 || sizeof "/dev/shm/" + length > sizeof path) {
        errno = ENAMETOOLONG;
        return false;
    }
    memcpy(path, "/dev/shm/", sizeof "/dev/shm/" - 1);
    memcpy(path + sizeof "/dev/shm/" - 1, name, length + 1);
    return true;
}

}  // namespace

extern "C" {

// Close-on-exec and never following a link, as glibc opens them.
int shm_open(const char* name, int flags, mode_t mode) {
    char path[PATH_MAX];
    if (!object_path(name, path)) return -1;
    return open(path, flags | O_NOFOLLOW | O_CLOEXEC, mode);
}

int shm_unlink(const char* name) {
    char path[PATH_MAX];
    if (!object_path(name, path)) return -1;
    return unlink(path);
}

}  // extern "C"
