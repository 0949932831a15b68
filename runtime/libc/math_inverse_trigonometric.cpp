// atan, atan2, asin and acos, all through one double-double arctangent.
//
// Method: for 0 <= t <= 1, atan(t) = atan(c) + atan((t - c)/(1 + t c)) with c
// the nearest multiple of 1/16, whose arctangent is tabulated
// (math_tables.hpp), leaving an argument below 1/32 for the Taylor series.
// Ratios above one use atan(t) = pi/2 - atan(1/t). asin and acos are
// arctangents of y/x with the other side sqrt(1 - x^2) = sqrt((1-x)(1+x)),
// computed in double-double so that acos near 1 (a small angle from a
// cancellation) keeps its precision.
#include <errno.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

namespace {

// atan(t) for 0 <= t <= 1 (a hair above is fine).
double_double atan_unit(double_double t) noexcept {
    int point = static_cast<int>(t.hi * 16.0 + 0.5);
    if (point > 16) point = 16;
    double c = point / 16.0;  // t * c below is exact in its parts: c has five bits
    double_double u = (t - c) / (dd(1.0) + t * c);
    double_double u2 = u * u;
    return atan_points[point] + (u + u * u2 * polynomial(u2, atan_taylor, 11));
}

// The angle of the point (x, y) for x, y >= 0 not both zero, double-doubles
// of moderate size (their ratio, if below 1, not below 2^-70).
double_double angle_of(double_double y, double_double x) noexcept {
    if (y.hi <= x.hi) return atan_unit(y / x);
    return half_pi - atan_unit(x / y);
}

}  // namespace

namespace {

// v.hi + v.lo with the sign put on both parts, rounded once in the caller's
// direction (negating a rounded magnitude would round a negative angle the
// wrong way). Volatile, so that the compiler does not fold a constant's
// parts in nearest.
double signed_rounded(double_double v, bool negative) noexcept {
    volatile double hi = negative ? -v.hi : v.hi;
    volatile double lo = negative ? -v.lo : v.lo;
    return hi + lo;
}

// The angle of (x, y) for finite nonzero ax, ay with |y/x| >= 2^-60 (or x
// negative), in double-double, computed rounding to nearest whatever the
// caller's direction (two_sum and the products' error terms are exact only
// so); the caller rounds it once in its own.
// The arguments are read and the parts written through volatiles, inside the
// scope: the compiler may move arithmetic on registers across the MXCSR
// loads, but not volatile accesses.
double_double angle_in_nearest(double y_magnitude, double x_magnitude, bool left, int ey,
                               int ex) noexcept {
    arch::sse::nearest_rounding_scope nearest;
    volatile double ay_read = y_magnitude;
    volatile double ax_read = x_magnitude;
    double ay = ay_read;
    double ax = ax_read;
    double_double angle;
    if (ey - ex < -60) {
        angle = pi - dd(ay / ax);
    } else if (ey - ex > 60) {
        // |x/y| < 2^-60: pi/2 -+ x/y.
        angle = left ? half_pi + dd(ax / ay) : half_pi - dd(ax / ay);
    } else {
        // Scale both so that the larger is near 1: the double-double products
        // and quotients then neither overflow nor underflow.
        int e = ex > ey ? ex : ey;
        double_double sx = dd(scale_exactly(ax, -e));
        double_double sy = dd(scale_exactly(ay, -e));
        angle = angle_of(sy, sx);
        if (left) angle = pi - angle;
    }
    volatile double hi = angle.hi;
    volatile double lo = angle.lo;
    return {hi, lo};
}

}  // namespace

double atan2(double y, double x) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    double ax = magnitude(x);
    double ay = magnitude(y);
    bool left = sign_of(x);  // x < 0 or x = -0
    bool below = sign_of(y);
    if (ay == 0.0) {
        return left ? signed_rounded(pi, below) : y;
    } else if (ax == 0.0 || (is_inf(ay) && !is_inf(ax))) {
        return signed_rounded(half_pi, below);
    } else if (is_inf(ax)) {
        if (is_inf(ay)) return signed_rounded(left ? pi * 0.75 : scale(pi, 0.25), below);
        return left ? signed_rounded(pi, below) : with_sign_of(0.0, y);
    }
    int ex;
    int ey;
    frexp(ax, &ex);
    frexp(ay, &ey);
    if (ey - ex < -60 && !left) {
        // |y/x| < 2^-60: atan(t) = t (1 - t^2/3 ...) rounds as t does, and a
        // subnormal or zero t is the correctly rounded division itself.
        double t = y / x;
        if (t == 0.0) errno = ERANGE;  // underflow to zero, as glibc
        return t;
    }
    return signed_rounded(angle_in_nearest(ay, ax, left, ey, ex), below);
}

double atan(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (is_inf(x)) return with_sign_of(half_pi.hi, x);
    if (magnitude(x) < 0x1p-27) return x;  // atan x = x (1 - x^2/3): rounds to x
    return atan2(x, 1.0);
}

namespace {

// sqrt(1 - x^2) for 0 <= x < 1, in double-double.
double_double cosine_side(double ax) noexcept {
    double_double one_minus = two_sum(1.0, -ax);
    double_double one_plus = two_sum(1.0, ax);
    return sqrt(one_minus * one_plus);
}

}  // namespace

double asin(double x) noexcept {
    if (is_nan(x)) return x + x;
    double ax = magnitude(x);
    if (ax > 1.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (ax < 0x1p-27) return x;  // asin x = x (1 + x^2/6): rounds to x
    double_double angle = ax == 1.0 ? half_pi : angle_of(dd(ax), cosine_side(ax));
    return sign_of(x) ? -angle.hi : angle.hi;
}

double acos(double x) noexcept {
    if (is_nan(x)) return x + x;
    double ax = magnitude(x);
    if (ax > 1.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (x == 1.0) return 0.0;
    if (x == -1.0) return pi.hi;
    double_double angle = angle_of(cosine_side(ax), dd(ax));
    if (sign_of(x)) angle = pi - angle;
    return angle.hi;
}

}  // namespace lwp::libc::math
