// The exact long double operations of <math.h> (fabsl, floorl, fmodl,
// frexpl, nextafterl, sqrtl, ...): each result is the exact value, or for
// rintl and sqrtl the correctly rounded one, found from the bits or by an
// x87 instruction that IEEE 754 defines to be exact (fprem, fprem1) or
// correctly rounded (fsqrt, frndint); arch/x86_64/x87_math.hpp has those.
// errno and the special cases as glibc's long double functions give them.
#include <errno.h>
#include <climits>
#include <cstdint>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace x87 = lwp::arch::x87;

namespace lwp::libc::math {

long double fabsl(long double x) noexcept { return long_magnitude(x); }

long double copysignl(long double x, long double y) noexcept { return long_with_sign_of(x, y); }

long double truncl(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    unsigned field = b.sign_exponent & 0x7fffu;
    if (field == long_exponent_max) return x + x;  // inf, or NaN made quiet
    int exponent = static_cast<int>(field) - static_cast<int>(long_bias);
    if (exponent >= 63) return x;  // every bit is an integer bit
    if (exponent < 0) return long_from_bits(0, b.sign_exponent & 0x8000u);
    // Clear the 63 - exponent fraction bits: no rounding, so no flag.
    std::uint64_t fraction = ~std::uint64_t{0} >> (exponent + 1);
    return long_from_bits(b.mantissa & ~fraction, b.sign_exponent);
}

long double floorl(long double x) noexcept {
    if (!long_is_finite(x)) return x + x;  // (an ordered comparison with NaN would raise FE_INVALID)
    long double t = truncl(x);
    return t > x ? t - 1.0L : t;  // exact: |t| < 2^63; -0 stays -0
}

long double ceill(long double x) noexcept {
    if (!long_is_finite(x)) return x + x;
    long double t = truncl(x);
    return t < x ? t + 1.0L : t;  // ceill(-0.5) is truncl's -0
}

long double roundl(long double x) noexcept {
    if (!long_is_finite(x)) return x + x;
    long double t = truncl(x);
    // x - t is exact (the same binade, or t zero); t +- 1 too.
    if (long_magnitude(x - t) >= 0.5L) return t + long_with_sign_of(1.0L, x);
    return t;
}

long double rintl(long double x) noexcept { return x87::round_to_integer(x); }

long double nearbyintl(long double x) noexcept {
    if (x != x) return x + x;  // a signaling NaN's FE_INVALID stays, as with glibc
    return x87::round_to_integer_quietly(x);
}

long long lrintl(long double x) noexcept { return x87::to_integer(x); }

long long lroundl(long double x) noexcept {
    // roundl's result is an integer, so converting it in any rounding mode
    // gives it back, or LLONG_MIN with FE_INVALID when out of range or NaN.
    return x87::to_integer(roundl(x));
}

long double fmodl(long double x, long double y) noexcept {
    if (x != x || y != y) return x + y;
    if (!long_is_finite(x) || y == 0.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    // An infinite y leaves x, normalised as glibc's fprem leaves it.
    return x87::partial_remainder_loop(x, y, false, nullptr);
}

long double remainderl(long double x, long double y) noexcept {
    if (x != x || y != y) return x + y;
    if (!long_is_finite(x) || y == 0.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    return x87::partial_remainder_loop(x, y, true, nullptr);
}

long double remquol(long double x, long double y, int* quotient) noexcept {
    if (x != x || y != y) return x + y;
    // glibc sets no errno here (remainderl does), and leaves *quotient.
    if (!long_is_finite(x) || y == 0.0L) return long_invalid_nan();
    int sign = long_sign(x) != long_sign(y) ? -1 : 1;
    long double ax = long_magnitude(x);
    long double ay = long_magnitude(y);
    if (ax == ay) {
        *quotient = sign;
        return long_with_sign_of(0.0L, x);
    }
    // glibc's quotient: |x| mod 8|y|, then 4|y|, 2|y| and up to two |y| taken
    // away (each exact, Sterbenz), which gives 8 rather than 0 when the
    // remainder rounds up to 8|y|, as the double remquo does.
    long double r = ay < 0x1p16381L ? fmodl(ax, 8.0L * ay) : ax;
    int n = 0;
    if (ay < 0x1p16382L && r >= 4.0L * ay) {
        r -= 4.0L * ay;
        n += 4;
    }
    if (ay < 0x1p16383L && r >= 2.0L * ay) {
        r -= 2.0L * ay;
        n += 2;
    }
    // r < 2|y|: compare it with |y|/2 exactly (halving a tiny |y| would
    // round, so r is doubled instead).
    auto above_half = [ay](long double value, bool or_equal) {
        if (ay >= 0x1p-16381L) return or_equal ? value >= ay * 0.5L : value > ay * 0.5L;
        return or_equal ? value + value >= ay : value + value > ay;
    };
    if (above_half(r, false)) {
        r -= ay;
        ++n;
        if (above_half(r, true)) {
            r -= ay;
            ++n;
        }
    }
    *quotient = sign * n;
    if (r == 0.0L) r = 0.0L;  // +0, whatever the subtractions left
    return long_sign(x) ? -r : r;
}

long double sqrtl(long double x) noexcept {
    // fsqrt gives the default NaN, as glibc's. (x == x first: an ordered
    // comparison with a quiet NaN would raise FE_INVALID.)
    if (x == x && x < 0.0L) errno = EDOM;
    return x87::square_root(x);
}

// As glibc's fmaxl and fminl (fucomi and fcmov): y when both compare equal,
// the other argument when one is a quiet NaN, a NaN when both are NaNs or
// either is signaling.
long double fmaxl(long double x, long double y) noexcept {
    if (x != x || y != y) {
        if ((x != x && y != y) || long_is_signaling(x) || long_is_signaling(y)) return x + y;
        return x != x ? y : x;
    }
    return y < x ? x : y;
}

long double fminl(long double x, long double y) noexcept {
    if (x != x || y != y) {
        if ((x != x && y != y) || long_is_signaling(x) || long_is_signaling(y)) return x + y;
        return x != x ? y : x;
    }
    return y < x ? y : x;  // x when equal: fminl(+0, -0) is +0
}

long double fdiml(long double x, long double y) noexcept {
    if (x != x || y != y) return x - y;
    if (!(x > y)) return 0.0L;
    long double difference = x - y;
    if (long_is_inf(difference) && long_is_finite(x) && long_is_finite(y)) errno = ERANGE;
    return difference;
}

namespace {

// x = mantissa * 2^exponent with the integer bit set (normalised), for
// finite nonzero x, subnormals and pseudo-denormals included.
struct normalised_long {
    std::uint64_t mantissa;
    int exponent;  // of the integer bit, unbiased
};

normalised_long normalise(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    int field = b.sign_exponent & 0x7fff;
    int exponent = (field == 0 ? 1 : field) - static_cast<int>(long_bias);
    int shift = __builtin_clzll(b.mantissa);  // 0 for normal numbers
    return {b.mantissa << shift, exponent - shift};
}

}  // namespace

long double frexpl(long double x, int* exponent) noexcept {
    if (x == 0.0L || !long_is_finite(x)) {
        *exponent = 0;
        return x + x;
    }
    normalised_long n = normalise(x);
    *exponent = n.exponent + 1;  // the result lies in [0.5, 1)
    return long_from_bits(n.mantissa, (long_sign(x) ? 0x8000u : 0u) | (long_bias - 1));
}

long double scale_by_power_of_two(long double x, long exponent) noexcept {
    normalised_long n = normalise(x);
    unsigned sign = long_sign(x) ? 0x8000u : 0u;
    // The result's exponent, clamped far beyond both ends, where every
    // result overflows or underflows to zero alike.
    long target = exponent > 40000 ? 40000 : exponent < -40000 ? -40000 : exponent;
    target += n.exponent;
    if (target > 16383) {
        // inf with FE_OVERFLOW and FE_INEXACT (or the largest finite value in
        // the directed rounding modes), as the multiplication gives it.
        long double m = long_from_bits(n.mantissa, sign | long_bias);
        return m * 0x1p16383L * 0x1p16383L;
    }
    if (target >= -16382) {
        return long_from_bits(n.mantissa, sign | static_cast<unsigned>(target + long_bias));
    }
    // Subnormal or zero: the normal m * 2^-16382 (exact), times a power of
    // two that rounds it once, in the current rounding mode, with
    // FE_UNDERFLOW. Below 2^-16510 everything rounds alike.
    long double m = long_from_bits(n.mantissa, sign | 1u);
    long rest = target + 16382;
    if (rest < -128) rest = -128;
    return m * long_power_of_two(static_cast<int>(rest));
}

// ldexpl, scalbnl and scalblnl: glibc's all report ERANGE when the result
// overflows or underflows to zero (not for a subnormal result).
long double ldexpl(long double x, long exponent) noexcept {
    if (x == 0.0L || !long_is_finite(x)) return x + x;
    long double result = scale_by_power_of_two(x, exponent);
    if (result == 0.0L || !long_is_finite(result)) errno = ERANGE;
    return result;
}


long double modfl(long double x, long double* integral) noexcept {
    if (x != x) {
        *integral = x + x;
        return x + x;
    }
    if (long_magnitude(x) < 1.0L) {  // x itself, as glibc (a pseudo-denormal unchanged)
        *integral = long_with_sign_of(0.0L, x);
        return x;
    }
    long double t = truncl(x);
    *integral = t;
    if (!long_is_finite(x)) return long_with_sign_of(0.0L, x);
    return long_with_sign_of(x - t, x);  // modfl(-3.0) has fraction -0
}

int ilogbl(long double x) noexcept {
    // glibc's ilogbl asks the x87 (fxtract), to which an encoding with a
    // nonzero exponent and a clear integer bit (an unnormal; the pseudo-NaNs
    // and infinities too) is not a number: FP_ILOGBNAN, as for a NaN.
    long_double_bits b = bits_of_long(x);
    bool unsupported = (b.sign_exponent & 0x7fffu) != 0 && (b.mantissa & long_integer_bit) == 0;
    if (x == 0.0L || !long_is_finite(x) || unsupported) {
        errno = EDOM;  // glibc: EDOM and FE_INVALID for 0, inf and NaN
        volatile long double sink = long_invalid_nan();
        (void)sink;
        if (x == 0.0L || x != x) return INT_MIN;  // FP_ILOGB0, FP_ILOGBNAN
        return INT_MAX;
    }
    return normalise(x).exponent;
}

long double logbl(long double x) noexcept {
    if (x == 0.0L) return long_pole(true);  // -inf with FE_DIVBYZERO; no errno
    if (!long_is_finite(x)) return x * x;  // inf for +-inf, NaN for NaN
    return static_cast<long double>(normalise(x).exponent);
}

// nextafterl (and nexttowardl, the same function here): one step in the
// bits, with the x87 format's explicit integer bit: the step from the largest
// subnormal (exponent field 0, mantissa 2^63 - 1) up is to the smallest
// normal (field 1, mantissa 2^63), and within a normal binade the mantissa
// wraps between 2^64 - 1 and 2^63. ERANGE, with the overflow or underflow
// flag, when the step reaches infinity or lands on a subnormal or zero, as
// glibc's.
long double nextafterl(long double x, long double y) noexcept {
    if (x != x || y != y) return x + y;
    if (x == y) return y;
    unsigned sign = long_sign(x) ? 0x8000u : 0u;
    long_double_bits b = bits_of_long(x);
    unsigned field = b.sign_exponent & 0x7fffu;
    std::uint64_t mantissa = b.mantissa;
    if (x == 0.0L) {
        // The smallest subnormal, with FE_UNDERFLOW but no errno, as glibc.
        volatile long double sink = long_underflow_value(false);
        (void)sink;
        return long_from_bits(1, long_sign(y) ? 0x8000u : 0u);
    }
    if ((x < y) == (x > 0.0L)) {  // away from zero
        if (field == 0 && mantissa == long_integer_bit - 1) {
            field = 1;
            mantissa = long_integer_bit;
        } else if (field == 0) {
            ++mantissa;
        } else if (mantissa == ~std::uint64_t{0}) {
            ++field;
            mantissa = long_integer_bit;
        } else {
            ++mantissa;
        }
    } else {  // toward zero
        if (field == 1 && mantissa == long_integer_bit) {
            field = 0;
            mantissa = long_integer_bit - 1;
        } else if (field > 1 && mantissa == long_integer_bit) {
            --field;
            mantissa = ~std::uint64_t{0};
        } else {
            --mantissa;
        }
    }
    long double result = long_from_bits(mantissa, sign | field);
    if (field == long_exponent_max) {
        volatile long double sink = long_overflow_value(false);
        (void)sink;
        errno = ERANGE;
    } else if (field == 0) {
        volatile long double sink = long_underflow_value(false);
        (void)sink;
        errno = ERANGE;
    }
    return result;
}

long double nanl(const char* tag) noexcept {
    // A quiet NaN: the integer and quiet bits set, the tag's payload in the
    // 62 bits below.
    if (nan_tag_overflows(tag)) errno = ERANGE;
    std::uint64_t payload = nan_tag_payload(tag) & (long_quiet_bit - 1);
    return long_from_bits(long_integer_bit | long_quiet_bit | payload, long_exponent_max);
}

}  // namespace lwp::libc::math
