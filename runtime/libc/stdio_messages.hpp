// The C library's own messages on stderr (error, warn, getopt's,
// psignal's), as glibc prints them through its __fxprintf: like fprintf,
// and also on a wide-oriented stream, where printf itself fails
// (stdio_orientation.cpp). A stream without orientation becomes
// byte-oriented, as fprintf makes it.
#pragma once

#include <stdarg.h>
#include <stdio.h>

#include "../thread/cancellation_hold.hpp"

namespace lwp::libc {

// The byte count, or -1 (errno set) when the write failed.
int vprint_message(FILE* file, const char* format, va_list arguments);
__attribute__((format(printf, 2, 3))) int print_message(FILE* file, const char* format, ...);

// One message on stderr, printed in pieces as above while cancellation is
// held off and stderr is locked, as glibc's getopt and error print theirs:
// the message reaches the file whole, and a cancellation request cannot act
// in one of its writes, which would end the thread with stderr locked for
// ever (flockfile's hold is not the write's to give back). A request made
// meanwhile acts at the next cancellation point after it. `after_stdout`:
// standard output is written out first (error's rule), under the same hold.
class stderr_message {
public:
    explicit stderr_message(bool after_stdout = false) {
        if (after_stdout) fflush(stdout);
        flockfile(stderr);
    }
    ~stderr_message() { funlockfile(stderr); }
    stderr_message(const stderr_message&) = delete;
    stderr_message& operator=(const stderr_message&) = delete;

    void vprint(const char* format, va_list arguments) { vprint_message(stderr, format, arguments); }
    __attribute__((format(printf, 2, 3))) void print(const char* format, ...) {
        va_list arguments;
        va_start(arguments, format);
        vprint(format, arguments);
        va_end(arguments);
    }

private:
    // Constructed before the lock is taken and released after it is given
    // back: flushing stderr in funlockfile writes too.
    const runtime::cancellation_hold hold_;
};

}  // namespace lwp::libc
