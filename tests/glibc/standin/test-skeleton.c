/* lwp's stand-in for glibc's older test skeleton: the same driver, with the
 * skeleton's convention of passing argc and argv to do_test, and its
 * declarations (add_temp_file, and the x* allocators the skeleton's tests
 * call without including support.h, as io/tst-fcntl does), and <fcntl.h>,
 * which glibc's skeleton includes and io/tst-fts relies on. */
#define LWP_SKELETON_PASSES_ARGUMENTS 1
#include <fcntl.h>
#include <support/support.h>
#include <support/temp_file.h>
#include <support/test-driver.c>
