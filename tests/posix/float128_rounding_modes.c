/* The _Float128 functions in the four rounding modes and with traps
 * enabled: what depends on the environment (rint, nearbyint, lrint, sqrt,
 * fma, scalbn's overflow, remainder's zero, against remquo's), each answer
 * glibc 2.36's. Also passes built against glibc (-lm). */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "float128_encoding.h"

#define SAME(x, high, low)                     \
    do {                                       \
        F same_value = (x);                    \
        CHECK_EQ(high_of(same_value), (high)); \
        CHECK_EQ(low_of(same_value), (low));   \
    } while (0)

enum { NEAREST, DOWNWARD, UPWARD, TOWARD_ZERO };
static const int modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};

static void check_mode(int mode) {
    CHECK_EQ(fesetround(modes[mode]), 0);
    /* sqrt 2 and sqrt 3 each lie just above a binary128 value, short of
     * the midpoint with the next: only upward rounding takes the next. */
    F two = make(0x4000000000000000ull, 0), three = make(0x4000800000000000ull, 0);
    feclearexcept(FE_ALL_EXCEPT);
    SAME(sqrtf128(two), 0x3fff6a09e667f3bcull, mode == UPWARD ? 0xc908b2fb1366ea96ull : 0xc908b2fb1366ea95ull);
    SAME(sqrtf128(three), 0x3fffbb67ae8584caull, mode == UPWARD ? 0xa73b25742d7078b9ull : 0xa73b25742d7078b8ull);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);

    /* fma: (1/3 rounded) * 3 - 1, the rounding error of 1/3 exactly. */
    feclearexcept(FE_ALL_EXCEPT);
    SAME(fmaf128(make(0x3ffd555555555555ull, 0x5555555555555555ull), three, make(0xbfff000000000000ull, 0)),
         0xbf8d000000000000ull, 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
    /* An exact zero from opposite signs: -0 only rounding downward. */
    SAME(fmaf128(make(0x3fff000000000000ull, 0), make(0x3fff000000000000ull, 0), make(0xbfff000000000000ull, 0)),
         mode == DOWNWARD ? 0x8000000000000000ull : 0, 0);

    /* Overflow: infinity, or the largest value rounding toward zero. */
    feclearexcept(FE_ALL_EXCEPT);
    int to_largest = mode == DOWNWARD || mode == TOWARD_ZERO;
    SAME(scalbnf128(make(0x3fff000000000000ull, 0), 20000), to_largest ? 0x7ffeffffffffffffull : 0x7fff000000000000ull,
         to_largest ? 0xffffffffffffffffull : 0);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);

    /* remainder(6, 2): glibc's last subtraction makes the zero, -0 when
     * rounding downward; remquo gives +0 always. */
    F six = make(0x4001800000000000ull, 0);
    SAME(remainderf128(six, two), mode == DOWNWARD ? 0x8000000000000000ull : 0, 0);
    int quotient = 0;
    SAME(remquof128(six, two, &quotient), 0, 0);
    CHECK_EQ(quotient, 3);

    /* rint and lrint in the mode; rint keeps the sign of a zero. */
    F minus_two_and_a_half = make(0xc000400000000000ull, 0);
    CHECK_EQ(lrintf128(minus_two_and_a_half), mode == DOWNWARD ? -3 : -2);
    CHECK_EQ(lrintf128(make(0x4000066666666666ull, 0x6666666666666666ull)), mode == UPWARD ? 3 : 2); /* 2.1 */
    SAME(rintf128(make(0xbffd333333333333ull, 0x3333333333333333ull)), /* -0.3 */
         mode == DOWNWARD ? 0xbfff000000000000ull : 0x8000000000000000ull, 0);
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
}

/* nearbyint leaves no inexact, even with its trap enabled (no SIGFPE),
 * and leaves the caller's flags and traps as they were. */
static void check_nearbyint_with_trap(void) {
    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_DIVBYZERO);
    CHECK(feenableexcept(FE_INEXACT) != -1);
    SAME(nearbyintf128(make(0x4000400000000000ull, 0)), 0x4000000000000000ull, 0); /* 2.5 to 2 */
    CHECK_EQ(fegetexcept(), FE_INEXACT);
    fedisableexcept(FE_INEXACT);
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
}

int main(void) {
    for (int mode = 0; mode < 4; ++mode) check_mode(mode);
    check_nearbyint_with_trap();
    return 0;
}
