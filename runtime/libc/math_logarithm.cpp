// log, log2, log10, log1p, and the double-double log kernel (pow, cbrt, the
// inverse hyperbolic functions). log, log2 and log10 themselves are
// math_logarithm_fast.cpp's fast paths in front of the accurate ones here.
//
// Method: x = 2^e * m with m in [sqrt(1/2), sqrt(2)), log(x) = e log(2) +
// log(1 + t), t = m - 1 (exact). A first log(1 + t) comes from the series
// 2 atanh(u), u = t/(2 + t), in plain double (about 2^-52 relative); one
// Newton step on exp(y) = 1 + t with the double-double expm1 kernel then
// doubles its precision: y' = y + (1 + t) exp(-y) - 1, whose error is the
// square of y's.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"
#include "arch/x86_64/sse_math.hpp"

namespace lwp::libc::math {

namespace {

constexpr double sqrt_half = 0x1.6a09e667f3bcdp-1;  // sqrt(1/2) rounded: any nearby split works

}  // namespace

double_double log1p_reduced(double_double t) noexcept {
    if (magnitude(t.hi) < 0x1p-400) return t;  // log(1 + t) = t - t^2/2 with t^2 negligible
    double u = t.hi / (2.0 + t.hi);
    double u2 = u * u;
    double series = log_first_guess[14];
    for (int i = 13; i >= 0; --i) series = series * u2 + log_first_guess[i];
    double guess = series * u;
    // (1 + t)(1 + e) - 1 = t + e + t e with e = exp(-guess) - 1: the Newton
    // correction, small, computed without cancelling against a 1.
    double_double e = expm1_reduced(dd(-guess));
    double_double correction = (t + e) + t * e;
    return dd(guess) + correction;
}

double_double log_of(double_double x) noexcept {
    int e;
    frexp(x.hi, &e);
    double_double m = {scale_exactly(x.hi, -e), scale_exactly(x.lo, -e)};
    if (m.hi < sqrt_half) {
        m = scale(m, 2.0);
        --e;
    }
    double_double t = two_sum(m.hi, -1.0) + m.lo;
    return log1p_reduced(t) + ln2 * static_cast<double>(e);
}

double_double log1p_of(double_double t) noexcept {
    if (t.hi > -0.29 && t.hi < 0.41) return log1p_reduced(t);
    return log_of(dd(1.0) + t);
}

namespace {

// The special cases log, log2 and log10 share; false when x is ordinary.
bool log_special_case(double x, double* result) noexcept {
    if (is_nan(x)) {
        *result = x + x;
    } else if (x < 0.0) {
        errno = EDOM;
        *result = invalid_nan();
    } else if (x == 0.0) {
        errno = ERANGE;
        *result = pole(true);
    } else if (is_inf(x)) {
        *result = x;
    } else if (x == 1.0) {
        *result = 0.0;
    } else {
        return false;
    }
    return true;
}

}  // namespace

// The accurate paths of log, log2 and log10, all of them: the public names
// (math_logarithm_fast.cpp) return their fast results only where those are
// provably these functions' results.
double log_accurate(double x) noexcept {
    double special;
    if (log_special_case(x, &special)) return special;
    return log_of(dd(x)).hi;
}

double log2_accurate(double x) noexcept {
    double special;
    if (log_special_case(x, &special)) return special;
    return (log_of(dd(x)) * inverse_ln2).hi;
}

double log10_accurate(double x) noexcept {
    double special;
    if (log_special_case(x, &special)) return special;
    return (log_of(dd(x)) * inverse_ln10).hi;
}

double log1p(double x) noexcept {
    // 1 + x and its error term are exact only under nearest rounding.
    arch::sse::nearest_rounding_scope nearest;
    if (is_nan(x)) return x + x;
    if (x == -1.0) {
        errno = ERANGE;
        return pole(true);
    }
    if (x < -1.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (is_inf(x)) return x;
    if (magnitude(x) < 0x1p-54) return x;
    return log1p_of(dd(x)).hi;
}

}  // namespace lwp::libc::math
