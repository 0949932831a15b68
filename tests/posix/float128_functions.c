/* The _Float128 functions of <math.h> lwp provides (classification, sign and
 * payload operations, rounding to integers, exponents and neighbours,
 * minimum and maximum, exact remainders, sqrtf128, fmaf128 and the exact
 * complex ones), each against fixed answers of glibc 2.36: result bits,
 * IEEE flags and errno. Arguments pass through volatile variables so that
 * the compiler folds nothing. Also passes built against glibc (-lm). */
#include <complex.h>
#include <errno.h>
#include <fenv.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "float128_encoding.h"


/* SAME(x, ONE) as well as SAME(x, high, low): the named encodings below
 * expand to two words. */
#define SAME(...) SAME_BITS(__VA_ARGS__)
#define SAME_BITS(x, high, low)                \
    do {                                       \
        F same_value = (x);                    \
        CHECK_EQ(high_of(same_value), (high)); \
        CHECK_EQ(low_of(same_value), (low));   \
    } while (0)

/* The flags raised since the last start(). */
static void start(void) {
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}
static int flags(void) { return fetestexcept(FE_ALL_EXCEPT); }

/* Encodings used throughout (high word, low word). */
#define ONE 0x3fff000000000000ull, 0
#define MINUS_ONE 0xbfff000000000000ull, 0
#define PLUS_ZERO 0, 0
#define MINUS_ZERO 0x8000000000000000ull, 0
#define PLUS_INF 0x7fff000000000000ull, 0
#define MINUS_INF 0xffff000000000000ull, 0
#define DEFAULT_NAN 0x7fff800000000000ull, 0
#define INVALID_NAN 0xffff800000000000ull, 0 /* soft-fp's default NaN: negative */
#define LEAST_SUBNORMAL 0, 1
#define LARGEST 0x7ffeffffffffffffull, 0xffffffffffffffffull

static volatile F v1, v2, v3;

/* A call through a pointer the compiler cannot see through: GCC takes fmax
 * and fmin for commutative and may swap their operands, which changes the
 * answer for +0 and -0. */
static F call2(F (*function)(F, F), F x, F y) {
    F (*volatile pointer)(F, F) = function;
    return pointer(x, y);
}

/* nanf128 through a pointer the compiler cannot see through: GCC folds a
 * constant tag itself (reading more than 64 bits of it, unlike glibc's
 * nanf128), and takes the function for one that leaves errno alone. */
static F (*volatile nan_function)(const char*) = nanf128;
static F nan_of(const char* tag) { return nan_function(tag); }

static void check_classification(void) {
    v1 = make(LEAST_SUBNORMAL);
    CHECK_EQ(__fpclassifyf128(v1), FP_SUBNORMAL);
    v1 = make(MINUS_ZERO);
    CHECK_EQ(__fpclassifyf128(v1), FP_ZERO);
    CHECK_EQ(__signbitf128(v1) != 0, 1);
    v1 = make(LARGEST);
    CHECK_EQ(__fpclassifyf128(v1), FP_NORMAL);
    CHECK_EQ(__finitef128(v1), 1);
    v1 = make(MINUS_INF);
    CHECK_EQ(__fpclassifyf128(v1), FP_INFINITE);
    CHECK_EQ(__isinff128(v1), -1);
    CHECK_EQ(__finitef128(v1), 0);
    v1 = make(PLUS_INF);
    CHECK_EQ(__isinff128(v1), 1);
    CHECK_EQ(__isnanf128(v1), 0);
    start();
    v1 = make(0x7fff000000000000ull, 5); /* signalling NaN: nothing raised */
    CHECK_EQ(__fpclassifyf128(v1), FP_NAN);
    CHECK_EQ(__isnanf128(v1), 1);
    CHECK_EQ(__issignalingf128(v1), 1);
    v1 = make(DEFAULT_NAN);
    CHECK_EQ(__issignalingf128(v1), 0);
    CHECK_EQ(flags(), 0);
    /* iseqsig: an ordered comparison. */
    v1 = make(PLUS_ZERO);
    v2 = make(MINUS_ZERO);
    start();
    CHECK_EQ(__iseqsigf128(v1, v2), 1);
    CHECK_EQ(flags(), 0);
    v2 = make(DEFAULT_NAN);
    CHECK_EQ(__iseqsigf128(v1, v2), 0);
    CHECK_EQ(flags(), FE_INVALID);
    CHECK_EQ(errno, EDOM);
}

static void check_sign_and_payload(void) {
    v1 = make(0xffff000000000000ull, 3); /* -sNaN */
    start();
    SAME(fabsf128(v1), 0x7fff000000000000ull, 3);
    v2 = make(MINUS_ZERO);
    SAME(copysignf128(make(DEFAULT_NAN), v2), 0xffff800000000000ull, 0);
    CHECK_EQ(flags(), 0);
    SAME(nan_of(""), DEFAULT_NAN);
    SAME(nan_of("0x1f"), 0x7fff800000000000ull, 0x1f);
    SAME(nan_of("077"), 0x7fff800000000000ull, 077);
    SAME(nan_of("18446744073709551615"), 0x7fff800000000000ull, 0xffffffffffffffffull);
    SAME(nan_of("12z"), DEFAULT_NAN);
    CHECK_EQ(errno, 0);
    /* glibc reads the tag with strtoull: an overflow leaves ERANGE. */
    SAME(nan_of("99999999999999999999"), 0x7fff800000000000ull, 0xffffffffffffffffull);
    CHECK_EQ(errno, ERANGE);

    F x = make(0x7fff812345678900ull, 42), payload;
    payload = getpayloadf128(&x);
    SAME(payload, 0x4067234567890000ull, 0x2a00ull);
    x = make(ONE);
    SAME(getpayloadf128(&x), MINUS_ONE);
    F result;
    CHECK_EQ(setpayloadf128(&result, make(0x4005400000000000ull, 0)), 0); /* 80 */
    SAME(result, 0x7fff800000000000ull, 80);
    CHECK_EQ(setpayloadsigf128(&result, make(0x4005400000000000ull, 0)), 0);
    SAME(result, 0x7fff000000000000ull, 80);
    CHECK_EQ(setpayloadsigf128(&result, make(PLUS_ZERO)), 1); /* would be an infinity */
    SAME(result, PLUS_ZERO);
    CHECK_EQ(setpayloadf128(&result, make(0x3fff800000000000ull, 0)), 1); /* 1.5 */
    CHECK_EQ(setpayloadf128(&result, make(0x406e000000000000ull, 0)), 1); /* 2^111 */
    CHECK_EQ(setpayloadf128(&result, make(0x406dffffffffffffull, 0xfffffffffffffffcull)), 0); /* 2^111 - 1 */
    SAME(result, 0x7fffffffffffffffull, 0xffffffffffffffffull);

    F signalling = make(0x7fff000000000000ull, 9), canonical;
    start();
    CHECK_EQ(canonicalizef128(&canonical, &signalling), 0);
    SAME(canonical, 0x7fff800000000000ull, 9);
    CHECK_EQ(flags(), FE_INVALID);

    F a = make(MINUS_ZERO), b = make(PLUS_ZERO), n = make(0xffff800000000000ull, 0), s = make(0xffff000000000000ull, 1);
    start();
    CHECK_EQ(totalorderf128(&a, &b), 1);
    CHECK_EQ(totalorderf128(&b, &a), 0);
    CHECK_EQ(totalorderf128(&n, &s), 1); /* -qNaN before -sNaN */
    CHECK_EQ(totalorderf128(&s, &n), 0);
    CHECK_EQ(totalordermagf128(&s, &n), 1);
    CHECK_EQ(totalordermagf128(&b, &a), 1);
    CHECK_EQ(flags(), 0);
}

static void check_rounding(void) {
    v1 = make(0xc000400000000000ull, 0); /* -2.5 */
    start();
    SAME(ceilf128(v1), 0xc000000000000000ull, 0);
    SAME(floorf128(v1), 0xc000800000000000ull, 0);
    SAME(truncf128(v1), 0xc000000000000000ull, 0);
    SAME(roundf128(v1), 0xc000800000000000ull, 0);
    SAME(roundevenf128(v1), 0xc000000000000000ull, 0);
    SAME(nearbyintf128(v1), 0xc000000000000000ull, 0);
    CHECK_EQ(flags(), 0);
    SAME(rintf128(v1), 0xc000000000000000ull, 0);
    CHECK_EQ(flags(), FE_INEXACT);
    v1 = make(0xbffe000000000000ull, 1); /* just below -0.5 */
    start();
    SAME(ceilf128(v1), MINUS_ZERO);
    SAME(roundf128(v1), MINUS_ONE);
    SAME(roundevenf128(v1), MINUS_ONE);
    SAME(rintf128(v1), MINUS_ONE);
    v1 = make(0x406effffffffffffull, 0xffffffffffffffffull); /* 2^112 - 0.5 */
    SAME(roundf128(v1), 0x406f000000000000ull, 0);
    SAME(roundevenf128(v1), 0x406f000000000000ull, 0);
    SAME(floorf128(v1), 0x406efffffffffffful, 0xfffffffffffffffeull);
    v1 = make(0x7fff000000000000ull, 1);
    start();
    SAME(floorf128(v1), 0x7fff800000000000ull, 1);
    CHECK_EQ(flags(), FE_INVALID);

    F whole;
    v1 = make(0xc000400000000000ull, 0);
    SAME(modff128(v1, &whole), 0xbffe000000000000ull, 0);
    SAME(whole, 0xc000000000000000ull, 0);
    v1 = make(MINUS_INF);
    SAME(modff128(v1, &whole), MINUS_ZERO);
    SAME(whole, MINUS_INF);

    v1 = make(0x403e000000000000ull, 0x0001000000000000ull); /* 2^63 + 0.5 */
    start();
    CHECK_EQ(lroundf128(v1), LONG_MAX); /* out of range: the bound of its sign */
    CHECK_EQ(flags(), FE_INVALID);
    v1 = make(0xc03e000000000000ull, 0x0001000000000000ull); /* -2^63 - 0.5 */
    start();
    CHECK_EQ(lrintf128(v1), LONG_MIN); /* to even: -2^63 */
    CHECK_EQ(flags(), FE_INEXACT);
    start();
    CHECK_EQ(llroundf128(v1), LLONG_MIN);
    CHECK_EQ(flags(), FE_INVALID);
    v1 = make(0x403dffffffffffffull, 0xffff000000000000ull); /* 2^63 - 0.5 */
    start();
    CHECK_EQ(llrintf128(v1), LLONG_MIN); /* the tie goes to 2^63, even: out of range, and glibc returns its bits */
    CHECK_EQ(flags(), FE_INVALID);
    v1 = make(0x4000400000000000ull, 0); /* 2.5 */
    start();
    CHECK_EQ(lrintf128(v1), 2);
    CHECK_EQ(lroundf128(v1), 3);
    CHECK_EQ(flags(), FE_INEXACT);

    v1 = make(0xc000400000000000ull, 0); /* -2.5 */
    start();
    CHECK_EQ(fromfpf128(v1, FP_INT_UPWARD, 8), -2);
    CHECK_EQ(fromfpf128(v1, FP_INT_TONEARESTFROMZERO, 8), -3);
    CHECK_EQ(fromfpf128(v1, FP_INT_TONEAREST, 8), -2);
    CHECK_EQ(flags(), 0);
    CHECK_EQ(fromfpxf128(v1, FP_INT_DOWNWARD, 8), -3);
    CHECK_EQ(flags(), FE_INEXACT);
    start();
    CHECK_EQ((long long)ufromfpf128(v1, FP_INT_UPWARD, 8), 0);
    CHECK_EQ(flags(), FE_INVALID); /* -2 does not fit: unsigned */
    CHECK_EQ(errno, EDOM);
    v1 = make(0x405e000000000000ull, 0); /* 2^95 */
    start();
    CHECK_EQ((long long)ufromfpxf128(v1, FP_INT_TOWARDZERO, 64), -1); /* UINTMAX_MAX */
    CHECK_EQ(flags(), FE_INVALID);
    v1 = make(0x403effffffffffffull, 0xffff000000000000ull); /* 2^64 - 0.5 */
    start();
    CHECK_EQ((long long)ufromfpf128(v1, FP_INT_DOWNWARD, 64), -1); /* 2^64 - 1 */
    CHECK_EQ(flags(), 0);
    CHECK_EQ((long long)ufromfpf128(v1, FP_INT_TONEAREST, 64), -1); /* 2^64: out of range, UINTMAX_MAX */
    CHECK_EQ(flags(), FE_INVALID);
}

static void check_exponents(void) {
    int exponent = 0;
    v1 = make(0x8000000000000000ull, 3); /* -3 * 2^-16494 */
    SAME(frexpf128(v1, &exponent), 0xbffe800000000000ull, 0);
    CHECK_EQ(exponent, -16492);
    CHECK_EQ(ilogbf128(v1), -16493);
    CHECK_EQ(llogbf128(v1), -16493);
    SAME(logbf128(v1), 0xc00d01b400000000ull, 0);
    v1 = make(PLUS_ZERO);
    start();
    CHECK_EQ(ilogbf128(v1), FP_ILOGB0);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(flags(), FE_INVALID);
    start();
    CHECK_EQ(llogbf128(make(PLUS_INF)), LONG_MAX);
    CHECK_EQ(errno, EDOM);
    start();
    SAME(logbf128(v1), MINUS_INF);
    CHECK_EQ(flags(), FE_DIVBYZERO);
    CHECK_EQ(errno, 0);

    v1 = make(ONE);
    start();
    SAME(ldexpf128(v1, -16494), LEAST_SUBNORMAL);
    CHECK_EQ(flags(), 0);
    SAME(ldexpf128(v1, -16495), PLUS_ZERO); /* a tie, to even */
    CHECK_EQ(flags(), FE_UNDERFLOW | FE_INEXACT);
    CHECK_EQ(errno, ERANGE);
    start();
    SAME(scalbnf128(make(0x3fff800000000000ull, 0), -16494), 0, 2); /* 1.5 rounds to 2 */
    CHECK_EQ(flags(), FE_UNDERFLOW | FE_INEXACT);
    CHECK_EQ(errno, 0);
    start();
    SAME(scalblnf128(v1, 100000), PLUS_INF);
    CHECK_EQ(flags(), FE_OVERFLOW | FE_INEXACT);
    CHECK_EQ(errno, ERANGE);
    start();
    SAME(scalblnf128(make(LEAST_SUBNORMAL), 16494 + 16383), 0x7ffe000000000000ull, 0);
    CHECK_EQ(flags(), 0);

    start();
    SAME(nextafterf128(make(PLUS_ZERO), make(MINUS_ONE)), 0x8000000000000000ull, 1);
    CHECK_EQ(flags(), FE_UNDERFLOW | FE_INEXACT);
    CHECK_EQ(errno, 0);
    start();
    SAME(nextafterf128(make(LARGEST), make(PLUS_INF)), PLUS_INF);
    CHECK_EQ(flags(), FE_OVERFLOW | FE_INEXACT);
    CHECK_EQ(errno, ERANGE);
    start();
    SAME(nextafterf128(make(0x0001000000000000ull, 0), make(PLUS_ZERO)), 0x0000ffffffffffffull, 0xffffffffffffffffull);
    CHECK_EQ(errno, ERANGE);
    start();
    SAME(nextupf128(make(MINUS_ZERO)), LEAST_SUBNORMAL);
    SAME(nextdownf128(make(PLUS_ZERO)), 0x8000000000000000ull, 1);
    SAME(nextupf128(make(MINUS_INF)), 0xfffeffffffffffffull, 0xffffffffffffffffull);
    SAME(nextdownf128(make(ONE)), 0x3ffeffffffffffffull, 0xffffffffffffffffull);
    SAME(nextupf128(make(PLUS_INF)), PLUS_INF);
    CHECK_EQ(flags(), 0);
    CHECK_EQ(errno, 0);
    SAME(nextdownf128(make(0xffff000000000000ull, 4)), 0xffff800000000000ull, 4);
    CHECK_EQ(flags(), FE_INVALID);
}

static void check_maximum_minimum(void) {
    F plus = make(PLUS_ZERO), minus = make(MINUS_ZERO), quiet = make(0x7fff800000000000ull, 7), one = make(ONE);
    F signalling = make(0x7fff000000000000ull, 8), quiet2 = make(0x7fff800000000000ull, 9);
    start();
    SAME(call2(fmaxf128, plus, minus), PLUS_ZERO); /* glibc: x on a tie */
    SAME(call2(fmaxf128, minus, plus), MINUS_ZERO);
    SAME(call2(fminf128, plus, minus), PLUS_ZERO);
    SAME(call2(fmaxf128, quiet, one), ONE);
    SAME(call2(fminf128, one, quiet), ONE);
    SAME(call2(fmaxmagf128, plus, minus), MINUS_ZERO); /* equal magnitudes: x > y ? x : y */
    SAME(call2(fminmagf128, plus, minus), MINUS_ZERO);
    SAME(call2(fmaxmagf128, make(MINUS_ONE), one), ONE);
    SAME(call2(fminmagf128, make(MINUS_ONE), one), MINUS_ONE);
    SAME(call2(fmaximumf128, minus, plus), PLUS_ZERO);
    SAME(call2(fminimumf128, plus, minus), MINUS_ZERO);
    SAME(call2(fmaximumf128, one, quiet), 0x7fff800000000000ull, 7);
    SAME(call2(fmaximum_numf128, quiet, one), ONE);
    SAME(call2(fminimum_numf128, one, quiet), ONE);
    SAME(call2(fmaximum_magf128, make(MINUS_ONE), minus), MINUS_ONE);
    SAME(call2(fminimum_magf128, make(MINUS_ONE), minus), MINUS_ZERO);
    SAME(call2(fmaximum_mag_numf128, quiet, make(MINUS_ONE)), MINUS_ONE);
    SAME(call2(fminimum_mag_numf128, minus, plus), MINUS_ZERO);
    SAME(call2(fmaximumf128, quiet, quiet2), 0x7fff800000000000ull, 9);      /* two quiet NaNs: y's */
    SAME(call2(fmaximum_numf128, quiet, quiet2), 0x7fff800000000000ull, 9);  /* the _num forms: y's */
    CHECK_EQ(flags(), 0);
    SAME(call2(fmaxf128, signalling, one), 0x7fff800000000000ull, 8);
    CHECK_EQ(flags(), FE_INVALID);
    start();
    SAME(call2(fmaximum_numf128, signalling, one), ONE);
    CHECK_EQ(flags(), FE_INVALID);
    start();
    SAME(call2(fdimf128, one, make(0x4000000000000000ull, 0)), PLUS_ZERO);
    SAME(call2(fdimf128, make(0x4000000000000000ull, 0), one), ONE);
    CHECK_EQ(flags(), 0);
    SAME(call2(fdimf128, make(LARGEST), make(0xfffeffffffffffffull, 0xffffffffffffffffull)), PLUS_INF);
    CHECK_EQ(flags(), FE_OVERFLOW | FE_INEXACT);
    CHECK_EQ(errno, ERANGE);
}

static void check_remainders(void) {
    F seven = make(0x4001c00000000000ull, 0), two = make(0x4000000000000000ull, 0);
    start();
    SAME(fmodf128(make(0xc001c00000000000ull, 0), two), MINUS_ONE);
    SAME(remainderf128(seven, two), MINUS_ONE); /* 3.5 rounds to 4 */
    SAME(fmodf128(make(LARGEST), make(0x3fff800000000000ull, 0)), 0x3ffe000000000000ull, 0); /* 0.5 */
    SAME(fmodf128(make(0x4000000000000000ull, 0), make(LEAST_SUBNORMAL)), PLUS_ZERO);
    int quotient = 0;
    SAME(remquof128(make(0xc001c00000000000ull, 0), two, &quotient), ONE);
    CHECK_EQ(quotient, -4);
    /* glibc's quotient: 7.5 rounds to 8 (even), reported as 8, not 0. */
    SAME(remquof128(make(0x4001e00000000000ull, 0), make(ONE), &quotient), 0xbffe000000000000ull, 0);
    CHECK_EQ(quotient, 8);
    CHECK_EQ(flags(), 0);
    CHECK_EQ(errno, 0);
    SAME(remquof128(seven, make(0x3ffe000000000000ull, 0), &quotient), PLUS_ZERO);
    CHECK_EQ(quotient, 6); /* 14 mod 8 */
    start();
    SAME(fmodf128(make(PLUS_INF), two), INVALID_NAN);
    CHECK_EQ(flags(), FE_INVALID);
    CHECK_EQ(errno, EDOM);
    start();
    SAME(remainderf128(two, make(MINUS_ZERO)), INVALID_NAN);
    CHECK_EQ(errno, EDOM);
    start();
    SAME(remquof128(two, make(MINUS_ZERO), &quotient), INVALID_NAN);
    CHECK_EQ(errno, 0);
    start();
    SAME(fmodf128(make(DEFAULT_NAN), make(PLUS_ZERO)), DEFAULT_NAN);
    CHECK_EQ(errno, 0);
    CHECK_EQ(flags(), 0);
}

static void check_square_root_and_fma(void) {
    start();
    SAME(sqrtf128(make(0x4001000000000000ull, 0)), 0x4000000000000000ull, 0); /* sqrt 4 */
    CHECK_EQ(flags(), 0);
    SAME(sqrtf128(make(0x4000000000000000ull, 0)), 0x3fff6a09e667f3bcull, 0xc908b2fb1366ea95ull); /* sqrt 2 */
    CHECK_EQ(flags(), FE_INEXACT);
    SAME(sqrtf128(make(LEAST_SUBNORMAL)), 0x1fc8000000000000ull, 0); /* 2^-8247 */
    SAME(sqrtf128(make(MINUS_ZERO)), MINUS_ZERO);
    start();
    SAME(sqrtf128(make(MINUS_ONE)), INVALID_NAN);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(flags(), FE_INVALID);

    /* (1 + 2^-100)^2 - 1 = 2^-99 + 2^-200, exact only in the fused form. */
    F a = make(0x3fff000000000000ull, 0x0000000000001000ull);
    start();
    SAME(fmaf128(a, a, make(MINUS_ONE)), 0x3f9c000000000000ull, 0x0000000000000800ull);
    CHECK_EQ(flags(), 0);
    /* A result below the normal range, rounded once. */
    F tiny = make(0x0001800000000000ull, 0); /* 1.5 * 2^-16382 */
    F half = make(0x3ffe000000000000ull, 1); /* 0.5 + 2^-113 */
    start();
    SAME(fmaf128(tiny, half, make(PLUS_ZERO)), 0x0000c00000000000ull, 1); /* 0.75 of the last place up */
    CHECK_EQ(flags(), FE_UNDERFLOW | FE_INEXACT);
    start();
    F largest = make(LARGEST), minus_largest = make(0xfffeffffffffffffull, 0xffffffffffffffffull);
    SAME(fmaf128(largest, make(0x4000000000000000ull, 0), minus_largest), LARGEST);
    CHECK_EQ(flags(), 0);
    SAME(fmaf128(make(ONE), make(ONE), make(MINUS_ONE)), PLUS_ZERO);
    start();
    SAME(fmaf128(make(PLUS_INF), make(PLUS_ZERO), make(DEFAULT_NAN)), INVALID_NAN);
    CHECK_EQ(flags(), FE_INVALID);
    CHECK_EQ(errno, 0);
}

static void check_complex(void) {
    _Complex _Float128 z;
    __real__ z = make(ONE);
    __imag__ z = make(0xffff800000000000ull, 3);
    SAME(crealf128(z), ONE);
    SAME(cimagf128(z), 0xffff800000000000ull, 3);
    _Complex _Float128 c = conjf128(z);
    SAME(__imag__ c, 0x7fff800000000000ull, 3);
    SAME(__real__ cprojf128(z), ONE);
    __imag__ z = make(MINUS_INF);
    __real__ z = make(DEFAULT_NAN);
    c = cprojf128(z);
    SAME(__real__ c, PLUS_INF);
    SAME(__imag__ c, MINUS_ZERO);
}

int main(void) {
    check_classification();
    check_sign_and_payload();
    check_rounding();
    check_exponents();
    check_maximum_minimum();
    check_remainders();
    check_square_root_and_fma();
    check_complex();
    return 0;
}
