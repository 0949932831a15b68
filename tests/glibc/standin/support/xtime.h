/* lwp's stand-in for glibc's support/xtime.h: clock reads that fail the test
 * instead of returning an error. */
#ifndef LWP_GLIBC_STANDIN_XTIME_H
#define LWP_GLIBC_STANDIN_XTIME_H

#include <time.h>

void xclock_gettime(clockid_t clock, struct timespec* now);
struct timespec xclock_now(clockid_t clock);
void xclock_settime(clockid_t clock, const struct timespec* time);

#endif
