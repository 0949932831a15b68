// waitpid, wait, execve, execv: what a program that forks (runtime/posix/
// fork.cpp) does next. Errors: -1 with errno. waitpid and wait are
// cancellation points (runtime/thread/cancellation_point.hpp).
#include <sys/wait.h>
#include <unistd.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

extern char** environ;

using lwp::libc::errno_result;

extern "C" {

pid_t waitpid(pid_t pid, int* status, int options) {
    // wait4 without the resource usage: what waitpid is on Linux.
    return static_cast<pid_t>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_wait4, pid, reinterpret_cast<long>(status), options, 0)));
}

pid_t wait(int* status) { return waitpid(-1, status, 0); }

int execve(const char* path, char* const argv[], char* const envp[]) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall3(
        __NR_execve, reinterpret_cast<long>(path), reinterpret_cast<long>(argv),
        reinterpret_cast<long>(envp))));
}

int execv(const char* path, char* const argv[]) noexcept { return execve(path, argv, environ); }

}  // extern "C"
