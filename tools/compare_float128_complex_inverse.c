/* Differential check of the inverse _Float128 complex functions and cpow
 * (casinhf128, casinf128, cacoshf128, cacosf128, catanhf128, catanf128,
 * cpowf128), lwp against glibc: build this file once with gcc (glibc) and
 * once with lwp-cc, run both with the same count, and compare the two
 * outputs with the glibc build's "compare" mode, which counts per function
 * and rounding mode the identical results, the ulp distances of the others
 * (the larger of the two parts'), and the cases whose flags or errno differ:
 *   gcc -O1 tools/compare_float128_complex_inverse.c -lm -o /tmp/f128cinv-glibc
 *   build/tools/lwp-cc -O1 tools/compare_float128_complex_inverse.c -lm -o /tmp/f128cinv-lwp
 *   /tmp/f128cinv-glibc 20000 > glibc.txt; /tmp/f128cinv-lwp 20000 > lwp.txt
 *   /tmp/f128cinv-glibc compare glibc.txt lwp.txt
 * Each function gets the count of random arguments z = x + iy in each of
 * the four rounding modes (parts of independent magnitudes over the whole
 * exponent range, parts of nearby magnitudes, parts near the unit circle,
 * small parts beside parts near +-1), then every pair of fixed edge parts:
 * zeros, the tiniest values, subnormals, infinities, NaNs (quiet and
 * signalling), the largest values, +-1 and their neighbours. cpowf128 takes
 * z so and an exponent w of moderate parts (random, or 0.5 + 1.25i and
 * -2 - 0i for the edges). One line per call: the function, the mode, the
 * two parts of z, the two parts of the result (hex encodings), the flags
 * raised and errno. */
#define _GNU_SOURCE
#include <complex.h>
#include <errno.h>
#include <fenv.h>
#include <math.h>

#include "compare_float128_common.h"

enum { CASINH, CASIN, CACOSH, CACOS, CATANH, CATAN, CPOW, FUNCTIONS };
static const char* const names[FUNCTIONS] = {"casinh", "casin", "cacosh", "cacos", "catanh", "catan", "cpow"};

/* The exponent of cpowf128's next calls. */
static _Complex _Float128 power;

static void call(int function, int mode, F x, F y) {
    volatile F vx = x, vy = y;
    _Complex _Float128 z;
    __real__ z = vx;
    __imag__ z = vy;
    _Complex _Float128 w;
    start_call(mode);
    switch (function) {
    case CASINH: w = casinhf128(z); break;
    case CASIN: w = casinf128(z); break;
    case CACOSH: w = cacoshf128(z); break;
    case CACOS: w = cacosf128(z); break;
    case CATANH: w = catanhf128(z); break;
    case CATAN: w = catanf128(z); break;
    default: w = cpowf128(z, power); break;
    }
    F r1 = __real__ w, r2 = __imag__ w;
    finish_call(names[function], mode, x, y, r1, r2);
}

static void call_all_modes(int function, F x, F y) {
    for (int mode = 0; mode < 4; ++mode) call(function, mode, x, y);
}

static int run(unsigned count) {
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (unsigned i = 0; i < count; ++i) {
            F x, y;
            switch (i % 4) {
            case 0:
                x = random_spread(-16382, 16383);
                y = random_spread(-16382, 16383);
                break;
            case 1:
                x = random_spread(-140, 140);
                y = x * random_spread(-130, 130);
                break;
            case 2: /* near the cuts' ends +-1 (+-i for the arcsine-like parts swapped) */
                x = (next_random() & 1 ? 1 : -1) + random_spread(-116, -1);
                y = random_spread(-16400, 2);
                if (next_random() & 1) { F t = x; x = y; y = t; }
                break;
            default: {  /* near the unit circle */
                x = random_uniform(1);
                F rest = 1 - x * x;
                y = neighbour(sqrtf128(rest > 0 ? rest : 0), (int)(next_random() % 9) - 4);
                break;
            }
            }
            if (function == CPOW) {
                __real__ power = random_spread(-20, 6);
                __imag__ power = i % 3 == 0 ? 0 : random_spread(-20, 6);
                if (i % 4 == 0) { /* |z| within range of a moderate power */
                    x = random_spread(-60, 60);
                    y = random_spread(-60, 60);
                }
            }
            call_all_modes(function, x, y);
        }
    }
    /* The edges. */
    const F edges[] = {
        0.0f128, -0.0f128, __builtin_inff128(), -__builtin_inff128(), __builtin_nanf128(""),
        -__builtin_nanf128("0x1234"), __builtin_nansf128(""), from_bits(1), -from_bits(1),
        from_bits(((u128)1 << 112) - 1), from_bits((u128)1 << 112), 0x1p-57f128, neighbour(0x1p-57f128, -1),
        0x1p-120f128, -0x1p-200f128, 1.0f128, -1.0f128, neighbour(1.0f128, -1), neighbour(-1.0f128, -1),
        neighbour(1.0f128, 1), 0.5f128, -0.5f128, 2.0f128, 0x1p120f128, 0x1p121f128, 0x1p1000f128, 0x1p16383f128,
        __FLT128_MAX__, -__FLT128_MAX__, 0x1.921fb54442d18469898cc51701b8p+0f128,
        0x1.921fb54442d18469898cc51701b8p-1f128, 0x1.921fb54442d18469898cc51701b8p+1f128, 3.0f128,
        10.0f128, 1e22f128, 1e300f128, 1e4000f128,
    };
    const int edge_count = (int)(sizeof edges / sizeof edges[0]);
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (int i = 0; i < edge_count; ++i) {
            for (int j = 0; j < edge_count; ++j) {
                __real__ power = (i + j) % 2 ? 0.5f128 : -2.0f128;
                __imag__ power = (i + j) % 2 ? 1.25f128 : -0.0f128;
                call_all_modes(function, edges[i], edges[j]);
            }
        }
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "compare") == 0) {
        const struct output_layout layout = {names, FUNCTIONS, 2, 2, 1, 12};
        return compare_outputs(argv[2], argv[3], &layout);
    }
    return run(argc > 1 ? (unsigned)strtoul(argv[1], 0, 10) : 1000);
}
