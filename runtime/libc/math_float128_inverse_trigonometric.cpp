// atanf128, atan2f128, asinf128, acosf128, in _Float128-pair arithmetic
// (math_float128_pair.hpp) computed rounding to nearest and rounded once in
// the caller's mode.
//
// The arctangent is reduced around the 17 nodes k/16 of [0, 1], as the
// long double one (math_long_double_trigonometric.cpp):
// atan(a) = atan(k/16) + atan((a - k/16)/(1 + a k/16)), the second argument
// within 1/32, its series to 2^-232 (math_float128_trigonometric_tables.hpp);
// beyond 1, atan(a) = pi/2 - atan(1/a). asin, acos and atan2 are
// arctangents of a ratio kept in pairs (asin x = atan(x / sqrt((1-x)(1+x)))).
//
// Where the result is x itself to within far less than an ulp (|x| < 2^-57
// for atan and asin) it comes from x, rounded in the caller's mode
// (tiny_odd_result). glibc's answers are kept where they are not the
// correctly rounded ones but a choice of its own: atan from 2^115 on (and
// of an infinity), and atan2 where glibc takes that arctangent (x = 1, or
// x > 0 and a quotient y/x reaching 2^115), are pi/2 rounded to nearest in
// every mode, with no flag; atan2 of a ratio below 2^-120 with x > 0 is the
// quotient y/x, inexact, with underflow when subnormal and ERANGE when 0.
// Special values, NaNs, flags and errno (EDOM for asin and acos beyond 1)
// as glibc's.
#include <errno.h>
#include <math.h>

#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_float128_pair.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"
#include "runtime/libc/math_float128_trigonometric_tables.hpp"

namespace f = lwp::libc::math::f128;
namespace t = lwp::libc::math::f128::tables;

namespace lwp::libc::math::f128 {

namespace {

// atan(a) for a pair 0 <= a <= 1.
pair atan_unit(pair a) noexcept {
    int k = static_cast<int>(a.hi * 16 + real(0.5));
    real c = real(k) * real(0.0625);
    // q = (a - c) / (1 + a c): a - c and a c exact in pairs.
    pair q = k == 0 ? a : (a - c) / (a * c + real(1));
    pair q2 = q * q;
    pair series = q + q * q2 * polynomial(q2, t::atan_taylor, t::atan_taylor_terms);
    return k == 0 ? series : t::atan_nodes[k] + series;
}

}  // namespace

pair atan_of_ratio(pair num, pair den) noexcept {
    if (num.hi <= den.hi) return atan_unit(num / den);
    return t::half_pi - atan_unit(den / num);
}

}  // namespace lwp::libc::math::f128

namespace {

using f::atan_of_ratio;

// (1 - a)(1 + a) for 0 <= a < 1, exactly enough: each factor exact as a pair.
f::pair one_minus_square(f::real a) noexcept {
    return f::two_sum(1, -a) * f::two_sum(1, a);
}

enum class inverse { arctangent, arcsine, arccosine };

// The pair of the result for a finite argument in the range each case
// below allows, computed rounding to nearest where the pair steps are
// exact; the argument is read and the parts written through volatiles
// inside the scope, which the compiler does not move across it.
[[gnu::noinline]] f::pair inverse_parts(inverse function, f::real argument) noexcept {
    lwp::arch::sse::nearest_rounding_scope nearest;
    volatile f::real read = argument;
    f::real x = read;
    f::real ax = f::magnitude(x);
    f::pair result;
    switch (function) {
    case inverse::arctangent: result = atan_of_ratio({ax, 0}, {1, 0}); break;
    case inverse::arcsine: result = atan_of_ratio({ax, 0}, f::sqrt_of(one_minus_square(ax))); break;
    case inverse::arccosine:
        if (ax < f::real(0x1p-120)) {
            result = t::half_pi - f::pair{x, 0};
        } else {
            result = atan_of_ratio(f::sqrt_of(one_minus_square(ax)), {ax, 0});
            if (f::sign_of(x)) result = t::pi - result;
        }
        break;
    }
    volatile f::real parts[2] = {result.hi, result.lo};
    return {parts[0], parts[1]};
}

// The exponent of the leading bit of a finite nonzero value.
int leading_exponent(f::real x) noexcept {
    f::integer_form form = f::integer_form_of(x);
    return form.exponent + f::top_bit(form.significand);
}

// x scaled by 2^-exponent, exactly (the result normal).
f::real scaled_down(f::real x, int exponent) noexcept {
    f::integer_form form = f::integer_form_of(x);
    return f::from_integer_form(form.significand, form.exponent - exponent, false);
}

// atan(ay/ax) (pi less it for a negative x) for finite nonzero ay, ax whose
// leading bits lie within 120 places of each other, rounding to nearest as
// inverse_parts.
[[gnu::noinline]] f::pair atan2_parts(f::real y_magnitude, f::real x_magnitude, bool negative_x) noexcept {
    lwp::arch::sse::nearest_rounding_scope nearest;
    volatile f::real ay_read = y_magnitude;
    volatile f::real ax_read = x_magnitude;
    f::real ay = ay_read;
    f::real ax = ax_read;
    int ey = leading_exponent(ay);
    // The same factor for both keeps the ratio; both stay normal.
    f::real sy = scaled_down(ay, ey);
    f::real sx = scaled_down(ax, ey);
    f::pair result = atan_of_ratio({sy, 0}, {sx, 0});
    if (negative_x) result = t::pi - result;
    volatile f::real parts[2] = {result.hi, result.lo};
    return {parts[0], parts[1]};
}

// y / x in the caller's mode, and whether it was exact (the division's
// inexact flag, read with the caller's flags set aside and put back).
f::real quotient(f::real y, f::real x, bool& exact) noexcept {
    constexpr std::uint32_t inexact_flag = 0x20;
    std::uint32_t caller = lwp::arch::sse::read_status_control();
    lwp::arch::sse::write_status_control(caller & ~inexact_flag);
    volatile f::real q = y / x;
    std::uint32_t after = lwp::arch::sse::read_status_control();
    exact = (after & inexact_flag) == 0;
    lwp::arch::sse::write_status_control(after | (caller & inexact_flag));
    return q;
}

f::real domain_error() noexcept {
    errno = EDOM;
    return f::invalid_nan();
}

}  // namespace

extern "C" {

__float128 atanf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (f::is_zero(x)) return x;
    f::real ax = f::magnitude(x);
    if (ax < f::real(0x1p-57)) return f::tiny_odd_result(x, true);  // x - x^3/3
    if (ax >= f::real(0x1p115)) {
        // As glibc: beyond 2^115 (infinities included) pi/2 rounded to
        // nearest, whatever the mode, and no flag: the exact
        // pi/2 - 1/|x| lies within a fifth of an ulp of it.
        return f::sign_of(x) ? -t::half_pi.hi : t::half_pi.hi;
    }
    return f::signed_rounded(inverse_parts(inverse::arctangent, x), f::sign_of(x));
}

__float128 atan2f128(__float128 y, __float128 x) noexcept {
    if (f::is_nan(x) || f::is_nan(y)) return f::ordered_sum(x, y);
    if (x == 1) return atanf128(y);  // as glibc (no inexact from 2^115 on)
    bool negative_y = f::sign_of(y);
    bool negative_x = f::sign_of(x);
    // C99 Annex F's special values: zeros and infinities.
    if (f::is_zero(y)) {  // atan2(+-0, -0) = +-pi
        return negative_x ? f::signed_rounded(t::pi, negative_y) : y;
    }
    if (f::is_inf(x)) {
        if (f::is_inf(y)) {
            return f::signed_rounded(negative_x ? t::three_quarters_pi : t::quarter_pi, negative_y);
        }
        return negative_x ? f::signed_rounded(t::pi, negative_y) : (negative_y ? -f::real(0) : f::real(0));
    }
    if (f::is_zero(x) || f::is_inf(y)) return f::signed_rounded(t::half_pi, negative_y);
    f::real ay = f::magnitude(y);
    f::real ax = f::magnitude(x);
    int exponent_difference = leading_exponent(ay) - leading_exponent(ax);
    if (exponent_difference > 120) {
        // +-(pi/2 -+ |x/y|), |x/y| < 2^-119: pi/2 lies at least 2^-115 from
        // the nearest _Float128s and midpoints, so the result is pi/2
        // rounded in the caller's mode (inexact).
        return f::signed_rounded(t::half_pi, negative_y);
    }
    if (!negative_x && exponent_difference >= 114 && exponent_difference <= 120) {
        // As glibc, which takes the arctangent of the rounded quotient
        // here: from 2^115 on, pi/2 rounded to nearest, whatever the mode,
        // with no flag but the division's (atanf128 beyond 2^115).
        volatile f::real q = ay / ax;
        if (q >= f::real(0x1p115)) return negative_y ? -t::half_pi.hi : t::half_pi.hi;
    }
    if (exponent_difference < -120) {
        // |y/x| < 2^-119.
        if (negative_x) {
            // pi - |y/x|: pi lies far enough from the nearest _Float128s
            // and midpoints for the rounding of pi to be the result's.
            return f::signed_rounded(t::pi, negative_y);
        }
        // y/x (1 - (y/x)^2/3): y/x rounded, or moved toward zero in a
        // directed mode when the quotient is exact; inexact always, as
        // glibc, underflow for a subnormal result, ERANGE for 0.
        bool exact;
        f::real angle = quotient(y, x, exact);
        if (exact) return f::tiny_odd_result(angle, true);
        f::raise_inexact();
        if (f::biased_exponent(angle) == 0) f::raise_underflow();
        if (f::is_zero(angle)) errno = ERANGE;
        return angle;
    }
    return f::signed_rounded(atan2_parts(ay, ax, negative_x), negative_y);
}

__float128 asinf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    f::real ax = f::magnitude(x);
    if (ax > 1) return domain_error();
    if (f::is_zero(x)) return x;
    if (ax < f::real(0x1p-57)) return f::tiny_odd_result(x, false);  // x + x^3/6
    if (ax == 1) return f::signed_rounded(t::half_pi, f::sign_of(x));
    return f::signed_rounded(inverse_parts(inverse::arcsine, x), f::sign_of(x));
}

__float128 acosf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    f::real ax = f::magnitude(x);
    if (ax > 1) return domain_error();
    if (x == 1) return 0;
    if (x == -1) return f::signed_rounded(t::pi, false);
    return f::signed_rounded(inverse_parts(inverse::arccosine, x), false);
}

}  // extern "C"
