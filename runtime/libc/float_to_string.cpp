// strfromd strfromf strfroml (ISO/IEC TS 18661-1, C23), and the _FloatN
// names glibc exports for the same formats (strfromf32 strfromf64
// strfromf32x as strfromf and strfromd, strfromf64x as strfroml).
//
// The format is "%", an optional precision (".", then digits, none meaning
// 0), and one of a A e E f F g G; glibc ignores whatever follows it and
// aborts the program for anything else (no flags, no width, no length, no
// '*'), so lwp does the same. A precision too large for an int is treated as
// absent, as glibc's reading of it gives up. The text is then what snprintf
// writes for that conversion: at most size - 1 bytes and a terminator, the
// whole length returned; a float is printed as the double it converts to.
//
// strfroml formats its decimal conversions with long_double_decimal.hpp
// (written when lwp's printf printed long double at double precision) and
// its hexadecimal one here; strfromf128 likewise, rounding in the current rounding mode as
// glibc's printf does for _Float128 (strfroml rounds to nearest).
#include <stdio.h>
#include <stdlib.h>

#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/long_double_decimal.hpp"
#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace {

struct conversion {
    int precision;  // -1: the conversion's default
    char specifier;
};

conversion read_format(const char* format) {
    if (*format++ != '%') abort();
    conversion result{-1, 0};
    if (*format == '.') {
        ++format;
        int precision = 0;
        for (; *format >= '0' && *format <= '9'; ++format) {
            int digit = *format - '0';
            if (precision < 0) continue;  // past INT_MAX: the digits are still skipped
            if (precision > (0x7fffffff - digit) / 10)
                precision = -1;
            else
                precision = precision * 10 + digit;
        }
        result.precision = precision;
    }
    switch (*format) {
        case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            result.specifier = *format;
            return result;
        default:
            abort();
    }
}

int format_double(char* out, size_t size, conversion c, double value) {
    char format[] = "%.*?";
    format[3] = c.specifier;
    return snprintf(out, size, format, c.precision, value);
}

// The text cut at the caller's buffer, its whole length counted.
struct text_sink {
    char* buffer;
    size_t size;
    size_t length = 0;
    void put(char c) {
        if (length + 1 < size) buffer[length] = c;
        ++length;
    }
    int finish() {
        if (size > 0) buffer[length < size ? length : size - 1] = '\0';
        return static_cast<int>(length);
    }
};

// "p", the sign and the decimal binary exponent of a %a conversion.
void put_binary_exponent(text_sink& out, int exponent) {
    out.put('p');
    out.put(exponent < 0 ? '-' : '+');
    unsigned magnitude = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
    char text[8];
    int count = 0;
    do {
        text[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count > 0) out.put(text[--count]);
}

// "%La" as glibc prints the x87 format: the explicit integer bit and the
// three bits after it make the leading hexadecimal digit (8 to f for a
// normal number, so 1.0 is 0x8p-3), the other 60 bits fifteen more digits
// (trailing zeros dropped when no precision is given). A subnormal keeps its
// leading digit below 8 and the exponent -16385. Rounding to a precision is
// to nearest, ties to even; a carry out of a leading f makes it 1 and adds 4
// to the exponent.
int format_long_double_hexadecimal(char* buffer, size_t size, int precision, long double value) {
    namespace m = lwp::libc::math;
    text_sink out{buffer, size};
    if (m::long_sign(value)) out.put('-');
    if (value != value || m::long_is_inf(value)) {  // unnormals compare unordered too
        const char* word = value != value ? "nan" : "inf";
        for (int i = 0; i < 3; ++i) out.put(word[i]);
        return out.finish();
    }
    m::long_double_bits bits = m::bits_of_long(value);
    unsigned field = bits.sign_exponent & 0x7fffu;
    std::uint64_t mantissa = bits.mantissa;
    unsigned leading = static_cast<unsigned>(mantissa >> 60);
    std::uint64_t fraction = mantissa << 4;  // the fifteen digits, top-aligned
    int exponent = 0;
    if (mantissa != 0) exponent = (field == 0 ? 1 : static_cast<int>(field)) - 16383 - 3;
    int digits = 0;  // significant fraction digits
    for (std::uint64_t rest = fraction; rest != 0; rest <<= 4) ++digits;
    if (precision < 0) precision = digits;
    if (precision < digits) {
        // Keep `precision` digits: the dropped part decides, ties to even.
        int dropped_bits = 64 - 4 * precision;
        std::uint64_t kept = precision == 0 ? 0 : fraction >> dropped_bits;
        std::uint64_t dropped = precision == 0 ? fraction : fraction << (4 * precision);
        std::uint64_t half = std::uint64_t{1} << 63;
        bool last_odd = ((precision == 0 ? leading : static_cast<unsigned>(kept)) & 1) != 0;
        if (dropped > half || (dropped == half && last_odd)) {
            ++kept;
            if (precision == 0 || (kept >> (4 * precision)) != 0) {
                kept = 0;
                if (++leading == 16) {
                    leading = 1;
                    exponent += 4;
                }
            }
        }
        fraction = precision == 0 ? 0 : kept << dropped_bits;
    }
    const char* hex = "0123456789abcdef";
    out.put('0');
    out.put('x');
    out.put(hex[leading]);
    if (precision > 0) out.put('.');
    for (int i = 0; i < precision; ++i) {
        out.put(hex[fraction >> 60]);  // zeros once the fifteen digits are out
        fraction <<= 4;
    }
    put_binary_exponent(out, exponent);
    return out.finish();
}

// "%a" as glibc prints a _Float128: the leading digit is the integer bit (1,
// or 0 for a subnormal, whose exponent is then -16382), the 112 fraction
// bits 28 more digits (trailing zeros dropped when no precision is given).
// Rounding to a precision is in the direction given; a carry out of the
// digits after the point raises the leading digit (0x1.f to 0x2p+0, as
// glibc's, with no renormalising).
int format_float128_hexadecimal(char* buffer, size_t size, int precision, __float128 value,
                                lwp::libc::decimal_rounding direction) {
    namespace f = lwp::libc::math::f128;
    text_sink out{buffer, size};
    bool negative = f::sign_of(value);
    if (negative) out.put('-');
    if (!f::is_finite(value)) {
        const char* word = f::is_nan(value) ? "nan" : "inf";
        for (int i = 0; i < 3; ++i) out.put(word[i]);
        return out.finish();
    }
    f::bits magnitude = f::magnitude_bits(value);
    int field = static_cast<int>(magnitude >> f::fraction_bits);
    unsigned leading = field != 0 ? 1 : 0;
    f::bits fraction = (magnitude & f::fraction_mask) << 16;  // the 28 digits, top-aligned
    int exponent = 0;
    if (magnitude != 0) exponent = (field == 0 ? 1 : field) - f::bias;
    int digits = 0;  // significant fraction digits
    for (f::bits rest = fraction; rest != 0; rest <<= 4) ++digits;
    if (precision < 0) precision = digits;
    if (precision < digits) {
        int dropped_bits = 128 - 4 * precision;
        f::bits kept = precision == 0 ? 0 : fraction >> dropped_bits;
        f::bits dropped = precision == 0 ? fraction : fraction << (4 * precision);
        f::bits half = f::bits{1} << 127;
        bool last_odd = ((precision == 0 ? leading : static_cast<unsigned>(kept)) & 1) != 0;
        bool up;
        switch (direction) {
            case lwp::libc::decimal_rounding::nearest:
                up = dropped > half || (dropped == half && last_odd);
                break;
            case lwp::libc::decimal_rounding::upward: up = !negative; break;  // dropped is nonzero
            case lwp::libc::decimal_rounding::downward: up = negative; break;
            default: up = false; break;
        }
        if (up) {
            ++kept;
            if (precision == 0 || (kept >> (4 * precision)) != 0) {
                kept = 0;
                ++leading;
            }
        }
        fraction = precision == 0 ? 0 : kept << dropped_bits;
    }
    const char* hex = "0123456789abcdef";
    out.put('0');
    out.put('x');
    out.put(hex[leading]);
    if (precision > 0) out.put('.');
    for (int i = 0; i < precision; ++i) {
        out.put(hex[static_cast<unsigned>(fraction >> 124)]);  // zeros once the 28 digits are out
        fraction <<= 4;
    }
    put_binary_exponent(out, exponent);
    return out.finish();
}

// The upper-case conversions are the lower-case text with its letters
// raised (inf INF, nan NAN, e E, 0x1.ap+0 0X1.AP+0); only what was written
// is touched.
void raise_letters(char* buffer, size_t size, int length) {
    if (size == 0 || length < 0) return;
    size_t written = static_cast<size_t>(length) < size ? static_cast<size_t>(length) : size - 1;
    for (size_t i = 0; i < written; ++i) {
        if (buffer[i] >= 'a' && buffer[i] <= 'z') buffer[i] = static_cast<char>(buffer[i] - 'a' + 'A');
    }
}

}  // namespace

extern "C" {

int strfromd(char* __restrict out, size_t size, const char* __restrict format,
             double value) noexcept {
    return format_double(out, size, read_format(format), value);
}

int strfromf(char* __restrict out, size_t size, const char* __restrict format,
             float value) noexcept {
    return format_double(out, size, read_format(format), value);
}

int strfroml(char* __restrict out, size_t size, const char* __restrict format,
             long double value) noexcept {
    conversion c = read_format(format);
    int length;
    switch (c.specifier | 0x20) {
        case 'f': length = lwp::libc::format_long_double_fixed(out, size, c.precision, value); break;
        case 'e':
            length = lwp::libc::format_long_double_exponential(out, size, c.precision, value);
            break;
        case 'g':
            length = lwp::libc::format_long_double_general(out, size, c.precision, value);
            break;
        default: length = format_long_double_hexadecimal(out, size, c.precision, value); break;
    }
    if (c.specifier < 'a') raise_letters(out, size, length);
    return length;
}

int strfromf128(char* __restrict out, size_t size, const char* __restrict format,
                __float128 value) noexcept {
    conversion c = read_format(format);
    // MXCSR's rounding field, the mode _Float128 arithmetic follows.
    auto direction = static_cast<lwp::libc::decimal_rounding>(
        (lwp::arch::sse::read_status_control() >> 13) & 3);
    int length;
    switch (c.specifier | 0x20) {
        case 'f':
            length = lwp::libc::format_float128_fixed(out, size, c.precision, value, direction);
            break;
        case 'e':
            length = lwp::libc::format_float128_exponential(out, size, c.precision, value, direction);
            break;
        case 'g':
            length = lwp::libc::format_float128_general(out, size, c.precision, value, direction);
            break;
        default: length = format_float128_hexadecimal(out, size, c.precision, value, direction); break;
    }
    if (c.specifier < 'a') raise_letters(out, size, length);
    return length;
}

int strfromf32(char* __restrict, size_t, const char* __restrict, _Float32) noexcept
    __attribute__((alias("strfromf")));
int strfromf64(char* __restrict, size_t, const char* __restrict, _Float64) noexcept
    __attribute__((alias("strfromd")));
int strfromf32x(char* __restrict, size_t, const char* __restrict, _Float32x) noexcept
    __attribute__((alias("strfromd")));
int strfromf64x(char* __restrict, size_t, const char* __restrict, _Float64x) noexcept
    __attribute__((alias("strfroml")));

}  // extern "C"
