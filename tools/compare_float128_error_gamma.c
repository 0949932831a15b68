/* Differential check of the error and gamma _Float128 functions (erff128,
 * erfcf128, lgammaf128, lgammaf128_r, tgammaf128), lwp against glibc 2.36:
 * build this file once with gcc (glibc's libm) and once with lwp-cc, run
 * both with the same seed and count, and let one of them compare the two
 * outputs:
 *   gcc -O1 -w tools/compare_float128_error_gamma.c -o /tmp/f128eg-glibc -lm
 *   build/bin/lwp-cc -O1 -w tools/compare_float128_error_gamma.c -o /tmp/f128eg-lwp
 *   /tmp/f128eg-glibc run 1 20000 > glibc.txt; /tmp/f128eg-lwp run 1 20000 > lwp.txt
 *   /tmp/f128eg-glibc diff glibc.txt lwp.txt
 * Each case is one function, its argument (random significands with
 * exponents over the range where the function is neither trivial nor
 * saturated, over the whole range, and edge values: zeros, subnormals, the
 * largest, infinities, NaNs, 1 and its neighbours, the ends of lwp's
 * methods and the underflow threshold) and one of the four rounding modes;
 * one line per case with the result's bits, the five exception flags and
 * errno; for lgamma_r the sign of Gamma stands in the second argument's
 * place, and for lgamma that of signgam. The comparison counts, per
 * function, the cases with identical bits, the ulp distances of the others,
 * and the cases whose flags, errno or sign differ. */
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
        0x3ffb000000000000ull, 0xbffb000000000000ull, 0x4002200000000000ull, // 1/16, -1/16, 9
        0xc002200000000000ull, 0x4002b00000000000ull, 0x4005ab9d00000000ull, // -9, 13.5, 106.9
        0x3f87000000000000ull, 0x3fc6000000000000ull, 0x3f8e000000000000ull, // 2^-120, 2^-57, 2^-113
        0xc000000000000000ull, 0xbffe000000000000ull, 0x4009b6e000000000ull, // -2, -1/2, 1755.5
        0xc009bbc000000000ull, 0x4000000000000000ull, 0xc000400000000000ull, // -1775, 2, -5/2
    };
    static const uint64_t low[] = {
        0, 0, 1, 0xffffffffffffffffull, 0, 0xffffffffffffffffull, 0xffffffffffffffffull, 0, 0,
        0, 0, 1, 0, 0, 0xffffffffffffffffull, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };
    int i = random_below((int)(sizeof high / sizeof high[0]));
    _Float128 x = from_bits((u128)high[i] << 64 | low[i]);
    return x;
}

static int lgamma_r_sign;
static _Float128 lgamma_r_call(_Float128 x) { return lgammaf128_r(x, &lgamma_r_sign); }

static const struct function functions[] = {
    {"erf", one_argument, erff128, 0, B - 130, B + 3, 1},
    {"erfc", one_argument, erfcf128, 0, B - 130, B + 6, 1},
    {"lgamma", one_argument, lgammaf128, 0, B - 130, B + 12, 1},
    {"lgamma_r", one_argument, lgamma_r_call, 0, B - 8, B + 7, 1},
    {"tgamma", one_argument, tgammaf128, 0, B - 130, B + 11, 1},
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
        if (f->one == lgamma_r_call) y = (_Float128)lgamma_r_sign;
        if (f->one == lgammaf128) y = (_Float128)signgam;
        print_case(f->name, mode, x, y, r, flags, error);
    }
}

int main(int argc, char** argv) {
    return tool_main(argc, argv, run, functions, function_count, 1);
}
