// Moving data between descriptors inside the kernel: sendfile splice tee
// vmsplice copy_file_range, and readahead. The count moved, or -1 with errno.
// splice, tee, vmsplice and copy_file_range are cancellation points, as in
// glibc (each can block on a pipe or a slow file for good); sendfile and
// readahead are not, as in glibc.
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::runtime::cancellation_point_syscall;

namespace {

long address(const void* pointer) { return reinterpret_cast<long>(pointer); }

}  // namespace

extern "C" {

ssize_t sendfile(int out_fd, int in_fd, off_t* offset, size_t count) noexcept {
    return errno_result(lwp::arch::syscall4(__NR_sendfile, out_fd, in_fd, address(offset),
                                            static_cast<long>(count)));
}
ssize_t sendfile64(int out_fd, int in_fd, off_t* offset, size_t count) noexcept
    __attribute__((alias("sendfile")));

ssize_t splice(int in_fd, loff_t* in_offset, int out_fd, loff_t* out_offset, size_t count,
               unsigned int flags) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_splice, in_fd,
                                                   address(in_offset), out_fd,
                                                   address(out_offset),
                                                   static_cast<long>(count), flags));
}

ssize_t tee(int in_fd, int out_fd, size_t count, unsigned int flags) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_tee, in_fd, out_fd,
                                                   static_cast<long>(count), flags));
}

// Maps (SPLICE_F_GIFT) or copies user memory into a pipe, or out of one.
ssize_t vmsplice(int pipe_fd, const struct iovec* pieces, size_t count, unsigned int flags) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_vmsplice, pipe_fd,
                                                   address(pieces), static_cast<long>(count),
                                                   flags));
}

ssize_t copy_file_range(int in_fd, off64_t* in_offset, int out_fd, off64_t* out_offset,
                        size_t count, unsigned int flags) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_copy_file_range, in_fd,
                                                   address(in_offset), out_fd,
                                                   address(out_offset),
                                                   static_cast<long>(count), flags));
}

// Starts reading a file's range into the page cache and returns at once:
// 0, or -1 with errno (EBADF, EINVAL for a descriptor whose file cannot be
// read ahead, such as a pipe).
ssize_t readahead(int fd, off64_t offset, size_t count) noexcept {
    return errno_result(
        lwp::arch::syscall3(__NR_readahead, fd, offset, static_cast<long>(count)));
}

}  // extern "C"
