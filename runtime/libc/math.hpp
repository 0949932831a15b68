// lwp's math library: the algorithms behind the C names of <math.h>, in
// namespace lwp::libc::math and with no C symbol, so that the hosted unit test
// (tests/unit/libc_math_test.cpp) compiles them next to glibc's libm. The C
// names (sin, sinf, ...) are defined in math_symbols.cpp, freestanding only.
//
// Functions that set errno do so as glibc's libm does (math_errhandling has
// MATH_ERRNO there): EDOM for a domain error, ERANGE for a pole, an overflow,
// or an underflow to zero.
#pragma once

#include <cstdint>

namespace lwp::libc::math {

// Exact operations (math_exact.cpp).
double fabs(double x) noexcept;
double copysign(double x, double y) noexcept;
double trunc(double x) noexcept;
double floor(double x) noexcept;
double ceil(double x) noexcept;
double round(double x) noexcept;
double rint(double x) noexcept;
double nearbyint(double x) noexcept;
long lrint(double x) noexcept;
long lround(double x) noexcept;
double fmod(double x, double y) noexcept;
double remainder(double x, double y) noexcept;
double fmin(double x, double y) noexcept;
double fmax(double x, double y) noexcept;
double fdim(double x, double y) noexcept;
double frexp(double x, int* exponent) noexcept;
double ldexp(double x, long exponent) noexcept;  // also scalbn and scalbln
double modf(double x, double* integral) noexcept;
int ilogb(double x) noexcept;
double logb(double x) noexcept;
double nextafter(double x, double y) noexcept;
float nextafterf(float x, float y) noexcept;
double sqrt(double x) noexcept;
double nan(const char* tag) noexcept;
// The payload nan(tag) and nanl(tag) give: the number the tag spells, or 0.
std::uint64_t nan_tag_payload(const char* tag) noexcept;
// Whether nan(tag) (nanf, nanl, nanf128 alike) sets ERANGE: glibc's reads a
// tag of letters, digits and underscores with strtoull (base 0), whose
// overflow leaves ERANGE in errno, even where the rest of the tag then makes
// it no number ("99999999999999999999z"); a tag with any other character is
// not read at all.
bool nan_tag_overflows(const char* tag) noexcept;
double fma(double x, double y, double z) noexcept;  // math_fma.cpp
float fma_float(float x, float y, float z) noexcept;

// Exponentials and logarithms (math_exponential.cpp, math_logarithm.cpp, math_power.cpp).
double exp(double x) noexcept;
double exp2(double x) noexcept;
double expm1(double x) noexcept;
double log(double x) noexcept;
double log2(double x) noexcept;
double log10(double x) noexcept;
double log1p(double x) noexcept;
double pow(double x, double y) noexcept;
// The accurate (double-double) paths alone, which exp, log, log2, log10,
// sin, cos and sincos (math_*_fast.cpp) fall back on where their fast paths cannot prove the rounding; kept callable so that a
// test can compare the two bit for bit.
double exp_accurate(double x) noexcept;
double log_accurate(double x) noexcept;
double log2_accurate(double x) noexcept;
double log10_accurate(double x) noexcept;
double sin_accurate(double x) noexcept;
double cos_accurate(double x) noexcept;
void sincos_accurate(double x, double* sine, double* cosine) noexcept;
// The fast paths alone: true, with the result, where they prove it.
bool exp_fast(double x, double* result) noexcept;
bool log_fast(double x, double* result) noexcept;
bool log2_fast(double x, double* result) noexcept;
bool log10_fast(double x, double* result) noexcept;
bool sin_fast(double x, double* result) noexcept;
bool cos_fast(double x, double* result) noexcept;
double cbrt(double x) noexcept;
double hypot(double x, double y) noexcept;

// Trigonometry (math_trigonometric.cpp, math_inverse_trigonometric.cpp).
double sin(double x) noexcept;
double cos(double x) noexcept;
double tan(double x) noexcept;
void sincos(double x, double* sine, double* cosine) noexcept;
double asin(double x) noexcept;
double acos(double x) noexcept;
double atan(double x) noexcept;
double atan2(double y, double x) noexcept;

// Hyperbolic functions (math_hyperbolic.cpp).
double sinh(double x) noexcept;
double cosh(double x) noexcept;
double tanh(double x) noexcept;
double asinh(double x) noexcept;
double acosh(double x) noexcept;
double atanh(double x) noexcept;

// Special functions (math_error_function.cpp, math_gamma.cpp, math_bessel.cpp,
// math_bessel_integer_order.cpp).
double erf(double x) noexcept;
double erfc(double x) noexcept;
// log|Gamma(x)|, with the sign of Gamma(x) (1 or -1) in *sign, as lgamma_r.
double lgamma(double x, int* sign) noexcept;
double tgamma(double x) noexcept;
double j0(double x) noexcept;
double j1(double x) noexcept;
double y0(double x) noexcept;
double y1(double x) noexcept;
double jn(int n, double x) noexcept;
double yn(int n, double x) noexcept;

// Exact operations with a quotient or a long double argument
// (math_remquo.cpp, math_nexttoward.cpp).
double remquo(double x, double y, int* quotient) noexcept;
double nexttoward(double x, long double y) noexcept;
float nexttowardf(float x, long double y) noexcept;

// A double result rounded to float, with ERANGE if that overflows or
// underflows to zero: the float functions compute in double and round once,
// which for the functions here gives a float within one float ulp.
float narrow(double result) noexcept;

}  // namespace lwp::libc::math
