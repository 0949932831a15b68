/* Differential check of the _Float128 complex functions that compute
 * (cabsf128, cargf128, cexpf128, clogf128, clog10f128, csqrtf128, csinhf128,
 * ccoshf128, csinf128, ccosf128, ctanhf128, ctanf128), lwp against glibc: build this file once with gcc
 * (glibc) and once with lwp-cc, run both with the same count, and compare
 * the two outputs with the glibc build's "compare" mode, which counts per
 * function and rounding mode the identical results, the ulp distances of
 * the others (the larger of the two parts' for a complex result), and the
 * cases whose flags or errno differ:
 *   gcc -O1 tools/compare_float128_complex.c -lm -o /tmp/f128complex-glibc
 *   build/bin/lwp-cc -O1 tools/compare_float128_complex.c -lm -o /tmp/f128complex-lwp
 *   /tmp/f128complex-glibc 20000 > glibc.txt; /tmp/f128complex-lwp 20000 > lwp.txt
 *   /tmp/f128complex-glibc compare glibc.txt lwp.txt
 * Each function gets the count of random arguments z = x + iy in each of
 * the four rounding modes (parts of independent magnitudes over the whole
 * exponent range, parts of nearby magnitudes, parts near the unit circle,
 * for cexp real parts in [-12000, 12000] with imaginary ones small or anywhere,
 * for the hyperbolic functions real parts in [-60, 60] or [-12000, 12000]
 * (the imaginary parts for the circular ones) with the other small or anywhere),
 * then every pair of fixed edge parts: zeros, the tiniest values,
 * subnormals, infinities, NaNs (quiet and signalling), the largest values,
 * +-1 and their neighbours. One line per call: the function, the mode, the
 * two parts, the two parts of the result (the second 0 for a real one,
 * hex encodings), the flags raised and errno. */
#define _GNU_SOURCE
#include <complex.h>
#include <errno.h>
#include <fenv.h>
#include <math.h>

#include "compare_float128_common.h"

enum { CABS, CARG, CEXP, CLOG, CLOG10, CSQRT, CSINH, CCOSH, CSIN, CCOS, CTANH, CTAN, FUNCTIONS };
static const char* const names[FUNCTIONS] = {"cabs", "carg", "cexp", "clog", "clog10", "csqrt",
                                             "csinh", "ccosh", "csin", "ccos", "ctanh", "ctan"};
typedef _Complex _Float128 (*complex_function)(_Complex _Float128);
static const complex_function complex_functions[FUNCTIONS] = {
    0, 0, cexpf128, clogf128, clog10f128, csqrtf128, csinhf128, ccoshf128, csinf128, ccosf128, ctanhf128, ctanf128,
};

static void call(int function, int mode, F x, F y) {
    volatile F vx = x, vy = y;
    _Complex _Float128 z;
    __real__ z = vx;
    __imag__ z = vy;
    F r1 = 0, r2 = 0;
    start_call(mode);
    switch (function) {
    case CABS: r1 = cabsf128(z); break;
    case CARG: r1 = cargf128(z); break;
    default: {
        _Complex _Float128 w = complex_functions[function](z);
        r1 = __real__ w;
        r2 = __imag__ w;
        break;
    }
    }
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
            case 2:
                if (function == CEXP) { /* e^x in range, y anywhere or small */
                    x = random_uniform(12000);
                    y = i % 2 ? random_spread(-16382, 16383) : random_uniform(10);
                    break;
                }
                if (function >= CSINH) { /* the hyperbolic part moderate or large, the other small or anywhere */
                    F h = i % 8 < 4 ? random_uniform(60) : random_uniform(12000);
                    F other = i % 3 ? random_uniform(10) : random_spread(-16382, 16383);
                    int circular = function == CSIN || function == CCOS || function == CTAN;
                    x = circular ? other : h;
                    y = circular ? h : other;
                    break;
                }
                /* fall through */
            default: {  /* near the unit circle */
                x = random_uniform(1);
                F rest = 1 - x * x;
                y = neighbour(sqrtf128(rest > 0 ? rest : 0), (int)(next_random() % 9) - 4);
                break;
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
            for (int j = 0; j < edge_count; ++j) call_all_modes(function, edges[i], edges[j]);
        }
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "compare") == 0) {
        const struct output_layout layout = {names, FUNCTIONS, 2, 2, 1, 0};
        return compare_outputs(argv[2], argv[3], &layout);
    }
    return run(argc > 1 ? (unsigned)strtoul(argv[1], 0, 10) : 1000);
}
