// fma(x, y, z) = x * y + z rounded once, in the current rounding mode. The
// product of the two 53-bit mantissas is exact in 128-bit integer arithmetic;
// z is aligned to it, the operand that is shifted right keeps a sticky bit for
// what it loses, and the sum, rounded to odd at 64 bits, is rounded to double
// by the x87 unit, in its rounding mode (fesetround sets the x87 and SSE modes
// together), with the flags that rounding raises. glibc's fma sets no errno;
// neither does this one.
#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_double_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "arch/x86_64/sse_math.hpp"

namespace lwp::libc::math {

namespace {

using u128 = unsigned __int128;

int highest_bit(u128 value) noexcept {
    std::uint64_t high = static_cast<std::uint64_t>(value >> 64);
    if (high != 0) return 127 - __builtin_clzll(high);
    return 63 - __builtin_clzll(static_cast<std::uint64_t>(value));
}

// value / 2^shift, with a 1 in bit 0 if any bit shifted out was set. The
// callers keep at least two bits below the rounding position, so this
// approximation never changes a rounding (the true value and the result lie
// strictly between the same two multiples of 2).
u128 shift_right_sticky(u128 value, int shift) noexcept {
    if (shift <= 0) return value;
    if (shift >= 128) return value != 0 ? 1 : 0;
    u128 lost = value & ((u128{1} << shift) - 1);
    return (value >> shift) | (lost != 0 ? 1 : 0);
}

// A finite nonzero double as mantissa * 2^exponent, mantissa < 2^53.
void decompose(double x, std::uint64_t* mantissa, int* exponent) noexcept {
    int biased = biased_exponent(x);
    *mantissa = bits_of(x) & mantissa_mask;
    if (biased == 0) {
        *exponent = -1074;
    } else {
        *mantissa |= std::uint64_t{1} << 52;
        *exponent = biased - 1075;
    }
}

}  // namespace

double fma(double x, double y, double z) noexcept {
    // NaNs, infinities and zero factors: the product is exact (or NaN), and
    // one addition rounds as fma would.
    if (!is_finite(x) || !is_finite(y) || x == 0.0 || y == 0.0) return x * y + z;
    // An infinite z wins over any finite product (which x * y could round to
    // an infinity of the other sign); a NaN z stays NaN.
    if (!is_finite(z)) return z + z;
    // A zero z: the exact product is nonzero, so the result is the product
    // rounded once, with the product's sign even when it underflows to zero.
    if (z == 0.0) return x * y;

    std::uint64_t mx, my, mz;
    int ex, ey, ez;
    decompose(x, &mx, &ex);
    decompose(y, &my, &ey);
    decompose(z, &mz, &ez);
    bool product_negative = sign_of(x) != sign_of(y);
    bool z_negative = sign_of(z);

    // Both operands with their top bit at bit 125: two bits of headroom for
    // the sum, and at least 70 bits below a double's rounding position.
    u128 p = static_cast<u128>(mx) * my;
    int ep = ex + ey;
    int shift_p = 125 - highest_bit(p);
    p <<= shift_p;
    ep -= shift_p;
    u128 q = static_cast<u128>(mz);
    int shift_q = 125 - highest_bit(q);
    q <<= shift_q;
    int eq = ez - shift_q;

    // Align to the larger exponent.
    int exponent;
    if (ep >= eq) {
        q = shift_right_sticky(q, ep - eq);
        exponent = ep;
    } else {
        p = shift_right_sticky(p, eq - ep);
        exponent = eq;
    }
    u128 sum;
    bool negative;
    if (product_negative == z_negative) {
        sum = p + q;
        negative = z_negative;
    } else if (p >= q) {
        sum = p - q;
        negative = product_negative;
    } else {
        sum = q - p;
        negative = z_negative;
    }
    // Exact cancellation: +0, or -0 under downward rounding, which is what
    // the sum of z and its negation gives in the caller's mode.
    if (sum == 0) return z - z;

    // The exact sum rounded to odd at 64 bits (a lost nonzero remainder sets
    // the last bit), as an x87 long double, whose exponent range holds every
    // such sum. Rounding that to double (fstp) is then the one correct
    // rounding of x * y + z, in the caller's rounding mode, raising inexact,
    // underflow (tiny after rounding, as x86 detects it) and overflow as the
    // hardware's fma would: 64 bits leave more than two to spare below a
    // double's 53, and the odd last bit keeps halfway cases apart.
    int top = highest_bit(sum);
    std::uint64_t significand =
        top >= 63 ? static_cast<std::uint64_t>(shift_right_sticky(sum, top - 63))
                  : static_cast<std::uint64_t>(sum << (63 - top));
    int scale = exponent + top;  // the value is 1.significand * 2^scale
    unsigned sign_exponent = static_cast<unsigned>(scale + static_cast<int>(long_bias)) |
                             (negative ? 0x8000u : 0u);
    return static_cast<double>(long_from_bits(significand, sign_exponent));
}

float fma_float(float x, float y, float z) noexcept {
    // x * y is exact in a double (48 bits). Add z exactly as a double-double,
    // and round the sum to odd (a nonzero remainder makes the last bit 1):
    // rounding that to float, with 29 bits to spare, is then the one correct
    // rounding of x * y + z, with no double-rounding error.
    // A zero, infinite or NaN operand: the double product is exact (or NaN),
    // and the sum adds at most a signed zero to it or it to a zero, so the
    // conversion is the one rounding, all in the caller's mode.
    if (x == 0.0f || y == 0.0f || z == 0.0f || !__builtin_isfinite(x) || !__builtin_isfinite(y) ||
        !__builtin_isfinite(z))
        return static_cast<float>(static_cast<double>(x) * y + z);
    // The sum and its error term are exact only under nearest rounding; the
    // last conversion is the one rounding, in the caller's mode.
    double odd_sum;
    {
        arch::sse::nearest_rounding_scope nearest;
        double product = static_cast<double>(x) * y;
        double_double exact = two_sum(product, static_cast<double>(z));
        if (exact.lo != 0.0 && (bits_of(exact.hi) & 1) == 0) {
            bool away = (exact.lo > 0.0) == (exact.hi > 0.0);
            exact.hi = from_bits(away ? bits_of(exact.hi) + 1 : bits_of(exact.hi) - 1);
        }
        odd_sum = exact.hi;
    }
    // A product cancelled exactly by z: +0, or -0 under downward rounding,
    // as z - z gives in the caller's mode.
    if (odd_sum == 0.0) return z - z;
    return static_cast<float>(odd_sum);
}

}  // namespace lwp::libc::math
