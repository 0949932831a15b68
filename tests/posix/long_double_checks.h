/* long_double_checks.h: what the long double math tests share: closeness in
 * units in the last place, and errno after a call. Each test sets its own
 * tolerance for glibc's results, whose errors differ by function. */
#ifndef LWP_POSIX_LONG_DOUBLE_CHECKS_H
#define LWP_POSIX_LONG_DOUBLE_CHECKS_H

#include <errno.h>
#include <math.h>

#include "../integration/check.h"

/* Within n units in the last place of expected (finite). */
static inline int within_ulps(long double actual, long double expected, long double n) {
    if (actual == expected) return 1;
    long double ulp = nextafterl(fabsl(expected), INFINITY) - fabsl(expected);
    return fabsl(actual - expected) <= n * ulp;
}

/* errno is exactly `code` after `call` (the result kept in a volatile). */
#define CHECK_ERRNO(call, code)             \
    do {                                    \
        errno = 0;                          \
        volatile long double kept = (call); \
        (void)kept;                         \
        CHECK_EQ(errno, (code));            \
    } while (0)

#endif
