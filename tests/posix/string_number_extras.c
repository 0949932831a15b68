/* Numbers to and from text that lwp added for glibc 2.36's names: strfromd
 * strfromf strfroml (and their _FloatN names), the _l, __wcsto*_internal,
 * q and _FloatN forms of the strto and wcsto readers, the reentrant
 * 48-bit generators (drand48_r and kin), and strfmon in "C" and C.UTF-8. Every expected value is glibc's;
 * the program passes against glibc too (-DCHECKING_AGAINST_GLIBC). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <monetary.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* glibc exports these without declaring them. */
ssize_t __strfmon_l(char*, size_t, locale_t, const char*, ...);
long __strtol_l(const char*, char**, int, locale_t);
unsigned long long __strtoull_l(const char*, char**, int, locale_t);
long __wcstol_l(const wchar_t*, wchar_t**, int, locale_t);
double __wcstod_l(const wchar_t*, wchar_t**, locale_t);
long long __wcstoll_internal(const wchar_t*, wchar_t**, int, int);
float __wcstof_internal(const wchar_t*, wchar_t**, int);

static int text_is(const char* actual, const char* expected) { return strcmp(actual, expected) == 0; }

/* An x87 extended value with exponent field 0 and this significand, through
 * memory only (an x87 load and store would normalise a pseudo-denormal). */
static long double extended(uint64_t significand) {
    long double value = 0;
    memcpy(&value, &significand, sizeof significand);
    __asm__ volatile("" : "+m"(value));
    return value;
}

/* A call that wrote all of `expected` into buffer and returned its length. */
#define EXPECT_TEXT(call, expected)                   \
    do {                                              \
        CHECK_EQ(call, (int)strlen(expected));        \
        CHECK(text_is(buffer, expected));             \
    } while (0)

/* strfromd with format `format` aborts the program, as glibc's does for
 * anything but %[.precision]{a,A,e,E,f,F,g,G}. */
static int aborts(const char* format) {
    pid_t child = fork();
    if (child == 0) {
        struct rlimit none = {0, 0};
        setrlimit(RLIMIT_CORE, &none);
        char buffer[32];
        strfromd(buffer, sizeof buffer, format, 1.5);
        _exit(0);
    }
    int status = 0;
    if (waitpid(child, &status, 0) != child) return 0;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void test_strfrom(void) {
    char buffer[128];
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%f", 3.25), "3.250000");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%.3e", -1234.5678), "-1.235e+03");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%g", 1e-5), "1e-05");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%.f", 2.5), "2"); /* "." alone is precision 0 */
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%a", 1.0), "0x1p+0");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%A", -0.5), "-0X1P-1");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%F", -__builtin_inf()), "-INF");
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%.2Gxyz", 0.000123456), "0.00012"); /* the tail is ignored */
    /* A precision too long for an int is no precision. */
    EXPECT_TEXT(strfromd(buffer, sizeof buffer, "%.99999999999f", 1.5), "1.500000");
    /* Cut to size - 1 bytes and a terminator, the whole length returned. */
    memset(buffer, 'x', sizeof buffer);
    CHECK_EQ(strfromd(buffer, 5, "%.4f", 3.14159265), 6);
    CHECK(text_is(buffer, "3.14"));
    CHECK_EQ(buffer[5], 'x');
    CHECK_EQ(strfromd(NULL, 0, "%e", 1.0), 12);

    /* A float is printed as the double it converts to. */
    EXPECT_TEXT(strfromf(buffer, sizeof buffer, "%a", 0.1f), "0x1.99999ap-4");
    EXPECT_TEXT(strfromf(buffer, sizeof buffer, "%.10f", 0.1f), "0.1000000015");
    EXPECT_TEXT(strfromf32(buffer, sizeof buffer, "%g", 16777217.0f), "1.67772e+07");

    /* long double at its own precision. */
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.25f", 0.1L), "0.1000000000000000000013553");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.20e", 1.0L / 3), "3.33333333333333333342e-01");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.3E", 9.9996L), "1.000E+01");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%G", 1e-4932L), "1E-4932");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%a", 1.0L), "0x8p-3");
    /* Pseudo-denormals (exponent field 0, integer bit set): printed without
     * the integer bit, unless nothing else is set (then 2^-16382). */
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.6e", extended(0x8000000000000000u)), "3.362103e-4932");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.6e", extended(0x8000000000000001u)), "3.645200e-4951");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.2a", 0.1L), "0xc.cdp-7");
    EXPECT_TEXT(strfroml(buffer, sizeof buffer, "%.0A", 0.99999L), "0X1P+0");
    EXPECT_TEXT(strfromf64x(buffer, sizeof buffer, "%e", -0.0L), "-0.000000e+00");
    EXPECT_TEXT(strfromf64(buffer, sizeof buffer, "%.1f", 0.25), "0.2");
    EXPECT_TEXT(strfromf32x(buffer, sizeof buffer, "%.1f", 0.35), "0.3");

    CHECK(!aborts("%.3f"));
    CHECK(aborts("%5f"));
    CHECK(aborts("%Lf"));
    CHECK(aborts("%d"));
    CHECK(aborts("%.*f"));
    CHECK(aborts("f"));
    CHECK(aborts("%%"));
}

static void test_readers(void) {
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK(c != (locale_t)0 && utf8 != (locale_t)0);
    char* end;
    wchar_t* wide_end;
    const char* text = " -0x1p-3xyz";
    const wchar_t* wide = L" -0x1p-3xyz";

    CHECK(strtof32_l(text, &end, utf8) == -0.125f && end == text + 8);
    CHECK(strtof64_l(text, &end, c) == -0.125 && end == text + 8);
    CHECK(strtof32x_l(text, &end, c) == -0.125 && end == text + 8);
    CHECK(strtof64x_l("4e-4951", &end, c) > 0 && *end == '\0');
    CHECK(wcstof32(wide, &wide_end) == -0.125f && wide_end == wide + 8);
    CHECK(wcstof64(wide, &wide_end) == -0.125 && wide_end == wide + 8);
    CHECK(wcstof32x(L"2.5", NULL) == 2.5);
    CHECK(wcstof64x(L"0.1", NULL) == 0.1L);
    CHECK(wcstof32_l(L"1.5", NULL, utf8) == 1.5f);
    CHECK(wcstof64_l(L"1.5", NULL, c) == 1.5);
    CHECK(wcstof32x_l(L"1.5", NULL, c) == 1.5);
    CHECK(wcstof64x_l(L"0.1", NULL, c) == 0.1L);
    CHECK(wcstod_l(L"1e400", NULL, c) == __builtin_inf());
    errno = 0;
    CHECK(wcstof_l(L"1e-50", &wide_end, utf8) == 0.0f && errno == ERANGE && *wide_end == 0);
    CHECK(wcstold_l(L"0.1", NULL, c) == 0.1L);
    CHECK(__wcstod_l(L"  7.5e1", NULL, c) == 75.0);
    CHECK(__wcstof_internal(L"0.5", NULL, 1) == 0.5f);

    errno = 0;
    CHECK_EQ(wcstol_l(L"  -0x7fffffffffffffffff", &wide_end, 0, c), LONG_MIN);
    CHECK(errno == ERANGE && *wide_end == 0);
    CHECK(wcstoul_l(L"-1", NULL, 10, utf8) == ULONG_MAX);
    CHECK_EQ(wcstoll_l(L"z", NULL, 36, c), 35);
    CHECK(wcstoull_l(L"777", NULL, 8, c) == 511);
    CHECK_EQ(__wcstol_l(L"12abc", &wide_end, 10, c), 12);
    CHECK(*wide_end == L'a');
    CHECK_EQ(__wcstoll_internal(L"-42", NULL, 10, 1), -42);
    CHECK_EQ(wcstoq(L"123456789012", NULL, 10), 123456789012LL);
    CHECK(wcstouq(L"0xffffffffffffffff", NULL, 16) == ULLONG_MAX);
    CHECK_EQ(strtoq("-9223372036854775808", NULL, 10), LLONG_MIN);
    errno = 0;
    CHECK(strtouq("18446744073709551616", NULL, 10) == ULLONG_MAX && errno == ERANGE);
    CHECK_EQ(__strtol_l("0777", &end, 0, c), 511);
    CHECK(__strtoull_l("1z", &end, 36, utf8) == 71 && *end == '\0');

    /* A bad base is EINVAL, and the end pointer is not stored. */
    end = (char*)text;
    errno = 0;
    CHECK_EQ(strtol_l("10", &end, 1, c), 0);
    CHECK(errno == EINVAL && end == text);
    wide_end = (wchar_t*)wide;
    errno = 0;
    CHECK_EQ(wcstoll_l(L"10", &wide_end, 37, c), 0);
    CHECK(errno == EINVAL && wide_end == wide);
    freelocale(c);
    freelocale(utf8);
}

static void test_drand48_r(void) {
    struct drand48_data data;
    double fraction;
    long number;
    /* glibc's layout, and its sequences. */
    CHECK_EQ(sizeof data, 24);
    CHECK_EQ(srand48_r(1, &data), 0);
    CHECK_EQ(data.__x[0], 0x330e);
    CHECK_EQ(data.__x[1], 1);
    CHECK_EQ(data.__init, 1);
    CHECK_EQ(lrand48_r(&data, &number), 0);
    CHECK_EQ(number, 89400484);
    CHECK_EQ(mrand48_r(&data, &number), 0);
    CHECK_EQ(number, 1952030186);
    CHECK_EQ(drand48_r(&data, &fraction), 0);
    CHECK(fraction == 0x1.ab6d29945446p-1);

    /* Never seeded: the default multiplier and addend come at the first step. */
    memset(&data, 0, sizeof data);
    unsigned short x[3] = {1, 2, 3};
    CHECK_EQ(nrand48_r(x, &data, &number), 0);
    CHECK_EQ(number, 949179875);
    CHECK(data.__a == 0x5deece66dULL && data.__c == 0xb && data.__init == 1);
    CHECK_EQ(jrand48_r(x, &data, &number), 0);
    CHECK_EQ(number, 1130126687);
    CHECK_EQ(erand48_r(x, &data, &fraction), 0);
    CHECK(fraction == 0x1.4eeb35863be4p-1);

    unsigned short seed[3] = {0x1234, 0x5678, 0x9abc};
    CHECK_EQ(seed48_r(seed, &data), 0);
    CHECK(data.__old_x[0] == 0 && data.__x[0] == 0x1234 && data.__x[2] == 0x9abc);
    unsigned short parameters[7] = {1, 0, 0, 3, 0, 0, 7}; /* X = 1, a = 3, c = 7 */
    CHECK_EQ(lcong48_r(parameters, &data), 0);
    CHECK_EQ(lrand48_r(&data, &number), 0);
    CHECK_EQ(data.__x[0], 10);
    CHECK_EQ(number, 0);
    /* glibc answers -1 for a null buffer here (the header says non-null:
     * the volatile keeps the compiler from taking the call for undefined). */
    struct drand48_data* volatile no_data = NULL;
    CHECK_EQ(lrand48_r(no_data, &number), -1);
    CHECK_EQ(mrand48_r(no_data, &number), -1);
}

/* strfmon in "C" and C.UTF-8: no currency symbol, "-" for negative amounts,
 * two decimals unless told otherwise. */
static void test_strfmon(void) {
    char buffer[64];
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK(utf8 != (locale_t)0);
    CHECK_EQ(strfmon(buffer, sizeof buffer, "%n|%i", 123.456, -123.456), 14);
    CHECK(text_is(buffer, "123.46|-123.46"));
    CHECK_EQ(strfmon(buffer, sizeof buffer, "[%10n][%-10n]", -1.5, 2.0), 24);
    CHECK(text_is(buffer, "[     -1.50][2.00      ]"));
    /* A left precision: positive amounts get a space where the sign goes. */
    CHECK_EQ(strfmon(buffer, sizeof buffer, "%#5n|%#5n", 123.456, -123.456), 19);
    CHECK(text_is(buffer, "   123.46|-  123.46"));
    CHECK_EQ(strfmon(buffer, sizeof buffer, "%=*#5n|%=0#5n", -123.456, 1.0), 19);
    CHECK(text_is(buffer, "-**123.46| 00001.00"));
    CHECK_EQ(strfmon(buffer, sizeof buffer, "%(#5n|%(n|%(n", -123.456, 5.0, -0.0), 21);
    CHECK(text_is(buffer, "(  123.46)|5.00|-0.00"));
    CHECK_EQ(strfmon_l(buffer, sizeof buffer, utf8, "%.0n %.3i %!^+n %%", 2.5, 0.0005, 1e3), 17);
    CHECK(text_is(buffer, "2 0.001 1000.00 %"));
    CHECK_EQ(__strfmon_l(buffer, sizeof buffer, utf8, "%#3.1Ln", (long double)-0.25), 6);
    CHECK(text_is(buffer, "-  0.2"));
    /* Malformed conversions (held in an array so that the compiler's
     * format checks let them through). */
    static const char* const malformed[] = {"%+(n", "%#n", "%.n", "%d", "%=", "%"};
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; ++i) {
        errno = 0;
        CHECK_EQ(strfmon(buffer, sizeof buffer, malformed[i], 1.0), -1);
        CHECK_EQ(errno, EINVAL);
    }
    errno = 0;
    CHECK_EQ(strfmon(buffer, 6, "%n", 123.456), -1); /* no room for the terminator */
    CHECK_EQ(errno, E2BIG);
    errno = 0;
    CHECK_EQ(strfmon(buffer, 10, "%10n", 1.0), -1); /* the width alone */
    CHECK_EQ(errno, E2BIG);
    freelocale(utf8);
}

int main(void) {
    test_strfrom();
    test_readers();
    test_drand48_r();
    test_strfmon();
    return 0;
}
