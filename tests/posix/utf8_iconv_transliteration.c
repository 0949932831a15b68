/* iconv's //TRANSLIT in the C.UTF-8 locale against the "C" locale: glibc
 * looks the replacement up in the calling thread's LC_CTYPE at the time of
 * each iconv call (setlocale's or uselocale's, whatever the locale was at
 * iconv_open), and C.UTF-8's tables are not "C"'s: they strip accents, drop
 * combining marks, give '?' for some characters "C" replaces, and answer
 * by target (the first of several candidates the target can represent), so
 * Latin-1 and UCS-2 targets can get other answers than ASCII. Also: a
 * letter followed by a combining mark, E2BIG (and the '?' answers that need
 * more room), and the byte order mark "UNICODE" repeats with a replacement
 * when the output is full. The expected values are glibc 2.36's.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../integration/check.h"

/* Converts one wide character to `target` with ample room and checks the
 * bytes written and the return value (the irreversible count). */
static void expect_wide(const char* target, unsigned character, const char* bytes, size_t length,
                        size_t result) {
    iconv_t converter = iconv_open(target, "WCHAR_T");
    CHECK(converter != (iconv_t)-1);
    wchar_t input = (wchar_t)character;
    char* in = (char*)&input;
    size_t in_left = sizeof input;
    char output[32];
    char* out = output;
    size_t out_left = sizeof output;
    size_t converted = iconv(converter, &in, &in_left, &out, &out_left);
    if (converted != result || (size_t)(out - output) != length || memcmp(output, bytes, length) != 0)
        fprintf(stderr, "U+%04X to %s: %zd, %zu bytes\n", character, target, (ssize_t)converted,
                (size_t)(out - output));
    CHECK_EQ(converted, result);
    CHECK_EQ(in_left, 0);
    CHECK_EQ((size_t)(out - output), length);
    CHECK(memcmp(output, bytes, length) == 0);
    iconv_close(converter);
}

#define EXPECT_ASCII(character, text) expect_wide("ASCII//TRANSLIT", character, text, sizeof text - 1, 1)
#define EXPECT_LATIN1(character, text) expect_wide("LATIN1//TRANSLIT", character, text, sizeof text - 1, 1)
#define EXPECT_UCS2(character, text) expect_wide("UCS-2LE//TRANSLIT", character, text, sizeof text - 1, 1)

/* The same characters in both locales: what differs and what does not. */
static void check_c_locale(void) {
    CHECK(setlocale(LC_ALL, "C") != NULL);
    EXPECT_ASCII(0xe9, "?");            /* no accent stripping in "C" */
    EXPECT_ASCII(0xc6, "AE");           /* ligature */
    EXPECT_ASCII(0x1e2, "?");
    EXPECT_ASCII(0x370, "H");           /* Greek heta: "C" only */
    EXPECT_ASCII(0x301, "?");           /* a combining mark */
    EXPECT_ASCII(0xfb01, "fi");
    EXPECT_ASCII(0x20ac, "EUR");
    EXPECT_ASCII(0x2153, " 1/3 ");
    EXPECT_ASCII(0x1d400, "A");         /* mathematical bold A */
    EXPECT_ASCII(0x2260, "?");
    EXPECT_ASCII(0x1e9e, "?");
    EXPECT_LATIN1(0x1e2, "?");
    EXPECT_LATIN1(0x2ba, "?");
    EXPECT_LATIN1(0x370, "H");
    EXPECT_UCS2(0x10781, "?\0");
    EXPECT_UCS2(0x2f800, "?\0");
    EXPECT_UCS2(0x1d400, "A\0");
}

static void check_utf8_locale(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    EXPECT_ASCII(0xe9, "e");
    EXPECT_ASCII(0xc6, "AE");
    EXPECT_ASCII(0x1e2, "AE");          /* AE with macron */
    EXPECT_ASCII(0x1d5, "U");           /* U with diaeresis and macron */
    EXPECT_ASCII(0x1fe, "O");           /* O with stroke and acute */
    EXPECT_ASCII(0x130, "I");
    EXPECT_ASCII(0x370, "?");           /* replaced in "C", not here */
    EXPECT_ASCII(0x301, "");            /* combining marks are dropped */
    EXPECT_ASCII(0xfb01, "fi");
    EXPECT_ASCII(0x2018, "'");
    EXPECT_ASCII(0x201c, "\"");
    EXPECT_ASCII(0x20ac, "EUR");
    EXPECT_ASCII(0x2153, " 1/3 ");
    EXPECT_ASCII(0xff21, "A");          /* full-width A */
    EXPECT_ASCII(0x1d400, "A");
    EXPECT_ASCII(0x2260, "!=");
    EXPECT_ASCII(0x1e9e, "SS");
    EXPECT_ASCII(0x1f600, "?");
    /* Latin-1 keeps what it can represent of the candidates. */
    EXPECT_LATIN1(0x1e2, "\xc6");
    EXPECT_LATIN1(0x1fe, "\xd8");
    EXPECT_LATIN1(0x2ba, "\xb4\xb4");   /* modifier double prime */
    EXPECT_LATIN1(0x1d5, "U");
    EXPECT_LATIN1(0x2260, "!=");
    EXPECT_LATIN1(0x301, "");
    /* UCS-2 above the Basic Multilingual Plane. */
    EXPECT_UCS2(0x10781, "\xd0\x02");   /* modifier small capital aa: U+02D0 */
    EXPECT_UCS2(0x2f800, "\x3d\x4e");   /* CJK compatibility ideograph: U+4E3D */
    EXPECT_UCS2(0x2f803, "?\0");        /* its candidate is outside the plane too */
    EXPECT_UCS2(0x1d400, "A\0");
    EXPECT_UCS2(0x1f600, "?\0");
    expect_wide("UCS-2BE//TRANSLIT", 0x10781, "\x02\xd0", 2, 1);
    /* glibc writes the byte order mark again with a replacement made in
     * the first conversion after opening. */
    expect_wide("UNICODE//TRANSLIT", 0x10781, "\xff\xfe\xff\xfe\xd0\x02", 6, 1);
}

/* A letter then a combining mark: C.UTF-8 has no entry for the pair, so
 * the letter is converted and the mark dropped, one irreversible each. */
static void check_sequences(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    iconv_t converter = iconv_open("ASCII//TRANSLIT", "UTF-8");
    CHECK(converter != (iconv_t)-1);
    char input[] = "e\xcc\x81t\xc3\xa9\xcc\x82 \xe2\x82\xac";  /* e U+0301 t U+00E9 U+0302 space U+20AC */
    char* in = input;
    size_t in_left = strlen(input);
    char output[32];
    char* out = output;
    size_t out_left = sizeof output;
    CHECK_EQ(iconv(converter, &in, &in_left, &out, &out_left), 4);
    CHECK_EQ((size_t)(out - output), 7);
    CHECK(memcmp(output, "ete EUR", 7) == 0);
    CHECK_EQ(in_left, 0);

    /* A replacement that does not fit is E2BIG, nothing of it written and
     * the character not taken. */
    char euro[] = "a\xe2\x82\xac";
    in = euro;
    in_left = strlen(euro);
    out = output;
    out_left = 3;
    errno = 0;
    CHECK_EQ(iconv(converter, &in, &in_left, &out, &out_left), (size_t)-1);
    CHECK_EQ(errno, E2BIG);
    CHECK_EQ(in - euro, 1);
    CHECK_EQ(out_left, 2);
    /* A dropped mark still needs the room of one byte, as in glibc. */
    char mark[] = "\xcc\x81";
    in = mark;
    in_left = 2;
    out = output;
    out_left = 0;
    errno = 0;
    CHECK_EQ(iconv(converter, &in, &in_left, &out, &out_left), (size_t)-1);
    CHECK_EQ(errno, E2BIG);
    CHECK_EQ(in_left, 2);
    out_left = 1;
    CHECK_EQ(iconv(converter, &in, &in_left, &out, &out_left), 1);
    CHECK_EQ(out_left, 1);
    CHECK_EQ(in_left, 0);
    iconv_close(converter);

    /* Some characters whose answer is '?' need more room: glibc first tries
     * candidates the target cannot represent, and one can fill the room
     * before that shows. U+22EA needs two bytes, U+32C9 three. */
    converter = iconv_open("LATIN1//TRANSLIT", "WCHAR_T");
    CHECK(converter != (iconv_t)-1);
    const unsigned characters[] = {0x22ea, 0x32c9};
    const size_t least_room[] = {2, 3};
    for (int index = 0; index < 2; ++index) {
        for (size_t room = 1; room <= least_room[index]; ++room) {
            wchar_t wide = (wchar_t)characters[index];
            in = (char*)&wide;
            in_left = sizeof wide;
            out = output;
            out_left = room;
            errno = 0;
            size_t converted = iconv(converter, &in, &in_left, &out, &out_left);
            if (room < least_room[index]) {
                CHECK_EQ(converted, (size_t)-1);
                CHECK_EQ(errno, E2BIG);
                CHECK_EQ(in_left, sizeof wide);
                CHECK_EQ(out_left, room);
            } else {
                CHECK_EQ(converted, 1);
                CHECK_EQ(in_left, 0);
                CHECK_EQ(out_left, room - 1);
                CHECK_EQ(output[0], '?');
            }
        }
    }
    iconv_close(converter);
}

/* "UNICODE" writes its byte order mark again with a replacement in its
 * first conversion; when the replacement then does not fit, glibc keeps
 * that mark for its default '?' (U+1F600) and not for a table's answer
 * (U+1D400, "A"). */
static void check_mark_on_full_output(void) {
    const unsigned characters[] = {0x1d400, 0x1f600};
    const size_t kept[] = {2, 4};
    const char* locales[] = {"C", "C.UTF-8"};
    for (int locale = 0; locale < 2; ++locale) {
        CHECK(setlocale(LC_ALL, locales[locale]) != NULL);
        for (int index = 0; index < 2; ++index) {
            iconv_t converter = iconv_open("UNICODE//TRANSLIT", "WCHAR_T");
            CHECK(converter != (iconv_t)-1);
            wchar_t wide = (wchar_t)characters[index];
            char* in = (char*)&wide;
            size_t in_left = sizeof wide;
            char output[8];
            char* out = output;
            size_t out_left = 5;
            errno = 0;
            CHECK_EQ(iconv(converter, &in, &in_left, &out, &out_left), (size_t)-1);
            CHECK_EQ(errno, E2BIG);
            CHECK_EQ(in_left, sizeof wide);
            CHECK_EQ((size_t)(out - output), kept[index]);
            CHECK(memcmp(output, "\xff\xfe\xff\xfe", kept[index]) == 0);
            iconv_close(converter);
        }
    }
    CHECK(setlocale(LC_ALL, "C") != NULL);
}

static const char* convert_e_acute(iconv_t converter) {
    static __thread char output[8];
    wchar_t input = 0xe9;
    char* in = (char*)&input;
    size_t in_left = sizeof input;
    char* out = output;
    size_t out_left = sizeof output - 1;
    iconv(converter, &in, &in_left, &out, &out_left);
    *out = '\0';
    return output;
}

static void* convert_in_thread(void* converter) {
    /* This thread has no locale object of its own: the global one is used. */
    return (void*)(strcmp(convert_e_acute(converter), "e") == 0 ? "e" : "other");
}

/* Which locale counts: the calling thread's LC_CTYPE when iconv is called. */
static void check_locale_choice(void) {
    CHECK(setlocale(LC_ALL, "C") != NULL);
    iconv_t opened_in_c = iconv_open("ASCII//TRANSLIT", "WCHAR_T");
    CHECK(opened_in_c != (iconv_t)-1);
    CHECK_STREQ(convert_e_acute(opened_in_c), "?");
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    CHECK_STREQ(convert_e_acute(opened_in_c), "e");
    iconv_t opened_in_utf8 = iconv_open("ASCII//TRANSLIT", "WCHAR_T");
    CHECK(setlocale(LC_ALL, "C") != NULL);
    CHECK_STREQ(convert_e_acute(opened_in_utf8), "?");

    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK(utf8 != (locale_t)0);
    CHECK(uselocale(utf8) != (locale_t)0);
    CHECK_STREQ(convert_e_acute(opened_in_c), "e");
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(uselocale(c) != (locale_t)0);
    CHECK_STREQ(convert_e_acute(opened_in_c), "?");
    /* Another thread, without a locale object, follows the global locale. */
    pthread_t thread;
    void* answer;
    CHECK_EQ(pthread_create(&thread, NULL, convert_in_thread, opened_in_c), 0);
    CHECK_EQ(pthread_join(thread, &answer), 0);
    CHECK_STREQ((const char*)answer, "e");
    /* Only LC_CTYPE matters. */
    locale_t ctype_only = newlocale(LC_CTYPE_MASK, "C.UTF-8", newlocale(LC_ALL_MASK, "C", (locale_t)0));
    CHECK(uselocale(ctype_only) != (locale_t)0);
    CHECK_STREQ(convert_e_acute(opened_in_c), "e");
    locale_t all_but_ctype =
        newlocale(LC_ALL_MASK & ~LC_CTYPE_MASK, "C.UTF-8", newlocale(LC_ALL_MASK, "C", (locale_t)0));
    CHECK(uselocale(all_but_ctype) != (locale_t)0);
    CHECK_STREQ(convert_e_acute(opened_in_c), "?");
    uselocale(LC_GLOBAL_LOCALE);
    freelocale(utf8);
    freelocale(c);
    freelocale(ctype_only);
    freelocale(all_but_ctype);
    iconv_close(opened_in_c);
    iconv_close(opened_in_utf8);
    CHECK(setlocale(LC_ALL, "C") != NULL);
}

int main(void) {
    check_c_locale();
    check_utf8_locale();
    check_sequences();
    check_mark_on_full_output();
    check_locale_choice();
    return 0;
}
