/* <printf.h>'s registered conversions, modifiers and types through the
 * wide printf functions (swprintf, fwprintf, vswprintf), as glibc 2.36
 * honours them: the handler gets a wide-oriented stream and
 * printf_info.wide set; its wide output (fputwc, fputws, fwprintf,
 * __printf_fp, printf_size) joins the call's, its byte output (fprintf,
 * fputs, fwrite) fails and writes nothing. Every expected string is glibc
 * 2.36's output; the program also passes built against glibc. */
#include <errno.h>
#include <locale.h>
#include <printf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static int int_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)info;
    (void)size;
    if (n > 0) types[0] = PA_INT;
    return 1;
}

/* 'Y': what the handler was given, written with fwprintf. */
static int print_y(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    return fwprintf(stream, L"<%d w%d p%d l%d u%d wide%d>", *(const int*)arguments[0],
                    info->width, info->prec, info->left, info->user, info->wide);
}

/* 'E': characters beyond ASCII, with fputwc and fputws. */
static int print_e(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    (void)info;
    (void)arguments;
    if (fputwc(L'\u00e9', stream) == WEOF) return -1;
    if (fputws(L"\u20ac!", stream) == EOF) return -1;
    return 3;
}

/* 'N': byte output first, which fails on the wide stream, then wide. */
static int narrow_results[3];
static int print_n(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    (void)info;
    (void)arguments;
    narrow_results[0] = fputs("bytes", stream);
    narrow_results[1] = (int)fwrite("bytes", 1, 5, stream);
    narrow_results[2] = fwide(stream, 0);
    return fwprintf(stream, L"ok");
}

/* 'P': fprintf alone: it fails, and so does the call. */
static int print_p(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    (void)info;
    (void)arguments;
    return fprintf(stream, "bytes");
}

/* 'F': writes, then fails with EDOM. */
static int print_failure(FILE* stream, const struct printf_info* info,
                         const void* const* arguments) {
    (void)info;
    (void)arguments;
    fputws(L"partial", stream);
    errno = EDOM;
    return -1;
}

/* 'd' overridden: even numbers here, odd ones back to the standard %d. */
static int decline_odd(FILE* stream, const struct printf_info* info,
                       const void* const* arguments) {
    (void)info;
    int value = *(const int*)arguments[0];
    if (value & 1) return -2;
    return fwprintf(stream, L"even(%i)", value);
}

/* 'O': says it wrote more than it did. */
static int print_overcounted(FILE* stream, const struct printf_info* info,
                             const void* const* arguments) {
    (void)info;
    (void)arguments;
    fputws(L"ab", stream);
    return 10;
}

/* 'V': a value of a registered type. */
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
    const struct point* p = *(const struct point* const*)arguments[0];
    (void)info;
    return fwprintf(stream, L"(%d;%d)", p->x, p->y);
}

/* 'R': __printf_fp as %f, with the spec's flags, width and precision. */
int __printf_fp(FILE* stream, const struct printf_info* info, const void* const* arguments);
static int print_fp(FILE* stream, const struct printf_info* info, const void* const* arguments) {
    struct printf_info forwarded = *info;
    forwarded.spec = L'f';
    return __printf_fp(stream, &forwarded, arguments);
}
static int double_arginfo(const struct printf_info* info, size_t n, int* types, int* size) {
    (void)size;
    if (n > 0) types[0] = PA_DOUBLE | (info->is_long_double ? PA_FLAG_LONG_DOUBLE : 0);
    return 1;
}

static wchar_t text[256];

static int (*volatile print_into)(wchar_t*, size_t, const wchar_t*, ...) = swprintf;

#define CHECK_PRINTS(expected, ...)                                                 \
    do {                                                                            \
        CHECK_EQ(print_into(text, sizeof text / sizeof *text, __VA_ARGS__),         \
                 (int)wcslen(expected));                                            \
        CHECK(wcscmp(text, expected) == 0);                                         \
    } while (0)

/* fwprintf into a file, read back as bytes. */
static char bytes[256];
static int print_to_file(const wchar_t* format, ...) {
    char name[] = "/tmp/wide_printf_extensions.XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    FILE* file = fdopen(fd, "w");
    CHECK(file != NULL);
    va_list arguments;
    va_start(arguments, format);
    int result = vfwprintf(file, format, arguments);
    va_end(arguments);
    CHECK_EQ(fclose(file), 0);
    FILE* in = fopen(name, "r");
    CHECK(in != NULL);
    size_t length = fread(bytes, 1, sizeof bytes - 1, in);
    bytes[length] = '\0';
    fclose(in);
    unlink(name);
    return result;
}

static void check_conversions(void) {
    CHECK_EQ(register_printf_specifier('Y', print_y, int_arginfo), 0);
    CHECK_PRINTS(L"a<7 w0 p-1 l0 u0 wide1>b", L"a%Yb", 7);
    CHECK_PRINTS(L"<1 w12 p3 l1 u0 wide1>|<2 w4 p-1 l1 u0 wide1>|<3 w0 p5 l0 u0 wide1>",
                 L"%-12.3Y|%*Y|%.*Y", 1, -4, 2, 5, 3);
    /* Positional arguments work on this path, standard conversions too. */
    CHECK_PRINTS(L"<11 w0 p-1 l0 u0 wide1> 10 b \u00e9t\u00e9", L"%2$Y %1$d %2$x %3$ls", 10, 11,
                 L"\u00e9t\u00e9");

    CHECK_EQ(register_printf_specifier('E', print_e, int_arginfo), 0);
    CHECK_PRINTS(L"[\u00e9\u20ac!]", L"[%E]", 0);

    point_type = register_printf_type(fetch_point);
    CHECK(point_type >= PA_LAST);
    CHECK_EQ(register_printf_specifier('V', print_v, point_arginfo), 0);
    struct point p = {-4, 9};
    CHECK_PRINTS(L"(-4;9)|77", L"%V|%d", p, 77);

    /* Byte output fails on the handler's stream and writes nothing. */
    CHECK_EQ(register_printf_specifier('N', print_n, int_arginfo), 0);
    errno = 0;
    CHECK_PRINTS(L"<ok>", L"<%N>", 0);
    CHECK_EQ(narrow_results[0], EOF);
    CHECK_EQ(narrow_results[1], 0);
    CHECK_EQ(narrow_results[2], 1); /* wide-oriented */
    CHECK_EQ(errno, 0);
    CHECK_EQ(register_printf_specifier('P', print_p, int_arginfo), 0);
    wmemset(text, L'#', 8);
    errno = 0;
    CHECK_EQ(swprintf(text, 8, L"ab%Pcd", 0), -1);
    CHECK_EQ(errno, 0);
    CHECK(wmemcmp(text, L"ab\0#", 4) == 0);

    /* Unknown conversions as glibc's printf_unknown; a trailing '%' kept. */
    CHECK_PRINTS(L"%#+-8.3k|%w|%\u00e9|%|abc%", L"%-+ #08.3k|%w|%\u00e9|%5.3%|abc%");
    /* The standard wide conversions on this path. */
    int count = 0;
    CHECK_PRINTS(L"  \u00e9t|x   |-3.50|0x1f|(nil)|b", L"%4ls|%-4c|%5.2f|%#x|%p|%n%lc", L"\u00e9t",
                 'x', -3.5, 31, (void*)0, &count, L'b');
    CHECK_EQ(count, 27);
    /* A negative '*' width with '0': zeros after a floating-point number. */
    CHECK_PRINTS(L"[3.5000000000][3     ]", L"[%0*f][%0*d]", -12, 3.5, -6, 3);
}

static void check_handler_results(void) {
    CHECK_EQ(register_printf_specifier('F', print_failure, int_arginfo), 0);
    wmemset(text, L'#', 16);
    errno = 0;
    CHECK_EQ(swprintf(text, 16, L"ab%Fcd", 1), -1);
    CHECK_EQ(errno, EDOM);
    CHECK(wmemcmp(text, L"abpartial\0", 10) == 0);
    CHECK_EQ(register_printf_specifier('d', decline_odd, int_arginfo), 0);
    CHECK_PRINTS(L"even(4) 00007 -3", L"%d %05d %d", 4, 7, -3);
    CHECK_EQ(register_printf_specifier('d', NULL, NULL), 0);
    CHECK_PRINTS(L"4", L"%d", 4);
    CHECK_EQ(register_printf_specifier('O', print_overcounted, int_arginfo), 0);
    CHECK_EQ(print_into(text, 64, L"%O|", 0), 11);
    CHECK(wcscmp(text, L"ab|") == 0);
}

static void check_modifiers(void) {
    int one = register_printf_modifier(L"M");
    int two = register_printf_modifier(L"MM");
    CHECK(one > 0 && two > 0 && (one & two) == 0);
    wchar_t expected[64];
    swprintf(expected, 64, L"<5 w0 p-1 l0 u%d wide1>", one);
    CHECK_PRINTS(expected, L"%MY", 5);
    swprintf(expected, 64, L"<6 w0 p-1 l0 u%d wide1>", two);
    CHECK_PRINTS(expected, L"%MMY", 6);
    CHECK_PRINTS(L"%l|", L"%Ml|");
}

static void check_float_handlers(void) {
    CHECK_EQ(register_printf_specifier('R', print_fp, double_arginfo), 0);
    CHECK_PRINTS(L"3.250000|     +2.50|1.2     |2.5000000|0.500000",
                 L"%R|%+10.2R|%-8.1R|%0*R|%LR", 3.25, 2.5, 1.25, -9, 2.5, 0.5L);
    CHECK_EQ(register_printf_function('B', printf_size, printf_size_info), 0);
    CHECK_EQ(register_printf_function('b', printf_size, printf_size_info), 0);
    CHECK_PRINTS(L"500.000 |2.000k|      1.0G|30.000K   |+inf|nan     ",
                 L"%B|%b|%10.1B|%-10B|%+B|%-8.0b", 500.0, 2048.0, 1e9, 3e4, 1.0 / 0.0, 0.0 / 0.0);
}

/* Into a small array: the first capacity - 1 characters, no terminator,
 * -1 when the output does not fit; a handler's characters count as any. */
static void check_small_arrays(void) {
    const wchar_t* whole = L"a<6 w0 p-1 l0 u0 wide1>b";
    const int length = (int)wcslen(whole);
    for (int capacity = 0; capacity <= length + 1; ++capacity) {
        wchar_t array[64];
        wmemset(array, L'#', 64);
        errno = 0;
        int result = swprintf(array, (size_t)capacity, L"a%Yb", 6);
        if (capacity > length) {
            CHECK_EQ(result, length);
            CHECK(wcscmp(array, whole) == 0);
            continue;
        }
        CHECK_EQ(result, -1);
        CHECK_EQ(errno, 0);
        if (capacity == 0) {
            CHECK_EQ(array[0], L'#');
            continue;
        }
        CHECK(wmemcmp(array, whole, (size_t)capacity - 1) == 0);
        if (capacity == 1) CHECK_EQ(array[0], L'\0');
        else CHECK_EQ(array[capacity - 1], L'#');
    }
    /* The same with characters beyond ASCII from the handler. */
    wchar_t array[8];
    wmemset(array, L'#', 8);
    CHECK_EQ(swprintf(array, 3, L"[%E]", 0), -1);
    CHECK(wmemcmp(array, L"[\u00e9#", 3) == 0);
}

static void check_files(void) {
    /* "C": ASCII as itself, the rest as fputwc writes it. */
    CHECK_EQ(print_to_file(L"x%Y|%E|%B", 3, 0, 2048.0), 34);
    CHECK_STREQ(bytes, "x<3 w0 p-1 l0 u0 wide1>|?EUR!|2.048K");
    errno = 0;
    CHECK_EQ(print_to_file(L"ab%Pcd", 0), -1);
    CHECK_EQ(errno, 0);
    CHECK_STREQ(bytes, "ab");
    /* C.UTF-8: UTF-8. */
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    CHECK_EQ(print_to_file(L"%E|%3$s%2$R", 0, 1.5, "\xc3\xa9"), 13);
    CHECK_STREQ(bytes, "\xc3\xa9\xe2\x82\xac!|\xc3\xa9" "1.500000");
    CHECK(setlocale(LC_ALL, "C") != NULL);
    /* open_wmemstream's stream as the target. */
    wchar_t* contents = NULL;
    size_t size = 0;
    FILE* memory = open_wmemstream(&contents, &size);
    CHECK(memory != NULL);
    CHECK_EQ(fwprintf(memory, L"%E%V", 0, (struct point){1, 2}), 8);
    CHECK_EQ(fclose(memory), 0);
    CHECK_EQ(size, 8u);
    CHECK(wcscmp(contents, L"\u00e9\u20ac!(1;2)") == 0);
    free(contents);
}

int main(void) {
    check_conversions();
    check_handler_results();
    check_modifiers();
    check_float_handlers();
    check_small_arrays();
    check_files();
    return 0;
}
