// erff128 and erfcf128: the method of erfl and erfcl
// (math_long_double_error_function.cpp) one precision up, in binary128 pairs
// (math_float128_pair.hpp) in round-to-nearest, rounded once at the end in
// the caller's mode.
//
// Around the nodes a = k/8, for |x - a| <= 1/16 and x below 13.5,
//   erfc(a + t) = exp(-a^2) (erfcx(a) - 2/sqrt(pi) I(t)),
//   I(t) = integral_0^t exp(-2as - s^2) ds,
// with erfcx(a) = exp(a^2) erfc(a) from a table (mpmath,
// tools/math_float128_error_function_coefficients.py), and I(t) summed from
// the Taylor series of exp(-2at - t^2), whose coefficients follow from
// E' = -2(a + t) E as (n + 1) c[n+1] = -2a c[n] - 2 c[n-1], until the terms
// fall below 2^-232 of the sum. From 13.5 on, the asymptotic series
//   erfc(x) = exp(-x^2)/(x sqrt(pi)) sum (-1)^n (2n - 1)!!/(2x^2)^n
// reaches 2^-232 before its terms start to grow (its least term is near
// exp(-x^2), 2^-262 at 13.5). exp(-a^2) and exp(-x^2) (x^2 exact as a pair)
// come from expf128's kernel, and the product is rounded once, so that
// erfcf128's subnormal results (x above 106.5) are rounded once too.
//
// At the node 0 the sum is erf itself: erf(t) = 2/sqrt(pi) I(t) for
// |x| < 1/16. Elsewhere erf(x) = 1 - erfc(x) (at least 0.07: nothing
// cancels), and for x < 0 erf(x) = -erf(-x), erfc(x) = 2 - erfc(-x).
#include <errno.h>

#include "runtime/libc/math_float128_error_function_tables.hpp"
#include "runtime/libc/math_float128_kernels.hpp"

namespace f = lwp::libc::math::f128;
namespace ft = lwp::libc::math::f128::tables;

namespace {

using f::pair;
using f::real;

// Below this, erf(x) = 2x/sqrt(pi) (1 - x^2/3 ...) rounds as 2x/sqrt(pi)
// does (the next term is below 2^-129 of the value).
const real erf_tiny = f::power_of_two(-120);
// Below this glibc's erfcf128 returns 1 - x, which rounds as
// 1 - 2x/sqrt(pi) does but for the largest x, where that would round to the
// predecessor of 1 in round-to-nearest; 1 - x is glibc's answer there.
const real erfc_tiny = f::power_of_two(-114);
// Below this the series at the node 0.
const real node_zero_end = real(0.0625);
// From here on erfc(x) < 2^-120: erf(x) rounds to 1 and erfc(-x) to 2 (as
// 1 and 2 minus a value below half their last place, in every mode).
const real erf_one_threshold = real(9);
// From here on glibc's erff128 returns 1 exact, without FE_INEXACT.
const real erf_exact_one = real(16);
// From here on the asymptotic series; below, the nodes (k <= 108).
const real asymptotic_threshold = real(13.5);
// From here on erfc(x) is below half the least subnormal (106.9028...).
const real erfc_zero_threshold = real(107);

real abs_of(real x) noexcept { return f::magnitude(x); }

// integral_0^t exp(-2as - s^2) ds for a node a (0 or k/8) and |t| <= 1/16:
// with u[n] = c[n] t^n, u[n+1] = (-2at u[n] - 2t^2 u[n-1]) / (n + 1), the
// integral is t sum u[n]/(n + 1). The terms grow while n < 2a|t| (at most
// 1.7), then fall off as (2a|t|)^n/n!.
pair integral_from_node(real a, real t) noexcept {
    pair p = f::two_product(-2 * a, t);  // exact: 2a is exact
    pair q = f::scale(f::two_product(t, t), real(-2));
    pair previous = f::exact(0);
    pair current = f::exact(1);
    pair sum = f::exact(1);
    real hump = abs_of(p.hi) + 2;
    for (int n = 0; n < 400; ++n) {
        pair next = (p * current + q * previous) / f::exact(real(n + 1));
        pair term = next / f::exact(real(n + 2));
        sum = sum + term;
        previous = current;
        current = next;
        // Two small terms in a row: the even and odd ones (at a = 0 every
        // odd one is zero) have both fallen below 2^-232 of the sum.
        if (real(n) > hump &&
            abs_of(current.hi) + abs_of(previous.hi) < f::power_of_two(-232) * abs_of(sum.hi)) {
            break;
        }
    }
    return sum * t;
}

// erfc(x) = value * 2^exponent for 1/16 <= x < asymptotic_threshold.
f::scaled_pair erfc_from_node(real x) noexcept {
    int k = static_cast<int>(x * 8 + real(0.5));  // at least 1, at most 108
    real a = real(k) * real(0.125);
    real t = x - a;  // exact: x and a are within a factor two
    pair bracket = ft::erfc_scaled_nodes[k] - ft::two_over_sqrt_pi * integral_from_node(a, t);
    f::scaled_pair e = f::exp_split(f::exact(-(a * a)));  // k^2/64: exact
    return {e.value * bracket, e.exponent};
}

// erfc(x) = value * 2^exponent for asymptotic_threshold <= x < 107.
f::scaled_pair erfc_asymptotic(real x) noexcept {
    pair square = f::two_product(x, x);
    pair inverse = f::exact(1) / f::scale(square, 2);  // 1/(2x^2)
    pair term = f::exact(1);
    pair sum = f::exact(1);
    for (int n = 1; n < 200; ++n) {
        term = term * inverse * -(2 * real(n) - 1);
        sum = sum + term;
        if (abs_of(term.hi) < f::power_of_two(-232)) break;  // sum is near 1
    }
    f::scaled_pair e = f::exp_split(-square);
    return {e.value * (ft::one_over_sqrt_pi * sum / f::exact(x)), e.exponent};
}

f::scaled_pair erfc_positive(real x) noexcept {
    return x < asymptotic_threshold ? erfc_from_node(x) : erfc_asymptotic(x);
}

// erf(x) for |x| < 1/16, x not tiny.
pair erf_small(real x) noexcept { return ft::two_over_sqrt_pi * integral_from_node(0, x); }

// erfc(x) as one pair, for x below erf_one_threshold (at least 2^-120).
pair erfc_value(real x) noexcept {
    f::scaled_pair c = erfc_positive(x);
    return f::scale(c.value, f::power_of_two(c.exponent));
}

// c minus a value far below its last place: c, with FE_INEXACT, rounded in
// the caller's mode (volatile, so that it is not folded at compile time).
real just_below(real c) noexcept {
    volatile real tiny = f::power_of_two(-125);
    return c - tiny;
}

}  // namespace

extern "C" {

__float128 erff128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    real ax = abs_of(x);
    bool negative = f::sign_of(x);
    if (f::is_zero(x)) return x;
    if (ax < erf_tiny) {
        // 2x/sqrt(pi), rounded once even when it is subnormal: x = m 2^e
        // with m in [1, 2) (subnormals first scaled up by 2^120).
        int scaled_by = f::biased_exponent(ax) == 0 ? 120 : 0;
        real normal = ax * f::power_of_two(scaled_by);
        int e = f::biased_exponent(normal) - f::bias;
        real m = normal * f::power_of_two(-e);  // exact
        pair value;
        {
            f::quiet_nearest_scope nearest;
            value = ft::two_over_sqrt_pi * m;
        }
        if (negative) value = -value;
        return f::round_scaled(value, e - scaled_by, f::exactness::never);
    }
    if (ax >= erf_one_threshold) {
        // As glibc's: 1 exactly for infinities and from 16 on; below, 1
        // minus a value below its half ulp, rounded in the caller's mode,
        // inexact. For x <= -9 glibc takes 1 - erfc(x) with erfc(x) = 2
        // rounded in the mode (2 - 2^-112 downward), so -1 + 2^-112 there.
        if (f::is_inf(x)) return negative ? real(-1) : real(1);
        if (negative) return 1 - just_below(2);
        return x >= erf_exact_one ? real(1) : just_below(1);
    }
    pair value;
    {
        f::quiet_nearest_scope nearest;
        value = ax < node_zero_end ? erf_small(ax) : f::exact(1) - erfc_value(ax);
    }
    if (negative) value = -value;
    return f::round_pair(value, f::exactness::never);
}

__float128 erfcf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (x >= erfc_zero_threshold) {
        if (f::is_inf(x)) return 0;
        errno = ERANGE;  // below half the least subnormal
        return f::underflow_value(false);
    }
    if (x >= node_zero_end) {
        f::scaled_pair c;
        {
            f::quiet_nearest_scope nearest;
            c = erfc_positive(x);
        }
        real result = f::round_scaled(c.value, c.exponent, f::exactness::never);
        if (result == 0) errno = ERANGE;
        return result;
    }
    if (x <= -erf_one_threshold) return f::is_inf(x) ? real(2) : just_below(2);  // 2, inexact for finite x
    if (abs_of(x) < erfc_tiny) return 1 - x;  // inexact unless x is zero
    pair value;
    {
        f::quiet_nearest_scope nearest;
        value = x > -node_zero_end ? f::exact(1) - erf_small(x) : f::exact(2) - erfc_value(-x);
    }
    return f::round_pair(value, f::exactness::never);
}

}  // extern "C"
