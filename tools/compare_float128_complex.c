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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef _Float128 F;
typedef unsigned __int128 u128;

static u128 bits_of(F x) {
    u128 b;
    memcpy(&b, &x, sizeof b);
    return b;
}
static F from_bits(u128 b) {
    F x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static uint64_t state = 0x9e3779b97f4a7c15u;
static uint64_t next_random(void) { /* xorshift64* */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1du;
}

/* A random value with magnitude in [2^low, 2^high), its exponent uniform,
 * its significand random, the sign random. */
static F random_spread(int low, int high) {
    int exponent = low + (int)(next_random() % (uint64_t)(high - low));
    u128 fraction = ((u128)next_random() << 64 | next_random()) & (((u128)1 << 112) - 1);
    u128 b = (u128)(exponent + 16383) << 112 | fraction;
    if (next_random() & 1) b |= (u128)1 << 127;
    return from_bits(b);
}

/* Uniform in [-limit, limit]. */
static F random_uniform(F limit) {
    F unit = (F)(next_random() >> 11) * 0x1p-53f128 + (F)(next_random() >> 11) * 0x1p-106f128;
    return (2 * unit - 1) * limit;
}

/* x moved by k encodings (the same sign kept). */
static F neighbour(F x, int k) { return from_bits(bits_of(x) + (u128)(__int128)k); }

static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char* const mode_names[4] = {"N", "U", "D", "Z"};

static void put_hex(F x) {
    u128 b = bits_of(x);
    printf(" %016llx%016llx", (unsigned long long)(b >> 64), (unsigned long long)b);
}

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
    fesetround(modes[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
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
    int raised = fetestexcept(FE_ALL_EXCEPT);
    int error = errno;
    fesetround(FE_TONEAREST);
    printf("%s %s", names[function], mode_names[mode]);
    put_hex(x);
    put_hex(y);
    put_hex(r1);
    put_hex(r2);
    printf(" %02x %d\n", raised, error);
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

/* compare: read two outputs line by line. */
struct tally {
    long cases, identical, one_ulp, two_ulp, more, flags, errnos;
    unsigned long long worst;
};

static u128 parse_hex(const char* text) {
    u128 v = 0;
    for (int i = 0; i < 32; ++i) {
        char c = text[i];
        v = v << 4 | (u128)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
}

/* The distance in encodings between two results, counting across zero;
 * NaNs equal only if identical. */
static unsigned long long distance(u128 a, u128 b) {
    if (a == b) return 0;
    __int128 ordered_a = (a >> 127) ? -(__int128)(a & ~((u128)1 << 127)) : (__int128)a;
    __int128 ordered_b = (b >> 127) ? -(__int128)(b & ~((u128)1 << 127)) : (__int128)b;
    F fa = from_bits(a), fb = from_bits(b);
    if (fa != fa || fb != fb) return ~0ull;
    __int128 d = ordered_a - ordered_b;
    if (d < 0) d = -d;
    return d > (__int128)~0ull ? ~0ull : (unsigned long long)d;
}

static int compare(const char* first, const char* second) {
    FILE* a = fopen(first, "r");
    FILE* b = fopen(second, "r");
    if (!a || !b) return 2;
    static struct tally tallies[FUNCTIONS][4];
    char la[512], lb[512];
    long shown = 0;
    while (fgets(la, sizeof la, a) && fgets(lb, sizeof lb, b)) {
        char fname[16], mode[4], x[40], y[40], a1[40], a2[40], b1[40], b2[40];
        unsigned fa, fb;
        int ea, eb;
        if (sscanf(la, "%15s %3s %39s %39s %39s %39s %x %d", fname, mode, x, y, a1, a2, &fa, &ea) != 8) return 2;
        if (sscanf(lb, "%*s %*s %*s %*s %39s %39s %x %d", b1, b2, &fb, &eb) != 4) return 2;
        int function = 0;
        while (function < FUNCTIONS && strcmp(names[function], fname) != 0) ++function;
        int m = (int)(strchr("NUDZ", mode[0]) - "NUDZ");
        struct tally* t = &tallies[function][m];
        unsigned long long d1 = distance(parse_hex(a1), parse_hex(b1));
        unsigned long long d2 = distance(parse_hex(a2), parse_hex(b2));
        unsigned long long d = d1 > d2 ? d1 : d2;
        t->cases++;
        if (d == 0) t->identical++;
        else if (d == 1) t->one_ulp++;
        else if (d == 2) t->two_ulp++;
        else t->more++;
        if (d > t->worst) t->worst = d;
        if (fa != fb) t->flags++;
        if (ea != eb) t->errnos++;
        if ((d > 1 || fa != fb || ea != eb) && shown++ < 40) printf("differs: %s   lwp: %s", la, lb);
    }
    printf("function mode cases identical 1ulp 2ulp more worst flags errno\n");
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (int m = 0; m < 4; ++m) {
            struct tally* t = &tallies[function][m];
            if (t->cases == 0) continue;
            printf("%-7s %s %6ld %6ld %5ld %4ld %4ld %5llu %5ld %5ld\n", names[function], mode_names[m], t->cases,
                   t->identical, t->one_ulp, t->two_ulp, t->more, t->worst, t->flags, t->errnos);
        }
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "compare") == 0) return compare(argv[2], argv[3]);
    return run(argc > 1 ? (unsigned)strtoul(argv[1], 0, 10) : 1000);
}
