/* What the _Float128 differential tools compare_float128_trigonometric.c,
 * compare_float128_bessel.c, compare_float128_complex.c and
 * compare_float128_complex_inverse.c share: the encodings, the random
 * arguments (one xorshift64* sequence from a fixed start, so that a count
 * gives the same calls in the glibc build and the lwp build, and the figures
 * in docs/libc.md can be made again), the rounding modes, and the "compare"
 * mode that reads the two builds' outputs.
 *
 * Each output line is: the function's name, the mode's letter, the
 * arguments, the results (hexadecimal encodings, 32 digits), the flags
 * raised (hexadecimal) and errno, separated by single spaces. */
#include <errno.h>
#include <fenv.h>
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
static inline F random_uniform(F limit) {
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

/* Around each call: the rounding mode set, the flags and errno cleared. */
static void start_call(int mode) {
    fesetround(modes[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}

/* Right after the call: the line for a call of two parts and a result of
 * two parts (the second 0 for a real one), with the flags and errno the
 * call left; the rounding mode back to nearest. */
static void finish_call(const char* name, int mode, F x, F y, F r1, F r2) {
    int raised = fetestexcept(FE_ALL_EXCEPT);
    int error = errno;
    fesetround(FE_TONEAREST);
    printf("%s %s", name, mode_names[mode]);
    put_hex(x);
    put_hex(y);
    put_hex(r1);
    put_hex(r2);
    printf(" %02x %d\n", raised, error);
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

/* How a tool's lines read and which differences it shows. */
struct output_layout {
    const char* const* names;  /* the functions, as the lines name them */
    int functions;             /* at most 16 */
    int arguments;             /* the fields between the mode and the results */
    int results;               /* 1 or 2 */
    int show_distant_results;  /* show lines more than one ulp apart, not only flag and errno differences */
    int shown_per_function;    /* 0: 40 lines shown in all */
};

/* The fields of a line, in place: at most 12. */
static int split_fields(char* line, char** fields) {
    int count = 0;
    for (char* field = strtok(line, " \n"); field && count < 12; field = strtok(NULL, " \n"))
        fields[count++] = field;
    return count;
}

/* Counts per function and mode the identical results, the ulp distances of
 * the others (the larger of the two parts' for a complex result), and the
 * lines whose flags or errno differ; first shows some of the lines that
 * differ. */
static int compare_outputs(const char* first, const char* second, const struct output_layout* layout) {
    FILE* a = fopen(first, "r");
    FILE* b = fopen(second, "r");
    if (!a || !b || layout->functions > 16) return 2;
    static struct tally tallies[16][4];
    static long shown_of[16];
    long shown = 0;
    const int fields_wanted = 2 + layout->arguments + layout->results + 2;
    char la[512], lb[512], ca[512], cb[512];
    while (fgets(la, sizeof la, a) && fgets(lb, sizeof lb, b)) {
        char *fa_[12], *fb_[12];
        memcpy(ca, la, sizeof ca);
        memcpy(cb, lb, sizeof cb);
        if (split_fields(ca, fa_) != fields_wanted || split_fields(cb, fb_) != fields_wanted) return 2;
        int function = 0;
        while (function < layout->functions && strcmp(layout->names[function], fa_[0]) != 0) ++function;
        if (function == layout->functions) return 2;
        int m = (int)(strchr("NUDZ", fa_[1][0]) - "NUDZ");
        struct tally* t = &tallies[function][m];
        unsigned long long d = 0;
        for (int r = 0; r < layout->results; ++r) {
            int i = 2 + layout->arguments + r;
            unsigned long long dr = distance(parse_hex(fa_[i]), parse_hex(fb_[i]));
            if (dr > d) d = dr;
        }
        unsigned flags_a = (unsigned)strtoul(fa_[fields_wanted - 2], 0, 16);
        unsigned flags_b = (unsigned)strtoul(fb_[fields_wanted - 2], 0, 16);
        int errno_a = atoi(fa_[fields_wanted - 1]), errno_b = atoi(fb_[fields_wanted - 1]);
        t->cases++;
        if (d == 0) t->identical++;
        else if (d == 1) t->one_ulp++;
        else if (d == 2) t->two_ulp++;
        else t->more++;
        if (d > t->worst) t->worst = d;
        if (flags_a != flags_b) t->flags++;
        if (errno_a != errno_b) t->errnos++;
        if ((layout->show_distant_results && d > 1) || flags_a != flags_b || errno_a != errno_b) {
            long* count = layout->shown_per_function ? &shown_of[function] : &shown;
            if ((*count)++ < (layout->shown_per_function ? layout->shown_per_function : 40))
                printf("differs: %s   lwp: %s", la, lb);
        }
    }
    printf("function mode cases identical 1ulp 2ulp more worst flags errno\n");
    for (int function = 0; function < layout->functions; ++function) {
        for (int m = 0; m < 4; ++m) {
            struct tally* t = &tallies[function][m];
            if (t->cases == 0) continue;
            printf("%-7s %s %6ld %6ld %5ld %4ld %4ld %5llu %5ld %5ld\n", layout->names[function], mode_names[m],
                   t->cases, t->identical, t->one_ulp, t->two_ulp, t->more, t->worst, t->flags, t->errnos);
        }
    }
    return 0;
}
