// jn and yn: the Bessel functions of integer order n, from the double-double
// kernels of orders 0 and 1 (math_bessel.cpp).
//
// Method, for n >= 2 and x > 0 (J_-n = (-1)^n J_n, J_n(-x) = (-1)^n J_n(x),
// Y_-n = (-1)^n Y_n):
//  - x far beyond n^2: Hankel's expansion of order n directly (a few terms);
//  - Y_n: the recurrence Y_k+1 = (2k/x) Y_k - Y_k-1 upwards from Y0 and Y1,
//    which is stable (Y_k grows with k beyond x, and neither solution
//    dominates below); the values carry a power of two so that they never
//    leave the double-double range, and Y_n's overflow is found early;
//  - J_n for x >= n: the same recurrence upwards from J0 and J1;
//  - J_n for x < n, where upwards the recurrence would lose J_n to the
//    growing Y_n: Miller's method, backwards from J_n/J_n-1 (its continued
//    fraction, by Lentz's method) down to J_1 and J_0, and scaled by the
//    larger of the kernels' J0(x) and J1(x). Before that, J_n(x) <=
//    (x/2)^n/n! tells the results below half the smallest subnormal.
// The cost grows with n (one step of the recurrence per order, as glibc's),
// except where the result is certain to underflow or overflow.
// The results are within about half an ulp (12,000 random arguments with n
// up to 300, checked with mpmath), except near the zeros of J_n and Y_n
// (x > n), where the recurrence's absolute error, about 2^-99 of the
// function's amplitude, shows as a relative one: 2272 ulps at the double
// nearest a zero of Y_5, 6.7472 (glibc's ynl is 9 * 10^13 ulps off there).
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bessel.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"

namespace lwp::libc::math {

namespace {

// Hankel's series of order n converges at once when 4n^2/(8x) < 2^-21.
bool hankel_applies(double n, double x) noexcept { return x >= 45.0 && x >= 0x1p20 * (n * n + 1.0); }

// Recurrence values are rescaled by 2^-400 when they pass 2^400: with the
// factor 2k/x below 2^541 (x >= 2^-500 and k < 2^31), every double-double
// product stays below 2^995, where Dekker's products are exact.
constexpr double rescale_limit = 0x1p400;
constexpr double rescale_factor = 0x1p-400;

// value * 2^exponent rounded once, any sign, overflow and underflow included.
double round_any(double_double value, int exponent) noexcept {
    if (value.hi == 0.0) return value.hi;
    int e;
    frexp(value.hi, &e);
    double_double normalized = {scale_exactly(value.hi, -e), scale_exactly(value.lo, -e)};
    return round_scaled(normalized, exponent + e);  // signed: rounded as the signed value
}

// 2k/x from a double-double 1/x.
double_double two_k_over_x(double_double inverse_x, double k) noexcept { return scale(inverse_x * k, 2.0); }

double jn_positive(double n, double x) noexcept {
    if (hankel_applies(n, x)) return bessel_hankel(n, x).j.hi;
    if (x >= n) {
        double_double inverse_x = dd(1.0) / dd(x);
        double_double previous = bessel_j0(x);
        double_double current = bessel_j1(x);
        for (double k = 1.0; k < n; k += 1.0) {
            double_double next = two_k_over_x(inverse_x, k) * current - previous;
            previous = current;
            current = next;
        }
        return current.hi;
    }
    // log((x/2)^n / n!) <= n (log(x/2) - log(n) + 1) - log(2 pi n)/2 (Stirling's
    // lower bound for n!): below -750, J_n(x) < 2^-1080.
    // (log x - log 2, not log(x/2): half the least subnormal is 0, whose log
    // would raise divide-by-zero; and 1/x, which overflows for a subnormal x,
    // only after this test.)
    double bound = n * (log(x) - 0.6931471805599453 - log(n) + 1.0) -
                   0.5 * log(6.283185307179586 * n);
    if (bound < -750.0) {
        errno = ERANGE;
        return underflow_value(false);
    }
    double_double inverse_x = dd(1.0) / dd(x);
    // h = J_n-1 / J_n = b_n - 1/(b_n+1 - 1/(b_n+2 - ...)), b_k = 2k/x.
    double_double ratio = two_k_over_x(inverse_x, n);
    double_double c = ratio;
    double_double d = dd(0.0);
    for (double k = n + 1.0; k < n + 100000.0; k += 1.0) {
        double_double b = two_k_over_x(inverse_x, k);
        d = dd(1.0) / (b - d);
        c = b - dd(1.0) / c;
        double_double delta = c * d;
        ratio = ratio * delta;
        if (magnitude((delta - 1.0).hi) < 0x1p-110) break;
    }
    // Backwards from f_n = 1, f_n-1 = h: f_k-1 = b_k f_k - f_k+1.
    double_double upper = dd(1.0);  // f_k+1
    double_double current = ratio;  // f_k
    int exponent = 0;               // the true f are the stored ones times 2^exponent
    for (double k = n - 1.0; k >= 1.0; k -= 1.0) {
        if (magnitude(current.hi) > rescale_limit) {
            current = scale(current, rescale_factor);
            upper = scale(upper, rescale_factor);
            exponent += 400;
        }
        double_double next = two_k_over_x(inverse_x, k) * current - upper;
        upper = current;
        current = next;
    }
    // J_n = f_n J0/f_0 = f_n J1/f_1, from the larger of J0 and J1 (they have
    // no common zero, so the larger keeps its relative precision).
    double_double j0 = bessel_j0(x);
    double_double j1 = bessel_j1(x);
    double_double value = magnitude(j0.hi) >= magnitude(j1.hi) ? j0 / current : j1 / upper;
    double result = round_any(value, -exponent);
    if (result == 0.0) errno = ERANGE;
    return result;
}

// Y_n(x), or -Y_n(x) for `negate`, rounded once as the signed value.
double yn_positive(double n, double x, bool negate) noexcept {
    if (hankel_applies(n, x)) {
        double y = bessel_hankel(n, x).y.hi;
        return negate ? -y : y;
    }
    // |Y_n(x)| >= |Y_2(x)| > 4/(pi x^2) > 2^999 here.
    if (x < 0x1p-500) {
        errno = ERANGE;
        return overflow_value(!negate);
    }
    double_double inverse_x = dd(1.0) / dd(x);
    double_double previous = bessel_y0(x);
    double_double current = bessel_y1(x);
    int exponent = 0;
    for (double k = 1.0; k < n; k += 1.0) {
        double_double next = two_k_over_x(inverse_x, k) * current - previous;
        previous = current;
        current = next;
        if (magnitude(current.hi) > rescale_limit) {
            current = scale(current, rescale_factor);
            previous = scale(previous, rescale_factor);
            exponent += 400;
            if (exponent > 1200) break;  // beyond the doubles already, and growing
        }
    }
    double result = round_any(negate ? -current : current, exponent);
    if (is_inf(result)) errno = ERANGE;
    return result;
}

}  // namespace

double jn(int n, double x) noexcept {
    if (is_nan(x)) return x + x;
    long long order = n;  // -INT_MIN fits
    bool negate = false;
    if (order < 0) {
        order = -order;
        negate = (order & 1) != 0;
    }
    if (sign_of(x)) {
        x = -x;
        if ((order & 1) != 0) negate = !negate;
    }
    if (order == 0) return j0(x);
    // J_1 and J_-1 = -J_1 from j1 of the signed argument, so that a directed
    // rounding rounds the signed value (J_1(-x) = -J_1(x)).
    if (order == 1) return j1(negate ? -x : x);
    double result;
    if (x == 0.0 || is_inf(x)) {
        result = 0.0;
    } else {
        result = jn_positive(static_cast<double>(order), x);
    }
    return negate ? -result : result;
}

double yn(int n, double x) noexcept {
    if (is_nan(x)) return x + x;
    long long order = n;
    bool negate = false;
    if (order < 0) {
        order = -order;
        negate = (order & 1) != 0;
    }
    if (x == 0.0) {
        errno = ERANGE;  // a pole: -inf, or +inf for the negative odd orders
        return pole(!negate);
    }
    if (x < 0.0) {
        errno = EDOM;
        return invalid_nan();
    }
    if (order == 0) return y0(x);
    // The sign goes on before the one rounding (yn(-1, x) rounding downward
    // overflows to DBL_MAX, not +inf).
    if (order == 1) return is_inf(x) ? (negate ? -0.0 : 0.0) : signed_y1(x, negate);
    // glibc gives +0 at +inf for every order from 2 on (either sign of n).
    if (is_inf(x)) return 0.0;
    return yn_positive(static_cast<double>(order), x, negate);
}

}  // namespace lwp::libc::math
