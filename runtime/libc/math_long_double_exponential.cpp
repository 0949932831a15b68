// expl, exp2l, exp10l, expm1l, logl, log2l, log10l, log1pl, powl, cbrtl, hypotl,
// and the long-double-double kernels they share with the hyperbolic
// functions (math_long_double_kernels.hpp).
//
// Method, as for the double functions (math_exponential.cpp), one precision
// up: exp(z) = 2^k exp(r), k the integer nearest z/log(2), r = z - k log(2)
// with log(2) in three pieces (the first exact times k), exp(r) - 1 from its
// Taylor series at r/256 squared back up eight times. log(x) = e log(2) +
// log(m), m in [0.7, 1.42): a first guess y from the x87's fyl2x, then
// log(m) = y + log(m exp(-y)) with m exp(-y) = 1 + d, |d| near 2^-63, so
// log(1 + d) = d - d^2/2 to 2^-189; near 1 (|m - 1| < 1/16, e = 0) the series
// log(1 + t) = 2 atanh(t / (2 + t)) instead, which keeps the relative
// precision of tiny results. Everything in long-double-double (about 128
// bits), rounded once at the end.
#include <errno.h>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace t = long_tables;

long_double_double expm1_reduced_long(long_double_double r) noexcept {
    // Far below 2^-8000 the square terms would be subnormal; expm1(r) = r.
    if (long_magnitude(r.hi) < 0x1p-8000L) return r;
    long_double_double s = scale(r, 0x1p-8L);
    long_double_double sum = s + s * s * polynomial(s, t::expm1_taylor, 12);
    for (int i = 0; i < 8; ++i) sum = scale(sum, 2.0L) + sum * sum;
    return sum;
}

scaled_long_double_double exp_split_long(long_double_double z) noexcept {
    long double k = lwp::arch::x87::round_to_integer(z.hi * t::inverse_ln2);
    // z - k log(2): k ln2_hi is exact, the other two products kept exactly.
    long_double_double r = (z - k * t::ln2_hi) - two_product(k, t::ln2_mid) - two_product(k, t::ln2_lo);
    return {ldd(1.0L) + expm1_reduced_long(r), static_cast<int>(k)};
}

namespace {

// v * 2^n exactly, for a normal result: two steps of normal powers.
long double scale_exactly_long(long double v, int n) noexcept {
    int first = n / 2;
    return v * long_power_of_two(first) * long_power_of_two(n - first);
}

}  // namespace

long double round_scaled_long(long_double_double value, int exponent) noexcept {
    int binade = static_cast<int>(long_exponent_field(value.hi)) - 16382;  // value.hi in [2^(b-1), 2^b)
    int result_binade = binade + exponent;
    if (result_binade > 16385) return long_overflow_value(value.hi < 0.0L);
    if (result_binade > -16381) {
        // Normal (or overflowing): round once, then scale exactly.
        return scale_exactly_long(value.hi + value.lo, exponent);
    }
    bool negative = value.hi < 0.0L;
    if (result_binade < -16446) return long_underflow_value(negative);
    // Subnormal: value * 2^(exponent + 16445) = w.hi + w.lo, as an integer
    // n below it and a fraction 0 <= rest < 1, rounded once in the caller's
    // direction to an integer, times 2^-16445, exact.
    long_double_double w = {scale_exactly_long(value.hi, exponent + 16445),
                            scale_exactly_long(value.lo, exponent + 16445)};
    long double n = floorl(w.hi);         // |w.hi| < 2^64: w.hi - n exact
    long double rest = (w.hi - n) + w.lo;  // within [-|w.lo|, 1 + |w.lo|)
    if (rest < 0.0L) {
        n -= 1.0L;
        rest += 1.0L;
    } else if (rest >= 1.0L) {
        n += 1.0L;
        rest -= 1.0L;
    }
    auto odd = [](long double v) { return floorl(v * 0.5L) * 2.0L != v; };
    bool up = false;  // whether n + rest rounds to n + 1 rather than n
    switch (lwp::arch::x87::rounding_control()) {
    case 0: up = rest > 0.5L || (rest == 0.5L && odd(n)); break;  // nearest
    case 1: break;                                                 // down
    case 2: up = rest > 0.0L; break;                               // up
    default: up = negative && rest > 0.0L; break;                  // toward zero
    }
    if (up) n += 1.0L;
    long double result = n * 0x1p-16382L * 0x1p-63L;  // exact: |n| < 2^64
    if (result == 0.0L) return long_underflow_value(negative);
    if (long_magnitude(result) < 0x1p-16382L) {
        // Raise FE_UNDERFLOW (and FE_INEXACT) as a tiny inexact result does.
        volatile long double tiny = 0x1p-16382L;
        volatile long double sink = tiny * tiny;
        (void)sink;
    }
    return result;
}

namespace {

// log(1 + t) = 2 atanh(t / (2 + t)), for |t| < 1/16 (|s| < 1/31).
long_double_double log1p_series(long_double_double t) noexcept {
    long_double_double s = t / (t + 2.0L);
    long_double_double s2 = s * s;
    long_double_double sum = s + s * s2 * polynomial(s2, t::atanh_taylor, 15);
    return scale(sum, 2.0L);
}

}  // namespace

long_double_double log_of_long(long_double_double x) noexcept {
    int exponent;
    long double m = frexpl(x.hi, &exponent);  // [0.5, 1)
    if (m < 0.70710678118654752440L) {
        m *= 2.0L;
        --exponent;
    }
    // x.lo scaled the same way: exact unless it is far below x's precision.
    long double low = x.lo == 0.0L ? 0.0L : scale_by_power_of_two(x.lo, -exponent);
    long_double_double mx = fast_two_sum(m, low);
    if (exponent == 0 && long_magnitude(m - 1.0L) < 0.0625L) return log1p_series(mx - 1.0L);
    long double guess = lwp::arch::x87::scaled_log2(m, t::ln2.hi);
    // m exp(-guess) = 1 + d.
    long_double_double d = mx * (ldd(1.0L) + expm1_reduced_long(ldd(-guess))) - 1.0L;
    long_double_double log_m = (d - scale(d * d, 0.5L)) + guess;
    if (exponent == 0) return log_m;
    long double k = static_cast<long double>(exponent);
    return ((two_product(k, t::ln2_hi) + two_product(k, t::ln2_mid)) + k * t::ln2_lo) + log_m;
}

long_double_double log1p_of_long(long_double_double t) noexcept {
    if (long_magnitude(t.hi) < 0.0625L) return log1p_series(t);
    // log1p(t) = log(t) + log1p(1/t), and past 2^64 log1p(1/t) is 1/t to
    // 2^-128: this keeps t + 1 from overflowing (upward, the largest long
    // double plus one is infinity, whose log minus inf's would be NaN).
    if (t.hi > 0x1p64L) return log_of_long(t) + 1.0L / t.hi;
    return log_of_long(t + 1.0L);
}

long double expl(long double x) noexcept {
    if (x != x) return x + x;
    if (x > 11357.0L) {
        if (long_is_inf(x)) return x;
        errno = ERANGE;
        return long_overflow_value(false);
    }
    if (x < -11500.0L) {
        if (long_is_inf(x)) return 0.0L;
        errno = ERANGE;
        return long_underflow_value(false);
    }
    scaled_long_double_double e = exp_split_long(ldd(x));
    long double result = round_scaled_long(e.value, e.exponent);
    if (result == 0.0L || long_is_inf(result)) errno = ERANGE;
    return result;
}

long double exp2l(long double x) noexcept {
    if (x != x) return x + x;
    if (x > 16400.0L) {
        if (long_is_inf(x)) return x;
        errno = ERANGE;
        return long_overflow_value(false);
    }
    if (x < -16500.0L) {
        if (long_is_inf(x)) return 0.0L;
        errno = ERANGE;
        return long_underflow_value(false);
    }
    long double k = lwp::arch::x87::round_to_integer(x);
    long double f = x - k;  // exact
    long_double_double z = two_product(f, t::ln2.hi) + f * t::ln2.lo;
    scaled_long_double_double e = exp_split_long(z);
    long double result = round_scaled_long(e.value, e.exponent + static_cast<int>(k));
    if (result == 0.0L || long_is_inf(result)) errno = ERANGE;
    return result;
}

long double exp10l(long double x) noexcept {
    if (x != x) return x + x;
    // 10^x overflows from log10(LDBL_MAX) = 4932.08 and is below half the
    // smallest subnormal from -4951.0.
    if (x > 4933.0L) {
        if (long_is_inf(x)) return x;
        errno = ERANGE;
        return long_overflow_value(false);
    }
    if (x < -4952.0L) {
        if (long_is_inf(x)) return 0.0L;
        errno = ERANGE;
        return long_underflow_value(false);
    }
    // x log(10) in long-double-double: |x log(10)| < 11400, so its absolute
    // error, about 2^-114, is far below exp's half ulp of 2^-64.
    long_double_double z = two_product(x, t::ln10.hi) + x * t::ln10.lo;
    scaled_long_double_double e = exp_split_long(z);
    long double result = round_scaled_long(e.value, e.exponent);
    if (result == 0.0L || long_is_inf(result)) errno = ERANGE;
    return result;
}

long double expm1l(long double x) noexcept {
    if (x != x) return x + x;
    if (x > 11357.0L) {
        if (long_is_inf(x)) return x;
        // ERANGE, as glibc's, only for an infinite result: rounding down or
        // toward zero leaves the largest long double and the flag alone.
        long double result = long_overflow_value(false);
        if (long_is_inf(result)) errno = ERANGE;
        return result;
    }
    if (x < -50.0L) {
        // -1 + e^x rounds to -1 (FE_INEXACT).
        volatile long double tiny = 0x1p-100L;
        return tiny - 1.0L;
    }
    if (long_magnitude(x) < 0x1p-65L) {
        if (x == 0.0L) return x;
        // x + x^2/2 rounds to x (FE_INEXACT; FE_UNDERFLOW if tiny). The
        // result has x's sign even where it rounds to zero (upward from
        // the least negative subnormal, whose x + x^2 is an exact +0).
        volatile long double v = x;
        return __builtin_copysignl(v + v * v, x);
    }
    if (long_magnitude(x) <= 0.35L) {
        long_double_double e = expm1_reduced_long(ldd(x));
        return e.hi + e.lo;
    }
    scaled_long_double_double e = exp_split_long(ldd(x));
    if (e.exponent > 16000) {  // expm1 = exp here, and may overflow
        long double result = round_scaled_long(e.value, e.exponent);
        if (long_is_inf(result)) errno = ERANGE;
        return result;
    }
    long_double_double v = scale(e.value, long_power_of_two(e.exponent)) - 1.0L;
    return v.hi + v.lo;
}

namespace {

// The domain checks of the logarithms: NaN for NaN and x < 0 (EDOM), -inf for
// 0 (ERANGE), +inf for +inf; otherwise false and x left to compute.
bool log_special(long double x, long double* result) noexcept {
    if (x != x) {
        *result = x + x;
        return true;
    }
    if (x == 0.0L) {
        errno = ERANGE;
        *result = long_pole(true);
        return true;
    }
    if (x < 0.0L) {
        errno = EDOM;
        *result = long_invalid_nan();
        return true;
    }
    if (long_is_inf(x)) {
        *result = x;
        return true;
    }
    return false;
}

long double rounded(long_double_double v) noexcept { return v.hi + v.lo; }

}  // namespace

long double logl(long double x) noexcept {
    long double special;
    if (log_special(x, &special)) return special;
    if (x == 1.0L) return 0.0L;
    return rounded(log_of_long(ldd(x)));
}

long double log2l(long double x) noexcept {
    long double special;
    if (log_special(x, &special)) return special;
    int exponent;
    long double m = frexpl(x, &exponent);
    if (m == 0.5L) return static_cast<long double>(exponent - 1);  // a power of two
    return rounded(log_of_long(ldd(x)) * t::log2_e);
}

long double log10l(long double x) noexcept {
    long double special;
    if (log_special(x, &special)) return special;
    if (x == 1.0L) return 0.0L;
    return rounded(log_of_long(ldd(x)) * t::log10_e);
}

long double log1pl(long double x) noexcept {
    if (x != x) return x + x;
    if (x == -1.0L) {
        errno = ERANGE;
        return long_pole(true);
    }
    if (x < -1.0L) {
        errno = EDOM;
        return long_invalid_nan();
    }
    if (long_is_inf(x)) return x;
    if (long_magnitude(x) < 0x1p-65L) {
        if (x == 0.0L) return x;
        volatile long double v = x;
        return v - v * v;  // rounds to x, with FE_INEXACT
    }
    return rounded(log1p_of_long(ldd(x)));
}

namespace {

bool is_integer(long double y) noexcept { return truncl(y) == y; }
bool is_odd_integer(long double y) noexcept {
    if (long_magnitude(y) >= 0x1p64L || !is_integer(y)) return false;
    return truncl(y * 0.5L) * 2.0L != y;  // y/2 exact
}

}  // namespace

long double powl(long double x, long double y) noexcept {
    // C99 Annex F's special cases, in its order; a signaling NaN gives NaN
    // even where a quiet one would not (pow(1, sNaN)), as glibc's.
    if (long_is_signaling(x) || long_is_signaling(y)) return x + y;
    if (y == 0.0L) return 1.0L;  // even for a NaN x
    if (x == 1.0L) return 1.0L;  // even for a NaN y
    if (x != x || y != y) return x + y;
    bool odd = is_odd_integer(y);
    if (x == 0.0L) {
        if (long_is_inf(y) && y < 0.0L) return __builtin_infl();  // no errno, as glibc
        if (y < 0.0L) {
            errno = ERANGE;
            return long_pole(odd && long_sign(x));
        }
        return odd ? x : 0.0L;
    }
    if (long_is_inf(y)) {
        long double ax = long_magnitude(x);
        if (ax == 1.0L) return 1.0L;
        return (ax < 1.0L) == (y < 0.0L) ? y * y : 0.0L;  // +inf or +0
    }
    if (long_is_inf(x)) {
        bool negative = odd && long_sign(x);
        if (y < 0.0L) return negative ? -0.0L : 0.0L;
        return negative ? x : long_magnitude(x);
    }
    bool negative = false;
    if (x < 0.0L) {
        if (!is_integer(y)) {
            errno = EDOM;
            return long_invalid_nan();
        }
        negative = odd;
    }
    int binade;
    if (frexpl(long_magnitude(x), &binade) == 0.5L && is_integer(y)) {
        // x = +-2^k, y an integer: x^y = +-2^(k y) exactly, which the
        // logarithm's error could put on the wrong side of a boundary
        // (2^16384 rounding downward is LDBL_MAX with FE_OVERFLOW).
        // Beyond 2^20000 every such power overflows or underflows alike (y
        // is capped first, so that the product does not overflow itself).
        long double capped_y = long_magnitude(y) > 0x1p20L ? (y < 0.0L ? -0x1p20L : 0x1p20L) : y;
        long double power = static_cast<long double>(binade - 1) * capped_y;
        long exponent = power > 20000.0L    ? 20000
                        : power < -20000.0L ? -20000
                                            : static_cast<long>(power);
        long double result = scale_by_power_of_two(negative ? -1.0L : 1.0L, exponent);
        if (result == 0.0L || long_is_inf(result)) errno = ERANGE;
        return result;
    }
    long_double_double l = log_of_long(ldd(long_magnitude(x)));
    // |log|x|| >= 2^-64 (x != 1): from |y| = 2^16000 on, |y log|x|| is far
    // beyond the range, and the split in the product would overflow.
    long_double_double p = long_magnitude(y) > 0x1p16000L ? ldd(l.hi * 0x1p16000L * (y < 0.0L ? -1.0L : 1.0L)) : l * y;
    // The sign goes on before the one rounding: a directed rounding of a
    // negative result (an odd y) rounds the signed value, so that it
    // overflows to -LDBL_MAX upward and to -inf downward.
    long double result;
    if (p.hi > 11400.0L) {
        result = long_overflow_value(negative);
    } else if (p.hi < -11500.0L) {
        result = long_underflow_value(negative);
    } else {
        scaled_long_double_double e = exp_split_long(p);
        result = round_scaled_long(negative ? -e.value : e.value, e.exponent);
    }
    if (result == 0.0L || long_is_inf(result)) errno = ERANGE;
    return result;
}

long double cbrtl(long double x) noexcept {
    if (x == 0.0L || !long_is_finite(x)) return x + x;
    scaled_long_double_double e =
        exp_split_long(log_of_long(ldd(long_magnitude(x))) * t::one_third);
    return long_with_sign_of(round_scaled_long(e.value, e.exponent), x);
}

long double hypotl(long double x, long double y) noexcept {
    if (long_is_signaling(x) || long_is_signaling(y)) return x + y;
    if (long_is_inf(x) || long_is_inf(y)) return __builtin_infl();  // even with a quiet NaN
    if (x != x || y != y) return x + y;
    long double a = long_magnitude(x);
    long double b = long_magnitude(y);
    if (a < b) {
        long double larger = b;
        b = a;
        a = larger;
    }
    if (b == 0.0L) return a;
    int ea;
    int eb;
    frexpl(a, &ea);
    frexpl(b, &eb);
    // b below 2^-70 a: sqrt(a^2 + b^2) = a (1 + b^2/2a^2) rounds as a + b.
    if (ea - eb > 70) return a + b;
    long double sa = scale_by_power_of_two(a, -ea);
    long double sb = scale_by_power_of_two(b, -ea);
    long_double_double sum = two_product(sa, sa) + two_product(sb, sb);
    long_double_double root = sqrt(sum);
    // root in [0.5, 1.42): scale back, rounding once (subnormal results too).
    int binade = static_cast<int>(long_exponent_field(root.hi)) - 16383;
    long double result = round_scaled_long(scale(root, long_power_of_two(-binade)), ea + binade);
    if (long_is_inf(result)) errno = ERANGE;
    return result;
}

}  // namespace lwp::libc::math
