/* The C.UTF-8 locale: which names setlocale takes for it and what it
 * answers for them (each category's own name, the composite name when
 * categories differ, the environment's ""), that a refusal changes
 * nothing, locale objects mixing "C" and C.UTF-8 categories (newlocale,
 * duplocale, freelocale, uselocale per thread), nl_langinfo's codeset items
 * per category, MB_CUR_MAX, and the UTF-8 conversions at their edges:
 * overlong sequences, surrogates, the six-byte forms glibc still converts,
 * sequences split across calls and kept in the mbstate_t, the string
 * functions' limits.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC), where C.UTF-8 is
 * the locale glibc installs as C.utf8. */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

#include "../integration/check.h"

static const char* const every_c_utf8 =
    "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C.UTF-8;LC_COLLATE=C.UTF-8;LC_MONETARY=C.UTF-8;"
    "LC_MESSAGES=C.UTF-8;LC_PAPER=C.UTF-8;LC_NAME=C.UTF-8;LC_ADDRESS=C.UTF-8;"
    "LC_TELEPHONE=C.UTF-8;LC_MEASUREMENT=C.UTF-8;LC_IDENTIFICATION=C.UTF-8";

static void expect_refused(int category, const char* name) {
    char before[512];
    strcpy(before, setlocale(LC_ALL, NULL));
    errno = 0;
    CHECK(setlocale(category, name) == NULL);
    CHECK_STREQ(setlocale(LC_ALL, NULL), before);
}

static void check_names(void) {
    /* The spellings glibc takes, each kept as written. */
    const char* accepted[] = {"C.UTF-8", "C.utf8", "C.Utf-8", "C.UTF8", "C.utf-8@euro"};
    for (int i = 0; i < 5; ++i) {
        CHECK_STREQ(setlocale(LC_ALL, accepted[i]), accepted[i]);
        CHECK_STREQ(setlocale(LC_CTYPE, NULL), accepted[i]);
        CHECK_EQ(MB_CUR_MAX, 6);
        CHECK_STREQ(setlocale(LC_ALL, "POSIX"), "C");
        CHECK_EQ(MB_CUR_MAX, 1);
    }
    expect_refused(LC_ALL, "c.utf8"); /* "C" must be upper case */
    expect_refused(LC_ALL, "C.UTF-8.x");
    expect_refused(LC_ALL, "POSIX.UTF-8");
    expect_refused(LC_ALL, "C.latin1");
    expect_refused(LC_CTYPE, "C.UTF-16");

    /* One category apart: the composite name, in category order. */
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    CHECK_STREQ(setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8");
    CHECK_STREQ(setlocale(LC_ALL, NULL),
                "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;"
                "LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;"
                "LC_MEASUREMENT=C;LC_IDENTIFICATION=C");
    CHECK_EQ(MB_CUR_MAX, 6);
    CHECK_STREQ(nl_langinfo(CODESET), "UTF-8");
    CHECK_STREQ(nl_langinfo(_NL_NUMERIC_CODESET), "ANSI_X3.4-1968");
    CHECK_STREQ(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8");
    CHECK_STREQ(setlocale(LC_NUMERIC, "C"), "C");
    CHECK_STREQ(setlocale(LC_ALL, NULL), every_c_utf8);
    CHECK_STREQ(nl_langinfo(_NL_NUMERIC_CODESET), "ANSI_X3.4-1968");
    CHECK_STREQ(nl_langinfo(_NL_TIME_CODESET), "UTF-8");
    CHECK_STREQ(nl_langinfo(_NL_IDENTIFICATION_TITLE), "C locale");
    CHECK_STREQ(nl_langinfo(_NL_IDENTIFICATION_REVISION), "2.1");

    /* The composite name is taken back, all or nothing. */
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    CHECK_STREQ(setlocale(LC_ALL, every_c_utf8), every_c_utf8);
    CHECK_STREQ(setlocale(LC_NUMERIC, NULL), "C");
    CHECK_STREQ(setlocale(LC_MONETARY, NULL), "C.UTF-8");
    expect_refused(LC_ALL,
                   "LC_CTYPE=C;LC_NUMERIC=C;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;"
                   "LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;"
                   "LC_MEASUREMENT=C;LC_IDENTIFICATION=xx_YY.UTF-8");
    CHECK_EQ(MB_CUR_MAX, 6);

    /* "" through the environment: LC_ALL, the category's, LANG. */
    unsetenv("LC_ALL");
    unsetenv("LC_CTYPE");
    CHECK_EQ(setenv("LANG", "C.UTF-8", 1), 0);
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    CHECK_STREQ(setlocale(LC_ALL, ""), "C.UTF-8");
    CHECK_EQ(setenv("LC_CTYPE", "C", 1), 0);
    CHECK_STREQ(setlocale(LC_CTYPE, ""), "C");
    CHECK_EQ(MB_CUR_MAX, 1);
    CHECK_EQ(setenv("LC_ALL", "C.utf8", 1), 0);
    CHECK_STREQ(setlocale(LC_ALL, ""), "C.utf8");
    CHECK_EQ(setenv("LC_ALL", "en_XX.UTF-8", 1), 0);
    expect_refused(LC_ALL, "");
    unsetenv("LC_ALL");
    unsetenv("LC_CTYPE");
    unsetenv("LANG");
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
}

/* A thread's uselocale object decides its own conversions only. */
static locale_t utf8_object;

static void* convert_in_c_utf8(void* unused) {
    (void)unused;
    wchar_t character = 0;
    CHECK(uselocale(utf8_object) == LC_GLOBAL_LOCALE);
    CHECK_EQ(mbrtowc(&character, "\xc3\xa9", 2, NULL), 2);
    CHECK_EQ(character, 0xe9);
    CHECK_EQ(MB_CUR_MAX, 6);
    CHECK_STREQ(nl_langinfo(CODESET), "UTF-8");
    return NULL;
}

static void check_objects(void) {
    utf8_object = newlocale(LC_ALL_MASK, "C.UTF-8", NULL);
    CHECK(utf8_object != NULL);
    CHECK_STREQ(nl_langinfo_l(CODESET, utf8_object), "UTF-8");
    CHECK_STREQ(nl_langinfo_l(_NL_PAPER_CODESET, utf8_object), "UTF-8");
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, convert_in_c_utf8, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    /* This thread is still in the global "C" locale. */
    wchar_t character = 0;
    errno = 0;
    CHECK_EQ(mbrtowc(&character, "\xc3\xa9", 2, NULL), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(MB_CUR_MAX, 1);

    /* Mixed objects: only the categories the mask names change. */
    locale_t mixed = newlocale(LC_CTYPE_MASK, "C.UTF-8", NULL);
    CHECK(mixed != NULL);
    CHECK_STREQ(nl_langinfo_l(CODESET, mixed), "UTF-8");
    CHECK_STREQ(nl_langinfo_l(_NL_TIME_CODESET, mixed), "ANSI_X3.4-1968");
    locale_t copy = duplocale(mixed);
    CHECK(copy != NULL);
    CHECK_STREQ(nl_langinfo_l(CODESET, copy), "UTF-8");
    mixed = newlocale(LC_TIME_MASK, "C.UTF-8", mixed); /* the base is given up */
    CHECK(mixed != NULL);
    CHECK_STREQ(nl_langinfo_l(CODESET, mixed), "UTF-8");
    CHECK_STREQ(nl_langinfo_l(_NL_TIME_CODESET, mixed), "UTF-8");
    CHECK(uselocale(mixed) == LC_GLOBAL_LOCALE);
    CHECK_EQ(MB_CUR_MAX, 6);
    CHECK(uselocale(LC_GLOBAL_LOCALE) == mixed);
    errno = 0;
    CHECK(newlocale(LC_ALL_MASK, "C.latin1", copy) == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK_STREQ(nl_langinfo_l(CODESET, copy), "UTF-8"); /* a refusal leaves the base */
    locale_t back_to_c = newlocale(LC_CTYPE_MASK, "C", copy);
    CHECK(back_to_c != NULL);
    CHECK_STREQ(nl_langinfo_l(CODESET, back_to_c), "ANSI_X3.4-1968");
    freelocale(back_to_c);
    freelocale(mixed);
    freelocale(utf8_object);

    /* The global locale copied as it is now. */
    CHECK_STREQ(setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8");
    locale_t global_copy = duplocale(LC_GLOBAL_LOCALE);
    CHECK(global_copy != NULL);
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    CHECK_STREQ(nl_langinfo_l(CODESET, global_copy), "UTF-8");
    CHECK_STREQ(nl_langinfo_l(_NL_NUMERIC_CODESET, global_copy), "ANSI_X3.4-1968");
    freelocale(global_copy);
}

struct to_wide_case {
    const char* bytes;
    size_t length;
    size_t result;
    unsigned character;
};

static void check_conversions(void) {
    CHECK_STREQ(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8");
    static const struct to_wide_case cases[] = {
        {"A", 1, 1, 'A'},
        {"\xc3\xa9", 2, 2, 0xe9},
        {"\xe2\x82\xac", 3, 3, 0x20ac},
        {"\xf0\x9f\x98\x80", 4, 4, 0x1f600},
        {"\xf4\x90\x80\x80", 4, 4, 0x110000},        /* past Unicode: glibc converts it */
        {"\xf8\x88\x80\x80\x80", 5, 5, 0x200000},     /* a five-byte form */
        {"\xfd\xbf\xbf\xbf\xbf\xbf", 6, 6, 0x7fffffff}, /* the largest */
        {"\xc0\x80", 2, (size_t)-1, 0},               /* overlong */
        {"\xc1\xbf", 2, (size_t)-1, 0},
        {"\xe0\x80\x80", 3, (size_t)-1, 0},
        {"\xe0\x80", 2, (size_t)-2, 0},               /* found out only when complete */
        {"\xed\xa0\x80", 3, (size_t)-1, 0},           /* a surrogate */
        {"\xed\xa0", 2, (size_t)-2, 0},
        {"\x80", 1, (size_t)-1, 0},
        {"\xfe", 1, (size_t)-1, 0},
        {"\xff", 1, (size_t)-1, 0},
        {"\xc3\x41", 2, (size_t)-1, 0},
        {"\xc3", 1, (size_t)-2, 0},
        {"", 1, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
        mbstate_t state;
        memset(&state, 0, sizeof state);
        wchar_t character = 0;
        errno = 0;
        size_t result = mbrtowc(&character, cases[i].bytes, cases[i].length, &state);
        CHECK_EQ(result, cases[i].result);
        if (result == (size_t)-1) CHECK_EQ(errno, EILSEQ);
        if (result != (size_t)-1 && result != (size_t)-2)
            CHECK_EQ((unsigned)character, cases[i].character);
        CHECK_EQ(mbsinit(&state), result != (size_t)-2);
    }

    /* A character split over three calls, kept in the state. */
    mbstate_t state;
    memset(&state, 0, sizeof state);
    wchar_t character = 0;
    CHECK_EQ(mbrtowc(&character, "\xe2", 1, &state), (size_t)-2);
    CHECK(!mbsinit(&state));
    CHECK_EQ(mbrtowc(&character, "\x82", 1, &state), (size_t)-2);
    CHECK_EQ(mbrtowc(&character, "\xac", 1, &state), 1);
    CHECK_EQ(character, 0x20ac);
    CHECK(mbsinit(&state));
    /* A state holding half a character: a NUL (also mbrtowc(NULL, NULL, 0))
     * and wcrtomb are both EILSEQ. */
    CHECK_EQ(mbrtowc(&character, "\xc3", 1, &state), (size_t)-2);
    errno = 0;
    CHECK_EQ(mbrtowc(NULL, NULL, 0, &state), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    char bytes[8];
    errno = 0;
    CHECK_EQ(wcrtomb(bytes, L'a', &state), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    memset(&state, 0, sizeof state);

    /* To bytes. */
    static const struct {
        unsigned character;
        size_t length;
        const char* bytes;
    } encodings[] = {
        {0x7f, 1, "\x7f"}, {0x80, 2, "\xc2\x80"}, {0x7ff, 2, "\xdf\xbf"},
        {0x800, 3, "\xe0\xa0\x80"}, {0xfffe, 3, "\xef\xbf\xbe"},
        {0x10ffff, 4, "\xf4\x8f\xbf\xbf"}, {0x110000, 4, "\xf4\x90\x80\x80"},
        {0xe0041, 4, "\xf3\xa0\x81\x81"}, /* a tag character is kept in UTF-8 */
        {0x7fffffff, 6, "\xfd\xbf\xbf\xbf\xbf\xbf"},
        {0xd800, (size_t)-1, ""}, {0xdfff, (size_t)-1, ""}, {0x80000000u, (size_t)-1, ""},
    };
    for (size_t i = 0; i < sizeof encodings / sizeof *encodings; ++i) {
        errno = 0;
        size_t length = wcrtomb(bytes, (wchar_t)encodings[i].character, &state);
        CHECK_EQ(length, encodings[i].length);
        if (length == (size_t)-1) CHECK_EQ(errno, EILSEQ);
        else CHECK(memcmp(bytes, encodings[i].bytes, length) == 0);
    }
    CHECK_EQ(btowc(0xe9), WEOF); /* only ASCII is one byte */
    CHECK_EQ(wctob(0xe9), EOF);
    CHECK_EQ(mblen("\xc3\xa9", 2), 2);
    CHECK_EQ(mblen("\xff", 1), -1);

    /* Strings: input ending inside a character waits in the state. */
    const char* text = "a\xc3\xa9z\xe2\x82";
    const char* source = text;
    wchar_t wide[10];
    CHECK_EQ(mbsnrtowcs(wide, &source, 6, 10, &state), 3);
    CHECK(source == text + 6);
    CHECK(!mbsinit(&state));
    source = "\xac!";
    CHECK_EQ(mbsnrtowcs(wide, &source, 2, 10, &state), 2);
    CHECK_EQ(wide[0], 0x20ac);
    CHECK_EQ(wide[1], L'!');
    /* A limit stops after whole characters; *source says where. */
    text = "a\xc3\xa9z";
    source = text;
    CHECK_EQ(mbsrtowcs(wide, &source, 2, &state), 2);
    CHECK(source == text + 3);
    source = "a\xc3\xa9z\xff";
    errno = 0;
    CHECK_EQ(mbsrtowcs(wide, &source, 10, &state), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(mbstowcs(NULL, "a\xc3\xa9z", 0), 3);
    const wchar_t* wide_source = L"a\u00e9\u20ac";
    const wchar_t* wide_text = wide_source;
    char narrow[16];
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 4, &state), 3); /* the euro does not fit */
    CHECK(wide_source == wide_text + 2);
    wide_source = wide_text;
    CHECK_EQ(wcsrtombs(NULL, &wide_source, 0, &state), 6);
    CHECK_EQ(wcsrtombs(narrow, &wide_source, sizeof narrow, &state), 6);
    CHECK(wide_source == NULL);
    CHECK_STREQ(narrow, "a\xc3\xa9\xe2\x82\xac");
    CHECK_EQ(wcstombs(narrow, L"\u00e9\u00e9", 3), 2);
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
}

/* printf's %lc/%ls and scanf's %lc/%ls/%l[ go through the locale. */
static void check_formatted(void) {
    char text[64];
    CHECK_STREQ(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8");
    CHECK_EQ(snprintf(text, sizeof text, "[%ls|%lc]", L"a\u00e9\u20ac", (wint_t)0x1f600), 13);
    CHECK_STREQ(text, "[a\xc3\xa9\xe2\x82\xac|\xf0\x9f\x98\x80]");
    /* Width and precision count bytes; a character that would not fit whole
     * ends the conversion. */
    CHECK_EQ(snprintf(text, sizeof text, "[%5.4ls]", L"a\u00e9\u20ac"), 7);
    CHECK_STREQ(text, "[  a\xc3\xa9]");
    errno = 0;
    CHECK_EQ(snprintf(text, sizeof text, "%ls", L"a\xd800"), -1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(snprintf(text, sizeof text, "%.1ls", L"a\xd800"), 1); /* not looked at */

    wchar_t wide[8] = {0};
    int consumed = 0;
    /* Widths count characters. */
    CHECK_EQ(sscanf("\xc3\xa9t\xc3\xa9 x", "%2ls%n", wide, &consumed), 1);
    CHECK_EQ(wide[0], 0xe9);
    CHECK_EQ(wide[1], L't');
    CHECK_EQ(wide[2], 0);
    CHECK_EQ(consumed, 3);
    CHECK_EQ(sscanf("\xe2\x82\xac\xc3\xa9", "%2lc", wide), 1);
    CHECK_EQ(wide[0], 0x20ac);
    CHECK_EQ(wide[1], 0xe9);
    CHECK_EQ(sscanf("\xc3\xa9\xc3\xa9" "b", "%l[^b]", wide), 1);
    CHECK_EQ(wide[1], 0xe9);
    CHECK_EQ(wide[2], 0);
    errno = 0;
    CHECK_EQ(sscanf("a\xc3", "%ls", wide), 0); /* ends inside a character */
    CHECK_EQ(errno, EILSEQ);
    /* iconv's "" is the locale's charset when iconv_open is called. */
    iconv_t to_locale = iconv_open("", "UTF-16LE");
    CHECK(to_locale != (iconv_t)-1);
    char utf16[] = {'a', 0, (char)0xe9, 0};
    char* in = utf16;
    size_t in_left = sizeof utf16;
    char* out = text;
    size_t out_left = sizeof text;
    CHECK_EQ(iconv(to_locale, &in, &in_left, &out, &out_left), 0);
    CHECK_EQ(out - text, 3);
    CHECK(memcmp(text, "a\xc3\xa9", 3) == 0);
    CHECK_EQ(iconv_close(to_locale), 0);
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    to_locale = iconv_open("", "UTF-16LE");
    in = utf16;
    in_left = sizeof utf16;
    out = text;
    out_left = sizeof text;
    errno = 0;
    CHECK_EQ(iconv(to_locale, &in, &in_left, &out, &out_left), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(iconv_close(to_locale), 0);
    errno = 0;
    CHECK_EQ(snprintf(text, sizeof text, "%lc", (wint_t)0xe9), -1);
    CHECK_EQ(errno, EILSEQ);
}

/* <uchar.h>: UTF-16 surrogate pairs and UTF-8 units kept between calls. */
static void check_unicode_units(void) {
    CHECK_STREQ(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8");
    mbstate_t state;
    memset(&state, 0, sizeof state);
    char16_t unit = 0;
    CHECK_EQ(mbrtoc16(&unit, "\xf0\x9f\x98\x80", 4, &state), 4);
    CHECK_EQ(unit, 0xd83d);
    CHECK_EQ(mbrtoc16(&unit, "", 0, &state), (size_t)-3); /* reads nothing */
    CHECK_EQ(unit, 0xde00);
    CHECK(mbsinit(&state));
    char bytes[8];
    CHECK_EQ(c16rtomb(bytes, 0xd83d, &state), 0);
    CHECK_EQ(c16rtomb(bytes, 0xde00, &state), 4);
    CHECK(memcmp(bytes, "\xf0\x9f\x98\x80", 4) == 0);
    errno = 0;
    CHECK_EQ(c16rtomb(bytes, 0xde00, &state), (size_t)-1); /* a low one alone */
    CHECK_EQ(errno, EILSEQ);
    memset(&state, 0, sizeof state);

    char8_t units[4] = {0};
    CHECK_EQ(mbrtoc8(&units[0], "\xe2\x82\xac", 3, &state), 3);
    CHECK_EQ(mbrtoc8(&units[1], "", 0, &state), (size_t)-3);
    CHECK_EQ(mbrtoc8(&units[2], "", 0, &state), (size_t)-3);
    CHECK(memcmp(units, "\xe2\x82\xac", 3) == 0);
    CHECK(mbsinit(&state));
    CHECK_EQ(c8rtomb(bytes, 0xe2, &state), 0);
    CHECK_EQ(c8rtomb(bytes, 0x82, &state), 0);
    CHECK_EQ(c8rtomb(bytes, 0xac, &state), 3);
    CHECK(memcmp(bytes, "\xe2\x82\xac", 3) == 0);
    errno = 0;
    CHECK_EQ(c8rtomb(bytes, 0xed, &state), 0);
    CHECK_EQ(c8rtomb(bytes, 0xa0, &state), (size_t)-1); /* toward a surrogate */
    CHECK_EQ(errno, EILSEQ);
    memset(&state, 0, sizeof state);

    char32_t character = 0;
    CHECK_EQ(mbrtoc32(&character, "\xc3\xa9", 2, &state), 2);
    CHECK_EQ(character, 0xe9);
    CHECK_EQ(c32rtomb(bytes, 0x1f600, &state), 4);

    /* In "C" only ASCII is a character. */
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C");
    errno = 0;
    CHECK_EQ(mbrtoc16(&unit, "\xc3\xa9", 2, &state), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(c32rtomb(bytes, 'a', &state), 1);
    CHECK_EQ(c16rtomb(bytes, 0xd83d, &state), 0);
    errno = 0;
    CHECK_EQ(c16rtomb(bytes, 0xde00, &state), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
}

int main(void) {
    check_unicode_units();
    check_names();
    check_objects();
    check_conversions();
    check_formatted();
    return 0;
}
