// Sessions, process groups, resources and priorities: getpgrp setsid getsid
// setpgid getpgid killpg getrusage getpriority setpriority nice prctl
// personality daemon.
// -1 with errno on failure.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/prctl.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::arch::syscall0;
using lwp::arch::syscall1;
using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::libc::int_errno_result;

extern "C" {

pid_t getpgrp(void) noexcept { return static_cast<pid_t>(syscall1(__NR_getpgid, 0)); }
pid_t getpgid(pid_t process) noexcept { return int_errno_result(syscall1(__NR_getpgid, process)); }
int setpgid(pid_t process, pid_t group) noexcept {
    return int_errno_result(syscall2(__NR_setpgid, process, group));
}
pid_t setsid(void) noexcept { return int_errno_result(syscall0(__NR_setsid)); }
pid_t getsid(pid_t process) noexcept { return int_errno_result(syscall1(__NR_getsid, process)); }

// The signal to every process of the group; a group below 2 would name
// something else to kill (1: every process, 0: the caller's group).
int killpg(pid_t group, int signal_number) noexcept {
    if (group < 0 || group == 1) return lwp::libc::fail_with_errno(EINVAL);
    return kill(-group, signal_number);
}

int getrusage(int who, struct rusage* usage) noexcept {
    return int_errno_result(syscall2(__NR_getrusage, who, reinterpret_cast<long>(usage)));
}

// The kernel answers 20 - nice (1 to 40) so that no valid answer looks like
// an error; the C function gives the nice value itself (-20 to 19), errno
// telling a failure from -1.
int getpriority(__priority_which_t which, id_t who) noexcept {
    long raw = syscall2(__NR_getpriority, which, who);
    if (lwp::sys::failed(raw)) return lwp::libc::fail_with_errno(static_cast<int>(-raw));
    return 20 - static_cast<int>(raw);
}
int setpriority(__priority_which_t which, id_t who, int value) noexcept {
    return int_errno_result(syscall3(__NR_setpriority, which, who, value));
}

// The calling thread's nice value moved by `increment`; the new value, or -1
// with errno (a new value of -1 is told apart by errno unchanged, as POSIX
// has it). Linux keeps nice values per thread.
int nice(int increment) noexcept {
    int saved = errno;
    errno = 0;
    int now = getpriority(PRIO_PROCESS, 0);
    if (now == -1 && errno != 0) return -1;
    errno = saved;
    if (setpriority(PRIO_PROCESS, 0, now + increment) != 0) {
        if (errno == EACCES) errno = EPERM;  // POSIX's name for a refused raise
        return -1;
    }
    return getpriority(PRIO_PROCESS, 0);
}

// Every option takes at most four more arguments, unsigned longs or
// pointers, read as such (the kernel ignores the ones an option does not
// use).
// The execution domain (Linux ABI flags such as ADDR_NO_RANDOMIZE); the old
// one is returned, and 0xffffffff only queries. The system call's answer is
// passed through: for a query it is the persona, never an error.
// System V's name for setpgid(0, 0).
int setpgrp(void) noexcept { return setpgid(0, 0); }

int personality(unsigned long persona) noexcept {
    return int_errno_result(syscall1(__NR_personality, static_cast<long>(persona)));
}

// Detaches the program from its terminal and session: the parent exits at
// once (_exit: its stdio buffers and exit handlers belong to the child now),
// the child starts a session of its own, goes to / unless `keep_directory`,
// and puts /dev/null on its standard descriptors unless `keep_descriptors`.
// It is a fork, so only the calling thread goes on, as after any fork.
int daemon(int keep_directory, int keep_descriptors) noexcept {
    pid_t child = fork();
    if (child < 0) return -1;
    if (child > 0) _exit(0);
    if (setsid() < 0) return -1;
    if (!keep_directory && chdir("/") != 0) return -1;
    if (!keep_descriptors) {
        int null_device = open("/dev/null", O_RDWR);
        if (null_device < 0) return -1;
        // A /dev/null that is not the device (a file put in its place)
        // would collect the program's output: glibc refuses it too.
        struct stat status;
        if (fstat(null_device, &status) != 0 || !S_ISCHR(status.st_mode)) {
            close(null_device);
            errno = ENODEV;
            return -1;
        }
        for (int standard = 0; standard <= 2; ++standard) dup2(null_device, standard);
        if (null_device > 2) close(null_device);
    }
    return 0;
}

int prctl(int option, ...) noexcept {
    va_list arguments;
    va_start(arguments, option);
    unsigned long a2 = va_arg(arguments, unsigned long);
    unsigned long a3 = va_arg(arguments, unsigned long);
    unsigned long a4 = va_arg(arguments, unsigned long);
    unsigned long a5 = va_arg(arguments, unsigned long);
    va_end(arguments);
    return int_errno_result(lwp::arch::syscall5(__NR_prctl, option, a2, a3, a4, a5));
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __setpgid(pid_t, pid_t) noexcept __attribute__((alias("setpgid"), copy(setpgid)));
pid_t __getpgid(pid_t) noexcept __attribute__((alias("getpgid"), copy(getpgid)));
// The BSD getpgrp, which takes a process: glibc's is getpgid under another name.
pid_t __bsd_getpgrp(pid_t) noexcept __attribute__((alias("getpgid"), copy(getpgid)));
}  // extern "C"
