/* iconv_open, iconv and iconv_close between ASCII, Latin-1, UTF-8, UTF-16,
 * UTF-32, UCS-2, UCS-4 and WCHAR_T: names, byte order marks, what each
 * encoding refuses, the errors (with where the pointers stop), //IGNORE and
 * //TRANSLIT, resets, and every code point through the Unicode encodings.
 *
 * Every expected value is glibc 2.36's answer, quirks included: this file
 * passes built against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

struct outcome {
    size_t result;  /* iconv's return value */
    int error;      /* errno when result is -1, else 0 */
    size_t read;    /* input bytes consumed */
    size_t written; /* output bytes produced */
    unsigned char out[64];
};

static struct outcome convert_with(iconv_t cd, const void* input, size_t length, size_t room) {
    struct outcome outcome;
    memset(&outcome, 0, sizeof outcome);
    CHECK(room <= sizeof outcome.out);
    char* in = (char*)input;
    size_t in_left = length;
    char* out = (char*)outcome.out;
    size_t out_left = room;
    errno = 0;
    outcome.result = iconv(cd, &in, &in_left, &out, &out_left);
    outcome.error = outcome.result == (size_t)-1 ? errno : 0;
    outcome.read = (size_t)(in - (char*)input);
    outcome.written = (size_t)(out - (char*)outcome.out);
    CHECK_EQ(in_left, length - outcome.read);
    CHECK_EQ(out_left, room - outcome.written);
    return outcome;
}

/* One conversion with a fresh descriptor. */
static struct outcome convert(const char* to, const char* from, const void* input, size_t length,
                              size_t room) {
    iconv_t cd = iconv_open(to, from);
    CHECK(cd != (iconv_t)-1);
    struct outcome outcome = convert_with(cd, input, length, room);
    CHECK_EQ(iconv_close(cd), 0);
    return outcome;
}

#define CHECK_OUTCOME(actual, expected_result, expected_error, expected_read, expected_out) \
    do {                                                                                    \
        struct outcome check_outcome_ = (actual);                                           \
        CHECK_EQ((long long)check_outcome_.result, (long long)(expected_result));           \
        CHECK_EQ(check_outcome_.error, expected_error);                                     \
        CHECK_EQ(check_outcome_.read, expected_read);                                       \
        CHECK_EQ(check_outcome_.written, sizeof(expected_out) - 1);                         \
        CHECK(memcmp(check_outcome_.out, expected_out, sizeof(expected_out) - 1) == 0);     \
    } while (0)

/* Converts a string literal (its bytes, without the final NUL). */
#define CONVERT(to, from, text, room) convert(to, from, text, sizeof(text) - 1, room)

static int opens(const char* to, const char* from) {
    errno = 0;
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        CHECK_EQ(errno, EINVAL);
        return 0;
    }
    CHECK_EQ(iconv_close(cd), 0);
    return 1;
}

static void names(void) {
    static const char* const known[] = {
        "ANSI_X3.4-1968", "ASCII", "us-ascii", "ISO646-US", "US", "CSASCII", "iso-ir-6",
        "ANSI_X3.4-1986", "CP367", "IBM367", "ISO_646.IRV:1991", "ANSI_X3.4", "OSF00010020",
        "ISO-8859-1", "ISO8859-1", "iso_8859-1", "ISO_8859-1:1987", "LATIN1", "l1", "CP819",
        "IBM819", "ISO-IR-100", "CSISOLATIN1", "ISO88591", "8859_1", "UTF-8", "utf8",
        "ISO-10646/UTF8/", "ISO-10646/UTF-8/", "ISO-IR-193", "UTF-16", "UTF16", "UTF-16LE",
        "UTF-16BE", "UTF-32", "UTF32", "UTF-32LE", "UTF-32BE", "UCS-2", "UCS2", "UCS-2LE",
        "UCS-2BE", "ISO-10646/UCS2/", "UCS-4", "UCS4", "UCS-4LE", "UCS-4BE", "ISO-10646",
        "ISO-10646/UCS4/", "10646-1:1993", "CSUCS4", "WCHAR_T", "wchar_t", "UNICODE",
        "UNICODELITTLE", "UNICODEBIG", "CSUNICODE",
        /* glibc's reading of a name: characters other than letters, digits and
         * "_-.,:/" are dropped, suffixes after a second slash are read */
        "", "//", "//TRANSLIT", " UTF-8", "U T F-8", "UTF!8", "UTF-8/", "UTF-8//", "UTF-8///",
        "UTF-8//TRANSLIT", "utf-8//ignore", "UTF-8//TRANSLIT//IGNORE", "UTF-8//IGNORE//TRANSLIT",
        "UTF-8//TRANSLIT,IGNORE", "UTF-8//,IGNORE", "UTF-8//FOO", "UTF-8//TRANSLIT/", "UTF-8,",
        "UTF-8, ", "UTF-8,/", ",", "ISO-10646/UCS4,",
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; ++i) {
        CHECK(opens(known[i], "UTF-8"));
        CHECK(opens("UTF-8", known[i]));
    }
    /* "646" is an alias glibc lacks; the others are near misses. */
    static const char* const unknown[] = {"646", "LATIN-1", "UTF_8", "US_ASCII", "ISO_8859_1",
                                          "INTERNAL", "UTF-8/TRANSLIT", "UTF-8,TRANSLIT",
                                          "no such charset", ",UTF-8", "UTF-8,!", "UTF-8:"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; ++i) {
        CHECK(!opens(unknown[i], "UTF-8"));
        CHECK(!opens("UTF-8", unknown[i]));
    }
    /* No conversion from glibc's internal form to itself; any other pair. */
    CHECK(!opens("WCHAR_T", "WCHAR_T"));
    CHECK(opens("UTF-8", "UTF-8"));
    CHECK(opens("UCS-4", "UCS-4"));

    /* The empty name is the locale's charset: ASCII in "C". */
    CHECK_OUTCOME(CONVERT("", "UTF-8", "a\xc3\xa9", 8), -1, EILSEQ, 1, "a");
    CHECK_OUTCOME(CONVERT("UTF-8", "", "a\x80", 8), -1, EILSEQ, 1, "a");
    /* Suffixes are the target's business: on the source they do nothing. */
    CHECK_OUTCOME(CONVERT("UTF-8", "ASCII//IGNORE", "a\xff" "b", 8), -1, EILSEQ, 1, "a");
    CHECK_OUTCOME(CONVERT("ASCII", "UTF-8//TRANSLIT", "\xe2\x82\xac", 8), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("ASCII//translit", "UTF-8", "\xe2\x82\xac", 8), 1, 0, 3, "EUR");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT/", "UTF-8", "\xe2\x82\xac", 8), 1, 0, 3, "EUR");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT\t", "UTF-8", "\xe2\x82\xac", 8), 1, 0, 3, "EUR");
    CHECK_OUTCOME(CONVERT("ASCII//FOO,IGNORE", "UTF-8", "a\xc3\xa9" "b", 8), -1, EILSEQ, 4, "ab");
    CHECK_OUTCOME(CONVERT("ISO-10646/UCS4/TRANSLIT", "UTF-8", "A", 8), 0, 0, 1, "\0\0\0A");

    /* Bad descriptors. */
    char text[] = "ab";
    char* in = text;
    size_t in_left = 2;
    char out[4];
    char* out_position = out;
    size_t out_left = sizeof out;
    errno = 0;
    CHECK_EQ((long long)iconv((iconv_t)-1, &in, &in_left, &out_position, &out_left), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    int (*volatile close_function)(iconv_t) = iconv_close; /* hides the -1 from the compiler */
    CHECK_EQ(close_function((iconv_t)-1), -1);
    CHECK_EQ(errno, EBADF);
}

/* What each name writes and how it reads, byte order marks included. */
static void byte_orders(void) {
    /* "A" then U+10000 */
    const char* utf8 = "A\xf0\x90\x80\x80";
    CHECK_OUTCOME(convert("UTF-16", "UTF-8", utf8, 5, 64), 0, 0, 5, "\xff\xfe" "A\0\0\xd8\0\xdc");
    CHECK_OUTCOME(convert("UTF-16LE", "UTF-8", utf8, 5, 64), 0, 0, 5, "A\0\0\xd8\0\xdc");
    CHECK_OUTCOME(convert("UTF-16BE", "UTF-8", utf8, 5, 64), 0, 0, 5, "\0A\xd8\0\xdc\0");
    CHECK_OUTCOME(convert("UTF-32", "UTF-8", utf8, 5, 64), 0, 0, 5,
                  "\xff\xfe\0\0" "A\0\0\0" "\0\0\x01\0");
    CHECK_OUTCOME(convert("UTF-32LE", "UTF-8", utf8, 5, 64), 0, 0, 5, "A\0\0\0" "\0\0\x01\0");
    CHECK_OUTCOME(convert("UTF-32BE", "UTF-8", utf8, 5, 64), 0, 0, 5, "\0\0\0A" "\0\x01\0\0");
    CHECK_OUTCOME(convert("UCS-4", "UTF-8", utf8, 5, 64), 0, 0, 5, "\0\0\0A" "\0\x01\0\0");
    CHECK_OUTCOME(convert("UCS-4LE", "UTF-8", utf8, 5, 64), 0, 0, 5, "A\0\0\0" "\0\0\x01\0");
    CHECK_OUTCOME(convert("WCHAR_T", "UTF-8", utf8, 5, 64), 0, 0, 5, "A\0\0\0" "\0\0\x01\0");
    /* UCS-2 is the machine's order, without a mark; UNICODE has one. */
    CHECK_OUTCOME(CONVERT("UCS-2", "UTF-8", "A", 64), 0, 0, 1, "A\0");
    CHECK_OUTCOME(CONVERT("UCS-2LE", "UTF-8", "A", 64), 0, 0, 1, "A\0");
    CHECK_OUTCOME(CONVERT("UNICODELITTLE", "UTF-8", "A", 64), 0, 0, 1, "A\0");
    CHECK_OUTCOME(CONVERT("UCS-2BE", "UTF-8", "A", 64), 0, 0, 1, "\0A");
    CHECK_OUTCOME(CONVERT("UNICODEBIG", "UTF-8", "A", 64), 0, 0, 1, "\0A");
    CHECK_OUTCOME(CONVERT("UNICODE", "UTF-8", "A", 64), 0, 0, 1, "\xff\xfe" "A\0");
    CHECK_OUTCOME(convert("UCS-2", "UTF-8", utf8, 5, 64), -1, EILSEQ, 1, "A\0");

    /* Reading: a mark at the start is taken (either order), little-endian
     * without one. Elsewhere, or for the fixed-order names, U+FEFF is a
     * character. */
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "A\0", 64), 0, 0, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "\xff\xfe" "A\0", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "\xfe\xff\0A", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "\xfe\xff\xfe\xff\0A", 64), 0, 0, 6, "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "\xff\xfe", 64), 0, 0, 2, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16", "\xff", 64), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "\xff\xfe" "A\0", 64), 0, 0, 4, "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16BE", "\xfe\xff\0A", 64), 0, 0, 4, "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32", "A\0\0\0", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32", "\0\0\0A", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32", "\0\0\xfe\xff\0\0\0A", 64), 0, 0, 8, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32", "\xff\xfe\0\0" "A\0\0\0", 64), 0, 0, 8, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32LE", "\xff\xfe\0\0" "A\0\0\0", 64), 0, 0, 8,
                  "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UNICODE", "A\0", 64), 0, 0, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UNICODE", "\xfe\xff\0A", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-2", "\xff\xfe" "A\0", 64), 0, 0, 4, "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-2", "\0A", 64), 0, 0, 2, "\xe4\x84\x80");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-2BE", "\0A", 64), 0, 0, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-4", "\0\0\xfe\xff\0\0\0A", 64), 0, 0, 8, "\xef\xbb\xbf" "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-4LE", "A\0\0\0", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "WCHAR_T", "\xff\xfe\0\0" "A\0\0\0", 64), 0, 0, 8,
                  "\xef\xbb\xbf" "A");
}

static void validity(void) {
    /* UTF-8: glibc takes the old five- and six-byte forms and values above
     * U+10FFFF (up to 0x7fffffff) between UTF-8, UCS-4 and WCHAR_T. */
    CHECK_OUTCOME(CONVERT("UCS-4", "UTF-8", "\xf4\x90\x80\x80", 64), 0, 0, 4, "\0\x11\0\0");
    CHECK_OUTCOME(CONVERT("UCS-4", "UTF-8", "\xf8\x88\x80\x80\x80", 64), 0, 0, 5, "\0\x20\0\0");
    CHECK_OUTCOME(CONVERT("UCS-4", "UTF-8", "\xfd\xbf\xbf\xbf\xbf\xbf", 64), 0, 0, 6, "\x7f\xff\xff\xff");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-8", "\xf4\x90\x80\x80", 64), 0, 0, 4, "\xf4\x90\x80\x80");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-4", "\x7f\xff\xff\xff", 64), 0, 0, 4, "\xfd\xbf\xbf\xbf\xbf\xbf");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-4", "\x80\0\0\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-4", "\0\0\xd8\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UCS-4", "UCS-4", "\0\0\xd8\0", 64), 0, 0, 4, "\0\0\xd8\0");
    CHECK_OUTCOME(CONVERT("UCS-4", "WCHAR_T", "\xff\xff\xff\xff", 64), 0, 0, 4, "\xff\xff\xff\xff");
    /* ... but UTF-16 and UTF-32 refuse them, after their mark. */
    CHECK_OUTCOME(CONVERT("UTF-16", "UTF-8", "A\xf4\x90\x80\x80", 64), -1, EILSEQ, 1, "\xff\xfe" "A\0");
    CHECK_OUTCOME(CONVERT("UTF-32", "UTF-8", "\xf4\x90\x80\x80", 64), -1, EILSEQ, 0, "\xff\xfe\0\0");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32BE", "\0\x11\0\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32BE", "\0\0\xd8\0", 64), -1, EILSEQ, 0, "");

    /* Refused UTF-8: overlong forms, surrogates, bytes that begin nothing. */
    static const char* const illegal[] = {"\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf",
                                          "\xf8\x80\x80\x80\x80", "\xfc\x80\x80\x80\x80\x80",
                                          "\xed\xa0\x80", "\xed\xbf\xbf", "\x80", "\xbf", "\xfe",
                                          "\xff", "\xe2\x41", "\xf0\x90\x41"};
    for (size_t i = 0; i < sizeof illegal / sizeof illegal[0]; ++i) {
        char text[16] = "a";
        strcat(text, illegal[i]);
        CHECK_OUTCOME(convert("UTF-16LE", "UTF-8", text, strlen(text), 64), -1, EILSEQ, 1, "a\0");
    }
    /* Cut off by the end of the buffer: EINVAL, with the input left at the
     * start of the sequence, whatever it would have turned out to be. */
    static const char* const incomplete[] = {"\xc3", "\xe2\x82", "\xf0\x90\x80", "\xed\xa0",
                                             "\xe0\x80", "\xf8\x88", "\xfd\xbf\xbf\xbf\xbf"};
    for (size_t i = 0; i < sizeof incomplete / sizeof incomplete[0]; ++i) {
        char text[16] = "a";
        strcat(text, incomplete[i]);
        CHECK_OUTCOME(convert("UTF-16LE", "UTF-8", text, strlen(text), 64), -1, EINVAL, 1, "a\0");
    }
    /* UTF-16: unpaired surrogates. */
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "A\0\0\xd8", 64), -1, EINVAL, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "A\0\0\xd8" "B", 64), -1, EINVAL, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "A\0\0\xd8" "B\0", 64), -1, EILSEQ, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "A\0\0\xdc" "B\0", 64), -1, EILSEQ, 2, "A");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "\0\xd8\0\xdc", 64), 0, 0, 4, "\xf0\x90\x80\x80");
    CHECK_OUTCOME(CONVERT("UTF-8", "UCS-2", "\0\xd8\0\xdc", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-16LE", "A", 64), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32LE", "A\0\0", 64), -1, EINVAL, 0, "");
    /* A surrogate code point is refused by UTF-16, UCS-2, UTF-32, UTF-8. */
    CHECK_OUTCOME(CONVERT("UTF-16BE", "UCS-4", "\0\0\xd8\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UCS-2", "UCS-4", "\0\0\xd8\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UCS-2", "UCS-4", "\0\x01\0\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "WCHAR_T", "\0\xd8\0\0", 64), -1, EILSEQ, 0, "");

    /* ASCII and Latin-1. */
    CHECK_OUTCOME(CONVERT("UTF-8", "ASCII", "a\x80", 64), -1, EILSEQ, 1, "a");
    CHECK_OUTCOME(CONVERT("UTF-8", "LATIN1", "a\xff", 64), 0, 0, 2, "a\xc3\xbf");
    CHECK_OUTCOME(CONVERT("ASCII", "LATIN1", "a\xff", 64), -1, EILSEQ, 1, "a");
    CHECK_OUTCOME(CONVERT("LATIN1", "UTF-8", "a\xc3\xa9\xe2\x82\xac", 64), -1, EILSEQ, 3, "a\xe9");
    /* Unicode's tag characters vanish where they cannot be written. */
    CHECK_OUTCOME(CONVERT("ASCII", "UTF-8", "A\xf3\xa0\x80\x81" "B", 64), 0, 0, 6, "AB");
    CHECK_OUTCOME(CONVERT("UCS-2", "UTF-8", "A\xf3\xa0\x80\x81", 64), 0, 0, 5, "A\0");
    CHECK_OUTCOME(CONVERT("UNICODE", "UTF-8", "\xf3\xa0\x80\x81", 64), 0, 0, 4, "\xff\xfe");
    CHECK_OUTCOME(CONVERT("UTF-16LE", "UTF-8", "\xf3\xa0\x80\x81", 64), 0, 0, 4, "\x40\xdb\x01\xdc");
}

static void full_output(void) {
    /* E2BIG: what fits is converted and accounted for. */
    CHECK_OUTCOME(CONVERT("UTF-8", "LATIN1", "ab\xe9" "c", 3), -1, E2BIG, 2, "ab");
    CHECK_OUTCOME(CONVERT("UTF-16LE", "UTF-8", "a\xf0\x90\x80\x80", 5), -1, E2BIG, 1, "a\0");
    CHECK_OUTCOME(CONVERT("UTF-16", "UTF-8", "A", 1), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-16", "UTF-8", "A", 3), -1, E2BIG, 0, "\xff\xfe");
    CHECK_OUTCOME(CONVERT("UTF-32", "UTF-8", "A", 7), -1, E2BIG, 0, "\xff\xfe\0\0");
    /* The order of glibc's checks: an unrepresentable or illegal character
     * with no room left is E2BIG when the room is checked first. */
    CHECK_OUTCOME(CONVERT("ASCII", "UTF-8", "\xc3\xa9", 0), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "ASCII", "\x80", 0), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("ASCII", "UTF-8", "\xc3", 0), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("WCHAR_T", "UTF-8", "\xff", 3), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("WCHAR_T", "UTF-16LE", "\0\xd8", 0), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("WCHAR_T", "UTF-16LE", "\0", 0), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "WCHAR_T", "\0\xd8\0\0", 0), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "WCHAR_T", "abc", 0), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("WCHAR_T", "UCS-4", "\0\0", 0), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("WCHAR_T", "UCS-4LE", "\0\0", 0), -1, EINVAL, 0, "");
    CHECK_OUTCOME(CONVERT("UCS-4", "WCHAR_T", "\0\0", 0), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-8", "UTF-32", "\0\xd8\0\0", 0), -1, EILSEQ, 0, "");

    /* Converting on after E2BIG, from where it stopped. */
    iconv_t cd = iconv_open("UTF-16", "UTF-8");
    CHECK(cd != (iconv_t)-1);
    CHECK_OUTCOME(convert_with(cd, "AB", 2, 4), -1, E2BIG, 1, "\xff\xfe" "A\0");
    CHECK_OUTCOME(convert_with(cd, "B", 1, 4), 0, 0, 1, "B\0");
    CHECK_EQ(iconv_close(cd), 0);

    /* No output buffer at all: glibc crashes, lwp takes it for no room. */
#ifndef CHECKING_AGAINST_GLIBC
    cd = iconv_open("UTF-8", "UTF-8");
    char text[] = "ab";
    char* in = text;
    size_t in_left = 2;
    CHECK_EQ((long long)iconv(cd, &in, &in_left, NULL, NULL), -1);
    CHECK_EQ(errno, E2BIG);
    CHECK_EQ(in_left, 2);
    CHECK_EQ(iconv_close(cd), 0);
#endif
}

static void resets(void) {
    iconv_t cd = iconv_open("UTF-16", "UTF-8");
    CHECK(cd != (iconv_t)-1);
    CHECK_OUTCOME(convert_with(cd, "", 0, 64), 0, 0, 0, ""); /* no mark without a character */
    CHECK_OUTCOME(convert_with(cd, "\xc3", 1, 64), -1, EINVAL, 0, "");
    CHECK_OUTCOME(convert_with(cd, "A", 1, 64), 0, 0, 1, "\xff\xfe" "A\0");
    CHECK_OUTCOME(convert_with(cd, "B", 1, 64), 0, 0, 1, "B\0");
    /* A reset writes nothing (nothing here has shift states) and makes the
     * next conversion write a mark again. */
    CHECK_EQ(iconv(cd, NULL, NULL, NULL, NULL), 0);
    CHECK_OUTCOME(convert_with(cd, "C", 1, 64), 0, 0, 1, "\xff\xfe" "C\0");
    char out[8];
    char* out_position = out;
    size_t out_left = sizeof out;
    CHECK_EQ(iconv(cd, NULL, NULL, &out_position, &out_left), 0);
    CHECK(out_position == out);
    CHECK_EQ(out_left, sizeof out);
    char* no_input = NULL;
    size_t in_left = 5;
    CHECK_EQ(iconv(cd, &no_input, &in_left, &out_position, &out_left), 0); /* also a reset */
    CHECK_OUTCOME(convert_with(cd, "D", 1, 64), 0, 0, 1, "\xff\xfe" "D\0");
    CHECK_EQ(iconv_close(cd), 0);

    /* One-step conversions (WCHAR_T on one side) write it first thing. */
    cd = iconv_open("UTF-16", "WCHAR_T");
    CHECK_OUTCOME(convert_with(cd, "", 0, 64), 0, 0, 0, "\xff\xfe");
    CHECK_OUTCOME(convert_with(cd, "A\0\0\0", 4, 64), 0, 0, 4, "A\0");
    CHECK_EQ(iconv_close(cd), 0);

    /* Reading: the mark is looked for in the first conversion with a whole
     * unit of input, and again after a reset; the order found stays through
     * a reset, even past a little-endian mark. */
    cd = iconv_open("UTF-8", "UTF-16");
    CHECK_OUTCOME(convert_with(cd, "\xfe", 1, 64), -1, EINVAL, 0, "");
    CHECK_OUTCOME(convert_with(cd, "\xfe\xff\0A", 4, 64), 0, 0, 4, "A");
    CHECK_OUTCOME(convert_with(cd, "\xfe\xff\0B", 4, 64), 0, 0, 4, "\xef\xbb\xbf" "B");
    CHECK_EQ(iconv(cd, NULL, NULL, NULL, NULL), 0);
    CHECK_OUTCOME(convert_with(cd, "\0C", 2, 64), 0, 0, 2, "C");
    CHECK_EQ(iconv(cd, NULL, NULL, NULL, NULL), 0);
    CHECK_OUTCOME(convert_with(cd, "\xff\xfe\0D", 4, 64), 0, 0, 4, "D");
    CHECK_EQ(iconv_close(cd), 0);

    cd = iconv_open("UTF-8", "UTF-32");
    CHECK_OUTCOME(convert_with(cd, "\x00\x00\xfe\xff\0\0\0A", 8, 0), -1, E2BIG, 4, "");
    CHECK_OUTCOME(convert_with(cd, "\0\0\0A", 4, 64), 0, 0, 4, "A");
    CHECK_EQ(iconv(cd, NULL, NULL, NULL, NULL), 0);
    CHECK_OUTCOME(convert_with(cd, "A\0\0\0", 4, 64), -1, EILSEQ, 0, "");
    CHECK_EQ(iconv_close(cd), 0);

    cd = iconv_open("UTF-8", "UTF-16");
    CHECK_OUTCOME(convert_with(cd, "\0\xdc", 2, 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(convert_with(cd, "\xfe\xff", 2, 64), 0, 0, 2, "\xef\xbf\xbe"); /* U+FFFE */
    CHECK_EQ(iconv_close(cd), 0);
}

static void ignore_and_transliterate(void) {
    /* //IGNORE skips, then reports EILSEQ at the end of the call. */
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "a\xc3\xa9z", 64), -1, EILSEQ, 4, "az");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "a\xffz", 64), -1, EILSEQ, 3, "az");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "a\x80\x80\x80z", 64), -1, EILSEQ, 5, "az");
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "ASCII", "a\xffz", 64), -1, EILSEQ, 3, "az");
    CHECK_OUTCOME(CONVERT("WCHAR_T//IGNORE", "UTF-8", "a\xffz", 64), -1, EILSEQ, 3,
                  "a\0\0\0z\0\0\0");
    CHECK_OUTCOME(CONVERT("UTF-16//IGNORE", "UTF-8", "\xff", 64), -1, EILSEQ, 1, "");
    /* An unpaired high surrogate is skipped alone. */
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "UTF-16LE", "\0\xd8" "A\0", 64), -1, EILSEQ, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-16//IGNORE", "UTF-8", "\xff" "a", 64), -1, EILSEQ, 2, "\xff\xfe" "a\0");
    /* E2BIG comes first; where it stops, input skipped just before counts
     * as unread (glibc finds the position by converting again). */
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "a\xc3\xa9zzz", 2), -1, E2BIG, 4, "az");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "ab\xff" "c", 2), -1, E2BIG, 2, "ab");
    CHECK_OUTCOME(CONVERT("WCHAR_T//IGNORE", "UTF-8", "a\xff" "c", 4), -1, E2BIG, 1, "a\0\0\0");
    /* Incomplete input at the end: EILSEQ once the encoder skipped something
     * (two steps), EINVAL when only the decoder did. */
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "a\xc3", 64), -1, EINVAL, 1, "a");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "\xc3\xa9" "a\xc3", 64), -1, EILSEQ, 3, "a");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "UTF-8", "\xff" "a\xc3", 64), -1, EINVAL, 2, "a");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "WCHAR_T", "\xe9\0\0\0" "a\0\0", 64), -1, EINVAL, 4, "");
    /* glibc's UCS-4 and byte-swapped UCS-2 decoders skip without reporting;
     * so does its byte-swapped UCS-2 encoder for a surrogate. */
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "UCS-4", "\x80\0\0\0\0\0\0A", 64), 0, 0, 8, "A");
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "UCS-4LE", "\0\0\0\x80" "A\0\0\0", 64), 0, 0, 8, "A");
    CHECK_OUTCOME(CONVERT("WCHAR_T//IGNORE", "UCS-4", "\x80\0\0\0\0\0\0A", 64), 1, 0, 8, "A\0\0\0");
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "UCS-2BE", "\xdc\0\0A", 64), 0, 0, 4, "A");
    CHECK_OUTCOME(CONVERT("UTF-8//IGNORE", "UCS-2", "\0\xdc" "A\0", 64), -1, EILSEQ, 4, "A");
    CHECK_OUTCOME(CONVERT("UCS-2BE//IGNORE", "UCS-4", "\0\0\xd8\0\0\0\0A", 64), 1, 0, 8, "\0A");
    CHECK_OUTCOME(CONVERT("UCS-2BE//IGNORE", "UCS-4", "\0\x01\0\0\0\0\0A", 64), -1, EILSEQ, 8, "\0A");
    CHECK_OUTCOME(CONVERT("UTF-16LE//IGNORE", "UCS-4", "\0\0\xd8\0\0\0\0A", 64), -1, EILSEQ, 8, "A\0");

    /* //TRANSLIT in the C locale: glibc's locale-independent table, '?' for
     * the rest (no accent stripping). Each counts as irreversible. */
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "a\xc3\xa9" "b\xe2\x82\xac\xe2\x80\x9c" "c", 64),
                  3, 0, 11, "a?bEUR\"c");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xc2\xbd\xef\xac\x81\xe2\x80\x94\xe4\xb8\x80", 64),
                  4, 0, 11, " 1/2 fi--?");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xe2\x80\x8b", 64), 1, 0, 3, ""); /* to nothing */
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xef\xbc\xa1\xef\xbd\x9a", 64), 2, 0, 6, "Az");
    CHECK_OUTCOME(CONVERT("LATIN1//TRANSLIT", "UTF-8", "\xc2\xbd\xe2\x82\xac", 64), 1, 0, 5, "\xbd" "EUR");
    CHECK_OUTCOME(CONVERT("UCS-2//TRANSLIT", "UTF-8", "\xf0\x9d\x90\x80\xf0\x90\x80\x80", 64), 2, 0, 8,
                  "A\0?\0");
    CHECK_OUTCOME(CONVERT("UTF-8//TRANSLIT", "WCHAR_T", "\0\xd8\0\0" "A\0\0\0", 64), 1, 0, 8, "?A");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UCS-4", "\0\x11\0\0", 64), 1, 0, 4, "?");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xf3\xa0\x80\x81", 64), 0, 0, 4, "");
    /* All of a replacement or none of it. */
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "a\xe2\x82\xac", 3), -1, E2BIG, 1, "a");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xc2\xbd", 4), -1, E2BIG, 0, "");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xe2\x80\x8b", 0), -1, E2BIG, 0, "");
    /* Errors other than unrepresentable characters still stop. */
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT", "UTF-8", "\xe2\x82\xac\xff", 64), -1, EILSEQ, 3, "EUR");
    CHECK_OUTCOME(CONVERT("UTF-8//TRANSLIT", "UTF-16LE", "\0\xd8" "A\0", 64), -1, EILSEQ, 0, "");
    CHECK_OUTCOME(CONVERT("UTF-16LE//TRANSLIT", "UCS-4", "\0\0\xd8\0", 64), -1, EILSEQ, 0, "");
    /* glibc's transliteration runs the target's converter afresh, which
     * writes its byte order mark again during the first conversion. */
    CHECK_OUTCOME(CONVERT("UTF-16//TRANSLIT", "UTF-8", "\xf4\x90\x80\x80", 64), 1, 0, 4,
                  "\xff\xfe\xff\xfe?\0");
    CHECK_OUTCOME(CONVERT("UNICODE//TRANSLIT", "UCS-4", "\0\x01\0\0\0\x01\0\0", 64), 2, 0, 8,
                  "\xff\xfe\xff\xfe?\0\xff\xfe?\0");
    CHECK_OUTCOME(CONVERT("UTF-32//TRANSLIT", "UCS-4", "\0\x11\0\0", 8), -1, E2BIG, 0,
                  "\xff\xfe\0\0\xff\xfe\0\0");

    /* Both: a transliteration after a skip hides the skip. */
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT//IGNORE", "UTF-8", "\xff" "a", 64), -1, EILSEQ, 2, "a");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT//IGNORE", "UTF-8", "\xe2\x82\xac\xff" "a", 64), 1, 0, 5,
                  "EURa");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE//TRANSLIT", "UTF-8", "a\xff\xe2\x82\xac", 64), 1, 0, 5,
                  "aEUR");
    CHECK_OUTCOME(CONVERT("ASCII//TRANSLIT//IGNORE", "UTF-8", "\xe4\xb8\x80", 64), 1, 0, 3, "?");
    CHECK_OUTCOME(CONVERT("ASCII//IGNORE", "WCHAR_T", "\xac\x20\0\0\xe9\0\0\0", 64), -1, EILSEQ, 8, "");
}

/* glibc converts in rounds of 8160 characters (two steps); where they end
 * shows in //IGNORE's answers for long input. */
static void long_input(void) {
    enum { length = 200000 };
    char* text = malloc(length);
    char* out = malloc(length);
    CHECK(text && out);
    iconv_t cd = iconv_open("ASCII//IGNORE", "UTF-8");
    CHECK(cd != (iconv_t)-1);
    /* A decoder skip in an earlier round is forgotten. */
    memset(text, 'a', length);
    text[0] = '\xff';
    char* in = text;
    size_t in_left = length;
    char* out_position = out;
    size_t out_left = length;
    CHECK_EQ(iconv(cd, &in, &in_left, &out_position, &out_left), 0);
    CHECK_EQ(in_left, 0);
    CHECK_EQ(out_position - out, length - 1);
    /* ... but not in the last. */
    text[0] = 'a';
    text[length - 1] = '\xff';
    in = text;
    in_left = length;
    out_position = out;
    out_left = length;
    errno = 0;
    CHECK_EQ((long long)iconv(cd, &in, &in_left, &out_position, &out_left), -1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(in_left, 0);
    /* An encoder skip ends the call with EILSEQ at the end of its round. */
    memcpy(text, "\xc3\xa9", 2);
    memset(text + 2, 'a', length - 2);
    in = text;
    in_left = length;
    out_position = out;
    out_left = length;
    errno = 0;
    CHECK_EQ((long long)iconv(cd, &in, &in_left, &out_position, &out_left), -1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(in - text, 2 + 8159);
    CHECK_EQ(out_position - out, 8159);
    CHECK_EQ(iconv_close(cd), 0);
    free(text);
    free(out);
}

static size_t encode_utf8(uint32_t c, unsigned char* out) {
    if (c < 0x80) return out[0] = (unsigned char)c, 1;
    if (c < 0x800) return out[0] = 0xc0 | c >> 6, out[1] = 0x80 | (c & 0x3f), 2;
    if (c < 0x10000)
        return out[0] = 0xe0 | c >> 12, out[1] = 0x80 | (c >> 6 & 0x3f), out[2] = 0x80 | (c & 0x3f), 3;
    out[0] = 0xf0 | c >> 18, out[1] = 0x80 | (c >> 12 & 0x3f), out[2] = 0x80 | (c >> 6 & 0x3f);
    out[3] = 0x80 | (c & 0x3f);
    return 4;
}

/* Every code point UTF-32 -> UTF-8 -> UTF-16 -> UTF-32, each stage checked
 * against an encoding computed here; every byte through Latin-1 and ASCII. */
static void every_character(void) {
    enum { count = 0x110000 - 0x800 };
    uint32_t* utf32 = malloc(count * 4);
    unsigned char* utf8 = malloc(count * 4);
    unsigned char* expected_utf8 = malloc(count * 4);
    uint16_t* utf16 = malloc(count * 4);
    uint32_t* back = malloc(count * 4);
    CHECK(utf32 && utf8 && expected_utf8 && utf16 && back);
    size_t n = 0;
    size_t utf8_length = 0;
    size_t utf16_units = 0;
    for (uint32_t c = 0; c < 0x110000; ++c) {
        if (c >= 0xd800 && c < 0xe000) continue;
        utf32[n++] = c;
        utf8_length += encode_utf8(c, expected_utf8 + utf8_length);
        utf16_units += c >= 0x10000 ? 2 : 1;
    }
    CHECK_EQ(n, count);

    iconv_t to_utf8 = iconv_open("UTF-8", "UTF-32LE");
    char* in = (char*)utf32;
    size_t in_left = count * 4;
    char* out = (char*)utf8;
    size_t out_left = count * 4;
    CHECK_EQ(iconv(to_utf8, &in, &in_left, &out, &out_left), 0);
    CHECK_EQ(in_left, 0);
    CHECK_EQ(out - (char*)utf8, utf8_length);
    CHECK(memcmp(utf8, expected_utf8, utf8_length) == 0);

    iconv_t to_utf16 = iconv_open("UTF-16LE", "UTF-8");
    in = (char*)utf8;
    in_left = utf8_length;
    out = (char*)utf16;
    out_left = count * 4;
    CHECK_EQ(iconv(to_utf16, &in, &in_left, &out, &out_left), 0);
    CHECK_EQ(out - (char*)utf16, utf16_units * 2);
    size_t unit = 0;
    for (size_t i = 0; i < count; ++i) {
        uint32_t c = utf32[i];
        if (c < 0x10000) {
            CHECK_EQ(utf16[unit++], c);
        } else {
            CHECK_EQ(utf16[unit++], 0xd800 + ((c - 0x10000) >> 10));
            CHECK_EQ(utf16[unit++], 0xdc00 + ((c - 0x10000) & 0x3ff));
        }
    }

    iconv_t to_utf32 = iconv_open("UTF-32LE", "UTF-16LE");
    in = (char*)utf16;
    in_left = utf16_units * 2;
    out = (char*)back;
    out_left = count * 4;
    CHECK_EQ(iconv(to_utf32, &in, &in_left, &out, &out_left), 0);
    CHECK_EQ(out - (char*)back, count * 4);
    CHECK(memcmp(back, utf32, count * 4) == 0);

    /* WCHAR_T and UCS-4 agree with UTF-32 on all of them. */
    iconv_t to_ucs4 = iconv_open("UCS-4", "WCHAR_T");
    in = (char*)utf32;
    in_left = count * 4;
    out = (char*)back;
    out_left = count * 4;
    CHECK_EQ(iconv(to_ucs4, &in, &in_left, &out, &out_left), 0);
    for (size_t i = 0; i < count; ++i) CHECK_EQ(__builtin_bswap32(back[i]), utf32[i]);
    iconv_close(to_ucs4);
    iconv_close(to_utf8);
    iconv_close(to_utf16);
    iconv_close(to_utf32);

    /* Bytes: Latin-1 is the first 256 code points, ASCII the first 128. */
    for (int byte = 0; byte < 256; ++byte) {
        unsigned char b = (unsigned char)byte;
        unsigned char expected[4];
        size_t length = encode_utf8(b, expected);
        struct outcome latin1 = convert("UTF-8", "LATIN1", &b, 1, 8);
        CHECK_EQ(latin1.result, 0);
        CHECK_EQ(latin1.written, length);
        CHECK(memcmp(latin1.out, expected, length) == 0);
        struct outcome back_to_latin1 = convert("LATIN1", "UTF-8", expected, length, 8);
        CHECK_EQ(back_to_latin1.result, 0);
        CHECK_EQ(back_to_latin1.out[0], b);
        struct outcome ascii = convert("UTF-16LE", "ASCII", &b, 1, 8);
        if (b < 0x80) {
            CHECK_EQ(ascii.result, 0);
            CHECK_EQ(ascii.written, 2);
            CHECK_EQ(ascii.out[0], b);
        } else {
            CHECK_EQ(ascii.error, EILSEQ);
            CHECK_EQ(ascii.written, 0);
        }
        struct outcome to_ascii = convert("ASCII", "LATIN1", &b, 1, 8);
        CHECK_EQ(to_ascii.error, b < 0x80 ? 0 : EILSEQ);
    }
    free(utf32);
    free(utf8);
    free(expected_utf8);
    free(utf16);
    free(back);
}

/* Every code point through ASCII//TRANSLIT, hashed (FNV-1a over each
 * answer's bytes, count and errno): the hash is glibc 2.36's. */
#ifndef EXPECTED_TRANSLITERATION_HASH
#define EXPECTED_TRANSLITERATION_HASH 0x309f8349a7aac790u
#endif
static void every_transliteration(void) {
    iconv_t cd = iconv_open("ASCII//TRANSLIT", "WCHAR_T");
    CHECK(cd != (iconv_t)-1);
    uint64_t hash = 0xcbf29ce484222325u;
    size_t replaced = 0;
    for (uint32_t c = 0; c < 0x110000; ++c) {
        if (c >= 0xd800 && c < 0xe000) continue;
        struct outcome outcome = convert_with(cd, &c, 4, 16);
        unsigned char summary[2] = {(unsigned char)outcome.result, (unsigned char)outcome.error};
        for (size_t i = 0; i < outcome.written + 2; ++i) {
            hash ^= i < outcome.written ? outcome.out[i] : summary[i - outcome.written];
            hash *= 0x100000001b3u;
        }
        if (outcome.result == 1 && !(outcome.written == 1 && outcome.out[0] == '?')) ++replaced;
    }
    CHECK_EQ(iconv_close(cd), 0);
    CHECK_EQ(replaced, 1656);
    CHECK_EQ(hash, EXPECTED_TRANSLITERATION_HASH);
}

/* Distinct descriptors in distinct threads are independent. */
static void* convert_repeatedly(void* argument) {
    const char* target = argument;
    iconv_t cd = iconv_open(target, "UTF-8");
    CHECK(cd != (iconv_t)-1);
    for (int round = 0; round < 2000; ++round) {
        struct outcome outcome = convert_with(cd, "a\xc3\xa9", 3, 64);
        if (strcmp(target, "UTF-16") == 0) {
            if (round == 0) CHECK_OUTCOME(outcome, 0, 0, 3, "\xff\xfe" "a\0\xe9\0");
            else CHECK_OUTCOME(outcome, 0, 0, 3, "a\0\xe9\0");
        } else {
            CHECK_OUTCOME(outcome, 0, 0, 3, "a\xe9");
        }
    }
    CHECK_EQ(iconv_close(cd), 0);
    return NULL;
}

static void threads(void) {
    pthread_t workers[4];
    const char* targets[4] = {"UTF-16", "LATIN1", "UTF-16", "LATIN1"};
    for (int i = 0; i < 4; ++i)
        CHECK_EQ(pthread_create(&workers[i], NULL, convert_repeatedly, (void*)targets[i]), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(workers[i], NULL), 0);
}

int main(void) {
    names();
    byte_orders();
    validity();
    full_output();
    resets();
    ignore_and_transliterate();
    long_input();
    every_character();
    every_transliteration();
    threads();
    return 0;
}
