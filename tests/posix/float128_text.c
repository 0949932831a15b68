/* strtof128 and wcstof128 (and their _l forms): strtold's reading (white
 * space, sign, decimal and hexadecimal, inf, infinity, nan(chars), where the
 * number ends) into binary128, correctly rounded in the current rounding
 * mode, with glibc's errno (ERANGE on overflow and for a tiny inexact
 * result) and flags (inexact; overflow; underflow after rounding). Each
 * answer glibc 2.36's; also passes built against glibc. */
#include <errno.h>
#include <fenv.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../integration/check.h"

static uint64_t high_of(_Float128 x) {
    unsigned __int128 b;
    memcpy(&b, &x, sizeof b);
    return (uint64_t)(b >> 64);
}
static uint64_t low_of(_Float128 x) {
    unsigned __int128 b;
    memcpy(&b, &x, sizeof b);
    return (uint64_t)b;
}

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
    return 0;
}
