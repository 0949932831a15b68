// The NaN payload functions of TS 18661-1 and C23 (getpayload, setpayload,
// setpayloadsig) and canonicalize, for float, double and long double, with
// the _Float32, _Float64, _Float32x and _Float64x names. A payload is the
// fraction of a NaN below its quiet bit: 22 bits for float, 51 for double,
// 62 for long double (whose fraction also lies below the explicit integer
// bit). All read and write bits only: no flag, except canonicalize's for a
// signalling NaN, which it makes quiet.
#include <math.h>

#include <cstdint>

#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

// float and double: Bits the unsigned integer of the format, fraction_bits
// the stored fraction (the quiet bit the top one of it).
template <typename Real, typename Bits, int fraction_bits>
struct format {
    static constexpr Bits fraction_mask = (Bits{1} << fraction_bits) - 1;
    static constexpr Bits quiet_bit = Bits{1} << (fraction_bits - 1);
    static constexpr Bits exponent_mask = ~(Bits{0}) >> 1 & ~fraction_mask;
    static constexpr int bias = static_cast<int>((exponent_mask >> fraction_bits) >> 1);

    static Bits bits(Real x) noexcept {
        Bits b;
        __builtin_memcpy(&b, &x, sizeof b);
        return b;
    }
    static Real real(Bits b) noexcept {
        Real x;
        __builtin_memcpy(&x, &b, sizeof x);
        return x;
    }

    // -1 for anything but a NaN (C23's choice; glibc returns it since 2.28).
    static Real payload_of(const Real* x) noexcept {
        Bits b = bits(*x);
        if ((b & exponent_mask) != exponent_mask || (b & fraction_mask) == 0) return -1;
        return static_cast<Real>(b & (quiet_bit - 1));  // exact: below 2^(fraction_bits - 1)
    }

    // A NaN with the payload (quiet or signalling), or +0 and 1 when the
    // payload is not one: not an integer, negative (-0 too), too large, or
    // (for a signalling NaN, which would be an infinity) zero.
    static int set_payload(Real* x, Real payload, bool signalling) noexcept {
        Bits b = bits(payload);
        if (b == 0 && !signalling) {
            *x = real(exponent_mask | quiet_bit);
            return 0;
        }
        // The biased exponent, the sign above it: a negative payload's is
        // beyond any positive one's.
        int exponent = static_cast<int>(b >> fraction_bits);
        if (exponent < bias || exponent >= bias + fraction_bits - 1) {
            *x = real(0);
            return 1;
        }
        int below_point = bias + fraction_bits - exponent;  // fraction bits under the units
        Bits significand = (b & fraction_mask) | (fraction_mask + 1);
        if ((significand & ((Bits{1} << below_point) - 1)) != 0) {
            *x = real(0);
            return 1;
        }
        *x = real(exponent_mask | (signalling ? 0 : quiet_bit) | significand >> below_point);
        return 0;
    }

    static int canonical_copy(Real* cx, const Real* x) noexcept {
        Real value = *x;
        // Every float and double encoding is canonical; only a signalling
        // NaN changes, made quiet (with invalid) by an operation.
        Bits b = bits(value);
        bool nan = (b & exponent_mask) == exponent_mask && (b & fraction_mask) != 0;
        *cx = nan && (b & quiet_bit) == 0 ? value + value : value;
        return 0;
    }
};

using float_format = format<float, std::uint32_t, 23>;
using double_format = format<double, std::uint64_t, 52>;

}  // namespace

extern "C" {

double getpayload(const double* x) noexcept { return double_format::payload_of(x); }
float getpayloadf(const float* x) noexcept { return float_format::payload_of(x); }

// The x87 format: a NaN is the top exponent with a fraction (the 63 bits
// below the integer bit) other than zero, the integer bit not looked at.
long double getpayloadl(const long double* x) noexcept {
    m::long_double_bits b = m::bits_of_long(*x);
    std::uint64_t fraction = b.mantissa & ~m::long_integer_bit;
    if ((b.sign_exponent & m::long_exponent_max) != m::long_exponent_max || fraction == 0) return -1;
    return static_cast<long double>(fraction & (m::long_quiet_bit - 1));
}

int setpayload(double* x, double payload) noexcept { return double_format::set_payload(x, payload, false); }
int setpayloadf(float* x, float payload) noexcept { return float_format::set_payload(x, payload, false); }
int setpayloadsig(double* x, double payload) noexcept { return double_format::set_payload(x, payload, true); }
int setpayloadsigf(float* x, float payload) noexcept { return float_format::set_payload(x, payload, true); }

namespace {

// The x87 format, as glibc reads the payload: the 64-bit mantissa taken as
// stored, so an unnormal payload gives the integer its bits spell (a
// pseudo-zero of exponent 0 or more gives 0, and setpayloadsigl then an
// infinity, as there).
int set_long_payload(long double* x, long double payload, bool signalling) noexcept {
    m::long_double_bits b = m::bits_of_long(payload);
    unsigned exponent = b.sign_exponent;  // the sign above: a negative payload fails
    if (!signalling && exponent == 0 && b.mantissa == 0) {
        *x = m::long_from_bits(m::long_integer_bit | m::long_quiet_bit, m::long_exponent_max);
        return 0;
    }
    if (exponent < m::long_bias || exponent >= m::long_bias + 62) {
        *x = m::long_from_bits(0, 0);
        return 1;
    }
    int below_point = static_cast<int>(m::long_bias + 63 - exponent);  // 2 to 63
    if ((b.mantissa & ((std::uint64_t{1} << below_point) - 1)) != 0) {
        *x = m::long_from_bits(0, 0);
        return 1;
    }
    std::uint64_t mantissa = m::long_integer_bit | (signalling ? 0 : m::long_quiet_bit) |
                             b.mantissa >> below_point;
    *x = m::long_from_bits(mantissa, m::long_exponent_max);
    return 0;
}

}  // namespace

int setpayloadl(long double* x, long double payload) noexcept {
    return set_long_payload(x, payload, false);
}
int setpayloadsigl(long double* x, long double payload) noexcept {
    return set_long_payload(x, payload, true);
}

int canonicalize(double* cx, const double* x) noexcept { return double_format::canonical_copy(cx, x); }
int canonicalizef(float* cx, const float* x) noexcept { return float_format::canonical_copy(cx, x); }

// The x87 format has non-canonical encodings (iscanonical false:
// pseudo-denormals, unnormals, pseudo-infinities, pseudo-NaNs): for those,
// as glibc, 1 and *cx left alone.
int canonicalizel(long double* cx, const long double* x) noexcept {
    long double value = *x;
    if (!__iscanonicall(value)) return 1;
    *cx = __issignalingl(value) ? value + value : value;
    return 0;
}

double getpayloadf32x(const double*) noexcept __attribute__((alias("getpayload")));
double getpayloadf64(const double*) noexcept __attribute__((alias("getpayload")));
float getpayloadf32(const float*) noexcept __attribute__((alias("getpayloadf")));
long double getpayloadf64x(const long double*) noexcept __attribute__((alias("getpayloadl")));
int setpayloadf32x(double*, double) noexcept __attribute__((alias("setpayload")));
int setpayloadf64(double*, double) noexcept __attribute__((alias("setpayload")));
int setpayloadf32(float*, float) noexcept __attribute__((alias("setpayloadf")));
int setpayloadf64x(long double*, long double) noexcept __attribute__((alias("setpayloadl")));
int setpayloadsigf32x(double*, double) noexcept __attribute__((alias("setpayloadsig")));
int setpayloadsigf64(double*, double) noexcept __attribute__((alias("setpayloadsig")));
int setpayloadsigf32(float*, float) noexcept __attribute__((alias("setpayloadsigf")));
int setpayloadsigf64x(long double*, long double) noexcept __attribute__((alias("setpayloadsigl")));
int canonicalizef32x(double*, const double*) noexcept __attribute__((alias("canonicalize")));
int canonicalizef64(double*, const double*) noexcept __attribute__((alias("canonicalize")));
int canonicalizef32(float*, const float*) noexcept __attribute__((alias("canonicalizef")));
int canonicalizef64x(long double*, const long double*) noexcept __attribute__((alias("canonicalizel")));

}  // extern "C"
