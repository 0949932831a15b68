// The double-double Bessel kernels of math_bessel.cpp, which jn and yn
// (math_bessel_integer_order.cpp) start their recurrences from.
#pragma once

#include "runtime/libc/math_double_double.hpp"

namespace lwp::libc::math {

// J0, J1, Y0, Y1 of a finite x > 0, to about 2^-104 relative to the function's
// size (its amplitude, about sqrt(2/(pi x)) for large x). For Y1, x must be at
// least 2^-900 (below, Y1 is beyond the double-double range).
double_double bessel_j0(double x) noexcept;
double_double bessel_j1(double x) noexcept;
double_double bessel_y0(double x) noexcept;
double_double bessel_y1(double x) noexcept;

// J_n(x) and Y_n(x) from Hankel's asymptotic expansions, for x >= 45 and x
// far beyond n^2 (x >= 2^20 (n^2 + 1) for n >= 2).
struct bessel_pair {
    double_double j;
    double_double y;
};
bessel_pair bessel_hankel(double n, double x) noexcept;

// Y1(x), or -Y1(x) for `negate` (yn(-1, x)), rounded once as the signed
// value, for a finite x > 0: near 0 it overflows, to -inf or +inf, or to
// the largest double of its sign, as the direction has it (ERANGE).
double signed_y1(double x, bool negate) noexcept;

}  // namespace lwp::libc::math
