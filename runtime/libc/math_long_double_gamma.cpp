// lgammal (with the sign of Gamma, as lgammal_r) and tgammal: the method of
// the double lgamma (math_gamma.cpp) one precision up, in long-double-double.
//
// For x > 0:
//  - near 2, |t| <= 1/2 with t = x - 2: the Taylor series of lgamma(2 + t),
//    whose coefficients are (zeta(k) - 1)/k; lgamma(1) = lgamma(2) = 0 come
//    out exact and their neighbourhoods keep their relative precision;
//  - near 1, lgamma(1 + t) = lgamma(2 + t) - log1p(t), and below 1/2,
//    lgamma(x) = lgamma(2 + x) - log(x (1 + x));
//  - from 5/2 to 16, x = n + t with |t| <= 1/2: lgamma(2 + t) plus the log
//    of the exact factors (x - 1)(x - 2)...(2 + t);
//  - from 16 on, Stirling's series, whose terms reach 2^-130 there.
// For x < 0, the reflection formula gives lgamma(x) = log(pi) -
// log|x sin(pi x)| - lgamma(-x), sin(pi x) from the exact remainder of x mod
// 1. Near each zero of lgamma below -2 (two in each (-n-1, -n) down to -19,
// where the zeros come within two ulps of the poles) those terms cancel, so
// within 2^-24 of the distance to the pole the value comes from lgamma's
// Taylor series at the zero. The coefficients, constants and zeros are from
// tools/math_long_double_coefficients.py gamma (mpmath).
//
// tgammal(x) is exp of the long-double-double lgamma (expl's kernel, one
// rounding, subnormal results included), with Gamma's sign; below 2^-80,
// 1/x - euler_gamma.
#include <errno.h>

#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_double.hpp"
#include "runtime/libc/math_long_double_gamma_tables.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace {

namespace t = long_tables;

// Below 2^-70, lgamma(x) = -log(x) - gamma x (the next term, pi^2 x^2 / 12,
// is below 2^-136 of the value).
constexpr long double lgamma_tiny = 0x1p-70L;

// From here on lgamma(x) = x (log x - 1) to far below an ulp (the other
// terms are below 2^-16290 of it), and Dekker's products would overflow.
constexpr long double lgamma_huge = 0x1p16300L;

// Below this the term gamma x is dropped (it would underflow, and is below
// 2^-16000 of -log x).
constexpr long double gamma_term_negligible = 0x1p-16000L;

// -log(x) -+ gamma x for 0 < x < lgamma_tiny: lgamma(x), or lgamma(-x) with +.
long_double_double lgamma_of_tiny(long double x, bool negative) noexcept {
    long_double_double value = -log_of_long(ldd(x));
    if (x < gamma_term_negligible) return value;
    long_double_double term = t::euler_gamma * x;
    return negative ? value + term : value - term;
}

// lgamma(2 + t) for |t| <= 1/2.
long_double_double lgamma_near_two(long double x) noexcept {
    return polynomial(ldd(x), t::lgamma_taylor_at_two, t::lgamma_taylor_count) * x;
}

// lgamma(x) for 0 < x < lgamma_huge.
long_double_double lgamma_positive(long double x) noexcept {
    if (x < lgamma_tiny) return lgamma_of_tiny(x, false);
    if (x < 0.5L) {
        // Gamma(x) = Gamma(2 + x) / (x (1 + x)); 1 + x is exact as a pair.
        return lgamma_near_two(x) - log_of_long(two_sum(1.0L, x) * x);
    }
    if (x < 1.5L) {
        long double r = x - 1.0L;  // exact
        return lgamma_near_two(r) - log1p_of_long(ldd(r));
    }
    if (x <= 2.5L) return lgamma_near_two(x - 2.0L);
    if (x < 16.0L) {
        // Gamma(x) = (x - 1)(x - 2)...(x - n + 2) Gamma(x - n + 2), with
        // x - n + 2 = 2 + r; each factor x - i is exact (below 16, on x's grid).
        long double n = roundl(x);
        long double r = x - n;
        long_double_double product = ldd(x - 1.0L);
        for (long double i = 2.0L; i <= n - 2.0L; i += 1.0L) product = product * (x - i);
        return lgamma_near_two(r) + log_of_long(product);
    }
    // Stirling: (x - 1/2) log x - x + log(2 pi)/2 + sum B_2k / (2k (2k-1) x^(2k-1)).
    long_double_double w = ldd(1.0L) / ldd(x);
    long_double_double series = w * polynomial(w * w, t::stirling_series, t::stirling_count);
    return two_sum(x, -0.5L) * log_of_long(ldd(x)) - x + t::half_log_two_pi + series;
}

// |sin(pi r)| for |r| <= 1/2, from the Taylor series of sin and cos to pi/4.
long_double_double sin_pi(long double r) noexcept {
    long double a = long_magnitude(r);
    bool near_zero = a <= 0.25L;
    long_double_double angle = t::pi * (near_zero ? a : 0.5L - a);  // 0.5 - a is exact
    long_double_double square = angle * angle;
    if (near_zero) return angle + angle * square * polynomial(square, t::sin_taylor, 17);
    return square * polynomial(square, t::cos_taylor, 17) + 1.0L;
}

// lgamma(x) for x < 0 not an integer, and the sign of Gamma(x).
long_double_double lgamma_negative(long double x, int* sign) noexcept {
    long double y = -x;
    // Gamma(x) < 0 on (-1, 0), (-3, -2), ...: where the integer part of y is even.
    long double whole = truncl(y);
    *sign = truncl(whole * 0.5L) * 2.0L == whole ? -1 : 1;
    // Gamma(-y) = -1/y - gamma + ...: log(1/y) + gamma y.
    if (y < lgamma_tiny) return lgamma_of_tiny(y, true);
    if (y > 2.0L && y < 20.0L) {
        for (const t::lgamma_long_zero& zero : t::lgamma_negative_zeros) {
            long double first = x - zero.x[0];  // exact (Sterbenz) when it matters
            if (long_magnitude(first) > 0.5L) continue;
            // x - zero to long-double-double precision; the zero carries 192 bits.
            long_double_double d = two_sum(first, -zero.x[1]) + (-zero.x[2]);
            if (long_magnitude(d.hi) < zero.radius) {
                long_double_double inner = zero.c2 + d.hi * (zero.c3 + d.hi * zero.c4);
                return (zero.slope + d * inner) * d;
            }
        }
    }
    long double n = roundl(y);
    long_double_double s = sin_pi(y - n);  // |sin(pi x)|; y - n is exact
    return t::log_pi - log_of_long(s * y) - lgamma_positive(y);
}

// lgamma(x) from lgamma_huge on, with ERANGE where it overflows.
long double lgamma_of_huge(long double x) noexcept {
    // x (log x - 1), with x scaled down for the product. Past about
    // 2^16370 this overflows.
    long_double_double value = (log_of_long(ldd(x)) - 1.0L) * (x * 0x1p-64L);
    long double result = value.hi * 0x1p64L;
    if (!long_is_finite(result)) errno = ERANGE;
    return result;
}

}  // namespace

long double lgammal(long double x, int* sign) noexcept {
    *sign = 1;
    if (!long_is_finite(x)) return x * x;  // +inf for both infinities, NaN for NaN
    if (x <= 0.0L && truncl(x) == x) {
        // A pole: +inf, with divide-by-zero. glibc gives the sign of the zero
        // for 0 and 1 for the negative integers.
        if (x == 0.0L && long_sign(x)) *sign = -1;
        errno = ERANGE;
        return long_pole(false);
    }
    if (x < 0.0L) return lgamma_negative(x, sign).hi;
    if (x == 1.0L || x == 2.0L) return 0.0L;  // exact, without FE_INEXACT (as glibc)
    if (x < lgamma_huge) return lgamma_positive(x).hi;
    return lgamma_of_huge(x);
}

long double tgammal(long double x) noexcept {
    if (long_is_nan(x)) return x + x;
    if (x == 0.0L) {
        errno = ERANGE;  // a pole, with the zero's sign
        return long_pole(long_sign(x));
    }
    if (long_is_inf(x) || (x < 0.0L && truncl(x) == x)) {
        if (x > 0.0L) return x;
        errno = EDOM;  // -inf and the negative integers
        return long_invalid_nan();
    }
    // Gamma(x) exceeds LDBL_MAX from 1755.548... on (nearer, the rounding
    // below finds the overflow).
    if (x > 1755.6L) {
        errno = ERANGE;
        return long_overflow_value(false);
    }
    if (x == 1.0L) return 1.0L;  // exact, without FE_INEXACT (as glibc)
    if (long_magnitude(x) < 0x1p-80L) {
        // Gamma(x) = 1/x - euler_gamma + O(x), the O(x) term below 2^-160 of
        // the result: taken as (1/m - euler_gamma 2^e) 2^-e with x = m 2^e,
        // rounded once. exp of lgamma would lose the sign of the small
        // term, which decides the directed roundings and, next to 2^16384
        // (x = -2^-16384), whether the result overflows. Below 2^-200 of
        // the result the term only tips the rounding, so it is held there.
        int e;
        long double m = frexpl(x, &e);
        long double weight = scale_by_power_of_two(t::euler_gamma.hi, e < -200 ? -200 : e);
        long_double_double value = ldd(1.0L) / ldd(m) - ldd(weight);
        long double result = round_scaled_long(value, -e);
        if (!long_is_finite(result)) errno = ERANGE;
        return result;
    }
    int sign = 1;
    long_double_double log_value;
    if (x > 0.0L) {
        log_value = lgamma_positive(x);
    } else {
        if (x < -1800.0L) {
            // |Gamma(x)| < 2^-16800 here; negative where truncl(-x) is even.
            long double whole = truncl(-x);
            errno = ERANGE;
            return long_underflow_value(truncl(whole * 0.5L) * 2.0L == whole);
        }
        log_value = lgamma_negative(x, &sign);
    }
    // The sign goes on before the one rounding, so that a directed rounding
    // rounds the signed value (a negative underflow upward is -0).
    scaled_long_double_double e = exp_split_long(log_value);
    long double result = round_scaled_long(sign < 0 ? -e.value : e.value, e.exponent);
    if (!long_is_finite(result) || result == 0.0L) errno = ERANGE;
    return result;
}

}  // namespace lwp::libc::math
