/* Strings and character classes lwp added for glibc 2.36's names:
 * wcscasecmp and kin (folding with the locale's towlower), strcasecmp_l,
 * wcschrnul wcswcs, the __ second names, bzero bcopy __memcmpeq memfrob
 * strfry, insque remque, isascii toascii _tolower _toupper isctype and the
 * __is*_l __isw*_l names, isnan isinf as functions. Every expected value is
 * glibc's; the program passes against glibc too (-DCHECKING_AGAINST_GLIBC). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include "../integration/check.h"

/* glibc exports these without declaring them (or declares only macros). */
int __strcasecmp_l(const char*, const char*, locale_t);
int __strncasecmp_l(const char*, const char*, size_t, locale_t);
int __wcscasecmp_l(const wchar_t*, const wchar_t*, locale_t);
int __wcsncasecmp_l(const wchar_t*, const wchar_t*, size_t, locale_t);
char* __strcasestr(const char*, const char*);
char* __strndup(const char*, size_t);
char* __stpncpy(char*, const char*, size_t);
char* __strsep_g(char**, const char*);
int __strverscmp(const char*, const char*);
char* __strerror_r(int, char*, size_t);
void __bzero(void*, size_t);
int __memcmpeq(const void*, const void*, size_t);
int(isnan)(double);
int(isnanf)(float);
int(isinf)(double);
int(isinff)(float);
int(isascii)(int);
int(toascii)(int);
int(_tolower)(int);
int(_toupper)(int);
int(isctype)(int, int);
int(__isctype)(int, int);
int(__isascii_l)(int, locale_t);
int(__toascii_l)(int, locale_t);
int(__isalpha_l)(int, locale_t);
int(__isxdigit_l)(int, locale_t);
int __iswalpha_l(wint_t, locale_t);
int __iswupper_l(wint_t, locale_t);
int __iswctype(wint_t, wctype_t);
wint_t __towctrans(wint_t, wctrans_t);
wint_t __towctrans_l(wint_t, wctrans_t, locale_t);
wctrans_t __wctrans_l(const char*, locale_t);

static void test_wide_case(void) {
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK(c != (locale_t)0 && utf8 != (locale_t)0);
    const wchar_t* upper = L"\u00c9t\u00c9 \u03a3";  /* ÉtÉ Σ */
    const wchar_t* lower = L"\u00e9T\u00e9 \u03c3";  /* étÉ σ */
    /* In "C" only ASCII folds: the answer is the difference of the first
     * characters that differ, É (0xc9) against é (0xe9). */
    uselocale(c);
    CHECK_EQ(wcscasecmp(upper, lower), 0xc9 - 0xe9);
    CHECK_EQ(wcscasecmp(L"HeLLo", L"hello"), 0);
    CHECK_EQ(wcsncasecmp(upper, lower, 0), 0);
    CHECK_EQ(wcscasecmp(L"abc", L"ABD"), 'c' - 'd');
    CHECK_EQ(wcscasecmp(L"ab", L"abc"), -'c');
    /* In C.UTF-8 towlower folds every Unicode letter. */
    uselocale(utf8);
    CHECK_EQ(wcscasecmp(upper, lower), 0);
    CHECK_EQ(wcsncasecmp(L"\u03a3x", L"\u03c3Y", 1), 0);
    CHECK_EQ(wcsncasecmp(L"\u03a3x", L"\u03c3Y", 2), 'x' - 'y');
    /* The final sigma is its own lower case: it differs from σ. */
    CHECK_EQ(wcscasecmp(L"\u03c2", L"\u03a3"), 0x3c2 - 0x3c3);
    uselocale(LC_GLOBAL_LOCALE);
    CHECK_EQ(wcscasecmp_l(upper, lower, utf8), 0);
    CHECK_EQ(wcscasecmp_l(upper, lower, c), 0xc9 - 0xe9);
    CHECK_EQ(wcsncasecmp_l(upper, lower, 1, c), 0xc9 - 0xe9);
    CHECK_EQ(__wcscasecmp_l(L"\u0130", L"i", utf8), 0); /* İ lowers to i */
    CHECK_EQ(__wcsncasecmp_l(L"ABC", L"abd", 2, c), 0);

    CHECK_EQ(strcasecmp_l("HeLLo", "hello", utf8), 0);
    CHECK_EQ(strcasecmp_l("\xc9", "\xe9", utf8), 0xc9 - 0xe9); /* bytes never fold */
    CHECK_EQ(strncasecmp_l("abcX", "ABCY", 3, c), 0);
    CHECK_EQ(__strcasecmp_l("a", "B", c), 'a' - 'b');
    CHECK_EQ(__strncasecmp_l("Zz", "zZ", 5, utf8), 0);
    freelocale(c);
    freelocale(utf8);
}

static void test_strings(void) {
    const wchar_t* text = L"wide text";
    CHECK(wcschrnul(text, L't') == text + 5);
    CHECK(wcschrnul(text, L'q') == text + 9);
    CHECK(wcschrnul(text, L'\0') == text + 9);
    CHECK(wcswcs(text, L"te") == text + 5);
    CHECK(wcswcs(text, L"") == text);
    CHECK(wcswcs(text, L"tex!") == NULL);

    const char* haystack = "Find the NEEDLE here";
    CHECK(__strcasestr(haystack, "needle") == haystack + 9);
    char* copy = __strndup("abcdef", 3);
    CHECK(copy != NULL && strcmp(copy, "abc") == 0);
    free(copy);
    char out[8];
    memset(out, 'x', sizeof out);
    CHECK(__stpncpy(out, "ab", 5) == out + 2);
    CHECK(memcmp(out, "ab\0\0\0xxx", 8) == 0);
    char list[] = "a,,b";
    char* cursor = list;
    CHECK(strcmp(__strsep_g(&cursor, ","), "a") == 0);
    CHECK(strcmp(__strsep_g(&cursor, ","), "") == 0);
    CHECK(strcmp(__strsep_g(&cursor, ","), "b") == 0);
    CHECK(cursor == NULL);
    CHECK(__strverscmp("file9", "file10") < 0);
    CHECK(__strverscmp("1.010", "1.09") < 0);
    char message[64];
    CHECK(strcmp(__strerror_r(2, message, sizeof message), "No such file or directory") == 0);
    CHECK(strcmp(__strerror_r(1000, message, sizeof message), "Unknown error 1000") == 0);

    unsigned char bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    bcopy(bytes, bytes + 2, 5); /* overlapping, as memmove */
    CHECK(memcmp(bytes, "\1\2\1\2\3\4\5\10", 8) == 0);
    bzero(bytes + 1, 2);
    CHECK(memcmp(bytes, "\1\0\0\2\3\4\5\10", 8) == 0);
    __bzero(bytes, 8);
    CHECK(memcmp(bytes, "\0\0\0\0\0\0\0\0", 8) == 0);
    CHECK(__memcmpeq("abcd", "abcd", 4) == 0);
    CHECK(__memcmpeq("abcd", "abce", 4) != 0);
    CHECK(__memcmpeq("abcd", "abce", 3) == 0);

    char frob[] = "Hello*";
    CHECK(memfrob(frob, 6) == frob);
    CHECK(memcmp(frob, "bOFFE\0", 6) == 0); /* each byte XOR 42 */
    memfrob(frob, 6);
    CHECK(strcmp(frob, "Hello*") == 0);

    /* strfry's order is random; its result is a permutation. */
    char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int round = 0; round < 50; ++round) {
        CHECK(strfry(alphabet) == alphabet);
        CHECK_EQ(strlen(alphabet), 36);
        int seen[256] = {0};
        for (int i = 0; i < 36; ++i) ++seen[(unsigned char)alphabet[i]];
        for (const char* p = "abcdefghijklmnopqrstuvwxyz0123456789"; *p; ++p) CHECK_EQ(seen[(unsigned char)*p], 1);
    }
    char empty[] = "";
    CHECK(strfry(empty) == empty && empty[0] == '\0');
}

struct element {
    struct element* forward;
    struct element* backward;
    int value;
};

static void test_queues(void) {
    struct element a = {NULL, NULL, 1}, b = {(void*)1, (void*)1, 2}, c = {NULL, NULL, 3};
    insque(&a, NULL); /* a list of its own */
    CHECK(a.forward == NULL && a.backward == NULL);
    insque(&c, &a);
    insque(&b, &a); /* a b c */
    CHECK(a.forward == &b && b.forward == &c && c.forward == NULL);
    CHECK(c.backward == &b && b.backward == &a && a.backward == NULL);
    remque(&b);
    CHECK(a.forward == &c && c.backward == &a);
    remque(&a);
    CHECK(c.backward == NULL);
    /* A circular list of one. */
    struct element ring = {NULL, NULL, 0};
    ring.forward = ring.backward = &ring;
    insque(&a, &ring);
    CHECK(ring.forward == &a && ring.backward == &a && a.forward == &ring && a.backward == &ring);
}

static void test_classes(void) {
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK_EQ((isascii)(0x7f), 1);
    CHECK_EQ((isascii)(0x80), 0);
    CHECK_EQ((isascii)(-1), 0);
    CHECK_EQ((toascii)(0x1e9), 0x69);
    CHECK_EQ((toascii)(-1), 0x7f);
    CHECK_EQ((__isascii_l)('a', c), 1);
    CHECK_EQ((__toascii_l)(0xc1, utf8), 0x41);
    CHECK_EQ((_tolower)('Q'), 'q');
    CHECK_EQ((_toupper)('q'), 'Q');
    CHECK_EQ((_tolower)('1'), '1');
    /* glibc's tables map a negative signed char (but EOF) to its byte. */
    CHECK_EQ((_tolower)(-2), 254);
    CHECK_EQ(tolower(-128), 128);
    CHECK_EQ(toupper(-1), -1);
    CHECK_EQ(toupper(-56), 200);
    /* isctype answers the class bits themselves. */
    CHECK_EQ((isctype)('a', _ISalpha | _ISdigit), _ISalpha);
    CHECK_EQ((__isctype)('7', _ISdigit | _ISxdigit), _ISdigit | _ISxdigit);
    CHECK_EQ((isctype)(0xe9, _ISalpha), 0);
    CHECK((__isalpha_l)('z', utf8) != 0 && (__isalpha_l)(0xe9, utf8) == 0);
    CHECK((__isxdigit_l)('F', c) != 0 && (__isxdigit_l)('g', c) == 0);
    CHECK(__iswalpha_l(0xe9, utf8) != 0 && __iswalpha_l(0xe9, c) == 0);
    CHECK(__iswupper_l(0x3a3, utf8) != 0);
    uselocale(utf8);
    CHECK(__iswctype(0x3c3, wctype("lower")) != 0);
    CHECK_EQ(__towctrans(0x3c3, wctrans("toupper")), 0x3a3);
    uselocale(LC_GLOBAL_LOCALE);
    CHECK_EQ(__towctrans_l(0xe9, __wctrans_l("toupper", utf8), utf8), 0xc9);
    CHECK(__wctrans_l("totitle", c) == 0 && __wctrans_l("totitle", utf8) != 0);
    freelocale(c);
    freelocale(utf8);

    CHECK_EQ((isnan)(__builtin_nan("")), 1);
    CHECK_EQ((isnan)(1.0), 0);
    CHECK_EQ((isnanf)(__builtin_nanf("")), 1);
    CHECK_EQ((isinf)(-__builtin_inf()), -1);
    CHECK_EQ((isinf)(__builtin_inf()), 1);
    CHECK_EQ((isinf)(1e308), 0);
    CHECK_EQ((isinff)(-__builtin_inff()), -1);
    CHECK_EQ((isinff)(__builtin_nanf("")), 0);
}

int main(void) {
    test_wide_case();
    test_strings();
    test_queues();
    test_classes();
    return 0;
}
