/* The exact functions of TS 18661-1 and C23 in <math.h>, for float, double
 * and long double: nextup nextdown roundeven llogb, the maximum and minimum
 * operations (fmaximum ... fminimum_mag_num, fmaxmag, fminmag), totalorder
 * totalordermag, canonicalize getpayload setpayload setpayloadsig, and
 * fromfp ufromfp fromfpx ufromfpx, with their results bit for bit, the
 * flags they raise and errno, as glibc 2.36 gives them: for long double
 * also on the x87 encodings that are not canonical (pseudo-denormals,
 * unnormals, pseudo-infinities, pseudo-NaNs), where glibc's answers are
 * those of its algorithms and of the x87. The _Float32, _Float64, _Float32x
 * and _Float64x names are the same functions. Inputs go through volatile
 * variables so that the compiler calls the library instead of folding.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_ts18661_exact.c -lm */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"

static uint64_t double_bits(double x) {
    uint64_t b;
    memcpy(&b, &x, 8);
    return b;
}
static double double_of(uint64_t b) {
    double x;
    memcpy(&x, &b, 8);
    return x;
}
static uint32_t float_bits(float x) {
    uint32_t b;
    memcpy(&b, &x, 4);
    return b;
}
static float float_of(uint32_t b) {
    float x;
    memcpy(&x, &b, 4);
    return x;
}
/* An x87 encoding from its sign-and-exponent field and its mantissa. */
static long double long_of(unsigned sign_exponent, uint64_t mantissa) {
    long double x = 0.0L;
    uint16_t se = (uint16_t)sign_exponent;
    memcpy(&x, &mantissa, 8);
    memcpy((char*)&x + 8, &se, 2);
    return x;
}
static int long_is(long double x, unsigned sign_exponent, uint64_t mantissa) {
    long double expected = long_of(sign_exponent, mantissa);
    return memcmp(&x, &expected, 10) == 0;
}

#define INTEGER_BIT 0x8000000000000000ull
#define DEFAULT_NAN_LONG 0xffff, 0xc000000000000000ull /* the x87's invalid-operation NaN */

/* The flags raised (of the four that matter here) and errno, after
 * clearing both. */
static void clear(void) {
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}
static int raised(void) { return fetestexcept(FE_INVALID | FE_INEXACT | FE_OVERFLOW | FE_UNDERFLOW); }

static void next_up_and_down(void) {
    volatile double one = 1.0, minus_zero = -0.0, max = DBL_MAX, inf = INFINITY;
    volatile double minus_tiny = -0x1p-1074, snan = double_of(0x7ff0000000000005ull);
    volatile double minus_qnan = double_of(0xfff8000000000007ull);
    clear();
    CHECK(nextup(one) == 1.0 + 0x1p-52);
    CHECK(nextdown(one) == 1.0 - 0x1p-53);
    CHECK_EQ(double_bits(nextup(minus_zero)), 1); /* +0x1p-1074 */
    CHECK_EQ(double_bits(nextdown(minus_zero)), 0x8000000000000001ull);
    CHECK(nextup(max) == INFINITY); /* no overflow, no errno: an exact step */
    CHECK(nextup(inf) == INFINITY);
    CHECK(nextup(-inf) == -DBL_MAX);
    CHECK(nextdown(-inf) == -INFINITY);
    CHECK_EQ(double_bits(nextup(minus_tiny)), 0x8000000000000000ull); /* -0 */
    CHECK(nextdown(0x1p-1022 + 0 * one) == 0x1p-1022 - 0x1p-1074); /* no underflow either */
    CHECK_EQ(raised(), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(double_bits(nextup(snan)), 0x7ff8000000000005ull); /* made quiet, with invalid */
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(double_bits(nextdown(minus_qnan)), 0xfff8000000000007ull); /* its own sign kept */
    CHECK_EQ(raised(), 0);

    volatile float onef = 1.0f, maxf = FLT_MAX, zerof = 0.0f, snanf = float_of(0xff800001u);
    CHECK(nextupf(onef) == 1.0f + 0x1p-23f);
    CHECK(nextdownf(onef) == 1.0f - 0x1p-24f);
    CHECK(nextupf(maxf) == INFINITY);
    CHECK_EQ(float_bits(nextdownf(zerof)), 0x80000001u);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(float_bits(nextdownf(snanf)), 0xffc00001u);
    CHECK_EQ(raised(), FE_INVALID);

    volatile long double onel = 1.0L, minl = LDBL_MIN, maxl = LDBL_MAX, zerol = 0.0L;
    clear();
    CHECK(nextupl(onel) == 1.0L + 0x1p-63L);
    CHECK(nextdownl(onel) == 1.0L - 0x1p-64L);
    CHECK(long_is(nextdownl(minl), 0x0000, 0x7fffffffffffffffull)); /* the largest subnormal */
    CHECK(long_is(nextupl(nextdownl(minl)), 0x0001, INTEGER_BIT));
    CHECK(long_is(nextupl(maxl), 0x7fff, INTEGER_BIT));
    CHECK(long_is(nextupl(-(long double)INFINITY), 0xfffe, ~0ull));
    CHECK(long_is(nextdownl(zerol), 0x8000, 1));
    CHECK_EQ(raised(), 0);
    CHECK_EQ(errno, 0);
    /* The non-canonical encodings, as glibc's nextupl steps them. */
    volatile long double pseudo_denormal = long_of(0x0000, INTEGER_BIT);
    volatile long double unnormal = long_of(0x0001, 0), minus_unnormal = long_of(0x8001, 0);
    volatile long double pseudo_infinity = long_of(0x7fff, 0), pseudo_nan = long_of(0x7fff, 0x4000000000000000ull);
    CHECK(long_is(nextupl(pseudo_denormal), 0x0000, INTEGER_BIT + 1));
    CHECK(long_is(nextdownl(pseudo_denormal), 0x0000, INTEGER_BIT - 1));
    CHECK_EQ(raised(), 0);
    CHECK(long_is(nextupl(minus_unnormal), 0x8000, ~0ull)); /* borrowing from the exponent */
    CHECK_EQ(raised(), 0);
    /* Stepping a positive one up, glibc's infinity test (an x87
     * comparison) raises invalid on the unsupported operand. */
    CHECK(long_is(nextupl(unnormal), 0x0001, 1));
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(long_is(nextupl(pseudo_infinity), 0x7fff, 1));
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(long_is(nextdownl(pseudo_infinity), 0x7ffe, ~0ull));
    CHECK_EQ(raised(), 0);
    CHECK(long_is(nextupl(pseudo_nan), DEFAULT_NAN_LONG));
    CHECK_EQ(raised(), FE_INVALID);

    CHECK(nextupf64(one) == nextup(one));
    CHECK(nextupf32x(one) == nextup(one));
    CHECK(nextdownf32(onef) == nextdownf(onef));
    CHECK(nextdownf64x(onel) == nextdownl(onel));
}

/* GCC expands roundeven itself where it can (roundevenl as frndint at -O2,
 * which raises inexact): called through pointers, the library answers. */
static double (*volatile roundeven_call)(double) = roundeven;
static float (*volatile roundevenf_call)(float) = roundevenf;
static long double (*volatile roundevenl_call)(long double) = roundevenl;
#define roundeven roundeven_call
#define roundevenf roundevenf_call
#define roundevenl roundevenl_call

static void round_to_even(void) {
    volatile double half = 0.5, one_half = 1.5, two_half = 2.5, minus_half = -0.5, minus_two_half = -2.5;
    volatile double above_half = 0x1.0000000000001p-1, big = 0x1p52 + 1, below_big = 0x1p52 - 0.5;
    volatile double inf = INFINITY, snan = double_of(0x7ff0000000000001ull);
    clear();
    CHECK_EQ(double_bits(roundeven(half)), 0);
    CHECK(roundeven(one_half) == 2.0);
    CHECK(roundeven(two_half) == 2.0);
    CHECK(roundeven(minus_two_half) == -2.0);
    CHECK_EQ(double_bits(roundeven(minus_half)), 0x8000000000000000ull); /* -0 */
    CHECK(roundeven(above_half) == 1.0);
    CHECK(roundeven(big) == 0x1p52 + 1);
    CHECK(roundeven(below_big) == 0x1p52); /* 2^52 - 1 is odd */
    CHECK(roundeven(-inf) == -INFINITY);
    CHECK_EQ(raised(), 0); /* no inexact */
    CHECK(fesetround(FE_UPWARD) == 0);
    CHECK(roundeven(two_half) == 2.0); /* whatever the rounding mode */
    CHECK(roundeven(minus_two_half) == -2.0);
    CHECK(fesetround(FE_TONEAREST) == 0);
    CHECK_EQ(double_bits(roundeven(snan)), 0x7ff8000000000001ull);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    volatile float halff = 2.5f, threef = 3.5f, bigf = 0x1p23f - 0.5f;
    CHECK(roundevenf(halff) == 2.0f);
    CHECK(roundevenf(threef) == 4.0f);
    CHECK(roundevenf(-threef) == -4.0f);
    CHECK(roundevenf(bigf) == 0x1p23f);
    CHECK_EQ(raised(), 0);

    volatile long double halfl = 2.5L, big_halfl = 0x1p62L + 0.5L, big_oddl = 0x1p62L + 1.5L, minus_halfl = -0.5L;
    CHECK(roundevenl(halfl) == 2.0L);
    CHECK(roundevenl(big_halfl) == 0x1p62L);
    CHECK(roundevenl(big_oddl) == 0x1p62L + 2);
    CHECK(long_is(roundevenl(minus_halfl), 0x8000, 0));
    CHECK(roundevenl(0x1p63L + 0 * halfl) == 0x1p63L);
    CHECK_EQ(raised(), 0);
    /* glibc's roundevenl works on the bits as stored: an unnormal above 1
     * is rounded in its bits (3 * 2^0.. here already an integer), one of
     * exponent -1 counts as above a half when its low word is not zero. */
    volatile long double unnormal_integer = long_of(0x4001, 0x6000000000000000ull); /* 3 */
    volatile long double unnormal_low = long_of(0x3ffe, 0x4000000000000001ull);
    volatile long double unnormal_high = long_of(0x3ffe, 0x0000000100000000ull);
    volatile long double pseudo_infinity = long_of(0x7fff, 0);
    CHECK(long_is(roundevenl(unnormal_integer), 0x4001, 0x6000000000000000ull));
    CHECK(long_is(roundevenl(unnormal_low), 0x3fff, INTEGER_BIT));
    CHECK(long_is(roundevenl(unnormal_high), 0x0000, 0));
    CHECK_EQ(raised(), 0);
    CHECK(long_is(roundevenl(pseudo_infinity), DEFAULT_NAN_LONG));
    CHECK_EQ(raised(), FE_INVALID);

    CHECK(roundevenf32(halff) == 2.0f);
    CHECK(roundevenf64(two_half) == 2.0);
    CHECK(roundevenf32x(one_half) == 2.0);
    CHECK(roundevenf64x(halfl) == 2.0L);
}
#undef roundeven
#undef roundevenf
#undef roundevenl

static void long_exponent(void) {
    volatile double zero = 0.0, inf = INFINITY, qnan = NAN, tiny = 0x1p-1074, value = -0x1.8p100;
    clear();
    CHECK_EQ(llogb(value), 100);
    CHECK_EQ(llogb(tiny), -1074);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(llogb(zero), FP_LLOGB0);
    CHECK_EQ(FP_LLOGB0, LONG_MIN);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(llogb(-inf), LONG_MAX);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(llogb(qnan), FP_LLOGBNAN);
    CHECK_EQ(FP_LLOGBNAN, LONG_MIN);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    /* The same answers as ilogb, widened. */
    CHECK_EQ(llogb(value), ilogb(value));
    CHECK_EQ(llogb(tiny), ilogb(tiny));

    volatile float tinyf = 0x1p-149f, zerof = 0.0f;
    CHECK_EQ(llogbf(tinyf), -149);
    CHECK_EQ(llogbf(zerof), LONG_MIN);
    CHECK_EQ(errno, EDOM);
    clear();

    volatile long double tinyl = 0x1p-16445L, bigl = LDBL_MAX, infl = INFINITY;
    volatile long double pseudo_denormal = long_of(0x0000, INTEGER_BIT);
    volatile long double unnormal = long_of(0x4001, 0x6000000000000000ull);
    volatile long double pseudo_infinity = long_of(0x7fff, 0);
    CHECK_EQ(llogbl(tinyl), -16445);
    CHECK_EQ(llogbl(bigl), 16383);
    CHECK_EQ(llogbl(pseudo_denormal), -16382); /* the x87 takes it for 2^-16382 */
    CHECK_EQ(raised(), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(llogbl(infl), LONG_MAX);
    CHECK_EQ(errno, EDOM);
    clear();
    /* An encoding the x87 does not support is a NaN to glibc's ilogbl. */
    CHECK_EQ(llogbl(unnormal), LONG_MIN);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(llogbl(pseudo_infinity), LONG_MIN);
    CHECK_EQ(errno, EDOM);
    clear();

    CHECK_EQ(llogbf32(tinyf), -149);
    CHECK_EQ(llogbf64(tiny), -1074);
    CHECK_EQ(llogbf32x(value), 100);
    CHECK_EQ(llogbf64x(tinyl), -16445);
}

static void maximum_and_minimum(void) {
    volatile double zero = 0.0, minus_zero = -0.0, one = 1.0, minus_three = -3.0, two = 2.0;
    volatile double qnan = double_of(0x7ff8000000000001ull), qnan2 = double_of(0x7ff8000000000002ull);
    volatile double snan = double_of(0x7ff0000000000003ull);
    clear();
    CHECK_EQ(double_bits(fmaximum(zero, minus_zero)), 0);
    CHECK_EQ(double_bits(fmaximum(minus_zero, zero)), 0);
    CHECK_EQ(double_bits(fminimum(zero, minus_zero)), 0x8000000000000000ull);
    CHECK_EQ(double_bits(fminimum_num(minus_zero, zero)), 0x8000000000000000ull);
    CHECK(fmaximum(one, minus_three) == 1.0);
    CHECK(fminimum(one, minus_three) == -3.0);
    CHECK(fmaximum_mag(two, minus_three) == -3.0);
    CHECK(fminimum_mag(two, minus_three) == 2.0);
    CHECK(fmaximum_mag(-two, two) == 2.0); /* equal magnitudes: by sign */
    CHECK(fminimum_mag(two, -two) == -2.0);
    CHECK(fmaximum_mag_num(-two, two) == 2.0);
    CHECK(fminimum_mag_num(two, -two) == -2.0);
    /* NaNs: fmaximum and fminimum pass them on; the _num forms take the
     * number. A quiet NaN raises nothing. */
    CHECK_EQ(double_bits(fmaximum(qnan, one)), 0x7ff8000000000001ull);
    CHECK_EQ(double_bits(fminimum_mag(one, qnan)), 0x7ff8000000000001ull);
    CHECK(fmaximum_num(qnan, one) == 1.0);
    CHECK(fminimum_num(one, qnan) == 1.0);
    CHECK(fmaximum_mag_num(qnan, minus_three) == -3.0);
    CHECK_EQ(raised(), 0);
    /* Of two NaNs, glibc's addition passes on x's for fmaximum and its
     * kin, y's for the _num forms. */
    CHECK_EQ(double_bits(fmaximum(qnan, qnan2)), 0x7ff8000000000001ull);
    CHECK_EQ(double_bits(fminimum(qnan2, qnan)), 0x7ff8000000000002ull);
    CHECK_EQ(double_bits(fmaximum_num(qnan, qnan2)), 0x7ff8000000000002ull);
    CHECK_EQ(double_bits(fminimum_mag_num(qnan2, qnan)), 0x7ff8000000000001ull);
    CHECK_EQ(raised(), 0);
    /* A signalling NaN raises invalid; the _num forms still give the
     * number. */
    CHECK_EQ(double_bits(fmaximum(snan, one)), 0x7ff8000000000003ull);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(fmaximum_num(snan, one) == 1.0);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(fminimum_mag_num(one, snan) == 1.0);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    /* fmaxmag and fminmag (TS 18661-1): a quiet NaN loses, a signalling
     * one gives a NaN; equal magnitudes are fmax's and fmin's choice. */
    CHECK(fmaxmag(two, minus_three) == -3.0);
    CHECK(fminmag(two, minus_three) == 2.0);
    CHECK(fmaxmag(qnan, minus_three) == -3.0);
    CHECK(fminmag(one, qnan) == 1.0);
    CHECK(fmaxmag(-two, two) == 2.0);
    CHECK(fminmag(-two, two) == -2.0);
    CHECK_EQ(double_bits(fmaxmag(zero, minus_zero)), 0x8000000000000000ull); /* y, as fmax */
    CHECK_EQ(double_bits(fminmag(minus_zero, zero)), 0);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(double_bits(fmaxmag(snan, one)), 0x7ff8000000000003ull);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    volatile float onef = 1.0f, zerof = 0.0f, snanf = float_of(0x7f800002u), qnanf = float_of(0x7fc00005u);
    CHECK_EQ(float_bits(fminimumf(zerof, -zerof)), 0x80000000u);
    CHECK(fmaximum_numf(qnanf, onef) == 1.0f);
    CHECK_EQ(float_bits(fmaximumf(qnanf, onef)), 0x7fc00005u);
    CHECK(fmaxmagf(qnanf, -onef) == -1.0f);
    CHECK_EQ(raised(), 0);
    CHECK(fminimum_numf(onef, snanf) == 1.0f);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(float_bits(fminmagf(onef, snanf)), 0x7fc00002u);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    volatile long double onel = 1.0L, zerol = 0.0L, qnanl = NAN, twol = 2.0L;
    volatile long double unnormal = long_of(0x0001, 0);
    CHECK(long_is(fmaximuml(-zerol, zerol), 0x0000, 0));
    CHECK(long_is(fminimuml(zerol, -zerol), 0x8000, 0));
    CHECK(fmaximum_magl(-twol, onel) == -2.0L);
    CHECK(fminimum_mag_numl(qnanl, -twol) == -2.0L);
    CHECK(fminmagl(qnanl, -twol) == -2.0L);
    CHECK_EQ(raised(), 0);
    /* The x87 compares an unsupported encoding as a NaN, with invalid. */
    CHECK(long_is(fmaximuml(unnormal, onel), DEFAULT_NAN_LONG));
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(fmaximum_numl(unnormal, onel) == 1.0L);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK(fmaximum_numl(onel, unnormal) == 1.0L);
    clear();
    /* and __issignalingl counts it as signalling: fmaxmagl gives a NaN. */
    CHECK(long_is(fmaxmagl(onel, unnormal), DEFAULT_NAN_LONG));
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    CHECK(fmaximumf64(one, two) == 2.0);
    CHECK(fminimumf32(onef, zerof) == 0.0f);
    CHECK(fmaximum_numf32x(qnan, one) == 1.0);
    CHECK(fminimum_numf64x(qnanl, onel) == 1.0L);
    CHECK(fmaximum_magf64(-two, one) == -2.0);
    CHECK(fminimum_mag_numf32(onef, -onef) == -1.0f);
    CHECK(fmaxmagf64x(-twol, onel) == -2.0L);
    CHECK(fminmagf32x(-two, one) == 1.0);
}

static void total_order(void) {
    double zero = 0.0, minus_zero = -0.0, inf = INFINITY, one = 1.0, minus_two = -2.0;
    double qnan = double_of(0x7ff8000000000000ull), snan = double_of(0x7ff0000000000001ull);
    double minus_qnan = double_of(0xfff8000000000000ull);
    clear();
    CHECK_EQ(totalorder(&minus_zero, &zero), 1);
    CHECK_EQ(totalorder(&zero, &minus_zero), 0);
    CHECK_EQ(totalorder(&one, &one), 1);
    CHECK_EQ(totalorder(&minus_qnan, &minus_two), 1);
    CHECK_EQ(totalorder(&inf, &qnan), 1);
    CHECK_EQ(totalorder(&qnan, &inf), 0);
    CHECK_EQ(totalorder(&snan, &qnan), 1); /* the quiet bit is the payload's top */
    CHECK_EQ(totalorder(&qnan, &snan), 0);
    CHECK_EQ(totalordermag(&minus_two, &one), 0);
    CHECK_EQ(totalordermag(&one, &minus_two), 1);
    CHECK_EQ(totalordermag(&minus_qnan, &qnan), 1);
    CHECK_EQ(raised(), 0); /* not even for the signalling NaN */

    float onef = 1.0f, minus_zerof = -0.0f, snanf = float_of(0xff800001u);
    CHECK_EQ(totalorderf(&snanf, &minus_zerof), 1);
    CHECK_EQ(totalorderf(&onef, &minus_zerof), 0);
    CHECK_EQ(totalordermagf(&minus_zerof, &onef), 1);
    CHECK_EQ(raised(), 0);

    long double onel = 1.0L, minl = LDBL_MIN, minus_zerol = -0.0L;
    long double pseudo_denormal = long_of(0x0000, INTEGER_BIT), unnormal = long_of(0x0001, 0);
    long double pseudo_nan = long_of(0x7fff, 1), infl = INFINITY;
    CHECK_EQ(totalorderl(&minus_zerol, &onel), 1);
    CHECK_EQ(totalorderl(&onel, &minl), 0);
    /* Non-canonical encodings are ordered by their bits, as glibc's. */
    CHECK_EQ(totalorderl(&pseudo_denormal, &minl), 1);
    CHECK_EQ(totalorderl(&minl, &pseudo_denormal), 0);
    CHECK_EQ(totalorderl(&unnormal, &minl), 1);
    CHECK_EQ(totalorderl(&pseudo_nan, &infl), 1);
    CHECK_EQ(totalordermagl(&onel, &minus_zerol), 0);
    CHECK_EQ(raised(), 0);

    /* The _FloatN names take their own (in C, distinct) types. */
    _Float64 zero64 = 0.0, minus_zero64 = -0.0;
    _Float32x zero32x = 0.0, minus_zero32x = -0.0;
    _Float32 one32 = 1.0f, minus_zero32 = -0.0f;
    _Float64x one64x = 1.0L, minus_zero64x = -0.0L;
    CHECK_EQ(totalorderf64(&minus_zero64, &zero64), 1);
    CHECK_EQ(totalorderf32x(&zero32x, &minus_zero32x), 0);
    CHECK_EQ(totalordermagf32(&minus_zero32, &one32), 1);
    CHECK_EQ(totalordermagf64x(&one64x, &minus_zero64x), 0);
}

static void payloads(void) {
    double x, c;
    double snan = double_of(0x7ff0000000000005ull), qnan = __builtin_nan("123"), one = 1.5, inf = INFINITY;
    clear();
    CHECK(getpayload(&qnan) == 123.0);
    CHECK(getpayload(&snan) == 5.0);
    CHECK(getpayload(&one) == -1.0);
    CHECK(getpayload(&inf) == -1.0);
    CHECK_EQ(setpayload(&x, 42.0), 0);
    CHECK_EQ(double_bits(x), 0x7ff800000000002aull);
    CHECK_EQ(setpayload(&x, 0.0), 0);
    CHECK_EQ(double_bits(x), 0x7ff8000000000000ull);
    CHECK_EQ(setpayload(&x, 0x1p51 - 1), 0);
    CHECK_EQ(double_bits(x), 0x7fffffffffffffffull);
    CHECK_EQ(setpayloadsig(&x, 1.0), 0);
    CHECK_EQ(double_bits(x), 0x7ff0000000000001ull);
    /* Not payloads: *x becomes +0. */
    x = 1.0;
    CHECK_EQ(setpayload(&x, 0x1p51), 1);
    CHECK_EQ(double_bits(x), 0);
    x = 1.0;
    CHECK_EQ(setpayload(&x, 2.5), 1);
    CHECK_EQ(double_bits(x), 0);
    CHECK_EQ(setpayload(&x, -1.0), 1);
    CHECK_EQ(setpayload(&x, -0.0), 1);
    CHECK_EQ(setpayloadsig(&x, 0.0), 1); /* it would be an infinity */
    CHECK_EQ(setpayload(&x, qnan), 1);
    CHECK_EQ(raised(), 0);
    /* canonicalize: every double is canonical; a signalling NaN is made
     * quiet (with invalid). */
    CHECK_EQ(canonicalize(&c, &one), 0);
    CHECK(c == 1.5);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(canonicalize(&c, &snan), 0);
    CHECK_EQ(double_bits(c), 0x7ff8000000000005ull);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    float xf, cf, snanf = float_of(0x7f800007u);
    CHECK(getpayloadf(&snanf) == 7.0f);
    CHECK_EQ(setpayloadf(&xf, 0x1p22f - 1), 0);
    CHECK_EQ(float_bits(xf), 0x7fffffffu);
    CHECK_EQ(setpayloadsigf(&xf, 0x1p22f), 1);
    CHECK_EQ(float_bits(xf), 0);
    CHECK_EQ(canonicalizef(&cf, &snanf), 0);
    CHECK_EQ(float_bits(cf), 0x7fc00007u);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    long double xl, cl, onel = 1.0L;
    long double qnanl = long_of(0x7fff, 0xc000000000000099ull), snanl = long_of(0xffff, 0x8000000000000003ull);
    long double pseudo_nan = long_of(0x7fff, 0x4000000000000009ull), pseudo_infinity = long_of(0x7fff, 0);
    CHECK(getpayloadl(&qnanl) == 0x99);
    CHECK(getpayloadl(&snanl) == 3);
    CHECK(getpayloadl(&pseudo_nan) == 9); /* the integer bit is not looked at */
    CHECK(getpayloadl(&pseudo_infinity) == -1);
    CHECK(getpayloadl(&onel) == -1);
    CHECK_EQ(setpayloadl(&xl, 0x1p62L - 1), 0);
    CHECK(long_is(xl, 0x7fff, ~0ull));
    CHECK_EQ(setpayloadsigl(&xl, 6.0L), 0);
    CHECK(long_is(xl, 0x7fff, INTEGER_BIT | 6));
    CHECK_EQ(setpayloadl(&xl, 0x1p62L), 1);
    CHECK(long_is(xl, 0, 0));
    CHECK_EQ(raised(), 0);
    /* Non-canonical encodings: canonicalizel refuses them, as glibc's. */
    cl = 7.0L;
    long double pseudo_denormal = long_of(0x0000, INTEGER_BIT), unnormal = long_of(0x4001, 0x6000000000000000ull);
    CHECK_EQ(canonicalizel(&cl, &pseudo_denormal), 1);
    CHECK_EQ(canonicalizel(&cl, &unnormal), 1);
    CHECK_EQ(canonicalizel(&cl, &pseudo_infinity), 1);
    CHECK(cl == 7.0L);
    CHECK_EQ(canonicalizel(&cl, &onel), 0);
    CHECK(cl == 1.0L);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(canonicalizel(&cl, &snanl), 0);
    CHECK(long_is(cl, 0xffff, 0xc000000000000003ull));
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    _Float64 qnan64 = __builtin_nan("123"), x64, one64 = 1.5;
    _Float32x qnan32x = __builtin_nan("124"), x32x;
    _Float32 snan32, x32;
    _Float64x qnan64x, x64x, pseudo_denormal64x;
    memcpy(&snan32, &snanf, sizeof snan32);
    memcpy(&qnan64x, &qnanl, sizeof qnan64x);
    memcpy(&pseudo_denormal64x, &pseudo_denormal, sizeof pseudo_denormal64x);
    CHECK(getpayloadf64(&qnan64) == 123.0);
    CHECK(getpayloadf32x(&qnan32x) == 124.0);
    CHECK(getpayloadf32(&snan32) == 7.0f);
    CHECK(getpayloadf64x(&qnan64x) == 0x99);
    CHECK_EQ(setpayloadf64(&x64, 3.0), 0);
    CHECK(getpayloadf64(&x64) == 3.0);
    CHECK_EQ(setpayloadsigf32x(&x32x, 3.0), 0);
    CHECK_EQ(setpayloadsigf32(&x32, 0.5f), 1);
    CHECK_EQ(setpayloadf64x(&x64x, 2.0L), 0);
    CHECK_EQ(canonicalizef64(&x64, &one64), 0);
    CHECK(x64 == 1.5);
    CHECK_EQ(canonicalizef64x(&x64x, &pseudo_denormal64x), 1);
}

static void to_integers(void) {
    volatile double two_half = 2.5, minus_two_half = -2.5, x127 = 127.5, x128 = -128.5, xneg = -0.5;
    volatile double big = 0x1p63, bigger = 0x1p64, qnan = NAN, inf = INFINITY, minus_zero = -0.0;
    clear();
    CHECK_EQ(fromfp(two_half, FP_INT_TONEAREST, 64), 2);
    CHECK_EQ(fromfp(two_half, FP_INT_TONEARESTFROMZERO, 64), 3);
    CHECK_EQ(fromfp(minus_two_half, FP_INT_UPWARD, 64), -2);
    CHECK_EQ(fromfp(minus_two_half, FP_INT_DOWNWARD, 64), -3);
    CHECK_EQ(fromfp(minus_two_half, FP_INT_TOWARDZERO, 64), -2);
    CHECK_EQ(fromfp(minus_two_half, 99, 64), -2); /* an unknown direction truncates */
    CHECK_EQ(fromfp(minus_zero, FP_INT_UPWARD, 1), 0);
    CHECK_EQ(raised(), 0); /* fromfp never raises inexact */
    CHECK_EQ(fromfpx(two_half, FP_INT_TONEAREST, 64), 2);
    CHECK_EQ(raised(), FE_INEXACT);
    clear();
    CHECK_EQ(ufromfpx(two_half, FP_INT_UPWARD, 2), 3);
    CHECK_EQ(raised(), FE_INEXACT);
    clear();
    CHECK_EQ(fromfp(-128.0 + 0 * two_half, FP_INT_UPWARD, 8), -128);
    CHECK_EQ(fromfp(x128, FP_INT_TOWARDZERO, 8), -128);
    CHECK_EQ(ufromfp(xneg, FP_INT_TOWARDZERO, 8), 0);
    CHECK_EQ(ufromfp(bigger / 2, FP_INT_TOWARDZERO, 64), 0x8000000000000000ull);
    CHECK_EQ(fromfp(big, FP_INT_TOWARDZERO, 65), INTMAX_MAX); /* 65 counts as 64: out of range */
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(errno, 0);
    CHECK_EQ(raised(), 0);
    /* Out of range: EDOM, invalid, and the width's bound of x's sign. */
    CHECK_EQ(fromfp(x127, FP_INT_UPWARD, 8), 127);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();
    CHECK_EQ(fromfp(x128, FP_INT_DOWNWARD, 8), -128);
    CHECK_EQ(errno, EDOM);
    clear();
    CHECK_EQ(ufromfp(xneg, FP_INT_DOWNWARD, 8), 0);
    CHECK_EQ(errno, EDOM);
    clear();
    CHECK_EQ(ufromfpx(256.0 + 0 * x127, FP_INT_TONEAREST, 8), 255);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID); /* not inexact too */
    clear();
    CHECK_EQ(ufromfp(bigger, FP_INT_TOWARDZERO, 64), UINTMAX_MAX);
    CHECK_EQ(fromfp(two_half, FP_INT_TONEAREST, 0), 0);
    CHECK_EQ(errno, EDOM);
    clear();
    CHECK_EQ(fromfp(qnan, FP_INT_TONEAREST, 32), INT32_MAX);
    CHECK_EQ(fromfp(-qnan, FP_INT_TONEAREST, 32), INT32_MIN);
    CHECK_EQ(ufromfp(inf, FP_INT_TONEAREST, 16), 0xffff);
    CHECK_EQ(errno, EDOM);
    CHECK_EQ(raised(), FE_INVALID);
    clear();

    volatile float halff = 0.5f, bigf = 0x1p40f;
    CHECK_EQ(fromfpf(halff, FP_INT_TONEAREST, 8), 0);
    CHECK_EQ(fromfpf(-halff, FP_INT_TONEARESTFROMZERO, 8), -1);
    CHECK_EQ(ufromfpf(bigf, FP_INT_UPWARD, 41), 0x10000000000ull);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(fromfpxf(halff, FP_INT_DOWNWARD, 8), 0);
    CHECK_EQ(raised(), FE_INEXACT);
    clear();
    CHECK_EQ(ufromfpxf(bigf, FP_INT_UPWARD, 40), 0xffffffffffull);
    CHECK_EQ(errno, EDOM);
    clear();

    volatile long double near_top = 0x1p63L - 0.5L, halfl = 2.5L;
    CHECK_EQ(ufromfpl(near_top, FP_INT_TONEAREST, 64), 0x8000000000000000ull);
    CHECK_EQ(ufromfpl(near_top, FP_INT_DOWNWARD, 64), 0x7fffffffffffffffull);
    CHECK_EQ(fromfpl(-halfl, FP_INT_TONEAREST, 3), -2);
    CHECK_EQ(raised(), 0);
    CHECK_EQ(fromfpl(near_top, FP_INT_TONEAREST, 64), INTMAX_MAX);
    CHECK_EQ(errno, EDOM);
    clear();
    CHECK_EQ(ufromfpxl(halfl, FP_INT_TONEARESTFROMZERO, 64), 3);
    CHECK_EQ(raised(), FE_INEXACT);
    clear();
    /* glibc's fromfpl reads the mantissa as stored: a pseudo-infinity,
     * mantissa zero, is 0 without error; an unnormal the number its bits
     * spell. */
    volatile long double pseudo_infinity = long_of(0x7fff, 0), unnormal = long_of(0x4001, 0x6000000000000000ull);
    CHECK_EQ(fromfpl(pseudo_infinity, FP_INT_TONEAREST, 8), 0);
    CHECK_EQ(fromfpl(unnormal, FP_INT_TONEAREST, 8), 3);
    CHECK_EQ(errno, 0);
    CHECK_EQ(raised(), 0);

    CHECK_EQ(fromfpf64(two_half, FP_INT_UPWARD, 8), 3);
    CHECK_EQ(ufromfpf32x(two_half, FP_INT_DOWNWARD, 8), 2);
    CHECK_EQ(fromfpxf32(halff, FP_INT_TONEARESTFROMZERO, 8), 1);
    CHECK_EQ(ufromfpxf64x(halfl, FP_INT_TONEAREST, 8), 2);
    clear();
}

int main(void) {
    next_up_and_down();
    round_to_even();
    long_exponent();
    maximum_and_minimum();
    total_order();
    payloads();
    to_integers();
    return 0;
}
