// fmaf128: x * y + z for _Float128 with one rounding, in the current mode,
// with IEEE's flags (x86's tininess after rounding, as glibc's fmaf128
// detects it). The product of the two 113-bit significands is exact in 226
// bits; z is aligned beside it in a 256-bit accumulator (bits that fall off
// the bottom, far below the rounding point, kept as a sticky bit), the two
// added or subtracted, and the sum rounded once. The special operands go
// through soft-fp's operations as glibc sends them: an infinite or NaN z
// with finite x and y is z (a NaN made quiet); a zero z with x and y other than zero is x * y
// (rounded once already, and with the product's sign if it underflows to
// zero); NaNs, infinities and zero factors give x * y + z.
#include <math.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

using f::bits;

// A 256-bit unsigned integer: just what the alignment and sum need.
struct wide {
    bits high;
    bits low;
};

bool operator<(wide a, wide b) noexcept { return a.high != b.high ? a.high < b.high : a.low < b.low; }
bool is_zero(wide a) noexcept { return (a.high | a.low) == 0; }

wide add(wide a, wide b) noexcept {
    bits low = a.low + b.low;
    return {a.high + b.high + (low < a.low), low};
}

wide subtract(wide a, wide b) noexcept {  // a >= b
    return {a.high - b.high - (a.low < b.low), a.low - b.low};
}

wide shift_left(wide a, int n) noexcept {  // 0 <= n < 256, no bit lost
    if (n == 0) return a;
    if (n >= 128) return {a.low << (n - 128), 0};
    return {a.high << n | a.low >> (128 - n), a.low << n};
}

// a >> n, with any bit shifted out kept as the lowest bit (sticky).
wide shift_right_sticky(wide a, int n) noexcept {
    if (n == 0) return a;
    if (n >= 256) return {0, is_zero(a) ? 0 : bits{1}};
    wide kept;
    bool lost;
    if (n >= 128) {
        int m = n - 128;
        kept = {0, m == 0 ? a.high : a.high >> m};
        lost = a.low != 0 || (m != 0 && (a.high & ((bits{1} << m) - 1)) != 0);
    } else {
        kept = {a.high >> n, a.low >> n | a.high << (128 - n)};
        lost = (a.low & ((bits{1} << n) - 1)) != 0;
    }
    kept.low |= lost;
    return kept;
}

int top_bit(wide a) noexcept { return a.high != 0 ? 128 + f::top_bit(a.high) : f::top_bit(a.low); }

// Whether any of the low n bits of a is set; bit n of a (0 beyond 255).
bool any_below(wide a, int n) noexcept {
    if (n <= 0) return false;
    if (n >= 256) return !is_zero(a);
    if (n >= 128) return a.low != 0 || (n > 128 && (a.high & ((bits{1} << (n - 128)) - 1)) != 0);
    return (a.low & ((bits{1} << n) - 1)) != 0;
}
bool bit_at(wide a, int n) noexcept {
    if (n >= 256) return false;
    return n >= 128 ? ((a.high >> (n - 128)) & 1) != 0 : ((a.low >> n) & 1) != 0;
}

// a >> n, the bits shifted out dropped; only the low 128 bits are wanted.
bits low_bits_after_shift(wide a, int n) noexcept {
    if (n >= 256) return 0;
    if (n >= 128) return n == 128 ? a.high : a.high >> (n - 128);
    if (n == 0) return a.low;
    return a.low >> n | a.high << (128 - n);
}

wide multiply(bits a, bits b) noexcept {
    auto a1 = static_cast<std::uint64_t>(a >> 64), a0 = static_cast<std::uint64_t>(a);
    auto b1 = static_cast<std::uint64_t>(b >> 64), b0 = static_cast<std::uint64_t>(b);
    bits low = static_cast<bits>(a0) * b0;
    bits middle1 = static_cast<bits>(a1) * b0;
    bits middle2 = static_cast<bits>(a0) * b1;  // each below 2^113: their sum fits
    bits high = static_cast<bits>(a1) * b1;
    wide sum{high, low};
    sum = add(sum, {(middle1 + middle2) >> 64, (middle1 + middle2) << 64});
    return sum;
}

// x's significand with its leading bit at the integer bit's place (a
// subnormal's moved up), so that the product has 225 or 226 bits and z its
// 113: the analysis of where bits may fall off below relies on it.
f::integer_form normalized(__float128 x) noexcept {
    f::integer_form form = f::integer_form_of(x);
    int shift = f::fraction_bits - f::top_bit(form.significand);
    return {form.significand << shift, form.exponent - shift};
}

enum class Mode { nearest, downward, upward, toward_zero };

Mode current_mode() noexcept {
    switch ((lwp::arch::sse::read_status_control() >> 13) & 3) {
    case 1: return Mode::downward;
    case 2: return Mode::upward;
    case 3: return Mode::toward_zero;
    default: return Mode::nearest;
    }
}

// Whether dropping the low `drop` bits of s (rounding at bit `drop`)
// rounds the magnitude up.
bool rounds_up(wide s, int drop, bool negative, Mode mode) noexcept {
    if (drop <= 0) return false;
    bool half = bit_at(s, drop - 1);
    bool rest = any_below(s, drop - 1);
    switch (mode) {
    case Mode::nearest: return half && (rest || bit_at(s, drop));
    case Mode::upward: return !negative && (half || rest);
    case Mode::downward: return negative && (half || rest);
    default: return false;
    }
}

// s * 2^exponent, s not zero, rounded once to binary128 with its flags.
__float128 round_sum(wide s, int exponent, bool negative, Mode mode) noexcept {
    constexpr int least_normal = 1 - f::bias;
    constexpr int least_exponent = least_normal - f::fraction_bits;  // of the least subnormal
    int top = top_bit(s);
    int leading = exponent + top;
    // Rounded to 113 bits whatever the exponent (the unbounded rounding,
    // by which x86 judges tininess: after rounding).
    int drop_unbounded = top - f::fraction_bits;
    bool tiny = leading < least_normal;
    if (leading == least_normal - 1 && drop_unbounded > 0 && rounds_up(s, drop_unbounded, negative, mode) &&
        low_bits_after_shift(s, drop_unbounded) == (f::integer_bit | f::fraction_mask)) {
        tiny = false;  // the carry reaches 2^least_normal
    }
    int drop = leading < least_normal ? least_exponent - exponent : drop_unbounded;
    bool inexact = any_below(s, drop);
    bits significand = drop > 0 ? low_bits_after_shift(s, drop) : s.low << -drop;
    if (rounds_up(s, drop, negative, mode)) significand += 1;
    int result_exponent = exponent + drop;  // of the significand's lowest bit
    if (inexact) {
        if (tiny) lwp::libc::math::raise_underflow();  // with inexact
        else f::raise_inexact();
    }
    if (significand != 0 && result_exponent + f::top_bit(significand) > f::bias) {
        lwp::libc::math::raise_overflow();  // with inexact
        bool to_infinity = mode == Mode::nearest || (mode == Mode::upward && !negative) ||
                           (mode == Mode::downward && negative);
        return f::from_bits((negative ? f::sign_bit : 0) | (to_infinity ? f::infinity : f::infinity - 1));
    }
    return f::from_integer_form(significand, result_exponent, negative);
}

}  // namespace

extern "C" {

__float128 fmaf128(__float128 x, __float128 y, __float128 z) noexcept {
    if (!f::is_finite(x) || !f::is_finite(y) || !f::is_finite(z)) {
        // z infinite or NaN, x and y finite: glibc's (z + x) + y, z itself
        // (made quiet).
        if (f::is_finite(x) && f::is_finite(y)) return f::ordered_sum(f::ordered_sum(z, x), y);
        if (f::is_zero(z) && !f::is_zero(x) && !f::is_zero(y)) return f::ordered_product(x, y);
        return f::ordered_sum(f::ordered_product(x, y), z);
    }
    // Exact: a zero product plus z, with IEEE's sign of a zero sum.
    if (f::is_zero(x) || f::is_zero(y)) return f::ordered_sum(f::ordered_product(x, y), z);
    if (f::is_zero(z)) return f::ordered_product(x, y);
    f::integer_form a = normalized(x);
    f::integer_form b = normalized(y);
    f::integer_form c = normalized(z);
    bool product_negative = f::sign_of(x) != f::sign_of(y);
    bool z_negative = f::sign_of(z);
    // The product (below 2^226) moved up to the top of 255 bits, and z
    // placed beside it: exactly while it fits, else the smaller one
    // shifted down with a sticky bit, far below where the sum rounds.
    constexpr int product_room = 29;
    wide product = shift_left(multiply(a.significand, b.significand), product_room);
    int exponent = a.exponent + b.exponent - product_room;
    wide addend{0, c.significand};
    int offset = c.exponent - exponent;  // z's place relative to the product's lowest bit
    constexpr int addend_room = 255 - 113;
    if (offset > addend_room) {
        product = shift_right_sticky(product, offset - addend_room);
        exponent += offset - addend_room;
        addend = shift_left(addend, addend_room);
    } else if (offset >= 0) {
        addend = shift_left(addend, offset);
    } else {
        addend = shift_right_sticky(addend, -offset);
    }
    Mode mode = current_mode();
    wide sum;
    bool negative;
    if (product_negative == z_negative) {
        sum = add(product, addend);
        negative = z_negative;
    } else if (addend < product) {
        sum = subtract(product, addend);
        negative = product_negative;
    } else {
        sum = subtract(addend, product);
        negative = z_negative;
    }
    // An exact zero from opposite signs: +0, but -0 rounding downward.
    if (is_zero(sum)) return f::from_bits(mode == Mode::downward ? f::sign_bit : 0);
    return round_sum(sum, exponent, negative, mode);
}

}  // extern "C"
