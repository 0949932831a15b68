// ecvt fcvt gcvt ecvt_r fcvt_r (<stdlib.h>, legacy): a double's decimal
// digits without the point or sign, with the point's position in *decpt and
// the sign in *sign; glibc's results, which come from its own arithmetic, so
// the same steps are taken here (lwp's printf rounds as exactly as glibc's):
// - fcvt_r prints the magnitude with "%.*f" at `ndigit` decimals (at most
//   17), takes the digits before the point as *decpt, and drops the point;
//   a value below 1 has its leading zeros removed, each lowering *decpt (so
//   fcvt(0.001, 2) is "" with *decpt -2), but zero stays "0" and its
//   zeros with *decpt 1. A negative `ndigit` rounds left of the point: the
//   value is multiplied by 0.1 once per place while that leaves it 1 or more
//   (inexact, as glibc's), and as many zeros are appended after.
// - ecvt_r scales the value into [1, 10) by a power of ten built by repeated
//   multiplication (again inexact, as glibc's; below 1e-307 it first divides
//   by 1e-307), then asks fcvt_r for ndigit - 1 decimals (ndigit at most
//   17), so a value that rounds up to 10 gives one digit more ("100" with
//   *decpt 2 for ecvt(9.99, 2)); zero is "0..." with *decpt 1 (SUSv2 leaves
//   0 or 1 open), and ndigit <= 0 an empty string with *decpt 1.
// - Infinity and NaN are printed as printf prints them, with *sign 0 and
//   *decpt 0: a negative one keeps its '-' in the text ("-inf").
// - The _r forms answer -1 (errno untouched, as in glibc) when the text does
//   not fit in `len` bytes, EINVAL for a null buffer.
// - ecvt has one static buffer of 20 bytes, fcvt one of 20 and, from the
//   first value too long for it on, a malloc'd one of 328 (never freed, as
//   glibc frees it only under its memory debugging) that it returns from
//   then on; so neither is thread-safe, as in glibc, and each call
//   overwrites the previous result.
// - gcvt is sprintf "%.*g" with ndigit held to 17.
// The long double forms (qecvt qfcvt qgcvt and their _r) are in
// ecvt_long_double_conversions.cpp.
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ecvt_text.hpp"
#include "possibly_null.hpp"

namespace lwp::libc {
namespace {

// glibc's bounds: 17 significant digits for a double (enough to tell any
// two apart), buffers of 17 + 3 bytes, and for fcvt a fallback of room for
// DBL_MAX's 309 integer digits besides.
constexpr int most_digits = 17;
constexpr std::size_t static_buffer_size = most_digits + 3;
constexpr std::size_t large_buffer_size = 308 + static_buffer_size;
constexpr double smallest_normal_power = 1e-307;  // 10^DBL_MIN_10_EXP
constexpr int smallest_normal_exponent = -307;

}  // namespace
}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

int fcvt_r(double value, int ndigit, int* decpt, int* sign, char* buf, size_t len) noexcept {
    // Declared never null, but glibc checks it.
    if (possibly_null(buf) == nullptr) {
        errno = EINVAL;
        return -1;
    }
    int places_left = 0;  // the places rounded off left of the point
    if (isfinite(value)) {
        *sign = signbit(value) != 0;
        value = fabs(value);
        for (; ndigit < 0; ++ndigit, ++places_left) {
            double smaller = value * 0.1;
            if (smaller < 1.0) {
                ndigit = 0;
                break;
            }
            value = smaller;
        }
    } else {
        *sign = 0;
    }
    int printed = snprintf(buf, len, "%.*f", ndigit < most_digits ? ndigit : most_digits, value);
    return finish_fixed_text(buf, len, printed, value != 0.0, places_left, decpt);
}

int ecvt_r(double value, int ndigit, int* decpt, int* sign, char* buf, size_t len) noexcept {
    int exponent = 0;
    if (isfinite(value) && value != 0.0) {
        double magnitude = fabs(value);
        // A subnormal is first brought up, so that the power of ten built
        // below cannot overflow.
        if (magnitude < smallest_normal_power) {
            value /= smallest_normal_power;
            magnitude = fabs(value);
            exponent += smallest_normal_exponent;
        }
        double power = 1.0;
        if (magnitude < 1.0) {
            do {
                power *= 10.0;
                --exponent;
            } while (magnitude * power < 1.0);
            value *= power;
        } else if (magnitude >= 10.0) {
            do {
                power *= 10.0;
                ++exponent;
            } while (magnitude >= power * 10.0);
            value /= power;
        }
    }
    if (ndigit <= 0 && len > 0) {
        buf[0] = '\0';
        *decpt = 1;
        *sign = isfinite(value) ? signbit(value) != 0 : 0;
    } else if (fcvt_r(value, (ndigit < most_digits ? ndigit : most_digits) - 1, decpt, sign, buf, len) != 0) {
        return -1;
    }
    *decpt += exponent;
    return 0;
}

char* ecvt(double value, int ndigit, int* decpt, int* sign) noexcept {
    static char buffer[static_buffer_size];
    ecvt_r(value, ndigit, decpt, sign, buffer, sizeof buffer);
    return buffer;
}

char* fcvt(double value, int ndigit, int* decpt, int* sign) noexcept {
    static char buffer[static_buffer_size];
    static char* large_buffer;
    if (large_buffer == nullptr) {
        if (fcvt_r(value, ndigit, decpt, sign, buffer, sizeof buffer) == 0) return buffer;
        large_buffer = static_cast<char*>(malloc(large_buffer_size));
        // Without memory, what fitted of the text, as glibc.
        if (large_buffer == nullptr) return buffer;
    }
    fcvt_r(value, ndigit, decpt, sign, large_buffer, large_buffer_size);
    return large_buffer;
}

char* gcvt(double value, int ndigit, char* buf) noexcept {
    sprintf(buf, "%.*g", ndigit < most_digits ? ndigit : most_digits, value);
    return buf;
}

}  // extern "C"
