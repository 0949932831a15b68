// cabsf128 and cargf128: the modulus and the angle of a _Float128 complex
// value, which are hypotf128(x, y) and atan2f128(y, x) exactly as glibc's are
// (its cabs and carg templates call the public hypot and atan2), so they
// leave the same flags and the same errno (ERANGE from an overflowing
// hypotf128). Apart from math_float128_complex.cpp so that a program using
// only crealf128 or conjf128 does not pull in the real kernels.
#include "runtime/libc/math_float128_bits.hpp"

using complex128 = lwp::libc::math::f128::complex;

extern "C" {

__float128 hypotf128(__float128 x, __float128 y) noexcept;
__float128 atan2f128(__float128 y, __float128 x) noexcept;

__float128 cabsf128(complex128 z) noexcept { return hypotf128(__real__ z, __imag__ z); }
__float128 cargf128(complex128 z) noexcept { return atan2f128(__imag__ z, __real__ z); }

}  // extern "C"
