// System V message queues (<sys/msg.h>): msgget msgsnd msgrcv msgctl, thin
// wrappers over the system calls of the same names, -1 plus errno on
// failure. msgsnd and msgrcv, which can block, are cancellation points.
#include <sys/msg.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::cancellation_point_call;
using lwp::libc::system_call;

extern "C" {

int msgget(key_t key, int flags) noexcept { return system_call(__NR_msgget, key, flags); }

int msgctl(int queue, int command, msqid_ds* state) noexcept {
    return system_call(__NR_msgctl, queue, command, state);
}

int msgsnd(int queue, const void* message, size_t size, int flags) {
    return cancellation_point_call(__NR_msgsnd, queue, message, size, flags);
}

ssize_t msgrcv(int queue, void* message, size_t size, long type, int flags) {
    return cancellation_point_call(__NR_msgrcv, queue, message, size, type, flags);
}

}  // extern "C"
