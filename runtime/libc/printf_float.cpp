// %f %F %e %E %g %G %a %A for double and long double.
//
// Algorithm: decimal expansion, then decimal rounding. A finite value
// (binary_float below, a double or a long double taken apart) is m * 2^e
// with m < 2^64. For e >= 0 that is the integer m * 2^e; for e < 0 it is
// (m * 5^-e) / 10^-e. Either way a big integer in base 10^9 holds every
// digit of the value exactly; only its top limbs are computed, as many as
// rounding at the requested digit needs (expand() says why that is exact),
// unless the precision asks for them all. Rounding to the requested digit
// is then done on the decimal digits, in the current rounding direction as
// glibc's printf does (to nearest: half to even on exact ties; upward and
// downward: away from zero when anything nonzero is dropped from a
// positive, respectively negative, value), so every output is the correctly
// rounded decimal of the exact binary value, for every double and long
// double and every precision.
//
// The limbs and digits live on the stack, sized for the value's whole
// expansion: at most about 1.1 KiB for a double (its smallest subnormal has
// 751 significant digits), up to about 17 KiB for the smallest long double
// subnormals (11,500 digits); %a and the non-finite values take none. The
// cost is the number of multiplications (a twelfth of -e, a 28th of e)
// times the limbs kept: a few thousand limb products for %Le of the
// smallest long double, a million for all its digits (%.16445Lf).
#include <climits>
#include <cstdint>
#include <cstring>

#include "printf_core.hpp"

namespace lwp::libc {

namespace {

// A value taken apart, so that one formatter serves double and long double:
// a finite value is significand * 2^exponent (zero and the non-finite
// have exponent 0). hex_fraction_digits is how many hexadecimal digits of
// the significand %a prints after its first one: 13 for a double (the first
// digit is its integer bit, 0 or 1), 15 for a long double (glibc prints its
// top four bits, 0x8 to 0xf for a normal number, as the first digit).
enum class float_class : unsigned char { finite, infinite, nan };
struct binary_float {
    std::uint64_t significand;
    int exponent;
    int hex_fraction_digits;
    bool negative;
    float_class kind;
    // A long double's exponent field 0 with the integer bit set: the same
    // scale as the smallest normals (exponent field 1), told apart here.
    bool pseudo_denormal;
};

// An x87 extended value: a 64-bit significand with an explicit integer
// bit, then the sign and a 15-bit exponent field. Encodings the x87 does not
// produce (unnormals, pseudo-infinities, pseudo-NaNs) are NaNs, as glibc
// prints them; a pseudo-denormal keeps its integer bit, which glibc's %La
// shows (expand() reads it for %f %e %g as glibc's do). A double argument arrives widened (exactly): it is put back into its
// own form, 53 bits with an exponent of at least -1074, which is what %a
// shows of it.
binary_float decode(long double value, bool is_long_double) {
    std::uint64_t significand;
    std::uint16_t sign_exponent;
    std::memcpy(&significand, &value, sizeof significand);
    std::memcpy(&sign_exponent, reinterpret_cast<const char*>(&value) + 8, sizeof sign_exponent);
    const int exponent_field = sign_exponent & 0x7fff;
    binary_float decoded{significand, exponent_field - 16446, 15, (sign_exponent >> 15) != 0,
                         float_class::finite, false};
    if (exponent_field == 0) {
        decoded.exponent = significand ? -16445 : 0;  // denormals share 2^-16382's scale
        decoded.pseudo_denormal = significand >> 63;
    } else if (exponent_field == 0x7fff || !(significand >> 63)) {
        // An infinity, or a NaN of any kind (an unnormal has no integer
        // bit).
        decoded.kind = significand == std::uint64_t{1} << 63 ? float_class::infinite : float_class::nan;
        decoded.exponent = 0;
    }
    if (!is_long_double) {
        // The low 11 bits (more for a subnormal double) are zero.
        int shift = -1074 - decoded.exponent;
        if (shift < 11) shift = 11;
        decoded.significand >>= shift;
        decoded.exponent += shift;
        decoded.hex_fraction_digits = 13;
    }
    return decoded;
}

constexpr std::uint32_t limb_base = 1000000000;  // 10^9 per 32-bit limb

// How many 32-bit base-10^9 limbs the exact expansion of `value` needs, at
// least. Its significand m < 2^64 times 2^e (e >= 0) or 5^-e (e < 0) has
// fewer than 64 + |e| log2 5 bits; each limb holds log2(10^9) > 29.89 of
// them, so 2.15 + 0.0777 |e| limbs hold it: 4 + 5/64 |e| do, with room for
// %a's 16 digits. A double needs at most 87 (1,131 bytes with their
// digits), the smallest long doubles 1,288.
int limbs_needed(const binary_float& value) {
    int magnitude = value.exponent < 0 ? -value.exponent : value.exponent;
    return 4 + (magnitude * 5 >> 6);
}

// A non-negative big integer, little-endian base-10^9 limbs, of which at
// most `window` are kept: past that the lowest is dropped after each
// multiplication (`dropped_digits` counts their digits, nine each), and
// what is left is the top of the exact product, too low by less than 2
// units of its last limb. (A multiplication by f turns an error below E
// units into one below E f / 10^9 + 1 units of the next limb up, which
// stays under 1.37 when every factor is at most 2^28, under 1.33 with 5^12.)
// That needs a limb dropped at every multiplication once one was: one
// that adds no limb (the top limb times f below 10^9, which after expand's
// first factor, when every factor is 2^28 or 5^12, takes a top limb of at
// most 4: about once in 50 million) multiplies the error by f, so it sets
// dropped_digits negative for good, and expand then makes the whole
// expansion.
struct big_decimal {
    std::uint32_t* limbs;
    int count;
    int window;
    int dropped_digits;

    // factor <= 2^28, so limb * factor + carry < 10^9 * 2^28 + 2^28 < 2^58.
    [[gnu::noinline]] void multiply(std::uint32_t factor) {
        // Locals: a store to a limb could otherwise be a store to `count`.
        std::uint32_t* const limb = limbs;
        int n = count;
        std::uint64_t carry = 0;
        for (int i = 0; i < n; ++i) {
            std::uint64_t product = static_cast<std::uint64_t>(limb[i]) * factor + carry;
            // product / 10^9, which -Os would make a division (several
            // times slower), as a multiplication by 2^93 / 10^9 rounded up:
            // exact for every product below 2^59, since that rounding adds
            // under 2^34 to 2^93 (Granlund and Montgomery's bound).
            carry = static_cast<std::uint64_t>(static_cast<unsigned __int128>(product) *
                                               0x89705f4136b4a598 >> 93);
            limb[i] = static_cast<std::uint32_t>(product - carry * limb_base);
        }
        // carry < 2^28 + 1 < 10^9: one more limb at most.
        if (carry) limb[n++] = static_cast<std::uint32_t>(carry);
        if (n > window)
            limbs = limb + 1, --n, dropped_digits += 9;
        else if (dropped_digits)
            dropped_digits = INT_MIN;  // the error bound is lost (above)
        count = n;
    }
};

// Decimal digits d1 d2 ... dn (no leading zero) with value 0.d1d2...dn * 10^point.
struct decimal_digits {
    char* digits;
    int count;
    int point;

    char at(long long index) const { return index >= 0 && index < count ? digits[index] : '0'; }
};

// The rounding direction printf follows: fegetround's, which on x86_64 is
// the x87 control word's (fesetround sets it and MXCSR alike). Its field
// reads 0 to nearest, 1 downward, 2 upward, 3 toward zero.
unsigned rounding_direction() {
    std::uint16_t control;
    __asm__("fnstcw %0" : "=m"(control));
    return (control >> 10) & 3;
}

// Whether dropping digits rounds the kept ones up (away from zero). The
// dropped part is measured against half a unit of the last kept place as
// 2 * (its first digit) + (whether anything nonzero follows that digit),
// `half` being that measure of exactly half (10 for decimal digits, 16 for
// hexadecimal ones); zero when nothing nonzero is dropped. Out of line:
// one copy serves the decimal and the hexadecimal rounding.
[[gnu::noinline]] bool rounds_away(bool negative, int dropped, int half, bool last_kept_odd) {
    unsigned direction = rounding_direction();
    if (direction == 0) return dropped + last_kept_odd > half;
    // Downward (1) rounds a negative value away from zero, upward (2) a
    // positive one; toward zero (3) never does.
    return dropped && direction + negative == 2;
}

// The decimal digits of a finite value's magnitude, exact as far as
// rounding needs them: the first `wanted` digits (those kept and the one
// that rounds them) and, after them, digits that are nonzero exactly when
// the value's are. `limbs` has room for limbs_needed(value) of them,
// out.digits for nine times as many digits.
//
// Only a window of the top limbs is computed (big_decimal), enough that
// the wanted digits all lie above its last limb, so a value of extreme
// exponent costs its multiplications times the window instead of times its
// whole expansion (a few thousand limb products, not a million, for %Le of
// the smallest long double). That top is low by under two units of its
// last limb; when that limb is at least 1 and at most 10^9 - 3, no carry
// from below reaches the limbs above it and the rest is not zero, which is
// all rounding needs. Otherwise the whole expansion is made: about three
// times in a billion for that limb, and, for a multiplication that added
// no limb (big_decimal), a few times in 100,000 for the most extreme
// exponents, less for others.
[[gnu::noinline]] void expand(const binary_float& value, std::uint32_t* limbs, decimal_digits& out,
                              long long wanted) {
    std::uint64_t significand = value.significand;
    int binary_exponent = value.exponent;
    // A long double pseudo-denormal (integer bit set, exponent field 0):
    // glibc's decimal conversions print its other 63 bits alone, unless
    // they are all zero (then 2^-16382, what the x87 makes of it all).
    if (value.pseudo_denormal && significand << 1) significand = significand << 1 >> 1;
    if (wanted < 0) wanted = 0;
    // At least 2 + wanted / 8 limbs above the last: their 9 (window - 2) + 1
    // digits or more hold the wanted ones (a shift is shorter code than a
    // division by 9), and the top limb, which sets the digit count, is never
    // the last.
    big_decimal number{limbs, 0, static_cast<int>(wanted >> 3) + 3, 0};
    // At least one limb: zero is one limb 0, whose digit "0" is kept below.
    std::uint64_t rest = significand;
    do number.limbs[number.count++] = static_cast<std::uint32_t>(rest % limb_base);
    while (rest /= limb_base);
    // The value is m * 2^e, or for e < 0 m * 5^k / 10^k with k = -e: the
    // power is multiplied in by 2^28 or 5^12 at a time (at most 2^28, see
    // big_decimal), its small remainder first, while the number is still
    // exact: after it, every factor is large enough that a multiplication
    // adding no limb is rare (big_decimal).
    int decimal_places = 0;
    std::uint32_t base = 2, step_factor = 1u << 28;
    int step = 28, power_left = binary_exponent;
    if (binary_exponent < 0) {
        decimal_places = power_left = -binary_exponent;
        base = 5, step_factor = 244140625u, step = 12;
    }
    std::uint32_t remainder_factor = 1;
    for (int i = power_left % step; i > 0; --i) remainder_factor *= base;
    number.multiply(remainder_factor);
    for (; power_left >= step; power_left -= step) number.multiply(step_factor);
    if (number.dropped_digits < 0 || (number.dropped_digits && number.limbs[0] - 1 >= limb_base - 3)) {
        expand(value, limbs, out, 1 << 30);  // the whole expansion: no limb dropped
        return;
    }

    // Limbs to characters, nine each, most significant first; then the
    // leading zeros of the top limb are skipped, but for zero's last.
    int length = 9 * number.count;
    char* digit = out.digits + length;
    for (int i = 0; i < number.count; ++i)
        for (std::uint32_t limb = number.limbs[i], d = 0; d < 9; ++d, limb /= 10)
            *--digit = static_cast<char>('0' + limb % 10);
    while (length > 1 && *out.digits == '0') ++out.digits, --length;
    out.count = length;
    out.point = length - decimal_places + number.dropped_digits;
}

// Keeps the first `keep` digits of the magnitude of a value of the sign
// given, rounding in the current direction on the rest. keep is wide because
// it is derived from a precision, which may be INT_MAX; below the digit
// count it fits an int (it is at least the decimal point's position, above
// -5000). It is zero or negative when the last place kept lies above the
// first digit. The digits that carrying turned to zeros are left out of the
// count.
void round_to(decimal_digits& number, long long keep_wide, bool negative) {
    if (keep_wide >= number.count) return;
    int keep = static_cast<int>(keep_wide);
    char* const digits = number.digits;
    // Below the first digit's place the dropped value (first digit
    // nonzero) is under a tenth of a unit: nonzero, under half.
    int dropped = 1;
    bool kept_odd = false;
    if (keep >= 0) {
        bool rest_nonzero = false;
        for (int i = keep + 1; i < number.count; ++i) rest_nonzero |= digits[i] != '0';
        dropped = 2 * (digits[keep] - '0') + rest_nonzero;
        kept_odd = keep > 0 && (digits[keep - 1] & 1);  // '0' is even
    } else {
        // The last place kept lies -keep places above the first digit:
        // counted from there, no digit is kept.
        number.point -= keep;
        keep = 0;
    }
    if (rounds_away(negative, dropped, 10, kept_odd)) {
        // Trailing 9s become zeros, which need no digits (at() reads
        // '0' past the count); 99.9 -> 100 is a 1 one place up.
        while (keep > 0 && digits[keep - 1] == '9') --keep;
        if (keep > 0) {
            ++digits[keep - 1];
        } else {
            digits[0] = '1';
            keep = 1;
            ++number.point;
        }
    }
    // Nothing kept (only from %f, whose digits then are all zeros whatever
    // the point) leaves no digit.
    number.count = keep;
}

// %a %A: the binary value in hexadecimal, as glibc prints it: a double as
// 0x1.hhhp+d (normal) or 0x0.hhhp-1022 (subnormal), a long double with its
// top four significand bits as the first digit (0x8.hhhp+d for a normal
// number, exponent -16385 for a denormal); exact when no precision is given
// (trailing zero digits dropped), otherwise rounded in the current direction
// at the requested digit. A carry into the first digit may leave a double's
// as 2 (0x2p+0), as glibc prints it; a long double's past 0xf becomes 0x1
// with the exponent four higher. Fills `number` with the first digit and the
// fraction digits; returns the binary exponent.
int expand_hex(const binary_float& value, int precision, bool upper, decimal_digits& number) {
    // The significand read as hexadecimal digits: the first one, then
    // `digits` fraction digits. Rounding works on all of it at once, so a
    // carry reaches the first digit by itself.
    int digits = value.hex_fraction_digits;
    std::uint64_t significand = value.significand;
    int exponent = significand ? value.exponent + 4 * digits : 0;
    if (precision >= 0 && precision < digits) {
        const int dropped_bits = (digits - precision) * 4;
        std::uint64_t kept = significand >> dropped_bits;
        // The first dropped digit, and whether any bit after it is set.
        int dropped = 2 * static_cast<int>((significand >> (dropped_bits - 4)) & 0xf) +
                      ((significand & ((std::uint64_t{1} << (dropped_bits - 4)) - 1)) != 0);
        if (rounds_away(value.negative, dropped, 16, kept & 1)) ++kept;
        significand = kept;
        digits = precision;
        if (significand >> (4 * digits) == 16) {  // a long double's 0xf carried: 0x1, 4 up
            significand >>= 4;
            exponent += 4;
        }
    } else if (precision < 0) {
        while (digits > 0 && !(significand & 0xf)) {
            significand >>= 4;
            --digits;
        }
    }
    const char* digit_set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = 0; i <= digits; ++i)
        number.digits[i] = digit_set[(significand >> (4 * (digits - i))) & 0xf];
    number.count = 1 + digits;
    return exponent;
}

}  // namespace

void format_float(format_sink& sink, const conversion_spec& spec, long double argument,
                  bool is_long_double) {
    const binary_float value = decode(argument, is_long_double);
    const char conversion = spec.conversion;
    // The letters here are f F e E g G a A: capitals come first in ASCII.
    const bool upper = conversion < 'a';
    char sign[1] = {0};
    std::size_t sign_length = 0;
    if (value.negative) sign[sign_length++] = '-';
    else if (spec.flags & flag_plus) sign[sign_length++] = '+';
    else if (spec.flags & flag_space) sign[sign_length++] = ' ';

    const bool hex = conversion == 'a' || conversion == 'A';
    conversion_spec field = spec;
    bool alternate = spec.flags & flag_alternate;
    // Room for the value's digits, on the stack: as much as this value
    // needs (limbs_needed), so a double never takes more than about 1.1 KiB.
    // %a expands nothing: four limbs' room holds its at most 16 digits (and
    // inf and nan, whose exponent 0 asks for no more).
    const int limb_count = hex ? 4 : limbs_needed(value);
    // One array: the limbs, then nine digits for each.
    std::uint32_t space[limb_count * 13 / 4 + 1];
    std::uint32_t* limbs = space;
    decimal_digits number{reinterpret_cast<char*>(space + limb_count), 0, 0};
    // Digit counts and positions are long long: they grow from a precision
    // that may be INT_MAX, and output longer than INT_MAX is EOVERFLOW, not
    // an int overflow on the way there.
    long long precision;
    int exponent = 0;
    bool exponent_style = true, strip_zeros = false;
    // The first digit printed is digits[first]: for %e and %a the leading
    // digit, for %f the first integer digit (negative index: leading zeros).
    int first = 0, integer_digits = 1;
    const bool special = value.kind != float_class::finite;
    if (special) {
        // The word stands in for the digits; padded with spaces only.
        std::memcpy(number.digits, "infINFnanNAN" + 6 * (value.kind == float_class::nan) + 3 * upper, 3);
        number.count = integer_digits = 3;
        precision = 0;
        exponent_style = alternate = false;
        field.flags &= ~flag_zero;
    } else if (hex) {
        exponent = expand_hex(value, spec.precision, upper, number);
        precision = spec.precision < 0 ? number.count - 1 : spec.precision;
    } else {
        precision = spec.precision < 0 ? 6 : spec.precision;
        // The digits rounding looks at: %e keeps precision + 1 of them, %g
        // at most as many, %f those down to its last decimal, whose count
        // the value's size bounds: it is below 2^(exponent + 64), so its
        // first digit's place is at most that power's decimal exponent.
        // 78913 / 2^18 is log10(2) rounded down to within 10^-6, which the
        // 4 more (1.2 decimal places) cover, with the one place to spare
        // that the first digit's own place needs.
        long long wanted = precision + 2;
        if ((conversion | 0x20) == 'f') wanted += (value.exponent + 68) * 78913 >> 18;
        expand(value, limbs, number, wanted);
        exponent_style = conversion == 'e' || conversion == 'E';
        if (conversion == 'g' || conversion == 'G') {
            // %g: P significant digits; exponent style when the decimal
            // exponent X (after rounding to P digits) is below -4 or at least P.
            long long significant = precision == 0 ? 1 : precision;
            round_to(number, significant, value.negative);
            int decimal_exponent = number.point - 1;
            exponent_style = decimal_exponent < -4 || decimal_exponent >= significant;
            precision = exponent_style ? significant - 1 : significant - 1 - decimal_exponent;
            strip_zeros = !alternate;
        }
        if (exponent_style) {
            round_to(number, precision + 1, value.negative);
            exponent = number.point - 1;  // zero has point 1
        } else {
            round_to(number, number.point + precision, value.negative);
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
        exponent_text[0] = static_cast<char>((hex ? 'p' : 'e') - 32 * upper);
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
