// BSD's err, errx, warn, warnx and their v forms (<err.h>): "name: message"
// on stderr, with ": reason" from errno for err and warn; err and errx then
// exit with the status given. Written whatever stderr's orientation, as
// glibc's (stdio_messages.hpp).
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdio_messages.hpp"

extern "C" char* program_invocation_short_name;

namespace {

// The whole line with stderr held, so another thread's output cannot split
// it. `reason` is errno's value at the call, or -1 for none; a null format
// leaves only the name and the reason, as glibc prints it.
void report(int reason, const char* format, va_list arguments) {
    flockfile(stderr);
    lwp::libc::print_message(stderr, "%s: ",
                             program_invocation_short_name ? program_invocation_short_name : "");
    if (format != nullptr) {
        lwp::libc::vprint_message(stderr, format, arguments);
        if (reason >= 0) lwp::libc::print_message(stderr, ": ");
    }
    if (reason >= 0) lwp::libc::print_message(stderr, "%s", strerror(reason));
    lwp::libc::print_message(stderr, "\n");
    funlockfile(stderr);
}

}  // namespace

extern "C" {

void vwarn(const char* format, va_list arguments) { report(errno, format, arguments); }
void vwarnx(const char* format, va_list arguments) { report(-1, format, arguments); }

void verr(int status, const char* format, va_list arguments) {
    vwarn(format, arguments);
    exit(status);
}

void verrx(int status, const char* format, va_list arguments) {
    vwarnx(format, arguments);
    exit(status);
}

void warn(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vwarn(format, arguments);
    va_end(arguments);
}

void warnx(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vwarnx(format, arguments);
    va_end(arguments);
}

void err(int status, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vwarn(format, arguments);
    va_end(arguments);
    exit(status);
}

void errx(int status, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vwarnx(format, arguments);
    va_end(arguments);
    exit(status);
}

}  // extern "C"
