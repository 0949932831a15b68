// j0f128, j1f128, y0f128, y1f128: the Bessel functions for _Float128, the
// long double ones' method (math_long_double_bessel.cpp) one precision up,
// in binary128 pairs (math_float128_pair.hpp, about 226 bits) computed
// rounding to nearest and rounded once in the caller's mode.
//
// Orders 0 and 1, by the size of x > 0:
//  - up to the midpoint of the second and third zeros, except within 1/4
//    of a zero: the power series in q = x^2/4, Y's with the harmonic
//    numbers and log(x/2) + gamma;
//  - below 84: the Taylor series around the nearest zero z (tabulated in
//    three pieces with the slope there, math_float128_bessel_tables.hpp),
//    its coefficients from Bessel's equation, so that the value keeps its
//    relative precision as x approaches the zero;
//  - from 84 on: Hankel's expansions, with P and Q summed until their terms
//    fall below 2^-232 (at x = 84 the smallest term is near e^-168, 2^-242):
//    sqrt(2/(pi x)) (P cos chi - Q sin chi) and (P sin chi + Q cos chi),
//    chi = x - (2n + 1) pi/4. cos chi and sin chi come from sin x and cos x
//    (sin x +- cos x, rotated by n quarter turns), whose exact reduction
//    modulo pi/2 (math_float128_trigonometric.hpp) leaves them an absolute
//    error near 2^-226 for any x: near a zero of the function, where the
//    combination cancels, the value still keeps some 100 bits.
// Special values, flags and errno as glibc's ldbl-128 functions and its
// wrappers: j0 of |x| < 2^-57 is 1 without inexact, j1 of |x| <= 2^-58 is
// x/2 as one product (underflow when tiny, ERANGE when 0); y0 and y1 of 0
// are -inf with divide-by-zero and ERANGE, of x < 0 (and -inf) the default
// NaN with invalid and EDOM; y1 of x <= 2^-114 is glibc's -(2/pi)/x, one
// quotient, overflowing to -inf with ERANGE.
#include <errno.h>
#include <math.h>

#include "runtime/libc/math_float128_bessel.hpp"
#include "runtime/libc/math_float128_bessel_tables.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_tables.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"

namespace lwp::libc::math::f128 {

namespace {

namespace bt = bessel_tables;

// Within this distance of their first two zeros, the functions come from
// the series around the zero rather than the power series.
constexpr double near_zero = 0.25;

template <int N>
const bt::zero& nearest_zero(const bt::zero (&zeros)[N], real x, int* index) noexcept {
    int best = 0;
    for (int i = 1; i < N; ++i) {
        if (magnitude(x - zeros[i].x[0]) < magnitude(x - zeros[best].x[0])) best = i;
    }
    *index = best;
    return zeros[best];
}

// The solution of Bessel's equation of order nu that vanishes at the zero
// with the tabulated slope, at x: its Taylor series in t = x - zero,
// u[n] = c[n] t^n with
//   z^2 (n+1)(n+2) c[n+2] = -(z (n+1)(2n+1) c[n+1] + (n^2 + z^2 - nu^2) c[n]
//                             + 2z c[n-1] + c[n-2]),
// summed until two terms in a row are below 2^-232 of the sum.
pair around_zero(const bt::zero& zero, real nu_squared, real x) noexcept {
    pair t = (two_sum(x, -zero.x[0]) - zero.x[1]) - zero.x[2];
    pair a = fast_two_sum(zero.x[0], zero.x[1]) + zero.x[2];
    pair at = a * t;
    pair t2 = t * t;
    pair a2t2 = at * at;
    pair t3 = scale(at * t2, 2);  // 2 a t^3
    pair t4 = t2 * t2;
    pair inverse_a2 = exact(1) / (a * a);
    pair u_minus2 = exact(0);
    pair u_minus1 = exact(0);
    pair u0 = exact(0);
    pair u1 = zero.slope * t;
    pair sum = u1;
    for (int n = 0; n < 600; ++n) {
        real k = n;
        pair s = at * u1 * ((k + 1) * (2 * k + 1)) + (t2 * (k * k - nu_squared) + a2t2) * u0 + t3 * u_minus1 +
                 t4 * u_minus2;
        pair u2 = -(s * inverse_a2) / exact((k + 1) * (k + 2));
        sum = sum + u2;
        u_minus2 = u_minus1;
        u_minus1 = u0;
        u0 = u1;
        u1 = u2;
        if (n >= 2 && magnitude(u1.hi) + magnitude(u0.hi) < power_of_two(-232) * magnitude(sum.hi)) break;
    }
    return sum;
}

// The power series. For order 0: J0 = sum (-q)^k / k!^2 and Y's second sum
// sum (-1)^(k+1) H_k q^k / k!^2; for order 1: J1 / (x/2) = sum (-q)^k /
// (k! (k+1)!) and sum (-1)^k (2 H_k + 1/(k+1)) q^k / (k! (k+1)!).
struct series_sums {
    pair j;
    pair extra;
};

series_sums power_series(int order, real x, bool harmonic) noexcept {
    // (x^2 for a tiny x underflows: q is then far below the sums' precision.)
    pair q = x < power_of_two(-8000) ? exact(0) : scale(two_product(x, x), real(0.25));
    pair term = exact(1);
    pair j = term;
    pair harmonic_number = exact(0);
    pair extra = order == 0 ? exact(0) : term;
    for (int k = 1; k < 400; ++k) {
        real kk = k;
        term = -(term * q) / exact(kk * (kk + order));
        j = j + term;
        if (harmonic) {
            harmonic_number = harmonic_number + exact(1) / exact(kk);
            if (order == 0) {
                extra = extra - harmonic_number * term;
            } else {
                extra = extra + (scale(harmonic_number, 2) + exact(1) / exact(kk + 1)) * term;
            }
        }
        if (kk * kk > q.hi && magnitude(term.hi) <= power_of_two(-232) * magnitude(j.hi)) break;
    }
    return {j, extra};
}

// log(x/2) + gamma, subnormal x brought into the normal range.
pair log_half_plus_gamma(real x) noexcept {
    pair log_x = biased_exponent(x) == 0 ? log_of(exact(x * power_of_two(120)), -120) : log_of(exact(x));
    return (log_x - tables::ln2) + bt::euler_gamma;
}

pair y0_series(real x) noexcept {
    series_sums s = power_series(0, x, true);
    return bt::two_over_pi * (log_half_plus_gamma(x) * s.j + s.extra);
}

// For x >= 2^-120 (1/x stays finite and exact enough as a pair).
pair y1_series(real x) noexcept {
    series_sums s = power_series(1, x, true);
    pair j1 = s.j * (x * real(0.5));
    pair inside = log_half_plus_gamma(x) * j1 - exact(1) / exact(x) - s.extra * (x * real(0.25));
    return bt::two_over_pi * inside;
}

}  // namespace

bessel_pair bessel_hankel(real n, real x) noexcept {
    // Past 2^1000, x is scaled by 2^-2048 where a product or a quotient
    // meets it, so that Dekker's products stay exact.
    bool huge = x > power_of_two(1000);
    real reduced_x = huge ? x * power_of_two(-2048) : x;
    // a_k / x^k = a_(k-1) / x^(k-1) * (4n^2 - (2k-1)^2) / (8 k x).
    pair mu = two_product(2 * n, 2 * n);
    pair inverse_8x = scale(exact(1) / exact(reduced_x), huge ? power_of_two(-2051) : real(0.125));
    pair term = exact(1);
    pair p = exact(1);
    pair q = exact(0);
    for (int k = 1; k < 400; ++k) {
        real odd = 2 * real(k) - 1;
        term = (mu - odd * odd) * term * inverse_8x / exact(real(k));
        switch (k & 3) {  // +Q, -P, -Q, +P
            case 1: q = q + term; break;
            case 2: p = p - term; break;
            case 3: q = q - term; break;
            default: p = p + term; break;
        }
        if (magnitude(term.hi) < power_of_two(-232)) break;
    }
    // cos(x - pi/4) = (cos x + sin x)/sqrt 2, sin(x - pi/4) = (sin x -
    // cos x)/sqrt 2; chi is that angle less n quarter turns.
    sine_cosine sc = sin_cos_of(x);
    pair a = sc.cosine + sc.sine;
    pair b = sc.sine - sc.cosine;
    unsigned n_mod_4 = static_cast<unsigned>(n - 4 * truncf128(n * real(0.25)));
    pair cosine;  // sqrt 2 cos chi
    pair sine;    // sqrt 2 sin chi
    switch (n_mod_4) {
        case 0: cosine = a; sine = b; break;
        case 1: cosine = b; sine = -a; break;
        case 2: cosine = -a; sine = -b; break;
        default: cosine = -b; sine = a; break;
    }
    // sqrt(2/(pi x)) / sqrt 2 = 1/(sqrt(pi) sqrt(x)).
    pair amplitude = bt::inverse_sqrt_pi / sqrt_of(exact(reduced_x));
    if (huge) amplitude = scale(amplitude, power_of_two(-1024));
    return {amplitude * (p * cosine - q * sine), amplitude * (p * sine + q * cosine)};
}

pair bessel_j0(real x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(0, x).j;
    int index;
    const bt::zero& zero = nearest_zero(bt::j0_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > real(near_zero)) return power_series(0, x, false).j;
    return around_zero(zero, 0, x);
}

pair bessel_j1(real x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(1, x).j;
    int index;
    const bt::zero& zero = nearest_zero(bt::j1_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > real(near_zero)) {
        return power_series(1, x, false).j * (x * real(0.5));
    }
    return around_zero(zero, 1, x);
}

pair bessel_y0(real x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(0, x).y;
    int index;
    const bt::zero& zero = nearest_zero(bt::y0_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > real(near_zero)) return y0_series(x);
    return around_zero(zero, 0, x);
}

pair bessel_y1(real x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(1, x).y;
    int index;
    const bt::zero& zero = nearest_zero(bt::y1_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > real(near_zero)) return y1_series(x);
    return around_zero(zero, 1, x);
}

real round_any(pair value, int exponent) noexcept {
    if (is_zero(value.hi)) return value.hi;
    int e = biased_exponent(value.hi) - bias;  // value.hi normal
    real power = power_of_two(-e);
    return round_scaled({value.hi * power, value.lo * power}, exponent + e, exactness::never);
}

real signed_y1(real x, bool negate) noexcept {
    if (x <= power_of_two(-114)) {
        // glibc's choice there: -(2/pi)/x as one quotient of 2/pi rounded,
        // in the caller's mode (exact for a power of two; an overflow to
        // -inf sets ERANGE). Within an ulp and a half of the exact value.
        volatile real signed_two_over_pi = negate ? bt::two_over_pi.hi : -bt::two_over_pi.hi;
        real result = signed_two_over_pi / x;
        if (is_inf(result)) errno = ERANGE;
        return result;
    }
    pair y;
    {
        quiet_nearest_scope nearest;
        y = bessel_y1(x);
    }
    return round_any(negate ? -y : y, 0);
}

}  // namespace lwp::libc::math::f128

namespace f = lwp::libc::math::f128;

namespace {

using f::pair;
using f::real;


real rounded(pair (*function)(real), real ax, bool negative) noexcept {
    pair v;
    {
        f::quiet_nearest_scope nearest;
        v = function(ax);
    }
    return f::round_any(negative ? -v : v, 0);
}

}  // namespace

extern "C" {

__float128 j0f128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    real ax = f::magnitude(x);
    if (f::is_inf(ax)) return 0;
    if (ax < f::power_of_two(-57)) return 1;  // glibc's: 1 without inexact
    return rounded(f::bessel_j0, ax, false);
}

__float128 j1f128(__float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    real ax = f::magnitude(x);
    if (f::is_inf(ax)) return 0;  // +0 for both, as glibc's
    if (f::is_zero(x)) return x;
    if (ax <= f::power_of_two(-58)) {
        // glibc's x/2, one product: inexact and underflow only when it is
        // subnormal and inexact; a subnormal exact one raises underflow
        // too (glibc forces it), a zero sets ERANGE.
        volatile real half = real(0.5);
        real result = x * half;
        if (f::biased_exponent(result) == 0) f::raise_underflow();
        if (f::is_zero(result)) errno = ERANGE;
        return result;
    }
    return rounded(f::bessel_j1, ax, f::sign_of(x));
}

__float128 y0f128(__float128 x) noexcept {
    real special;
    if (f::positive_domain_special(x, 0, &special)) return special;
    return rounded(f::bessel_y0, x, false);
}

__float128 y1f128(__float128 x) noexcept {
    real special;
    if (f::positive_domain_special(x, 0, &special)) return special;
    return f::signed_y1(x, false);
}

}  // extern "C"
