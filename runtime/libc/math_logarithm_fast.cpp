// log, log2, log10: a fast path in ordinary double arithmetic (with exact products by
// Dekker's method), with a rigorous error bound, in front of the
// double-double one (log_accurate, math_logarithm.cpp). Ziv's test: the fast
// result is returned only when both ends of its error interval round to the
// same double, which is then the correctly rounded log(x), hence what
// log_accurate returns too (it is correctly rounded: docs/libc.md).
// Everything else (zero, negative, subnormal, inf, NaN, 1, and the rare
// arguments the test rejects) goes to log_accurate unchanged, with its errno
// and exception flags. The fast path itself raises only inexact, as
// log_accurate does for these arguments.
//
// log2 and log10 multiply the same sum by 1/log(2) or 1/log(10) as a pair
// (below), with their own bound; their accurate paths are log2_accurate and
// log10_accurate.
//
// Method: x = 2^e m, m in [1, 2) with top eight fraction bits i; for i >= 106
// (m >= 1.4140625) m is halved and e raised by one, so that x just below 1
// has e = 0 and nothing cancels. c = a double near 1/m from a table
// (math_fast_tables.hpp), exactly 1 in the two intervals next to 1;
// r = m c - 1, |r| < 2^-8 (i = 0), else |r| <= 2^-9 (a hair more for the
// rounding of c); log(x) = e log(2) - log(c) + log(1 + r), log(1 + r) from
// its Taylor series to degree 8.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_double_double.hpp"
#include "runtime/libc/math_fast_tables.hpp"

namespace lwp::libc::math {

namespace {

// log(2) = ln2_hi + ln2_lo + d: hi has 42 significant bits, so e hi is exact
// for |e| <= 1024; |lo| < 2^-44, |d| <= 2^-53 |lo| < 2^-97.
constexpr double ln2_hi = 0x1.62e42fefa3800p-1;
constexpr double ln2_lo = 0x1.ef35793c76730p-45;

// log(x) as hi + low, with the error analysed below; false outside the fast
// path's range.
inline bool log_sum(double x, double* hi_out, double* low_out) noexcept {
    std::uint64_t b = bits_of(x);
    // Positive normal finite x other than 1 (negative x, zeros, subnormals,
    // inf and NaN all fall outside the unsigned range).
    if (b - 0x0010000000000000u >= 0x7ff0000000000000u - 0x0010000000000000u || x == 1.0) {
        return false;
    }
    int e = static_cast<int>(b >> 52) - 1023;
    int i = static_cast<int>((b >> 44) & 255);
    double m = from_bits((b & mantissa_mask) | 0x3ff0000000000000u);
    if (i >= 106) {
        m *= 0.5;  // exact
        ++e;
    }
    double c = fast::log_inverse[i];
    // m c = p.hi + p.lo exactly (Dekker; nothing near overflow or underflow).
    // p.hi lies within 2^-8 (and a rounding) of 1, so rh = p.hi - 1 is exact
    // (Sterbenz) and r = rh + rl exactly, |rl| <= 2^-53. Where c = 1, rl = 0.
    double_double p = two_product(m, c);
    double rh = p.hi - 1.0;
    double rl = p.lo;
    // rh^2 = sq.hi + sq.lo exactly (rh is 0 or at least 2^-53: no underflow).
    double_double sq = two_product(rh, rh);

    // log(1 + r) = r - r^2/2 + r^3 (1/3 - r/4 + r^2/5 - r^3/6 + r^4/7 - r^5/8)
    // + T, |T| <= |r|^9/9 (1.004); r^2/2 = sq/2 + rh rl + rl^2/2, the last
    // below 2^-107, left out. The cubic part is evaluated at rs = rh + rl
    // rounded (off by 2^-61 at most, which moves it by at most 1.01 r^2 2^-61
    // < 2^-77) with a relative rounding error below 5 2^-53, and coefficients
    // that are the doubles nearest 1/3 .. 1/8 (their errors are part of it).
    double rs = rh + rl;
    double r2 = rs * rs;
    double cubic = r2 * rs *
                   (0x1.5555555555555p-2 +
                    rs * (-0.25 + rs * (0x1.999999999999ap-3 +
                                        rs * (-0x1.5555555555555p-3 +
                                              rs * (0x1.2492492492492p-3 + rs * -0.125)))));

    // The sum, its large parts added exactly (two_sum): e log(2) - log(c) +
    // rh - sq.hi/2 = s3.hi + s3.lo + s2.lo + s1.lo, and low collects the rest.
    double ed = static_cast<double>(e);
    const double_double& l = fast::log_minus_log_inverse[i];  // -log(c), within 2^-106 |l|
    double_double s1 = two_sum(ed * ln2_hi, l.hi);
    double_double s2 = two_sum(s1.hi, rh);
    double_double s3 = two_sum(s2.hi, -0.5 * sq.hi);
    double low = ((s1.lo + s2.lo) + s3.lo) + ((rl - 0.5 * sq.lo) - rh * rl) + cubic +
                 (ed * ln2_lo + l.lo);
    double hi = s3.hi;

    // The error of hi + low against log(x), relative to V = |log(x)|:
    // (a) c = 1 and e = 0 (x in [1 - 2^-9, 1 + 2^-8)): l = 0, rl = 0,
    //     V = |r| (1 +- 2^-8). Truncation |r|^8/9 < 2^-67.1 V; the cubic part,
    //     below 2^-17.5 V, evaluated within 5 2^-53 of it, < 2^-68.2 V;
    //     |low| < 2^-17.4 V, so its additions err by less than 6 2^-53
    //     2^-17.4 V < 2^-67.8 V. Total < 2^-66 V.
    // (b) otherwise V >= 2^-9.01 (x outside [1 - 2^-9, 1 + 2^-8); for e != 0,
    //     V > 0.34 and V > |e| 0.34), and |r| <= 2^-8.99: truncation
    //     < 2^-81/9 < 2^-84; cubic part < 2^-27.5, its error < 2^-77.2;
    //     log(2) and -log(c) as pairs: |e| 2^-97 + 2^-106 and e ln2_lo's
    //     rounding 2^-53 2^10 2^-44 = 2^-87, relative to V all below 2^-75;
    //     rh rl's rounding 2^-114, rl^2/2 2^-107. |s1.hi| <= V + |r| + r^2 <
    //     3.1 V, so each s.lo < 2^-53 3.1 V; |low| < 2^-16.5 V, its additions
    //     (at most 9, the roundings of sq.lo/2 and ed ln2_lo included above)
    //     err by less than 9 2^-53 2^-16.5 V < 2^-66.3 V. Total, with the
    //     cubic part's error relative to V (2^-77.2 / 2^-9.01 = 2^-68.2):
    //     2^-84 + 2^-68.2 + 2^-75 + 2^-66.3 < 2^-65.9 V.
    // In both cases |low| < 2^-16.4 V, and the error is below 2^-65.5 V.
    *hi_out = hi;
    *low_out = low;
    return true;
}

}  // namespace

// The error of log_sum is below 2^-65.5 V <= 2^-65.4 |hi| (|hi| >= V (1 -
// 2^-16)), and rounding low +- bound adds at most 2^-53 (|low| + bound) <
// 2^-69.3 |hi|: bound = 2^-64 |hi| covers both with room to spare. Rounding is
// monotonic, so when up and down agree they are the correctly rounded log(x).
bool log_fast(double x, double* result) noexcept {
    double hi;
    double low;
    if (!log_sum(x, &hi, &low)) return false;
    double bound = magnitude(hi) * 0x1p-64;
    double up = hi + (low + bound);
    double down = hi + (low - bound);
    if (up != down) return false;
    *result = up;
    return true;
}

namespace {

// log(x) times a constant k = k.hi + k.lo (within 2^-106 k), for log2 and
// log10. (hi + low) k = p.hi + [p.lo + hi k.lo + low k.hi] + low k.lo with
// hi k.hi = p.hi + p.lo exactly (Dekker). Besides log_sum's error (below
// 2^-65.5 V, V = |log(x)|, so 2^-65.5 of the product), the bracket's
// roundings: hi k.lo's 2^-106, low k.hi's and the two additions' u |low k|
// each with |low| < 2^-16.4 V: 3 2^-53 2^-16.4 < 2^-67.8; low k.lo left out,
// 2^-52 2^-16.4 V, and k's own error 2^-106. Total below 2^-65.1 |V k|, and
// rounding low +- bound adds at most u (2^-16.3 + 2^-64) < 2^-69.3 of it;
// bound = 2^-64 |p.hi| (|p.hi| >= |V k| (1 - 2^-16)) covers both.
inline bool scaled_log_fast(double x, double_double k, double* result) noexcept {
    double hi;
    double low;
    if (!log_sum(x, &hi, &low)) return false;
    double_double p = two_product(hi, k.hi);
    double low_k = (p.lo + hi * k.lo) + low * k.hi;
    double bound = magnitude(p.hi) * 0x1p-64;
    double up = p.hi + (low_k + bound);
    double down = p.hi + (low_k - bound);
    if (up != down) return false;
    *result = up;
    return true;
}

// 1/log(2) and 1/log(10) as pairs (the doubles nearest them and their rests).
constexpr double_double inverse_log_2{0x1.71547652b82fep+0, 0x1.777d0ffda0d24p-56};
constexpr double_double inverse_log_10{0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57};

}  // namespace

bool log2_fast(double x, double* result) noexcept { return scaled_log_fast(x, inverse_log_2, result); }
bool log10_fast(double x, double* result) noexcept { return scaled_log_fast(x, inverse_log_10, result); }

double log(double x) noexcept {
    double result;
    if (log_fast(x, &result)) return result;
    return log_accurate(x);
}

double log2(double x) noexcept {
    double result;
    if (log2_fast(x, &result)) return result;
    return log2_accurate(x);
}

double log10(double x) noexcept {
    double result;
    if (log10_fast(x, &result)) return result;
    return log10_accurate(x);
}

}  // namespace lwp::libc::math
