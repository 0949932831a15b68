// The bit-level view of _Float128 (IEEE binary128, __float128 to GCC on
// x86-64): a sign bit, a 15-bit biased exponent and a 112-bit fraction with
// an implicit integer bit, held as one unsigned 128-bit integer. The
// processor has no binary128 arithmetic: GCC turns + - * / and the
// conversions into libgcc's soft-fp calls (__addtf3, __fixtfdi, ...), which
// round in the SSE rounding mode and raise their flags in MXCSR, so that an
// operation written here on __float128 behaves as glibc's own does.
#pragma once

#include <cstdint>

#include "math_bits.hpp"

namespace lwp::libc::math::f128 {

using real = __float128;
using bits = unsigned __int128;

// _Complex _Float128. GCC 12's C++ has no _Complex __float128 spelling; the
// mode attribute makes the same type (complex TFmode), as glibc's
// <bits/floatn.h> does.
typedef _Complex float complex __attribute__((mode(TC)));

inline complex make_complex(real re, real im) noexcept {
    complex z;
    __real__ z = re;
    __imag__ z = im;
    return z;
}

inline constexpr int fraction_bits = 112;
inline constexpr int bias = 16383;
inline constexpr int exponent_max = 0x7fff;  // the field of infinities and NaNs
inline constexpr bits sign_bit = bits{1} << 127;
inline constexpr bits integer_bit = bits{1} << fraction_bits;  // implicit in the encoding
inline constexpr bits fraction_mask = integer_bit - 1;
inline constexpr bits quiet_bit = bits{1} << (fraction_bits - 1);
inline constexpr bits infinity = bits{exponent_max} << fraction_bits;  // the magnitude of +inf

inline bits bits_of(real x) noexcept {
    bits b;
    __builtin_memcpy(&b, &x, sizeof b);
    return b;
}
inline real from_bits(bits b) noexcept {
    real x;
    __builtin_memcpy(&x, &b, sizeof x);
    return x;
}

inline bits magnitude_bits(real x) noexcept { return bits_of(x) & ~sign_bit; }
inline bool sign_of(real x) noexcept { return (bits_of(x) >> 127) != 0; }
inline int biased_exponent(real x) noexcept { return static_cast<int>(magnitude_bits(x) >> fraction_bits); }
inline bool is_nan(real x) noexcept { return magnitude_bits(x) > infinity; }
inline bool is_inf(real x) noexcept { return magnitude_bits(x) == infinity; }
inline bool is_finite(real x) noexcept { return magnitude_bits(x) < infinity; }
inline bool is_zero(real x) noexcept { return magnitude_bits(x) == 0; }
inline bool is_signaling(real x) noexcept {
    bits m = magnitude_bits(x);
    return m > infinity && (m & quiet_bit) == 0;
}
inline real magnitude(real x) noexcept { return from_bits(magnitude_bits(x)); }
inline real with_sign_of(real x, real y) noexcept {
    return from_bits(magnitude_bits(x) | (bits_of(y) & sign_bit));
}

// 2^n for -16382 <= n <= 16383.
inline real power_of_two(int n) noexcept { return from_bits(static_cast<bits>(n + bias) << fraction_bits); }

// v * 2^n for a finite v and an n beyond power_of_two's range too, in
// steps: only a product below the normal range rounds (in the current
// mode).
inline real times_power_of_two(real v, int n) noexcept {
    for (; n > 16383; n -= 16383) v *= power_of_two(16383);
    for (; n < -16382; n += 16382) v *= power_of_two(-16382);
    return v * power_of_two(n);
}

// The positive quiet NaN, glibc's M_NAN, which its complex functions'
// special cases return (0/0 gives the negative one on x86).
inline real positive_nan() noexcept { return from_bits(infinity | quiet_bit); }

// A NaN made by an invalid operation (0/0 in soft-fp: the default NaN, with
// FE_INVALID).
inline real invalid_nan() noexcept {
    volatile real zero = 0;
    return zero / zero;
}

// x + y and x * y as soft-fp computes them, with the operands in this
// order: of two NaNs soft-fp returns the one with the larger significand
// (made quiet), as the x87 does, and the first of two that differ only in
// sign; so the order is part of the result, and GCC may swap the operands
// of a commutative operation it emits itself.
extern "C" real __addtf3(real, real) noexcept;
extern "C" real __multf3(real, real) noexcept;
inline real ordered_sum(real x, real y) noexcept { return __addtf3(x, y); }
inline real ordered_product(real x, real y) noexcept { return __multf3(x, y); }

// Raise FE_INEXACT alone: an SSE addition (math_bits.hpp), cheaper than a
// soft-fp one, and the flag is the same MXCSR bit.
using math::raise_inexact;

// Raise FE_INVALID alone.
inline void raise_invalid() noexcept {
    volatile float zero = 0.0f;
    volatile float sink = zero / zero;
    (void)sink;
}

// x = significand * 2^exponent with an integer significand below 2^113, for
// a finite x other than zero (subnormals included: their significand lacks
// the integer bit).
struct integer_form {
    bits significand;
    int exponent;
};

inline integer_form integer_form_of(real x) noexcept {
    bits m = magnitude_bits(x);
    int field = static_cast<int>(m >> fraction_bits);
    if (field == 0) return {m, 1 - bias - fraction_bits};
    return {(m & fraction_mask) | integer_bit, field - bias - fraction_bits};
}

// The index of the highest set bit of a nonzero value.
inline int top_bit(bits value) noexcept {
    auto high = static_cast<std::uint64_t>(value >> 64);
    auto low = static_cast<std::uint64_t>(value);
    return high != 0 ? 127 - __builtin_clzll(high) : 63 - __builtin_clzll(low);
}

// significand * 2^exponent with the sign given, for a value that is exactly
// representable (no rounding is done: the caller knows the bits fit).
inline real from_integer_form(bits significand, int exponent, bool negative) noexcept {
    bits sign = negative ? sign_bit : 0;
    if (significand == 0) return from_bits(sign);
    int top = top_bit(significand);
    int leading = exponent + top;  // the exponent of the leading bit
    constexpr int least_normal = 1 - bias;
    if (leading < least_normal) {
        // Subnormal: a multiple of 2^(least_normal - fraction_bits).
        return from_bits(sign | significand << (exponent - (least_normal - fraction_bits)));
    }
    bits normalized = top > fraction_bits ? significand >> (top - fraction_bits)
                                          : significand << (fraction_bits - top);
    return from_bits(sign | static_cast<bits>(leading + bias) << fraction_bits | (normalized & fraction_mask));
}

}  // namespace lwp::libc::math::f128
