// getrlimit setrlimit prlimit getdtablesize ulimit vlimit: a process's resource limits,
// through prlimit64 (getrlimit and setrlimit on the calling process: limits
// belong to the process, so no other thread needs telling).
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/vlimit.h>
#include <ulimit.h>
#include <unistd.h>
#include <sys/resource.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

extern "C" {

int getrlimit(__rlimit_resource_t resource, struct rlimit* limit) noexcept {
    return static_cast<int>(errno_result(lwp::sys::prlimit(resource, nullptr, limit)));
}

int setrlimit(__rlimit_resource_t resource, const struct rlimit* limit) noexcept {
    return static_cast<int>(errno_result(lwp::sys::prlimit(resource, limit, nullptr)));
}

// Another process's limits (0: this one), read and set in one call.
// (glibc's header names the resource's enum here, not the typedef of the
// two calls above, so this one does too.)
int prlimit(pid_t process, enum __rlimit_resource resource, const struct rlimit* limit,
            struct rlimit* old_limit) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall4(__NR_prlimit64, process, resource, reinterpret_cast<long>(limit),
                            reinterpret_cast<long>(old_limit))));
}

// The descriptor table's size: the soft limit on open files, capped to an
// int. glibc answers the kernel's old OPEN_MAX (256) when the limit cannot
// be read, which cannot happen for the calling process.
int getdtablesize(void) noexcept {
    struct rlimit limit;
    if (lwp::sys::failed(lwp::sys::prlimit(RLIMIT_NOFILE, nullptr, &limit))) return 256;
    return limit.rlim_cur > INT_MAX ? INT_MAX : static_cast<int>(limit.rlim_cur);
}

// System V's limit on file size, in 512-byte blocks: UL_GETFSIZE reads the
// soft limit (LONG_MAX for none), UL_SETFSIZE sets both limits to its
// argument (none, answered LONG_MAX, when the bytes would not fit) and
// answers it; glibc also answers the open-file limit for its internal
// command 4 (__UL_GETOPENMAX). Anything else is EINVAL.
long ulimit(int command, ...) noexcept {
    struct rlimit limit;
    switch (command) {
        case UL_GETFSIZE:
            if (getrlimit(RLIMIT_FSIZE, &limit) != 0) return -1;
            return limit.rlim_cur == RLIM_INFINITY ? LONG_MAX
                                                   : static_cast<long>(limit.rlim_cur / 512);
        case UL_SETFSIZE: {
            va_list arguments;
            va_start(arguments, command);
            long blocks = va_arg(arguments, long);
            va_end(arguments);
            long answer = blocks;
            if (static_cast<rlim_t>(blocks) > RLIM_INFINITY / 512) {
                limit.rlim_cur = limit.rlim_max = RLIM_INFINITY;
                answer = LONG_MAX;
            } else {
                limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(blocks) * 512;
            }
            return setrlimit(RLIMIT_FSIZE, &limit) == -1 ? -1 : answer;
        }
        case 4:
            return sysconf(_SC_OPEN_MAX);
        default:
            errno = EINVAL;
            return -1;
    }
}

// 4.2BSD's vlimit: sets the soft limit of LIM_CPU..LIM_MAXRSS (each one more
// than its RLIMIT_ number); EINVAL for any other.
int vlimit(enum __vlimit_resource resource, int value) noexcept {
    if (resource < LIM_CPU || resource > LIM_MAXRSS) {
        errno = EINVAL;
        return -1;
    }
    auto which = static_cast<__rlimit_resource_t>(static_cast<int>(resource) - 1);
    struct rlimit limit;
    if (getrlimit(which, &limit) < 0) return -1;
    limit.rlim_cur = static_cast<rlim_t>(static_cast<long>(value));
    return setrlimit(which, &limit);
}

// The large-file names: the same functions on x86-64, where rlim_t is 64 bits.
int getrlimit64(__rlimit_resource_t resource, struct rlimit64* limit) noexcept
    __attribute__((alias("getrlimit")));
int setrlimit64(__rlimit_resource_t resource, const struct rlimit64* limit) noexcept
    __attribute__((alias("setrlimit")));
int prlimit64(pid_t process, enum __rlimit_resource resource, const struct rlimit64* limit,
              struct rlimit64* old_limit) noexcept __attribute__((alias("prlimit")));
}
