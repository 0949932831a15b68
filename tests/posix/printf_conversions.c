/* printf's conversions that glibc added after C99's set: C23's %b and %B
 * (binary, glibc 2.35) with every flag, width, precision and length
 * modifier, through snprintf and swprintf; and glibc 2.35's %#m (errno's
 * macro name, as strerrorname_np gives it, or its signed decimal value for
 * a code with no name). The expected strings are glibc 2.36's; checked
 * against glibc too (tools/check-posix-against-glibc printf_conversions).
 * The differential comparison of %b over random formats and values is
 * tools/compare_printf_binary.c. This program calls strerror and
 * strerrorname_np itself, so %m and %#m print text (printf reaches both
 * through weak references; tests/integration/printf_errno_number.c checks
 * a program that links neither). Then: a width or precision written in the
 * format beyond INT_MAX fails at once with EOVERFLOW, as glibc's
 * (glibc's stdio-common/bug22), the text before it already written. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../integration/check.h"

static char buffer[256];
static wchar_t wide_buffer[256];

/* Through a pointer the compiler cannot see into, so that GCC neither folds
 * the call from its model of glibc's printf nor warns about %b. */
static const char* volatile opaque_format;
static const wchar_t* volatile opaque_wide_format;

static int format_opaque(const char* format, ...) {
    opaque_format = format;
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, sizeof buffer, opaque_format, arguments);
    va_end(arguments);
    return result;
}

static int wide_format_opaque(const wchar_t* format, ...) {
    opaque_wide_format = format;
    va_list arguments;
    va_start(arguments, format);
    int result = vswprintf(wide_buffer, sizeof wide_buffer / sizeof wide_buffer[0],
                           opaque_wide_format, arguments);
    va_end(arguments);
    return result;
}

/* The narrow answer, and the same through the wide functions. */
#define CHECK_FORMAT(expected, format, ...)                                  \
    do {                                                                     \
        CHECK_EQ(format_opaque(format, __VA_ARGS__), (int)strlen(expected)); \
        CHECK_STREQ(buffer, expected);                                       \
        CHECK_EQ(wide_format_opaque(L"" format, __VA_ARGS__),                \
                 (int)strlen(expected));                                     \
        char narrowed[256];                                                  \
        size_t length = wcstombs(narrowed, wide_buffer, sizeof narrowed);    \
        CHECK_EQ(length, strlen(expected));                                  \
        CHECK_STREQ(narrowed, expected);                                     \
    } while (0)

static void check_binary(void) {
    CHECK_FORMAT("0", "%b", 0u);
    CHECK_FORMAT("0", "%#B", 0u); /* no prefix for zero, as for %#x */
    CHECK_FORMAT("101", "%b", 5u);
    CHECK_FORMAT("0b101", "%#b", 5u);
    CHECK_FORMAT("0B101", "%#B", 5u);
    CHECK_FORMAT("11111111111111111111111111111111", "%b", UINT32_MAX);
    CHECK_FORMAT("1111111111111111111111111111111111111111111111111111111111111111", "%lb",
                 UINT64_MAX);
    CHECK_FORMAT("1000000000000000000000000000000000000000000000000000000000000000", "%llB",
                 (unsigned long long)1 << 63);
    CHECK_FORMAT("0b1000000000000000000000000000000000000000000000000000000000000000", "%#jb",
                 (uintmax_t)1 << 63);
    CHECK_FORMAT("1010", "%zb", (size_t)10);
    CHECK_FORMAT("1010", "%tb", (ptrdiff_t)10);
    CHECK_FORMAT("1010", "%qb", 10ull);
    CHECK_FORMAT("1010", "%Lb", 10ull); /* L on an integer is ll, in glibc */
    CHECK_FORMAT("1010", "%Zb", (size_t)10);
    /* hh and h: the int converted to the narrow type. */
    CHECK_FORMAT("11111111", "%hhb", -1);
    CHECK_FORMAT("1111111111111111", "%hB", -1);
    CHECK_FORMAT("100001", "%hhb", 0x87654321);
    /* A negative int is its unsigned bits. */
    CHECK_FORMAT("11111111111111111111111111111110", "%b", -2);
    /* Width, '-', '0', precision; '+' and ' ' change nothing (unsigned). */
    CHECK_FORMAT("   101", "%6b", 5u);
    CHECK_FORMAT("101   |", "%-6b|", 5u);
    CHECK_FORMAT("000101", "%06b", 5u);
    CHECK_FORMAT("0b0101", "%#06b", 5u);
    CHECK_FORMAT("  0b00101", "%#9.5b", 5u);
    CHECK_FORMAT("    00101", "%09.5b", 5u); /* a precision disables '0' */
    CHECK_FORMAT("101 ", "%0-4b", 5u);
    CHECK_FORMAT("101", "%+b", 5u);
    CHECK_FORMAT("101", "% b", 5u);
    CHECK_FORMAT("", "%.0b", 0u);
    CHECK_FORMAT("", "%#.0b", 0u);
    CHECK_FORMAT("   ", "%3.0b", 0u);
    CHECK_FORMAT("00000", "%.5b", 0u);
    CHECK_FORMAT("0B00001", "%#.5B", 1u);
    CHECK_FORMAT("      0b11", "%#*b", 10, 3u);
    CHECK_FORMAT("0b11      |", "%#*b|", -10, 3u);
    CHECK_FORMAT("0011", "%.*b", 4, 3u);
    CHECK_FORMAT("11", "%.*b", -4, 3u); /* negative: no precision */
    CHECK_FORMAT("0b11 %", "%#b %%", 3u);
    CHECK_FORMAT("x=1111011 y=173 z=7b", "x=%b y=%o z=%x", 123u, 123u, 123u);
    /* Through asprintf and a stream too. */
    char* allocated = NULL;
    CHECK_EQ(asprintf(&allocated, opaque_format = "%#010b", 6u), 10);
    CHECK_STREQ(allocated, "0b00000110");
    free(allocated);
}

static void check_errno_name(void) {
    /* The program's own calls, which link both tables. */
    CHECK_STREQ(strerrorname_np(EINVAL), "EINVAL");
    CHECK_STREQ(strerror(EINVAL), "Invalid argument");

    errno = EINVAL;
    CHECK_EQ(format_opaque("%m|%#m", 0), 23);
    CHECK_STREQ(buffer, "Invalid argument|EINVAL");
    errno = EAGAIN; /* the name glibc gives where two macros share a code */
    CHECK_EQ(format_opaque("%#m", 0), 6);
    CHECK_STREQ(buffer, "EAGAIN");
    errno = ENOTSUP;
    CHECK_EQ(format_opaque("%#m", 0), 10);
    CHECK_STREQ(buffer, "EOPNOTSUPP");
    errno = 0;
    CHECK_EQ(format_opaque("%#m", 0), 1);
    CHECK_STREQ(buffer, "0");
    /* No name: the signed decimal value, with a number's flags. */
    errno = -1;
    CHECK_EQ(format_opaque("%#m", 0), 2);
    CHECK_STREQ(buffer, "-1");
    errno = 41; /* no macro has this code */
    CHECK_EQ(format_opaque("%#m", 0), 2);
    CHECK_STREQ(buffer, "41");
    errno = 1002003;
    CHECK_EQ(format_opaque("[%#+.9m|%#-9m|%#09m]", 0), 32);
    CHECK_STREQ(buffer, "[+001002003|1002003  |001002003]");
    errno = -7;
    CHECK_EQ(format_opaque("[%#05m]", 0), 7);
    CHECK_STREQ(buffer, "[-0007]");
    /* Width, '-' and precision on a name; '0' pads it with spaces. */
    errno = EINVAL;
    CHECK_EQ(format_opaque("[%#10m|%-#10m|%#.3m|%#010m]", 0), 38);
    CHECK_STREQ(buffer, "[    EINVAL|EINVAL    |EIN|    EINVAL]");
    /* errno as the call began, after other conversions. */
    errno = ERANGE;
    CHECK_EQ(format_opaque("%d %#m %s", 5, "x"), 10);
    CHECK_STREQ(buffer, "5 ERANGE x");
    CHECK_EQ(errno, ERANGE);
    /* The wide functions print the same. */
    errno = EILSEQ;
    CHECK_EQ(wide_format_opaque(L"%#m|%#8m|%#m", 0), 22);
    CHECK(wcscmp(wide_buffer, L"EILSEQ|  EILSEQ|EILSEQ") == 0);
    errno = -12;
    CHECK_EQ(wide_format_opaque(L"%#m", 0), 3);
    CHECK(wcscmp(wide_buffer, L"-12") == 0);
}

static void check_oversized_width(void) {
    errno = 0;
    CHECK_EQ(format_opaque("ab%2147483648d", 1), -1);
    CHECK_EQ(errno, EOVERFLOW);
    CHECK_STREQ(buffer, "ab");
    errno = 0;
    CHECK_EQ(format_opaque("%.2147483648d", 1), -1);
    CHECK_EQ(errno, EOVERFLOW);
    errno = 0;
    CHECK_EQ(format_opaque("%99999999999999999999s", "x"), -1);
    CHECK_EQ(errno, EOVERFLOW);
    errno = 0;
    CHECK_EQ(wide_format_opaque(L"%2147483648d", 1), -1);
    CHECK_EQ(errno, EOVERFLOW);
    errno = 0;
    CHECK_EQ(wide_format_opaque(L"%.2147483648d", 1), -1);
    CHECK_EQ(errno, EOVERFLOW);
}

int main(void) {
    check_binary();
    check_errno_name();
    check_oversized_width();
    return 0;
}
