// remquo: remainder's result, and the low bits of the quotient it rounded to.
//
// The quotient's magnitude is glibc's: the quotient |x|/|y| rounded to the
// nearest integer (ties to even), reduced modulo 8 but to 8 itself rather
// than 0 when |x| mod 8|y| rounds up to 8 |y| (remquo(7.6, 1.0) gives 8, as
// glibc's does); C asks only for the three low bits. Its sign is that of x/y.
// Everything is exact: |x| mod 8|y| by fmod, then taking away 4|y|, 2|y| and
// up to two |y|, each subtraction exact (Sterbenz), as in remainder.
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"

namespace lwp::libc::math {

double remquo(double x, double y, int* quotient) noexcept {
    if (is_nan(x) || is_nan(y)) return x + y;
    // glibc sets no errno here (remainder sets EDOM), and leaves *quotient.
    if (is_inf(x) || y == 0.0) return invalid_nan();
    int sign = sign_of(x) != sign_of(y) ? -1 : 1;
    double ax = magnitude(x);
    double ay = magnitude(y);
    if (ax == ay) {
        *quotient = sign;
        return with_sign_of(0.0, x);
    }
    // Below 2^1021, 8|y| is finite; above, |x| < 8|y| already.
    double r = ay < 0x1p1021 ? fmod(ax, 8.0 * ay) : ax;
    int n = 0;
    if (ay < 0x1p1022 && r >= 4.0 * ay) {
        r -= 4.0 * ay;
        n += 4;
    }
    if (ay < 0x1p1023 && r >= 2.0 * ay) {
        r -= 2.0 * ay;
        n += 2;
    }
    // Now r < 2|y|: compare it with |y|/2 exactly (halving a tiny y would
    // round, so double r instead).
    auto above_half = [ay](double value, bool or_equal) {
        if (ay >= 0x1p-1021) return or_equal ? value >= ay * 0.5 : value > ay * 0.5;
        return or_equal ? value + value >= ay : value + value > ay;
    };
    if (above_half(r, false)) {
        r -= ay;
        ++n;
        if (above_half(r, true)) {
            r -= ay;
            ++n;
        }
    }
    *quotient = sign * n;
    if (r == 0.0) r = 0.0;  // +0, whatever the subtractions left
    return sign_of(x) ? -r : r;
}

}  // namespace lwp::libc::math
