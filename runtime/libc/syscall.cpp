// syscall(2): the generic system-call entry of <unistd.h>, for programs that
// make a call the C library has no wrapper for (glibc's tst-cancel30 blocks in
// SYS_pause this way). A thin wrapper: the number and six arguments go to the
// kernel as they are, and a -errno result becomes -1 plus errno.
//
// It is not a cancellation point, as in glibc: it makes the plain system call,
// not the cancellation window of runtime/thread/cancellation_point.hpp, so only
// an asynchronous cancellation can end a thread blocked in it.
#include <stdarg.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

extern "C" {

long syscall(long number, ...) noexcept {
    // The caller passes as many arguments as that call takes; reading six is
    // harmless on x86-64, where the unused ones are whatever the registers or
    // stack slots hold, and the kernel ignores them.
    va_list arguments;
    va_start(arguments, number);
    long a1 = va_arg(arguments, long);
    long a2 = va_arg(arguments, long);
    long a3 = va_arg(arguments, long);
    long a4 = va_arg(arguments, long);
    long a5 = va_arg(arguments, long);
    long a6 = va_arg(arguments, long);
    va_end(arguments);
    return lwp::libc::errno_result(lwp::arch::syscall6(number, a1, a2, a3, a4, a5, a6));
}

}  // extern "C"
