/* <math.h> as a program uses it: threads that each compute with the
 * functions, known values (correctly rounded, from mpmath) to within one ulp,
 * huge arguments of sin/cos/tan, pow over its range, the exact operations,
 * C99 Annex F's special values, errno on domain, pole and range errors
 * (glibc's math_errhandling includes MATH_ERRNO), the float variants, and
 * the special functions (erf, lgamma, tgamma, Bessel, remquo, nexttoward).
 * Inputs go through volatile variables so that the compiler calls the
 * library instead of folding the calls; sin and cos of one argument may
 * become a call of sincos.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread tests/posix/math.c -lm */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"

/* Within n units in the last place of expected (both finite, same sign). */
static int within_ulps(double actual, double expected, double n) {
    if (actual == expected) return 1;
    double ulp = nextafter(fabs(expected), INFINITY) - fabs(expected);
    return fabs(actual - expected) <= n * ulp;
}

static int within_float_ulps(float actual, float expected, float n) {
    if (actual == expected) return 1;
    float ulp = nextafterf(fabsf(expected), INFINITY) - fabsf(expected);
    return fabsf(actual - expected) <= n * ulp;
}

static int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

#define CHECK_NEAR(actual, expected) CHECK(within_ulps((actual), (expected), 1.0))
#define CHECK_NEAR_F(actual, expected) CHECK(within_float_ulps((actual), (expected), 1.0f))

/* errno is exactly `code` after `call`. The result is kept (volatile): GCC
 * drops a call of sin whose result is unused, errno or not. */
#define CHECK_ERRNO(call, code)                       \
    do {                                              \
        errno = 0;                                    \
        volatile double kept_result = (double)(call); \
        (void)kept_result;                            \
        CHECK_EQ(errno, (code));                      \
    } while (0)

static volatile double v_half = 0.5, v_one = 1.0, v_two = 2.0, v_ten = 10.0, v_zero = 0.0;
static volatile double v_minus_one = -1.0, v_1e22 = 1e22;

static void known_values(void) {
    CHECK_NEAR(sin(v_half), 0x1.eaee8744b05f0p-2);
    CHECK_NEAR(cos(v_half), 0x1.c1528065b7d50p-1);
    CHECK_NEAR(tan(v_one), 0x1.8eb245cbee3a6p+0);
    CHECK_NEAR(asin(v_half), 0x1.0c152382d7366p-1);
    CHECK_NEAR(acos(v_half), 0x1.0c152382d7366p+0);
    CHECK_NEAR(atan(v_one), 0x1.921fb54442d18p-1);
    CHECK_NEAR(atan2(v_one, v_minus_one), 0x1.2d97c7f3321d2p+1);
    CHECK_NEAR(exp(v_one), 0x1.5bf0a8b145769p+1);
    CHECK_NEAR(exp2(v_half), 0x1.6a09e667f3bcdp+0);
    CHECK_NEAR(expm1(v_one * 1e-10), 0x1.b7cdfd9dda4e3p-34);
    CHECK_NEAR(log(v_ten), 0x1.26bb1bbb55516p+1);
    CHECK_NEAR(log2(v_ten), 0x1.a934f0979a371p+1);
    CHECK_NEAR(log10(v_two), 0x1.34413509f79ffp-2);
    CHECK_NEAR(log1p(v_one * 1e-10), 0x1.b7cdfd9d1d693p-34);
    CHECK_NEAR(pow(v_two, v_half), 0x1.6a09e667f3bcdp+0);
    CHECK_NEAR(cbrt(v_two), 0x1.428a2f98d728bp+0);
    CHECK_NEAR(sinh(v_one), 0x1.2cd9fc44eb982p+0);
    CHECK_NEAR(cosh(v_one), 0x1.8b07551d9f550p+0);
    CHECK_NEAR(tanh(v_half), 0x1.d9353d7568af3p-2);
    CHECK_NEAR(asinh(v_one), 0x1.c34366179d427p-1);
    CHECK_NEAR(acosh(v_two), 0x1.5124271980435p+0);
    CHECK_NEAR(atanh(v_half), 0x1.193ea7aad030bp-1);
    CHECK_NEAR(hypot(v_one * 1e300, v_one * 1e300), 0x1.0e4d50f99b211p+997);
    CHECK(sqrt(v_two) == 0x1.6a09e667f3bcdp+0); /* correctly rounded */

    /* A huge argument: sin(10^22) needs 10^22 mod 2 pi to many digits. */
    CHECK_NEAR(sin(v_1e22), -0x1.b453ab76bf397p-1);
    CHECK_NEAR(cos(v_1e22), 0x1.0be2cef01c8f4p-1);
    CHECK_NEAR(tan(v_1e22), -0x1.a0f79c1b6b257p+0);

    /* pow: large exponents near 1, results near overflow and in the subnormals. */
    CHECK_NEAR(pow(v_one + 1e-7, v_one * 1e9), 0x1.349445c228792p+144);
    CHECK_NEAR(pow(v_one * 0.999, v_one * -100000), 0x1.4469adc1762d6p+144);
    CHECK_NEAR(pow(v_ten, v_one * -300.5), 0x1.b1b75833790cap-999);
    CHECK(pow(v_one * 2.5, v_one * -809.6506944208619) == 0x0.000000000000dp-1022);
    CHECK_NEAR(exp(v_one * -700.25), 0x1.af5fe9a485c8ep-1011);
    /* Exact results stay exact. */
    CHECK(pow(v_two, v_ten) == 1024.0);
    CHECK(pow(v_minus_one * 3, v_one * 3) == -27.0);
    CHECK(pow(v_ten, v_one * 22) == 1e22);
    CHECK_NEAR(cbrt(v_minus_one * 27), -3.0); /* lwp: exactly -3; glibc: one ulp off */
    CHECK(hypot(v_one * 3, v_one * 4) == 5.0);
    CHECK(exp2(v_ten) == 1024.0);
    CHECK(log2(v_one * 1024) == 10.0);
    CHECK(log10(v_one * 1000) == 3.0);
}

static void exact_operations(void) {
    CHECK(floor(v_minus_one * 0.5) == -1.0);
    CHECK(ceil(v_minus_one * 0.5) == 0.0 && signbit(ceil(v_minus_one * 0.5)));
    CHECK(trunc(v_minus_one * 2.7) == -2.0);
    CHECK(round(v_one * 2.5) == 3.0 && round(v_minus_one * 2.5) == -3.0);
    CHECK(rint(v_one * 2.5) == 2.0 && nearbyint(v_one * 3.5) == 4.0);
    CHECK_EQ(lround(v_minus_one * 2.5), -3);
    CHECK_EQ(llround(v_one * 1e15 + 0.5), 1000000000000001LL);
    CHECK_EQ(lrint(v_one * 2.5), 2);
    CHECK_EQ(llrint(v_one * -3.5), -4);
    CHECK(fmod(v_minus_one * 7, v_one * 3) == -1.0);
    CHECK(fmod(v_one * 1e300, v_one * 7) == 1.0); /* exact, however far apart */
    CHECK(remainder(v_one * 7, v_two) == -1.0); /* 7/2 = 3.5 rounds to 4 */
    CHECK(remainder(v_one * 5, v_two) == 1.0);  /* 5/2 = 2.5 rounds to 2 */
    CHECK(fmin(v_one, NAN) == 1.0 && fmax(NAN, v_two) == 2.0);
    CHECK(fdim(v_one, v_two) == 0.0 && fdim(v_ten, v_two) == 8.0);
    int exponent = 0;
    CHECK(frexp(v_one * 48, &exponent) == 0.75);
    CHECK_EQ(exponent, 6);
    CHECK(ldexp(v_one * 0.75, 6) == 48.0);
    CHECK(scalbn(v_one, -1074) == 0x1p-1074);
    CHECK(scalbln(v_one, 1023L) == 0x1p1023);
    double whole = 0;
    CHECK(modf(v_minus_one * 3.25, &whole) == -0.25 && whole == -3.0);
    CHECK_EQ(ilogb(v_one * 1000), 9);
    CHECK(logb(v_one * 0x1p-1074) == -1074.0);
    CHECK(nextafter(v_one, v_two) == 1.0 + DBL_EPSILON);
    CHECK(copysign(v_one, -0.0) == -1.0 && fabs(v_minus_one) == 1.0);
    /* fma rounds once: 0.1 * 10 is 1 + 2^-54 exactly, which a separate
     * multiplication would round to 1. */
    CHECK(fma(v_one * 0.1, v_ten, v_minus_one) == 0x1p-54);
    CHECK(fmaf((float)v_one * 0.1f, (float)v_ten, (float)v_minus_one) == 0x1p-26f); /* 0.1f * 10 = 1 + 2^-26 */
}

static void special_values(void) {
    CHECK(pow(NAN, v_zero) == 1.0);
    CHECK(pow(v_one, NAN) == 1.0);
    CHECK(pow(v_minus_one, INFINITY) == 1.0);
    CHECK(pow(v_one * 0.5, -INFINITY) == INFINITY);
    CHECK(pow(-INFINITY, v_one * 3) == -INFINITY);
    CHECK(pow(-INFINITY, v_two) == INFINITY);
    CHECK(isnan(sin(NAN)) && isnan(exp(NAN)) && isnan(log(NAN)));
    CHECK(atan2(v_zero, -0.0) == 0x1.921fb54442d18p+1);
    CHECK(atan2(-0.0, v_one) == 0.0 && signbit(atan2(-0.0, v_one)));
    CHECK(atan2(INFINITY, -INFINITY) == 0x1.2d97c7f3321d2p+1);
    CHECK(signbit(sin(-0.0 * v_one)) && signbit(tan(-0.0 * v_one)) && signbit(asinh(-0.0 * v_one)));
    CHECK(exp(-INFINITY) == 0.0 && exp(INFINITY) == INFINITY && expm1(-INFINITY) == -1.0);
    CHECK(hypot(INFINITY, NAN) == INFINITY);
    CHECK(tanh(INFINITY) == 1.0 && cosh(-INFINITY) == INFINITY && atan(-INFINITY) == -0x1.921fb54442d18p+0);
    CHECK(same_bits(cbrt(-0.0 * v_one), -0.0));
    CHECK(isinf(log(v_zero)) && log(v_zero) < 0);
}

static double (*volatile sin_function)(double) = sin;
static double (*volatile cos_function)(double) = cos;
static double (*volatile tan_function)(double) = tan;

static void errno_on_errors(void) {
    CHECK_ERRNO(log(v_minus_one), EDOM);
    CHECK(isnan(log(v_minus_one)));
    CHECK_ERRNO(log(v_zero), ERANGE);
    CHECK_ERRNO(log2(v_zero), ERANGE);
    CHECK_ERRNO(log10(v_minus_one), EDOM);
    CHECK_ERRNO(log1p(v_minus_one), ERANGE);
    CHECK_ERRNO(log1p(v_minus_one * 2), EDOM);
    CHECK_ERRNO(sqrt(v_minus_one), EDOM);
    CHECK_ERRNO(acos(v_two), EDOM);
    CHECK_ERRNO(asin(v_minus_one * 2), EDOM);
    CHECK_ERRNO(acosh(v_half), EDOM);
    CHECK_ERRNO(atanh(v_one), ERANGE);
    CHECK_ERRNO(atanh(v_two), EDOM);
    /* GCC assumes sin, cos and tan leave errno alone (its built-ins say so)
     * and would reuse the 0 stored before the call: call them through
     * pointers it cannot see into. */
    CHECK_ERRNO(sin_function(INFINITY * v_one), EDOM);
    CHECK_ERRNO(cos_function(-INFINITY * v_one), EDOM);
    CHECK_ERRNO(tan_function(INFINITY * v_one), EDOM);
    CHECK_ERRNO(exp(v_one * 1000), ERANGE);
    CHECK(exp(v_one * 1000) == INFINITY);
    CHECK_ERRNO(exp(v_one * -1000), ERANGE);
    CHECK_ERRNO(exp(v_one * -740), 0); /* a subnormal result: no errno */
    CHECK_ERRNO(exp2(v_one * 1024), ERANGE);
    CHECK_ERRNO(expm1(v_one * 710), ERANGE);
    CHECK_ERRNO(pow(v_zero, v_minus_one), ERANGE);
    CHECK(pow(-0.0 * v_one, v_minus_one * 3) == -INFINITY);
    CHECK_ERRNO(pow(v_minus_one * 8, v_one / 3), EDOM);
    CHECK_ERRNO(pow(v_ten, v_one * 400), ERANGE);
    CHECK_ERRNO(pow(v_ten, v_one * -400), ERANGE);
    CHECK_ERRNO(pow(v_two, v_half), 0);
    CHECK_ERRNO(cosh(v_one * 711), ERANGE);
    CHECK_ERRNO(sinh(v_one * -711), ERANGE);
    CHECK_ERRNO(hypot(DBL_MAX * v_one, DBL_MAX * v_one), ERANGE);
    CHECK_ERRNO(fmod(v_one, v_zero), EDOM);
    CHECK_ERRNO(remainder(INFINITY * v_one, v_one), EDOM);
    CHECK_ERRNO(ldexp(v_one, 2000), ERANGE);
    CHECK_ERRNO(ldexp(v_one, -1070), 0);
    CHECK_ERRNO(nextafter(DBL_MAX * v_one, INFINITY), ERANGE);
    CHECK_ERRNO(ilogb(v_zero), EDOM);
    CHECK_ERRNO(expf((float)v_one * 100.0f), ERANGE);
    CHECK_ERRNO(expf((float)v_one * -110.0f), ERANGE);
    CHECK_ERRNO(logf((float)v_minus_one), EDOM);
    CHECK_ERRNO(powf(10.0f * (float)v_one, 50.0f), ERANGE);
    CHECK_ERRNO(sqrtf((float)v_minus_one), EDOM);
}

static volatile float f_half = 0.5f, f_two = 2.0f, f_hundred = 100.0f;

static void float_variants(void) {
    CHECK_NEAR_F(sinf(f_half), 0x1.eaee88p-2f);
    CHECK_NEAR_F(cosf(f_half), 0x1.c15280p-1f);
    CHECK_NEAR_F(sinf(f_hundred), (float)-0x1.03425b78c4db8p-1);
    CHECK_NEAR_F(expf(f_two), 0x1.d8e64cp+2f);
    CHECK_NEAR_F(logf(f_two), 0x1.62e430p-1f);
    CHECK_NEAR_F(powf(f_two, f_half), 0x1.6a09e6p+0f);
    CHECK(sqrtf(f_two) == 0x1.6a09e6p+0f);
    CHECK_NEAR_F(atan2f(f_half, f_two), 0x1.f5b760p-3f);
    CHECK_NEAR_F(tanhf(f_half), 0x1.d9353ep-2f);
    CHECK_NEAR_F(cbrtf(f_two), 0x1.428a30p+0f);
    CHECK(floorf(-f_half) == -1.0f && ceilf(f_half) == 1.0f && roundf(f_half) == 1.0f);
    CHECK(fabsf(-f_two) == 2.0f && fmodf(f_hundred, 3.0f) == 1.0f && hypotf(3.0f, 4.0f) == 5.0f);
    CHECK_EQ(lroundf(-f_half), -1);
}

/* The special functions: erf, erfc, lgamma (and signgam, lgamma_r, gamma),
 * tgamma, the Bessel functions, with their float forms; remquo and
 * nexttoward. Known values correctly rounded (mpmath). */
static volatile double v_three = 3.0, v_four = 4.0, v_five = 5.0, v_2_5 = 2.5;
/* lwp's results are within one ulp (in fact correctly rounded) here;
 * glibc's special functions are off by up to 9 ulps (its libm-test-ulps),
 * lgamma(-2.5) by 2. */
#ifdef CHECKING_AGAINST_GLIBC
#define SPECIAL_ULPS 9.0
#else
#define SPECIAL_ULPS 1.0
#endif
#define CHECK_SPECIAL(actual, expected) CHECK(within_ulps((actual), (expected), SPECIAL_ULPS))
#define CHECK_SPECIAL_F(actual, expected) CHECK(within_float_ulps((actual), (expected), (float)SPECIAL_ULPS))
static volatile double v_minus_2_5 = -2.5;

static void special_functions(void) {
    CHECK_SPECIAL(erf(v_half), 0x1.0a7ef5c18edd2p-1);
    CHECK_SPECIAL(erf(v_one * 1e-10), 0x1.f044332d68161p-34);
    CHECK_SPECIAL(erfc(v_five), 0x1.b0c1a759f7739p-40);
    CHECK_SPECIAL(erfc(v_minus_one), 0x1.d7bb3d3a08445p+0);
    CHECK_SPECIAL(erfc(v_one * 26.5), 0x1.3df6725a60cf5p-1019); /* near the subnormals */
    CHECK(erf(INFINITY * v_one) == 1.0 && erf(-INFINITY * v_one) == -1.0 && erfc(INFINITY * v_one) == 0.0);
    CHECK(same_bits(erf(-0.0 * v_one), -0.0) && erfc(-INFINITY * v_one) == 2.0);

    CHECK_SPECIAL(lgamma(v_half), 0x1.250d048e7a1bdp-1);
    CHECK_EQ(signgam, 1);
    CHECK_SPECIAL(lgamma(v_minus_2_5), -0x1.ccbf9f5ed0f16p-5);
    CHECK_EQ(signgam, -1); /* Gamma(-2.5) < 0 */
    CHECK_SPECIAL(lgamma(v_one * 100), 0x1.67225b4879462p+8);
    CHECK_SPECIAL(lgamma(v_one * 1e300), 0x1.017f38e7a1ab5p+1006);
    CHECK(lgamma(v_one) == 0.0 && lgamma(v_two) == 0.0);
    int sign = 0;
    signgam = 7;
    CHECK_SPECIAL(lgamma_r(v_minus_one * 1.5, &sign), 0x1.b858151820f86p-1);
    CHECK_EQ(sign, 1);
    CHECK_EQ(signgam, 7); /* lgamma_r leaves signgam alone */
    CHECK_SPECIAL(gamma(v_minus_one * 0.5), 0x1.43f89a3f0edd6p+0); /* gamma is lgamma */
    CHECK_EQ(signgam, -1);
    CHECK_SPECIAL_F(lgammaf((float)v_half), 0x1.250d04p-1f);
    CHECK_SPECIAL_F(lgammaf_r((float)v_minus_2_5, &sign), (float)-0x1.ccbf9f5ed0f16p-5);
    CHECK_EQ(sign, -1);

    CHECK_SPECIAL(tgamma(v_half), 0x1.c5bf891b4ef6bp+0); /* sqrt(pi) */
    CHECK_SPECIAL(tgamma(v_minus_one * 1.5), 0x1.2e7fb0bcdf4f2p+1);
    CHECK(tgamma(v_five) == 24.0);
    CHECK_SPECIAL(tgamma(v_one * 170.5), 0x1.9589f849167a8p+1015);
    CHECK_SPECIAL_F(tgammaf((float)v_one * 4.5f), 0x1.74371ep+3f);

    CHECK_SPECIAL(j0(v_one), 0x1.87c7fdbd7b8f0p-1);
    CHECK_SPECIAL(j1(v_2_5), 0x1.fd063c84795ffp-2);
    CHECK_SPECIAL(y0(v_three), 0x1.81e4f8120242ap-2);
    CHECK_SPECIAL(y1(v_half), -0x1.78b26a2b7c4dfp+0);
    CHECK_SPECIAL(jn(3, v_four), 0x1.b87edeefdf250p-2);
    CHECK_SPECIAL(yn(4, v_2_5), -0x1.6ee60564c1e46p+0);
    CHECK_SPECIAL(jn(50, v_one), 0x1.b90c1bb78b2cdp-265);
    CHECK_SPECIAL(y0(v_one * 100), -0x1.3c64887b47b65p-4);
    CHECK_SPECIAL(j0(v_one * 1e300), -0x1.495b8404eb577p-499);
    CHECK(jn(-3, v_four) == -jn(3, v_four) && jn(3, -v_four) == -jn(3, v_four));
    CHECK_SPECIAL_F(j0f((float)v_two), 0x1.ca874p-3f); /* glibc: 2 ulps off */
#ifndef CHECKING_AGAINST_GLIBC
    /* At the double nearest the first zeros of J0 and Y1, the value keeps its
     * precision (glibc's double j0 and y1 are off by up to thousands of ulps
     * there). */
    CHECK_SPECIAL(j0(v_one * 0x1.33d152e971b40p+1), -0x1.19b7921f03c8ep-54);
    CHECK_SPECIAL(y1(v_one * 0x1.193bed4dff243p+1), 0x1.cf9f8d5e1a475p-56);
#endif

    int quotient = 0;
    CHECK(remquo(v_one * 7, v_two, &quotient) == -1.0); /* 7/2 = 3.5 rounds to 4 */
    CHECK_EQ(quotient, 4);
    CHECK(remquo(v_minus_one * 29, v_three, &quotient) == 1.0); /* -29/3 = -9.67 rounds to -10 */
    CHECK_EQ(quotient, -2);                                     /* -10: its low three bits, signed */
    CHECK(remquof((float)v_ten, (float)v_four, &quotient) == 2.0f);
    CHECK_EQ(quotient, 2);
    CHECK(nexttoward(v_one, 2.0L) == 1.0 + DBL_EPSILON);
    CHECK(nexttoward(v_one, 1.0L + 0x1p-60L) == 1.0 + DBL_EPSILON); /* y need not be a double */
    CHECK(nexttoward(v_one, 1.0L - 0x1p-60L) == 1.0 - DBL_EPSILON / 2);
    CHECK(nexttowardf((float)v_one, 2.0L) == 1.0f + FLT_EPSILON);
    CHECK(same_bits(nexttoward(v_zero, -1.0L), -0x1p-1074));
}

static void special_function_errors(void) {
    CHECK_ERRNO(lgamma(v_zero), ERANGE); /* poles: +inf */
    CHECK(lgamma(v_zero) == INFINITY);
    CHECK_ERRNO(lgamma(v_minus_one * 3), ERANGE);
    CHECK_ERRNO(lgamma(v_one * 1e306), ERANGE); /* overflow */
    CHECK_ERRNO(lgamma(-INFINITY * v_one), 0);
    CHECK_ERRNO(tgamma(v_zero), ERANGE);
    CHECK(same_bits(tgamma(-0.0 * v_one), -INFINITY));
    CHECK_ERRNO(tgamma(v_minus_one * 2), EDOM); /* negative integers */
    CHECK(isnan(tgamma(v_minus_one * 2)));
    CHECK_ERRNO(tgamma(-INFINITY * v_one), EDOM);
    CHECK_ERRNO(tgamma(v_one * 172), ERANGE);
    CHECK_ERRNO(tgamma(v_one * -190.5), ERANGE); /* underflow to zero */
    CHECK_ERRNO(tgamma(v_one * -171.5), 0);      /* a subnormal result: no errno */
    CHECK(same_bits(tgamma(v_one * -182.5), -0.0));
    CHECK_ERRNO(erfc(v_one * 28), ERANGE);
    CHECK_ERRNO(erfc(v_one * 27), 0); /* subnormal */
    CHECK_ERRNO(y0(v_zero), ERANGE);
    CHECK(y0(v_zero) == -INFINITY);
    CHECK_ERRNO(y1(v_minus_one), EDOM);
    CHECK_ERRNO(yn(3, v_minus_one), EDOM);
    CHECK_ERRNO(yn(-3, v_zero), ERANGE);
    CHECK(yn(-3, v_zero) == INFINITY);
    CHECK_ERRNO(yn(200, v_one), ERANGE); /* overflow: -inf */
    CHECK(yn(200, v_one) == -INFINITY);
    CHECK_ERRNO(jn(1000, v_one), ERANGE); /* underflow to zero */
    CHECK_ERRNO(j1(v_one * 0x1p-1074), ERANGE);
    CHECK_ERRNO(jn(5, v_one * 1e16), 0);
    CHECK_ERRNO(erfcf((float)v_one * 10.5f), ERANGE);
    CHECK_ERRNO(tgammaf((float)v_one * 36.0f), ERANGE);
    CHECK_ERRNO(lgammaf((float)v_one * 1e37f), ERANGE);
    CHECK_ERRNO(nexttoward(DBL_MAX * v_one, INFINITY), ERANGE);
    CHECK_ERRNO(nexttoward(0x1p-1022 * v_one, 0.0L), ERANGE);
    CHECK_ERRNO(nexttoward(v_zero, 1.0L), 0);
    CHECK_ERRNO(nexttowardf((float)v_one * FLT_MAX, 1e39L), ERANGE);
    CHECK_ERRNO(remquo(v_one, v_zero, &(int){0}), 0); /* NaN, but no errno in glibc */
}

/* Threads: each integrates sin over [0, pi] (= 2) and checks a few
 * identities at its own arguments, at the same time as the others. */
static void* worker(void* argument) {
    int index = (int)(intptr_t)argument;
    const int steps = 20000;
    double h = M_PI / steps;
    double sum = 0.0;
    for (int i = 0; i < steps; ++i) sum += sin((i + 0.5) * h);
    sum *= h;
    if (fabs(sum - 2.0) > 1e-8) return (void*)1;
    for (int i = 1; i <= 2000; ++i) {
        double x = index * 1000.0 + i * 0.37;
        double s = sin(x);
        double c = cos(x);
        if (fabs(s * s + c * c - 1.0) > 4 * DBL_EPSILON) return (void*)2;
        /* log(x) is rounded by up to half an ulp of about 8: exp amplifies that. */
        if (fabs(exp(log(x)) - x) > (log(x) + 2) * DBL_EPSILON * x) return (void*)3;
        if (fabs(pow(x, 1.0 / 3) - cbrt(x)) > 4 * DBL_EPSILON * cbrt(x)) return (void*)4;
        if (fabs(atan2(s, c) - remainder(x, 2 * M_PI)) > 1e-9) return (void*)5;
    }
    return NULL;
}

int main(void) {
    known_values();
    exact_operations();
    special_values();
    errno_on_errors();
    float_variants();
    special_functions();
    special_function_errors();

    pthread_t threads[4];
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&threads[i], NULL, worker, (void*)(intptr_t)i), 0);
    for (int i = 0; i < 4; ++i) {
        void* result = (void*)-1;
        CHECK_EQ(pthread_join(threads[i], &result), 0);
        CHECK_EQ((intptr_t)result, 0);
    }
    return 0;
}
