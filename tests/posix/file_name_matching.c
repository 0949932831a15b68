/* fnmatch and glob: shell wildcard patterns, matched against names
 * (fnmatch, over a table of patterns, names and flags whose answers are
 * glibc's) and expanded against a directory tree this test makes (glob:
 * sorting, marking, hidden names, braces, tildes, the no-match answers, the
 * error function and GLOB_ERR, appending, reserved slots, and the caller's
 * own directory functions).
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

struct match_case {
    const char* pattern;
    const char* name;
    int flags;
    int expected;
};

/* The expected answers are what glibc 2.36 gives. */
static const struct match_case match_cases[] = {
    {"abc", "abc", 0, 0},
    {"abc", "abd", 0, FNM_NOMATCH},
    {"a?c", "abc", 0, 0},
    {"a?c", "ac", 0, FNM_NOMATCH},
    {"a*c", "ac", 0, 0},
    {"a*c", "abbbc", 0, 0},
    {"a*c", "abbbd", 0, FNM_NOMATCH},
    {"*", "anything", 0, 0},
    {"*", "", 0, 0},
    {"?", "", 0, FNM_NOMATCH},
    {"a**b", "ab", 0, 0},
    {"*a*b*c*", "xaybzc", 0, 0},
    {"*a*b*c*", "xaybz", 0, FNM_NOMATCH},
    {"*.txt", "notes.txt", 0, 0},
    {"*.txt", "notes.txt.gz", 0, FNM_NOMATCH},
    {"[abc]", "b", 0, 0},
    {"[abc]", "d", 0, FNM_NOMATCH},
    {"[a-c]x", "bx", 0, 0},
    {"[a-c]x", "dx", 0, FNM_NOMATCH},
    {"[!a-c]", "d", 0, 0},
    {"[!a-c]", "a", 0, FNM_NOMATCH},
    {"[^a-c]", "d", 0, 0},
    {"[^a-c]", "b", 0, FNM_NOMATCH},
    {"[]]", "]", 0, 0},
    {"[]a]", "a", 0, 0},
    {"[!]]", "]", 0, FNM_NOMATCH},
    {"[!]]", "x", 0, 0},
    {"[a-]", "-", 0, 0},
    {"[-a]", "-", 0, 0},
    {"[z-a]", "m", 0, FNM_NOMATCH},
    {"[[:alpha:]]", "q", 0, 0},
    {"[[:alpha:]]", "7", 0, FNM_NOMATCH},
    {"[[:digit:]][[:digit:]]", "42", 0, 0},
    {"[[:upper:]]", "Q", 0, 0},
    {"[[:upper:]]", "q", 0, FNM_NOMATCH},
    {"[[:lower:]]", "q", 0, 0},
    {"[[:space:]]", " ", 0, 0},
    {"[[:punct:]]", "!", 0, 0},
    {"[[:xdigit:]]", "F", 0, 0},
    {"[[:xdigit:]]", "g", 0, FNM_NOMATCH},
    {"[[:alnum:]_]", "_", 0, 0},
    {"[![:alnum:]]", ".", 0, 0},
    {"[[:blank:]]", "\t", 0, 0},
    {"[[:cntrl:]]", "\001", 0, 0},
    {"[[:graph:]]", " ", 0, FNM_NOMATCH},
    {"[[:print:]]", " ", 0, 0},
    {"[[:nosuch:]]", "a", 0, FNM_NOMATCH},
    {"[[.a.]]", "a", 0, 0},
    {"[[.-.]]", "-", 0, 0},
    {"[[=a=]]", "a", 0, 0},
    {"[[=a=]]", "b", 0, FNM_NOMATCH},
    {"[[.ab.]]", "a", 0, FNM_NOMATCH},
    {"[ab", "[ab", 0, 0},
    {"[ab", "a", 0, FNM_NOMATCH},
    {"a[", "a[", 0, 0},
    {"\\*", "*", 0, 0},
    {"\\*", "a", 0, FNM_NOMATCH},
    {"\\*", "\\*", FNM_NOESCAPE, 0},
    {"\\*", "*", FNM_NOESCAPE, FNM_NOMATCH},
    {"\\a", "a", 0, 0},
    {"a\\", "a\\", 0, FNM_NOMATCH},
    {"a\\", "a\\", FNM_NOESCAPE, 0},
    {"[\\]]", "]", 0, 0},
    {"[\\]]", "\\", FNM_NOESCAPE, FNM_NOMATCH},
    {"[\\!]", "!", 0, 0},
    {"*", "a/b", 0, 0},
    {"*", "a/b", FNM_PATHNAME, FNM_NOMATCH},
    {"a/*", "a/b", FNM_PATHNAME, 0},
    {"a/*", "a/b/c", FNM_PATHNAME, FNM_NOMATCH},
    {"*/*", "a/b", FNM_PATHNAME, 0},
    {"?", "/", FNM_PATHNAME, FNM_NOMATCH},
    {"?", "/", 0, 0},
    {"[/]", "/", FNM_PATHNAME, FNM_NOMATCH},
    {"[/]", "/", 0, 0},
    {"a?b", "a/b", FNM_PATHNAME, FNM_NOMATCH},
    {"a[!x]b", "a/b", FNM_PATHNAME, FNM_NOMATCH},
    {"a[!x]b", "a/b", 0, 0},
    {"*", ".hidden", FNM_PERIOD, FNM_NOMATCH},
    {"*", ".hidden", 0, 0},
    {".*", ".hidden", FNM_PERIOD, 0},
    {"?hidden", ".hidden", FNM_PERIOD, FNM_NOMATCH},
    {"[.]hidden", ".hidden", FNM_PERIOD, FNM_NOMATCH},
    {"*hidden", ".hidden", FNM_PERIOD, FNM_NOMATCH},
    {"a*", "a.b", FNM_PERIOD, 0},
    {"*/*", "a/.b", FNM_PATHNAME|FNM_PERIOD, FNM_NOMATCH},
    {"*/*", "a/.b", FNM_PERIOD, 0},
    {"*/.*", "a/.b", FNM_PATHNAME|FNM_PERIOD, 0},
    {"*.", ".", FNM_PERIOD, FNM_NOMATCH},
    {"a/?b", "a/.b", FNM_PATHNAME|FNM_PERIOD, FNM_NOMATCH},
    {"a*b", "a.b", FNM_PATHNAME|FNM_PERIOD, 0},
    {"usr", "usr/lib", FNM_LEADING_DIR, 0},
    {"usr", "usr/lib", 0, FNM_NOMATCH},
    {"usr", "usrlib", FNM_LEADING_DIR, FNM_NOMATCH},
    {"u*", "usr/lib/x", FNM_LEADING_DIR|FNM_PATHNAME, 0},
    {"usr/l*", "usr/lib/x", FNM_LEADING_DIR|FNM_PATHNAME, 0},
    {"usr/l*", "usr/lib/x", FNM_PATHNAME, FNM_NOMATCH},
    {"*", "a/b", FNM_LEADING_DIR|FNM_PATHNAME, 0},
    {"ABC", "abc", FNM_CASEFOLD, 0},
    {"abc", "ABC", FNM_CASEFOLD, 0},
    {"a?C", "AbC", FNM_CASEFOLD, 0},
    {"[A-Z]", "q", FNM_CASEFOLD, 0},
    {"[a-z]", "Q", FNM_CASEFOLD, 0},
    {"[a-z]", "Q", 0, FNM_NOMATCH},
    {"[!a-z]", "Q", FNM_CASEFOLD, FNM_NOMATCH},
    {"*.TXT", "notes.txt", FNM_CASEFOLD, 0},
    {"@(a|b)", "a", FNM_EXTMATCH, 0},
    {"@(a|b)", "c", FNM_EXTMATCH, FNM_NOMATCH},
    {"@(a|b)", "ab", FNM_EXTMATCH, FNM_NOMATCH},
    {"?(a|b)", "", FNM_EXTMATCH, 0},
    {"?(a|b)", "b", FNM_EXTMATCH, 0},
    {"?(a|b)", "ab", FNM_EXTMATCH, FNM_NOMATCH},
    {"*(ab)", "ababab", FNM_EXTMATCH, 0},
    {"*(ab)", "ababa", FNM_EXTMATCH, FNM_NOMATCH},
    {"*(ab)", "", FNM_EXTMATCH, 0},
    {"+(ab)", "", FNM_EXTMATCH, FNM_NOMATCH},
    {"+(ab|c)", "abcab", FNM_EXTMATCH, 0},
    {"!(foo)", "bar", FNM_EXTMATCH, 0},
    {"!(foo)", "foo", FNM_EXTMATCH, FNM_NOMATCH},
    {"!(foo)", "foobar", FNM_EXTMATCH, 0},
    {"!(*.c)", "x.h", FNM_EXTMATCH, 0},
    {"!(*.c)", "x.c", FNM_EXTMATCH, FNM_NOMATCH},
    {"x@(a|b)y", "xby", FNM_EXTMATCH, 0},
    {"x@(a|b)y", "xcy", FNM_EXTMATCH, FNM_NOMATCH},
    {"@(a|b)|@(a", "b)", 0, FNM_NOMATCH},
    {"*(a|+(b|c)d)", "abdcd", FNM_EXTMATCH, 0},
    {"*(a|+(b|c)d)", "abdc", FNM_EXTMATCH, FNM_NOMATCH},
    {"@([ab]|c)", "b", FNM_EXTMATCH, 0},
    {"*.@(c|h)", "x.h", FNM_EXTMATCH, 0},
    {"*.@(c|h)", "x.o", FNM_EXTMATCH, FNM_NOMATCH},
    {"@(*)", ".x", FNM_EXTMATCH|FNM_PERIOD, FNM_NOMATCH},
    {"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, FNM_NOMATCH},
};

static void matching_table(void) {
    for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0]; ++i) {
        const struct match_case* c = &match_cases[i];
        int got = fnmatch(c->pattern, c->name, c->flags);
        if (got != c->expected) {
            check_write("fnmatch(\"");
            check_write(c->pattern);
            check_write("\", \"");
            check_write(c->name);
            check_write("\", ");
            check_write_number(c->flags);
            check_write(")\n");
        }
        CHECK_EQ(got, c->expected);
    }
}

/* A long run of stars costs time proportional to the lengths, not an
 * exponential search: this would not finish otherwise. */
static void many_stars(void) {
    char pattern[200], name[400];
    size_t p = 0;
    for (int i = 0; i < 60; ++i) {
        pattern[p++] = '*';
        pattern[p++] = 'a';
    }
    pattern[p++] = '*';
    pattern[p++] = 'b';
    pattern[p] = '\0';
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    CHECK_EQ(fnmatch(pattern, name, 0), FNM_NOMATCH);
    name[sizeof name - 2] = 'b';
    CHECK_EQ(fnmatch(pattern, name, 0), 0);
}

/* The tree: a b .dot q* d1/{x,y,sub/} d2/x link -> d1, dangling -> nowhere. */
static void make_file(const char* path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
}

static char tree[64];

static void make_tree(void) {
    strcpy(tree, "/tmp/lwp_glob_XXXXXX");
    CHECK(mkdtemp(tree) != NULL);
    CHECK_EQ(chdir(tree), 0);
    make_file("a");
    make_file("b");
    make_file(".dot");
    make_file("q*");
    CHECK_EQ(mkdir("d1", 0755), 0);
    CHECK_EQ(mkdir("d1/sub", 0755), 0);
    CHECK_EQ(mkdir("d2", 0755), 0);
    make_file("d1/x");
    make_file("d1/y");
    make_file("d2/x");
    CHECK_EQ(symlink("d1", "link"), 0);
    CHECK_EQ(symlink("nowhere", "dangling"), 0);
}

static void remove_tree(void) {
    const char* files[] = {"a", "b", ".dot", "q*", "d1/x", "d1/y", "d2/x", "link", "dangling"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i) CHECK_EQ(unlink(files[i]), 0);
    CHECK_EQ(rmdir("d1/sub"), 0);
    CHECK_EQ(rmdir("d1"), 0);
    CHECK_EQ(rmdir("d2"), 0);
    CHECK_EQ(chdir("/"), 0);
    CHECK_EQ(rmdir(tree), 0);
}

/* The paths glob found from index `first` on (after any reserved slots),
 * '|'-separated, compared with `expected`; the vector ends in a null. */
static void check_paths(const glob_t* found, size_t first, const char* expected) {
    char list[512];
    list[0] = '\0';
    for (size_t i = first; i < found->gl_pathc; ++i) {
        const char* path = found->gl_pathv[found->gl_offs + i];
        CHECK(path != NULL);
        CHECK(strlen(list) + strlen(path) + 2 < sizeof list);
        if (i != first) strcat(list, "|");
        strcat(list, path);
    }
    CHECK(found->gl_pathv[found->gl_offs + found->gl_pathc] == NULL);
    CHECK_STREQ(list, expected);
}

static void expect_glob(const char* pattern, int flags, const char* expected) {
    glob_t found;
    int status = glob(pattern, flags, NULL, &found);
    if (status != 0) {
        check_write("glob(\"");
        check_write(pattern);
        check_write("\")\n");
    }
    CHECK_EQ(status, 0);
    check_paths(&found, 0, expected);
    globfree(&found);
    CHECK(found.gl_pathv == NULL);
}

static void expect_no_match(const char* pattern, int flags) {
    glob_t found;
    CHECK_EQ(glob(pattern, flags, NULL, &found), GLOB_NOMATCH);
    CHECK_EQ(found.gl_pathc, 0);
    CHECK(found.gl_pathv == NULL);
    globfree(&found);
}

static void expansion(void) {
    expect_glob("*", 0, "a|b|d1|d2|dangling|link|q*");
    expect_glob("*", GLOB_MARK, "a|b|d1/|d2/|dangling|link/|q*");
    expect_glob("*", GLOB_PERIOD, ".|..|.dot|a|b|d1|d2|dangling|link|q*");
    expect_glob(".*", 0, ".|..|.dot");
    expect_glob("*/", 0, "d1/|d2/|link/");
    expect_glob("*", GLOB_ONLYDIR, "d1|d2|link");
    expect_glob("*/x", 0, "d1/x|d2/x|link/x");
    expect_glob("d?/*", 0, "d1/sub|d1/x|d1/y|d2/x");
    expect_glob("*/sub", GLOB_MARK, "d1/sub/|link/sub/");
    expect_glob("[ab]", 0, "a|b");
    expect_glob("[!ab]?", 0, "d1|d2|q*");
    expect_glob("d1//x", 0, "d1//x");
    expect_glob("./a", 0, "./a");
    expect_glob("a", 0, "a");
    expect_glob("d1", GLOB_MARK, "d1/");
    expect_glob("d1/", 0, "d1/");
    expect_glob("dangling", 0, "dangling"); /* there, as a link */
    expect_glob("q\\*", 0, "q*");
    expect_glob("\\a", 0, "a");
    expect_glob("q*", GLOB_NOESCAPE, "q*");
    expect_glob(tree, 0, tree);

    /* Unsorted: the same names, in the directory's order. */
    glob_t found;
    CHECK_EQ(glob("d?", GLOB_NOSORT, NULL, &found), 0);
    CHECK_EQ(found.gl_pathc, 2);
    CHECK(strcmp(found.gl_pathv[0], found.gl_pathv[1]) != 0);
    CHECK(strcmp(found.gl_pathv[0], "d1") == 0 || strcmp(found.gl_pathv[0], "d2") == 0);
    globfree(&found);

    CHECK_EQ(glob("*", 0, NULL, &found), 0);
    CHECK(found.gl_flags & GLOB_MAGCHAR);
    globfree(&found);
}

static void no_match(void) {
    expect_no_match("nothing*", 0);
    expect_no_match("plain", 0);
    expect_no_match("a/*", 0); /* a is no directory */
    expect_no_match("", 0);
    expect_no_match("*.c", GLOB_PERIOD);
    /* The pattern itself, as written. */
    expect_glob("nothing*", GLOB_NOCHECK, "nothing*");
    expect_glob("no\\thing*", GLOB_NOCHECK, "no\\thing*");
    expect_glob("plain", GLOB_NOMAGIC, "plain");
    expect_no_match("plain*", GLOB_NOMAGIC);
    expect_glob("", GLOB_NOCHECK, "");
}

static void braces(void) {
    expect_glob("{b,a,nothing}", GLOB_BRACE, "b|a"); /* each alternative sorted apart */
    expect_glob("d{1,2}/x", GLOB_BRACE, "d1/x|d2/x");
    expect_glob("{d1,d2}/{x,y}", GLOB_BRACE, "d1/x|d1/y|d2/x");
    expect_glob("{d{1,2},a}", GLOB_BRACE, "d1|d2|a");
    expect_glob("{a}", GLOB_BRACE, "a");
    expect_glob("{a,zz}", GLOB_BRACE | GLOB_NOCHECK, "a");
    expect_glob("{zz,yy}", GLOB_BRACE | GLOB_NOCHECK, "{zz,yy}");
    expect_no_match("{}", GLOB_BRACE);
    expect_no_match("{a,b", GLOB_BRACE);
    expect_no_match("{a,b}", 0);
}

static void tilde(void) {
    const char* old_home = getenv("HOME");
    char* saved = old_home ? strdup(old_home) : NULL;
    CHECK_EQ(setenv("HOME", tree, 1), 0);
    char expected[160];
    snprintf(expected, sizeof expected, "%s/d1/x|%s/d2/x", tree, tree);
    expect_glob("~/d*/x", GLOB_TILDE, expected);
    expect_glob("~", GLOB_TILDE, tree);
    expect_no_match("~/d*/x", 0); /* no tilde expansion: a name starting with '~' */
    /* root's home, from the password file. */
    expect_glob("~root", GLOB_TILDE, "/root");
    expect_no_match("~no_such_user_here/x", GLOB_TILDE_CHECK);
    if (saved) {
        CHECK_EQ(setenv("HOME", saved, 1), 0);
        free(saved);
    } else {
        CHECK_EQ(unsetenv("HOME"), 0);
    }
}

static int error_calls;
static char error_path[64];
static int error_code;
static int error_answer;

static int on_error(const char* path, int error) {
    ++error_calls;
    snprintf(error_path, sizeof error_path, "%s", path);
    error_code = error;
    return error_answer;
}

static void errors(void) {
    glob_t found;
    /* A directory that cannot be opened: the function is told, and says
     * whether to go on. */
    error_answer = 0;
    CHECK_EQ(glob("missing/*", 0, on_error, &found), GLOB_NOMATCH);
    CHECK_EQ(error_calls, 1);
    CHECK_STREQ(error_path, "missing");
    CHECK_EQ(error_code, ENOENT);
    globfree(&found);

    error_answer = 1;
    CHECK_EQ(glob("missing/*", 0, on_error, &found), GLOB_ABORTED);
    CHECK_EQ(error_calls, 2);
    globfree(&found);
    /* GLOB_ERR stops without a function. */
    CHECK_EQ(glob("missing/*", GLOB_ERR, NULL, &found), GLOB_ABORTED);
    globfree(&found);
    /* A file used as a directory is no error: just no match. */
    CHECK_EQ(glob("a/*", GLOB_ERR, on_error, &found), GLOB_NOMATCH);
    CHECK_EQ(error_calls, 2);
    globfree(&found);

    /* An unreadable directory (root reads it anyway). */
    if (geteuid() != 0) {
        CHECK_EQ(mkdir("closed", 0), 0);
        CHECK_EQ(glob("closed/*", GLOB_ERR, NULL, &found), GLOB_ABORTED);
        globfree(&found);
        error_answer = 0;
        CHECK_EQ(glob("closed/*", 0, on_error, &found), GLOB_NOMATCH);
        CHECK_EQ(error_code, EACCES);
        CHECK_STREQ(error_path, "closed");
        globfree(&found);
        CHECK_EQ(rmdir("closed"), 0);
    }

    /* Flags glob does not take: unknown ones, and GLOB_MAGCHAR (an answer). */
    CHECK_EQ(glob("*", 1 << 20, NULL, &found), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(glob("*", GLOB_MAGCHAR, NULL, &found), -1);
}

static void appending_and_slots(void) {
    glob_t found;
    found.gl_offs = 2;
    CHECK_EQ(glob("d?", GLOB_DOOFFS, NULL, &found), 0);
    CHECK(found.gl_pathv[0] == NULL && found.gl_pathv[1] == NULL);
    CHECK_EQ(found.gl_offs, 2);
    check_paths(&found, 0, "d1|d2");
    CHECK_EQ(glob("[ab]", GLOB_DOOFFS | GLOB_APPEND, NULL, &found), 0);
    check_paths(&found, 0, "d1|d2|a|b"); /* appended, sorted among themselves */
    CHECK_EQ(glob("none*", GLOB_DOOFFS | GLOB_APPEND, NULL, &found), GLOB_NOMATCH);
    check_paths(&found, 0, "d1|d2|a|b"); /* left as they were */
    CHECK_EQ(glob("none*", GLOB_DOOFFS | GLOB_APPEND | GLOB_NOCHECK, NULL, &found), 0);
    check_paths(&found, 4, "none*");
    globfree(&found);

    /* The slots are there even when nothing matches. */
    found.gl_offs = 3;
    CHECK_EQ(glob("none*", GLOB_DOOFFS, NULL, &found), GLOB_NOMATCH);
    CHECK(found.gl_pathv != NULL);
    CHECK(found.gl_pathv[0] == NULL && found.gl_pathv[2] == NULL && found.gl_pathv[3] == NULL);
    globfree(&found);

    /* Without GLOB_DOOFFS the count of slots is reset. */
    found.gl_offs = 5;
    CHECK_EQ(glob("a", 0, NULL, &found), 0);
    CHECK_EQ(found.gl_offs, 0);
    CHECK_STREQ(found.gl_pathv[0], "a");
    globfree(&found);
}

/* GLOB_ALTDIRFUNC: the caller's functions, here counting and passing on. */
static int opened, read_entries, closed_count, link_checks, status_checks;
static void* my_opendir(const char* path) {
    ++opened;
    return opendir(path);
}
static struct dirent* my_readdir(void* directory) {
    struct dirent* entry = readdir(directory);
    if (entry) ++read_entries;
    return entry;
}
static void my_closedir(void* directory) {
    ++closed_count;
    closedir(directory);
}
static int my_lstat(const char* __restrict path, struct stat* __restrict status) {
    ++link_checks;
    return lstat(path, status);
}
static int my_stat(const char* __restrict path, struct stat* __restrict status) {
    ++status_checks;
    return stat(path, status);
}

static void own_directory_functions(void) {
    glob_t found;
    memset(&found, 0, sizeof found);
    found.gl_opendir = my_opendir;
    found.gl_readdir = my_readdir;
    found.gl_closedir = my_closedir;
    found.gl_lstat = my_lstat;
    found.gl_stat = my_stat;
    CHECK_EQ(glob("d*/x", GLOB_ALTDIRFUNC, NULL, &found), 0);
    check_paths(&found, 0, "d1/x|d2/x");
    CHECK(opened >= 1);
    CHECK_EQ(opened, closed_count);
    CHECK(read_entries >= 9); /* the tree's top, with . and .. */
    CHECK(link_checks + status_checks >= 2); /* d1/x and d2/x were looked for */
    globfree(&found);
}

/* glob64 is glob with the large-file structure (the same on x86-64). */
static void large_file_names(void) {
    glob64_t found;
    CHECK_EQ(glob64("d?", 0, NULL, &found), 0);
    CHECK_EQ(found.gl_pathc, 2);
    CHECK_STREQ(found.gl_pathv[1], "d2");
    globfree64(&found);
}

/* The process's address space in bytes, from /proc/self/statm (pages). */
static unsigned long long address_space_size(void) {
    char text[128] = {0};
    int fd = open("/proc/self/statm", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(read(fd, text, sizeof text - 1) > 0);
    CHECK_EQ(close(fd), 0);
    return strtoull(text, NULL, 10) * (unsigned long long)sysconf(_SC_PAGESIZE);
}

/* Memory running out partway: in children whose address space is capped a
 * little more each time above what they use, glob appends until it fails.
 * Whatever it says, the glob_t must stay whole (every path there, the
 * vector null-terminated) for globfree; some limit must make a glob that
 * appends to earlier results fail with GLOB_NOSPACE. */
static void out_of_memory(void) {
    int saw_no_space_partway = 0;
    for (unsigned long long extra = 0; extra <= (16u << 20) && !saw_no_space_partway;
         extra += 64u << 10) {
        int channel[2];
        CHECK_EQ(pipe(channel), 0);
        pid_t child = fork();
        CHECK(child >= 0);
        if (child == 0) {
            struct rlimit limit;
            limit.rlim_cur = limit.rlim_max = address_space_size() + extra;
            CHECK_EQ(setrlimit(RLIMIT_AS, &limit), 0);
            glob_t found;
            int round = 0;
            int status = glob("*", GLOB_ERR, NULL, &found);
            while (status == 0 && round < 50000) {
                ++round;
                status = glob("*", GLOB_ERR | GLOB_APPEND, NULL, &found);
            }
            CHECK(status == 0 || status == GLOB_NOSPACE || status == GLOB_ABORTED);
            if (found.gl_pathv != NULL) {
                for (size_t i = 0; i < found.gl_pathc; ++i) CHECK(found.gl_pathv[i] != NULL);
                CHECK(found.gl_pathv[found.gl_pathc] == NULL);
            }
            globfree(&found);
            char answer = status == GLOB_NOSPACE && round > 0 ? 'n' : 'o';
            CHECK_EQ(write(channel[1], &answer, 1), 1);
            _exit(0);
        }
        CHECK_EQ(close(channel[1]), 0);
        char answer = 0;
        CHECK_EQ(read(channel[0], &answer, 1), 1);
        CHECK_EQ(close(channel[0]), 0);
        int status;
        CHECK_EQ(waitpid(child, &status, 0), child);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        if (answer == 'n') saw_no_space_partway = 1;
    }
    CHECK(saw_no_space_partway);
}

int main(void) {
    matching_table();
    many_stars();
    make_tree();
    expansion();
    no_match();
    braces();
    tilde();
    errors();
    appending_and_slots();
    own_directory_functions();
    large_file_names();
    out_of_memory();
    remove_tree();
    return 0;
}
