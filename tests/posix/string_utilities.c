/* The string and search utilities programs take for granted: strtok,
 * strtok_r, strsep, memmem, memrchr, rawmemchr, strchrnul, strcasestr,
 * mempcpy,
 * bsearch, basename (both of them) and dirname; and the message helpers
 * err, errx, warn, warnx, error and error_at_line, whose output and exit
 * status a child process shows.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <err.h>
#include <errno.h>
#include <error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* <libgen.h> would replace basename with the POSIX one for the whole file;
 * that one is reached by its real name instead. */
char* __xpg_basename(char* path);
char* dirname(char* path);

static void tokens(void) {
    char text[] = "  alpha, beta,,gamma  ";
    const char* expected[] = {"alpha", "beta", "gamma"};
    char* saved = NULL;
    int count = 0;
    for (char* token = strtok_r(text, " ,", &saved); token; token = strtok_r(NULL, " ,", &saved))
        CHECK_STREQ(token, expected[count++]);
    CHECK_EQ(count, 3);
    CHECK(strtok_r(NULL, " ,", &saved) == NULL); /* stays at the end */

    /* glibc's saved pointer (glibc's bug-strtok1): past the last token it
     * rests on the string's terminating null byte, never null, both when
     * the last token ends the string and when only delimiters follow. */
    char last[] = "axaaba";
    CHECK_STREQ(strtok_r(last, "ab", &saved), "x");
    CHECK(saved == last + 3);
    CHECK(strtok_r(NULL, "ab", &saved) == NULL);
    CHECK(saved == last + 6);
    CHECK(strtok_r(NULL, "a", &saved) == NULL);
    CHECK(saved == last + 6);
    char ends[] = ",end";
    CHECK_STREQ(strtok_r(ends, ",", &saved), "end");
    CHECK(saved == ends + 4);
    CHECK(strtok_r(NULL, ",", &saved) == NULL);
    CHECK(saved == ends + 4);
    char empty[] = "";
    saved = NULL;
    CHECK(strtok_r(empty, ",", &saved) == NULL);
    CHECK(saved == empty);
    /* strtok's own position does the same: a new string after the end. */
    char first[] = "p;q", second[] = ";r;";
    CHECK_STREQ(strtok(first, ";"), "p");
    CHECK_STREQ(strtok(NULL, ";"), "q");
    CHECK(strtok(NULL, ";") == NULL);
    CHECK(strtok(NULL, ";") == NULL);
    CHECK_STREQ(strtok(second, ";"), "r");
    CHECK(second[2] == '\0');
    CHECK(strtok(NULL, ";") == NULL);

    char only_delimiters[] = ",,,";
    CHECK(strtok(only_delimiters, ",") == NULL);
    char line[] = "a:b";
    CHECK_STREQ(strtok(line, ":"), "a");
    CHECK_STREQ(strtok(NULL, ":"), "b");
    CHECK(strtok(NULL, ":") == NULL);

    /* strsep keeps the empty fields. */
    char fields[] = "x,,y";
    char* cursor = fields;
    CHECK_STREQ(strsep(&cursor, ","), "x");
    CHECK_STREQ(strsep(&cursor, ","), "");
    CHECK_STREQ(strsep(&cursor, ","), "y");
    CHECK(cursor == NULL);
    CHECK(strsep(&cursor, ",") == NULL);
}

static void searching(void) {
    const char data[] = "abcabcabd\0zz";
    CHECK(memmem(data, sizeof data - 1, "abd", 3) == data + 6);
    CHECK(memmem(data, sizeof data - 1, "\0zz", 3) == data + 9);
    CHECK(memmem(data, sizeof data - 1, "abe", 3) == NULL);
    CHECK(memmem(data, 2, "abc", 3) == NULL); /* longer than the haystack */
    CHECK(memmem(data, sizeof data - 1, "", 0) == data);
    CHECK(memrchr(data, 'a', 9) == data + 6);
    CHECK(memrchr(data, 'a', 0) == NULL);
    CHECK(memrchr(data, 'q', 9) == NULL);
    CHECK(rawmemchr(data, 'd') == data + 8);
    const char* word = "hello";
    CHECK(strchrnul(word, 'z') == word + 5);
    CHECK(strchrnul(word, 'o') == word + 4);
    char joined[16];
    char* end = mempcpy(joined, "abc", 3);
    CHECK(end == joined + 3);
    end = mempcpy(end, "de", 3); /* with the null byte */
    CHECK(end == joined + 6);
    CHECK_STREQ(joined, "abcde");
    const char* sentence = "The Quick Brown Fox";
    CHECK(strcasestr(sentence, "quick") == sentence + 4);
    CHECK(strcasestr(sentence, "FOX") == sentence + 16);
    CHECK(strcasestr(sentence, "") == sentence);
    CHECK(strcasestr(sentence, "foxes") == NULL);
}

static int compare_ints(const void* left, const void* right) {
    int a = *(const int*)left, b = *(const int*)right;
    return (a > b) - (a < b);
}

static void binary_search(void) {
    int sorted[1000];
    for (int i = 0; i < 1000; ++i) sorted[i] = 3 * i;
    for (int key = -1; key <= 3000; ++key) {
        int* found = bsearch(&key, sorted, 1000, sizeof sorted[0], compare_ints);
        if (key >= 0 && key % 3 == 0 && key < 3000) {
            CHECK(found != NULL);
            CHECK_EQ(*found, key);
        } else {
            CHECK(found == NULL);
        }
    }
    int key = 5;
    CHECK(bsearch(&key, sorted, 0, sizeof sorted[0], compare_ints) == NULL);
}

static void path_names(void) {
    static const struct {
        const char* path;
        const char* directory;
        const char* posix_base;
        const char* gnu_base;
    } cases[] = {
        {"/usr/lib", "/usr", "lib", "lib"},
        {"/usr/lib/", "/usr", "lib", ""},
        {"usr", ".", "usr", "usr"},
        {"/", "/", "/", ""},
        {"//", "//", "/", ""},
        {"//x", "//", "x", "x"},
        {"///x//", "/", "x", ""},
        {"a//b", "a", "b", "b"},
        {".", ".", ".", "."},
        {"..", ".", "..", ".."},
        {"", ".", ".", ""},
        {"x/", ".", "x", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char copy[32];
        strcpy(copy, cases[i].path);
        CHECK_STREQ(dirname(copy), cases[i].directory);
        strcpy(copy, cases[i].path);
        CHECK_STREQ(__xpg_basename(copy), cases[i].posix_base);
        CHECK_STREQ(basename(cases[i].path), cases[i].gnu_base);
    }
    CHECK_STREQ(dirname(NULL), ".");
    CHECK_STREQ(__xpg_basename(NULL), ".");
}

/* Runs `report` in a child whose stderr is a pipe; checks what it wrote
 * there and how it ended. */
static void expect_report(void (*report)(void), const char* expected_output, int expected_status) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        CHECK_EQ(dup2(ends[1], 2), 2);
        close(ends[0]);
        close(ends[1]);
        report();
        exit(0);
    }
    CHECK_EQ(close(ends[1]), 0);
    char output[4096]; /* the messages name the program by its path, which can be long */
    size_t length = 0;
    for (;;) {
        ssize_t got = read(ends[0], output + length, sizeof output - 1 - length);
        CHECK(got >= 0);
        if (got == 0) break;
        length += (size_t)got;
    }
    output[length] = '\0';
    CHECK_EQ(close(ends[0]), 0);
    expect_exit_code(child, expected_status);
    CHECK_STREQ(output, expected_output);
}

static void report_warn(void) {
    errno = ENOENT;
    warn("opening %s", "x.txt");
    warnx("count %d", 3);
    errno = EACCES;
    warn(NULL);
}
static void report_err(void) {
    errno = EEXIST;
    err(3, "making %s", "dir");
}
static void report_errx(void) { errx(4, "bad input"); }
static void report_error(void) {
    error(0, ENOENT, "first %d", 1);
    error(0, 0, "second");
    error_at_line(0, EPERM, "file.c", 12, "at %s", "line");
    error_one_per_line = 1;
    error_at_line(0, 0, "file.c", 20, "once");
    error_at_line(0, 0, "file.c", 20, "twice: not printed");
    error_at_line(0, 0, "file.c", 21, "next line");
    if (error_message_count != 5) _exit(9);
    error(5, 0, "last");
}

static void message_helpers(void) {
    /* The tests' executable is named posix_string_utilities when built with
     * lwp, and whatever -o said against glibc: compare with our own name. */
    const char* name = program_invocation_short_name;
    char expected[4096];
    snprintf(expected, sizeof expected,
             "%s: opening x.txt: No such file or directory\n%s: count 3\n%s: Permission denied\n",
             name, name, name);
    expect_report(report_warn, expected, 0);
    snprintf(expected, sizeof expected, "%s: making dir: File exists\n", name);
    expect_report(report_err, expected, 3);
    snprintf(expected, sizeof expected, "%s: bad input\n", name);
    expect_report(report_errx, expected, 4);
    const char* full = program_invocation_name;
    snprintf(expected, sizeof expected,
             "%s: first 1: No such file or directory\n%s: second\n"
             "%s:file.c:12: at line: Operation not permitted\n%s:file.c:20: once\n"
             "%s:file.c:21: next line\n%s: last\n",
             full, full, full, full, full, full);
    expect_report(report_error, expected, 5);
}

/* memccpy stops after the byte it looks for; swab swaps pairs and leaves
 * an odd last byte. */
static void byte_copies(void) {
    char destination[16];
    memset(destination, '.', sizeof destination);
    char* after = memccpy(destination, "key=value", '=', 9);
    CHECK(after == destination + 4);
    CHECK(memcmp(destination, "key=.", 5) == 0);
    memset(destination, '.', sizeof destination);
    CHECK(memccpy(destination, "abc", 'z', 3) == NULL);
    CHECK(memcmp(destination, "abc.", 4) == 0);
    CHECK(memccpy(destination, "abc", 'a', 0) == NULL);

    char swapped[8];
    memset(swapped, '.', sizeof swapped);
    swab("abcdefg", swapped, 7);
    CHECK(memcmp(swapped, "badcfe.", 7) == 0);
    memset(swapped, '.', sizeof swapped);
    volatile ssize_t negative = -2; /* unseen by the header's size checks */
    swab("abcd", swapped, negative);
    CHECK_EQ(swapped[0], '.');
}

int main(void) {
    byte_copies();
    tokens();
    searching();
    binary_search();
    path_names();
    message_helpers();
    return 0;
}
