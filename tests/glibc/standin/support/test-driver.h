/* lwp's stand-in for glibc's test driver interface. */
#ifndef LWP_GLIBC_STANDIN_TEST_DRIVER_H
#define LWP_GLIBC_STANDIN_TEST_DRIVER_H

enum {
    EXIT_UNSUPPORTED = 77, /* the test's feature is missing: CTest skips it */
    DEFAULT_TIMEOUT = 20   /* seconds; CTest enforces the real limit */
};

extern const char* test_dir;
extern unsigned int test_verbose;

#define verbose_printf(...)                       \
    do {                                          \
        if (test_verbose) printf(__VA_ARGS__);    \
    } while (0)
#define VERBOSE_PRINTF verbose_printf

#endif
