/* lwp's stand-in for glibc's support/timespec.h. */
#ifndef LWP_GLIBC_STANDIN_TIMESPEC_H
#define LWP_GLIBC_STANDIN_TIMESPEC_H

#include <errno.h>
#include <time.h>

#include "xtime.h"

enum { TIMESPEC_HZ = 1000000000 };

static inline struct timespec make_timespec(time_t seconds, long nanoseconds) {
    struct timespec result = {seconds, nanoseconds};
    return result;
}

/* Both saturate at the time_t range instead of overflowing. */
struct timespec timespec_add(struct timespec left, struct timespec right);
struct timespec timespec_sub(struct timespec left, struct timespec right);

void support_timespec_before(const char* file, int line, struct timespec left, struct timespec right);
void support_timespec_equal_or_after(const char* file, int line, struct timespec left,
                                     struct timespec right);

#define TEST_TIMESPEC_BEFORE(left, right) support_timespec_before(__FILE__, __LINE__, (left), (right))
#define TEST_TIMESPEC_EQUAL_OR_AFTER(left, right) \
    support_timespec_equal_or_after(__FILE__, __LINE__, (left), (right))
#define TEST_TIMESPEC_BEFORE_NOW(left, clock)          \
    ({                                                 \
        int lwp_saved_errno_ = errno;                  \
        TEST_TIMESPEC_BEFORE((left), xclock_now(clock)); \
        errno = lwp_saved_errno_;                      \
    })
#define TEST_TIMESPEC_NOW_OR_AFTER(clock, right)                 \
    ({                                                           \
        int lwp_saved_errno_ = errno;                            \
        TEST_TIMESPEC_EQUAL_OR_AFTER(xclock_now(clock), (right)); \
        errno = lwp_saved_errno_;                                \
    })

#endif
