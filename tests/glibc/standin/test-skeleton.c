/* lwp's stand-in for glibc's older test skeleton: the same driver, with the
 * skeleton's convention of passing argc and argv to do_test, and its
 * declarations (add_temp_file, and the x* allocators the skeleton's tests
 * call without including support.h, as io/tst-fcntl does). */
#define LWP_SKELETON_PASSES_ARGUMENTS 1
/* The headers glibc's skeleton includes: its tests use errno, the E*
 * constants, intmax_t and the like without including them (io/tst-openat,
 * posix/tst-truncate64). */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <paths.h>
#include <search.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <support/check.h>
#include <support/support.h>
#include <support/temp_file.h>
#include <support/xsignal.h>
/* The old skeleton's CLEANUP_HANDLER is an expression ("do_cleanup ()",
 * rt/tst-mqueue.h), the driver's the name of a function: this makes the one
 * into the other. */
#ifdef CLEANUP_HANDLER
static void lwp_skeleton_cleanup(void) { CLEANUP_HANDLER; }
#undef CLEANUP_HANDLER
#define CLEANUP_HANDLER lwp_skeleton_cleanup
#endif
#include <support/test-driver.c>
