/* printf formatting against a table of known strings: integers with every
 * flag, width, precision and length modifier; characters, strings, pointers;
 * %f %e %g %a at double precision including rounding ties, huge and tiny
 * values, infinities and NaN; snprintf truncation and return values; %n; and
 * %m, and the documented failures (positional arguments, a trailing lone %);
 * asprintf's allocated strings, short, empty, long, failed and out of memory.
 *
 * Every string in the table is what glibc 2.36 prints too. GCC folds the
 * return value of snprintf calls it can evaluate at compile time, so a
 * length that differs from glibc's would make the checks below misfire; the
 * table therefore stays within what glibc formats correctly. */
#define _GNU_SOURCE /* asprintf */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <wchar.h>

#include "check.h"

static char buffer[2048];

/* Formats into `buffer` and requires both the text and the return value. */
#define ROW(expected, ...)                                                      \
    do {                                                                        \
        int row_length_ = snprintf(buffer, sizeof buffer, __VA_ARGS__);         \
        if (strcmp(buffer, expected) != 0) {                                    \
            check_failed_at(__FILE__, __LINE__, #__VA_ARGS__);                  \
            check_write("\n  expected [");                                      \
            check_write(expected);                                              \
            check_write("]\n  got      [");                                     \
            check_write(buffer);                                                \
            check_write("]\n");                                                 \
            _exit(1);                                                           \
        }                                                                       \
        CHECK_EQ(row_length_, (int)strlen(expected));                          \
    } while (0)

static void integers(void) {
    ROW("0", "%d", 0);
    ROW("-1", "%i", -1);
    ROW("2147483647 -2147483648", "%d %d", INT_MAX, INT_MIN);
    ROW("4294967295", "%u", UINT_MAX);
    ROW("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42);
    ROW("+42 -42  42", "%+d %+d % d", 42, -42, 42);
    ROW("+42", "%+ d", 42); /* '+' wins over ' ' */
    ROW("42   |", "%-05d|", 42); /* '-' wins over '0' */
    ROW("  042|-042", "%5.3d|%.3d", 42, -42);
    ROW("   00042", "%08.5d", 42); /* a precision turns '0' off */
    ROW("|", "%.0d|", 0);
    ROW("   |", "%3.0d|", 0);
    ROW("ff FF 0xff 0XFF 377 0377", "%x %X %#x %#X %o %#o", 255, 255, 255, 255, 255, 255);
    ROW("0 0 0", "%#x %#o %#.0o", 0, 0, 0);
    ROW("0x002a|0x0002a", "%#06x|%#.5x", 42, 42);
    ROW("-1 255 -1 65535", "%hhd %hhu %hd %hu", 255, 255, 65535, 65535);
    ROW("9223372036854775807 -9223372036854775808", "%ld %ld", LONG_MAX, LONG_MIN);
    ROW("18446744073709551615 ffffffffffffffff", "%llu %llx", ULLONG_MAX, ULLONG_MAX);
    ROW("1777777777777777777777", "%lo", ULONG_MAX);
    ROW("123 -5 -7 99", "%zu %zd %td %jd", (size_t)123, (ptrdiff_t)-5, (ptrdiff_t)-7, (intmax_t)99);
    ROW("   17|17   |0017", "%*d|%-*d|%.*d", 5, 17, 5, 17, 4, 17);
    ROW("17   |17", "%*d|%.*d", -5, 17, -3, 17); /* negative * width: '-'; precision: none */
    ROW("1234567", "%'d", 1234567); /* the "C" locale has no grouping */
}

static void characters_strings_pointers(void) {
    ROW("a|    b|c    |", "%c|%5c|%-5c|", 'a', 'b', 'c');
    ROW("hello|  hello|hello  |hel|  hel", "%s|%7s|%-7s|%.3s|%5.3s", "hello", "hello", "hello",
        "hello", "hello");
    ROW("|", "%s|", "");
    ROW("(null)|", "%s|", (char*)NULL);
    ROW("%|100%", "%%|100%%");
    ROW("0x1234|(nil)|     0x10|0x10     |", "%p|%p|%9p|%-9p|", (void*)0x1234, (void*)0,
        (void*)0x10, (void*)0x10);
    ROW("wide|  ab|a", "%ls|%4ls|%.1ls", L"wide", L"ab", L"ab");
    ROW("x", "%lc", (wint_t)L'x');
    ROW("%y", "%y"); /* unknown conversions are copied through */
}

static void fixed_point(void) {
    ROW("0.000000 -0.000000 1.000000", "%f %f %f", 0.0, -0.0, 1.0);
    ROW("3.141593 3.14159265358979311600", "%f %.20f", 3.141592653589793, 3.141592653589793);
    ROW("0 2 2 4", "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5); /* ties to even */
    ROW("0.1 0.2 0.125 0.12", "%.1f %.1f %.3f %.2f", 0.125, 0.25, 0.125, 0.125);
    ROW("0.3", "%.1f", 0.35); /* 0.35 is 0.34999999999999997779... */
    ROW("1.00 10.0", "%.2f %.1f", 0.999, 9.99);
    ROW("100000000000000000000", "%.0f", 1e20);
    ROW("10000000000000000000000 99999999999999991611392", "%.0f %.0f", 1e22, 1e23);
    ROW("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558"
        "632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245"
        "490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168"
        "738177180919299881250404026184124858368.000000",
        "%f", 1.7976931348623157e308);
    ROW("0.000000|0.0000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000049",
        "%f|%.325f", 5e-324, 5e-324);
    ROW("  +1.50|1.50   |-001.50| 1.50", "%+7.2f|%-7.2f|%07.2f|% .2f", 1.5, 1.5, -1.5, 1.5);
    ROW("2.|2", "%#.0f|%.0f", 2.0, 2.0);
    ROW("1234567.890000 1234567.890", "%F %.3f", 1234567.89, 1234567.89);
}

static void exponent_and_general(void) {
    ROW("1.000000e+00 1.234568e+05 -1.234568E-05", "%e %e %E", 1.0, 123456.789, -1.23456789e-5);
    ROW("0.000000e+00 1e+100 2.2e-308", "%e %.0e %.1e", 0.0, 1e100, 2.2250738585072014e-308);
    ROW("4.940656458412465e-324 1.797693134862316e+308", "%.15e %.15e", 5e-324, 1.7976931348623157e308);
    ROW("2e+00 2e+00 4e+00", "%.0e %.0e %.0e", 1.5, 2.5, 3.5);
    ROW("1.e+01", "%#.0e", 12.0);
    ROW("1e+01|  1.0e+01|1.0e+01  |001.0e+01", "%.0e|%9.1e|%-9.1e|%09.1e", 9.5, 9.99, 9.99, 9.99);
    ROW("100000 1e+06 1e-05 0.0001 123457 1.23457e+06", "%g %g %g %g %g %g", 100000.0, 1e6, 1e-5,
        1e-4, 123456.789, 1234567.89);
    ROW("0 -0 1 0.5 1.5 3.14159", "%g %g %g %g %g %g", 0.0, -0.0, 1.0, 0.5, 1.5, 3.14159265);
    ROW("1e+06", "%g", 999999.5); /* rounds up into exponent style */
    ROW("1.00000 1.50000 100.000", "%#g %#g %#g", 1.0, 1.5, 100.0);
    ROW("0.10000000000000001 0.30000000000000004 3.1415926535897931", "%.17g %.17g %.17g", 0.1, 0.1 + 0.2, 3.14159265358979311600);
    ROW("1E+10 1e+10 2", "%G %.3g %.0g", 1e10, 1e10, 1.5);
    ROW("inf -inf INF nan NAN", "%f %e %G %g %F", 1.0 / 0.0, -1.0 / 0.0, 1.0 / 0.0, __builtin_nan(""), __builtin_nan(""));
    ROW("  inf|-inf |+inf", "%5f|%-5f|%+f", 1.0 / 0.0, -1.0 / 0.0, 1.0 / 0.0);
    ROW("  inf", "%05f", 1.0 / 0.0); /* no zero padding for inf */
    ROW("1.500000 2.500000e+00", "%Lf %Le", 1.5L, 2.5L);
}

static void hexadecimal(void) {
    ROW("0x1p+0 0x1.8p+1 -0x1p-1 0x0p+0", "%a %a %a %a", 1.0, 3.0, -0.5, 0.0);
    ROW("0X1.FFFFFFFFFFFFFP+1023 0x0.0000000000001p-1022", "%A %a", 1.7976931348623157e308, 5e-324);
    ROW("0x2p+0 0x1.0p+0 0x1.2p+0 0x1.000p+0", "%.0a %.1a %.1a %.3a", 1.5, 1.03125, 1.09375, 1.0);
    ROW("0x1.p+0|    0x1p+0|0x00001p+0|+0x1p+0", "%#a|%10a|%010a|%+a", 1.0, 1.0, 1.0, 1.0);
}

static void truncation_and_counting(void) {
    char small[8];
    memset(small, 'x', sizeof small);
    CHECK_EQ(snprintf(small, sizeof small, "%s", "abcdefghijkl"), 12);
    CHECK(strcmp(small, "abcdefg") == 0);
    memset(small, 'x', sizeof small);
    CHECK_EQ(snprintf(small, 1, "%d", 12345), 5);
    CHECK_EQ(small[0], '\0');
    CHECK_EQ(small[1], 'x');
    CHECK_EQ(snprintf(NULL, 0, "%d-%s", 42, "xyz"), 6);
    CHECK_EQ(snprintf(small, sizeof small, "%.0f", 1e300), 301);
    CHECK(strcmp(small, "1000000") == 0);

    int count = -1;
    signed char short_count = -1;
    long long_count = -1;
    CHECK_EQ(snprintf(buffer, sizeof buffer, "abc%n%5d%hhn%ln", &count, 7, &short_count, &long_count), 8);
    CHECK_EQ(count, 3);
    CHECK_EQ(short_count, 8);
    CHECK_EQ(long_count, 8);

    CHECK_EQ(sprintf(buffer, "%s=%d", "x", 5), 3);
    CHECK(strcmp(buffer, "x=5") == 0);
}

/* Formats through a pointer the compiler cannot see into, so that GCC does
 * not fold the call's result from its own knowledge of glibc's printf. */
static const char* volatile opaque_format;

static int format_opaque(const char* format, ...) {
    opaque_format = format;
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, sizeof buffer, opaque_format, arguments);
    va_end(arguments);
    return result;
}

static void documented_failures(void) {
    errno = ERANGE;
    CHECK_EQ(format_opaque("%m"), (int)strlen(strerror(ERANGE)));
    CHECK(strcmp(buffer, strerror(ERANGE)) == 0);
    errno = 0;
    CHECK_EQ(format_opaque("%1$d", 1), -1);
    CHECK_EQ(errno, ENOTSUP);
    errno = 0;
    CHECK_EQ(format_opaque("100%"), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(format_opaque("%ls", L"caf\u00e9"), -1);
    CHECK_EQ(errno, EILSEQ);
    /* What came before the failing conversion was still written. */
    CHECK_EQ(format_opaque("abc%1$d", 1), -1);
    CHECK(strncmp(buffer, "abc", 3) == 0);
}

static void allocated_strings(void) {
    char* text = NULL;
    CHECK_EQ(asprintf(&text, "%s=%d", "x", 5), 3);
    CHECK(strcmp(text, "x=5") == 0);
    free(text);
    text = NULL;
    CHECK_EQ(asprintf(&text, "%s", ""), 0);
    CHECK(text != NULL && text[0] == '\0');
    free(text);
    /* Long enough to grow the buffer several times, in pieces. */
    CHECK_EQ(asprintf(&text, "[%10000d]%s", 7, "end"), 10005);
    CHECK_EQ(text[0], '[');
    CHECK_EQ(text[9999], ' ');
    CHECK(strcmp(text + 10000, "7]end") == 0);
    free(text);
    /* A failing format: -1, its errno, and no string. */
    opaque_format = "%1$d";
    text = (char*)1;
    errno = 0;
    CHECK_EQ(asprintf(&text, opaque_format, 1), -1);
    CHECK_EQ(errno, ENOTSUP);
    CHECK(text == NULL);
    /* Out of memory: a 256 MiB field under a 64 MiB address-space limit. */
    struct rlimit before;
    CHECK_EQ(getrlimit(RLIMIT_AS, &before), 0);
    struct rlimit tight = before;
    tight.rlim_cur = 64UL << 20;
    CHECK_EQ(setrlimit(RLIMIT_AS, &tight), 0);
    text = (char*)1;
    errno = 0;
    int length = asprintf(&text, "%*d", 256 << 20, 1);
    CHECK_EQ(setrlimit(RLIMIT_AS, &before), 0);
    CHECK_EQ(length, -1);
    CHECK_EQ(errno, ENOMEM);
    CHECK(text == NULL);
}

int main(void) {
    integers();
    characters_strings_pointers();
    fixed_point();
    exponent_and_general();
    hexadecimal();
    truncation_and_counting();
    documented_failures();
    allocated_strings();
    return 0;
}
