// qecvt qfcvt qgcvt qecvt_r qfcvt_r (<stdlib.h>, legacy): the long double
// forms of ecvt_conversions.cpp's functions, glibc's steps with glibc's long
// double bounds: at most 21 digits (NDIGIT_MAX), static buffers of 33 bytes,
// qfcvt's fallback of 4,965 (room for LDBL_MAX's 4,933 integer digits), and
// 1e-4931L as the smallest power of ten qecvt_r scales by directly. The
// scaling (value * 0.1 for a negative ndigit, the powers of ten) is long
// double arithmetic, inexact as glibc's; the digits are "%.*Lf" and "%.*Lg"
// printed exactly (long_double_decimal.cpp), to nearest.
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "ecvt_text.hpp"
#include "long_double_decimal.hpp"
#include "possibly_null.hpp"

namespace lwp::libc {
namespace {

constexpr int most_digits = 21;
constexpr std::size_t static_buffer_size = most_digits + 12;
constexpr std::size_t large_buffer_size = 4932 + static_buffer_size;
constexpr long double smallest_normal_power = 1.0e-4931L;  // 10^LDBL_MIN_10_EXP
constexpr int smallest_normal_exponent = -4931;

}  // namespace
}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

int qfcvt_r(long double value, int ndigit, int* decpt, int* sign, char* buf, size_t len) noexcept {
    // Declared never null, but glibc checks it.
    if (possibly_null(buf) == nullptr) {
        errno = EINVAL;
        return -1;
    }
    int places_left = 0;  // the places rounded off left of the point
    if (isfinite(value)) {
        *sign = signbit(value) != 0;
        value = fabsl(value);
        for (; ndigit < 0; ++ndigit, ++places_left) {
            long double smaller = value * 0.1;  // glibc's double 0.1
            if (smaller < 1.0L) {
                ndigit = 0;
                break;
            }
            value = smaller;
        }
    } else {
        *sign = 0;
    }
    int printed = format_long_double_fixed(buf, len, ndigit < most_digits ? ndigit : most_digits, value);
    return finish_fixed_text(buf, len, printed, value != 0.0L, places_left, decpt);
}

int qecvt_r(long double value, int ndigit, int* decpt, int* sign, char* buf, size_t len) noexcept {
    int exponent = 0;
    if (isfinite(value) && value != 0.0L) {
        long double magnitude = fabsl(value);
        // A subnormal is first brought up, so that the power of ten built
        // below cannot overflow.
        if (magnitude < smallest_normal_power) {
            value /= smallest_normal_power;
            magnitude = fabsl(value);
            exponent += smallest_normal_exponent;
        }
        long double power = 1.0L;
        if (magnitude < 1.0L) {
            do {
                power *= 10.0L;
                --exponent;
            } while (magnitude * power < 1.0L);
            value *= power;
        } else if (magnitude >= 10.0L) {
            do {
                power *= 10.0L;
                ++exponent;
            } while (magnitude >= power * 10.0L);
            value /= power;
        }
    }
    if (ndigit <= 0 && len > 0) {
        buf[0] = '\0';
        *decpt = 1;
        *sign = isfinite(value) ? signbit(value) != 0 : 0;
    } else if (qfcvt_r(value, (ndigit < most_digits ? ndigit : most_digits) - 1, decpt, sign, buf, len) != 0) {
        return -1;
    }
    *decpt += exponent;
    return 0;
}

char* qecvt(long double value, int ndigit, int* decpt, int* sign) noexcept {
    static char buffer[static_buffer_size];
    qecvt_r(value, ndigit, decpt, sign, buffer, sizeof buffer);
    return buffer;
}

char* qfcvt(long double value, int ndigit, int* decpt, int* sign) noexcept {
    static char buffer[static_buffer_size];
    static char* large_buffer;
    if (large_buffer == nullptr) {
        if (qfcvt_r(value, ndigit, decpt, sign, buffer, sizeof buffer) == 0) return buffer;
        large_buffer = static_cast<char*>(malloc(large_buffer_size));
        // Without memory, what fitted of the text, as glibc.
        if (large_buffer == nullptr) return buffer;
    }
    qfcvt_r(value, ndigit, decpt, sign, large_buffer, large_buffer_size);
    return large_buffer;
}

char* qgcvt(long double value, int ndigit, char* buf) noexcept {
    // sprintf: the caller's buffer is taken to be large enough.
    format_long_double_general(buf, static_cast<size_t>(-1), ndigit < most_digits ? ndigit : most_digits, value);
    return buf;
}

}  // extern "C"
