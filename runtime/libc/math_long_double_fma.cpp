// fmal(x, y, z) = x * y + z rounded once, in the current rounding mode, with
// the exception flags of one IEEE operation (x86 detects tininess after
// rounding). The product of the two 64-bit mantissas is exact in 128 bits;
// it and z are placed in a 256-bit integer with enough zero bits below them
// that aligning one to the other loses bits (kept as a sticky bit) only when
// the two are too far apart to cancel. The sum is then rounded to 64 bits, or
// to the subnormal grid, in software. Like glibc's, it sets no errno.
#include <cstdint>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace lwp::libc::math {

namespace {

using u128 = unsigned __int128;

// A 256-bit unsigned integer, high half first.
struct wide {
    u128 high;
    u128 low;
};

bool less(const wide& a, const wide& b) noexcept {
    return a.high < b.high || (a.high == b.high && a.low < b.low);
}
wide add(const wide& a, const wide& b) noexcept {
    u128 low = a.low + b.low;
    return {a.high + b.high + (low < a.low ? 1 : 0), low};
}
wide subtract(const wide& a, const wide& b) noexcept {  // a >= b
    return {a.high - b.high - (a.low < b.low ? 1 : 0), a.low - b.low};
}
int highest_bit(u128 value) noexcept {
    auto high = static_cast<std::uint64_t>(value >> 64);
    if (high != 0) return 127 - __builtin_clzll(high);
    return 63 - __builtin_clzll(static_cast<std::uint64_t>(value));
}
int highest_bit(const wide& a) noexcept {  // a != 0
    return a.high != 0 ? 128 + highest_bit(a.high) : highest_bit(a.low);
}
// a / 2^shift, truncated.
wide shift_right(const wide& a, int shift) noexcept {
    if (shift <= 0) return a;
    if (shift >= 256) return {0, 0};
    if (shift >= 128) return {0, a.high >> (shift - 128)};
    return {a.high >> shift, (a.low >> shift) | (a.high << (128 - shift))};
}
// Whether any of the bits of a below bit `count` is set.
bool any_below(const wide& a, int count) noexcept {
    if (count <= 0) return false;
    if (count >= 256) return a.high != 0 || a.low != 0;
    if (count > 128) return a.low != 0 || (a.high & ((u128{1} << (count - 128)) - 1)) != 0;
    if (count == 128) return a.low != 0;
    return (a.low & ((u128{1} << count) - 1)) != 0;
}
// a / 2^shift with a 1 in bit 0 if a bit shifted out was set.
wide shift_right_sticky(const wide& a, int shift) noexcept {
    wide result = shift_right(a, shift);
    if (any_below(a, shift)) result.low |= 1;
    return result;
}

// A finite nonzero long double as mantissa * 2^exponent with the mantissa's
// bit 63 set (subnormals and pseudo-denormals normalized).
void decompose(long double x, std::uint64_t* mantissa, int* exponent) noexcept {
    long_double_bits b = bits_of_long(x);
    int field = b.sign_exponent & 0x7fff;
    int shift = __builtin_clzll(b.mantissa);
    *mantissa = b.mantissa << shift;
    *exponent = (field == 0 ? 1 : field) - 16383 - 63 - shift;
}

enum rounding : unsigned { to_nearest = 0, downward = 1, upward = 2, toward_zero = 3 };

// Whether rounding a (with the given sign) to the bits from `drop` up adds
// one unit there, under the rounding direction; *inexact says if bits were lost.
bool rounds_up(const wide& a, int drop, bool negative, unsigned direction,
               bool* inexact) noexcept {
    bool half = drop > 0 && ((shift_right(a, drop - 1).low & 1) != 0);
    bool sticky = any_below(a, drop - 1);
    *inexact = half || sticky;
    switch (direction) {
    case to_nearest:
        return half && (sticky || (shift_right(a, drop).low & 1) != 0);
    case downward:
        return *inexact && negative;
    case upward:
        return *inexact && !negative;
    default:
        return false;
    }
}

// The flags of an inexact result, and of an underflowing one (FE_UNDERFLOW
// with FE_INEXACT), raised by an x87 operation that has them; the results
// go to volatile stores so that the operations are not optimized away.
void raise_x87_inexact() noexcept {
    volatile long double one = 1.0L;
    volatile long double sum = one + 0x1p-100L;
    (void)sum;
}
void raise_x87_underflow() noexcept {
    volatile long double tiny = 0x1p-16382L;
    volatile long double product = tiny * tiny;
    (void)product;
}

// Whether (a * 2^exponent rounded to 64 bits, unbounded exponent range) is
// still below the smallest normal: x86's tininess, after rounding.
bool tiny_after_rounding(const wide& a, int top, int exponent, bool negative,
                         unsigned direction) noexcept {
    if (exponent + top < -16383) return true;  // even rounding up stays below 2^-16382
    bool inexact;
    if (!rounds_up(a, top - 63, negative, direction, &inexact)) return true;
    // Rounding up reaches 2^-16382 only from 64 one bits.
    return static_cast<std::uint64_t>(shift_right(a, top - 63).low) != ~std::uint64_t{0};
}

}  // namespace

long double fmal(long double x, long double y, long double z) noexcept {
    // NaNs, infinities, zero factors and the invalid encodings (which the
    // x87 turns into a NaN with FE_INVALID): the product is exact, or NaN,
    // and one addition rounds as fmal would.
    auto invalid_encoding = [](long double v) {
        long_double_bits b = bits_of_long(v);
        return (b.sign_exponent & 0x7fff) != 0 && (b.mantissa & long_integer_bit) == 0;
    };
    if (!long_is_finite(x) || !long_is_finite(y) || x == 0.0L || y == 0.0L ||
        invalid_encoding(x) || invalid_encoding(y) || invalid_encoding(z)) {
        return x * y + z;
    }
    // An infinite z wins over any finite product; a NaN z stays NaN.
    if (!long_is_finite(z)) return z + z;
    // A zero z: the result is the product rounded once (one multiplication),
    // with the product's sign even when it rounds to zero.
    if (z == 0.0L) return x * y;

    std::uint64_t mx, my, mz;
    int ex, ey, ez;
    decompose(x, &mx, &ex);
    decompose(y, &my, &ey);
    decompose(z, &mz, &ez);
    bool product_negative = long_sign(x) != long_sign(y);
    bool z_negative = long_sign(z);
    unsigned direction = arch::x87::rounding_control();

    // The product (2^126 <= p < 2^128) times 2^126, its top at bit 252 or
    // 253; z's mantissa with its top at bit 253. Both have at least 126 zero
    // bits below them, so an alignment shift that loses bits is one of more
    // than 126 places, after which no cancellation can reach the rounding
    // position and the sticky bit stands for the lost bits exactly enough.
    u128 p = static_cast<u128>(mx) * my;
    wide a{p >> 2, p << 126};
    int exponent_a = ex + ey - 126;
    wide b{static_cast<u128>(mz) << 62, 0};
    int exponent_b = ez - 190;

    int exponent;
    if (exponent_a >= exponent_b) {
        b = shift_right_sticky(b, exponent_a - exponent_b);
        exponent = exponent_a;
    } else {
        a = shift_right_sticky(a, exponent_b - exponent_a);
        exponent = exponent_b;
    }
    wide sum;
    bool negative;
    if (product_negative == z_negative) {
        sum = add(a, b);
        negative = z_negative;
    } else if (!less(a, b)) {
        sum = subtract(a, b);
        negative = product_negative;
    } else {
        sum = subtract(b, a);
        negative = z_negative;
    }
    // Exact cancellation: +0, or -0 when rounding down.
    if (sum.high == 0 && sum.low == 0) return direction == downward ? -0.0L : 0.0L;

    // sum * 2^exponent rounded to 64 bits, or to a multiple of 2^-16445.
    int top = highest_bit(sum);
    bool subnormal = exponent + top < -16382;
    // drop >= 0: the sum's top bit is at 63 or above (an alignment of 63
    // places or fewer leaves both operands multiples of 2^63; a longer one
    // leaves the larger far above), and a subnormal keeps fewer bits still.
    int drop = subnormal ? -16445 - exponent : top - 63;
    bool inexact;
    bool up = rounds_up(sum, drop, negative, direction, &inexact);
    std::uint64_t mantissa = static_cast<std::uint64_t>(shift_right(sum, drop).low);
    int scale = exponent + drop;  // the value is mantissa * 2^scale
    if (up) {
        ++mantissa;
        if (mantissa == 0) {  // carried out of 64 bits: 2^64 = 2^63 * 2
            mantissa = long_integer_bit;
            ++scale;
        }
    }
    if ((mantissa & long_integer_bit) == 0) {  // subnormal (or zero) result
        if (inexact && tiny_after_rounding(sum, top, exponent, negative, direction)) {
            raise_x87_underflow();
        } else if (inexact) {
            raise_x87_inexact();
        }
        return long_from_bits(mantissa, negative ? 0x8000u : 0u);
    }
    int field = scale + 16383 + 63;
    if (field >= 0x7fff) return long_overflow_value(negative);  // rounds per direction
    if (inexact) {
        // A result of 2^-16382 reached by rounding up is tiny before rounding
        // only; x86 raises no underflow for it unless it was tiny after, too.
        if (subnormal && tiny_after_rounding(sum, top, exponent, negative, direction)) {
            raise_x87_underflow();
        } else {
            raise_x87_inexact();
        }
    }
    return long_from_bits(mantissa, static_cast<unsigned>(field) | (negative ? 0x8000u : 0u));
}

}  // namespace lwp::libc::math
