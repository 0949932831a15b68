// casinhf128, casinf128, cacoshf128, cacosf128, catanhf128, catanf128 and
// cpowf128: casinhl ... catanl (math_complex_long_double_inverse.cpp) and
// cpowl one precision up, on binary128 pairs (math_float128_pair.hpp), each
// part rounded once in the caller's mode.
//  - asin and acos (and so asinh, acosh): Hull, Fairgrieve and Tang's
//    algorithm, with A - 1 and A - x formed without cancellation, the
//    angles from atan_of_ratio and the logarithms from the kernels of
//    logf128 and log1pf128; beyond 2^120 asin z = -i log(2iz), below 2^-113
//    z + z^3/6.
//  - atanh (and so atan): log1p(4x / ((1 - x)^2 + y^2)) / 4 and half the
//    angle of (1 - x^2 - y^2) + 2iy; from 2^116 on (glibc's bound) x/|z|^2
//    and pi/2 rounded to nearest, as glibc's.
//  - cpowf128: cexpf128(w clogf128(z)) with C's complex product, as glibc's.
// Parts far outside the pairs' range (a subnormal real part of acos, say)
// are carried as a pair times a power of two (scaled) and rounded so.
//
// Special values, the default NaN (positive) and the invalid flag of a
// signalling NaN are glibc's templates' (C11 Annex G). As in glibc, the
// asin family rounds the magnitudes of the parts and puts the sign on
// afterwards (its kernel works in the first quadrant), and casinf128 and
// cacosf128 are casinhf128 of iz turned back; the atan family rounds the
// signed parts. None sets errno, as glibc's complex f128 functions set none.
#include <errno.h>

#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_tables.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"
#include "runtime/libc/math_float128_trigonometric_tables.hpp"

namespace f = lwp::libc::math::f128;
namespace t = lwp::libc::math::f128::tables;
using f::normalized;
using f::pair;
using f::positive_nan;
using f::real;
using f::times_power_of_two;

namespace {

using complex128 = f::complex;

real infinity() noexcept { return f::from_bits(f::infinity); }

// A part of a result: value * 2^exponent.
struct scaled {
    pair value;
    int exponent;
};

scaled unscaled(pair v) noexcept { return {v, 0}; }

// A real value as a scaled part in [1, 2) (0 for 0).
scaled of_real(real v) noexcept {
    if (f::is_zero(v)) return {f::exact(0), 0};
    int e = 0;
    pair n = normalized(f::exact(v), &e);
    return {n, e};
}

// The value of a part that lies within the pairs' range.
pair value_of(scaled s) noexcept {
    if (s.exponent == 0) return s.value;
    return {times_power_of_two(s.value.hi, s.exponent), times_power_of_two(s.value.lo, s.exponent)};
}

// The part rounded once in the caller's mode with the sign given (to be
// called outside quiet_nearest_scope); zero exactly.
real rounded(scaled s, bool negative, f::exactness kind = f::exactness::never) noexcept {
    if (f::is_zero(s.value.hi)) return negative ? -real(0) : real(0);
    int e = s.exponent;
    pair v = normalized(negative ? -s.value : s.value, &e);
    // A subnormal rounding to zero keeps the part's sign (round_scaled's
    // own arithmetic can make that zero -0 when rounding downward).
    return f::with_sign_of(f::round_scaled(v, e, kind), negative ? real(-1) : real(1));
}

// v (1 + c) for a finite v >= 0 and a relative term |c| < 2^-220 (given
// as its value scaled by 2^-shift, and computed again unscaled): the term
// is far below v's last bit, but its sign sets the direction of the
// rounding. One that underflows to zero unscaled is put back as +-2^-300,
// which leaves the rounding as it was.
scaled with_relative_term(real v, real scaled_term, int shift) noexcept {
    scaled n = of_real(v);
    real term = times_power_of_two(scaled_term, shift);
    if (f::is_zero(term) && !f::is_zero(scaled_term)) term = f::with_sign_of(f::power_of_two(-300), scaled_term);
    n.value.lo = n.value.hi * term;
    return n;
}

// The parts of z + c z^3 for a tiny z = x + iy (|z| < 2^-113), x, y >= 0:
// x (1 + c (x^2 - 3y^2)) and y (1 + c (3x^2 - y^2)), c 1/6 for asin, -1/3
// for atan, 1/3 for atanh.
struct tiny_series {
    scaled re;
    scaled im;
};
tiny_series cubic_series(real x, real y, real c) noexcept {
    int e = 0;
    normalized(f::exact(x > y ? x : y), &e);
    real sx = times_power_of_two(x, -e);  // in [0, 2)
    real sy = times_power_of_two(y, -e);
    real xx = sx * sx;
    real yy = sy * sy;
    return {with_relative_term(x, c * (xx - 3 * yy), 2 * e), with_relative_term(y, c * (3 * xx - yy), 2 * e)};
}

// sqrt of a nonnegative pair (0 for 0); a normal high part.
pair root_of(pair v) noexcept { return v.hi > 0 ? f::sqrt_of(v) : f::exact(0); }

// sqrt(y) for a finite y >= 0, whatever its size.
scaled square_root(real y) noexcept {
    if (f::is_zero(y)) return {f::exact(0), 0};
    int e = 0;
    pair n = normalized(f::exact(y), &e);
    if (e & 1) {
        n = f::scale(n, 2);
        e -= 1;
    }
    return {f::sqrt_of(n), e / 2};
}

// The angle of den + i num for num >= 0, den of either sign, not both 0:
// atan(num / |den|), or pi less it for a negative den.
scaled arctangent(scaled num, scaled den) noexcept {
    bool negative_den = den.value.hi < 0;
    if (f::is_zero(num.value.hi)) return unscaled(negative_den ? t::pi : f::exact(0));
    if (f::is_zero(den.value.hi)) return unscaled(t::half_pi);
    int en = num.exponent;
    int ed = den.exponent;
    pair n = normalized(num.value, &en);
    pair d = normalized(negative_den ? -den.value : den.value, &ed);
    int difference = en - ed;
    scaled angle;
    if (difference < -120) {
        // atan r = r (1 - r^2/3), r^2 below 2^-238: the term kept for the
        // direction of the rounding.
        pair q = n / d;
        real term = times_power_of_two(q.hi * q.hi * real(-1.0 / 3), 2 * difference);
        if (f::is_zero(term)) term = -f::power_of_two(-300);
        angle = {q + q.hi * term, difference};
    } else if (difference > 120) {
        angle = unscaled(t::half_pi - times_power_of_two((d / n).hi, -difference));
    } else {
        angle = unscaled(f::atan_of_ratio(f::scale(n, f::power_of_two(difference)), d));
    }
    if (negative_den) angle = unscaled(t::pi - value_of(angle));
    return angle;
}

// log|z| for finite x, y >= 0 with max(x, y) > 1, in pairs.
pair log_modulus(real x, real y) noexcept {
    real larger = x > y ? x : y;
    real smaller = x > y ? y : x;
    int shift = 0;
    pair big = normalized(f::exact(larger), &shift);
    real small = times_power_of_two(smaller, -shift);  // exact unless negligible
    pair sum = f::two_product(big.hi, big.hi);
    if (small > f::power_of_two(-120)) sum = sum + f::two_product(small, small);
    return f::scale(f::log_of(sum, 2 * shift), real(0.5));
}

// asin(z) and acos(z) for z = x + iy, x >= 0, y >= 0 finite and not both 0:
// the real parts of both, and the imaginary part of acos's negative, that
// is of asin. Rounding to nearest (quiet_nearest_scope).
struct arcsine_parts {
    scaled asin_re;
    scaled acos_re;
    scaled im;
};

arcsine_parts arcsine_of(real x, real y) noexcept {
    real larger = x > y ? x : y;
    if (larger > f::power_of_two(120)) {
        // asin z = -i log(2iz) to within |z|^-2: the angles of z, log 2|z|.
        return {arctangent(of_real(x), of_real(y)), arctangent(of_real(y), of_real(x)),
                unscaled(log_modulus(x, y) + t::ln2)};
    }
    if (larger < f::power_of_two(-113)) {
        // asin z = z + z^3/6 + ...: the cube's term below 2^-226 of z.
        tiny_series z = cubic_series(x, y, real(1) / 6);
        return {z.re, unscaled(t::half_pi - value_of(z.re)), z.im};
    }
    if (y < f::power_of_two(-8000) && x < 1) {
        // y^2 would underflow: on the cut's near side asin z is asin x +
        // i y/sqrt(1 - x^2) to within y^2 (x >= 2^-113 here).
        pair root = f::sqrt_of(f::two_sum(1, -x) * f::two_sum(1, x));
        scaled ny = of_real(y);
        return {arctangent(of_real(x), unscaled(root)), arctangent(unscaled(root), of_real(x)),
                {ny.value / root, ny.exponent}};
    }
    if (x == 1 && y < f::power_of_two(-8000)) {
        // asin(1 + iy) is pi/2 - sqrt(y) + i sqrt(y) to within y.
        scaled root = square_root(y);
        return {unscaled(t::half_pi - value_of(root)), root, root};
    }
    // The rest in pairs: R, S, A and the differences A - 1 and A - x formed
    // without cancellation. A y below 2^-8000 (x > 1 here) adds nothing to
    // (x - 1)^2 >= 2^-224 and enters only as the factor of the root below.
    bool negligible_y = y < f::power_of_two(-8000);
    pair xp1 = f::two_sum(x, 1);
    pair xm1 = f::two_sum(x, -1);
    pair one_minus_x = -xm1;
    pair yy = negligible_y ? f::exact(0) : f::two_product(y, y);
    pair r = root_of(xp1 * xp1 + yy);
    pair s = root_of(xm1 * xm1 + yy);
    pair a = f::scale(r + s, real(0.5));
    pair a_plus_x = a + x;
    pair r_part = yy / (r + xp1);  // R - (x + 1)
    // sqrt(A^2 - x^2), A - x directly where x/A <= 0.6417, far from cancelling.
    scaled root;
    if (x <= real(0.6417) * a.hi) {
        root = unscaled(root_of((a - x) * a_plus_x));
    } else if (x <= 1) {
        root = unscaled(root_of(f::scale(a_plus_x * (r_part + (s + one_minus_x)), real(0.5))));
    } else {
        scaled ny = of_real(y);
        pair factor = root_of(f::scale(a_plus_x / (r + xp1) + a_plus_x / (s + xm1), real(0.5)));
        root = {factor * ny.value, ny.exponent};
    }
    pair l;
    if (a.hi <= real(1.5)) {
        // A - 1 from its two halves R - (x + 1) and S - |x - 1|.
        pair am1 = x < 1 ? f::scale(r_part + yy / (s + one_minus_x), real(0.5))
                         : f::scale(r_part + (s + xm1), real(0.5));
        l = f::log1p_of(am1 + root_of(am1 * (a + real(1))));
    } else {
        l = f::log_of(a + root_of((a - real(1)) * (a + real(1))));
    }
    return {arctangent(of_real(x), root), arctangent(root, of_real(x)), unscaled(l)};
}

// atanh(z) for z = x + iy, x >= 0, y >= 0 finite, not both 0, z != 1:
// the parts and whether they are glibc's own values below (exact).
struct arctanh_parts {
    scaled re;
    scaled im;
    bool beyond_bound;  // from 2^116 on: im is pi/2 rounded to nearest, re x/|z|^2
    f::exactness re_kind;
};

arctanh_parts arctanh_of(real x, real y) noexcept {
    real larger = x > y ? x : y;
    if (larger >= f::power_of_two(116)) {
        // atanh z = 1/z + i pi/2 to within |z|^-3: the real part x/|z|^2,
        // with |z|^2 scaled by 2^(-2e) into [1, 8).
        int e = 0;
        normalized(f::exact(larger), &e);
        real sx = times_power_of_two(x, -e);
        real sy = times_power_of_two(y, -e);
        pair square = f::exact(0);
        if (sx > f::power_of_two(-120)) square = f::two_product(sx, sx);
        if (sy > f::power_of_two(-120)) square = square + f::two_product(sy, sy);
        scaled nx = of_real(x);
        scaled re = f::is_zero(x) ? unscaled(f::exact(0)) : scaled{nx.value / square, nx.exponent - 2 * e};
        // glibc's quotient, 1/x for y <= 1 and x/y/y for x <= 1, may be
        // exact (no inexact then); between, its hypot is inexact.
        f::exactness kind = x <= 1 || y <= 1 ? f::exactness::as_computed : f::exactness::never;
        return {re, unscaled(f::exact(t::half_pi.hi)), true, kind};
    }
    if (larger < f::power_of_two(-113)) {
        // atanh z = z + z^3/3 + ...: the cube's term below 2^-226 of z.
        tiny_series z = cubic_series(x, y, real(1) / 3);
        return {z.re, z.im, false, f::exactness::never};
    }
    scaled re;
    if (x == 1 && y < f::power_of_two(-224)) {
        // log(4/y^2 + 1)/4, the 1 negligible and y^2 possibly underflowing.
        scaled ny = of_real(y);
        re = unscaled(f::scale(t::ln2 - f::log_of(ny.value, ny.exponent), real(0.5)));
    } else if (f::is_zero(x)) {
        re = unscaled(f::exact(0));
    } else {
        // log1p(4x / ((1 - x)^2 + y^2)) / 4; the denominator is at least
        // 2^-226 (x != 1) or y^2 >= 2^-448.
        pair one_minus_x = f::two_sum(1, -x);
        pair denominator = one_minus_x * one_minus_x;
        if (y > f::power_of_two(-8000)) denominator = denominator + f::two_product(y, y);
        scaled nx = of_real(x);
        int e = nx.exponent;
        pair ratio = normalized(f::scale(nx.value, 4) / denominator, &e);
        if (e < -230) {
            re = {f::scale(ratio, real(0.25)), e};  // log1p t = t (1 - t/2), t below 2^-229
        } else {
            pair l = f::log1p_of(value_of({ratio, e}));
            re = unscaled(f::scale(l, real(0.25)));
        }
    }
    // Half the angle of (1 - x^2 - y^2) + 2iy.
    pair xx = f::two_product(x, x);
    pair yy = y > f::power_of_two(-8000) ? f::two_product(y, y) : f::exact(0);
    pair real_part = ((f::two_sum(1, -xx.hi) - yy.hi) - xx.lo) - yy.lo;
    scaled two_y = of_real(y);
    two_y.exponent += 1;
    scaled angle = arctangent(two_y, unscaled(real_part));
    angle.exponent -= 1;
    return {re, angle, false, f::exactness::never};
}

bool signalling(real x, real y) noexcept { return f::is_signaling(x) || f::is_signaling(y); }

}  // namespace

extern "C" {

__float128 atan2f128(__float128 y, __float128 x) noexcept;

}  // extern "C"

namespace {

// 2^-112, glibc's M_EPSILON, a bound of its kernel's branches.
constexpr real epsilon = f::constant(0x3f8f000000000000ull, 0);

}  // namespace

extern "C" {

complex128 casinhf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    // glibc's classification of the parts raises invalid for a signalling NaN.
    if (signalling(x, y)) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y)) {
        if (f::is_inf(y)) {
            real angle = f::is_finite(x) ? t::half_pi.hi : t::quarter_pi.hi;
            return f::make_complex(f::with_sign_of(infinity(), x),
                                   f::is_nan(x) ? positive_nan() : f::with_sign_of(angle, y));
        }
        if (!f::is_finite(x)) {
            bool zero_im = (f::is_inf(x) && !f::is_nan(y)) || (f::is_nan(x) && f::is_zero(y));
            return f::make_complex(x, zero_im ? f::with_sign_of(0, y) : positive_nan());
        }
        return f::make_complex(positive_nan(), positive_nan());
    }
    if (f::is_zero(x) && f::is_zero(y)) return z;
    if (f::is_zero(x) && f::magnitude(y) < epsilon) {
        // glibc's kernel takes the angle atan2(|y|, 1) here, with the real
        // part log1p(0): its atan's tiny result, rounded toward zero.
        return f::make_complex(x, f::with_sign_of(atan2f128(f::magnitude(y), 1), y));
    }
    // asinh z = -i asin(iz), and asin is odd in each part.
    arcsine_parts p;
    {
        f::quiet_nearest_scope nearest;
        p = arcsine_of(f::magnitude(y), f::magnitude(x));
    }
    real re = rounded(p.im, false);
    real im = rounded(p.asin_re, false);
    return f::make_complex(f::with_sign_of(re, x), f::with_sign_of(im, y));
}

complex128 casinf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    if (f::is_nan(x) || f::is_nan(y)) {
        if (signalling(x, y)) f::raise_invalid();
        if (f::is_zero(x)) return z;
        if (f::is_inf(x) || f::is_inf(y)) return f::make_complex(positive_nan(), f::with_sign_of(infinity(), y));
        return f::make_complex(positive_nan(), positive_nan());
    }
    // asin z = -i asinh(iz), as glibc.
    complex128 h = casinhf128(f::make_complex(-y, x));
    return f::make_complex(__imag__ h, -__real__ h);
}

complex128 cacosf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    if (signalling(x, y)) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y) || (f::is_zero(x) && f::is_zero(y))) {
        // pi/2 - asin z, subtracted in the caller's mode, the real part's
        // zero positive, as glibc.
        complex128 s = casinf128(z);
        volatile real half_pi = t::half_pi.hi;
        real re = half_pi - __real__ s;
        if (re == 0) re = 0;
        return f::make_complex(re, -__imag__ s);
    }
    if (f::is_zero(y) && f::magnitude(x) < epsilon) {
        // glibc's kernel takes the angle atan2(1, x) here, the other part
        // log1p(0): pi/2 rounded to nearest without a flag for a positive
        // x up to 2^-115 (atan2f128 as glibc's).
        return f::make_complex(atan2f128(1, x), f::sign_of(y) ? real(0) : -real(0));
    }
    arcsine_parts p;
    {
        f::quiet_nearest_scope nearest;
        p = arcsine_of(f::magnitude(x), f::magnitude(y));
        if (f::sign_of(x)) p.acos_re = unscaled(t::pi - value_of(p.acos_re));
    }
    real re = rounded(p.acos_re, false);
    real im = rounded(p.im, false);
    return f::make_complex(re, f::sign_of(y) ? im : -im);
}

complex128 cacoshf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    if (signalling(x, y)) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y)) {
        if (f::is_inf(y)) {
            if (f::is_nan(x)) return f::make_complex(infinity(), positive_nan());
            real angle = t::half_pi.hi;
            if (f::is_inf(x)) {
                // glibc's M_PI - M_PI_4, subtracted in the caller's mode.
                volatile real pi = t::pi.hi;
                angle = f::sign_of(x) ? pi - t::quarter_pi.hi : t::quarter_pi.hi;
            }
            return f::make_complex(infinity(), f::with_sign_of(angle, y));
        }
        if (f::is_inf(x)) {
            if (f::is_nan(y)) return f::make_complex(infinity(), positive_nan());
            return f::make_complex(infinity(), f::with_sign_of(f::sign_of(x) ? t::pi.hi : real(0), y));
        }
        return f::make_complex(positive_nan(), f::is_zero(x) ? t::half_pi.hi : positive_nan());
    }
    if (f::is_zero(x) && f::is_zero(y)) return f::make_complex(0, f::with_sign_of(t::half_pi.hi, y));
    if (f::is_zero(y) && f::magnitude(x) < epsilon) {
        // As cacosf128: glibc's atan2(1, x) and log1p(0).
        return f::make_complex(0, f::with_sign_of(atan2f128(1, x), y));
    }
    // acosh z = +-i acos z, the sign making the real part nonnegative.
    arcsine_parts p;
    {
        f::quiet_nearest_scope nearest;
        p = arcsine_of(f::magnitude(x), f::magnitude(y));
        if (f::sign_of(x)) p.acos_re = unscaled(t::pi - value_of(p.acos_re));
    }
    real re = rounded(p.im, false);
    real im = rounded(p.acos_re, false);
    return f::make_complex(re, f::with_sign_of(im, y));
}

}  // extern "C"

namespace {

// atanh(x + iy) for finite parts, not both zero, its parts' signs those of
// x and y; the real and imaginary parts of the result exchanged if asked
// (catan z = -i atanh(iz) has atanh(y + ix)'s parts crosswise).
complex128 atanh_finite(real x, real y, bool crosswise) noexcept {
    real ax = f::magnitude(x);
    real ay = f::magnitude(y);
    if (ax == 1 && f::is_zero(y)) {
        // The pole: +-inf with divbyzero, as glibc's log(0) gives.
        real re = f::pole(f::sign_of(x));
        return crosswise ? f::make_complex(y, re) : f::make_complex(re, y);
    }
    arctanh_parts p;
    {
        f::quiet_nearest_scope nearest;
        p = arctanh_of(ax, ay);
    }
    real re = rounded(p.re, f::sign_of(x), p.re_kind);
    real im = p.beyond_bound ? f::with_sign_of(p.im.value.hi, y) : rounded(p.im, f::sign_of(y));
    // As glibc's, a subnormal part raises underflow even when exact.
    bool subnormal_re = !f::is_zero(re) && f::biased_exponent(re) == 0;
    bool subnormal_im = !f::is_zero(im) && f::biased_exponent(im) == 0;
    if (subnormal_re || subnormal_im) f::raise_underflow();
    return crosswise ? f::make_complex(im, re) : f::make_complex(re, im);
}

}  // namespace

extern "C" {

complex128 catanhf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    if (signalling(x, y)) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y)) {
        real zero = f::with_sign_of(0, x);
        if (f::is_inf(y)) return f::make_complex(zero, f::with_sign_of(t::half_pi.hi, y));
        if (f::is_inf(x) || f::is_zero(x)) {
            return f::make_complex(zero, f::is_nan(y) ? positive_nan() : f::with_sign_of(t::half_pi.hi, y));
        }
        return f::make_complex(positive_nan(), positive_nan());
    }
    if (f::is_zero(x) && f::is_zero(y)) return z;
    return atanh_finite(x, y, false);
}

complex128 catanf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    // glibc's classifies y only past an infinite x.
    if (f::is_signaling(x) || (!f::is_inf(x) && f::is_signaling(y))) f::raise_invalid();
    if (!f::is_finite(x) || !f::is_finite(y)) {
        real zero = f::with_sign_of(0, y);
        if (f::is_inf(x)) return f::make_complex(f::with_sign_of(t::half_pi.hi, x), zero);
        if (f::is_inf(y)) return f::make_complex(f::is_nan(x) ? positive_nan() : f::with_sign_of(t::half_pi.hi, x), zero);
        if (f::is_zero(y)) return f::make_complex(positive_nan(), zero);
        return f::make_complex(positive_nan(), positive_nan());
    }
    if (f::is_zero(x) && f::is_zero(y)) return z;
    // atan z = -i atanh(iz): atanh(y + ix)'s parts crosswise, the signs
    // following x for the real part and y for the imaginary one.
    return atanh_finite(y, x, true);
}

complex128 clogf128(complex128 z) noexcept;
complex128 cexpf128(complex128 z) noexcept;

// As glibc's: cexp(w clog(z)), the product C's (Annex G: libgcc's __multc3
// where the plain formula gives two NaNs).
complex128 cpowf128(complex128 z, complex128 w) noexcept { return cexpf128(w * clogf128(z)); }

}  // extern "C"
