// lgammaf128, lgammaf128_r (the sign of Gamma through an int*) and
// tgammaf128: the method of lgammal and tgammal (math_long_double_gamma.cpp)
// one precision up, in binary128 pairs (math_float128_pair.hpp) in
// round-to-nearest, rounded once at the end in the caller's mode.
//
// For x > 0:
//  - near 2, |t| <= 1/2 with t = x - 2: the Taylor series of lgamma(2 + t),
//    whose coefficients are (zeta(k) - 1)/k; lgamma(1) = lgamma(2) = 0 come
//    out exact and their neighbourhoods keep their relative precision;
//  - near 1, lgamma(1 + t) = lgamma(2 + t) - log1p(t), and below 1/2,
//    lgamma(x) = lgamma(2 + x) - log(x (1 + x));
//  - from 5/2 to 32, x = n + t with |t| <= 1/2: lgamma(2 + t) plus the log
//    of the exact factors (x - 1)(x - 2)...(2 + t);
//  - from 32 on, Stirling's series, whose terms reach 2^-236 there.
// For x < 0, the reflection formula gives lgamma(x) = log(pi) -
// log|x sin(pi x)| - lgamma(-x), sin(pi x) from the exact remainder of x mod
// 1. The coefficients and constants are from
// tools/math_float128_gamma_coefficients.py (mpmath).
//
// tgammaf128(x) is exp of the pair lgamma (expf128's kernel, one rounding,
// subnormal results included), with Gamma's sign; for 0 < x < 2^-116,
// 1/x - euler_gamma. Special values, flags and errno as glibc's ldbl-128
// functions give them, glibc's own choices included (exact factorials up
// to 12, 1/x rounded to nearest just below zero).
#include <errno.h>

#include "runtime/libc/math_float128_gamma_tables.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_trigonometric_tables.hpp"

namespace f = lwp::libc::math::f128;
namespace ft = lwp::libc::math::f128::tables;

extern int __signgam;

namespace {

using f::pair;
using f::real;

// Below 2^-120, lgamma(x) = -log(x) - gamma x (the next term, pi^2 x^2 / 12,
// is below 2^-246 of the value).
const real lgamma_tiny = f::power_of_two(-120);
// From here on lgamma(x) = x (log x - 1) to far below an ulp (the other
// terms, -log(x)/2 and less, are below 2^-190 of it).
const real lgamma_huge = f::power_of_two(200);
// Up to here glibc's tgammaf128 of a positive integer is exact (no FE_INEXACT).
const real exact_factorials_up_to = real(12);
// Below this the term gamma x is dropped (it would underflow, and is below
// 2^-16000 of -log x).
const real gamma_term_negligible = f::power_of_two(-16000);

real abs_of(real x) noexcept { return f::magnitude(x); }
bool is_integer(real x) noexcept { return truncf128(x) == x; }
// Whether an integer-valued w (below 2^113) is even.
bool is_even(real w) noexcept { return truncf128(w * real(0.5)) * 2 == w; }

// log(x) of a positive finite x, subnormals brought into the normal range.
pair log_of_real(real x) noexcept {
    if (f::biased_exponent(x) == 0) return f::log_of(f::exact(x * f::power_of_two(120)), -120);
    return f::log_of(f::exact(x));
}

// -log(x) -+ gamma x for 0 < x < lgamma_tiny: lgamma(x), or lgamma(-x) with +.
pair lgamma_of_tiny(real x, bool negative) noexcept {
    pair value = -log_of_real(x);
    if (x < gamma_term_negligible) return value;
    pair term = ft::euler_gamma * x;
    return negative ? value + term : value - term;
}

// lgamma(2 + t) for |t| <= 1/2.
pair lgamma_near_two(real t) noexcept {
    return f::polynomial(f::exact(t), ft::lgamma_taylor_at_two, ft::lgamma_taylor_count) * t;
}

// x (log x - 1) = value * 2^exponent for x >= lgamma_huge: x = m 2^e with
// m in [1, 2), so that the pair products stay in range.
f::scaled_pair lgamma_of_huge(real x) noexcept {
    int e = f::biased_exponent(x) - f::bias;
    // m from the fraction field (2^-e itself may be below the normal range).
    real m = f::from_bits((f::bits_of(x) & f::fraction_mask) | static_cast<f::bits>(f::bias) << f::fraction_bits);
    return {(f::log_of(f::exact(x)) - real(1)) * m, e};
}

// lgamma(x) for 0 < x < lgamma_huge.
pair lgamma_positive(real x) noexcept {
    if (x < lgamma_tiny) return lgamma_of_tiny(x, false);
    if (x < real(0.5)) {
        // Gamma(x) = Gamma(2 + x) / (x (1 + x)); 1 + x is exact as a pair.
        return lgamma_near_two(x) - f::log_of(f::two_sum(1, x) * x);
    }
    if (x < real(1.5)) {
        real r = x - 1;  // exact
        return lgamma_near_two(r) - f::log1p_of(f::exact(r));
    }
    if (x <= real(2.5)) return lgamma_near_two(x - 2);
    if (x < real(ft::stirling_from)) {
        // Gamma(x) = (x - 1)(x - 2)...(x - n + 2) Gamma(x - n + 2), with
        // x - n + 2 = 2 + r; each factor x - i is exact (below 32, on x's grid).
        real n = roundf128(x);
        real r = x - n;
        pair product = f::exact(x - 1);
        for (real i = 2; i <= n - 2; i += 1) product = product * (x - i);
        return lgamma_near_two(r) + f::log_of(product);
    }
    // Stirling: (x - 1/2) log x - x + log(2 pi)/2 + sum B_2k / (2k (2k-1) x^(2k-1)).
    pair w = f::exact(1) / f::exact(x);
    pair series = w * f::polynomial(w * w, ft::stirling_series, ft::stirling_count);
    return f::two_sum(x, real(-0.5)) * f::log_of(f::exact(x)) - x + ft::half_log_two_pi + series;
}

// |sin(pi r)| for |r| <= 1/2, from the Taylor series of sin and cos to pi/4.
pair sin_pi(real r) noexcept {
    real a = abs_of(r);
    bool near_zero = a <= real(0.25);
    pair angle = ft::pi * (near_zero ? a : real(0.5) - a);  // 0.5 - a is exact
    pair square = angle * angle;
    if (near_zero) return angle + angle * square * f::polynomial(square, ft::sin_taylor, ft::sin_taylor_terms);
    return square * f::polynomial(square, ft::cos_taylor, ft::cos_taylor_terms) + real(1);
}

// The sign of Gamma(x) for x < 0 not an integer: negative on (-1, 0),
// (-3, -2), ...: where the integer part of -x is even.
int negative_sign(real x) noexcept { return is_even(truncf128(-x)) ? -1 : 1; }

// lgamma(x) for x < 0 not an integer (so -x < 2^112).
pair lgamma_negative(real x) noexcept {
    real y = -x;
    // Gamma(-y) = -1/y - gamma + ...: log(1/y) + gamma y.
    if (y < lgamma_tiny) return lgamma_of_tiny(y, true);
    real n = roundf128(y);
    pair s = sin_pi(y - n);  // |sin(pi x)|; y - n is exact
    return ft::log_pi - f::log_of(s * y) - lgamma_positive(y);
}

real with_range_errno(real result) noexcept {
    if (result == 0 || f::is_inf(result)) errno = ERANGE;
    return result;
}

real lgamma_of(real x, int* sign) noexcept {
    *sign = 1;
    if (!f::is_finite(x)) return x * x;  // +inf for both infinities, NaN for NaN
    if (x <= 0 && is_integer(x)) {
        // A pole: +inf, with divide-by-zero. glibc gives the sign of the zero
        // for 0 and 1 for the negative integers.
        if (f::is_zero(x) && f::sign_of(x)) *sign = -1;
        errno = ERANGE;
        return f::pole(false);
    }
    if (x == 1 || x == 2) return 0;  // exact, without FE_INEXACT (as glibc)
    f::scaled_pair value{};
    {
        f::quiet_nearest_scope nearest;
        if (x < 0) {
            *sign = negative_sign(x);
            value.value = lgamma_negative(x);
        } else if (x < lgamma_huge) {
            value.value = lgamma_positive(x);
        } else {
            value = lgamma_of_huge(x);  // overflows past about 2^16370
        }
    }
    return with_range_errno(f::round_scaled(value.value, value.exponent, f::exactness::never));
}

}  // namespace

extern "C" {

__float128 lgammaf128_r(__float128 x, int* sign) noexcept { return lgamma_of(x, sign); }

// lgammaf128 leaves the sign of Gamma in signgam, as lgamma does.
__float128 lgammaf128(__float128 x) noexcept { return lgamma_of(x, &__signgam); }

__float128 tgammaf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (f::is_zero(x)) {
        errno = ERANGE;  // a pole, with the zero's sign
        return f::pole(f::sign_of(x));
    }
    if (f::is_inf(x) || (x < 0 && is_integer(x))) {
        if (x > 0) return x;
        errno = EDOM;  // -inf and the negative integers
        return f::invalid_nan();
    }
    // Gamma(x) exceeds the largest _Float128 from 1755.455... on (nearer,
    // the rounding below finds the overflow), as glibc's threshold.
    // (ERANGE where the result is infinite: rounding down or toward zero
    // gives the largest value, without errno, as glibc's.)
    if (x >= 1756) return with_range_errno(f::overflow_value(false));
    bool integer = is_integer(x);
    if (integer && x <= exact_factorials_up_to) {
        // (x - 1)!, exact without FE_INEXACT, as glibc gives it up to 12.
        real factorial = 1;
        for (real i = 2; i < x; i += 1) factorial *= i;
        return factorial;
    }
    if (x < 0 && x >= -f::power_of_two(-114)) {
        // glibc's answer there: 1/x alone (the term -euler_gamma is below
        // 2^-114 of it), rounded to nearest whatever the mode, inexact; an
        // overflow rounds by the mode (-inf, or -the largest upward or
        // toward zero).
        real reciprocal;
        {
            f::quiet_nearest_scope nearest;
            volatile real one = 1;
            reciprocal = one / x;
        }
        if (f::is_inf(reciprocal)) return with_range_errno(f::overflow_value(true));
        f::raise_inexact();
        return reciprocal;
    }
    if (x > 0 && x < f::power_of_two(-116)) {
        // Gamma(x) = 1/x - euler_gamma + O(x), the O(x) term below 2^-230
        // of the result: taken as (1/m - euler_gamma 2^e) 2^-e with
        // x = m 2^e, rounded once. Below 2^-240 of the result the term only
        // tips the rounding, so it is held there.
        int scaled_by = f::biased_exponent(x) == 0 ? 120 : 0;
        real normal = x * f::power_of_two(scaled_by);
        int e = f::biased_exponent(normal) - f::bias;
        real m = normal * f::power_of_two(-e);  // exact
        int weight_exponent = e - scaled_by < -240 ? -240 : e - scaled_by;
        pair value;
        {
            f::quiet_nearest_scope nearest;
            value = f::exact(1) / f::exact(m) - ft::euler_gamma * f::power_of_two(weight_exponent);
        }
        return with_range_errno(f::round_scaled(value, -(e - scaled_by), f::exactness::never));
    }
    if (x <= -1775) {
        // |Gamma(x)| < 2^-16900 here: 0, or the least subnormal by the mode.
        return with_range_errno(f::underflow_value(negative_sign(x) < 0));
    }
    int sign = x < 0 ? negative_sign(x) : 1;
    f::scaled_pair e;
    {
        f::quiet_nearest_scope nearest;
        e = f::exp_split(x > 0 ? lgamma_positive(x) : lgamma_negative(x));
    }
    // The sign goes on before the one rounding, so that a directed rounding
    // rounds the signed value (a negative underflow upward is -0).
    // Beyond 12, glibc's Gamma of an integer raises FE_INEXACT, even where
    // (x - 1)! is a _Float128; the pair holds such a value to far below an
    // ulp, so it is snapped to it rather than pushed off it.
    f::exactness kind = integer ? f::exactness::snapped_inexact : f::exactness::never;
    return with_range_errno(f::round_scaled(sign < 0 ? -e.value : e.value, e.exponent, kind));
}

}  // extern "C"
