// cexpl, clogl, clog10l, csqrtl, cprojl and cpowl on a value's two parts
// (math_complex_long_double.hpp), and the helpers the hyperbolic file shares:
// the double forms' algorithms (math_complex_exponential.cpp) on the
// long-double-double kernels, with the thresholds moved to the x87 format's
// 64-bit mantissa and 16384 exponent range.
#include "runtime/libc/math_complex_long_double.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace {

long double rounded_long(long_double_double v) noexcept { return v.hi + v.lo; }

}  // namespace

long_double_double normalized_long(long_double_double value, int* exponent) noexcept {
    int binade;
    frexpl(value.hi, &binade);
    *exponent += binade;
    long double lo = value.lo == 0.0L ? 0.0L : scale_by_power_of_two(value.lo, -binade);
    return {scale_by_power_of_two(value.hi, -binade), lo};
}

void sin_cos_long_double_double(long double y, long_double_double* sine,
                                long_double_double* cosine) noexcept {
    // Below the smallest normal, glibc takes sin y = y and cos y = 1; keeping
    // that keeps the signs of its zeros.
    if (long_magnitude(y) <= 0x1p-16382L) {
        *sine = ldd(y);
        *cosine = ldd(1.0L);
        return;
    }
    long_sine_cosine sc = sin_cos_of_long(long_magnitude(y));
    *sine = long_sign(y) ? -sc.sine : sc.sine;
    *cosine = sc.cosine;
}

long double round_magnitude_long(long_double_double value, int exponent) noexcept {
    if (value.hi == 0.0L) return 0.0L;
    if (!long_is_finite(value.hi)) return value.hi;
    // round_scaled_long wants a value near 1: its binade goes to the exponent.
    value = normalized_long(value, &exponent);
    return round_scaled_long(value, exponent);
}

long double round_product_long(long_double_double a, long_double_double b, int exponent) noexcept {
    if (a.hi == 0.0L || b.hi == 0.0L) return 0.0L;
    // Each factor moved into [0.5, 1) first, so that a subnormal factor (sin y
    // = y) or a tiny product loses nothing before the one rounding.
    long_double_double p = normalized_long(a, &exponent) * normalized_long(b, &exponent);
    if (p.hi < 0.0L) p = -p;
    return round_magnitude_long(p, exponent);
}

long double round_signed_product_long(long_double_double a, long_double_double b, int exponent,
                                      bool negative) noexcept {
    if (a.hi == 0.0L || b.hi == 0.0L) return negative ? -0.0L : 0.0L;
    long_double_double p = normalized_long(a, &exponent) * normalized_long(b, &exponent);
    if (p.hi < 0.0L) p = -p;
    p = normalized_long(p, &exponent);
    // p in [0.5, 1): the result lies in [2^(exponent-1), 2^exponent).
    if (exponent > 16385) return long_overflow_value(negative);
    if (exponent > -16381) {
        // Normal or overflowing: signed before the one rounding (negation is
        // exact), then scaled exactly or overflowing in the caller's direction.
        if (negative) p = -p;
        return scale_by_power_of_two(p.hi + p.lo, exponent);
    }
    long double r = round_magnitude_long(p, exponent);
    return negative ? -r : r;
}

void exp_wide_long(long double a, long_double_double* value, int* exponent) noexcept {
    // exp_split_long takes |a| < 12000; beyond, exp(a) = exp(a/2)^2 (a/2 exact).
    if (long_magnitude(a) < 11000.0L) {
        scaled_long_double_double e = exp_split_long(ldd(a));
        *value = e.value;
        *exponent = e.exponent;
        return;
    }
    scaled_long_double_double e = exp_split_long(ldd(a * 0.5L));
    *value = e.value * e.value;
    *exponent = 2 * e.exponent;
}

namespace {

// x^2 + y^2 - 1 for 0 <= y <= x <= 2, in long-double-double: x^2 - 1 is
// exact where it cancels (Sterbenz).
long_double_double squares_minus_one(long double x, long double y) noexcept {
    long_double_double xx = two_product(x, x);
    long_double_double yy = y < 0x1p-8000L ? ldd(y * y) : two_product(y, y);
    long_double_double t = two_sum(xx.hi, -1.0L);  // exact when xx.hi is in [0.5, 2]
    return ((t + yy.hi) + xx.lo) + yy.lo;
}

}  // namespace

long_double_double log_modulus_long(long double x, long double y) noexcept {
    x87_nearest_rounding_scope nearest;  // two_sum exact; the caller rounds in its mode
    long double a = long_magnitude(x);
    long double b = long_magnitude(y);
    if (a < b) {
        long double t = a;
        a = b;
        b = t;
    }
    // |z| near 1: log1p of the exact x^2 + y^2 - 1.
    if (a <= 2.0L && a >= 0.5L && b < 1.0L) {
        long_double_double sum = squares_minus_one(a, b);
        if (sum.hi == 0.0L) return ldd(0.0L);  // +0, not x - x's -0 rounding down
        if (sum.hi > -0.5L && sum.hi < 1.0L) return scale(log1p_of_long(sum), 0.5L);
    }
    // Elsewhere scaled by a power of two so nothing overflows or underflows:
    // a term dropped then is below 2^-140 of the other.
    int e = ilogbl(a);
    long double sa = scale_by_power_of_two(a, -e);
    long double sb = b == 0.0L ? 0.0L : scale_by_power_of_two(b, -e);
    long_double_double s = two_product(sa, sa);
    if (sb > 0x1p-70L) s = s + two_product(sb, sb);
    long double k = static_cast<long double>(e);
    return scale(log_of_long(s), 0.5L) +
           ((two_product(k, long_tables::ln2_hi) + two_product(k, long_tables::ln2_mid)) +
            k * long_tables::ln2_lo);
}

complex_long_parts complex_exp_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (long_is_finite(x)) {
        if (!long_is_finite(y)) {
            // A finite real part and an infinite or NaN imaginary one: no direction.
            long double n = long_invalid_nan();
            return {n, n};
        }
        long_double_double s;
        long_double_double c;
        sin_cos_long_double_double(y, &s, &c);
        bool sine_negative = long_sign(s.hi);
        bool cosine_negative = long_sign(c.hi);
        // e^x sin y can be finite up to x near 11357 + 16445 log 2 (sin y
        // subnormal), and nonzero down to -11357 - 64 log 2 (|cos y| > 2^-66).
        if (x > 23000.0L) {
            return {long_overflow_value(cosine_negative),
                    s.hi == 0.0L ? y : long_overflow_value(sine_negative)};
        }
        if (x < -23000.0L) {
            long double tiny = long_underflow_value(false);
            return {cosine_negative ? -tiny : tiny, sine_negative ? -tiny : tiny};
        }
        long_double_double e;
        int exponent;
        exp_wide_long(x, &e, &exponent);
        long double re = round_signed_product_long(e, c, exponent, cosine_negative);
        long double im = s.hi == 0.0L ? y : round_signed_product_long(e, s, exponent, sine_negative);
        return {re, im};
    }
    if (long_is_inf(x)) {
        long double value = long_sign(x) ? 0.0L : x;
        if (long_is_finite(y)) {
            if (y == 0.0L) return {value, y};
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(y, &s, &c);
            return {long_with_sign_of(value, c.hi), long_with_sign_of(value, s.hi)};
        }
        if (!long_sign(x)) return {x, y - y};  // +inf + i(inf or NaN): the NaN invalid
        return {0.0L, long_with_sign_of(0.0L, y)};
    }
    // A NaN real part: NaN, but a zero imaginary part stays.
    if (y == 0.0L) return {x, y};
    if (long_is_nan(y)) return {x + y, x + y};
    return {long_invalid_nan(), long_invalid_nan()};
}

complex_long_parts complex_log_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (x == 0.0L && y == 0.0L) {
        long double angle = long_sign(x) ? long_tables::pi.hi : 0.0L;
        return {long_pole(true), long_with_sign_of(angle, y)};
    }
    if (long_is_nan(x) || long_is_nan(y)) {
        long double n = x + y;
        return {(long_is_inf(x) || long_is_inf(y)) ? long_infinity() : n, n};
    }
    x87_nearest_rounding_scope nearest;
    if (long_is_inf(x) || long_is_inf(y)) return {long_infinity(), atan2l(y, x)};
    long_double_double r = log_modulus_long(x, y);
    return {r.hi + r.lo, atan2l(y, x)};
}

namespace {

// log10(e) times the angle of z (atan2(y, x)) rounded once, for finite z != 0:
// the angle in long-double-double (where atan2l would round it first).
long double angle_times_log10_e(long double x, long double y) noexcept {
    namespace t = long_tables;
    if (y == 0.0L) {
        long double angle = long_sign(x) ? rounded_long(t::pi * t::log10_e) : 0.0L;
        return long_with_sign_of(angle, y);
    }
    long double ay = long_magnitude(y);
    long double ax = long_magnitude(x);
    int ey;
    int ex;
    frexpl(ay, &ey);
    frexpl(ax, &ex);
    long double result;
    if (x == 0.0L || ey - ex > 100) {
        // pi/2 -+ |x|/|y|, the quotient far below the angle's precision.
        long_double_double angle = t::half_pi + ldd(x == 0.0L ? 0.0L : x / ay);
        result = rounded_long(angle * t::log10_e);
    } else if (ey - ex < -100) {
        if (long_sign(x)) {
            result = rounded_long((t::pi - ldd(ay / ax)) * t::log10_e);
        } else {
            // log10(e) |y|/|x|, perhaps subnormal: the quotient kept unrounded.
            int exponent = 0;
            long_double_double num = normalized_long(ldd(ay), &exponent);
            int denominator_exponent = 0;
            long_double_double den = normalized_long(ldd(ax), &denominator_exponent);
            result = round_product_long(t::log10_e, num / den, exponent - denominator_exponent);
        }
    } else {
        // Both scaled by the same power of two: the ratio kept.
        long double sy = scale_by_power_of_two(ay, -ey);
        long double sx = scale_by_power_of_two(ax, -ey);
        long_double_double angle = atan_ratio_long(ldd(sy), ldd(sx));
        if (long_sign(x)) angle = t::pi - angle;
        result = round_product_long(t::log10_e, angle, 0);
    }
    return long_with_sign_of(result, y);
}

}  // namespace

complex_long_parts complex_log10_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (x == 0.0L && y == 0.0L) {
        long double angle = long_sign(x) ? (long_tables::pi * long_tables::log10_e).hi : 0.0L;
        return {long_pole(true), long_with_sign_of(angle, y)};
    }
    if (long_is_nan(x) || long_is_nan(y)) {
        long double n = x + y;
        return {(long_is_inf(x) || long_is_inf(y)) ? long_infinity() : n, n};
    }
    if (long_is_inf(x) || long_is_inf(y)) {
        // A multiple of pi/4: log10(e) times the rounded angle, as glibc.
        long double angle = atan2l(y, x);
        return {long_infinity(),
                long_with_sign_of(round_product_long(long_tables::log10_e, ldd(angle), 0), angle)};
    }
    long double im = angle_times_log10_e(x, y);
    long_double_double r = log_modulus_long(x, y);
    if (r.hi == 0.0L) return {0.0L, im};  // |z| = 1: +0 in every rounding mode
    r = r * long_tables::log10_e;
    return {r.hi + r.lo, im};
}

complex_long_parts complex_sqrt_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y)) {
        if (long_is_inf(y)) return {long_infinity(), y};
        if (long_is_inf(x)) {
            if (long_sign(x))
                return {long_is_nan(y) ? y : 0.0L, long_with_sign_of(long_infinity(), y)};
            return {x, long_is_nan(y) ? y : long_with_sign_of(0.0L, y)};
        }
        long double n = x + y;
        return {n, n};
    }
    if (y == 0.0L) {
        if (x < 0.0L) return {0.0L, long_with_sign_of(sqrtl(-x), y)};
        return {sqrtl(long_magnitude(x)), y};
    }
    // sqrt(z) = t + i y/(2t) with t = sqrt((|x| + |z|)/2) for x >= 0 (the
    // parts exchanged for x < 0), which never cancels; scaled by an even
    // power of two so that |z|^2 neither overflows nor underflows.
    long double ax = long_magnitude(x);
    long double ay = long_magnitude(y);
    long double larger = ax > ay ? ax : ay;
    int e = 0;
    if (larger > 0x1p8000L || larger < 0x1p-8000L) e = ilogbl(larger) & ~1;
    long double sx = ax == 0.0L ? 0.0L : scale_by_power_of_two(ax, -e);
    long double sy = scale_by_power_of_two(ay, -e);
    long_double_double square;
    if (sx >= sy) {
        square = two_product(sx, sx);
        if (sy > sx * 0x1p-70L) square = square + two_product(sy, sy);  // else below 2^-140 of it
    } else {
        square = two_product(sy, sy);
        if (sx > sy * 0x1p-70L) square = square + two_product(sx, sx);
    }
    long_double_double modulus = sqrt(square);
    long_double_double t = sqrt(scale(modulus + sx, 0.5L));  // the true t times 2^(-e/2)
    // The other part |y|/(2t), |y| moved into [1, 2) first.
    int shift = -ilogbl(ay);
    long_double_double other = ldd(scale_by_power_of_two(ay, shift)) / t;
    long double big = round_magnitude_long(t, e / 2);
    long double small = round_magnitude_long(other, -e / 2 - 1 - shift);
    if (!long_sign(x)) return {big, long_with_sign_of(small, y)};
    return {small, long_with_sign_of(big, y)};
}

complex_long_parts complex_project_long(long double x, long double y) noexcept {
    if (long_is_inf(x) || long_is_inf(y)) return {long_infinity(), long_with_sign_of(0.0L, y)};
    return {x, y};
}

complex_long_parts complex_multiply_long(complex_long_parts a, complex_long_parts b) noexcept {
    long double ac = a.re * b.re;
    long double bd = a.im * b.im;
    long double ad = a.re * b.im;
    long double bc = a.im * b.re;
    long double re = ac - bd;
    long double im = ad + bc;
    if (!long_is_nan(re) || !long_is_nan(im)) return {re, im};
    // Both parts NaN: if an operand was infinite, the product is an infinity
    // (C11 G.5.1), recovered with the infinities as +-1 and the NaNs as zeros.
    bool again = false;
    auto unit_or_zero = [](long double v) { return long_with_sign_of(long_is_inf(v) ? 1.0L : 0.0L, v); };
    auto nan_to_zero = [](long double v) { return long_is_nan(v) ? long_with_sign_of(0.0L, v) : v; };
    if (long_is_inf(a.re) || long_is_inf(a.im)) {
        a = {unit_or_zero(a.re), unit_or_zero(a.im)};
        b = {nan_to_zero(b.re), nan_to_zero(b.im)};
        again = true;
    }
    if (long_is_inf(b.re) || long_is_inf(b.im)) {
        b = {unit_or_zero(b.re), unit_or_zero(b.im)};
        a = {nan_to_zero(a.re), nan_to_zero(a.im)};
        again = true;
    }
    if (!again && (long_is_inf(ac) || long_is_inf(bd) || long_is_inf(ad) || long_is_inf(bc))) {
        a = {nan_to_zero(a.re), nan_to_zero(a.im)};
        b = {nan_to_zero(b.re), nan_to_zero(b.im)};
        again = true;
    }
    if (again) {
        long double inf = long_infinity();
        re = inf * (a.re * b.re - a.im * b.im);
        im = inf * (a.re * b.im + a.im * b.re);
    }
    return {re, im};
}

complex_long_parts complex_pow_long(complex_long_parts z, complex_long_parts w) noexcept {
    complex_long_parts l = complex_log_long(z.re, z.im);
    complex_long_parts p = complex_multiply_long(w, l);
    return complex_exp_long(p.re, p.im);
}

}  // namespace lwp::libc::math
