/* The obsolete names libm still exports: drem (remainder), scalb (scaling
 * by an integral double power of two) and significand (the mantissa in
 * [1, 2)), with their float and long double forms; results and errno are
 * glibc's (for long double, its x86-64 ones, x87 instructions). */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "../integration/check.h"

/* Declared by glibc's <math.h> only for old standards. */
double drem(double, double);
float dremf(float, float);
double scalb(double, double);
float scalbf(float, float);
double significand(double);
float significandf(float);
long double dreml(long double, long double);
long double scalbl(long double, long double);
long double significandl(long double);

/* Arguments the compiler cannot see, so that it does not fold the call (and
 * its errno) away. */
static volatile double seen;
static double v(double x) {
    seen = x;
    return seen;
}

static void expect(double result, double expected, int error, int expected_error) {
    if (isnan(expected))
        CHECK(isnan(result));
    else
        CHECK(result == expected && signbit(result) == signbit(expected));
    CHECK_EQ(error, expected_error);
}

#define EXPECT(call, value, expected_error)     \
    do {                                        \
        errno = 0;                              \
        double result_ = (call);                \
        expect(result_, value, errno, expected_error); \
    } while (0)

static volatile long double seen_long;
static long double vl(long double x) {
    seen_long = x;
    return seen_long;
}

/* A long double from its sign and exponent field and its 64-bit mantissa
 * (the integer bit explicit). */
static long double long_from(unsigned sign_exponent, unsigned long long mantissa) {
    unsigned char bytes[sizeof(long double)] = {0};
    memcpy(bytes, &mantissa, 8);
    bytes[8] = (unsigned char)sign_exponent;
    bytes[9] = (unsigned char)(sign_exponent >> 8);
    long double x;
    memcpy(&x, bytes, sizeof x);
    return x;
}

static int same_long_bits(long double x, long double y) { return memcmp(&x, &y, 10) == 0; }

static void expect_long(long double result, long double expected, int error, int expected_error) {
    if (isnan(expected))
        CHECK(isnan(result));
    else
        CHECK(result == expected && signbit(result) == signbit(expected));
    CHECK_EQ(error, expected_error);
}

#define EXPECT_LONG(call, value, expected_error)            \
    do {                                                    \
        errno = 0;                                          \
        long double result_ = (call);                       \
        expect_long(result_, value, errno, expected_error); \
    } while (0)

static void check_long_double_forms(void) {
    EXPECT_LONG(scalbl(vl(1.0L), vl(1.0L)), 2.0L, 0);
    EXPECT_LONG(scalbl(vl(-3.5L), vl(-1.0L)), -1.75L, 0);
    EXPECT_LONG(scalbl(vl(1.0L), vl(2000.0L)), 0x1p2000L, 0);  /* past double's range */
    EXPECT_LONG(scalbl(vl(1.0L), vl(-16440.0L)), 0x1p-16440L, 0);  /* subnormal, exact */
    EXPECT_LONG(scalbl(vl(1.0L), vl(2.5L)), NAN, EDOM);
    EXPECT_LONG(scalbl(vl(1.0L), vl(20000.0L)), INFINITY, ERANGE);
    EXPECT_LONG(scalbl(vl(-3.5L), vl(-20000.0L)), -0.0L, ERANGE);
    EXPECT_LONG(scalbl(vl(1.0L), vl(1e10L)), INFINITY, ERANGE);
    EXPECT_LONG(scalbl(vl(1.0L), vl(INFINITY)), INFINITY, 0);
    EXPECT_LONG(scalbl(vl(-1.0L), vl(-INFINITY)), -0.0L, 0);
    EXPECT_LONG(scalbl(vl(0.0L), vl(INFINITY)), NAN, EDOM);
    EXPECT_LONG(scalbl(vl(INFINITY), vl(-INFINITY)), NAN, EDOM);
    EXPECT_LONG(scalbl(vl(1.0L), vl(NAN)), NAN, 0);
    /* A NaN scaled by -inf: glibc's one NaN (0x7fff f800000000000000),
     * whatever the NaN. */
    errno = 0;
    long double table_nan = long_from(0x7fff, 0xf800000000000000ull);
    CHECK(same_long_bits(scalbl(vl(-NAN), vl(-INFINITY)), table_nan));
    CHECK_EQ(errno, 0);
    /* An unnormal (integer bit clear) scaled by -inf: a zero of its sign,
     * as the x87 sees it: not a NaN. */
    EXPECT_LONG(scalbl(vl(long_from(0xc001, 0x1234)), vl(-INFINITY)), -0.0L, 0);

    EXPECT_LONG(significandl(vl(-3.5L)), -1.75L, 0);
    EXPECT_LONG(significandl(vl(0x1.8p-16440L)), 1.5L, 0);  /* subnormal */
    EXPECT_LONG(significandl(vl(0x1.edd2f1a9fbe77p+6L)), 0x1.edd2f1a9fbe77p+0L, 0);
    EXPECT_LONG(significandl(vl(-0.0L)), -0.0L, 0);  /* no errno: fxtract */
    EXPECT_LONG(significandl(vl(INFINITY)), INFINITY, 0);
    EXPECT_LONG(significandl(vl(NAN)), NAN, 0);

    EXPECT_LONG(dreml(vl(-3.5L), vl(1.0L)), 0.5L, 0);
    EXPECT_LONG(dreml(vl(7.0L), vl(2.0L)), -1.0L, 0);
    EXPECT_LONG(dreml(vl(0x1p100L), vl(3.0L)), 1.0L, 0);  /* 2^100 = 3 k + 1 */
    EXPECT_LONG(dreml(vl(1.0L), vl(0.0L)), NAN, EDOM);
    EXPECT_LONG(dreml(vl(INFINITY), vl(1.0L)), NAN, EDOM);
}

int main(void) {
    EXPECT(scalb(v(1.0), v(1.0)), 2.0, 0);
    EXPECT(scalb(v(-3.5), v(-1.0)), -1.75, 0);
    EXPECT(scalb(v(1.0), v(2.5)), NAN, EDOM);          /* not integral */
    EXPECT(scalb(v(1.0), v(2000.0)), INFINITY, ERANGE);
    EXPECT(scalb(v(-3.5), v(-2000.0)), -0.0, ERANGE);
    EXPECT(scalb(v(1.0), v(1e10)), INFINITY, ERANGE);  /* past int's range */
    EXPECT(scalb(v(1.0), v(INFINITY)), INFINITY, 0);
    EXPECT(scalb(v(1.0), v(-INFINITY)), 0.0, 0);
    EXPECT(scalb(v(0.0), v(INFINITY)), NAN, EDOM);
    EXPECT(scalb(v(INFINITY), v(-INFINITY)), NAN, EDOM);
    EXPECT(scalb(v(1.0), v(NAN)), NAN, 0);
    EXPECT(scalbf((float)v(1.0f), (float)v(200.0f)), INFINITY, ERANGE);
    EXPECT(scalbf((float)v(3.0f), (float)v(2.0f)), 12.0, 0);

    EXPECT(significand(v(-3.5)), -1.75, 0);
    EXPECT(significand(v(0x1.edd2f1a9fbe77p+6)), 0x1.edd2f1a9fbe77p+0, 0);
    EXPECT(significand(v(0.0)), 0.0, EDOM);         /* ilogb's EDOM shows through */
    EXPECT(significand(v(INFINITY)), INFINITY, EDOM);
    EXPECT(significand(v(NAN)), NAN, EDOM);
    EXPECT(significandf((float)v(96.0f)), 1.5, 0);

    EXPECT(drem(v(-3.5), v(1.0)), 0.5, 0);
    EXPECT(drem(v(7.0), v(2.0)), -1.0, 0);             /* to the nearest even quotient */
    EXPECT(drem(v(1.0), v(0.0)), NAN, EDOM);
    EXPECT(drem(v(INFINITY), v(1.0)), NAN, EDOM);
    EXPECT(dremf((float)v(5.0f), (float)v(3.0f)), -1.0, 0);

    check_long_double_forms();
    return 0;
}
