// j0l, j1l, y0l, y1l, jnl, ynl: the Bessel functions for long double, the
// double ones' method (math_bessel.cpp, math_bessel_integer_order.cpp) one
// precision up, in long-double-double and rounded once.
//
// Orders 0 and 1, by the size of x > 0:
//  - small x: the power series in q = x^2/4 (J below 2; Y up to the midpoint
//    of its second and third zeros, except within 1/4 of a zero), Y's with
//    the harmonic numbers and log(x/2) + gamma;
//  - up to 50: the Taylor series around the nearest zero z (tabulated to 192
//    bits with the slope there, math_long_double_bessel_tables.hpp), its
//    coefficients from Bessel's equation, so that the value keeps its
//    relative precision as x approaches the zero;
//  - from 50 on: Hankel's expansions, M cos(chi + psi) / sqrt(pi x / 2) and
//    M sin(chi + psi) / sqrt(pi x / 2) with chi = x - (2n + 1) pi/4, P and Q
//    summed until their terms fall below 2^-132 (at x = 50 the smallest term
//    is 2^-148). The phase is reduced so that near a zero it keeps its
//    relative precision: below 2^32 as x minus the nearest odd multiple of
//    pi/4 with pi/4 in eight pieces (Cody and Waite), above by the
//    trigonometric functions' exact reduction modulo pi/2, so that
//    J0(1e4000L) is as accurate as J0(60).
// Integer orders n >= 2: Hankel's expansion where x is far beyond n^2; else
// the recurrence upwards from orders 0 and 1 for Y_n, and for J_n with
// x >= n; for J_n with x < n Miller's method backwards from the continued
// fraction of J_n/J_n-1, normalised by the larger of J0 and J1. The
// recurrence values carry a power of two so that they stay within the range
// where Dekker's products are exact.
#include <errno.h>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bessel_tables.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_long_double_gamma_tables.hpp"  // euler_gamma
#include "runtime/libc/math_long_double_kernels.hpp"
#include "runtime/libc/math_long_double_tables.hpp"

namespace lwp::libc::math {

namespace {

namespace t = long_tables;

constexpr long double hankel_threshold = 50.0L;
// Below 2 the power series of J0 and J1 lose a few bits at most.
constexpr long double j_series_limit = 2.0L;
// Within this distance of their first two zeros, Y0 and Y1 come from the
// series around the zero.
constexpr long double near_zero = 0.25L;

long double rounded_bessel(long_double_double v) noexcept { return v.hi + v.lo; }

template <int N>
const t::long_bessel_zero& nearest_zero(const t::long_bessel_zero (&zeros)[N], long double x,
                                        int* index) noexcept {
    int best = 0;
    for (int i = 1; i < N; ++i) {
        if (long_magnitude(x - zeros[i].x[0]) < long_magnitude(x - zeros[best].x[0])) best = i;
    }
    *index = best;
    return zeros[best];
}

// The solution of Bessel's equation of order nu that vanishes at the zero
// with the tabulated slope, at x: its Taylor series in t = x - zero,
// u[n] = c[n] t^n with
//   z^2 (n+1)(n+2) c[n+2] = -(z (n+1)(2n+1) c[n+1] + (n^2 + z^2 - nu^2) c[n]
//                             + 2z c[n-1] + c[n-2]),
// summed until two terms in a row are below 2^-130 of the sum.
long_double_double around_zero(const t::long_bessel_zero& zero, long double nu_squared,
                               long double x) noexcept {
    long_double_double t = (two_sum(x, -zero.x[0]) - zero.x[1]) - zero.x[2];
    long_double_double a = fast_two_sum(zero.x[0], zero.x[1]);
    long_double_double at = a * t;
    long_double_double t2 = t * t;
    long_double_double a2t2 = at * at;
    long_double_double t3 = scale(at * t2, 2.0L);  // 2 a t^3
    long_double_double t4 = t2 * t2;
    long_double_double inverse_a2 = ldd(1.0L) / (a * a);
    long_double_double u_minus2 = ldd(0.0L);
    long_double_double u_minus1 = ldd(0.0L);
    long_double_double u0 = ldd(0.0L);
    long_double_double u1 = zero.slope * t;
    long_double_double sum = u1;
    for (int n = 0; n < 400; ++n) {
        long double k = n;
        long_double_double s = at * u1 * ((k + 1.0L) * (2.0L * k + 1.0L)) +
                               (t2 * (k * k - nu_squared) + a2t2) * u0 + t3 * u_minus1 + t4 * u_minus2;
        long_double_double u2 = -(s * inverse_a2) / ldd((k + 1.0L) * (k + 2.0L));
        sum = sum + u2;
        u_minus2 = u_minus1;
        u_minus1 = u0;
        u0 = u1;
        u1 = u2;
        if (n >= 2 && long_magnitude(u1.hi) + long_magnitude(u0.hi) < 0x1p-130L * long_magnitude(sum.hi)) break;
    }
    return sum;
}

// The power series. For order 0: J0 = sum (-q)^k / k!^2 and Y's second sum
// sum (-1)^(k+1) H_k q^k / k!^2; for order 1: J1 / (x/2) = sum (-q)^k /
// (k! (k+1)!) and sum (-1)^k (2 H_k + 1/(k+1)) q^k / (k! (k+1)!).
struct series_sums {
    long_double_double j;
    long_double_double extra;
};

series_sums power_series(int order, long double x, bool harmonic) noexcept {
    long_double_double q = scale(two_product(x, x), 0.25L);
    long_double_double term = ldd(1.0L);
    long_double_double j = term;
    long_double_double harmonic_number = ldd(0.0L);
    long_double_double extra = order == 0 ? ldd(0.0L) : term;
    for (int k = 1; k < 300; ++k) {
        long double kk = k;
        term = -(term * q) / ldd(kk * (kk + order));
        j = j + term;
        if (harmonic) {
            harmonic_number = harmonic_number + ldd(1.0L) / ldd(kk);
            if (order == 0) {
                extra = extra - harmonic_number * term;
            } else {
                extra = extra + (scale(harmonic_number, 2.0L) + ldd(1.0L) / ldd(kk + 1.0L)) * term;
            }
        }
        if (kk * kk > q.hi && long_magnitude(term.hi) < 0x1p-130L * long_magnitude(j.hi)) break;
    }
    return {j, extra};
}

long_double_double log_half_plus_gamma(long double x) noexcept {
    return (log_of_long(ldd(x)) - t::ln2) + t::euler_gamma;
}

long_double_double y0_series(long double x) noexcept {
    series_sums s = power_series(0, x, true);
    return t::two_over_pi * (log_half_plus_gamma(x) * s.j + s.extra);
}

long_double_double y1_series(long double x) noexcept {
    series_sums s = power_series(1, x, true);
    long_double_double j1 = s.j * (x * 0.5L);
    long_double_double inside = log_half_plus_gamma(x) * j1 - ldd(1.0L) / ldd(x) - s.extra * (x * 0.25L);
    return t::two_over_pi * inside;
}

struct bessel_pair {
    long_double_double j;
    long_double_double y;
};

// J_n(x) and Y_n(x) from Hankel's expansions, for x >= 50 with the terms
// decreasing below 2^-132 (x far beyond n^2 for n >= 2).
bessel_pair bessel_hankel(long double n, long double x) noexcept {
    // a_k / x^k = a_(k-1) / x^(k-1) * (4n^2 - (2k-1)^2) / (8 k x).
    long_double_double mu = two_product(2.0L * n, 2.0L * n);
    // 1/(8x), x scaled down first so that the division's products stay in
    // the range where Dekker's are exact.
    long_double_double inverse_8x = scale(ldd(1.0L) / ldd(x * 0x1p-128L), 0x1p-131L);
    long_double_double term = ldd(1.0L);
    long_double_double p = ldd(1.0L);
    long_double_double q = ldd(0.0L);
    for (int k = 1; k < 300; ++k) {
        long double odd = 2.0L * k - 1.0L;
        term = (mu - odd * odd) * term * inverse_8x / ldd(static_cast<long double>(k));
        switch (k & 3) {  // +Q, -P, -Q, +P
            case 1: q = q + term; break;
            case 2: p = p - term; break;
            case 3: q = q - term; break;
            default: p = p + term; break;
        }
        if (long_magnitude(term.hi) < 0x1p-132L) break;
    }
    // P cos(chi) - Q sin(chi) = M cos(chi + psi), P sin(chi) + Q cos(chi) =
    // M sin(chi + psi): M = sqrt(P^2 + Q^2), psi = atan(Q/P), P > 0.
    long_double_double psi = atan_ratio_long(q.hi < 0.0L ? -q : q, p);
    if (q.hi < 0.0L) psi = -psi;
    long_double_double modulus = sqrt(p * p + q * q);
    long_double_double v;
    unsigned m;
    unsigned n_mod_4 = static_cast<unsigned>(n - 4.0L * truncl(n * 0.25L));
    if (x < 0x1p32L) {
        // x - k pi/4 for the odd k nearest x/(pi/4), k = 2j + 1, with pi/4 in
        // pieces whose products with k are exact: the first difference is
        // exact (Sterbenz), and near a zero, where the phase
        // w + psi + (j - n) pi/2 is near a multiple of pi/2, w is near -psi
        // and keeps about 200 bits.
        long double j = lwp::arch::x87::round_to_integer((x * 1.27323954473516268615L - 1.0L) * 0.5L);
        long double k = 2.0L * j + 1.0L;
        long double first = x - k * t::quarter_pi_pieces[0];
        long_double_double w = two_sum(first, -k * t::quarter_pi_pieces[1]);
        for (int i = 2; i < 8; ++i) w = w + (-k * t::quarter_pi_pieces[i]);
        v = w + psi;
        m = (static_cast<unsigned>(static_cast<long long>(j) & 3) + 4u - n_mod_4) & 3u;
    } else {
        // x = quadrant pi/2 + r: the phase is r - pi/4 + psi + (quadrant -
        // n) pi/2. r's absolute error, near 2^-128, would show only at a
        // long double within about 2^-64 of a zero; they are 2^-31 apart or
        // more here.
        long_quadrant_angle angle = reduce_quadrant_long(x);
        m = (angle.quadrant + 4u - n_mod_4) & 3u;
        v = (angle.r - t::quarter_pi) + psi;
        if (v.hi < -0.78539816339744830962L) {
            v = v + t::half_pi;
            m = (m + 3u) & 3u;
        }
    }
    long_sine_cosine sc = sin_cos_reduced_long(v);
    long_double_double cosine;  // cos(v + m pi/2)
    long_double_double sine;    // sin(v + m pi/2)
    switch (m) {
        case 0: cosine = sc.cosine; sine = sc.sine; break;
        case 1: cosine = -sc.sine; sine = sc.cosine; break;
        case 2: cosine = -sc.cosine; sine = -sc.sine; break;
        default: cosine = sc.sine; sine = -sc.cosine; break;
    }
    // M / sqrt(pi x / 2) = M / (sqrt(pi) sqrt(x/2)); x/2 exact.
    long_double_double amplitude = t::inverse_sqrt_pi / sqrt(ldd(x * 0.5L)) * modulus;
    return {amplitude * cosine, amplitude * sine};
}

long_double_double bessel_j0(long double x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(0.0L, x).j;
    if (x < j_series_limit) return power_series(0, x, false).j;
    int index;
    return around_zero(nearest_zero(t::j0_zeros, x, &index), 0.0L, x);
}

long_double_double bessel_j1(long double x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(1.0L, x).j;
    if (x < j_series_limit) return power_series(1, x, false).j * (x * 0.5L);
    int index;
    return around_zero(nearest_zero(t::j1_zeros, x, &index), 1.0L, x);
}

long_double_double bessel_y0(long double x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(0.0L, x).y;
    int index;
    const t::long_bessel_zero& zero = nearest_zero(t::y0_zeros, x, &index);
    if (index < 2 && long_magnitude(x - zero.x[0]) > near_zero) return y0_series(x);
    return around_zero(zero, 0.0L, x);
}

long_double_double bessel_y1(long double x) noexcept {
    if (x >= hankel_threshold) return bessel_hankel(1.0L, x).y;
    int index;
    const t::long_bessel_zero& zero = nearest_zero(t::y1_zeros, x, &index);
    if (index < 2 && long_magnitude(x - zero.x[0]) > near_zero) return y1_series(x);
    return around_zero(zero, 1.0L, x);
}

// Below 2^-33, J0(x) = 1 - x^2/4 rounds to 1; below 2^-70, J1(x) = x/2 (1 -
// x^2/8) rounds as x/2, and Y1(x) = -2/(pi x) (x log(x)/pi is below 2^-130
// of it).
constexpr long double j0_tiny = 0x1p-33L;
constexpr long double bessel_tiny = 0x1p-70L;

// value * 2^exponent rounded once, any sign and size (overflow to inf,
// underflow to 0, subnormals rounded once).
long double round_any(long_double_double value, int exponent) noexcept {
    if (value.hi == 0.0L) return value.hi;
    int e;
    frexpl(value.hi, &e);
    long double power = long_power_of_two(-e);
    long_double_double normalized = {value.hi * power, value.lo * power};
    // Signed: round_scaled_long rounds a negative value as the signed one.
    return round_scaled_long(normalized, exponent + e);
}

// Y1(x), or -Y1(x) for `negate` (ynl(-1, x)), rounded once as the signed
// value, for a finite x > 0: below about 2^-16384, -(2/pi)/x overflows to
// -inf or +inf, or to the largest long double of its sign, as the direction
// has it (ERANGE).
long double signed_y1(long double x, bool negate) noexcept {
    if (x < bessel_tiny) {
        int exponent;
        long double mantissa = frexpl(x, &exponent);
        long_double_double value = t::two_over_pi / ldd(mantissa);
        long double result = round_any(negate ? value : -value, -exponent);
        if (long_is_inf(result)) errno = ERANGE;
        return result;
    }
    long_double_double y = bessel_y1(x);
    return rounded_bessel(negate ? -y : y);
}

}  // namespace

long double j0l(long double x) noexcept {
    if (x != x) return x + x;
    long double ax = long_magnitude(x);
    if (long_is_inf(ax)) return 0.0L;
    if (ax < j0_tiny) return ax == 0.0L ? 1.0L : 1.0L - 0x1p-70L;  // 1, inexact
    return rounded_bessel(bessel_j0(ax));
}

long double j1l(long double x) noexcept {
    if (x != x) return x + x;
    long double ax = long_magnitude(x);
    if (long_is_inf(ax)) return long_with_sign_of(0.0L, x);
    long double result;
    if (ax < bessel_tiny) {
        if (x == 0.0L) return x;
        // x/2 (1 - x^2/8): x/2 less a little, rounded once as the signed
        // value (a subnormal result underflows, though x/2 may be exact);
        // one that rounds to zero glibc reports.
        result = tiny_quotient_less_a_little(x, 2.0L);
        if (result == 0.0L) errno = ERANGE;
        return result;
    } else {
        result = rounded_bessel(bessel_j1(ax));
    }
    return long_sign(x) ? -result : result;
}

long double y0l(long double x) noexcept {
    if (x != x) return x + x;
    if (x == 0.0L) {
        errno = ERANGE;
        return long_pole(true);
    }
    if (x < 0.0L) {
        errno = EDOM;
        return -long_invalid_nan();  // glibc's NaN here is positive
    }
    if (long_is_inf(x)) return 0.0L;
    return rounded_bessel(bessel_y0(x));
}

long double y1l(long double x) noexcept {
    if (x != x) return x + x;
    if (x == 0.0L) {
        errno = ERANGE;
        return long_pole(true);
    }
    if (x < 0.0L) {
        errno = EDOM;
        return -long_invalid_nan();  // glibc's NaN here is positive
    }
    if (long_is_inf(x)) return 0.0L;
    return signed_y1(x, false);
}

namespace {

// Hankel's series of order n converges at once when 4n^2/(8x) < 2^-21.
bool hankel_applies(long double n, long double x) noexcept {
    return x >= hankel_threshold && x >= 0x1p20L * (n * n + 1.0L);
}

// Recurrence values are rescaled by 2^-7000 before a step when they are
// above 2^7000: with 2k/x below 2^8300 (x >= 2^-8200 for Y_n; for J_n, x
// above about 2^-8296, below which (x/2)^n/n! underflows), every product
// stays below 2^15300, where Dekker's products are exact.
constexpr long double rescale_limit = 0x1p7000L;
constexpr long double rescale_factor = 0x1p-7000L;
constexpr int rescale_exponent = 7000;

long_double_double two_k_over_x(long_double_double inverse_x, long double k) noexcept {
    return scale(inverse_x * k, 2.0L);
}

long double jn_positive(long double n, long double x) noexcept {
    if (hankel_applies(n, x)) return rounded_bessel(bessel_hankel(n, x).j);
    if (x >= n) {
        long_double_double inverse_x = ldd(1.0L) / ldd(x);
        long_double_double previous = bessel_j0(x);
        long_double_double current = bessel_j1(x);
        for (long double k = 1.0L; k < n; k += 1.0L) {
            long_double_double next = two_k_over_x(inverse_x, k) * current - previous;
            previous = current;
            current = next;
        }
        return rounded_bessel(current);
    }
    // log((x/2)^n / n!) <= n (log(x/2) - log(n) + 1) - log(2 pi n)/2
    // (Stirling's bound for n!): below -11500, J_n(x) < 2^-16590, under half
    // the smallest subnormal.
    // (log x - log 2, not log(x/2): half the least subnormal is 0, whose log
    // would raise divide-by-zero.)
    long double bound = n * (logl(x) - 0.69314718055994530942L - logl(n) + 1.0L) -
                        0.5L * logl(6.283185307179586477L * n);
    if (bound < -11500.0L) {
        errno = ERANGE;
        return long_underflow_value(false);
    }
    long_double_double inverse_x = ldd(1.0L) / ldd(x);
    // h = J_n-1 / J_n = b_n - 1/(b_n+1 - 1/(b_n+2 - ...)), b_k = 2k/x, by
    // Lentz's method.
    long_double_double ratio = two_k_over_x(inverse_x, n);
    long_double_double c = ratio;
    long_double_double d = ldd(0.0L);
    for (long double k = n + 1.0L; k < n + 200000.0L; k += 1.0L) {
        long_double_double b = two_k_over_x(inverse_x, k);
        d = ldd(1.0L) / (b - d);
        c = b - ldd(1.0L) / c;
        long_double_double delta = c * d;
        ratio = ratio * delta;
        if (long_magnitude((delta - 1.0L).hi) < 0x1p-128L) break;
    }
    // Backwards from f_n = 1, f_n-1 = h: f_k-1 = b_k f_k - f_k+1.
    long_double_double upper = ldd(1.0L);
    long_double_double current = ratio;
    int exponent = 0;  // the true f are the stored ones times 2^exponent
    for (long double k = n - 1.0L; k >= 1.0L; k -= 1.0L) {
        if (long_magnitude(current.hi) > rescale_limit) {
            current = scale(current, rescale_factor);
            upper = scale(upper, rescale_factor);
            exponent += rescale_exponent;
        }
        long_double_double next = two_k_over_x(inverse_x, k) * current - upper;
        upper = current;
        current = next;
    }
    // J_n = J0 / f_0 = J1 / f_1, from the larger of J0 and J1 (no common
    // zero, so the larger keeps its relative precision).
    long_double_double j0 = bessel_j0(x);
    long_double_double j1 = bessel_j1(x);
    long_double_double value = long_magnitude(j0.hi) >= long_magnitude(j1.hi) ? j0 / current : j1 / upper;
    long double result = round_any(value, -exponent);
    if (result == 0.0L) errno = ERANGE;
    return result;
}

// Y_n(x), or -Y_n(x) for `negate`, rounded once as the signed value.
long double yn_positive(long double n, long double x, bool negate) noexcept {
    if (hankel_applies(n, x)) {
        long_double_double y = bessel_hankel(n, x).y;
        return rounded_bessel(negate ? -y : y);
    }
    // |Y_n(x)| >= |Y_2(x)| > 4/(pi x^2) > 2^16400 here.
    if (x < 0x1p-8200L) {
        errno = ERANGE;
        return long_overflow_value(!negate);
    }
    long_double_double inverse_x = ldd(1.0L) / ldd(x);
    long_double_double previous = bessel_y0(x);
    long_double_double current = x < bessel_tiny ? -(t::two_over_pi * inverse_x) : bessel_y1(x);
    int exponent = 0;
    for (long double k = 1.0L; k < n; k += 1.0L) {
        // (Y1 itself may be above the limit: near 2^8200 for the smallest x.)
        if (long_magnitude(current.hi) > rescale_limit) {
            if (exponent >= 3 * rescale_exponent) break;  // beyond the range, and growing
            current = scale(current, rescale_factor);
            previous = scale(previous, rescale_factor);
            exponent += rescale_exponent;
        }
        long_double_double next = two_k_over_x(inverse_x, k) * current - previous;
        previous = current;
        current = next;
    }
    long double result = round_any(negate ? -current : current, exponent);
    if (long_is_inf(result)) errno = ERANGE;
    return result;
}

}  // namespace

long double jnl(int n, long double x) noexcept {
    if (x != x) return x + x;
    long long order = n;  // -INT_MIN fits
    bool negate = false;
    if (order < 0) {
        order = -order;
        negate = (order & 1) != 0;
    }
    if (long_sign(x)) {
        x = -x;
        if ((order & 1) != 0) negate = !negate;
    }
    if (order == 0) return j0l(x);
    // J_1 and J_-1 = -J_1 from j1l of the signed argument, so that a directed
    // rounding rounds the signed value (J_1(-x) = -J_1(x)).
    if (order == 1) return j1l(negate ? -x : x);
    long double result;
    if (x == 0.0L || long_is_inf(x)) {
        result = 0.0L;
    } else {
        result = jn_positive(static_cast<long double>(order), x);
    }
    return negate ? -result : result;
}

long double ynl(int n, long double x) noexcept {
    if (x != x) return x + x;
    long long order = n;
    bool negate = false;
    if (order < 0) {
        order = -order;
        negate = (order & 1) != 0;
    }
    if (x == 0.0L) {
        errno = ERANGE;  // a pole: -inf, +inf for the negative odd orders
        return long_pole(!negate);
    }
    if (x < 0.0L) {
        errno = EDOM;
        return -long_invalid_nan();  // glibc's NaN here is positive
    }
    if (order == 0) return y0l(x);
    // The sign goes on before the one rounding (ynl(-1, x) rounding
    // downward overflows to LDBL_MAX, not +inf).
    if (order == 1) return long_is_inf(x) ? (negate ? -0.0L : 0.0L) : signed_y1(x, negate);
    if (long_is_inf(x)) return 0.0L;
    return yn_positive(static_cast<long double>(order), x, negate);
}

}  // namespace lwp::libc::math
