// The exact complex functions of _Float128: crealf128 cimagf128 conjf128
// cprojf128. None rounds, so none raises a flag (conj flips a sign bit;
// cproj's infinity and zero are built, not computed).
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

using complex128 = f::complex;
using f::make_complex;

extern "C" {

__float128 crealf128(complex128 z) noexcept { return __real__ z; }
__float128 cimagf128(complex128 z) noexcept { return __imag__ z; }

complex128 conjf128(complex128 z) noexcept {
    return make_complex(__real__ z, f::from_bits(f::bits_of(__imag__ z) ^ f::sign_bit));
}

// An infinite part (even with a NaN beside it) projects to +inf with the
// imaginary part's sign on a zero; anything else is itself. glibc's
// isinf tests compare, raising invalid for a signalling NaN they look at:
// the real part always, the imaginary one unless the real part is infinite.
complex128 cprojf128(complex128 z) noexcept {
    bool real_infinite = f::is_inf(__real__ z);
    if (f::is_signaling(__real__ z) || (!real_infinite && f::is_signaling(__imag__ z))) f::raise_invalid();
    if (!real_infinite && !f::is_inf(__imag__ z)) return z;
    return make_complex(f::from_bits(f::infinity), f::from_bits(f::bits_of(__imag__ z) & f::sign_bit));
}

}  // extern "C"
