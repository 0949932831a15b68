// getrlimit setrlimit: a process's resource limits, through prlimit64 on the
// calling process (limits belong to the process, so no other thread needs
// telling).
#include <errno.h>
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
}
