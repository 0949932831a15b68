// The pieces the _Float128 trigonometric functions share
// (math_float128_trigonometric.cpp, math_float128_inverse_trigonometric.cpp).
#pragma once

#include "runtime/libc/math_float128_pair.hpp"

namespace lwp::libc::math::f128 {

// ax = quadrant pi/2 + r (quadrant mod 4, |r| <= pi/4) for a finite
// ax >= pi/4, r to about 2^-226 relative however close ax lies to a
// multiple of pi/2. Pair arithmetic: run rounding to nearest.
struct quadrant_angle {
    unsigned quadrant;
    pair r;
};
quadrant_angle reduce_quadrant(real ax) noexcept;

// sin and cos of a finite ax >= 0, to about 2^-224. Rounding to nearest.
struct sine_cosine {
    pair sine;
    pair cosine;
};
sine_cosine sin_cos_of(real ax) noexcept;

// sin y and cos y of a finite y of either sign, for the complex functions:
// at or below the least normal value glibc's complex templates take y and 1
// without computing them (keeping the sign of a zero and of a subnormal
// sine), so these are exact there. Rounding to nearest.
struct signed_sine_cosine {
    pair sine;
    pair cosine;
    bool exact;
};
inline signed_sine_cosine signed_sin_cos_of(real y) noexcept {
    if (magnitude(y) <= power_of_two(-16382)) return {pair{y, 0}, pair{1, 0}, true};
    sine_cosine sc = sin_cos_of(magnitude(y));
    return {sign_of(y) ? -sc.sine : sc.sine, sc.cosine, false};
}

// atan(num / den) in [0, pi/2] for pairs num, den >= 0, not both 0, whose
// ratio is representable (math_float128_inverse_trigonometric.cpp; the
// complex inverse functions use it too). Rounding to nearest.
pair atan_of_ratio(pair num, pair den) noexcept;

// v.hi + v.lo with the sign put on both parts before the one rounding, in
// the caller's mode: negating a rounded magnitude would round a negative
// result the wrong way in a directed mode. The parts pass through
// volatiles so that the compiler adds no constants at compile time.
real signed_rounded(pair v, bool negative) noexcept;

// The result of an odd function f(x) = x (1 + O(x^2)) for a nonzero
// |x| < 2^-57, whose exact value lies within far less than half an ulp of
// x, toward zero (sin, atan) or away from it (tan, asin): rounded in the
// caller's mode, with inexact, and underflow for a subnormal x as glibc's.
real tiny_odd_result(real x, bool toward_zero) noexcept;

// Raise FE_UNDERFLOW (with FE_INEXACT), for a tiny inexact result.
void raise_underflow() noexcept;

}  // namespace lwp::libc::math::f128
