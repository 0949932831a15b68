/* Timing of printf's floating-point conversions (snprintf into a buffer),
 * to compare lwp's with glibc's: build this file once with gcc (glibc) and
 * once with lwp-cc, run both, and compare the columns:
 *   gcc -O2 -w tools/time_printf_float.c -o /tmp/tpf-glibc
 *   build/bin/lwp-cc -O2 -w tools/time_printf_float.c -o /tmp/tpf-lwp
 *   /tmp/tpf-glibc > glibc.txt; /tmp/tpf-lwp > lwp.txt; paste glibc.txt lwp.txt
 * Each line is a value set and a format, then the median of 5 runs in
 * nanoseconds per call. A run repeats the call until about 20 ms have
 * passed (at least 3 calls). "random" sets cycle through 64 values of
 * random bits whose exponent covers the type's whole range. */
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xorshift_random.h"

static char text[20000];
static volatile int sink;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int compare_doubles(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

static double median_of_runs(const char* format, const long double* long_values,
                             const double* values, int count) {
    double runs[5];
    for (int r = 0; r < 5; ++r) {
        long calls = 0;
        double start = now_ns(), elapsed;
        do {
            for (int i = 0; i < count; ++i, ++calls)
                sink += long_values ? snprintf(text, sizeof text, format, long_values[i])
                                    : snprintf(text, sizeof text, format, values[i]);
            elapsed = now_ns() - start;
        } while (elapsed < 2e7 || calls < 3);
        runs[r] = elapsed / calls;
    }
    qsort(runs, 5, sizeof runs[0], compare_doubles);
    return runs[2];
}

static long double long_double_of(uint64_t significand, unsigned sign_exponent) {
    long double value;
    memset(&value, 0, sizeof value);
    memcpy(&value, &significand, 8);
    uint16_t top = (uint16_t)sign_exponent;
    memcpy((char*)&value + 8, &top, 2);
    return value;
}

int main(void) {
    static const char* long_formats[] = {"%Le", "%.3Le", "%.30Le", "%Lf", "%.3Lf", "%Lg", "%La"};
    static const char* double_formats[] = {"%e", "%.3e", "%.30e", "%f", "%.3f", "%g", "%.17g", "%a"};
    enum { random_count = 64 };
    long double random_long[random_count];
    double random_double[random_count];
    seed_random(1);
    for (int i = 0; i < random_count; ++i) {
        random_long[i] = long_double_of(next_random() | 1ull << 63, 1 + below(0x7ffe));
        uint64_t bits = (next_random() & ~(0x7ffull << 52)) | (uint64_t)(1 + below(0x7fe)) << 52;
        memcpy(&random_double[i], &bits, 8);
    }
    const struct {
        const char* name;
        long double value;
    } long_sets[] = {{"LDBL_MAX", LDBL_MAX},     {"1e4000", 1e4000L},
                     {"1e300", 1e300L},          {"1e-300", 1e-300L},
                     {"1e-4000", 1e-4000L},      {"LDBL_TRUE_MIN", LDBL_TRUE_MIN},
                     {"0.1", 0.1L},              {"random", 0}};
    for (unsigned s = 0; s < sizeof long_sets / sizeof long_sets[0]; ++s)
        for (unsigned f = 0; f < sizeof long_formats / sizeof long_formats[0]; ++f) {
            int is_random = !strcmp(long_sets[s].name, "random");
            double ns = median_of_runs(long_formats[f], is_random ? random_long : &long_sets[s].value,
                                       0, is_random ? random_count : 1);
            printf("%-14s %-7s %10.0f\n", long_sets[s].name, long_formats[f], ns);
        }
    const struct {
        const char* name;
        double value;
    } double_sets[] = {{"DBL_MAX", DBL_MAX}, {"DBL_TRUE_MIN", DBL_TRUE_MIN}, {"0.1", 0.1}, {"random", 0}};
    for (unsigned s = 0; s < sizeof double_sets / sizeof double_sets[0]; ++s)
        for (unsigned f = 0; f < sizeof double_formats / sizeof double_formats[0]; ++f) {
            int is_random = !strcmp(double_sets[s].name, "random");
            double ns = median_of_runs(double_formats[f], 0, is_random ? random_double : &double_sets[s].value,
                                       is_random ? random_count : 1);
            printf("%-14s %-7s %10.0f\n", double_sets[s].name, double_formats[f], ns);
        }
    return sink == 42;
}
