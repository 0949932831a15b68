/* The obsolete names libm still exports: drem (remainder), scalb (scaling
 * by an integral double power of two) and significand (the mantissa in
 * [1, 2)), with their float forms; results and errno are glibc's. */
#include <errno.h>
#include <math.h>

#include "../integration/check.h"

/* Declared by glibc's <math.h> only for old standards. */
double drem(double, double);
float dremf(float, float);
double scalb(double, double);
float scalbf(float, float);
double significand(double);
float significandf(float);

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
    return 0;
}
