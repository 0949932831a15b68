// exp, exp2, expm1, and the double-double exp kernel the other functions
// share (pow, cbrt, the hyperbolic functions, log's Newton step). exp itself
// is math_exponential_fast.cpp's fast path in front of exp_accurate here.
//
// Method: exp(z) = 2^k * exp(r) with k the integer nearest z/log(2) and
// |r| <= log(2)/2, r computed in double-double from a double-double log(2);
// exp(r) - 1 from its Taylor series at r/256 (math_tables.hpp), then squared
// back up eight times as expm1(2s) = 2 expm1(s) + expm1(s)^2, which keeps the
// small result's relative accuracy. The result, near 2^-100 from exact, is
// rounded once by round_scaled.
#include <errno.h>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

double_double expm1_reduced(double_double r) noexcept {
    // Far below 2^-400 the square terms would be subnormal; expm1(r) = r there.
    if (magnitude(r.hi) < 0x1p-400) return r;
    double_double s = scale(r, 0x1p-8);
    double_double sum = s + s * s * polynomial(s, expm1_taylor, 10);
    for (int i = 0; i < 8; ++i) sum = scale(sum, 2.0) + sum * sum;
    return sum;
}

scaled_double_double exp_split(double_double z) noexcept {
    double k = round(z.hi * inverse_ln2.hi);
    double_double r = z - ln2 * k;
    return {dd(1.0) + expm1_reduced(r), static_cast<int>(k)};
}

double round_scaled(double_double value, int exponent) noexcept {
    int binade;
    frexp(value.hi, &binade);
    bool negative = value.hi < 0.0;
    int result_binade = binade + exponent;  // the result lies in [2^(b-1), 2^b)
    if (result_binade > 1025) return overflow_value(negative);
    if (result_binade > -1021) {
        // A normal result (or an overflow): round once, then scale exactly.
        return scale_exactly(value.hi + value.lo, exponent);
    }
    if (result_binade < -1075) return underflow_value(negative);
    // Subnormal: value * 2^(exponent + 1074) = w.hi + w.lo, as an integer n
    // below it and a fraction 0 <= rest < 1, rounded once in the caller's
    // direction to an integer, times 2^-1074 (exact).
    double_double w = {scale_exactly(value.hi, exponent + 1074),
                       scale_exactly(value.lo, exponent + 1074)};
    double n = floor(w.hi);             // |w.hi| < 2^53, so w.hi - n is exact
    double rest = (w.hi - n) + w.lo;    // within [-|w.lo|, 1 + |w.lo|)
    if (rest < 0.0) {
        n -= 1.0;
        rest += 1.0;
    } else if (rest >= 1.0) {
        n += 1.0;
        rest -= 1.0;
    }
    bool up = false;  // whether n + rest rounds to n + 1 rather than n
    switch ((arch::sse::read_status_control() >> 13) & 3u) {
    case 0: up = rest > 0.5 || (rest == 0.5 && floor(n * 0.5) * 2.0 != n); break;  // nearest
    case 1: break;                                                                  // down
    case 2: up = rest > 0.0; break;                                                 // up
    default: up = negative && rest > 0.0; break;                                    // toward zero
    }
    if (up) n += 1.0;
    double result = n * 0x1p-1074;
    if (result == 0.0) return underflow_value(negative);
    // A subnormal result that is not exact: tiny and inexact, so underflow
    // (the scaling above raised nothing). This branch also rounds results
    // just above the least normal number, which are not tiny.
    if (rest != 0.0 && magnitude(result) < 0x1p-1022) raise_underflow();
    return result;
}

// expm1(x) in double-double for -40 <= x <= 1000 * log(2), x not tiny.
double_double expm1_double_double(double x) noexcept {
    double k = round(x * inverse_ln2.hi);
    double_double r = dd(x) - ln2 * k;
    double_double e = expm1_reduced(r);
    if (k == 0.0) return e;
    // 2^k (1 + e) - 1 = 2^k e + (2^k - 1), the last exact as a double-double.
    double p = power_of_two(static_cast<int>(k));
    return scale(e, p) + two_sum(p, -1.0);
}

// exp's accurate path, all of it: exp (math_exponential_fast.cpp) returns
// its fast result only where that is provably this function's.
double exp_accurate(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x > 709.8) {
        if (is_inf(x)) return x;
        errno = ERANGE;
        return overflow_value(false);
    }
    if (x < -746.0) {
        if (is_inf(x)) return 0.0;
        errno = ERANGE;
        return underflow_value(false);
    }
    if (magnitude(x) < 0x1p-54) return 1.0 + x;
    scaled_double_double e = exp_split(dd(x));
    double result = round_scaled(e.value, e.exponent);
    if (is_inf(result) || result == 0.0) errno = ERANGE;
    return result;
}

double exp2(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x >= 1024.0) {
        if (is_inf(x)) return x;
        errno = ERANGE;
        return overflow_value(false);
    }
    if (x < -1080.0) {
        if (is_inf(x)) return 0.0;
        errno = ERANGE;
        return underflow_value(false);
    }
    if (magnitude(x) < 0x1p-54) return 1.0 + x;
    // 2^x = 2^k * exp((x - k) log 2), x - k exact: no reduction error at all.
    double k = round(x);
    double_double r = ln2 * (x - k);
    double result = round_scaled(dd(1.0) + expm1_reduced(r), static_cast<int>(k));
    if (is_inf(result) || result == 0.0) errno = ERANGE;
    return result;
}

double expm1(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x > 709.8) {
        if (is_inf(x)) return x;
        errno = ERANGE;
        return overflow_value(false);
    }
    // exp(x) < 2^-55 here: -1 + exp(x) rounds to -1 (inexact).
    if (x < -40.0) return is_inf(x) ? -1.0 : -1.0 + 0x1p-100;
    if (magnitude(x) < 0x1p-54) return x;
    if (x > 690.0) {
        // 2^k (1 + e) with k near 1000 and more: the -1 is far below an ulp.
        scaled_double_double e = exp_split(dd(x));
        double result = round_scaled(e.value, e.exponent);
        if (is_inf(result)) errno = ERANGE;
        return result;
    }
    return expm1_double_double(x).hi;
}

}  // namespace lwp::libc::math
