/* <printf.h>'s extension API: conversions, modifiers and types of the
 * program's own (register_printf_specifier, register_printf_function,
 * register_printf_modifier, register_printf_type), honoured by the printf
 * family and parse_printf_format, printf_size, and __printf_fp (glibc's
 * float formatter for handlers, which no header declares). Every expected string
 * is glibc 2.36's output; the program also passes built against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <printf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* The compiler checks formats against the standard conversions only: the
 * registered ones look wrong to it. register_printf_function is the old
 * interface, deprecated, and tested on purpose. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wcast-function-type"

/* 'Y': one int, printed with the spec's width, precision, '-' flag and
 * the modifier bits, so that the test sees what the handler was given. */
static int int_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)info;
    (void)size;
    if (n > 0) types[0] = PA_INT;
    return 1;
}
static int print_y(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    return fprintf(stream, "<%d w%d p%d l%d u%d>", *(const int*)arguments[0], info->width,
                   info->prec, info->left, info->user);
}

/* 'W': two arguments, an int and a double. */
static int pair_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)info;
    (void)size;
    if (n > 0) types[0] = PA_INT;
    if (n > 1) types[1] = PA_DOUBLE;
    return 2;
}
static int print_w(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    (void)info;
    return fprintf(stream, "[%d,%.2f]", *(const int*)arguments[0], *(const double*)arguments[1]);
}

/* 'V': a value of a registered type, fetched by its own va_arg function. */
struct point {
    int x, y;
};
static int point_type;
static void fetch_point(void* memory, va_list* arguments) {
    *(struct point*)memory = va_arg(*arguments, struct point);
}
static int point_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)info;
    if (n > 0) {
        types[0] = point_type;
        *size = sizeof(struct point);
    }
    return 1;
}
static int print_v(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    /* A registered type's value arrives behind one more pointer. */
    const struct point* p = *(const struct point* const*)arguments[0];
    (void)info;
    return fprintf(stream, "(%d;%d)", p->x, p->y);
}

/* 'R': the older register_printf_function, with a string argument. */
static int string_arginfo(const struct printf_info* info, size_t n, int* types) {
    (void)info;
    if (n > 0) types[0] = PA_STRING;
    return 1;
}
static int print_reversed(FILE* stream, const struct printf_info* info,
                          const void* const* arguments) {
    const char* text = *(const char* const*)arguments[0];
    (void)info;
    size_t length = strlen(text);
    for (size_t i = length; i-- > 0;) fputc(text[i], stream);
    return (int)length;
}

/* Handlers that fail (-1), decline (-2) and over-report their count. */
static int print_failure(FILE* stream, const struct printf_info* info,
                         const void* const* arguments) {
    (void)info;
    (void)arguments;
    fputs("partial", stream);
    errno = EDOM;
    return -1;
}
static int decline_odd(FILE* stream, const struct printf_info* info,
                       const void* const* arguments) {
    (void)info;
    int value = *(const int*)arguments[0];
    if (value & 1) return -2;  /* the standard %d then prints it */
    return fprintf(stream, "even(%i)", value); /* %d would come back here */
}
static int print_overcounted(FILE* stream, const struct printf_info* info,
                             const void* const* arguments) {
    (void)info;
    (void)arguments;
    fputs("ab", stream);
    return 10;
}

static char text[512];

/* snprintf through a pointer the compiler cannot see through: GCC computes
 * snprintf's result from the format itself when it can (standard
 * conversions of constants), which registered conversions change. */
static int (*volatile print_into)(char*, size_t, const char*, ...) = snprintf;

/* snprintf prints exactly `expected` and returns its length. */
#define CHECK_PRINTS(expected, ...)                                                \
    do {                                                                           \
        CHECK_EQ(print_into(text, sizeof text, __VA_ARGS__), (int)strlen(expected)); \
        CHECK_STREQ(text, expected);                                               \
    } while (0)

static void check_before_registration(void) {
    /* Nothing registered: the ordinary rules, a lone '%' at the end -1. */
    CHECK_PRINTS("   42|x", "%5d|%s", 42, "x");
    CHECK_EQ(print_into(text, sizeof text, "abc%"), -1);
}

static void check_registration_errors(void) {
    errno = 0;
    CHECK_EQ(register_printf_specifier(-1, print_y, int_arginfo), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(register_printf_specifier(256, print_y, int_arginfo), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(register_printf_modifier(L""), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(register_printf_modifier(L"\x100"), -1);
    CHECK_EQ(errno, EINVAL);
}

static void check_conversions(void) {
    CHECK_EQ(register_printf_specifier('Y', print_y, int_arginfo), 0);
    CHECK_PRINTS("a<7 w0 p-1 l0 u0>b", "a%Yb", 7);
    CHECK_PRINTS("<1 w12 p3 l1 u0>|<2 w4 p-1 l1 u0>|<3 w0 p5 l0 u0>", "%-12.3Y|%*Y|%.*Y", 1, -4,
                 2, 5, 3);
    /* Positional arguments, with the standard conversions alongside. */
    CHECK_PRINTS("<11 w0 p-1 l0 u0> 10 b", "%2$Y %1$d %2$x", 10, 11);

    CHECK_EQ(register_printf_specifier('W', print_w, pair_arginfo), 0);
    CHECK_PRINTS("[3,2.50] z", "%W %s", 3, 2.5, "z");

    point_type = register_printf_type(fetch_point);
    CHECK(point_type >= PA_LAST);
    CHECK_EQ(register_printf_specifier('V', print_v, point_arginfo), 0);
    struct point p = {-4, 9};
    CHECK_PRINTS("(-4;9)|77", "%V|%d", p, 77);

    CHECK_EQ(register_printf_function('R', print_reversed, string_arginfo), 0);
    CHECK_PRINTS("cba-", "%R-%R", "abc", "");

    /* Every function of the family goes through the registry. */
    char* heap = NULL;
    CHECK_EQ(asprintf(&heap, "%R%Y", "xy", 1), 18);
    CHECK_STREQ(heap, "yx<1 w0 p-1 l0 u0>");
    free(heap);
    FILE* stream = tmpfile();
    CHECK(stream != NULL);
    CHECK_EQ(fprintf(stream, "[%R]", "olleh"), 7);
    rewind(stream);
    CHECK(fgets(text, sizeof text, stream) != NULL);
    CHECK_STREQ(text, "[hello]");
    fclose(stream);
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    CHECK_EQ(dprintf(pipe_ends[1], "%R!", "ab"), 3);
    CHECK_EQ(read(pipe_ends[0], text, sizeof text), 3);
    CHECK(memcmp(text, "ba!", 3) == 0);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    /* snprintf truncates a handler's output like any other. */
    CHECK_EQ(print_into(text, 5, "%R", "abcdefgh"), 8);
    CHECK_STREQ(text, "hgfe");

    /* Unknown conversions print as glibc's printf_unknown: flags in a
     * fixed order; and a lone '%' at the end is printed, not an error. */
    CHECK_PRINTS("%#+-8.3k|%w|%|abc%", "%-+ #08.3k|%w|%5.3%|abc%");
}

static void check_handler_results(void) {
    CHECK_EQ(register_printf_specifier('F', print_failure, int_arginfo), 0);
    errno = 0;
    CHECK_EQ(print_into(text, sizeof text, "ab%Fcd", 1), -1);
    CHECK_EQ(errno, EDOM);
    /* Registering a standard letter overrides it; -2 hands the spec back. */
    CHECK_EQ(register_printf_specifier('d', decline_odd, int_arginfo), 0);
    CHECK_PRINTS("even(4) 00007 -3", "%d %05d %d", 4, 7, -3);
    CHECK_EQ(register_printf_specifier('d', NULL, NULL), 0); /* back to the standard */
    CHECK_PRINTS("4", "%d", 4);
    /* The count is what the handler says it wrote. */
    CHECK_EQ(register_printf_specifier('O', print_overcounted, int_arginfo), 0);
    CHECK_EQ(print_into(text, sizeof text, "%O|", 0), 11);
    CHECK_STREQ(text, "ab|");
    /* A negative '*' width with '0': glibc pads a finite floating-point
     * number with zeros after it on this path. */
    CHECK_PRINTS("[3.5000000000][3     ][2.500000e+0000]", "[%0*f][%0*d][%0*e]", -12, 3.5, -6, 3,
                 -14, 2.5);
}

static void check_modifiers(void) {
    int one = register_printf_modifier(L"M");
    int two = register_printf_modifier(L"MM");
    CHECK(one > 0 && two > 0 && one != two);
    CHECK((one & two) == 0);
    char expected[64];
    snprintf(expected, sizeof expected, "<5 w0 p-1 l0 u%d>", one);
    CHECK_PRINTS(expected, "%MY", 5);
    /* The longest registered modifier wins. */
    snprintf(expected, sizeof expected, "<6 w0 p-1 l0 u%d>", two);
    CHECK_PRINTS(expected, "%MMY", 6);
    /* A modifier stands in for h l L ...: after it, 'l' is the letter. */
    CHECK_PRINTS("%l|", "%Ml|");
}

static void check_parse_printf_format(void) {
    int types[8];
    memset(types, 0x7f, sizeof types);
    CHECK_EQ(parse_printf_format("%Y %W %s %V %R %MMd", 8, types), 7);
    CHECK_EQ(types[0], PA_INT);
    CHECK_EQ(types[1], PA_INT);
    CHECK_EQ(types[2], PA_DOUBLE);
    CHECK_EQ(types[3], PA_STRING);
    CHECK_EQ(types[4], point_type);
    CHECK_EQ(types[5], PA_STRING);
    CHECK_EQ(types[6], PA_INT);
    /* Room for one type only: W's arginfo is asked for what fits. */
    memset(types, 0x7f, sizeof types);
    CHECK_EQ(parse_printf_format("%W", 1, types), 2);
    CHECK_EQ(types[0], PA_INT);
    CHECK_EQ(types[1], 0x7f7f7f7f);
}

static void check_printf_size(void) {
    CHECK_EQ(register_printf_function('B', printf_size, printf_size_info), 0);
    CHECK_EQ(register_printf_specifier('b', printf_size, (printf_arginfo_size_function*)printf_size_info), 0);
    CHECK_PRINTS("500.000 |2.000k|      1.0G|30.000K   |+inf|      -inf|nan     |00008.3y| "
                "1000.000 |1.50000K", "%B|%b|%10.1B|%-10B|%+B|%10B|%-8.0b|%08.1b|% b|%.5B",
                      500.0, 2048.0, 1e9, 3e4, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 1e25, 1e3,
                      1.5e3);
    CHECK_PRINTS("5000000.000Y|2.000000K", "%LB|%0*B", 5e30L, -9, 2000.0);
    int types[2] = {0, 0};
    struct printf_info info;
    memset(&info, 0, sizeof info);
    CHECK_EQ(printf_size_info(&info, 2, types), 1);
    CHECK_EQ(types[0], PA_DOUBLE);
    info.is_long_double = 1;
    CHECK_EQ(printf_size_info(&info, 2, types), 1);
    CHECK_EQ(types[0], PA_DOUBLE | PA_FLAG_LONG_DOUBLE);
}

/* 'R': a double (or long double with L) through __printf_fp with the spec's
 * flags, width and precision, and the conversion letter `fp_spec`. */
int __printf_fp(FILE* stream, const struct printf_info* info, const void* const* arguments);
static char fp_spec;
static int print_fp(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    struct printf_info forwarded = *info;
    forwarded.spec = (wchar_t)fp_spec;
    return __printf_fp(stream, &forwarded, arguments);
}
static int fp_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)size;
    if (n >= 1) types[0] = PA_DOUBLE | (info->is_long_double ? PA_FLAG_LONG_DOUBLE : 0);
    return 1;
}

static void check_printf_fp(void) {
    CHECK_EQ(register_printf_specifier('R', print_fp, fp_arginfo), 0);
    /* A negative '*' width is '-' with the '0' kept: zeros after the number. */
    fp_spec = 'f';
    CHECK_PRINTS("3.250000|     +2.50|1.2     |2.5     |2.5000000| 8",
                 "%R|%+10.2R|%-8.1R|%-08.1R|%0*R|% .0R", 3.25, 2.5, 1.25, 2.5, -9, 2.5, 7.5);
    CHECK_PRINTS("0.500000|-2.750", "%LR|%.3LR", 0.5L, -2.75L);
    fp_spec = 'F';
    CHECK_PRINTS("INF|INF   |  -NAN", "%R|%-06R|%06R", 1.0 / 0.0, 1.0 / 0.0, -__builtin_nan(""));
    fp_spec = 'e';
    CHECK_PRINTS("1.234e+04|3.e+00|-1.562500e-02", "%.3R|%#.0R|%12R", 12345.0, 3.0, -0.015625);
    fp_spec = 'E';
    CHECK_PRINTS("6.020000E+23|+1.00E-300", "%R|%+.2R", 6.02e23, 1e-300);
    fp_spec = 'g';
    CHECK_PRINTS("0.0001|0.000100000|1.23e+06|1.23457e+06", "%R|%#R|%.3R|%'R", 0.0001, 0.0001,
                 1234567.0, 1234567.0);
    fp_spec = 'G';
    CHECK_PRINTS("1E-10|1.0E+20", "%R|%#.2R", 1e-10, 1e20);
    fp_spec = 'x'; /* any other letter is %g's style */
    CHECK_PRINTS("65536", "%R", 65536.0);
}

int main(void) {
    check_before_registration();
    check_registration_errors();
    check_conversions();
    check_handler_results();
    check_modifiers();
    check_parse_printf_format();
    check_printf_size();
    check_printf_fp();
    return 0;
}
