/* getopt, getopt_long and getopt_long_only in their GNU form: grouped and
 * attached short options, argv permuted so operands follow the options,
 * "--" and "-", the '+', '-' and ':' optstring prefixes and POSIXLY_CORRECT,
 * long options by name, prefix, "=value" or next word, flag pointers, and
 * the exact diagnostics on stderr, which are no cancellation point. Also
 * passes against glibc. */
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

extern char** environ;

/* Each case scans from the start of its own argv. */
static void restart(void) {
    optind = 0;
    opterr = 1;
}

/* argv after scanning, element by element; the array ends with NULL. */
static void check_order(char** argv, const char* const* expected, int count) {
    for (int index = 0; index < count; ++index) CHECK_STREQ(argv[index], expected[index]);
    CHECK(argv[count] == NULL);
}

/* stderr goes to an unlinked temporary file between these two calls, so a
 * diagnostic can be compared byte for byte. */
static int saved_stderr = -1;

static void capture_begin(void) {
    fflush(stderr);
    char path[] = "/tmp/lwp-getopt-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(path), 0);
    saved_stderr = dup(2);
    CHECK(saved_stderr >= 0);
    CHECK_EQ(dup2(fd, 2), 2);
    CHECK_EQ(close(fd), 0);
}

static void capture_end(const char* expected) {
    fflush(stderr);
    char text[256];
    CHECK_EQ(lseek(2, 0, SEEK_SET), 0);
    ssize_t length = read(2, text, sizeof text - 1);
    CHECK(length >= 0);
    text[length] = '\0';
    CHECK_EQ(dup2(saved_stderr, 2), 2);
    CHECK_EQ(close(saved_stderr), 0);
    CHECK_STREQ(text, expected);
}

static void short_options(void) {
    char* argv[] = {"prog", "-a", "-bofile", "-o", "next", "-c", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "abco:"), 'a');
    CHECK(optarg == NULL);
    CHECK_EQ(optind, 2);
    CHECK_EQ(getopt(argc, argv, "abco:"), 'b');
    CHECK_EQ(optind, 2); /* still inside the group "-bofile" */
    CHECK_EQ(getopt(argc, argv, "abco:"), 'o');
    CHECK_STREQ(optarg, "file");
    CHECK_EQ(optind, 3);
    CHECK_EQ(getopt(argc, argv, "abco:"), 'o');
    CHECK_STREQ(optarg, "next");
    CHECK_EQ(optind, 5);
    CHECK_EQ(getopt(argc, argv, "abco:"), 'c');
    CHECK_EQ(getopt(argc, argv, "abco:"), -1);
    CHECK_EQ(optind, 6);
}

/* The argument may itself look like an option. */
static void argument_like_an_option(void) {
    char* argv[] = {"prog", "-o", "-a", "-ab", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "abo:"), 'o');
    CHECK_STREQ(optarg, "-a");
    CHECK_EQ(getopt(argc, argv, "abo:"), 'a');
    CHECK_EQ(getopt(argc, argv, "abo:"), 'b');
    CHECK_EQ(getopt(argc, argv, "abo:"), -1);
    CHECK_EQ(optind, 4);
}

static void permutes_operands_after_options(void) {
    char* argv[] = {"prog", "x", "-a", "y", "z", "-o", "v", "w", "-b", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "abo:"), 'a');
    CHECK_EQ(getopt(argc, argv, "abo:"), 'o');
    CHECK_STREQ(optarg, "v");
    CHECK_EQ(getopt(argc, argv, "abo:"), 'b');
    CHECK_EQ(getopt(argc, argv, "abo:"), -1);
    CHECK_EQ(optind, 5);
    const char* expected[] = {"prog", "-a", "-o", "v", "-b", "x", "y", "z", "w"};
    check_order(argv, expected, COUNT(expected));
    /* Asking again past the end changes nothing. */
    CHECK_EQ(getopt(argc, argv, "abo:"), -1);
    CHECK_EQ(optind, 5);
}

static void double_dash_ends_options(void) {
    char* argv[] = {"prog", "x", "-a", "--", "-b", "y", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "ab"), 'a');
    CHECK_EQ(getopt(argc, argv, "ab"), -1);
    CHECK_EQ(optind, 3);
    const char* expected[] = {"prog", "-a", "--", "x", "-b", "y"};
    check_order(argv, expected, COUNT(expected));

    char* only[] = {"prog", "--", "-a", NULL};
    restart();
    CHECK_EQ(getopt(COUNT(only) - 1, only, "a"), -1);
    CHECK_EQ(optind, 2);
}

static void lone_dash_is_an_operand(void) {
    char* argv[] = {"prog", "-", "-a", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "a"), 'a');
    CHECK_EQ(getopt(argc, argv, "a"), -1);
    CHECK_EQ(optind, 2);
    const char* expected[] = {"prog", "-a", "-"};
    check_order(argv, expected, COUNT(expected));
}

static void plus_stops_at_first_operand(void) {
    char* argv[] = {"prog", "-a", "x", "-b", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "+ab"), 'a');
    CHECK_EQ(getopt(argc, argv, "+ab"), -1);
    CHECK_EQ(optind, 2);
    const char* expected[] = {"prog", "-a", "x", "-b"};
    check_order(argv, expected, COUNT(expected));
}

/* POSIXLY_CORRECT is read when a scan starts; there may be no setenv, so
 * the environment is replaced for the while. */
static void posixly_correct_stops_at_first_operand(void) {
    char** saved_environ = environ;
    char* posix_environ[] = {"POSIXLY_CORRECT=1", NULL};
    environ = posix_environ;
    char* argv[] = {"prog", "-a", "x", "-b", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "ab"), 'a');
    CHECK_EQ(getopt(argc, argv, "ab"), -1);
    CHECK_EQ(optind, 2);
    environ = saved_environ;
    const char* expected[] = {"prog", "-a", "x", "-b"};
    check_order(argv, expected, COUNT(expected));

    /* Without it the same argv is permuted again. */
    restart();
    CHECK_EQ(getopt(argc, argv, "ab"), 'a');
    CHECK_EQ(getopt(argc, argv, "ab"), 'b');
    CHECK_EQ(getopt(argc, argv, "ab"), -1);
    CHECK_EQ(optind, 3);
}

static void minus_returns_operands_in_order(void) {
    char* argv[] = {"prog", "x", "-a", "y", "--", "-b", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "-ab"), 1);
    CHECK_STREQ(optarg, "x");
    CHECK_EQ(getopt(argc, argv, "-ab"), 'a');
    CHECK(optarg == NULL);
    CHECK_EQ(getopt(argc, argv, "-ab"), 1);
    CHECK_STREQ(optarg, "y");
    CHECK_EQ(getopt(argc, argv, "-ab"), -1);
    CHECK_EQ(optind, 5);
    const char* expected[] = {"prog", "x", "-a", "y", "--", "-b"};
    check_order(argv, expected, COUNT(expected));
}

static void optional_argument_attached_only(void) {
    char* argv[] = {"prog", "-ofoo", "-o", "bar", "-ao", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    CHECK_EQ(getopt(argc, argv, "ao::"), 'o');
    CHECK_STREQ(optarg, "foo");
    CHECK_EQ(getopt(argc, argv, "ao::"), 'o');
    CHECK(optarg == NULL);
    CHECK_EQ(optind, 3);
    CHECK_EQ(getopt(argc, argv, "ao::"), 'a');
    CHECK_EQ(getopt(argc, argv, "ao::"), 'o');
    CHECK(optarg == NULL);
    CHECK_EQ(getopt(argc, argv, "ao::"), -1);
    CHECK_EQ(optind, 4);
    const char* expected[] = {"prog", "-ofoo", "-o", "-ao", "bar"};
    check_order(argv, expected, COUNT(expected));
}

static void short_option_errors(void) {
    char* argv[] = {"prog", "-x", "-o", NULL};
    int argc = COUNT(argv) - 1;

    restart();
    capture_begin();
    CHECK_EQ(getopt(argc, argv, "ao:"), '?');
    capture_end("prog: invalid option -- 'x'\n");
    CHECK_EQ(optopt, 'x');
    capture_begin();
    CHECK_EQ(getopt(argc, argv, "ao:"), '?');
    capture_end("prog: option requires an argument -- 'o'\n");
    CHECK_EQ(optopt, 'o');
    CHECK_EQ(getopt(argc, argv, "ao:"), -1);
    CHECK_EQ(optind, 3);

    /* A leading ':' (after any '+' or '-') silences and tells the two apart. */
    const char* quiet[] = {":ao:", "+:ao:", "-:ao:"};
    for (int which = 0; which < COUNT(quiet); ++which) {
        restart();
        capture_begin();
        CHECK_EQ(getopt(argc, argv, quiet[which]), '?');
        CHECK_EQ(optopt, 'x');
        CHECK_EQ(getopt(argc, argv, quiet[which]), ':');
        CHECK_EQ(optopt, 'o');
        capture_end("");
    }

    /* opterr = 0 silences but a missing argument stays '?'. */
    restart();
    opterr = 0;
    capture_begin();
    CHECK_EQ(getopt(argc, argv, "ao:"), '?');
    CHECK_EQ(getopt(argc, argv, "ao:"), '?');
    CHECK_EQ(optopt, 'o');
    capture_end("");
    opterr = 1;

    /* ':' is never an option letter. */
    char* colon[] = {"prog", "-:", NULL};
    restart();
    capture_begin();
    CHECK_EQ(getopt(COUNT(colon) - 1, colon, "a:"), '?');
    capture_end("prog: invalid option -- ':'\n");
    CHECK_EQ(optopt, ':');
}

static int flag_value;

static const struct option long_options[] = {
    {"alpha", no_argument, NULL, 'a'},
    {"beta", required_argument, NULL, 'b'},
    {"gamma", optional_argument, NULL, 'g'},
    {"flag", no_argument, &flag_value, 7},
    {"abc", no_argument, NULL, 1001},
    {"abd", no_argument, NULL, 1002},
    {"delta", no_argument, NULL, 1003},
    {"del", required_argument, NULL, 1004},
    {NULL, 0, NULL, 0},
};

static void long_options_by_name(void) {
    char* argv[] = {"prog",    "--alpha", "x",     "--beta=1", "--beta", "2",  "--gamma=3",
                    "--gamma", "y",       "--al",  "--fl",     "-a",     "--del", "d",
                    "--delta", "--",      "--abc", NULL};
    int argc = COUNT(argv) - 1;
    int index = -1;
    restart();
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'a');
    CHECK_EQ(index, 0);
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'b');
    CHECK_EQ(index, 1);
    CHECK_STREQ(optarg, "1");
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'b');
    CHECK_STREQ(optarg, "2");
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'g');
    CHECK_EQ(index, 2);
    CHECK_STREQ(optarg, "3");
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'g');
    CHECK(optarg == NULL); /* "y" is an operand */
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'a'); /* --al */
    CHECK_EQ(index, 0);
    flag_value = 0;
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 0); /* --fl */
    CHECK_EQ(index, 3);
    CHECK_EQ(flag_value, 7);
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 'a'); /* -a */
    /* "--del" names "del" exactly, though it is also a prefix of "delta". */
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 1004);
    CHECK_EQ(index, 7);
    CHECK_STREQ(optarg, "d");
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, &index), 1003);
    CHECK_EQ(getopt_long(argc, argv, "ab:", long_options, NULL), -1);
    CHECK_EQ(optind, 14);
    const char* expected[] = {"prog",  "--alpha", "--beta=1", "--beta", "2",       "--gamma=3",
                              "--gamma", "--al",  "--fl",     "-a",     "--del",   "d",
                              "--delta", "--",    "x",        "y",      "--abc"};
    check_order(argv, expected, COUNT(expected));
}

static void long_option_errors(void) {
    char* argv[] = {"prog", "--ab", "--xyz=1", "--alpha=1", "--abc", "--beta", NULL};
    int argc = COUNT(argv) - 1;
    restart();
    capture_begin();
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), '?');
    capture_end("prog: option '--ab' is ambiguous; possibilities: '--abc' '--abd'\n");
    CHECK_EQ(optopt, 0);
    CHECK_EQ(optind, 2);
    capture_begin();
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), '?');
    capture_end("prog: unrecognized option '--xyz=1'\n");
    CHECK_EQ(optopt, 0);
    capture_begin();
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), '?');
    capture_end("prog: option '--alpha' doesn't allow an argument\n");
    CHECK_EQ(optopt, 'a');
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), 1001);
    capture_begin();
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), '?');
    capture_end("prog: option '--beta' requires an argument\n");
    CHECK_EQ(optopt, 'b');
    CHECK_EQ(getopt_long(argc, argv, "a", long_options, NULL), -1);
    CHECK_EQ(optind, 6);

    /* ':' leading the optstring: silent, and ':' for the missing argument. */
    char* missing[] = {"prog", "--xyz", "--beta", NULL};
    restart();
    capture_begin();
    CHECK_EQ(getopt_long(COUNT(missing) - 1, missing, ":a", long_options, NULL), '?');
    CHECK_EQ(getopt_long(COUNT(missing) - 1, missing, ":a", long_options, NULL), ':');
    capture_end("");
}

static void long_only(void) {
    char* argv[] = {"prog", "-alpha", "-beta=5", "-a", "-al", "-xy", "--gamma", "-zz", NULL};
    int argc = COUNT(argv) - 1;
    int index = -1;
    restart();
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'a');
    CHECK_EQ(index, 0);
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'b');
    CHECK_STREQ(optarg, "5");
    index = -1;
    /* A one-letter word that is a short option stays short. */
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'a');
    CHECK_EQ(index, -1);
    /* Longer words are long options first, "-al" a prefix of "alpha". */
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'a');
    CHECK_EQ(index, 0);
    /* No long option "xy": the short options 'x' and 'y'. */
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'x');
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'y');
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), 'g');
    capture_begin();
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), '?');
    capture_end("prog: unrecognized option '-zz'\n");
    CHECK_EQ(getopt_long_only(argc, argv, "axy", long_options, &index), -1);
    CHECK_EQ(optind, argc);

    /* getopt_long_only reports any two prefix matches as ambiguous. */
    char* ambiguous[] = {"prog", "-ab", NULL};
    restart();
    capture_begin();
    CHECK_EQ(getopt_long_only(COUNT(ambiguous) - 1, ambiguous, "", long_options, NULL), '?');
    capture_end("prog: option '-ab' is ambiguous; possibilities: '-abc' '-abd'\n");
}

/* getopt is no cancellation point, though its messages go to stderr, whose
 * writes are one: a thread with a cancellation pending scans to the end,
 * every message whole (the ambiguous one is written in pieces), and is
 * cancelled at its next cancellation point (glibc's posix/tst-getopt-cancel). */
static int scan_finished;

static void* scan_with_cancellation_pending(void* unused) {
    (void)unused;
    char* argv[] = {"prog", "-x", "--ab", "--alpha=1", "--beta", NULL};
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    restart();
    while (getopt_long(COUNT(argv) - 1, argv, "a", long_options, NULL) != -1) {
    }
    scan_finished = 1;
    pthread_testcancel();
    return NULL;
}

static void messages_are_no_cancellation_point(void) {
    pthread_t thread;
    void* result = NULL;
    capture_begin();
    CHECK_EQ(pthread_create(&thread, NULL, scan_with_cancellation_pending, NULL), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    capture_end("prog: invalid option -- 'x'\n"
                "prog: option '--ab' is ambiguous; possibilities: '--abc' '--abd'\n"
                "prog: option '--alpha' doesn't allow an argument\n"
                "prog: option '--beta' requires an argument\n");
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(scan_finished, 1);
}

/* optind = 1 starts over too, here on a second argv after a finished scan. */
static void restart_with_optind_one(void) {
    char* first[] = {"prog", "x", "-a", NULL};
    restart();
    CHECK_EQ(getopt(COUNT(first) - 1, first, "ab"), 'a');
    CHECK_EQ(getopt(COUNT(first) - 1, first, "ab"), -1);
    CHECK_EQ(optind, 2);

    char* second[] = {"other", "-b", "y", "-a", NULL};
    optind = 1;
    CHECK_EQ(getopt(COUNT(second) - 1, second, "ab"), 'b');
    CHECK_EQ(getopt(COUNT(second) - 1, second, "ab"), 'a');
    CHECK_EQ(getopt(COUNT(second) - 1, second, "ab"), -1);
    CHECK_EQ(optind, 3);
    const char* expected[] = {"other", "-b", "-a", "y"};
    check_order(second, expected, COUNT(expected));
}

int main(void) {
    CHECK_EQ(optind, 1);
    CHECK_EQ(opterr, 1);
    short_options();
    argument_like_an_option();
    permutes_operands_after_options();
    double_dash_ends_options();
    lone_dash_is_an_operand();
    plus_stops_at_first_operand();
    posixly_correct_stops_at_first_operand();
    minus_returns_operands_in_order();
    optional_argument_attached_only();
    short_option_errors();
    long_options_by_name();
    long_option_errors();
    long_only();
    restart_with_optind_one();
    messages_are_no_cancellation_point();
    return 0;
}
