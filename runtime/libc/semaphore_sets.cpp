// semget semop semtimedop semctl: System V semaphore sets, the system calls
// (x86-64 has them directly). semop and semtimedop can wait, and are
// cancellation points as glibc's are.
#include <errno.h>
#include <stdarg.h>
#include <sys/sem.h>
#include <time.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::int_errno_result;

extern "C" {

int semget(key_t key, int count, int flags) noexcept {
    return int_errno_result(lwp::arch::syscall3(__NR_semget, key, count, flags));
}

int semtimedop(int set, struct sembuf* operations, size_t count, const struct timespec* timeout) {
    return int_errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_semtimedop, set, reinterpret_cast<long>(operations),
        static_cast<long>(count), reinterpret_cast<long>(timeout)));
}

int semop(int set, struct sembuf* operations, size_t count) {
    return semtimedop(set, operations, count, nullptr);
}

// The fourth argument, when the command takes one, is a union semun the
// caller defines (an int, or a pointer): passed on as one word. On x86-64
// the kernel's struct semid_ds is glibc's, with no version flag to add.
int semctl(int set, int number, int command, ...) noexcept {
    va_list arguments;
    va_start(arguments, command);
    long argument = va_arg(arguments, long);
    va_end(arguments);
    return int_errno_result(
        lwp::arch::syscall4(__NR_semctl, set, number, command, argument));
}

}  // extern "C"
