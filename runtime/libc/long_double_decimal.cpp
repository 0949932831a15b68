// "%.*Lf", "%.*Lg" and "%.*Le" for the q*cvt functions and strfroml, and the
// same conversions of a _Float128 for strfromf128, exactly
// (long_double_decimal.hpp).
#include "runtime/libc/long_double_decimal.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace lwp::libc {

namespace {

// The largest number converted: a 113-bit _Float128 significand times
// 5^16494 (its subnormals' exponent): 38,411 bits, or times 2^16271: 16,384
// bits; its decimal digits: at most 11,563. "%f" puts up to 16,494 digits
// after the point (with the zeros that lead them), two more before it. (A
// long double's 64-bit mantissa and 5^16445 need less.)
constexpr int limb_capacity = 1204;  // 32-bit limbs
constexpr int digit_capacity = 16520;

struct work_space {
    std::uint32_t limbs[limb_capacity];
    char digits[digit_capacity];
};

// A number as 32-bit limbs, least significant first.
struct natural {
    std::uint32_t* limbs;
    int count;
};

void multiply_small(natural& n, std::uint32_t factor) noexcept {
    std::uint64_t carry = 0;
    for (int i = 0; i < n.count; ++i) {
        std::uint64_t product = static_cast<std::uint64_t>(n.limbs[i]) * factor + carry;
        n.limbs[i] = static_cast<std::uint32_t>(product);
        carry = product >> 32;
    }
    if (carry != 0) n.limbs[n.count++] = static_cast<std::uint32_t>(carry);
}

// n / divisor, returning the remainder.
std::uint32_t divide_small(natural& n, std::uint32_t divisor) noexcept {
    std::uint64_t remainder = 0;
    for (int i = n.count - 1; i >= 0; --i) {
        std::uint64_t part = (remainder << 32) | n.limbs[i];
        n.limbs[i] = static_cast<std::uint32_t>(part / divisor);
        remainder = part % divisor;
    }
    while (n.count > 0 && n.limbs[n.count - 1] == 0) --n.count;
    return static_cast<std::uint32_t>(remainder);
}

// How digits are rounded: the direction, and the sign of the value.
struct rounding {
    decimal_rounding direction;
    bool negative;
};

// The exact decimal digits of a finite magnitude: value = digits * 10^-fraction.
struct exact_decimal {
    const char* digits;  // most significant first, no leading zero ("0" for zero)
    int length;
    int fraction;  // how many of the digits are after the point
};

// A value to print: value = mantissa * 2^exponent when finite, with its sign.
enum class value_kind { finite, infinite, nan };
struct binary_value {
    value_kind kind;
    bool negative;
    unsigned __int128 mantissa;
    int exponent;
};

// inf and nan as printf prints them; an unnormal (an exponent but no
// integer bit) compares unordered like a NaN, and glibc's printf prints it
// as one. A pseudo-denormal (exponent field 0 with the integer bit set) is
// worth M 2^-16445 to the x87, but glibc's printf drops that bit and prints
// the rest, as if it were a denormal, unless the rest is all zeros: then it
// prints 2^-16382, the integer bit's worth. So does lwp (and its printf).
binary_value value_of(long double value) noexcept {
    binary_value result{value_kind::finite, math::long_sign(value), 0, 0};
    if (value != value) {
        result.kind = value_kind::nan;
    } else if (!math::long_is_finite(value)) {
        result.kind = value_kind::infinite;
    } else {
        math::long_double_bits bits = math::bits_of_long(value);
        unsigned field = bits.sign_exponent & 0x7fffu;
        if (field == 0 && (bits.mantissa & ~math::long_integer_bit) != 0)
            bits.mantissa &= ~math::long_integer_bit;
        result.mantissa = bits.mantissa;
        result.exponent = (field == 0 ? 1 : static_cast<int>(field)) - 16383 - 63;
    }
    return result;
}

binary_value value_of(__float128 value) noexcept {
    namespace f = math::f128;
    binary_value result{value_kind::finite, f::sign_of(value), 0, 0};
    if (f::is_nan(value)) {
        result.kind = value_kind::nan;
    } else if (f::is_inf(value)) {
        result.kind = value_kind::infinite;
    } else if (!f::is_zero(value)) {
        f::integer_form form = f::integer_form_of(value);
        result.mantissa = form.significand;
        result.exponent = form.exponent;
    }
    return result;
}

exact_decimal decimal_digits(const binary_value& value, work_space& space) noexcept {
    if (value.mantissa == 0) return {"0", 1, 0};
    int exponent = value.exponent;
    natural n{space.limbs, 0};
    for (unsigned __int128 rest = value.mantissa; rest != 0; rest >>= 32) {
        n.limbs[n.count++] = static_cast<std::uint32_t>(rest);
    }
    int fraction = 0;
    if (exponent > 0) {
        for (int i = 0; i < exponent / 31; ++i) multiply_small(n, 1u << 31);
        multiply_small(n, 1u << (exponent % 31));
    } else if (exponent < 0) {
        // M 2^-k = M 5^k / 10^k.
        fraction = -exponent;
        for (int i = 0; i < fraction / 13; ++i) multiply_small(n, 1220703125u);  // 5^13
        std::uint32_t rest = 1;
        for (int i = 0; i < fraction % 13; ++i) rest *= 5;
        multiply_small(n, rest);
    }
    // Nine digits at a time, from the least significant end.
    char* end = space.digits + digit_capacity;
    char* p = end;
    while (n.count > 0) {
        std::uint32_t chunk = divide_small(n, 1000000000u);
        for (int i = 0; i < 9; ++i) {
            *--p = static_cast<char>('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (*p == '0') ++p;
    return {p, static_cast<int>(end - p), fraction};
}

// digits[0, keep) rounded by what follows them (digits[keep, length)) in
// the direction given (to nearest, ties to even, for the long double
// conversions), the magnitude of a value of the sign given; true when the
// rounding carried out of digit 0 (every kept digit was 9 and is now 0).
bool round_digits(char* digits, int keep, int length, const rounding& how) noexcept {
    if (keep >= length) return false;
    char first = digits[keep];
    bool rest_nonzero = false;
    for (int i = keep + 1; i < length && !rest_nonzero; ++i) rest_nonzero = digits[i] != '0';
    bool last_odd = keep > 0 && ((digits[keep - 1] - '0') & 1) != 0;
    bool inexact = first != '0' || rest_nonzero;
    bool up;
    switch (how.direction) {
        case decimal_rounding::nearest: up = first > '5' || (first == '5' && (rest_nonzero || last_odd)); break;
        case decimal_rounding::upward: up = !how.negative && inexact; break;
        case decimal_rounding::downward: up = how.negative && inexact; break;
        default: up = false; break;
    }
    if (!up) return false;
    for (int i = keep - 1; i >= 0; --i) {
        if (digits[i] != '9') {
            ++digits[i];
            return false;
        }
        digits[i] = '0';
    }
    return true;
}

// The text being built, cut at the caller's buffer, its whole length counted.
struct text_sink {
    char* buffer;
    std::size_t size;
    std::size_t length = 0;
    void put(char c) noexcept {
        if (length + 1 < size) buffer[length] = c;
        ++length;
    }
    void put_digits(const char* digits, int count) noexcept {
        for (int i = 0; i < count; ++i) put(digits[i]);
    }
    void put_zeros(int count) noexcept {
        for (int i = 0; i < count; ++i) put('0');
    }
    int finish() noexcept {
        if (size > 0) buffer[length < size ? length : size - 1] = '\0';
        return static_cast<int>(length);
    }
};

// inf and nan as printf prints them; true if value was one.
bool put_non_finite(text_sink& out, const binary_value& value) noexcept {
    if (value.kind == value_kind::finite) return false;
    if (value.negative) out.put('-');
    const char* word = value.kind == value_kind::nan ? "nan" : "inf";
    out.put_digits(word, 3);
    return true;
}

// The exponent as printf writes it: the marker, its sign, at least two digits.
void put_exponent(text_sink& out, char marker, int exponent) noexcept {
    out.put(marker);
    out.put(exponent < 0 ? '-' : '+');
    int magnitude = exponent < 0 ? -exponent : exponent;
    char text[8];
    int count = 0;
    do {
        text[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (count < 2) text[count++] = '0';
    while (count > 0) out.put(text[--count]);
}

int format_fixed(char* buffer, std::size_t size, int decimals, const binary_value& value,
                 decimal_rounding direction) noexcept {
    text_sink out{buffer, size};
    if (put_non_finite(out, value)) return out.finish();
    if (decimals < 0) decimals = 6;
    auto* space = static_cast<work_space*>(std::malloc(sizeof(work_space)));
    if (space == nullptr) return -1;
    if (value.negative) out.put('-');
    exact_decimal d = decimal_digits(value, *space);
    rounding how{direction, value.negative};
    // Leading zeros so that there is a digit before the point, and room for
    // one carried out of it.
    int leading = d.fraction >= d.length ? d.fraction - d.length + 1 : 0;
    char* digits = space->digits;  // the converted digits sit at its end
    int length = d.length + leading + 1;
    std::memmove(digits + leading + 1, d.digits, static_cast<std::size_t>(d.length));
    std::memset(digits, '0', static_cast<std::size_t>(leading + 1));
    int integer_digits = length - d.fraction;
    int kept_fraction = d.fraction < decimals ? d.fraction : decimals;
    round_digits(digits, integer_digits + kept_fraction, length, how);  // cannot carry out: digit 0 is '0'
    int first = 0;
    while (first < integer_digits - 1 && digits[first] == '0') ++first;
    out.put_digits(digits + first, integer_digits - first);
    if (decimals > 0) {
        out.put('.');
        out.put_digits(digits + integer_digits, kept_fraction);
        out.put_zeros(decimals - kept_fraction);
    }
    std::free(space);
    return out.finish();
}

int format_exponential(char* buffer, std::size_t size, int precision, const binary_value& value,
                       decimal_rounding direction) noexcept {
    text_sink out{buffer, size};
    if (put_non_finite(out, value)) return out.finish();
    if (precision < 0) precision = 6;
    auto* space = static_cast<work_space*>(std::malloc(sizeof(work_space)));
    if (space == nullptr) return -1;
    if (value.negative) out.put('-');
    exact_decimal d = decimal_digits(value, *space);
    rounding how{direction, value.negative};
    char* digits = space->digits;
    int exponent = 0;
    int available = 1;  // significant digits known; the rest are zeros
    if (d.length == 1 && d.digits[0] == '0') {
        digits[0] = '0';
    } else {
        exponent = d.length - d.fraction - 1;
        std::memmove(digits, d.digits, static_cast<std::size_t>(d.length));
        available = d.length;
        if (precision < d.length - 1) {
            available = precision + 1;
            if (round_digits(digits, available, d.length, how)) {
                digits[0] = '1';  // 9.99 became 10.0: one place up
                ++exponent;
            }
        }
    }
    out.put(digits[0]);
    if (precision > 0) {
        out.put('.');
        out.put_digits(digits + 1, available - 1);
        out.put_zeros(precision - (available - 1));
    }
    put_exponent(out, 'e', exponent);
    std::free(space);
    return out.finish();
}

int format_general(char* buffer, std::size_t size, int precision, const binary_value& value,
                   decimal_rounding direction) noexcept {
    text_sink out{buffer, size};
    if (put_non_finite(out, value)) return out.finish();
    if (precision < 0) precision = 6;
    if (precision == 0) precision = 1;
    auto* space = static_cast<work_space*>(std::malloc(sizeof(work_space)));
    if (space == nullptr) return -1;
    if (value.negative) out.put('-');
    exact_decimal d = decimal_digits(value, *space);
    rounding how{direction, value.negative};
    // The significant digits, rounded to `precision`, and the decimal
    // exponent of the first: value = 0.R... * 10^(exponent + 1).
    char* digits = space->digits;
    int exponent = 0;
    int significant = precision < d.length ? precision : d.length;
    if (d.length == 1 && d.digits[0] == '0') {
        digits[0] = '0';
        significant = 1;
    } else {
        exponent = d.length - d.fraction - 1;
        std::memmove(digits, d.digits, static_cast<std::size_t>(d.length));
        if (round_digits(digits, significant, d.length, how)) {
            digits[0] = '1';  // 99.9 became 100: one digit, one place up
            ++exponent;
        }
    }
    // No trailing zeros (no '#' flag).
    while (significant > 1 && digits[significant - 1] == '0') --significant;
    if (exponent < precision && exponent >= -4) {
        if (exponent >= 0) {
            int whole = exponent + 1;
            int available = significant < whole ? significant : whole;
            out.put_digits(digits, available);
            out.put_zeros(whole - available);
            if (significant > whole) {
                out.put('.');
                out.put_digits(digits + whole, significant - whole);
            }
        } else {
            out.put('0');
            out.put('.');
            out.put_zeros(-exponent - 1);
            out.put_digits(digits, significant);
        }
    } else {
        out.put(digits[0]);
        if (significant > 1) {
            out.put('.');
            out.put_digits(digits + 1, significant - 1);
        }
        put_exponent(out, 'e', exponent);
    }
    std::free(space);
    return out.finish();
}

}  // namespace

int format_long_double_fixed(char* buffer, std::size_t size, int decimals, long double value) noexcept {
    return format_fixed(buffer, size, decimals, value_of(value), decimal_rounding::nearest);
}
int format_long_double_exponential(char* buffer, std::size_t size, int precision,
                                   long double value) noexcept {
    return format_exponential(buffer, size, precision, value_of(value), decimal_rounding::nearest);
}
int format_long_double_general(char* buffer, std::size_t size, int precision,
                               long double value) noexcept {
    return format_general(buffer, size, precision, value_of(value), decimal_rounding::nearest);
}

int format_float128_fixed(char* buffer, std::size_t size, int decimals, __float128 value,
                          decimal_rounding direction) noexcept {
    return format_fixed(buffer, size, decimals, value_of(value), direction);
}
int format_float128_exponential(char* buffer, std::size_t size, int precision, __float128 value,
                                decimal_rounding direction) noexcept {
    return format_exponential(buffer, size, precision, value_of(value), direction);
}
int format_float128_general(char* buffer, std::size_t size, int precision, __float128 value,
                            decimal_rounding direction) noexcept {
    return format_general(buffer, size, precision, value_of(value), direction);
}

}  // namespace lwp::libc
