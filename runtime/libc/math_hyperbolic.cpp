// sinh, cosh, tanh and their inverses, from the double-double exp and log
// kernels. Near zero, where exp(x) - exp(-x) or log(x + sqrt(x^2 + 1)) would
// cancel, they are rewritten in terms of expm1 and log1p, whose small results
// keep their relative precision:
//   sinh x = (E + E/(E + 1))/2 and tanh x = E/(E + 2) for E = expm1(x), expm1(2x);
//   asinh x = log1p(x + x^2/(1 + sqrt(1 + x^2)));
//   acosh x = log1p(d + sqrt(d (2 + d))) for d = x - 1;
//   atanh x = log1p(2x/(1 - x))/2.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

namespace {

// Below 2^-27: sinh, tanh, asinh, atanh x round to x, cosh x to 1.
constexpr double small_argument = 0x1p-27;

// Past this, exp(x)/2 overflows.
constexpr double overflow_threshold = 710.5;

// (exp(a) + sign * exp(-a)) / 2 for a >= 1, rounded once.
double half_exp_sum(double a, double sign) noexcept {
    scaled_double_double e = exp_split(dd(a));
    double_double sum = e.value;
    if (e.exponent < 60) {
        // exp(-a) = 2^-k / value; relative to exp(a) it is 2^-2k / value^2.
        double_double other = dd(1.0) / e.value;
        sum = sum + scale(other, sign * power_of_two(-2 * e.exponent));
    }
    return round_scaled(sum, e.exponent - 1);
}

}  // namespace

double sinh(double x) noexcept {
    if (!is_finite(x)) return x + x;
    double a = magnitude(x);
    if (a < small_argument) return x;
    double result;
    if (a < 1.0) {
        double_double e = expm1_double_double(a);
        result = scale(e + e / (e + 1.0), 0.5).hi;
    } else {
        if (a > overflow_threshold) {
            errno = ERANGE;
            return overflow_value(sign_of(x));
        }
        result = half_exp_sum(a, -1.0);
        if (is_inf(result)) errno = ERANGE;
    }
    return sign_of(x) ? -result : result;
}

double cosh(double x) noexcept {
    if (!is_finite(x)) return x * x;  // +inf for either infinity
    double a = magnitude(x);
    if (a < small_argument) return 1.0;
    if (a < 1.0) {
        // cosh a = 1 + E^2/(2 (E + 1)), E = expm1(a): no cancellation either way.
        double_double e = expm1_double_double(a);
        return (dd(1.0) + scale(e * e / (e + 1.0), 0.5)).hi;
    }
    if (a > overflow_threshold) {
        errno = ERANGE;
        return overflow_value(false);
    }
    double result = half_exp_sum(a, 1.0);
    if (is_inf(result)) errno = ERANGE;
    return result;
}

double tanh(double x) noexcept {
    if (is_nan(x)) return x + x;
    double a = magnitude(x);
    if (a < small_argument) return x;
    double result;
    if (a > 20.0) {
        result = 1.0 - 0x1p-100;  // 1 - 2 exp(-2a) rounds to 1 (inexact)
    } else if (a < 1.0) {
        double_double e = expm1_double_double(2.0 * a);
        result = (e / (e + 2.0)).hi;
    } else {
        // 1 - 2/(exp(2a) + 1)
        scaled_double_double e = exp_split(dd(2.0 * a));
        double_double big = scale(e.value, power_of_two(e.exponent)) + 1.0;
        result = (dd(1.0) - dd(2.0) / big).hi;
    }
    return sign_of(x) ? -result : result;
}

double asinh(double x) noexcept {
    if (!is_finite(x)) return x + x;
    double a = magnitude(x);
    if (a < small_argument) return x;
    double_double value;
    if (a > 0x1p28) {
        // sqrt(a^2 + 1) = a to far below an ulp: log(2a).
        value = log_of(dd(a)) + ln2;
    } else {
        double_double square = two_product(a, a);
        double_double t = dd(a) + square / (dd(1.0) + sqrt(square + 1.0));
        value = log1p_of(t);
    }
    return sign_of(x) ? -value.hi : value.hi;
}

double acosh(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x < 1.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (x == 1.0) return 0.0;
    if (is_inf(x)) return x;
    if (x > 0x1p28) return (log_of(dd(x)) + ln2).hi;
    double_double d = two_sum(x, -1.0);
    double_double t = d + sqrt(d * (d + 2.0));
    return log1p_of(t).hi;
}

double atanh(double x) noexcept {
    if (is_nan(x)) return x + x;
    double a = magnitude(x);
    if (a > 1.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (a == 1.0) {
        errno = ERANGE;  // a pole
        return pole(sign_of(x));
    }
    if (a < small_argument) return x;
    double_double t = dd(2.0 * a) / two_sum(1.0, -a);
    double result = scale(log1p_of(t), 0.5).hi;
    return sign_of(x) ? -result : result;
}

}  // namespace lwp::libc::math
