/* <complex.h> for long double as a program uses it: known values (exact
 * values from libquadmath's __float128 functions, rounded to long double;
 * lwp's parts are within one ulp, glibc's within its own few), the special
 * values of C11 Annex G with their signed zeros, the sides of the branch
 * cuts, errno as glibc sets it (by cabsl and cargl only), and the C calling convention (a long double _Complex
 * passed in memory and returned in st(0) and st(1)) through calls the
 * compiler cannot fold. */
#include <complex.h>
#include <errno.h>
#include <float.h>
#include <math.h>

#include "../integration/check.h"

/* Arguments the compiler cannot see, so that no call is folded away. */
static volatile long double seen_re;
static volatile long double seen_im;
static long double complex v(long double re, long double im) {
    seen_re = re;
    seen_im = im;
    return CMPLXL(seen_re, seen_im);
}

/* result within `ulps` units in the last place of the exact value; zeros,
 * infinities and NaN must match exactly (with the zero's sign). */
static int near(long double result, long double exact, long double ulps) {
    if (isnan(exact)) return isnan(result);
    if (exact == 0 || isinf(exact)) return result == exact && !signbit(result) == !signbit(exact);
    if (!signbit(result) != !signbit(exact)) return 0;
    long double ulp = fabsl(exact) < LDBL_MIN ? 0x1p-16445L : fabsl(exact) * 0x1p-63L;
    return fabsl(result - exact) <= ulps * ulp;
}

/* Macros, so that a failure names its line. */
#define CHECK_NEAR(r, re, im)                 \
    do {                                      \
        long double complex r_ = (r);         \
        CHECK(near(creall(r_), re, 8));       \
        CHECK(near(cimagl(r_), im, 8));       \
    } while (0)
#define NEAR(f, x, y, re, im) CHECK_NEAR(f(v(x, y)), re, im)
/* An exact special value, with the signs of its zeros. */
#define SAME(f, x, y, re, im) CHECK_NEAR(f(v(x, y)), re, im)

/* Through pointers, as a program calling through a table would; GCC takes
 * the complex functions for const (no errno), so the errno checks call
 * through these too. */
static long double complex (*volatile cexpl_p)(long double complex) = cexpl;
static long double complex (*volatile csqrtl_p)(long double complex) = csqrtl;
static long double complex (*volatile clogl_p)(long double complex) = clogl;
static long double complex (*volatile catanhl_p)(long double complex) = catanhl;
static long double (*volatile creall_p)(long double complex) = creall;
static long double (*volatile cimagl_p)(long double complex) = cimagl;
static long double complex (*volatile conjl_p)(long double complex) = conjl;
static long double (*volatile cabsl_p)(long double complex) = cabsl;
static long double (*volatile cargl_p)(long double complex) = cargl;
static long double complex (*volatile cpowl_p)(long double complex, long double complex) = cpowl;

int main(void) {
    /* Known values. */
    NEAR(cexpl, 0x1p+0L, 0x1p+0L, 0x1.77fc5377c5a9609p+0L, 0x1.24c80edc620643aep+1L);
    NEAR(cexpl, 0x1.62ep+13L, 0x1p+1L, -0x1.f8f7e02421c83322p+16381L, 0x1.13d80ce1be1e8df4p+16383L);
    NEAR(cexpl, -0x1.63fp+13L, 0x1p-1L, 0x0.0000000000002dbcp-16382L, 0x0.00000000000018fcp-16382L);
    NEAR(clogl, 0x1.8p+1L, 0x1p+2L, 0x1.9c041f7ed8d336bp+0L, 0x1.dac670561bb4f68ap-1L);
    NEAR(clogl, 0x1.3333333333333334p-1L, 0x1.999999999999999ap-1L, 0x1.999999999999999ap-66L,
         0x1.dac670561bb4f68ap-1L);
    NEAR(clogl, 0x1p+16000L, 0x1p+16000L, 0x1.5a959c9865a880e2p+13L, 0x1.921fb54442d1846ap-1L);
    NEAR(clog10l, 0x1.8p+1L, 0x1p+2L, 0x1.65df657b04300868p-1L, 0x1.9c626bc5dcb73b24p-2L);
    NEAR(csqrtl, 0x1.8p+1L, 0x1p+2L, 0x1p+1L, 0x1p+0L);
    NEAR(csqrtl, 0x1p-16445L, 0x1p-16445L, 0x1.8dc42193d5c02bf2p-8223L, 0x1.49852f983efdd57cp-8224L);
    NEAR(csqrtl, -0x1p+1L, 0x1p-16000L, 0x1.6a09e667f3bcc908p-16002L, 0x1.6a09e667f3bcc908p+0L);
    NEAR(csinl, 0x1p+0L, 0x1p+1L, 0x1.95383af6524c0db2p+1L, 0x1.f5a869f21d03c372p+0L);
    NEAR(csinl, 0x1.a3750647fcab18c2p+13287L, 0x1p-1L, 0x1.46b65871943b321cp-1L, 0x1.b7f1eb3ed0967a6ap-2L);
    NEAR(ccosl, 0x1p+0L, 0x1p+1L, 0x1.0430447a7cf57e6ep+1L, -0x1.86a4964b0bb19ca8p+1L);
    NEAR(ctanl, 0x1p+0L, 0x1p+1L, 0x1.14fea2c65a0c3f2ap-5L, 0x1.03c983b18a141172p+0L);
    NEAR(ctanl, 0x1.921fb54442d1846ap+0L, 0x1p-70L, -0x1.1453154289c2da6cp+65L, 0x1.2a9a53b84068377ep+60L);
    NEAR(csinhl, 0x1p+0L, 0x1p+1L, -0x1.f4cb29f9f222bd0ap-2L, 0x1.6732d2bdcf47f948p+0L);
    NEAR(csinhl, 0x1.62e8p+13L, 0x1p-2L, 0x1.8f7d9463c5a73e42p+16383L, 0x1.9806d8032e613702p+16381L);
    NEAR(ccoshl, 0x1p+0L, 0x1p+1L, -0x1.48c7a395ae88d034p-1L, 0x1.119041871a17b212p+0L);
    NEAR(ctanhl, 0x1p+0L, 0x1p+1L, 0x1.2aaf3a33e83ddf2p+0L, -0x1.f29a36a04911bf6cp-3L);
    NEAR(ctanhl, 0x1.ep+4L, 0x1p+0L, 0x1p+0L, 0x1.3b6b09c671257f6cp-86L);
    NEAR(casinl, 0x1p-1L, 0x1p-1L, 0x1.cf2214ccccd43b22p-2L, 0x1.0fafb8f2f147ea32p-1L);
    NEAR(casinl, 0x1p+1L, 0x0p+0L, 0x1.921fb54442d1846ap+0L, 0x1.51242719804349bep+0L); /* +0: above the cut */
    NEAR(casinl, 0x1p+0L, 0x1p-70L, 0x1.921fb54422d1846ap+0L, 0x1p-35L);
    NEAR(cacosl, 0x1p-1L, 0x1p-1L, 0x1.1e5730110f9c75a2p+0L, -0x1.0fafb8f2f147ea32p-1L);
    NEAR(cacosl, -0x1p+1L, -0x0p+0L, 0x1.921fb54442d1846ap+1L, 0x1.51242719804349bep+0L); /* -0: below */
    NEAR(cacosl, 0x1p+16000L, 0x1p+0L, 0x1p-16000L, -0x1.5a986260c587c82p+13L);
    NEAR(catanl, 0x1p-1L, 0x1p-1L, 0x1.1b6e192ebbe446c6p-1L, 0x1.9c041f7ed8d336bp-2L);
    NEAR(catanl, 0x1p-40L, 0x1p+0L, 0x1.921fb5444351846ap-1L, 0x1.c6b45d6b09a3a7c8p+3L);
    NEAR(casinhl, 0x1p-1L, 0x1p-1L, 0x1.0fafb8f2f147ea32p-1L, 0x1.cf2214ccccd43b22p-2L);
    NEAR(casinhl, 0x1p+16000L, -0x1p+16000L, 0x1.5a9b282925670f5ep+13L, -0x1.921fb54442d1846ap-1L);
    NEAR(cacoshl, 0x1p-1L, 0x1p-1L, 0x1.0fafb8f2f147ea32p-1L, 0x1.1e5730110f9c75a2p+0L);
    NEAR(cacoshl, 0x1p+0L, 0x1p-40L, 0x1.0000000000155556p-20L, 0x1.ffffffffffd55556p-21L);
    NEAR(catanhl, 0x1p-1L, 0x1p-1L, 0x1.9c041f7ed8d336bp-2L, 0x1.1b6e192ebbe446c6p-1L);
    NEAR(catanhl, 0x1p+0L, 0x1p-40L, 0x1.c6b45d6b09a3a7c8p+3L, 0x1.921fb5444351846ap-1L);
    NEAR(catanhl, 0x1p+100L, 0x1p+0L, 0x1p-100L, 0x1.921fb54442d1846ap+0L);

    /* The parts, the conjugate, the modulus and the angle. */
    CHECK(creall(v(1.5L, -2.5L)) == 1.5L && cimagl(v(1.5L, -2.5L)) == -2.5L);
    long double complex c = conjl(v(1.0L, 0.0L));
    CHECK(creall(c) == 1.0L && cimagl(c) == 0.0L && signbit(cimagl(c)));
    /* The same as functions (GCC would otherwise expand the three inline). */
    CHECK(creall_p(v(1.5L, -2.5L)) == 1.5L && cimagl_p(v(1.5L, -2.5L)) == -2.5L);
    c = conjl_p(v(3.0L, 4.0L));
    CHECK(creall(c) == 3.0L && cimagl(c) == -4.0L);
    CHECK(cabsl(v(3.0L, -4.0L)) == 5.0L);
    CHECK(cabsl(v(INFINITY, NAN)) == INFINITY);
    CHECK(near(cargl(v(-1.0L, 0.0L)), 0x1.921fb54442d1846ap+1L, 0));
    CHECK(near(cargl(v(-1.0L, -0.0L)), -0x1.921fb54442d1846ap+1L, 0));

    /* cprojl: every infinity to +inf, the zero keeping the imaginary sign. */
    SAME(cprojl, -INFINITY, NAN, INFINITY, 0.0L);
    SAME(cprojl, NAN, -INFINITY, INFINITY, -0.0L);
    SAME(cprojl, 1.0L, -2.0L, 1.0L, -2.0L);

    /* Annex G's special values, with their zeros' signs. */
    SAME(cexpl, 0.0L, -0.0L, 1.0L, -0.0L);
    SAME(cexpl, -INFINITY, -2.0L, -0.0L, -0.0L); /* the signs of cos 2, sin -2 */
    SAME(cexpl, INFINITY, 3.0L, -INFINITY, INFINITY);
    SAME(cexpl, NAN, 0.0L, NAN, 0.0L);
    SAME(cexpl, 1.0L, INFINITY, NAN, NAN);
    SAME(clogl, -0.0L, 0.0L, -INFINITY, 0x1.921fb54442d1846ap+1L);
    SAME(clogl, -INFINITY, INFINITY, INFINITY, 0x1.2d97c7f3321d234ep+1L);
    SAME(clogl, NAN, INFINITY, INFINITY, NAN);
    SAME(csqrtl, -4.0L, -0.0L, 0.0L, -2.0L); /* below the cut */
    SAME(csqrtl, -INFINITY, 1.0L, 0.0L, INFINITY);
    SAME(csqrtl, NAN, -INFINITY, INFINITY, -INFINITY);
    SAME(csinhl, 0.0L, INFINITY, 0.0L, NAN);
    SAME(csinhl, INFINITY, 2.0L, -INFINITY, INFINITY);
    SAME(ccoshl, -INFINITY, 0.0L, INFINITY, -0.0L);
    SAME(ctanhl, INFINITY, 2.0L, 1.0L, -0.0L); /* sin 4 < 0 */
    SAME(ctanhl, NAN, -0.0L, NAN, -0.0L);
    SAME(ctanhl, 12000.0L, 1.0L, 1.0L, 0.0L);
    SAME(csinl, -0.0L, INFINITY, -0.0L, INFINITY);
    SAME(ccosl, 0.0L, -0.0L, 1.0L, 0.0L);
    SAME(ctanl, 1.0L, -INFINITY, 0.0L, -1.0L);
    SAME(casinhl, INFINITY, INFINITY, INFINITY, 0x1.921fb54442d1846ap-1L);
    SAME(casinhl, NAN, 0.0L, NAN, 0.0L);
    SAME(casinl, -0.0L, 0.0L, -0.0L, 0.0L);
    SAME(cacosl, 0.0L, 0.0L, 0x1.921fb54442d1846ap+0L, -0.0L);
    SAME(cacosl, -INFINITY, 1.0L, 0x1.921fb54442d1846ap+1L, -INFINITY);
    SAME(cacoshl, -INFINITY, INFINITY, INFINITY, 0x1.2d97c7f3321d234ep+1L);
    SAME(catanhl, INFINITY, -2.0L, 0.0L, -0x1.921fb54442d1846ap+0L);
    SAME(catanhl, -1.0L, 0.0L, -INFINITY, 0.0L); /* a pole, errno untouched below */
    SAME(catanl, 0.0L, -1.0L, 0.0L, -INFINITY);

    /* The calling convention through pointers: st(0) real, st(1) imaginary. */
    long double complex r = csqrtl_p(v(-9.0L, 0.0L));
    CHECK(creall(r) == 0.0L && !signbit(creall(r)) && cimagl(r) == 3.0L);

    /* errno: only cabsl (hypotl) and cargl (atan2l) set it; cexpl's
     * underflow or overflow and clogl(0) leave it alone, as glibc's. */
    errno = 0;
    r = cexpl_p(v(-20000.0L, 1.0L));
    CHECK(creall(r) == 0.0L && errno == 0);
    r = cexpl_p(v(20000.0L, 1.0L));
    CHECK(creall(r) == INFINITY && errno == 0);
    r = clogl_p(v(0.0L, 0.0L));
    CHECK(creall(r) == -INFINITY && errno == 0);
    r = catanhl_p(v(1.0L, 0.0L)); /* glibc's double catanh sets ERANGE here, catanhl not */
    CHECK(creall(r) == INFINITY && errno == 0);
    r = cpowl_p(v(0.5L, 0.0L), v(40000.0L, 0.0L));
    CHECK(creall(r) == 0.0L && errno == 0);
    CHECK(cabsl_p(v(LDBL_MAX, LDBL_MAX)) == INFINITY && errno == ERANGE);
    errno = 0;
    CHECK(cargl_p(v(LDBL_MAX, 0x1p-16000L)) == 0.0L && errno == ERANGE);

    /* cpowl = cexpl(w clogl z). */
    long double complex p = cpowl(v(-8.0L, 0.0L), v(1.0L / 3.0L, 0.0L)); /* 1 + i sqrt 3 */
    CHECK(near(creall(p), 0x1.fffffffffffffffep-1L, 16) && near(cimagl(p), 0x1.bb67ae8584caa73cp+0L, 16));
    p = cpowl(v(2.0L, 0.0L), v(10.0L, 0.0L));
    CHECK(near(creall(p), 1024.0L, 16) && cimagl(p) == 0.0L);
    return 0;
}
