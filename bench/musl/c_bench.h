/* What bench/musl's C programs share: the library's name in their output, a
 * monotonic clock in nanoseconds, and an order for qsort-ing round times.
 * Plain C and POSIX, as the programs themselves: each builds with gcc
 * (glibc), musl-gcc and lwp-cc. */
#ifndef LWP_BENCH_C_BENCH_H
#define LWP_BENCH_C_BENCH_H

#include <time.h>

/* bench/report names the library when it knows better than the headers:
 * lwp-cc compiles against glibc's headers, so __GLIBC__ is defined there too. */
#ifndef LIBRARY_NAME
#if defined(__GLIBC__)
#define LIBRARY_NAME "glibc"
#else
#define LIBRARY_NAME "musl"
#endif
#endif

static inline double now_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e9 + (double)now.tv_nsec;
}

static inline int compare_doubles(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

#endif
