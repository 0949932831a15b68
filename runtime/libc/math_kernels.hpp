// The double-double kernels the math library's functions are built on:
// exp and log to about 100 bits, the one rounding of such a value to a
// double (math_exponential.cpp, math_logarithm.cpp), and the reduction of an
// angle with sin and cos of the rest (math_trigonometric.cpp).
#pragma once

#include "runtime/libc/math_double_double.hpp"

namespace lwp::libc::math {

// expm1(r) for |r| <= 0.35, to a relative error near 2^-100.
double_double expm1_reduced(double_double r) noexcept;

// exp(z) = value * 2^exponent with value in [0.7, 1.42], for |z.hi| < 1500.
struct scaled_double_double {
    double_double value;
    int exponent;
};
scaled_double_double exp_split(double_double z) noexcept;

// expm1(x) in double-double for -40 <= x <= 690, |x| >= 2^-54.
double_double expm1_double_double(double x) noexcept;

// value * 2^exponent rounded once in the current rounding direction,
// including in the subnormal range (where the rounding is to a multiple of
// 2^-1074); overflow gives inf (or +-DBL_MAX, as the direction and sign have
// it). |value| must be near 1 (within 2^+-60); a negative value (tgamma's)
// is rounded as the signed value.
double round_scaled(double_double value, int exponent) noexcept;

// log(1 + t) for 1 + t in about [0.7, 1.42], to a relative error near 2^-100.
double_double log1p_reduced(double_double t) noexcept;

// log(x) of a positive finite double-double x whose hi part is normal or
// subnormal (the lo part is rescaled with it).
double_double log_of(double_double x) noexcept;

// log(1 + t) of a double-double t > -1, accurate relative to the result.
double_double log1p_of(double_double t) noexcept;

// x = q pi/2 + r for a finite x >= 0, with |r| <= pi/4 (a hair more at
// worst) to double-double precision relative to r, however large x is
// (math_trigonometric.cpp: Payne and Hanek's reduction from pi/4 up).
struct reduced_angle {
    unsigned quadrant;  // q mod 4
    double_double r;
};
reduced_angle reduce_any(double ax) noexcept;

// sin(r) and cos(r) for |r| <= pi/4, to about 2^-104.
double_double sin_kernel(double_double r) noexcept;
double_double cos_kernel(double_double r) noexcept;

}  // namespace lwp::libc::math
