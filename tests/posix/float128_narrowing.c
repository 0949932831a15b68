/* The narrowing functions from _Float128 (glibc 2.36's f32addf128 ...
 * f64xfmaf128; f32 is float, f32x and f64 double, f64x long double): one
 * rounding of the exact result in each rounding mode, where rounding first
 * to a wider type would round twice; the flags (underflow after rounding, as
 * x86 detects tininess), and errno (EDOM, ERANGE; none from the fused
 * multiply-adds). Each answer glibc 2.36's; also passes built against glibc
 * (-lm). */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "float128_encoding.h"

/* 2^e for a normal binary128 exponent. */
static F power(int e) { return make((uint64_t)(e + 16383) << 48, 0); }

static uint32_t float_bits(float x) {
    uint32_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}
static uint64_t double_bits(double x) {
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}
/* A long double's sign and exponent, and its 64-bit significand. */
static unsigned long_top(long double x) {
    uint16_t b[5];
    memcpy(b, &x, sizeof b);
    return b[4];
}
static uint64_t long_significand(long double x) {
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

enum { NEAREST, DOWNWARD, UPWARD, TOWARD_ZERO };
static const int modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};

/* The call in the mode, with the flags cleared and errno 0 before; its
 * result (stored in a variable of the caller's) and then the flags raised
 * and errno compared. */
#define IN_MODE(mode, assignment, flags, error)                      \
    do {                                                             \
        CHECK_EQ(fesetround(modes[mode]), 0);                        \
        feclearexcept(FE_ALL_EXCEPT);                                \
        errno = 0;                                                   \
        assignment;                                                  \
        int raised_ = fetestexcept(FE_ALL_EXCEPT);                   \
        int error_ = errno;                                          \
        fesetround(FE_TONEAREST);                                    \
        CHECK_EQ(raised_, (flags));                                  \
        CHECK_EQ(error_, (error));                                   \
    } while (0)

#define FLOAT(mode, call, bits, flags, error)   \
    do {                                        \
        float result_;                          \
        IN_MODE(mode, result_ = call, flags, error); \
        CHECK_EQ(float_bits(result_), (bits));  \
    } while (0)
#define DOUBLE(mode, call, bits, flags, error)   \
    do {                                         \
        double result_;                          \
        IN_MODE(mode, result_ = call, flags, error); \
        CHECK_EQ(double_bits(result_), (bits));  \
    } while (0)
#define LONG(mode, call, top, significand, flags, error)     \
    do {                                                     \
        long double result_;                                 \
        IN_MODE(mode, result_ = call, flags, error);         \
        CHECK_EQ(long_top(result_), (top));                  \
        CHECK_EQ(long_significand(result_), (significand));  \
    } while (0)

static const int I = FE_INEXACT, U = FE_UNDERFLOW | FE_INEXACT, O = FE_OVERFLOW | FE_INEXACT;

static void check_to_float(void) {
    F one = power(0), minus_one = make(0xbfff000000000000ull, 0);
    /* 1 + 2^-24, halfway between two floats: to even rounding to nearest;
     * 2^-80 more lies above the halfway point, though rounding it to double
     * first would land on it. */
    F half_ulp = power(-24), above_half = make(0x3fe7000000000000ull, 0x0100000000000000ull);
    FLOAT(NEAREST, f32addf128(one, half_ulp), 0x3f800000u, I, 0);
    FLOAT(UPWARD, f32addf128(one, half_ulp), 0x3f800001u, I, 0);
    FLOAT(NEAREST, f32addf128(one, above_half), 0x3f800001u, I, 0);
    FLOAT(TOWARD_ZERO, f32addf128(one, above_half), 0x3f800000u, I, 0);
    FLOAT(DOWNWARD, f32subf128(minus_one, above_half), 0xbf800001u, I, 0);
    FLOAT(UPWARD, f32subf128(minus_one, above_half), 0xbf800000u, I, 0);
    /* An exact zero: -0 only rounding downward; no flag, no errno. */
    FLOAT(NEAREST, f32addf128(one, minus_one), 0u, 0, 0);
    FLOAT(DOWNWARD, f32addf128(one, minus_one), 0x80000000u, 0, 0);
    FLOAT(DOWNWARD, f32subf128(one, one), 0x80000000u, 0, 0);
    /* A zero that is not exact: ERANGE. */
    FLOAT(NEAREST, f32subf128(power(-155), power(-156)), 0u, U, ERANGE);
    /* Overflow: infinity with ERANGE, or the largest float. */
    F large = power(127);
    FLOAT(NEAREST, f32addf128(large, large), 0x7f800000u, O, ERANGE);
    FLOAT(TOWARD_ZERO, f32addf128(large, large), 0x7f7fffffu, O, 0);
    /* inf - inf: EDOM; a quiet NaN passes without a flag or errno; a
     * signalling one raises invalid alone. */
    F infinity = make(0x7fff000000000000ull, 0), quiet = make(0x7fff800000000000ull, 0),
      signalling = make(0x7fff400000000000ull, 0);
    FLOAT(NEAREST, f32subf128(infinity, infinity), 0xffc00000u, FE_INVALID, EDOM);
    FLOAT(NEAREST, f32addf128(quiet, one), 0x7fc00000u, 0, 0);
    FLOAT(NEAREST, f32addf128(one, signalling), 0x7fe00000u, FE_INVALID, 0);
    FLOAT(NEAREST, f32addf128(infinity, one), 0x7f800000u, 0, 0);

    /* 2^-75 * 2^-75 = 2^-150, half the least subnormal: 0 (even) with
     * ERANGE rounding to nearest, the least subnormal upward (no errno). */
    F tiny = power(-75);
    FLOAT(NEAREST, f32mulf128(tiny, tiny), 0u, U, ERANGE);
    FLOAT(UPWARD, f32mulf128(tiny, tiny), 1u, U, 0);
    /* (1 - 2^-25) 2^-126 rounds to 2^-126 with 24 bits, so it is not tiny
     * after rounding: inexact alone; toward zero the largest subnormal,
     * with underflow. */
    F below_one = make(0x3ffeffffff800000ull, 0), least_normal = power(-126);
    FLOAT(NEAREST, f32mulf128(below_one, least_normal), 0x00800000u, I, 0);
    FLOAT(TOWARD_ZERO, f32mulf128(below_one, least_normal), 0x007fffffu, U, 0);
    FLOAT(NEAREST, f32mulf128(power(100), power(100)), 0x7f800000u, O, ERANGE);
    FLOAT(NEAREST, f32mulf128(infinity, make(0, 0)), 0xffc00000u, FE_INVALID, EDOM);
    FLOAT(NEAREST, f32mulf128(make(0x8000000000000000ull, 0), one), 0x80000000u, 0, 0);

    F three = make(0x4000800000000000ull, 0);
    FLOAT(NEAREST, f32divf128(one, three), 0x3eaaaaabu, I, 0);
    FLOAT(TOWARD_ZERO, f32divf128(one, three), 0x3eaaaaaau, I, 0);
    FLOAT(NEAREST, f32divf128(minus_one, make(0, 0)), 0xff800000u, FE_DIVBYZERO, ERANGE);
    FLOAT(NEAREST, f32divf128(make(0, 0), make(0, 0)), 0xffc00000u, FE_INVALID, EDOM);
    FLOAT(NEAREST, f32divf128(one, infinity), 0u, 0, 0);
    FLOAT(NEAREST, f32divf128(power(-100), power(100)), 0u, U, ERANGE);

    F two = power(1);
    FLOAT(NEAREST, f32sqrtf128(two), 0x3fb504f3u, I, 0);
    FLOAT(UPWARD, f32sqrtf128(two), 0x3fb504f4u, I, 0);
    FLOAT(NEAREST, f32sqrtf128(make(0x8000000000000000ull, 0)), 0x80000000u, 0, 0);
    FLOAT(NEAREST, f32sqrtf128(minus_one), 0xffc00000u, FE_INVALID, EDOM);
    FLOAT(NEAREST, f32sqrtf128(infinity), 0x7f800000u, 0, 0);
    FLOAT(NEAREST, f32sqrtf128(power(-300)), 0u, U, ERANGE);
    FLOAT(NEAREST, f32sqrtf128(power(300)), 0x7f800000u, O, ERANGE);

    /* (1 + 2^-13)^2 = 1 + 2^-12 + 2^-26, and minus 1: exact. No errno from
     * a fused multiply-add, even on overflow or an invalid operation. */
    F near_one = make(0x3fff000800000000ull, 0);
    FLOAT(NEAREST, f32fmaf128(near_one, near_one, make(0, 0)), 0x3f800800u, I, 0);
    FLOAT(UPWARD, f32fmaf128(near_one, near_one, make(0, 0)), 0x3f800801u, I, 0);
    FLOAT(NEAREST, f32fmaf128(near_one, near_one, minus_one), 0x39800200u, 0, 0);
    FLOAT(DOWNWARD, f32fmaf128(one, one, minus_one), 0x80000000u, 0, 0);
    FLOAT(NEAREST, f32fmaf128(power(100), power(100), one), 0x7f800000u, O, 0);
    FLOAT(NEAREST, f32fmaf128(infinity, make(0, 0), one), 0xffc00000u, FE_INVALID, 0);
    FLOAT(NEAREST, f32fmaf128(tiny, tiny, make(0, 0)), 0u, U, 0);
}

static void check_to_double(void) {
    F one = power(0), three = make(0x4000800000000000ull, 0);
    /* 1 + 2^-53 + 2^-100: just above halfway between two doubles. */
    F above_half = make(0x3fca000000000002ull, 0);
    DOUBLE(NEAREST, f64addf128(one, power(-53)), 0x3ff0000000000000ull, I, 0);
    DOUBLE(NEAREST, f64addf128(one, above_half), 0x3ff0000000000001ull, I, 0);
    DOUBLE(NEAREST, f32xaddf128(one, above_half), 0x3ff0000000000001ull, I, 0);
    DOUBLE(DOWNWARD, f64subf128(one, one), 0x8000000000000000ull, 0, 0);
    DOUBLE(DOWNWARD, f32xsubf128(one, one), 0x8000000000000000ull, 0, 0);
    DOUBLE(NEAREST, f64divf128(one, three), 0x3fd5555555555555ull, I, 0);
    DOUBLE(UPWARD, f32xdivf128(one, three), 0x3fd5555555555556ull, I, 0);
    DOUBLE(NEAREST, f64divf128(one, make(0x8000000000000000ull, 0)), 0xfff0000000000000ull, FE_DIVBYZERO, ERANGE);
    /* 2^-1080 lies below half the least subnormal (2^-1075). */
    DOUBLE(NEAREST, f64mulf128(power(-540), power(-540)), 0u, U, ERANGE);
    DOUBLE(UPWARD, f32xmulf128(power(-540), power(-540)), 1u, U, 0);
    DOUBLE(NEAREST, f64mulf128(power(600), power(600)), 0x7ff0000000000000ull, O, ERANGE);
    DOUBLE(DOWNWARD, f64mulf128(power(600), power(600)), 0x7fefffffffffffffull, O, 0);
    DOUBLE(NEAREST, f64sqrtf128(power(1)), 0x3ff6a09e667f3bcdull, I, 0);
    DOUBLE(DOWNWARD, f32xsqrtf128(power(1)), 0x3ff6a09e667f3bccull, I, 0);
    DOUBLE(NEAREST, f64sqrtf128(make(0xbfff000000000000ull, 0)), 0xfff8000000000000ull, FE_INVALID, EDOM);
    DOUBLE(NEAREST, f64fmaf128(three, make(0x3ffd555555555555ull, 0x5555555555555555ull),
                               make(0xbfff000000000000ull, 0)),
           0xb8d0000000000000ull, 0, 0);
    DOUBLE(NEAREST, f32xfmaf128(power(600), power(600), one), 0x7ff0000000000000ull, O, 0);
}

static void check_to_long_double(void) {
    F one = power(0);
    /* 1 + 2^-64: halfway between two long doubles. */
    LONG(NEAREST, f64xaddf128(one, power(-64)), 0x3fff, 0x8000000000000000ull, I, 0);
    LONG(UPWARD, f64xaddf128(one, power(-64)), 0x3fff, 0x8000000000000001ull, I, 0);
    LONG(DOWNWARD, f64xsubf128(one, one), 0x8000, 0, 0, 0);
    LONG(NEAREST, f64xdivf128(one, make(0x4000800000000000ull, 0)), 0x3ffd, 0xaaaaaaaaaaaaaaabull, I, 0);
    LONG(NEAREST, f64xsqrtf128(power(1)), 0x3fff, 0xb504f333f9de6484ull, I, 0);
    LONG(UPWARD, f64xsqrtf128(power(1)), 0x3fff, 0xb504f333f9de6485ull, I, 0);
    LONG(NEAREST, f64xsqrtf128(make(0xbfff000000000000ull, 0)), 0xffff, 0xc000000000000000ull, FE_INVALID, EDOM);
    /* (1 - 2^-113) 2^-16382: below binary128's least normal, so tiny and
     * inexact there, but it rounds to long double's least normal, which
     * is the same power of two: inexact alone; toward zero, the largest
     * subnormal, with underflow. */
    F below_one = make(0x3ffeffffffffffffull, 0xffffffffffffffffull), least_normal = power(-16382);
    LONG(NEAREST, f64xmulf128(below_one, least_normal), 0x0001, 0x8000000000000000ull, I, 0);
    LONG(TOWARD_ZERO, f64xmulf128(below_one, least_normal), 0x0000, 0x7fffffffffffffffull, U, 0);
    LONG(NEAREST, f64xdivf128(least_normal, make(0x3fff000000000000ull, 1)), 0x0001, 0x8000000000000000ull, I, 0);
    LONG(NEAREST, f64xfmaf128(below_one, least_normal, make(0, 0)), 0x0001, 0x8000000000000000ull, I, 0);
    LONG(NEAREST, f64xmulf128(power(-8300), power(-8300)), 0x0000, 0, U, ERANGE);
    /* Beyond binary128's range: overflow, even where the truncated
     * binary128 value converts to the largest long double without one. */
    F large = make(0x7ffe800000000000ull, 0);
    LONG(NEAREST, f64xmulf128(large, large), 0x7fff, 0x8000000000000000ull, O, ERANGE);
    LONG(TOWARD_ZERO, f64xmulf128(large, large), 0x7ffe, 0xffffffffffffffffull, O, 0);
    LONG(TOWARD_ZERO, f64xaddf128(large, large), 0x7ffe, 0xffffffffffffffffull, O, 0);
    LONG(DOWNWARD, f64xfmaf128(large, make(0xc000000000000000ull, 0), one), 0xffff, 0x8000000000000000ull, O, 0);
    LONG(UPWARD, f64xfmaf128(large, make(0xc000000000000000ull, 0), one), 0xfffe, 0xffffffffffffffffull, O, 0);
    /* Within binary128's range but past long double's: overflow only
     * where the rounding goes up. */
    F between = make(0x7ffeffffffffffffull, 0xffff800000000000ull);
    LONG(NEAREST, f64xaddf128(between, make(0, 0)), 0x7fff, 0x8000000000000000ull, O, ERANGE);
    LONG(TOWARD_ZERO, f64xaddf128(between, make(0, 0)), 0x7ffe, 0xffffffffffffffffull, I, 0);
}

int main(void) {
    check_to_float();
    check_to_double();
    check_to_long_double();
    return 0;
}
