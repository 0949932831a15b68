// _Float128's exponent and its neighbours: frexpf128 ldexpf128 scalbnf128
// scalblnf128 ilogbf128 llogbf128 logbf128 nextafterf128 nextupf128
// nextdownf128. Reading or setting the exponent is exact; scaling rounds
// once, in the current mode, where the result is subnormal, overflows or
// underflows. errno as glibc's: ERANGE when scaling gives an infinity or a
// zero from a finite x other than zero, or nextafter steps to an infinity
// or below the normal range; EDOM (with invalid) from ilogb and llogb at
// zero, infinity and NaN.
#include <errno.h>
#include <limits.h>
#include <math.h>

#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

constexpr int max_exponent = f::bias;         // of the largest finite values
constexpr int min_exponent = 1 - f::bias;     // of the least normal ones

// The exponent of x's leading bit, for a finite x other than zero
// (subnormals counted as if normalised).
int exponent_of(__float128 x) noexcept {
    f::integer_form form = f::integer_form_of(x);
    return form.exponent + f::top_bit(form.significand);
}

// x * 2^n rounded once: by normal powers of two, each step exact except
// perhaps the last. Going down, steps of 2^-16269 (the least normal's
// exponent plus the 113 bits of a significand) leave a normal value unless
// the result is far below half the least subnormal, where an earlier
// rounding gives the same answer as the last would.
__float128 scale(__float128 x, long n) noexcept {
    if (!f::is_finite(x) || f::is_zero(x)) return x + x;  // a NaN quieted
    constexpr long bound = 40000;  // beyond it, as far as the whole range
    int exponent = static_cast<int>(n > bound ? bound : n < -bound ? -bound : n);
    __float128 y = x;
    while (exponent > max_exponent) {
        y *= f::power_of_two(max_exponent);
        exponent -= max_exponent;
    }
    constexpr int step_down = min_exponent + f::fraction_bits + 1;
    while (exponent < min_exponent) {
        y *= f::power_of_two(step_down);
        exponent -= step_down;
    }
    return y * f::power_of_two(exponent);
}

__float128 scale_with_errno(__float128 x, long n) noexcept {
    if (!f::is_finite(x) || f::is_zero(x)) return x + x;
    __float128 y = scale(x, n);
    if (!f::is_finite(y) || f::is_zero(y)) errno = ERANGE;
    return y;
}

// ilogb's special cases: a domain error, with invalid.
bool logb_domain_error(__float128 x) noexcept {
    if (f::is_finite(x) && !f::is_zero(x)) return false;
    errno = EDOM;
    f::raise_invalid();
    return true;
}

f::real negated(f::real x) noexcept { return f::from_bits(f::bits_of(x) ^ f::sign_bit); }

}  // namespace

extern "C" {

// x as a fraction in [0.5, 1) times 2^*exponent; zero, infinities and NaNs
// (made quiet) returned with 0.
__float128 frexpf128(__float128 x, int* exponent) noexcept {
    if (!f::is_finite(x) || f::is_zero(x)) {
        *exponent = 0;
        return x + x;
    }
    int e = exponent_of(x);
    *exponent = e + 1;
    f::integer_form form = f::integer_form_of(x);
    // The significand with its leading bit moved to the integer bit's place.
    f::bits significand = form.significand << (form.exponent + f::fraction_bits - e);
    f::bits sign = f::bits_of(x) & f::sign_bit;
    return f::from_bits(sign | (f::bits{f::bias - 1} << f::fraction_bits) | (significand & f::fraction_mask));
}

__float128 ldexpf128(__float128 x, int n) noexcept { return scale_with_errno(x, n); }
__float128 scalbnf128(__float128 x, int n) noexcept { return scale_with_errno(x, n); }
__float128 scalblnf128(__float128 x, long n) noexcept { return scale_with_errno(x, n); }

// FP_ILOGB0 and FP_ILOGBNAN are both INT_MIN on x86-64.
int ilogbf128(__float128 x) noexcept {
    if (logb_domain_error(x)) return f::is_inf(x) ? INT_MAX : INT_MIN;
    return exponent_of(x);
}

long llogbf128(__float128 x) noexcept {
    if (logb_domain_error(x)) return f::is_inf(x) ? LONG_MAX : LONG_MIN;
    return exponent_of(x);
}

// -inf with divide-by-zero for zero (no errno, as glibc), +inf for an
// infinity, a NaN made quiet.
__float128 logbf128(__float128 x) noexcept {
    if (f::is_zero(x)) {
        volatile __float128 zero = 0;
        return -1 / zero;
    }
    if (!f::is_finite(x)) return x * x;
    return exponent_of(x);
}

// One step in the bits toward y. Stepping from zero raises underflow (and
// inexact) but leaves errno; stepping to an infinity raises overflow,
// below the normal range (zero included) underflow, each with ERANGE.
__float128 nextafterf128(__float128 x, __float128 y) noexcept {
    if (f::is_nan(x) || f::is_nan(y)) return f::ordered_sum(x, y);
    if (x == y) return y;
    f::bits b = f::bits_of(x);
    if (f::is_zero(x)) {
        lwp::libc::math::raise_underflow();
        return f::from_bits((f::bits_of(y) & f::sign_bit) | 1);
    }
    // Away from zero when y lies beyond x, toward it otherwise.
    if ((x < y) == !f::sign_of(x)) ++b; else --b;
    int field = static_cast<int>((b & ~f::sign_bit) >> f::fraction_bits);
    if (field == f::exponent_max) {
        lwp::libc::math::raise_overflow();
        errno = ERANGE;
    } else if (field == 0) {
        lwp::libc::math::raise_underflow();
        errno = ERANGE;
    }
    return f::from_bits(b);
}

// One step up in the bits: no flag, no errno; a NaN made quiet.
__float128 nextupf128(__float128 x) noexcept {
    f::bits b = f::bits_of(x);
    f::bits m = b & ~f::sign_bit;
    if (m > f::infinity) return x + x;
    if (m == 0) return f::from_bits(1);
    if (b == f::infinity) return x;
    return f::from_bits((b & f::sign_bit) != 0 ? b - 1 : b + 1);
}

__float128 nextdownf128(__float128 x) noexcept { return negated(nextupf128(negated(x))); }

}  // extern "C"
