/* Regular expressions compiled while LC_CTYPE is C.UTF-8: `.`, bracket
 * expressions, classes, \w and the word anchors take whole UTF-8
 * characters, REG_ICASE compares characters upper-cased (towupper), ranges
 * cannot end at a character beyond ASCII (glibc 2.36's C.UTF-8 has no
 * collation sequence for them: REG_ECOLLATE), bytes that are no UTF-8
 * character are taken by nothing but themselves written in the pattern,
 * offsets stay byte offsets, and an expression keeps the locale it was
 * compiled in. The GNU interface (re_compile_pattern, re_search) likewise.
 *
 * Every expected value is glibc 2.36's (checked with
 * -DCHECKING_AGAINST_GLIBC). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
/* re_comp and re_exec are declared by <regex.h> only with this. */
#define _REGEX_RE_COMP
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

/* The match of `pattern` in `subject` as "start,end" (group 1 after a
 * space when it took part), "none", or "error N". */
static const char* match(const char* pattern, const char* subject, int cflags) {
    static char answer[64];
    regex_t compiled;
    regmatch_t found[2];
    int error = regcomp(&compiled, pattern, cflags);
    if (error) {
        snprintf(answer, sizeof answer, "error %d", error);
        return answer;
    }
    if (regexec(&compiled, subject, 2, found, 0) != 0) {
        strcpy(answer, "none");
    } else if (found[1].rm_so >= 0) {
        snprintf(answer, sizeof answer, "%d,%d %d,%d", (int)found[0].rm_so, (int)found[0].rm_eo,
                 (int)found[1].rm_so, (int)found[1].rm_eo);
    } else {
        snprintf(answer, sizeof answer, "%d,%d", (int)found[0].rm_so, (int)found[0].rm_eo);
    }
    regfree(&compiled);
    return answer;
}

#define E REG_EXTENDED
#define I REG_ICASE

static void test_period(void) {
    CHECK_STREQ(match("^.$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^.$", "\xf0\x9f\x98\x80", E), "0,4");
    CHECK_STREQ(match("^...$", "\xc3\xa9\xc3\xa9\xc3\xa9", E), "0,6");
    CHECK_STREQ(match("a.c", "a\xe4\xb8\xad" "c", E), "0,5");
    /* Bytes that are no character: `.` takes none of them. */
    CHECK_STREQ(match("^.$", "\xff", E), "none");
    CHECK_STREQ(match("^.$", "\xc3", E), "none");
    CHECK_STREQ(match("^.$", "\x80", E), "none");
    CHECK_STREQ(match("^.$", "\xe0\x80\x80", E), "none"); /* overlong */
    CHECK_STREQ(match("a.*b", "a\xff" "b", E), "none");
    /* glibc's six-byte forms are characters. */
    CHECK_STREQ(match("^.$", "\xf8\x88\x80\x80\x80", E), "0,5");
    CHECK_STREQ(match("^.$", "\xf4\x90\x80\x80", E), "0,4");
    /* A surrogate's encoding: a character to the byte-wise `.` glibc runs
     * for plain patterns, none where it decodes (REG_ICASE, brackets). */
    CHECK_STREQ(match("^.$", "\xed\xa0\x80", E), "0,3");
    CHECK_STREQ(match("^.$", "\xed\xa0\x80", E | I), "none");
    CHECK_STREQ(match("^[^a]$", "\xed\xa0\x80", E), "none");
    CHECK_STREQ(match(".x", "\xc3\xa9x", E), "0,3");
}

static void test_characters(void) {
    /* A character of the pattern is one element for the repetitions. */
    CHECK_STREQ(match("\xc3\xa9*", "\xc3\xa9\xc3\xa9x", E), "0,4");
    CHECK_STREQ(match("(\xc3\xa9)+$", "a\xc3\xa9\xc3\xa9", E), "1,5 3,5");
    CHECK_STREQ(match("\xc3\xa9\\{2\\}", "\xc3\xa9\xc3\xa9", 0), "0,4");
    CHECK_STREQ(match("\xc3\xa9", "a\xc3\xa9", 0), "1,3");
    /* Bytes of the pattern that are no character match themselves. */
    CHECK_STREQ(match("\xa9", "\xc3\xa9", E), "1,2");
    CHECK_STREQ(match("^\xff$", "\xff", E), "0,1");
}

static void test_brackets(void) {
    CHECK_STREQ(match("^[\xc3\xa9]$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^[a\xc3\xa9z]*$", "z\xc3\xa9" "a", E), "0,4");
    CHECK_STREQ(match("^[^a]$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^[^\xc3\xa9]$", "\xc3\xa9", E), "none");
    CHECK_STREQ(match("^[^\xc3\xa9]$", "\xc3\xa8", E), "0,2");
    CHECK_STREQ(match("^[^a]$", "\xe9", E), "none");
    CHECK_STREQ(match("^[\xc3\xa9]$", "\xe9", E), "none");
    CHECK_STREQ(match("[\xc3]", "\xc3", E), "none");
    /* Ranges: ASCII ends only, and nothing beyond ASCII in them. */
    CHECK_STREQ(match("^[a-z]$", "\xc3\xa9", E), "none");
    CHECK_STREQ(match("^[^a-z]$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^[a-\xc3\xa9]$", "b", E), "error 3");
    CHECK_STREQ(match("^[\xc3\x80-\xc3\xbf]$", "\xc3\xa9", E), "error 3");
    CHECK_STREQ(match("[[.\xc3\xa9.]]", "\xc3\xa9", E), "error 3");
    CHECK_STREQ(match("[[=\xc3\xa9=]]", "\xc3\xa9", E), "error 3");
    CHECK_STREQ(match("[[=e=]]", "\xc3\xa9", E), "none");
}

static void test_classes(void) {
    CHECK_STREQ(match("^[[:alpha:]]$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^[[:upper:]]$", "\xc3\x89", E), "0,2");
    CHECK_STREQ(match("^[[:upper:]]$", "\xc3\xa9", E), "none");
    CHECK_STREQ(match("^[[:punct:]]$", "\xc2\xab", E), "0,2");
    CHECK_STREQ(match("^[[:space:]]$", "\xe2\x80\x83", E), "0,3");
    CHECK_STREQ(match("^[[:digit:]]$", "\xd9\xa3", E), "none"); /* digits stay ASCII */
    CHECK_STREQ(match("^[[:alpha:]]$", "\xe9", E), "none");
    CHECK_STREQ(match("^\\w$", "\xc3\xa9", E), "0,2");
    CHECK_STREQ(match("^\\W$", "\xc3\xa9", E), "none");
    CHECK_STREQ(match("^\\W$", "\xc2\xab", E), "0,2");
    CHECK_STREQ(match("^\\s$", "\xc2\xa0", E), "none"); /* no-break space is not a space */
    CHECK_STREQ(match("^\\S\\S$", "x\xe4\xb8\xad", E), "0,4");
}

static void test_word_anchors(void) {
    CHECK_STREQ(match("\\<x", "\xc3\xa9x", E), "none");
    CHECK_STREQ(match("\\bx", "\xc3\xa9x", E), "none");
    CHECK_STREQ(match("x\\>", "x\xc3\xa9", E), "none");
    CHECK_STREQ(match("\\>", "\xc3\xa9", E), "2,2");
    CHECK_STREQ(match("\\<", "\xc2\xab\xc3\xa9", E), "2,2");
    CHECK_STREQ(match("\\B\xc3\xa9", "a\xc3\xa9", E), "1,3");
    /* No empty match inside a character. */
    CHECK_STREQ(match("\\>", "\xc3\x9c\xc7\x86\xc3\xa9\xc3" "bK", 0), "9,9");
    /* A byte that is no character counts as the character of its value. */
    CHECK_STREQ(match("\\<x", "\xe9x", E), "none");
    CHECK_STREQ(match("\\<x", "\xa9x", E), "1,2");
}

static void test_icase(void) {
    CHECK_STREQ(match("^\xc3\xa9$", "\xc3\x89", E | I), "0,2");
    CHECK_STREQ(match("^\xc3\x89$", "\xc3\xa9", E | I), "0,2");
    CHECK_STREQ(match("^[\xc3\xa9]$", "\xc3\x89", E | I), "0,2");
    CHECK_STREQ(match("^[[:lower:]]$", "\xc3\x89", E | I), "0,2");
    CHECK_STREQ(match("^\xc3\xbc+$", "\xc3\x9c\xc3\xbc", E | I), "0,4");
    /* Upper-cased on both sides: long s and dotless i meet S and I. */
    CHECK_STREQ(match("^s$", "\xc5\xbf", E | I), "0,2");
    CHECK_STREQ(match("^\xc5\xbf$", "s", E | I), "0,1");
    CHECK_STREQ(match("^\xc4\xb1$", "i", E | I), "0,1");
    CHECK_STREQ(match("^[a-z]$", "\xc5\xbf", E | I), "0,2");
    CHECK_STREQ(match("^i$", "\xc4\xb0", E | I), "none");
    CHECK_STREQ(match("^k$", "\xe2\x84\xaa", E | I), "none"); /* Kelvin sign: its upper case is itself */
    CHECK_STREQ(match("^\xc3\x9f$", "\xe1\xba\x9e", E | I), "none");
    CHECK_STREQ(match("^\xcf\x83$", "\xcf\x82", E | I), "0,2"); /* both sigmas upper-case to one */
}

static void test_compile_time_locale(void) {
    regex_t wide, narrow;
    regmatch_t found[1];
    CHECK_EQ(regcomp(&wide, "^.$", REG_EXTENDED), 0);
    CHECK(setlocale(LC_ALL, "C") != NULL);
    CHECK_EQ(regcomp(&narrow, "^.$", REG_EXTENDED), 0);
    /* Each answers for its own locale, whatever the locale is now. */
    CHECK_EQ(regexec(&wide, "\xc3\xa9", 1, found, 0), 0);
    CHECK_EQ(found[0].rm_eo, 2);
    CHECK_EQ(regexec(&narrow, "\xc3\xa9", 1, found, 0), REG_NOMATCH);
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    CHECK_EQ(regexec(&narrow, "\xc3\xa9", 1, found, 0), REG_NOMATCH);
    CHECK_EQ(regexec(&narrow, "\xc3", 1, found, 0), 0);
    CHECK_EQ(regexec(&wide, "\xc3", 1, found, 0), REG_NOMATCH);
    regfree(&wide);
    regfree(&narrow);

    /* The calling thread's locale is what counts (uselocale). */
    CHECK(setlocale(LC_ALL, "C") != NULL);
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    CHECK(utf8 != (locale_t)0);
    locale_t previous = uselocale(utf8);
    CHECK_STREQ(match("^.$", "\xc3\xa9", REG_EXTENDED), "0,2");
    uselocale(previous);
    CHECK_STREQ(match("^.$", "\xc3\xa9", REG_EXTENDED), "none");
    freelocale(utf8);
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

static void test_gnu_interface(void) {
    struct re_pattern_buffer buffer;
    struct re_registers registers;
    memset(&buffer, 0, sizeof buffer);
    re_set_syntax(RE_SYNTAX_POSIX_EXTENDED);
    CHECK(re_compile_pattern("[[:alpha:]]+", 12, &buffer) == NULL);
    const char* subject = "12\xc3\xa9t\xc3\xa9!";
    CHECK_EQ(re_search(&buffer, subject, 8, 0, 8, &registers), 2);
    CHECK_EQ(registers.end[0], 7);
    free(registers.start);
    free(registers.end);
    CHECK_EQ(re_match(&buffer, subject, 8, 2, NULL), 5);
    /* Searching backwards never starts inside a character. */
    CHECK_EQ(re_search(&buffer, subject, 8, 6, -6, NULL), 5);
    regfree(&buffer);
    /* BSD's re_comp too. */
    CHECK(re_comp("^[[:upper:]].$") == NULL);
    CHECK_EQ(re_exec("\xc3\x89\xe4\xb8\xad"), 1);
    CHECK_EQ(re_exec("\xc3\xa9\xe4\xb8\xad"), 0);
}

int main(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    test_period();
    test_characters();
    test_brackets();
    test_classes();
    test_word_anchors();
    test_icase();
    test_compile_time_locale();
    test_gnu_interface();
    return 0;
}
