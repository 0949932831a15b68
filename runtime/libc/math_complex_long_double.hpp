// lwp's <complex.h> for long double _Complex: the algorithms behind cexpl,
// clogl, csqrtl, ... in namespace lwp::libc::math, on a value's two parts,
// with no C symbol, so that the hosted unit test
// (tests/unit/libc_complex_long_double_test.cpp) compiles them next to
// glibc's libm. The C names are in math_complex_long_double_symbols.cpp.
//
// The same algorithms as the double forms (math_complex.hpp), one precision
// up: the long-double-double kernels of the real long double functions
// (math_long_double_kernels.hpp), each part rounded once. Special values as
// glibc's. None of these touches errno (errno_kept): glibc's complex long
// double functions leave it alone, unlike its double ones (cexpl's underflow
// to zero, catanhl's poles); only cabsl and cargl, which are hypotl and
// atan2l, set it.
#pragma once

#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_long_double_double.hpp"

namespace lwp::libc::math {

inline constexpr long double long_infinity() noexcept { return __builtin_infl(); }

// Rounds x87 arithmetic to nearest for its lifetime, whatever fesetround
// chose (arch/x86_64/x87_math.hpp): atan2l strays further in a directed
// mode, where glibc's computes in nearest too: the parts so computed are
// within an ulp of the directed ones, as glibc's.
class x87_nearest_rounding_scope : arch::x87::rounding_scope {
public:
    x87_nearest_rounding_scope() noexcept : rounding_scope(to_nearest) {}
};

struct complex_long_parts {
    long double re;
    long double im;
};

// math_complex_long_double_exponential.cpp
complex_long_parts complex_exp_long(long double x, long double y) noexcept;
complex_long_parts complex_log_long(long double x, long double y) noexcept;
complex_long_parts complex_log10_long(long double x, long double y) noexcept;
complex_long_parts complex_sqrt_long(long double x, long double y) noexcept;
complex_long_parts complex_project_long(long double x, long double y) noexcept;
// (a + ib)(c + id) as C's * does (Annex G: an infinite part survives a NaN).
complex_long_parts complex_multiply_long(complex_long_parts a, complex_long_parts b) noexcept;
// cexpl(w clogl(z)), as glibc's cpowl.
complex_long_parts complex_pow_long(complex_long_parts z, complex_long_parts w) noexcept;

// math_complex_long_double_hyperbolic.cpp
complex_long_parts complex_sinh_long(long double x, long double y) noexcept;
complex_long_parts complex_cosh_long(long double x, long double y) noexcept;
complex_long_parts complex_tanh_long(long double x, long double y) noexcept;
complex_long_parts complex_sin_long(long double x, long double y) noexcept;
complex_long_parts complex_cos_long(long double x, long double y) noexcept;
complex_long_parts complex_tan_long(long double x, long double y) noexcept;

// math_complex_long_double_inverse.cpp
complex_long_parts complex_asinh_long(long double x, long double y) noexcept;
complex_long_parts complex_asin_long(long double x, long double y) noexcept;
complex_long_parts complex_acos_long(long double x, long double y) noexcept;
complex_long_parts complex_acosh_long(long double x, long double y) noexcept;
complex_long_parts complex_atanh_long(long double x, long double y) noexcept;
complex_long_parts complex_atan_long(long double x, long double y) noexcept;

// Shared by the three files (math_complex_long_double_exponential.cpp).
// log|z| in long-double-double for finite z != 0.
long_double_double log_modulus_long(long double x, long double y) noexcept;
// sin(y) and cos(y) of a finite y in long-double-double.
void sin_cos_long_double_double(long double y, long_double_double* sine,
                                long_double_double* cosine) noexcept;
// A nonzero finite value moved into [0.5, 1) in magnitude, the power of two
// taken out added to *exponent.
long_double_double normalized_long(long_double_double value, int* exponent) noexcept;
// The nonnegative value * 2^exponent rounded once to a long double
// (subnormal results included; overflow gives inf with FE_OVERFLOW).
long double round_magnitude_long(long_double_double value, int exponent) noexcept;
// |a * b| * 2^exponent rounded once, whatever the factors' magnitudes.
long double round_product_long(long_double_double a, long_double_double b, int exponent) noexcept;
// The same with the sign given, rounded as a value of that sign in the current
// direction (an overflow downward is -inf, upward the most negative finite
// value: negating a rounded magnitude would reverse them).
long double round_signed_product_long(long_double_double a, long_double_double b, int exponent,
                                      bool negative) noexcept;
// exp(a) = value * 2^exponent, value near 1, for finite |a| < 24000.
void exp_wide_long(long double a, long_double_double* value, int* exponent) noexcept;

}  // namespace lwp::libc::math
