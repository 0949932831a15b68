/* <complex.h> for double and float as a program uses it: known values of
 * every function (exact to within a few ulps: lwp's parts are within 3.5
 * ulps, glibc's within its own few), the special values of C11 Annex G with
 * their signed zeros, the sides of the branch cuts, errno where glibc sets
 * it, and the C calling convention (double _Complex in two registers, float
 * _Complex packed in one) through calls the compiler cannot fold. */
#include <complex.h>
#include <errno.h>
#include <float.h>
#include <math.h>

#include "../integration/check.h"

/* Arguments the compiler cannot see, so that no call is folded away. */
static volatile double seen_re;
static volatile double seen_im;
static double complex v(double re, double im) {
    seen_re = re;
    seen_im = im;
    return CMPLX(seen_re, seen_im);
}
static float complex vf(float re, float im) {
    seen_re = re;
    seen_im = im;
    return CMPLXF((float)seen_re, (float)seen_im);
}

/* result within `ulps` units in the last place of the exact value; zeros,
 * infinities and NaN must match exactly (with the zero's sign). */
static int near(double result, double exact, double ulps) {
    if (isnan(exact)) return isnan(result);
    if (exact == 0 || isinf(exact)) return result == exact && !signbit(result) == !signbit(exact);
    if (!signbit(result) != !signbit(exact)) return 0;
    double ulp = exact < DBL_MIN && exact > -DBL_MIN ? 0x1p-1074 : fabs(exact) * 0x1p-52;
    return fabs(result - exact) <= ulps * ulp;
}

/* The same for a float part, in float ulps of the exact value. */
static int near_float(float result, double exact, double ulps) {
    if (isnan(exact)) return isnan(result);
    if (exact == 0 || isinf(exact)) return result == exact && !signbit(result) == !signbit(exact);
    if (!signbit(result) != !signbit(exact)) return 0;
    double ulp = fabs(exact) < FLT_MIN ? 0x1p-149 : fabs(exact) * 0x1p-23;
    return fabs(result - exact) <= ulps * ulp;
}

/* Macros, so that a failure names its line. */
#define CHECK_NEAR(r, re, im)                 \
    do {                                      \
        double complex r_ = (r);              \
        CHECK(near(creal(r_), re, 4));        \
        CHECK(near(cimag(r_), im, 4));        \
    } while (0)
#define NEAR(f, x, y, re, im) CHECK_NEAR(f(v(x, y)), re, im)
/* An exact special value, with the signs of its zeros. */
#define SAME(f, x, y, re, im) CHECK_NEAR(f(v(x, y)), re, im)
#define NEARF(f, x, y, re, im)                     \
    do {                                           \
        float complex r_ = f(vf(x, y));            \
        CHECK(near_float(crealf(r_), re, 2));      \
        CHECK(near_float(cimagf(r_), im, 2));      \
    } while (0)

/* Through pointers, as a program calling through a table would. */
static double complex (*volatile exp_pointer)(double complex) = cexp;
static float complex (*volatile sqrtf_pointer)(float complex) = csqrtf;
/* GCC takes the complex functions for const (no errno) and would read errno
 * from before the call: the errno checks call through pointers. */
static double complex (*volatile cexp_p)(double complex) = cexp;
static float complex (*volatile cexpf_p)(float complex) = cexpf;
static double complex (*volatile clog_p)(double complex) = clog;
static double complex (*volatile csqrt_p)(double complex) = csqrt;
static double complex (*volatile catanh_p)(double complex) = catanh;
static double complex (*volatile catan_p)(double complex) = catan;
static double complex (*volatile casinh_p)(double complex) = casinh;
static double (*volatile cabs_p)(double complex) = cabs;
static double complex (*volatile cpow_p)(double complex, double complex) = cpow;

int main(void) {
    /* Known values, double. */
    NEAR(cexp, 0x1.0000000000000p+0, 0x1.0000000000000p+0, 0x1.77fc5377c5a96p+0, 0x1.24c80edc62064p+1);
    NEAR(cexp, -0x1.0000000000000p+1, 0x1.8000000000000p+1, -0x1.126495ff48cb2p-3, 0x1.38e8fbaf98c75p-6);
    NEAR(cexp, 0x1.62c0000000000p+9, 0x1.0000000000000p+1, -0x1.41316058b21dfp+1022, 0x1.5ee8dcd033dbdp+1023);
    NEAR(cexp, -0x1.7200000000000p+9, 0x1.0000000000000p-1, 0x0.000000000004ap-1022, 0x0.0000000000029p-1022);
    NEAR(clog, 0x1.8000000000000p+1, 0x1.0000000000000p+2, 0x1.9c041f7ed8d33p+0, 0x1.dac670561bb4fp-1);
    NEAR(clog, 0x1.3333333333333p-1, 0x1.999999999999ap-1, 0x1.999999999999ap-56, 0x1.dac670561bb50p-1);
    NEAR(clog, -0x1.0000000000000p+0, 0x1.56e1fc2f8f359p-997, 0x0.0p+0, 0x1.921fb54442d18p+1);
    NEAR(clog, 0x1.7e43c8800759cp+996, 0x1.7e43c8800759cp+996, 0x1.598fa10585efcp+9, 0x1.921fb54442d18p-1);
    NEAR(clog10, 0x1.8000000000000p+1, 0x1.0000000000000p+2, 0x1.65df657b04301p-1, 0x1.9c626bc5dcb74p-2);
    NEAR(clog10, -0x1.9000000000000p+6, 0x0.0p+0, 0x1.0000000000000p+1, 0x1.5d47c4cb2fba1p+0);
    NEAR(csqrt, -0x1.0000000000000p+2, 0x0.0p+0, 0x0.0p+0, 0x1.0000000000000p+1);
    NEAR(csqrt, 0x1.8000000000000p+1, 0x1.0000000000000p+2, 0x1.0000000000000p+1, 0x1.0000000000000p+0);
    NEAR(csqrt, 0x1.1ccf385ebc8a0p+1023, 0x1.1ccf385ebc8a0p+1023, 0x1.a38d1f21aa181p+511, 0x1.5b9150ea5fa22p+510);
    NEAR(csqrt, -0x1.0000000000000p+0, 0x0.0000000000001p-1022, 0x0.0p+0, 0x1.0000000000000p+0);
    NEAR(csin, 0x1.0000000000000p+0, 0x1.0000000000000p+1, 0x1.95383af6524c1p+1, 0x1.f5a869f21d03cp+0);
    NEAR(csin, -0x1.8000000000000p+1, -0x1.0000000000000p-1, -0x1.45e6419d337bbp-3, 0x1.08217b39f58fcp-1);
    NEAR(ccos, 0x1.0000000000000p+0, 0x1.0000000000000p+1, 0x1.0430447a7cf58p+1, -0x1.86a4964b0bb1ap+1);
    NEAR(ccos, 0x1.0000000000000p-1, -0x1.e000000000000p+4, 0x1.10f1828633d2cp+42, 0x1.2a38251306df6p+41);
    NEAR(ctan, 0x1.0000000000000p+0, 0x1.0000000000000p+1, 0x1.14fea2c65a0c4p-5, 0x1.03c983b18a141p+0);
    NEAR(ctan, 0x1.921fb54442d18p+0, 0x1.79ca10c924223p-67, 0x1.d02966f36ac1cp+53, 0x1.367d9637f9d71p+41);
    NEAR(csinh, 0x1.0000000000000p+0, 0x1.0000000000000p+1, -0x1.f4cb29f9f222cp-2, 0x1.6732d2bdcf480p+0);
    NEAR(csinh, 0x1.6340000000000p+9, 0x1.0000000000000p-2, 0x1.fc344bee5c39bp+1023, 0x1.03881e8f4361cp+1022);
    NEAR(ccosh, 0x1.0000000000000p+0, 0x1.0000000000000p+1, -0x1.48c7a395ae88dp-1, 0x1.119041871a17bp+0);
    NEAR(ccosh, -0x1.0000000000000p+1, 0x1.0000000000000p+0, 0x1.0430447a7cf58p+1, -0x1.86a4964b0bb1ap+1);
    NEAR(ctanh, 0x1.0000000000000p+0, 0x1.0000000000000p+1, 0x1.2aaf3a33e83dep+0, -0x1.f29a36a04911cp-3);
    NEAR(ctanh, 0x1.e000000000000p+4, 0x1.0000000000000p+0, 0x1.0000000000000p+0, 0x1.3b6b09c671258p-86);
    NEAR(casin, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.cf2214ccccd44p-2, 0x1.0fafb8f2f147fp-1);
    NEAR(casin, 0x1.0000000000000p+1, 0x0.0p+0, 0x1.921fb54442d18p+0, 0x1.5124271980435p+0); /* +0: above the cut */
    NEAR(casin, -0x1.0000000000000p+1, -0x0.0p+0, -0x1.921fb54442d18p+0, -0x1.5124271980435p+0); /* -0: below */
    NEAR(casin, 0x1.0000000000000p+0, 0x1.79ca10c924223p-67, 0x1.921fb543d4de0p+0, 0x1.b7cdfd9d7bdbbp-34);
    NEAR(cacos, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.1e5730110f9c7p+0, -0x1.0fafb8f2f147fp-1);
    NEAR(cacos, 0x1.0000000000000p+1, 0x0.0p+0, 0x0.0p+0, -0x1.5124271980435p+0);
    NEAR(cacos, -0x1.0000000000000p+1, -0x0.0p+0, 0x1.921fb54442d18p+1, 0x1.5124271980435p+0);
    NEAR(cacos, 0x1.7e43c8800759cp+996, 0x1.0000000000000p+0, 0x1.56e1fc2f8f359p-997, -0x1.59bbfd8b83e44p+9);
    NEAR(catan, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.1b6e192ebbe44p-1, 0x1.9c041f7ed8d33p-2);
    NEAR(catan, 0x0.0p+0, 0x1.0000000000000p+1, 0x1.921fb54442d18p+0, 0x1.193ea7aad030bp-1);
    NEAR(catan, 0x1.b7cdfd9d7bdbbp-34, 0x1.0000000000000p+0, 0x1.921fb54479cb4p-1, 0x1.7b810429a7c2ap+3);
    NEAR(casinh, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.0fafb8f2f147fp-1, 0x1.cf2214ccccd44p-2);
    NEAR(casinh, 0x0.0p+0, 0x1.0000000000000p+1, 0x1.5124271980435p+0, 0x1.921fb54442d18p+0);
    NEAR(casinh, 0x1.7e43c8800759cp+996, -0x1.7e43c8800759cp+996, 0x1.59e85a1181d8bp+9, -0x1.921fb54442d18p-1);
    NEAR(cacosh, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.0fafb8f2f147fp-1, 0x1.1e5730110f9c7p+0);
    NEAR(cacosh, -0x1.0000000000000p+1, 0x0.0p+0, 0x1.5124271980435p+0, 0x1.921fb54442d18p+1);
    NEAR(cacosh, 0x1.0000000000000p+0, 0x1.b7cdfd9d7bdbbp-34, 0x1.4f8b588e42918p-17, 0x1.4f8b588e2a8c9p-17);
    NEAR(catanh, 0x1.0000000000000p-1, 0x1.0000000000000p-1, 0x1.9c041f7ed8d33p-2, 0x1.1b6e192ebbe44p-1);
    NEAR(catanh, 0x1.0000000000000p+1, 0x0.0p+0, 0x1.193ea7aad030bp-1, 0x1.921fb54442d18p+0);
    NEAR(catanh, -0x1.ffffde7210be9p-1, 0x0.0p+0, -0x1.d046eb8b86c1cp+2, 0x0.0p+0);
    NEAR(catanh, 0x1.0000000000000p+0, 0x1.b7cdfd9d7bdbbp-34, 0x1.7b810429a7c2ap+3, 0x1.921fb54479cb4p-1);

    /* The float forms (rounded from the same exact values). */
    NEARF(cexpf, 1.0f, 1.0f, 0x1.77fc5377c5a96p+0, 0x1.24c80edc62064p+1);
    NEARF(clogf, 3.0f, 4.0f, 0x1.9c041f7ed8d33p+0, 0x1.dac670561bb4fp-1);
    NEARF(csqrtf, 3.0f, 4.0f, 2.0, 1.0);
    NEARF(csinf, 1.0f, 2.0f, 0x1.95383af6524c1p+1, 0x1.f5a869f21d03cp+0);
    NEARF(ccosf, 1.0f, 2.0f, 0x1.0430447a7cf58p+1, -0x1.86a4964b0bb1ap+1);
    NEARF(ctanf, 1.0f, 2.0f, 0x1.14fea2c65a0c4p-5, 0x1.03c983b18a141p+0);
    NEARF(csinhf, 1.0f, 2.0f, -0x1.f4cb29f9f222cp-2, 0x1.6732d2bdcf480p+0);
    NEARF(ccoshf, 1.0f, 2.0f, -0x1.48c7a395ae88dp-1, 0x1.119041871a17bp+0);
    NEARF(ctanhf, 1.0f, 2.0f, 0x1.2aaf3a33e83dep+0, -0x1.f29a36a04911cp-3);
    NEARF(casinf, 0.5f, 0.5f, 0x1.cf2214ccccd44p-2, 0x1.0fafb8f2f147fp-1);
    NEARF(cacosf, 0.5f, 0.5f, 0x1.1e5730110f9c7p+0, -0x1.0fafb8f2f147fp-1);
    NEARF(catanf, 0.5f, 0.5f, 0x1.1b6e192ebbe44p-1, 0x1.9c041f7ed8d33p-2);
    NEARF(casinhf, 0.5f, 0.5f, 0x1.0fafb8f2f147fp-1, 0x1.cf2214ccccd44p-2);
    NEARF(cacoshf, 0.5f, 0.5f, 0x1.0fafb8f2f147fp-1, 0x1.1e5730110f9c7p+0);
    NEARF(catanhf, 0.5f, 0.5f, 0x1.9c041f7ed8d33p-2, 0x1.1b6e192ebbe44p-1);
    NEARF(clog10f, 3.0f, 4.0f, 0x1.65df657b04301p-1, 0x1.9c626bc5dcb74p-2);
    /* A float complex comes back packed in one register; its parts intact. */
    float complex packed = sqrtf_pointer(vf(-9.0f, 0.0f));
    CHECK(crealf(packed) == 0.0f && !signbit(crealf(packed)) && cimagf(packed) == 3.0f);
    double complex pair = exp_pointer(v(0.0, 0x1.921fb54442d18p+1)); /* e^(i pi) */
    CHECK(near(creal(pair), -1.0, 1) && near(cimag(pair), 0x1.1a62633145c07p-53, 4));

    /* The parts, the conjugate, the modulus and the angle. */
    CHECK(creal(v(1.5, -2.5)) == 1.5 && cimag(v(1.5, -2.5)) == -2.5);
    CHECK(crealf(vf(1.5f, -2.5f)) == 1.5f && cimagf(vf(1.5f, -2.5f)) == -2.5f);
    double complex c = conj(v(1.0, 0.0));
    CHECK(creal(c) == 1.0 && cimag(c) == 0.0 && signbit(cimag(c)));
    float complex cf = conjf(vf(1.0f, -2.0f));
    CHECK(crealf(cf) == 1.0f && cimagf(cf) == 2.0f);
    CHECK(cabs(v(3.0, -4.0)) == 5.0 && cabsf(vf(-5.0f, 12.0f)) == 13.0f);
    CHECK(cabs(v(INFINITY, NAN)) == INFINITY);
    CHECK(near(carg(v(-1.0, 0.0)), 0x1.921fb54442d18p+1, 0));
    CHECK(near(carg(v(-1.0, -0.0)), -0x1.921fb54442d18p+1, 0));
    CHECK(near(cargf(vf(0.0f, 1.0f)), (float)0x1.921fb54442d18p+0, 0));

    /* cproj: every infinity to +inf, the zero keeping the imaginary sign. */
    SAME(cproj, -INFINITY, NAN, INFINITY, 0.0);
    SAME(cproj, NAN, -INFINITY, INFINITY, -0.0);
    SAME(cproj, 1.0, -2.0, 1.0, -2.0);
    CHECK(crealf(cprojf(vf(NAN, INFINITY))) == INFINITY);

    /* Annex G's special values, with their zeros' signs. */
    SAME(cexp, 0.0, -0.0, 1.0, -0.0);
    SAME(cexp, -INFINITY, 1.0, 0.0, 0.0);
    SAME(cexp, -INFINITY, -2.0, -0.0, -0.0);          /* the signs of cos 2, sin -2 */
    SAME(cexp, INFINITY, 0.0, INFINITY, 0.0);
    SAME(cexp, INFINITY, 3.0, -INFINITY, INFINITY);
    SAME(cexp, NAN, 0.0, NAN, 0.0);
    SAME(cexp, 1.0, INFINITY, NAN, NAN);
    SAME(cexp, -INFINITY, NAN, 0.0, 0.0);
    SAME(clog, -0.0, 0.0, -INFINITY, 0x1.921fb54442d18p+1);
    SAME(clog, 0.0, -0.0, -INFINITY, -0.0);
    SAME(clog, -INFINITY, INFINITY, INFINITY, 0x1.2d97c7f3321d2p+1);
    SAME(clog, NAN, INFINITY, INFINITY, NAN);
    SAME(clog, 1.0, 0.0, 0.0, 0.0);
    SAME(csqrt, -4.0, -0.0, 0.0, -2.0);               /* below the cut */
    SAME(csqrt, -INFINITY, 1.0, 0.0, INFINITY);
    SAME(csqrt, INFINITY, NAN, INFINITY, NAN);
    SAME(csqrt, NAN, -INFINITY, INFINITY, -INFINITY);
    SAME(csqrt, -0.0, 0.0, 0.0, 0.0);
    SAME(csinh, 0.0, INFINITY, 0.0, NAN);
    SAME(csinh, -INFINITY, 0.0, -INFINITY, 0.0);
    SAME(csinh, INFINITY, 2.0, -INFINITY, INFINITY);
    SAME(ccosh, 0.0, 0.0, 1.0, 0.0);
    SAME(ccosh, INFINITY, 0.0, INFINITY, 0.0);
    SAME(ccosh, -INFINITY, 0.0, INFINITY, -0.0);
    SAME(ctanh, INFINITY, 2.0, 1.0, -0.0);            /* sin 4 < 0 */
    SAME(ctanh, -INFINITY, NAN, -1.0, 0.0);
    SAME(ctanh, NAN, -0.0, NAN, -0.0);
    SAME(ctanh, 800.0, 1.0, 1.0, 0.0);
    SAME(csin, -0.0, INFINITY, -0.0, INFINITY);
    SAME(ccos, 0.0, -0.0, 1.0, 0.0);
    SAME(ctan, -0.0, 0.0, -0.0, 0.0);
    SAME(ctan, 1.0, -INFINITY, 0.0, -1.0);
    SAME(casinh, INFINITY, INFINITY, INFINITY, 0x1.921fb54442d18p-1);
    SAME(casinh, -2.0, NAN, NAN, NAN);
    SAME(casinh, NAN, 0.0, NAN, 0.0);
    SAME(casin, -0.0, 0.0, -0.0, 0.0);
    SAME(cacos, 0.0, 0.0, 0x1.921fb54442d18p+0, -0.0);
    SAME(cacos, -INFINITY, 1.0, 0x1.921fb54442d18p+1, -INFINITY);
    SAME(cacos, INFINITY, NAN, NAN, -INFINITY); /* Annex G leaves the sign open */
    SAME(cacosh, 0.0, -0.0, 0.0, -0x1.921fb54442d18p+0);
    SAME(cacosh, -INFINITY, INFINITY, INFINITY, 0x1.2d97c7f3321d2p+1);
    SAME(catanh, 0.0, NAN, 0.0, NAN);
    SAME(catanh, INFINITY, -2.0, 0.0, -0x1.921fb54442d18p+0);
    SAME(catanh, -1.0, 0.0, -INFINITY, 0.0);           /* a pole (ERANGE below) */
    SAME(catan, NAN, INFINITY, NAN, 0.0);
    SAME(catan, 0.0, -1.0, 0.0, -INFINITY);

    /* Huge and tiny arguments: no spurious overflow or underflow. */
    CHECK(near(cabs(v(0x1p1023, 0x1p1023)), 0x1.6a09e667f3bcdp+1023, 1)); /* fits */
    NEAR(csqrt, 0x1p-1074, 0x1p-1074, 0x1.19435caffa9f9p-537, 0x1.d203138f6c828p-539);
    SAME(cexp, 1000.0, 0.0, INFINITY, 0.0);
    SAME(cexp, 1000.0, -0.0, INFINITY, -0.0);

    /* errno: cexp when exp of the real part underflows, catanh and catan at
     * their poles; nothing for an overflow of cexp or for clog(0). */
    errno = 0;
    double complex r = cexp_p(v(-1000.0, 1.0));
    CHECK(creal(r) == 0.0 && errno == ERANGE);
    errno = 0;
    r = cexp_p(v(-740.0, 1.0)); /* a subnormal part: no error */
    CHECK(creal(r) > 0.0 && errno == 0);
    r = cexp_p(v(1000.0, 1.0));
    CHECK(creal(r) == INFINITY && errno == 0);
    r = clog_p(v(0.0, 0.0));
    CHECK(creal(r) == -INFINITY && errno == 0);
    r = csqrt_p(v(-1.0, 0.0));
    CHECK(cimag(r) == 1.0 && errno == 0);
    r = catanh_p(v(1.0, 0.0));
    CHECK(creal(r) == INFINITY && errno == ERANGE);
    errno = 0;
    r = catan_p(v(0.0, 1.0));
    CHECK(cimag(r) == INFINITY && errno == ERANGE);
    errno = 0;
    float complex rf = cexpf_p(vf(-200.0f, 1.0f));
    CHECK(crealf(rf) == 0.0f && errno == ERANGE);
    errno = 0;
    CHECK(cabs_p(v(DBL_MAX, DBL_MAX)) == INFINITY && errno == ERANGE);
    errno = 0;
    r = casinh_p(v(1e300, 1e300));
    CHECK(isfinite(creal(r)) && errno == 0);

    /* cpow = cexp(w clog z). */
    double complex p = cpow(v(0.0, 1.0), v(2.0, 0.0)); /* i^2 */
    CHECK(near(creal(p), -1.0, 2) && fabs(cimag(p)) < 1e-15);
    p = cpow(v(2.0, 0.0), v(10.0, 0.0));
    CHECK(near(creal(p), 1024.0, 8) && cimag(p) == 0.0);
    p = cpow(v(-8.0, 0.0), v(1.0 / 3.0, 0.0)); /* the principal cube root: 1 + i sqrt 3 */
    CHECK(near(creal(p), 1.0, 8) && near(cimag(p), 0x1.bb67ae8584caap+0, 8));
    float complex pf = cpowf(vf(0.0f, 2.0f), vf(2.0f, 0.0f));
    CHECK(fabsf(crealf(pf) + 4.0f) < 1e-5f && fabsf(cimagf(pf)) < 1e-5f);
    errno = 0;
    p = cpow_p(v(0.5, 0.0), v(2000.0, 0.0)); /* underflows through cexp */
    CHECK(creal(p) == 0.0 && errno == ERANGE);
    return 0;
}
