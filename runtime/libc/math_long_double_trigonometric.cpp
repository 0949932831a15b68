// sinl, cosl, tanl, sincosl, asinl, acosl, atanl, atan2l, in
// long-double-double arithmetic (math_long_double_double.hpp), rounded once.
//
// Reduction: every |x| >= pi/4 is reduced by Payne and Hanek's method, as
// the double functions' (math_trigonometric.cpp): x = M 2^E with a 64-bit
// integer M, and x 2/pi mod 4 is M times a 384-bit window of 2/pi's bits
// (math_long_double_two_over_pi.hpp, from mpmath) that starts where the
// bits before it only add multiples of 4: the product, exact in 448 bits,
// gives the quadrant and a fraction with at least 250 significant bits
// however close x lies to a multiple of pi/2, so sinl(1e4000L) is as
// accurate as sinl(1). The fraction, rounded to 128 bits, times pi/2 is the
// reduced argument r, |r| <= pi/4, and sin r, cos r come from their Taylor
// series to 2^-128.
//
// The arctangent is reduced around the 17 nodes k/16 of [0, 1]:
// atan(a) = atan(k/16) + atan((a - k/16)/(1 + a k/16)), the second argument
// within 1/32, its series to 2^-130 (math_long_double_tables.hpp); beyond 1,
// atan(a) = pi/2 - atan(1/a). asin, acos and atan2 are arctangents of a
// ratio kept in long-double-double (asin x = atan(x / sqrt((1-x)(1+x)))).
#include <errno.h>

#include <cstdint>

#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_double.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"
#include "runtime/libc/math_long_double_two_over_pi.hpp"

namespace lwp::libc::math {

namespace {

namespace t = long_tables;

long double rounded_trig(long_double_double v) noexcept { return v.hi + v.lo; }

// 64 bits of 2/pi starting at bit `position` after the binary point (bit 1
// is the first); bits before the point are 0.
std::uint64_t two_over_pi_at(int position) noexcept {
    if (position <= -63) return 0;  // (a shift by 64 or more below)
    if (position < 1) return two_over_pi_at(1) >> (1 - position);
    int index = (position - 1) / 64;
    int offset = (position - 1) % 64;
    std::uint64_t high = t::two_over_pi_bits[index];
    if (offset == 0) return high;
    return (high << offset) | (t::two_over_pi_bits[index + 1] >> (64 - offset));
}

struct reduced_long_angle {
    unsigned quadrant;  // q mod 4
    long_double_double r;
};

// x = q pi/2 + r for a finite x >= pi/4, |r| <= pi/4.
reduced_long_angle reduce(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    int exponent = static_cast<int>(b.sign_exponent & 0x7fffu) - 16383 - 63;  // x = M 2^exponent
    std::uint64_t mantissa = b.mantissa;
    // The window: bits s .. s + 383 of 2/pi (W), with s = exponent - 1: the
    // bits before it add multiples of M 2^2 to x 2/pi, which leave the
    // quadrant alone, and x 2/pi = M W 2^(2 - 384) modulo 4.
    constexpr int words = 6;
    std::uint64_t window[words];
    int start = exponent - 1;
    for (int i = 0; i < words; ++i) window[i] = two_over_pi_at(start + 64 * i);
    // product = M * W, 7 words, most significant first.
    std::uint64_t product[words + 1];
    unsigned __int128 carry = 0;
    for (int i = words - 1; i >= 0; --i) {
        unsigned __int128 p = static_cast<unsigned __int128>(mantissa) * window[i] + carry;
        product[i + 1] = static_cast<std::uint64_t>(p);
        carry = p >> 64;
    }
    // Bits 383 and 382 (counting from the least significant) are the
    // quadrant (the bits above, multiples of 4, are dropped); the 382 below,
    // the fraction, bit 381 worth 1/2.
    unsigned quadrant = static_cast<unsigned>(product[1] >> 62);
    product[0] = 0;
    product[1] &= 0x3fffffffffffffffu;
    bool negative = false;
    if (product[1] >> 61) {
        // fraction >= 1/2: take 1 - fraction (two's complement of the 382
        // bits) and the next quadrant.
        negative = true;
        quadrant = (quadrant + 1) & 3;
        unsigned __int128 borrow = 1;
        for (int i = words; i >= 1; --i) {
            unsigned __int128 v = static_cast<unsigned __int128>(~product[i]) + borrow;
            product[i] = static_cast<std::uint64_t>(v);
            borrow = v >> 64;
        }
        product[1] &= 0x3fffffffffffffffu;
    }
    // The fraction's leading 128 bits, exactly as two long doubles.
    int leading_word = 1;
    while (leading_word <= words && product[leading_word] == 0) ++leading_word;
    if (leading_word > words) return {quadrant, ldd(0.0L)};
    int shift = __builtin_clzll(product[leading_word]);
    auto word_at = [&](int i) { return i <= words ? product[i] : std::uint64_t{0}; };
    std::uint64_t top = shift == 0 ? word_at(leading_word)
                                   : (word_at(leading_word) << shift) | (word_at(leading_word + 1) >> (64 - shift));
    std::uint64_t next = shift == 0 ? word_at(leading_word + 1)
                                    : (word_at(leading_word + 1) << shift) | (word_at(leading_word + 2) >> (64 - shift));
    // Word 1's bit j is worth 2^(j - 62), so top's bit 0 is worth this:
    int top_exponent = -62 - shift - 64 * (leading_word - 1);
    long double hi = static_cast<long double>(top) * long_power_of_two(top_exponent < -16382 ? -16382 : top_exponent);
    long double lo = static_cast<long double>(next) * long_power_of_two(top_exponent - 64 < -16382 ? -16382 : top_exponent - 64);
    long_double_double fraction = fast_two_sum(hi, lo);
    long_double_double r = fraction * t::half_pi;
    return {quadrant, negative ? -r : r};
}

long_double_double sin_kernel(long_double_double r) noexcept {
    long_double_double r2 = r * r;
    return r + r * r2 * polynomial(r2, t::sin_taylor, 17);
}

long_double_double cos_kernel(long_double_double r) noexcept {
    long_double_double r2 = r * r;
    return r2 * polynomial(r2, t::cos_taylor, 17) + 1.0L;
}

}  // namespace

long_quadrant_angle reduce_quadrant_long(long double ax) noexcept {
    reduced_long_angle a = reduce(ax);
    return {a.quadrant, a.r};
}

long_sine_cosine sin_cos_reduced_long(long_double_double r) noexcept { return {sin_kernel(r), cos_kernel(r)}; }

long_sine_cosine sin_cos_of_long(long double ax) noexcept {
    reduced_long_angle a = ax < 0.78539816339744830961L ? reduced_long_angle{0, ldd(ax)} : reduce(ax);
    long_double_double s = sin_kernel(a.r);
    long_double_double c = cos_kernel(a.r);
    // sin(r + q pi/2) and cos(r + q pi/2) by the quadrant.
    long_double_double sine = (a.quadrant & 1) ? c : s;
    long_double_double cosine = (a.quadrant & 1) ? -s : c;
    if (a.quadrant & 2) {
        sine = -sine;
        cosine = -cosine;
    }
    return {sine, cosine};
}

namespace {

// A domain error for an infinite argument (EDOM, NaN with FE_INVALID).
long double trig_special(long double x) noexcept {
    if (x != x) return x + x;
    errno = EDOM;
    return long_invalid_nan();
}

}  // namespace

long double sinl(long double x) noexcept {
    if (!long_is_finite(x)) return trig_special(x);
    if (x == 0.0L) return x;
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) {  // x - x^3/6 rounds to x (FE_INEXACT)
        volatile long double v = x;
        return v - v * v * v;
    }
    long double s = rounded_trig(sin_cos_of_long(ax).sine);
    return long_sign(x) ? -s : s;
}

long double cosl(long double x) noexcept {
    if (!long_is_finite(x)) return trig_special(x);
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) return 1.0L - ax * ax;  // rounds to 1 (FE_INEXACT unless 0)
    return rounded_trig(sin_cos_of_long(ax).cosine);
}

void sincosl(long double x, long double* sine, long double* cosine) noexcept {
    if (!long_is_finite(x)) {
        long double v = trig_special(x);
        *sine = v;
        *cosine = v;
        return;
    }
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) {
        *sine = x == 0.0L ? x : sinl(x);
        *cosine = 1.0L - ax * ax;
        return;
    }
    long_sine_cosine sc = sin_cos_of_long(ax);
    long double s = rounded_trig(sc.sine);
    *sine = long_sign(x) ? -s : s;
    *cosine = rounded_trig(sc.cosine);
}

long double tanl(long double x) noexcept {
    if (!long_is_finite(x)) return trig_special(x);
    if (x == 0.0L) return x;
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) {  // x + x^3/3 rounds to x
        volatile long double v = x;
        return v + v * v * v;
    }
    long_sine_cosine sc = sin_cos_of_long(ax);
    long double result = rounded_trig(sc.sine / sc.cosine);
    return long_sign(x) ? -result : result;
}

namespace {

// atan(a) for a long-double-double 0 <= a <= 1.
long_double_double atan_unit(long_double_double a) noexcept {
    int k = static_cast<int>(a.hi * 16.0L + 0.5L);
    long double c = static_cast<long double>(k) * 0.0625L;
    // t = (a - c) / (1 + a c): a - c and a c exact in long-double-double.
    long_double_double numerator = a - c;
    long_double_double denominator = a * c + 1.0L;
    long_double_double q = k == 0 ? a : numerator / denominator;
    long_double_double q2 = q * q;
    long_double_double series = q + q * q2 * polynomial(q2, t::atan_taylor, 15);
    return k == 0 ? series : t::atan_nodes[k] + series;
}

}  // namespace

long_double_double atan_ratio_long(long_double_double num, long_double_double den) noexcept {
    if (num.hi <= den.hi) return atan_unit(num / den);
    return long_tables::half_pi - atan_unit(den / num);
}

long double atanl(long double x) noexcept {
    if (x != x) return x + x;
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) {
        if (x == 0.0L) return x;
        volatile long double v = x;
        return v - v * v * v;  // x - x^3/3 rounds to x
    }
    if (ax > 0x1p70L) {
        // +-(pi/2 - 1/|x|), 1/|x| below 2^-70: the sum of pi/2's high part
        // and its low part less a little (FE_INEXACT), with the sign put on
        // both parts before they are added, so that a directed rounding
        // rounds the signed value (negating a rounded pi/2 would round the
        // negative results the wrong way).
        volatile long double tiny = 0x1p-100L;
        long double low = t::half_pi.lo - tiny;
        return long_sign(x) ? -t::half_pi.hi + -low : t::half_pi.hi + low;
    }
    long double result = rounded_trig(atan_ratio_long(ldd(ax), ldd(1.0L)));
    return long_sign(x) ? -result : result;
}

namespace {

// v.hi + v.lo with the sign put on both parts before the one rounding, in
// the caller's direction: negating a rounded magnitude would round a
// negative result the wrong way (up to two ulps off rounding upward). The
// parts pass through volatiles so that the compiler does not add constants
// at compile time, in nearest; v's parts are read from memory (as_stored),
// so that a table's pi is not loaded by fldpi, rounded in the caller's
// direction.
long double signed_rounded(const long_double_double& v, bool negative) noexcept {
    long double v_hi = as_stored(v.hi);
    long double v_lo = as_stored(v.lo);
    volatile long double hi = negative ? -v_hi : v_hi;
    volatile long double lo = negative ? -v_lo : v_lo;
    return hi + lo;
}

// atan(ay/ax) (or pi less it, for a negative x) for finite nonzero ay, ax
// within 2^100 of each other, computed rounding to nearest, where the
// long-double-double steps are exact.
// The arguments are read and the parts written through volatiles, inside the
// scope: the compiler may move arithmetic on registers across the control
// word's loads, but not volatile accesses.
[[gnu::noinline]] long_double_double atan2_parts(long double y_magnitude, long double x_magnitude,
                                                 bool negative_x) noexcept {
    arch::x87::rounding_scope nearest(arch::x87::rounding_scope::to_nearest);
    volatile long double ay_read = y_magnitude;
    volatile long double ax_read = x_magnitude;
    long double ay = ay_read;
    long double ax = ax_read;
    int ey;
    int ex;
    frexpl(ay, &ey);
    frexpl(ax, &ex);
    long_double_double result;
    if (ey - ex > 100) {
        // pi/2 - x/y (x/y within 2^-99 of the result, its error far below).
        long double ratio = ax / ay;
        result = t::half_pi + ldd(negative_x ? ratio : -ratio);
    } else {
        long double sy = scale_by_power_of_two(ay, -ey);
        long double sx = scale_by_power_of_two(ax, -ey);  // the same factor: the ratio kept
        result = atan_ratio_long(ldd(sy), ldd(sx));
        if (negative_x) result = t::pi - result;
    }
    volatile long double hi = result.hi;
    volatile long double lo = result.lo;
    return {hi, lo};
}

// Whether the quotient a/b of two positive finite long doubles has at most
// 64 significant bits: b's odd part divides a's significand.
bool quotient_is_exact(long double a, long double b) noexcept {
    std::uint64_t divisor = bits_of_long(b).mantissa;
    divisor >>= __builtin_ctzll(divisor);
    return bits_of_long(a).mantissa % divisor == 0;
}

}  // namespace

// q less a little for q = y/x, |q| < 2^-99, x > 0 (atan2l's q (1 - q^2/3),
// j1l's x/2 (1 - x^2/8)), rounded once in the caller's direction. An
// inexact q lies at least 2^-130 of itself away from any point where a
// rounding changes (its significand is a ratio of 64-bit integers), far
// more than the little, so the division rounds it right. An exact normal q
// is moved toward zero by 2^-100 of itself in the caller's direction (at a
// scale where that is exact). An exact q below the normal range is counted
// in units of the least subnormal, n + rest with 0 <= rest < 1 (exact), and
// n + rest less a little is rounded by hand: toward zero it is n (n - 1 for
// rest = 0), away from zero n + 1 (n for rest = 0), to nearest n + 1 only
// for rest above one half; with underflow and inexact, the result tiny.
long double tiny_quotient_less_a_little(long double y, long double x) noexcept {
    long double q = y / x;
    if (!quotient_is_exact(long_magnitude(y), x) || q == 0.0L) return q;
    constexpr long double up = 0x1p128L;
    if (long_magnitude(q) >= 0x1p-16382L) {
        volatile long double scaled = q * up;  // exact: q is, and |q| < 2^-99
        volatile long double nudged = scaled - scaled * 0x1p-100L;
        return nudged * 0x1p-128L;  // exact: normal
    }
    // q was rounded to the subnormal grid: the exact quotient, in units of
    // 2^-16445 (|y| < 4 here, as |y/x| < 2^-16382; units below 2^64).
    bool negative = long_sign(q);
    long double units = long_magnitude((y * up) / x) * 0x1p16317L;
    long double n = floorl(units);
    long double rest = units - n;  // exact
    bool toward_zero;
    switch (lwp::arch::x87::rounding_control()) {
    case 0: toward_zero = !(rest > 0.5L); break;  // nearest
    case 1: toward_zero = !negative; break;       // down
    case 2: toward_zero = negative; break;        // up
    default: toward_zero = true; break;
    }
    long double count = n;
    if (toward_zero && rest == 0.0L && !(lwp::arch::x87::rounding_control() == 0)) count = n - 1.0L;
    if (!toward_zero && rest > 0.0L) count = n + 1.0L;
    volatile long double tiny = 0x1p-16382L;
    volatile long double raised = tiny * tiny;  // FE_UNDERFLOW and FE_INEXACT
    (void)raised;
    // (1 - 1 is -0 rounding downward: the magnitude's sign is cleared.)
    long double result = long_magnitude(count * 0x1p-16382L * 0x1p-63L);  // exact: count < 2^64
    return negative ? -result : result;
}

long double atan2l(long double y, long double x) noexcept {
    if (x != x || y != y) return x + y;
    bool negative_y = long_sign(y);
    bool negative_x = long_sign(x);
    // C99 Annex F's special values: zeros and infinities.
    if (y == 0.0L) {  // atan2(+-0, -0) = +-pi
        return negative_x ? signed_rounded(t::pi, negative_y) : y;
    }
    if (long_is_inf(x)) {
        if (long_is_inf(y)) {
            return signed_rounded(negative_x ? t::pi * 0.75L : scale(t::pi, 0.25L), negative_y);
        }
        return negative_x ? signed_rounded(t::pi, negative_y) : (negative_y ? -0.0L : 0.0L);
    }
    if (x == 0.0L || long_is_inf(y)) return signed_rounded(t::half_pi, negative_y);
    long double ay = long_magnitude(y);
    long double ax = long_magnitude(x);
    int ey;
    int ex;
    frexpl(ay, &ey);
    frexpl(ax, &ex);
    if (ey - ex < -100) {
        // |y/x| < 2^-99.
        if (negative_x) {
            // pi - |y/x|: pi's low part less a little (FE_INEXACT).
            volatile long double tiny = 0x1p-100L;
            return signed_rounded({as_stored(t::pi.hi), t::pi.lo - tiny}, negative_y);
        }
        long double angle = tiny_quotient_less_a_little(y, x);
        if (angle == 0.0L) errno = ERANGE;
        return angle;
    }
    return signed_rounded(atan2_parts(ay, ax, negative_x), negative_y);
}

long double asinl(long double x) noexcept {
    if (x != x) return x + x;
    long double ax = long_magnitude(x);
    if (ax > 1.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    if (ax < 0x1p-33L) {
        if (x == 0.0L) return x;
        volatile long double v = x;
        return v + v * v * v;  // x + x^3/6 rounds to x
    }
    long double result;
    if (ax == 1.0L) {
        result = t::half_pi.hi + t::half_pi.lo;
    } else {
        long_double_double one_minus_square = two_sum(1.0L, -ax) * two_sum(1.0L, ax);
        result = rounded_trig(atan_ratio_long(ldd(ax), sqrt(one_minus_square)));
    }
    return long_sign(x) ? -result : result;
}

long double acosl(long double x) noexcept {
    if (x != x) return x + x;
    long double ax = long_magnitude(x);
    if (ax > 1.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    if (x == 1.0L) return 0.0L;
    if (x == -1.0L) return as_stored(t::pi.hi) + t::pi.lo;  // pi rounded in the caller's direction
    long_double_double angle;
    if (ax < 0x1p-70L) {
        angle = t::half_pi - ldd(x);
    } else {
        long_double_double one_minus_square = two_sum(1.0L, -ax) * two_sum(1.0L, ax);
        angle = atan_ratio_long(sqrt(one_minus_square), ldd(ax));
        if (long_sign(x)) angle = t::pi - angle;
    }
    return rounded_trig(angle);
}

}  // namespace lwp::libc::math
