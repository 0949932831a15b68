// nexttoward and nexttowardf: the next double (float) after x in the
// direction of a long double y. Exact: x converts to long double exactly,
// so the comparisons are exact, and the step is one in the bits. errno and
// the exception flags as glibc sets them: ERANGE with overflow when the step
// reaches infinity, ERANGE with underflow when it lands on a subnormal or
// zero, and underflow alone for the step from zero to the smallest
// subnormal.
#include <errno.h>

#include <bit>
#include <cstdint>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"

namespace lwp::libc::math {

double nexttoward(double x, long double y) noexcept {
    if (is_nan(x) || y != y) return static_cast<double>(x + y);
    if (static_cast<long double>(x) == y) return static_cast<double>(y);  // y's zero sign
    if (x == 0.0) {
        raise_underflow();
        return y < 0.0L ? -from_bits(1) : from_bits(1);
    }
    std::uint64_t bits = bits_of(x);
    // Away from zero when y lies beyond x, toward it otherwise.
    if ((static_cast<long double>(x) < y) == (x > 0.0)) ++bits; else --bits;
    double result = from_bits(bits);
    if (is_inf(result)) {
        raise_overflow();
        errno = ERANGE;
    } else if (biased_exponent(result) == 0) {
        raise_underflow();
        errno = ERANGE;
    }
    return result;
}

float nexttowardf(float x, long double y) noexcept {
    if (x != x || y != y) return static_cast<float>(x + y);
    if (static_cast<long double>(x) == y) return static_cast<float>(y);
    if (x == 0.0f) {
        raise_underflow();
        return std::bit_cast<float>((y < 0.0L ? 0x80000000u : 0u) | 1u);
    }
    std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
    if ((static_cast<long double>(x) < y) == (x > 0.0f)) ++bits; else --bits;
    std::uint32_t exponent = (bits >> 23) & 0xff;
    if (exponent == 0xff) {
        raise_overflow();
        errno = ERANGE;
    } else if (exponent == 0) {
        raise_underflow();
        errno = ERANGE;
    }
    return std::bit_cast<float>(bits);
}

}  // namespace lwp::libc::math
