// lwp's <complex.h>: the algorithms behind cexp, clog, csqrt, ... in namespace
// lwp::libc::math, on a value's two parts, with no C symbol, so that the hosted
// unit test (tests/unit/libc_complex_math_test.cpp) compiles them next to
// glibc's libm. The C names (double _Complex and float _Complex) are in
// math_complex_symbols.cpp, freestanding only.
//
// None of these touches errno: they call the real functions of math.hpp,
// which set it, so each one restores it (errno_kept below); the C wrappers
// then set errno where glibc's complex functions do (math_complex_symbols.cpp).
// Special values (infinities, NaNs, signed zeros) are glibc's, which follow
// C11 Annex G; finite arguments are computed in double-double and rounded
// once per part where that is cheap, and otherwise kept within a few ulps.
#pragma once

#include <errno.h>

#include "runtime/libc/math_double_double.hpp"

namespace lwp::libc::math {

struct complex_parts {
    double re;
    double im;
};

// Restores errno on leaving a scope: the real functions used inside a complex
// one report their own domain and range errors, which glibc's complex
// functions mostly do not.
class errno_kept {
public:
    errno_kept() noexcept : saved_(errno) {}
    ~errno_kept() { errno = saved_; }
    errno_kept(const errno_kept&) = delete;
    errno_kept& operator=(const errno_kept&) = delete;

private:
    int saved_;
};

inline constexpr double infinity() noexcept { return __builtin_inf(); }

// math_complex_exponential.cpp
complex_parts complex_exp(double x, double y) noexcept;
complex_parts complex_log(double x, double y) noexcept;
complex_parts complex_log10(double x, double y) noexcept;
complex_parts complex_sqrt(double x, double y) noexcept;
complex_parts complex_project(double x, double y) noexcept;
// (a + ib)(c + id) as C's * does (Annex G: an infinite part survives a NaN).
complex_parts complex_multiply(complex_parts a, complex_parts b) noexcept;
// cexp(w clog(z)), as glibc's cpow.
complex_parts complex_pow(complex_parts z, complex_parts w) noexcept;

// math_complex_hyperbolic.cpp
complex_parts complex_sinh(double x, double y) noexcept;
complex_parts complex_cosh(double x, double y) noexcept;
complex_parts complex_tanh(double x, double y) noexcept;
complex_parts complex_sin(double x, double y) noexcept;
complex_parts complex_cos(double x, double y) noexcept;
complex_parts complex_tan(double x, double y) noexcept;

// math_complex_inverse.cpp
complex_parts complex_asinh(double x, double y) noexcept;
complex_parts complex_asin(double x, double y) noexcept;
complex_parts complex_acos(double x, double y) noexcept;
complex_parts complex_acosh(double x, double y) noexcept;
complex_parts complex_atanh(double x, double y) noexcept;
complex_parts complex_atan(double x, double y) noexcept;

// Shared by the three files (math_complex_exponential.cpp).
// sin(y) and cos(y) of a finite y in double-double.
void sin_cos_double_double(double y, double_double* sine, double_double* cosine) noexcept;
// The nonnegative value * 2^exponent rounded once to a double (subnormal
// results included; overflow gives inf, raising the overflow flag).
double round_magnitude(double_double value, int exponent) noexcept;
// |a * b| * 2^exponent rounded once, whatever the factors' magnitudes.
double round_product(double_double a, double_double b, int exponent) noexcept;
// The same with the sign given (negative: -|a * b| * 2^exponent), rounded in
// the current direction as a signed value: an overflow downward is -inf, one
// upward -DBL_MAX, which negating a rounded magnitude would reverse.
double round_signed_product(double_double a, double_double b, int exponent, bool negative) noexcept;

// errno as glibc's complex functions set it, through the real functions they
// call (the C wrappers, math_complex_symbols.cpp, add these after the
// algorithm): cexp, and so cpow, ERANGE when exp of the finite real part
// underflows to zero (for the float forms, to a float zero); catanh ERANGE at
// its poles +-1 (catan at +-i: the parts exchanged).
void complex_exp_errno(complex_parts z, bool single) noexcept;
inline void complex_atanh_pole_errno(double x, double y) noexcept {
    if ((x == 1.0 || x == -1.0) && y == 0.0) errno = ERANGE;
}

}  // namespace lwp::libc::math
