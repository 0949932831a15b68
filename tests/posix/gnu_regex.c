/* The GNU regex interfaces: re_set_syntax and re_syntax_options,
 * re_compile_pattern (its error strings, the syntax bits of reg_syntax_t as
 * GNU tools pass them), re_compile_fastmap (fastmap and can_be_null),
 * re_search (forwards, backwards, clipped ranges), re_match, the
 * two-string forms with `stop`, the registers' three allocation rules and
 * re_set_registers, the buffer's translate, not_bol, not_eol,
 * newline_anchor and no_sub fields, and BSD's re_comp/re_exec.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

/* Declared by <regex.h> only inside glibc (or with _REGEX_RE_COMP). */
extern char* re_comp(const char*);
extern int re_exec(const char*);

#define NONE -1, -1

/* Compiles `pattern` under `syntax` into a fresh buffer (with a fastmap);
 * aborts the test on an error. */
static void compile(struct re_pattern_buffer* buffer, unsigned long syntax, const char* pattern) {
    memset(buffer, 0, sizeof *buffer);
    buffer->fastmap = malloc(256);
    re_set_syntax(syntax);
    const char* error = re_compile_pattern(pattern, strlen(pattern), buffer);
    if (error) fprintf(stderr, "pattern \"%s\": %s\n", pattern, error);
    CHECK(error == NULL);
}

struct search_case {
    unsigned long syntax;
    const char* pattern;
    const char* subject;
    int result;      /* re_search over the whole subject */
    int offsets[6];  /* registers 0-2 as start, end pairs; -1 when unset */
};

static const struct search_case cases[] = {
    /* RE_SYNTAX_EMACS (0): \( \) \| groups, + and ? plain operators, no
     * intervals, no character classes, `.` takes NUL but not newline */
    {RE_SYNTAX_EMACS, "\\(a\\|b\\)+c", "xxabac", 2, {2, 6, 4, 5, NONE}},
    {RE_SYNTAX_EMACS, "\\(a\\|b\\)+c", "xxababc", 2, {2, 7, 5, 6, NONE}},
    {RE_SYNTAX_EMACS, "a{2}", "aa a{2}", 3, {3, 7, NONE, NONE}},
    {RE_SYNTAX_EMACS, "[[:alpha:]]x", "a]x", 0, {0, 3, NONE, NONE}},
    {RE_SYNTAX_EMACS, "a.b", "a\nb", -1, {0}},
    {RE_SYNTAX_EMACS, "\\w+", "  foo_1 ", 2, {2, 7, NONE, NONE}},
    {RE_SYNTAX_EMACS, "\\bba", "aba ba", 4, {4, 6, NONE, NONE}},
    {RE_SYNTAX_EMACS, "(a)", "a(a)", 1, {1, 4, NONE, NONE}},
    {RE_SYNTAX_EMACS, "*a", "b*a", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_EMACS, "[b-a]\\|x", "x|", 0, {0, 1, NONE, NONE}},
    /* grep: a newline separates alternatives, `^` anchors after it */
    {RE_SYNTAX_GREP, "abc\nxyz", "--xyz", 2, {2, 5, NONE, NONE}},
    {RE_SYNTAX_GREP, "q\n^y", "zy", -1, {0}},
    {RE_SYNTAX_GREP, "q\n^y", "yz", 0, {0, 1, NONE, NONE}},
    {RE_SYNTAX_GREP, "a**", "aab", 0, {0, 2, NONE, NONE}},
    {RE_SYNTAX_GREP, "\\(a\\)\\1", "xaa", 1, {1, 3, 1, 2, NONE}},
    /* egrep: a repetition with nothing before it is dropped */
    {RE_SYNTAX_EGREP, "*a", "bba", 2, {2, 3, NONE, NONE}},
    {RE_SYNTAX_EGREP, "b|*c", "xc", 1, {1, 2, NONE, NONE}},
    {RE_SYNTAX_POSIX_EGREP, "(a|b)+", "cabd", 1, {1, 3, 2, 3, NONE}},
    /* gawk: an invalid interval is ordinary, \ escapes inside brackets */
    {RE_SYNTAX_GNU_AWK, "a{2", "xa{2", 1, {1, 4, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "a{,", "a{,", 0, {0, 3, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "a{2}", "aaa", 0, {0, 2, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "[\\]]+", "a]]", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "[\\n]", "a\\n", 2, {2, 3, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "*x", "a*x", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_GNU_AWK, "\\<b", "ab b", 3, {3, 4, NONE, NONE}},
    /* awk: no GNU operators, no back-references */
    {RE_SYNTAX_POSIX_AWK, "\\w", "aw", 1, {1, 2, NONE, NONE}},
    {RE_SYNTAX_AWK, "(a)\\1", "aa a1", 3, {3, 5, 3, 4, NONE}},
    {RE_SYNTAX_AWK, "a.b", "a\nb", 0, {0, 3, NONE, NONE}},
    /* POSIX basic and its minimal form (\+ \? \| are ordinary there) */
    {RE_SYNTAX_POSIX_BASIC, "\\(a*\\)\\1", "aaaa", 0, {0, 4, 0, 2, NONE}},
    {RE_SYNTAX_POSIX_BASIC, "a^b$c", "xa^b$c", 1, {1, 6, NONE, NONE}},
    {RE_SYNTAX_POSIX_BASIC, "a\\{2\\}", "baaa", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_POSIX_MINIMAL_BASIC, "a\\+", "aa+", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_POSIX_MINIMAL_BASIC, "a\\|b", "b a|b", 2, {2, 5, NONE, NONE}},
    {RE_SYNTAX_ED, "\\(ab\\)*c", "xababc", 1, {1, 6, 3, 5, NONE}},
    {RE_SYNTAX_SED, "x\\?y", "zy", 1, {1, 2, NONE, NONE}},
    /* POSIX extended and its minimal form (no back-references) */
    {RE_SYNTAX_POSIX_EXTENDED, "(a)(b)?c", "xac", 1, {1, 3, 1, 2, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED, "a)", "a)", 0, {0, 2, NONE, NONE}},
    {RE_SYNTAX_POSIX_MINIMAL_EXTENDED, "(a)\\1", "aa a1", 3, {3, 5, 3, 4, NONE}},
    /* single bits */
    {RE_SYNTAX_POSIX_EXTENDED | RE_ICASE, "AbC", "xaBc", 1, {1, 4, NONE, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED | RE_ICASE, "[[:lower:]]+", "1aB2", 1, {1, 3, NONE, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED | RE_HAT_LISTS_NOT_NEWLINE, "[^a]", "a\n", -1, {0}},
    {RE_SYNTAX_POSIX_EXTENDED, "[^a]", "a\n", 1, {1, 2, NONE, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED & ~RE_DOT_NEWLINE, "a.", "a\na-", 2, {2, 4, NONE, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED | RE_NO_GNU_OPS, "\\<a\\>", "<a>", 0, {0, 3, NONE, NONE}},
    {RE_SYNTAX_POSIX_EXTENDED | RE_INVALID_INTERVAL_ORD, "a{x", "a{x", 0, {0, 3, NONE, NONE}},
    {RE_SYNTAX_POSIX_BASIC & ~RE_INTERVALS, "a\\{2\\}", "aa a{2}", 3, {3, 7, NONE, NONE}},
    {RE_SYNTAX_POSIX_BASIC | RE_CONTEXT_INDEP_ANCHORS, "a^b", "a^b", -1, {0}},
    {RE_SYNTAX_POSIX_BASIC | RE_NO_BK_REFS, "\\(a\\)\\1", "aa a1", 3, {3, 5, 3, 4, NONE}},
};

static void check_syntaxes(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const struct search_case* c = &cases[i];
        struct re_pattern_buffer buffer;
        compile(&buffer, c->syntax, c->pattern);
        struct re_registers regs = {0, NULL, NULL};
        int length = (int)strlen(c->subject);
        int result = re_search(&buffer, c->subject, length, 0, length, &regs);
        if (result != c->result) fprintf(stderr, "case %zu (\"%s\"): %d\n", i, c->pattern, result);
        CHECK_EQ(result, c->result);
        if (result >= 0) {
            CHECK_EQ((size_t)regs.num_regs, buffer.re_nsub + 2);
            for (size_t r = 0; r < 3 && r < regs.num_regs; ++r) {
                int start = r <= buffer.re_nsub ? c->offsets[2 * r] : -1;
                int end = r <= buffer.re_nsub ? c->offsets[2 * r + 1] : -1;
                if (regs.start[r] != start || regs.end[r] != end)
                    fprintf(stderr, "case %zu (\"%s\"): register %zu %d:%d\n", i, c->pattern, r, regs.start[r],
                            regs.end[r]);
                CHECK_EQ(regs.start[r], start);
                CHECK_EQ(regs.end[r], end);
            }
            /* The extra slot GNU code looks for. */
            CHECK_EQ(regs.start[buffer.re_nsub + 1], -1);
            free(regs.start);
            free(regs.end);
        }
        regfree(&buffer);
        CHECK(buffer.buffer == NULL && buffer.fastmap == NULL);
    }
}

static void check_errors(void) {
    static const struct {
        unsigned long syntax;
        const char* pattern;
        const char* message;
    } errors[] = {
        {RE_SYNTAX_POSIX_EXTENDED, "a(", "Unmatched ( or \\("},
        {RE_SYNTAX_POSIX_BASIC, "a\\)", "Unmatched ) or \\)"},
        {RE_SYNTAX_POSIX_EXTENDED & ~RE_UNMATCHED_RIGHT_PAREN_ORD, "a)", "Unmatched ) or \\)"},
        {RE_SYNTAX_POSIX_EXTENDED, "*a", "Invalid preceding regular expression"},
        {RE_SYNTAX_POSIX_BASIC, "a**", "Invalid preceding regular expression"},
        {RE_SYNTAX_POSIX_BASIC, "[b-a]", "Invalid range end"},
        {RE_SYNTAX_POSIX_BASIC, "a\\{1", "Unmatched \\{"},
        {RE_SYNTAX_POSIX_BASIC, "a\\{1,x\\}", "Invalid content of \\{\\}"},
        {RE_SYNTAX_GNU_AWK, "a{}", "Invalid content of \\{\\}"},
        {RE_SYNTAX_POSIX_EXTENDED, "a{99999}", "Regular expression too big"},
        {RE_SYNTAX_POSIX_BASIC, "[[:alpha:]", "Unmatched [, [^, [:, [., or [="},
        {RE_SYNTAX_POSIX_BASIC, "[[:foo:]]", "Invalid character class name"},
        {RE_SYNTAX_POSIX_BASIC, "a\\", "Trailing backslash"},
        {RE_SYNTAX_POSIX_BASIC, "\\(a\\)\\2", "Invalid back reference"},
        {RE_SYNTAX_EMACS, "\\(a", "Unmatched ( or \\("},
        {RE_SYNTAX_EMACS, "[[.ab.]]", "Invalid collation character"},
    };
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; ++i) {
        struct re_pattern_buffer buffer;
        memset(&buffer, 0, sizeof buffer);
        re_set_syntax(errors[i].syntax);
        const char* message = re_compile_pattern(errors[i].pattern, strlen(errors[i].pattern), &buffer);
        if (!message || strcmp(message, errors[i].message) != 0)
            fprintf(stderr, "error case %zu (\"%s\"): %s\n", i, errors[i].pattern, message ? message : "none");
        CHECK(message != NULL);
        if (message) CHECK_STREQ(message, errors[i].message);
        CHECK(buffer.buffer == NULL);
        CHECK_EQ(buffer.allocated, 0ul);
        regfree(&buffer);
    }
}

static void check_syntax_variable(void) {
    re_set_syntax(RE_SYNTAX_EMACS);
    CHECK_EQ(re_syntax_options, (reg_syntax_t)RE_SYNTAX_EMACS);
    CHECK_EQ(re_set_syntax(RE_SYNTAX_GREP), (reg_syntax_t)RE_SYNTAX_EMACS);
    CHECK_EQ(re_syntax_options, (reg_syntax_t)RE_SYNTAX_GREP);
    /* Assigning the variable works as well, and the buffer keeps the
     * syntax it was compiled with. */
    re_syntax_options = RE_SYNTAX_POSIX_EXTENDED | RE_NO_SUB;
    struct re_pattern_buffer buffer;
    memset(&buffer, 0, sizeof buffer);
    CHECK(re_compile_pattern("(a)", 3, &buffer) == NULL);
    CHECK_EQ(buffer.syntax, (reg_syntax_t)(RE_SYNTAX_POSIX_EXTENDED | RE_NO_SUB));
    CHECK_EQ(buffer.re_nsub, 1ul);
    CHECK_EQ(buffer.no_sub, 1u);
    CHECK_EQ(buffer.newline_anchor, 1u);
    CHECK_EQ(buffer.not_bol, 0u);
    CHECK_EQ(buffer.regs_allocated, (unsigned)REGS_UNALLOCATED);
    CHECK_EQ(buffer.fastmap_accurate, 0u);
    /* no_sub: the registers are left alone. */
    struct re_registers regs = {0, NULL, NULL};
    CHECK_EQ(re_search(&buffer, "xa", 2, 0, 2, &regs), 1);
    CHECK(regs.start == NULL && regs.num_regs == 0);
    CHECK_EQ(re_match(&buffer, "xa", 2, 1, &regs), 1);
    /* Compiling again into the same buffer reuses it (glibc then loses
     * the old automaton's parts; lwp's program is one block). */
    re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
    CHECK(re_compile_pattern("b+", 2, &buffer) == NULL);
    CHECK_EQ(buffer.no_sub, 0u);
    CHECK_EQ(re_search(&buffer, "abb", 3, 0, 3, NULL), 1);
    CHECK_EQ(re_match(&buffer, "abb", 3, 1, NULL), 2);
    regfree(&buffer);
    /* The pattern's length is given: a NUL inside is a character. */
    memset(&buffer, 0, sizeof buffer);
    CHECK(re_compile_pattern("a\0b", 3, &buffer) == NULL);
    CHECK_EQ(re_search(&buffer, "xa\0b", 4, 0, 4, NULL), 1);
    CHECK_EQ(re_search(&buffer, "xa", 2, 0, 2, NULL), -1);
    regfree(&buffer);
}

static void check_search_ranges(void) {
    struct re_pattern_buffer buffer;
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "ab*");
    const char* s = "xabbab";
    CHECK_EQ(re_search(&buffer, s, 6, 0, 6, NULL), 1);
    CHECK_EQ(re_search(&buffer, s, 6, 2, 4, NULL), 4);
    CHECK_EQ(re_search(&buffer, s, 6, 2, 100, NULL), 4);      /* clipped to the end */
    CHECK_EQ(re_search(&buffer, s, 6, 0, 0, NULL), -1);       /* only at 0 */
    CHECK_EQ(re_search(&buffer, s, 6, 5, -5, NULL), 4);       /* backwards */
    CHECK_EQ(re_search(&buffer, s, 6, 3, -100, NULL), 1);     /* clipped to 0 */
    CHECK_EQ(re_search(&buffer, s, 6, 7, 0, NULL), -1);       /* start past the end */
    CHECK_EQ(re_search(&buffer, s, 6, -1, 3, NULL), -1);
    CHECK_EQ(re_search(&buffer, s, 3, 0, 3, NULL), 1);        /* the length is honoured */
    struct re_registers regs = {0, NULL, NULL};
    CHECK_EQ(re_search(&buffer, s, 6, 5, -5, &regs), 4);
    CHECK_EQ(regs.start[0], 4);
    CHECK_EQ(regs.end[0], 6);
    /* re_match: anchored at start, the length matched. */
    CHECK_EQ(re_match(&buffer, s, 6, 1, &regs), 3);
    CHECK_EQ(regs.start[0], 1);
    CHECK_EQ(regs.end[0], 4);
    CHECK_EQ(re_match(&buffer, s, 6, 0, NULL), -1);
    CHECK_EQ(re_match(&buffer, s, 6, 7, NULL), -1);
    free(regs.start);
    free(regs.end);
    regfree(&buffer);

    /* An empty match at the end. */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "x*$");
    CHECK_EQ(re_search(&buffer, "ab", 2, 0, 2, NULL), 2);
    CHECK_EQ(re_match(&buffer, "ab", 2, 2, NULL), 0);
    regfree(&buffer);
}

static void check_buffer_fields(void) {
    struct re_pattern_buffer buffer;
    /* newline_anchor: set by re_compile_pattern, read at each search */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "^b|c$");
    CHECK_EQ(re_search(&buffer, "a\nb", 3, 0, 3, NULL), 2);
    CHECK_EQ(re_search(&buffer, "c\na", 3, 0, 3, NULL), 0);
    buffer.newline_anchor = 0;
    CHECK_EQ(re_search(&buffer, "a\nb", 3, 0, 3, NULL), -1);
    CHECK_EQ(re_search(&buffer, "c\na", 3, 0, 3, NULL), -1);
    /* not_bol, not_eol */
    CHECK_EQ(re_search(&buffer, "b", 1, 0, 1, NULL), 0);
    buffer.not_bol = 1;
    CHECK_EQ(re_search(&buffer, "b", 1, 0, 1, NULL), -1);
    CHECK_EQ(re_search(&buffer, "c", 1, 0, 1, NULL), 0);
    buffer.not_eol = 1;
    CHECK_EQ(re_search(&buffer, "c", 1, 0, 1, NULL), -1);
    regfree(&buffer);
    /* Matching from a later start still sees the byte before it. */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "\\<b");
    CHECK_EQ(re_search(&buffer, "ab b", 4, 1, 3, NULL), 3);
    CHECK_EQ(re_match(&buffer, "ab", 2, 1, NULL), -1);
    regfree(&buffer);
}

static void check_registers(void) {
    struct re_pattern_buffer buffer;
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "(a)(b)?");
    struct re_registers regs = {0, NULL, NULL};
    /* REGS_UNALLOCATED: malloc'd, one more slot than registers */
    CHECK_EQ(re_search(&buffer, "xab", 3, 0, 3, &regs), 1);
    CHECK_EQ(buffer.regs_allocated, (unsigned)REGS_REALLOCATE);
    CHECK_EQ(regs.num_regs, 4u);
    CHECK_EQ(regs.start[0], 1);
    CHECK_EQ(regs.end[0], 3);
    CHECK_EQ(regs.start[1], 1);
    CHECK_EQ(regs.end[1], 2);
    CHECK_EQ(regs.start[2], 2);
    CHECK_EQ(regs.end[2], 3);
    CHECK_EQ(regs.start[3], -1);
    CHECK_EQ(regs.end[3], -1);
    /* REGS_REALLOCATE: kept while big enough; an unmatched group is -1 */
    regoff_t* kept = regs.start;
    CHECK_EQ(re_search(&buffer, "ax", 2, 0, 2, &regs), 0);
    CHECK(regs.start == kept);
    CHECK_EQ(regs.start[2], -1);
    CHECK_EQ(regs.end[2], -1);
    /* no match: the registers are left as they were */
    regs.start[0] = 42;
    CHECK_EQ(re_search(&buffer, "xx", 2, 0, 2, &regs), -1);
    CHECK_EQ(regs.start[0], 42);
    free(regs.start);
    free(regs.end);

    /* re_set_registers: the caller's arrays, grown when too short */
    regoff_t* starts = malloc(10 * sizeof(regoff_t));
    regoff_t* ends = malloc(10 * sizeof(regoff_t));
    re_set_registers(&buffer, &regs, 10, starts, ends);
    CHECK_EQ(buffer.regs_allocated, (unsigned)REGS_REALLOCATE);
    CHECK_EQ(regs.num_regs, 10u);
    CHECK_EQ(re_search(&buffer, "ab", 2, 0, 2, &regs), 0);
    CHECK(regs.start == starts);
    CHECK_EQ(regs.num_regs, 10u);
    CHECK_EQ(regs.end[2], 2);
    for (int i = 3; i < 10; ++i) CHECK(regs.start[i] == -1 && regs.end[i] == -1);
    starts = realloc(starts, 1 * sizeof(regoff_t));
    ends = realloc(ends, 1 * sizeof(regoff_t));
    re_set_registers(&buffer, &regs, 1, starts, ends);
    CHECK_EQ(re_search(&buffer, "ab", 2, 0, 2, &regs), 0);
    CHECK_EQ(regs.num_regs, 4u);
    CHECK_EQ(regs.end[2], 2);
    free(regs.start);
    free(regs.end);
    re_set_registers(&buffer, &regs, 0, NULL, NULL);
    CHECK_EQ(buffer.regs_allocated, (unsigned)REGS_UNALLOCATED);
    CHECK(regs.num_regs == 0 && regs.start == NULL && regs.end == NULL);

    /* REGS_FIXED: used as they are; fewer than the groups computes fewer */
    regoff_t fixed_starts[2] = {7, 7}, fixed_ends[2] = {7, 7};
    regs.num_regs = 2;
    regs.start = fixed_starts;
    regs.end = fixed_ends;
    buffer.regs_allocated = REGS_FIXED;
    CHECK_EQ(re_search(&buffer, "xab", 3, 0, 3, &regs), 1);
    CHECK_EQ(buffer.regs_allocated, (unsigned)REGS_FIXED);
    CHECK(regs.start == fixed_starts && regs.num_regs == 2);
    CHECK_EQ(fixed_starts[0], 1);
    CHECK_EQ(fixed_ends[0], 3);
    CHECK_EQ(fixed_starts[1], 1);
    CHECK_EQ(fixed_ends[1], 2);
    regoff_t more_starts[6], more_ends[6];
    regs.num_regs = 6;
    regs.start = more_starts;
    regs.end = more_ends;
    CHECK_EQ(re_match(&buffer, "ab", 2, 0, &regs), 2);
    CHECK_EQ(more_ends[2], 2);
    CHECK(more_starts[3] == -1 && more_starts[5] == -1 && more_ends[5] == -1);
    regfree(&buffer);
}

static void check_fastmap(void) {
    struct re_pattern_buffer buffer;
    compile(&buffer, RE_SYNTAX_POSIX_BASIC, "abc\\|x*y");
    CHECK_EQ(buffer.fastmap_accurate, 0u);
    CHECK_EQ(re_compile_fastmap(&buffer), 0);
    CHECK_EQ(buffer.fastmap_accurate, 1u);
    CHECK_EQ(buffer.can_be_null, 0u);
    for (int c = 0; c < 256; ++c) CHECK_EQ(buffer.fastmap[c] != 0, c == 'a' || c == 'x' || c == 'y');
    regfree(&buffer);
    /* A search computes it when it has not been. */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "[0-9]+|\\<q");
    CHECK_EQ(re_search(&buffer, "ab 12", 5, 0, 5, NULL), 3);
    CHECK_EQ(buffer.fastmap_accurate, 1u);
    for (int c = 0; c < 256; ++c) CHECK_EQ(buffer.fastmap[c] != 0, (c >= '0' && c <= '9') || c == 'q');
    regfree(&buffer);
    /* The empty string: every byte, can_be_null; a `.` first: every byte */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "a*");
    re_compile_fastmap(&buffer);
    CHECK_EQ(buffer.can_be_null, 1u);
    for (int c = 0; c < 256; ++c) CHECK(buffer.fastmap[c]);
    regfree(&buffer);
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, ".*");
    re_compile_fastmap(&buffer);
    CHECK_EQ(buffer.can_be_null, 0u);
    CHECK(buffer.fastmap['\n'] && buffer.fastmap[0]);
    regfree(&buffer);
    /* RE_ICASE: both cases; an anchor that cannot hold first: nothing */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED | RE_ICASE, "b|[x-y]");
    re_compile_fastmap(&buffer);
    for (int c = 0; c < 256; ++c) CHECK_EQ(buffer.fastmap[c] != 0, strchr("bBxXyY", c) != NULL && c);
    regfree(&buffer);
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "\\`\\>a");
    re_compile_fastmap(&buffer);
    for (int c = 0; c < 256; ++c) CHECK(!buffer.fastmap[c]);
    CHECK_EQ(re_search(&buffer, "a", 1, 0, 1, NULL), -1);
    regfree(&buffer);
}

/* Compiles `pattern` with a translation table to upper case (regfree
 * frees the table, as glibc's does). */
static void compile_upper_cased(struct re_pattern_buffer* buffer, const char* pattern) {
    memset(buffer, 0, sizeof *buffer);
    buffer->translate = malloc(256);
    buffer->fastmap = malloc(256);
    for (int c = 0; c < 256; ++c) buffer->translate[c] = (unsigned char)((c >= 'a' && c <= 'z') ? c - 32 : c);
    re_set_syntax(RE_SYNTAX_POSIX_EXTENDED);
    CHECK(re_compile_pattern(pattern, strlen(pattern), buffer) == NULL);
}

static void check_translate(void) {
    /* The table applies to the pattern and to the subject. */
    struct re_pattern_buffer buffer;
    compile_upper_cased(&buffer, "ab(c)");
    struct re_registers regs = {0, NULL, NULL};
    CHECK_EQ(re_search(&buffer, "xaBC", 4, 0, 4, &regs), 1);
    CHECK_EQ(regs.start[1], 3);
    CHECK_EQ(re_match(&buffer, "ABc", 3, 0, NULL), 3);
    /* The fastmap is in translated bytes. */
    CHECK(buffer.fastmap['A'] && !buffer.fastmap['a']);
    free(regs.start);
    free(regs.end);
    regfree(&buffer);
    CHECK(buffer.translate == NULL);
    /* Bracket ends are translated, the bytes in between are not. */
    compile_upper_cased(&buffer, "[a-c]+");
    CHECK_EQ(re_search(&buffer, "xbB", 3, 0, 3, NULL), 1);
    CHECK_EQ(re_match(&buffer, "xbB", 3, 1, NULL), 2);
    regfree(&buffer);
    /* Back-references compare translated bytes. */
    compile_upper_cased(&buffer, "(a.)\\1");
    CHECK_EQ(re_search(&buffer, "-axAX", 5, 0, 5, NULL), 1);
    regfree(&buffer);
}

static void check_two_strings(void) {
    struct re_pattern_buffer buffer;
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "b(c)");
    struct re_registers regs = {0, NULL, NULL};
    /* The match spans both strings; offsets count in the concatenation. */
    CHECK_EQ(re_search_2(&buffer, "ab", 2, "cd", 2, 0, 4, &regs, 4), 1);
    CHECK_EQ(regs.end[0], 3);
    CHECK_EQ(regs.start[1], 2);
    CHECK_EQ(re_match_2(&buffer, "ab", 2, "cd", 2, 1, &regs, 4), 2);
    /* Nothing at or past stop is consumed. */
    CHECK_EQ(re_search_2(&buffer, "ab", 2, "cd", 2, 0, 4, &regs, 2), -1);
    CHECK_EQ(re_search_2(&buffer, "", 0, "abc", 3, 0, 3, &regs, 3), 1);
    CHECK_EQ(re_search_2(&buffer, "abc", 3, "", 0, 0, 3, &regs, 3), 1);
    /* Negative lengths or stop: -2 */
    volatile regoff_t negative = -1;
    CHECK_EQ(re_search_2(&buffer, "ab", negative, "cd", 2, 0, 4, &regs, 4), -2);
    CHECK_EQ(re_match_2(&buffer, "ab", 2, "cd", 2, 0, &regs, negative), -2);
    free(regs.start);
    free(regs.end);
    regs.start = regs.end = NULL;
    regfree(&buffer);
    /* Assertions see the bytes past stop: `$` and \> do not hold there. */
    compile(&buffer, RE_SYNTAX_POSIX_EXTENDED, "b$|b\\>");
    CHECK_EQ(re_search_2(&buffer, "ab", 2, "c", 1, 0, 3, &regs, 2), -1);
    CHECK_EQ(re_search_2(&buffer, "ab", 2, " ", 1, 0, 3, &regs, 2), 1);
    CHECK_EQ(re_search_2(&buffer, "ab", 2, "", 0, 0, 2, &regs, 2), 1);
    free(regs.start);
    free(regs.end);
    regfree(&buffer);
}

static void check_bsd(void) {
    re_set_syntax(RE_SYNTAX_EMACS);
    /* Nothing compiled yet. */
    char* message = re_comp(NULL);
    CHECK(message != NULL);
    if (message) CHECK_STREQ(message, "No previous regular expression");
    CHECK(re_comp("a+b") == NULL);
    CHECK_EQ(re_exec("xxaab"), 1);
    CHECK_EQ(re_exec("xxb"), 0);
    CHECK(re_comp(NULL) == NULL);
    /* ^ matches after a newline there. */
    CHECK(re_comp("^q") == NULL);
    CHECK_EQ(re_exec("a\nq"), 1);
    message = re_comp("\\(a");
    CHECK(message != NULL);
    if (message) CHECK_STREQ(message, "Unmatched ( or \\(");
    CHECK(re_comp("x") == NULL);
    CHECK_EQ(re_exec("axb"), 1);
}

int main(void) {
    CHECK_EQ(re_syntax_options, (reg_syntax_t)0);
    check_syntax_variable();
    check_errors();
    check_syntaxes();
    check_search_ranges();
    check_buffer_fields();
    check_registers();
    check_fastmap();
    check_translate();
    check_two_strings();
    check_bsd();
    puts("gnu_regex: ok");
    return 0;
}
