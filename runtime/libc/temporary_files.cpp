// mkstemp, mkostemp and mkdtemp: create a new file (or directory) from a name
// ending in "XXXXXX" (mkstemps and mkostemps: "XXXXXX" and then a suffix of
// a given length, such as ".txt"), replacing those six characters until the
// name is one nothing has yet (O_EXCL, and mkdir itself, make that test and
// the creation one step). On failure: EINVAL for a name without the six X's
// (or a negative suffix length, or one longer than the name allows), EEXIST if
// every name tried was taken, or what the kernel said. mktemp only finds such
// a name, which another process may take before the caller uses it (hence
// its deprecation); it is here for the programs that still call it. So are
// tmpnam, tmpnam_r and tempnam, which build such a name in a temporary
// directory ("<dir>/<prefix>XXXXXX", the prefix "file" by default, at most
// five characters) and find one nothing has, as glibc's do.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include <cstdint>

#include "../../arch/x86_64/cycle_counter.hpp"
#include "../../arch/x86_64/syscall.hpp"
#include "errno_result.hpp"

namespace {

// Calls `create(name)` (a raw syscall result) with new letters in place of
// the X's (the six before the last `suffix_length` characters) until it does
// not fail with -EEXIST; returns its result.
template <class Create>
long create_with_unique_name(char* name, Create create, int suffix_length = 0) {
    std::size_t length = strlen(name);
    if (suffix_length < 0 || length < 6 || length - 6 < static_cast<std::size_t>(suffix_length))
        return -EINVAL;
    char* letters = name + length - suffix_length - 6;
    if (memcmp(letters, "XXXXXX", 6) != 0) return -EINVAL;
    static constexpr char alphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // Names need to be unlikely to collide, not secret: the cycle counter
    // and the stack address, stirred, vary between processes and calls.
    std::uint64_t state = lwp::arch::cycle_counter() ^ reinterpret_cast<std::uintptr_t>(&length);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        for (int i = 0; i < 6; ++i) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            letters[i] = alphabet[(state >> 33) % (sizeof alphabet - 1)];
        }
        long result = create(name);
        if (result != -EEXIST) return result;
    }
    return -EEXIST;
}

// What mktemp (and tmpnam) ask of a candidate name: that nothing has it.
long name_is_free(char* path) {
    struct stat status;
    long found = lwp::arch::syscall4(__NR_newfstatat, AT_FDCWD, reinterpret_cast<long>(path),
                                     reinterpret_cast<long>(&status), AT_SYMLINK_NOFOLLOW);
    if (found == 0 || found == -EOVERFLOW) return -EEXIST;  // taken: try another
    return found == -ENOENT ? 0L : found;
}

bool is_directory(const char* path) {
    struct stat status;
    return stat(path, &status) == 0 && S_ISDIR(status.st_mode);
}

// glibc's choice of directory: $TMPDIR (when asked to look, and the program
// is not set-user-ID), else `directory`, else P_tmpdir ("/tmp"), each only
// if it is a directory now; ENOENT if none is. EINVAL when the name would
// not fit in `room` bytes. Then a free name; false with errno on failure.
bool make_temporary_name(char* name, std::size_t room, const char* directory, const char* prefix,
                         bool look_at_environment) {
    std::size_t prefix_length;
    if (prefix == nullptr || prefix[0] == '\0') {
        prefix = "file";
        prefix_length = 4;
    } else {
        prefix_length = strnlen(prefix, 5);
    }
    if (look_at_environment) {
        const char* from_environment = secure_getenv("TMPDIR");
        if (from_environment != nullptr && is_directory(from_environment))
            directory = from_environment;
        else if (directory == nullptr || !is_directory(directory))
            directory = nullptr;
    }
    if (directory == nullptr) {
        if (!is_directory(P_tmpdir)) {
            errno = ENOENT;
            return false;
        }
        directory = P_tmpdir;
    }
    std::size_t directory_length = strlen(directory);
    while (directory_length > 1 && directory[directory_length - 1] == '/') --directory_length;
    if (room < directory_length + 1 + prefix_length + 6 + 1) {
        errno = EINVAL;
        return false;
    }
    char* end = name;
    memcpy(end, directory, directory_length);
    end += directory_length;
    *end++ = '/';
    memcpy(end, prefix, prefix_length);
    end += prefix_length;
    memcpy(end, "XXXXXX", 7);
    return lwp::libc::errno_result(create_with_unique_name(name, name_is_free)) == 0;
}

}  // namespace

extern "C" {

char* tmpnam_r(char* name) {
    if (name == nullptr) return nullptr;
    return make_temporary_name(name, L_tmpnam, nullptr, nullptr, false) ? name : nullptr;
}

// Without a buffer, the name goes to one static buffer (each call
// overwrites it), which a failed call leaves alone, as glibc's does.
char* tmpnam(char* name) {
    static char last_name[L_tmpnam];
    char made[L_tmpnam];
    char* target = name != nullptr ? name : made;
    if (!make_temporary_name(target, L_tmpnam, nullptr, nullptr, false)) return nullptr;
    if (name != nullptr) return name;
    memcpy(last_name, made, L_tmpnam);
    return last_name;
}

char* tempnam(const char* directory, const char* prefix) {
    char name[FILENAME_MAX];
    if (!make_temporary_name(name, sizeof name, directory, prefix, true)) return nullptr;
    return strdup(name);
}


// The file is opened read-write, created (0600) and new (O_EXCL), with the
// caller's other flags (O_CLOEXEC, O_APPEND, ...).
int mkostemps(char* name, int suffix_length, int flags) {
    return static_cast<int>(lwp::libc::errno_result(create_with_unique_name(
        name,
        [&](char* path) {
            return lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                                       (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL, 0600);
        },
        suffix_length)));
}

int mkostemp(char* name, int flags) { return mkostemps(name, 0, flags); }
int mkstemps(char* name, int suffix_length) { return mkostemps(name, suffix_length, 0); }
int mkstemp(char* name) { return mkostemps(name, 0, 0); }

char* mkdtemp(char* name) {
    long result = create_with_unique_name(name, [](char* path) {
        return lwp::arch::syscall3(__NR_mkdirat, AT_FDCWD, reinterpret_cast<long>(path), 0700);
    });
    return lwp::libc::errno_result(result) == 0 ? name : nullptr;
}

// On failure the name becomes "" (errno says why), as glibc's does.
char* mktemp(char* name) {
    long result = create_with_unique_name(name, name_is_free);
    if (lwp::libc::errno_result(result) != 0) name[0] = '\0';
    return name;
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
int mkstemp64(char* name) __attribute__((alias("mkstemp")));
int mkostemp64(char* name, int flags) __attribute__((alias("mkostemp")));
int mkstemps64(char* name, int suffix_length) __attribute__((alias("mkstemps")));
int mkostemps64(char* name, int suffix_length, int flags) __attribute__((alias("mkostemps")));

}  // extern "C"
