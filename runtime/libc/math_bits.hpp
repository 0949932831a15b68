// The bit-level view of doubles that the math library's exact operations and
// special-case tests work on.
#pragma once

#include <bit>
#include <cstdint>

namespace lwp::libc::math {

inline constexpr std::uint64_t sign_bit = 0x8000000000000000u;
inline constexpr std::uint64_t exponent_mask = 0x7ff0000000000000u;
inline constexpr std::uint64_t mantissa_mask = 0x000fffffffffffffu;

inline std::uint64_t bits_of(double x) noexcept { return std::bit_cast<std::uint64_t>(x); }
inline double from_bits(std::uint64_t bits) noexcept { return std::bit_cast<double>(bits); }

// The biased exponent field: 0 for zeros and subnormals, 2047 for inf and NaN.
inline int biased_exponent(double x) noexcept { return static_cast<int>((bits_of(x) >> 52) & 0x7ff); }

inline bool is_nan(double x) noexcept { return (bits_of(x) & ~sign_bit) > exponent_mask; }
inline bool is_inf(double x) noexcept { return (bits_of(x) & ~sign_bit) == exponent_mask; }
inline bool is_finite(double x) noexcept { return biased_exponent(x) != 0x7ff; }
// A signalling NaN: its quiet bit (the mantissa's top) clear. TS 18661 asks
// that one turn into a quiet NaN, with invalid, even where a quiet NaN would
// be passed over (fmax) or ignored (pow(x, 0)).
inline bool is_signaling(double x) noexcept {
    return is_nan(x) && (bits_of(x) & (std::uint64_t{1} << 51)) == 0;
}
inline bool sign_of(double x) noexcept { return (bits_of(x) >> 63) != 0; }
inline double magnitude(double x) noexcept { return from_bits(bits_of(x) & ~sign_bit); }
inline double with_sign_of(double x, double y) noexcept {
    return from_bits((bits_of(x) & ~sign_bit) | (bits_of(y) & sign_bit));
}

// 2^n for -1022 <= n <= 1023 (normal powers only).
inline double power_of_two(int n) noexcept {
    return from_bits(static_cast<std::uint64_t>(n + 1023) << 52);
}

// A NaN made by an invalid operation (0/0), raising FE_INVALID as glibc does.
inline double invalid_nan() noexcept {
    volatile double zero = 0.0;
    return zero / zero;
}

// A signed infinity for a pole, raising FE_DIVBYZERO.
inline double pole(bool negative) noexcept {
    volatile double zero = 0.0;
    return (negative ? -1.0 : 1.0) / zero;
}

// v * 2^n for -2044 <= n <= 2046, in two steps of normal powers: exact
// whenever the result is normal.
inline double scale_exactly(double v, int n) noexcept {
    int first = n / 2;
    return v * power_of_two(first) * power_of_two(n - first);
}

// inf with FE_OVERFLOW, and 0 with FE_UNDERFLOW, as an overflowing or
// underflowing computation leaves them.
inline double overflow_value(bool negative) noexcept {
    volatile double huge = 0x1p1023;
    return (negative ? -huge : huge) * huge;
}
inline double underflow_value(bool negative) noexcept {
    volatile double tiny = 0x1p-1022;
    return (negative ? -tiny : tiny) * tiny;
}

// Raise underflow (and inexact), which IEEE 754 asks of a result that is tiny
// and inexact, or overflow (and inexact), where the caller forms its result
// without an operation that would raise them. The asm keeps the product from
// being dropped.
inline void raise_underflow() noexcept {
    double product = underflow_value(false);
    __asm__ volatile("" : : "x"(product));
}
inline void raise_overflow() noexcept {
    double product = overflow_value(false);
    __asm__ volatile("" : : "x"(product));
}

// Raise inexact alone (an addition that rounds: the flag is MXCSR's, which
// fetestexcept reads with the x87's).
inline void raise_inexact() noexcept {
    volatile float one = 1.0f;
    volatile float sink = one + 0x1p-126f;
    (void)sink;
}

// For a function that is x (1 + O(x^2)) near 0 (sin, tan, asin, atan, their
// hyperbolic forms, expm1, log1p), whose value at a subnormal x is x itself
// rounded, though never exactly x: that result is tiny and inexact. `least`
// is the least normal number of the result's type (float or double).
inline void underflow_if_subnormal(double x, double least) noexcept {
    if (x != 0.0 && __builtin_isless(__builtin_fabs(x), least)) raise_underflow();
}

}  // namespace lwp::libc::math
