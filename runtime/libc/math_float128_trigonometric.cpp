// sinf128, cosf128, sincosf128, tanf128, in _Float128-pair arithmetic
// (math_float128_pair.hpp, about 226 bits) computed rounding to nearest and
// rounded once in the caller's mode, so that a result is the correctly
// rounded one but for arguments whose exact result lies within about 2^-220
// relative of a rounding boundary.
//
// Reduction: every |x| >= pi/4 is reduced by Payne and Hanek's method, as
// the long double functions' (math_long_double_trigonometric.cpp): x =
// M 2^E with a 113-bit integer M, and x 2/pi mod 4 is M times a 640-bit
// window of 2/pi's bits (the long double functions' table of 17280 bits,
// math_long_double_two_over_pi.hpp, from mpmath, which reaches past the
// largest _Float128's window) that starts where the bits before it only add
// multiples of 4. The product is exact; its low 115 bits are spoiled by the
// window's truncation, which leaves a fraction of more than 500 good bits,
// enough for 226 significant ones even after the 150 or so leading zero
// bits that an argument lying closest to a multiple of pi/2 can produce.
// The fraction's leading 226 bits times pi/2 are r, |r| <= pi/4, and sin r,
// cos r come from their Taylor series to 2^-232
// (math_float128_trigonometric_tables.hpp).
//
// Tiny arguments (|x| < 2^-57, where x - x^3/6 and 1 - x^2/2 are within a
// fraction of an ulp of x and 1) are answered from x: the correctly rounded
// result in every mode, inexact raised, underflow for a subnormal x as
// glibc's. Infinities give the default NaN with invalid and EDOM, NaNs
// themselves made quiet, as glibc.
#include <errno.h>

#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_float128_pair.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"
#include "runtime/libc/math_float128_trigonometric_tables.hpp"
#include "runtime/libc/math_long_double_two_over_pi.hpp"

namespace lwp::libc::math::f128 {

namespace {

// 64 bits of 2/pi starting at bit `position` after the binary point (bit 1
// is the first); bits before the point are 0.
std::uint64_t two_over_pi_at(int position) noexcept {
    if (position <= -63) return 0;  // (a shift by 64 or more below)
    if (position < 1) return two_over_pi_at(1) >> (1 - position);
    int index = (position - 1) / 64;
    int offset = (position - 1) % 64;
    std::uint64_t high = long_tables::two_over_pi_bits[index];
    if (offset == 0) return high;
    return (high << offset) | (long_tables::two_over_pi_bits[index + 1] >> (64 - offset));
}

constexpr int window_words = 10;               // 640 bits of 2/pi
constexpr int product_words = window_words + 2;  // times a two-word M

// The product M W, most significant word first; word 2 holds bits 576 to
// 639, of which 639 and 638 are the quadrant (the words above are
// multiples of 4) and the rest, with words 3 to 11, the fraction, bit 637
// worth 1/2.
struct reduction_product {
    std::uint64_t word[product_words];

    // 128 bits of the fraction words (2 to 11) starting `position` bits
    // below the top of word 2, zeros past the end.
    bits bits_from(int position) const noexcept {
        int index = 2 + position / 64;
        int offset = position % 64;
        auto at = [&](int i) -> bits { return i < product_words ? word[i] : 0; };
        bits high = at(index) << 64 | at(index + 1);
        if (offset == 0) return high;
        return high << offset | at(index + 2) >> (64 - offset);
    }
};

// product += multiplier W, W's least significant word landing on word
// `last` of the product (the carry goes to the words above).
void add_product(reduction_product& product, const std::uint64_t (&window)[window_words], std::uint64_t multiplier,
                 int last) noexcept {
    unsigned __int128 carry = 0;
    for (int i = window_words - 1; i >= 0; --i) {
        int target = last - (window_words - 1 - i);
        unsigned __int128 v = static_cast<unsigned __int128>(multiplier) * window[i] + product.word[target] + carry;
        product.word[target] = static_cast<std::uint64_t>(v);
        carry = v >> 64;
    }
    for (int target = last - window_words; target >= 0 && carry != 0; --target) {
        unsigned __int128 v = static_cast<unsigned __int128>(product.word[target]) + carry;
        product.word[target] = static_cast<std::uint64_t>(v);
        carry = v >> 64;
    }
}

}  // namespace

// ax = quadrant pi/2 + r for a finite ax >= pi/4, |r| <= pi/4.
quadrant_angle reduce_quadrant(real ax) noexcept {
    integer_form form = integer_form_of(ax);  // normal: a 113-bit significand
    // The window: bits s .. s + 639 of 2/pi (W), with s = exponent - 1: the
    // bits before it add multiples of 4 M to ax 2/pi, which leave the
    // quadrant alone, and ax 2/pi = M W 2^(2 - 640) modulo 4.
    std::uint64_t window[window_words];
    int start = form.exponent - 1;
    for (int i = 0; i < window_words; ++i) window[i] = two_over_pi_at(start + 64 * i);
    reduction_product product{};
    add_product(product, window, static_cast<std::uint64_t>(form.significand), product_words - 1);
    add_product(product, window, static_cast<std::uint64_t>(form.significand >> 64), product_words - 2);
    unsigned quadrant = static_cast<unsigned>(product.word[2] >> 62);
    product.word[0] = product.word[1] = 0;
    product.word[2] &= 0x3fffffffffffffffu;
    bool negative = false;
    if (product.word[2] >> 61) {
        // fraction >= 1/2: take 1 - fraction (two's complement of the 638
        // bits) and the next quadrant.
        negative = true;
        quadrant = (quadrant + 1) & 3;
        unsigned __int128 borrow = 1;
        for (int i = product_words - 1; i >= 2; --i) {
            unsigned __int128 v = static_cast<unsigned __int128>(~product.word[i]) + borrow;
            product.word[i] = static_cast<std::uint64_t>(v);
            borrow = v >> 64;
        }
        product.word[2] &= 0x3fffffffffffffffu;
    }
    // The fraction's leading bit, `leading` bits below the top of word 2,
    // is worth 2^(1 - leading).
    int leading = 0;
    int index = 2;
    while (index < product_words && product.word[index] == 0) ++index;
    if (index == product_words) return {quadrant, {0, 0}};  // (no finite argument gets here)
    leading = 64 * (index - 2) + __builtin_clzll(product.word[index]);
    // The leading 113 bits and the next 113, each exactly a _Float128.
    constexpr int drop = 128 - 113;
    real high = from_integer_form(product.bits_from(leading) >> drop, 1 - leading - 112, false);
    real low = from_integer_form(product.bits_from(leading + 113) >> drop, 1 - leading - 113 - 112, false);
    pair r = fast_two_sum(high, low) * tables::half_pi;
    return {quadrant, negative ? -r : r};
}

namespace {

pair sin_kernel(pair r) noexcept {
    pair r2 = r * r;
    return r + r * r2 * polynomial(r2, tables::sin_taylor, tables::sin_taylor_terms);
}

pair cos_kernel(pair r) noexcept {
    pair r2 = r * r;
    return r2 * polynomial(r2, tables::cos_taylor, tables::cos_taylor_terms) + real(1);
}

}  // namespace

sine_cosine sin_cos_of(real ax) noexcept {
    quadrant_angle a = ax < tables::quarter_pi.hi ? quadrant_angle{0, {ax, 0}} : reduce_quadrant(ax);
    pair s = sin_kernel(a.r);
    pair c = cos_kernel(a.r);
    // sin(r + q pi/2) and cos(r + q pi/2) by the quadrant.
    pair sine = (a.quadrant & 1) ? c : s;
    pair cosine = (a.quadrant & 1) ? -s : c;
    if (a.quadrant & 2) {
        sine = -sine;
        cosine = -cosine;
    }
    return {sine, cosine};
}

real signed_rounded(pair v, bool negative) noexcept {
    volatile real hi = negative ? -v.hi : v.hi;
    volatile real lo = negative ? -v.lo : v.lo;
    return hi + lo;
}

void raise_underflow() noexcept {
    volatile float least_normal = 0x1p-126f;
    volatile float product = least_normal * least_normal;  // SSE: the same MXCSR flags
    (void)product;
}

real tiny_odd_result(real x, bool toward_zero) noexcept {
    raise_inexact();
    if (biased_exponent(x) == 0) raise_underflow();
    // The exact result is x moved by far less than half an ulp, toward
    // zero or away from it: x to nearest, x or its neighbour that way in a
    // directed mode, by whether the mode rounds that way.
    constexpr std::uint32_t rounding_field = 0x6000, downward = 0x2000, upward = 0x4000;
    std::uint32_t mode = arch::sse::read_status_control() & rounding_field;
    bool moving_down = toward_zero != sign_of(x);  // the exact result lies below x
    bool moves = mode == rounding_field ? toward_zero : mode == downward ? moving_down : mode == upward && !moving_down;
    if (!moves) return x;
    bits b = bits_of(x);
    return from_bits(toward_zero ? b - 1 : b + 1);  // the magnitude's neighbour (x is not zero)
}

}  // namespace lwp::libc::math::f128

namespace f = lwp::libc::math::f128;

namespace {

// A domain error for an infinite argument (EDOM, the default NaN with
// FE_INVALID); a NaN itself, made quiet.
f::real trig_special(f::real x) noexcept {
    if (f::is_nan(x)) return x + x;
    errno = EDOM;
    return f::invalid_nan();
}

constexpr f::real tiny_bound = 0x1p-57;

// The pair of the result for a finite ax >= 2^-57, computed rounding to
// nearest where the pair steps are exact. The argument is read and the
// parts written through volatiles, inside the scope: the compiler may move
// arithmetic across the control register's accesses, but not volatile ones.
[[gnu::noinline]] f::sine_cosine sine_cosine_parts(f::real magnitude) noexcept {
    lwp::arch::sse::nearest_rounding_scope nearest;
    volatile f::real read = magnitude;
    f::sine_cosine sc = f::sin_cos_of(read);
    volatile f::real parts[4] = {sc.sine.hi, sc.sine.lo, sc.cosine.hi, sc.cosine.lo};
    return {{parts[0], parts[1]}, {parts[2], parts[3]}};
}

[[gnu::noinline]] f::pair tangent_parts(f::real magnitude) noexcept {
    lwp::arch::sse::nearest_rounding_scope nearest;
    volatile f::real read = magnitude;
    f::sine_cosine sc = f::sin_cos_of(read);
    f::pair quotient = sc.sine / sc.cosine;
    volatile f::real parts[2] = {quotient.hi, quotient.lo};
    return {parts[0], parts[1]};
}

f::real one_less_a_little(f::real x) noexcept {
    if (f::is_zero(x)) return 1;
    volatile f::real one = 1;
    volatile f::real little = 0x1p-200;
    return one - little;  // 1 to nearest, its lower neighbour downward (FE_INEXACT)
}

}  // namespace

extern "C" {

__float128 sinf128(__float128 x) noexcept {
    if (!f::is_finite(x)) return trig_special(x);
    if (f::is_zero(x)) return x;
    f::real ax = f::magnitude(x);
    if (ax < tiny_bound) return f::tiny_odd_result(x, true);  // x - x^3/6
    return f::signed_rounded(sine_cosine_parts(ax).sine, f::sign_of(x));
}

__float128 cosf128(__float128 x) noexcept {
    if (!f::is_finite(x)) return trig_special(x);
    f::real ax = f::magnitude(x);
    if (ax < tiny_bound) return one_less_a_little(x);
    return f::signed_rounded(sine_cosine_parts(ax).cosine, false);
}

void sincosf128(__float128 x, __float128* sine, __float128* cosine) noexcept {
    if (!f::is_finite(x)) {
        f::real v = trig_special(x);
        *sine = v;
        *cosine = v;
        return;
    }
    f::real ax = f::magnitude(x);
    if (ax < tiny_bound) {
        *sine = f::is_zero(x) ? x : f::tiny_odd_result(x, true);
        *cosine = one_less_a_little(x);
        return;
    }
    f::sine_cosine sc = sine_cosine_parts(ax);
    *sine = f::signed_rounded(sc.sine, f::sign_of(x));
    *cosine = f::signed_rounded(sc.cosine, false);
}

__float128 tanf128(__float128 x) noexcept {
    if (!f::is_finite(x)) return trig_special(x);
    if (f::is_zero(x)) return x;
    f::real ax = f::magnitude(x);
    if (ax < tiny_bound) return f::tiny_odd_result(x, false);  // x + x^3/3
    return f::signed_rounded(tangent_parts(ax), f::sign_of(x));
}

}  // extern "C"
