// The long-double-double kernels of lwp's long double functions
// (math_long_double_exponential.cpp): exp and log to about 125 bits and the
// one rounding of such a value to a long double.
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

// value * 2^exponent rounded to the nearest long double, once, including in
// the subnormal range; overflow gives inf (FE_OVERFLOW), total underflow 0
// (FE_UNDERFLOW). value positive, within 2^+-60 of 1.
long double round_scaled_long(long_double_double value, int exponent) noexcept;

// log(x) of a positive finite long-double-double, relative error near
// 2^-124 (absolute near 2^-126 where the result is small).
long_double_double log_of_long(long_double_double x) noexcept;

// log(1 + t) for t > -1, accurate relative to the result however small.
long_double_double log1p_of_long(long_double_double t) noexcept;

}  // namespace lwp::libc::math
