// erf and erfc.
//
// Method: around the nodes a = k/8, for |x - a| <= 1/16,
//   erfc(a + t) = exp(-a^2) (erfcx(a) - 2/sqrt(pi) I(t)),
//   I(t) = integral_0^t exp(-2as - s^2) ds,
// with erfcx(a) = exp(a^2) erfc(a) from a table (mpmath,
// tools/math_coefficients.py), which stays near 1/(a sqrt(pi)) where erfc
// itself would be far below the doubles. The Taylor coefficients of
// exp(-2at - t^2) follow from its differential equation, E' = -2(a + t) E,
// as (n + 1) c[n+1] = -2a c[n] - 2 c[n-1], and I(t) is their integral, summed
// in double-double until the terms are below 2^-112 of the sum. exp(-a^2) is
// the double-double exp kernel's, and the product is rounded once, so that
// erfc's subnormal results (x above 26.55) are rounded once too.
//
// At the node 0 the same sum is erf itself: erf(t) = 2/sqrt(pi) I(t), for
// |x| < 1/16, where 1 - erfc would lose erf's small value. Elsewhere
// erf(x) = 1 - erfc(x) (at least 0.07, so nothing cancels), and for x < 0
// erf(x) = -erf(-x), erfc(x) = 2 - erfc(-x).
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_special_tables.hpp"

namespace lwp::libc::math {

namespace {

// Below this, erf(x) = 2x/sqrt(pi) (1 - x^2/3) rounds as 2x/sqrt(pi) does.
constexpr double erf_tiny = 0x1p-60;

// From here on erfc(x) < 2^-57 and erf(x) rounds to 1 (just below).
constexpr double erf_one_threshold = 6.0;

// integral_0^t exp(-2as - s^2) ds for a node a (0 or k/8) and |t| <= 1/16:
// with u[n] = c[n] t^n, u[n+1] = (-2at u[n] - 2t^2 u[n-1]) / (n + 1), the
// integral is t sum u[n]/(n + 1). The terms grow while n < 2a|t| (at most
// 3.4), then fall off as (2a|t|)^n/n!.
double_double integral_from_node(double a, double t) noexcept {
    double_double p = two_product(-2.0 * a, t);  // exact: 2a is exact
    double_double q = scale(two_product(t, t), -2.0);
    double_double previous = dd(0.0);
    double_double current = dd(1.0);
    double_double sum = dd(1.0);
    double hump = magnitude(p.hi) + 2.0;
    for (int n = 0; n < 200; ++n) {
        double_double next = (p * current + q * previous) / dd(n + 1.0);
        double_double term = next / dd(n + 2.0);
        sum = sum + term;
        previous = current;
        current = next;
        // Two small terms in a row: the even and odd ones (at a = 0 every
        // odd one is zero) have both fallen below 2^-112 of the sum.
        if (n > hump && magnitude(current.hi) + magnitude(previous.hi) < 0x1p-112 * magnitude(sum.hi)) break;
    }
    return sum * t;
}

// erfc(x) = value * 2^exponent for 1/16 <= x < erfc_zero_threshold, value
// positive and near 1 (round_scaled's form).
scaled_double_double erfc_positive(double x) noexcept {
    double k = round(x * 8.0);  // at least 1
    double a = k * 0.125;
    double t = x - a;  // exact: x and a are within a factor two
    double_double bracket =
        erfc_scaled_nodes[static_cast<int>(k)] - two_over_sqrt_pi * integral_from_node(a, t);
    scaled_double_double e = exp_split(dd(-(a * a)));  // a^2 = k^2/64, exact
    return {e.value * bracket, e.exponent};
}

// erf(x) for |x| < 1/16, x not tiny.
double_double erf_small(double x) noexcept { return two_over_sqrt_pi * integral_from_node(0.0, x); }

}  // namespace

double erf(double x) noexcept {
    if (is_nan(x)) return x + x;
    double ax = magnitude(x);
    bool negative = sign_of(x);
    if (ax < erf_tiny) {
        if (x == 0.0) return x;
        // 2x/sqrt(pi), rounded once even when it is subnormal.
        int exponent;
        double m = frexp(ax, &exponent);
        double result = round_scaled(two_over_sqrt_pi * m, exponent);
        return negative ? -result : result;
    }
    double result;
    if (ax < 0.0625) {
        result = erf_small(ax).hi;
    } else if (ax < erf_one_threshold) {
        scaled_double_double c = erfc_positive(ax);
        result = (dd(1.0) - scale(c.value, power_of_two(c.exponent))).hi;
    } else {
        // 1 exactly for infinities; otherwise just below 1, which rounds to 1
        // and raises inexact, as glibc's does.
        result = is_inf(x) ? 1.0 : 1.0 - 0x1p-60;
    }
    return negative ? -result : result;
}

double erfc(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x >= erfc_zero_threshold) {
        if (is_inf(x)) return 0.0;
        errno = ERANGE;  // below half the smallest subnormal
        return underflow_value(false);
    }
    if (x >= 0.0625) {
        scaled_double_double c = erfc_positive(x);
        double result = round_scaled(c.value, c.exponent);
        if (result == 0.0) errno = ERANGE;
        return result;
    }
    if (x > -0.0625) {
        if (magnitude(x) < erf_tiny) return 1.0 - x;  // 1, inexact unless x is zero
        return (dd(1.0) - erf_small(x)).hi;
    }
    if (x > -erf_one_threshold) {
        scaled_double_double c = erfc_positive(-x);
        return (dd(2.0) - scale(c.value, power_of_two(c.exponent))).hi;
    }
    return is_inf(x) ? 2.0 : 2.0 - 0x1p-60;  // 2, inexact for finite x
}

}  // namespace lwp::libc::math
