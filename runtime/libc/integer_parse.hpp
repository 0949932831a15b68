// The digit-reading core of strtol and its family, kept free of C symbols so
// the hosted unit tests can include it directly.
#pragma once

namespace lwp::libc {

struct parsed_integer {
    unsigned long long magnitude;  // saturated at ULLONG_MAX when `overflow`
    bool negative;
    bool overflow;
    const char* end;  // just past the last digit used; the input if none
};

inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The value of an ASCII digit or letter as a digit, or 36 for anything else.
inline unsigned digit_value(char c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'z') return static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return static_cast<unsigned>(c - 'A' + 10);
    return 36;
}

// The value of a hex digit (either case), or -1 for anything else.
inline int hex_digit_value(char c) {
    unsigned value = digit_value(c);
    return value < 16 ? static_cast<int>(value) : -1;
}

// C's strtoul grammar: leading white space, an optional sign, for base 16 (or
// 0) an optional 0x/0X, then digits. Base 0 picks 16, 8 or 10 from the
// prefix. The caller has checked that base is 0 or 2..36.
inline parsed_integer parse_integer(const char* text, int base) {
    parsed_integer result{0, false, false, text};
    const char* cursor = text;
    while (is_space(*cursor)) ++cursor;
    if (*cursor == '+' || *cursor == '-') result.negative = *cursor++ == '-';
    // "0x" counts as a prefix only when a hex digit follows; otherwise the
    // parse is the single digit 0 and end points at the 'x'.
    if ((base == 0 || base == 16) && cursor[0] == '0' && (cursor[1] | 0x20) == 'x' &&
        digit_value(cursor[2]) < 16) {
        cursor += 2;
        base = 16;
    } else if (base == 0) {
        base = *cursor == '0' ? 8 : 10;
    }
    const unsigned radix = static_cast<unsigned>(base);
    const char* first_digit = cursor;
    for (unsigned digit; (digit = digit_value(*cursor)) < radix; ++cursor) {
        if (__builtin_mul_overflow(result.magnitude, radix, &result.magnitude) ||
            __builtin_add_overflow(result.magnitude, digit, &result.magnitude)) {
            result.overflow = true;
        }
    }
    if (result.overflow) result.magnitude = ~0ULL;
    if (cursor != first_digit) result.end = cursor;
    return result;
}

}  // namespace lwp::libc
