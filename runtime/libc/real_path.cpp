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
//
// glibc's two rules beyond that: a component that is no link, followed by
// a trailing slash or by a "." or ".." component, must be a directory
// (ENOTDIR otherwise, checked as glibc does, by asking faccessat for the
// path with a slash added), since the walk alone would never look inside
// it: "file/.." fails rather than naming file's directory. And when the
// walk fails with ENOENT or EACCES, the caller's buffer gets the path as far
// as it got, up to and with the component that failed ("/missing" for
// "/missing/../etc"), while the result is still null.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errno_result.hpp"

namespace {

constexpr int most_links = 40;

// Replaces `rest` (the part of the path not walked yet) by `front` + what
// was left of it, `left` (empty, or from the slash after the link's name);
// false if that is too long.
bool splice_in_front(char* rest, const char* left, const char* front, size_t front_length) {
    size_t left_length = strlen(left);
    if (front_length + left_length >= PATH_MAX) return false;
    memmove(rest + front_length, left, left_length + 1);
    memcpy(rest, front, front_length);
    return true;
}

// Whether what follows a component (`left`: empty, or from the slash after
// it) makes it a directory the walk must check itself, as glibc decides: a
// trailing slash, or a ".." component, or a "." that ends the path, all
// taken without a lookup inside it (past a "." the next component decides).
// A name next is looked up inside it, which checks it.
bool needs_directory_check(const char* left) {
    while (*left == '/') {
        while (*left == '/') ++left;
        if (left[0] == '\0') return true;  // a trailing slash
        if (left[0] != '.') return false;   // a name
        if (left[1] == '\0') return true;  // "." last
        if (left[1] == '/') {              // "." with more after it: look on
            ++left;
            continue;
        }
        // "..", or a name that starts with '.'.
        return left[1] == '.' && (left[2] == '\0' || left[2] == '/');
    }
    return false;
}

// The end of a failed walk: null, and for ENOENT and EACCES the path as far
// as it got (`walked`, `length` bytes) in the caller's buffer.
char* fail_after(const char* walked, size_t length, char* resolved) {
    if (resolved != nullptr && (errno == ENOENT || errno == EACCES)) {
        memcpy(resolved, walked, length);
        resolved[length] = '\0';
    }
    return nullptr;
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
    // One byte more than a path: the slash of a directory check.
    char result[PATH_MAX + 1];
    char rest[PATH_MAX];
    memcpy(rest, path, path_length + 1);
    size_t length;  // of result, which never ends in '/' except when it is "/"
    if (path[0] == '/') {
        result[0] = '/';
        length = 1;
    } else {
        // glibc's walk has nothing yet: its buffer gets "" for ENOENT (a
        // working directory removed) or EACCES.
        if (getcwd(result, PATH_MAX) == nullptr) return fail_after(result, 0, resolved);
        length = strlen(result);
    }
    result[length] = '\0';
    int links = 0;
    const char* next = rest;
    for (;;) {
        while (*next == '/') ++next;
        if (*next == '\0') break;
        const char* end = strchrnul(next, '/');  // from here on, what is left
        size_t component_length = static_cast<size_t>(end - next);
        if (component_length == 1 && next[0] == '.') {
            next = end;
            continue;
        }
        if (component_length == 2 && next[0] == '.' && next[1] == '.') {
            while (length > 1 && result[length - 1] != '/') --length;
            if (length > 1) --length;  // the slash before it, unless it is the root
            result[length] = '\0';
            next = end;
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
            // ENOENT, ENOTDIR, EACCES, ...
            if (errno != EINVAL) return fail_after(result, length, resolved);
            if (needs_directory_check(end)) {
                result[length] = '/';
                result[length + 1] = '\0';
                bool directory = faccessat(AT_FDCWD, result, F_OK, AT_EACCESS) == 0;
                result[length] = '\0';
                if (!directory) return fail_after(result, length, resolved);
            }
            next = end;  // not a link: keep it
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
        if (!splice_in_front(rest, end, target, static_cast<size_t>(target_length))) {
            lwp::libc::fail_with_errno(ENAMETOOLONG);
            return nullptr;
        }
        next = rest;
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
