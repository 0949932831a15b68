// sinhf128, coshf128, tanhf128, asinhf128, acoshf128, atanhf128: in
// binary128 pairs over the exp and log kernels (math_float128_kernels.hpp),
// rounded once in the caller's mode, as the long double ones are
// (math_long_double_hyperbolic.cpp). The forms that would cancel near 0 use
// expm1 and log1p (sinh = (E + E/(E+1))/2 with E = expm1|x|,
// tanh = E/(E+2) with E = expm1(2|x|), asinh = log1p(|x| + x^2/(1 +
// sqrt(1 + x^2))), acosh = log1p(t + sqrt(2t + t^2)) with t = x - 1,
// atanh = log1p(2x/(1-x))/2). Tiny arguments, errno and flags as glibc's
// ldbl-128 functions: ERANGE on overflow (sinh, cosh) and at atanh(+-1),
// EDOM outside the domains.
#include <errno.h>
#include <math.h>

#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_tables.hpp"

namespace f = lwp::libc::math::f128;
namespace ft = lwp::libc::math::f128::tables;

namespace {

using f::pair;
using f::real;
using f::two_product;
using f::two_sum;

pair signed_by(bool negative, pair v) noexcept { return negative ? -v : v; }

// e^ax as a pair, for 0.35 < ax < 50.
pair exp_of(real ax) noexcept {
    f::scaled_pair e = f::exp_split(f::exact(ax));
    return scale(e.value, f::power_of_two(e.exponent));
}

// expm1(ax) for 0 <= ax < 50.
pair expm1_of(real ax) noexcept {
    if (ax <= real(0.35)) return f::expm1_reduced(f::exact(ax));
    return exp_of(ax) - real(1);
}

}  // namespace

extern "C" {

// The sign goes on before the one rounding, so that a directed rounding
// rounds the signed value (a negative overflow upward is -FLT128_MAX).
__float128 sinhf128(__float128 x) noexcept {
    if (!f::is_finite(x) || f::is_zero(x)) return x + x;
    real ax = f::magnitude(x);
    if (ax < f::power_of_two(-57)) return f::tiny_identity(x, true);
    bool negative = f::sign_of(x);
    if (ax > real(11400)) {
        real result = f::overflow_value(negative);
        if (f::is_inf(result)) errno = ERANGE;
        return result;
    }
    pair v;
    int exponent = 0;
    {
        f::quiet_nearest_scope nearest;
        if (ax < real(50)) {
            pair e = expm1_of(ax);
            v = scale(e + e / (e + real(1)), real(0.5));
        } else {
            // e^-|x| is below 2^-140 of the result.
            f::scaled_pair e = f::exp_split(f::exact(ax));
            v = e.value;
            exponent = e.exponent - 1;
        }
    }
    real result = f::round_scaled(signed_by(negative, v), exponent, f::exactness::never);
    if (f::is_inf(result)) errno = ERANGE;
    return result;
}

__float128 coshf128(__float128 x) noexcept {
    if (!f::is_finite(x)) return x * x;  // +inf, or NaN
    real ax = f::magnitude(x);
    // Below 2^-71, 1 with no inexact, as glibc's.
    if (ax < f::power_of_two(-71)) return 1;
    if (ax > real(11400)) {
        real result = f::overflow_value(false);
        if (f::is_inf(result)) errno = ERANGE;
        return result;
    }
    pair v;
    int exponent = 0;
    {
        f::quiet_nearest_scope nearest;
        if (ax <= real(0.35)) {
            // cosh = 1 + E^2 / (2 (E + 1)).
            pair e = f::expm1_reduced(f::exact(ax));
            v = scale(e * e / (e + real(1)), real(0.5)) + real(1);
        } else if (ax < real(50)) {
            pair e = exp_of(ax);
            v = scale(e + f::exact(1) / e, real(0.5));
        } else {
            f::scaled_pair e = f::exp_split(f::exact(ax));
            v = e.value;
            exponent = e.exponent - 1;
        }
    }
    real result = f::round_scaled(v, exponent, f::exactness::never);
    if (f::is_inf(result)) errno = ERANGE;
    return result;
}

__float128 tanhf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (f::is_inf(x)) return f::sign_of(x) ? -1 : 1;
    if (f::is_zero(x)) return x;
    real ax = f::magnitude(x);
    bool negative = f::sign_of(x);
    if (ax < f::power_of_two(-57)) {
        // x (1 + tiny), as glibc's: x, or a step away from zero where the
        // mode rounds 1 + tiny up; underflow for a subnormal x.
        f::tiny_identity(x, false);
        volatile real tiny = f::power_of_two(-16000);
        return x * (1 + tiny);
    }
    if (ax > real(50)) {
        // 1 - 2e^-2|x| rounds to 1 (inexact), or below it downward or toward zero.
        volatile real tiny = f::power_of_two(-200);
        real one_less = 1 - tiny;
        return negative ? -one_less : one_less;
    }
    pair v;
    {
        f::quiet_nearest_scope nearest;
        pair e = expm1_of(2 * ax);
        v = e / (e + real(2));
    }
    return f::round_pair(signed_by(negative, v), f::exactness::never);
}

__float128 asinhf128(__float128 x) noexcept {
    if (!f::is_finite(x)) return x + x;
    real ax = f::magnitude(x);
    if (ax < f::power_of_two(-56)) return f::tiny_identity(x, true);
    bool negative = f::sign_of(x);
    pair v;
    {
        f::quiet_nearest_scope nearest;
        if (ax > f::power_of_two(120)) {
            // log(2|x|): sqrt(1 + x^2) = |x| to 2^-240.
            v = f::log_of(f::exact(ax)) + ft::ln2;
        } else {
            pair square = two_product(ax, ax);
            pair root = f::sqrt_of(square + real(1));
            v = f::log1p_of(square / (root + real(1)) + ax);
        }
    }
    return f::round_pair(signed_by(negative, v), f::exactness::never);
}

__float128 acoshf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (x < 1) {
        errno = EDOM;
        return f::invalid_nan();
    }
    if (x == 1) return 0;
    if (f::is_inf(x)) return x;
    pair v;
    {
        f::quiet_nearest_scope nearest;
        if (x > f::power_of_two(120)) {
            v = f::log_of(f::exact(x)) + ft::ln2;
        } else {
            pair t = two_sum(x, real(-1));
            pair root = f::sqrt_of(scale(t, real(2)) + t * t);
            v = f::log1p_of(t + root);
        }
    }
    return f::round_pair(v, f::exactness::never);
}

__float128 atanhf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    real ax = f::magnitude(x);
    if (ax > 1) {
        errno = EDOM;
        return f::invalid_nan();
    }
    if (ax == 1) {
        errno = ERANGE;
        return f::pole(f::sign_of(x));
    }
    if (ax < f::power_of_two(-57)) return f::tiny_identity(x, true);
    bool negative = f::sign_of(x);
    pair v;
    {
        f::quiet_nearest_scope nearest;
        pair one_less = two_sum(real(1), -ax);
        v = scale(f::log1p_of(f::exact(2 * ax) / one_less), real(0.5));
    }
    return f::round_pair(signed_by(negative, v), f::exactness::never);
}

}  // extern "C"
