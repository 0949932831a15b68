// The classification functions and sign operations of _Float128: the calls
// behind glibc's <math.h> macros where GCC does not expand them itself
// (__fpclassifyf128, __finitef128, __isinff128, __isnanf128,
// __issignalingf128, __signbitf128, __iseqsigf128), and fabsf128,
// copysignf128 and nanf128. All but __iseqsigf128 read or write bits only,
// so they raise nothing, for signalling NaNs either.
#include <errno.h>
#include <math.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

extern "C" {

int __fpclassifyf128(__float128 x) noexcept {
    f::bits m = f::magnitude_bits(x);
    if (m == 0) return FP_ZERO;
    if (m < f::integer_bit) return FP_SUBNORMAL;
    if (m < f::infinity) return FP_NORMAL;
    return m == f::infinity ? FP_INFINITE : FP_NAN;
}

int __finitef128(__float128 x) noexcept { return f::is_finite(x); }
int __isnanf128(__float128 x) noexcept { return f::is_nan(x); }
int __issignalingf128(__float128 x) noexcept { return f::is_signaling(x); }
// 8 for a negative x, as glibc's (GCC's signbit of a binary128 there is bit
// 3 of movmskps: the sign of the top 32-bit lane).
int __signbitf128(__float128 x) noexcept { return f::sign_of(x) ? 8 : 0; }

// 1 for +inf, -1 for -inf, as glibc's isinf has it.
int __isinff128(__float128 x) noexcept {
    if (!f::is_inf(x)) return 0;
    return f::sign_of(x) ? -1 : 1;
}

// iseqsig: the two ordered comparisons (soft-fp's __letf2 and __getf2
// raise invalid for any NaN, as iseqsig must); an unordered pair is a
// domain error too.
int __iseqsigf128(__float128 x, __float128 y) noexcept {
    bool at_most = x <= y;
    bool at_least = x >= y;
    if (at_most && at_least) return 1;
    if (!at_most && !at_least) errno = EDOM;
    return 0;
}

__float128 fabsf128(__float128 x) noexcept { return f::magnitude(x); }
__float128 copysignf128(__float128 x, __float128 y) noexcept { return f::with_sign_of(x, y); }

// A quiet NaN whose low 64 fraction bits hold the number the tag spells
// (read as nanl reads it: 0 for anything that is not one number).
// ERANGE as nan's (nan_tag_overflows).
__float128 nanf128(const char* tag) noexcept {
    if (lwp::libc::math::nan_tag_overflows(tag)) errno = ERANGE;
    std::uint64_t payload = lwp::libc::math::nan_tag_payload(tag);
    return f::from_bits(f::infinity | f::quiet_bit | payload);
}

}  // extern "C"
