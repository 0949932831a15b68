/* Differential check of the _Float128 Bessel functions (j0f128, j1f128,
 * y0f128, y1f128, jnf128, ynf128), lwp against glibc: build this file once
 * with gcc (glibc) and once with lwp-cc, run both with the same count, and
 * compare the two outputs with the glibc build's "compare" mode, which
 * counts per function and rounding mode the identical results, the ulp
 * distances of the others, and the cases whose flags or errno differ:
 *   gcc -O1 tools/compare_float128_bessel.c -lm -o /tmp/f128bessel-glibc
 *   build/bin/lwp-cc -O1 tools/compare_float128_bessel.c -lm -o /tmp/f128bessel-lwp
 *   /tmp/f128bessel-glibc 2000 > glibc.txt; /tmp/f128bessel-lwp 2000 > lwp.txt
 *   /tmp/f128bessel-glibc compare glibc.txt lwp.txt
 * glibc's binary128 Bessel functions are not correctly rounded (its own
 * tolerances are 2 to 9 ulps) and are far off near the zeros of the
 * functions, where lwp's keep their relative precision: the distances
 * there say how far glibc's are, not lwp's (check those with mpmath).
 * Each function gets the count of random arguments in each of the four
 * rounding modes (magnitudes with exponents spread over [2^-20, 2^7), the
 * whole range, and the tiny ones; arguments next to the first zeros of
 * each function; for jn and yn orders in [-60, 60], and some up to 1000),
 * then fixed edge arguments: zeros, the tiniest values, subnormals,
 * infinities, NaNs, the largest values, with orders -3 to 3 and 100. One
 * line per call: the function, the mode, the order, the argument, the
 * result (hex encoding), the flags raised and errno. */
#define _GNU_SOURCE
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

/* x moved by k encodings (the same sign kept). */
static F neighbour(F x, int k) { return from_bits(bits_of(x) + (u128)(__int128)k); }

static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char* const mode_names[4] = {"N", "U", "D", "Z"};

static void put_hex(F x) {
    u128 b = bits_of(x);
    printf(" %016llx%016llx", (unsigned long long)(b >> 64), (unsigned long long)b);
}

enum { J0, J1, Y0, Y1, JN, YN, FUNCTIONS };
static const char* const names[FUNCTIONS] = {"j0", "j1", "y0", "y1", "jn", "yn"};

static void call(int function, int mode, int n, F x) {
    volatile F vx = x;
    volatile int vn = n;
    F r = 0;
    fesetround(modes[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
    switch (function) {
    case J0: r = j0f128(vx); break;
    case J1: r = j1f128(vx); break;
    case Y0: r = y0f128(vx); break;
    case Y1: r = y1f128(vx); break;
    case JN: r = jnf128(vn, vx); break;
    case YN: r = ynf128(vn, vx); break;
    }
    int raised = fetestexcept(FE_ALL_EXCEPT);
    int error = errno;
    fesetround(FE_TONEAREST);
    printf("%s %s %d", names[function], mode_names[mode], n);
    put_hex(x);
    put_hex(r);
    printf(" %02x %d\n", raised, error);
}

static void call_all_modes(int function, int n, F x) {
    for (int mode = 0; mode < 4; ++mode) call(function, mode, n, x);
}

/* Approximate first zeros of J0, J1, Y0, Y1 (and of orders 2 to 5). */
static const double zeros[] = {
    2.404825557695773, 5.520078110286311, 8.653727912911013, 30.63460646843198, 3.831705970207512,
    7.015586669815619, 10.17346813506272, 0.8935769662791675, 3.957678419314858, 7.086051060301773,
    2.197141326031017, 5.429681040794135, 8.596005868331169, 5.135622301840683, 6.380161895923984,
    3.384241767149593, 6.747183824057430, 100.2, 1000.5,
};

static F random_argument(unsigned i) {
    switch (i % 5) {
    case 0: return random_spread(-20, 7);
    case 1: return random_spread(-16382, 16383);
    case 2: return random_spread(-200, -20);
    case 3: return random_spread(7, 120);
    default: {  /* next to a zero: within 2^-40 of the double near it */
        F z = zeros[next_random() % (sizeof zeros / sizeof zeros[0])];
        return neighbour(z, (int)(next_random() % 2000001) - 1000000) + (F)(int)(next_random() % 3 - 1) * 0x1p-40f128;
    }
    }
}

static int run(unsigned count) {
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (unsigned i = 0; i < count; ++i) {
            F x = random_argument(i);
            int n = 0;
            if (function == JN || function == YN) n = i % 10 == 0 ? (int)(next_random() % 2001) - 1000 : (int)(next_random() % 121) - 60;
            if (function == Y0 || function == Y1 || function == YN) {
                if (x < 0) x = -x;
            }
            call_all_modes(function, n, x);
        }
    }
    /* The edges. */
    const F edges[] = {
        0.0f128, -0.0f128, __builtin_inff128(), -__builtin_inff128(), __builtin_nanf128(""),
        -__builtin_nanf128("0x1234"), __builtin_nansf128(""), from_bits(1), -from_bits(1),
        from_bits(((u128)1 << 112) - 1), from_bits((u128)1 << 112), 0x1p-57f128, neighbour(0x1p-57f128, -1),
        0x1p-58f128, -0x1p-58f128, 0x1p-114f128, neighbour(0x1p-114f128, 1), 0x1p-120f128, -0x1p-200f128,
        0x1p-16383f128, 0x1p-16385f128, 0x1.45f306dc9c882a53f84eafa3ea6ap-16384f128, 0x1p-8200f128, 1.0f128,
        -1.0f128, 2.0f128, -2.0f128, 84.0f128, neighbour(84.0f128, -1), 0x1p120f128, 0x1p302f128, 0x1p1000f128,
        0x1p16383f128, __FLT128_MAX__, -__FLT128_MAX__, 1e22f128, 1e4000f128, -1e300f128,
    };
    const int orders[] = {-3, -2, -1, 0, 1, 2, 3, 100, -101};
    const int edge_count = (int)(sizeof edges / sizeof edges[0]);
    for (int function = 0; function < FUNCTIONS; ++function) {
        for (int i = 0; i < edge_count; ++i) {
            if (function != JN && function != YN) {
                call_all_modes(function, 0, edges[i]);
                continue;
            }
            for (unsigned k = 0; k < sizeof orders / sizeof orders[0]; ++k) call_all_modes(function, orders[k], edges[i]);
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
        char fname[16], mode[4], x[40], a1[40], b1[40];
        unsigned fa, fb;
        int n, ea, eb;
        if (sscanf(la, "%15s %3s %d %39s %39s %x %d", fname, mode, &n, x, a1, &fa, &ea) != 7) return 2;
        if (sscanf(lb, "%*s %*s %*d %*s %39s %x %d", b1, &fb, &eb) != 3) return 2;
        int function = 0;
        while (function < FUNCTIONS && strcmp(names[function], fname) != 0) ++function;
        int m = (int)(strchr("NUDZ", mode[0]) - "NUDZ");
        struct tally* t = &tallies[function][m];
        unsigned long long d = distance(parse_hex(a1), parse_hex(b1));
        t->cases++;
        if (d == 0) t->identical++;
        else if (d == 1) t->one_ulp++;
        else if (d == 2) t->two_ulp++;
        else t->more++;
        if (d > t->worst) t->worst = d;
        if (fa != fb) t->flags++;
        if (ea != eb) t->errnos++;
        if ((fa != fb || ea != eb) && shown++ < 40) printf("differs: %s   lwp: %s", la, lb);
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
