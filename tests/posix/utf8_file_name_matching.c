/* fnmatch and glob in the C.UTF-8 locale: patterns and names are UTF-8, so
 * `?`, `*` and bracket expressions take whole characters; ranges follow
 * glibc's collation sequence there (U+0000-U+00FF only, in code point
 * order); a failed character match, or a pattern or name that is not valid
 * UTF-8, is matched again byte by byte as in "C" (so "??" also takes a
 * two-byte character). The same strings in "C", through uselocale, match
 * byte by byte only; glob follows the calling thread's locale as fnmatch
 * does.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC), where C.UTF-8 is
 * the locale glibc installs as C.utf8. */
#include <fnmatch.h>
#include <glob.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

struct match_case {
    const char* pattern;
    const char* name;
    int flags;
    int expected;
};

#define E_ACUTE "\xc3\xa9"         /* U+00E9 */
#define E_CIRCUMFLEX "\xc3\xaa"    /* U+00EA */
#define Y_DIAERESIS "\xc3\xbf"     /* U+00FF */
#define A_MACRON "\xc4\x80"        /* U+0100 */
#define ALPHA "\xce\xb1"           /* U+03B1 */
#define BETA "\xce\xb2"            /* U+03B2 */
#define OMEGA "\xcf\x89"           /* U+03C9 */
#define GRINNING "\xf0\x9f\x98\x80" /* U+1F600 */

/* The expected answers are what glibc 2.36 gives in C.UTF-8. */
static const struct match_case utf8_cases[] = {
    /* An equivalence class is compared as written, even under FNM_CASEFOLD. */
    {"[[=A=]]", "A", FNM_CASEFOLD, 0},
    {"[[=A=]]", "a", FNM_CASEFOLD, FNM_NOMATCH},
    {"[[=a=]]", "A", FNM_CASEFOLD, FNM_NOMATCH},
    {"[[=" E_ACUTE "=]]", "\xc3\x89", FNM_CASEFOLD, FNM_NOMATCH},
    /* Classes and case beyond ASCII come from <wctype.h>'s C.UTF-8. */
    {"[[:alpha:]]", E_ACUTE, 0, 0},
    {"[[:upper:]]", "\xc3\x89", 0, 0},
    {"[[:lower:]]", "\xc3\x89", 0, FNM_NOMATCH},
    {E_ACUTE, "\xc3\x89", FNM_CASEFOLD, 0},
    {"[\xc3\x89]", E_ACUTE, FNM_CASEFOLD, 0},
    {"[[:alpha:]]", "\xe2\x82\xac", 0, FNM_NOMATCH},
    /* Wildcards take characters. */
    {"?", E_ACUTE, 0, 0},
    {"?", GRINNING, 0, 0},
    {"a?c", "a" ALPHA "c", 0, 0},
    {"*" OMEGA, ALPHA BETA OMEGA, 0, 0},
    {"*" BETA, ALPHA BETA OMEGA, 0, FNM_NOMATCH},
    {"???", ALPHA BETA OMEGA, 0, 0},
    /* and, when characters fail, bytes: "??" is two bytes of one character. */
    {"??", E_ACUTE, 0, 0},
    {"????", GRINNING, 0, 0},
    {"?????", GRINNING, 0, FNM_NOMATCH},
    {"?\xa9", E_ACUTE, 0, 0},
    /* Bytes that are not UTF-8, in the name or in the pattern: bytes only. */
    {"?", "\xe9", 0, 0},
    {"??", "a\xff", 0, 0},
    {"?", "\xc3", 0, 0},
    {"?" ALPHA, "\xff" ALPHA, 0, 0},
    {"?", "\xff" ALPHA, 0, FNM_NOMATCH},
    {"*", "\xff" ALPHA, 0, 0},
    {"\xff*", "\xff" ALPHA, 0, 0},
    {"[\xe9]", "\xe9", 0, 0},
    /* Bracket expressions hold characters. */
    {"[" ALPHA BETA "]", BETA, 0, 0},
    {"[" ALPHA BETA "]", OMEGA, 0, FNM_NOMATCH},
    {"[!a]", E_ACUTE, 0, 0},
    {"[!" E_ACUTE "]", E_ACUTE, 0, FNM_NOMATCH},
    {"[!" E_ACUTE "]", E_CIRCUMFLEX, 0, 0},
    {"[[=" E_ACUTE "=]]", E_ACUTE, 0, 0},
    {"[[." E_ACUTE ".]]", E_ACUTE, 0, 0},
    {"[[." E_ACUTE ".]]", E_CIRCUMFLEX, 0, FNM_NOMATCH},
    {"[\\" ALPHA "]", ALPHA, 0, 0},
    /* Ranges: by code point up to U+00FF, never above it. */
    {"[a-" E_ACUTE "]", E_ACUTE, 0, 0},
    {"[a-" E_ACUTE "]", "b", 0, 0},
    {"[a-" E_ACUTE "]", E_CIRCUMFLEX, 0, FNM_NOMATCH},
    {"[" E_ACUTE "-" Y_DIAERESIS "]", E_CIRCUMFLEX, 0, 0},
    {"[[." E_ACUTE ".]-z]", "f", 0, FNM_NOMATCH},
    {"[" ALPHA "-" OMEGA "]", BETA, 0, FNM_NOMATCH},
    {"[" E_ACUTE "-" A_MACRON "]", E_CIRCUMFLEX, 0, FNM_NOMATCH},
    {"[" E_ACUTE "-" A_MACRON "]", E_ACUTE, 0, 0},
    {"[\x01-" GRINNING "]", GRINNING, 0, FNM_NOMATCH},
    {"[" A_MACRON "-" A_MACRON "]", A_MACRON, 0, FNM_NOMATCH},
    /* Classes and case, for ASCII names. */
    {"[[:alpha:]]" ALPHA, "x" ALPHA, 0, 0},
    {"[[:digit:]]", ALPHA, 0, FNM_NOMATCH},
    {"[![:digit:]]", ALPHA, 0, 0},
    {"[[:nonsense:]]", ALPHA, 0, FNM_NOMATCH},
    {"A" ALPHA, "a" ALPHA, FNM_CASEFOLD, 0},
    {"[A-C]" ALPHA, "b" ALPHA, FNM_CASEFOLD, 0},
    /* The flags, as in "C". */
    {"*", "." ALPHA, FNM_PERIOD, FNM_NOMATCH},
    {".*", "." ALPHA, FNM_PERIOD, 0},
    {ALPHA "/*", ALPHA "/." BETA, FNM_PATHNAME | FNM_PERIOD, FNM_NOMATCH},
    {ALPHA "?" BETA, ALPHA "/" BETA, FNM_PATHNAME, FNM_NOMATCH},
    {ALPHA "*", ALPHA "/" BETA, FNM_PATHNAME, FNM_NOMATCH},
    {ALPHA, ALPHA "/" BETA, FNM_LEADING_DIR, 0},
    {"\\" ALPHA, ALPHA, FNM_NOESCAPE, FNM_NOMATCH},
    {"@(" ALPHA "|" BETA ")", BETA, FNM_EXTMATCH, 0},
    {"+(" ALPHA ")", ALPHA ALPHA ALPHA, FNM_EXTMATCH, 0},
    {"!(" ALPHA ")", BETA, FNM_EXTMATCH, 0},
    {"?(" E_ACUTE ")?", E_ACUTE "x", FNM_EXTMATCH, 0},
};

/* In "C" the same strings are bytes. */
static const struct match_case c_cases[] = {
    {"?", E_ACUTE, 0, FNM_NOMATCH},
    {"??", E_ACUTE, 0, 0},
    {"???", ALPHA BETA OMEGA, 0, FNM_NOMATCH},
    {"[" ALPHA BETA "]", BETA, 0, FNM_NOMATCH},
};

static void check_cases(const struct match_case* cases, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        int result = fnmatch(cases[i].pattern, cases[i].name, cases[i].flags);
        if (result != cases[i].expected) {
            char line[160];
            snprintf(line, sizeof line, "case %zu (\"%s\", \"%s\"): fnmatch gave %d\n", i,
                     cases[i].pattern, cases[i].name, result);
            check_write(line);
        }
        CHECK_EQ(result, cases[i].expected);
    }
}

/* Strings longer than fnmatch's own buffers in lwp, in characters and in
 * bytes: 300 alphas are 600 bytes. */
static void long_strings(void) {
    static char name[601], pattern[601];
    name[0] = pattern[0] = '\0';
    for (int i = 0; i < 300; ++i) strcat(name, ALPHA);
    CHECK_EQ(fnmatch("*" ALPHA, name, 0), 0);
    CHECK_EQ(fnmatch("*" BETA, name, 0), FNM_NOMATCH);
    memset(pattern, '?', 300);
    pattern[300] = '\0';
    CHECK_EQ(fnmatch(pattern, name, 0), 0);
    pattern[299] = '\0';
    CHECK_EQ(fnmatch(pattern, name, 0), FNM_NOMATCH);
    memset(pattern, '?', 600);
    pattern[600] = '\0';
    CHECK_EQ(fnmatch(pattern, name, 0), 0); /* as bytes */
    memcpy(pattern, name, 600);
    CHECK_EQ(fnmatch(pattern, name, 0), 0);
    pattern[598] = '?';
    pattern[599] = '\0';
    CHECK_EQ(fnmatch(pattern, name, 0), 0);
}

static void check_glob(const char* pattern, const char* expected) {
    glob_t found;
    char list[256] = "";
    int status = glob(pattern, 0, NULL, &found);
    if (status == GLOB_NOMATCH) {
        CHECK_STREQ("", expected);
        return;
    }
    CHECK_EQ(status, 0);
    for (size_t i = 0; i < found.gl_pathc; ++i) {
        CHECK(strlen(list) + strlen(found.gl_pathv[i]) + 2 < sizeof list);
        if (i != 0) strcat(list, "|");
        strcat(list, found.gl_pathv[i]);
    }
    CHECK_STREQ(list, expected);
    globfree(&found);
}

static void make_file(const char* name) {
    FILE* file = fopen(name, "w");
    CHECK(file != NULL);
    CHECK_EQ(fclose(file), 0);
}

static void expansion(locale_t utf8, locale_t c) {
    char tree[] = "/tmp/utf8_file_name_matching.XXXXXX";
    CHECK(mkdtemp(tree) != NULL);
    CHECK_EQ(chdir(tree), 0);
    const char* names[] = {"ab", E_ACUTE, ALPHA BETA, GRINNING, "\xff"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) make_file(names[i]);

    /* Sorted by strcoll, which is byte order in both locales. */
    uselocale(utf8);
    check_glob("?", E_ACUTE "|" GRINNING "|\xff");
    check_glob("??", "ab|" E_ACUTE "|" ALPHA BETA);
    check_glob("[" ALPHA "]*", ALPHA BETA);
    check_glob("?" BETA, ALPHA BETA);
    uselocale(c);
    check_glob("?", "\xff");
    check_glob("??", "ab|" E_ACUTE);
    check_glob("[" ALPHA "]*", ALPHA BETA);
    check_glob("?" BETA, "");
    uselocale(LC_GLOBAL_LOCALE);

    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) CHECK_EQ(unlink(names[i]), 0);
    CHECK_EQ(chdir("/"), 0);
    CHECK_EQ(rmdir(tree), 0);
}

int main(void) {
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(utf8 != (locale_t)0);
    CHECK(c != (locale_t)0);

    /* Through the global locale, */
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    check_cases(utf8_cases, sizeof utf8_cases / sizeof utf8_cases[0]);
    long_strings();
    CHECK(setlocale(LC_ALL, "C") != NULL);
    check_cases(c_cases, sizeof c_cases / sizeof c_cases[0]);

    /* and the thread's own. */
    uselocale(utf8);
    check_cases(utf8_cases, sizeof utf8_cases / sizeof utf8_cases[0]);
    uselocale(c);
    check_cases(c_cases, sizeof c_cases / sizeof c_cases[0]);
    uselocale(LC_GLOBAL_LOCALE);

    expansion(utf8, c);
    freelocale(utf8);
    freelocale(c);
    check_write("utf8_file_name_matching: ok\n");
    return 0;
}
