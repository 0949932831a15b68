// cexp, clog, clog10, csqrt, cproj and cpow on a value's two parts
// (math_complex.hpp), and the helpers the other complex files share.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"
#include "arch/x86_64/sse_math.hpp"

namespace lwp::libc::math {

void sin_cos_double_double(double y, double_double* sine, double_double* cosine) noexcept {
    // Below the smallest normal, glibc takes sin y = y and cos y = 1 (exact
    // after rounding anyway); keeping that keeps the signs of its zeros.
    if (magnitude(y) <= 0x1p-1022) {
        *sine = dd(y);
        *cosine = dd(1.0);
        return;
    }
    if (magnitude(y) < 0x1p-500) {
        // sin y = y and cos y = 1 to within y^2/2 < 2^-1000, whose square the
        // kernels would form, raising underflow for a result that is not tiny.
        *sine = dd(y);
        *cosine = dd(1.0);
        return;
    }
    reduced_angle a = reduce_any(magnitude(y));
    double_double s = sin_kernel(a.r);
    double_double c = cos_kernel(a.r);
    switch (a.quadrant) {
        case 0: *sine = s; *cosine = c; break;
        case 1: *sine = c; *cosine = -s; break;
        case 2: *sine = -s; *cosine = -c; break;
        default: *sine = -c; *cosine = s; break;
    }
    if (sign_of(y)) *sine = -*sine;
}

double round_magnitude(double_double value, int exponent) noexcept {
    if (value.hi == 0.0) return 0.0;
    if (!is_finite(value.hi)) return value.hi;
    // round_scaled wants a value near 1: move value's binade into the exponent.
    int binade;
    frexp(value.hi, &binade);
    value = {ldexp(value.hi, -binade), ldexp(value.lo, -binade)};
    return round_scaled(value, exponent + binade);
}

double round_product(double_double a, double_double b, int exponent) noexcept {
    if (a.hi == 0.0 || b.hi == 0.0) return 0.0;
    // Each factor moved into [0.5, 1) first, so that a subnormal factor (sin y
    // = y below 2^-1022) or a tiny product loses nothing before the rounding.
    int ea;
    int eb;
    frexp(a.hi, &ea);
    frexp(b.hi, &eb);
    double_double na = {ldexp(a.hi, -ea), ldexp(a.lo, -ea)};
    double_double nb = {ldexp(b.hi, -eb), ldexp(b.lo, -eb)};
    double_double p = na * nb;
    if (p.hi < 0.0) p = -p;
    return round_magnitude(p, exponent + ea + eb);
}

double round_signed_product(double_double a, double_double b, int exponent, bool negative) noexcept {
    if (a.hi == 0.0 || b.hi == 0.0) return negative ? -0.0 : 0.0;
    int ea;
    int eb;
    frexp(a.hi, &ea);
    frexp(b.hi, &eb);
    double_double na = {ldexp(a.hi, -ea), ldexp(a.lo, -ea)};
    double_double nb = {ldexp(b.hi, -eb), ldexp(b.lo, -eb)};
    double_double p = na * nb;
    if (p.hi < 0.0) p = -p;
    int binade;
    frexp(p.hi, &binade);
    p = {ldexp(p.hi, -binade), ldexp(p.lo, -binade)};
    // p in [0.5, 1): the result lies in [2^(e-1), 2^e).
    int e = exponent + ea + eb + binade;
    if (e > 1025) return overflow_value(negative);
    if (e > -1021) {
        // Normal or overflowing: the sign goes on before the one rounding
        // (negation is exact), then the scaling is exact or overflows in the
        // caller's direction.
        if (negative) p = -p;
        return scale_exactly(p.hi + p.lo, e);
    }
    double r = round_scaled(p, e);
    return negative ? -r : r;
}

namespace {

// x^2 + y^2 - 1 for 0 <= y <= x <= 2, in double-double: x^2 - 1 is exact
// where it cancels (Sterbenz), so the result keeps its relative precision
// however close |z| is to 1.
double_double squares_minus_one(double x, double y) noexcept {
    double_double xx = two_product(x, x);
    double_double yy = two_product(y, y);
    double_double t = two_sum(xx.hi, -1.0);  // exact when xx.hi is in [0.5, 2]
    return ((t + yy.hi) + xx.lo) + yy.lo;
}

// log|z| in double-double for finite z != 0. Its sums are exact (two_sum)
// only when rounding to nearest, so it runs so whatever the caller's mode,
// and the caller rounds the result once in its own. An exact zero (|z| = 1)
// is +0, never the -0 that x - x gives rounding downward.
double_double log_modulus(double x, double y) noexcept {
    arch::sse::nearest_rounding_scope nearest;
    double a = magnitude(x);
    double b = magnitude(y);
    if (a < b) {
        double t = a;
        a = b;
        b = t;
    }
    // |z| near 1: log1p of the exact x^2 + y^2 - 1.
    if (a <= 2.0 && a >= 0.5 && b < 1.0) {
        double_double sum = squares_minus_one(a, b);
        if (sum.hi == 0.0) return dd(0.0);
        if (sum.hi > -0.5 && sum.hi < 1.0) return scale(log1p_of(sum), 0.5);
    }
    // Elsewhere scale by a power of two so nothing overflows or underflows:
    // a term lost then is below 2^-100 of the other.
    int e = ilogb(a);
    double sa = ldexp(a, -e);
    double sb = ldexp(b, -e);
    double_double s = two_product(sa, sa);
    if (sb > 0x1p-500) s = s + two_product(sb, sb);
    return scale(log_of(s), 0.5) + ln2 * static_cast<double>(e);
}

}  // namespace

complex_parts complex_exp(double x, double y) noexcept {
    errno_kept keep;
    if (is_finite(x)) {
        if (!is_finite(y)) {
            // A finite real part and an infinite or NaN imaginary one: no direction.
            double n = invalid_nan();
            return {n, n};
        }
        double_double s;
        double_double c;
        sin_cos_double_double(y, &s, &c);
        bool sine_negative = sign_of(s.hi);
        bool cosine_negative = sign_of(c.hi);
        if (x > 1500.0) {
            return {overflow_value(cosine_negative), s.hi == 0.0 ? y : overflow_value(sine_negative)};
        }
        if (x < -1500.0) {
            double tiny = underflow_value(false);
            return {cosine_negative ? -tiny : tiny, sine_negative ? -tiny : tiny};
        }
        scaled_double_double e = exp_split(dd(x));
        double re = round_signed_product(e.value, c, e.exponent, cosine_negative);
        double im = s.hi == 0.0 ? y : round_signed_product(e.value, s, e.exponent, sine_negative);
        return {re, im};
    }
    if (is_inf(x)) {
        double value = sign_of(x) ? 0.0 : x;
        if (is_finite(y)) {
            if (y == 0.0) return {value, y};
            double_double s;
            double_double c;
            sin_cos_double_double(y, &s, &c);
            return {with_sign_of(value, c.hi), with_sign_of(value, s.hi)};
        }
        if (!sign_of(x)) return {x, y - y};  // +inf + i(inf or NaN): the NaN invalid
        return {0.0, with_sign_of(0.0, y)};
    }
    // A NaN real part: NaN, but a zero imaginary part stays.
    if (y == 0.0) return {x, y};
    if (is_nan(y)) return {x + y, x + y};
    return {invalid_nan(), invalid_nan()};
}

complex_parts complex_log(double x, double y) noexcept {
    errno_kept keep;
    if (x == 0.0 && y == 0.0) {
        double angle = sign_of(x) ? pi.hi : 0.0;
        return {pole(true), with_sign_of(angle, y)};
    }
    if (is_nan(x) || is_nan(y)) {
        double n = x + y;
        return {(is_inf(x) || is_inf(y)) ? from_bits(exponent_mask) : n, n};
    }
    if (is_inf(x) || is_inf(y)) return {from_bits(exponent_mask), atan2(y, x)};
    double_double r = log_modulus(x, y);
    return {r.hi + r.lo, atan2(y, x)};
}

complex_parts complex_log10(double x, double y) noexcept {
    errno_kept keep;
    if (x == 0.0 && y == 0.0) {
        double angle = sign_of(x) ? (pi * inverse_ln10).hi : 0.0;
        return {pole(true), with_sign_of(angle, y)};
    }
    if (is_nan(x) || is_nan(y)) {
        double n = x + y;
        return {(is_inf(x) || is_inf(y)) ? from_bits(exponent_mask) : n, n};
    }
    double angle = atan2(y, x);
    // log10(e) * angle rounded once, its sign kept (also for a subnormal angle).
    double im = is_finite(angle) && angle != 0.0
                    ? with_sign_of(round_product(inverse_ln10, dd(angle), 0), angle)
                    : angle;
    if (is_inf(x) || is_inf(y)) return {from_bits(exponent_mask), im};
    double_double r = log_modulus(x, y);
    if (r.hi == 0.0) return {0.0, im};  // |z| = 1: +0 in every rounding mode
    r = r * inverse_ln10;
    return {r.hi + r.lo, im};
}

complex_parts complex_sqrt(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y)) {
        if (is_inf(y)) return {from_bits(exponent_mask), y};
        if (is_inf(x)) {
            if (sign_of(x)) return {is_nan(y) ? y : 0.0, with_sign_of(from_bits(exponent_mask), y)};
            return {x, is_nan(y) ? y : with_sign_of(0.0, y)};
        }
        double n = x + y;
        return {n, n};
    }
    if (y == 0.0) {
        if (x < 0.0) return {0.0, with_sign_of(hardware_sqrt(-x), y)};
        return {hardware_sqrt(magnitude(x)), y};
    }
    // sqrt(z) = t + i y/(2t) with t = sqrt((|x| + |z|)/2) for x >= 0 (and the
    // parts exchanged for x < 0), which never cancels. Scaled by an even power
    // of two so that |z|^2 neither overflows nor underflows.
    double ax = magnitude(x);
    double ay = magnitude(y);
    double larger = ax > ay ? ax : ay;
    int e = 0;
    if (larger > 0x1p500 || larger < 0x1p-500) e = ilogb(larger) & ~1;
    double sx = ldexp(ax, -e);
    double sy = ldexp(ay, -e);
    double_double square = two_product(sx, sx);
    if (sy > sx * 0x1p-60) square = square + two_product(sy, sy);  // else below 2^-120 of it
    double_double modulus = sqrt(square);
    double_double t = sqrt(scale(modulus + sx, 0.5));  // the true t times 2^(-e/2)
    // The other part |y|/(2t), |y| moved into [1, 2) first (from the
    // subnormals, or from near the overflow threshold).
    int shift = ay == 0.0 ? 0 : -ilogb(ay);
    double_double other = dd(ldexp(ay, shift)) / t;
    double big = round_magnitude(t, e / 2);
    double small = round_magnitude(other, -e / 2 - 1 - shift);
    if (!sign_of(x)) return {big, with_sign_of(small, y)};
    return {small, with_sign_of(big, y)};
}

void complex_exp_errno(complex_parts z, bool single) noexcept {
    if (!is_finite(z.re) || !is_finite(z.im) || !(z.re < -100.0)) return;
    int saved = errno;
    double e = exp(z.re);
    bool zero = single ? static_cast<float>(e) == 0.0f : e == 0.0;
    errno = zero ? ERANGE : saved;
}

complex_parts complex_project(double x, double y) noexcept {
    if (is_inf(x) || is_inf(y)) return {from_bits(exponent_mask), with_sign_of(0.0, y)};
    return {x, y};
}

complex_parts complex_multiply(complex_parts a, complex_parts b) noexcept {
    double ac = a.re * b.re;
    double bd = a.im * b.im;
    double ad = a.re * b.im;
    double bc = a.im * b.re;
    double re = ac - bd;
    double im = ad + bc;
    if (!is_nan(re) || !is_nan(im)) return {re, im};
    // Both parts NaN: if an operand was infinite, the product is an infinity
    // (C11 G.5.1), recovered by recomputing with the infinities as +-1 and
    // the NaNs as zeros.
    bool again = false;
    auto unit_or_zero = [](double v) { return with_sign_of(is_inf(v) ? 1.0 : 0.0, v); };
    auto nan_to_zero = [](double v) { return is_nan(v) ? with_sign_of(0.0, v) : v; };
    if (is_inf(a.re) || is_inf(a.im)) {
        a = {unit_or_zero(a.re), unit_or_zero(a.im)};
        b = {nan_to_zero(b.re), nan_to_zero(b.im)};
        again = true;
    }
    if (is_inf(b.re) || is_inf(b.im)) {
        b = {unit_or_zero(b.re), unit_or_zero(b.im)};
        a = {nan_to_zero(a.re), nan_to_zero(a.im)};
        again = true;
    }
    if (!again && (is_inf(ac) || is_inf(bd) || is_inf(ad) || is_inf(bc))) {
        a = {nan_to_zero(a.re), nan_to_zero(a.im)};
        b = {nan_to_zero(b.re), nan_to_zero(b.im)};
        again = true;
    }
    if (again) {
        double inf = from_bits(exponent_mask);
        re = inf * (a.re * b.re - a.im * b.im);
        im = inf * (a.re * b.im + a.im * b.re);
    }
    return {re, im};
}

complex_parts complex_pow(complex_parts z, complex_parts w) noexcept {
    complex_parts l = complex_log(z.re, z.im);
    complex_parts p = complex_multiply(w, l);
    return complex_exp(p.re, p.im);
}

}  // namespace lwp::libc::math
