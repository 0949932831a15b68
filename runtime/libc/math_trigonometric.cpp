// sin, cos, tan and sincos (sin, cos and sincos themselves are
// math_trigonometric_fast.cpp's fast paths in front of the accurate ones here).
//
// Method: x = q pi/2 + r with |r| <= pi/4, then the Taylor series of sin and
// cos on r in double-double (math_tables.hpp), and the result rounded once.
// The reduction is Payne and Hanek's for every |x| >= pi/4, so that a huge
// argument is reduced as exactly as a small one: x's 53-bit integer mantissa
// is multiplied by a 256-bit window of the bits of 2/pi (computed with mpmath,
// tools/math_coefficients.py), starting where the bits before it would only
// add multiples of 8 (whole turns) to x * 2/pi. The product's integer part,
// mod 8, gives the quadrant; its fraction, at least 2^-61 away from a whole
// number for any double and carried to about 2^-190, gives r to double-double
// precision.
#include <errno.h>
#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

namespace {

using u128 = unsigned __int128;

// The 64 bits of 2/pi with weights 2^-first .. 2^-(first + 63); bits of index
// zero and below (integer bits) are zero since 2/pi < 1.
std::uint64_t two_over_pi_window(int first) noexcept {
    if (first + 63 < 1) return 0;
    if (first < 1) return two_over_pi_bits[0] >> (1 - first);
    int word = (first - 1) / 64;
    int shift = (first - 1) % 64;
    std::uint64_t high = two_over_pi_bits[word] << shift;
    return shift == 0 ? high : high | (two_over_pi_bits[word + 1] >> (64 - shift));
}

// Count of leading zero bits of a nonzero 64-bit value.
int leading_zeros(std::uint64_t value) noexcept { return __builtin_clzll(value); }

// x = q pi/2 + r for finite x with |x| >= pi/4, x positive.
reduced_angle reduce(double x) noexcept {
    std::uint64_t mantissa = (bits_of(x) & mantissa_mask) | (1ull << 52);
    int exponent = biased_exponent(x) - 1075;  // x = mantissa * 2^exponent
    // Bits of 2/pi with index below exponent - 2 contribute multiples of 8.
    int first = exponent - 2;
    std::uint64_t window[4];
    for (int i = 0; i < 4; ++i) window[i] = two_over_pi_window(first + 64 * i);
    // product = mantissa * window mod 2^256; x * 2/pi = product * 2^-253 mod 8.
    std::uint64_t product[4];
    u128 carry = 0;
    for (int i = 3; i >= 0; --i) {
        u128 partial = static_cast<u128>(mantissa) * window[i] + carry;
        product[i] = static_cast<std::uint64_t>(partial);
        carry = partial >> 64;
    }
    unsigned quadrant = static_cast<unsigned>(product[0] >> 61);
    // The fraction, as a 256-bit two's-complement value in [-1/2, 1/2).
    std::uint64_t fraction[4];
    for (int i = 0; i < 4; ++i) {
        fraction[i] = product[i] << 3;
        if (i < 3) fraction[i] |= product[i + 1] >> 61;
    }
    bool negative = (fraction[0] >> 63) != 0;
    if (negative) {
        ++quadrant;  // round the quotient up; the fraction becomes its negation
        bool borrow = true;
        for (int i = 3; i >= 0; --i) {
            fraction[i] = ~fraction[i];
            if (borrow) {
                ++fraction[i];
                borrow = fraction[i] == 0;
            }
        }
    }
    // Normalise: the fraction is at least 2^-62 for any double, so its top
    // one bit is in the first two words.
    int shift = 0;
    while (fraction[0] == 0 && shift < 192) {
        fraction[0] = fraction[1];
        fraction[1] = fraction[2];
        fraction[2] = fraction[3];
        fraction[3] = 0;
        shift += 64;
    }
    if (fraction[0] == 0) return {quadrant & 3, dd(0.0)};
    int zeros = leading_zeros(fraction[0]);
    if (zeros != 0) {
        fraction[0] = (fraction[0] << zeros) | (fraction[1] >> (64 - zeros));
        fraction[1] = (fraction[1] << zeros) | (fraction[2] >> (64 - zeros));
    }
    shift += zeros;
    // value = (fraction[0] * 2^64 + fraction[1]) * 2^-(128 + shift): its top
    // 53 bits exactly, and the next 64 rounded to a double (2^-106 relative).
    double high = static_cast<double>(fraction[0] >> 11) * power_of_two(-53 - shift);
    std::uint64_t rest = (fraction[0] << 53) | (fraction[1] >> 11);
    double low = static_cast<double>(rest) * power_of_two(-117 - shift);
    double_double f = fast_two_sum(high, low);
    double_double r = f * half_pi;
    return {quadrant & 3, negative ? -r : r};
}

}  // namespace

// The reduction and the kernels are shared with the Bessel functions
// (math_bessel.cpp, through math_kernels.hpp).
reduced_angle reduce_any(double ax) noexcept {
    if (ax < 0x1.921fb54442d18p-1) return {0, dd(ax)};  // below pi/4: nothing to take away
    return reduce(ax);
}

double_double sin_kernel(double_double r) noexcept {
    double_double r2 = r * r;
    return r + r * r2 * polynomial(r2, sin_taylor, 14);
}

double_double cos_kernel(double_double r) noexcept {
    double_double r2 = r * r;
    return dd(1.0) + r2 * polynomial(r2, cos_taylor, 15);
}

namespace {

// Below 2^-27, sin x and tan x round to x (x^2/3 < 2^-55) and cos x to 1.
constexpr double tiny_argument = 0x1p-27;

}  // namespace

// The accurate paths of sin, cos and sincos, all of them: the public names
// (math_trigonometric_fast.cpp) return their fast results only where those
// are provably these functions' results.
double sin_accurate(double x) noexcept {
    if (!is_finite(x)) {
        if (is_inf(x)) errno = EDOM;
        return x - x;  // NaN (FE_INVALID for inf)
    }
    double ax = magnitude(x);
    if (ax < tiny_argument) return x;
    reduced_angle a = reduce_any(ax);
    double_double value;
    switch (a.quadrant) {
        case 0: value = sin_kernel(a.r); break;
        case 1: value = cos_kernel(a.r); break;
        case 2: value = -sin_kernel(a.r); break;
        default: value = -cos_kernel(a.r); break;
    }
    return sign_of(x) ? -value.hi : value.hi;
}

double cos_accurate(double x) noexcept {
    if (!is_finite(x)) {
        if (is_inf(x)) errno = EDOM;
        return x - x;
    }
    double ax = magnitude(x);
    if (ax < tiny_argument) return 1.0;
    reduced_angle a = reduce_any(ax);
    double_double value;
    switch (a.quadrant) {
        case 0: value = cos_kernel(a.r); break;
        case 1: value = -sin_kernel(a.r); break;
        case 2: value = -cos_kernel(a.r); break;
        default: value = sin_kernel(a.r); break;
    }
    return value.hi;
}

void sincos_accurate(double x, double* sine, double* cosine) noexcept {
    if (!is_finite(x) || magnitude(x) < tiny_argument) {
        *sine = sin_accurate(x);
        *cosine = cos_accurate(x);
        return;
    }
    reduced_angle a = reduce_any(magnitude(x));
    double_double s = sin_kernel(a.r);
    double_double c = cos_kernel(a.r);
    double_double sin_value = s;
    double_double cos_value = c;
    switch (a.quadrant) {
        case 0: break;
        case 1: sin_value = c; cos_value = -s; break;
        case 2: sin_value = -s; cos_value = -c; break;
        default: sin_value = -c; cos_value = s; break;
    }
    *sine = sign_of(x) ? -sin_value.hi : sin_value.hi;
    *cosine = cos_value.hi;
}

double tan(double x) noexcept {
    if (!is_finite(x)) {
        if (is_inf(x)) errno = EDOM;
        return x - x;
    }
    double ax = magnitude(x);
    if (ax < tiny_argument) return x;
    reduced_angle a = reduce_any(ax);
    double_double s = sin_kernel(a.r);
    double_double c = cos_kernel(a.r);
    double_double value = (a.quadrant & 1) != 0 ? -(c / s) : s / c;
    return sign_of(x) ? -value.hi : value.hi;
}

}  // namespace lwp::libc::math
