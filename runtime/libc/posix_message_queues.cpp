// POSIX message queues (<mqueue.h>): mq_open mq_close mq_unlink mq_getattr
// mq_setattr mq_send mq_timedsend mq_receive mq_timedreceive, over the
// kernel's mqueue calls; -1 plus errno on failure. The sends and receives,
// which can block, are cancellation points. mq_notify is in
// message_queue_notification.cpp.
//
// Names: POSIX leaves a name without a leading '/' to the implementation;
// as with glibc, mq_open and mq_unlink refuse it with EINVAL, and the kernel
// gets the name without its '/'.
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdarg.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::cancellation_point_call;
using lwp::libc::system_call;

extern "C" {

mqd_t mq_open(const char* name, int flags, ...) noexcept {
    if (name[0] != '/') {
        errno = EINVAL;
        return -1;
    }
    mode_t mode = 0;
    mq_attr* attributes = nullptr;
    if (flags & O_CREAT) {  // the two extra arguments exist only then
        va_list extra;
        va_start(extra, flags);
        mode = va_arg(extra, mode_t);
        attributes = va_arg(extra, mq_attr*);
        va_end(extra);
    }
    return system_call(__NR_mq_open, name + 1, flags, mode, attributes);
}

// A queue descriptor is a file descriptor.
int mq_close(mqd_t queue) noexcept { return system_call(__NR_close, queue); }

// The kernel refuses a queue its caller may not remove (the mqueue
// directory is sticky: another user's queue) with EPERM, as unlink does;
// POSIX gives mq_unlink only EACCES for that, and glibc turns the one into
// the other (its rt/tst-mqueue9): so does this.
int mq_unlink(const char* name) noexcept {
    if (name[0] != '/') {
        errno = EINVAL;
        return -1;
    }
    long result = lwp::arch::syscall1(__NR_mq_unlink, reinterpret_cast<long>(name + 1));
    if (result == -EPERM) result = -EACCES;
    return static_cast<int>(lwp::libc::errno_result(result));
}

int mq_getattr(mqd_t queue, mq_attr* attributes) noexcept {
    return system_call(__NR_mq_getsetattr, queue, nullptr, attributes);
}

int mq_setattr(mqd_t queue, const mq_attr* __restrict attributes,
               mq_attr* __restrict old_attributes) noexcept {
    return system_call(__NR_mq_getsetattr, queue, attributes, old_attributes);
}

// The untimed sends and receives are the timed calls with no deadline (null).
int mq_timedsend(mqd_t queue, const char* message, size_t length, unsigned priority,
                 const timespec* deadline) {
    return cancellation_point_call(__NR_mq_timedsend, queue, message, length, priority, deadline);
}

int mq_send(mqd_t queue, const char* message, size_t length, unsigned priority) {
    return cancellation_point_call(__NR_mq_timedsend, queue, message, length, priority, nullptr);
}

ssize_t mq_timedreceive(mqd_t queue, char* __restrict message, size_t length,
                        unsigned* __restrict priority, const timespec* __restrict deadline) {
    return cancellation_point_call(__NR_mq_timedreceive, queue, message, length, priority,
                                   deadline);
}

ssize_t mq_receive(mqd_t queue, char* message, size_t length, unsigned* priority) {
    return cancellation_point_call(__NR_mq_timedreceive, queue, message, length, priority,
                                   nullptr);
}

}  // extern "C"
