// readv writev preadv pwritev preadv2 pwritev2 (<sys/uio.h>): reads and
// writes of several buffers in one system call, -1 plus errno on failure.
// All are cancellation points, like read and write.
#include <sys/syscall.h>
#include <sys/uio.h>

#include "system_call.hpp"

using lwp::libc::cancellation_point_call;

extern "C" {

ssize_t readv(int fd, const iovec* buffers, int count) {
    return cancellation_point_call(__NR_readv, fd, buffers, count);
}
ssize_t writev(int fd, const iovec* buffers, int count) {
    return cancellation_point_call(__NR_writev, fd, buffers, count);
}

// The kernel takes the offset as two halves, low then high, for the sake of
// 32-bit callers; on x86_64 the low register holds all 64 bits and the high
// one must be 0.
ssize_t preadv(int fd, const iovec* buffers, int count, off_t offset) {
    return cancellation_point_call(__NR_preadv, fd, buffers, count, offset, 0L);
}
ssize_t pwritev(int fd, const iovec* buffers, int count, off_t offset) {
    return cancellation_point_call(__NR_pwritev, fd, buffers, count, offset, 0L);
}
ssize_t preadv2(int fd, const iovec* buffers, int count, off_t offset, int flags) {
    return cancellation_point_call(__NR_preadv2, fd, buffers, count, offset, 0L, flags);
}
ssize_t pwritev2(int fd, const iovec* buffers, int count, off_t offset, int flags) {
    return cancellation_point_call(__NR_pwritev2, fd, buffers, count, offset, 0L, flags);
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
ssize_t preadv64(int fd, const iovec* buffers, int count, off_t offset)
    __attribute__((alias("preadv")));
ssize_t pwritev64(int fd, const iovec* buffers, int count, off_t offset)
    __attribute__((alias("pwritev")));
ssize_t preadv64v2(int fd, const iovec* buffers, int count, off_t offset, int flags)
    __attribute__((alias("preadv2")));
ssize_t pwritev64v2(int fd, const iovec* buffers, int count, off_t offset, int flags)
    __attribute__((alias("pwritev2")));

}  // extern "C"
