// strtod's reading of a string: which prefix of the text is a number, and
// where the parse ends, exactly as glibc draws those lines. The value itself
// comes from float_parse.hpp. Header-only and free of C symbols so the hosted
// unit tests can include it; strtod.cpp holds the C entry points.
//
// The grammar (after white space and a sign):
//   decimal:      digits [. digits] [e [sign] digits], or . digits ...
//   hexadecimal:  0x hexdigits [. hexdigits] [p [sign] digits]
//   inf, infinity, nan, nan(letters digits _), in any case.
// An exponent marker not followed by a digit is not part of the number
// ("1e+" ends after the 1); "0x" with no hexadecimal digit after it is the
// number 0 ending at the x. A nan's parenthesised characters, when they are
// a number as strtoull(chars, 0) reads one, become its payload, as glibc's.
#pragma once

#include <errno.h>

#include "float_parse.hpp"
#include "integer_parse.hpp"

namespace lwp::libc {

inline bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `text` starts with `word` (lower case), letters in any case.
inline bool starts_with_word(const char* text, const char* word) {
    for (; *word != '\0'; ++text, ++word) {
        if ((*text | 0x20) != *word) return false;
    }
    return true;
}

inline bool is_nan_character(char c) { return digit_value(c) < 36 || c == '_'; }

// Reads the number at the start of `text` into `number`; `end` is set just
// past it, or to `text` when there is none (the value is then +0).
inline rounded_float read_float(const char* text, const char*& end, float_accumulator& number) {
    end = text;
    const char* cursor = text;
    while (is_space(*cursor)) ++cursor;
    bool negative = false;
    if (*cursor == '+' || *cursor == '-') negative = *cursor++ == '-';
    if (!is_decimal_digit(*cursor) && !(*cursor == '.' && is_decimal_digit(cursor[1]))) {
        if (starts_with_word(cursor, "inf")) {
            end = cursor + (starts_with_word(cursor + 3, "inity") ? 8 : 3);
            return infinite_value(negative);
        }
        if (starts_with_word(cursor, "nan")) {
            cursor += 3;
            std::uint64_t payload = 0;
            if (*cursor == '(') {
                const char* close = cursor + 1;
                while (is_nan_character(*close)) ++close;
                if (*close == ')') {
                    parsed_integer chars = parse_integer(cursor + 1, 0);
                    // glibc's strtoull call reports its overflow as its own.
                    if (chars.overflow) errno = ERANGE;
                    if (chars.end == close) payload = chars.magnitude;
                    cursor = close + 1;
                }
            }
            end = cursor;
            return quiet_nan(negative, payload);
        }
        return rounded_float{};
    }
    const char* first = cursor;
    unsigned base = 10;
    if (cursor[0] == '0' && (cursor[1] | 0x20) == 'x') {
        base = 16;
        number.set_hexadecimal();
        cursor += 2;
    }
    bool any_digit = false;
    for (unsigned digit; (digit = digit_value(*cursor)) < base; ++cursor) {
        number.digit(digit, false);
        any_digit = true;
    }
    if (*cursor == '.') {
        ++cursor;
        for (unsigned digit; (digit = digit_value(*cursor)) < base; ++cursor) {
            number.digit(digit, true);
            any_digit = true;
        }
    }
    if (!any_digit) {  // "0x" alone, or "0x.": the number is the 0
        end = first + 1;
        rounded_float zero;
        zero.negative = negative;
        return zero;
    }
    end = cursor;
    if ((*cursor | 0x20) == (base == 16 ? 'p' : 'e')) {
        const char* exponent = cursor + 1;
        bool exponent_negative = false;
        if (*exponent == '+' || *exponent == '-') exponent_negative = *exponent++ == '-';
        if (is_decimal_digit(*exponent)) {
            if (exponent_negative) number.negative_exponent();
            for (; is_decimal_digit(*exponent); ++exponent) number.exponent_digit(*exponent - '0');
            end = exponent;
        }
    }
    return number.round(negative);
}

// The number at the start of `text` rounded to T's format in `direction`,
// with *end set past it (when `end` is not null).
template <typename T>
rounded_float read_rounded(const char* text, char** end, rounding_direction direction) {
    float_workspace<T> workspace;
    float_accumulator number = workspace.accumulator();
    number.set_direction(direction);
    const char* stop;
    rounded_float value = read_float(text, stop, number);
    if (end != nullptr) *end = const_cast<char*>(stop);
    return value;
}

// strtod, strtof, strtold and strtof128: the whole call, rounded in the
// caller's direction, with errno and the flags.
template <typename T>
T string_to_float(const char* text, char** end) {
    rounded_float value = read_rounded<T>(text, end, current_rounding_direction());
    report_rounding(value);
    return pack<T>(value);
}

}  // namespace lwp::libc
