// waitpid, wait, wait4, wait3 and the exec family: what a program that forks
// (runtime/posix/fork.cpp) does next. Errors: -1 with errno. The waits are
// cancellation points (runtime/thread/cancellation_point.hpp).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"
#include "exec_search.hpp"

extern char** environ;

using lwp::libc::errno_result;
using lwp::libc::exec_searching;

namespace lwp::libc {

namespace {

// execve, and for a file the kernel cannot run itself (ENOEXEC: a script
// without a "#!" line) the shell, as execvp and execlp must: /bin/sh with
// the file's path, then argv[1] onwards. The argv copy is on this frame, no
// malloc, so this works in the child of a threaded program.
int run(const char* path, char* const argv[], char* const envp[], bool shell_for_scripts) {
    execve(path, argv, envp);
    if (!shell_for_scripts || errno != ENOEXEC) return -1;
    size_t count = 0;
    while (argv[count] != nullptr) ++count;
    auto** with_shell = static_cast<char**>(__builtin_alloca((count + 3) * sizeof(char*)));
    with_shell[0] = const_cast<char*>("/bin/sh");
    with_shell[1] = const_cast<char*>(path);
    for (size_t i = 1; i <= count; ++i) with_shell[i + 1] = argv[i];
    if (count == 0) with_shell[2] = nullptr;
    execve("/bin/sh", with_shell, envp);
    errno = ENOEXEC;  // the file's own failure is the one to report
    return -1;
}

}  // namespace

// Runs `file` as execvp does: a name with a slash as it is, any other looked
// up in each directory of PATH in turn (an empty entry is the current
// directory; without PATH, /bin and /usr/bin). The last interesting failure
// is reported: EACCES if some candidate was not executable, else the last;
// ENAMETOOLONG for a name longer than NAME_MAX, or one that fit no entry.
int exec_searching(const char* file, char* const argv[], char* const envp[],
                   bool shell_for_scripts) {
    if (*file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/')) return run(file, argv, envp, shell_for_scripts);
    size_t file_length = strlen(file);
    if (file_length > NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    const char* path = getenv("PATH");
    if (path == nullptr) path = "/bin:/usr/bin";
    bool denied = false, tried = false;
    for (const char* entry = path;; ++entry) {
        const char* end = strchr(entry, ':');
        if (end == nullptr) end = entry + strlen(entry);
        size_t directory_length = static_cast<size_t>(end - entry);
        char candidate[PATH_MAX];
        if (directory_length + 1 + file_length < sizeof candidate) {
            memcpy(candidate, entry, directory_length);
            size_t at = directory_length;
            if (at != 0) candidate[at++] = '/';
            memcpy(candidate + at, file, file_length + 1);
            tried = true;
            run(candidate, argv, envp, shell_for_scripts);
            // Not found or not a directory: try the next entry. Anything
            // else (a file that exists but cannot run) ends the search,
            // except EACCES, remembered and reported if nothing else runs.
            if (errno == EACCES) denied = true;
            else if (errno != ENOENT && errno != ENOTDIR) return -1;
        }
        if (*end == '\0') break;
        entry = end;
    }
    if (denied) errno = EACCES;
    else if (!tried) errno = ENAMETOOLONG;
    return -1;
}

}  // namespace lwp::libc

namespace {

// An execl-style list: `first`, then arguments up to a null pointer. Counted
// first (without the null), then copied into an argv on the caller's stack:
// no malloc, so the exec functions work in the child of a threaded program.
size_t list_length(const char* first, va_list arguments) {
    if (first == nullptr) return 0;
    size_t count = 1;
    while (va_arg(arguments, char*) != nullptr) ++count;
    return count;
}

// Consumes the list, its null included, so that execle's envp comes next.
void copy_list(char** argv, const char* first, va_list arguments, size_t count) {
    argv[0] = const_cast<char*>(first);
    for (size_t i = 1; i <= count; ++i) argv[i] = va_arg(arguments, char*);
}

}  // namespace

extern "C" {

pid_t waitpid(pid_t pid, int* status, int options) {
    // wait4 without the resource usage: what waitpid is on Linux.
    return static_cast<pid_t>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_wait4, pid, reinterpret_cast<long>(status), options, 0)));
}

pid_t wait(int* status) { return waitpid(-1, status, 0); }

// waitpid with the child's resource usage (the kernel's own call); a
// cancellation point, as waitpid is.
pid_t wait4(pid_t pid, int* status, int options, struct rusage* usage) {
    return static_cast<pid_t>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_wait4, pid, reinterpret_cast<long>(status), options,
        reinterpret_cast<long>(usage))));
}

// Any child, with its usage.
pid_t wait3(int* status, int options, struct rusage* usage) {
    return wait4(-1, status, options, usage);
}

// The kernel's waitid takes a fifth argument, resource usage, which POSIX's
// does not: null.
int waitid(idtype_t which, id_t id, siginfo_t* info, int options) {
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_waitid, which, id, reinterpret_cast<long>(info), options, 0)));
}

int execve(const char* path, char* const argv[], char* const envp[]) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall3(
        __NR_execve, reinterpret_cast<long>(path), reinterpret_cast<long>(argv),
        reinterpret_cast<long>(envp))));
}

int execv(const char* path, char* const argv[]) noexcept { return execve(path, argv, environ); }

// Runs the program an open descriptor refers to: execveat with an empty
// path and AT_EMPTY_PATH (Linux 3.19). With no execveat, glibc goes through
// /proc/self/fd; so does this.
int fexecve(int fd, char* const argv[], char* const envp[]) noexcept {
    if (fd < 0) return lwp::libc::fail_with_errno(EINVAL);
    long answer = lwp::arch::syscall5(__NR_execveat, fd, reinterpret_cast<long>(""),
                                      reinterpret_cast<long>(argv), reinterpret_cast<long>(envp),
                                      AT_EMPTY_PATH);
    if (answer != -ENOSYS) return static_cast<int>(errno_result(answer));
    char path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return execve(path, argv, envp);
}

// A program named relative to a directory descriptor (or the descriptor
// itself, with AT_EMPTY_PATH); Linux 3.19.
int execveat(int directory, const char* path, char* const argv[], char* const envp[], int flags) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall5(
        __NR_execveat, directory, reinterpret_cast<long>(path), reinterpret_cast<long>(argv),
        reinterpret_cast<long>(envp), flags)));
}

int execvp(const char* file, char* const argv[]) noexcept {
    return exec_searching(file, argv, environ, /*shell_for_scripts=*/true);
}

int execvpe(const char* file, char* const argv[], char* const envp[]) noexcept {
    return exec_searching(file, argv, envp, /*shell_for_scripts=*/true);
}

// The list's argv, on this frame (alloca), for the exec call that follows.
#define LWP_ARGV_FROM_LIST(first, argv, arguments)                                         \
    va_list arguments, counting;                                                           \
    va_start(arguments, first);                                                            \
    va_copy(counting, arguments);                                                          \
    size_t list_count = list_length(first, counting);                                      \
    va_end(counting);                                                                      \
    char** argv = static_cast<char**>(__builtin_alloca((list_count + 1) * sizeof(char*))); \
    copy_list(argv, first, arguments, list_count)

int execl(const char* path, const char* first, ...) noexcept {
    LWP_ARGV_FROM_LIST(first, argv, arguments);
    va_end(arguments);
    return execve(path, argv, environ);
}

int execlp(const char* file, const char* first, ...) noexcept {
    LWP_ARGV_FROM_LIST(first, argv, arguments);
    va_end(arguments);
    return exec_searching(file, argv, environ, /*shell_for_scripts=*/true);
}

int execle(const char* path, const char* first, ...) noexcept {
    LWP_ARGV_FROM_LIST(first, argv, arguments);
    char* const* envp = va_arg(arguments, char* const*);
    va_end(arguments);
    return execve(path, argv, envp);
}

}  // extern "C"

// vfork's failure path (arch/x86_64/vfork_freestanding.S): errno, then -1 to
// vfork's caller.
extern "C" int lwp_vfork_failed(int error) { return lwp::libc::fail_with_errno(error); }

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
pid_t __wait(int*) __attribute__((alias("wait"), copy(wait)));
pid_t __waitpid(pid_t, int*, int) __attribute__((alias("waitpid"), copy(waitpid)));
}  // extern "C"
