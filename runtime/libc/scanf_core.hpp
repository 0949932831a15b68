// The scanf engine shared by every scanf-family entry point.
//
// It reads through a `scan_source` (a string, a FILE stream) one byte at a
// time and gives back at the end the one byte of lookahead it did not use,
// so a stream is left right after the last byte a conversion consumed.
// Everything here is in namespace lwp::libc and defines no C symbol.
//
// Supported: %d %i %u %o %x %X %p %n %c %s %[...] (with ^, a leading ], and
// ranges a-z) and %%; %f %e %g %a and their capitals (float, double with l
// j z t, long double with L ll q); assignment suppression *; field widths;
// length modifiers hh h l ll q L j z t; %lc %ls %l[ (into wchar_t through the
// locale's charset); the POSIX allocating modifier m (%ms %mc %m[).
// %p also reads "(nil)", as glibc's does. Integers behave as glibc's do: the value saturates in 64 bits the way
// strtol (d i) or strtoul (u o x X p) would, then is truncated to the
// argument's type. Floating-point numbers are read as glibc's scanf reads
// them (scanf_float.hpp) and rounded as strtod rounds (float_parse.hpp).
// Not supported: positional arguments (%1$d). They stop the scan there, as
// a matching failure would, with errno set to ENOTSUP.
#pragma once

#include <stdarg.h>

#include <cstddef>

namespace lwp::libc {

struct scan_source {
    // The next byte (0..255), or EOF at the end of the input or on an error.
    int (*next)(scan_source& self);
    // Returns one byte that `next` handed out and the scan did not consume.
    void (*give_back)(scan_source& self, int byte);
};

// Scans `format` against the source's bytes, storing through `arguments`.
// Returns the number of items assigned, or EOF when the input ended (or
// failed) before any item was assigned.
int scan(scan_source& source, const char* format, va_list arguments);

}  // namespace lwp::libc
