// erfl and erfcl: the method of the double erf (math_error_function.cpp) one
// precision up, in long-double-double.
//
// Around the nodes a = k/8, for |x - a| <= 1/16 and x below 11.9375,
//   erfc(a + t) = exp(-a^2) (erfcx(a) - 2/sqrt(pi) I(t)),
//   I(t) = integral_0^t exp(-2as - s^2) ds,
// with erfcx(a) = exp(a^2) erfc(a) from a table (mpmath,
// tools/math_long_double_coefficients.py error-function), and I(t) summed from
// the Taylor series of exp(-2at - t^2), whose coefficients follow from
// E' = -2(a + t) E as (n + 1) c[n+1] = -2a c[n] - 2 c[n-1], until the terms
// fall below 2^-128 of the sum. From 11.9375 on, the asymptotic series
//   erfc(x) = exp(-x^2)/(x sqrt(pi)) sum (-1)^n (2n - 1)!!/(2x^2)^n
// reaches 2^-128 before its terms start to grow. exp(-a^2) and exp(-x^2)
// (x^2 exact as a long-double-double) come from expl's kernel, and the
// product is rounded once, so that erfcl's subnormal results (x above 106.5)
// are rounded once too.
//
// At the node 0 the sum is erf itself: erf(t) = 2/sqrt(pi) I(t) for
// |x| < 1/16. Elsewhere erf(x) = 1 - erfc(x) (at least 0.07: nothing
// cancels), and for x < 0 erf(x) = -erf(-x), erfc(x) = 2 - erfc(-x).
#include <errno.h>

#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_double.hpp"
#include "runtime/libc/math_long_double_error_function_tables.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"

namespace lwp::libc::math {

namespace {

namespace t = long_tables;

// Below this, erf(x) = 2x/sqrt(pi) (1 - x^2/3 ...) rounds as 2x/sqrt(pi) does.
constexpr long double erf_tiny = 0x1p-66L;
// From here on erfc(x) < 2^-66: erf(x) rounds to 1 and erfc(-x) to 2.
constexpr long double erf_one_threshold = 6.625L;
// From here on the asymptotic series; below, the nodes (k <= 95).
constexpr long double asymptotic_threshold = 11.9375L;
// From here on erfc(x) is below half the smallest subnormal (106.94997...).
constexpr long double erfc_zero_threshold = 107.0L;

// integral_0^t exp(-2as - s^2) ds for a node a (0 or k/8) and |t| <= 1/16:
// with u[n] = c[n] t^n, u[n+1] = (-2at u[n] - 2t^2 u[n-1]) / (n + 1), the
// integral is t sum u[n]/(n + 1). The terms grow while n < 2a|t| (at most
// 1.5), then fall off as (2a|t|)^n/n!.
long_double_double integral_from_node(long double a, long double t) noexcept {
    long_double_double p = two_product(-2.0L * a, t);  // exact: 2a is exact
    long_double_double q = scale(two_product(t, t), -2.0L);
    long_double_double previous = ldd(0.0L);
    long_double_double current = ldd(1.0L);
    long_double_double sum = ldd(1.0L);
    long double hump = long_magnitude(p.hi) + 2.0L;
    for (int n = 0; n < 300; ++n) {
        long_double_double next = (p * current + q * previous) / ldd(n + 1.0L);
        long_double_double term = next / ldd(n + 2.0L);
        sum = sum + term;
        previous = current;
        current = next;
        // Two small terms in a row: the even and odd ones (at a = 0 every
        // odd one is zero) have both fallen below 2^-130 of the sum.
        if (n > hump && long_magnitude(current.hi) + long_magnitude(previous.hi) <
                            0x1p-130L * long_magnitude(sum.hi)) {
            break;
        }
    }
    return sum * t;
}

// erfc(x) = value * 2^exponent for 1/16 <= x < asymptotic_threshold.
scaled_long_double_double erfc_from_node(long double x) noexcept {
    int k = static_cast<int>(x * 8.0L + 0.5L);  // at least 1, at most 95
    long double a = k * 0.125L;
    long double t = x - a;  // exact: x and a are within a factor two
    long_double_double bracket =
        t::erfc_scaled_nodes[k] - t::two_over_sqrt_pi * integral_from_node(a, t);
    scaled_long_double_double e = exp_split_long(ldd(-(a * a)));  // k^2/64: exact
    return {e.value * bracket, e.exponent};
}

// erfc(x) = value * 2^exponent for asymptotic_threshold <= x < 107.
scaled_long_double_double erfc_asymptotic(long double x) noexcept {
    long_double_double square = two_product(x, x);
    long_double_double inverse = ldd(1.0L) / scale(square, 2.0L);  // 1/(2x^2)
    long_double_double term = ldd(1.0L);
    long_double_double sum = ldd(1.0L);
    for (int n = 1; n < 80; ++n) {
        term = term * inverse * -(2.0L * n - 1.0L);
        sum = sum + term;
        if (long_magnitude(term.hi) < 0x1p-130L) break;  // sum is near 1
    }
    scaled_long_double_double e = exp_split_long(-square);
    return {e.value * (t::one_over_sqrt_pi * sum / ldd(x)), e.exponent};
}

scaled_long_double_double erfc_positive(long double x) noexcept {
    return x < asymptotic_threshold ? erfc_from_node(x) : erfc_asymptotic(x);
}

// erf(x) for |x| < 1/16, x not tiny.
long_double_double erf_small(long double x) noexcept {
    return t::two_over_sqrt_pi * integral_from_node(0.0L, x);
}

// c minus a value far below its last place: c, with FE_INEXACT (volatile, so
// that the subtraction is not folded away at compile time).
long double just_below(long double c) noexcept {
    volatile long double tiny = 0x1p-70L;
    return c - tiny;
}

long_double_double scaled_value(const scaled_long_double_double& s) noexcept {
    return scale(s.value, long_power_of_two(s.exponent));
}

}  // namespace

long double erfl(long double x) noexcept {
    if (long_is_nan(x)) return x + x;
    long double ax = long_magnitude(x);
    bool negative = long_sign(x);
    long double result;
    if (ax < erf_tiny) {
        if (x == 0.0L) return x;
        // 2x/sqrt(pi), rounded once even when it is subnormal.
        int exponent;
        long double mantissa = frexpl(ax, &exponent);
        result = round_scaled_long(t::two_over_sqrt_pi * mantissa, exponent);
    } else if (ax < 0.0625L) {
        result = erf_small(ax).hi;
    } else if (ax < erf_one_threshold) {
        result = (ldd(1.0L) - scaled_value(erfc_positive(ax))).hi;
    } else {
        // 1 exactly for infinities; otherwise just below 1, which rounds to 1
        // and raises inexact, as glibc's does.
        result = long_is_inf(x) ? 1.0L : just_below(1.0L);
    }
    return negative ? -result : result;
}

long double erfcl(long double x) noexcept {
    if (long_is_nan(x)) return x + x;
    if (x >= erfc_zero_threshold) {
        if (long_is_inf(x)) return 0.0L;
        errno = ERANGE;  // below half the smallest subnormal
        return long_underflow_value(false);
    }
    if (x >= 0.0625L) {
        scaled_long_double_double c = erfc_positive(x);
        long double result = round_scaled_long(c.value, c.exponent);
        if (result == 0.0L) errno = ERANGE;
        return result;
    }
    if (x > -0.0625L) {
        if (long_magnitude(x) < erf_tiny) return 1.0L - x;  // 1, inexact unless x is zero
        return (ldd(1.0L) - erf_small(x)).hi;
    }
    if (x > -erf_one_threshold) return (ldd(2.0L) - scaled_value(erfc_positive(-x))).hi;
    return long_is_inf(x) ? 2.0L : just_below(2.0L);  // 2, inexact for finite x
}

}  // namespace lwp::libc::math
