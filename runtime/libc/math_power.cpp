// pow, with C99 Annex F's special cases.
//
// Method: |x|^y = exp(y log|x|) with log|x| in double-double (math_logarithm.cpp,
// about 2^-100 relative) and the product y log|x| kept in double-double too: a
// double product would lose up to eleven bits to the exponent of a large
// result (an absolute error of 2^-53 * 700 in the exponent), which is what
// makes the naive exp(y * log(x)) wrong by hundreds of ulps. The error left,
// at most |y log x| * 2^-97 <= 2^-87 relative, sits far below the final
// rounding, and results that are exact (pow(2, 10), pow(-3, 3), pow(4, 0.5))
// come out exact.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_kernels.hpp"

namespace lwp::libc::math {

namespace {

enum class integer_kind { none, odd, even };

integer_kind kind_of(double y) noexcept {
    if (!is_finite(y) || trunc(y) != y) return integer_kind::none;
    if (magnitude(y) >= 0x1p53) return integer_kind::even;  // every such double is even
    return (static_cast<long long>(y) & 1) != 0 ? integer_kind::odd : integer_kind::even;
}

}  // namespace

double pow(double x, double y) noexcept {
    // 1 even for a quiet NaN in the other argument, not a signalling one.
    if (y == 0.0 || x == 1.0) return is_signaling(x) || is_signaling(y) ? x + y : 1.0;
    if (is_nan(x) || is_nan(y)) return x + y;
    double ax = magnitude(x);
    if (is_inf(y)) {
        if (ax == 1.0) return 1.0;  // pow(-1, +-inf)
        bool grows = (ax > 1.0) == (y > 0.0);
        return grows ? from_bits(exponent_mask) : 0.0;
    }
    bool odd = kind_of(y) == integer_kind::odd;
    bool negative = sign_of(x) && odd;
    if (x == 0.0) {
        if (y < 0.0) {
            errno = ERANGE;  // a pole
            return pole(negative);
        }
        return negative ? -0.0 : 0.0;
    }
    if (is_inf(x)) {
        double result = y < 0.0 ? 0.0 : from_bits(exponent_mask);
        return negative ? -result : result;
    }
    if (x < 0.0 && kind_of(y) == integer_kind::none) {
        errno = EDOM;
        return invalid_nan();
    }
    if (ax == 1.0) return negative ? -1.0 : 1.0;  // pow(-1, y) for any integer y, however large
    double_double log_x = log_of(dd(ax));
    // The estimate decides overflow before any double-double product could.
    // |log x| >= 2^-53 here (x != 1), so any |y| beyond 2^64 puts |y log x|
    // past 2048, far out of range either way: y is capped there, which
    // keeps the product itself from overflowing (and raising the flag) when
    // the result underflows, as pow(0.5, DBL_MAX) does.
    double capped_y = magnitude(y) > 0x1p64 ? with_sign_of(0x1p64, y) : y;
    double estimate = log_x.hi * capped_y;
    if (estimate > 710.0) {
        errno = ERANGE;
        return overflow_value(negative);
    }
    if (estimate < -746.0) {
        errno = ERANGE;
        return underflow_value(negative);
    }
    scaled_double_double e = exp_split(log_x * y);
    double result = round_scaled(e.value, e.exponent);
    if (is_inf(result) || result == 0.0) errno = ERANGE;
    return negative ? -result : result;
}

}  // namespace lwp::libc::math
