/* What the seeded _Float128 differential tools, compare_float128_functions.c
 * and compare_float128_error_gamma.c, share: the encodings, the random
 * arguments (splitmix64 from the seed given, so that a seed and a count give
 * the same calls in the glibc build and the lwp build, and the figures in
 * docs/libc.md can be made again), the line written per call, and the
 * "diff" mode that reads the two builds' outputs.
 *
 * A tool defines edge(), its edge values, and its table of struct function.
 * Each output line is: the function's name, the rounding mode (fenv.h's
 * value), the arguments x and y, the result (hexadecimal encodings, 32
 * digits), the flags raised (hexadecimal) and errno. */
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;

static u128 bits_of(_Float128 x) {
    u128 b;
    memcpy(&b, &x, sizeof b);
    return b;
}
static _Float128 from_bits(u128 b) {
    _Float128 x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static uint64_t state;
static uint64_t next_random(void) {  // splitmix64
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static int random_below(int n) { return (int)(next_random() % (uint64_t)n); }

/* A random significand with the biased exponent field given. */
static _Float128 with_exponent(int field, int negative) {
    u128 fraction = ((u128)next_random() << 64 | next_random()) & (((u128)1 << 112) - 1);
    switch (random_below(6)) {  // short significands: halfway and exact cases
    case 0: fraction &= ~(((u128)1 << 100) - 1); break;
    case 1: fraction &= ~(((u128)1 << 60) - 1); break;
    default: break;
    }
    return from_bits((u128)negative << 127 | (u128)field << 112 | fraction);
}

static _Float128 edge(void);

/* An argument: an edge value, one over the whole range, or one with an
 * exponent in [low, high] (biased fields). */
static _Float128 argument(int low, int high, int signs) {
    int pick = random_below(20);
    int negative = signs && (next_random() & 1);
    if (pick == 0) return edge();
    if (pick == 1) return with_exponent(random_below(0x7fff), negative);
    return with_exponent(low + random_below(high - low + 1), negative);
}

enum { one_argument, two_arguments };
struct function {
    const char* name;
    int kind;
    _Float128 (*one)(_Float128);
    _Float128 (*two)(_Float128, _Float128);
    int low, high, signs;  // the interesting exponents (biased) and whether negatives are
};

#define B 16383
static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};

static void print_case(const char* name, int mode, _Float128 x, _Float128 y, _Float128 r, int flags, int error) {
    u128 xb = bits_of(x), yb = bits_of(y), rb = bits_of(r);
    printf("%s %d %016llx%016llx %016llx%016llx %016llx%016llx %02x %d\n", name, mode,
           (unsigned long long)(xb >> 64), (unsigned long long)xb, (unsigned long long)(yb >> 64),
           (unsigned long long)yb, (unsigned long long)(rb >> 64), (unsigned long long)rb,
           flags & (FE_INEXACT | FE_UNDERFLOW | FE_OVERFLOW | FE_DIVBYZERO | FE_INVALID), error);
}

/* A position on one line of the binary128 values in order, NaNs apart. */
static __int128 ordered(u128 b) {
    __int128 magnitude = (__int128)(b & ~((u128)1 << 127));
    return (b >> 127) ? -magnitude : magnitude;
}
static int is_nan_bits(u128 b) { return (b & ~((u128)1 << 127)) > ((u128)0x7fff << 112); }

static u128 parse_hex(const char* text) {
    u128 v = 0;
    for (int i = 0; i < 32; ++i) {
        char c = text[i];
        v = v << 4 | (u128)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
}

struct tally {
    long compared, identical, one_ulp, more, flags, errnos, signs;
    double worst;
};

/* Counts per function the identical results, the ulp distances of the
 * others, and the cases whose flags or errno differ, writing each such case
 * to stderr. With y_is_sign, y is not an argument but the sign of Gamma the
 * call gave (lgamma), counted as a difference of its own. */
static int diff(const char* glibc_path, const char* lwp_path, const struct function* functions, int function_count,
                int y_is_sign) {
    FILE* a = fopen(glibc_path, "r");
    FILE* b = fopen(lwp_path, "r");
    if (!a || !b || function_count > 32) return 2;
    static struct tally t[32];
    char la[256], lb[256];
    int shown = 0;
    while (fgets(la, sizeof la, a) && fgets(lb, sizeof lb, b)) {
        char name[16], xa[40], ya[40], ra[40], xb_[40], yb_[40], rb_[40];
        int mode, mode_b, fa, fb, ea, eb;
        sscanf(la, "%15s %d %39s %39s %39s %x %d", name, &mode, xa, ya, ra, &fa, &ea);
        sscanf(lb, "%*s %d %39s %39s %39s %x %d", &mode_b, xb_, yb_, rb_, &fb, &eb);
        int k = 0;
        while (k < function_count && strcmp(functions[k].name, name) != 0) ++k;
        if (k == function_count || strcmp(xa, xb_) != 0 || (!y_is_sign && strcmp(ya, yb_) != 0)) {
            fprintf(stderr, "outputs out of step\n");
            return 2;
        }
        struct tally* s = &t[k];
        ++s->compared;
        u128 va = parse_hex(ra), vb = parse_hex(rb_);
        int same = va == vb || (is_nan_bits(va) && is_nan_bits(vb));
        if (same) {
            ++s->identical;
        } else {
            __int128 d = ordered(va) - ordered(vb);
            if (d < 0) d = -d;
            if (is_nan_bits(va) || is_nan_bits(vb)) d = (__int128)1 << 120;
            if (d == 1) ++s->one_ulp;
            else ++s->more;
            if ((double)d > s->worst) s->worst = (double)d;
            if (d > 1 && shown < 100000) {
                ++shown;
                fprintf(stderr, "%s mode %d x %s y %s: glibc %s lwp %s\n", name, mode, xa, ya, ra, rb_);
            }
        }
        if (fa != fb) {
            ++s->flags;
            if (shown < 100000) {
                ++shown;
                fprintf(stderr, "%s mode %d x %s y %s: flags glibc %02x lwp %02x (results %s %s)\n", name, mode,
                        xa, ya, fa, fb, ra, rb_);
            }
        }
        if (y_is_sign && strcmp(ya, yb_) != 0) {
            ++s->signs;
            if (shown < 100000) {
                ++shown;
                fprintf(stderr, "%s mode %d x %s: sign glibc %s lwp %s\n", name, mode, xa, ya, yb_);
            }
        }
        if (ea != eb) {
            ++s->errnos;
            if (shown < 100000) {
                ++shown;
                fprintf(stderr, "%s mode %d x %s y %s: errno glibc %d lwp %d\n", name, mode, xa, ya, ea, eb);
            }
        }
    }
    int width = y_is_sign ? 8 : 7;
    printf("%-*s %9s %9s %8s %6s %8s %6s", width, "", "compared", "identical", "1 ulp", ">1 ulp", "flags", "errno");
    if (y_is_sign) printf(" %6s", "sign");
    printf(" %s\n", "largest");
    for (int k = 0; k < function_count; ++k) {
        struct tally* s = &t[k];
        printf("%-*s %9ld %9ld %8ld %6ld %8ld %6ld", width, functions[k].name, s->compared, s->identical,
               s->one_ulp, s->more, s->flags, s->errnos);
        if (y_is_sign) printf(" %6ld", s->signs);
        printf(" %.0f\n", s->worst);
    }
    return 0;
}

/* The command line both tools take. */
static int tool_main(int argc, char** argv, void (*run)(uint64_t seed, long count),
                     const struct function* functions, int function_count, int y_is_sign) {
    if (argc == 4 && strcmp(argv[1], "run") == 0) {
        run(strtoull(argv[2], 0, 10), strtol(argv[3], 0, 10));
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "diff") == 0)
        return diff(argv[2], argv[3], functions, function_count, y_is_sign);
    fprintf(stderr, "usage: %s run SEED COUNT | diff GLIBC LWP\n", argv[0]);
    return 2;
}
