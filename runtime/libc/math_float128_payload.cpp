// The NaN payload functions of _Float128 (getpayloadf128, setpayloadf128,
// setpayloadsigf128), canonicalizef128, and totalorderf128 and
// totalordermagf128 (operands by pointer, as the other forms). A payload is
// the 111 fraction bits below the quiet bit. All work on the bits: no flag,
// except canonicalize's for a signalling NaN, which it makes quiet.
#include <math.h>

#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

constexpr int payload_bits = f::fraction_bits - 1;

// A NaN with the payload, or +0 and 1 when the payload is not one: not an
// integer, negative (-0 too), 2^111 or more, or for a signalling NaN (which
// would be an infinity) zero.
int set_payload(__float128* x, __float128 payload, bool signalling) noexcept {
    f::bits b = f::bits_of(payload);
    if (b == 0 && !signalling) {
        *x = f::from_bits(f::infinity | f::quiet_bit);
        return 0;
    }
    // The biased exponent with the sign above it: a negative payload's is
    // beyond every positive one's.
    int exponent = static_cast<int>(b >> f::fraction_bits);
    if (exponent < f::bias || exponent >= f::bias + payload_bits) {
        *x = f::from_bits(0);
        return 1;
    }
    int below_point = f::bias + f::fraction_bits - exponent;  // 2 to 112
    f::bits significand = (b & f::fraction_mask) | f::integer_bit;
    if ((significand & ((f::bits{1} << below_point) - 1)) != 0) {
        *x = f::from_bits(0);
        return 1;
    }
    *x = f::from_bits(f::infinity | (signalling ? 0 : f::quiet_bit) | significand >> below_point);
    return 0;
}

}  // namespace

extern "C" {

// -1 for anything but a NaN.
__float128 getpayloadf128(const __float128* x) noexcept {
    if (!f::is_nan(*x)) return -1;
    return static_cast<__float128>(f::bits_of(*x) & (f::quiet_bit - 1));  // exact: below 2^111
}

int setpayloadf128(__float128* x, __float128 payload) noexcept { return set_payload(x, payload, false); }
int setpayloadsigf128(__float128* x, __float128 payload) noexcept { return set_payload(x, payload, true); }

// Every binary128 encoding is canonical; a signalling NaN is made quiet
// (with invalid) by an operation.
int canonicalizef128(__float128* cx, const __float128* x) noexcept {
    __float128 value = *x;
    *cx = f::is_signaling(value) ? value + value : value;
    return 0;
}

// -NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN, NaNs by payload with the
// signalling ones nearer zero: the order of the magnitudes' bits, reversed
// for negative values.
int totalorderf128(const __float128* x, const __float128* y) noexcept {
    bool x_negative = f::sign_of(*x);
    if (x_negative != f::sign_of(*y)) return x_negative;
    f::bits a = f::magnitude_bits(*x);
    f::bits b = f::magnitude_bits(*y);
    return x_negative ? a >= b : a <= b;
}

int totalordermagf128(const __float128* x, const __float128* y) noexcept {
    return f::magnitude_bits(*x) <= f::magnitude_bits(*y);
}

}  // extern "C"
