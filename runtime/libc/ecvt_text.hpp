// The step fcvt_r and qfcvt_r share (ecvt_conversions.cpp,
// ecvt_long_double_conversions.cpp): from the text "%.*f" or "%.*Lf" printed
// into buf (`printed` characters, or inf/nan), the digits without the point,
// *decpt, and the zeros of the places rounded off left of the point.
#pragma once

#include <stddef.h>

namespace lwp::libc {

inline bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }

// -1 when the text did not fit in len bytes; 0 otherwise.
inline int finish_fixed_text(char* buf, size_t len, int printed, bool nonzero, int places_left,
                             int* decpt) noexcept {
    auto length = static_cast<size_t>(printed);
    if (printed < 0 || length >= len) return -1;
    size_t integer_digits = 0;
    while (integer_digits < length && is_decimal_digit(buf[integer_digits])) ++integer_digits;
    *decpt = static_cast<int>(integer_digits);
    if (integer_digits == 0) return 0;  // "inf", "-nan", ...
    if (integer_digits < length) {
        // The fraction's digits follow the point.
        size_t fraction = integer_digits + 1;
        if (integer_digits == 1 && buf[0] == '0' && nonzero) {
            // Below 1: no digit before the point, and none of the zeros
            // after it.
            *decpt = 0;
            while (fraction < length && buf[fraction] == '0') {
                --*decpt;
                ++fraction;
            }
        }
        size_t kept = *decpt > 0 ? static_cast<size_t>(*decpt) : 0;
        for (size_t i = fraction; i < length; ++i) buf[kept++] = buf[i];
        buf[kept] = '\0';
        length = kept;
    }
    if (places_left > 0) {
        *decpt += places_left;
        // The zeros of the places rounded off, as many as fit.
        if (len - 1 > length) {
            while (places_left-- > 0 && length < len - 1) buf[length++] = '0';
            buf[length] = '\0';
        }
    }
    return 0;
}

}  // namespace lwp::libc
