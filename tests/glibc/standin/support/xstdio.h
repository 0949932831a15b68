/* lwp's stand-in for glibc's support/xstdio.h. glibc's has checked wrappers
 * over file streams (xfopen, xgetline, ...); lwp's stdio has no file streams,
 * so this one only brings in <stdio.h>, which is all a test that includes it
 * for printf needs. */
#ifndef LWP_GLIBC_STANDIN_XSTDIO_H
#define LWP_GLIBC_STANDIN_XSTDIO_H

#include <stdio.h>

#endif
