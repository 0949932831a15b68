// Moving data between descriptors inside the kernel: sendfile splice tee
// copy_file_range. The count moved, or -1 with errno. Not cancellation
// points (glibc's are not either).
#include <fcntl.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

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
    return errno_result(lwp::arch::syscall6(__NR_splice, in_fd, address(in_offset), out_fd,
                                            address(out_offset), static_cast<long>(count), flags));
}

ssize_t tee(int in_fd, int out_fd, size_t count, unsigned int flags) {
    return errno_result(
        lwp::arch::syscall4(__NR_tee, in_fd, out_fd, static_cast<long>(count), flags));
}

ssize_t copy_file_range(int in_fd, off64_t* in_offset, int out_fd, off64_t* out_offset,
                        size_t count, unsigned int flags) {
    return errno_result(lwp::arch::syscall6(__NR_copy_file_range, in_fd, address(in_offset),
                                            out_fd, address(out_offset),
                                            static_cast<long>(count), flags));
}

}  // extern "C"
