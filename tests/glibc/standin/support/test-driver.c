/* lwp's stand-in for glibc's test driver: the test file defines do_test (or
 * TEST_FUNCTION, PREPARE, CLEANUP_HANDLER) and includes this file last; this
 * supplies main. Unlike glibc's driver it does not fork a supervising child:
 * the test runs in the process itself and CTest enforces the time limit. The
 * status is do_test's result, made 1 if any check failed on the way; 77 means
 * "unsupported". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "test-driver.h"

const char* test_dir = "/tmp";
unsigned int test_verbose = 0;

/* TEST_FUNCTION means two things: for the old skeleton an expression that
 * runs the test ("do_test (argc, argv)"), for this driver, as for glibc's,
 * the name of the function to call. Evaluating a name as the result would
 * exit with the function's address as the status. */
#ifdef TEST_FUNCTION_ARGV
static int lwp_run_test(int argc, char** argv) { return TEST_FUNCTION_ARGV(argc, argv); }
#elif defined(TEST_FUNCTION) && defined(LWP_SKELETON_PASSES_ARGUMENTS)
static int lwp_run_test(int argc, char** argv) {
    (void)argc;
    (void)argv;
    return TEST_FUNCTION;
}
#elif defined(TEST_FUNCTION)
static int lwp_run_test(int argc, char** argv) {
    (void)argc;
    (void)argv;
    return TEST_FUNCTION();
}
#elif defined(LWP_SKELETON_PASSES_ARGUMENTS)
/* The old skeleton's convention: do_test(argc, argv) unless TEST_FUNCTION. */
static int lwp_run_test(int argc, char** argv) { return do_test(argc, argv); }
#else
static int lwp_run_test(int argc, char** argv) {
    (void)argc;
    (void)argv;
    return do_test();
}
#endif

/* glibc's driver takes --direct ("run the test in this process, without a
 * supervising child"), and a test that runs itself again passes it
 * (nptl/tst-exec4). This driver always runs the test in its own process, so
 * it only takes the option out of argv, as glibc's driver does with its
 * options before the test sees argc and argv. A test with options of its own
 * (CMDLINE_OPTIONS, entries of a struct option array, and CMDLINE_OPTSTRING,
 * short options) has them parsed with getopt_long, as there. CMDLINE_PROCESS,
 * if the test defines it, is handed each option getopt_long returns: a
 * function of the option for the new driver, case labels inside a switch for
 * the old skeleton (nptl/tst-oddstacklimit's --command). Without it the
 * options only set the flags their entries point at (posix/tst-exec's
 * --restart). */
#if defined(CMDLINE_OPTIONS) || defined(CMDLINE_OPTSTRING)
#include <getopt.h>

#ifndef CMDLINE_OPTIONS
#define CMDLINE_OPTIONS
#endif
#ifndef CMDLINE_OPTSTRING
#define CMDLINE_OPTSTRING ""
#endif

#if defined(CMDLINE_PROCESS) && defined(LWP_SKELETON_PASSES_ARGUMENTS)
static void lwp_process_test_option(int option) {
    switch (option) {
        CMDLINE_PROCESS
    default: break;
    }
}
#elif defined(CMDLINE_PROCESS)
static void lwp_process_test_option(int option) { CMDLINE_PROCESS(option); }
#else
static void lwp_process_test_option(int option) { (void)option; }
#endif

static int lwp_remove_driver_options(int argc, char** argv) {
    enum { direct_option = 1000 };
    static const struct option options[] = {
        {"direct", no_argument, NULL, direct_option}, CMDLINE_OPTIONS{NULL, 0, NULL, 0}};
    int option;
    while ((option = getopt_long(argc, argv, "+" CMDLINE_OPTSTRING, options, NULL)) != -1) {
        if (option == '?') exit(1);
        if (option != direct_option) lwp_process_test_option(option);
    }
    int kept = 1;
    for (int position = optind; position < argc; ++position) argv[kept++] = argv[position];
    argv[kept] = NULL;
    return kept;
}
#else
static int lwp_remove_driver_options(int argc, char** argv) {
    /* C89 declarations: the std=c89 tests include this file too. */
    int kept = 1;
    int position;
    int leading = 1;
    for (position = 1; position < argc; ++position) {
        if (strcmp(argv[position], "--direct") == 0) continue;
        /* glibc's driver reads its options with getopt_long, so a "--"
         * ahead of the test's own arguments ends them and goes (the argp
         * tests are given theirs so: bug-argp1's "-- --help"). */
        if (leading && strcmp(argv[position], "--") == 0) {
            leading = 0;
            continue;
        }
        leading = 0;
        argv[kept++] = argv[position];
    }
    argv[kept] = NULL;
    return kept;
}
#endif

int main(int argc, char** argv) {
    argc = lwp_remove_driver_options(argc, argv);
    if (getenv("LWP_TEST_VERBOSE")) test_verbose = 1;
#ifndef TEST_NO_SETVBUF
    /* As glibc's driver does: the tests are written for an unbuffered stdout
     * (tst-cancel-self counts on its printf writing, a cancellation point). */
    setvbuf(stdout, NULL, _IONBF, 0);
#endif
#ifdef PREPARE
    PREPARE(argc, argv);
#endif
    int status = lwp_run_test(argc, argv);
#ifdef CLEANUP_HANDLER
    CLEANUP_HANDLER();
#endif
    if (status == 0 && support_record_failure_is_failed()) status = 1;
    fflush(stdout);
    return status;
}
