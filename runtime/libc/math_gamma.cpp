// lgamma (with the sign of Gamma, as lgamma_r) and tgamma.
//
// Method, for x > 0, in double-double:
//  - near 2, |t| <= 1/2 with t = x - 2: the Taylor series of lgamma(2 + t),
//    whose coefficients are (zeta(k) - 1)/k (tools/math_coefficients.py);
//    lgamma(1) = lgamma(2) = 0 come out exact and their neighbourhoods keep
//    their relative precision;
//  - near 1, lgamma(1 + t) = lgamma(2 + t) - log1p(t), and below 1/2,
//    lgamma(x) = lgamma(2 + x) - log(x (1 + x));
//  - from 5/2 to 16, x = n + t with |t| <= 1/2: lgamma(2 + t) plus the log
//    of the exact factors (x - 1)(x - 2)...(2 + t), multiplied in
//    double-double;
//  - from 16 on, Stirling's series, whose terms reach 2^-112 there.
// For x < 0, the reflection formula Gamma(x) Gamma(1 - x) = pi / sin(pi x)
// with 1 - x = -x Gamma(-x) gives lgamma(x) = log(pi) - log|x sin(pi x)| -
// lgamma(-x), where sin(pi x) is taken from the exact remainder of x mod 1.
// Where lgamma(x) crosses zero (twice in each interval (-n-1, -n), n >= 2)
// those terms cancel, so within a small radius of each zero the value is
// taken from lgamma's Taylor series around the zero instead (the zeros to
// 160 bits and the series from mpmath; math_special_tables.hpp).
//
// tgamma(x) is exp of the double-double lgamma (exp's kernel, one rounding,
// subnormal results included), with Gamma's sign.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_special_tables.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

namespace {

template <typename T, int N>
constexpr int count_of(const T (&)[N]) noexcept {
    return N;
}

// Below 2^-60, lgamma(x) = -log(x) - gamma x (the next term, pi^2 x^2 / 12,
// is below 2^-118 of the value).
constexpr double lgamma_tiny = 0x1p-60;

// Past this lgamma's Dekker products would overflow; the value is x (log x
// - 1) there, to far below an ulp.
constexpr double lgamma_huge = 0x1p990;

// lgamma(2 + t) for |t| <= 1/2.
double_double lgamma_near_two(double t) noexcept {
    return polynomial(dd(t), lgamma_taylor_at_two, count_of(lgamma_taylor_at_two)) * t;
}

// lgamma(x) for 0 < x < lgamma_huge.
double_double lgamma_positive(double x) noexcept {
    if (x < lgamma_tiny) return -log_of(dd(x)) - euler_gamma * x;
    if (x < 0.5) {
        // Gamma(x) = Gamma(2 + x) / (x (1 + x)); 1 + x is exact as a double-double.
        return lgamma_near_two(x) - log_of(two_sum(1.0, x) * x);
    }
    if (x < 1.5) {
        double t = x - 1.0;  // exact
        return lgamma_near_two(t) - log1p_of(dd(t));
    }
    if (x <= 2.5) return lgamma_near_two(x - 2.0);
    if (x < 16.0) {
        // Gamma(x) = (x - 1)(x - 2)...(x - n + 2) Gamma(x - n + 2), with
        // x - n + 2 = 2 + t; each factor x - i is exact (below 16, on x's grid).
        double n = round(x);
        double t = x - n;
        double_double product = dd(x - 1.0);
        for (double i = 2.0; i <= n - 2.0; i += 1.0) product = product * (x - i);
        return lgamma_near_two(t) + log_of(product);
    }
    // Stirling: (x - 1/2) log x - x + log(2 pi)/2 + sum B_2k / (2k (2k-1) x^(2k-1)).
    double_double w = dd(1.0) / dd(x);
    double_double series = w * polynomial(w * w, stirling_series, count_of(stirling_series));
    return two_sum(x, -0.5) * log_of(dd(x)) - x + half_log_two_pi + series;
}

// |sin(pi r)| for |r| <= 1/2, from the kernels around 0 and pi/2.
double_double sin_pi(double r) noexcept {
    double a = magnitude(r);
    if (a <= 0.25) return sin_kernel(pi * a);
    return cos_kernel(pi * (0.5 - a));  // 0.5 - a is exact
}

// lgamma(x) for x < 0 not an integer, and the sign of Gamma(x).
double_double lgamma_negative(double x, int* sign) noexcept {
    double y = -x;
    // Gamma(x) < 0 on (-1, 0), (-3, -2), ...: where the integer part of y is even.
    double whole = trunc(y);
    *sign = rint(whole * 0.5) * 2.0 == whole ? -1 : 1;
    // Gamma(-y) = -1/y - gamma + ...: log(1/y) + gamma y.
    if (y < lgamma_tiny) return -log_of(dd(y)) + euler_gamma * y;
    if (y > 2.0 && y < 17.0) {
        for (const lgamma_zero& zero : lgamma_negative_zeros) {
            double first = x - zero.x[0];  // exact (Sterbenz) when it matters
            if (magnitude(first) > 0.5) continue;
            // x - zero to double-double precision; the zero carries 160 bits.
            double_double t = two_sum(first, -zero.x[1]) + (-zero.x[2]);
            if (magnitude(t.hi) < zero.radius) {
                double inner = zero.c2 + t.hi * (zero.c3 + t.hi * zero.c4);
                return (zero.slope + t * inner) * t;
            }
        }
    }
    double n = round(y);
    double_double s = sin_pi(y - n);  // |sin(pi x)|; y - n is exact
    return log_pi - log_of(s * y) - lgamma_positive(y);
}

}  // namespace

double lgamma(double x, int* sign) noexcept {
    *sign = 1;
    // The two exact zeros, +0 in every rounding mode: the method's sums would
    // give -0 under downward rounding (1 - 1 there is -0).
    if (x == 1.0 || x == 2.0) return 0.0;
    if (!is_finite(x)) return x * x;  // +inf for both infinities, NaN for NaN
    if (x <= 0.0 && trunc(x) == x) {
        // A pole: +inf, with divide-by-zero. glibc gives the sign of the zero
        // for 0 and 1 for the negative integers.
        if (x == 0.0 && sign_of(x)) *sign = -1;
        errno = ERANGE;
        return pole(false);
    }
    if (x < 0.0) return lgamma_negative(x, sign).hi;
    if (x < lgamma_huge) return lgamma_positive(x).hi;
    // x (log x - 1), with x scaled down for the product: the other terms are
    // below 2^-980 of it. Past about 2.56e305 this overflows.
    double_double value = (log_of(dd(x)) - 1.0) * (x * 0x1p-64);
    double result = value.hi * 0x1p64;
    if (is_inf(result)) errno = ERANGE;
    return result;
}

double tgamma(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x == 0.0) {
        errno = ERANGE;  // a pole, with the zero's sign
        return pole(sign_of(x));
    }
    if (is_inf(x) || (x < 0.0 && trunc(x) == x)) {
        if (x > 0.0) return x;
        errno = EDOM;  // -inf and the negative integers
        return invalid_nan();
    }
    // Gamma(171.62...) is the largest double.
    if (x > 171.7) {
        errno = ERANGE;
        return overflow_value(false);
    }
    int sign = 1;
    double_double log_value;
    if (x > 0.0) {
        log_value = lgamma_positive(x);
    } else {
        log_value = lgamma_negative(x, &sign);
        if (x < -190.0) {
            // |Gamma(x)| < 2^-1100 here.
            errno = ERANGE;
            return underflow_value(sign < 0);
        }
    }
    // The sign goes on before the one rounding, so that a directed rounding
    // rounds the signed value (a negative overflow upward is -DBL_MAX).
    scaled_double_double e = exp_split(log_value);
    double result = round_scaled(sign < 0 ? -e.value : e.value, e.exponent);
    if (is_inf(result) || result == 0.0) errno = ERANGE;
    return result;
}

}  // namespace lwp::libc::math
