// sinhl, coshl, tanhl, asinhl, acoshl, atanhl: in long-double-double over
// the exp and log kernels (math_long_double_kernels.hpp), rounded once. The
// forms that would cancel near 0 use expm1 and log1p (sinh = (E + E/(E+1))/2
// with E = expm1|x|, tanh = E/(E+2) with E = expm1(2|x|), asinh = log1p(|x| +
// x^2/(1 + sqrt(1 + x^2))), acosh = log1p(t + sqrt(2t + t^2)) with t = x - 1,
// atanh = log1p(2x/(1-x))/2). errno as glibc's: ERANGE on overflow
// (sinhl, coshl) and at atanhl(+-1), EDOM outside the domains.
#include <errno.h>

#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace {

long double rounded_hyperbolic(long_double_double v) noexcept { return v.hi + v.lo; }

// x itself for |x| < 2^-33, where the odd functions round to it: with
// FE_INEXACT (and FE_UNDERFLOW for a subnormal x) as glibc's give.
long double tiny_odd(long double x, bool add) noexcept {
    volatile long double v = x;
    return add ? v + v * v * v : v - v * v * v;
}

}  // namespace

// The sign goes on before the one rounding, so that a directed rounding
// rounds the signed value: a negative result rounding upward is toward zero
// (-LDBL_MAX, not -inf, where it overflows).
long double sinhl(long double x) noexcept {
    if (!long_is_finite(x) || x == 0.0L) return x + x;
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) return tiny_odd(x, true);
    bool negative = long_sign(x);
    auto with_sign = [negative](long_double_double v) { return negative ? -v : v; };
    if (ax <= 0.35L) {
        long_double_double e = expm1_reduced_long(ldd(ax));
        return rounded_hyperbolic(with_sign(scale(e + e / (e + 1.0L), 0.5L)));
    }
    if (ax < 50.0L) {
        scaled_long_double_double e = exp_split_long(ldd(ax));
        long_double_double v = scale(e.value, long_power_of_two(e.exponent));
        return rounded_hyperbolic(with_sign(scale(v - ldd(1.0L) / v, 0.5L)));
    }
    long double result;
    if (ax > 11400.0L) {
        result = long_overflow_value(negative);
    } else {
        // e^-|x| is below 2^-140 of the result.
        scaled_long_double_double e = exp_split_long(ldd(ax));
        result = round_scaled_long(with_sign(e.value), e.exponent - 1);
    }
    if (long_is_inf(result)) errno = ERANGE;
    return result;
}

long double coshl(long double x) noexcept {
    if (!long_is_finite(x)) return x * x;  // +inf, or NaN
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) return 1.0L + ax * ax;  // 1 + x^2/2 rounds to 1 (FE_INEXACT)
    if (ax <= 0.35L) {
        // cosh = 1 + E^2 / (2 (E + 1)).
        long_double_double e = expm1_reduced_long(ldd(ax));
        return rounded_hyperbolic(scale(e * e / (e + 1.0L), 0.5L) + 1.0L);
    }
    if (ax < 50.0L) {
        scaled_long_double_double e = exp_split_long(ldd(ax));
        long_double_double v = scale(e.value, long_power_of_two(e.exponent));
        return rounded_hyperbolic(scale(v + ldd(1.0L) / v, 0.5L));
    }
    long double result;
    if (ax > 11400.0L) {
        result = long_overflow_value(false);
    } else {
        scaled_long_double_double e = exp_split_long(ldd(ax));
        result = round_scaled_long(e.value, e.exponent - 1);
    }
    if (long_is_inf(result)) errno = ERANGE;
    return result;
}

long double tanhl(long double x) noexcept {
    if (x != x || x == 0.0L) return x + x;
    if (long_is_inf(x)) return long_with_sign_of(1.0L, x);
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) return tiny_odd(x, false);
    if (ax > 24.0L) {
        // 1 - 2e^-2|x| rounds to 1 (FE_INEXACT).
        volatile long double tiny = 0x1p-100L;
        return long_with_sign_of(1.0L - tiny, x);
    }
    long_double_double e;
    if (ax <= 0.175L) {
        e = expm1_reduced_long(ldd(2.0L * ax));
    } else {
        scaled_long_double_double s = exp_split_long(ldd(2.0L * ax));
        e = scale(s.value, long_power_of_two(s.exponent)) - 1.0L;
    }
    return long_with_sign_of(rounded_hyperbolic(e / (e + 2.0L)), x);
}

long double asinhl(long double x) noexcept {
    if (!long_is_finite(x) || x == 0.0L) return x + x;
    long double ax = long_magnitude(x);
    if (ax < 0x1p-33L) return tiny_odd(x, false);
    long_double_double result;
    if (ax > 0x1p40L) {
        // asinh = log(2|x|) + 1/(4x^2) - ...: the 1/(4x^2) term below 2^-82.
        result = log_of_long(ldd(ax)) + long_tables::ln2 + ldd(0.25L / ax / ax);
    } else {
        long_double_double x2 = two_product(ax, ax);
        long_double_double root = sqrt(x2 + 1.0L);
        result = log1p_of_long(x2 / (root + 1.0L) + ax);
    }
    return long_with_sign_of(rounded_hyperbolic(result), x);
}

long double acoshl(long double x) noexcept {
    if (x != x) return x + x;
    if (x < 1.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    if (x == 1.0L) return 0.0L;
    if (long_is_inf(x)) return x;
    if (x > 0x1p40L) {
        // acosh = log(2x) - 1/(4x^2) - ...
        return rounded_hyperbolic(log_of_long(ldd(x)) + long_tables::ln2 - ldd(0.25L / x / x));
    }
    long_double_double t = two_sum(x, -1.0L);  // x - 1, exact
    long_double_double root = sqrt(scale(t, 2.0L) + t * t);
    return rounded_hyperbolic(log1p_of_long(t + root));
}

long double atanhl(long double x) noexcept {
    if (x != x || x == 0.0L) return x + x;
    long double ax = long_magnitude(x);
    if (ax > 1.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    if (ax == 1.0L) {
        errno = ERANGE;
        return long_pole(long_sign(x));
    }
    if (ax < 0x1p-33L) return tiny_odd(x, true);
    long_double_double one_minus = two_sum(1.0L, -ax);  // exact
    long_double_double q = ldd(2.0L * ax) / one_minus;
    return long_with_sign_of(rounded_hyperbolic(scale(log1p_of_long(q), 0.5L)), x);
}

}  // namespace lwp::libc::math
