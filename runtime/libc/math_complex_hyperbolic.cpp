// csinh, ccosh, ctanh and the circular csin, ccos, ctan on a value's two
// parts (math_complex.hpp). Finite arguments: sinh and cosh of the real part
// and sin and cos of the imaginary part in double-double, multiplied there
// and each part rounded once, so a part is within about half an ulp however
// large the real part (the exponent is carried apart: cosh(x) cos(y) may be
// finite where cosh(x) is not). The infinite and NaN arguments give glibc's
// results, which follow C11 Annex G.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_kernels.hpp"

namespace lwp::libc::math {

namespace {

// sinh(a) and cosh(a) for a finite a >= 0, as values * 2^exponent.
struct hyperbolic_pair {
    double_double sinh_value;
    double_double cosh_value;
    int exponent;
    bool overflows;  // beyond any finite product
};

hyperbolic_pair hyperbolic_of(double a) noexcept {
    if (a < 0x1p-54) return {dd(a), dd(1.0), 0, false};  // a^2/2 is below 2^-108
    if (a <= 40.0) {
        double_double m = expm1_double_double(a);  // e^a - 1, accurate for small a
        double_double e = m + 1.0;
        double_double sh = scale(m + m / e, 0.5);  // (e^a - e^-a)/2 with no cancellation
        double_double ch = scale(e + dd(1.0) / e, 0.5);
        return {sh, ch, 0, false};
    }
    if (a > 1500.0) return {dd(1.0), dd(1.0), 0, true};
    // e^-a is below 2^-115 of e^a: both are e^a/2.
    scaled_double_double e = exp_split(dd(a));
    return {e.value, e.value, e.exponent - 1, false};
}

double signed_product(double_double a, double_double b, int exponent, bool overflows,
                      bool negative) noexcept {
    if (overflows) {
        if (a.hi == 0.0 || b.hi == 0.0) return negative ? -0.0 : 0.0;
        return overflow_value(negative);
    }
    return round_signed_product(a, b, exponent, negative);
}

// sinh(x) cos(y) + i cosh(x) sin(y) for finite x and y; with negate_real,
// the real part's sign is reversed before its rounding (csin's -sinh(-y) cos x
// rounds as a value of its own sign).
complex_parts finite_sinh(double x, double y, bool negate_real = false) noexcept {
    double_double s;
    double_double c;
    sin_cos_double_double(y, &s, &c);
    hyperbolic_pair h = hyperbolic_of(magnitude(x));
    return {signed_product(h.sinh_value, c, h.exponent, h.overflows,
                           (sign_of(x) != sign_of(c.hi)) != negate_real),
            signed_product(h.cosh_value, s, h.exponent, h.overflows, sign_of(s.hi))};
}

// cosh(x) cos(y) + i sinh(x) sin(y) for finite x and y.
complex_parts finite_cosh(double x, double y) noexcept {
    double_double s;
    double_double c;
    sin_cos_double_double(y, &s, &c);
    hyperbolic_pair h = hyperbolic_of(magnitude(x));
    return {signed_product(h.cosh_value, c, h.exponent, h.overflows, sign_of(c.hi)),
            signed_product(h.sinh_value, s, h.exponent, h.overflows, sign_of(x) != sign_of(s.hi))};
}

// tanh(x + iy) = (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y) for
// finite x and y: the denominator is a sum of squares, each accurate
// relative to itself, so the poles (x = 0, cos y = 0) lose nothing.
complex_parts finite_tanh(double x, double y) noexcept {
    double_double s;
    double_double c;
    sin_cos_double_double(y, &s, &c);
    bool im_negative = sign_of(s.hi) != sign_of(c.hi);
    double ax = magnitude(x);
    if (ax > 40.0) {
        // 1 - tanh is below 2^-115: the real part is +-1 and the imaginary
        // part 4 sin y cos y e^(-2|x|), perhaps subnormal.
        double re = with_sign_of(1.0, x);
        if (ax > 1000.0) {
            double im = (s.hi == 0.0) ? 0.0 : underflow_value(false);
            return {re, im_negative ? -im : im};
        }
        scaled_double_double e = exp_split(dd(-2.0 * ax));
        double_double p = s * c * 4.0 * e.value;
        if (p.hi < 0.0) p = -p;
        double im = round_magnitude(p, e.exponent);
        return {re, im_negative ? -im : im};
    }
    hyperbolic_pair h = hyperbolic_of(ax);
    // sinh^2 x below 2^-600 is far below cos^2 y's last bit (|cos y| is at
    // least 2^-61 for a double y): left out, it cannot underflow.
    double_double denominator = c * c;
    if (ax > 0x1p-300) denominator = h.sinh_value * h.sinh_value + denominator;
    // The numerators' small factors (sinh x = x, sin y = y below 2^-1022)
    // moved into [0.5, 1) so that the quotients lose nothing to underflow.
    int re_exponent = 0;
    int im_exponent = 0;
    double_double sh = h.sinh_value;
    if (sh.hi != 0.0) {
        frexp(sh.hi, &re_exponent);
        sh = {ldexp(sh.hi, -re_exponent), ldexp(sh.lo, -re_exponent)};
    }
    if (s.hi != 0.0) {
        frexp(s.hi, &im_exponent);
        s = {ldexp(s.hi, -im_exponent), ldexp(s.lo, -im_exponent)};
    }
    double_double re = sh * h.cosh_value / denominator;
    double_double im = s * c / denominator;
    if (im.hi < 0.0) im = -im;
    double re_magnitude = round_magnitude(re, re_exponent);
    double im_magnitude = round_magnitude(im, im_exponent);
    return {sign_of(x) ? -re_magnitude : re_magnitude, im_negative ? -im_magnitude : im_magnitude};
}

}  // namespace

complex_parts complex_sinh(double x, double y) noexcept {
    errno_kept keep;
    bool negative = sign_of(x);
    if (is_finite(x)) {
        if (is_finite(y)) return finite_sinh(x, y);
        if (x == 0.0) return {x, y - y};
        double n = invalid_nan();
        return {n, n};
    }
    if (is_inf(x)) {
        if (is_finite(y) && y != 0.0) {
            double_double s;
            double_double c;
            sin_cos_double_double(y, &s, &c);
            double re = with_sign_of(infinity(), c.hi);
            return {negative ? -re : re, with_sign_of(infinity(), s.hi)};
        }
        if (y == 0.0) return {x, y};
        return {infinity(), y - y};
    }
    return {x + x, y == 0.0 ? y : x + y};
}

complex_parts complex_cosh(double x, double y) noexcept {
    errno_kept keep;
    if (is_finite(x)) {
        if (is_finite(y)) return finite_cosh(x, y);
        double n = y - y;
        return {n, x == 0.0 ? 0.0 : invalid_nan()};
    }
    if (is_inf(x)) {
        if (is_finite(y) && y != 0.0) {
            double_double s;
            double_double c;
            sin_cos_double_double(y, &s, &c);
            double im = with_sign_of(infinity(), s.hi);
            return {with_sign_of(infinity(), c.hi), sign_of(x) ? -im : im};
        }
        if (y == 0.0) return {infinity(), sign_of(x) ? -y : y};
        return {infinity(), y - y};
    }
    return {x + x, y == 0.0 ? y : x + y};
}

complex_parts complex_tanh(double x, double y) noexcept {
    errno_kept keep;
    if (is_finite(x) && is_finite(y)) return finite_tanh(x, y);
    if (is_inf(x)) {
        double im = with_sign_of(0.0, y);
        if (is_finite(y) && magnitude(y) > 1.0) {
            double_double s;
            double_double c;
            sin_cos_double_double(y, &s, &c);
            im = sign_of(s.hi) != sign_of(c.hi) ? -0.0 : 0.0;
        }
        return {with_sign_of(1.0, x), im};
    }
    if (y == 0.0) return {x, y};
    double re = x == 0.0 ? x : x + y;
    double im = is_inf(y) ? invalid_nan() : x + y;
    if (is_inf(y) && x != 0.0 && !is_nan(x)) re = im;
    return {re, im};
}

complex_parts complex_sin(double x, double y) noexcept {
    errno_kept keep;
    bool negative = sign_of(x);
    if (is_finite(y)) {
        if (is_finite(x)) {
            // sin(x + iy) = -i sinh(i(x + iy)) = -i sinh(-y + ix).
            complex_parts h = finite_sinh(-y, x, true);
            return {h.im, h.re};
        }
        if (y == 0.0) return {x - x, y};
        double n = invalid_nan();
        return {n, n};
    }
    if (is_inf(y)) {
        if (x == 0.0) return {x, y};
        if (is_finite(x)) {
            double_double s;
            double_double c;
            sin_cos_double_double(magnitude(x), &s, &c);
            double re = with_sign_of(infinity(), s.hi);
            double im = with_sign_of(infinity(), c.hi);
            return {negative ? -re : re, sign_of(y) ? -im : im};
        }
        return {x - x, infinity()};
    }
    double n = x + y;
    return {x == 0.0 ? x : n, n};
}

complex_parts complex_cos(double x, double y) noexcept {
    // cos(x + iy) = cosh(i(x + iy)) = cosh(-y + ix), as glibc.
    return complex_cosh(-y, x);
}

complex_parts complex_tan(double x, double y) noexcept {
    errno_kept keep;
    if (is_finite(x) && is_finite(y)) {
        // tan(x + iy) = -i tanh(i(x + iy)) = -i tanh(-y + ix).
        complex_parts h = finite_tanh(-y, x);
        return {h.im, -h.re};
    }
    if (is_inf(y)) {
        double re = with_sign_of(0.0, x);
        if (is_finite(x) && magnitude(x) > 1.0) {
            double_double s;
            double_double c;
            sin_cos_double_double(x, &s, &c);
            re = sign_of(s.hi) != sign_of(c.hi) ? -0.0 : 0.0;
        }
        return {re, with_sign_of(1.0, y)};
    }
    if (x == 0.0) return {x, y};
    double re = is_inf(x) ? invalid_nan() : x + y;
    double im = y == 0.0 ? y : x + y;
    if (is_inf(x) && y != 0.0 && !is_nan(y)) im = re;
    return {re, im};
}

}  // namespace lwp::libc::math
