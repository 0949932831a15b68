/* csinhf128, ccoshf128, csinf128, ccosf128, ctanhf128 and ctanf128 against
 * glibc 2.36: special values bit for bit with the IEEE flags and errno
 * (Annex G's infinities and NaNs as glibc's templates give them: its NaNs the
 * positive default NaN or y - y; invalid for a signalling NaN in either
 * part; csin's NaN real part without its sign, as glibc works on |x|;
 * ctanh's and ctan's NaN argument returned whole), the inexact every call
 * with finite parts raises (glibc's templates compute their threshold at
 * run time), overflow, underflow and subnormal parts without errno, in the
 * four rounding modes; and finite values within an ulp of the correctly
 * rounded parts (from mpmath at 600 bits), where glibc's, which rounds
 * sinh, cosh, sin and cos before their products, may be an ulp off.
 * Arguments pass through volatile variables so that the compiler folds
 * nothing. Also passes built against glibc (-lm). */
#include <complex.h>
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "float128_complex_cases.h"

/* Whether x lies within `ulps` ulps of the value encoded (high, low): the
 * encodings differ by at most that (same sign in the cases below). */
static int within(F x, uint64_t high, uint64_t low, unsigned ulps) {
    return distance(x, make(high, low)) <= ulps;
}

/* The same with each part the correctly rounded one (lwp's are), or against
 * glibc within `ulps` of it: glibc rounds sinh, cosh, sin and cos before
 * their products (and ctanh's and ctan's quotients), and its parts to
 * nearest reach 3 ulps from the correct ones for csinh, ccosh, csin, ccos
 * and 5 for ctanh, ctan in tools/compare_float128_complex.c's run (its
 * libm-test-ulps allow 1 and 3 on its own cases); 2 and 4 cover the cases
 * below. */
#define NEAR(function, re, im, real_high, real_low, imaginary_high, imaginary_low, raised, error, ulps) \
    do {                                                                                      \
        volatile F real_part = (re), imaginary_part = (im);                                    \
        _Complex _Float128 z;                                                                  \
        __real__ z = real_part;                                                                \
        __imag__ z = imaginary_part;                                                           \
        feclearexcept(FE_ALL_EXCEPT);                                                          \
        errno = 0;                                                                             \
        _Complex _Float128 result = function(z);                                               \
        CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), (raised));                                       \
        CHECK_EQ(errno, (error));                                                              \
        CHECK(within(__real__ result, (real_high), (real_low), (ulps)));                       \
        CHECK(within(__imag__ result, (imaginary_high), (imaginary_low), (ulps)));             \
    } while (0)
#ifdef CHECKING_AGAINST_GLIBC
#define NEAR_SINH(...) NEAR(__VA_ARGS__, 2)
#define NEAR_TANH(...) NEAR(__VA_ARGS__, 4)
#else
#define NEAR_SINH(...) NEAR(__VA_ARGS__, 0)
#define NEAR_TANH(...) NEAR(__VA_ARGS__, 0)
#endif

int main(void) {
    /* csinhf128: zeros and a subnormal part (underflow), overflow with a finite
     * part beside it, the infinities and NaNs. */
    CASE2(csinhf128, 0.0f128, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, -0.0f128, -0.0f128, 0x8000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, TRUE_MIN_, 0.0f128, 0x0000000000000000ull, 0x0000000000000001ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(csinhf128, 0.0f128, MIN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x0001000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, 12000, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(csinhf128, -30000, -1, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(csinhf128, 30000, 0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(csinhf128, INF_, 0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, -INF_, -0.0f128, 0xffff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, INF_, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, INF_, 2, 0xffff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, -INF_, 2, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinhf128, INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinhf128, -INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, 0.0f128, INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0xffff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinhf128, -0.0f128, NAN_, 0x8000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, 1, INF_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinhf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinhf128, NAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, NAN_, -0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinhf128, SNAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinhf128, 0.0f128, SNAN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fffc00000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_SINH(csinhf128, 1, 1, 0x3ffe4519fd8047f9ull, 0x1d375249dd87a9e7ull, 0x3fff4c67b74f6cc4ull, 0xed1209392f8d3878ull, FE_INEXACT, 0);
    NEAR_SINH(csinhf128, -2, 3, 0x4000cb979ed81510ull, 0xc2c39f97434dec0aull, 0x3ffe0fd4e37c636cull, 0x986b191657860489ull, FE_INEXACT, 0);
    NEAR_SINH(csinhf128, 0.5f128, -0.25f128, 0x3ffe0281b0ea5fbdull, 0xd78f631bf269421bull, 0xbffd1dacb4621fb3ull, 0xe46ca8900f19c887ull, FE_INEXACT, 0);
    NEAR_SINH(csinhf128, 100, 1e10f128, 0x408e0d6d89564161ull, 0x92055b20aeb3c654ull, 0xc08d2cdeb2be462full, 0x461e64843da95bc3ull, FE_INEXACT, 0);
    NEAR_SINH(csinhf128, 11340, -0.75f128, 0x7fe5a3134af45d06ull, 0xbb116d635009eca0ull, 0xffe58668bc5bc712ull, 0x61b300d7416a3272ull, FE_INEXACT, 0);
    NEAR_SINH(csinhf128, 11370, 1e-10f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7ff02adc94ead28full, 0x36ee940b5df1e766ull, FE_OVERFLOW | FE_INEXACT, 0);

    /* ccoshf128: cosh 0 = 1 with inexact all the same, the underflow glibc's sinh
     * raises for a subnormal x, overflow, infinities and NaNs (y - y for an
     * infinite y, invalid). */
    CASE2(ccoshf128, 0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccoshf128, -0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccoshf128, TRUE_MIN_, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(ccoshf128, 12000, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ccoshf128, 30000, -0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ccoshf128, INF_, 0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, -INF_, 0.0f128, 0x7fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, INF_, 2, 0xffff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccoshf128, -INF_, 2, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccoshf128, INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccoshf128, -INF_, NAN_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, 0.0f128, INF_, 0xffff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccoshf128, -0.0f128, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, 1, INF_, 0xffff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccoshf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, NAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccoshf128, SNAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_SINH(ccoshf128, 1, 1, 0x3ffeaadea96f4359ull, 0xa3e7a2c76774aecfull, 0x3ffefa50ccd2ae8full, 0x3492bc9910a5da72ull, FE_INEXACT, 0);
    NEAR_SINH(ccoshf128, -2, 3, 0xc000dcbde838099dull, 0x74abb58bb9a887cfull, 0xbffe060d9b9ee6a6ull, 0x5de2db561b05e2a4ull, FE_INEXACT, 0);
    NEAR_SINH(ccoshf128, 0x1p-80f128, 1e30f128, 0xbffefdeab18a1325ull, 0x23118d4772ad8445ull, 0xbfab711e6ba878b8ull, 0x7f21c4544de200efull, FE_INEXACT, 0);
    NEAR_SINH(ccoshf128, -700, 0.125f128, 0x43efd5948eeacb4aull, 0xc7f9d29588099dd4ull, 0xc3ecd80a9a79b99bull, 0xda80d40e7299865full, FE_INEXACT, 0);

    /* csinf128 = -i csinh(iz): the same cases turned a quarter. */
    CASE2(csinf128, 0.0f128, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinf128, -0.0f128, 0.0f128, 0x8000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinf128, 0.0f128, TRUE_MIN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000001ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(csinf128, 1, 12000, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(csinf128, -1, -30000, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(csinf128, 0.0f128, INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, -0.0f128, -INF_, 0x8000000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, 2, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinf128, -2, INF_, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(csinf128, INF_, 0.0f128, 0xffff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinf128, -NAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, INF_, INF_, 0xffff800000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinf128, -NAN_, INF_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, INF_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(csinf128, 0.0f128, NAN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, -0.0f128, NAN_, 0x8000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, NAN_, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(csinf128, 1, SNAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_SINH(csinf128, 1, 1, 0x3fff4c67b74f6cc4ull, 0xed1209392f8d3878ull, 0x3ffe4519fd8047f9ull, 0x1d375249dd87a9e7ull, FE_INEXACT, 0);
    NEAR_SINH(csinf128, -2, 3, 0xc00224f1a831e7d2ull, 0xdb7d75a57f13b28cull, 0xc0010acf5f2347e2ull, 0x19fb76df0ce148ecull, FE_INEXACT, 0);
    NEAR_SINH(csinf128, 1e30f128, 0x1p-80f128, 0xbffb711e6ba878b8ull, 0x7f21c4544de200efull, 0xbfaefdeab18a1325ull, 0x23118d4772ad8445ull, FE_INEXACT, 0);
    NEAR_SINH(csinf128, 0.125f128, -700, 0x43ecd80a9a79b99bull, 0xda80d40e7299865full, 0xc3efd5948eeacb4aull, 0xc7f9d29588099dd4ull, FE_INEXACT, 0);

    /* ccosf128 = ccosh(-y + ix), as glibc computes it. */
    CASE2(ccosf128, 0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccosf128, 0.0f128, -0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccosf128, -0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccosf128, 1, 12000, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ccosf128, INF_, 0.0f128, 0xffff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccosf128, INF_, -0.0f128, 0xffff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccosf128, 0.0f128, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccosf128, 2, INF_, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccosf128, -2, -INF_, 0xffff000000000000ull, 0x0000000000000000ull, 0xffff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ccosf128, INF_, INF_, 0x7fff000000000000ull, 0x0000000000000000ull, 0xffff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccosf128, NAN_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccosf128, 0.0f128, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccosf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ccosf128, INF_, 1, 0xffff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ccosf128, SNAN_, 0.0f128, 0x7fffc00000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_SINH(ccosf128, 1, 1, 0x3ffeaadea96f4359ull, 0xa3e7a2c76774aecfull, 0xbffefa50ccd2ae8full, 0x3492bc9910a5da72ull, FE_INEXACT, 0);
    NEAR_SINH(ccosf128, -2, 3, 0xc0010c22d3cb4c50ull, 0xc447f283ba92f2acull, 0x4002237ecb7eefafull, 0x2c0f2d6966896dcbull, FE_INEXACT, 0);
    NEAR_SINH(ccosf128, 3, -0.5f128, 0xbfff1dc88a306a6full, 0x5b606378fc0ad576ull, 0x3ffb2d351b122f67ull, 0x1cb4cf5fc56ced11ull, FE_INEXACT, 0);
    NEAR_SINH(ccosf128, 0.25f128, 1.5f128, 0x400023bf6930e258ull, 0x9e17a3c32ece9847ull, 0xbffe0db7b3f6d497ull, 0x9443631cc8518ba3ull, FE_INEXACT, 0);
    NEAR_SINH(ccosf128, 1e-10f128, -11370, 0x7fff000000000000ull, 0x0000000000000000ull, 0x7ff02adc94ead28full, 0x36ee940b5df1e766ull, FE_OVERFLOW | FE_INEXACT, 0);

    /* ctanhf128: parts at most the least normal returned as they are (underflow
     * for a subnormal one), beyond |x| = 5678 +-1 with an underflowing
     * imaginary part, the sign of sin 2y on a zero for an infinite x and
     * |y| > 1, a NaN x with a zero y returned whole. */
    CASE2(ctanhf128, 0.0f128, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanhf128, -0.0f128, -0.0f128, 0x8000000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanhf128, TRUE_MIN_, -TRUE_MIN_, 0x0000000000000000ull, 0x0000000000000001ull, 0x8000000000000000ull, 0x0000000000000001ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(ctanhf128, MIN_, MIN_, 0x0001000000000000ull, 0x0000000000000000ull, 0x0001000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanhf128, INF_, 0.5f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, INF_, 2, 0x3fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanhf128, -INF_, -2, 0xbfff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanhf128, INF_, INF_, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, -INF_, -NAN_, 0xbfff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, 0.0f128, INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ctanhf128, 1, INF_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ctanhf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, -0.0f128, NAN_, 0x8000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, __builtin_nanf128("0x1234"), 0.0f128, 0x7fff800000000000ull, 0x0000000000001234ull, 0x0000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, NAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanhf128, SNAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ctanhf128, INF_, SNAN_, 0x3fff000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_TANH(ctanhf128, 1, 1, 0x3fff157bffca4a8bull, 0xce7df3b8c0998fb2ull, 0x3ffd16464f4a33f8ull, 0x78d8cae59a0f3624ull, FE_INEXACT, 0);
    NEAR_TANH(ctanhf128, -2, 3, 0xbffeee470ed4d72eull, 0x2f093fe0fbfb3112ull, 0xbff843e425c3f79bull, 0x5196f5bdb064536bull, FE_INEXACT, 0);
    NEAR_TANH(ctanhf128, 0.25f128, 1.5f128, 0x4000e49f37b75b3cull, 0x8313066281b9bc18ull, 0x3fff067c29768531ull, 0x2cd56eb3c4f247e3ull, FE_INEXACT, 0);
    NEAR_TANH(ctanhf128, 30, -1, 0x3fff000000000000ull, 0x00000000024169f8ull, 0xbfa93b6b09c67125ull, 0x7f6ca4c799453487ull, FE_INEXACT, 0);
    NEAR_TANH(ctanhf128, 1e-20f128, 1e-30f128, 0x3fbc79ca10c92422ull, 0x35d511e976394d7aull, 0x3f9b4484bfeebc29ull, 0xf863424b06f3529aull, FE_INEXACT, 0);

    /* ctanf128 = -i ctanh(iz). */
    CASE2(ctanf128, 0.0f128, 0.0f128, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanf128, -0.0f128, 0.0f128, 0x8000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanf128, 1, 6000, 0x0000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(ctanf128, -2, -6000, 0x0000000000000000ull, 0x0000000000000000ull, 0xbfff000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    CASE2(ctanf128, 0.5f128, INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanf128, 2, INF_, 0x8000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanf128, -2, -INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0xbfff000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    CASE2(ctanf128, NAN_, INF_, 0x0000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanf128, INF_, 0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ctanf128, INF_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    CASE2(ctanf128, 0.0f128, NAN_, 0x0000000000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanf128, NAN_, -0.0f128, 0x7fff800000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanf128, 1, NAN_, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, 0, 0);
    CASE2(ctanf128, SNAN_, 1, 0x7fff800000000000ull, 0x0000000000000000ull, 0x7fff800000000000ull, 0x0000000000000000ull, FE_INVALID, 0);
    NEAR_TANH(ctanf128, 1, 1, 0x3ffd16464f4a33f8ull, 0x78d8cae59a0f3624ull, 0x3fff157bffca4a8bull, 0xce7df3b8c0998fb2ull, FE_INEXACT, 0);
    NEAR_TANH(ctanf128, 3, -0.5f128, 0xbffbc93327a9bee6ull, 0x6a48fbb1048b1156ull, 0xbffde0bcbdf0debbull, 0xb2be5ef2ae68fb20ull, FE_INEXACT, 0);
    NEAR_TANH(ctanf128, 1.5f128, 0.25f128, 0x3fff067c29768531ull, 0x2cd56eb3c4f247e3ull, 0x4000e49f37b75b3cull, 0x8313066281b9bc18ull, FE_INEXACT, 0);
    NEAR_TANH(ctanf128, -1, 30, 0xbfa93b6b09c67125ull, 0x7f6ca4c799453487ull, 0x3fff000000000000ull, 0x00000000024169f8ull, FE_INEXACT, 0);

    /* The directed modes: overflow to the largest value, underflow to the least
     * subnormal, a subnormal real part rounded by the mode. */
    fesetround(FE_DOWNWARD);
    CASE2(csinhf128, 30000, 1, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0x7ffeffffffffffffull, 0xffffffffffffffffull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ctanhf128, TRUE_MIN_, 0.5f128, 0x0000000000000000ull, 0x0000000000000001ull, 0x3ffe17b4f5bf3474ull, 0xa431796480788244ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_UPWARD);
    CASE2(ccoshf128, -30000, 1, 0x7fff000000000000ull, 0x0000000000000000ull, 0xfffeffffffffffffull, 0xffffffffffffffffull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ctanf128, 0.5f128, -6000, 0x0000000000000000ull, 0x0000000000000001ull, 0xbfff000000000000ull, 0x0000000000000000ull, FE_UNDERFLOW | FE_INEXACT, 0);
    fesetround(FE_TOWARDZERO);
    CASE2(csinf128, 1, 30000, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0x7ffeffffffffffffull, 0xffffffffffffffffull, FE_OVERFLOW | FE_INEXACT, 0);
    CASE2(ccosf128, 0.0f128, 0.0f128, 0x3fff000000000000ull, 0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000000ull, FE_INEXACT, 0);
    fesetround(FE_TONEAREST);
    return 0;
}
