// strfmon strfmon_l (and glibc's __strfmon_l): amounts of money formatted
// as glibc formats them in the "C" and C.UTF-8 locales, lwp's two, whose
// LC_MONETARY is the same: no currency symbol (int_curr_symbol is "" too),
// no separators, no grouping, and every number left unspecified. glibc then
// falls back on: the symbol before the amount with no space, the sign
// before both, "-" for a negative amount and nothing for a positive one, two
// digits after the point (".", the numeric one, since the monetary one is
// "").
//
// A conversion is %[flags][width][#left][.right][L]{i,n}; flags: =c (fill
// character for the left precision), ^ (no grouping: changes nothing here),
// + (the locale's signs: the same), ( (a negative amount in parentheses),
// ! (no currency symbol: there is none), - (left-justify in the width).
// `+` and `(` exclude each other. The amount is printed as printf's "%.*f"
// of its magnitude, in a field of left + right + 1 characters filled with
// the fill character (zeros after the sign when it is 0, as printf pads;
// infinities and NaNs with spaces), so -0.0, not below 0, keeps printf's
// "-0.00". With a left precision a positive amount gets one space before
// it, the room a negative one's sign or parenthesis takes, so that columns
// line up. Errors are glibc's: EINVAL for a malformed conversion, E2BIG
// when the result and its terminator do not fit in `size` bytes or the
// width alone does not fit in what is left, and -1 with errno untouched
// when an amount is longer than what is left of the buffer.
//
// Differences: after an error the buffer's contents are not glibc's
// (glibc leaves what it wrote before noticing); with a size of 0 nothing is
// written (glibc writes one byte before the buffer for a conversion, and a
// terminator at its start for a format without one, answering 0 for the
// latter as lwp does).
#include <errno.h>
#include <locale.h>
#include <monetary.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/libc/long_double_decimal.hpp"

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The output, bounded by the caller's size less the terminator's byte.
struct output {
    char* start;
    size_t size;
    size_t length = 0;
    bool put(char c) {
        if (length + 1 >= size) return false;
        start[length++] = c;
        return true;
    }
};

// "%.*f" of `magnitude` (a double or, for L, a long double) into `text`,
// padded to `width` as printf pads with fill `pad`. Returns its length, or
// -1 without memory.
int format_amount(char* text, size_t capacity, bool is_long_double, double value,
                  long double long_value, int right, int width, char pad) {
    char digits[512];
    char* number = digits;
    int length = is_long_double
                     ? lwp::libc::format_long_double_fixed(digits, sizeof digits, right, long_value)
                     : snprintf(digits, sizeof digits, "%.*f", right, value);
    if (length < 0) return -1;
    if (static_cast<size_t>(length) >= sizeof digits) {  // a long one: malloc'd
        number = static_cast<char*>(malloc(static_cast<size_t>(length) + 1));
        if (number == nullptr) return -1;
        if (is_long_double)
            lwp::libc::format_long_double_fixed(number, static_cast<size_t>(length) + 1, right, long_value);
        else
            snprintf(number, static_cast<size_t>(length) + 1, "%.*f", right, value);
    }
    int fill = width > length ? width - length : 0;
    bool finite = is_digit(number[number[0] == '-' ? 1 : 0]);
    if (!finite) pad = ' ';
    int total = length + fill;
    if (text != nullptr && static_cast<size_t>(total) <= capacity) {
        char* out = text;
        const char* in = number;
        if (pad == '0' && *in == '-') *out++ = *in++;
        if (pad != '0') {
            memset(out, pad, static_cast<size_t>(fill));
            out += fill;
        } else {
            memset(out, '0', static_cast<size_t>(fill));
            out += fill;
        }
        memcpy(out, in, static_cast<size_t>(length - (in - number)));
    }
    if (number != digits) free(number);
    return total;
}

ssize_t format_money(char* buffer, size_t size, const char* format, va_list arguments) {
    output out{buffer, size};
    const char* cursor = format;
    auto fail = [](int code) -> ssize_t {
        errno = code;
        return -1;
    };
    while (*cursor != '\0') {
        if (*cursor != '%') {
            if (!out.put(*cursor++)) return fail(E2BIG);
            continue;
        }
        if (cursor[1] == '%') {
            if (!out.put('%')) return fail(E2BIG);
            cursor += 2;
            continue;
        }
        char pad = ' ';
        bool sign_chosen = false;  // + or ( seen
        bool parentheses = false;
        bool left_justify = false;
        for (bool flags = true; flags;) {
            switch (*++cursor) {
                case '=':
                    pad = *++cursor;
                    if (pad == '\0') return fail(EINVAL);
                    break;
                case '^':
                case '!':
                    break;
                case '+':
                case '(':
                    if (sign_chosen) return fail(EINVAL);
                    sign_chosen = true;
                    parentheses = *cursor == '(';
                    break;
                case '-':
                    left_justify = true;
                    break;
                default:
                    flags = false;
            }
        }
        long width = -1;
        if (is_digit(*cursor)) {
            width = 0;
            for (; is_digit(*cursor); ++cursor) {
                int digit = *cursor - '0';
                if (width > (0x7fffffffffffffffL - digit) / 10) return fail(E2BIG);
                width = width * 10 + digit;
            }
            if (static_cast<unsigned long>(width) >= size - out.length) return fail(E2BIG);
        }
        int left = -1;
        if (*cursor == '#') {
            if (!is_digit(*++cursor)) return fail(EINVAL);
            left = 0;
            for (; is_digit(*cursor); ++cursor) left = left * 10 + (*cursor - '0');
        }
        int right = 2;
        if (*cursor == '.') {
            if (!is_digit(*++cursor)) return fail(EINVAL);
            right = 0;
            for (; is_digit(*cursor); ++cursor) right = right * 10 + (*cursor - '0');
        }
        bool is_long_double = false;
        if (*cursor == 'L') {
            is_long_double = true;
            ++cursor;
        }
        if (*cursor != 'i' && *cursor != 'n') return fail(EINVAL);
        ++cursor;

        double value = 0;
        long double long_value = 0;
        bool negative;
        if (is_long_double) {
            long_value = va_arg(arguments, long double);
            negative = long_value < 0;
            if (negative) long_value = -long_value;
        } else {
            value = va_arg(arguments, double);
            negative = value < 0;
            if (negative) value = -value;
        }

        size_t field_start = out.length;
        // A positive amount, when a left precision is given, is preceded by
        // the room the negative form's sign or parenthesis takes.
        if (left >= 0 && !negative && !out.put(' ')) return fail(E2BIG);
        if (negative && !out.put(parentheses ? '(' : '-')) return fail(E2BIG);
        int field = (left >= 0 ? left : 0) + (right != 0 ? right + 1 : 0);
        size_t room = size > out.length ? size - out.length - 1 : 0;
        int length = format_amount(nullptr, 0, is_long_double, value, long_value, right, field, pad);
        if (length < 0) return -1;
        // glibc prints the amount into what is left of the buffer, its last
        // byte included: an amount longer than that fails printf itself
        // (-1, errno untouched); one that only reaches the last byte, where
        // the terminator goes, is E2BIG.
        if (size != 0 && static_cast<size_t>(length) > room + 1) return -1;
        if (static_cast<size_t>(length) > room) return fail(E2BIG);
        format_amount(buffer + out.length, room, is_long_double, value, long_value, right, field, pad);
        out.length += static_cast<size_t>(length);
        if (negative && parentheses && !out.put(')')) return fail(E2BIG);

        long written = static_cast<long>(out.length - field_start);
        if (written < width) {
            long missing = width - written;
            if (left_justify) {
                while (missing-- > 0)
                    if (!out.put(' ')) return fail(E2BIG);
            } else {
                if (out.length + static_cast<size_t>(missing) + 1 > size) return fail(E2BIG);
                char* start = buffer + field_start;
                memmove(start + missing, start, static_cast<size_t>(written));
                memset(start, ' ', static_cast<size_t>(missing));
                out.length += static_cast<size_t>(missing);
            }
        }
    }
    if (size == 0) return 0;
    buffer[out.length] = '\0';
    return static_cast<ssize_t>(out.length);
}

}  // namespace

extern "C" {

ssize_t strfmon(char* __restrict buffer, size_t size, const char* __restrict format, ...) noexcept {
    va_list arguments;
    va_start(arguments, format);
    ssize_t result = format_money(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

ssize_t strfmon_l(char* __restrict buffer, size_t size, locale_t, const char* __restrict format,
                  ...) noexcept {
    va_list arguments;
    va_start(arguments, format);
    ssize_t result = format_money(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

ssize_t __strfmon_l(char* buffer, size_t size, locale_t, const char* format, ...) noexcept {
    va_list arguments;
    va_start(arguments, format);
    ssize_t result = format_money(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
