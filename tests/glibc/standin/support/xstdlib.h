/* lwp's stand-in for glibc's support/xstdlib.h. */
#ifndef LWP_GLIBC_STANDIN_XSTDLIB_H
#define LWP_GLIBC_STANDIN_XSTDLIB_H

/* glibc's includes <stdlib.h> (misc/tst-mremap2 relies on it). */
#include <stdlib.h>

/* system(command), which must run the shell and see it exit with status
 * 0; anything else ends the test. */
void xsystem(const char* command);

#endif
