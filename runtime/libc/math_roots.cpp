// cbrt and hypot. (sqrt is the sqrtsd instruction: math_exact.cpp.)
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"
#include "runtime/libc/math_tables.hpp"

namespace lwp::libc::math {

// cbrt(x) = exp(log|x| / 3) in double-double, the sign put back: as pow,
// about 2^-95 from exact before the one rounding, so perfect cubes come out
// exact. Never overflows or underflows: the result lies in [2^-358, 2^342).
double cbrt(double x) noexcept {
    if (x == 0.0 || !is_finite(x)) return x + x;
    scaled_double_double e = exp_split(log_of(dd(magnitude(x))) * one_third);
    return with_sign_of(round_scaled(e.value, e.exponent), x);
}

// sqrt(x^2 + y^2) with both squares exact (double-double products) after
// scaling the larger argument into [0.5, 1): no overflow or underflow on the
// way, and the sum rounded once at the end.
double hypot(double x, double y) noexcept {
    // An infinity wins even over a quiet NaN, not over a signalling one.
    if ((is_inf(x) || is_inf(y)) && !is_signaling(x) && !is_signaling(y))
        return from_bits(exponent_mask);
    if (is_nan(x) || is_nan(y)) return x + y;
    double a = magnitude(x);
    double b = magnitude(y);
    if (a < b) {
        double larger = b;
        b = a;
        a = larger;
    }
    if (b == 0.0) return a;
    int ea;
    int eb;
    frexp(a, &ea);
    frexp(b, &eb);
    // b below 2^-60 a: sqrt(a^2 + b^2) = a (1 + b^2/2a^2) rounds as a + b does.
    // Upward, a + b can step from the largest double to infinity: an
    // overflow, reported with ERANGE like any other.
    if (ea - eb > 60) {
        double result = a + b;
        if (is_inf(result)) errno = ERANGE;
        return result;
    }
    double sa = scale_exactly(a, -ea);
    double sb = scale_exactly(b, -ea);
    double_double sum = two_product(sa, sa) + two_product(sb, sb);
    double result = round_scaled(sqrt(sum), ea);
    if (is_inf(result)) errno = ERANGE;
    return result;
}

}  // namespace lwp::libc::math
