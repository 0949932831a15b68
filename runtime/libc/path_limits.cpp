// pathconf and fpathconf: the limits of a file, Linux's as glibc reports
// them. Only the longest name differs between file systems in what is
// answered here, and the kernel's statfs says it; the rest are the kernel's
// fixed limits (a pipe's atomic write, a path, a terminal's line), or -1
// with errno unchanged where Linux sets no limit. The file is looked at
// either way, so a missing one is the kernel's error (ENOENT, EBADF).
#include <errno.h>
#include <limits.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

namespace {

long limit_of(long statfs_result, const struct statfs& file_system, int name) {
    if (lwp::sys::failed(statfs_result))
        return lwp::libc::fail_with_errno(static_cast<int>(-statfs_result));
    switch (name) {
    case _PC_NAME_MAX: return file_system.f_namelen;
    case _PC_LINK_MAX: return 127;  // the generic Linux figure glibc falls back on
    case _PC_MAX_CANON:
    case _PC_MAX_INPUT: return MAX_CANON;  // a terminal's line: 255
    case _PC_PATH_MAX: return PATH_MAX;
    case _PC_PIPE_BUF: return PIPE_BUF;  // the most a pipe writes at once
    case _PC_CHOWN_RESTRICTED:
    case _PC_NO_TRUNC:
    case _PC_2_SYMLINKS: return 1;
    case _PC_VDISABLE: return _POSIX_VDISABLE;
    case _PC_FILESIZEBITS: return 64;
    case _PC_SYMLINK_MAX:
    case _PC_SYNC_IO:
    case _PC_ASYNC_IO:
    case _PC_PRIO_IO:
    case _PC_SOCK_MAXBUF:
    case _PC_REC_INCR_XFER_SIZE:
    case _PC_REC_MAX_XFER_SIZE:
    case _PC_REC_MIN_XFER_SIZE:
    case _PC_REC_XFER_ALIGN:
    case _PC_ALLOC_SIZE_MIN: return -1;  // no limit, or none known (errno unchanged)
    default: return lwp::libc::fail_with_errno(EINVAL);
    }
}

}  // namespace

extern "C" {

long fpathconf(int fd, int name) noexcept {
    struct statfs file_system{};
    long result = lwp::arch::syscall2(__NR_fstatfs, fd, reinterpret_cast<long>(&file_system));
    return limit_of(result, file_system, name);
}

long pathconf(const char* path, int name) noexcept {
    struct statfs file_system{};
    long result = lwp::arch::syscall2(__NR_statfs, reinterpret_cast<long>(path),
                                      reinterpret_cast<long>(&file_system));
    return limit_of(result, file_system, name);
}

}  // extern "C"
