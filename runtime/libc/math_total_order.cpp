// totalorder and totalordermag (IEEE 754's totalOrder and totalOrderMag, as
// TS 18661-1 and C23 have them, and glibc since 2.31: operands passed by
// pointer) for float, double and long double, with the _Float32, _Float64,
// _Float32x and _Float64x names. 1 when x comes before y or is the same
// encoding, in the order -NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN,
// NaNs by payload (a signalling NaN before the quiet NaNs of its sign, since
// x86's quiet bit is the payload's top bit). A comparison of encodings, not
// of values: no flag, for signalling NaNs either.
#include <math.h>

#include <cstdint>

#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

// An encoding as its sign and its magnitude, the bits below the sign read as
// an unsigned integer; the larger magnitude is the larger value for every
// format here, NaN payloads included.
template <typename Magnitude>
struct signed_magnitude {
    bool negative;
    Magnitude magnitude;
};

signed_magnitude<std::uint32_t> split(const float* x) noexcept {
    std::uint32_t bits;
    __builtin_memcpy(&bits, x, sizeof bits);
    return {(bits >> 31) != 0, bits & 0x7fffffffu};
}

signed_magnitude<std::uint64_t> split(const double* x) noexcept {
    std::uint64_t bits;
    __builtin_memcpy(&bits, x, sizeof bits);
    return {(bits >> 63) != 0, bits & 0x7fffffffffffffffu};
}

// The x87 format's 79 bits below the sign, its explicit integer bit as
// stored (the non-canonical encodings are ordered by their bits too, as
// glibc orders them).
signed_magnitude<unsigned __int128> split(const long double* x) noexcept {
    m::long_double_bits b = m::bits_of_long(*x);
    auto magnitude = static_cast<unsigned __int128>(b.sign_exponent & 0x7fffu) << 64 | b.mantissa;
    return {(b.sign_exponent & 0x8000u) != 0, magnitude};
}

template <typename Real>
int in_total_order(const Real* x, const Real* y) noexcept {
    auto a = split(x);
    auto b = split(y);
    if (a.negative != b.negative) return a.negative;
    return a.negative ? a.magnitude >= b.magnitude : a.magnitude <= b.magnitude;
}

template <typename Real>
int in_magnitude_order(const Real* x, const Real* y) noexcept {
    return split(x).magnitude <= split(y).magnitude;
}

}  // namespace

extern "C" {

int totalorder(const double* x, const double* y) noexcept { return in_total_order(x, y); }
int totalorderf(const float* x, const float* y) noexcept { return in_total_order(x, y); }
int totalorderl(const long double* x, const long double* y) noexcept { return in_total_order(x, y); }
int totalordermag(const double* x, const double* y) noexcept { return in_magnitude_order(x, y); }
int totalordermagf(const float* x, const float* y) noexcept { return in_magnitude_order(x, y); }
int totalordermagl(const long double* x, const long double* y) noexcept {
    return in_magnitude_order(x, y);
}

int totalorderf32x(const double*, const double*) noexcept __attribute__((alias("totalorder")));
int totalorderf64(const double*, const double*) noexcept __attribute__((alias("totalorder")));
int totalorderf32(const float*, const float*) noexcept __attribute__((alias("totalorderf")));
int totalorderf64x(const long double*, const long double*) noexcept __attribute__((alias("totalorderl")));
int totalordermagf32x(const double*, const double*) noexcept __attribute__((alias("totalordermag")));
int totalordermagf64(const double*, const double*) noexcept __attribute__((alias("totalordermag")));
int totalordermagf32(const float*, const float*) noexcept __attribute__((alias("totalordermagf")));
int totalordermagf64x(const long double*, const long double*) noexcept
    __attribute__((alias("totalordermagl")));

}  // extern "C"
