// The bit-level view of x86-64's long double, the x87 80-bit format: a 64-bit
// mantissa with an explicit integer bit (bit 63) and a 15-bit biased exponent
// with the sign above it, stored in the low ten of sixteen bytes. A value is
// mantissa * 2^(exponent - 16383 - 63), except that exponent field 0 (the
// subnormals, and the "pseudo-denormals" whose integer bit is set) counts as 1.
#pragma once

#include <cstdint>

namespace lwp::libc::math {

struct long_double_bits {
    std::uint64_t mantissa;
    std::uint16_t sign_exponent;  // sign in bit 15, biased exponent below
};

inline long_double_bits bits_of_long(long double x) noexcept {
    long_double_bits b;
    __builtin_memcpy(&b.mantissa, &x, 8);
    __builtin_memcpy(&b.sign_exponent, reinterpret_cast<const char*>(&x) + 8, 2);
    return b;
}

inline long double long_from_bits(std::uint64_t mantissa, unsigned sign_exponent) noexcept {
    long double x = 0.0L;  // the six padding bytes zeroed
    auto se = static_cast<std::uint16_t>(sign_exponent);
    __builtin_memcpy(&x, &mantissa, 8);
    __builtin_memcpy(reinterpret_cast<char*>(&x) + 8, &se, 2);
    return x;
}

inline constexpr unsigned long_exponent_max = 0x7fff;  // inf and NaN
inline constexpr unsigned long_bias = 16383;
inline constexpr std::uint64_t long_integer_bit = 0x8000000000000000u;
inline constexpr std::uint64_t long_quiet_bit = 0x4000000000000000u;

inline unsigned long_exponent_field(long double x) noexcept {
    return bits_of_long(x).sign_exponent & 0x7fffu;
}
inline bool long_sign(long double x) noexcept { return (bits_of_long(x).sign_exponent >> 15) != 0; }
inline bool long_is_nan(long double x) noexcept { return x != x; }
inline bool long_is_inf(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    return (b.sign_exponent & 0x7fffu) == long_exponent_max && b.mantissa == long_integer_bit;
}
inline bool long_is_finite(long double x) noexcept {
    return long_exponent_field(x) != long_exponent_max;
}
inline long double long_magnitude(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    return long_from_bits(b.mantissa, b.sign_exponent & 0x7fffu);
}
inline long double long_with_sign_of(long double x, long double y) noexcept {
    long_double_bits b = bits_of_long(x);
    return long_from_bits(b.mantissa, (b.sign_exponent & 0x7fffu) |
                                          (bits_of_long(y).sign_exponent & 0x8000u));
}
// A NaN whose quiet bit is clear: one that raises FE_INVALID when used.
inline bool long_is_signaling(long double x) noexcept {
    return x != x && (bits_of_long(x).mantissa & long_quiet_bit) == 0;
}

// 2^n for -16382 <= n <= 16383 (normal powers only).
inline long double long_power_of_two(int n) noexcept {
    return long_from_bits(long_integer_bit, static_cast<unsigned>(n + 16383));
}

// The NaN of an invalid operation, raising FE_INVALID; a pole's infinity
// with FE_DIVBYZERO; inf with FE_OVERFLOW and 0 with FE_UNDERFLOW, as an
// overflowing or underflowing computation leaves them.
inline long double long_invalid_nan() noexcept {
    volatile long double zero = 0.0L;
    return zero / zero;
}
inline long double long_pole(bool negative) noexcept {
    volatile long double zero = 0.0L;
    return (negative ? -1.0L : 1.0L) / zero;
}
inline long double long_overflow_value(bool negative) noexcept {
    volatile long double huge = 0x1p16383L;
    return (negative ? -huge : huge) * huge;
}
inline long double long_underflow_value(bool negative) noexcept {
    volatile long double tiny = 0x1p-16382L;
    return (negative ? -tiny : tiny) * tiny;
}

}  // namespace lwp::libc::math
