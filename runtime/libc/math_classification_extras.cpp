// The functions behind three classification macros of glibc's <math.h>
// that GCC 12 does not expand itself: issignaling (__issignaling,
// __issignalingf, __issignalingl), iseqsig (__iseqsig, __iseqsigf,
// __iseqsigl) and, for long double only, iscanonical (__iscanonicall; for
// float and double every encoding is canonical and the macro needs no call).
// They read bits only, so they are exact for every type, long double
// included.
#include <errno.h>
#include <math.h>

#include <bit>
#include <cstdint>

#include "runtime/libc/math_long_double_bits.hpp"

namespace {

namespace m = lwp::libc::math;

// Both comparisons are ordered ones (GCC 8 and later emit comisd/fcomi for
// <= and >=), so an unordered pair raises invalid as iseqsig must; only
// errno is left to set.
template <typename Real>
int equal_signalling(Real x, Real y) noexcept {
    bool at_most = x <= y;
    bool at_least = x >= y;
    if (at_most && at_least) return 1;
    if (!at_most && !at_least) errno = EDOM;
    return 0;
}

}  // namespace

extern "C" {

// A NaN whose quiet bit (the significand's top stored bit) is clear.
int __issignaling(double x) noexcept {
    std::uint64_t magnitude = std::bit_cast<std::uint64_t>(x) & 0x7fffffffffffffffu;
    return magnitude > 0x7ff0000000000000u && magnitude < 0x7ff8000000000000u;
}
int __issignalingf(float x) noexcept {
    std::uint32_t magnitude = std::bit_cast<std::uint32_t>(x) & 0x7fffffffu;
    return magnitude > 0x7f800000u && magnitude < 0x7fc00000u;
}

// The x87 raises invalid on any encoding with a nonzero exponent and a clear
// integer bit (pseudo-NaNs, pseudo-infinities, unnormals), so, as glibc does
// on x86, those count as signalling too; otherwise a NaN (maximal exponent,
// significand other than the integer bit alone) with its quiet bit clear.
int __issignalingl(long double x) noexcept {
    m::long_double_bits bits = m::bits_of_long(x);
    unsigned exponent = bits.sign_exponent & m::long_exponent_max;
    if (exponent != 0 && (bits.mantissa & m::long_integer_bit) == 0) return 1;
    std::uint64_t fraction = bits.mantissa & ~m::long_integer_bit;
    return exponent == m::long_exponent_max && (fraction & m::long_quiet_bit) == 0 && fraction != 0;
}

// Canonical when the explicit integer bit agrees with the exponent: set for
// every nonzero exponent (normals, infinities, NaNs), clear for zero and
// subnormals (a set one there is a pseudo-denormal).
int __iscanonicall(long double x) noexcept {
    m::long_double_bits bits = m::bits_of_long(x);
    bool integer_bit_set = (bits.mantissa & m::long_integer_bit) != 0;
    return (bits.sign_exponent & m::long_exponent_max) != 0 ? integer_bit_set : !integer_bit_set;
}

int __iseqsig(double x, double y) noexcept { return equal_signalling(x, y); }
int __iseqsigf(float x, float y) noexcept { return equal_signalling(x, y); }
int __iseqsigl(long double x, long double y) noexcept { return equal_signalling(x, y); }

}  // extern "C"
