// The exact remainders of _Float128: fmodf128 (x - n y, n x/y truncated),
// remainderf128 and remquof128 (n rounded to nearest, ties to even). Each
// is exact, found by long division of the significands, so raises nothing
// but invalid for a NaN made from numbers. errno: EDOM for an infinite x or
// a zero y when neither is a NaN (fmod, remainder; remquo sets none). Zero
// results take x's sign, but for one quirk of glibc's remainder kept here:
// where |x| is an odd multiple of |y| (other than |y| itself), its last
// subtraction gives the zero, -0 in the downward rounding mode, and x's
// sign is then applied to that.
#include <errno.h>
#include <math.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

// |x| = (8k + quotient) |y| + remainder * 2^exponent, 0 <= remainder * 2^exponent < |y|.
struct division {
    f::bits remainder;
    int exponent;
    unsigned quotient;  // the truncated quotient modulo 8
    f::bits divisor;    // |y| = divisor * 2^exponent
};

// For finite x and y, y not zero, |x| >= |y|.
division divide(__float128 x, __float128 y) noexcept {
    f::integer_form a = f::integer_form_of(x);
    f::integer_form b = f::integer_form_of(y);
    f::bits remainder = a.significand;
    unsigned quotient = 0;
    // Bits of the dividend still to bring down: never negative, as |x| >= |y|
    // gives x's exponent at least y's (subnormals share the least normal
    // exponent). After the first division remainder < divisor < 2^113, so
    // fourteen bits at a time fit in 128.
    int pending = a.exponent - b.exponent;
    quotient = static_cast<unsigned>(remainder / b.significand) & 7;
    remainder %= b.significand;
    while (pending > 0) {
        int step = pending < 14 ? pending : 14;
        remainder <<= step;
        f::bits digit = remainder / b.significand;
        remainder -= digit * b.significand;
        quotient = (quotient << step | static_cast<unsigned>(digit)) & 7;
        pending -= step;
    }
    return {remainder, b.exponent, quotient, b.significand};
}

// The NaN of a domain error or a NaN operand, as (x y) / (x y) gives it:
// a NaN operand made quiet (soft-fp's choice of the two), else the default
// NaN with invalid.
__float128 not_a_number(__float128 x, __float128 y) noexcept {
    volatile __float128 product = f::ordered_product(x, y);
    return product / product;
}

bool rounding_downward() noexcept {
    constexpr std::uint32_t rounding_field = 0x6000, downward = 0x2000;
    return (lwp::arch::sse::read_status_control() & rounding_field) == downward;
}

// Whether r, compared with half the divisor, rounds the quotient up
// (ties to an even quotient).
bool rounds_up(const division& d) noexcept {
    f::bits twice = d.remainder << 1;
    return twice > d.divisor || (twice == d.divisor && (d.quotient & 1) != 0);
}

// For |x| < |y| (quotient below 1): x itself, or where |x| is more than
// |y| / 2, |y| - |x| with the other sign (the quotient rounded up to 1).
// The comparison is exact, on the significands at x's exponent.
__float128 remainder_below_divisor(__float128 x, __float128 y, bool* rounded_up) noexcept {
    *rounded_up = false;
    f::integer_form a = f::integer_form_of(x);
    f::integer_form b = f::integer_form_of(y);
    // |x| < |y| puts x's exponent at or below y's (subnormals share the
    // least normal exponent); three or more below, |x| < |y| / 2.
    int shift = b.exponent - a.exponent;
    if (shift > 2) return x;
    division d{a.significand, a.exponent, 0, b.significand << shift};
    if (!rounds_up(d)) return x;
    *rounded_up = true;
    return f::from_integer_form(d.divisor - d.remainder, a.exponent, !f::sign_of(x));
}

}  // namespace

extern "C" {

__float128 fmodf128(__float128 x, __float128 y) noexcept {
    if (f::is_nan(x) || f::is_nan(y) || f::is_inf(x) || f::is_zero(y)) {
        if (!f::is_nan(x) && !f::is_nan(y)) errno = EDOM;
        return not_a_number(x, y);
    }
    if (f::magnitude_bits(x) < f::magnitude_bits(y)) return x;  // y infinite too
    division d = divide(x, y);
    return f::from_integer_form(d.remainder, d.exponent, f::sign_of(x));
}

__float128 remainderf128(__float128 x, __float128 y) noexcept {
    if (f::is_nan(x) || f::is_nan(y) || f::is_inf(x) || f::is_zero(y)) {
        if (!f::is_nan(x) && !f::is_nan(y)) errno = EDOM;
        return not_a_number(x, y);
    }
    bool negative = f::sign_of(x);
    f::bits ax = f::magnitude_bits(x);
    f::bits ay = f::magnitude_bits(y);
    if (ay == f::infinity) return x;
    if (ax == ay) return f::from_bits(negative ? f::sign_bit : 0);
    if (ax < ay) {
        bool unused;
        return remainder_below_divisor(x, y, &unused);
    }
    division d = divide(x, y);
    if (d.remainder == 0) {
        // An odd quotient's zero comes from glibc's last subtraction.
        bool minus = (d.quotient & 1) != 0 ? rounding_downward() != negative : negative;
        return f::from_bits(minus ? f::sign_bit : 0);
    }
    if (rounds_up(d)) return f::from_integer_form(d.divisor - d.remainder, d.exponent, !negative);
    return f::from_integer_form(d.remainder, d.exponent, negative);
}

// remainder's result (a zero always with x's sign), and in *quotient the
// quotient's low bits with the sign of x / y: glibc's, which is the
// truncated quotient modulo 8 plus one where the remainder rounded it up,
// so 8 rather than 0 where 7 rounds up.
__float128 remquof128(__float128 x, __float128 y, int* quotient) noexcept {
    if (f::is_nan(x) || f::is_nan(y) || f::is_inf(x) || f::is_zero(y)) return not_a_number(x, y);
    bool negative = f::sign_of(x);
    int sign = negative != f::sign_of(y) ? -1 : 1;
    f::bits ax = f::magnitude_bits(x);
    f::bits ay = f::magnitude_bits(y);
    if (ax == ay) {
        *quotient = sign;
        return f::from_bits(negative ? f::sign_bit : 0);
    }
    if (ay == f::infinity) {
        *quotient = 0;
        return x;
    }
    if (ax < ay) {
        bool rounded_up;
        __float128 result = remainder_below_divisor(x, y, &rounded_up);
        *quotient = rounded_up ? sign : 0;
        return result;
    }
    division d = divide(x, y);
    bool up = rounds_up(d);
    *quotient = sign * static_cast<int>(d.quotient + up);
    if (up) return f::from_integer_form(d.divisor - d.remainder, d.exponent, !negative);
    return f::from_integer_form(d.remainder, d.exponent, negative);
}

}  // extern "C"
