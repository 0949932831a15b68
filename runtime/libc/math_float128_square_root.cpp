// sqrtf128: the square root of a _Float128 correctly rounded in the current
// rounding mode, with inexact when it is not exact: an integer square root
// of the significand, one bit beyond the 113 kept and the remainder telling
// whether anything lies below. The root of a positive value is never
// subnormal and never overflows, so no other flag arises. -0 gives -0, +inf
// itself, a NaN itself made quiet; below zero the default NaN with invalid
// and EDOM, as glibc.
#include <errno.h>
#include <math.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

// floor(sqrt(m * 2^114)) for m < 2^114, and whether it was exact, by the
// digit-by-digit method: each step brings down two bits of the radicand
// (m's bits, then the 114 zero bits of the scaling) and decides one bit of
// the root; the partial remainder stays below twice the root plus one,
// so within 128 bits.
struct root {
    f::bits value;
    bool exact;
};

root integer_square_root(f::bits m) noexcept {
    f::bits result = 0;
    f::bits remainder = 0;
    for (int pair = 113; pair >= 0; --pair) {
        int position = 2 * pair - 114;  // of the pair's low bit in m
        unsigned two_bits = position >= 0 ? static_cast<unsigned>(m >> position) & 3 : 0;
        remainder = remainder << 2 | two_bits;
        f::bits trial = result << 2 | 1;
        result <<= 1;
        if (remainder >= trial) {
            remainder -= trial;
            result |= 1;
        }
    }
    return {result, remainder == 0};
}

}  // namespace

extern "C" {

__float128 sqrtf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (f::is_zero(x)) return x;
    if (f::sign_of(x)) {
        errno = EDOM;
        return f::invalid_nan();
    }
    if (f::is_inf(x)) return x;
    f::integer_form form = f::integer_form_of(x);
    // Normalise (a subnormal's leading bit to the integer bit's place), then
    // make the exponent even, leaving m in [2^112, 2^114).
    int shift = f::fraction_bits - f::top_bit(form.significand);
    f::bits m = form.significand << shift;
    int exponent = form.exponent - shift;
    if ((exponent & 1) != 0) {
        m <<= 1;
        exponent -= 1;
    }
    // sqrt(m 2^exponent) = sqrt(m 2^114) 2^(exponent / 2 - 57), the root in
    // [2^113, 2^114): 113 bits and one to round on.
    root r = integer_square_root(m);
    bool half = (r.value & 1) != 0;
    bool below = !r.exact;
    f::bits significand = r.value >> 1;
    int result_exponent = exponent / 2 - 57 + 1;
    if (half || below) {
        f::raise_inexact();
        // A root is never exactly halfway (its square would need more
        // bits than m has), so nearest needs no tie rule.
        constexpr std::uint32_t rounding_field = 0x6000, upward = 0x4000;
        std::uint32_t mode = lwp::arch::sse::read_status_control() & rounding_field;
        bool up = mode == 0 ? half : mode == upward;
        if (up) significand += 1;  // 2^113 at most: from_integer_form renormalises
    }
    return f::from_integer_form(significand, result_exponent, false);
}

}  // extern "C"
