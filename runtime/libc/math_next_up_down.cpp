// nextup and nextdown (TS 18661-1, C23) for float, double and long double,
// with their _Float32, _Float64, _Float32x and _Float64x names: the next
// representable value above (below) x. One step in the bits, so exact: no
// flag and no errno, unlike nextafter, which reports the steps into the
// subnormals and to infinity. A NaN gives itself made quiet (x + x: invalid
// for a signalling one); +-0 give the smallest subnormal of the sign of the
// step; +inf stays, -inf steps to the most negative finite value.
//
// nextdown(x) is -nextup(-x) as in glibc, which also gives a NaN back with
// its own sign.
#include <math.h>

#include <bit>
#include <cstdint>

#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

// float and double alike: Bits is the unsigned integer of the same width.
// Positive values grow with their bits, negative ones shrink, so the step
// up is +1 on a positive value and -1 on a negative one.
template <typename Real, typename Bits>
Real step_up(Real x) noexcept {
    constexpr Bits sign = Bits{1} << (sizeof(Bits) * 8 - 1);
    constexpr Bits infinity = std::bit_cast<Bits>(static_cast<Real>(__builtin_inf()));
    Bits bits = std::bit_cast<Bits>(x);
    Bits magnitude = bits & ~sign;
    if (magnitude > infinity) return x + x;
    if (magnitude == 0) return std::bit_cast<Real>(Bits{1});
    if (bits == infinity) return x;
    return std::bit_cast<Real>((bits & sign) != 0 ? bits - 1 : bits + 1);
}

}  // namespace

extern "C" {

double nextup(double x) noexcept { return step_up<double, std::uint64_t>(x); }
float nextupf(float x) noexcept { return step_up<float, std::uint32_t>(x); }
double nextdown(double x) noexcept { return -nextup(-x); }
float nextdownf(float x) noexcept { return -nextupf(-x); }

// The x87 format, as glibc's nextupl has it, non-canonical encodings
// included: the mantissa (its integer bit explicit) and the exponent field
// are stepped as one number, the integer bit set again where a carry or a
// borrow crosses into another binade. Positive: +1, the carry out of the
// mantissa (or into the integer bit of a subnormal) going to the exponent.
// Negative: -1, borrowing from the exponent when the mantissa's low half is
// zero and its high half at most the integer bit alone, with a nonzero
// exponent. glibc tests a positive x for infinity with an x87 comparison
// (fucomi), which raises invalid for the encodings the x87 does not
// support: unnormals, pseudo-zeros and the pseudo-infinity; so does this.
long double nextupl(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    unsigned field = b.sign_exponent & m::long_exponent_max;
    bool negative = (b.sign_exponent & 0x8000u) != 0;
    std::uint64_t mantissa = b.mantissa;
    // A NaN here is any fraction other than zero under the top exponent,
    // whatever the integer bit (a pseudo-NaN too: x + x makes it the
    // default NaN, with invalid).
    if (field == m::long_exponent_max && (mantissa & ~m::long_integer_bit) != 0) return x + x;
    if (field == 0 && mantissa == 0) return m::long_from_bits(1, 0);
    if (!negative) {
        if (field != 0 && (mantissa & m::long_integer_bit) == 0) {
            volatile long double sink = m::long_invalid_nan();  // the unsupported operand's invalid
            (void)sink;
        } else if (field == m::long_exponent_max) {
            return x;  // +inf
        }
        ++mantissa;
        if (mantissa == 0 || (field == 0 && mantissa == m::long_integer_bit)) {
            ++field;
            mantissa |= m::long_integer_bit;
        }
        return m::long_from_bits(mantissa, field);
    }
    std::uint32_t high = static_cast<std::uint32_t>(mantissa >> 32);
    std::uint32_t low = static_cast<std::uint32_t>(mantissa);
    if (low == 0) {
        if (high <= 0x80000000u && field != 0) {
            --field;
            --high;
            if (field != 0) high |= 0x80000000u;
        } else {
            --high;
        }
    }
    --low;
    return m::long_from_bits((std::uint64_t{high} << 32) | low, 0x8000u | field);
}

long double nextdownl(long double x) noexcept { return -nextupl(-x); }

double nextupf32x(double) noexcept __attribute__((alias("nextup")));
double nextupf64(double) noexcept __attribute__((alias("nextup")));
float nextupf32(float) noexcept __attribute__((alias("nextupf")));
long double nextupf64x(long double) noexcept __attribute__((alias("nextupl")));
double nextdownf32x(double) noexcept __attribute__((alias("nextdown")));
double nextdownf64(double) noexcept __attribute__((alias("nextdown")));
float nextdownf32(float) noexcept __attribute__((alias("nextdownf")));
long double nextdownf64x(long double) noexcept __attribute__((alias("nextdownl")));

}  // extern "C"
