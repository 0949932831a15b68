// casinh, casin, cacos, cacosh, catanh and catan on a value's two parts
// (math_complex.hpp).
//
// asin and acos follow Hull, Fairgrieve and Tang ("Implementing the complex
// arcsine and arccosine functions using exception handling", ACM TOMS 23,
// 1997): with R = |z + 1|, S = |z - 1| and A = (R + S)/2,
//   asin z = asin(x/A) + i log(A + sqrt(A^2 - 1)),
// where A - 1 and A - x are formed from R, S and y^2 without cancellation
// near the branch points and cuts, and the other functions are rotations of
// these two. atanh z = log((1 + z)/(1 - z))/2 takes its real part from
// log1p(4x/((1 - x)^2 + y^2)) and its imaginary part from the angle of
// 1 - x^2 - y^2 + 2iy, that sum formed in double-double so it keeps its
// relative precision near |z| = 1. Special values are glibc's (C11 Annex G).
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"
#include "arch/x86_64/sse_math.hpp"

namespace lwp::libc::math {

namespace {

constexpr double_double quarter_pi{0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55};
constexpr double_double three_quarters_pi{0x1.2d97c7f3321d2p+1, 0x1.a79394c9e8a0ap-54};

double rounded(double_double v) noexcept { return v.hi + v.lo; }

// asin(z) and acos(z) for z = x + iy, x >= 0, y >= 0 finite and not both 0:
// the real parts of both, and the imaginary part of asin (acos's is its
// negative).
struct arcsine_parts {
    double asin_re;
    double acos_re;
    double im;
};

// sqrt of a nonnegative double-double (0 for 0).
double_double root_of(double_double v) noexcept { return v.hi > 0.0 ? sqrt(v) : dd(0.0); }

arcsine_parts arcsine_of(double x, double y) noexcept {
    double larger = x > y ? x : y;
    if (larger > 0x1p60) {
        // asin z = -i log(2iz) to within |z|^-2: im = log 2|z|.
        double_double l = dd(log(hypot(x * 0.25, y * 0.25))) + ln2 * 3.0;
        return {atan2(x, y), atan2(y, x), rounded(l)};
    }
    if (larger < 0x1p-30) {
        // asin z = z + z^3/6 + ...: the cube is below 2^-60 of z.
        return {x, rounded(half_pi - x), y};
    }
    if (y < 0x1p-500 && x < 1.0) {
        // y^2 would underflow: on the cut's near side asin z is asin x +
        // i y/sqrt(1 - x^2) to within y^2.
        double root = hardware_sqrt((1.0 - x) * (1.0 + x));
        return {asin(x), acos(x), y / root};
    }
    if (x == 1.0 && y < 0x1p-500) {
        // y^2 would underflow (and A - 1 = y/2 lose bits as a subnormal):
        // asin(1 + iy) is pi/2 - sqrt(y) + i sqrt(y) to within y.
        double root = hardware_sqrt(y);
        return {rounded(half_pi - root), root, root};
    }
    // The rest in double-double: R, S, A and the differences A - 1 and A - x
    // each rounded once at the end (in double they would each bring an ulp).
    // Rounding to nearest, in which alone two_sum is exact (and a zero
    // difference +0).
    arch::sse::nearest_rounding_scope nearest;
    double_double xp1 = two_sum(x, 1.0);
    double_double xm1 = two_sum(x, -1.0);
    double_double one_minus_x = -xm1;
    double_double yy = two_product(y, y);
    double_double r = root_of(xp1 * xp1 + yy);
    double_double s = root_of(xm1 * xm1 + yy);
    double_double a = scale(r + s, 0.5);
    double_double a_plus_x = a + x;
    double_double r_part = yy / (r + xp1);  // R - (x + 1)
    double b = rounded(dd(x) / a);
    double asin_re;
    double acos_re;
    if (b <= 0.6417) {
        asin_re = asin(b);
        acos_re = acos(b);
    } else {
        // sqrt(A^2 - x^2) without forming A - x by subtraction.
        double_double root;
        if (x <= 1.0) root = root_of(scale(a_plus_x * (r_part + (s + one_minus_x)), 0.5));
        else root = root_of(scale(a_plus_x / (r + xp1) + a_plus_x / (s + xm1), 0.5)) * y;
        double rr = rounded(root);
        asin_re = atan2(x, rr);
        acos_re = atan2(rr, x);
    }
    double_double l;
    if (a.hi <= 1.5) {
        // A - 1 from its two halves R - (x + 1) and S - |x - 1|.
        double_double am1 = x < 1.0 ? scale(r_part + yy / (s + one_minus_x), 0.5)
                                    : scale(r_part + (s + xm1), 0.5);
        l = log1p_of(am1 + root_of(am1 * (a + 1.0)));
    } else {
        l = log_of(a + root_of((a - 1.0) * (a + 1.0)));
    }
    return {asin_re, acos_re, rounded(l)};
}

// atanh(z) for z = x + iy, x >= 0, y >= 0 finite, not both 0, z != 1; with
// negative_angle, for y's mirror -y: the imaginary part is then rounded as the
// negative value it is (negating a rounded one reverses a directed rounding).
complex_parts arctanh_of(double x, double y, bool negative_angle) noexcept {
    if (x >= 0x1p56 || y >= 0x1p56) {
        // atanh z = 1/z + i pi/2 to within |z|^-3: the real part x/|z|^2,
        // with |z|^2 scaled by 2^(-2e) into [1, 8) and x kept off the subnormals.
        double larger = x > y ? x : y;
        int e = ilogb(larger);
        double sx = ldexp(x, -e);
        double sy = ldexp(y, -e);
        double_double square = two_product(sx, sx) + two_product(sy, sy);
        int shift = x == 0.0 ? 0 : -ilogb(x);
        double re = round_magnitude(dd(ldexp(x, shift)) / square, -2 * e - shift);
        return {re, rounded(negative_angle ? -half_pi : half_pi)};
    }
    double re;
    if (x == 1.0 && y < 0x1p-106) {
        // log(4/y^2 + 1)/4, the 1 negligible and y^2 possibly underflowing.
        re = rounded(scale(ln2 - dd(log(y)), 0.5));
    } else {
        arch::sse::nearest_rounding_scope nearest;  // two_sum exact (above)
        double_double one_minus_x = two_sum(1.0, -x);
        double_double denominator = one_minus_x * one_minus_x;
        if (y > 0x1p-600) denominator = denominator + two_product(y, y);
        double_double ratio = dd(4.0 * x) / denominator;
        double_double l = ratio.hi < 0x1p-60 ? ratio : log1p_of(ratio);
        if (l.hi < 0.0) l = -l;
        re = round_magnitude(l, -2);
    }
    // The angle of (1 - x^2 - y^2) + 2iy, halved. The sum keeps its
    // relative precision only if two_sum is exact, as it is rounding to
    // nearest, so it is formed so; the angle too, as glibc's is (atan2
    // rounding upward strays a little further where its argument is inexact).
    arch::sse::nearest_rounding_scope nearest;
    double_double xx = two_product(x, x);
    double_double yy = y > 0x1p-600 ? two_product(y, y) : dd(0.0);
    double real_part = rounded(((two_sum(1.0, -xx.hi) - yy.hi) - xx.lo) - yy.lo);
    double angle = atan2(negative_angle ? -2.0 * y : 2.0 * y, real_part);
    return {re, 0.5 * angle};
}

}  // namespace

complex_parts complex_asinh(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y)) {
        if (is_inf(y)) {
            if (is_nan(x)) return {with_sign_of(infinity(), x), x + x};
            return {with_sign_of(infinity(), x),
                    with_sign_of(is_finite(x) ? half_pi.hi : quarter_pi.hi, y)};
        }
        if (!is_finite(x)) {
            if ((is_inf(x) && !is_nan(y)) || (is_nan(x) && y == 0.0)) return {x, with_sign_of(0.0, y)};
            return {x, x + y};
        }
        double n = x + y;
        return {n, n};
    }
    if (x == 0.0 && y == 0.0) return {x, y};
    // asinh z = -i asin(iz), and asin is odd in each part.
    arcsine_parts p = arcsine_of(magnitude(y), magnitude(x));
    return {with_sign_of(p.im, x), with_sign_of(p.asin_re, y)};
}

complex_parts complex_asin(double x, double y) noexcept {
    errno_kept keep;
    if (is_nan(x) || is_nan(y)) {
        if (x == 0.0) return {x, y};
        if (is_inf(x) || is_inf(y)) return {x + y, with_sign_of(infinity(), y)};
        double n = x + y;
        return {n, n};
    }
    // asin z = -i asinh(iz), as glibc.
    complex_parts h = complex_asinh(-y, x);
    return {h.im, -h.re};
}

complex_parts complex_acos(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y) || (x == 0.0 && y == 0.0)) {
        // pi/2 - asin z, the real part's zero positive.
        complex_parts s = complex_asin(x, y);
        double re = half_pi.hi - s.re;
        if (re == 0.0) re = 0.0;
        return {re, -s.im};
    }
    arcsine_parts p = arcsine_of(magnitude(x), magnitude(y));
    double re = sign_of(x) ? rounded(pi - p.acos_re) : p.acos_re;
    return {re, sign_of(y) ? p.im : -p.im};
}

complex_parts complex_acosh(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y)) {
        if (is_inf(y)) {
            if (is_nan(x)) return {infinity(), x + x};
            double angle = is_inf(x) ? (sign_of(x) ? three_quarters_pi.hi : quarter_pi.hi) : half_pi.hi;
            return {infinity(), with_sign_of(angle, y)};
        }
        if (is_inf(x)) {
            if (is_nan(y)) return {infinity(), y + y};
            return {infinity(), with_sign_of(sign_of(x) ? pi.hi : 0.0, y)};
        }
        double n = x + y;
        return {n, x == 0.0 ? half_pi.hi : n};
    }
    if (x == 0.0 && y == 0.0) return {0.0, with_sign_of(half_pi.hi, y)};
    // acosh z = +-i acos z, the sign making the real part nonnegative.
    arcsine_parts p = arcsine_of(magnitude(x), magnitude(y));
    double angle = sign_of(x) ? rounded(pi - p.acos_re) : p.acos_re;
    return {p.im, with_sign_of(angle, y)};
}

complex_parts complex_atanh(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y)) {
        if (is_inf(y)) return {with_sign_of(0.0, x), with_sign_of(half_pi.hi, y)};
        if (is_inf(x) || x == 0.0) {
            return {with_sign_of(0.0, x), is_nan(y) ? y + y : with_sign_of(half_pi.hi, y)};
        }
        double n = x + y;
        return {n, n};
    }
    if (x == 0.0 && y == 0.0) return {x, y};
    double ax = magnitude(x);
    double ay = magnitude(y);
    if (ax == 1.0 && ay == 0.0) return {pole(sign_of(x)), y};
    complex_parts p = arctanh_of(ax, ay, sign_of(y));
    return {with_sign_of(p.re, x), with_sign_of(p.im, y)};
}

complex_parts complex_atan(double x, double y) noexcept {
    errno_kept keep;
    if (!is_finite(x) || !is_finite(y)) {
        if (is_inf(x)) return {with_sign_of(half_pi.hi, x), with_sign_of(0.0, y)};
        if (is_inf(y)) {
            return {is_nan(x) ? x + x : with_sign_of(half_pi.hi, x), with_sign_of(0.0, y)};
        }
        if (y == 0.0) return {x + x, y};
        double n = x + y;
        return {n, n};
    }
    // atan z = -i atanh(iz) = -i atanh(-y + ix).
    complex_parts h = complex_atanh(-y, x);
    return {h.im, -h.re};
}

}  // namespace lwp::libc::math
