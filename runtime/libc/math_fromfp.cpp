// fromfp, ufromfp, fromfpx and ufromfpx (TS 18661-1, C23) for float, double,
// long double and _Float128, with the _Float32, _Float64, _Float32x and
// _Float64x names: x rounded to an integer in the direction given (FP_INT_UPWARD,
// FP_INT_DOWNWARD, FP_INT_TOWARDZERO, FP_INT_TONEARESTFROMZERO,
// FP_INT_TONEAREST; any other value truncates, as glibc), whatever the
// rounding mode, returned as an intmax_t (uintmax_t for the u forms) when it
// fits in `width` bits (more than 64 counts as 64). Otherwise (NaN,
// infinity, out of range, or a width of 0) a domain error: EDOM and invalid,
// and glibc's unspecified result, the width's saturated bound of x's sign
// (0 for a width of 0, and for a negative x in the unsigned forms). The x
// forms raise inexact when the result differs from x; the others never do.
#include <errno.h>
#include <math.h>

#include <cstdint>
#include <type_traits>

#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace m = lwp::libc::math;

namespace {

constexpr int intmax_width = 64;

// x taken apart: sign, the exponent of the significand's top bit (the
// integer bit's), and the significand with that bit at position `top`.
// For float and double the implicit bit is added, even to a subnormal, whose
// exponent (the field's 0 less the bias) puts it below a half anyway; for
// long double the stored mantissa is taken as it is (an unnormal too), as
// glibc's fromfpl takes it. _Float128's 113-bit significand needs the wider
// integer; the others' code is the same as with 64 bits alone.
template <typename Significand>
struct parts {
    bool negative;
    int exponent;
    Significand significand;
    int top;
};

// Rounding the integer part `whole` of |x| in the direction given, with
// `half` the bit just below the units and `rest` whether anything below it
// is set.
std::uint64_t round_whole(bool negative, std::uint64_t whole, bool half, bool rest, int direction) noexcept {
    switch (direction) {
    case FP_INT_UPWARD:
        return whole + (!negative && (half || rest));
    case FP_INT_DOWNWARD:
        return whole + (negative && (half || rest));
    case FP_INT_TONEARESTFROMZERO:
        return whole + half;
    case FP_INT_TONEAREST:
        return whole + (half && (rest || (whole & 1) != 0));
    default:  // FP_INT_TOWARDZERO, and directions that are none of these
        return whole;
    }
}

template <bool is_unsigned, bool reports_inexact>
struct conversion {
    using result = std::conditional_t<is_unsigned, std::uintmax_t, std::intmax_t>;

    static result domain_error(bool negative, unsigned width) noexcept {
        errno = EDOM;
        volatile float zero = 0.0f;
        volatile float sink = zero / zero;  // invalid
        (void)sink;
        if (is_unsigned) {
            if (negative) return 0;
            return width == intmax_width ? ~std::uintmax_t{0} : (std::uintmax_t{1} << width) - 1;
        }
        if (width == 0) return 0;
        std::uint64_t bound = std::uint64_t{1} << (width - 1);
        return static_cast<result>(negative ? 0 - bound : bound - 1);
    }

    template <typename Significand>
    static result convert(parts<Significand> x, int direction, unsigned width) noexcept {
        constexpr int significand_bits = static_cast<int>(sizeof(Significand) * 8);
        if (width > intmax_width) width = intmax_width;
        if (width == 0) return domain_error(x.negative, width);
        if (x.significand == 0) return 0;
        // The largest exponent a result of `width` bits can come from (its
        // top bit's); at that exponent a negative value may still not fit,
        // and rounding may carry any value one bit higher.
        int largest = is_unsigned ? (x.negative ? -1 : static_cast<int>(width) - 1)
                                  : (x.negative ? static_cast<int>(width) - 1 : static_cast<int>(width) - 2);
        if (x.exponent > largest) return domain_error(x.negative, width);
        std::uint64_t whole;
        bool half, rest;
        if (x.exponent >= x.top) {  // an integer already (largest <= 63 keeps the shift in range)
            whole = static_cast<std::uint64_t>(x.significand << (x.exponent - x.top));
            half = false;
            rest = false;
        } else if (x.exponent >= -1) {
            int below_point = x.top - x.exponent;  // 1 to top + 1
            Significand half_bit = Significand{1} << (below_point - 1);
            half = (x.significand & half_bit) != 0;
            rest = (x.significand & (half_bit - 1)) != 0;
            whole = below_point >= significand_bits ? 0 : static_cast<std::uint64_t>(x.significand >> below_point);
        } else {  // below a half, and not zero
            whole = 0;
            half = false;
            rest = true;
        }
        std::uint64_t rounded = round_whole(x.negative, whole, half, rest, direction);
        if (overflowed(x.negative, rounded, x.exponent, largest)) return domain_error(x.negative, width);
        if (reports_inexact && (half || rest)) {
            volatile float one = 1.0f;
            volatile float sink = one + 0x1p-126f;  // inexact alone
            (void)sink;
        }
        if (is_unsigned) return rounded;  // a negative x got here only if it rounded to 0
        return static_cast<result>(x.negative ? 0 - rounded : rounded);
    }

    // Whether the rounded magnitude is out of range, for an x whose
    // exponent is at most `largest`: one carried to 2^(largest + 1) (which
    // for 64 unsigned bits wraps to 0), a negative one other than 0 for the
    // unsigned forms, and a negative one at the largest exponent other than
    // exactly 2^largest for the signed forms.
    static bool overflowed(bool negative, std::uint64_t rounded, int exponent, int largest) noexcept {
        if (is_unsigned) {
            if (negative) return rounded != 0;
            if (largest == intmax_width - 1) return exponent == intmax_width - 1 && rounded == 0;
            return rounded == std::uint64_t{1} << (largest + 1);
        }
        if (negative) return exponent == largest && rounded != std::uint64_t{1} << largest;
        return rounded == std::uint64_t{1} << (largest + 1);
    }
};

parts<std::uint64_t> parts_of(double x) noexcept {
    std::uint64_t bits;
    __builtin_memcpy(&bits, &x, sizeof bits);
    bool negative = (bits >> 63) != 0;
    bits &= ~(std::uint64_t{1} << 63);
    if (bits == 0) return {negative, 0, 0, 52};
    int exponent = static_cast<int>(bits >> 52) - 1023;
    return {negative, exponent, (bits & ((std::uint64_t{1} << 52) - 1)) | std::uint64_t{1} << 52, 52};
}

parts<std::uint64_t> parts_of(float x) noexcept {
    std::uint32_t bits;
    __builtin_memcpy(&bits, &x, sizeof bits);
    bool negative = (bits >> 31) != 0;
    bits &= 0x7fffffffu;
    if (bits == 0) return {negative, 0, 0, 23};
    int exponent = static_cast<int>(bits >> 23) - 127;
    return {negative, exponent, (bits & 0x7fffffu) | 0x800000u, 23};
}

parts<std::uint64_t> parts_of(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    int exponent = static_cast<int>(b.sign_exponent & m::long_exponent_max) - static_cast<int>(m::long_bias);
    return {(b.sign_exponent & 0x8000u) != 0, exponent, b.mantissa, 63};
}

// The implicit integer bit added, to a subnormal too (whose exponent puts
// it below a half anyway).
parts<unsigned __int128> parts_of(__float128 x) noexcept {
    namespace f = lwp::libc::math::f128;
    f::bits m = f::magnitude_bits(x);
    if (m == 0) return {f::sign_of(x), 0, 0, f::fraction_bits};
    int exponent = static_cast<int>(m >> f::fraction_bits) - f::bias;
    return {f::sign_of(x), exponent, (m & f::fraction_mask) | f::integer_bit, f::fraction_bits};
}

}  // namespace

#define LWP_FROMFP(name, is_unsigned, reports_inexact)                                                     \
    conversion<is_unsigned, reports_inexact>::result name(double x, int direction, unsigned width) noexcept { \
        return conversion<is_unsigned, reports_inexact>::convert(parts_of(x), direction, width);          \
    }                                                                                                       \
    conversion<is_unsigned, reports_inexact>::result name##f(float x, int direction, unsigned width) noexcept { \
        return conversion<is_unsigned, reports_inexact>::convert(parts_of(x), direction, width);          \
    }                                                                                                       \
    conversion<is_unsigned, reports_inexact>::result name##l(long double x, int direction,               \
                                                             unsigned width) noexcept {                   \
        return conversion<is_unsigned, reports_inexact>::convert(parts_of(x), direction, width);          \
    }                                                                                                       \
    conversion<is_unsigned, reports_inexact>::result name##f128(__float128 x, int direction,             \
                                                                unsigned width) noexcept {                \
        return conversion<is_unsigned, reports_inexact>::convert(parts_of(x), direction, width);          \
    }                                                                                                       \
    conversion<is_unsigned, reports_inexact>::result name##f32x(double, int, unsigned) noexcept          \
        __attribute__((alias(#name)));                                                                      \
    conversion<is_unsigned, reports_inexact>::result name##f64(double, int, unsigned) noexcept           \
        __attribute__((alias(#name)));                                                                      \
    conversion<is_unsigned, reports_inexact>::result name##f32(float, int, unsigned) noexcept            \
        __attribute__((alias(#name "f")));                                                                  \
    conversion<is_unsigned, reports_inexact>::result name##f64x(long double, int, unsigned) noexcept     \
        __attribute__((alias(#name "l")));

extern "C" {

LWP_FROMFP(fromfp, false, false)
LWP_FROMFP(ufromfp, true, false)
LWP_FROMFP(fromfpx, false, true)
LWP_FROMFP(ufromfpx, true, true)

}  // extern "C"
