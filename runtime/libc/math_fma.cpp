// fma(x, y, z) = x * y + z rounded once, to nearest (the default rounding
// mode; the directed modes are not honoured). The product of the two 53-bit
// mantissas is exact in 128-bit integer arithmetic; z is aligned to it, the
// operand that is shifted right keeps a sticky bit for what it loses, and the
// sum is rounded half-to-even to 53 bits, or to the subnormal grid. glibc's
// fma sets no errno; neither does this one.
#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_double_double.hpp"

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
    if (sum == 0) return 0.0;  // exact cancellation: +0 when rounding to nearest

    // sum * 2^exponent, rounded to 53 bits, or to a multiple of 2^-1074.
    int top = highest_bit(sum);
    int drop = top - 52;                      // bits below a 53-bit mantissa
    if (exponent + top < -1022) drop = -1074 - exponent;  // subnormal: fixed grid
    std::uint64_t mantissa;
    if (drop <= 0) {
        mantissa = static_cast<std::uint64_t>(sum << -drop);  // exact (never more than 53 bits)
    } else {
        // Two bits below the mantissa: the rounding bit and a sticky bit.
        u128 kept = drop >= 2 ? shift_right_sticky(sum, drop - 2) : sum << (2 - drop);
        std::uint64_t low = static_cast<std::uint64_t>(kept) & 3;
        mantissa = static_cast<std::uint64_t>(kept >> 2);
        if (low > 2 || (low == 2 && (mantissa & 1) != 0)) ++mantissa;
    }
    // mantissa * 2^(exponent + drop): exact, or an overflow to inf.
    double magnitude_value = scale_exactly(static_cast<double>(mantissa), exponent + drop);
    return negative ? -magnitude_value : magnitude_value;
}

float fma_float(float x, float y, float z) noexcept {
    // x * y is exact in a double (48 bits). Add z exactly as a double-double,
    // and round the sum to odd (a nonzero remainder makes the last bit 1):
    // rounding that to float, with 29 bits to spare, is then the one correct
    // rounding of x * y + z, with no double-rounding error.
    double product = static_cast<double>(x) * y;
    double sum = product + z;
    if (!is_finite(sum)) return static_cast<float>(sum);
    double_double exact = two_sum(product, z);
    if (exact.lo != 0.0 && (bits_of(exact.hi) & 1) == 0) {
        bool away = (exact.lo > 0.0) == (exact.hi > 0.0);
        exact.hi = from_bits(away ? bits_of(exact.hi) + 1 : bits_of(exact.hi) - 1);
    }
    return static_cast<float>(exact.hi);
}

}  // namespace lwp::libc::math
