/* The computed complex functions of _Float128 lwp provides (cabsf128,
 * cargf128), each against fixed answers of glibc 2.36: result bits, IEEE
 * flags and errno. cabsf128 is hypotf128 and cargf128 atan2f128 in glibc,
 * so these are their special values through the complex entry points: the
 * signs of zero and pi, an infinity beside a NaN, a signalling NaN's invalid,
 * the overflow (ERANGE) and underflow (no errno) of a result. Arguments pass
 * through volatile variables so that the compiler folds nothing. Also passes
 * built against glibc (-lm). */
#include <complex.h>
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "float128_complex_cases.h"

/* function(re + i im) has the encoding (high, low), raises exactly the
 * flags given and sets errno to error (0: left alone). */
#define CASE(function, re, im, high, low, raised, error)            \
    do {                                                            \
        volatile F real_part = (re), imaginary_part = (im);          \
        _Complex _Float128 z;                                        \
        __real__ z = real_part;                                      \
        __imag__ z = imaginary_part;                                 \
        feclearexcept(FE_ALL_EXCEPT);                                \
        errno = 0;                                                   \
        F result = function(z);                                      \
        CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), (raised));             \
        CHECK_EQ(errno, (error));                                    \
        CHECK_EQ(high_of(result), (high));                           \
        CHECK_EQ(low_of(result), (low));                             \
    } while (0)

/* Within an ulp of the correctly rounded parts given (checked with mpmath),
 * where glibc's cexpf128, which rounds e^x before the product, or its
 * atan2 in clogf128 is an ulp off:
 * the parts' encodings differ by at most 1 (same sign and binade here). */
static int within_one(F x, uint64_t high, uint64_t low) {
    u128 b;
    memcpy(&b, &x, sizeof b);
    u128 want = (u128)high << 64 | low;
    return b == want || b + 1 == want || b == want + 1;
}
#define NEAR2(function, re, im, real_high, real_low, imaginary_high, imaginary_low, raised, error) \
    do {                                                                                      \
        CALL2(result, function, re, im, raised, error);                                        \
        CHECK(within_one(__real__ result, (real_high), (real_low)));                           \
        CHECK(within_one(__imag__ result, (imaginary_high), (imaginary_low)));                 \
    } while (0)

int main(void) {
    CASE(cabsf128, 3, 4, 0x4001400000000000ull, 0x0000000000000000ull, 0, 0); /* cabs 3+4i */
    CASE(cabsf128, -0.0f128, -0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0); /* cabs -0-0i */
    CASE(cabsf128, NAN_, -INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0); /* cabs nan+inf i */
    CASE(cabsf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0); /* cabs nan+1i */
    CASE(cabsf128, SNAN_, INF_, 0x7fffc00000000000ull, 0x0000000000000000ull, FE_INVALID, 0); /* cabs snan+inf i */
    CASE(cabsf128, MAX_, MAX_, 0x7fff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, ERANGE); /* cabs max+max i */
    CASE(cabsf128, 1, 1, 0x3fff6a09e667f3bcull, 0xc908b2fb1366ea95ull, FE_INEXACT, 0); /* cabs 1+1i */
    CASE(cabsf128, TRUE_MIN_, TRUE_MIN_, 0x0000000000000000ull, 0x0000000000000001ull, FE_UNDERFLOW | FE_INEXACT, 0); /* cabs tiny */
    CASE(cargf128, -1, 0.0f128, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0); /* carg -1+0i */
    CASE(cargf128, -1, -0.0f128, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0); /* carg -1-0i */
    CASE(cargf128, -0.0f128, 0.0f128, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0); /* carg -0+0i */
    CASE(cargf128, 0.0f128, -0.0f128, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0); /* carg 0-0i */
    CASE(cargf128, 1, 1, 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0); /* carg 1+1i */
    CASE(cargf128, -INF_, INF_, 0x40002d97c7f3321dull, 0x234f272993d1414aull, FE_INEXACT, 0); /* carg -inf+inf i */
    CASE(cargf128, 0, 1, 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0); /* carg 0+1i */
    CASE(cargf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0); /* carg nan+1i */
    CASE(cargf128, 1, TRUE_MIN_, 0x0000000000000000ull, 0x0000000000000001ull, FE_UNDERFLOW | FE_INEXACT, 0); /* carg 1+tiny i */
    CASE(cargf128, 2, 1, 0x3ffddac670561bb4ull, 0xf68adfc88bd97875ull, FE_INEXACT, 0); /* carg 2+1i */

    /* cexpf128: Annex G's special values as glibc gives them (its NaNs are
     * the positive default NaN; inexact even for e^0 and from the sincos of
     * an infinite x's finite y; invalid for any signalling NaN), overflow and
     * underflow without errno, in the four modes. */
    CASE2(cexpf128, 0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, -0.0f128, -0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, 1, 0.0f128, 0x40005bf0a8b14576ull, 0x95355fb8ac404e7aull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, 0, 1, 0x3ffe14a280fb5068ull, 0xb923848cdb2ed0e3ull, 0x3ffeaed548f090ceull, 0xe0418dd3d2138a1eull, FE_INEXACT, 0);
    CASE2(cexpf128, INF_, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, INF_, 2, 0xffff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, -INF_, 2, 0x8000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(cexpf128, INF_, 0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, -INF_, -0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, -INF_, -INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, 1, INF_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, NAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, NAN_, -0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, NAN_, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(cexpf128, SNAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, -INF_, SNAN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(cexpf128, 12000, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(cexpf128, 30000, -1, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(cexpf128, -12000, 1, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(cexpf128, -30000, -1, 0x0000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(cexpf128, 1, TRUE_MIN_, 0x40005bf0a8b14576ull, 0x95355fb8ac404e7aull, 0x0000000000000000ull, 0x0000000000000003ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_DOWNWARD);
    CASE2(cexpf128, 30000, 1, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0x7ffeffffffffffffull, 0xffffffffffffffffull, FE_OVERFLOW | FE_INEXACT, 0);
    fesetround(FE_UPWARD);
    CASE2(cexpf128, -30000, -1, 0x0000000000000000ull, 0x0000000000000001ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_TOWARDZERO);
    CASE2(cexpf128, 0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    fesetround(FE_UPWARD);
    CASE2(cexpf128, 1, 0.0f128, 0x40005bf0a8b14576ull, 0x95355fb8ac404e7bull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    fesetround(FE_TONEAREST);
    NEAR2(cexpf128, 1, 1, 0x3fff77fc5377c5a9ull, 0x608f7a88a27e2c5bull, 0x400024c80edc6206ull, 0x43adb3c2dbf012d9ull, FE_INEXACT, 0);
    NEAR2(cexpf128, -2, 3, 0xbffc126495ff48cbull, 0x1e815f4765a9bc57ull, 0x3ff938e8fbaf98c7ull, 0x5107b80790043ca7ull, FE_INEXACT, 0);
    NEAR2(cexpf128, 0.5f128, -0.25f128, 0x3fff98f390d81332ull, 0x228052bd11983ef8ull, 0xbffda1b0950a13dbull, 0xc1160d8a75b94b35ull, FE_INEXACT, 0);
    NEAR2(cexpf128, 100, 1e10f128, 0x408f0d6d89564161ull, 0x92055b20aeb3c654ull, 0xc08e2cdeb2be462full, 0x461e64843da95bc3ull, FE_INEXACT, 0);

    /* clogf128: the pole (divbyzero), an infinite part beside a NaN, the
     * positive default NaN, invalid for a signalling NaN, the largest and
     * least arguments, a modulus whose log underflows (x = 1, y = 2^-15004),
     * errno never set; an angle glibc's atan2 gives an ulp off within an ulp
     * (lwp's atan2f128 is correctly rounded). */
    CASE2(clogf128, 0.0f128, 0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_DIVBYZERO, 0);
    CASE2(clogf128, -0.0f128, 0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, FE_DIVBYZERO, 0);
    CASE2(clogf128, -0.0f128, -0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_DIVBYZERO, 0);
    CASE2(clogf128, 1, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, -1, -0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, 0, 1, 0x0000000000000000ull, 0x0000000000000000ull, 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, 3, 4, 0x3fff9c041f7ed8d3ull, 0x36afdf77a5160759ull, 0x3ffedac670561bb4ull, 0xf68adfc88bd97875ull, FE_INEXACT, 0);
    CASE2(clogf128, 1, 1, 0x3ffd62e42fefa39eull, 0xf35793c7673007e6ull, 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    NEAR2(clogf128, 0.75f128, 0.5f128, 0xbffba93ed3c8ad9eull, 0x36f2bea77a5c80ddull, 0x3ffe2d0ead606639ull, 0x56d2220a2c148bddull, FE_INEXACT, 0);
    CASE2(clogf128, -2, 3, 0x3fff485042b318c5ull, 0x0fe867dcef8a3fd8ull, 0x4000145385fa3af7ull, 0x17e94d48ed90a3d3ull, FE_INEXACT, 0);
    CASE2(clogf128, 1e-4000f128, -1e4000f128, 0x400c1fd2b914f151ull, 0x701cc1b19a4cfb84ull, 0xbfff921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, MAX_, MAX_, 0x400c62e6f5b8037eull, 0x3a957a768ebed646ull, 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, TRUE_MIN_, TRUE_MIN_, 0xc00c65436259a7a0ull, 0xe54beb9e3e5a9413ull, 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, 1, 0x1p-15004f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0563000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(clogf128, INF_, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, -INF_, -1, 0x7fff000000000000ull, 0x0000000000000000ull, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE2(clogf128, -INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x40002d97c7f3321dull, 0x234f272993d1414aull, FE_INEXACT, 0);
    CASE2(clogf128, INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, NAN_, -INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, NAN_, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clogf128, SNAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    fesetround(FE_UPWARD);
    CASE2(clogf128, 1, 0x1p-15004f128, 0x0000000000000000ull, 0x0000000000000001ull, 0x0563000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_DOWNWARD);
    CASE2(clogf128, 1, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    fesetround(FE_TOWARDZERO);
    NEAR2(clogf128, 3, 4, 0x3fff9c041f7ed8d3ull, 0x36afdf77a5160759ull, 0x3ffedac670561bb4ull, 0xf68adfc88bd97875ull, FE_INEXACT, 0);
    fesetround(FE_UPWARD);
    CASE2(clogf128, -0.0f128, -0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_DIVBYZERO, 0);
    fesetround(FE_TONEAREST);

    /* clog10f128's special values (the pole's angle pi log10(e)), its
     * underflowing modulus, its exact zero at |z| = 1 rounding down. */
    CASE2(clog10f128, 0.0f128, 0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_DIVBYZERO, 0);
    CASE2(clog10f128, -0.0f128, 0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0x3fff5d47c4cb2fbaull, 0x0b0ed7231200e68bull, FE_DIVBYZERO, 0);
    CASE2(clog10f128, -0.0f128, -0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0xbfff5d47c4cb2fbaull, 0x0b0ed7231200e68bull, FE_DIVBYZERO, 0);
    CASE2(clog10f128, 1, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, 1, 0x1p-15004f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0561bcb7b1526e50ull, 0xe32a6ab7555f5a68ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(clog10f128, INF_, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, -INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x3fff05f5d39863cbull, 0x884b215a4d80ace8ull, FE_INEXACT, 0);
    CASE2(clog10f128, INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, NAN_, -INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, NAN_, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(clog10f128, SNAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    fesetround(FE_UPWARD);
    CASE2(clog10f128, 1, 0x1p-15004f128, 0x0000000000000000ull, 0x0000000000000001ull, 0x0561bcb7b1526e50ull, 0xe32a6ab7555f5a68ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_DOWNWARD);
    CASE2(clog10f128, 1, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    fesetround(FE_UPWARD);
    CASE2(clog10f128, -0.0f128, -0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0xbfff5d47c4cb2fbaull, 0x0b0ed7231200e68bull, FE_DIVBYZERO, 0);
    fesetround(FE_TONEAREST);

    /* csqrtf128: the special values (signed zeros, a negative real axis,
     * infinities beside NaNs), exact roots without inexact (3 + 4i), the
     * largest and least arguments, a subnormal part that underflows. */
    CASE2(csqrtf128, 0.0f128, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -0.0f128, -0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -4, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x4000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -4, -0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0xc000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, 4, -0.0f128, 0x4000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, 3, 4, 0x4000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -3, -4, 0x3fff000000000000ull, 0x0000000000000000ull, 0xc000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, 0, 2, 0x3fff000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, 1, 1, 0x3fff19435caffa9full, 0x8b578507839adcebull, 0x3ffdd203138f6c82ull, 0x82677cc6f007597eull, FE_INEXACT, 0);
    CASE2(csqrtf128, TRUE_MIN_, TRUE_MIN_, 0x1fc819435caffa9full, 0x8b578507839adcebull, 0x1fc6d203138f6c82ull, 0x82677cc6f007597eull, FE_INEXACT, 0);
    CASE2(csqrtf128, 1, 0x1p-16383f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000400000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(csqrtf128, 1, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, NAN_, -INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -INF_, 1, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, INF_, -1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, -INF_, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csqrtf128, SNAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    fesetround(FE_TOWARDZERO);
    CASE2(csqrtf128, 3, 4, 0x4000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0);
    fesetround(FE_UPWARD);
    CASE2(csqrtf128, -3, 4, 0x3fff000000000000ull, 0x0000000000000000ull, 0x4000000000000000ull, 0x0000000000000000ull, 0, 0);
    fesetround(FE_DOWNWARD);
    CASE2(csqrtf128, 2, 0.0f128, 0x3fff6a09e667f3bcull, 0xc908b2fb1366ea95ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    fesetround(FE_TONEAREST);

    /* The same in the directed modes, where the roots round apart (pi's
     * nearest binary128 value lies below it: rounding down gives the same). */
    fesetround(FE_DOWNWARD);
    CASE(cargf128, -1, 0.0f128, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    /* Rounding down, the overflow is the largest finite value: no ERANGE. */
    CASE(cabsf128, MAX_, MAX_, 0x7ffeffffffffffffull, 0xffffffffffffffffull, FE_OVERFLOW | FE_INEXACT, 0);
    fesetround(FE_UPWARD);
    CASE(cargf128, -1, -0.0f128, 0xc000921fb54442d1ull, 0x8469898cc51701b8ull, FE_INEXACT, 0);
    CASE(cabsf128, 1, 1, 0x3fff6a09e667f3bcull, 0xc908b2fb1366ea96ull, FE_INEXACT, 0);
    fesetround(FE_TOWARDZERO);
    CASE(cabsf128, 1, 1, 0x3fff6a09e667f3bcull, 0xc908b2fb1366ea95ull, FE_INEXACT, 0);
    fesetround(FE_TONEAREST);
    return 0;
}
