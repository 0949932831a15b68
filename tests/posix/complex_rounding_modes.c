/* The complex functions in the directed rounding modes, where glibc's own
 * libm tests caught lwp: a part that overflows is rounded as the signed value
 * it is (downward -inf, upward the most negative finite value), |z| = 1 gives
 * a real part +0 from clog and clog10, cacos of a real x > 1 a real part +0,
 * the angles of catan and clogl stay within glibc's one ulp, and ctan and
 * ctanh of a tiny (normal) argument raise no underflow. The expected values
 * are glibc 2.36's; the test also passes built against glibc. */
#include <complex.h>
#include <fenv.h>
#include <float.h>
#include <math.h>

#include "../integration/check.h"

/* Exact equality with the sign of a zero distinguished. */
static int same(double got, double want) {
    return got == want && signbit(got) == signbit(want);
}
static int same_float(float got, float want) {
    return got == want && signbit(got) == signbit(want);
}
static int same_long(long double got, long double want) {
    return got == want && signbit(got) == signbit(want);
}

/* got within one ulp of want (both finite, same sign). */
static int within_ulp(double got, double want) {
    return got == want || nextafter(got, want) == want;
}
static int within_ulp_long(long double got, long double want) {
    return got == want || nextafterl(got, want) == want;
}

static void check_overflow_signs(void) {
    volatile double big = 0xf.424p+16;      /* e^x overflows */
    volatile double tiny = -0x4p-1024;      /* sin y < 0: the imaginary part -inf */
    CHECK_EQ(fesetround(FE_DOWNWARD), 0);
    double complex e = cexp(CMPLX(big, tiny));
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    double complex u = cexp(CMPLX(big, tiny));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(same(creal(e), DBL_MAX));
    CHECK(same(cimag(e), -INFINITY));
    CHECK(same(creal(u), INFINITY));
    CHECK(same(cimag(u), -DBL_MAX));

    /* csin(-0.75 - 11357.2 i): both parts -(cosh 11357.2 times sin/cos .75). */
    volatile double x = -0xcp-4;
    volatile double y = -0x2.c5d4p+12;
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    double complex s = csin(CMPLX(x, y));
    float complex sf = csinf(CMPLXF((float)x, (float)y));
    CHECK_EQ(fesetround(FE_DOWNWARD), 0);
    double complex sd = csin(CMPLX(x, y));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(same(creal(s), -DBL_MAX));
    CHECK(same(cimag(s), -DBL_MAX));
    CHECK(same_float(crealf(sf), -FLT_MAX));
    CHECK(same_float(cimagf(sf), -FLT_MAX));
    CHECK(same(creal(sd), -INFINITY));
    CHECK(same(cimag(sd), -INFINITY));

    /* ccosh(11357.2 - 0.75 i): the imaginary part sinh x sin y < 0. */
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    double complex c = ccosh(CMPLX(-y, x));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(same(creal(c), INFINITY));
    CHECK(same(cimag(c), -DBL_MAX));

    volatile long double bigl = 0xf.424p+16L;
    volatile long double tinyl = -0x4p-128L;
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    long double complex el = cexpl(CMPLXL(bigl, tinyl));
    CHECK_EQ(fesetround(FE_DOWNWARD), 0);
    long double complex dl = csinhl(CMPLXL(-bigl, -0.75L));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(same_long(creall(el), INFINITY));
    CHECK(same_long(cimagl(el), -LDBL_MAX));
    CHECK(same_long(creall(dl), -INFINITY));
    CHECK(same_long(cimagl(dl), -INFINITY));
}

static void check_signed_zeros(void) {
    volatile double one = 1.0;
    volatile double zero = 0.0;
    CHECK_EQ(fesetround(FE_DOWNWARD), 0);
    double complex l1 = clog(CMPLX(-one, zero));
    double complex l2 = clog(CMPLX(zero, one));
    double complex l3 = clog10(CMPLX(one, 0x1.23456789p-1000));
    float complex lf = clogf(CMPLXF(1.0f, 0.0f));
    long double complex ll = clog10l(CMPLXL(1.0L, 0xf.fffffffffffffffp-15004L));
    double complex a1 = cacos(CMPLX(1.5 * one, zero));
    double complex a2 = cacos(CMPLX(1.5 * one, -zero));
    float complex af = cacosf(CMPLXF(0x1.000002p+0f, 0.0f));
    long double complex al = cacosl(CMPLXL(0x1.0000000000000002p+0L, 0.0L));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(same(creal(l1), 0.0));
    CHECK(same(cimag(l1), 0x1.921fb54442d18p+1));  /* pi rounded down */
    CHECK(same(creal(l2), 0.0));
    CHECK(same(cimag(l2), 0x1.921fb54442d18p+0));
    CHECK(same(creal(l3), 0.0));
    CHECK(same_float(crealf(lf), 0.0f));
    CHECK(same_long(creall(ll), 0.0L));
    CHECK(same(creal(a1), 0.0));
    CHECK(same(creal(a2), 0.0));
    CHECK(cimag(a1) < -0.96 && cimag(a1) > -0.97);  /* -acosh 1.5 */
    CHECK(cimag(a2) > 0.96 && cimag(a2) < 0.97);
    CHECK(same_float(crealf(af), 0.0f));
    CHECK(same_long(creall(al), 0.0L));
}

static void check_angles_upward(void) {
    /* catan(-2^-54 - (1 - 2^-53) i): the real part near |z| = 1, where
     * 1 - x^2 - y^2 cancels; the upward result is -0x1.dac670561bb4fp-3. */
    volatile double x = -0x4p-56;
    volatile double y = -0xf.ffffffffffff8p-4;
    CHECK_EQ(fesetround(FE_UPWARD), 0);
    double complex t = catan(CMPLX(x, y));
    double complex h = catanh(CMPLX(y, x));
    long double complex tl = catanl(CMPLXL(-0x4p-1024L, -0x1.0000000000000002p+0L));
    long double complex gl = clogl(CMPLXL(-0xf.8p+1020L, -0x4p-1076L));
    CHECK_EQ(fesetround(FE_TONEAREST), 0);
    CHECK(within_ulp(creal(t), -0x1.dac670561bb4fp-3));
    CHECK(within_ulp(cimag(h), -0x1.dac670561bb4fp-3));
    CHECK(within_ulp_long(creall(tl), -0xc.90fdaa22168c234p-3L));  /* -pi/2 rounded up */
    CHECK(within_ulp_long(cimagl(gl), -0xc.90fdaa22168c234p-2L));  /* -pi rounded up */
    CHECK(cimagl(tl) < -22.0L && cimagl(tl) > -23.0L);
}

static void check_no_spurious_underflow(void) {
    volatile double x = 0x8p-972;  /* 2^-969, normal: tanh x = x */
    feclearexcept(FE_ALL_EXCEPT);
    double complex a = ctanh(CMPLX(x, 0.0));
    CHECK(!fetestexcept(FE_UNDERFLOW));
    double complex b = ctan(CMPLX(0.0, x));
    CHECK(!fetestexcept(FE_UNDERFLOW));
    double complex c = ctan(CMPLX(x, 0.0));
    CHECK(!fetestexcept(FE_UNDERFLOW));
    CHECK(same(creal(a), 0x8p-972));
    CHECK(same(cimag(a), 0.0));
    CHECK(same(creal(b), 0.0));
    CHECK(same(cimag(b), 0x8p-972));
    CHECK(same(creal(c), 0x8p-972));
}

int main(void) {
    check_overflow_signs();
    check_signed_zeros();
    check_angles_upward();
    check_no_spurious_underflow();
    return 0;
}
