// cexpf128, clogf128, clog10f128 and csqrtf128: cexpl, clogl, clog10l and
// csqrtl (math_complex_long_double_exponential.cpp) one precision up, on
// binary128 pairs, each part rounded once in the caller's mode (glibc rounds
// some steps on the way, so its parts may differ by an ulp or a few).
//  - cexpf128: e^x (cos y + i sin y), e^x and sin y, cos y from the kernels
//    of expf128 and sincosf128.
//  - clogf128: log|z| + i atan2(y, x), log|z| in pairs, the angle
//    atan2f128's (errno kept: glibc's atan2 kernel sets none).
//  - clog10f128: clogf128 times log10(e): the log of the modulus times it in
//    pairs, atan2f128's rounded angle times it (glibc rounds that product of
//    two rounded values too).
//  - csqrtf128: t + i y/(2t) with t = sqrt((|x| + |z|)/2).
// Special values and flags as glibc's templates (C11 Annex G): a NaN they
// make is the positive default NaN, not the argument's, and their
// classification raises invalid for a signalling NaN. None sets errno, as
// glibc's complex f128 functions set none.
#include <errno.h>

#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_tables.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"
#include "runtime/libc/math_float128_trigonometric_tables.hpp"

namespace f = lwp::libc::math::f128;
using f::normalized;
using f::pair;
using f::positive_nan;
using f::real;
using f::times_power_of_two;

namespace {

using complex128 = f::complex;


// x^2 + y^2 - 1 for 0 <= y <= x, 0.5 <= x <= 2, in pairs: x^2 - 1 exact
// where it cancels (Sterbenz). A y below 2^-8000 adds y^2 rounded (far
// below the sum's last bit unless x = 1, where y^2 is then the whole sum).
pair squares_minus_one(real x, real y) noexcept {
    pair xx = f::two_product(x, x);
    pair yy = y < f::power_of_two(-8000) ? f::exact(y * y) : f::two_product(y, y);
    pair t = f::two_sum(xx.hi, -1);
    return ((t + yy.hi) + xx.lo) + yy.lo;
}

// log|z| for a finite z != 0, in pairs (rounding to nearest).
pair log_modulus(real x, real y) noexcept {
    real a = f::magnitude(x);
    real b = f::magnitude(y);
    if (a < b) {
        real t = a;
        a = b;
        b = t;
    }
    // |z| near 1: half log1p of the exact x^2 + y^2 - 1.
    if (a <= 2 && a >= real(0.5) && b < 1) {
        pair sum = squares_minus_one(a, b);
        if (f::is_zero(sum.hi)) return f::exact(0);
        if (sum.hi > real(-0.5) && sum.hi < 1) return f::scale(f::log1p_of(sum), real(0.5));
    }
    // Elsewhere scaled by a power of two so that nothing overflows or
    // underflows: b^2 dropped below 2^-240 of a^2.
    int shift = 0;
    pair na = normalized(f::exact(a), &shift);
    real sa = na.hi;
    real sb = times_power_of_two(b, -shift);  // exact unless negligible
    pair sum = f::two_product(sa, sa);
    if (sb > f::power_of_two(-120)) sum = sum + f::two_product(sb, sb);
    return f::scale(f::log_of(sum, 2 * shift), real(0.5));
}

// v * 2^exponent rounded once in the caller's mode, whatever v's magnitude
// (zero exact); inexact if the low part is nonzero or asked for.
real rounded_scaled(pair v, int exponent, f::exactness kind) noexcept {
    if (f::is_zero(v.hi)) return v.hi;
    v = normalized(v, &exponent);
    return f::round_scaled(v, exponent, kind);
}
real rounded(pair v) noexcept { return rounded_scaled(v, 0, f::exactness::never); }

}  // namespace

extern "C" {

__float128 atan2f128(__float128 y, __float128 x) noexcept;

complex128 cexpf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    // glibc's classification of the parts raises invalid for a signalling
    // NaN in either, whatever the branch then does with it.
    if (f::is_signaling(x) || f::is_signaling(y)) f::raise_invalid();
    if (f::is_finite(x)) {
        if (!f::is_finite(y)) {
            // A finite real part and an infinite or NaN imaginary one: no direction.
            f::raise_invalid();
            return f::make_complex(positive_nan(), positive_nan());
        }
        pair sine;
        pair cosine;
        f::scaled_pair e;
        int cosine_exponent;
        int sine_exponent;
        {
            f::quiet_nearest_scope nearest;
            f::signed_sine_cosine sc = f::signed_sin_cos_of(y);
            sine = sc.sine;
            cosine = sc.cosine;
            // e^x sin y can be finite up to x near 11357 + 16494 log 2 (sin y
            // subnormal) and nonzero down to -11433 - 114 log 2: beyond, x's
            // size alone decides (cos y and sin y lie within 2^-120 of their
            // values, far above 2^-16494).
            real clamped = x > 23000 ? real(23000) : x < -23000 ? real(-23000) : x;
            if (f::magnitude(clamped) < 11000) {
                e = f::exp_split(f::exact(clamped));
            } else {
                // exp_split takes |x| < 11500: e^x = (e^(x/2))^2, x/2 exact.
                f::scaled_pair half = f::exp_split(f::exact(clamped * real(0.5)));
                e.value = half.value * half.value;
                e.exponent = 2 * half.exponent;
            }
            cosine_exponent = e.exponent;
            sine_exponent = e.exponent;
            cosine = e.value * normalized(cosine, &cosine_exponent);
            if (!f::is_zero(y)) sine = e.value * normalized(sine, &sine_exponent);
        }
        // Inexact even for e^0 = 1: glibc's exp kernel raises it there.
        real re = f::round_scaled(cosine, cosine_exponent, f::exactness::never);
        real im = f::is_zero(y) ? y : f::round_scaled(sine, sine_exponent, f::exactness::never);
        return f::make_complex(re, im);
    }
    if (f::is_inf(x)) {
        real value = f::sign_of(x) ? real(0) : x;
        if (f::is_finite(y)) {
            if (f::is_zero(y)) return f::make_complex(value, y);
            pair sine;
            pair cosine;
            {
                f::quiet_nearest_scope nearest;
                f::signed_sine_cosine sc = f::signed_sin_cos_of(y);
                sine = sc.sine;
                cosine = sc.cosine;
            }
            // Only the signs are used, but glibc's sincos call raises inexact.
            if (f::magnitude(y) > f::power_of_two(-16382)) f::raise_inexact();
            return f::make_complex(f::with_sign_of(value, cosine.hi), f::with_sign_of(value, sine.hi));
        }
        if (!f::sign_of(x)) return f::make_complex(x, y - y);  // +inf + i(inf or NaN): invalid for inf - inf
        return f::make_complex(0, f::with_sign_of(0, y));
    }
    // A NaN real part: NaN, but a zero imaginary part stays; invalid unless
    // both parts are NaNs.
    if (f::is_zero(y)) return f::make_complex(positive_nan(), y);
    if (!f::is_nan(y)) f::raise_invalid();
    return f::make_complex(positive_nan(), positive_nan());
}

}  // extern "C"

namespace {

// clogf128 and clog10f128: log|z| and the angle, each times factor (1 or
// log10(e), in pairs) before its one rounding.
complex128 complex_log(complex128 z, pair factor) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    // glibc's classification of the parts raises invalid for a signalling NaN.
    if (f::is_signaling(x) || f::is_signaling(y)) f::raise_invalid();
    if (f::is_zero(x) && f::is_zero(y)) {
        // The pole: -inf with divbyzero; the angle 0 or pi (nearest) by x's sign.
        // pi, or pi log10(e) for clog10, rounded to nearest, as glibc's
        // constants (the latter from mpmath at 300 bits).
        real pi = factor.hi == 1 ? f::tables::pi.hi : f::constant(0x3fff5d47c4cb2fbaull, 0x0b0ed7231200e68bull);
        return f::make_complex(f::pole(true), f::with_sign_of(f::sign_of(x) ? pi : real(0), y));
    }
    if (f::is_nan(x) || f::is_nan(y)) {
        real re = (f::is_inf(x) || f::is_inf(y)) ? __builtin_inff128() : positive_nan();
        return f::make_complex(re, positive_nan());
    }
    int saved_errno = errno;  // atan2f128 sets ERANGE for a zero angle; glibc's kernel does not
    real angle = atan2f128(y, x);
    errno = saved_errno;
    bool scaled_angle = factor.hi != 1 && !f::is_zero(angle);  // a zero keeps its sign
    pair angle_product;
    if (scaled_angle) {
        f::quiet_nearest_scope nearest;
        angle_product = factor * angle;
    }
    if (scaled_angle) angle = rounded(angle_product);
    if (f::is_inf(x) || f::is_inf(y)) return f::make_complex(__builtin_inff128(), angle);
    pair modulus;
    {
        f::quiet_nearest_scope nearest;
        modulus = log_modulus(x, y) * factor;
    }
    // A zero sum beside a nonzero smaller part: |z| = 1 + y^2/2 with y^2
    // below the subnormal range, a positive result that underflows.
    bool smaller_nonzero = !f::is_zero(f::magnitude(x) < f::magnitude(y) ? x : y);
    if (f::is_zero(modulus.hi) && smaller_nonzero) return f::make_complex(f::underflow_value(false), angle);
    return f::make_complex(rounded(modulus), angle);
}

}  // namespace

extern "C" {

complex128 clogf128(complex128 z) noexcept { return complex_log(z, f::exact(1)); }
complex128 clog10f128(complex128 z) noexcept { return complex_log(z, f::tables::log10_e); }

__float128 sqrtf128(__float128 x) noexcept;

complex128 csqrtf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    // glibc's classification of the parts raises invalid for a signalling NaN.
    if (f::is_signaling(x) || f::is_signaling(y)) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y)) {
        real infinity = __builtin_inff128();
        if (f::is_inf(y)) return f::make_complex(infinity, y);
        if (f::is_inf(x)) {
            if (f::sign_of(x)) return f::make_complex(f::is_nan(y) ? positive_nan() : real(0), f::with_sign_of(infinity, y));
            return f::make_complex(x, f::is_nan(y) ? positive_nan() : f::with_sign_of(0, y));
        }
        return f::make_complex(positive_nan(), positive_nan());
    }
    if (f::is_zero(y)) {
        if (x < 0) return f::make_complex(0, f::with_sign_of(sqrtf128(-x), y));
        return f::make_complex(f::magnitude(sqrtf128(x)), y);
    }
    // sqrt(z) = t + i y/(2t) with t = sqrt((|x| + |z|)/2) for x >= 0 (the
    // parts exchanged for x < 0), which never cancels; scaled by an even
    // power of two so that |z|^2 neither overflows nor underflows.
    real ax = f::magnitude(x);
    real ay = f::magnitude(y);
    real larger = ax > ay ? ax : ay;
    int e = 0;
    if (larger > f::power_of_two(8000) || larger < f::power_of_two(-8000)) {
        normalized(f::exact(larger), &e);
        e &= ~1;
    }
    pair t;
    pair other;
    int shift = 0;
    // The smaller part at most 2^-60 of the larger: |z| lies within
    // 2^-120 relative of the larger, so neither part is exact, though the
    // pair, whose small square may have underflowed, can look exact.
    real smaller = ax > ay ? ay : ax;
    bool never_exact;
    {
        f::quiet_nearest_scope nearest;  // (larger * 2^-60 may underflow: flags dropped)
        never_exact = !f::is_zero(smaller) && smaller <= larger * f::power_of_two(-60);
        real sx = times_power_of_two(ax, -e);
        real sy = times_power_of_two(ay, -e);
        real big = sx >= sy ? sx : sy;
        real small = sx >= sy ? sy : sx;
        pair square = f::two_product(big, big);
        if (small > big * f::power_of_two(-120)) square = square + f::two_product(small, small);
        pair modulus = f::sqrt_of(square);
        t = f::sqrt_of(f::scale(modulus + sx, real(0.5)));  // the true t times 2^(-e/2)
        // The other part |y|/(2t), |y| moved into [1, 2) first.
        pair ny = normalized(f::exact(ay), &shift);
        other = ny / t;
    }
    f::exactness kind = never_exact ? f::exactness::never : f::exactness::as_computed;
    real big = rounded_scaled(t, e / 2, kind);
    real small = rounded_scaled(other, shift - e / 2 - 1, kind);
    if (!f::sign_of(x)) return f::make_complex(big, f::with_sign_of(small, y));
    return f::make_complex(small, f::with_sign_of(big, y));
}

}  // extern "C"
