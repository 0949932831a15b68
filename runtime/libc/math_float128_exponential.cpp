// expf128, exp2f128, exp10f128, expm1f128, logf128, log2f128, log10f128,
// log1pf128, powf128, cbrtf128, hypotf128, and the binary128-pair kernels they
// share with the hyperbolic functions (math_float128_kernels.hpp).
//
// Method, as for the long double functions (math_long_double_exponential.cpp)
// one precision up: exp(z) = 2^k exp(r), k the integer nearest z/log(2),
// r = z - k log(2) with log(2) in three pieces (the first exact times k),
// exp(r) - 1 from its Taylor series at r/256 squared back up eight times.
// log(x) = e log(2) + log(m), m in [0.7, 1.42): a first guess y from the
// x87's fyl2x (64 bits), then log(m) = y + log(1 + d) with
// 1 + d = m exp(-y), |d| near 2^-63, log(1 + d) = d - d^2/2 + d^3/3 to
// 2^-250; near 1 (|m - 1| < 1/16, e = 0) the series
// log(1 + t) = 2 atanh(t / (2 + t)) instead, which keeps the relative
// precision of tiny results. Everything in binary128 pairs (about 226 bits,
// math_float128_pair.hpp) in round-to-nearest, rounded once at the end in
// the caller's mode. The coefficients are tools/math_float128_coefficients.py's
// (math_float128_tables.hpp). Special values, flags and errno as glibc's
// ldbl-128 functions give them.
#include <errno.h>
#include <math.h>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_tables.hpp"

namespace lwp::libc::math::f128 {

namespace t = tables;

pair expm1_reduced(pair r) noexcept {
    // Far below 2^-8000 the square terms would be subnormal; expm1(r) = r.
    if (magnitude(r.hi) < power_of_two(-8000)) return r;
    pair s = scale(r, power_of_two(-8));
    pair sum = s + s * s * polynomial(s, t::expm1_taylor, 20);
    for (int i = 0; i < 8; ++i) sum = scale(sum, 2) + sum * sum;
    return sum;
}

scaled_pair exp_split(pair z) noexcept {
    real estimate = z.hi * t::inverse_ln2;
    // The nearest integer (a tie either way keeps |r| <= 0.35).
    auto k_integer = static_cast<long>(estimate + (estimate < 0 ? real(-0.5) : real(0.5)));
    real k = static_cast<real>(k_integer);
    // z - k log(2): k ln2_hi is exact, the other two products kept exactly.
    pair r = ((z - k * t::ln2_hi) - two_product(k, t::ln2_mid)) - two_product(k, t::ln2_lo);
    return {expm1_reduced(r) + real(1), static_cast<int>(k_integer)};
}

namespace {

// v * 2^n exactly, for a representable result: two steps of normal powers.
real scale_exactly(real v, int n) noexcept {
    int first = n / 2;
    return v * power_of_two(first) * power_of_two(n - first);
}

// The binade b of a normal v: |v| in [2^(b-1), 2^b).
int binade_of(real v) noexcept { return biased_exponent(v) - (bias - 1); }

// log(1 + t) = 2 atanh(t / (2 + t)), for |t| < 1/16 (|s| < 1/31).
pair log1p_series(pair t) noexcept {
    pair s = t / (t + real(2));
    pair s2 = s * s;
    pair sum = s + s * s2 * polynomial(s2, t::atanh_taylor, 24);
    return scale(sum, 2);
}

}  // namespace

real round_scaled(pair value, int exponent, exactness kind) noexcept {
    bool negative = value.hi < 0;
    if (kind == exactness::never) {
        // An inexact result that the pair holds exactly (a chance of about
        // 2^-110): still inexact, as just beyond hi.
        if (value.lo == 0) value.lo = value.hi * power_of_two(-220);
    } else if (kind != exactness::as_computed &&
               magnitude(value.lo) <= magnitude(value.hi) * power_of_two(-200)) {
        value.lo = 0;
    }
    if (kind == exactness::snapped_inexact) raise_inexact();
    int result_binade = binade_of(value.hi) + exponent;
    if (result_binade > 16385) return overflow_value(negative);
    if (result_binade > 1 - bias) {
        // Normal (or overflowing): round once, then scale exactly.
        return scale_exactly(value.hi + value.lo, exponent);
    }
    if (result_binade < 1 - bias - fraction_bits - 1) return underflow_value(negative);
    // Subnormal: |value| * 2^(exponent + 16494) = w.hi + w.lo, below 2^113,
    // as an integer n and a fraction, rounded once in the caller's mode to an
    // integer, times 2^-16494, exact.
    int to_units = exponent + (bias - 1) + fraction_bits;
    pair w = {scale_exactly(magnitude(value.hi), to_units),
              scale_exactly(negative ? -value.lo : value.lo, to_units)};
    real n = floorf128(w.hi);
    real fraction = w.hi - n;  // exact, a multiple of ulp(w.hi) >= |w.lo| * 2
    // Where the exact fraction, fraction + w.lo, lies: against 0 and 1/2.
    int against_half;  // -1 below, 0 at, 1 above
    bool inexact = true;
    if (fraction == 0 && w.lo < 0) {
        n -= 1;  // the fraction is 1 + w.lo, just below 1
        against_half = 1;
    } else if (fraction == 0) {
        inexact = w.lo != 0;
        against_half = -1;
    } else if (fraction != real(0.5)) {
        against_half = fraction > real(0.5) ? 1 : -1;
    } else {
        against_half = w.lo > 0 ? 1 : w.lo < 0 ? -1 : 0;
    }
    bool up = false;  // whether |value| rounds to n + 1 rather than n
    if (inexact) {
        constexpr std::uint32_t rounding_field = 0x6000, downward = 0x2000, upward = 0x4000;
        std::uint32_t mode = lwp::arch::sse::read_status_control() & rounding_field;
        bool odd = floorf128(n * real(0.5)) * 2 != n;
        if (mode == 0) up = against_half > 0 || (against_half == 0 && odd);
        else if (mode == upward) up = !negative;
        else if (mode == downward) up = negative;
    }
    if (up) n += 1;
    // Exact. |n|: the 1 - 1 above is -0 rounding downward, and the sign is
    // the value's alone.
    real result = magnitude(n) * power_of_two(-16382) * power_of_two(-fraction_bits);
    if (negative) result = -result;
    if (inexact) {
        // Underflow and inexact, as a tiny inexact result raises them.
        // x86 tells tininess after rounding, to 113 bits with an unbounded
        // exponent: the smallest normal reached by rounding is tiny when
        // that rounding stays below it.
        real unbounded = value.hi + value.lo;  // in the caller's mode
        if (binade_of(unbounded) + exponent <= 1 - bias) {
            volatile real tiny = power_of_two(1 - bias);
            volatile real sink = tiny * tiny;
            (void)sink;
        } else {
            raise_inexact();
        }
    }
    return result;
}

pair log_of(pair x, int extra_exponent) noexcept {
    int exponent = binade_of(x.hi);
    real m = scale_exactly(x.hi, -exponent);  // [0.5, 1)
    if (m < real(0.70710678118654752440)) {
        m *= 2;
        --exponent;
    }
    real low = scale_exactly(x.lo, -exponent);  // exact unless far below x's precision
    pair mx = fast_two_sum(m, low);
    exponent += extra_exponent;
    real one_less = m - 1;
    if (exponent == 0 && magnitude(one_less) < real(0.0625)) return log1p_series(mx - real(1));
    constexpr long double ln2_long = 0.693147180559945309417232121458176568L;
    real guess = static_cast<real>(lwp::arch::x87::scaled_log2(static_cast<long double>(m), ln2_long));
    // m exp(-guess) = 1 + d.
    pair d = mx * (expm1_reduced(exact(-guess)) + real(1)) - real(1);
    pair d2 = d * d;
    pair log_m = ((d - scale(d2, 0.5)) + d2 * d * t::one_third) + guess;
    if (exponent == 0) return log_m;
    real k = static_cast<real>(exponent);
    return ((two_product(k, t::ln2_hi) + two_product(k, t::ln2_mid)) + k * t::ln2_lo) + log_m;
}

pair log1p_of(pair t) noexcept {
    if (magnitude(t.hi) < real(0.0625)) return log1p_series(t);
    // log1p(t) = log(t) + log1p(1/t), and past 2^120 log1p(1/t) is 1/t to
    // 2^-240: this keeps t + 1 from overflowing.
    if (t.hi > power_of_two(120)) return log_of(t) + real(1) / t.hi;
    return log_of(t + real(1));
}

}  // namespace lwp::libc::math::f128

namespace f = lwp::libc::math::f128;
namespace ft = lwp::libc::math::f128::tables;

namespace {

using f::pair;
using f::real;
using f::two_product;

real with_range_errno(real result) noexcept {
    if (result == 0 || f::is_inf(result)) errno = ERANGE;
    return result;
}

// The exponential functions' common ends: NaN itself, +inf or +0 for
// infinities, an overflow or underflow beyond the thresholds (ERANGE).
bool exp_special(real x, real overflow_above, real underflow_below, real* result) noexcept {
    if (f::is_nan(x)) {
        *result = x + x;
        return true;
    }
    if (x > overflow_above) {
        // ERANGE for an infinite result; rounding down or toward zero gives
        // the largest value, without errno, as glibc's.
        *result = f::is_inf(x) ? x : with_range_errno(f::overflow_value(false));
        return true;
    }
    if (x < underflow_below) {
        *result = f::is_inf(x) ? 0 : with_range_errno(f::underflow_value(false));
        return true;
    }
    return false;
}

// log(x) of a positive finite x, subnormals brought into the normal range.
pair log_of_real(real x) noexcept {
    if (f::biased_exponent(x) == 0) return f::log_of(f::exact(x * f::power_of_two(120)), -120);
    return f::log_of(f::exact(x));
}

bool is_integer(real y) noexcept { return truncf128(y) == y; }
bool is_odd_integer(real y) noexcept {
    if (f::magnitude(y) >= f::power_of_two(114) || !is_integer(y)) return false;
    return truncf128(y * real(0.5)) * 2 != y;  // y/2 exact
}

}  // namespace

extern "C" {

__float128 expf128(__float128 x) noexcept {
    real special;
    // exp overflows from 11356.52 and is below half the least subnormal
    // from -11433.5.
    if (exp_special(x, real(11357), real(-11500), &special)) return special;
    // 1 + x rounds as e^x = 1 + x + x^2/2 does, inexact (x = 0 exact).
    if (f::magnitude(x) < f::power_of_two(-120)) return 1 + x;
    f::scaled_pair e;
    {
        f::quiet_nearest_scope nearest;
        e = f::exp_split(f::exact(x));
    }
    return with_range_errno(f::round_scaled(e.value, e.exponent, f::exactness::never));
}

__float128 exp2f128(__float128 x) noexcept {
    real special;
    if (exp_special(x, real(16384), real(-16600), &special)) return special;
    // 1 + x rounds as 2^x = 1 + x log(2) + ... does.
    if (f::magnitude(x) < f::power_of_two(-120)) return 1 + x;
    f::scaled_pair e;
    int k;
    bool integer;
    {
        f::quiet_nearest_scope nearest;
        real whole = roundevenf128(x);
        real fraction = x - whole;  // exact
        k = static_cast<int>(whole);
        integer = fraction == 0;
        pair z = two_product(fraction, ft::ln2.hi) + fraction * ft::ln2.lo;
        e = f::exp_split(z);
    }
    real result = f::round_scaled(e.value, e.exponent + k, integer ? f::exactness::snapped : f::exactness::never);
    // glibc's raises underflow (and inexact) for every subnormal result,
    // 2^-16400 exact included.
    if (result != 0 && result < f::power_of_two(1 - f::bias)) f::underflow_value(false);
    return with_range_errno(result);
}

__float128 exp10f128(__float128 x) noexcept {
    real special;
    // 10^x overflows from log10 of the largest, 4932.08, and is below half
    // the least subnormal from -4965.5.
    if (exp_special(x, real(4933), real(-4974), &special)) return special;
    if (f::magnitude(x) < f::power_of_two(-116)) return 1;  // exact to glibc, no inexact
    f::scaled_pair e;
    {
        f::quiet_nearest_scope nearest;
        // |x log(10)| < 11450: its absolute error, near 2^-210, is far below
        // what the one rounding needs.
        pair z = two_product(x, ft::ln10.hi) + x * ft::ln10.lo;
        e = f::exp_split(z);
    }
    // 10^x is exact for the integers 1 to 48 (5^48 < 2^113), inexact
    // otherwise; glibc raises inexact there too.
    bool never_exact = !(x >= 1 && x <= 48 && is_integer(x));
    return with_range_errno(f::round_scaled(e.value, e.exponent, never_exact ? f::exactness::never : f::exactness::snapped_inexact));
}

__float128 expm1f128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (x > real(11357)) {
        if (f::is_inf(x)) return x;
        // ERANGE only for an infinite result: rounding down or toward zero
        // leaves the largest value and the flag alone.
        real result = f::overflow_value(false);
        if (f::is_inf(result)) errno = ERANGE;
        return result;
    }
    if (x < real(-80)) {
        if (f::is_inf(x)) return -1;
        // -1 + e^x rounds to -1 (inexact).
        volatile real tiny = f::power_of_two(-200);
        return tiny - 1;
    }
    // Below 2^-113, x itself, as glibc's (no inexact; underflow for a
    // subnormal x).
    if (f::magnitude(x) < f::power_of_two(-113)) return f::tiny_identity(x, false);
    pair v;
    int exponent = 0;
    {
        f::quiet_nearest_scope nearest;
        if (f::magnitude(x) <= real(0.35)) {
            v = f::expm1_reduced(f::exact(x));
        } else {
            f::scaled_pair e = f::exp_split(f::exact(x));
            if (e.exponent > 16000) {  // expm1 = exp here, and may overflow
                v = e.value;
                exponent = e.exponent;
            } else {
                v = scale(e.value, f::power_of_two(e.exponent)) - real(1);
            }
        }
    }
    real result = f::round_scaled(v, exponent, f::exactness::never);
    if (f::is_inf(result)) errno = ERANGE;
    return result;
}

__float128 logf128(__float128 x) noexcept {
    real special;
    if (f::positive_domain_special(x, x, &special)) return special;
    if (x == 1) return 0;
    pair v;
    {
        f::quiet_nearest_scope nearest;
        v = log_of_real(x);
    }
    return f::round_pair(v, f::exactness::never);
}

__float128 log2f128(__float128 x) noexcept {
    real special;
    if (f::positive_domain_special(x, x, &special)) return special;
    f::integer_form form = f::integer_form_of(x);
    if ((form.significand & (form.significand - 1)) == 0) {
        // A power of two: its exponent, exact.
        return static_cast<real>(form.exponent + f::top_bit(form.significand));
    }
    pair v;
    {
        f::quiet_nearest_scope nearest;
        v = log_of_real(x) * ft::log2_e;
    }
    return f::round_pair(v, f::exactness::never);
}

__float128 log10f128(__float128 x) noexcept {
    real special;
    if (f::positive_domain_special(x, x, &special)) return special;
    if (x == 1) return 0;
    pair v;
    {
        f::quiet_nearest_scope nearest;
        v = log_of_real(x) * ft::log10_e;
    }
    // Exact at the powers of ten (the snapping of round_scaled keeps them),
    // and inexact there too, as glibc's.
    return f::round_pair(v, f::exactness::snapped_inexact);
}

__float128 log1pf128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    if (x == -1) {
        errno = ERANGE;
        return f::pole(true);
    }
    if (x < -1) {
        // glibc's computes x + 1 first: inexact where that is, and then
        // the NaN.
        if (f::is_finite(x)) {
            volatile real v = x;
            volatile real sink = v + 1;
            (void)sink;
        }
        errno = EDOM;
        return f::invalid_nan();
    }
    if (f::is_inf(x)) return x;
    // Below 2^-113, x itself with inexact, as glibc's (underflow too for a
    // subnormal x).
    if (f::magnitude(x) < f::power_of_two(-113)) return f::tiny_identity(x, true);
    pair v;
    {
        f::quiet_nearest_scope nearest;
        v = f::log1p_of(f::exact(x));
    }
    return f::round_pair(v, f::exactness::never);
}

__float128 powf128(__float128 x, __float128 y) noexcept {
    // C99 Annex F's special cases, in its order; a signaling NaN gives NaN
    // even where a quiet one would not (pow(1, sNaN)), as glibc's.
    if (f::is_signaling(x) || f::is_signaling(y)) return x + y;
    if (f::is_zero(y)) return 1;  // even for a NaN x
    if (x == 1) return 1;         // even for a NaN y
    if (f::is_nan(x) || f::is_nan(y)) return x + y;
    if (y == 1) return x;  // exact, as glibc's (a signalling x was caught above)
    bool odd = is_odd_integer(y);
    if (f::is_zero(x)) {
        if (f::is_inf(y) && y < 0) return __builtin_inff128();  // no errno, as glibc
        if (y < 0) {
            errno = ERANGE;
            return f::pole(odd && f::sign_of(x));
        }
        return odd ? x : 0;
    }
    if (f::is_inf(y)) {
        real ax = f::magnitude(x);
        if (ax == 1) return 1;
        return (ax < 1) == (y < 0) ? y * y : 0;  // +inf or +0
    }
    if (f::is_inf(x)) {
        bool negative = odd && f::sign_of(x);
        if (y < 0) return negative ? -real(0) : real(0);
        return negative ? x : f::magnitude(x);
    }
    // glibc's exact shortcuts, each one operation rounded in the current
    // mode (x^2 and x^-1 may overflow or underflow: ERANGE then).
    if (y == -1) return with_range_errno(1 / x);
    if (y == 2) return with_range_errno(x * x);
    if (y == real(0.5) && x > 0) return sqrtf128(x);
    bool negative = false;
    if (x < 0) {
        if (!is_integer(y)) {
            errno = EDOM;
            return f::invalid_nan();
        }
        negative = odd;
    }
    real ax = f::magnitude(x);
    f::integer_form form = f::integer_form_of(ax);
    real k = static_cast<real>(form.exponent + f::top_bit(form.significand));
    bool power_of_two = (form.significand & (form.significand - 1)) == 0;
    if (power_of_two && (is_integer(y) || (f::magnitude(y) < f::power_of_two(20) && is_integer(k * y) &&
                                           fmaf128(k, y, -(k * y)) == 0))) {
        // x = +-2^k, k y an integer: x^y = +-2^(k y) exactly (glibc's too,
        // without inexact), which the logarithm's error could put on the
        // wrong side of a boundary. Beyond 2^20000 every such power
        // overflows or underflows alike.
        real capped_y = f::magnitude(y) > f::power_of_two(20) ? f::with_sign_of(f::power_of_two(20), y) : y;
        real power = k * capped_y;
        long exponent = power > 20000 ? 20000 : power < -20000 ? -20000 : static_cast<long>(power);
        real result = scalblnf128(negative ? real(-1) : real(1), exponent);
        return with_range_errno(result);
    }
    real result;
    f::scaled_pair e{};
    int range = 0;  // 1 overflow, -1 underflow, 0 neither
    {
        f::quiet_nearest_scope nearest;
        pair l = log_of_real(ax);
        // |log|x|| >= 2^-113 (x != 1): from |y| = 2^16000 on, |y log|x|| is
        // far beyond the range, and the split in the product would overflow.
        pair p = f::magnitude(y) > f::power_of_two(16000)
                     ? f::exact(l.hi * f::power_of_two(16000) * (y < 0 ? real(-1) : real(1)))
                     : l * y;
        if (p.hi > real(11400)) {
            range = 1;
        } else if (p.hi < real(-11500)) {
            range = -1;
        } else {
            e = f::exp_split(p);
        }
    }
    // The sign goes on before the one rounding: a directed rounding of a
    // negative result rounds the signed value.
    if (range > 0) {
        result = f::overflow_value(negative);
    } else if (range < 0) {
        result = f::underflow_value(negative);
    } else {
        // Inexact even where exact (pow(7, 2)), as glibc's.
        result = f::round_scaled(negative ? -e.value : e.value, e.exponent, f::exactness::snapped_inexact);
    }
    return with_range_errno(result);
}

__float128 cbrtf128(__float128 x) noexcept {
    if (f::is_zero(x) || !f::is_finite(x)) return x + x;
    f::scaled_pair e;
    {
        f::quiet_nearest_scope nearest;
        e = f::exp_split(log_of_real(f::magnitude(x)) * ft::one_third);
    }
    if (f::sign_of(x)) e.value = -e.value;
    // Inexact even for a cube (cbrt(27)), as glibc's.
    return f::round_scaled(e.value, e.exponent, f::exactness::snapped_inexact);
}

__float128 hypotf128(__float128 x, __float128 y) noexcept {
    if (f::is_signaling(x) || f::is_signaling(y)) return x + y;
    if (f::is_inf(x) || f::is_inf(y)) return __builtin_inff128();  // even with a quiet NaN
    if (f::is_nan(x) || f::is_nan(y)) return x + y;
    real a = f::magnitude(x);
    real b = f::magnitude(y);
    if (a < b) {
        real larger = b;
        b = a;
        a = larger;
    }
    if (f::is_zero(b)) return a;
    int ea = f::integer_form_of(a).exponent + f::top_bit(f::integer_form_of(a).significand) + 1;
    // b at most 2^-114 a: sqrt(a^2 + b^2) = a (1 + b^2/2a^2) rounds as
    // a + b, which is glibc's answer there (inexact, ERANGE if it overflows).
    bool negligible = a >= f::power_of_two(-16000) ? b <= a * f::power_of_two(-114)
                                                    : b * f::power_of_two(114) <= a;
    if (negligible) {
        real result = a + b;
        if (f::is_inf(result)) errno = ERANGE;
        return result;
    }
    pair root;
    int binade;
    {
        f::quiet_nearest_scope nearest;
        real sa = scalbnf128(a, -ea);  // [0.5, 1)
        real sb = scalbnf128(b, -ea);
        pair sum = two_product(sa, sa) + two_product(sb, sb);
        root = f::sqrt_of(sum);
        // root in [0.5, 1.42): brought into [1, 2) for the rounding.
        binade = f::biased_exponent(root.hi) - f::bias;
        root = scale(root, f::power_of_two(-binade));
    }
    // An exact root c = sqrt(a^2 + b^2) has c - a = b^2/(c + a) of at
    // least ulp(a), so b above 2^-57 a; there the pair holds a^2 + b^2
    // and the root's low part is 0 exactly when c is exact.
    int eb = f::integer_form_of(b).exponent + f::top_bit(f::integer_form_of(b).significand) + 1;
    auto kind = ea - eb > 58 ? f::exactness::never : f::exactness::as_computed;
    real result = f::round_scaled(root, ea + binade, kind);
    if (f::is_inf(result)) errno = ERANGE;
    return result;
}

}  // extern "C"
