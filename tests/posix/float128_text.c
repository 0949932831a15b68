/* strtof128 and wcstof128 (and their _l forms): strtold's reading (white
 * space, sign, decimal and hexadecimal, inf, infinity, nan(chars), where the
 * number ends) into binary128, correctly rounded in the current rounding
 * mode, with glibc's errno (ERANGE on overflow and for a tiny inexact
 * result) and flags (inexact; overflow; underflow after rounding). And
 * strfromf128: printf's %a %e %f %g (and upper case) of the exact value,
 * rounded in the current mode, cut at the buffer's size. Each answer glibc
 * 2.36's; also passes built against glibc. */
#include <errno.h>
#include <fenv.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../integration/check.h"
#include "float128_encoding.h"


enum { NEAREST, DOWNWARD, UPWARD, TOWARD_ZERO };
static const int modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};

/* strtof128(text) in the mode: its bits, how much of the text it read, the
 * flags raised and errno; and wcstof128 on the same text, alike. */
static void check_read(int line, int mode, const char* text, uint64_t high, uint64_t low, long length,
                       int flags, int error) {
    CHECK_EQ(fesetround(modes[mode]), 0);
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
    char* end = 0;
    _Float128 x = strtof128(text, &end);
    int raised = fetestexcept(FE_ALL_EXCEPT), got_error = errno;
    wchar_t wide[256];
    size_t n = strlen(text);
    CHECK(n < 256);
    for (size_t i = 0; i <= n; ++i) wide[i] = (unsigned char)text[i];
    errno = 0;
    wchar_t* wide_end = 0;
    _Float128 y = wcstof128(wide, &wide_end);
    int wide_error = errno;
    fesetround(FE_TONEAREST);
    if (high_of(x) != high || low_of(x) != low || end - text != length || raised != flags ||
        got_error != error) {
        check_write("case at line ");
        check_write_number(line);
        check_write(", mode ");
        check_write_number(mode);
        check_write("\n");
    }
    CHECK_EQ(high_of(x), high);
    CHECK_EQ(low_of(x), low);
    CHECK_EQ(end - text, length);
    CHECK_EQ(raised, flags);
    CHECK_EQ(got_error, error);
    CHECK_EQ(high_of(y), high);
    CHECK_EQ(low_of(y), low);
    CHECK_EQ(wide_end - wide, length);
    CHECK_EQ(wide_error, error);
}
#define READ(mode, text, high, low, length, flags, error) \
    check_read(__LINE__, mode, text, high, low, length, flags, error)

static const int I = FE_INEXACT, U = FE_UNDERFLOW | FE_INEXACT, O = FE_OVERFLOW | FE_INEXACT;

/* strfromf128(format, value) in the mode: the length returned and the
 * text, or (for the long ones) the text's start. */
static char text[6000];
static void check_write_text(int line, int mode, const char* format, _Float128 value, int length,
                             const char* expected, int prefix_only) {
    CHECK_EQ(fesetround(modes[mode]), 0);
    int got = strfromf128(text, sizeof text, format, value);
    fesetround(FE_TONEAREST);
    int same = prefix_only ? strncmp(text, expected, strlen(expected)) == 0 : strcmp(text, expected) == 0;
    if (got != length || !same) {
        check_write("case at line ");
        check_write_number(line);
        check_write(": ");
        check_write(text);
        check_write("\n");
    }
    CHECK_EQ(got, length);
    CHECK(same);
}
#define WRITE(mode, value, format, length, expected) \
    check_write_text(__LINE__, mode, format, value, length, expected, 0)
#define WRITE_PREFIX(mode, value, format, length, expected) \
    check_write_text(__LINE__, mode, format, value, length, expected, 1)

static void check_strfromf128(void) {
    _Float128 one = make(0x3fff000000000000ull, 0);
    _Float128 tenth = make(0x3ffb999999999999ull, 0x999999999999999aull);
    _Float128 least = make(0, 1);
    _Float128 largest = make(0x7ffeffffffffffffull, 0xffffffffffffffffull);
    _Float128 two_and_half = make(0x4000400000000000ull, 0);
    _Float128 minus_two_and_half = make(0xc000400000000000ull, 0);
    _Float128 third = make(0x3ffd555555555555ull, 0x5555555555555555ull);
    _Float128 one_and_1_32 = make(0x3fff080000000000ull, 0);
    _Float128 minus_inf = make(0xffff000000000000ull, 0);
    _Float128 nan = make(0x7fff800000000000ull, 0);
    _Float128 minus_nan = make(0xffff800000000000ull, 0);
    _Float128 tiny = make(0x3fee4f8b588e368full, 0x0847b3a8f4e3ff5bull);

    WRITE(NEAREST, one, "%a", 6, "0x1p+0");
    WRITE(NEAREST, one, "%.0a", 6, "0x1p+0");
    WRITE(NEAREST, one, "%A", 6, "0X1P+0");
    WRITE(NEAREST, one, "%e", 12, "1.000000e+00");
    WRITE(NEAREST, one, "%.40e", 46, "1.0000000000000000000000000000000000000000e+00");
    WRITE(NEAREST, one, "%.0f", 1, "1");
    WRITE(NEAREST, one, "%f", 8, "1.000000");
    WRITE(NEAREST, one, "%.3e", 9, "1.000e+00");
    WRITE(NEAREST, one, "%g", 1, "1");
    WRITE(NEAREST, one, "%.40g", 1, "1");
    WRITE(NEAREST, one, "%G", 1, "1");
    WRITE(NEAREST, one, "%F", 8, "1.000000");
    WRITE(NEAREST, tenth, "%a", 35, "0x1.999999999999999999999999999ap-4");
    WRITE(NEAREST, tenth, "%.0a", 6, "0x2p-4");
    WRITE(DOWNWARD, tenth, "%.0a", 6, "0x1p-4");
    WRITE(TOWARD_ZERO, tenth, "%.0a", 6, "0x1p-4");
    WRITE(NEAREST, tenth, "%A", 35, "0X1.999999999999999999999999999AP-4");
    WRITE(NEAREST, tenth, "%e", 12, "1.000000e-01");
    WRITE(UPWARD, tenth, "%e", 12, "1.000001e-01");
    WRITE(NEAREST, tenth, "%.40e", 46, "1.0000000000000000000000000000000000481482e-01");
    WRITE(UPWARD, tenth, "%.40e", 46, "1.0000000000000000000000000000000000481483e-01");
    WRITE(NEAREST, tenth, "%.0f", 1, "0");
    WRITE(UPWARD, tenth, "%.0f", 1, "1");
    WRITE(NEAREST, tenth, "%f", 8, "0.100000");
    WRITE(UPWARD, tenth, "%f", 8, "0.100001");
    WRITE(NEAREST, tenth, "%.3e", 9, "1.000e-01");
    WRITE(UPWARD, tenth, "%.3e", 9, "1.001e-01");
    WRITE(NEAREST, tenth, "%g", 3, "0.1");
    WRITE(UPWARD, tenth, "%g", 8, "0.100001");
    WRITE(NEAREST, tenth, "%.40g", 42, "0.1000000000000000000000000000000000048148");
    WRITE(UPWARD, tenth, "%.40g", 42, "0.1000000000000000000000000000000000048149");
    WRITE(NEAREST, tenth, "%G", 3, "0.1");
    WRITE(UPWARD, tenth, "%G", 8, "0.100001");
    WRITE(NEAREST, tenth, "%F", 8, "0.100000");
    WRITE(UPWARD, tenth, "%F", 8, "0.100001");
    WRITE(NEAREST, least, "%a", 39, "0x0.0000000000000000000000000001p-16382");
    WRITE(NEAREST, least, "%.0a", 10, "0x0p-16382");
    WRITE(UPWARD, least, "%.0a", 10, "0x1p-16382");
    WRITE(NEAREST, least, "%A", 39, "0X0.0000000000000000000000000001P-16382");
    WRITE(NEAREST, least, "%e", 14, "6.475175e-4966");
    WRITE(UPWARD, least, "%e", 14, "6.475176e-4966");
    WRITE(NEAREST, least, "%.40e", 48, "6.4751751194380251109244389582276465524996e-4966");
    WRITE(DOWNWARD, least, "%.40e", 48, "6.4751751194380251109244389582276465524995e-4966");
    WRITE(TOWARD_ZERO, least, "%.40e", 48, "6.4751751194380251109244389582276465524995e-4966");
    WRITE(NEAREST, least, "%.0f", 1, "0");
    WRITE(UPWARD, least, "%.0f", 1, "1");
    WRITE(NEAREST, least, "%f", 8, "0.000000");
    WRITE(UPWARD, least, "%f", 8, "0.000001");
    WRITE(NEAREST, least, "%.3e", 11, "6.475e-4966");
    WRITE(UPWARD, least, "%.3e", 11, "6.476e-4966");
    WRITE(NEAREST, least, "%g", 13, "6.47518e-4966");
    WRITE(DOWNWARD, least, "%g", 13, "6.47517e-4966");
    WRITE(TOWARD_ZERO, least, "%g", 13, "6.47517e-4966");
    WRITE(NEAREST, least, "%.40g", 45, "6.4751751194380251109244389582276465525e-4966");
    WRITE(DOWNWARD, least, "%.40g", 47, "6.475175119438025110924438958227646552499e-4966");
    WRITE(TOWARD_ZERO, least, "%.40g", 47, "6.475175119438025110924438958227646552499e-4966");
    WRITE(NEAREST, least, "%G", 13, "6.47518E-4966");
    WRITE(DOWNWARD, least, "%G", 13, "6.47517E-4966");
    WRITE(TOWARD_ZERO, least, "%G", 13, "6.47517E-4966");
    WRITE(NEAREST, least, "%F", 8, "0.000000");
    WRITE(UPWARD, least, "%F", 8, "0.000001");
    WRITE(NEAREST, largest, "%a", 39, "0x1.ffffffffffffffffffffffffffffp+16383");
    WRITE(NEAREST, largest, "%.0a", 10, "0x2p+16383");
    WRITE(DOWNWARD, largest, "%.0a", 10, "0x1p+16383");
    WRITE(TOWARD_ZERO, largest, "%.0a", 10, "0x1p+16383");
    WRITE(NEAREST, largest, "%A", 39, "0X1.FFFFFFFFFFFFFFFFFFFFFFFFFFFFP+16383");
    WRITE(NEAREST, largest, "%e", 14, "1.189731e+4932");
    WRITE(UPWARD, largest, "%e", 14, "1.189732e+4932");
    WRITE(NEAREST, largest, "%.40e", 48, "1.1897314953572317650857593266280070161965e+4932");
    WRITE(DOWNWARD, largest, "%.40e", 48, "1.1897314953572317650857593266280070161964e+4932");
    WRITE(TOWARD_ZERO, largest, "%.40e", 48, "1.1897314953572317650857593266280070161964e+4932");
    WRITE_PREFIX(NEAREST, largest, "%.0f", 4933, "118973149535723176508575932662");
    WRITE_PREFIX(NEAREST, largest, "%f", 4940, "118973149535723176508575932662");
    WRITE(NEAREST, largest, "%.3e", 11, "1.190e+4932");
    WRITE(DOWNWARD, largest, "%.3e", 11, "1.189e+4932");
    WRITE(TOWARD_ZERO, largest, "%.3e", 11, "1.189e+4932");
    WRITE(NEAREST, largest, "%g", 13, "1.18973e+4932");
    WRITE(UPWARD, largest, "%g", 13, "1.18974e+4932");
    WRITE(NEAREST, largest, "%.40g", 47, "1.189731495357231765085759326628007016196e+4932");
    WRITE(UPWARD, largest, "%.40g", 47, "1.189731495357231765085759326628007016197e+4932");
    WRITE(NEAREST, largest, "%G", 13, "1.18973E+4932");
    WRITE(UPWARD, largest, "%G", 13, "1.18974E+4932");
    WRITE_PREFIX(NEAREST, largest, "%F", 4940, "118973149535723176508575932662");
    WRITE(NEAREST, two_and_half, "%a", 8, "0x1.4p+1");
    WRITE(NEAREST, two_and_half, "%.0a", 6, "0x1p+1");
    WRITE(UPWARD, two_and_half, "%.0a", 6, "0x2p+1");
    WRITE(NEAREST, two_and_half, "%A", 8, "0X1.4P+1");
    WRITE(NEAREST, two_and_half, "%e", 12, "2.500000e+00");
    WRITE(NEAREST, two_and_half, "%.40e", 46, "2.5000000000000000000000000000000000000000e+00");
    WRITE(NEAREST, two_and_half, "%.0f", 1, "2");
    WRITE(UPWARD, two_and_half, "%.0f", 1, "3");
    WRITE(NEAREST, two_and_half, "%f", 8, "2.500000");
    WRITE(NEAREST, two_and_half, "%.3e", 9, "2.500e+00");
    WRITE(NEAREST, two_and_half, "%g", 3, "2.5");
    WRITE(NEAREST, two_and_half, "%.40g", 3, "2.5");
    WRITE(NEAREST, two_and_half, "%G", 3, "2.5");
    WRITE(NEAREST, two_and_half, "%F", 8, "2.500000");
    WRITE(NEAREST, minus_two_and_half, "%a", 9, "-0x1.4p+1");
    WRITE(NEAREST, minus_two_and_half, "%.0a", 7, "-0x1p+1");
    WRITE(DOWNWARD, minus_two_and_half, "%.0a", 7, "-0x2p+1");
    WRITE(NEAREST, minus_two_and_half, "%A", 9, "-0X1.4P+1");
    WRITE(NEAREST, minus_two_and_half, "%e", 13, "-2.500000e+00");
    WRITE(NEAREST, minus_two_and_half, "%.40e", 47, "-2.5000000000000000000000000000000000000000e+00");
    WRITE(NEAREST, minus_two_and_half, "%.0f", 2, "-2");
    WRITE(DOWNWARD, minus_two_and_half, "%.0f", 2, "-3");
    WRITE(NEAREST, minus_two_and_half, "%f", 9, "-2.500000");
    WRITE(NEAREST, minus_two_and_half, "%.3e", 10, "-2.500e+00");
    WRITE(NEAREST, minus_two_and_half, "%g", 4, "-2.5");
    WRITE(NEAREST, minus_two_and_half, "%.40g", 4, "-2.5");
    WRITE(NEAREST, minus_two_and_half, "%G", 4, "-2.5");
    WRITE(NEAREST, minus_two_and_half, "%F", 9, "-2.500000");
    WRITE(NEAREST, third, "%a", 35, "0x1.5555555555555555555555555555p-2");
    WRITE(NEAREST, third, "%.0a", 6, "0x1p-2");
    WRITE(UPWARD, third, "%.0a", 6, "0x2p-2");
    WRITE(NEAREST, third, "%e", 12, "3.333333e-01");
    WRITE(UPWARD, third, "%e", 12, "3.333334e-01");
    WRITE(NEAREST, third, "%.40e", 46, "3.3333333333333333333333333333333331728392e-01");
    WRITE(DOWNWARD, third, "%.40e", 46, "3.3333333333333333333333333333333331728391e-01");
    WRITE(TOWARD_ZERO, third, "%.40e", 46, "3.3333333333333333333333333333333331728391e-01");
    WRITE(NEAREST, third, "%.0f", 1, "0");
    WRITE(UPWARD, third, "%.0f", 1, "1");
    WRITE(NEAREST, third, "%.3e", 9, "3.333e-01");
    WRITE(UPWARD, third, "%.3e", 9, "3.334e-01");
    WRITE(NEAREST, third, "%g", 8, "0.333333");
    WRITE(UPWARD, third, "%g", 8, "0.333334");
    WRITE(NEAREST, third, "%.40g", 42, "0.3333333333333333333333333333333333172839");
    WRITE(UPWARD, third, "%.40g", 41, "0.333333333333333333333333333333333317284");
    WRITE(NEAREST, one_and_1_32, "%a", 9, "0x1.08p+0");
    WRITE(NEAREST, one_and_1_32, "%.0a", 6, "0x1p+0");
    WRITE(UPWARD, one_and_1_32, "%.0a", 6, "0x2p+0");
    WRITE(NEAREST, one_and_1_32, "%A", 9, "0X1.08P+0");
    WRITE(NEAREST, one_and_1_32, "%e", 12, "1.031250e+00");
    WRITE(NEAREST, one_and_1_32, "%.40e", 46, "1.0312500000000000000000000000000000000000e+00");
    WRITE(NEAREST, one_and_1_32, "%.0f", 1, "1");
    WRITE(UPWARD, one_and_1_32, "%.0f", 1, "2");
    WRITE(NEAREST, one_and_1_32, "%f", 8, "1.031250");
    WRITE(NEAREST, one_and_1_32, "%.3e", 9, "1.031e+00");
    WRITE(UPWARD, one_and_1_32, "%.3e", 9, "1.032e+00");
    WRITE(NEAREST, one_and_1_32, "%g", 7, "1.03125");
    WRITE(NEAREST, one_and_1_32, "%.40g", 7, "1.03125");
    WRITE(NEAREST, one_and_1_32, "%G", 7, "1.03125");
    WRITE(NEAREST, one_and_1_32, "%F", 8, "1.031250");
    WRITE(NEAREST, minus_inf, "%a", 4, "-inf");
    WRITE(NEAREST, minus_inf, "%g", 4, "-inf");
    WRITE(NEAREST, minus_inf, "%F", 4, "-INF");
    WRITE(NEAREST, nan, "%a", 3, "nan");
    WRITE(NEAREST, nan, "%g", 3, "nan");
    WRITE(NEAREST, nan, "%F", 3, "NAN");
    WRITE(NEAREST, minus_nan, "%a", 4, "-nan");
    WRITE(NEAREST, minus_nan, "%g", 4, "-nan");
    WRITE(NEAREST, minus_nan, "%F", 4, "-NAN");
    WRITE(NEAREST, tiny, "%a", 36, "0x1.4f8b588e368f0847b3a8f4e3ff5bp-17");
    WRITE(NEAREST, tiny, "%.0a", 7, "0x1p-17");
    WRITE(UPWARD, tiny, "%.0a", 7, "0x2p-17");
    WRITE(NEAREST, tiny, "%A", 36, "0X1.4F8B588E368F0847B3A8F4E3FF5BP-17");
    WRITE(NEAREST, tiny, "%e", 12, "1.000000e-05");
    WRITE(UPWARD, tiny, "%e", 12, "1.000001e-05");
    WRITE(NEAREST, tiny, "%.40e", 46, "1.0000000000000000000652759994688398278391e-05");
    WRITE(UPWARD, tiny, "%.40e", 46, "1.0000000000000000000652759994688398278392e-05");
    WRITE(NEAREST, tiny, "%.0f", 1, "0");
    WRITE(UPWARD, tiny, "%.0f", 1, "1");
    WRITE(NEAREST, tiny, "%f", 8, "0.000010");
    WRITE(UPWARD, tiny, "%f", 8, "0.000011");
    WRITE(NEAREST, tiny, "%.3e", 9, "1.000e-05");
    WRITE(UPWARD, tiny, "%.3e", 9, "1.001e-05");
    WRITE(NEAREST, tiny, "%g", 5, "1e-05");
    WRITE(UPWARD, tiny, "%g", 11, "1.00001e-05");
    WRITE(NEAREST, tiny, "%.40g", 45, "1.000000000000000000065275999468839827839e-05");
    WRITE(UPWARD, tiny, "%.40g", 44, "1.00000000000000000006527599946883982784e-05");
    WRITE(NEAREST, tiny, "%G", 5, "1E-05");
    WRITE(UPWARD, tiny, "%G", 11, "1.00001E-05");
    WRITE(NEAREST, tiny, "%F", 8, "0.000010");
    WRITE(UPWARD, tiny, "%F", 8, "0.000011");

    /* Cut at the buffer: size - 1 bytes and a terminator, the whole length
     * returned; nothing written with size 0. */
    char small[8] = "xxxxxxx";
    CHECK_EQ(strfromf128(small, 4, "%e", one), 12);
    CHECK_STREQ(small, "1.0");
    CHECK_EQ(strfromf128(small, 0, "%e", one), 12);
    CHECK_STREQ(small, "1.0");
    CHECK_EQ(strfromf128(NULL, 0, "%.3a", tenth), 10); /* 0x1.99ap-4 */
}

int main(void) {
    /* Exact values: no flag in any mode. */
    for (int mode = 0; mode < 4; ++mode) {
        READ(mode, "1", 0x3fff000000000000ull, 0, 1, 0, 0);
        READ(mode, "  -2.5e0x", 0xc000400000000000ull, 0, 8, 0, 0);
        READ(mode, "0x3p-16494", 0, 3, 10, 0, 0); /* three times the least subnormal */
        READ(mode, "-0", 0x8000000000000000ull, 0, 2, 0, 0);
        READ(mode, "0x1.ffffffffffffffffffffffffffffp16383", 0x7ffeffffffffffffull, 0xffffffffffffffffull, 38, 0, 0);
        READ(mode, "infinity", 0x7fff000000000000ull, 0, 8, 0, 0);
        READ(mode, "-InFx", 0xffff000000000000ull, 0, 4, 0, 0);
        READ(mode, "nan", 0x7fff800000000000ull, 0, 3, 0, 0);
        READ(mode, "-nan(0x1f)", 0xffff800000000000ull, 0x1f, 10, 0, 0);
        READ(mode, "nan(abc)", 0x7fff800000000000ull, 0, 8, 0, 0);
        READ(mode, "nan(1", 0x7fff800000000000ull, 0, 3, 0, 0);
        READ(mode, "1e+", 0x3fff000000000000ull, 0, 1, 0, 0);
        READ(mode, "0x", 0, 0, 1, 0, 0);
        READ(mode, "x1", 0, 0, 0, 0, 0);
        READ(mode, "", 0, 0, 0, 0, 0);
    }
    /* 0.1: 0x3ffb999...9 and a fraction of 0.6 of the last place: up to
     * ...9a rounding to nearest or upward. */
    READ(NEAREST, "0.1", 0x3ffb999999999999ull, 0x999999999999999aull, 3, I, 0);
    READ(DOWNWARD, "0.1", 0x3ffb999999999999ull, 0x9999999999999999ull, 3, I, 0);
    READ(UPWARD, "0.1", 0x3ffb999999999999ull, 0x999999999999999aull, 3, I, 0);
    READ(TOWARD_ZERO, "0.1", 0x3ffb999999999999ull, 0x9999999999999999ull, 3, I, 0);
    READ(DOWNWARD, "-0.1", 0xbffb999999999999ull, 0x999999999999999aull, 4, I, 0);
    READ(UPWARD, "-0.1", 0xbffb999999999999ull, 0x9999999999999999ull, 4, I, 0);
    /* 1 + 2^-113, halfway: to even rounding to nearest; and a digit
     * beyond the halfway point, 40 places on, rounds up. */
    READ(NEAREST, "0x1.00000000000000000000000000008p0", 0x3fff000000000000ull, 0, 35, I, 0);
    READ(UPWARD, "0x1.00000000000000000000000000008p0", 0x3fff000000000000ull, 1, 35, I, 0);
    READ(NEAREST, "0x1.00000000000000000000000000008000001p0", 0x3fff000000000000ull, 1, 41, I, 0);
    READ(NEAREST, "1.000000000000000000000000000000000096296497219361792652798897129246365", 0x3fff000000000000ull,
         0, 71, I, 0); /* just below 1 + 2^-113 */
    READ(NEAREST, "1.000000000000000000000000000000000096296497219361792652798897129246366", 0x3fff000000000000ull,
         1, 71, I, 0); /* just above */
    /* Overflow: infinity with ERANGE, or the largest value where the mode
     * rounds toward zero. */
    READ(NEAREST, "1e5000", 0x7fff000000000000ull, 0, 6, O, ERANGE);
    READ(TOWARD_ZERO, "1e5000", 0x7ffeffffffffffffull, 0xffffffffffffffffull, 6, O, ERANGE);
    READ(DOWNWARD, "1e5000", 0x7ffeffffffffffffull, 0xffffffffffffffffull, 6, O, ERANGE);
    READ(DOWNWARD, "-1e5000", 0xffff000000000000ull, 0, 7, O, ERANGE);
    READ(UPWARD, "-1e5000", 0xfffeffffffffffffull, 0xffffffffffffffffull, 7, O, ERANGE);
    READ(NEAREST, "0x1.ffffffffffffffffffffffffffff8p16383", 0x7fff000000000000ull, 0, 39, O, ERANGE);
    READ(TOWARD_ZERO, "0x1.ffffffffffffffffffffffffffff8p16383", 0x7ffeffffffffffffull, 0xffffffffffffffffull, 39, I, 0);
    /* Underflow: far below the least subnormal, 0 with ERANGE, or that
     * subnormal rounding away from zero. */
    READ(NEAREST, "1e-5000", 0, 0, 7, U, ERANGE);
    READ(UPWARD, "1e-5000", 0, 1, 7, U, ERANGE);
    READ(DOWNWARD, "-1e-5000", 0x8000000000000000ull, 1, 8, U, ERANGE);
    READ(NEAREST, "0x1p-16495", 0, 0, 10, U, ERANGE); /* half the least subnormal: to even */
    READ(NEAREST, "0x1.8p-16495", 0, 1, 12, U, ERANGE);
    /* Just below the least normal: tiny unless it rounds up to it with
     * full precision (then inexact alone, as x86 judges tininess). */
    READ(NEAREST, "0x1.ffffffffffffffffffffffffffff8p-16383", 0x0001000000000000ull, 0, 40, I, 0);
    READ(TOWARD_ZERO, "0x1.ffffffffffffffffffffffffffff8p-16383", 0x0000ffffffffffffull, 0xffffffffffffffffull, 40, U,
         ERANGE);
    READ(NEAREST, "0x1.ffffffffffffffffffffffffffff4p-16383", 0x0001000000000000ull, 0, 40, U, ERANGE);

    /* The _l forms read as "C" does. */
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(c != (locale_t)0);
    char* end;
    CHECK_EQ(high_of(strtof128_l("0.5", &end, c)), 0x3ffe000000000000ull);
    wchar_t* wide_end;
    CHECK_EQ(high_of(wcstof128_l(L"-0.5", &wide_end, c)), 0xbffe000000000000ull);
    CHECK_EQ(wide_end[0], L'\0');
    /* A wide character beyond ASCII ends the number. */
    CHECK_EQ(high_of(wcstof128(L"2\u00e9", &wide_end)), 0x4000000000000000ull);
    CHECK_EQ(*wide_end, L'\u00e9');
    freelocale(c);
    check_strfromf128();
    return 0;
}
