// perror: "prefix: message\n" for the current errno, on stderr, in one call.
// psignal: the same for a signal's description ("Unknown signal N" for a
// number without one, the real-time signals included, as glibc prints them).
//
// Both write whatever stderr's orientation (stdio_messages.hpp says how),
// as glibc's do. perror leaves stderr's orientation as it was (glibc's
// writes through a duplicate of the descriptor when stderr has none);
// psignal makes a stderr without one byte-oriented, as glibc's does.
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "stdio_messages.hpp"
#include "stream_format_sink.hpp"

namespace {

__attribute__((format(printf, 1, 2))) void print_to_stderr(const char* format_text, ...) {
    va_list arguments;
    va_start(arguments, format_text);
    lwp::libc::print_in_any_orientation(lwp::libc::as_stream(stderr), lwp::libc::format,
                                        format_text, arguments);
    va_end(arguments);
}

}  // namespace

extern "C" {

void perror(const char* prefix) {
    const char* message = strerror(errno);  // read before any output changes errno
    if (prefix && *prefix)
        print_to_stderr("%s: %s\n", prefix, message);
    else
        print_to_stderr("%s\n", message);
}

void psignal(int signal, const char* prefix) {
    const char* separator = prefix && *prefix ? ": " : "";
    if (!prefix) prefix = "";
    if (const char* description = sigdescr_np(signal))
        lwp::libc::print_message(stderr, "%s%s%s\n", prefix, separator, description);
    else
        lwp::libc::print_message(stderr, "%s%sUnknown signal %d\n", prefix, separator, signal);
}

}  // extern "C"
