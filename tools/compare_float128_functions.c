/* Differential check of the exponential, logarithmic, power and hyperbolic
 * _Float128 functions, lwp against glibc 2.36: build this file once with gcc
 * (glibc's libm) and once with lwp-cc, run both with the same seed and
 * count, and let one of them compare the two outputs:
 *   gcc -O1 -w tools/compare_float128_functions.c -o /tmp/f128-glibc -lm
 *   build/bin/lwp-cc -O1 -w tools/compare_float128_functions.c -o /tmp/f128-lwp
 *   /tmp/f128-glibc run 1 20000 > glibc.txt; /tmp/f128-lwp run 1 20000 > lwp.txt
 *   /tmp/f128-glibc diff glibc.txt lwp.txt
 * Each case is one function, its arguments (random significands with
 * exponents over the range where the function is neither trivial nor
 * saturated, over the whole range, and edge values: zeros, subnormals, the
 * largest, infinities, NaNs, 1 and its neighbours, the overflow and underflow
 * thresholds) and one of the four rounding modes; one line per case with the
 * result's bits, the five exception flags and errno. The comparison counts,
 * per function, the cases with identical bits, the ulp distances of the
 * others, and the cases whose flags or errno differ. */
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <math.h>

#include "compare_float128_seeded.h"

static _Float128 edge(void) {
    static const uint64_t high[] = {
        0x0000000000000000ull, 0x8000000000000000ull,                        // +-0
        0x0000000000000000ull, 0x0000ffffffffffffull,                        // least, largest subnormal
        0x0001000000000000ull, 0x7ffeffffffffffffull, 0xfffeffffffffffffull, // least normal, +-largest
        0x7fff000000000000ull, 0xffff000000000000ull,                        // +-inf
        0x7fff800000000000ull, 0xffff800000000000ull, 0x7fff400000000000ull, // qNaN, -qNaN, sNaN
        0x3fff000000000000ull, 0xbfff000000000000ull, 0x3ffeffffffffffffull, // 1, -1, below 1
        0x400c62e42fefa39eull, 0xc00c654000000000ull,                        // exp's thresholds
        0x3fc6000000000000ull, 0x3f8e000000000000ull,                        // 2^-57, 2^-113
    };
    static const uint64_t low[] = {
        0, 0, 1, 0xffffffffffffffffull, 0, 0xffffffffffffffffull, 0xffffffffffffffffull, 0, 0,
        0, 0, 1, 0, 0, 0xffffffffffffffffull, 0xf35793c7673007e5ull, 0, 0, 0,
    };
    int i = random_below((int)(sizeof high / sizeof high[0]));
    _Float128 x = from_bits((u128)high[i] << 64 | low[i]);
    return x;
}

static const struct function functions[] = {
    {"exp", one_argument, expf128, 0, B - 120, B + 13, 1},
    {"expm1", one_argument, expm1f128, 0, B - 120, B + 13, 1},
    {"log", one_argument, logf128, 0, 1, 0x7ffe, 0},
    {"log1p", one_argument, log1pf128, 0, B - 120, B + 20, 1},
    {"exp2", one_argument, exp2f128, 0, B - 120, B + 14, 1},
    {"log2", one_argument, log2f128, 0, 1, 0x7ffe, 0},
    {"exp10", one_argument, exp10f128, 0, B - 120, B + 12, 1},
    {"log10", one_argument, log10f128, 0, 1, 0x7ffe, 0},
    {"pow", two_arguments, 0, powf128, B - 10, B + 10, 1},
    {"cbrt", one_argument, cbrtf128, 0, 0, 0x7ffe, 1},
    {"hypot", two_arguments, 0, hypotf128, 0, 0x7ffe, 1},
    {"sinh", one_argument, sinhf128, 0, B - 60, B + 13, 1},
    {"cosh", one_argument, coshf128, 0, B - 60, B + 13, 1},
    {"tanh", one_argument, tanhf128, 0, B - 60, B + 6, 1},
    {"asinh", one_argument, asinhf128, 0, B - 60, B + 130, 1},
    {"acosh", one_argument, acoshf128, 0, B, B + 130, 0},
    {"atanh", one_argument, atanhf128, 0, B - 60, B - 1, 1},
};
enum { function_count = sizeof functions / sizeof functions[0] };

static void run(uint64_t seed, long count) {
    state = seed;
    for (long i = 0; i < count; ++i) {
        const struct function* f = &functions[i % function_count];
        int mode = modes[(i / function_count) % 4];
        _Float128 x = argument(f->low, f->high, f->signs);
        _Float128 y = 0;
        if (f->kind == two_arguments) {
            if (f->two == powf128) {
                // y: small integers, halves, or random over a range that
                // keeps x^y mostly finite.
                int which = random_below(4);
                if (which == 0) y = (_Float128)(random_below(81) - 40);
                else if (which == 1) y = (_Float128)(random_below(81) - 40) / 2;
                else y = argument(B - 40, B + 14, 1);
                if (random_below(4) == 0) x = (_Float128)(random_below(40) - 20);
            } else {
                // hypot: the second near the first, or anywhere.
                int field = (int)((bits_of(x) >> 112) & 0x7fff);
                int near = field + random_below(240) - 120;
                y = random_below(3) == 0 || near < 0 || near > 0x7ffe
                        ? argument(f->low, f->high, 1)
                        : with_exponent(near, (int)(next_random() & 1));
            }
        }
        fesetround(mode);
        feclearexcept(FE_ALL_EXCEPT);
        errno = 0;
        _Float128 r = f->kind == one_argument ? f->one(x) : f->two(x, y);
        int flags = fetestexcept(FE_ALL_EXCEPT);
        int error = errno;
        fesetround(FE_TONEAREST);
        print_case(f->name, mode, x, y, r, flags, error);
    }
}

int main(int argc, char** argv) {
    return tool_main(argc, argv, run, functions, function_count, 0);
}
