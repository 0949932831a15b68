// getrlimit setrlimit prlimit getdtablesize: a process's resource limits,
// through prlimit64 (getrlimit and setrlimit on the calling process: limits
// belong to the process, so no other thread needs telling).
#include <errno.h>
#include <limits.h>
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

// The large-file names: the same functions on x86-64, where rlim_t is 64 bits.
int getrlimit64(__rlimit_resource_t resource, struct rlimit64* limit) noexcept
    __attribute__((alias("getrlimit")));
int setrlimit64(__rlimit_resource_t resource, const struct rlimit64* limit) noexcept
    __attribute__((alias("setrlimit")));
int prlimit64(pid_t process, enum __rlimit_resource resource, const struct rlimit64* limit,
              struct rlimit64* old_limit) noexcept __attribute__((alias("prlimit")));
}
