// glob and globfree (and their `64` names): the file names a shell wildcard
// pattern stands for.
//
// The pattern is taken one '/'-separated component at a time (a quoted "\/"
// separates too). A component without wildcards is appended as it is (its
// backslashes removed); one with them is matched by fnmatch against each
// entry of the directory reached so far: FNM_PERIOD, so a leading '.' must
// be written out, except in the last component under GLOB_PERIOD;
// FNM_NOESCAPE with GLOB_NOESCAPE. A name that more components follow must
// be a directory, which the entry's type tells (d_type, else stat); the
// last component of a pattern without wildcards must name something that
// exists (lstat: a dangling symbolic link counts). Separators are kept as
// the pattern writes them, and a pattern ending in '/' matches only
// directories, written with that '/'.
//
// The results go straight into the caller's glob_t, which is whole at every
// moment (each path a malloc'd string, the vector null-terminated), so on
// any failure, including GLOB_NOSPACE partway, the caller's globfree frees
// exactly what was built; a string not yet on the vector is freed here. What
// one call adds is sorted by byte value (the C locale's collation) unless
// GLOB_NOSORT; under GLOB_BRACE each alternative's names are sorted apart, in
// the order the alternatives are written, as glibc does.
//
// A directory that cannot be opened (or read) goes to the caller's error
// function, with its name ("." for the current one) and errno, and is
// skipped unless that function returns nonzero or GLOB_ERR is set
// (GLOB_ABORTED); one that is not a directory after all (ENOTDIR) is just
// no match. Directories are opened with a raw openat, so glob is not a
// cancellation point here (nothing malloc'd can be stranded by one); stat
// and readdir are not either.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"

namespace {

// The flags a caller may pass, as glibc takes them; any other bit (even
// GLOB_MAGCHAR, which is an answer in gl_flags) is EINVAL.
constexpr int known_flags = GLOB_ERR | GLOB_MARK | GLOB_NOSORT | GLOB_DOOFFS | GLOB_NOCHECK |
                            GLOB_APPEND | GLOB_NOESCAPE | GLOB_PERIOD | GLOB_ALTDIRFUNC |
                            GLOB_BRACE | GLOB_NOMAGIC | GLOB_TILDE | GLOB_ONLYDIR |
                            GLOB_TILDE_CHECK;

// A growing, NUL-terminated path.
struct path_text {
    char* text = nullptr;
    std::size_t length = 0;
    std::size_t capacity = 0;

    path_text() = default;
    path_text(const path_text&) = delete;
    path_text& operator=(const path_text&) = delete;
    ~path_text() { free(text); }

    // False without memory (the text is then unchanged).
    bool append(const char* bytes, std::size_t count) {
        if (count >= PTRDIFF_MAX - length) return false;  // no object is that large
        if (length + count + 1 > capacity) {
            std::size_t larger = capacity ? capacity : 64;
            while (larger < length + count + 1) larger *= 2;
            char* grown = static_cast<char*>(realloc(text, larger));
            if (grown == nullptr) return false;
            text = grown;
            capacity = larger;
        }
        memcpy(text + length, bytes, count);
        length += count;
        text[length] = '\0';
        return true;
    }

    void cut_to(std::size_t kept) {
        length = kept;
        if (text != nullptr) text[length] = '\0';
    }
};

// Whether a pattern (or one component) holds a wildcard: an unquoted '*',
// '?' or '['. A quoted one (`\*`) is an ordinary character.
bool has_wildcard(const char* begin, const char* end, bool escapes) {
    for (const char* p = begin; p < end; ++p) {
        if (*p == '\\' && escapes && p + 1 < end) ++p;
        else if (*p == '*' || *p == '?' || *p == '[') return true;
    }
    return false;
}

struct expansion {
    glob_t* results;
    int flags;
    int (*on_error)(const char*, int);

    bool escapes() const { return !(flags & GLOB_NOESCAPE); }
    bool alternative_access() const { return flags & GLOB_ALTDIRFUNC; }

    // The file access of GLOB_ALTDIRFUNC (the caller's functions in the
    // glob_t) or lwp's own. Directories are opened without opendir's open,
    // which is a cancellation point.
    void* open_directory(const char* path) const {
        if (alternative_access()) return results->gl_opendir(path);
        long fd = lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                                      O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (lwp::sys::failed(fd)) {
            errno = static_cast<int>(-fd);
            return nullptr;
        }
        DIR* directory = fdopendir(static_cast<int>(fd));
        if (directory == nullptr) {
            int error = errno;
            lwp::arch::syscall1(__NR_close, fd);
            errno = error;
        }
        return directory;
    }
    struct dirent* read_directory(void* directory) const {
        if (alternative_access()) return results->gl_readdir(directory);
        return readdir(static_cast<DIR*>(directory));
    }
    void close_directory(void* directory) const {
        if (alternative_access()) results->gl_closedir(directory);
        else closedir(static_cast<DIR*>(directory));
    }
    bool exists(const char* path) const {
        struct stat status;
        return (alternative_access() ? results->gl_lstat(path, &status) : lstat(path, &status)) == 0;
    }
    bool is_directory(const char* path) const {
        struct stat status;
        int found = alternative_access() ? results->gl_stat(path, &status) : stat(path, &status);
        return found == 0 && S_ISDIR(status.st_mode);
    }

    int add(const char* path, std::size_t length);
    int add_found(path_text& path, bool directory_known, bool is_dir);
    int walk(path_text& path, const char* rest);
    int report(const char* directory, int error);
    int expand_one(const char* pattern);
    int expand_braces(const char* pattern);
};

// Appends a copy of [path, path + length) to the results: 0, or GLOB_NOSPACE
// (nothing changed).
int expansion::add(const char* path, std::size_t length) {
    char* copy = static_cast<char*>(malloc(length + 1));
    if (copy == nullptr) return GLOB_NOSPACE;
    memcpy(copy, path, length);
    copy[length] = '\0';
    // gl_offs is 0 unless GLOB_DOOFFS (glob clears it), as globfree assumes.
    std::size_t offsets = results->gl_offs;
    std::size_t used = offsets + results->gl_pathc;
    // Room for the new path and the null after it.
    char** grown = static_cast<char**>(reallocarray(results->gl_pathv, used + 2, sizeof(char*)));
    if (grown == nullptr) {
        free(copy);
        return GLOB_NOSPACE;
    }
    if (results->gl_pathv == nullptr)
        for (std::size_t i = 0; i < offsets; ++i) grown[i] = nullptr;
    results->gl_pathv = grown;
    grown[used] = copy;
    grown[used + 1] = nullptr;
    ++results->gl_pathc;
    return 0;
}

// A directory that could not be opened or read: the caller's function
// decides, unless GLOB_ERR already has. GLOB_ABORTED, or 0 to go on.
int expansion::report(const char* directory, int error) {
    if (on_error != nullptr && on_error(directory, error) != 0) return GLOB_ABORTED;
    return (flags & GLOB_ERR) ? GLOB_ABORTED : 0;
}

// A name the whole pattern matched: with GLOB_MARK a directory gets a '/'
// (directory_known: whether the directory entry's type already said).
int expansion::add_found(path_text& path, bool directory_known, bool is_dir) {
    bool mark = (flags & GLOB_MARK) && (path.length == 0 || path.text[path.length - 1] != '/') &&
                (directory_known ? is_dir : is_directory(path.text));
    if (!mark) return add(path.text, path.length);
    std::size_t kept = path.length;
    if (!path.append("/", 1)) return GLOB_NOSPACE;
    int status = add(path.text, path.length);
    path.cut_to(kept);
    return status;
}

// Matches the pattern components in `rest` under the directory `path` (as
// the pattern wrote it so far, with its separators), adding what matches.
int expansion::walk(path_text& path, const char* rest) {
    const char* component_end = strchr(rest, '/');
    if (component_end == nullptr) component_end = rest + strlen(rest);
    const char* next = component_end;
    while (*next == '/') ++next;
    const bool last = *next == '\0';
    // A pattern ending in '/' asks for directories only.
    const bool wants_directory = last && next != component_end;
    const bool only_directories = wants_directory || (last && (flags & GLOB_ONLYDIR));
    const std::size_t base = path.length;

    if (!has_wildcard(rest, component_end, escapes())) {
        for (const char* p = rest; p < component_end; ++p) {
            if (*p == '\\' && escapes() && p + 1 < component_end) ++p;
            if (!path.append(p, 1)) return GLOB_NOSPACE;
        }
        int status = 0;
        if (!last) {
            if (!path.append(component_end, static_cast<std::size_t>(next - component_end)))
                status = GLOB_NOSPACE;
            else status = walk(path, next);
        } else if (only_directories) {
            if (is_directory(path.text)) {
                if (path.append(component_end, static_cast<std::size_t>(next - component_end)))
                    status = wants_directory ? add(path.text, path.length) : add_found(path, true, true);
                else status = GLOB_NOSPACE;
            }
        } else if (exists(path.text)) {
            status = add_found(path, false, false);
        }
        path.cut_to(base);
        return status;
    }

    // The directory to list: what `path` names, without the separators
    // that end it (kept for the root itself), or "." for none.
    std::size_t directory_length = base;
    while (directory_length > 1 && path.text[directory_length - 1] == '/') --directory_length;
    const char* directory_name = ".";
    char saved = '\0';
    if (base != 0) {
        saved = path.text[directory_length];
        path.text[directory_length] = '\0';
        directory_name = path.text;
    }
    void* directory = open_directory(directory_name);
    int status = 0;
    if (directory == nullptr && errno != ENOTDIR) status = report(directory_name, errno);
    if (base != 0) path.text[directory_length] = saved;
    if (directory == nullptr) return status;

    // The component alone, NUL-terminated, for fnmatch.
    path_text component;
    if (!component.append(rest, static_cast<std::size_t>(component_end - rest))) {
        close_directory(directory);
        return GLOB_NOSPACE;
    }
    // GLOB_PERIOD lets wildcards take a leading '.' in the last component
    // only: a directory on the way must still be named with its '.' (so
    // "*/*" never climbs through "." and ".."), as in glibc.
    const int match_flags = ((flags & GLOB_PERIOD) && last ? 0 : FNM_PERIOD) |
                            ((flags & GLOB_NOESCAPE) ? FNM_NOESCAPE : 0);
    for (;;) {
        errno = 0;
        struct dirent* entry = read_directory(directory);
        if (entry == nullptr) {
            if (errno != 0) {
                // A directory that fails partway is reported as one that
                // could not be opened; what was found in it stays.
                if (base != 0) path.text[directory_length] = '\0';
                status = report(directory_name, errno);
                if (base != 0) path.text[directory_length] = saved;
            }
            break;
        }
        if (fnmatch(component.text, entry->d_name, match_flags) != 0) continue;
        // Only a directory (or a link, which may lead to one) can hold the
        // rest; an entry whose type is unknown is tried.
        const unsigned char type = entry->d_type;
        const bool type_known = type != DT_UNKNOWN && type != DT_LNK;
        if ((!last || only_directories) && type_known && type != DT_DIR) continue;
        if (!path.append(entry->d_name, strlen(entry->d_name))) {
            status = GLOB_NOSPACE;
            break;
        }
        if (!last) {
            // A link or an entry of unknown type that is no directory is
            // passed over, not reported as a directory that failed to open.
            if (!(type_known && type == DT_DIR) && !is_directory(path.text)) status = 0;
            else if (!path.append(component_end, static_cast<std::size_t>(next - component_end)))
                status = GLOB_NOSPACE;
            else status = walk(path, next);
        } else if (only_directories) {
            if ((type_known && type == DT_DIR) || is_directory(path.text)) {
                if (path.append(component_end, static_cast<std::size_t>(next - component_end)))
                    status = wants_directory ? add(path.text, path.length) : add_found(path, true, true);
                else status = GLOB_NOSPACE;
            }
        } else {
            status = add_found(path, type_known, type == DT_DIR);
        }
        path.cut_to(base);
        if (status != 0) break;
    }
    close_directory(directory);
    return status;
}

int compare_paths(const void* left, const void* right) {
    return strcmp(*static_cast<char* const*>(left), *static_cast<char* const*>(right));
}

// One pattern, braces already expanded: its tilde, then its names, sorted.
int expansion::expand_one(const char* pattern) {
    path_text with_home;
    if ((flags & (GLOB_TILDE | GLOB_TILDE_CHECK)) && pattern[0] == '~') {
        const char* user_end = strchr(pattern, '/');
        if (user_end == nullptr) user_end = pattern + strlen(pattern);
        std::size_t user_length = static_cast<std::size_t>(user_end - pattern - 1);
        const char* home = nullptr;
        passwd entry;
        passwd* found = nullptr;
        char buffer[1024];
        path_text user;
        if (user_length == 0) {
            // The caller's own: $HOME, else the password file's entry.
            home = getenv("HOME");
            if ((home == nullptr || *home == '\0') &&
                getpwuid_r(getuid(), &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr)
                home = entry.pw_dir;
        } else {
            if (!user.append(pattern + 1, user_length)) return GLOB_NOSPACE;
            if (getpwnam_r(user.text, &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr)
                home = entry.pw_dir;
        }
        if (home == nullptr || *home == '\0') {
            // GLOB_TILDE_CHECK: no such user is no match; GLOB_TILDE keeps
            // the '~' as an ordinary character.
            if (flags & GLOB_TILDE_CHECK) return GLOB_NOMATCH;
        } else {
            // The directory's own characters are not wildcards.
            for (const char* h = home; *h != '\0'; ++h) {
                bool special = *h == '*' || *h == '?' || *h == '[' || *h == '\\';
                if ((special && escapes() && !with_home.append("\\", 1)) || !with_home.append(h, 1))
                    return GLOB_NOSPACE;
            }
            if (!with_home.append(user_end, strlen(user_end))) return GLOB_NOSPACE;
            pattern = with_home.text;
        }
    }

    // A quoted '/' ("\/") is a separator all the same: the backslash goes.
    path_text unquoted;
    if (escapes() && strstr(pattern, "\\/") != nullptr) {
        for (const char* p = pattern; *p != '\0'; ++p) {
            bool pair = *p == '\\' && p[1] != '\0';
            if (pair && p[1] != '/' && !unquoted.append(p, 1)) return GLOB_NOSPACE;
            if (pair) ++p;
            if (!unquoted.append(p, 1)) return GLOB_NOSPACE;
        }
        pattern = unquoted.text;
    }

    const std::size_t before = results->gl_pathc;
    path_text path;
    int status = 0;
    if (*pattern != '\0') {
        // An absolute pattern starts at the root, its leading '/'s kept.
        const char* rest = pattern;
        while (*rest == '/') ++rest;
        if (rest != pattern && !path.append(pattern, static_cast<std::size_t>(rest - pattern)))
            return GLOB_NOSPACE;
        if (*rest == '\0') status = exists(path.text) ? add(path.text, path.length) : 0;
        else status = walk(path, rest);
    }
    std::size_t added = results->gl_pathc - before;
    if (!(flags & GLOB_NOSORT) && added > 1) {
        std::size_t offsets = results->gl_offs;
        qsort(results->gl_pathv + offsets + before, added, sizeof(char*), compare_paths);
    }
    return status;
}

// The '}' closing the brace at `open`, or null; braces nest, and a quoted
// one does not count.
const char* closing_brace(const char* open, bool escapes) {
    int depth = 0;
    for (const char* p = open; *p != '\0'; ++p) {
        if (*p == '\\' && escapes && p[1] != '\0') ++p;
        else if (*p == '{') ++depth;
        else if (*p == '}' && --depth == 0) return p;
    }
    return nullptr;
}

// GLOB_BRACE: the first "{a,b,...}" becomes each of its alternatives in
// turn, the rest of the pattern after it, and each result is expanded again
// (for later and nested braces). "{}" and a '{' without its '}' are ordinary
// characters.
int expansion::expand_braces(const char* pattern) {
    const char* open = nullptr;
    const char* close = nullptr;
    for (const char* p = pattern; *p != '\0'; ++p) {
        if (*p == '\\' && escapes() && p[1] != '\0') {
            ++p;
        } else if (*p == '{') {
            close = closing_brace(p, escapes());
            if (close != nullptr && close != p + 1) {
                open = p;
                break;
            }
        }
    }
    if (open == nullptr) return expand_one(pattern);

    // Positions in the pattern: the alternative [start, end) replaces
    // [open, close].
    const std::size_t opened = static_cast<std::size_t>(open - pattern);
    const std::size_t closed = static_cast<std::size_t>(close - pattern);
    for (std::size_t start = opened + 1;;) {
        // The alternative ends at a ',' outside any nested brace.
        std::size_t end = start;
        int depth = 0;
        for (; end < closed; ++end) {
            char c = pattern[end];
            if (c == '\\' && escapes() && end + 1 < closed) ++end;
            else if (c == '{') ++depth;
            else if (c == '}') --depth;
            else if (c == ',' && depth == 0) break;
        }
        path_text one;
        if (!one.append(pattern, opened) || !one.append(pattern + start, end - start) ||
            !one.append(close + 1, strlen(close + 1)))
            return GLOB_NOSPACE;
        int status = expand_braces(one.text);
        if (status != 0 && status != GLOB_NOMATCH) return status;
        if (end >= closed) return 0;
        start = end + 1;
    }
}

}  // namespace

extern "C" {

int glob(const char* __restrict pattern, int flags, int (*on_error)(const char*, int),
         glob_t* __restrict results) {
    if (pattern == nullptr || results == nullptr || (flags & ~known_flags) != 0) {
        errno = EINVAL;
        return -1;
    }
    if (!(flags & GLOB_APPEND)) {
        results->gl_pathc = 0;
        results->gl_pathv = nullptr;
        if (!(flags & GLOB_DOOFFS)) results->gl_offs = 0;
    }
    results->gl_flags = flags;
    if ((flags & GLOB_DOOFFS) && results->gl_pathv == nullptr) {
        // The reserved slots are there even when nothing matches.
        results->gl_pathv = static_cast<char**>(calloc(results->gl_offs + 1, sizeof(char*)));
        if (results->gl_pathv == nullptr) return GLOB_NOSPACE;
    }
    const bool escapes = !(flags & GLOB_NOESCAPE);
    const char* pattern_end = pattern + strlen(pattern);
    const bool wildcards = has_wildcard(pattern, pattern_end, escapes);
    // glibc counts a backslash as one of the characters GLOB_MAGCHAR reports.
    const bool quoting = escapes && strchr(pattern, '\\') != nullptr;
    if (wildcards || quoting) results->gl_flags |= GLOB_MAGCHAR;

    expansion work{results, flags, on_error};
    const std::size_t before = results->gl_pathc;
    int status = (flags & GLOB_BRACE) ? work.expand_braces(pattern) : work.expand_one(pattern);
    if (status != 0 && status != GLOB_NOMATCH) return status;
    if (results->gl_pathc != before) return 0;
    // Nothing found: the pattern itself, with GLOB_NOCHECK, or with
    // GLOB_NOMAGIC when it has no wildcard (nor any backslash, as in glibc).
    bool plain = !wildcards && !quoting;
    if ((flags & GLOB_NOCHECK) || ((flags & GLOB_NOMAGIC) && plain))
        return work.add(pattern, static_cast<std::size_t>(pattern_end - pattern));
    return GLOB_NOMATCH;
}

// Frees the paths and the vector glob made, not what the reserved slots
// (gl_offs of them) point to: those are the caller's. The glob_t is then
// empty.
// Whether glob would take `pattern` as a pattern: a '*' or '?', or a ']'
// after a '[' (a backslash, when `quote` is nonzero, quoting the next
// character), as glibc decides it.
int glob_pattern_p(const char* pattern, int quote) {
    bool bracket_open = false;
    for (const char* p = pattern; *p != '\0'; ++p) {
        switch (*p) {
            case '?':
            case '*':
                return 1;
            case '\\':
                if (quote && p[1] != '\0') ++p;
                break;
            case '[':
                bracket_open = true;
                break;
            case ']':
                if (bracket_open) return 1;
                break;
        }
    }
    return 0;
}

void globfree(glob_t* results) {
    if (results->gl_pathv != nullptr) {
        for (std::size_t i = 0; i < results->gl_pathc; ++i)
            free(results->gl_pathv[results->gl_offs + i]);
        free(results->gl_pathv);
    }
    results->gl_pathv = nullptr;
    results->gl_pathc = 0;
}

// glob64_t differs only in its functions' dirent64 and stat64, which are
// struct dirent and struct stat on x86-64: the same structure.
static_assert(sizeof(glob64_t) == sizeof(glob_t));
static_assert(offsetof(glob64_t, gl_stat) == offsetof(glob_t, gl_stat));

int glob64(const char* __restrict pattern, int flags, int (*on_error)(const char*, int),
           glob64_t* __restrict results) {
    return glob(pattern, flags, on_error, reinterpret_cast<glob_t*>(results));
}

void globfree64(glob64_t* results) { globfree(reinterpret_cast<glob_t*>(results)); }

}  // extern "C"
