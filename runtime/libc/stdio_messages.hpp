// The C library's own messages on stderr (error, warn, getopt's,
// psignal's), as glibc prints them through its __fxprintf: like fprintf,
// and also on a wide-oriented stream, where printf itself fails
// (stdio_orientation.cpp). A stream without orientation becomes
// byte-oriented, as fprintf makes it.
#pragma once

#include <stdarg.h>
#include <stdio.h>

namespace lwp::libc {

// The byte count, or -1 (errno set) when the write failed.
int vprint_message(FILE* file, const char* format, va_list arguments);
__attribute__((format(printf, 2, 3))) int print_message(FILE* file, const char* format, ...);

}  // namespace lwp::libc
