// llogb (TS 18661-1, C23) for float, double and long double, with the
// _Float32, _Float64, _Float32x and _Float64x names: ilogb with a long
// result. As glibc's: the unbiased exponent of x (subnormals counted as if
// normalised); for zero and NaN FP_LLOGB0 and FP_LLOGBNAN, both LONG_MIN on
// x86-64, and LONG_MAX for an infinity, each with EDOM and invalid.
#include <errno.h>
#include <limits.h>
#include <math.h>

#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

// ilogb's special results (INT_MIN for FP_ILOGB0 and FP_ILOGBNAN, INT_MAX)
// widened to llogb's; ilogb has set errno and raised invalid already.
long widen(int exponent) noexcept {
    if (exponent == INT_MIN) return LONG_MIN;
    if (exponent == INT_MAX) return LONG_MAX;
    return exponent;
}

}  // namespace

extern "C" {

long llogb(double x) noexcept { return widen(m::ilogb(x)); }
long llogbf(float x) noexcept { return widen(m::ilogb(x)); }  // float to double is exact

// glibc's ilogbl asks the x87 (fxam, fxtract), which takes an encoding it
// does not support (an unnormal, a pseudo-zero, a pseudo-infinity or a
// pseudo-NaN: a nonzero exponent with the integer bit clear) for a NaN. A
// pseudo-denormal is supported, as the subnormal exponent's 2^-16382.
long llogbl(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    unsigned field = b.sign_exponent & m::long_exponent_max;
    bool integer_bit = (b.mantissa & m::long_integer_bit) != 0;
    bool zero = field == 0 && b.mantissa == 0;
    bool infinite = field == m::long_exponent_max && b.mantissa == m::long_integer_bit;
    bool not_a_number = (field != 0 && !integer_bit) || (field == m::long_exponent_max && !infinite);
    if (zero || infinite || not_a_number) {
        errno = EDOM;
        volatile long double sink = m::long_invalid_nan();
        (void)sink;
        return infinite ? LONG_MAX : LONG_MIN;
    }
    // The exponent of the top set bit: the integer bit's, less the zeros
    // above the first one in a subnormal.
    int exponent = static_cast<int>(field == 0 ? 1 : field) - static_cast<int>(m::long_bias);
    return exponent - __builtin_clzll(b.mantissa);
}

long llogbf32x(double) noexcept __attribute__((alias("llogb")));
long llogbf64(double) noexcept __attribute__((alias("llogb")));
long llogbf32(float) noexcept __attribute__((alias("llogbf")));
long llogbf64x(long double) noexcept __attribute__((alias("llogbl")));

}  // extern "C"
