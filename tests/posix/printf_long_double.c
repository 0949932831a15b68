/* printf's floating-point conversions of long double, exactly as glibc
 * prints the x87 80-bit value (not rounded to double first): %Lf %LF %Le
 * %LE %Lg %LG %La %LA with flags, widths and precisions; the largest and
 * smallest values, denormals, pseudo-denormals, and the encodings the x87
 * does not produce (unnormals, pseudo-infinities, pseudo-NaNs), which print
 * as nan; %La with the significand's top four bits as its first digit
 * (0x8p-3 for 1.0). Then rounding in the current direction (fesetround),
 * for double and long double, %f %e %g %a, the direction applying to the
 * value's sign. The expected strings are glibc 2.36's; checked against
 * glibc too (tools/check-posix-against-glibc printf_long_double). The
 * differential comparison over random values and formats is
 * tools/compare_printf_long_double.c. */
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* A long double from its sign-and-exponent field and its 64-bit
 * significand (explicit integer bit), for the encodings no arithmetic
 * makes. */
static long double long_double_of(unsigned sign_exponent, uint64_t significand) {
    long double value;
    memset(&value, 0, sizeof value);
    memcpy(&value, &significand, 8);
    uint16_t top = (uint16_t)sign_exponent;
    memcpy((char*)&value + 8, &top, 2);
    return value;
}
#define LD(sign_exponent, significand) long_double_of(sign_exponent, significand)

static char text[20000];

/* snprintf through a pointer the compiler cannot see through: GCC's
 * -fprintf-return-value otherwise folds the result of a call with constant
 * arguments, and its idea of %La of a long double is not glibc's. */
static int (*volatile format_into)(char*, size_t, const char*, ...) = snprintf;

#define EXPECT(format, value, expected)                                      \
    do {                                                                     \
        CHECK_EQ(format_into(text, sizeof text, format, value), (int)strlen(expected)); \
        CHECK_STREQ(text, expected);                                         \
    } while (0)

static void long_double_conversions(void) {
    EXPECT("%Lf", 1e400L,
           "1000000000000000000028188068394758651458645343362905203862591069"
           "3539685534008629862039363994848324160522094053927317616200295822"
           "7772592557340238289765933406610177974474345461739178624481166749"
           "7172377894382439159333804747067502624668440135923751360383034373"
           "5485505244955964979021825038280091068414947402456898653040951017"
           "5126580926158275889201834725116433165913626641381763097348063437"
           "32497430221946880.000000");
    EXPECT("%Le", 1e400L,
           "1.000000e+400");
    EXPECT("%.30Le", 1 / 3.0L,
           "3.333333333333333333423683514374e-01");
    EXPECT("%.25Lf", 0.1L,
           "0.1000000000000000000013553");
    EXPECT("%.20Lg", 2 / 3.0L,
           "0.66666666666666666668");
    EXPECT("%La", 1.0L,
           "0x8p-3");
    EXPECT("%LA", -1.5L,
           "-0XCP-3");
    EXPECT("%La", 0x1.fffffffffffffffep0L,
           "0xf.fffffffffffffffp-3");
    EXPECT("%.0La", 0x1.fffffffffffffffep0L,
           "0x1p+1");
    EXPECT("%.0La", 0xf.8p0L,
           "0x1p+4");
    EXPECT("%.0La", 0xe.8p0L,
           "0xep+0");
    EXPECT("%.3La", 0x1.23456789abcdefp0L,
           "0x9.1a3p-3");
    EXPECT("%La", 0.0L,
           "0x0p+0");
    EXPECT("%La", -0.0L,
           "-0x0p+0");
    EXPECT("%Le", 0.0L,
           "0.000000e+00");
    EXPECT("%La", LD(0, 1),
           "0x0.000000000000001p-16385");
    EXPECT("%.20Le", LD(0, 1),
           "3.64519953188247460253e-4951");
    EXPECT("%Lg", LD(0, 1),
           "3.6452e-4951");
    EXPECT("%La", LD(0, 0x4000000000000000ull),
           "0x4p-16385");
    EXPECT("%Le", LD(0, 0x4000000000000000ull),
           "1.681052e-4932");
    EXPECT("%La", LD(0, 0x8000000000000000ull),
           "0x8p-16385");
    EXPECT("%Le", LD(0, 0x8000000000000000ull),
           "3.362103e-4932");
    EXPECT("%La", LD(0, 0x929a3f6dcd44c113ull),
           "0x9.29a3f6dcd44c113p-16385");
    EXPECT("%.20Le", LD(0, 0x929a3f6dcd44c113ull),
           "4.88622076204902148110e-4933");
    EXPECT("%Le", LD(0x8000, 0xc000000000000000ull),
           "-1.681052e-4932");
    /* The same significand with exponent field 1, a normal number at the
     * pseudo-denormal's scale: printed whole, the integer bit counted. */
    EXPECT("%.20Le", LD(1, 0x929a3f6dcd44c113ull),
           "3.85072521931699565437e-4932");
    EXPECT("%Lg", LD(0x8001, 0xc9149ce67d14a09cull),
           "-5.28167e-4932");
    EXPECT("%La", LD(1, 0x929a3f6dcd44c113ull),
           "0x9.29a3f6dcd44c113p-16385");
    EXPECT("%Lf", LD(0x3fff, 0x4000000000000000ull),
           "nan");
    EXPECT("%La", LD(0x8001, 0x0000000000000001ull),
           "-nan");
    EXPECT("%Le", LD(0x7fff, 0),
           "nan");
    EXPECT("%Lg", LD(0x7fff, 0x4000000000000000ull),
           "nan");
    EXPECT("%LE", LD(0xffff, 0xc000000000000000ull),
           "-NAN");
    EXPECT("%Lf", LD(0x7fff, 0x8000000000000000ull),
           "inf");
    EXPECT("%LF", LD(0xffff, 0x8000000000000000ull),
           "-INF");
    EXPECT("%La", LD(0x7ffe, 0xffffffffffffffffull),
           "0xf.fffffffffffffffp+16380");
    EXPECT("%.3Le", LD(0x7ffe, 0xffffffffffffffffull),
           "1.190e+4932");
    EXPECT("%.0La", LD(0x7ffe, 0xffffffffffffffffull),
           "0x1p+16384");
    EXPECT("%+#015.2La", 3.0L,
           "+0x00000c.00p-2");
    EXPECT("%-22.4Le|", -2.5e-4000L,
           "-2.5000e-4000         |");
    EXPECT("% 030.12Lg", 1e-5L,
           " 0000000000000000000000001e-05");
    EXPECT("%#.0Lf", 7.5L,
           "8.");
    EXPECT("%#Lg", 100.0L,
           "100.000");
    EXPECT("%010Lf", -LD(0x7fff, 0x8000000000000000ull),
           "      -inf");
    EXPECT("%.0Lf", 0.5L,
           "0");
    EXPECT("%.0Lf", 1.5L,
           "2");
    EXPECT("%.0Lf", 2.5L,
           "2");
    EXPECT("%.1Lf", 0.25L,
           "0.2");
    EXPECT("%.3Lg", 99950.0L,
           "1e+05");
    EXPECT("%.40Lf", 1e-30L,
           "0.0000000000000000000000000000010000000000");
    EXPECT("%.2Lf", 1e-10L,
           "0.00");
    EXPECT("%Lg", 1e-5L,
           "1e-05");
    EXPECT("%Lg", 123456789.0L,
           "1.23457e+08");
    EXPECT("%.10Lf", 4294967296.0L * 4294967296.0L,
           "18446744073709551616.0000000000");
}

/* The extremes: every digit of LDBL_MAX and of the smallest denormal
 * (2^-16445: 11,495 significant digits after 4,950 zeros), and of the
 * smallest double subnormal. */
static void extreme_expansions(void) {
    int length = format_into(text, sizeof text, "%.16445Lf", LDBL_TRUE_MIN);
    CHECK_EQ(length, 16447);
    CHECK_STREQ(text + length - 40, "3948455562249364447779953479766845703125");
    CHECK(strspn(text, "0.") == 4952);
    CHECK(strncmp(text + 4952, "364519953188247460252840593361", 30) == 0);

    length = format_into(text, sizeof text, "%.0Lf", LDBL_MAX);
    CHECK_EQ(length, 4933);
    CHECK(strncmp(text, "118973149535723176502126385303", 30) == 0);
    CHECK_STREQ(text + length - 30, "444156604419552086811989770240");

    length = format_into(text, sizeof text, "%.11600Le", -LDBL_TRUE_MIN);
    CHECK_EQ(length, 11609);
    CHECK(strncmp(text, "-3.6451995318824746025284059336", 31) == 0);
    CHECK(strncmp(text + 11495 - 40 + 2, "3948455562249364447779953479766845703125", 40) == 0);
    CHECK(strspn(text + 11497, "0") == 106);
    CHECK_STREQ(text + 11603, "e-4951");

    length = format_into(text, sizeof text, "%.1074f", 4.9406564584124654e-324);
    CHECK_EQ(length, 1076);
    CHECK_STREQ(text + length - 40, "4565229087538682506419718265533447265625");
}

/* Values of extreme exponent printed short: printf computes only the top
 * digits of their expansion (a few limbs' worth, not 11,495 digits), so
 * every precision from 0 to 60 of %Le, and %Lf down to the places around
 * the first significant digit of tiny values, must be the whole exact
 * expansion (%.12000Le: no long double has more than 11,495 significant
 * digits) rounded to nearest, ties to even, at that digit. */
static char exact[20000];

/* Rounds the digit string `digits` (the value's significant digits, the
 * first at index 0) to its first `keep` digits (keep may be 0 or less)
 * into `out` (keep + 1 characters of room beyond a carry), the rest
 * deciding: returns 1 when the rounding carried into a new first digit. */
static int round_digits(const char* digits, int count, int keep, char* out) {
    int carried = 0;
    for (int i = 0; i < keep; ++i) out[i] = i < count ? digits[i] : '0';
    int next = keep >= 0 && keep < count ? digits[keep] - '0' : 0;
    int rest = 0;
    for (int i = keep + 1 > 0 ? keep + 1 : 0; i < count; ++i) rest |= digits[i] != '0';
    if (keep < 0) rest = 1, next = 0;
    int odd = keep > 0 && ((out[keep - 1] - '0') & 1);
    if (next > 5 || (next == 5 && (rest || odd))) {
        int i = keep - 1;
        while (i >= 0 && out[i] == '9') out[i--] = '0';
        if (i >= 0) ++out[i];
        else carried = 1;
    }
    return carried;
}

static void top_digits_only(void) {
    const long double values[] = {LDBL_TRUE_MIN, LDBL_MAX, 1e-4000L, 1e4000L, 1e-4950L,
                                  LD(0x0001, 0x8000000000000000ull), LD(0x0000, 0x00000000ffffffffull),
                                  LD(0x7ffe, 0xfedcba9876543210ull), LD(0x0123, 0xc90fdaa22168c235ull),
                                  LD(0x7abc, 0xadf85458a2bb4a9bull), LD(0x0000, 0x7fffffffffffffffull)};
    static char digits[12001], short_text[200], expected[5200], rounded[200];
    for (size_t v = 0; v < sizeof values / sizeof values[0]; ++v) {
        int length = format_into(exact, sizeof exact, "%.12000Le", values[v]);
        CHECK(length > 12002);
        digits[0] = exact[0];
        memcpy(digits + 1, exact + 2, 12000);
        int count = 12001;
        while (digits[count - 1] == '0') --count;
        int exponent = atoi(exact + 12003);
        for (int precision = 0; precision <= 60; ++precision) {
            int carried = round_digits(digits, count, precision + 1, rounded);
            int shown_exponent = exponent + carried;
            if (carried) rounded[0] = '1';  /* the others are zeros already */
            int n = sprintf(expected, "%c%s", rounded[0], precision ? "." : "");
            memcpy(expected + n, rounded + 1, precision);
            sprintf(expected + n + precision, "e%c%02d", shown_exponent < 0 ? '-' : '+',
                    shown_exponent < 0 ? -shown_exponent : shown_exponent);
            CHECK_EQ(format_into(short_text, sizeof short_text, "%.*Le", precision, values[v]),
                     (int)strlen(expected));
            CHECK_STREQ(short_text, expected);
        }
        if (exponent >= -1) continue;
        /* %Lf of a value below 1: "0." and the places up to the
         * precision, the first significant digit at place -exponent. */
        for (int precision = -exponent - 12; precision <= -exponent + 40; ++precision) {
            int keep = precision + exponent + 1;  /* significant digits kept */
            int carried = round_digits(digits, count, keep, rounded);
            char* out = expected;
            out += sprintf(out, "0.");
            int zeros = precision - (keep > 0 ? keep : 0) - carried;
            memset(out, '0', zeros);
            out += zeros;
            if (carried) *out++ = '1';
            if (keep > 0) memcpy(out, rounded, keep), out += keep;
            *out = '\0';
            CHECK(precision < 5000);
            CHECK_EQ(format_into(exact, sizeof exact, "%.*Lf", precision, values[v]), (int)strlen(expected));
            CHECK_STREQ(exact, expected);
        }
    }
}

/* %a and the non-finite values expand nothing to decimal, so they need no
 * room for the digits of the value's decimal expansion (17 KiB for the
 * smallest long double): printed by a thread on a stack of the smallest
 * size allowed, with an inaccessible page below it, they stay clear of it. */
static void* hexadecimal_on_a_small_stack(void* unused) {
    (void)unused;
    EXPECT("%La", LDBL_TRUE_MIN, "0x0.000000000000001p-16385");
    EXPECT("%.3LA", -LDBL_MAX, "-0X1.000P+16384");
    EXPECT("%La", LDBL_MIN, "0x8p-16385");
    EXPECT("%a", 4.9406564584124654e-324, "0x0.0000000000001p-1022");
    EXPECT("%Lf", (long double)-INFINITY, "-inf");
    EXPECT("%LE", (long double)NAN, "NAN");
    return NULL;
}

static void small_stack_conversions(void) {
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char* mapping = mmap(NULL, page + PTHREAD_STACK_MIN, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(mapping != MAP_FAILED);
    CHECK_EQ(mprotect(mapping, page, PROT_NONE), 0);
    pthread_attr_t attributes;
    CHECK_EQ(pthread_attr_init(&attributes), 0);
    CHECK_EQ(pthread_attr_setstack(&attributes, mapping + page, PTHREAD_STACK_MIN), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, &attributes, hexadecimal_on_a_small_stack, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(pthread_attr_destroy(&attributes), 0);
    CHECK_EQ(munmap(mapping, page + PTHREAD_STACK_MIN), 0);
}

/* The wide functions format long doubles the same way. */
static void wide_conversions(void) {
    wchar_t wide[100];
    CHECK_EQ(swprintf(wide, 100, L"%La|%.25Le|%10.3LG", 1.0L, 0.1L, -2.0e-4000L), 49);
    CHECK(wcscmp(wide, L"0x8p-3|1.0000000000000000000135525e-01|  -2E-4000") == 0);
}

static const int directions[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

/* One conversion in each rounding direction: to nearest, upward,
 * downward, toward zero. */
#define EXPECT_ROUNDED(format, value, nearest, upward, downward, toward_zero) \
    do {                                                                     \
        const char* expected[4] = {nearest, upward, downward, toward_zero};  \
        for (int d = 0; d < 4; ++d) {                                        \
            CHECK_EQ(fesetround(directions[d]), 0);                          \
            int length = format_into(text, sizeof text, format, value);         \
            fesetround(FE_TONEAREST);                                        \
            CHECK_EQ(length, (int)strlen(expected[d]));                      \
            CHECK_STREQ(text, expected[d]);                                  \
        }                                                                    \
    } while (0)

static void rounding_directions(void) {
    EXPECT_ROUNDED("%.2f", 1.005, "1.00", "1.01", "1.00", "1.00");
    EXPECT_ROUNDED("%.2f", -1.005, "-1.00", "-1.00", "-1.01", "-1.00");
    EXPECT_ROUNDED("%.1e", 1.25, "1.2e+00", "1.3e+00", "1.2e+00", "1.2e+00");
    EXPECT_ROUNDED("%.1e", -1.25, "-1.2e+00", "-1.2e+00", "-1.3e+00", "-1.2e+00");
    EXPECT_ROUNDED("%.0f", 0.5, "0", "1", "0", "0");
    EXPECT_ROUNDED("%.0f", -0.5, "-0", "-0", "-1", "-0");
    EXPECT_ROUNDED("%.0f", 2.5, "2", "3", "2", "2");
    EXPECT_ROUNDED("%.3f", 0.0001, "0.000", "0.001", "0.000", "0.000");
    EXPECT_ROUNDED("%.3f", -0.0001, "-0.000", "-0.000", "-0.001", "-0.000");
    EXPECT_ROUNDED("%.3f", 0.0, "0.000", "0.000", "0.000", "0.000");
    EXPECT_ROUNDED("%.2g", 0.000123456, "0.00012", "0.00013", "0.00012", "0.00012");
    EXPECT_ROUNDED("%.3g", -99950.0, "-1e+05", "-9.99e+04", "-1e+05", "-9.99e+04");
    EXPECT_ROUNDED("%g", 1e-320, "9.99989e-321", "9.99989e-321", "9.99988e-321", "9.99988e-321");
    EXPECT_ROUNDED("%.1a", 1.03, "0x1.0p+0", "0x1.1p+0", "0x1.0p+0", "0x1.0p+0");
    EXPECT_ROUNDED("%.1a", -1.03, "-0x1.0p+0", "-0x1.0p+0", "-0x1.1p+0", "-0x1.0p+0");
    EXPECT_ROUNDED("%.0a", 0x1.8p0, "0x2p+0", "0x2p+0", "0x1p+0", "0x1p+0");
    EXPECT_ROUNDED("%.0a", -0x1.0000001p0, "-0x1p+0", "-0x1p+0", "-0x2p+0", "-0x1p+0");
    EXPECT_ROUNDED("%.2a", 0x1.ff8p0, "0x2.00p+0", "0x2.00p+0", "0x1.ffp+0", "0x1.ffp+0");
    EXPECT_ROUNDED("%.20Lf", 2 / 3.0L, "0.66666666666666666668", "0.66666666666666666669", "0.66666666666666666668", "0.66666666666666666668");
    EXPECT_ROUNDED("%.2Lf", 2.675L, "2.67", "2.68", "2.67", "2.67");
    EXPECT_ROUNDED("%.2Lf", -2.675L, "-2.67", "-2.67", "-2.68", "-2.67");
    EXPECT_ROUNDED("%.0Le", 9.5L, "1e+01", "1e+01", "9e+00", "9e+00");
    EXPECT_ROUNDED("%.0Le", -9.5L, "-1e+01", "-9e+00", "-1e+01", "-9e+00");
    EXPECT_ROUNDED("%.5Lg", 1 / 3.0L, "0.33333", "0.33334", "0.33333", "0.33333");
    EXPECT_ROUNDED("%.5Lg", -1 / 3.0L, "-0.33333", "-0.33333", "-0.33334", "-0.33333");
    EXPECT_ROUNDED("%.1La", 1.03L, "0x8.4p-3", "0x8.4p-3", "0x8.3p-3", "0x8.3p-3");
    EXPECT_ROUNDED("%.1La", -1.03L, "-0x8.4p-3", "-0x8.3p-3", "-0x8.4p-3", "-0x8.3p-3");
    EXPECT_ROUNDED("%.0La", 0xf.8p0L, "0x1p+4", "0x1p+4", "0xfp+0", "0xfp+0");
    EXPECT_ROUNDED("%.0La", -0xf.1p0L, "-0xfp+0", "-0xfp+0", "-0x1p+4", "-0xfp+0");
    EXPECT_ROUNDED("%.3Le", LD(0, 1), "3.645e-4951", "3.646e-4951", "3.645e-4951", "3.645e-4951");
    EXPECT_ROUNDED("%.3Le", LD(0x8000, 1), "-3.645e-4951", "-3.645e-4951", "-3.646e-4951", "-3.645e-4951");
    EXPECT_ROUNDED("%.0Lf", 1e-4000L, "0", "1", "0", "0");
    EXPECT_ROUNDED("%.0Lf", -1e-4000L, "-0", "-0", "-1", "-0");
    EXPECT_ROUNDED("%.2Le", LD(0x7ffe, 0xffffffffffffffffull), "1.19e+4932", "1.19e+4932", "1.18e+4932", "1.18e+4932");
}

int main(void) {
    long_double_conversions();
    extreme_expansions();
    top_digits_only();
    small_stack_conversions();
    wide_conversions();
    rounding_directions();
    return 0;
}
