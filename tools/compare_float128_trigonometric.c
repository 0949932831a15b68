/* Differential check of the _Float128 trigonometric functions (sinf128,
 * cosf128, sincosf128, tanf128, atanf128, atan2f128, asinf128, acosf128),
 * lwp against glibc: build this file once with gcc (glibc) and once with
 * lwp-cc, run both with the same count, and compare the two outputs with
 * the glibc build's "compare" mode, which counts per function and rounding
 * mode the identical results, the ulp distances of the others, and the
 * cases whose flags or errno differ:
 *   gcc -O1 tools/compare_float128_trigonometric.c -lm -o /tmp/f128trig-glibc
 *   build/tools/lwp-cc -O1 tools/compare_float128_trigonometric.c -lm -o /tmp/f128trig-lwp
 *   /tmp/f128trig-glibc 5000 > glibc.txt; /tmp/f128trig-lwp 5000 > lwp.txt
 *   /tmp/f128trig-glibc compare glibc.txt lwp.txt
 * Each function gets the count of random arguments in each of the four
 * rounding modes (magnitudes spread evenly over the exponents of its range:
 * up to 2^16383 for sin, cos and tan, whose huge arguments test the exact
 * reduction; uniform ones in [-2pi, 2pi] and [-1, 1]; arguments next to
 * multiples of pi/2 and to 1), then fixed edge arguments: zeros, the
 * tiniest values, subnormals, infinities, NaNs (quiet and signalling), the
 * largest values, +-1 and their neighbours, and the special pairs of
 * atan2. One line per call: the function, the mode, the arguments, the
 * results (hex encodings), the flags raised and errno. */
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <math.h>

#include "compare_float128_common.h"

enum { SIN, COS, SINCOS, TAN, ATAN, ATAN2, ASIN, ACOS, FUNCTIONS };
static const char* const names[FUNCTIONS] = {"sin", "cos", "sincos", "tan", "atan", "atan2", "asin", "acos"};

static void call(int function, int mode, F x, F y) {
    volatile F vx = x, vy = y;
    F r1 = 0, r2 = 0;
    start_call(mode);
    switch (function) {
    case SIN: r1 = sinf128(vx); break;
    case COS: r1 = cosf128(vx); break;
    case SINCOS: sincosf128(vx, &r1, &r2); break;
    case TAN: r1 = tanf128(vx); break;
    case ATAN: r1 = atanf128(vx); break;
    case ATAN2: r1 = atan2f128(vy, vx); break;
    case ASIN: r1 = asinf128(vx); break;
    case ACOS: r1 = acosf128(vx); break;
    }
    finish_call(names[function], mode, x, function == ATAN2 ? y : 0, r1, r2);
}

static void call_all_modes(int function, F x, F y) {
    for (int mode = 0; mode < 4; ++mode) call(function, mode, x, y);
}

static F random_argument(int function, unsigned i) {
    static const F half_pi = 0x1.921fb54442d18469898cc51701b8p+0f128;
    switch (function) {
    case SIN: case COS: case SINCOS: case TAN:
        switch (i % 4) {
        case 0: return random_spread(-60, 16383);
        case 1: return random_uniform(4 * half_pi);
        case 2: return random_spread(-60, 120);
        default: {  /* next to k pi/2 */
            F k = (F)(next_random() % 2000000 + 1);
            return neighbour(k * half_pi, (int)(next_random() % 9) - 4);
        }
        }
    case ATAN:
        return i % 2 ? random_spread(-60, 130) : random_spread(-16382, 16383);
    case ASIN: case ACOS:
        switch (i % 3) {
        case 0: return random_uniform(1);
        case 1: return random_spread(-70, 0);
        default: return neighbour(1 - 0x1p-30f128 * (F)(next_random() % 1000000), (int)(next_random() % 9) - 4);
        }
    }
    return 0;
}

static int run(unsigned count) {
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (unsigned i = 0; i < count; ++i) {
            F x, y = 0;
            if (function == ATAN2) {
                x = random_spread(-140, 140);
                y = i % 4 == 0 ? random_spread(-16382, 16383) : x * random_spread(-130, 130);
                if (i % 4 == 1) x = random_spread(-16382, 16383);
            } else {
                x = random_argument(function, i);
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
            if (function != ATAN2) {
                call_all_modes(function, edges[i], 0);
                continue;
            }
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
