// jnf128 and ynf128: the Bessel functions of integer order for _Float128,
// the long double ones' method (math_long_double_bessel.cpp) in binary128
// pairs over the kernels of orders 0 and 1 (math_float128_bessel.cpp).
//
// For n >= 2 and x > 0 (J_-n = (-1)^n J_n, J_n(-x) = (-1)^n J_n(x),
// Y_-n = (-1)^n Y_n): Hankel's expansion where x is far beyond n^2; else
// the recurrence f_k+1 = (2k/x) f_k - f_k-1 upwards from orders 0 and 1 for
// Y_n, and for J_n with x >= n; for J_n with x < n Miller's method
// backwards from the continued fraction of J_n/J_n-1 (Lentz's method),
// normalised by the larger of J0 and J1. Recurrence values carry a power of
// two so that they stay where Dekker's products are exact. The cost grows
// with n, one step per order, as glibc's.
//
// Errno as glibc's ldbl-128 functions, which compute rounding to nearest:
// ERANGE where that result is 0 (jn) or infinite (yn), whatever the mode;
// yn of 0 a pole (-inf, +inf for the negative odd orders) with ERANGE, of
// x < 0 EDOM and the default NaN; glibc's exact Taylor term for a tiny x
// (exact_taylor_term). The result itself is rounded once in the
// caller's mode (glibc's is the nearest in every mode, within its
// tolerances of that).
#include <errno.h>
#include <fenv.h>
#include <math.h>

#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math_float128_bessel.hpp"
#include "runtime/libc/math_float128_bessel_tables.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"  // raise_underflow

namespace f = lwp::libc::math::f128;

namespace {

using f::pair;
using f::real;

// Hankel's series of order n converges at once when 4n^2/(8x) < 2^-21.
bool hankel_applies(real n, real x) noexcept { return x >= f::hankel_threshold && x >= f::power_of_two(20) * (n * n + 1); }

// Recurrence values are rescaled by 2^-7000 before a step when they are
// above 2^7000: with 2k/x below 2^8300 (x >= 2^-8200 for Y_n; for J_n, x
// above about 2^-8296, below which (x/2)^n/n! underflows), every product
// stays below 2^15300, where Dekker's products are exact (2^16320).
constexpr int rescale_exponent = 7000;

pair two_k_over_x(pair inverse_x, real k) noexcept { return scale(inverse_x * k, 2); }

// log(x) of a positive finite x to a few digits, for the underflow bound.
double rough_log(real x) noexcept {
    bool subnormal = f::biased_exponent(x) == 0;
    real normal_x = subnormal ? x * f::power_of_two(120) : x;
    int e = f::biased_exponent(normal_x) - f::bias;
    double mantissa = static_cast<double>(normal_x * f::power_of_two(-e));  // [1, 2)
    return (e - (subnormal ? 120 : 0)) * 0.69314718055994530942 + __builtin_log(mantissa);
}

// The value rounded to nearest would be 0: below half the least subnormal
// 2^-16495 (value = v 2^exponent; the tie at exactly the half goes to 0).
bool rounds_to_zero_nearest(pair v, int exponent) noexcept {
    int e = f::biased_exponent(v.hi) - f::bias + exponent;
    if (e != -16495) return e < -16495;
    real m = f::magnitude(v.hi) * f::power_of_two(f::bias - f::biased_exponent(v.hi));  // [1, 2)
    return m == 1 && (f::sign_of(v.hi) ? v.lo >= 0 : v.lo <= 0);
}

// glibc's J_n(x) for x < 2^-57 and 2 <= n < 400: the first Taylor term
// (x/2)^n / n!, by n - 1 products each of x/2 and of the factorial, and a
// quotient, rounding to nearest. Where every step is exact, glibc's answer
// is that term without inexact, and so is lwp's (the exact value is below
// it by a relative x^2/(4(n+1)) < 2^-116); elsewhere lwp's own rounding.
bool exact_taylor_term(real n, real ax, real* term) noexcept {
    f::quiet_nearest_scope nearest;
    real half = ax * real(0.5);
    real power = half;
    real factorial = 1;
    for (real i = 2; i <= n; i += 1) {
        factorial *= i;
        power *= half;
    }
    // The quotient through a volatile, so that it is done before the flags
    // are read (soft-fp's calls are free of side effects to the compiler),
    // and they are read before the scope puts the caller's back.
    volatile real quotient = power / factorial;
    *term = quotient;
    return fetestexcept(FE_INEXACT) == 0 && !f::is_zero(*term);
}

struct scaled {
    pair value;
    int exponent;  // the function is value * 2^exponent
};

// J_n(x) for n >= 2, a finite x > 0 that does not certainly underflow.
scaled jn_positive(real n, real x) noexcept {
    if (hankel_applies(n, x)) return {f::bessel_hankel(n, x).j, 0};
    pair inverse_x = f::exact(1) / f::exact(x);
    if (x >= n) {
        pair previous = f::bessel_j0(x);
        pair current = f::bessel_j1(x);
        for (real k = 1; k < n; k += 1) {
            pair next = two_k_over_x(inverse_x, k) * current - previous;
            previous = current;
            current = next;
        }
        return {current, 0};
    }
    // h = J_n-1 / J_n = b_n - 1/(b_n+1 - 1/(b_n+2 - ...)), b_k = 2k/x.
    pair ratio = two_k_over_x(inverse_x, n);
    pair c = ratio;
    pair d = f::exact(0);
    for (real k = n + 1; k < n + 400000; k += 1) {
        pair b = two_k_over_x(inverse_x, k);
        d = f::exact(1) / (b - d);
        c = b - f::exact(1) / c;
        pair delta = c * d;
        ratio = ratio * delta;
        if (f::magnitude((delta - real(1)).hi) < f::power_of_two(-230)) break;
    }
    // Backwards from f_n = 1, f_n-1 = h: f_k-1 = b_k f_k - f_k+1.
    pair upper = f::exact(1);
    pair current = ratio;
    int exponent = 0;  // the true f are the stored ones times 2^exponent
    for (real k = n - 1; k >= 1; k -= 1) {
        if (f::magnitude(current.hi) > f::power_of_two(rescale_exponent)) {
            current = scale(current, f::power_of_two(-rescale_exponent));
            upper = scale(upper, f::power_of_two(-rescale_exponent));
            exponent += rescale_exponent;
        }
        pair next = two_k_over_x(inverse_x, k) * current - upper;
        upper = current;
        current = next;
    }
    // J_n = J0 / f_0 = J1 / f_1, from the larger of J0 and J1 (no common
    // zero, so the larger keeps its relative precision).
    pair j0 = f::bessel_j0(x);
    pair j1 = f::bessel_j1(x);
    pair value = f::magnitude(j0.hi) >= f::magnitude(j1.hi) ? j0 / current : j1 / upper;
    return {value, -exponent};
}

// Y_n(x) for n >= 2 and a finite x >= 2^-8200.
scaled yn_positive(real n, real x) noexcept {
    if (hankel_applies(n, x)) return {f::bessel_hankel(n, x).y, 0};
    pair inverse_x = f::exact(1) / f::exact(x);
    pair previous = f::bessel_y0(x);
    pair current = x < f::bessel_tiny ? -(f::bessel_tables::two_over_pi * inverse_x) : f::bessel_y1(x);
    int exponent = 0;
    for (real k = 1; k < n; k += 1) {
        // (Y1 itself may be above the limit: near 2^8200 for the smallest x.)
        if (f::magnitude(current.hi) > f::power_of_two(rescale_exponent)) {
            if (exponent >= 3 * rescale_exponent) break;  // beyond the range, and growing
            current = scale(current, f::power_of_two(-rescale_exponent));
            previous = scale(previous, f::power_of_two(-rescale_exponent));
            exponent += rescale_exponent;
        }
        pair next = two_k_over_x(inverse_x, k) * current - previous;
        previous = current;
        current = next;
    }
    return {current, exponent};
}

}  // namespace

extern "C" {

__float128 jnf128(int n, __float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    long long order = n;  // -INT_MIN fits
    if (order < 0) {
        order = -order;
        x = -x;
    }
    if (order == 0) return j0f128(x);
    if (order == 1) return j1f128(x);
    bool negative = (order & 1) != 0 && f::sign_of(x);
    real ax = f::magnitude(x);
    if (f::is_zero(ax) || f::is_inf(ax)) return negative ? real(-0.0) : real(0);
    real real_order = static_cast<real>(order);
    // log((x/2)^n / n!) <= n (log(x/2) - log(n) + 1) - log(2 pi n)/2
    // (Stirling's bound for n!): below -11500, J_n(x) < 2^-16590, under half
    // the least subnormal.
    bool certain_underflow;
    {
        f::quiet_nearest_scope nearest;  // (the logarithms' inexact is not the result's)
        double dn = static_cast<double>(order);
        certain_underflow = ax < real_order && dn * (rough_log(ax) - 0.69314718055994530942 - __builtin_log(dn) + 1) -
                                                       0.5 * __builtin_log(6.283185307179586 * dn) <
                                                   -11500;
    }
    if (certain_underflow) {
        errno = ERANGE;
        return f::underflow_value(negative);
    }
    real term;
    if (ax < f::power_of_two(-57) && order < 400 && exact_taylor_term(real_order, ax, &term)) {
        if (f::biased_exponent(term) == 0) f::raise_underflow();  // glibc forces it for a tiny result
        return negative ? -term : term;
    }
    scaled s;
    {
        f::quiet_nearest_scope nearest;
        s = jn_positive(real_order, ax);
    }
    pair value = negative ? -s.value : s.value;
    bool nearest_zero = f::is_zero(value.hi) || rounds_to_zero_nearest(value, s.exponent);
    real result = f::round_any(value, s.exponent);
    if (nearest_zero) errno = ERANGE;
    return result;
}

__float128 ynf128(int n, __float128 x) noexcept {
    if (f::is_nan(x)) return x + x;
    long long order = n;
    bool negate = false;
    if (order < 0) {
        order = -order;
        negate = (order & 1) != 0;
    }
    if (f::is_zero(x)) {
        errno = ERANGE;  // a pole: -inf, +inf for the negative odd orders
        return f::pole(!negate);
    }
    if (f::sign_of(x)) {
        errno = EDOM;
        return f::invalid_nan();
    }
    if (order == 0) return y0f128(x);
    if (f::is_inf(x)) return negate && order == 1 ? real(-0.0) : real(0);
    real result;
    if (order == 1) {
        // glibc's yn of order 1 runs y1 with the rounding mode switched to
        // nearest and the caller's environment put back after, which drops
        // its inexact in a directed mode: only an overflow, raised after,
        // shows there.
        std::uint32_t before = lwp::arch::sse::read_status_control();
        result = f::signed_y1(x, negate);
        bool directed = (before & 0x6000u) != 0;
        if (directed && f::magnitude(result) < f::from_bits(f::infinity - 1)) {
            lwp::arch::sse::write_status_control((lwp::arch::sse::read_status_control() & ~0x20u) | (before & 0x20u));
        }
    } else if (x < f::power_of_two(-8200)) {
        // |Y_n(x)| >= |Y_2(x)| > 4/(pi x^2) > 2^16400 here.
        result = f::overflow_value(!negate);
    } else {
        scaled s;
        {
            f::quiet_nearest_scope nearest;
            s = yn_positive(static_cast<real>(order), x);
        }
        result = f::round_any(negate ? -s.value : s.value, s.exponent);
    }
    // glibc's result to nearest overflows: ERANGE in every mode.
    if (f::magnitude(result) >= f::from_bits(f::infinity - 1)) errno = ERANGE;
    return result;
}

}  // extern "C"
