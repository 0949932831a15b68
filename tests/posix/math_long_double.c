/* <math.h>'s long double functions as a program uses them: the exact
 * operations (rounding to integers, remainders, frexpl, ldexpl, nextafterl,
 * sqrtl, ...) with their special cases, errno (EDOM, ERANGE) and flags, the
 * classification helpers, and known values of the elementary functions
 * (expl, logl, powl, sinl, ...; correctly rounded values from mpmath) to
 * within one ulp, with their errno. Inputs go through volatile variables so
 * that the compiler calls the library instead of folding the calls.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_long_double.c -lm */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "long_double_checks.h"

static int same_bits(long double a, long double b) { return memcmp(&a, &b, 10) == 0; }

/* lwp's functions are within one ulp; glibc's own long double functions err
 * by up to a few (its libm-test-ulps: tanhl 3, ...). */
#ifdef CHECKING_AGAINST_GLIBC
#define KNOWN_VALUE_ULPS 4.0L
#else
#define KNOWN_VALUE_ULPS 1.0L
#endif
#define CHECK_NEAR(actual, expected) CHECK(within_ulps((actual), (expected), KNOWN_VALUE_ULPS))

static void exact_operations(void) {
    volatile long double half = 0.5L, two_and_half = 2.5L, minus_two_and_half = -2.5L;
    volatile long double big = 0x1p63L, tiny = 0x1p-16445L, max = LDBL_MAX;
    volatile long double inf = INFINITY, zero = 0.0L, minus_zero = -0.0L;
    volatile long double qnan = NAN;

    CHECK(floorl(minus_two_and_half) == -3.0L);
    CHECK(ceill(minus_two_and_half) == -2.0L);
    CHECK(truncl(minus_two_and_half) == -2.0L);
    CHECK(roundl(minus_two_and_half) == -3.0L);
    CHECK(roundl(two_and_half) == 3.0L);
    CHECK(signbit(ceill(-half)) && ceill(-half) == 0.0L);
    CHECK(floorl(0x1p63L + 1.0L) == 0x1p63L + 1.0L);
    CHECK(floorl(big - half) == big - 1.0L);
    CHECK(rintl(two_and_half) == 2.0L);
    CHECK(rintl(3.5L + half - half) == 4.0L);
    CHECK(nearbyintl(minus_two_and_half) == -2.0L);
    CHECK_EQ(lrintl(two_and_half), 2L);
    CHECK_EQ(llrintl(-3.5L + zero), -4LL);
    CHECK_EQ(lroundl(two_and_half), 3L);
    CHECK_EQ(llroundl(minus_two_and_half), -3LL);
    CHECK_EQ(lroundl(0x1p62L + 0.5L), (1L << 62) + 1);
    CHECK_EQ(llrintl(big), LLONG_MIN); /* out of range: the "integer indefinite" */
    CHECK_EQ(lrintl(-big), LONG_MIN);  /* -2^63 itself fits */

    /* rintl follows the rounding mode, nearbyintl leaves no FE_INEXACT. */
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    CHECK(rintl(two_and_half) == 3.0L);
    CHECK_EQ(lrintl(two_and_half), 3L);
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    feclearexcept(FE_ALL_EXCEPT);
    CHECK(nearbyintl(two_and_half) == 2.0L);
    CHECK(!fetestexcept(FE_INEXACT));
    CHECK(rintl(two_and_half) == 2.0L);
    CHECK(fetestexcept(FE_INEXACT));

    CHECK(fmodl(10.5L + zero, 3.0L) == 1.5L);
    CHECK(fmodl(-10.5L + zero, 3.0L) == -1.5L);
    CHECK(fmodl(max, 3.0L) == 0.0L);       /* LDBL_MAX = (2^64 - 1) 2^16320, 3 | 2^64 - 1 */
    CHECK(fmodl(max, 7.0L) == 1.0L);       /* 2^16320 = 2 mod 7, 2^64 - 1 = 1 mod 7: 2 * 4 = 1 */
    CHECK(remainderl(10.0L + zero, 4.0L) == 2.0L);
    CHECK(remainderl(11.0L + zero, 4.0L) == -1.0L);
    int q = 0;
    CHECK(remquol(10.0L + zero, 4.0L, &q) == 2.0L);
    CHECK_EQ(q & 7, 2);
    CHECK(remquol(-11.0L + zero, 4.0L, &q) == 1.0L);
    CHECK_EQ(q, -3);
    CHECK_ERRNO(fmodl(1.0L + zero, zero), EDOM);
    CHECK_ERRNO(fmodl(inf, 1.0L), EDOM);
    CHECK_ERRNO(remainderl(1.0L + zero, zero), EDOM);
    CHECK(fmodl(2.0L + zero, inf) == 2.0L);

    CHECK(sqrtl(2.0L + zero) == M_SQRT2l);
    CHECK(sqrtl(tiny * 2.0L) == 0x1p-8222L);
    CHECK(signbit(sqrtl(minus_zero)));
    CHECK_ERRNO(sqrtl(-1.0L + zero), EDOM);
    CHECK(isnan(sqrtl(-1.0L + zero)));

    CHECK(fmaxl(1.0L + zero, qnan) == 1.0L);
    CHECK(fminl(qnan, -1.0L + zero) == -1.0L);
    CHECK(fmaxl(-inf, 3.0L) == 3.0L);
    CHECK(fdiml(5.0L + zero, 3.0L) == 2.0L);
    CHECK(fdiml(3.0L + zero, 5.0L) == 0.0L);
    CHECK_ERRNO(fdiml(max, -max), ERANGE);

    int e = 0;
    CHECK(frexpl(48.0L + zero, &e) == 0.75L);
    CHECK_EQ(e, 6);
    CHECK(frexpl(tiny, &e) == 0.5L);
    CHECK_EQ(e, -16444);
    CHECK(frexpl(inf, &e) == INFINITY);
    CHECK(ldexpl(0.75L + zero, 6) == 48.0L);
    CHECK(ldexpl(1.0L + zero, -16445) == tiny);
    CHECK(ldexpl(1.0L + zero, -16384) == 0x1p-16384L);
    CHECK(scalbnl(3.0L + zero, 2) == 12.0L);
    CHECK(scalblnl(3.0L + zero, -1L) == 1.5L);
    CHECK_ERRNO(ldexpl(1.0L + zero, 16384), ERANGE);
    CHECK_ERRNO(ldexpl(1.0L + zero, -16446), ERANGE);
    CHECK_ERRNO(ldexpl(1.0L + zero, -16440), 0); /* a subnormal result is no error */
    CHECK_ERRNO(scalbnl(1.0L + zero, 100000), ERANGE);
    CHECK(isinf(scalbnl(1.0L + zero, 100000)));

    long double whole = 0;
    CHECK(modfl(-3.25L + zero, &whole) == -0.25L);
    CHECK(whole == -3.0L);
    CHECK(modfl(inf, &whole) == 0.0L && whole == INFINITY);

    CHECK_EQ(ilogbl(48.0L + zero), 5);
    CHECK_EQ(ilogbl(tiny), -16445);
    CHECK_ERRNO(ilogbl(zero), EDOM);
    CHECK_EQ(ilogbl(zero), FP_ILOGB0);
    CHECK_EQ(ilogbl(inf), INT_MAX);
    CHECK(logbl(48.0L + zero) == 5.0L);
    CHECK(logbl(zero) == -INFINITY);

    CHECK(nextafterl(1.0L + zero, 2.0L) == 1.0L + 0x1p-63L);
    CHECK(nextafterl(1.0L + zero, 0.0L) == 1.0L - 0x1p-64L);
    CHECK(nextafterl(zero, -1.0L) == -tiny);
    CHECK(nexttowardl(0x1p-16382L + zero, 0.0L) == 0x1p-16382L - tiny);
    CHECK_ERRNO(nextafterl(max, inf), ERANGE);
    CHECK_ERRNO(nextafterl(0x1p-16382L + zero, 0.0L), ERANGE);
    CHECK_ERRNO(nextafterl(1.0L + zero, 2.0L), 0);

    CHECK(isnan(nanl("")));
    CHECK(same_bits(nanl("0x1234"), nanl("4660")));
    CHECK(!same_bits(nanl("1"), nanl("2")));
    CHECK(copysignl(3.0L + zero, -0.0L) == -3.0L);
    CHECK(fabsl(-3.0L + zero) == 3.0L);

    /* The classification helpers code may call by name. */
    CHECK_EQ(__fpclassifyl(tiny), FP_SUBNORMAL);
    CHECK_EQ(__fpclassifyl(inf), FP_INFINITE);
    CHECK_EQ(__fpclassifyl(qnan), FP_NAN);
    CHECK_EQ(__fpclassifyl(minus_zero), FP_ZERO);
    CHECK_EQ(__fpclassifyl(half), FP_NORMAL);
    CHECK(__signbitl(minus_zero) != 0 && __signbitl(half) == 0);
    CHECK(__isnanl(qnan) != 0 && __isnanl(inf) == 0);
    CHECK_EQ(__isinfl(-inf), -1);
    CHECK_EQ(__finitel(max), 1);
    CHECK_EQ(finitel(inf), 0);
}

static long double (*volatile sinl_function)(long double) = sinl;
static long double (*volatile cosl_function)(long double) = cosl;
static long double (*volatile tanl_function)(long double) = tanl;

static void elementary_functions(void) {
    volatile long double one = 1.0L, two = 2.0L, zero = 0.0L, max = LDBL_MAX, inf = INFINITY;
    /* Correctly rounded values (mpmath), to within one ulp. */
    CHECK_NEAR(expl(one), 0xadf85458a2bb4a9bp-62L);
    CHECK_NEAR(expl(-one * 100), 0xd460f8a7157ae57ap-208L);
    CHECK_NEAR(exp2l(one / 3), 0xa14517cc6b945711p-63L);
    CHECK_NEAR(expm1l(one * 0x1p-40L), 0x8000000000400000p-103L);
    CHECK_NEAR(logl(two), 0xb17217f7d1cf79acp-64L);
    CHECK_NEAR(log2l(one * 10), 0xd49a784bcd1b8afep-62L);
    CHECK_NEAR(log10l(two), 0x9a209a84fbcff799p-65L);
    CHECK_NEAR(log1pl(one * 0x1p-50L), 0xffffffffffffe000p-114L);
    CHECK_NEAR(powl(two, one / 3), 0xa14517cc6b945711p-63L);
    CHECK_NEAR(powl(one * 10, -one * 4000), 0x9c3d73864f3805c0p-13351L);
    CHECK_NEAR(cbrtl(two), 0xa14517cc6b945711p-63L);
    CHECK_NEAR(hypotl(one, two), 0x8f1bbcdcbfa53e0bp-62L);
    CHECK_NEAR(sinl(one), 0xd76aa47848677021p-64L);
    CHECK_NEAR(cosl(one), 0x8a51407da8345c92p-64L);
    CHECK_NEAR(tanl(one), 0xc75922e5f71d2dc5p-63L);
    CHECK_NEAR(asinl(one / 2), 0x860a91c16b9b2c23p-64L);
    CHECK_NEAR(acosl(one / 3), 0x9d90140417469dd8p-63L);
    CHECK_NEAR(atanl(one), 0xc90fdaa22168c235p-64L);
    CHECK_NEAR(atan2l(one, -two), 0xab63739cbfad72ccp-62L);
    CHECK_NEAR(sinhl(one), 0x966cfe2275cc12d4p-63L);
    CHECK_NEAR(coshl(one), 0xc583aa8ecfaa8261p-63L);
    CHECK_NEAR(tanhl(one / 2), 0xec9a9ebab4579b29p-65L);
    CHECK_NEAR(asinhl(one), 0xe1a1b30bcea13661p-64L);
    CHECK_NEAR(acoshl(two), 0xa892138cc021a4dfp-63L);
    CHECK_NEAR(atanhl(one / 2), 0x8c9f53d5681854bbp-64L);
    CHECK_NEAR(sinl(one * 1e22L), -0xda29d5bb5f9cb87dp-64L);
    CHECK_NEAR(sinl(max), 0xfdfd9d4b6d0e5f7cp-64L);
    CHECK_NEAR(logl(one * 0x1p-16445L), -0xb21b38b6aa03736cp-50L);
    /* Exact cases. */
    CHECK(powl(two, 10.0L) == 1024.0L);
    CHECK(powl(-two, 3.0L) == -8.0L);
    CHECK(cbrtl(-27.0L * one) == -3.0L);
    CHECK(hypotl(3.0L * one, 4.0L) == 5.0L);
    CHECK(log2l(one * 0x1p-16445L) == -16445.0L);
    CHECK(log10l(one * 1e20L) == 20.0L);
    CHECK(expl(zero) == 1.0L && logl(one) == 0.0L);
    CHECK(sinl(-zero) == 0.0L && signbit(sinl(-zero)));
    CHECK(atan2l(zero, -one) == acosl(-one));
    long double s = 0, c = 0;
    sincosl(one, &s, &c);
    CHECK(s == sinl(one) && c == cosl(one));

    /* errno: domain (EDOM), pole and range (ERANGE) errors as glibc's. */
    CHECK_ERRNO(logl(-one), EDOM);
    CHECK_ERRNO(logl(zero), ERANGE);
    CHECK(logl(zero) == -INFINITY);
    CHECK_ERRNO(log1pl(-one), ERANGE);
    CHECK_ERRNO(log1pl(-two), EDOM);
    CHECK_ERRNO(expl(12000.0L * one), ERANGE);
    CHECK(expl(12000.0L * one) == INFINITY);
    CHECK_ERRNO(expl(-12000.0L * one), ERANGE);
    CHECK_ERRNO(expl(-11390.0L * one), 0); /* subnormal (2^-16432.5): no error */
    CHECK(expl(-11390.0L * one) > 0.0L);
    CHECK_ERRNO(powl(-two, 0.5L), EDOM);
    CHECK_ERRNO(powl(zero, -one), ERANGE);
    CHECK_ERRNO(powl(10.0L * one, 5000.0L), ERANGE);
    CHECK_ERRNO(powl(10.0L * one, -5000.0L), ERANGE);
    CHECK(powl(-inf, 3.0L) == -INFINITY);
    CHECK(powl(one, NAN) == 1.0L && powl(NAN, zero) == 1.0L);
    /* Through pointers: GCC assumes sinl, cosl and tanl leave errno alone
     * and may reuse the errno read before the call. */
    CHECK_ERRNO(sinl_function(inf), EDOM);
    CHECK_ERRNO(cosl_function(-inf), EDOM);
    CHECK_ERRNO(tanl_function(inf), EDOM);
    CHECK_ERRNO(asinl(two), EDOM);
    CHECK_ERRNO(acosl(-two), EDOM);
    CHECK_ERRNO(acoshl(zero), EDOM);
    CHECK_ERRNO(atanhl(two), EDOM);
    CHECK_ERRNO(atanhl(-one), ERANGE);
    CHECK(atanhl(-one) == -INFINITY);
    CHECK_ERRNO(sinhl(12000.0L * one), ERANGE);
    CHECK_ERRNO(coshl(-12000.0L * one), ERANGE);
    CHECK_ERRNO(hypotl(max, max), ERANGE);
    CHECK_ERRNO(atanl(inf), 0);
    CHECK(tanhl(inf) == 1.0L && atanl(-inf) == -atanl(inf));
    CHECK(isnan(expl(NAN)) && isnan(sinl(NAN)) && isnan(powl(NAN, one)));
}

int main(void) {
    exact_operations();
    elementary_functions();
    return 0;
}
