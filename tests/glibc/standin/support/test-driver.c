/* lwp's stand-in for glibc's test driver: the test file defines do_test (or
 * TEST_FUNCTION, PREPARE, CLEANUP_HANDLER) and includes this file last; this
 * supplies main. Unlike glibc's driver it does not fork a supervising child
 * (fork is not part of lwp): the test runs in the process itself and CTest
 * enforces the time limit. The status is do_test's result, made 1 if any
 * check failed on the way; 77 means "unsupported". */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "test-driver.h"

const char* test_dir = "/tmp";
unsigned int test_verbose = 0;

#ifdef TEST_FUNCTION_ARGV
static int lwp_run_test(int argc, char** argv) { return TEST_FUNCTION_ARGV(argc, argv); }
#elif defined(TEST_FUNCTION)
static int lwp_run_test(int argc, char** argv) {
    (void)argc;
    (void)argv;
    return TEST_FUNCTION;
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

int main(int argc, char** argv) {
    if (getenv("LWP_TEST_VERBOSE")) test_verbose = 1;
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
