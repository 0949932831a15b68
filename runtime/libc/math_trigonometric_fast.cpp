// sin, cos and sincos: a fast path in ordinary double arithmetic (with exact
// products by Dekker's method), with a rigorous error bound, in front of the
// double-double one (sin_accurate, cos_accurate, sincos_accurate,
// math_trigonometric.cpp). Ziv's test: a fast result is returned only when
// both ends of its error interval round to the same double, which is then
// the correctly rounded value, hence what the accurate path returns too (it
// is correctly rounded: docs/libc.md). Everything else (|x| < 2^-26, |x| >=
// 2^20, which need the accurate path's exact reduction, inf, NaN, and the
// rare arguments the test rejects) goes to the accurate path unchanged, with
// its errno and exception flags. The fast path itself raises only inexact,
// as the accurate path does for these arguments.
//
// Method: x = k pi/2 + r, |r| <= pi/4 (plus a hair), by Cody and Waite's
// reduction with pi/2 in three parts; r = j/64 + delta with |delta| <= 1/128;
// sin(r) = S + C delta + S (cos(delta) - 1) + C (sin(delta) - delta) and
// cos(r) = C - S delta + C (cos(delta) - 1) - S (sin(delta) - delta), with
// S = sin(j/64) and C = cos(j/64) from a table of pairs (math_fast_tables.hpp)
// and the Taylor series of sin(delta) - delta and cos(delta) - 1; then k mod 4
// picks the quadrant.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_double_double.hpp"
#include "runtime/libc/math_fast_tables.hpp"
#include "arch/x86_64/sse_math.hpp"

namespace lwp::libc::math {

namespace {

constexpr double two_over_pi = 0x1.45f306dc9c883p-1;  // only the choice of k depends on it
// pi/2 = p1 + p2 + p3 + d: p1 has 31 significant bits and p2 32, so k p1 and
// k p2 are exact for |k| < 2^20; |p3| < 2^-68.7; |d| < 2^-122.9.
constexpr double half_pi_1 = 0x1.921fb54400000p+0;
constexpr double half_pi_2 = 0x1.0b4611a600000p-34;
constexpr double half_pi_3 = 0x1.3198a2e037073p-69;
constexpr double trig_round_shift = 0x1.8p52;  // adding and subtracting it rounds to an integer

// sin(r) or cos(r) of the reduced r as s.hi + low, with the bound of the
// error of that sum.
struct approximation {
    double hi;
    double low;
    double bound;
};

struct reduced_argument {
    long k;         // x = k pi/2 + r
    double d;       // r = j/64 + d + rl (+ the reduction error)
    double rl;
    double ds;      // d + rl rounded
    double z;       // ds^2
    double sin_d3;  // sin(delta) - delta
    double cos_d1;  // cos(delta) - 1
    double s_hi, s_lo, c_hi, c_lo;  // sin(j/64), cos(j/64)
    double reduction_error;         // absolute, on r
};

// The range and the reduction; false outside 2^-26 <= |x| < 2^20 (NaN
// included).
inline bool reduce_fast(double x, reduced_argument* a) noexcept {
    double ax = magnitude(x);
    // Quiet comparisons: a NaN fails them and raises nothing.
    if (!(__builtin_isgreaterequal(ax, 0x1p-26) && __builtin_isless(ax, 0x1p20))) return false;
    double kf = (x * two_over_pi + trig_round_shift) - trig_round_shift;  // |k| < 2^19.35
    a->k = static_cast<long>(kf);
    // t1 = x - k p1 is exact: k p1 is exact, and for k != 0, x lies within
    // pi/4 (and a hair) of k pi/2, so between k p1 / 2 and 2 k p1 (Sterbenz).
    // t1 - k p2 = u.hi + u.lo exactly (two_sum). lo = u.lo - k p3: |u.lo| <=
    // 2^-54, |k p3| < 2^-49.3, so the product and the difference round off at
    // most 2^-102.3 and 2^-102.2; k d adds 2^19.35 2^-122.9 < 2^-103.5. The
    // reduction error on r = rh + rl is therefore below 2^-101.2, and 0 for k
    // = 0 (r = x). 2^-100 is used.
    double t1 = x - kf * half_pi_1;
    double_double u = two_sum(t1, -(kf * half_pi_2));
    double lo = u.lo - kf * half_pi_3;
    double_double r = two_sum(u.hi, lo);
    a->reduction_error = a->k == 0 ? 0.0 : 0x1p-100;
    // j = the integer nearest 64 rh, |j| <= 50 (|rh| <= pi/4 + 2^-40);
    // d = rh - j/64 is exact (a multiple of ulp(rh) below 2^-7 in magnitude,
    // so 47 bits at most), |d| <= 1/128; delta = d + rl, |rl| <= 2^-53.
    double jf = (r.hi * 64.0 + trig_round_shift) - trig_round_shift;
    int j = static_cast<int>(jf);
    a->d = r.hi - jf * 0x1p-6;
    a->rl = r.lo;
    int index = j < 0 ? -j : j;
    double sign = j < 0 ? -1.0 : 1.0;
    a->s_hi = sign * fast::sin_table[index].hi;
    a->s_lo = sign * fast::sin_table[index].lo;
    a->c_hi = fast::cos_table[index].hi;
    a->c_lo = fast::cos_table[index].lo;
    // ds = delta (1 + e), |e| <= 2^-53. |delta| <= 2^-7 + 2^-53.
    // sin(delta) - delta = delta^3 (-1/3! + delta^2/5! - delta^4/7!) + T1,
    // |T1| <= |delta|^9/9! < 2^-81.5; cos(delta) - 1 = delta^2 (-1/2! + ...
    // + delta^6/8!) + T2, |T2| <= delta^10/10! < 2^-91.8. Evaluated at ds in
    // double, each comes out within 6 2^-53 of its value, relatively (2 or 3
    // from ds's own error, the rest from the roundings of a few operations on
    // terms that shrink by 2^-14 each, and the coefficients, the doubles
    // nearest 1/n!).
    double ds = a->d + a->rl;
    double z = ds * ds;
    a->ds = ds;
    a->z = z;
    a->sin_d3 = ds * z * (-0x1.5555555555555p-3 + z * (0x1.1111111111111p-7 + z * -0x1.a01a01a01a01ap-13));
    a->cos_d1 = z * (-0.5 + z * (0x1.5555555555555p-5 + z * (-0x1.6c16c16c16c17p-10 +
                                                              z * 0x1.a01a01a01a01ap-16)));
    return true;
}

// The error analysis of both forms below. Let V be the value (|sin(r)| or
// |cos(r)|) and u = 2^-53.
// sin form, j != 0: V >= sin(a/2) >= S/2 with a = j/64 >= 1/64 (|delta| <=
//   a/2), and V > 2^-7.01. |S cm1| <= delta^2/2 <= 2^-15 S <= 2^-14 V, known
//   within 6u: 2^-64.4 V. |C sd3| <= 2^-23.6 <= 2^-16.6 V, within 6u:
//   2^-67 V. Left out: S.lo cm1 (u S 2^-15 <= 2^-67 V), C.lo sd3 (u 2^-23.6
//   < 2^-69.6 V), the truncations (< 2^-81.4 < 2^-74.4 V), the tables'
//   errors (2^-106). low is summed small terms first, the product S.hi cm1
//   (rounded: 2^-67 V) last: the small partial sums are below 2^-16 V and
//   round off at most 4 times u 2^-16 V = 2^-67 V, the last addition u
//   2^-13.9 V = 2^-66.9 V. Total < (2^-64.4 + 2^-67 + 2^-67 + 2^-69.6 +
//   2^-74.4 + 2^-67 + 2^-67 + 2^-66.9) V < 2^-63.2 V.
// sin form, j = 0: S = 0, C = 1, value = d + rl + sd3, V >= |delta| (1 -
//   2^-15); sd3 <= 2^-16.6 V within 6u: 2^-67 V; one addition: u 2^-16.6 V;
//   truncation < 2^-74 V. Total < 2^-66 V.
// cos form: V >= cos(pi/4 + 2^-40) > 0.707, the same terms with C and S
//   swapped, all at most as large relative to V as in the sin form with j
//   != 0 (|C cm1| <= 2^-15 <= 2^-14.5 V, |S sd3| <= 2^-23.6 < 2^-23 V).
// Then r's reduction error, at most reduction_error, moves sin(r) and cos(r)
// by at most as much. Rounding low +- bound adds at most u (|low| + bound) <
// 2^-66.8 V. So bound = 2^-62 |hi| (|hi| >= V (1 - 2^-13)) + reduction_error
// covers all with room to spare, and, rounding being monotonic, when up and
// down agree they are the correctly rounded value.
inline approximation sin_form(const reduced_argument& a) noexcept {
    // S + C d = s.hi + s.lo + p.lo exactly (C.hi d = p.hi + p.lo by Dekker).
    double_double p = two_product(a.c_hi, a.d);
    double_double s = two_sum(a.s_hi, p.hi);
    double low = (((s.lo + p.lo) + a.c_hi * a.rl + a.s_lo + a.c_lo * a.ds) + a.c_hi * a.sin_d3) +
                 a.s_hi * a.cos_d1;
    return {s.hi, low, magnitude(s.hi) * 0x1p-62 + a.reduction_error};
}

inline approximation cos_form(const reduced_argument& a) noexcept {
    double_double p = two_product(-a.s_hi, a.d);
    double_double s = two_sum(a.c_hi, p.hi);
    double low = (((s.lo + p.lo) - a.s_hi * a.rl + a.c_lo - a.s_lo * a.ds) - a.s_hi * a.sin_d3) +
                 a.c_hi * a.cos_d1;
    return {s.hi, low, magnitude(s.hi) * 0x1p-62 + a.reduction_error};
}

// The rounding test; the result negated when asked.
inline bool rounded(const approximation& v, bool negate, double* result) noexcept {
    double up = v.hi + (v.low + v.bound);
    double down = v.hi + (v.low - v.bound);
    if (up != down) return false;
    *result = negate ? -up : up;
    return true;
}

}  // namespace

bool sin_fast(double x, double* result) noexcept {
    reduced_argument a;
    if (!reduce_fast(x, &a)) return false;
    switch (a.k & 3) {
        case 0: return rounded(sin_form(a), false, result);
        case 1: return rounded(cos_form(a), false, result);
        case 2: return rounded(sin_form(a), true, result);
        default: return rounded(cos_form(a), true, result);
    }
}

bool cos_fast(double x, double* result) noexcept {
    reduced_argument a;
    if (!reduce_fast(x, &a)) return false;
    switch (a.k & 3) {
        case 0: return rounded(cos_form(a), false, result);
        case 1: return rounded(sin_form(a), true, result);
        case 2: return rounded(cos_form(a), true, result);
        default: return rounded(sin_form(a), false, result);
    }
}

double sin(double x) noexcept {
    arch::sse::nearest_rounding_scope nearest;
    double result;
    if (sin_fast(x, &result)) return result;
    return sin_accurate(x);
}

double cos(double x) noexcept {
    arch::sse::nearest_rounding_scope nearest;
    double result;
    if (cos_fast(x, &result)) return result;
    return cos_accurate(x);
}

void sincos(double x, double* sine, double* cosine) noexcept {
    arch::sse::nearest_rounding_scope nearest;
    reduced_argument a;
    if (reduce_fast(x, &a)) {
        approximation s = sin_form(a);
        approximation c = cos_form(a);
        bool odd = (a.k & 1) != 0;
        bool sin_negative = (a.k & 2) != 0;
        bool cos_negative = ((a.k + 1) & 2) != 0;
        double sin_value;
        double cos_value;
        if (rounded(odd ? c : s, sin_negative, &sin_value) &&
            rounded(odd ? s : c, cos_negative, &cos_value)) {
            *sine = sin_value;
            *cosine = cos_value;
            return;
        }
    }
    sincos_accurate(x, sine, cosine);
}

}  // namespace lwp::libc::math
