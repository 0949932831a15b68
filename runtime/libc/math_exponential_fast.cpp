// exp: a fast path in ordinary double arithmetic, with a rigorous error
// bound, in front of the double-double one (exp_accurate,
// math_exponential.cpp). Ziv's test: the fast result is returned only when
// both ends of its error interval round to the same double, which is then
// the correctly rounded exp(x), hence what exp_accurate returns too (it is
// correctly rounded: docs/libc.md). Everything else (NaN, infinities,
// overflow, results near or below the subnormal range, |x| < 2^-54, and the
// rare arguments the test rejects) goes to exp_accurate unchanged, with its
// errno and exception flags. The fast path itself raises only inexact, as
// exp_accurate does for these arguments.
//
// Method: exp(x) = 2^m 2^(j/128) exp(r), k = 128 m + j the integer nearest
// x 128/log(2), r = x - k log(2)/128, |r| <= 0.00271 < 2^-8.52; 2^(j/128)
// from a table of pairs (math_fast_tables.hpp), exp(r) - 1 from its Taylor
// series to degree 6.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_double_double.hpp"
#include "runtime/libc/math_fast_tables.hpp"

namespace lwp::libc::math {

namespace {

// 128/log(2), rounded: only the choice of k depends on it.
constexpr double inverse_ln2_128 = 0x1.71547652b82fep+7;
// log(2)/128 = ln2_128_hi + ln2_128_lo + d: hi has 36 significant bits, so
// k * hi is exact for |k| < 2^17; lo is the double nearest the rest, so
// |d| <= 2^-53 |lo| < 2^-97.
constexpr double ln2_128_hi = 0x1.62e42fefa0000p-8;
constexpr double ln2_128_lo = 0x1.cf79abc9e3b3ap-47;
// Adding and subtracting 1.5 * 2^52 rounds a double below 2^51 to an integer.
constexpr double exp_round_shift = 0x1.8p52;

}  // namespace

bool exp_fast(double x, double* result) noexcept {
    double a = magnitude(x);
    // The range: exp(-708) > 2^-1021.4 and exp(709) < 2^1023: every result is
    // normal, m lies in [-1022, 1023], and the scaling by 2^m below is exact.
    // NaN fails the comparisons, which are quiet ones: it raises nothing.
    if (!(__builtin_isgreaterequal(a, 0x1p-54) && __builtin_isgreaterequal(x, -708.0) &&
          __builtin_islessequal(x, 709.0)))
        return false;

    double kf = (x * inverse_ln2_128 + exp_round_shift) - exp_round_shift;
    long k = static_cast<long>(kf);  // |k| <= 130,921 < 2^17
    // t = x - k hi is exact: k hi is exact (above), and for k != 0 x lies
    // within log(2)/256 of k log(2)/128, so between k hi / 2 and 2 k hi
    // (Sterbenz). rl = -k lo rounded: |k lo| < 2^17 2^-44 = 2^-27, error
    // below 2^-81. So the true r = t + rl + e0 with |e0| < 2^-81 + 2^17 2^-97
    // < 2^-79, and |r| < 2^-8.52.
    double t = x - kf * ln2_128_hi;
    double rl = -(kf * ln2_128_lo);
    // q = r^2/2! + ... + r^6/6! at rs = t + rl (rounded, off by at most
    // 2^-53 2^-8.52 = 2^-61.5, which moves q by at most |r| times that,
    // 2^-70). Truncation: below |r|^7/7! (1.01) < 2^-71.8. Evaluation in
    // double: |q| < 2^-18, Horner's rounding errors well below 3 2^-53 |q|,
    // < 2^-69.4. So exp(r) = 1 + t + rl + q + e1, |e1| < 2^-79 (1.003) +
    // 2^-70 + 2^-71.8 + 2^-69.4 < 2^-68.
    double rs = t + rl;
    double q = rs * rs *
               (0.5 + rs * (0x1.5555555555555p-3 +
                            rs * (0x1.5555555555555p-5 +
                                  rs * (0x1.1111111111111p-7 + rs * 0x1.6c16c16c16c17p-10))));
    // The Taylor coefficients are the doubles nearest 1/3! .. 1/6!: their
    // relative errors, 2^-53 at most, change q by less than 2^-53 |q| < 2^-71,
    // included in the evaluation term above.

    int j = static_cast<int>(k & 127);
    int m = static_cast<int>(k >> 7);  // floor(k / 128)
    double th = fast::exp2_table[j].hi;  // 2^(j/128) = (th + tl)(1 + e2), |e2| < 2^-106
    double tl = fast::exp2_table[j].lo;

    // 2^(j/128) exp(r) = th + th t + [tl + th (rl + q) + tl t] + E with
    // th t = p.hi + p.lo exactly (Dekker) and th + p.hi = s.hi + s.lo exactly
    // (|th| >= 1 > |p.hi|). E, the terms left out: th e1 (< 2^-67), tl (rl +
    // q + e1) (< 2^-52 2^-17.9 = 2^-69.9), and e2 times the value (< 2^-105).
    double_double p = two_product(th, t);
    double_double s = fast_two_sum(th, p.hi);
    // low, the sum of terms each below 2^-16.9 (|th (rl + q)| < 2 (2^-27 +
    // 2^-17.99)), the others below 2^-51): the roundings of rl + q, of the
    // product by th, of tl t, and of the four additions add at most
    // 2^-53 (2^-17.9 + 2^-16.9) + 4 2^-53 2^-16.8 < 2^-67.3.
    double low = s.lo + p.lo + tl + th * (rl + q) + tl * t;
    // The whole error of s.hi + low against 2^(j/128) exp(r) is therefore
    // below 2^-67 + 2^-69.9 + 2^-105 + 2^-67.3 < 2^-65.9. Rounding low +- bound
    // moves it by at most 2^-53 (2^-16.8 + 2^-64) < 2^-69.8 more. With bound =
    // 2^-64 (more than 2^-65.9 + 2^-69.8, with room to spare), up >= the true
    // value's rounding >= down, as rounding is monotonic: when they are equal,
    // that is the correctly rounded value. The value lies in [0.997, 2.006),
    // so the bound is absolute and relative alike.
    constexpr double bound = 0x1p-64;
    double up = s.hi + (low + bound);
    double down = s.hi + (low - bound);
    if (up != down) return false;
    *result = up * power_of_two(m);
    return true;
}

double exp(double x) noexcept {
    double result;
    if (exp_fast(x, &result)) return result;
    return exp_accurate(x);
}

}  // namespace lwp::libc::math
