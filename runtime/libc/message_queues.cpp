// System V message queues (<sys/msg.h>): msgget msgsnd msgrcv msgctl, thin
// wrappers over the system calls of the same names, -1 plus errno on
// failure. msgsnd and msgrcv, which can block, are cancellation points.
#include <sys/msg.h>
#include <sys/syscall.h>

#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::runtime::cancellation_point_syscall;

extern "C" {

int msgget(key_t key, int flags) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall6(__NR_msgget, key, flags, 0, 0, 0, 0)));
}

int msgctl(int queue, int command, msqid_ds* state) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall6(
        __NR_msgctl, queue, command, reinterpret_cast<long>(state), 0, 0, 0)));
}

int msgsnd(int queue, const void* message, size_t size, int flags) {
    return static_cast<int>(errno_result(cancellation_point_syscall(
        nullptr, __NR_msgsnd, queue, reinterpret_cast<long>(message), static_cast<long>(size),
        flags)));
}

ssize_t msgrcv(int queue, void* message, size_t size, long type, int flags) {
    return errno_result(cancellation_point_syscall(nullptr, __NR_msgrcv, queue,
                                                   reinterpret_cast<long>(message),
                                                   static_cast<long>(size), type, flags));
}

}  // extern "C"
