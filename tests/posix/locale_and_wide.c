/* Locales, multibyte and wide characters in the "C" locale, lwp's only one:
 * setlocale (what it accepts, what it refuses, and that a refusal changes
 * nothing), localeconv, MB_CUR_MAX, every nl_langinfo item, the locale_t
 * objects (newlocale, uselocale per thread, the fields <ctype.h> reads
 * inline), textdomain and bindtextdomain (out of memory included), the
 * multibyte conversions (EILSEQ from 0x80 up, every byte and every wide
 * character), the wide-string functions, and the wide character classes
 * for every value up to 0x10FFFF.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC): its "C" locale
 * answers the same; the few places where lwp deliberately differs are
 * marked. */
#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>
#include <ctype.h>

#include "../integration/check.h"

static const char* const category_variables[] = {
    "LC_ALL",        "LC_CTYPE",   "LC_NUMERIC", "LC_TIME",      "LC_COLLATE",
    "LC_MONETARY",   "LC_MESSAGES", "LC_PAPER",  "LC_NAME",      "LC_ADDRESS",
    "LC_TELEPHONE",  "LC_MEASUREMENT", "LC_IDENTIFICATION", "LANG"};

static void clear_locale_environment(void) {
    for (size_t i = 0; i < sizeof category_variables / sizeof *category_variables; ++i)
        CHECK_EQ(unsetenv(category_variables[i]), 0);
}

static const int categories[] = {LC_CTYPE,   LC_NUMERIC, LC_TIME,     LC_COLLATE,
                                 LC_MONETARY, LC_MESSAGES, LC_ALL,    LC_PAPER,
                                 LC_NAME,    LC_ADDRESS, LC_TELEPHONE, LC_MEASUREMENT,
                                 LC_IDENTIFICATION};
#define CATEGORY_COUNT (int)(sizeof categories / sizeof *categories)

/* setlocale(..., name) fails with `code` and leaves every category "C". */
static void expect_refused(int category, const char* name, int code) {
    errno = 0;
    CHECK(setlocale(category, name) == NULL);
    if (code != 0) CHECK_EQ(errno, code);
    for (int i = 0; i < CATEGORY_COUNT; ++i) CHECK_STREQ(setlocale(categories[i], NULL), "C");
}

static void selecting_locales(void) {
    clear_locale_environment();
    for (int i = 0; i < CATEGORY_COUNT; ++i) {
        CHECK_STREQ(setlocale(categories[i], NULL), "C");
        CHECK_STREQ(setlocale(categories[i], "C"), "C");
        CHECK_STREQ(setlocale(categories[i], "POSIX"), "C");
        CHECK_STREQ(setlocale(categories[i], ""), "C"); /* nothing set: "C" */
    }

    /* Categories that are none. */
    int bad_categories[] = {-1, 13, 100, INT_MIN};
    for (int i = 0; i < 4; ++i) {
        errno = 0;
        CHECK(setlocale(bad_categories[i], NULL) == NULL);
        CHECK_EQ(errno, EINVAL);
        errno = 0;
        CHECK(setlocale(bad_categories[i], "C") == NULL);
        CHECK_EQ(errno, EINVAL);
    }

    /* Names of locales that are not there: refused, nothing changed. */
    expect_refused(LC_ALL, "xx_YY.UTF-8", ENOENT);
    expect_refused(LC_CTYPE, "de_DE", ENOENT);
    expect_refused(LC_ALL, "c", ENOENT); /* case matters */
    expect_refused(LC_ALL, "C ", ENOENT);
    expect_refused(LC_CTYPE, "LC_CTYPE=C;LC_NUMERIC=C", ENOENT);
    /* C.UTF-8 is the other locale there is: tests/posix/utf8_locale.c. */

    /* Composite names, as setlocale(LC_ALL, NULL) gives when categories
     * differ: every category must be named, each "C" or "POSIX". */
    const char* every_category_c =
        "LC_CTYPE=C;LC_NUMERIC=C;LC_TIME=POSIX;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C;"
        "LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;LC_MEASUREMENT=C;"
        "LC_IDENTIFICATION=C";
    CHECK_STREQ(setlocale(LC_ALL, every_category_c), "C");
    expect_refused(LC_ALL,
                   "LC_CTYPE=C;LC_NUMERIC=C;LC_TIME=xx_YY;LC_COLLATE=C;LC_MONETARY=C;"
                   "LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;"
                   "LC_MEASUREMENT=C;LC_IDENTIFICATION=C",
                   ENOENT);
    expect_refused(LC_ALL, "LC_CTYPE=C;LC_NUMERIC=POSIX", EINVAL); /* not all there */
    expect_refused(LC_ALL, "C;x", EINVAL);
    expect_refused(LC_ALL, "LC_CTYPE=C;LC_BOGUS=C", EINVAL);

    /* "" looks at LC_ALL, then LC_<category>, then LANG; empty ones do not
     * count. A refusal through the environment changes nothing either (glibc
     * does not always set errno then). */
    CHECK_EQ(setenv("LANG", "xx_YY", 1), 0);
    expect_refused(LC_ALL, "", 0);
    expect_refused(LC_TIME, "", 0);
    CHECK_EQ(setenv("LC_MESSAGES", "C", 1), 0);
    CHECK_STREQ(setlocale(LC_MESSAGES, ""), "C");
    expect_refused(LC_ALL, "", 0); /* the other categories still say xx_YY */
    CHECK_EQ(setenv("LC_ALL", "POSIX", 1), 0);
    CHECK_STREQ(setlocale(LC_ALL, ""), "C"); /* LC_ALL overrides the rest */
    CHECK_STREQ(setlocale(LC_TIME, ""), "C");
    CHECK_EQ(setenv("LC_ALL", "", 1), 0); /* empty: as if unset */
    expect_refused(LC_TIME, "", 0);
    clear_locale_environment();
    CHECK_EQ(setenv("LANG", "C", 1), 0);
    CHECK_EQ(setenv("LC_CTYPE", "xx_YY", 1), 0);
    expect_refused(LC_ALL, "", 0); /* one category fails: all of it does */
    expect_refused(LC_CTYPE, "", 0);
    CHECK_STREQ(setlocale(LC_NUMERIC, ""), "C");
    CHECK_STREQ(setlocale(LC_ALL, "C"), "C"); /* an explicit name ignores it */
    clear_locale_environment();

    /* The C locale's conventions. */
    struct lconv* conventions = localeconv();
    CHECK(conventions != NULL);
    CHECK_STREQ(conventions->decimal_point, ".");
    CHECK_STREQ(conventions->thousands_sep, "");
    CHECK_STREQ(conventions->grouping, "");
    CHECK_STREQ(conventions->int_curr_symbol, "");
    CHECK_STREQ(conventions->currency_symbol, "");
    CHECK_STREQ(conventions->mon_decimal_point, "");
    CHECK_STREQ(conventions->mon_thousands_sep, "");
    CHECK_STREQ(conventions->mon_grouping, "");
    CHECK_STREQ(conventions->positive_sign, "");
    CHECK_STREQ(conventions->negative_sign, "");
    char numbers[] = {conventions->int_frac_digits,    conventions->frac_digits,
                      conventions->p_cs_precedes,      conventions->p_sep_by_space,
                      conventions->n_cs_precedes,      conventions->n_sep_by_space,
                      conventions->p_sign_posn,        conventions->n_sign_posn,
                      conventions->int_p_cs_precedes,  conventions->int_p_sep_by_space,
                      conventions->int_n_cs_precedes,  conventions->int_n_sep_by_space,
                      conventions->int_p_sign_posn,    conventions->int_n_sign_posn};
    for (size_t i = 0; i < sizeof numbers; ++i) CHECK_EQ(numbers[i], CHAR_MAX);

    CHECK_EQ(MB_CUR_MAX, 1);
}

/* ---- nl_langinfo: every item of every category ---- */

enum answer_kind { ANY_EMPTY, TEXT, WIDE, NUMBER, SKIPPED };

struct expected_answer {
    enum answer_kind kind;
    const char* text;
    const wchar_t* wide;
    uintptr_t number;
};

#define MOST_ITEMS 200
static struct expected_answer expected[13][MOST_ITEMS];

static void expect_text(nl_item item, const char* text) {
    expected[item >> 16][item & 0xffff] = (struct expected_answer){TEXT, text, NULL, 0};
}
static void expect_wide(nl_item item, const wchar_t* wide) {
    expected[item >> 16][item & 0xffff] = (struct expected_answer){WIDE, NULL, wide, 0};
}
static void expect_number(nl_item item, uintptr_t number) {
    expected[item >> 16][item & 0xffff] = (struct expected_answer){NUMBER, NULL, NULL, number};
}
/* glibc's private tables (its ctype, transliteration and collation data):
 * lwp answers "" for them (below, the three ctype tables it does have). */
static void skip_item(nl_item item) {
    expected[item >> 16][item & 0xffff] = (struct expected_answer){SKIPPED, NULL, NULL, 0};
}

static void fill_expected_answers(void) {
    static const char* const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const wchar_t* const wide_days[] = {L"Sunday",   L"Monday", L"Tuesday", L"Wednesday",
                                               L"Thursday", L"Friday", L"Saturday"};
    static const char* const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    static const wchar_t* const wide_months[] = {
        L"January", L"February", L"March",     L"April",   L"May",      L"June",
        L"July",    L"August",   L"September", L"October", L"November", L"December"};
    static char short_days[7][4], short_months[12][4];
    static wchar_t wide_short_days[7][4], wide_short_months[12][4];
    for (int i = 0; i < 7; ++i) {
        memcpy(short_days[i], days[i], 3);
        wmemcpy(wide_short_days[i], wide_days[i], 3);
        expect_text(ABDAY_1 + i, short_days[i]);
        expect_text(DAY_1 + i, days[i]);
        expect_wide(_NL_WABDAY_1 + i, wide_short_days[i]);
        expect_wide(_NL_WDAY_1 + i, wide_days[i]);
    }
    for (int i = 0; i < 12; ++i) {
        memcpy(short_months[i], months[i], 3);
        wmemcpy(wide_short_months[i], wide_months[i], 3);
        expect_text(ABMON_1 + i, short_months[i]);
        expect_text(MON_1 + i, months[i]);
        expect_text(ALTMON_1 + i, months[i]);
        expect_text(_NL_ABALTMON_1 + i, short_months[i]);
        expect_wide(_NL_WABMON_1 + i, wide_short_months[i]);
        expect_wide(_NL_WMON_1 + i, wide_months[i]);
        expect_wide(_NL_WALTMON_1 + i, wide_months[i]);
        expect_wide(_NL_WABALTMON_1 + i, wide_short_months[i]);
    }
    expect_text(AM_STR, "AM");
    expect_text(PM_STR, "PM");
    expect_text(D_T_FMT, "%a %b %e %H:%M:%S %Y");
    expect_text(D_FMT, "%m/%d/%y");
    expect_text(T_FMT, "%H:%M:%S");
    expect_text(T_FMT_AMPM, "%I:%M:%S %p");
    expect_wide(_NL_WAM_STR, L"AM");
    expect_wide(_NL_WPM_STR, L"PM");
    expect_wide(_NL_WD_T_FMT, L"%a %b %e %H:%M:%S %Y");
    expect_wide(_NL_WD_FMT, L"%m/%d/%y");
    expect_wide(_NL_WT_FMT, L"%H:%M:%S");
    expect_wide(_NL_WT_FMT_AMPM, L"%I:%M:%S %p");
    expect_wide(_NL_WERA_YEAR, L"");
    expect_wide(_NL_WERA_D_FMT, L"");
    expect_wide(_NL_WALT_DIGITS, L"");
    expect_wide(_NL_WERA_D_T_FMT, L"");
    expect_wide(_NL_WERA_T_FMT, L"");
    expect_number(_NL_TIME_ERA_NUM_ENTRIES, 0);
    expect_text(_NL_TIME_WEEK_NDAYS, "\x07");
    expect_number(_NL_TIME_WEEK_1STDAY, 19971130);
    expect_text(_NL_TIME_WEEK_1STWEEK, "\x04");
    expect_text(_NL_TIME_FIRST_WEEKDAY, "\x01");
    expect_text(_NL_TIME_FIRST_WORKDAY, "\x02");
    expect_text(_NL_TIME_CAL_DIRECTION, "\x01");
    expect_text(_DATE_FMT, "%a %b %e %H:%M:%S %Z %Y");
    expect_wide(_NL_W_DATE_FMT, L"%a %b %e %H:%M:%S %Z %Y");

    const char* codeset = "ANSI_X3.4-1968";
    nl_item codesets[] = {CODESET,          _NL_TIME_CODESET,      _NL_COLLATE_CODESET,
                          _NL_MONETARY_CODESET, _NL_NUMERIC_CODESET, _NL_MESSAGES_CODESET,
                          _NL_PAPER_CODESET, _NL_NAME_CODESET,     _NL_ADDRESS_CODESET,
                          _NL_TELEPHONE_CODESET, _NL_MEASUREMENT_CODESET,
                          _NL_IDENTIFICATION_CODESET};
    for (size_t i = 0; i < sizeof codesets / sizeof *codesets; ++i)
        expect_text(codesets[i], codeset);

    /* LC_CTYPE */
    skip_item(_NL_CTYPE_CLASS); /* checked against <ctype.h>'s table below */
    skip_item(_NL_CTYPE_TOUPPER);
    skip_item(_NL_CTYPE_TOLOWER);
    nl_item private_tables[] = {_NL_CTYPE_CLASS32, _NL_CTYPE_CLASS_NAMES, _NL_CTYPE_MAP_NAMES,
                                _NL_CTYPE_WIDTH, _NL_CTYPE_TOUPPER32, _NL_CTYPE_TOLOWER32,
                                _NL_CTYPE_TRANSLIT_TAB_SIZE, _NL_CTYPE_TRANSLIT_FROM_IDX,
                                _NL_CTYPE_TRANSLIT_FROM_TBL, _NL_CTYPE_TRANSLIT_TO_IDX,
                                _NL_CTYPE_TRANSLIT_TO_TBL, _NL_COLLATE_COLLSEQMB,
                                _NL_COLLATE_COLLSEQWC};
    for (size_t i = 0; i < sizeof private_tables / sizeof *private_tables; ++i)
        skip_item(private_tables[i]);
    for (int i = 0; i < 14; ++i) skip_item(_NL_CTYPE_EXTRA_MAP_1 + i);
    expect_number(_NL_CTYPE_GAP1, 0);
    expect_number(_NL_CTYPE_GAP2, 0);
    expect_number(_NL_CTYPE_GAP3, 0);
    expect_number(_NL_CTYPE_GAP4, 0);
    expect_number(_NL_CTYPE_GAP5, 0);
    expect_number(_NL_CTYPE_GAP6, 0);
    expect_number(_NL_CTYPE_MB_CUR_MAX, 1);
    expect_number(_NL_CTYPE_CLASS_OFFSET, 72);
    expect_number(_NL_CTYPE_MAP_OFFSET, 84);
    expect_number(_NL_CTYPE_INDIGITS_MB_LEN, 1);
    expect_number(_NL_CTYPE_INDIGITS_WC_LEN, 1);
    static const char* const digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    static const wchar_t* const wide_digits[] = {L"0", L"1", L"2", L"3", L"4",
                                                 L"5", L"6", L"7", L"8", L"9"};
    for (int i = 0; i < 10; ++i) {
        expect_text(_NL_CTYPE_INDIGITS0_MB + i, digits[i]);
        expect_wide(_NL_CTYPE_INDIGITS0_WC + i, wide_digits[i]);
        expect_text(_NL_CTYPE_OUTDIGIT0_MB + i, digits[i]);
        expect_number(_NL_CTYPE_OUTDIGIT0_WC + i, '0' + i);
    }
    expect_number(_NL_CTYPE_TRANSLIT_DEFAULT_MISSING_LEN, 1);
    expect_wide(_NL_CTYPE_TRANSLIT_DEFAULT_MISSING, L"?");
    expect_number(_NL_CTYPE_TRANSLIT_IGNORE_LEN, 0);
    expect_number(_NL_CTYPE_TRANSLIT_IGNORE, 0);
    expect_number(_NL_CTYPE_MAP_TO_NONASCII, 0);
    expect_number(_NL_CTYPE_NONASCII_CASE, 0);

    /* LC_NUMERIC */
    expect_text(RADIXCHAR, ".");
    expect_text(THOUSEP, "");
    expect_text(GROUPING, "");
    expect_number(_NL_NUMERIC_DECIMAL_POINT_WC, '.');
    expect_number(_NL_NUMERIC_THOUSANDS_SEP_WC, 0);

    /* LC_COLLATE: no rules, no tables. */
    for (nl_item item = _NL_COLLATE_NRULES; item <= _NL_COLLATE_SYMB_EXTRAMB; ++item)
        expect_number(item, 0);

    /* LC_MONETARY */
    expect_text(CRNCYSTR, "-");
    nl_item unavailable[] = {INT_FRAC_DIGITS, FRAC_DIGITS, P_CS_PRECEDES, P_SEP_BY_SPACE,
                             N_CS_PRECEDES, N_SEP_BY_SPACE, P_SIGN_POSN, N_SIGN_POSN,
                             INT_P_CS_PRECEDES, INT_P_SEP_BY_SPACE, INT_N_CS_PRECEDES,
                             INT_N_SEP_BY_SPACE, INT_P_SIGN_POSN, INT_N_SIGN_POSN};
    for (size_t i = 0; i < sizeof unavailable / sizeof *unavailable; ++i)
        expect_text(unavailable[i], "\xff");
    for (nl_item item = _NL_MONETARY_DUO_INT_FRAC_DIGITS;
         item <= _NL_MONETARY_DUO_INT_N_SIGN_POSN; ++item)
        expect_text(item, "\xff");
    expect_number(_NL_MONETARY_UNO_VALID_FROM, 10101);
    expect_number(_NL_MONETARY_UNO_VALID_TO, 99991231);
    expect_number(_NL_MONETARY_DUO_VALID_FROM, 10101);
    expect_number(_NL_MONETARY_DUO_VALID_TO, 99991231);
    skip_item(_NL_MONETARY_CONVERSION_RATE); /* two int32s, checked below */
    expect_number(_NL_MONETARY_DECIMAL_POINT_WC, 0);
    expect_number(_NL_MONETARY_THOUSANDS_SEP_WC, 0);

    /* LC_MESSAGES */
    expect_text(YESEXPR, "^[yY]");
    expect_text(NOEXPR, "^[nN]");

    /* The rest */
    expect_number(_NL_PAPER_HEIGHT, 297);
    expect_number(_NL_PAPER_WIDTH, 210);
    expect_text(_NL_NAME_NAME_FMT, "%p%t%g%t%m%t%f");
    expect_text(_NL_ADDRESS_POSTAL_FMT, "%a%N%f%N%d%N%b%N%s %h %e %r%N%C-%z %T%N%c%N");
    expect_number(_NL_ADDRESS_COUNTRY_NUM, 0);
    expect_text(_NL_TELEPHONE_TEL_INT_FMT, "+%c %a %l");
    expect_text(_NL_MEASUREMENT_MEASUREMENT, "\x01");
    expect_text(_NL_IDENTIFICATION_TITLE, "ISO/IEC 14652 i18n FDCC-set");
    expect_text(_NL_IDENTIFICATION_SOURCE, "ISO/IEC JTC1/SC22/WG20 - internationalization");
    expect_text(_NL_IDENTIFICATION_ADDRESS,
                "C/o Keld Simonsen, Skt. Jorgens Alle 8, DK-1615 Kobenhavn V");
    expect_text(_NL_IDENTIFICATION_CONTACT, "Keld Simonsen");
    expect_text(_NL_IDENTIFICATION_EMAIL, "keld@dkuug.dk");
    expect_text(_NL_IDENTIFICATION_TEL, "+45 3122-6543");
    expect_text(_NL_IDENTIFICATION_FAX, "+45 3325-6543");
    expect_text(_NL_IDENTIFICATION_TERRITORY, "ISO");
    expect_text(_NL_IDENTIFICATION_REVISION, "1.0");
    expect_text(_NL_IDENTIFICATION_DATE, "1997-12-20");
    expect_text(_NL_IDENTIFICATION_CATEGORY, "i18n:1999");
}

static void check_answer(nl_item item, const struct expected_answer* answer, locale_t locale) {
    char* got = locale ? nl_langinfo_l(item, locale) : nl_langinfo(item);
    switch (answer->kind) {
    case SKIPPED: return;
    case NUMBER:
        if ((uintptr_t)got != answer->number) {
            check_write("nl_langinfo item ");
            check_write_number(item);
            check_write(": ");
        }
        CHECK_EQ((uintptr_t)got, answer->number);
        return;
    default: break;
    }
    if ((uintptr_t)got < 4096) {
        check_write("nl_langinfo item ");
        check_write_number(item);
        check_write(" is a number\n");
        CHECK(!"an item expected to be a string is a number");
    }
    if (answer->kind == WIDE) {
        if (wcscmp((const wchar_t*)got, answer->wide) != 0) {
            check_write("nl_langinfo item ");
            check_write_number(item);
            check_write(": wrong wide string\n");
            CHECK(!"wide answer");
        }
        return;
    }
    const char* text = answer->kind == TEXT ? answer->text : "";
    if (strcmp(got, text) != 0) {
        check_write("nl_langinfo item ");
        check_write_number(item);
        check_write(": ");
    }
    CHECK_STREQ(got, text);
}

static void every_langinfo_item(void) {
    fill_expected_answers();
    /* Each category's item count, and a few past it (those answer ""). */
    static const int item_counts[13] = {
        [LC_CTYPE] = _NL_NUM_LC_CTYPE & 0xffff,
        [LC_NUMERIC] = _NL_NUM_LC_NUMERIC & 0xffff,
        [LC_TIME] = _NL_NUM_LC_TIME & 0xffff,
        [LC_COLLATE] = _NL_NUM_LC_COLLATE & 0xffff,
        [LC_MONETARY] = _NL_NUM_LC_MONETARY & 0xffff,
        [LC_MESSAGES] = _NL_NUM_LC_MESSAGES & 0xffff,
        [LC_PAPER] = _NL_NUM_LC_PAPER & 0xffff,
        [LC_NAME] = _NL_NUM_LC_NAME & 0xffff,
        [LC_ADDRESS] = _NL_NUM_LC_ADDRESS & 0xffff,
        [LC_TELEPHONE] = _NL_NUM_LC_TELEPHONE & 0xffff,
        [LC_MEASUREMENT] = _NL_NUM_LC_MEASUREMENT & 0xffff,
        [LC_IDENTIFICATION] = _NL_NUM_LC_IDENTIFICATION & 0xffff,
    };
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(c_locale != (locale_t)0);
    for (int category = 0; category < 13; ++category) {
        if (category == LC_ALL) continue;
        CHECK(item_counts[category] + 20 <= MOST_ITEMS);
        for (int index = 0; index < item_counts[category] + 20; ++index) {
            nl_item item = _NL_ITEM(category, index);
            check_answer(item, &expected[category][index], NULL);
            check_answer(item, &expected[category][index], c_locale);
        }
        CHECK_STREQ(nl_langinfo(_NL_LOCALE_NAME(category)), "C");
    }
    /* No category, or LC_ALL: "". */
    int no_items[] = {_NL_ITEM(LC_ALL, 0), _NL_ITEM(13, 0), _NL_ITEM(200, 1), -1, -65536};
    for (size_t i = 0; i < sizeof no_items / sizeof *no_items; ++i)
        CHECK_STREQ(nl_langinfo(no_items[i]), "");
    CHECK_STREQ(nl_langinfo(_NL_LOCALE_NAME(LC_ALL)), "");

    /* The tables glibc's <ctype.h> reads are the ones nl_langinfo names. */
    CHECK((const unsigned short*)nl_langinfo(_NL_CTYPE_CLASS) + 128 == *__ctype_b_loc());
    CHECK((const int32_t*)nl_langinfo(_NL_CTYPE_TOUPPER) + 128 == *__ctype_toupper_loc());
    CHECK((const int32_t*)nl_langinfo(_NL_CTYPE_TOLOWER) + 128 == *__ctype_tolower_loc());
    const int32_t* rate = (const int32_t*)nl_langinfo(_NL_MONETARY_CONVERSION_RATE);
    CHECK(rate[0] == 1 && rate[1] == 1);
    /* _NL_IDENTIFICATION_CATEGORY holds one string per category. */
    const char* per_category = nl_langinfo(_NL_IDENTIFICATION_CATEGORY);
    for (int category = 0; category < 13; ++category) {
        CHECK_STREQ(per_category, category == LC_ALL ? "" : "i18n:1999");
        per_category += strlen(per_category) + 1;
    }
    freelocale(c_locale);
}

/* ---- locale objects ---- */

static void* locale_of_new_thread(void* unused) {
    (void)unused;
    return uselocale((locale_t)0);
}

static void locale_objects(void) {
    clear_locale_environment();
    CHECK(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);

    /* An unknown name: ENOENT, as POSIX says (glibc's newlocale does not
     * always set errno for it). */
    errno = 0;
    CHECK(newlocale(LC_ALL_MASK, "xx_YY", (locale_t)0) == (locale_t)0);
#ifndef CHECKING_AGAINST_GLIBC
    CHECK_EQ(errno, ENOENT);
#endif
    errno = 0;
    CHECK(newlocale(LC_ALL_MASK, NULL, (locale_t)0) == (locale_t)0);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(newlocale(1 << 20, "C", (locale_t)0) == (locale_t)0);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(newlocale(LC_ALL_MASK | (1 << LC_ALL), "C", (locale_t)0) == (locale_t)0);
    CHECK_EQ(errno, EINVAL);

    locale_t all_of_it = newlocale(1 << LC_ALL, "C", (locale_t)0); /* = LC_ALL_MASK */
    CHECK(all_of_it != (locale_t)0);
    locale_t posix = newlocale(LC_CTYPE_MASK | LC_NUMERIC_MASK, "POSIX", (locale_t)0);
    CHECK(posix != (locale_t)0);
    /* With a base: the base is used up, the result stands for both. */
    locale_t based = newlocale(LC_TIME_MASK, "C", posix);
    CHECK(based != (locale_t)0);
    /* Refused with a base: the base is still there, unchanged. */
    errno = 0;
    CHECK(newlocale(LC_TIME_MASK, "xx_YY", based) == (locale_t)0);
#ifndef CHECKING_AGAINST_GLIBC
    CHECK_EQ(errno, ENOENT);
#endif
    CHECK_STREQ(nl_langinfo_l(CODESET, based), "ANSI_X3.4-1968");

    /* "" follows the environment, category by category. */
    CHECK_EQ(setenv("LC_CTYPE", "xx_YY", 1), 0);
    CHECK(newlocale(LC_CTYPE_MASK, "", (locale_t)0) == (locale_t)0);
    locale_t numeric = newlocale(LC_NUMERIC_MASK, "", (locale_t)0);
    CHECK(numeric != (locale_t)0);
    freelocale(numeric);
    clear_locale_environment();

    /* The fields <ctype.h> reads inline, through its macros here. */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(c_locale != (locale_t)0);
    CHECK_STREQ(c_locale->__names[LC_CTYPE], "C");
    CHECK_STREQ(c_locale->__names[LC_IDENTIFICATION], "C");
    for (int c = -128; c < 256; ++c) {
        CHECK_EQ(c_locale->__ctype_b[c], (*__ctype_b_loc())[c]);
        CHECK_EQ(c_locale->__ctype_tolower[c], (*__ctype_tolower_loc())[c]);
        CHECK_EQ(c_locale->__ctype_toupper[c], (*__ctype_toupper_loc())[c]);
    }
    for (int c = -1; c < 256; ++c) {
        CHECK_EQ(!!isalpha_l(c, c_locale), !!isalpha(c));
        CHECK_EQ(!!isdigit_l(c, c_locale), !!isdigit(c));
        CHECK_EQ(!!isspace_l(c, c_locale), !!isspace(c));
        CHECK_EQ(!!ispunct_l(c, c_locale), !!ispunct(c));
        CHECK_EQ(!!isxdigit_l(c, c_locale), !!isxdigit(c));
        CHECK_EQ(!!isblank_l(c, c_locale), !!isblank(c));
        CHECK_EQ(tolower_l(c, c_locale), tolower(c));
        CHECK_EQ(toupper_l(c, c_locale), toupper(c));
        CHECK_EQ(!!iswalpha_l((wint_t)c, c_locale), !!iswalpha((wint_t)c));
        CHECK_EQ(towupper_l((wint_t)c, c_locale), towupper((wint_t)c));
    }
    CHECK_EQ(toupper_l('q', c_locale), 'Q');
    CHECK(strcoll_l("a", "b", c_locale) < 0);
    char* end = NULL;
    CHECK(strtod_l("2.5e1x", &end, c_locale) == 25.0 && *end == 'x');
    CHECK(strtof_l("-0.5", NULL, c_locale) == -0.5f);
    CHECK_EQ(strtol_l("0x1f", &end, 0, c_locale), 31);
    CHECK_EQ(strtoull_l("18446744073709551615", NULL, 10, c_locale), ULLONG_MAX);
    CHECK_STREQ(strerror_l(ENOENT, c_locale), strerror(ENOENT));
    struct tm moment = {.tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_wday = 4};
    char date[32];
    CHECK_EQ(strftime_l(date, sizeof date, "%a %b %d %Y", &moment, c_locale), 15);
    CHECK_STREQ(date, "Thu Feb 29 2024");

    /* uselocale is per thread. */
    CHECK(uselocale(c_locale) == LC_GLOBAL_LOCALE);
    CHECK(uselocale((locale_t)0) == c_locale);
    pthread_t thread;
    void* other = NULL;
    CHECK_EQ(pthread_create(&thread, NULL, locale_of_new_thread, NULL), 0);
    CHECK_EQ(pthread_join(thread, &other), 0);
    CHECK(other == (void*)LC_GLOBAL_LOCALE);
    CHECK(uselocale((locale_t)0) == c_locale); /* still this thread's */
    CHECK_STREQ(nl_langinfo(CODESET), "ANSI_X3.4-1968");
    CHECK(uselocale(LC_GLOBAL_LOCALE) == c_locale);
    CHECK(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);

    locale_t copy = duplocale(c_locale);
    CHECK(copy != (locale_t)0);
    locale_t global_copy = duplocale(LC_GLOBAL_LOCALE);
    CHECK(global_copy != (locale_t)0);
    CHECK_EQ(isupper_l('A', global_copy) != 0, 1);
    freelocale(global_copy);
    freelocale(copy);
    freelocale(c_locale);
    freelocale(based);
    freelocale(all_of_it);
}

/* ---- text domains ---- */

static void text_domains(void) {
    CHECK_STREQ(textdomain(NULL), "messages");
    CHECK_STREQ(bindtextdomain("never-bound", NULL), "/usr/share/locale");
    CHECK(bind_textdomain_codeset("never-bound", NULL) == NULL);

    char name[] = "example";
    CHECK_STREQ(textdomain(name), "example");
    name[0] = 'X'; /* textdomain kept a copy */
    CHECK_STREQ(textdomain(NULL), "example");
    CHECK_STREQ(textdomain(""), "messages");
    CHECK_STREQ(textdomain(NULL), "messages");
    CHECK_STREQ(textdomain("other"), "other");
    CHECK_STREQ(textdomain("messages"), "messages");
    CHECK_STREQ(textdomain("example"), "example");
    CHECK_STREQ(textdomain("example"), "example");

    /* A null or empty domain: null, errno untouched. */
    errno = 0;
    CHECK(bindtextdomain(NULL, "/x") == NULL);
    CHECK(bindtextdomain("", "/x") == NULL);
    CHECK(bindtextdomain(NULL, NULL) == NULL);
    CHECK(bind_textdomain_codeset(NULL, "UTF-8") == NULL);
    CHECK(bind_textdomain_codeset("", "UTF-8") == NULL);
    CHECK_EQ(errno, 0);

    char directory[] = "/opt/example/locale";
    CHECK_STREQ(bindtextdomain("example", directory), "/opt/example/locale");
    directory[1] = 'X';
    CHECK_STREQ(bindtextdomain("example", NULL), "/opt/example/locale");
    CHECK_STREQ(bindtextdomain("example", "relative"), "relative");
    CHECK_STREQ(bindtextdomain("example", ""), "");
    CHECK_STREQ(bindtextdomain("example", "/usr/share/locale"), "/usr/share/locale");
    CHECK_STREQ(bindtextdomain("example", "/srv/locale"), "/srv/locale");
    CHECK_STREQ(bindtextdomain("another", NULL), "/usr/share/locale");
    CHECK(bind_textdomain_codeset("example", NULL) == NULL);
    CHECK_STREQ(bind_textdomain_codeset("example", "UTF-8"), "UTF-8");
    CHECK_STREQ(bind_textdomain_codeset("example", NULL), "UTF-8");
    CHECK_STREQ(bindtextdomain("example", NULL), "/srv/locale");
    /* A codeset alone binds the domain to the default directory. */
    CHECK_STREQ(bind_textdomain_codeset("codeset-only", "ISO-8859-1"), "ISO-8859-1");
    CHECK_STREQ(bindtextdomain("codeset-only", NULL), "/usr/share/locale");

    /* Messages are still their own translations. */
    const char* message = "a message";
    CHECK(gettext(message) == message);
    CHECK(dgettext("example", message) == message);
    CHECK(__dgettext("example", message) == message);
    CHECK(__dcgettext("example", message, LC_MESSAGES) == message);

    /* Out of memory: null with ENOMEM, the settings as they were. A 1 MiB
     * copy needs a new mapping, which an address-space limit of one byte
     * refuses. */
    size_t big = 1 << 20;
    char* huge = malloc(big + 1);
    CHECK(huge != NULL);
    memset(huge, 'h', big);
    huge[big] = '\0';
    struct rlimit before;
    CHECK_EQ(getrlimit(RLIMIT_AS, &before), 0);
    struct rlimit tight = before;
    tight.rlim_cur = 1;
    CHECK_EQ(setrlimit(RLIMIT_AS, &tight), 0);
    errno = 0;
    char* domain_result = textdomain(huge);
    int domain_errno = errno;
    errno = 0;
    char* directory_result = bindtextdomain("example", huge);
    int directory_errno = errno;
    errno = 0;
    char* codeset_result = bind_textdomain_codeset("example", huge);
    int codeset_errno = errno;
    errno = 0;
    char* new_binding_result = bindtextdomain(huge, "/y");
    int new_binding_errno = errno;
    CHECK_EQ(setrlimit(RLIMIT_AS, &before), 0);
    CHECK(domain_result == NULL);
    CHECK_EQ(domain_errno, ENOMEM);
    CHECK(directory_result == NULL);
    CHECK_EQ(directory_errno, ENOMEM);
    CHECK(codeset_result == NULL);
    CHECK_EQ(codeset_errno, ENOMEM);
    CHECK(new_binding_result == NULL);
    CHECK_EQ(new_binding_errno, ENOMEM);
    CHECK_STREQ(textdomain(NULL), "example");
    CHECK_STREQ(bindtextdomain("example", NULL), "/srv/locale");
    CHECK_STREQ(bind_textdomain_codeset("example", NULL), "UTF-8");
    CHECK_STREQ(bindtextdomain(huge, NULL), "/usr/share/locale");
    /* And with memory again, the long name works. */
    CHECK_STREQ(textdomain(huge), huge);
    CHECK_STREQ(textdomain(""), "messages");
    free(huge);
}

/* ---- multibyte conversion ---- */

static void multibyte_characters(void) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (int byte = 0; byte < 256; ++byte) {
        char text[2] = {(char)byte, 'z'};
        wchar_t wide = L'?';
        errno = 0;
        size_t used = mbrtowc(&wide, text, 2, &state);
        if (byte >= 0x80) {
            CHECK_EQ(used, (size_t)-1);
            CHECK_EQ(errno, EILSEQ);
            CHECK_EQ(wide, L'?');
            CHECK_EQ(mbtowc(&wide, text, 2), -1);
            CHECK_EQ(mblen(text, 2), -1);
            CHECK_EQ(mbrlen(text, 2, NULL), (size_t)-1);
            CHECK_EQ(btowc(byte), WEOF);
            CHECK_EQ(btowc((signed char)byte), WEOF);
        } else {
            CHECK_EQ(used, byte != 0);
            CHECK_EQ(wide, byte);
            CHECK_EQ(mbtowc(&wide, text, 1), byte != 0);
            CHECK_EQ(mblen(text, 1), byte != 0);
            CHECK_EQ(mbrlen(text, 1, NULL), byte != 0);
            CHECK_EQ(btowc(byte), (wint_t)byte);
        }
        CHECK(mbsinit(&state));
    }
    CHECK_EQ(btowc(EOF), WEOF);
    CHECK_EQ(btowc(256), WEOF);
    CHECK_EQ(mbrtowc(NULL, "a", 0, NULL), (size_t)-2); /* not a whole character */
    errno = 0;
    CHECK_EQ(mbtowc(NULL, "a", 0), -1);
    CHECK_EQ(errno, 0);
    CHECK_EQ(mbrtowc(NULL, NULL, 0, NULL), 0); /* null: as if "" */
    CHECK_EQ(mbtowc(NULL, NULL, 0), 0);        /* no shift states */
    CHECK_EQ(mblen(NULL, 0), 0);
    CHECK_EQ(wctomb(NULL, L'a'), 0);
    CHECK(mbsinit(NULL));
    mbstate_t unusual;
    memset(&unusual, 0, sizeof unusual);
    unusual.__count = 1;
    CHECK(!mbsinit(&unusual));

    /* Every wide character back to bytes. */
    for (long value = -3; value <= 0x110000; ++value) {
        wchar_t wide = (wchar_t)value;
        char out[MB_LEN_MAX] = {'?'};
        errno = 0;
        size_t made = wcrtomb(out, wide, &state);
        if (value >= 0 && value < 0x80) {
            CHECK_EQ(made, 1);
            CHECK_EQ(out[0], (char)value);
            CHECK_EQ(wctob((wint_t)value), value);
            CHECK_EQ(wctomb(out, wide), 1);
        } else if (value >= 0xe0000 && value <= 0xe007f) {
            /* Unicode's tag characters: dropped, no bytes, no error. */
            CHECK_EQ(made, 0);
            CHECK_EQ(errno, 0);
            CHECK_EQ(out[0], '?');
            CHECK_EQ(wctob((wint_t)value), EOF);
            CHECK_EQ(wctomb(out, wide), 0);
        } else {
            CHECK_EQ(made, (size_t)-1);
            CHECK_EQ(errno, EILSEQ);
            CHECK_EQ(out[0], '?');
            CHECK_EQ(wctob((wint_t)value), EOF);
            errno = 0;
            CHECK_EQ(wctomb(out, wide), -1);
            CHECK_EQ(errno, EILSEQ);
        }
    }
    CHECK_EQ(wctob(WEOF), EOF);
    CHECK_EQ(wcrtomb(NULL, 0xe9, NULL), 1); /* null: as if L'\0' */
}

static void multibyte_strings(void) {
    wchar_t wide[10];
    const char* invalid = "ab\xe9" "cd";
    const char* source = invalid;
    errno = 0;
    CHECK_EQ(mbsrtowcs(wide, &source, 10, NULL), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK(source == invalid + 2); /* at the offending byte */
    CHECK(wide[0] == L'a' && wide[1] == L'b');
    source = invalid;
    CHECK_EQ(mbsrtowcs(wide, &source, 1, NULL), 1); /* stopped before it */
    CHECK(source == invalid + 1);
    source = invalid;
    errno = 0;
    CHECK_EQ(mbsrtowcs(NULL, &source, 0, NULL), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK(source == invalid); /* measuring moves nothing */

    const char* text = "abc";
    source = text;
    wmemset(wide, L'x', 10);
    CHECK_EQ(mbsrtowcs(wide, &source, 10, NULL), 3);
    CHECK(source == NULL);
    CHECK(wcscmp(wide, L"abc") == 0);
    source = text;
    wmemset(wide, L'x', 10);
    CHECK_EQ(mbsrtowcs(wide, &source, 3, NULL), 3); /* no room for the NUL */
    CHECK(source == text + 3);
    CHECK_EQ(wide[3], L'x');
    source = text;
    CHECK_EQ(mbsrtowcs(NULL, &source, 0, NULL), 3);
    CHECK(source == text);

    const char* longer = "abcdef";
    source = longer;
    wmemset(wide, L'x', 10);
    CHECK_EQ(mbsnrtowcs(wide, &source, 2, 10, NULL), 2);
    CHECK(source == longer + 2);
    CHECK_EQ(wide[2], L'x');
    source = "ab";
    CHECK_EQ(mbsnrtowcs(wide, &source, 3, 10, NULL), 2); /* the NUL within reach */
    CHECK(source == NULL);
    CHECK_EQ(wide[2], 0);
    source = longer;
    CHECK_EQ(mbsnrtowcs(wide, &source, 0, 10, NULL), 0);
    CHECK(source == longer);
    source = longer;
    CHECK_EQ(mbsnrtowcs(NULL, &source, 4, 0, NULL), 4);

    char narrow[10];
    const wchar_t invalid_wide[] = {L'a', L'b', 0xe9, L'z', 0};
    const wchar_t* wide_source = invalid_wide;
    errno = 0;
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 10, NULL), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK(wide_source == invalid_wide + 2);
    const wchar_t negative[] = {L'a', -1, 0};
    wide_source = negative;
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 10, NULL), (size_t)-1);
    const wchar_t* wide_text = L"abc";
    wide_source = wide_text;
    memset(narrow, 'x', sizeof narrow);
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 3, NULL), 3);
    CHECK(wide_source == wide_text + 3);
    CHECK_EQ(narrow[3], 'x');
    wide_source = wide_text;
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 10, NULL), 3);
    CHECK(wide_source == NULL);
    CHECK_STREQ(narrow, "abc");
    wide_source = L"abcd";
    memset(narrow, 'x', sizeof narrow);
    CHECK_EQ(wcsnrtombs(narrow, &wide_source, 2, 10, NULL), 2);
    CHECK(wcscmp(wide_source, L"cd") == 0);
    CHECK_EQ(narrow[2], 'x');
    wide_source = wide_text;
    CHECK_EQ(wcsrtombs(NULL, &wide_source, 0, NULL), 3);
    CHECK(wide_source == wide_text);

    /* Tag characters are consumed and dropped, within the limits. */
    const wchar_t tagged[] = {L'a', 0xe0001, L'b', 0xe007f, 0};
    memset(narrow, 'x', sizeof narrow);
    CHECK_EQ(wcstombs(narrow, tagged, sizeof narrow), 2);
    CHECK_STREQ(narrow, "ab");
    CHECK_EQ(wcstombs(NULL, tagged, 0), 2);
    wide_source = tagged;
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 2, NULL), 2);
    CHECK(wide_source == tagged + 3);
    wide_source = tagged;
    CHECK_EQ(wcsrtombs(narrow, &wide_source, 1, NULL), 1);
    CHECK(wide_source == tagged + 1);
    wide_source = tagged;
    CHECK_EQ(wcsnrtombs(narrow, &wide_source, 2, 10, NULL), 1);
    CHECK(wide_source == tagged + 2);

    errno = 0;
    CHECK_EQ(mbstowcs(wide, "a\xe9", 10), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(mbstowcs(NULL, "abc", 0), 3);
    CHECK_EQ(mbstowcs(wide, "abcdef", 2), 2);
    CHECK_EQ(mbstowcs(wide, "hello", 10), 5);
    CHECK(wcscmp(wide, L"hello") == 0);
    errno = 0;
    CHECK_EQ(wcstombs(narrow, invalid_wide, 10), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(wcstombs(NULL, L"abcd", 0), 4);
    CHECK_EQ(wcstombs(narrow, L"hey", 10), 3);
    CHECK_STREQ(narrow, "hey");
}

/* ---- wide strings ---- */

static int sign(int value) { return (value > 0) - (value < 0); }

static void wide_strings(void) {
    CHECK_EQ(wcslen(L""), 0);
    CHECK_EQ(wcslen(L"hello"), 5);
    CHECK_EQ(wcsnlen(L"hello", 3), 3);
    CHECK_EQ(wcsnlen(L"hi", 10), 2);

    /* wchar_t is signed: -1 sorts first, as in glibc. */
    const wchar_t minus_one[] = {-1, 0}, one[] = {1, 0};
    CHECK_EQ(sign(wcscmp(minus_one, one)), -1);
    CHECK_EQ(sign(wcsncmp(minus_one, one, 1)), -1);
    CHECK_EQ(sign(wmemcmp(minus_one, one, 1)), -1);
    CHECK_EQ(sign(wcscoll(minus_one, one)), -1);
    CHECK_EQ(sign(wcscmp(L"abd", L"abc")), 1);
    CHECK_EQ(wcscmp(L"same", L"same"), 0);
    CHECK_EQ(sign(wcscmp(L"ab", L"abc")), -1);
    CHECK_EQ(wcsncmp(L"abX", L"abY", 2), 0);
    CHECK_EQ(wcsncmp(L"a", L"b", 0), 0);
    CHECK_EQ(wmemcmp(L"a\0b", L"a\0c", 2), 0); /* wmemcmp does not stop at L'\0' */
    CHECK_EQ(sign(wmemcmp(L"a\0b", L"a\0c", 3)), -1);

    wchar_t buffer[16];
    CHECK(wcscpy(buffer, L"abc") == buffer);
    CHECK(wcscmp(buffer, L"abc") == 0);
    CHECK(wcscat(buffer, L"de") == buffer);
    CHECK(wcscmp(buffer, L"abcde") == 0);
    CHECK(wcsncat(buffer, L"fghij", 2) == buffer);
    CHECK(wcscmp(buffer, L"abcdefg") == 0);
    wmemset(buffer, L'x', 16);
    CHECK(wcsncpy(buffer, L"ab", 5) == buffer); /* padded with L'\0' to 5 */
    CHECK(buffer[0] == L'a' && buffer[1] == L'b' && buffer[2] == 0 && buffer[4] == 0);
    CHECK_EQ(buffer[5], L'x');
    CHECK(wcsncpy(buffer, L"abcdef", 3) == buffer); /* not terminated */
    CHECK_EQ(buffer[3], 0); /* from before */
    CHECK(buffer[2] == L'c');
    wmemset(buffer, L'x', 16);
    CHECK(wcsncpy(buffer, L"abcdef", 3) == buffer);
    CHECK_EQ(buffer[3], L'x');

    wchar_t moving[] = L"0123456789";
    CHECK(wmemmove(moving + 2, moving, 5) == moving + 2);
    CHECK(wcscmp(moving, L"0101234789") == 0);
    CHECK(wmemmove(moving, moving + 3, 4) == moving);
    CHECK(wcscmp(moving, L"1234234789") == 0);
    CHECK(wmemcpy(buffer, L"xyz", 4) == buffer);
    CHECK(wcscmp(buffer, L"xyz") == 0);
    CHECK(wmemset(buffer, L'q', 3) == buffer);
    CHECK(wcscmp(buffer, L"qqq") == 0);

    const wchar_t* text = L"hello, world";
    CHECK(wcschr(text, L'o') == text + 4);
    CHECK(wcschr(text, L'z') == NULL);
    CHECK(wcschr(text, 0) == text + 12);
    CHECK(wcsrchr(text, L'o') == text + 8);
    CHECK(wcsrchr(text, L'z') == NULL);
    CHECK(wcsrchr(text, 0) == text + 12);
    CHECK(wmemchr(text, L'w', 12) == text + 7);
    CHECK(wmemchr(text, L'w', 7) == NULL);
    CHECK(wcsstr(text, L"world") == text + 7);
    CHECK(wcsstr(text, L"") == text);
    CHECK(wcsstr(text, L"worlds") == NULL);
    CHECK(wcsstr(L"aaab", L"aab") != NULL);
    CHECK_EQ(wcsspn(text, L"leh"), 4);
    CHECK_EQ(wcsspn(text, L""), 0);
    CHECK_EQ(wcscspn(text, L" ,"), 5);
    CHECK_EQ(wcscspn(text, L""), 12);
    CHECK(wcspbrk(text, L"wd") == text + 7);
    CHECK(wcspbrk(text, L"XYZ") == NULL);

    wchar_t* copy = wcsdup(text);
    CHECK(copy != NULL && copy != text);
    CHECK(wcscmp(copy, text) == 0);
    free(copy);

    /* Collation in the "C" locale: by value, and the identity transform. */
    CHECK_EQ(sign(strcoll("a", "b")), -1);
    CHECK_EQ(sign(strcoll("\xe9", "a")), 1); /* bytes compare unsigned */
    CHECK_EQ(strcoll("same", "same"), 0);
    char transformed[8];
    memset(transformed, 'x', sizeof transformed);
    CHECK_EQ(strxfrm(transformed, "hi", sizeof transformed), 2);
    CHECK_STREQ(transformed, "hi");
    CHECK_EQ(strxfrm(NULL, "hello", 0), 5);
    CHECK_EQ(strxfrm(transformed, "hello, world", 4), 12); /* too small: the length */
    CHECK_EQ(wcsxfrm(NULL, L"abc", 0), 3);
    wchar_t wide_transformed[8];
    CHECK_EQ(wcsxfrm(wide_transformed, L"abc", 8), 3);
    CHECK(wcscmp(wide_transformed, L"abc") == 0);
}

/* ---- wide character classes ---- */

static void wide_classes(void) {
    static const char* const names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                        "lower", "print", "punct", "space", "upper", "xdigit"};
    int (*const wide_tests[])(wint_t) = {iswalnum, iswalpha, iswblank, iswcntrl,
                                         iswdigit, iswgraph, iswlower, iswprint,
                                         iswpunct, iswspace, iswupper, iswxdigit};
    int (*const narrow_tests[])(int) = {isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
                                        islower, isprint, ispunct, isspace, isupper, isxdigit};
    wctype_t descriptions[12];
    for (int i = 0; i < 12; ++i) {
        descriptions[i] = wctype(names[i]);
        CHECK(descriptions[i] != 0);
    }
    CHECK(wctype("bogus") == 0);
    CHECK(wctype("") == 0);
    CHECK(wctype("Alpha") == 0);
    wctrans_t to_lower = wctrans("tolower"), to_upper = wctrans("toupper");
    CHECK(to_lower != 0 && to_upper != 0 && to_lower != to_upper);
    CHECK(wctrans("totitle") == 0);

    /* glibc's "C" locale classifies ASCII only, and so does lwp: every
     * value up to Unicode's last, and a few past it. */
    wint_t beyond[] = {0x110000, 0x7fffffff, 0x80000000u, 0xfffffffeu, WEOF};
    for (unsigned long value = 0; value < 0x110000 + sizeof beyond / sizeof *beyond; ++value) {
        wint_t c = value < 0x110000 ? (wint_t)value : beyond[value - 0x110000];
        int ascii = c < 0x80;
        for (int i = 0; i < 12; ++i) {
            int expected_answer = ascii && narrow_tests[i]((int)c);
            if (!!wide_tests[i](c) != expected_answer || !!iswctype(c, descriptions[i]) != expected_answer) {
                check_write("wide class ");
                check_write(names[i]);
                check_write(" of ");
                check_write_number((long long)c);
                check_write("\n");
                CHECK(!"wide class differs");
            }
        }
        CHECK_EQ(iswctype(c, 0), 0);
        wint_t lower = ascii ? (wint_t)tolower((int)c) : c;
        wint_t upper = ascii ? (wint_t)toupper((int)c) : c;
        if (towlower(c) != lower || towupper(c) != upper || towctrans(c, to_lower) != lower ||
            towctrans(c, to_upper) != upper || towctrans(c, 0) != c) {
            check_write_number((long long)c);
            CHECK(!"wide case mapping differs");
        }
        int width = c == 0 ? 0 : (c >= 0x20 && c < 0x7f) ? 1 : -1;
        CHECK_EQ(wcwidth((wchar_t)c), width);
    }
    CHECK_EQ(wcswidth(L"abc", 10), 3);
    CHECK_EQ(wcswidth(L"ab\x01", 10), -1);
    CHECK_EQ(wcswidth(L"ab\x01", 2), 2);
    CHECK_EQ(wcswidth(L"", 5), 0);
    const wchar_t accented[] = {L'a', 0xe9, 0};
    CHECK_EQ(wcswidth(accented, 5), -1);
}

int main(void) {
    selecting_locales();
    every_langinfo_item();
    locale_objects();
    text_domains();
    multibyte_characters();
    multibyte_strings();
    wide_strings();
    wide_classes();
    puts("locale_and_wide: all passed");
    return 0;
}
