/* <math.h>'s fused multiply-add and special functions for long double as a
 * program uses them: fmal rounded once in every rounding direction, with its
 * flags (x86 detects tininess after rounding) and no errno; erfl, erfcl,
 * lgammal (signgam), lgammal_r, gammal and tgammal at known values
 * (correctly rounded, from mpmath) to within one ulp, with their errno.
 * Inputs go through volatile variables so that the compiler calls the
 * library instead of folding the calls.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_long_double_special.c -lm */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "../integration/check.h"
#include "long_double_checks.h"

/* lwp's functions are within one ulp; glibc's own long double special
 * functions err by up to several (its libm-test-ulps: tgammal 9, ...). */
#ifdef CHECKING_AGAINST_GLIBC
#define KNOWN_VALUE_ULPS 10.0L
#else
#define KNOWN_VALUE_ULPS 1.0L
#endif
#define CHECK_NEAR(actual, expected) CHECK(within_ulps((actual), (expected), KNOWN_VALUE_ULPS))

/* fmal(x, y, z) under a rounding direction, with the flags it raised. */
static long double fma_rounded(int direction, long double x, long double y, long double z,
                               int* flags) {
    CHECK_EQ(fesetround(direction), 0);
    feclearexcept(FE_ALL_EXCEPT);
    volatile long double result = fmal(x, y, z);
    *flags = fetestexcept(FE_ALL_EXCEPT);
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    return result;
}

static void fused_multiply_add(void) {
    volatile long double one = 1.0L;
    volatile long double max = LDBL_MAX;
    int flags;
    /* (1 + 2^-63)^2 - 1 = 2^-62 + 2^-126: the 2^-126 decides the direction. */
    long double a = one + 0x1p-63L;
    CHECK(fma_rounded(FE_TONEAREST, a, a, -one, &flags) == 0x1p-62L);
    CHECK_EQ(flags, FE_INEXACT);
    CHECK(fma_rounded(FE_UPWARD, a, a, -one, &flags) == 0x1p-62L + 0x1p-125L);
    CHECK(fma_rounded(FE_DOWNWARD, a, a, -one, &flags) == 0x1p-62L);
    CHECK(fma_rounded(FE_TONEAREST, -a, a, one, &flags) == -0x1p-62L);
    CHECK(fma_rounded(FE_DOWNWARD, -a, a, one, &flags) == -0x1p-62L - 0x1p-125L);
    /* Exact: no flags. The product alone would overflow. */
    CHECK(fma_rounded(FE_TONEAREST, max, 2.0L * one, -max, &flags) == LDBL_MAX);
    CHECK_EQ(flags, 0);
    /* Exact cancellation: +0, and -0 rounding down. */
    long double zero_sum = fma_rounded(FE_TONEAREST, one, one, -one, &flags);
    CHECK(zero_sum == 0.0L && !signbit(zero_sum));
    zero_sum = fma_rounded(FE_DOWNWARD, one, one, -one, &flags);
    CHECK(zero_sum == 0.0L && signbit(zero_sum));
    /* Overflow: inf to nearest, LDBL_MAX toward zero; no errno. */
    errno = 0;
    CHECK(fma_rounded(FE_TONEAREST, max, a, max, &flags) == INFINITY);
    CHECK_EQ(flags, FE_OVERFLOW | FE_INEXACT);
    CHECK(fma_rounded(FE_TOWARDZERO, max, a, max, &flags) == LDBL_MAX);
    CHECK_EQ(flags, FE_OVERFLOW | FE_INEXACT);
    CHECK(fma_rounded(FE_UPWARD, -max, a, -max, &flags) == -LDBL_MAX);
    CHECK_EQ(errno, 0);
    /* (1 - 2^-33)(1 + 2^-33) 2^-16382 = (1 - 2^-66) 2^-16382 rounds to
     * 2^-16382: tiny before rounding only, so no underflow to nearest;
     * toward zero it stays tiny, and underflows. */
    volatile long double below = 0x1p-16382L * (1.0L - 0x1p-33L);
    volatile long double above = 1.0L + 0x1p-33L;
    CHECK(fma_rounded(FE_TONEAREST, below, above, 0.0L, &flags) == 0x1p-16382L);
    CHECK_EQ(flags, FE_INEXACT);
    CHECK(fma_rounded(FE_TOWARDZERO, below, above, 0.0L, &flags) < 0x1p-16382L);
    CHECK_EQ(flags, FE_UNDERFLOW | FE_INEXACT);
    /* A subnormal result that is exact raises nothing. */
    CHECK(fma_rounded(FE_TONEAREST, 0x1p-16400L * one, 0.5L, 0x1p-16440L, &flags) ==
          0x1p-16401L + 0x1p-16440L);
    CHECK_EQ(flags, 0);
    /* NaNs and infinities. */
    CHECK(isnan(fmal(INFINITY, 0.0L * one, one)));
    CHECK(fmal(INFINITY, one, one) == INFINITY);
    CHECK(fmal(max, max, -INFINITY) == -INFINITY);
    CHECK(isnan(fmal(one, one, NAN)));
}

static void error_functions(void) {
    volatile long double one = 1.0L;
    volatile long double half = 0.5L;
    volatile long double two = 2.0L;
    CHECK_NEAR(erfl(half), 0x853f7ae0c76e915fp-64L);
    CHECK_NEAR(erfl(-two), -0xfecd70a13caf1997p-64L);
    CHECK_NEAR(erfl(0x1p-20L * one), 0x906eba8214ab43a5p-83L);
    CHECK_NEAR(erfcl(half), 0xf5810a3e7122dd43p-65L);
    CHECK_NEAR(erfcl(10.0L * one), 0xbec53f9545167ceap-212L);
    CHECK_NEAR(erfcl(-one), 0xebdd9e9d04222b1bp-63L);
    CHECK_NEAR(erfcl(30.0L * one), 0xe54a046e0a514445p-1368L);
    CHECK(erfl(10.0L * one) == 1.0L && erfcl(-10.0L * one) == 2.0L);
    CHECK(erfl(-INFINITY) == -1.0L && erfcl(INFINITY) == 0.0L);
    CHECK(erfl(-0.0L) == 0.0L && signbit(erfl(-0.0L)));
    /* A subnormal erfcl is no error; one that rounds to zero is ERANGE. */
    CHECK_ERRNO(erfcl(106.6L * one), 0);
    CHECK(erfcl(106.6L * one) > 0.0L && erfcl(106.6L * one) < LDBL_MIN);
    CHECK_ERRNO(erfcl(200.0L * one), ERANGE);
    CHECK_ERRNO(erfl(200.0L * one), 0);
}

static void gamma_functions(void) {
    volatile long double one = 1.0L;
    volatile long double half = 0.5L;
    volatile long double zero = 0.0L;
    CHECK_NEAR(lgammal(half), 0x928682473d0de85fp-64L);
    CHECK_EQ(signgam, 1);
    CHECK_NEAR(lgammal(-2.5L * one), -0xe65fcfaf6878ac47p-68L);
    CHECK_EQ(signgam, -1);
    CHECK_NEAR(lgammal(100.0L * one), 0xb3912da43ca3102dp-55L);
    CHECK_NEAR(lgammal(3.0L * one), 0xb17217f7d1cf79acp-64L);
    CHECK(lgammal(one) == 0.0L && lgammal(2.0L * one) == 0.0L);
    int sign = 0;
    CHECK_NEAR(lgammal_r(-half, &sign), 0xa1fc4d1f876eb105p-63L);
    CHECK_EQ(sign, -1);
    signgam = 0;
    CHECK_NEAR(gammal(-2.5L * one), -0xe65fcfaf6878ac47p-68L);
    CHECK_EQ(signgam, -1);
    CHECK_ERRNO(lgammal(zero), ERANGE);
    CHECK(lgammal(-3.0L * one) == INFINITY);
    CHECK_ERRNO(lgammal(-3.0L * one), ERANGE);
    CHECK(lgammal(-INFINITY) == INFINITY);

    CHECK_NEAR(tgammal(half), 0xe2dfc48da77b553dp-63L);
    CHECK_NEAR(tgammal(-1.5L * one), 0x973fd85e6fa78e29p-62L);
    CHECK_NEAR(tgammal(30.0L * one), 0xdf328c343d3c2866p39L);
    CHECK_NEAR(tgammal(1000.5L * one), 0xaaa776a9abffa3fdp8461L);
    CHECK(tgammal(5.0L * one) == 24.0L);
    CHECK_ERRNO(tgammal(-one), EDOM);
    CHECK(isnan(tgammal(-one)));
    CHECK_ERRNO(tgammal(-INFINITY), EDOM);
    CHECK_ERRNO(tgammal(-zero), ERANGE);
    CHECK(tgammal(-zero) == -INFINITY);
    CHECK_ERRNO(tgammal(2000.0L * one), ERANGE);
    CHECK_ERRNO(tgammal(-2000.5L * one), ERANGE);
    CHECK(tgammal(INFINITY) == INFINITY);
}

int main(void) {
    fused_multiply_add();
    error_functions();
    gamma_functions();
    return 0;
}
