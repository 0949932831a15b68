/* POSIX regular expressions: regcomp, regexec, regerror, regfree, with
 * glibc's syntax and answers in the C locale. A table of patterns, flags,
 * subjects and the offsets glibc reports (subexpressions included), every
 * error code regcomp gives and for what, regerror's texts and its
 * truncation, REG_NOSUB, REG_NEWLINE, REG_NOTBOL/REG_NOTEOL, REG_STARTEND,
 * patterns that would take exponential time in a backtracking engine, and
 * several threads matching with one compiled expression at once.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../integration/check.h"

#define E REG_EXTENDED
#define I REG_ICASE
#define N REG_NEWLINE

struct match_case {
    const char* pattern;
    int cflags;
    const char* subject;
    int eflags;
    int result; /* 0 or REG_NOMATCH */
    /* pmatch[0..3] as rm_so, rm_eo pairs; unused entries -1 */
    int offsets[8];
};

#define NONE -1, -1

static const struct match_case cases[] = {
    /* literals, leftmost-longest */
    {"abc", E, "xxabcabc", 0, 0, {2, 5, NONE, NONE, NONE}},
    {"abc", 0, "ab", 0, REG_NOMATCH, {0}},
    {"", E, "abc", 0, 0, {0, 0, NONE, NONE, NONE}},
    {"a|ab|abc", E, "xabcd", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"a*", E, "baaa", 0, 0, {0, 0, NONE, NONE, NONE}},
    {"a+", E, "baaa", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"x.z", 0, "x\nz", 0, 0, {0, 3, NONE, NONE, NONE}},
    /* subexpressions, as glibc reports them */
    {"(a|ab)(c|bcd)(d*)", E, "abcd", 0, 0, {0, 4, 0, 1, 1, 4, 4, 4}},
    {"(a|ab)(bc|c)", E, "abc", 0, 0, {0, 3, 0, 1, 1, 3, NONE}},
    {"(a*)(a*)", E, "aa", 0, 0, {0, 2, 0, 2, 2, 2, NONE}},
    {"(.*)(.*)", E, "ab", 0, 0, {0, 2, 0, 2, 2, 2, NONE}},
    {"(a*)*", E, "b", 0, 0, {0, 0, 0, 0, NONE, NONE}},
    {"(a*)*", E, "a", 0, 0, {0, 1, 0, 1, NONE, NONE}},
    {"(a*)+", E, "b", 0, 0, {0, 0, 0, 0, NONE, NONE}},
    {"(a|b)*", E, "ab", 0, 0, {0, 2, 1, 2, NONE, NONE}},
    {"(a?)*", E, "aa", 0, 0, {0, 2, 1, 2, NONE, NONE}},
    {"((a)|b)*", E, "ab", 0, 0, {0, 2, 1, 2, 0, 1, NONE}},
    {"(a*)*(x)", E, "x", 0, 0, {0, 1, 0, 0, 0, 1, NONE}},
    {"(a)|(b)", E, "b", 0, 0, {0, 1, NONE, 0, 1, NONE}},
    {"(a){0}b", E, "ab", 0, 0, {1, 2, NONE, NONE, NONE}},
    {"([a-]*){,2}", E, "a", 0, 0, {0, 1, 1, 1, NONE, NONE}},
    {"(\\w?)*{,2}", E | I, "A", 0, 0, {0, 1, 1, 1, NONE, NONE}},
    {"(|a)", E, "a", 0, 0, {0, 1, 0, 1, NONE, NONE}},
    {"(|a)(a?)", E, "a", 0, 0, {0, 1, 0, 1, 1, 1, NONE}},   /* an empty alternative is tried last */
    {"|()", E, "", 0, 0, {0, 0, 0, 0, NONE, NONE}},
    {"(a?){1,2}", E, "a", 0, 0, {0, 1, 0, 1, NONE, NONE}},  /* an empty optional round is undone */
    {"(a?){1,3}", E, "a", 0, 0, {0, 1, 1, 1, NONE, NONE}},  /* but not in a further copy */
    {"(^)?", E, "b", 0, 0, {0, 0, NONE, NONE, NONE}},
    {"(^)?b", E, "b", 0, 0, {0, 1, 0, 0, NONE, NONE}},
    {"\\(ab\\)*c", 0, "xababc", 0, 0, {1, 6, 3, 5, NONE, NONE}},
    /* intervals */
    {"a{2,3}", E, "aaaa", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"a{2}", E, "a", 0, REG_NOMATCH, {0}},
    {"a{,2}b", E, "aaab", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"a{1,}", E, "aaa", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"(ab){2}", E, "abababx", 0, 0, {0, 4, 2, 4, NONE, NONE}},
    {"a\\{2\\}", 0, "aaa", 0, 0, {0, 2, NONE, NONE, NONE}},
    {"a{2}", 0, "a{2}", 0, 0, {0, 4, NONE, NONE, NONE}},
    {"}", E, "}", 0, 0, {0, 1, NONE, NONE, NONE}},
    /* brackets */
    {"[]a]+", E, "x]a]", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[^]a]+", E, "]ab", 0, 0, {2, 3, NONE, NONE, NONE}},
    {"[a-c]+", E, "xabcd", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[a-]+", E, "x-a-", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[:digit:][:upper:]]+", E, "aB1c", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[:alpha:]]+", E, "1abC2", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[:space:]]+", E, "a \t\nb", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[:punct:]]+", E, "a_!b", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[:xdigit:]]+", E, "xfA9g", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[:blank:]]", E, "a\tb", 0, 0, {1, 2, NONE, NONE, NONE}},
    {"[[:cntrl:]]", E, "a\x01", 0, 0, {1, 2, NONE, NONE, NONE}},
    {"[[:alnum:]]+", E, "-a1-", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[:lower:]]+", E, "ABcdE", 0, 0, {2, 4, NONE, NONE, NONE}},
    {"[[:graph:]]+", E, " ab ", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[:print:]]+", E, "\x01" "a b\x01", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[=a=]b]+", E, "xab", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[.-.]a]+", E, "x-a", 0, 0, {1, 3, NONE, NONE, NONE}},
    {"[[.a.]-c]+", E, "xabc", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[\\]+", E, "a\\", 0, 0, {1, 2, NONE, NONE, NONE}},
    {"[^a]", E, "\n", 0, 0, {0, 1, NONE, NONE, NONE}},
    /* anchors */
    {"^a", E, "ba", 0, REG_NOMATCH, {0}},
    {"a$", E, "ab", 0, REG_NOMATCH, {0}},
    {"^a$", E, "a", 0, 0, {0, 1, NONE, NONE, NONE}},
    {"a^b", 0, "a^b", 0, 0, {0, 3, NONE, NONE, NONE}},       /* BRE: ^ not first is ordinary */
    {"a$b", 0, "a$b", 0, 0, {0, 3, NONE, NONE, NONE}},       /* so is $ not last */
    {"\\(^a\\)", 0, "a", 0, 0, {0, 1, 0, 1, NONE, NONE}},    /* after \( it anchors */
    {"x\\|^a", 0, "a", 0, 0, {0, 1, NONE, NONE, NONE}},      /* and after \| */
    {"\\(a$\\)", 0, "ba", 0, 0, {1, 2, 1, 2, NONE, NONE}},
    {"*a", 0, "*a", 0, 0, {0, 2, NONE, NONE, NONE}},         /* BRE: a leading * is ordinary */
    {"^*", 0, "*", 0, 0, {0, 1, NONE, NONE, NONE}},
    {"\\(*a\\)", 0, "*a", 0, 0, {0, 2, 0, 2, NONE, NONE}},
    {"a\\+", 0, "baa", 0, 0, {1, 3, NONE, NONE, NONE}},      /* GNU BRE \+ \? \| */
    {"ab\\?c", 0, "ac", 0, 0, {0, 2, NONE, NONE, NONE}},
    {"a\\|b", 0, "b", 0, 0, {0, 1, NONE, NONE, NONE}},
    {"a|b", 0, "a|b", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"a+?", 0, "a+?", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"(a)", 0, "(a)", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"a)", E, "a)", 0, 0, {0, 2, NONE, NONE, NONE}},         /* ERE: an unmatched ) is ordinary */
    {"\\(", E, "(", 0, 0, {0, 1, NONE, NONE, NONE}},
    /* GNU escapes */
    {"\\w+", E, " a_1 ", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"\\W+", E, "ab- +c", 0, 0, {2, 5, NONE, NONE, NONE}},
    {"\\s+", E, "a \t b", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"\\S+", E, "  ab ", 0, 0, {2, 4, NONE, NONE, NONE}},
    {"\\bb", E, "ab b", 0, 0, {3, 4, NONE, NONE, NONE}},
    {"\\Bb", E, "ab b", 0, 0, {1, 2, NONE, NONE, NONE}},
    {"\\<b", E, "ab b", 0, 0, {3, 4, NONE, NONE, NONE}},
    {"a\\>", E, "ab a", 0, 0, {3, 4, NONE, NONE, NONE}},
    {"\\`a", E, "ba", 0, REG_NOMATCH, {0}},
    {"a\\'", E, "ab", 0, REG_NOMATCH, {0}},
    {"\\B", E, "", 0, 0, {0, 0, NONE, NONE, NONE}},
    {"\\b", E, "", 0, REG_NOMATCH, {0}},
    {"\\n", E, "n", 0, 0, {0, 1, NONE, NONE, NONE}},          /* any other escape is the character */
    /* back-references */
    {"\\(a*\\)\\1", 0, "aaa", 0, 0, {0, 2, 0, 1, NONE, NONE}},
    {"(a|b)\\1", E, "xabb", 0, 0, {2, 4, 2, 3, NONE, NONE}},
    {"\\(.\\)\\(.\\)\\2\\1", 0, "xabbay", 0, 0, {1, 5, 1, 2, 2, 3, NONE}},
    {"\\([ab]*\\)c\\1", 0, "abcab", 0, 0, {0, 5, 0, 2, NONE, NONE}},
    {"\\(a\\)\\1", I, "aA", 0, 0, {0, 2, 0, 1, NONE, NONE}},
    {"\\(a*\\)*b\\1", 0, "aabaa", 0, 0, {0, 5, 0, 2, NONE, NONE}},
    {"(a*)*b\\1", E, "b", 0, 0, {0, 1, 0, 0, NONE, NONE}},
    /* REG_ICASE: ordinary characters fold, escaped ones do not */
    {"ABC", I, "xaBc", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[a-c]+", E | I, "xABc", 0, 0, {1, 4, NONE, NONE, NONE}},
    {"[[:lower:]]+", E | I, "aB", 0, 0, {0, 2, NONE, NONE, NONE}},
    {"[^a]", I, "A", 0, REG_NOMATCH, {0}},
    {"\\a", I, "a", 0, REG_NOMATCH, {0}},
    {"\\A", I, "a", 0, 0, {0, 1, NONE, NONE, NONE}},
    /* REG_NEWLINE */
    {"^b", N, "a\nb", 0, 0, {2, 3, NONE, NONE, NONE}},
    {"a$", N, "a\nb", 0, 0, {0, 1, NONE, NONE, NONE}},
    {"a.b", N, "a\nb", 0, REG_NOMATCH, {0}},
    {"a[^x]b", N, "a\nb", 0, REG_NOMATCH, {0}},
    {"a[^x]b", 0, "a\nb", 0, 0, {0, 3, NONE, NONE, NONE}},
    {"^b", 0, "a\nb", 0, REG_NOMATCH, {0}},
    {"\\`b", N, "a\nb", 0, REG_NOMATCH, {0}},
    {"\\W", N, "\n", 0, 0, {0, 1, NONE, NONE, NONE}},
    /* glibc's own: a newline the match consumes starts a line even without REG_NEWLINE */
    {"a\n^b", E, "a\nb", 0, 0, {0, 3, NONE, NONE, NONE}},
    /* REG_NOTBOL, REG_NOTEOL */
    {"^a", E, "a", REG_NOTBOL, REG_NOMATCH, {0}},
    {"^b", E | N, "a\nb", REG_NOTBOL, 0, {2, 3, NONE, NONE, NONE}},
    {"a$", E, "a", REG_NOTEOL, REG_NOMATCH, {0}},
    {"a$", E | N, "a\nb", REG_NOTEOL, 0, {0, 1, NONE, NONE, NONE}},
    {"\\`a", E, "a", REG_NOTBOL, 0, {0, 1, NONE, NONE, NONE}},
    {"a\\'", E, "a", REG_NOTEOL, 0, {0, 1, NONE, NONE, NONE}},
};

static void table(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const struct match_case* c = &cases[i];
        regex_t re;
        int compiled = regcomp(&re, c->pattern, c->cflags);
        if (compiled != 0) {
            check_write("pattern: ");
            check_write(c->pattern);
            check_write("\n");
        }
        CHECK_EQ(compiled, 0);
        regmatch_t m[6];
        for (int k = 0; k < 6; ++k) m[k].rm_so = m[k].rm_eo = -7;
        int result = regexec(&re, c->subject, 6, m, c->eflags);
        int wrong = result != c->result;
        for (int k = 0; !wrong && result == 0 && k < 4; ++k)
            wrong = m[k].rm_so != c->offsets[2 * k] || m[k].rm_eo != c->offsets[2 * k + 1];
        if (wrong) {
            check_write("pattern: ");
            check_write(c->pattern);
            check_write(" subject: ");
            check_write(c->subject);
            check_write(" got");
            for (int k = 0; k < 4; ++k) {
                check_write(" ");
                check_write_number(m[k].rm_so);
                check_write(",");
                check_write_number(m[k].rm_eo);
            }
            check_write("\n");
        }
        CHECK_EQ(result, c->result);
        CHECK(!wrong);
        if (result == 0) {
            /* Entries past re_nsub + 1 are -1. */
            for (size_t k = re.re_nsub + 1; k < 6; ++k) {
                CHECK_EQ(m[k].rm_so, -1);
                CHECK_EQ(m[k].rm_eo, -1);
            }
        }
        regfree(&re);
    }
}

struct error_case {
    const char* pattern;
    int cflags;
    int error;
};

static const struct error_case errors[] = {
    {"[", E, REG_BADPAT},          /* glibc: a bracket the pattern ends right after */
    {"[^", 0, REG_BADPAT},
    {"[[.ab.]]", E, REG_ECOLLATE},
    {"[[=ab=]]", E, REG_ECOLLATE},
    {"[[.ab.]-c]", E, REG_ECOLLATE},
    {"[[:nope:]]", E, REG_ECTYPE},
    {"[[:ALPHA:]]", E, REG_ECTYPE},
    {"a\\", E, REG_EESCAPE},
    {"a\\", 0, REG_EESCAPE},
    {"\\1", 0, REG_ESUBREG},
    {"\\(a\\)\\2", 0, REG_ESUBREG},
    {"\\(a\\1\\)", 0, REG_ESUBREG},     /* not yet closed */
    {"(a)|\\1", E, REG_ESUBREG},        /* on another alternative */
    {"[a", E, REG_EBRACK},
    {"[a-", E, REG_EBRACK},
    {"[[:alpha:]", E, REG_EBRACK},
    {"[[:alpha:", E, REG_EBRACK},
    {"(a", E, REG_EPAREN},
    {"\\(a", 0, REG_EPAREN},
    {"a\\)", 0, REG_EPAREN},
    {"a{1", E, REG_EBRACE},
    {"a{1,2", E, REG_EBRACE},
    {"a\\{1", 0, REG_EBRACE},
    {"a{x}", E, REG_BADBR},
    {"a{}", E, REG_BADBR},
    {"a{2,1}", E, REG_BADBR},
    {"a{1x}", E, REG_BADBR},
    {"[z-a]", E, REG_ERANGE},
    {"[a-c-e]", E, REG_ERANGE},
    {"[[:alpha:]-z]", E, REG_ERANGE},
    {"[Z-a]", I, REG_ERANGE},           /* REG_ICASE: [Z-A] */
    {"a{32768}", E, REG_ESIZE},
    {"a{1,32768}", E, REG_ESIZE},
    {"*a", E, REG_BADRPT},
    {"a|*b", E, REG_BADRPT},
    {"(+a)", E, REG_BADRPT},
    {"^*", E, REG_BADRPT},
    {"{1}", E, REG_BADRPT},
    {"\\{1\\}", 0, REG_BADRPT},
    {"a**", 0, REG_BADRPT},             /* BRE: no repetition of a repetition */
    {"a*\\{2\\}", 0, REG_BADRPT},
};

static void compile_errors(void) {
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; ++i) {
        regex_t re;
        int result = regcomp(&re, errors[i].pattern, errors[i].cflags);
        if (result != errors[i].error) {
            check_write("pattern: ");
            check_write(errors[i].pattern);
            check_write("\n");
        }
        CHECK_EQ(result, errors[i].error);
    }
    /* What is not an error: ERE a** and a+*, a{,} (a*), a lone ERE } */
    regex_t re;
    const char* fine[] = {"a**", "a+*", "a{,}", "a{1}{2}", "()", "(|a)", "a||b", "[a-a]", "[]-a]", "[--z]"};
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; ++i) {
        CHECK_EQ(regcomp(&re, fine[i], E), 0);
        regfree(&re);
    }
    CHECK_EQ(regcomp(&re, "a{,}", E), 0);
    regmatch_t m[1];
    CHECK_EQ(regexec(&re, "baaa", 1, m, 0), 0);
    CHECK_EQ(m[0].rm_so, 0);
    CHECK_EQ(m[0].rm_eo, 0);
    regfree(&re);
    /* re_nsub counts every group, even one repeated {0} times. */
    CHECK_EQ(regcomp(&re, "(a)((b){0})(c(d))", E), 0);
    CHECK_EQ(re.re_nsub, 5);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "\\(a\\)(b)", 0), 0);
    CHECK_EQ(re.re_nsub, 1);
    regfree(&re);
    /* An unknown eflags bit. */
    CHECK_EQ(regcomp(&re, "a", 0), 0);
    CHECK_EQ(regexec(&re, "a", 0, NULL, 8), REG_BADPAT);
    regfree(&re);
}

static void messages(void) {
    static const char* texts[] = {
        "Success",
        "No match",
        "Invalid regular expression",
        "Invalid collation character",
        "Invalid character class name",
        "Trailing backslash",
        "Invalid back reference",
        "Unmatched [, [^, [:, [., or [=",
        "Unmatched ( or \\(",
        "Unmatched \\{",
        "Invalid content of \\{\\}",
        "Invalid range end",
        "Memory exhausted",
        "Invalid preceding regular expression",
        "Premature end of regular expression",
        "Regular expression too big",
        "Unmatched ) or \\)",
    };
    char buffer[64];
    for (int code = 0; code <= REG_ERPAREN; ++code) {
        size_t length = strlen(texts[code]);
        memset(buffer, 'x', sizeof buffer);
        CHECK_EQ(regerror(code, NULL, buffer, sizeof buffer), length + 1);
        CHECK_STREQ(buffer, texts[code]);
        /* Cut to the buffer, still terminated, the full size returned. */
        memset(buffer, 'x', sizeof buffer);
        CHECK_EQ(regerror(code, NULL, buffer, 5), length + 1);
        CHECK_EQ(strlen(buffer), length < 4 ? length : 4);
        CHECK(memcmp(buffer, texts[code], strlen(buffer)) == 0);
        CHECK_EQ(buffer[5], 'x');
        /* A size of 0 writes nothing. */
        memset(buffer, 'x', sizeof buffer);
        CHECK_EQ(regerror(code, NULL, buffer, 0), length + 1);
        CHECK_EQ(buffer[0], 'x');
        CHECK_EQ(regerror(code, NULL, NULL, 0), length + 1);
    }
    CHECK_EQ(regerror(REG_NOMATCH, NULL, buffer, 1), 9);
    CHECK_EQ(buffer[0], '\0');
    /* With a compiled expression too, as programs call it. */
    regex_t re;
    int code = regcomp(&re, "a\\{1", 0);
    CHECK_EQ(code, REG_EBRACE);
    CHECK_EQ(regerror(code, &re, buffer, sizeof buffer), 13);
    CHECK_STREQ(buffer, "Unmatched \\{");
}

static void flags(void) {
    regex_t re;
    regmatch_t m[3];
    /* REG_NOSUB: a match or not, pmatch left alone. */
    CHECK_EQ(regcomp(&re, "(a)(b)", E | REG_NOSUB), 0);
    CHECK_EQ(re.re_nsub, 2);
    m[0].rm_so = m[0].rm_eo = 77;
    m[1].rm_so = m[1].rm_eo = 77;
    CHECK_EQ(regexec(&re, "xab", 3, m, 0), 0);
    CHECK_EQ(m[0].rm_so, 77);
    CHECK_EQ(m[1].rm_eo, 77);
    CHECK_EQ(regexec(&re, "xa", 3, m, 0), REG_NOMATCH);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "\\(a*\\)b\\1", REG_NOSUB), 0);
    CHECK_EQ(regexec(&re, "aabaa", 0, NULL, 0), 0);
    CHECK_EQ(regexec(&re, "aabx", 0, NULL, 0), 0);
    CHECK_EQ(regexec(&re, "aax", 0, NULL, 0), REG_NOMATCH);
    regfree(&re);

    /* nmatch 0 and 1 */
    CHECK_EQ(regcomp(&re, "(b)", E), 0);
    CHECK_EQ(regexec(&re, "ab", 0, NULL, 0), 0);
    m[1].rm_so = 55;
    CHECK_EQ(regexec(&re, "ab", 1, m, 0), 0);
    CHECK_EQ(m[0].rm_so, 1);
    CHECK_EQ(m[0].rm_eo, 2);
    CHECK_EQ(m[1].rm_so, 55);
    regfree(&re);

    /* REG_STARTEND: the range in pmatch[0]; offsets from the string's start;
     * the byte before the range is looked at for ^ and \<. */
    CHECK_EQ(regcomp(&re, "b+", E), 0);
    m[0].rm_so = 2;
    m[0].rm_eo = 4;
    CHECK_EQ(regexec(&re, "bbbbbb", 1, m, REG_STARTEND), 0);
    CHECK_EQ(m[0].rm_so, 2);
    CHECK_EQ(m[0].rm_eo, 4);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "a\0b", E), 0); /* the pattern ends at its NUL */
    m[0].rm_so = 0;
    m[0].rm_eo = 3;
    CHECK_EQ(regexec(&re, "x\0a", 1, m, REG_STARTEND), 0);
    CHECK_EQ(m[0].rm_so, 2);
    CHECK_EQ(m[0].rm_eo, 3);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "^a", E), 0);
    m[0].rm_so = 1;
    m[0].rm_eo = 2;
    CHECK_EQ(regexec(&re, "ba", 1, m, REG_STARTEND), REG_NOMATCH);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "^a", E | N), 0);
    m[0].rm_so = 1;
    m[0].rm_eo = 2;
    CHECK_EQ(regexec(&re, "\na", 1, m, REG_STARTEND), 0);
    CHECK_EQ(m[0].rm_so, 1);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "a$", E), 0);
    m[0].rm_so = 0;
    m[0].rm_eo = 1;
    CHECK_EQ(regexec(&re, "ab", 1, m, REG_STARTEND), 0); /* the range's end is the end */
    CHECK_EQ(m[0].rm_eo, 1);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "\\<a", E), 0);
    m[0].rm_so = 1;
    m[0].rm_eo = 2;
    CHECK_EQ(regexec(&re, "ba", 1, m, REG_STARTEND), REG_NOMATCH);
    m[0].rm_so = 1;
    m[0].rm_eo = 2;
    CHECK_EQ(regexec(&re, " a", 1, m, REG_STARTEND), 0);
    regfree(&re);
    /* '.' never takes a NUL (only REG_STARTEND can show one); [^x] does. */
    CHECK_EQ(regcomp(&re, "a.b", E), 0);
    m[0].rm_so = 0;
    m[0].rm_eo = 3;
    CHECK_EQ(regexec(&re, "a\0b", 1, m, REG_STARTEND), REG_NOMATCH);
    regfree(&re);
    CHECK_EQ(regcomp(&re, "a[^x]b", E), 0);
    m[0].rm_so = 0;
    m[0].rm_eo = 3;
    CHECK_EQ(regexec(&re, "a\0b", 1, m, REG_STARTEND), 0);
    regfree(&re);

    /* REG_NEWLINE: ^ and $ at every line, with a match per line. */
    CHECK_EQ(regcomp(&re, "^[a-z]+$", E | N), 0);
    const char* text = "one\nTwo\nthree";
    const char* at = text;
    int found = 0;
    int eflags = 0;
    while (regexec(&re, at, 1, m, eflags) == 0) {
        ++found;
        CHECK(at[m[0].rm_eo] == '\n' || at[m[0].rm_eo] == '\0');
        at += m[0].rm_eo;
        eflags = REG_NOTBOL;
    }
    CHECK_EQ(found, 2);
    regfree(&re);
}

/* Patterns a backtracking matcher would take exponential time over. */
static void pathological(void) {
    static char subject[20001];
    memset(subject, 'a', sizeof subject - 1);
    subject[sizeof subject - 1] = '\0';
    const char* patterns[] = {"(a*)*b", "(a|aa)*b", "(a+)+b", "((a*)*|b)*c", "(a?){30}a{30}b", "(.*)*x"};
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; ++i) {
        regex_t re;
        CHECK_EQ(regcomp(&re, patterns[i], E), 0);
        regmatch_t m[3];
        CHECK_EQ(regexec(&re, i == 4 ? subject + sizeof subject - 61 : subject, 3, m, 0), REG_NOMATCH);
        regfree(&re);
    }
    /* And one that matches, with its subexpressions. */
    regex_t re;
    CHECK_EQ(regcomp(&re, "(a*)*$", E), 0);
    regmatch_t m[2];
    CHECK_EQ(regexec(&re, subject, 2, m, 0), 0);
    CHECK_EQ(m[0].rm_eo, 20000);
    CHECK_EQ(m[1].rm_so, 0);
    CHECK_EQ(m[1].rm_eo, 20000);
    regfree(&re);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    CHECK(seconds < 20.0);
}

/* One compiled expression, many threads matching with it at once. */
static regex_t shared;

static void* matcher(void* argument) {
    long n = (long)argument;
    char subject[64];
    for (int round = 0; round < 2000; ++round) {
        int value = (int)(n * 1000 + round);
        snprintf(subject, sizeof subject, "key%d = value%d;", value, value % 97);
        regmatch_t m[4];
        CHECK_EQ(regexec(&shared, subject, 4, m, 0), 0);
        char digits[16];
        int length = snprintf(digits, sizeof digits, "%d", value);
        CHECK_EQ(m[1].rm_so, 3);
        CHECK_EQ(m[1].rm_eo, 3 + length);
        CHECK(memcmp(subject + m[1].rm_so, digits, (size_t)length) == 0);
        CHECK_EQ(m[3].rm_eo, (int)strlen(subject) - 1);
        CHECK_EQ(regexec(&shared, "no match here", 4, m, 0), REG_NOMATCH);
    }
    return NULL;
}

static void threads(void) {
    CHECK_EQ(regcomp(&shared, "^key([0-9]+) *= *(value)([0-9]+);$", E), 0);
    pthread_t workers[6];
    for (long i = 0; i < 6; ++i) CHECK_EQ(pthread_create(&workers[i], NULL, matcher, (void*)i), 0);
    for (int i = 0; i < 6; ++i) CHECK_EQ(pthread_join(workers[i], NULL), 0);
    regfree(&shared);
}

int main(void) {
    table();
    compile_errors();
    messages();
    flags();
    pathological();
    threads();
    /* regfree leaves nothing to free twice. */
    regex_t re;
    CHECK_EQ(regcomp(&re, "a(b)*", E), 0);
    regfree(&re);
    CHECK(re.buffer == NULL);
    return 0;
}
