/* lwp's stand-in for glibc's older test skeleton: the same driver, with the
 * skeleton's convention of passing argc and argv to do_test. */
#define LWP_SKELETON_PASSES_ARGUMENTS 1
#include <support/test-driver.c>
