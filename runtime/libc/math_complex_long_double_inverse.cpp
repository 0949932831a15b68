// casinhl, casinl, cacosl, cacoshl, catanhl and catanl on a value's two parts
// (math_complex_long_double.hpp): the double forms' algorithms
// (math_complex_inverse.cpp: Hull, Fairgrieve and Tang's for asin and acos,
// with A - 1 and A - x formed without cancellation; atanh from log1p and
// the angle of 1 - x^2 - y^2 + 2iy) in long-double-double, the thresholds of
// the asymptotic forms moved to the 64-bit mantissa and the 16384 exponent
// range. Special values are glibc's (C11 Annex G).
#include "runtime/libc/math_complex_long_double.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace {

namespace t = long_tables;

long double rounded_inverse(long_double_double v) noexcept { return v.hi + v.lo; }

long_double_double quarter_pi() noexcept { return scale(t::pi, 0.25L); }
long double three_quarters_pi() noexcept { return rounded_inverse(t::pi * 0.75L); }

// asin(z) and acos(z) for z = x + iy, x >= 0, y >= 0 finite and not both 0:
// the real parts of both, and the imaginary part of asin (acos's is its
// negative).
struct arcsine_parts {
    long double asin_re;
    long double acos_re;
    long double im;
};

// sqrt of a nonnegative long-double-double (0 for 0).
long_double_double root_of(long_double_double v) noexcept { return v.hi > 0.0L ? sqrt(v) : ldd(0.0L); }

// a / b rounded once, a possibly subnormal, b a normal long-double-double.
long double quotient(long double a, long_double_double b) noexcept {
    if (a == 0.0L) return 0.0L;
    int exponent = 0;
    long_double_double q = normalized_long(ldd(a), &exponent) / b;
    return round_magnitude_long(q, exponent);
}

arcsine_parts arcsine_of(long double x, long double y) noexcept {
    x87_nearest_rounding_scope nearest;
    long double larger = x > y ? x : y;
    if (larger > 0x1p70L) {
        // asin z = -i log(2iz) to within |z|^-2: im = log 2|z|.
        return {atan2l(x, y), atan2l(y, x), rounded_inverse(log_modulus_long(x, y) + t::ln2)};
    }
    if (larger < 0x1p-34L) {
        // asin z = z + z^3/6 + ...: the cube is below 2^-67 of z.
        return {x, rounded_inverse(t::half_pi - x), y};
    }
    if (y < 0x1p-8000L && x < 1.0L) {
        // y^2 would underflow: on the cut's near side asin z is asin x +
        // i y/sqrt(1 - x^2) to within y^2.
        long_double_double root = root_of(two_sum(1.0L, -x) * two_sum(1.0L, x));
        return {asinl(x), acosl(x), quotient(y, root)};
    }
    if (x == 1.0L && y < 0x1p-8000L) {
        // asin(1 + iy) is pi/2 - sqrt(y) + i sqrt(y) to within y.
        long double root = sqrtl(y);
        return {rounded_inverse(t::half_pi - root), root, root};
    }
    // The rest in long-double-double: R, S, A and the differences A - 1 and
    // A - x each rounded once at the end.
    long_double_double xp1 = two_sum(x, 1.0L);
    long_double_double xm1 = two_sum(x, -1.0L);
    long_double_double one_minus_x = -xm1;
    long_double_double yy = two_product(y, y);
    long_double_double r = root_of(xp1 * xp1 + yy);
    long_double_double s = root_of(xm1 * xm1 + yy);
    long_double_double a = scale(r + s, 0.5L);
    long_double_double a_plus_x = a + x;
    long_double_double r_part = yy / (r + xp1);  // R - (x + 1)
    long double b = rounded_inverse(ldd(x) / a);
    long double asin_re;
    long double acos_re;
    if (b <= 0.6417L) {
        asin_re = asinl(b);
        acos_re = acosl(b);
    } else {
        // sqrt(A^2 - x^2) without forming A - x by subtraction.
        long_double_double root;
        if (x <= 1.0L) root = root_of(scale(a_plus_x * (r_part + (s + one_minus_x)), 0.5L));
        else root = root_of(scale(a_plus_x / (r + xp1) + a_plus_x / (s + xm1), 0.5L)) * y;
        long double rr = rounded_inverse(root);
        asin_re = atan2l(x, rr);
        acos_re = atan2l(rr, x);
    }
    long_double_double l;
    if (a.hi <= 1.5L) {
        // A - 1 from its two halves R - (x + 1) and S - |x - 1|.
        long_double_double am1 = x < 1.0L ? scale(r_part + yy / (s + one_minus_x), 0.5L)
                                          : scale(r_part + (s + xm1), 0.5L);
        l = log1p_of_long(am1 + root_of(am1 * (a + 1.0L)));
    } else {
        l = log_of_long(a + root_of((a - 1.0L) * (a + 1.0L)));
    }
    return {asin_re, acos_re, rounded_inverse(l)};
}

// atanh(z) for z = x + iy, x >= 0, y >= 0 finite, not both 0, z != 1.
complex_long_parts arctanh_of(long double x, long double y) noexcept {
    x87_nearest_rounding_scope nearest;
    if (x >= 0x1p66L || y >= 0x1p66L) {
        // atanh z = 1/z + i pi/2 to within |z|^-3: the real part x/|z|^2,
        // with |z|^2 scaled by 2^(-2e) into [1, 8) and x kept off the subnormals.
        long double larger = x > y ? x : y;
        int e = ilogbl(larger);
        long double sx = x == 0.0L ? 0.0L : scale_by_power_of_two(x, -e);
        long double sy = y == 0.0L ? 0.0L : scale_by_power_of_two(y, -e);
        long_double_double square = ldd(0.0L);
        if (sx > 0x1p-70L) square = two_product(sx, sx);
        if (sy > 0x1p-70L) square = square + two_product(sy, sy);
        long double re = 0.0L;
        if (x != 0.0L) {
            int shift = -ilogbl(x);
            re = round_magnitude_long(ldd(scale_by_power_of_two(x, shift)) / square, -2 * e - shift);
        }
        return {re, t::half_pi.hi};
    }
    long double re;
    if (x == 1.0L && y < 0x1p-68L) {
        // log(4/y^2 + 1)/4, the 1 negligible and y^2 possibly underflowing.
        re = rounded_inverse(scale(t::ln2 - log_of_long(ldd(y)), 0.5L));
    } else {
        long_double_double one_minus_x = two_sum(1.0L, -x);
        long_double_double denominator = one_minus_x * one_minus_x;
        if (y > 0x1p-8000L) denominator = denominator + two_product(y, y);
        long_double_double ratio = ldd(4.0L * x) / denominator;
        long_double_double l = ratio.hi < 0x1p-70L ? ratio : log1p_of_long(ratio);
        if (l.hi < 0.0L) l = -l;
        re = round_magnitude_long(l, -2);
    }
    // The angle of (1 - x^2 - y^2) + 2iy, halved.
    long_double_double xx = two_product(x, x);
    long_double_double yy = y > 0x1p-8000L ? two_product(y, y) : ldd(0.0L);
    long_double_double real_part = ((two_sum(1.0L, -xx.hi) - yy.hi) - xx.lo) - yy.lo;
    long double angle = atan2l(2.0L * y, rounded_inverse(real_part));
    return {re, 0.5L * angle};
}

}  // namespace

complex_long_parts complex_asinh_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y)) {
        if (long_is_inf(y)) {
            if (long_is_nan(x)) return {long_with_sign_of(long_infinity(), x), x + x};
            return {long_with_sign_of(long_infinity(), x),
                    long_with_sign_of(long_is_finite(x) ? t::half_pi.hi : quarter_pi().hi, y)};
        }
        if (!long_is_finite(x)) {
            if ((long_is_inf(x) && !long_is_nan(y)) || (long_is_nan(x) && y == 0.0L))
                return {x, long_with_sign_of(0.0L, y)};
            return {x, x + y};
        }
        long double n = x + y;
        return {n, n};
    }
    if (x == 0.0L && y == 0.0L) return {x, y};
    // asinh z = -i asin(iz), and asin is odd in each part.
    arcsine_parts p = arcsine_of(long_magnitude(y), long_magnitude(x));
    return {long_with_sign_of(p.im, x), long_with_sign_of(p.asin_re, y)};
}

complex_long_parts complex_asin_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (long_is_nan(x) || long_is_nan(y)) {
        if (x == 0.0L) return {x, y};
        if (long_is_inf(x) || long_is_inf(y)) return {x + y, long_with_sign_of(long_infinity(), y)};
        long double n = x + y;
        return {n, n};
    }
    // asin z = -i asinh(iz), as glibc.
    complex_long_parts h = complex_asinh_long(-y, x);
    return {h.im, -h.re};
}

complex_long_parts complex_acos_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y) || (x == 0.0L && y == 0.0L)) {
        // pi/2 - asin z, the real part's zero positive.
        complex_long_parts s = complex_asin_long(x, y);
        long double re = t::half_pi.hi - s.re;
        if (re == 0.0L) re = 0.0L;
        return {re, -s.im};
    }
    arcsine_parts p = arcsine_of(long_magnitude(x), long_magnitude(y));
    long double re = long_sign(x) ? rounded_inverse(t::pi - p.acos_re) : p.acos_re;
    return {re, long_sign(y) ? p.im : -p.im};
}

complex_long_parts complex_acosh_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y)) {
        if (long_is_inf(y)) {
            if (long_is_nan(x)) return {long_infinity(), x + x};
            long double angle = long_is_inf(x) ? (long_sign(x) ? three_quarters_pi() : quarter_pi().hi)
                                               : t::half_pi.hi;
            return {long_infinity(), long_with_sign_of(angle, y)};
        }
        if (long_is_inf(x)) {
            if (long_is_nan(y)) return {long_infinity(), y + y};
            return {long_infinity(), long_with_sign_of(long_sign(x) ? t::pi.hi : 0.0L, y)};
        }
        long double n = x + y;
        return {n, x == 0.0L ? t::half_pi.hi : n};
    }
    if (x == 0.0L && y == 0.0L) return {0.0L, long_with_sign_of(t::half_pi.hi, y)};
    // acosh z = +-i acos z, the sign making the real part nonnegative.
    arcsine_parts p = arcsine_of(long_magnitude(x), long_magnitude(y));
    long double angle = long_sign(x) ? rounded_inverse(t::pi - p.acos_re) : p.acos_re;
    return {p.im, long_with_sign_of(angle, y)};
}

complex_long_parts complex_atanh_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y)) {
        if (long_is_inf(y)) return {long_with_sign_of(0.0L, x), long_with_sign_of(t::half_pi.hi, y)};
        if (long_is_inf(x) || x == 0.0L) {
            return {long_with_sign_of(0.0L, x), long_is_nan(y) ? y + y : long_with_sign_of(t::half_pi.hi, y)};
        }
        long double n = x + y;
        return {n, n};
    }
    if (x == 0.0L && y == 0.0L) return {x, y};
    long double ax = long_magnitude(x);
    long double ay = long_magnitude(y);
    if (ax == 1.0L && ay == 0.0L) return {long_pole(long_sign(x)), y};
    complex_long_parts p = arctanh_of(ax, ay);
    return {long_with_sign_of(p.re, x), long_with_sign_of(p.im, y)};
}

complex_long_parts complex_atan_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (!long_is_finite(x) || !long_is_finite(y)) {
        if (long_is_inf(x)) return {long_with_sign_of(t::half_pi.hi, x), long_with_sign_of(0.0L, y)};
        if (long_is_inf(y)) {
            return {long_is_nan(x) ? x + x : long_with_sign_of(t::half_pi.hi, x), long_with_sign_of(0.0L, y)};
        }
        if (y == 0.0L) return {x + x, y};
        long double n = x + y;
        return {n, n};
    }
    // atan z = -i atanh(iz) = -i atanh(-y + ix).
    complex_long_parts h = complex_atanh_long(-y, x);
    return {h.im, -h.re};
}

}  // namespace lwp::libc::math
