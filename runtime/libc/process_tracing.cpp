// ptrace (<sys/ptrace.h>): the system call, with the one difference the C
// interface makes. For PTRACE_PEEKTEXT, PTRACE_PEEKDATA and PTRACE_PEEKUSER
// the kernel stores the word read through the `data` pointer; the C function
// instead returns the word, so any value (-1 included) can come back: success
// then sets errno to 0, and a caller tells an error from a word of -1 by
// clearing errno first or by checking it after. Not a cancellation point.
#include <errno.h>
#include <stdarg.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" long ptrace(enum __ptrace_request request, ...) noexcept {
    // The header's prototype is variadic: pid, address and data follow,
    // whichever of them the request uses.
    va_list arguments;
    va_start(arguments, request);
    pid_t pid = va_arg(arguments, pid_t);
    void* address = va_arg(arguments, void*);
    void* data = va_arg(arguments, void*);
    va_end(arguments);
    bool peek = request == PTRACE_PEEKTEXT || request == PTRACE_PEEKDATA || request == PTRACE_PEEKUSER;
    long word = 0;
    if (peek) data = &word;
    long result = system_call(__NR_ptrace, request, pid, address, data);
    if (result < 0 || !peek) return result;
    errno = 0;
    return word;
}
