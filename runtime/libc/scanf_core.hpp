// The scanf engine shared by every scanf-family entry point.
//
// It reads through a `scan_source` (a string, a FILE stream), in runs of
// bytes straight from the source's memory where it has them, else one byte
// at a time, and leaves the source right after the last byte a conversion
// consumed: the one byte of lookahead it did not use stays unread.
// Everything here is in namespace lwp::libc and defines no C symbol.
//
// Supported: %d %i %u %o %x %X %p %n %c %s %[...] (with ^, a leading ], and
// ranges a-z) and %%; %f %e %g %a and their capitals (float, double with l
// j z t, long double with L ll q); assignment suppression *; field widths;
// length modifiers hh h l ll q L j z t; %lc %ls %l[ (into wchar_t through the
// locale's charset; %C and %S are %lc and %ls); the POSIX allocating modifier m (%ms %mc %m[).
// %p also reads "(nil)", as glibc's does. Integers behave as glibc's do: the value saturates in 64 bits the way
// strtol (d i) or strtoul (u o x X p) would, then is truncated to the
// argument's type. Floating-point numbers are read as glibc's scanf reads
// them (scanf_float.hpp) and rounded as strtod rounds (float_parse.hpp).
// Positional arguments as glibc's: %2$d stores through the second pointer
// after the format (see read_spec_start below).
#pragma once

#include <errno.h>
#include <stdarg.h>

#include <cstddef>
#include <cstdint>

namespace lwp::libc {

// The part of a conversion specification before its length modifier, as
// glibc reads it after the '%': an optional position N$, then any of the
// flags * (assign nothing), ' (group thousands) and I (the locale's
// digits), then a width. Digits not followed by '$' are the width, and no
// flag may follow them. ' and I change nothing in the "C" and C.UTF-8
// locales, the only ones lwp has (no thousands separator, no other
// digits), so they are read and have no effect, as in glibc there.
// Position 0 ("%0$d") is no position: the next argument in turn, as glibc.
// A conversion with a position stores through that argument (each is a
// pointer, so the ones before it are skipped as pointers) and leaves the
// next argument in turn where it was, as glibc's does; formats that mix
// the two forms are glibc's reading of what POSIX leaves undefined.
struct spec_start {
    std::size_t position = 0;  // 0: the next argument in turn
    std::size_t width = 0;     // 0: none given
    bool suppress = false;
};

// glibc's NL_ARGMAX: positions beyond it are refused (EINVAL) rather than
// walked through as arguments the caller never passed.
inline constexpr std::size_t most_positions = 4096;

// Reads a decimal number, saturating at SIZE_MAX.
template <typename Char>
const Char* read_count(const Char* cursor, std::size_t& count) noexcept {
    for (; *cursor >= '0' && *cursor <= '9'; ++cursor) {
        std::size_t digit = static_cast<std::size_t>(*cursor - '0');
        if (__builtin_mul_overflow(count, 10, &count) || __builtin_add_overflow(count, digit, &count))
            count = SIZE_MAX;
    }
    return cursor;
}

// Returns the format after the width, or nullptr (errno EINVAL) for a
// position beyond most_positions.
template <typename Char>
const Char* read_spec_start(const Char* cursor, spec_start& start) noexcept {
    if (*cursor >= '0' && *cursor <= '9') {
        std::size_t number = 0;
        const Char* after = read_count(cursor, number);
        if (*after != '$') {
            start.width = number;
            return after;
        }
        if (number > most_positions) {
            errno = EINVAL;
            return nullptr;
        }
        start.position = number;
        cursor = after + 1;
    }
    for (;; ++cursor) {
        if (*cursor == '*') start.suppress = true;
        else if (*cursor != '\'' && *cursor != 'I') break;
    }
    return read_count(cursor, start.width);
}

// Runs convert(arguments) with the arguments a conversion stores through:
// `in_turn` (the next argument in turn) without a position; for %N$ a copy
// of the call's arguments advanced past N - 1 pointers, so that its next
// va_arg is the N-th (and `in_turn` stays where it was).
template <typename Convert>
auto convert_at_position(std::size_t position, va_list& in_turn, va_list call_arguments,
                         Convert convert) {
    if (position == 0) return convert(in_turn);
    va_list positioned;
    va_copy(positioned, call_arguments);
    for (std::size_t skipped = 1; skipped < position; ++skipped) (void)va_arg(positioned, void*);
    auto result = convert(positioned);
    va_end(positioned);
    return result;
}

// Where the engine's bytes come from, in one of two ways. A source whose
// bytes wait in memory (a string, a stream's read buffer) sets `run` and
// `consume`, so that the scanning loops go through whole runs of bytes
// with one call per run instead of one per byte; any other sets them null
// and hands out bytes one at a time through `next` and `give_back`.
struct scan_source {
    // The next byte (0..255), or EOF at the end of the input or on an error.
    int (*next)(scan_source& self) = nullptr;
    // Returns one byte that `next` handed out and the scan did not consume.
    void (*give_back)(scan_source& self, int byte) = nullptr;
    // Points `start` at the bytes not consumed yet and returns how many of
    // them are in memory there, reading more when there are none: 0 at the
    // end of the input or on an error. The bytes stay valid, and unread,
    // until `consume` says how many of them the scan took; the engine calls
    // it before each `run` and once at the end, so a source is always left
    // right after the last byte a conversion consumed.
    std::size_t (*run)(scan_source& self, const unsigned char*& start) = nullptr;
    void (*consume)(scan_source& self, std::size_t count) = nullptr;
};

// Scans `format` against the source's bytes, storing through `arguments`.
// Returns the number of items assigned, or EOF when the input ended (or
// failed) before any item was assigned.
int scan(scan_source& source, const char* format, va_list arguments);

}  // namespace lwp::libc
