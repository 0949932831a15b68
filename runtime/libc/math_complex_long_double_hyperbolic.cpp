// csinhl, ccoshl, ctanhl and the circular csinl, ccosl, ctanl on a value's
// two parts (math_complex_long_double.hpp): the double forms' algorithms
// (math_complex_hyperbolic.cpp) on the long-double-double kernels. sinh and
// cosh of the real part and sin and cos of the imaginary part multiplied in
// long-double-double and each part rounded once, the exponent carried apart
// (cosh(x) cos(y) may be finite where cosh(x) is not). Infinite and NaN
// arguments give glibc's results, which follow C11 Annex G.
#include "runtime/libc/math_complex_long_double.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"

namespace lwp::libc::math {

namespace {

// Beyond this |x|, e^-|x| is below 2^-140 of e^|x|: sinh and cosh are both
// e^|x|/2, and tanh is +-1 to 2^-140.
constexpr long double hyperbolic_far = 50.0L;
// Beyond this |x|, cosh(x) times the smallest nonzero sin or cos overflows.
constexpr long double hyperbolic_overflow = 23000.0L;

// sinh(a) and cosh(a) for a finite a >= 0, as values * 2^exponent.
struct hyperbolic_pair {
    long_double_double sinh_value;
    long_double_double cosh_value;
    int exponent;
    bool overflows;  // beyond any finite product
};

hyperbolic_pair hyperbolic_of(long double a) noexcept {
    if (a < 0x1p-66L) return {ldd(a), ldd(1.0L), 0, false};  // a^2/2 is below 2^-132
    if (a <= 0.35L) {
        long_double_double m = expm1_reduced_long(ldd(a));  // e^a - 1, accurate for small a
        long_double_double e = m + 1.0L;
        long_double_double sh = scale(m + m / e, 0.5L);  // (e^a - e^-a)/2 with no cancellation
        long_double_double ch = scale(e + ldd(1.0L) / e, 0.5L);
        return {sh, ch, 0, false};
    }
    if (a <= hyperbolic_far) {
        scaled_long_double_double e = exp_split_long(ldd(a));
        long_double_double v = scale(e.value, long_power_of_two(e.exponent));
        long_double_double inverse = ldd(1.0L) / v;
        return {scale(v - inverse, 0.5L), scale(v + inverse, 0.5L), 0, false};
    }
    if (a > hyperbolic_overflow) return {ldd(1.0L), ldd(1.0L), 0, true};
    long_double_double e;
    int exponent;
    exp_wide_long(a, &e, &exponent);
    return {e, e, exponent - 1, false};
}

long double signed_product(long_double_double a, long_double_double b, int exponent,
                           bool overflows, bool negative) noexcept {
    if (overflows) {
        if (a.hi == 0.0L || b.hi == 0.0L) return negative ? -0.0L : 0.0L;
        return long_overflow_value(negative);
    }
    return round_signed_product_long(a, b, exponent, negative);
}

// sinh(x) cos(y) + i cosh(x) sin(y) for finite x and y; with negate_real the
// real part's sign reversed before its rounding (csinl's -sinh(-y) cos x).
complex_long_parts finite_sinh(long double x, long double y, bool negate_real = false) noexcept {
    long_double_double s;
    long_double_double c;
    sin_cos_long_double_double(y, &s, &c);
    hyperbolic_pair h = hyperbolic_of(long_magnitude(x));
    return {signed_product(h.sinh_value, c, h.exponent, h.overflows,
                           (long_sign(x) != long_sign(c.hi)) != negate_real),
            signed_product(h.cosh_value, s, h.exponent, h.overflows, long_sign(s.hi))};
}

// cosh(x) cos(y) + i sinh(x) sin(y) for finite x and y.
complex_long_parts finite_cosh(long double x, long double y) noexcept {
    long_double_double s;
    long_double_double c;
    sin_cos_long_double_double(y, &s, &c);
    hyperbolic_pair h = hyperbolic_of(long_magnitude(x));
    return {signed_product(h.cosh_value, c, h.exponent, h.overflows, long_sign(c.hi)),
            signed_product(h.sinh_value, s, h.exponent, h.overflows, long_sign(x) != long_sign(s.hi))};
}

// tanh(x + iy) = (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y) for
// finite x and y: the denominator is a sum of squares, each accurate
// relative to itself, so the poles (x = 0, cos y = 0) lose nothing.
complex_long_parts finite_tanh(long double x, long double y) noexcept {
    long_double_double s;
    long_double_double c;
    sin_cos_long_double_double(y, &s, &c);
    bool im_negative = long_sign(s.hi) != long_sign(c.hi);
    long double ax = long_magnitude(x);
    if (ax > hyperbolic_far) {
        // The real part is +-1 and the imaginary part 4 sin y cos y
        // e^(-2|x|), perhaps subnormal.
        long double re = long_with_sign_of(1.0L, x);
        long double im;
        if (s.hi == 0.0L) im = 0.0L;
        else if (ax > 12000.0L) im = long_underflow_value(false);
        else {
            long_double_double e;
            int exponent;
            exp_wide_long(-2.0L * ax, &e, &exponent);
            exponent += 2;
            long_double_double sn = normalized_long(s, &exponent);
            im = round_product_long(sn * c, e, exponent);
        }
        return {re, im_negative ? -im : im};
    }
    hyperbolic_pair h = hyperbolic_of(ax);
    long_double_double denominator = h.sinh_value * h.sinh_value + c * c;
    // The numerators' small factors (sinh x = x, sin y = y when tiny) moved
    // into [0.5, 1) so that the quotients lose nothing to underflow.
    int re_exponent = 0;
    int im_exponent = 0;
    long_double_double sh = h.sinh_value;
    if (sh.hi != 0.0L) sh = normalized_long(sh, &re_exponent);
    if (s.hi != 0.0L) s = normalized_long(s, &im_exponent);
    long_double_double re = sh * h.cosh_value / denominator;
    long_double_double im = s * c / denominator;
    if (im.hi < 0.0L) im = -im;
    long double re_magnitude = round_magnitude_long(re, re_exponent);
    long double im_magnitude = round_magnitude_long(im, im_exponent);
    return {long_sign(x) ? -re_magnitude : re_magnitude, im_negative ? -im_magnitude : im_magnitude};
}

}  // namespace

complex_long_parts complex_sinh_long(long double x, long double y) noexcept {
    errno_kept keep;
    bool negative = long_sign(x);
    if (long_is_finite(x)) {
        if (long_is_finite(y)) return finite_sinh(x, y);
        if (x == 0.0L) return {x, y - y};
        long double n = long_invalid_nan();
        return {n, n};
    }
    if (long_is_inf(x)) {
        if (long_is_finite(y) && y != 0.0L) {
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(y, &s, &c);
            long double re = long_with_sign_of(long_infinity(), c.hi);
            return {negative ? -re : re, long_with_sign_of(long_infinity(), s.hi)};
        }
        if (y == 0.0L) return {x, y};
        return {long_infinity(), y - y};
    }
    return {x + x, y == 0.0L ? y : x + y};
}

complex_long_parts complex_cosh_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (long_is_finite(x)) {
        if (long_is_finite(y)) return finite_cosh(x, y);
        long double n = y - y;
        return {n, x == 0.0L ? 0.0L : long_invalid_nan()};
    }
    if (long_is_inf(x)) {
        if (long_is_finite(y) && y != 0.0L) {
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(y, &s, &c);
            long double im = long_with_sign_of(long_infinity(), s.hi);
            return {long_with_sign_of(long_infinity(), c.hi), long_sign(x) ? -im : im};
        }
        if (y == 0.0L) return {long_infinity(), long_sign(x) ? -y : y};
        return {long_infinity(), y - y};
    }
    return {x + x, y == 0.0L ? y : x + y};
}

complex_long_parts complex_tanh_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (long_is_finite(x) && long_is_finite(y)) return finite_tanh(x, y);
    if (long_is_inf(x)) {
        long double im = long_with_sign_of(0.0L, y);
        if (long_is_finite(y) && long_magnitude(y) > 1.0L) {
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(y, &s, &c);
            im = long_sign(s.hi) != long_sign(c.hi) ? -0.0L : 0.0L;
        }
        return {long_with_sign_of(1.0L, x), im};
    }
    if (y == 0.0L) return {x, y};
    long double re = x == 0.0L ? x : x + y;
    long double im = long_is_inf(y) ? long_invalid_nan() : x + y;
    if (long_is_inf(y) && x != 0.0L && !long_is_nan(x)) re = im;
    return {re, im};
}

complex_long_parts complex_sin_long(long double x, long double y) noexcept {
    errno_kept keep;
    bool negative = long_sign(x);
    if (long_is_finite(y)) {
        if (long_is_finite(x)) {
            // sin(x + iy) = -i sinh(i(x + iy)) = -i sinh(-y + ix).
            complex_long_parts h = finite_sinh(-y, x, true);
            return {h.im, h.re};
        }
        if (y == 0.0L) return {x - x, y};
        long double n = long_invalid_nan();
        return {n, n};
    }
    if (long_is_inf(y)) {
        if (x == 0.0L) return {x, y};
        if (long_is_finite(x)) {
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(long_magnitude(x), &s, &c);
            long double re = long_with_sign_of(long_infinity(), s.hi);
            long double im = long_with_sign_of(long_infinity(), c.hi);
            return {negative ? -re : re, long_sign(y) ? -im : im};
        }
        return {x - x, long_infinity()};
    }
    long double n = x + y;
    return {x == 0.0L ? x : n, n};
}

complex_long_parts complex_cos_long(long double x, long double y) noexcept {
    // cos(x + iy) = cosh(i(x + iy)) = cosh(-y + ix), as glibc.
    return complex_cosh_long(-y, x);
}

complex_long_parts complex_tan_long(long double x, long double y) noexcept {
    errno_kept keep;
    if (long_is_finite(x) && long_is_finite(y)) {
        // tan(x + iy) = -i tanh(i(x + iy)) = -i tanh(-y + ix).
        complex_long_parts h = finite_tanh(-y, x);
        return {h.im, -h.re};
    }
    if (long_is_inf(y)) {
        long double re = long_with_sign_of(0.0L, x);
        if (long_is_finite(x) && long_magnitude(x) > 1.0L) {
            long_double_double s;
            long_double_double c;
            sin_cos_long_double_double(x, &s, &c);
            re = long_sign(s.hi) != long_sign(c.hi) ? -0.0L : 0.0L;
        }
        return {re, long_with_sign_of(1.0L, y)};
    }
    if (x == 0.0L) return {x, y};
    long double re = long_is_inf(x) ? long_invalid_nan() : x + y;
    long double im = y == 0.0L ? y : x + y;
    if (long_is_inf(x) && y != 0.0L && !long_is_nan(y)) im = re;
    return {re, im};
}

}  // namespace lwp::libc::math
