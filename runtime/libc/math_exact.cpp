// The exact operations of <math.h>: rounding to integers, remainders, and the
// functions that take doubles apart or step between them. Each result is the
// exact (or, for rint, the correctly rounded) value, found by working on the
// bits; none needs more precision than a double or an integer gives.
#include <errno.h>
#include <climits>
#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"

namespace lwp::libc::math {

namespace {

// 2^52: from here on every double is an integer, and adding and subtracting
// it rounds a smaller one to an integer in the current rounding mode.
constexpr double integer_threshold = 0x1p52;

long convert_rounding(double x) noexcept { return arch::sse::convert_in_current_rounding(x); }

}  // namespace

double fabs(double x) noexcept { return magnitude(x); }

double copysign(double x, double y) noexcept { return with_sign_of(x, y); }

double trunc(double x) noexcept {
    int exponent = biased_exponent(x) - 1023;
    // Already an integer, or inf, or NaN (quieted: a signalling one raises
    // invalid, as every operation on it must).
    if (exponent >= 52) return is_nan(x) ? x + x : x;
    if (exponent < 0) return from_bits(bits_of(x) & sign_bit);
    std::uint64_t fraction = mantissa_mask >> exponent;
    return from_bits(bits_of(x) & ~fraction);
}

double floor(double x) noexcept {
    double t = trunc(x);
    // Quiet comparison: a NaN raises nothing here. Only negative non-integers
    // move; -0 stays -0.
    return __builtin_isgreater(t, x) ? t - 1.0 : t;
}

double ceil(double x) noexcept {
    double t = trunc(x);
    return __builtin_isless(t, x) ? t + 1.0 : t;  // quiet; ceil(-0.5) is trunc's -0
}

double round(double x) noexcept {
    double t = trunc(x);
    if (!is_finite(t)) return t;  // inf, or the NaN trunc quieted
    // x - t is exact: both lie within the same binade or t is zero.
    if (magnitude(x - t) >= 0.5) return t + with_sign_of(1.0, x);
    return t;
}

double rint(double x) noexcept {
    // Already an integer, inf or NaN (quieted, with invalid if signalling);
    // the comparison is a quiet one.
    if (!__builtin_isless(magnitude(x), integer_threshold)) return is_nan(x) ? x + x : x;
    // Signed, so that the directed rounding modes round the right way; the
    // sign copy keeps -0 for rint(-0.3) and +0 where 2^52 - 2^52 gave -0.
    double rounded = x > 0 ? (x + integer_threshold) - integer_threshold
                           : (x - integer_threshold) + integer_threshold;
    return with_sign_of(rounded, x);
}

double nearbyint(double x) noexcept {
    // rint without FE_INEXACT: with the inexact exception masked for the
    // rounding (a program that enabled its trap must not get SIGFPE), then
    // the flags and masks put back as they were.
    std::uint32_t saved = arch::sse::read_status_control();
    arch::sse::write_status_control(saved | arch::sse::inexact_mask);
    double result = rint(x);
    // The caller's masks and flags, plus what the rounding raised other than
    // inexact (invalid, for a signalling NaN).
    constexpr std::uint32_t flags_but_inexact = 0x1f;
    arch::sse::write_status_control(saved | (arch::sse::read_status_control() & flags_but_inexact));
    return result;
}

long lrint(double x) noexcept { return convert_rounding(x); }

long lround(double x) noexcept {
    // round is exact, and its result an integer, so converting it in any
    // rounding mode gives it back (or LONG_MIN when out of range, as glibc).
    return convert_rounding(round(x));
}

namespace {

// x = mantissa * 2^exponent with an integer mantissa below 2^53, for finite
// nonzero x (subnormals included).
struct integer_form {
    std::uint64_t mantissa;
    int exponent;
};

integer_form integer_form_of(double x) noexcept {
    int biased = biased_exponent(x);
    std::uint64_t mantissa = bits_of(x) & mantissa_mask;
    if (biased == 0) return {mantissa, -1074};
    return {mantissa | (1ull << 52), biased - 1075};
}

}  // namespace

double fmod(double x, double y) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    if (is_inf(x) || y == 0.0) {
        errno = EDOM;
        return invalid_nan();
    }
    double ax = magnitude(x);
    double ay = magnitude(y);
    if (ax < ay) return x;  // includes y infinite
    integer_form a = integer_form_of(ax);
    integer_form b = integer_form_of(ay);
    // Long division, eleven bits at a time: a mantissa below 2^53 shifted by
    // eleven still fits in 64 bits. The remainder stays below b's mantissa.
    std::uint64_t remainder = a.mantissa % b.mantissa;
    int exponent = a.exponent;
    while (exponent > b.exponent && remainder != 0) {
        int step = exponent - b.exponent < 11 ? exponent - b.exponent : 11;
        remainder = (remainder << step) % b.mantissa;
        exponent -= step;
    }
    // remainder * 2^b.exponent: exact, as it is no finer than y's own ulp.
    double result = ldexp(static_cast<double>(remainder), b.exponent);
    return with_sign_of(result, x);
}

double remainder(double x, double y) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    if (is_inf(x) || y == 0.0) {
        errno = EDOM;
        return invalid_nan();
    }
    double ay = magnitude(y);
    if (is_inf(ay)) return x;
    // First take away an even multiple of y, which leaves the parity of the
    // nearest quotient alone: 0 <= r < 2|y|. (From |y| = 2^1023 up, 2|y| is
    // not a double, but any |x| is below it already.)
    double r = ay < 0x1p1023 ? magnitude(fmod(x, ay + ay)) : magnitude(x);
    // Then r - n|y| for the n in {0, 1, 2} nearest r/|y|, ties to even. Each
    // subtraction is exact (Sterbenz: the operands lie within a factor two).
    // Comparing r with |y|/2 is exact too: halving |y| when it is large
    // enough, doubling r (below 2|y|, so small) otherwise.
    auto above_half = [ay](double value, bool or_equal) {
        if (ay >= 0x1p-1021) return or_equal ? value >= ay * 0.5 : value > ay * 0.5;
        return or_equal ? value + value >= ay : value + value > ay;
    };
    if (above_half(r, false)) {
        r -= ay;
        if (above_half(r, true)) r -= ay;
    }
    return r == 0.0 ? with_sign_of(0.0, x) : (sign_of(x) ? -r : r);
}

double fmin(double x, double y) noexcept {
    if (is_signaling(x) || is_signaling(y)) return x + y;  // a quiet NaN, with invalid
    if (is_nan(x)) return y;
    if (is_nan(y)) return x;
    return x < y ? x : y;  // y when equal: glibc's minsd gives fmin(+0, -0) = -0, fmin(-0, +0) = +0
}

double fmax(double x, double y) noexcept {
    if (is_signaling(x) || is_signaling(y)) return x + y;  // a quiet NaN, with invalid
    if (is_nan(x)) return y;
    if (is_nan(y)) return x;
    return x > y ? x : y;  // y when equal, as glibc's maxsd
}

double fdim(double x, double y) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    if (!(x > y)) return 0.0;
    double difference = x - y;
    if (is_inf(difference) && is_finite(x) && is_finite(y)) errno = ERANGE;
    return difference;
}

double frexp(double x, int* exponent) noexcept {
    int biased = biased_exponent(x);
    if (x == 0.0 || biased == 0x7ff) {
        *exponent = 0;
        return x + x;  // the zero, the infinity, or the NaN quieted
    }
    int adjust = 0;
    if (biased == 0) {  // subnormal: make it normal first
        x *= 0x1p54;
        adjust = -54;
        biased = biased_exponent(x);
    }
    *exponent = biased - 1022 + adjust;
    return from_bits((bits_of(x) & ~exponent_mask) | (std::uint64_t{1022} << 52));
}

double ldexp(double x, long exponent) noexcept {
    if (x == 0.0 || !is_finite(x)) return x + x;  // a NaN quieted
    // Beyond +-2200 every result overflows or underflows alike.
    int n = exponent > 2200 ? 2200 : exponent < -2200 ? -2200 : static_cast<int>(exponent);
    double y = x;
    // Scale by normal powers of two, in steps that are exact until the last,
    // so that a subnormal result is rounded once: downwards by 2^-969
    // (2^-1022 * 2^53), which leaves the last step the room to do the
    // rounding. An earlier step can only give a subnormal if the result is
    // below half the smallest subnormal, which is zero either way.
    while (n > 1023) {
        y *= 0x1p1023;
        n -= 1023;
        if (is_inf(y)) break;
    }
    while (n < -1022) {
        y *= 0x1p-969;  // 2^-1022 * 2^53
        n += 969;
    }
    if (n < -1022) n = -1022;
    if (n > 1023) n = 1023;
    y *= power_of_two(n);
    if (is_inf(y) || y == 0.0) errno = ERANGE;
    return y;
}

double modf(double x, double* integral) noexcept {
    if (is_nan(x)) {
        *integral = x + x;  // quieted, with invalid if signalling
        return *integral;
    }
    double t = trunc(x);
    *integral = t;
    if (is_inf(x)) return with_sign_of(0.0, x);
    return with_sign_of(x - t, x);  // modf(-3.0) has fraction -0
}

int ilogb(double x) noexcept {
    int biased = biased_exponent(x);
    if (x == 0.0 || biased == 0x7ff) {
        errno = EDOM;  // glibc: EDOM and FE_INVALID for 0, inf and NaN
        invalid_nan();
        // <math.h> on x86-64: FP_ILOGB0 and FP_ILOGBNAN are both INT_MIN.
        return is_inf(x) ? INT_MAX : INT_MIN;
    }
    int exponent;
    frexp(x, &exponent);
    return exponent - 1;
}

double logb(double x) noexcept {
    if (x == 0.0) return pole(true);  // -inf with FE_DIVBYZERO; glibc leaves errno
    if (!is_finite(x)) return x * x;  // inf for +-inf, NaN for NaN
    int exponent;
    frexp(x, &exponent);
    return static_cast<double>(exponent - 1);
}

double nextafter(double x, double y) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    if (x == y) return y;
    if (x == 0.0) {
        // The smallest subnormal: tiny and, as glibc reports it, inexact,
        // hence underflow; glibc leaves errno for this step.
        raise_underflow();
        return with_sign_of(from_bits(1), y);
    }
    std::uint64_t bits = bits_of(x);
    // Away from zero when y lies beyond x, toward it otherwise.
    if ((x < y) == (x > 0.0)) ++bits; else --bits;
    double result = from_bits(bits);
    // glibc reports a step to infinity as an overflow and a step onto a
    // subnormal or zero as an underflow, each with ERANGE (the same as
    // nexttoward's).
    if (is_inf(result)) {
        raise_overflow();
        errno = ERANGE;
    } else if (biased_exponent(result) == 0) {
        raise_underflow();
        errno = ERANGE;
    }
    return result;
}

float nextafterf(float x, float y) noexcept {
    if (x != x || y != y) return x + y;
    if (x == y) return y;
    std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
    if (x == 0.0f) {
        raise_underflow();  // as nextafter's step from zero
        return std::bit_cast<float>((std::bit_cast<std::uint32_t>(y) & 0x80000000u) | 1u);
    }
    if ((x < y) == (x > 0.0f)) ++bits; else --bits;
    std::uint32_t exponent = (bits >> 23) & 0xff;
    if (exponent == 0xff) {
        raise_overflow();
        errno = ERANGE;
    } else if (exponent == 0) {
        raise_underflow();
        errno = ERANGE;
    }
    return std::bit_cast<float>(bits);
}

std::uint64_t nan_tag_payload(const char* tag) noexcept {
    // A tag that is all one number (decimal, 0x hex or 0 octal, as strtoull
    // reads it, 2^64 - 1 when larger) is the payload, as with glibc.
    // Anything else gives 0, the default NaN's.
    std::uint64_t payload = 0;
    const char* p = tag;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    } else if (p[0] == '0') {
        base = 8;
    }
    bool number = *p != '\0';
    bool saturated = false;
    for (; *p != '\0'; ++p) {
        int digit = *p >= '0' && *p <= '9' ? *p - '0'
                  : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                  : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10 : 99;
        if (digit >= base) {
            number = false;
            break;
        }
        if (saturated) continue;
        if (__builtin_mul_overflow(payload, static_cast<std::uint64_t>(base), &payload) ||
            __builtin_add_overflow(payload, static_cast<std::uint64_t>(digit), &payload)) {
            payload = ~std::uint64_t{0};
            saturated = true;
        }
    }
    return number ? payload : 0;
}

namespace {

int tag_digit_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

}  // namespace

bool nan_tag_overflows(const char* tag) noexcept {
    for (const char* p = tag; *p != '\0'; ++p) {
        if (tag_digit_value(*p) == 99 && *p != '_') return false;
    }
    int base = 10;
    if (tag[0] == '0' && (tag[1] == 'x' || tag[1] == 'X') && tag_digit_value(tag[2]) < 16) {
        base = 16;
        tag += 2;
    } else if (tag[0] == '0') {
        base = 8;
    }
    std::uint64_t value = 0;
    for (; tag_digit_value(*tag) < base; ++tag) {
        auto digit = static_cast<std::uint64_t>(tag_digit_value(*tag));
        if (__builtin_mul_overflow(value, static_cast<std::uint64_t>(base), &value) ||
            __builtin_add_overflow(value, digit, &value)) {
            return true;
        }
    }
    return false;
}

double nan(const char* tag) noexcept {
    // A quiet NaN with the tag's payload in its low mantissa bits.
    if (nan_tag_overflows(tag)) errno = ERANGE;
    std::uint64_t payload = nan_tag_payload(tag);
    return from_bits(exponent_mask | (std::uint64_t{1} << 51) | (payload & mantissa_mask));
}

double sqrt(double x) noexcept {
    // A quiet comparison: a NaN argument is no domain error, and raises
    // nothing (an ordered < would raise invalid for it).
    if (__builtin_isless(x, 0.0)) errno = EDOM;  // sqrtsd gives the default NaN, as glibc's
    return arch::sse::square_root(x);
}

float narrow(double result) noexcept {
    float rounded = static_cast<float>(result);
    if ((is_inf(rounded) && is_finite(result)) || (rounded == 0.0f && result != 0.0)) {
        errno = ERANGE;
    }
    return rounded;
}

}  // namespace lwp::libc::math
