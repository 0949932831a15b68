// j0, j1, y0, y1: the Bessel functions of orders 0 and 1, and their
// double-double kernels (math_bessel.hpp), which jn and yn start from.
//
// Method, in double-double, by the size of x > 0:
//  - small x: the power series (q = x^2/4)
//      J0 = sum (-q)^k / k!^2,   J1 = x/2 sum (-q)^k / (k! (k+1)!),
//      Y0 = 2/pi ((log(x/2) + gamma) J0 + sum (-1)^(k+1) H_k q^k / k!^2),
//      Y1 = 2/pi (log(x/2) + gamma) J1 - 2/(pi x)
//           - x/(2 pi) sum (-1)^k (2 H_k + 1/(k+1)) q^k / (k! (k+1)!),
//    with H_k the harmonic numbers: below 2 for J0 and J1, and for Y0 and Y1
//    up to the midpoint of their second and third zeros (5.5 and 7.0), except
//    within 1/4 of a zero;
//  - up to 45: the Taylor series around the nearest zero z of the function
//    (tabulated to 160 bits with the slope there, from mpmath), whose
//    coefficients follow from Bessel's equation x^2 y'' + x y' + (x^2 - nu^2) y
//    = 0 at x = z + t:
//      z^2 (n+1)(n+2) c[n+2] = -(z (n+1)(2n+1) c[n+1] + (n^2 + z^2 - nu^2) c[n]
//                                + 2z c[n-1] + c[n-2]),
//    c[0] = 0 and c[1] the slope. Starting from the zero itself, the value
//    keeps its relative precision as x approaches the zero, where the power
//    series or any sum of larger terms would cancel;
//  - from 45 on: Hankel's expansions, J = M cos(chi + psi) / sqrt(pi x / 2),
//    Y = M sin(chi + psi) / sqrt(pi x / 2), chi = x - (2n + 1) pi/4, where
//    M cos(psi) = P and M sin(psi) = Q, P and Q's terms a_k(n)/x^k summed
//    until below 2^-112 (at x = 45 that takes 43 of them). The phase is
//    reduced as x - k pi/4 with pi/4 in seven pieces (Cody and Waite) below
//    2^24, so that near a zero, where chi + psi is near a multiple of pi/2,
//    it keeps its relative precision; above, by the trigonometric functions'
//    exact reduction (math_trigonometric.cpp), so that J0(1e300) is as
//    accurate as J0(50).
// So the result is within about half an ulp everywhere, the doubles nearest
// the zeros included (all those checked, up to the 100000th zero, are
// correctly rounded). Beyond 45 the phase's absolute error, about 2^-114
// (psi's), adds about 2^-62/|x - zero| ulp: a double would have to lie
// within 2^-62 of a zero for that to reach one ulp, and the doubles there
// are 2^-47 apart or more.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bessel.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_special_tables.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

namespace {

constexpr double asymptotic_threshold = 45.0;

// The power series of J0 and J1 are used below this, where they lose at most
// a few bits to cancellation.
constexpr double j_series_limit = 2.0;

// Within this distance of one of the first two zeros, Y0 and Y1 are taken
// from the series around the zero rather than the power series.
constexpr double near_zero = 0.25;

template <int N>
const bessel_zero& nearest_zero(const bessel_zero (&zeros)[N], double x, int* index) noexcept {
    int best = 0;
    for (int i = 1; i < N; ++i) {
        if (magnitude(x - zeros[i].x[0]) < magnitude(x - zeros[best].x[0])) best = i;
    }
    *index = best;
    return zeros[best];
}

// The solution of Bessel's equation of order nu (nu_squared = nu^2) that is
// zero at `zero` with the tabulated slope there, at x: its Taylor series, with
// u[n] = c[n] t^n summed until two terms in a row are below 2^-112 of the sum.
// With |t| up to 1.6 around the zeros from the first of J0 and J1 and the
// third of Y0 and Y1 on, and up to 1/4 around the first two of Y0 and Y1
// (whose series converge only within the zero's distance from 0), that
// takes at most 58 terms (Y0 near 0.64).
double_double around_zero(const bessel_zero& zero, double nu_squared, double x) noexcept {
    double_double t = two_sum(x - zero.x[0], -zero.x[1]) + (-zero.x[2]);
    double_double a = {zero.x[0], zero.x[1]};
    double_double at = a * t;
    double_double t2 = t * t;
    double_double a2t2 = at * at;
    double_double t3 = scale(at * t2, 2.0);  // 2 a t^3
    double_double t4 = t2 * t2;
    double_double inverse_a2 = dd(1.0) / (a * a);
    double_double u_minus2 = dd(0.0);
    double_double u_minus1 = dd(0.0);
    double_double u0 = dd(0.0);
    double_double u1 = zero.slope * t;
    double_double sum = u1;
    for (int n = 0; n < 300; ++n) {
        double k = n;
        double_double s = at * u1 * ((k + 1.0) * (2.0 * k + 1.0)) + (t2 * (k * k - nu_squared) + a2t2) * u0 +
                          t3 * u_minus1 + t4 * u_minus2;
        double_double u2 = -(s * inverse_a2) / dd((k + 1.0) * (k + 2.0));
        sum = sum + u2;
        u_minus2 = u_minus1;
        u_minus1 = u0;
        u0 = u1;
        u1 = u2;
        if (n >= 2 && magnitude(u1.hi) + magnitude(u0.hi) < 0x1p-112 * magnitude(sum.hi)) break;
    }
    return sum;
}

// The power series. `harmonic` selects Y's second sum instead of J's:
// for order 0, sum (-1)^(k+1) H_k q^k / k!^2 (from k = 1);
// for order 1, sum (-1)^k (2 H_k + 1/(k+1)) q^k / (k! (k+1)!).
struct series_sums {
    double_double j;      // J0, or J1 / (x/2)
    double_double extra;  // Y's second sum
};

series_sums power_series(int order, double x, bool harmonic) noexcept {
    double_double q = scale(two_product(x, x), 0.25);
    double_double term = dd(1.0);  // (-q)^k / (k! (k+order)!)
    double_double j = term;
    double_double harmonic_number = dd(0.0);  // H_k
    double_double extra = order == 0 ? dd(0.0) : term;  // k = 0 of order 1's sum: (0 + 1) * 1
    for (int k = 1; k < 200; ++k) {
        double kk = k;
        term = -(term * q) / dd(kk * (kk + order));
        j = j + term;
        if (harmonic) {
            harmonic_number = harmonic_number + dd(1.0) / dd(kk);
            if (order == 0) {
                extra = extra - harmonic_number * term;  // (-1)^(k+1) H_k: term carries (-1)^k
            } else {
                extra = extra + (scale(harmonic_number, 2.0) + dd(1.0) / dd(kk + 1.0)) * term;
            }
        }
        if (kk * kk > q.hi && magnitude(term.hi) < 0x1p-112 * magnitude(j.hi)) break;
    }
    return {j, extra};
}

// (log(x/2) + gamma) for the Y series.
double_double log_half_plus_gamma(double x) noexcept { return log_of(dd(x)) - ln2 + euler_gamma; }

double_double y0_series(double x) noexcept {
    series_sums s = power_series(0, x, true);
    return two_over_pi * (log_half_plus_gamma(x) * s.j + s.extra);
}

double_double y1_series(double x) noexcept {
    series_sums s = power_series(1, x, true);
    double_double half_x = dd(x * 0.5);
    double_double j1 = s.j * half_x;
    // 2/pi ((log(x/2) + gamma) J1 - 1/x - x/4 sum)
    double_double inside = log_half_plus_gamma(x) * j1 - dd(1.0) / dd(x) - s.extra * (x * 0.25);
    return two_over_pi * inside;
}

}  // namespace

namespace {

// The phase of Hankel's expansions, x - (2n + 1) pi/4 + psi, as v + m pi/2
// with |v| <= pi/4 (a hair more) and m mod 4. Near a zero of J_n or Y_n, v
// is near zero, and it must keep its relative precision there: for x below
// 2^24, x - k pi/4 for the odd k nearest x/(pi/4) is reduced by Cody and
// Waite's method with pi/4 in seven pieces (k * piece exact, the first two
// subtractions exact), to about 2^-135 absolute; above, the doubles are
// 2^-28 apart or more and the trigonometric functions' reduction (2^-106
// relative to its remainder) keeps the results near the zeros within 2^-20
// ulp of what they would be.
struct phase {
    double_double v;
    unsigned m;
};

phase hankel_phase(double n, double x, double_double psi) noexcept {
    // n mod 4 (n < 2^31), for the quadrant arithmetic
    unsigned n_mod_4 = static_cast<unsigned>(n - 4.0 * trunc(n * 0.25));
    if (x < 0x1p24) {
        double j = round((x * 1.2732395447351628 - 1.0) * 0.5);  // x / (pi/4) = 2j + 1
        double k = 2.0 * j + 1.0;
        double first = x - k * pi_over_four_pieces[0];  // exact (Sterbenz)
        double_double w = two_sum(first, -k * pi_over_four_pieces[1]);
        for (int i = 2; i < 7; ++i) w = w + (-k * pi_over_four_pieces[i]);
        // x - (2n + 1) pi/4 + psi = w + psi + (k - 2n - 1) pi/4, and
        // (k - 2n - 1)/2 = j - n.
        unsigned m = (static_cast<unsigned>(static_cast<long long>(j) & 3) + 4 - n_mod_4) & 3;
        return {w + psi, m};
    }
    // x = q pi/2 + r: the phase is r - pi/4 + psi + (q - n) pi/2.
    reduced_angle angle = reduce_any(x);
    double_double v = angle.r - scale(half_pi, 0.5) + psi;
    unsigned m = (angle.quadrant + 4 - n_mod_4) & 3;
    if (v.hi < -0.7853981633974483) {
        v = v + half_pi;
        m = (m + 3) & 3;
    }
    return {v, m};
}

}  // namespace

bessel_pair bessel_hankel(double n, double x) noexcept {
    // P = sum (-1)^k a_2k / x^2k, Q = sum (-1)^k a_(2k+1) / x^(2k+1), with
    // a_k / x^k = a_(k-1) / x^(k-1) * (4n^2 - (2k-1)^2) / (8 k x).
    double_double mu = two_product(2.0 * n, 2.0 * n);
    // 1/(8x), with x scaled down first: a double-double division multiplies
    // by x, which Dekker's product cannot above 2^996.
    double_double inverse_8x = scale(dd(1.0) / dd(x * 0x1p-128), 0x1p-131);
    double_double term = dd(1.0);
    double_double p = dd(1.0);
    double_double q = dd(0.0);
    for (int k = 1; k < 200; ++k) {
        double odd = 2.0 * k - 1.0;
        term = (mu - odd * odd) * term * inverse_8x / dd(k);
        // The signs run +Q, -P, -Q, +P for k = 1, 2, 3, 4 (mod 4).
        switch (k & 3) {
            case 1: q = q + term; break;
            case 2: p = p - term; break;
            case 3: q = q - term; break;
            default: p = p + term; break;
        }
        if (magnitude(term.hi) < 0x1p-112) break;
    }
    // P cos(chi) - Q sin(chi) = M cos(chi + psi) and P sin(chi) + Q cos(chi)
    // = M sin(chi + psi), with M = sqrt(P^2 + Q^2) and psi = atan(Q/P), |Q/P|
    // below 1/100 (the arctangent's Taylor series, math_tables.hpp).
    double_double u = q / p;
    double_double u2 = u * u;
    double_double psi = u + u * u2 * polynomial(u2, atan_taylor, 11);
    double_double modulus = sqrt(p * p + q * q);
    phase angle = hankel_phase(n, x, psi);
    double_double s = sin_kernel(angle.v);
    double_double c = cos_kernel(angle.v);
    double_double cosine;  // cos(v + m pi/2)
    double_double sine;    // sin(v + m pi/2)
    switch (angle.m) {
        case 0: cosine = c; sine = s; break;
        case 1: cosine = -s; sine = c; break;
        case 2: cosine = -c; sine = -s; break;
        default: cosine = s; sine = -c; break;
    }
    // M / sqrt(pi x / 2); x/2 is exact, where 2/x could be subnormal.
    double_double amplitude = inverse_sqrt_pi / sqrt(dd(x * 0.5)) * modulus;
    return {amplitude * cosine, amplitude * sine};
}

double_double bessel_j0(double x) noexcept {
    if (x >= asymptotic_threshold) return bessel_hankel(0.0, x).j;
    if (x < j_series_limit) return power_series(0, x, false).j;
    int index;
    return around_zero(nearest_zero(j0_zeros, x, &index), 0.0, x);
}

double_double bessel_j1(double x) noexcept {
    if (x >= asymptotic_threshold) return bessel_hankel(1.0, x).j;
    if (x < j_series_limit) return power_series(1, x, false).j * (x * 0.5);
    int index;
    return around_zero(nearest_zero(j1_zeros, x, &index), 1.0, x);
}

double_double bessel_y0(double x) noexcept {
    if (x >= asymptotic_threshold) return bessel_hankel(0.0, x).y;
    int index;
    const bessel_zero& zero = nearest_zero(y0_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > near_zero) return y0_series(x);
    return around_zero(zero, 0.0, x);
}

double_double bessel_y1(double x) noexcept {
    if (x >= asymptotic_threshold) return bessel_hankel(1.0, x).y;
    int index;
    const bessel_zero& zero = nearest_zero(y1_zeros, x, &index);
    if (index < 2 && magnitude(x - zero.x[0]) > near_zero) return y1_series(x);
    return around_zero(zero, 1.0, x);
}

namespace {

// Below 2^-27, J0(x) = 1 - x^2/4 rounds to 1; below 2^-60, J1(x) = x/2 (1 -
// x^2/8) rounds as x/2 does, and Y1(x) = -2/(pi x) (plus x log(x)/pi, below
// 2^-110 of it).
constexpr double j0_tiny = 0x1p-27;
constexpr double bessel_tiny = 0x1p-60;

}  // namespace

double j0(double x) noexcept {
    if (is_nan(x)) return x + x;
    double ax = magnitude(x);
    if (is_inf(ax)) return 0.0;
    if (ax < j0_tiny) return ax == 0.0 ? 1.0 : 1.0 - 0x1p-60;  // 1, inexact
    return bessel_j0(ax).hi;
}

double j1(double x) noexcept {
    if (is_nan(x)) return x + x;
    double ax = magnitude(x);
    if (is_inf(ax)) return with_sign_of(0.0, x);
    double result;
    if (ax < bessel_tiny) {
        // x/2, rounded as glibc's (a subnormal half rounds to even, and the
        // half of the smallest subnormal underflows to zero), with its sign
        // before the rounding: -0 upward from a negative x, with ERANGE.
        result = x * 0.5;
        if (result == 0.0 && ax != 0.0) errno = ERANGE;
        return result;
    } else {
        result = bessel_j1(ax).hi;
    }
    return sign_of(x) ? -result : result;
}

double y0(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x == 0.0) {
        errno = ERANGE;  // a pole: -inf with divide-by-zero
        return pole(true);
    }
    if (x < 0.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (is_inf(x)) return 0.0;
    return bessel_y0(x).hi;
}

double y1(double x) noexcept {
    if (is_nan(x)) return x + x;
    if (x == 0.0) {
        errno = ERANGE;
        return pole(true);
    }
    if (x < 0.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (is_inf(x)) return 0.0;
    return signed_y1(x, false);
}

double signed_y1(double x, bool negate) noexcept {
    if (x < bessel_tiny) {
        // -(2/pi) / x, rounded once with its sign (-DBL_MAX upward, -inf
        // downward, where -(2/pi) / x overflows below about 2^-1024).
        int exponent;
        double m = frexp(x, &exponent);
        double_double value = two_over_pi / dd(m);
        double result = round_scaled(negate ? value : -value, -exponent);
        if (is_inf(result)) errno = ERANGE;
        return result;
    }
    double y = bessel_y1(x).hi;
    return negate ? -y : y;
}

}  // namespace lwp::libc::math
