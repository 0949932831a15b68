// _Float128 rounded to a long (long long is the same on x86-64):
// lrintf128 llrintf128 in the current rounding mode, lroundf128 llroundf128
// halfway cases away from zero. Out of range, infinite or NaN: FE_INVALID
// and the unspecified value glibc gives, which is what the conversion (C's
// cast, soft-fp's __fixtfdi: the bound of x's sign) gives, except where
// glibc's rounding carries a positive x up to 2^63 and then returns that
// bit pattern, LONG_MIN (with invalid). A negative x beyond LONG_MIN that
// rounds to it gives LONG_MIN with inexact alone (lrint).
#include <limits.h>
#include <math.h>

#include <cstdint>

#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

constexpr int long_bits = 64;

// The magnitude of an integral t below 2^64, from its bits.
std::uint64_t integer_magnitude(__float128 t) noexcept {
    f::bits m = f::magnitude_bits(t);
    if (m == 0) return 0;
    int exponent = static_cast<int>(m >> f::fraction_bits) - f::bias;
    f::bits significand = (m & f::fraction_mask) | f::integer_bit;
    return static_cast<std::uint64_t>(significand >> (f::fraction_bits - exponent));
}

long negated_if(bool negative, std::uint64_t magnitude) noexcept {
    return static_cast<long>(negative ? 0 - magnitude : magnitude);
}

// Whether x lies strictly between 2^63 + `beyond` and 2^63 below zero: the
// values beyond LONG_MIN that rounding may still bring to it.
bool just_below_long_min(__float128 x, __float128 beyond) noexcept {
    if (!f::sign_of(x) || f::is_nan(x)) return false;
    __float128 m = f::magnitude(x);
    return m > f::power_of_two(63) && m < f::power_of_two(63) + beyond;
}

}  // namespace

extern "C" {

long lrintf128(__float128 x) noexcept {
    int exponent = f::biased_exponent(x) - f::bias;
    if (exponent < long_bits - 1) {
        // Between LONG_MAX and 2^63 glibc rounds without inexact, then
        // raises inexact if that gave LONG_MAX, invalid if 2^63 (whose bits
        // it returns: LONG_MIN).
        __float128 long_max = static_cast<__float128>(LONG_MAX);  // exact
        if (!f::sign_of(x) && x > long_max) {
            __float128 rounded = nearbyintf128(x);
            if (rounded == long_max) f::raise_inexact(); else f::raise_invalid();
            return static_cast<long>(integer_magnitude(rounded));
        }
        return negated_if(f::sign_of(x), integer_magnitude(rintf128(x)));
    }
    if (just_below_long_min(x, 1)) {
        // LONG_MIN if x rounds to it (inexact), else out of range.
        if (nearbyintf128(x) == -f::power_of_two(63)) f::raise_inexact(); else f::raise_invalid();
        return LONG_MIN;
    }
    return static_cast<long>(x);  // LONG_MIN exactly, or invalid
}

long lroundf128(__float128 x) noexcept {
    bool negative = f::sign_of(x);
    int exponent = f::biased_exponent(x) - f::bias;
    if (exponent < long_bits - 1) {
        std::uint64_t magnitude = integer_magnitude(roundf128(x));
        if (!negative && magnitude == std::uint64_t{1} << 63) f::raise_invalid();
        return negated_if(negative, magnitude);
    }
    // At or beyond LONG_MIN - 0.5 (which rounds away, out of range): invalid.
    if (negative && !f::is_nan(x) && f::magnitude(x) >= (f::power_of_two(63) + f::power_of_two(-1))) {
        f::raise_invalid();
        return LONG_MIN;
    }
    return static_cast<long>(x);  // LONG_MIN (inexact if x had a fraction), or invalid
}

long long llrintf128(__float128) noexcept __attribute__((alias("lrintf128")));
long long llroundf128(__float128) noexcept __attribute__((alias("lroundf128")));

}  // extern "C"
