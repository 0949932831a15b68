/* <math.h>'s exp10l and long double Bessel functions (j0l j1l jnl y0l y1l ynl,
 * and their _Float64x names) as a program uses them: known values
 * (correctly rounded, from mpmath), errno and special values as glibc 2.36's.
 * Inputs go through volatile variables so that the compiler calls the
 * library instead of folding the calls.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_long_double_bessel.c -lm */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"
#include "long_double_checks.h"

/* lwp's are within half an ulp and a hair; glibc's own long double Bessel
 * functions err by up to 3 ulps at these points (jnl(5, 2.5)), and by far
 * more near their zeros, which these points avoid. */
#ifdef CHECKING_AGAINST_GLIBC
#define KNOWN_VALUE_ULPS 4.0L
#else
#define KNOWN_VALUE_ULPS 1.0L
#endif

typedef long double (*unary_function)(long double);
typedef long double (*integer_order_function)(int, long double);

struct unary_case {
    const char* name;
    unary_function function;
    long double x;
    long double expected;
};

struct integer_order_case {
    char kind; /* 'j' or 'y' */
    int n;
    long double x;
    long double expected;
};

static const struct unary_case unary_cases[] = {
    {"j0l", j0l, 1.0L, 0xc3e3fedebdc77c1dp-64L},  /* 0.7651976865579665514497175 */
    {"j0l", j0l, 10.0L, -0xfbd695c4f0f29c19p-66L},  /* -0.2459357644513483351977609 */
    {"j0l", j0l, -2.5L, -0xc62e111967f9de88p-68L},  /* -0.04838377646819799632728778 */
    {"j0l", j0l, 100.0L, 0xa3b95dae0f7b895bp-69L},  /* 0.01998585030422312242422839 */
    {"j0l", j0l, 0x1p-20L, 0xffffffffffc00000p-64L},  /* 0.9999999999997726263245568 */
    {"j0l", j0l, 1e6L, 0xad8fd75735402ccep-75L},  /* 0.000331043013739873740987963 */
    {"j1l", j1l, 1.0L, 0xe14e4f74b863629bp-65L},  /* 0.4400505857449335159596822 */
    {"j1l", j1l, -2.5L, -0xfe831e423caff6e1p-65L},  /* -0.4970941024642740380108163 */
    {"j1l", j1l, 30.0L, -0xf333c1d26ddcbf4fp-67L},  /* -0.1187510626166229365202343 */
    {"j1l", j1l, 1e6L, -0xbe4ee966db4f0250p-74L},  /* -0.0007259683568137630418525234 */
    {"y0l", y0l, 1.0L, 0xb4c011379ac6f94fp-67L},  /* 0.08825696421567695798292677 */
    {"y0l", y0l, 0.5L, -0xe397f59dbdc50ee5p-65L},  /* -0.4445187335067065571483985 */
    {"y0l", y0l, 30.0L, -0xf038be9c6fd8e467p-67L},  /* -0.1172957316866640252512479 */
    {"y0l", y0l, 1e-10L, -0xebb862fbb05c0be5p-60L},  /* -14.73251627269724204267997 */
    {"y0l", y0l, 1e6L, -0xbe4eec3ed3db0a21p-74L},  /* -0.0007259685223351791656827217 */
    {"y1l", y1l, 1.0L, -0xc7fd903eb35ca24fp-64L},  /* -0.78121282130028871654715 */
    {"y1l", y1l, 3.0L, 0xa63bb9e8a823105cp-65L},  /* 0.3246744247917999784370128 */
    {"y1l", y1l, 75.0L, -0x903c547a2106fa15p-68L},  /* -0.0352137851605804856643924 */
    {"y1l", y1l, 0x1p-40L, -0xa2f9836e4e44152ap-24L},  /* -699970842190.2659479370781 */
    {"exp10l", exp10l, 0.5L, 0xca62c1d6d2da9490p-62L},  /* 3.162277660168379331998894 */
    {"exp10l", exp10l, -1.0L, 0xcccccccccccccccdp-67L},  /* 0.1 */
    {"exp10l", exp10l, 1.5L, 0xfcfb724c879139b4p-59L},  /* 31.62277660168379331998894 */
    {"exp10l", exp10l, -0.25L, 0x8ff599e0e1c0f08cp-64L},  /* 0.562341325190349080394951 */
    {"exp10l", exp10l, 100.5L, 0xe7530acd3f5535c3p270L},  /* 3.162277660168379331998894e+100 */
    {"exp10l", exp10l, -4940.5L, 8675183985 * 0x1p-16445L},  /* 3.162277660168379331998894e-4941 */
    {"exp10l", exp10l, 4931.75L, 0xf200cdd4a4c8e527p16319L},  /* 5.62341325190349080394951e+4931 */
};

static const struct integer_order_case integer_order_cases[] = {
    {'j', 2, 1.0L, 0xeb5284afd4df33f1p-67L},  /* 0.1149034849319004804696469 */
    {'j', 5, 2.5L, 0x9fc1df457d47999cp-69L},  /* 0.01950162513450321988647198 */
    {'j', -3, 1.5L, -0xf9b556062d9d90a2p-68L},  /* -0.06096395114113963064394956 */
    {'j', 3, -1.5L, -0xf9b556062d9d90a2p-68L},  /* -0.06096395114113963064394956 */
    {'j', 20, 10.0L, 0xc1298b5ce3b397f1p-80L},  /* 0.00001151336924781339778329528 */
    {'j', 10, 100.0L, -0xe02ed8dfa0b7d240p-68L},  /* -0.05473217693547201474191746 */
    {'j', 100, 1.0L, 0x9645b7d8b83987b5p-688L},  /* 8.431828789626708549235064e-189 */
    {'y', 2, 1.0L, -0xd34991522d0911e4p-63L},  /* -1.650682606816254391077227 */
    {'y', 5, 2.5L, -0xf5219a8546c22acep-62L},  /* -3.830176000740751862958906 */
    {'y', -3, 1.5L, 0x84b4e6fbf788e5c7p-62L},  /* 2.073541399060685784648526 */
    {'y', 20, 10.0L, -0xc7af7baf5dc8a207p-53L},  /* -1597.483848269625981047228 */
    {'y', 10, 100.0L, 0xeeed16bab6acb2a8p-68L},  /* 0.0583315742364149287538281 */
};

static void known_values(void) {
    for (size_t i = 0; i < sizeof unary_cases / sizeof unary_cases[0]; ++i) {
        const struct unary_case* c = &unary_cases[i];
        volatile long double x = c->x;
        long double result = c->function(x);
        if (!within_ulps(result, c->expected, KNOWN_VALUE_ULPS)) {
            fprintf(stderr, "%s(%La) = %La, expected %La\n", c->name, c->x, result, c->expected);
        }
        CHECK(within_ulps(result, c->expected, KNOWN_VALUE_ULPS));
    }
    for (size_t i = 0; i < sizeof integer_order_cases / sizeof integer_order_cases[0]; ++i) {
        const struct integer_order_case* c = &integer_order_cases[i];
        volatile long double x = c->x;
        long double result = c->kind == 'j' ? jnl(c->n, x) : ynl(c->n, x);
        if (!within_ulps(result, c->expected, KNOWN_VALUE_ULPS)) {
            fprintf(stderr, "%cnl(%d, %La) = %La, expected %La\n", c->kind, c->n, c->x, result, c->expected);
        }
        CHECK(within_ulps(result, c->expected, KNOWN_VALUE_ULPS));
    }
    /* Exact powers of ten are exact. */
    volatile long double three = 3.0L;
    volatile long double twenty_seven = 27.0L;
    CHECK(exp10l(three) == 1000.0L);
    CHECK(exp10l(twenty_seven) == 1e27L);
    /* The _Float64x names are the same functions. */
    volatile long double half = 0.5L;
    CHECK(exp10f64x(half) == exp10l(half));
    CHECK(j0f64x(half) == j0l(half));
    CHECK(j1f64x(half) == j1l(half));
    CHECK(y0f64x(half) == y0l(half));
    CHECK(y1f64x(half) == y1l(half));
    CHECK(jnf64x(4, half) == jnl(4, half));
    CHECK(ynf64x(4, half) == ynl(4, half));
}

static void special_values_and_errno(void) {
    volatile long double zero = 0.0L;
    volatile long double inf = INFINITY;
    volatile long double nan = NAN;
    volatile long double smallest = 0x1p-16445L;
    /* exp10l: ERANGE only when the result overflows or underflows to 0. */
    CHECK(exp10l(zero) == 1.0L && exp10l(-zero) == 1.0L);
    CHECK(exp10l(inf) == INFINITY && exp10l(-inf) == 0.0L && isnan(exp10l(nan)));
    CHECK_ERRNO(exp10l(inf), 0);
    CHECK_ERRNO(exp10l(-inf), 0);
    CHECK(exp10l(4933 + zero) == INFINITY);
    CHECK_ERRNO(exp10l(4933 + zero), ERANGE);
    CHECK_ERRNO(exp10l(4932 + zero), 0);
    CHECK(exp10l(-4951 + zero) == 0.0L);
    CHECK_ERRNO(exp10l(-4951 + zero), ERANGE);
    CHECK(exp10l(-4950 + zero) == 3 * 0x1p-16445L); /* subnormal: no error */
    CHECK_ERRNO(exp10l(-4950 + zero), 0);

    /* j0l, j1l: even and odd, 0 at infinity, never an error but j1l's
     * underflow to 0 below the smallest subnormal's double. */
    CHECK(j0l(zero) == 1.0L && j0l(-zero) == 1.0L && j0l(smallest) == 1.0L);
    CHECK(j0l(inf) == 0.0L && j0l(-inf) == 0.0L && isnan(j0l(nan)));
    CHECK(j1l(zero) == 0.0L && !signbit(j1l(zero)) && signbit(j1l(-zero)));
    CHECK(j1l(inf) == 0.0L && signbit(j1l(-inf)));
    CHECK(j1l(smallest) == 0.0L);
    CHECK_ERRNO(j1l(smallest), ERANGE);
    /* 1.5 smallest less a little (x/2 (1 - x^2/8)) rounds down to the
     * smallest; glibc's x/2 takes the tie to even, 2 smallest. */
#ifdef CHECKING_AGAINST_GLIBC
    CHECK(j1l(3 * smallest) == 2 * smallest);
#else
    CHECK(j1l(3 * smallest) == smallest);
#endif
    CHECK_ERRNO(j1l(3 * smallest), 0);
    CHECK(j1l(0x1p-16382L + zero) == 0x1p-16383L);
    CHECK_ERRNO(j0l(1e30L + zero), 0);

    /* y0l, y1l: a pole at 0 (-inf, ERANGE), NaN with EDOM below. */
    CHECK(y0l(zero) == -INFINITY && y0l(-zero) == -INFINITY);
    CHECK_ERRNO(y0l(zero), ERANGE);
    CHECK_ERRNO(y1l(-zero), ERANGE);
    CHECK(isnan(y0l(-1 + zero)) && isnan(y1l(-inf)));
    CHECK_ERRNO(y0l(-1 + zero), EDOM);
    CHECK_ERRNO(y1l(-inf), EDOM);
    CHECK(y0l(inf) == 0.0L && y1l(inf) == 0.0L && isnan(y0l(nan)));
    CHECK_ERRNO(y0l(inf), 0);
    /* -2/(pi x) overflows below about 2^-16384. */
    CHECK(y1l(smallest) == -INFINITY);
    CHECK_ERRNO(y1l(smallest), ERANGE);
    CHECK(within_ulps(y1l(0x1p-16384L + zero), -0xa2f9836e4e44152ap16320L, KNOWN_VALUE_ULPS));
    CHECK_ERRNO(y1l(0x1p-16384L + zero), 0);

    /* jnl: J_-n = (-1)^n J_n, J_n(-x) = (-1)^n J_n(x). */
    CHECK(jnl(2, -zero) == 0.0L && !signbit(jnl(2, -zero)));
    CHECK(signbit(jnl(3, -zero)) && signbit(jnl(-3, zero)));
    CHECK(jnl(2, inf) == 0.0L && signbit(jnl(3, -inf)) && !signbit(jnl(-3, -inf)));
    CHECK(jnl(0, -1.5L + zero) == j0l(1.5L + zero));
    CHECK(jnl(1, -1.5L + zero) == -j1l(1.5L + zero));
    CHECK(jnl(-1, 1.5L + zero) == -j1l(1.5L + zero));
    CHECK(isnan(jnl(2, nan)));
    CHECK(jnl(2, smallest) == 0.0L);
    CHECK_ERRNO(jnl(2, smallest), ERANGE);
    CHECK(jnl(100000, 10 + zero) == 0.0L);
    CHECK_ERRNO(jnl(100000, 10 + zero), ERANGE);
    CHECK_ERRNO(jnl(1000, 1 + zero), 0); /* about 10^-2870, a normal long double */

    /* ynl: the pole at 0 is -inf, +inf for the negative odd orders. */
    CHECK(ynl(2, zero) == -INFINITY && ynl(-2, zero) == -INFINITY && ynl(2, -zero) == -INFINITY);
    CHECK(ynl(-3, zero) == INFINITY && ynl(-1, zero) == INFINITY && ynl(1, zero) == -INFINITY);
    CHECK_ERRNO(ynl(-3, zero), ERANGE);
    CHECK_ERRNO(ynl(0, zero), ERANGE);
    CHECK(isnan(ynl(2, -1 + zero)) && isnan(ynl(2, -inf)));
    CHECK_ERRNO(ynl(2, -1 + zero), EDOM);
    CHECK_ERRNO(ynl(2, -inf), EDOM);
    CHECK(ynl(2, inf) == 0.0L && ynl(-3, inf) == 0.0L && !signbit(ynl(-3, inf)));
    CHECK(ynl(2, smallest) == -INFINITY);
    CHECK_ERRNO(ynl(2, smallest), ERANGE);
    CHECK(ynl(2, 0x1p-8193L + zero) == -INFINITY);
    CHECK_ERRNO(ynl(2, 0x1p-8193L + zero), ERANGE);
    CHECK(within_ulps(ynl(2, 0x1p-8190L + zero), -0xa2f9836e4e44152ap16317L, KNOWN_VALUE_ULPS));
    CHECK_ERRNO(ynl(2, 0x1p-8190L + zero), 0);
    CHECK(ynl(1000, 1 + zero) < -1e2860L);
    CHECK_ERRNO(ynl(1000, 1 + zero), 0);
    CHECK(ynl(3000, 1 + zero) == -INFINITY);
    CHECK_ERRNO(ynl(3000, 1 + zero), ERANGE);
}

int main(void) {
    known_values();
    special_values_and_errno();
    return 0;
}
