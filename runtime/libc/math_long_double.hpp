// lwp's long double math functions (x86-64: the x87 80-bit format), in
// namespace lwp::libc::math and with no C symbol, so that the hosted unit test
// (tests/unit/libc_math_long_double_test.cpp) compiles them next to glibc's
// libm. The C names (sinl, fmodl, ...) are defined in
// math_long_double_symbols.cpp, freestanding only. errno as glibc's libm sets
// it, as for the double functions (math.hpp).
#pragma once

namespace lwp::libc::math {

// Exact operations (math_long_double_exact.cpp).
long double fabsl(long double x) noexcept;
long double copysignl(long double x, long double y) noexcept;
long double truncl(long double x) noexcept;
long double floorl(long double x) noexcept;
long double ceill(long double x) noexcept;
long double roundl(long double x) noexcept;
long double rintl(long double x) noexcept;
long double nearbyintl(long double x) noexcept;
long long lrintl(long double x) noexcept;   // also llrintl
long long lroundl(long double x) noexcept;  // also llroundl
long double fmodl(long double x, long double y) noexcept;
long double remainderl(long double x, long double y) noexcept;
long double remquol(long double x, long double y, int* quotient) noexcept;
long double sqrtl(long double x) noexcept;
long double fmaxl(long double x, long double y) noexcept;
long double fminl(long double x, long double y) noexcept;
long double fdiml(long double x, long double y) noexcept;
long double frexpl(long double x, int* exponent) noexcept;
long double ldexpl(long double x, long exponent) noexcept;  // also scalbnl, scalblnl
// x * 2^exponent rounded once, without errno (for finite nonzero x).
long double scale_by_power_of_two(long double x, long exponent) noexcept;
long double modfl(long double x, long double* integral) noexcept;
int ilogbl(long double x) noexcept;
long double logbl(long double x) noexcept;
long double nextafterl(long double x, long double y) noexcept;  // also nexttowardl
long double nanl(const char* tag) noexcept;

// x * y + z rounded once, in the current rounding mode (math_long_double_fma.cpp).
long double fmal(long double x, long double y, long double z) noexcept;

// Exponentials, logarithms, powers and roots (math_long_double_exponential.cpp).
long double expl(long double x) noexcept;
long double exp2l(long double x) noexcept;
long double exp10l(long double x) noexcept;
long double expm1l(long double x) noexcept;
long double logl(long double x) noexcept;
long double log2l(long double x) noexcept;
long double log10l(long double x) noexcept;
long double log1pl(long double x) noexcept;
long double powl(long double x, long double y) noexcept;
long double cbrtl(long double x) noexcept;
long double hypotl(long double x, long double y) noexcept;

// Trigonometry (math_long_double_trigonometric.cpp).
long double sinl(long double x) noexcept;
long double cosl(long double x) noexcept;
long double tanl(long double x) noexcept;
void sincosl(long double x, long double* sine, long double* cosine) noexcept;
long double asinl(long double x) noexcept;
long double acosl(long double x) noexcept;
long double atanl(long double x) noexcept;
long double atan2l(long double y, long double x) noexcept;

// The error function and its complement (math_long_double_error_function.cpp).
long double erfl(long double x) noexcept;
long double erfcl(long double x) noexcept;

// log|Gamma(x)| with Gamma's sign in *sign, and Gamma(x)
// (math_long_double_gamma.cpp).
long double lgammal(long double x, int* sign) noexcept;
long double tgammal(long double x) noexcept;

// The Bessel functions of the first and second kinds, of orders 0, 1 and n
// (math_long_double_bessel.cpp).
long double j0l(long double x) noexcept;
long double j1l(long double x) noexcept;
long double jnl(int n, long double x) noexcept;
long double y0l(long double x) noexcept;
long double y1l(long double x) noexcept;
long double ynl(int n, long double x) noexcept;

// Hyperbolic functions (math_long_double_hyperbolic.cpp).
long double sinhl(long double x) noexcept;
long double coshl(long double x) noexcept;
long double tanhl(long double x) noexcept;
long double asinhl(long double x) noexcept;
long double acoshl(long double x) noexcept;
long double atanhl(long double x) noexcept;

}  // namespace lwp::libc::math
