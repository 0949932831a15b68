// realpath (and canonicalize_file_name, the same with the result from
// malloc): an absolute path naming the same file with no ".", ".." or
// symbolic link in it.
//
// Resolved one component at a time, as the kernel walks a path, so it needs
// no /proc: each component is appended and asked for with readlink, which
// tells a link (its target is spliced in front of what is left) from a
// plain file or directory (EINVAL) from nothing (ENOENT) or a file used as
// a directory (ENOTDIR). More than 40 links is ELOOP, as the kernel counts;
// a result or remainder longer than PATH_MAX - 1 is ENAMETOOLONG.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errno_result.hpp"

namespace {

constexpr int most_links = 40;

// Replaces `rest` (the part of the path not walked yet) by `front` + "/" +
// what was left of it, starting at `left`; false if that is too long.
bool splice_in_front(char* rest, const char* left, const char* front, size_t front_length) {
    size_t left_length = strlen(left);
    if (front_length + 1 + left_length >= PATH_MAX) return false;
    memmove(rest + front_length + 1, left, left_length + 1);
    memcpy(rest, front, front_length);
    rest[front_length] = '/';
    return true;
}

}  // namespace

extern "C" {

char* realpath(const char* __restrict path, char* __restrict resolved) noexcept {
    if (path == nullptr) {
        lwp::libc::fail_with_errno(EINVAL);
        return nullptr;
    }
    if (path[0] == '\0') {
        lwp::libc::fail_with_errno(ENOENT);
        return nullptr;
    }
    size_t path_length = strlen(path);
    if (path_length >= PATH_MAX) {
        lwp::libc::fail_with_errno(ENAMETOOLONG);
        return nullptr;
    }
    char result[PATH_MAX];
    char rest[PATH_MAX];
    memcpy(rest, path, path_length + 1);
    size_t length;  // of result, which never ends in '/' except when it is "/"
    if (path[0] == '/') {
        result[0] = '/';
        length = 1;
    } else {
        if (getcwd(result, sizeof result) == nullptr) return nullptr;
        length = strlen(result);
    }
    result[length] = '\0';
    bool must_be_directory = path[path_length - 1] == '/';
    int links = 0;
    char* next = rest;
    while (*next) {
        char* end = strchr(next, '/');
        size_t component_length = end ? static_cast<size_t>(end - next) : strlen(next);
        char* after = end ? end + 1 : next + component_length;
        if (component_length == 0 || (component_length == 1 && next[0] == '.')) {
            next = after;
            continue;
        }
        if (component_length == 2 && next[0] == '.' && next[1] == '.') {
            while (length > 1 && result[length - 1] != '/') --length;
            if (length > 1) --length;  // the slash before it, unless it is the root
            result[length] = '\0';
            next = after;
            continue;
        }
        size_t parent_length = length;
        bool needs_slash = result[length - 1] != '/';
        if (length + needs_slash + component_length >= PATH_MAX) {
            lwp::libc::fail_with_errno(ENAMETOOLONG);
            return nullptr;
        }
        if (needs_slash) result[length++] = '/';
        memcpy(result + length, next, component_length);
        length += component_length;
        result[length] = '\0';

        char target[PATH_MAX];
        ssize_t target_length = readlink(result, target, sizeof target - 1);
        if (target_length < 0) {
            if (errno != EINVAL) return nullptr;  // ENOENT, ENOTDIR, EACCES, ...
            next = after;                         // not a link: keep it
            continue;
        }
        if (++links > most_links) {
            lwp::libc::fail_with_errno(ELOOP);
            return nullptr;
        }
        // The link's target is walked in its place: from the root when it
        // is absolute, else from the directory holding the link.
        length = target[0] == '/' ? 1 : parent_length;
        result[length] = '\0';
        if (!splice_in_front(rest, after, target, static_cast<size_t>(target_length))) {
            lwp::libc::fail_with_errno(ENAMETOOLONG);
            return nullptr;
        }
        next = rest;
    }
    // A trailing slash asks for a directory; every component before the last
    // was checked as one by the kernel already.
    if (must_be_directory) {
        struct stat status;
        if (stat(result, &status) != 0) return nullptr;
        if (!S_ISDIR(status.st_mode)) {
            lwp::libc::fail_with_errno(ENOTDIR);
            return nullptr;
        }
    }
    if (resolved == nullptr) {
        resolved = static_cast<char*>(malloc(length + 1));
        if (resolved == nullptr) return nullptr;  // ENOMEM, from malloc
    }
    memcpy(resolved, result, length + 1);
    return resolved;
}

// GNU's name for realpath into a buffer of malloc's.
char* canonicalize_file_name(const char* path) noexcept { return realpath(path, nullptr); }

}  // extern "C"
