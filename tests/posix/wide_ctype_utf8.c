/* The wide character classes, case mappings and widths in the C.UTF-8
 * locale, through the public functions: known answers (Unicode letters,
 * digits of other scripts that are not "digit", wide and combining
 * characters, titlecase), the classes and mappings only C.UTF-8 has, the
 * _l forms, and that every function agrees with iswctype/towctrans for
 * every code point. (tests/unit/libc_unicode_ctype_test.cpp compares the
 * tables themselves with glibc for every code point.)
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <locale.h>
#include <wchar.h>
#include <wctype.h>

#include "../integration/check.h"

static const char* const class_names[] = {"alnum", "alpha", "blank", "cntrl", "digit",
                                          "graph", "lower", "print", "punct", "space",
                                          "upper", "xdigit"};
static int (*const class_tests[])(wint_t) = {iswalnum, iswalpha, iswblank, iswcntrl,
                                             iswdigit, iswgraph, iswlower, iswprint,
                                             iswpunct, iswspace, iswupper, iswxdigit};

static void check_known_answers(void) {
    CHECK(iswalpha(0xe9) && iswlower(0xe9) && !iswupper(0xe9));
    CHECK_EQ(towupper(0xe9), 0xc9);
    CHECK_EQ(towlower(0x391), 0x3b1); /* Greek capital alpha */
    CHECK_EQ(towupper(0x1c6), 0x1c4); /* dz with caron: upper DZ, title Dz */
    CHECK_EQ(towctrans(0x1c6, wctrans("totitle")), 0x1c5);
    CHECK_EQ(towupper(0x10428), 0x10400); /* Deseret, beyond the BMP */
    CHECK(!iswdigit(0x660) && iswalpha(0x660)); /* Arabic-Indic zero */
    CHECK(iswspace(0x3000) && !iswgraph(0x3000) && iswprint(0x3000));
    CHECK(iswpunct(0x20ac)); /* euro sign */
    CHECK(iswcntrl(0x85) && !iswprint(0x85));
    CHECK_EQ(wcwidth(0x4e00), 2);
    CHECK_EQ(wcwidth(0x1f600), 2);
    CHECK_EQ(wcwidth(0x301), 0);
    CHECK_EQ(wcwidth(0x200b), 0);
    CHECK_EQ(wcwidth(0xe9), 1);
    CHECK_EQ(wcwidth(0x378), -1); /* unassigned */
    CHECK_EQ(wcwidth(0x7), -1);
    CHECK_EQ(wcwidth(0), 0);
    CHECK_EQ(wcwidth(-1), -1);
    CHECK_EQ(wcwidth(0x110000), -1);
    CHECK_EQ(wcswidth(L"a\u4e00\u0301b", 10), 4);
    CHECK_EQ(wcswidth(L"a\u4e00\u0301b", 2), 3);
    const wchar_t next_line[] = {L'a', 0x85, 0}; /* C1 control */
    CHECK_EQ(wcswidth(next_line, 10), -1);
    CHECK(!iswalpha(WEOF) && towupper(WEOF) == WEOF && towlower(0x110000) == 0x110000);
}

static void check_extra_classes_and_maps(void) {
    wctype_t combining = wctype("combining"), level3 = wctype("combining_level3");
    CHECK(combining != 0 && level3 != 0);
    CHECK(iswctype(0x301, combining) && !iswctype(0x41, combining));
    CHECK(!iswctype(0x301, level3) && iswctype(0x903, level3));
    CHECK(wctrans("totitle") != 0);
    CHECK(wctrans("bogus") == 0 && wctype("bogus") == 0);
}

/* A description made in C.UTF-8 keeps answering for C.UTF-8, and one made
 * in "C" for "C", whatever the locale is when it is used. */
static void check_descriptions_keep_their_locale(void) {
    wctype_t unicode_alpha = wctype("alpha");
    wctrans_t unicode_upper = wctrans("toupper");
    CHECK(setlocale(LC_ALL, "C") != NULL);
    wctype_t ascii_alpha = wctype("alpha");
    wctrans_t ascii_upper = wctrans("toupper");
    CHECK(!iswalpha(0xe9) && iswctype(0xe9, unicode_alpha));
    CHECK_EQ(towctrans(0xe9, unicode_upper), 0xc9);
    CHECK(wctype("combining") == 0 && wctrans("totitle") == 0);
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    CHECK(!iswctype(0xe9, ascii_alpha) && iswctype(0x61, ascii_alpha));
    CHECK_EQ(towctrans(0xe9, ascii_upper), 0xe9);
}

static void check_locale_objects(void) {
    locale_t unicode = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    locale_t ascii = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(unicode != 0 && ascii != 0);
    CHECK(iswalpha_l(0xe9, unicode) && !iswalpha_l(0xe9, ascii));
    CHECK_EQ(towupper_l(0xe9, unicode), 0xc9);
    CHECK_EQ(towupper_l(0xe9, ascii), 0xe9);
    CHECK_EQ(towlower_l(0xc9, unicode), 0xe9);
    CHECK(wctype_l("combining", unicode) != 0 && wctype_l("combining", ascii) == 0);
    CHECK(iswctype_l(0xe9, wctype_l("alpha", unicode), ascii));
    CHECK_EQ(towctrans_l(0x1c4, wctrans_l("totitle", unicode), ascii), 0x1c5);
    CHECK(wctrans_l("totitle", ascii) == 0);
    /* uselocale: the thread's locale, not the global one */
    locale_t previous = uselocale(ascii);
    CHECK(!iswalpha(0xe9) && wcwidth(0x4e00) == -1);
    uselocale(previous);
    CHECK(iswalpha(0xe9) && wcwidth(0x4e00) == 2);
    freelocale(unicode);
    freelocale(ascii);
}

static void check_every_code_point_consistent(void) {
    wctype_t descriptions[12];
    for (int i = 0; i < 12; ++i) descriptions[i] = wctype(class_names[i]);
    wctrans_t to_lower = wctrans("tolower"), to_upper = wctrans("toupper");
    long letters = 0, cased = 0, wide = 0;
    for (wint_t c = 0; c < 0x110000; ++c) {
        for (int i = 0; i < 12; ++i)
            if (!!class_tests[i](c) != !!iswctype(c, descriptions[i])) CHECK_EQ(c, -1);
        if (!!iswalnum(c) != (iswalpha(c) || iswdigit(c))) CHECK_EQ(c, -2);
        if (towlower(c) != towctrans(c, to_lower) || towupper(c) != towctrans(c, to_upper))
            CHECK_EQ(c, -3);
        if (wcwidth((wchar_t)c) >= 0 && c != 0 && !iswprint(c)) CHECK_EQ(c, -4);
        letters += iswalpha(c) != 0;
        cased += towupper(c) != c;
        wide += wcwidth((wchar_t)c) == 2;
    }
    CHECK(letters > 100000 && cased > 1000 && wide > 100000);
}

int main(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    check_known_answers();
    check_extra_classes_and_maps();
    check_descriptions_keep_their_locale();
    check_locale_objects();
    check_every_code_point_consistent();
    return 0;
}
