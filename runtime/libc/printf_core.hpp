// The printf formatting engine shared by every printf-family entry point.
//
// It writes through a `format_sink` (a FILE's buffer, a caller's array, a
// file descriptor) and knows nothing about where bytes go. Everything here is
// in namespace lwp::libc and defines no C symbol, so the hosted unit tests
// compile it directly and compare it with the host's snprintf.
//
// Supported: %d %i %u %o %x %X %b %B %c %s %p %n %% and %f %F %e %E %g %G %a %A
// (%b and %B: C23's binary, '#' giving 0b and 0B, as glibc 2.35's); flags
// - + space # 0 (and ' accepted, no grouping: the "C" locale has none); width
// and precision, both also as *; length modifiers hh h l ll q L j z (and
// glibc's older Z) t.
// %lc/%ls convert wide characters in the calling thread's LC_CTYPE: in "C"
// ASCII only, failing with EILSEQ on others; in C.UTF-8 their UTF-8 (EILSEQ
// for a surrogate or a negative one). A precision counts bytes and ends
// the conversion before a character that would not fit whole. %m (a GNU extension) prints strerror(errno), or errno's
// signed decimal value in a program that does not link strerror; %#m
// (glibc 2.35) strerrorname_np(errno), or the same number for a code with no
// name or in a program that does not link strerrorname_np. Not supported,
// failing with ENOTSUP after whatever was already written: positional
// arguments (%1$d), until the program registers something with
// register_printf_* (printf_extensions.cpp reads them then, as glibc).
// Unknown conversions are copied to the output as written; a format ending in
// an incomplete conversion ("100%") fails with EINVAL, as glibc's does.
#pragma once

#include <stdarg.h>

#include <cstddef>

namespace lwp::libc {

struct format_sink {
    // Receives every byte of output, in order, in pieces.
    void (*put)(format_sink& self, const char* bytes, std::size_t count);
    std::size_t total = 0;  // bytes produced so far (what printf returns)

    void emit(const char* bytes, std::size_t count) {
        total += count;
        if (count) put(*this, bytes, count);
    }
    void emit(char byte) { emit(&byte, 1); }
    void repeat(char byte, std::size_t count);
};

enum format_flag : unsigned {
    flag_left = 1,       // '-'
    flag_plus = 2,       // '+'
    flag_space = 4,      // ' '
    flag_alternate = 8,  // '#'
    flag_zero = 16,      // '0'
};

struct conversion_spec {
    unsigned flags = 0;
    int width = 0;
    int precision = -1;  // -1: none given
    char conversion = 0;
};

// Emits `[spaces][prefix][zeros][body_length bytes produced by the caller]`
// according to the width and the '-' flag: the left part now, and returns
// how many spaces are still owed after the body (for '-').
std::size_t emit_field_start(format_sink& sink, const conversion_spec& spec,
                             const char* prefix, std::size_t prefix_length,
                             std::size_t zeros, std::size_t body_length);

// Formats one floating-point conversion (f F e E g G a A), exactly, rounded
// in the current rounding direction. `value` is the argument: a long double
// (`is_long_double`, the L modifier), or a double widened to long double,
// which is exact; the two print alike but for %a, where glibc's output
// follows the argument's own format. Lives in printf_float.cpp.
void format_float(format_sink& sink, const conversion_spec& spec, long double value,
                  bool is_long_double);

// Formats `format` with `arguments` into `sink`. Returns the byte count, or
// -1 with errno set (EOVERFLOW past INT_MAX bytes, EILSEQ, ENOTSUP, EINVAL).
//
// `format` is a weak alias of `format_standard`, the engine here. A
// program that registers a conversion, modifier or type with <printf.h>'s
// register_printf_* links printf_extensions.cpp, whose strong `format`
// replaces the alias at link time: it reads the format with what was
// registered (once anything was) and calls `format_standard` for the
// standard conversions. Every other program pays nothing for that, not even
// a test of a pointer.
int format(format_sink& sink, const char* format, va_list arguments);
int format_standard(format_sink& sink, const char* format, va_list arguments);

}  // namespace lwp::libc
