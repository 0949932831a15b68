// The number behind strtod and scanf's %f: digits and an exponent in,
// a correctly rounded float, double, long double or _Float128 out.
//
// Method: exact. The significant digits read (at most `max_digits` of them,
// the rest folded into one sticky digit, below) form a big integer D, and
// the value is D * 10^E (or D * 2^E for hexadecimal input). For E >= 0 the
// big integer D * 5^E holds every bit of the value; for E < 0 the value is
// D / 5^-E scaled by a power of two, and a long division of big integers
// gives its leading bits and whether anything is left over. Those bits,
// two more than the format keeps plus that sticky remainder, decide the
// rounding (to nearest, ties to even) exactly: no approximation, no table.
//
// Why a bounded number of digits is still exact: the value only matters
// relative to the rounding boundaries (the representable values and the
// midpoints between them). Each of those has a finite decimal expansion of
// at most about 770 significant digits for double (the midpoints between
// subnormals are odd multiples of 2^-1075) and 11 520 for long double (of
// 2^-16446). Keeping more digits than that and replacing everything after
// them with a single nonzero digit when anything nonzero was dropped moves
// the value only within an interval that contains no boundary, so the
// rounding, the inexactness and the tininess are all unchanged.
//
// Cost: stack for two big integers, 0.8 KiB for float and double, 9.6 KiB
// for long double (whose exact midpoints are that long) and 10 KiB for
// _Float128; time quadratic in the number of digits and in the decimal
// exponent, which only shows on long inputs or extreme exponents. The
// rounding direction is the caller's to give (strtod, its kin and scanf give
// the current mode's, as glibc's round), and no exception flag is raised
// while rounding: report_rounding, at the end, raises glibc's from the
// result's inexact and overflow fields.
//
// Header-only and free of C symbols, like integer_parse.hpp, so the hosted
// unit tests can include it directly; strtod.cpp and scanf_float.hpp read
// the text and feed it here.
#pragma once

#include <errno.h>

#include <cstdint>
#include <cstring>

#include "arch/x86_64/sse_math.hpp"
#include "math_bits.hpp"

namespace lwp::libc {

// The binary formats, as rounding sees them.
struct float_format {
    int precision;     // significand bits, the leading one included
    int min_exponent;  // exponent of the smallest normal value
    int max_exponent;  // exponent of the largest finite value
    // Decimal shortcuts, which also bound the big integers' sizes: a value
    // of at least 10^overflow_power overflows whatever the rounding, and one
    // below 10^zero_power is less than half the smallest subnormal.
    int overflow_power;
    int zero_power;
    int max_digits;  // significant decimal digits kept exactly
    int limbs;       // 64-bit limbs each big integer needs, from the above
};

// limbs: 801 digits (2661 bits) or D / 5^1125 (2612 bits) shifted by the
// precision, with one limb for the division's normalisation. Long double:
// 11 601 digits (38 538 bits) or 5^16 552 (38 431 bits), likewise.
inline constexpr float_format float_single{24, -126, 127, 39, -46, 800, 48};
inline constexpr float_format float_double{53, -1022, 1023, 309, -324, 800, 48};
inline constexpr float_format float_extended{64, -16382, 16383, 4933, -4951, 11600, 616};
// binary128: the midpoints between its subnormals are odd multiples of
// 2^-16495, at most 11 565 significant digits; 11 701 digits (38 870 bits) or
// D / 5^16667 (38 700 bits) shifted by the precision fit 640 limbs. Below
// 10^-4966 a value is less than half the least subnormal (2^-16494).
inline constexpr float_format float_quadruple{113, -16382, 16383, 4933, -4966, 11700, 640};

template <typename T>
struct float_format_of;
template <>
struct float_format_of<float> {
    static constexpr const float_format& value = float_single;
};
template <>
struct float_format_of<double> {
    static constexpr const float_format& value = float_double;
};
template <>
struct float_format_of<long double> {
    static constexpr const float_format& value = float_extended;
};
template <>
struct float_format_of<__float128> {
    static constexpr const float_format& value = float_quadruple;
};

using uint128 = unsigned __int128;

// A natural number in 64-bit limbs, least significant first, over storage
// the caller owns and sizes for the largest number it will hold.
struct big_natural {
    std::uint64_t* limb;
    int count = 0;  // no zero limb at the top; zero is no limbs

    bool is_zero() const { return count == 0; }
    long bit_length() const {
        return count == 0 ? 0 : 64L * count - __builtin_clzll(limb[count - 1]);
    }
    std::uint64_t at(long index) const { return index < count ? limb[index] : 0; }

    // this = this * factor + addend
    void multiply_add(std::uint64_t factor, std::uint64_t addend) {
        uint128 carry = addend;
        for (int i = 0; i < count; ++i) {
            carry += static_cast<uint128>(limb[i]) * factor;
            limb[i] = static_cast<std::uint64_t>(carry);
            carry >>= 64;
        }
        if (carry != 0) limb[count++] = static_cast<std::uint64_t>(carry);
    }

    void shift_left(long bits) {
        if (count == 0 || bits == 0) return;
        int words = static_cast<int>(bits / 64);
        int rest = static_cast<int>(bits % 64);
        limb[count + words] = 0;
        for (int i = count - 1; i >= 0; --i) {
            if (rest != 0) limb[i + words + 1] |= limb[i] >> (64 - rest);
            limb[i + words] = limb[i] << rest;
        }
        for (int i = 0; i < words; ++i) limb[i] = 0;
        count += words + 1;
        while (count > 0 && limb[count - 1] == 0) --count;
    }

    // this >> bits, which the caller knows to be below 2^128; `sticky`
    // collects whether any bit shifted out was set.
    uint128 shift_right(long bits, bool& sticky) const {
        long words = bits / 64;
        int rest = static_cast<int>(bits % 64);
        for (long i = 0; i < words && i < count; ++i) sticky |= limb[i] != 0;
        if (rest != 0) sticky |= (at(words) & ((std::uint64_t{1} << rest) - 1)) != 0;
        uint128 low = static_cast<uint128>(at(words + 1)) << 64 | at(words);
        uint128 result = low >> rest;
        if (rest != 0) result |= static_cast<uint128>(at(words + 2)) << (128 - rest);
        return result;
    }
};

// this = 5^power, by repeated multiplication with the largest power of five
// that fits a limb.
inline void set_power_of_five(big_natural& number, long power) {
    constexpr std::uint64_t five_to_27 = 7450580596923828125ULL;
    number.limb[0] = 1;
    number.count = 1;
    for (; power >= 27; power -= 27) number.multiply_add(five_to_27, 0);
    std::uint64_t factor = 1;
    for (; power > 0; --power) factor *= 5;
    number.multiply_add(factor, 0);
}

// (high * 2^64 + low) / divisor with high < divisor, so that the quotient
// fits 64 bits: one divq instruction, where a 128-bit division in C++ would
// link libgcc's general routine (450 bytes).
inline std::uint64_t divide_wide(std::uint64_t high, std::uint64_t low, std::uint64_t divisor,
                                 std::uint64_t& remainder) {
    std::uint64_t quotient;
    __asm__("divq %[divisor]"
            : "=a"(quotient), "=d"(remainder)
            : [divisor] "rm"(divisor), "a"(low), "d"(high));
    return quotient;
}

// floor(dividend / divisor), which the caller knows to be below 2^128, by
// Knuth's algorithm D with 64-bit digits; `remainder` tells whether the
// division left one. Both operands are overwritten (normalised), and the
// dividend needs room for one more limb.
inline uint128 divide(big_natural& dividend, big_natural& divisor, bool& remainder) {
    const int n = divisor.count;
    std::uint64_t* u = dividend.limb;
    const std::uint64_t* v = divisor.limb;
    if (n == 1) {
        uint128 quotient = 0;
        std::uint64_t rest = 0;
        for (int i = dividend.count - 1; i >= 0; --i) {
            quotient = quotient << 64 | divide_wide(rest, u[i], v[0], rest);
        }
        remainder = rest != 0;
        return quotient;
    }
    // Normalise so that the divisor's top limb has its top bit set: then
    // the two-limb estimate below is at most two too large.
    int shift = __builtin_clzll(v[n - 1]);
    divisor.shift_left(shift);
    int total = dividend.count;
    dividend.shift_left(shift);
    for (int i = dividend.count; i <= total; ++i) u[i] = 0;
    const int m = total - n;  // quotient digits 0..m
    uint128 quotient = 0;
    for (int j = m; j >= 0; --j) {
        // The estimate from the top two limbs; the remainder u[j+n..] < v
        // keeps u[j + n] <= v[n - 1], and at equality the estimate would
        // not fit a limb, so it starts from the largest digit instead.
        std::uint64_t estimate;
        uint128 rest;
        if (u[j + n] >= v[n - 1]) {
            estimate = ~std::uint64_t{0};
            rest = static_cast<uint128>(u[j + n - 1]) + v[n - 1];
        } else {
            std::uint64_t rest_limb;
            estimate = divide_wide(u[j + n], u[j + n - 1], v[n - 1], rest_limb);
            rest = rest_limb;
        }
        while ((rest >> 64) == 0 &&
               static_cast<uint128>(estimate) * v[n - 2] > (rest << 64 | u[j + n - 2])) {
            --estimate;
            rest += v[n - 1];
        }
        // u[j..j+n] -= estimate * v, in signed 128-bit steps.
        __int128 borrow = 0;
        for (int i = 0; i < n; ++i) {
            uint128 product = static_cast<uint128>(estimate) * v[i];
            __int128 difference = static_cast<__int128>(u[i + j]) - borrow -
                                  static_cast<std::uint64_t>(product);
            u[i + j] = static_cast<std::uint64_t>(difference);
            borrow = static_cast<__int128>(product >> 64) - (difference >> 64);
        }
        __int128 difference = static_cast<__int128>(u[j + n]) - borrow;
        u[j + n] = static_cast<std::uint64_t>(difference);
        if (difference < 0) {  // one too large after all: add the divisor back
            --estimate;
            uint128 carry = 0;
            for (int i = 0; i < n; ++i) {
                carry += static_cast<uint128>(u[i + j]) + v[i];
                u[i + j] = static_cast<std::uint64_t>(carry);
                carry >>= 64;
            }
            u[j + n] += static_cast<std::uint64_t>(carry);
        }
        if (j < 2) quotient |= static_cast<uint128>(estimate) << (64 * j);
    }
    remainder = false;
    for (int i = 0; i < n; ++i) remainder |= u[i] != 0;
    return quotient;
}

enum class float_kind : unsigned char { zero, finite, infinite, nan };

// IEEE's four rounding directions (fesetround's modes).
enum class rounding_direction : unsigned char { nearest, downward, upward, toward_zero };

// Whether a magnitude whose dropped part is `half` (its leading bit) and
// `rest` (anything below) rounds away from zero, with `odd` its last kept bit.
inline bool rounds_away(rounding_direction direction, bool negative, bool odd, bool half,
                        bool rest) {
    switch (direction) {
        case rounding_direction::nearest: return half && (rest || odd);
        case rounding_direction::upward: return !negative && (half || rest);
        case rounding_direction::downward: return negative && (half || rest);
        default: return false;
    }
}

// A value rounded to a format, not yet packed into its C type.
struct rounded_float {
    float_kind kind = float_kind::zero;
    bool negative = false;
    bool range_error = false;    // ERANGE: overflow, or a tiny and inexact result
    bool overflow = false;       // beyond the largest finite value (range_error too)
    bool inexact = false;        // not the value written
    uint128 mantissa = 0;        // finite: the significand, an integer below
                                 // 2^precision; nan: the payload
    int exponent = 0;            // finite: value = mantissa * 2^(exponent - precision + 1)
};

// Rounds (significand + a fraction below one, nonzero when `sticky`) *
// 2^exponent, with significand > 0 and the sign given, in `direction` (to
// nearest, ties to even, unless told otherwise). Tininess is judged after
// rounding (as x86 does, and glibc with it): a result counts as tiny when
// rounding it to full precision with an unbounded exponent would still leave
// it below the smallest normal. An overflow is an infinity where the
// direction rounds away from zero, else the largest finite value; ERANGE
// either way.
inline rounded_float overflowed(const float_format& format, bool negative,
                                rounding_direction direction) {
    rounded_float result;
    result.negative = negative;
    result.range_error = true;
    result.overflow = true;
    result.inexact = true;
    if (rounds_away(direction, negative, false, true, true)) {
        result.kind = float_kind::infinite;
    } else {
        result.kind = float_kind::finite;
        result.mantissa = (uint128{1} << format.precision) - 1;
        result.exponent = format.max_exponent;
    }
    return result;
}

inline rounded_float round_binary(uint128 significand, long exponent, bool sticky,
                                  const float_format& format, bool negative = false,
                                  rounding_direction direction = rounding_direction::nearest) {
    rounded_float result;
    result.negative = negative;
    const int p = format.precision;
    // Keep exactly p + 2 bits: the significand, a rounding bit, one more.
    int length = 128 - (static_cast<std::uint64_t>(significand >> 64) != 0
                            ? __builtin_clzll(static_cast<std::uint64_t>(significand >> 64))
                            : 64 + __builtin_clzll(static_cast<std::uint64_t>(significand)));
    if (length > p + 2) {
        int drop = length - (p + 2);
        sticky |= (significand & ((uint128{1} << drop) - 1)) != 0;
        significand >>= drop;
        exponent += drop;
    } else {
        significand <<= (p + 2 - length);
        exponent -= p + 2 - length;
    }
    long top = exponent + p + 1;  // exponent of the leading bit
    if (top > format.max_exponent) return overflowed(format, negative, direction);
    bool tiny = top < format.min_exponent - 1;
    if (top == format.min_exponent - 1) {
        // Rounding at full precision carries into the smallest normal only
        // from all ones, rounding away from zero.
        bool all_ones = (significand >> 2) == (uint128{1} << p) - 1;
        tiny = !(all_ones && rounds_away(direction, negative, true, (significand & 2) != 0,
                                         (significand & 1) != 0 || sticky));
    }
    if (top < format.min_exponent) {
        long drop = format.min_exponent - top;
        if (drop >= p + 2) {
            sticky = true;  // the value is nonzero
            significand = 0;
        } else {
            sticky |= (significand & ((uint128{1} << drop) - 1)) != 0;
            significand >>= drop;
        }
        top = format.min_exponent;
    }
    uint128 mantissa = significand >> 2;
    bool half = (significand & 2) != 0;
    sticky |= (significand & 1) != 0;
    if (rounds_away(direction, negative, (mantissa & 1) != 0, half, sticky)) {
        ++mantissa;
        if (mantissa == uint128{1} << p) {  // a carry out of the significand
            mantissa = uint128{1} << (p - 1);
            ++top;
        }
    }
    if (top > format.max_exponent) return overflowed(format, negative, direction);
    result.kind = mantissa == 0 ? float_kind::zero : float_kind::finite;
    result.mantissa = mantissa;
    result.exponent = static_cast<int>(top);
    result.inexact = half || sticky;
    result.range_error = tiny && result.inexact;
    return result;
}

// Packing into the C types. A subnormal's mantissa is below 2^(precision - 1)
// and its exponent the format's minimum, so for float and double the
// exponent field is zero exactly when the leading bit is.
inline float pack_float(const rounded_float& value) {
    std::uint32_t bits = value.negative ? 0x80000000u : 0;
    switch (value.kind) {
        case float_kind::zero: break;
        case float_kind::infinite: bits |= 0x7f800000u; break;
        case float_kind::nan:
            bits |= 0x7fc00000u | (static_cast<std::uint32_t>(value.mantissa) & 0x3fffffu);
            break;
        case float_kind::finite: {
            std::uint32_t mantissa = static_cast<std::uint32_t>(value.mantissa);
            std::uint32_t field = (mantissa >> 23) != 0 ? static_cast<std::uint32_t>(value.exponent + 127) : 0;
            bits |= field << 23 | (mantissa & 0x7fffffu);
            break;
        }
    }
    float result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

inline double pack_double(const rounded_float& value) {
    std::uint64_t bits = value.negative ? std::uint64_t{1} << 63 : 0;
    constexpr std::uint64_t fraction_mask = (std::uint64_t{1} << 52) - 1;
    switch (value.kind) {
        case float_kind::zero: break;
        case float_kind::infinite: bits |= std::uint64_t{0x7ff} << 52; break;
        case float_kind::nan:
            bits |= std::uint64_t{0xfff} << 51 |
                    (static_cast<std::uint64_t>(value.mantissa) & (fraction_mask >> 1));
            break;
        case float_kind::finite: {
            auto mantissa = static_cast<std::uint64_t>(value.mantissa);
            std::uint64_t field = (mantissa >> 52) != 0 ? value.exponent + 1023 : 0;
            bits |= field << 52 | (mantissa & fraction_mask);
            break;
        }
    }
    double result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

// x87 extended: an explicit leading bit, set in normal values and clear in
// subnormals, then 15 exponent bits and the sign.
inline long double pack_long_double(const rounded_float& value) {
    std::uint64_t mantissa = 0;
    std::uint16_t sign_exponent = value.negative ? 0x8000 : 0;
    switch (value.kind) {
        case float_kind::zero: break;
        case float_kind::infinite:
            sign_exponent |= 0x7fff;
            mantissa = std::uint64_t{1} << 63;
            break;
        case float_kind::nan:
            sign_exponent |= 0x7fff;
            mantissa = std::uint64_t{3} << 62 |
                       (static_cast<std::uint64_t>(value.mantissa) & ((std::uint64_t{1} << 62) - 1));
            break;
        case float_kind::finite:
            mantissa = static_cast<std::uint64_t>(value.mantissa);
            if ((mantissa >> 63) != 0) sign_exponent |= static_cast<std::uint16_t>(value.exponent + 16383);
            break;
    }
    long double result = 0;
    std::memcpy(&result, &mantissa, sizeof mantissa);
    std::memcpy(reinterpret_cast<char*>(&result) + sizeof mantissa, &sign_exponent,
                sizeof sign_exponent);
    return result;
}

// binary128: sign, 15 exponent bits, 112 fraction bits (the leading bit
// implicit, as in float and double).
inline __float128 pack_float128(const rounded_float& value) {
    uint128 bits = value.negative ? uint128{1} << 127 : 0;
    constexpr uint128 fraction_mask = (uint128{1} << 112) - 1;
    switch (value.kind) {
        case float_kind::zero: break;
        case float_kind::infinite: bits |= uint128{0x7fff} << 112; break;
        case float_kind::nan:
            bits |= uint128{0xffff} << 111 | (value.mantissa & (fraction_mask >> 1));
            break;
        case float_kind::finite: {
            uint128 field = (value.mantissa >> 112) != 0 ? value.exponent + 16383 : 0;
            bits |= field << 112 | (value.mantissa & fraction_mask);
            break;
        }
    }
    __float128 result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

template <typename T>
T pack(const rounded_float& value);
template <>
inline float pack<float>(const rounded_float& value) { return pack_float(value); }
template <>
inline double pack<double>(const rounded_float& value) { return pack_double(value); }
template <>
inline long double pack<long double>(const rounded_float& value) {
    return pack_long_double(value);
}
template <>
inline __float128 pack<__float128>(const rounded_float& value) {
    return pack_float128(value);
}

// Collects a number's digits and exponent as they are read, one at a time
// (scanf reads a stream), and rounds the result. The digits go straight into
// a big integer, so nothing needs the text again.
class float_accumulator {
public:
    // `significand` and `scratch` each have format.limbs limbs.
    float_accumulator(const float_format& format, std::uint64_t* significand,
                      std::uint64_t* scratch)
        : format_(format), scratch_(scratch) {
        significand_.limb = significand;
    }

    // Hexadecimal digits and a binary exponent instead of decimal ones.
    void set_hexadecimal() { hexadecimal_ = true; }
    // Rounding in another direction than to nearest.
    void set_direction(rounding_direction direction) { direction_ = direction; }

    void digit(unsigned value, bool after_point) {
        const long step = hexadecimal_ ? 4 : 1;  // what one digit is worth in the exponent
        if (kept_ == 0 && value == 0) {  // a leading zero
            if (after_point) scale_ -= step;
            return;
        }
        // 32 hexadecimal digits hold 125 bits or more, past any precision.
        if (kept_ < (hexadecimal_ ? 32 : format_.max_digits)) {
            pending_ = pending_ * (hexadecimal_ ? 16 : 10) + value;
            if (++pending_count_ == (hexadecimal_ ? 15 : 19)) flush_pending();
            ++kept_;
            if (after_point) scale_ -= step;
        } else {
            dropped_nonzero_ |= value != 0;
            if (!after_point) scale_ += step;
        }
    }

    void exponent_digit(unsigned value) {
        // Saturates far beyond any exponent that could matter.
        if (exponent_ < (1L << 40)) exponent_ = exponent_ * 10 + value;
    }
    void negative_exponent() { exponent_negative_ = true; }

    rounded_float round(bool negative) {
        rounded_float result = round_magnitude(negative);
        result.negative = negative;
        return result;
    }

private:
    void flush_pending() {
        if (pending_count_ == 0) return;
        std::uint64_t factor = 1;
        for (int i = 0; i < pending_count_; ++i) factor *= hexadecimal_ ? 16 : 10;
        if (significand_.count == 0) {
            significand_.limb[0] = pending_;
            significand_.count = pending_ != 0 ? 1 : 0;
        } else {
            significand_.multiply_add(factor, pending_);
        }
        pending_ = 0;
        pending_count_ = 0;
    }

    rounded_float round_magnitude(bool negative) {
        if (kept_ == 0) return rounded_float{};
        if (dropped_nonzero_) {
            // One nonzero digit stands for everything dropped (see the top).
            pending_ = pending_ * (hexadecimal_ ? 16 : 10) + 1;
            ++pending_count_;
            ++kept_;
            scale_ -= hexadecimal_ ? 4 : 1;
        }
        flush_pending();
        long exponent = scale_ + (exponent_negative_ ? -exponent_ : exponent_);
        bool sticky = false;
        if (hexadecimal_) {
            long length = significand_.bit_length();
            long drop = length > 128 ? length - 128 : 0;
            uint128 bits = significand_.shift_right(drop, sticky);
            return round_binary(bits, exponent + drop, sticky, format_, negative, direction_);
        }
        long magnitude = kept_ + exponent;  // the value is below 10^magnitude
        if (magnitude > format_.overflow_power) return overflowed(format_, negative, direction_);
        if (magnitude <= format_.zero_power) {
            // Below half the least subnormal: any nonzero value that small
            // rounds alike, so one far below stands in for it.
            return round_binary(1, format_.min_exponent - 2L * format_.precision, true, format_,
                                negative, direction_);
        }
        big_natural scale;
        scale.limb = scratch_;
        if (exponent >= 0) {
            // D * 10^E = (D * 5^E) * 2^E, an integer.
            set_power_of_five(scale, exponent);
            multiply(significand_, scale);
            long length = significand_.bit_length();
            long drop = length > 128 ? length - 128 : 0;
            uint128 bits = significand_.shift_right(drop, sticky);
            return round_binary(bits, exponent + drop, sticky, format_, negative, direction_);
        }
        // D * 10^E = D / 5^-E * 2^E: scale D up (or 5^-E up) by 2^shift so
        // the quotient has precision + 2 or + 3 bits.
        set_power_of_five(scale, -exponent);
        long shift = format_.precision + 2 - significand_.bit_length() + scale.bit_length();
        if (shift > 0) {
            significand_.shift_left(shift);
        } else {
            scale.shift_left(-shift);
        }
        uint128 quotient = divide(significand_, scale, sticky);
        return round_binary(quotient, exponent - shift, sticky, format_, negative, direction_);
    }

    // number *= factor, with factor's limbs in scratch_: one limb at a time,
    // least significant last, so the product can be built in place.
    void multiply(big_natural& number, const big_natural& factor) {
        if (factor.count == 1) {
            number.multiply_add(factor.limb[0], 0);
            return;
        }
        // Schoolbook from the top limb of `number` down: limb i of the
        // product's partial sums only ever lands at i or above.
        int count = number.count;
        int product_count = count + factor.count;
        for (int i = count; i < product_count; ++i) number.limb[i] = 0;
        for (int i = count - 1; i >= 0; --i) {
            std::uint64_t digit = number.limb[i];
            number.limb[i] = 0;
            uint128 carry = 0;
            int j = 0;
            for (; j < factor.count; ++j) {
                carry += static_cast<uint128>(digit) * factor.limb[j] + number.limb[i + j];
                number.limb[i + j] = static_cast<std::uint64_t>(carry);
                carry >>= 64;
            }
            for (int k = i + j; carry != 0; ++k) {
                carry += number.limb[k];
                number.limb[k] = static_cast<std::uint64_t>(carry);
                carry >>= 64;
            }
        }
        number.count = product_count;
        while (number.count > 0 && number.limb[number.count - 1] == 0) --number.count;
    }

    const float_format& format_;
    std::uint64_t* scratch_;
    big_natural significand_;
    bool hexadecimal_ = false;
    rounding_direction direction_ = rounding_direction::nearest;
    int kept_ = 0;                 // significant digits kept
    bool dropped_nonzero_ = false;  // a nonzero digit past the kept ones
    std::uint64_t pending_ = 0;    // digits not yet multiplied into significand_
    int pending_count_ = 0;
    long scale_ = 0;      // power of ten (hex: of two) the kept digits are off by
    long exponent_ = 0;   // the exponent as written, without its sign
    bool exponent_negative_ = false;
};

// The storage a float_accumulator for type T works in.
template <typename T>
struct float_workspace {
    std::uint64_t significand[float_format_of<T>::value.limbs];
    std::uint64_t scratch[float_format_of<T>::value.limbs];

    float_accumulator accumulator() {
        return float_accumulator(float_format_of<T>::value, significand, scratch);
    }
};

// The NaN "nan(chars)" names: glibc reads chars as strtoull(chars, 0)
// would, and uses the number (when it spans all of chars) as the payload.
inline rounded_float quiet_nan(bool negative, std::uint64_t payload) {
    rounded_float result;
    result.kind = float_kind::nan;
    result.negative = negative;
    result.mantissa = payload;
    return result;
}

inline rounded_float infinite_value(bool negative) {
    rounded_float result;
    result.kind = float_kind::infinite;
    result.negative = negative;
    return result;
}

// The caller's rounding direction, which glibc's strtod and its kin (and
// scanf through them) round in: MXCSR's rounding field, which fesetround
// sets together with the x87's, in rounding_direction's order.
inline rounding_direction current_rounding_direction() noexcept {
    return static_cast<rounding_direction>((arch::sse::read_status_control() >> 13) & 3);
}

// What glibc's readers report of a rounded value: ERANGE for an overflow or
// a tiny inexact result; the flags overflow (with inexact) past the largest
// value, underflow (with inexact) for a tiny inexact one, inexact alone for
// any other value not read exactly.
inline void report_rounding(const rounded_float& value) noexcept {
    if (value.range_error) errno = ERANGE;
    if (value.overflow) {
        math::raise_overflow();
    } else if (value.range_error) {
        math::raise_underflow();
    } else if (value.inexact) {
        math::raise_inexact();
    }
}

}  // namespace lwp::libc
