// The wide printf engine (swprintf, fwprintf, ... and their fortified
// forms). It reads a wchar_t format and writes wchar_t output through a
// `wide_format_sink` (a caller's array, a stream that narrows each character
// as fputwc does). Everything here is in namespace lwp::libc and defines no
// C symbol.
//
// Literal text, %c %lc %C %s %ls %S %n and %% are handled here, in wide
// characters (a precision or width counts wide characters, %n counts wide
// characters written). Every numeric conversion (d i u o x X b B p f F e E g G a
// A) and %m is handed, with its flags, width, precision and length modifier,
// to the narrow engine (printf_core.hpp) and its ASCII output widened, so a
// number comes out exactly as printf writes it; the limits are printf's too
// (positional arguments fail with ENOTSUP until something is registered
// with register_printf_*; long double exactly, in the current rounding
// direction).
//
// The conversions are the calling thread's LC_CTYPE's, as glibc's: %s's
// bytes go through mbrtowc (in "C" a byte from 0x80 up, in C.UTF-8 a
// sequence that is no UTF-8 character, is EILSEQ: the call fails with -1);
// %c goes through btowc, and a byte from 0x80 up becomes WEOF (in both); %lc and %ls write any
// wchar_t as it is. A WEOF written by %c, %lc or %C is written (glibc
// stores it) and then fails the call with -1, errno untouched, as glibc's
// does (its character output answers WEOF, which is also its failure).
// Except where glibc's stream has no room in its wide buffer at that moment
// (`weof` below): its function that makes room answers 0 for a WEOF
// instead of storing it, so the call counts the character, writes nothing,
// and goes on. That is every character of a line-buffered stream, the
// first wide character a fully buffered one takes after it is opened or
// repositioned, and also one that falls exactly at the end of its full
// buffer (8192 characters; lwp does not follow that one, having no wide
// buffer). An unbuffered stream's WEOF fails the call unwritten.
#pragma once

#include <stdarg.h>
#include <wchar.h>

#include <cstddef>

namespace lwp::libc {

struct wide_format_sink {
    // Receives every wide character of output, in order, in pieces.
    void (*put)(wide_format_sink& self, const wchar_t* characters, std::size_t count);
    std::size_t total = 0;  // characters produced so far (what wprintf returns)
    // What a WEOF that %c, %lc or %C writes does (see above; set by
    // stdio_wide_printf.cpp for a stream).
    enum class weof_rule : unsigned char {
        stored_then_fails,  // an array, open_wmemstream's stream, a stream's filled buffer
        dropped_if_first,   // a fully buffered stream's first wide character
        dropped,            // a line-buffered stream
        fails_unwritten,    // an unbuffered stream
    };
    weof_rule weof = weof_rule::stored_then_fails;
};

// Formats `format` into `sink`. Returns the character count, or -1: errno
// set for EOVERFLOW (past INT_MAX characters), EILSEQ, ENOTSUP or EINVAL,
// untouched when %c met a byte from 0x80 up.
//
// As printf_core.hpp's `format`: `wide_format` is a weak alias of
// `wide_format_standard`, the engine here, which printf_extensions.cpp's
// strong one replaces in a program that registers something with
// register_printf_*; that one reads the format with what was registered
// (positional arguments then work, as in glibc) once anything was. A
// program that registers nothing pays nothing for it.
int wide_format(wide_format_sink& sink, const wchar_t* format, va_list arguments);
int wide_format_standard(wide_format_sink& sink, const wchar_t* format, va_list arguments);

}  // namespace lwp::libc
