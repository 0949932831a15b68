// The long-double-double kernels of lwp's long double functions
// (math_long_double_exponential.cpp, math_long_double_trigonometric.cpp):
// exp, log, sin, cos and atan to about 125 bits and the one rounding of such a
// value to a long double. The complex long double functions
// (math_complex_long_double_*.cpp) are built on them too.
#pragma once

#include "runtime/libc/math_long_double_double.hpp"

namespace lwp::libc::math {

// expm1(r) for |r| <= 0.35, to a relative error near 2^-124.
long_double_double expm1_reduced_long(long_double_double r) noexcept;

// exp(z) = value * 2^exponent with value in [0.7, 1.42], for |z.hi| < 12000.
struct scaled_long_double_double {
    long_double_double value;
    int exponent;
};
scaled_long_double_double exp_split_long(long_double_double z) noexcept;

// value * 2^exponent rounded once in the current rounding direction,
// including in the subnormal range; overflow gives inf (FE_OVERFLOW), total
// underflow 0 (FE_UNDERFLOW), each as the direction and value's sign have
// them. |value| within 2^+-60 of 1.
long double round_scaled_long(long_double_double value, int exponent) noexcept;

// log(x) of a positive finite long-double-double, relative error near
// 2^-124 (absolute near 2^-126 where the result is small).
long_double_double log_of_long(long_double_double x) noexcept;

// log(1 + t) for t > -1, accurate relative to the result however small.
long_double_double log1p_of_long(long_double_double t) noexcept;

// sin and cos of a finite ax >= 0 (math_long_double_trigonometric.cpp), the
// argument reduced exactly however large it is.
struct long_sine_cosine {
    long_double_double sine;
    long_double_double cosine;
};
long_sine_cosine sin_cos_of_long(long double ax) noexcept;

// ax = quadrant pi/2 + r (quadrant mod 4, |r| <= pi/4) for a finite
// ax >= pi/4, r to about 2^-128 relative however close ax lies to a multiple
// of pi/2; and sin and cos of such an r (math_long_double_trigonometric.cpp).
// The Bessel functions' phases (math_long_double_bessel.cpp) are built on them.
struct long_quadrant_angle {
    unsigned quadrant;
    long_double_double r;
};
long_quadrant_angle reduce_quadrant_long(long double ax) noexcept;
long_sine_cosine sin_cos_reduced_long(long_double_double r) noexcept;

// atan(num / den) in [0, pi/2] for num, den >= 0, not both 0
// (math_long_double_trigonometric.cpp), to about 2^-125.
long_double_double atan_ratio_long(long_double_double num, long_double_double den) noexcept;

// y/x less a little (by far less than an ulp: a positive multiple of q^3 or
// so), for |y/x| < 2^-99 and x > 0, rounded once in the current direction as
// the signed value; a subnormal result raises underflow and inexact.
// (math_long_double_trigonometric.cpp)
long double tiny_quotient_less_a_little(long double y, long double x) noexcept;

}  // namespace lwp::libc::math
