// roundeven (TS 18661-1, C23) for float, double and long double, with the
// _Float32, _Float64, _Float32x and _Float64x names: x rounded to the nearest
// integer, halfway cases to the even one, whatever the rounding mode, and
// without the inexact flag (as glibc: its SSE 4.1 form uses roundsd with the
// precision exception suppressed). Infinities stay; a NaN gives itself made
// quiet (x + x, invalid for a signalling one).
#include <math.h>

#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

// For |x| below 2^52 (the smallest double whose every neighbour is an
// integer): truncation, then one step away from zero when the part cut off
// is more than a half, or exactly a half and the truncated value odd. Every
// operation is exact (x - t lies in t's binade or is x itself; t +- 1 is
// below 2^53), so none raises inexact; the sign of a zero result is x's.
double round_half_even(double x) noexcept {
    if (!m::is_finite(x)) return x + x;
    if (!(m::magnitude(x) < 0x1p52)) return x;
    double t = m::trunc(x);
    double cut = m::magnitude(x - t);
    bool odd = (static_cast<std::int64_t>(t) & 1) != 0;
    if (cut > 0.5 || (cut == 0.5 && odd)) return t + m::with_sign_of(1.0, x);
    return t;
}

}  // namespace

extern "C" {

double roundeven(double x) noexcept { return round_half_even(x); }

// A float converts to double exactly (a signalling NaN made quiet with
// invalid, as x + x would), and the double result, an integer of at most
// 24 bits or the float itself, converts back exactly.
float roundevenf(float x) noexcept { return static_cast<float>(round_half_even(x)); }

// On the bits, as glibc's roundevenl, so that the non-canonical encodings
// come out as there: the 64-bit mantissa is taken as it is stored, the
// integer bit included (an unnormal keeps its clear integer bit unless the
// rounding carries into it). Exponents from 2^63 up hold integers only; the
// top one (infinities, NaNs, pseudo-infinities, pseudo-NaNs) gives x + x.
long double roundevenl(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    unsigned sign = b.sign_exponent & 0x8000u;
    unsigned field = b.sign_exponent & m::long_exponent_max;
    std::uint64_t mantissa = b.mantissa;
    constexpr unsigned one_field = m::long_bias;  // the exponent field of [1, 2)
    if (field >= one_field + 63) return field == m::long_exponent_max ? x + x : x;
    if (field >= one_field) {
        // The units bit of the integer part, and the halves bit below it.
        int fraction_bits = static_cast<int>(one_field + 63 - field);  // 1 to 63
        std::uint64_t units = std::uint64_t{1} << fraction_bits;
        std::uint64_t half = units >> 1;
        // Adding a half rounds up when the fraction is above one half, or
        // exactly a half with an odd units bit; leaving it out when neither
        // the units bit nor any bit below the half is set keeps an exact
        // half of an even number down. (The half bit itself need not be
        // looked at: without it, the addition cannot carry into the units.)
        if ((mantissa & (units | (half - 1))) != 0) {
            mantissa += half;
            if (mantissa < half) {  // carried out of the mantissa: the next binade
                mantissa = m::long_integer_bit;
                ++field;
            }
        }
        mantissa &= ~(units - 1);
        return m::long_from_bits(mantissa, sign | field);
    }
    // Below 1: 1 when above a half, else 0. "Above a half", as glibc tests
    // it in two 32-bit halves, is a high half above the integer bit alone or
    // any low bit set, which an unnormal of exponent -1 meets too.
    if (field == one_field - 1 &&
        ((mantissa >> 32) > 0x80000000u || (mantissa & 0xffffffffu) != 0)) {
        return m::long_from_bits(m::long_integer_bit, sign | one_field);
    }
    return m::long_from_bits(0, sign);
}

double roundevenf32x(double) noexcept __attribute__((alias("roundeven")));
double roundevenf64(double) noexcept __attribute__((alias("roundeven")));
float roundevenf32(float) noexcept __attribute__((alias("roundevenf")));
long double roundevenf64x(long double) noexcept __attribute__((alias("roundevenl")));

}  // extern "C"
