// The pieces the _Float128 Bessel functions of orders 0 and 1
// (math_float128_bessel.cpp) lend to the integer orders
// (math_float128_bessel_integer_order.cpp). Pair arithmetic: the kernels
// run rounding to nearest (quiet_nearest_scope).
#pragma once

#include "runtime/libc/math_float128_pair.hpp"

namespace lwp::libc::math::f128 {

// From here on the functions come from Hankel's expansions.
inline constexpr real hankel_threshold = 84;
// Below 2^-114, Y1(x) is -2/(pi x) to within 2^-220 of itself.
inline constexpr real bessel_tiny = 0x1p-114;

// J_n(x) and Y_n(x) of a finite x >= 84, by Hankel's expansions, whose
// terms must fall below 2^-232 (x far beyond n^2 for n >= 2).
struct bessel_pair {
    pair j;
    pair y;
};
bessel_pair bessel_hankel(real n, real x) noexcept;

// J0, J1, Y0, Y1 of a finite x > 0 (Y1: x >= bessel_tiny).
pair bessel_j0(real x) noexcept;
pair bessel_j1(real x) noexcept;
pair bessel_y0(real x) noexcept;
pair bessel_y1(real x) noexcept;

// value * 2^exponent rounded once in the caller's mode (outside the
// scope), any size: overflow, underflow and subnormals as one rounding.
real round_any(pair value, int exponent) noexcept;

// Y1(x), or -Y1(x) for `negate`, rounded once as the signed value, for a
// finite x > 0 (from the caller's mode: it opens its own scope); an
// overflow (x below about 2^-16384) sets ERANGE when it is infinite. At
// x <= 2^-114 glibc's quotient -(2/pi)/x in the caller's mode.
real signed_y1(real x, bool negate) noexcept;

}  // namespace lwp::libc::math::f128
