// printf_size and printf_size_info (<printf.h>): a handler and its arginfo
// function for register_printf_specifier that print a double (a long
// double with L) as a size with a unit letter. As glibc's:
// - a lower-case conversion letter divides by 1024 and uses " kmgtpezy",
//   an upper-case one by 1000 and " KMGTPEZY" (the first unit is a space:
//   500 prints "500.000 ");
// - the number is "%.3f" (or the spec's precision) with the spec's flags,
//   the unit letter after it; the width counts the unit;
// - nan and inf (with its sign, '+' or ' ' as the flags say) print as
//   three letters in a field as wide as the larger of width and precision.
// Long doubles are formatted exactly (lwp's printf does so).
// With info->wide (a wide printf function's handler) every character goes
// out as a wide character, as glibc's writes to the wide stream it is given.
#include <math.h>
#include <printf.h>
#include <stdio.h>

#include "stream_format_sink.hpp"

extern "C" int __printf_fp(FILE* stream, const struct printf_info* info,
                           const void* const* arguments) noexcept;

namespace {

// One character, a byte or (`wide`) a wide character; false on failure.
bool put(FILE* stream, bool wide, char c) {
    return wide ? lwp::libc::put_ascii_as_wide(stream, c) : putc(c, stream) != EOF;
}

// The padding before or after a special value's text.
int pad(FILE* stream, bool wide, int count) {
    for (int i = 0; i < count; ++i)
        if (!put(stream, wide, ' ')) return -1;
    return count > 0 ? count : 0;
}

}  // namespace

extern "C" {

int printf_size(FILE* __restrict stream, const struct printf_info* info,
                const void* const* __restrict arguments) noexcept {
    const bool decimal = info->spec >= 'A' && info->spec <= 'Z';
    const char* unit = decimal ? " KMGTPEZY" : " kmgtpezy";
    const long double divisor = decimal ? 1000 : 1024;
    const bool wide_value = info->is_long_double;
    const bool wide = info->wide;
    long double value = wide_value ? *static_cast<const long double*>(arguments[0])
                                   : *static_cast<const double*>(arguments[0]);
    const char* special = nullptr;
    bool negative = false;
    if (isnan(value)) {
        special = "nan";  // no sign, even for a negative NaN
    } else if (isinf(value)) {
        special = "inf";
        negative = signbit(value);
    } else {
        // In the argument's own type, as glibc divides.
        while (value >= divisor && unit[1] != '\0') {
            value = wide_value ? value / divisor
                               : static_cast<double>(static_cast<double>(value) /
                                                     static_cast<double>(divisor));
            ++unit;
        }
    }

    if (special) {
        int width = info->prec > info->width ? info->prec : info->width;
        char sign = negative ? '-' : info->showsign ? '+' : info->space ? ' ' : '\0';
        if (sign) --width;
        width -= 3;
        int done = 0;
        if (!info->left && width > 0) {
            if (pad(stream, wide, width) < 0) return -1;
            done += width;
        }
        if (sign) {
            if (!put(stream, wide, sign)) return -1;
            ++done;
        }
        for (const char* c = special; *c; ++c)
            if (!put(stream, wide, *c)) return -1;
        done += 3;
        if (info->left && width > 0) {
            if (pad(stream, wide, width) < 0) return -1;
            done += width;
        }
        return done;
    }

    // The number as %f with the spec's flags (__printf_fp, which also puts
    // the zeros of '-' with '0' after it), the unit after it, and the width
    // counting the unit: with '-' and space padding the number is printed
    // unpadded and the padding added after the unit.
    const bool pad_after = info->left && info->pad == L' ';
    printf_info number = *info;
    number.spec = 'f';
    number.prec = info->prec < 0 ? 3 : info->prec;
    number.width = pad_after || info->width < 1 ? 0 : info->width - 1;
    const double narrow_value = static_cast<double>(value);
    const void* number_argument[1] = {wide_value ? static_cast<const void*>(&value)
                                                 : static_cast<const void*>(&narrow_value)};
    int done = __printf_fp(stream, &number, number_argument);
    if (done <= 0) return done;
    if (!put(stream, wide, *unit)) return -1;
    ++done;
    if (pad_after && info->width > done) {
        int padding = info->width - done;
        if (pad(stream, wide, padding) < 0) return -1;
        done += padding;
    }
    return done;
}

int printf_size_info(const struct printf_info* __restrict info, size_t n,
                     int* __restrict types) noexcept {
    if (n >= 1) types[0] = PA_DOUBLE | (info->is_long_double ? PA_FLAG_LONG_DOUBLE : 0);
    return 1;
}

}  // extern "C"
