// %f %F %e %E %g %G %a %A for double.
//
// Algorithm: exact decimal expansion, then decimal rounding. A finite double
// is m * 2^e with m < 2^53. For e >= 0 that is the integer m * 2^e; for e < 0
// it is (m * 5^-e) / 10^-e. Either way a big integer in base 10^9 (at most
// 767 decimal digits, for the smallest subnormal) holds every digit of the
// value exactly. Rounding to the requested digit is then done on the decimal
// digits, round-half-to-even on exact ties, so every output is the correctly
// rounded decimal of the exact binary value, for every double and every
// precision, in the default rounding mode. Limits: the current floating-point
// rounding mode (fesetround) is not consulted; long double arguments arrive
// already rounded to double (see printf_core.cpp). Cost: about 1.2 KiB of
// stack and, for subnormals, a few thousand 64-bit multiplications.
#include <cstdint>
#include <cstring>

#include "printf_core.hpp"

namespace lwp::libc {
namespace {

constexpr std::uint32_t limb_base = 1000000000;  // 10^9 per 32-bit limb
constexpr int max_limbs = 88;                     // 767 digits / 9, rounded up
constexpr int max_digits = max_limbs * 9;

// A non-negative big integer, little-endian base-10^9 limbs.
struct big_decimal {
    std::uint32_t limbs[max_limbs];
    int count = 0;

    // factor < 2^32, so limb * factor + carry < 10^9 * 2^32 + 2^32 fits in 64 bits.
    void multiply(std::uint32_t factor) {
        std::uint64_t carry = 0;
        for (int i = 0; i < count; ++i) {
            std::uint64_t product = static_cast<std::uint64_t>(limbs[i]) * factor + carry;
            limbs[i] = static_cast<std::uint32_t>(product % limb_base);
            carry = product / limb_base;
        }
        while (carry) {
            limbs[count++] = static_cast<std::uint32_t>(carry % limb_base);
            carry /= limb_base;
        }
    }
};

// Decimal digits d1 d2 ... dn (no leading zero) with value 0.d1d2...dn * 10^point.
struct decimal_digits {
    char digits[max_digits + 1];
    int count;
    int point;

    char at(long long index) const { return index >= 0 && index < count ? digits[index] : '0'; }
};

void expand(double value, decimal_digits& out) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    int exponent_field = static_cast<int>(bits >> 52) & 0x7ff;
    std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
    int exponent;
    if (exponent_field) {
        mantissa |= std::uint64_t{1} << 52;
        exponent = exponent_field - 1075;
    } else {
        exponent = -1074;  // subnormal (or zero)
    }
    if (mantissa == 0) {
        out.digits[0] = '0';
        out.count = 1;
        out.point = 1;
        return;
    }
    // Fewer binary places means fewer factors of 5 to multiply in below.
    while (exponent < 0 && !(mantissa & 1)) {
        mantissa >>= 1;
        ++exponent;
    }

    big_decimal number;
    while (mantissa) {
        number.limbs[number.count++] = static_cast<std::uint32_t>(mantissa % limb_base);
        mantissa /= limb_base;
    }
    int decimal_places = 0;
    if (exponent >= 0) {
        for (; exponent >= 28; exponent -= 28) number.multiply(1u << 28);
        number.multiply(1u << exponent);
    } else {
        // value = m * 5^k / 10^k with k = -exponent. 5^13 is the largest power
        // of five below 2^32.
        decimal_places = -exponent;
        int k = decimal_places;
        for (; k >= 13; k -= 13) number.multiply(1220703125u);
        std::uint32_t rest = 1;
        while (k--) rest *= 5;
        number.multiply(rest);
    }

    // Limbs to characters, most significant first; the top limb without its
    // leading zeros.
    int length = 0;
    for (int i = number.count - 1; i >= 0; --i) {
        char group[9];
        std::uint32_t limb = number.limbs[i];
        for (int d = 8; d >= 0; --d, limb /= 10) group[d] = static_cast<char>('0' + limb % 10);
        int first = 0;
        if (i == number.count - 1)
            while (first < 8 && group[first] == '0') ++first;
        for (int d = first; d < 9; ++d) out.digits[length++] = group[d];
    }
    out.count = length;
    out.point = length - decimal_places;
}

// Keeps the first `keep` digits, rounding half to even on the rest. keep is
// wide because it is derived from a precision, which may be INT_MAX.
void round_to(decimal_digits& number, long long keep_wide) {
    if (keep_wide >= number.count) return;
    int keep = keep_wide < 0 ? -1 : static_cast<int>(keep_wide);
    bool round_up;
    if (keep < 0) {
        round_up = false;  // the value is below half a unit of the kept place
    } else {
        char next = number.digits[keep];
        bool rest_nonzero = false;
        for (int i = keep + 1; i < number.count; ++i) rest_nonzero |= number.digits[i] != '0';
        bool kept_odd = keep > 0 && (number.digits[keep - 1] - '0') % 2;
        round_up = next > '5' || (next == '5' && (rest_nonzero || kept_odd));
    }
    number.count = keep < 0 ? 0 : keep;
    if (round_up) {
        int i = keep - 1;
        while (i >= 0 && number.digits[i] == '9') number.digits[i--] = '0';
        if (i >= 0) {
            ++number.digits[i];
        } else {
            // 99.9 -> 100: all nines carried out; the digits are now a 1.
            number.digits[0] = '1';
            number.count = 1;
            ++number.point;
        }
    }
    if (number.count == 0) {  // rounded away to zero
        number.digits[0] = '0';
        number.count = 1;
        number.point = 1;
    }
}

// %a %A: the binary value in hexadecimal, 0x1.hhhp+d (normal) or
// 0x0.hhhp-1022 (subnormal), exact when no precision is given (trailing zero
// digits dropped), otherwise rounded half to even at the requested digit; a
// carry may leave a leading 2 (0x2p+0), as glibc prints it. Fills `number`
// with the leading digit and the fraction digits; returns the binary
// exponent.
int expand_hex(double value, int precision, bool upper, decimal_digits& number) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    int exponent_field = static_cast<int>(bits >> 52) & 0x7ff;
    std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    unsigned leading = exponent_field ? 1 : 0;
    int exponent = exponent_field ? exponent_field - 1023 : (fraction ? -1022 : 0);
    int digits = 13;  // 52 fraction bits
    if (precision >= 0 && precision < 13) {
        int dropped_bits = (13 - precision) * 4;
        std::uint64_t kept = fraction >> dropped_bits;
        std::uint64_t rest = fraction & ((std::uint64_t{1} << dropped_bits) - 1);
        std::uint64_t half = std::uint64_t{1} << (dropped_bits - 1);
        bool last_odd = precision == 0 ? (leading & 1) : (kept & 1);
        if (rest > half || (rest == half && last_odd)) {
            ++kept;
            if (kept >> (precision * 4)) {  // carried into the leading digit
                ++leading;
                kept = 0;
            }
        }
        fraction = kept;
        digits = precision;
    } else if (precision < 0) {
        while (digits > 0 && !(fraction & 0xf)) {
            fraction >>= 4;
            --digits;
        }
    }
    const char* digit_set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    number.digits[0] = digit_set[leading];
    for (int i = 0; i < digits; ++i)
        number.digits[1 + i] = digit_set[(fraction >> (4 * (digits - 1 - i))) & 0xf];
    number.count = 1 + digits;
    return exponent;
}

}  // namespace

void format_double(format_sink& sink, const conversion_spec& spec, double value) {
    const char conversion = spec.conversion;
    const bool upper = conversion == 'F' || conversion == 'E' || conversion == 'G' || conversion == 'A';
    char sign[1] = {0};
    std::size_t sign_length = 0;
    if (__builtin_signbit(value)) sign[sign_length++] = '-';
    else if (spec.flags & flag_plus) sign[sign_length++] = '+';
    else if (spec.flags & flag_space) sign[sign_length++] = ' ';

    const bool hex = conversion == 'a' || conversion == 'A';
    conversion_spec field = spec;
    bool alternate = spec.flags & flag_alternate;
    decimal_digits number;
    // Digit counts and positions are long long: they grow from a precision
    // that may be INT_MAX, and output longer than INT_MAX is EOVERFLOW, not
    // an int overflow on the way there.
    long long precision;
    int exponent = 0;
    bool exponent_style = true, strip_zeros = false;
    // The first digit printed is digits[first]: for %e and %a the leading
    // digit, for %f the first integer digit (negative index: leading zeros).
    int first = 0, integer_digits = 1;
    const bool special = value != value || value - value != 0;  // NaN; inf - inf is NaN
    if (special) {
        // The word stands in for the digits; padded with spaces only.
        std::memcpy(number.digits,
                    value != value ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        number.count = integer_digits = 3;
        precision = 0;
        exponent_style = alternate = false;
        field.flags &= ~flag_zero;
    } else if (hex) {
        exponent = expand_hex(value, spec.precision, upper, number);
        precision = spec.precision < 0 ? number.count - 1 : spec.precision;
    } else {
        expand(value, number);
        precision = spec.precision < 0 ? 6 : spec.precision;
        exponent_style = conversion == 'e' || conversion == 'E';
        if (conversion == 'g' || conversion == 'G') {
            // %g: P significant digits; exponent style when the decimal
            // exponent X (after rounding to P digits) is below -4 or at least P.
            long long significant = precision == 0 ? 1 : precision;
            round_to(number, significant);
            int decimal_exponent = number.point - 1;
            exponent_style = decimal_exponent < -4 || decimal_exponent >= significant;
            precision = exponent_style ? significant - 1 : significant - 1 - decimal_exponent;
            strip_zeros = !alternate;
        }
        if (exponent_style) {
            round_to(number, precision + 1);
            exponent = number.digits[0] == '0' ? 0 : number.point - 1;
        } else {
            round_to(number, number.point + precision);
            integer_digits = number.point > 0 ? number.point : 1;
            first = number.point > 0 ? 0 : number.point - 1;
        }
    }

    long long fraction_digits = precision;
    if (strip_zeros) {
        // Trailing zeros of the fraction go, and then a bare point.
        long long last = first + integer_digits + fraction_digits - 1;
        while (fraction_digits > 0 && number.at(last) == '0') --fraction_digits, --last;
    }
    bool has_point = fraction_digits > 0 || alternate;

    // "e+05", "e-308", "p+0", "p-1022": a decimal exponent has at least two
    // digits, a binary one at least one.
    char exponent_text[8];
    std::size_t exponent_length = 0;
    if (exponent_style) {
        exponent_text[0] = hex ? (upper ? 'P' : 'p') : (upper ? 'E' : 'e');
        exponent_text[1] = exponent < 0 ? '-' : '+';
        unsigned magnitude = exponent < 0 ? 0u - exponent : exponent;
        std::size_t digits = 1;
        for (unsigned rest = magnitude; rest >= 10; rest /= 10) ++digits;
        if (!hex && digits < 2) digits = 2;
        exponent_length = 2 + digits;
        for (std::size_t i = exponent_length - 1; i >= 2; --i, magnitude /= 10)
            exponent_text[i] = static_cast<char>('0' + magnitude % 10);
    }

    char prefix[3] = {sign[0], '0', upper ? 'X' : 'x'};
    std::size_t prefix_length = sign_length;
    if (hex && !special) {
        // No sign: the 0x moves to the front.
        if (!sign_length) prefix[0] = '0', prefix[1] = prefix[2];
        prefix_length += 2;
    }

    std::size_t body = static_cast<std::size_t>(integer_digits) + has_point +
                       static_cast<std::size_t>(fraction_digits) + exponent_length;
    std::size_t owed = emit_field_start(sink, field, prefix, prefix_length, 0, body);

    // Digits come from the expansion while it lasts, then zeros; the runs of
    // zeros are emitted in bulk so a huge precision costs no buffer.
    auto emit_digits = [&](long long from, long long count) {
        while (count > 0) {
            if (from >= 0 && from < number.count) {
                long long run = number.count - from < count ? number.count - from : count;
                sink.emit(number.digits + from, static_cast<std::size_t>(run));
                from += run;
                count -= run;
            } else {
                long long run = from < 0 && -from < count ? -from : count;
                sink.repeat('0', static_cast<std::size_t>(run));
                from += run;
                count -= run;
            }
        }
    };
    emit_digits(first, integer_digits);
    if (has_point) sink.emit('.');
    emit_digits(first + integer_digits, fraction_digits);
    sink.emit(exponent_text, exponent_length);
    sink.repeat(' ', owed);
}

}  // namespace lwp::libc
