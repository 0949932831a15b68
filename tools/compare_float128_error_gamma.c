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

static int lgamma_r_sign;
static _Float128 lgamma_r_call(_Float128 x) { return lgammaf128_r(x, &lgamma_r_sign); }

#define B 16383
static const struct function functions[] = {
    {"erf", one_argument, erff128, 0, B - 130, B + 3, 1},
    {"erfc", one_argument, erfcf128, 0, B - 130, B + 6, 1},
    {"lgamma", one_argument, lgammaf128, 0, B - 130, B + 12, 1},
    {"lgamma_r", one_argument, lgamma_r_call, 0, B - 8, B + 7, 1},
    {"tgamma", one_argument, tgammaf128, 0, B - 130, B + 11, 1},
};
enum { function_count = sizeof functions / sizeof functions[0] };
static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};

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
        u128 xb = bits_of(x), yb = bits_of(y), rb = bits_of(r);
        printf("%s %d %016llx%016llx %016llx%016llx %016llx%016llx %02x %d\n", f->name, mode,
               (unsigned long long)(xb >> 64), (unsigned long long)xb, (unsigned long long)(yb >> 64),
               (unsigned long long)yb, (unsigned long long)(rb >> 64), (unsigned long long)rb,
               flags & (FE_INEXACT | FE_UNDERFLOW | FE_OVERFLOW | FE_DIVBYZERO | FE_INVALID), error);
    }
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

static int diff(const char* glibc_path, const char* lwp_path) {
    FILE* a = fopen(glibc_path, "r");
    FILE* b = fopen(lwp_path, "r");
    if (!a || !b) return 2;
    static struct tally t[function_count];
    char la[256], lb[256];
    int shown = 0;
    while (fgets(la, sizeof la, a) && fgets(lb, sizeof lb, b)) {
        char name[16], xa[40], ya[40], ra[40], xb_[40], yb_[40], rb_[40];
        int mode, mode_b, fa, fb, ea, eb;
        sscanf(la, "%15s %d %39s %39s %39s %x %d", name, &mode, xa, ya, ra, &fa, &ea);
        sscanf(lb, "%*s %d %39s %39s %39s %x %d", &mode_b, xb_, yb_, rb_, &fb, &eb);
        int k = 0;
        while (k < function_count && strcmp(functions[k].name, name) != 0) ++k;
        if (k == function_count || strcmp(xa, xb_) != 0) {
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
        if (strcmp(ya, yb_) != 0) {
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
    printf("%-8s %9s %9s %8s %6s %8s %6s %6s %s\n", "", "compared", "identical", "1 ulp", ">1 ulp", "flags", "errno",
           "sign", "largest");
    for (int k = 0; k < function_count; ++k) {
        struct tally* s = &t[k];
        printf("%-8s %9ld %9ld %8ld %6ld %8ld %6ld %6ld %.0f\n", functions[k].name, s->compared, s->identical,
               s->one_ulp, s->more, s->flags, s->errnos, s->signs, s->worst);
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "run") == 0) {
        run(strtoull(argv[2], 0, 10), strtol(argv[3], 0, 10));
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "diff") == 0) return diff(argv[2], argv[3]);
    fprintf(stderr, "usage: %s run SEED COUNT | diff GLIBC LWP\n", argv[0]);
    return 2;
}
