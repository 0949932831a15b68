// _Float128 rounded to an integer in a _Float128: ceilf128 floorf128
// truncf128 roundf128 roundevenf128 (on the bits: exact, so no flag, as
// glibc's), rintf128 and nearbyintf128 (in the current rounding mode, rint
// with inexact when the result differs from x, nearbyint without), and
// modff128. An infinity stays; a NaN gives itself made quiet (x + x: invalid
// for a signalling one).
#include <math.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

enum class Direction { toward_zero, down, up, nearest_from_zero, nearest_even };

// Whether |x|, of integer part `whole_odd`'s parity and cut-off part
// compared with a half as `against_half` (-1 below, 0 equal, 1 above; never
// zero itself), rounds away from zero.
bool rounds_away(Direction direction, bool negative, int against_half, bool whole_odd) noexcept {
    switch (direction) {
    case Direction::down:
        return negative;
    case Direction::up:
        return !negative;
    case Direction::nearest_from_zero:
        return against_half >= 0;
    case Direction::nearest_even:
        return against_half > 0 || (against_half == 0 && whole_odd);
    default:
        return false;
    }
}

__float128 round_to_integer(__float128 x, Direction direction) noexcept {
    f::bits b = f::bits_of(x);
    f::bits m = b & ~f::sign_bit;
    f::bits sign = b & f::sign_bit;
    int exponent = static_cast<int>(m >> f::fraction_bits) - f::bias;
    if (exponent >= f::fraction_bits) return f::is_nan(x) ? x + x : x;  // an integer, inf or NaN
    if (m == 0) return x;
    bool negative = sign != 0;
    if (exponent < 0) {
        // 0 or 1: a half exactly when the exponent is -1 and no fraction
        // bit is set.
        int against_half = exponent < -1 ? -1 : (m & f::fraction_mask) != 0 ? 1 : 0;
        bool away = rounds_away(direction, negative, against_half, false);
        return f::from_bits(sign | (away ? f::bits{f::bias} << f::fraction_bits : 0));
    }
    f::bits below_units = f::fraction_mask >> exponent;
    f::bits cut = m & below_units;
    if (cut == 0) return x;
    f::bits unit = below_units + 1;
    f::bits half = unit >> 1;
    int against_half = cut < half ? -1 : cut == half ? 0 : 1;
    m &= ~below_units;
    // Adding a unit carries into the exponent where the significand
    // overflows, which is the next power of two: right as it is.
    if (rounds_away(direction, negative, against_half, (m & unit) != 0)) m += unit;
    return f::from_bits(sign | m);
}

// rint: adding and taking away 2^112 (with x's sign, so that the directed
// modes round the right way) leaves x rounded to an integer in the current
// mode, the addition raising inexact if x was not one. A result of zero
// takes x's sign (2^112 - 2^112 is +0 whatever x was).
__float128 round_in_current_mode(__float128 x) noexcept {
    if (f::biased_exponent(x) - f::bias >= f::fraction_bits) return f::is_nan(x) ? x + x : x;
    volatile __float128 shift = f::sign_of(x) ? -f::power_of_two(112) : f::power_of_two(112);
    __float128 rounded = (shift + x) - shift;
    return f::with_sign_of(rounded, x);
}

}  // namespace

extern "C" {

__float128 truncf128(__float128 x) noexcept { return round_to_integer(x, Direction::toward_zero); }
__float128 floorf128(__float128 x) noexcept { return round_to_integer(x, Direction::down); }
__float128 ceilf128(__float128 x) noexcept { return round_to_integer(x, Direction::up); }
__float128 roundf128(__float128 x) noexcept { return round_to_integer(x, Direction::nearest_from_zero); }
__float128 roundevenf128(__float128 x) noexcept { return round_to_integer(x, Direction::nearest_even); }

__float128 rintf128(__float128 x) noexcept { return round_in_current_mode(x); }

// rint with the inexact exception masked while it rounds (a program that
// enabled its trap must not get SIGFPE), then the caller's masks and flags
// put back, plus any other flag the rounding raised (none: only a
// signalling NaN raises one, and that is handled before any rounding).
__float128 nearbyintf128(__float128 x) noexcept {
    namespace sse = lwp::arch::sse;
    if (f::biased_exponent(x) - f::bias >= f::fraction_bits) return f::is_nan(x) ? x + x : x;
    std::uint32_t saved = sse::read_status_control();
    sse::write_status_control(saved | sse::inexact_mask);
    __float128 result = round_in_current_mode(x);
    sse::write_status_control(saved);
    return result;
}

// The integer part in *integral, the fraction (with x's sign, -0 for a
// negative integer) returned; an infinity's fraction is a signed zero, a
// NaN is both parts (made quiet).
__float128 modff128(__float128 x, __float128* integral) noexcept {
    __float128 whole = truncf128(x);
    *integral = whole;
    if (f::is_nan(x)) return whole;
    if (f::is_inf(x)) return f::with_sign_of(0, x);
    return f::with_sign_of(x - whole, x);  // exact: no flag
}

}  // extern "C"
