/* The narrowing operations of <math.h> (TS 18661-1: fadd ... ffma,
 * faddl ... ffmal, daddl ... dfmal; TS 18661-3's f32addf64 ... names): the
 * exact result rounded once to the narrow type, in each rounding mode, with
 * the exception flags and errno glibc gives. The values are known exactly:
 * halfway cases (ties to even), cases where rounding to the operands' type
 * first and then to the narrow one (double rounding) gives the wrong answer,
 * subnormal results, x86's tininess after rounding, overflow, invalid
 * operations and long double encodings the x87 rejects.
 * Operands go through volatile variables so that nothing is folded.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC):
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_narrowing.c -lm */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"

static uint32_t float_bits(float x) {
    uint32_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static uint64_t double_bits(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static double double_from_bits(uint64_t bits) {
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

/* A long double from its exponent field (with the sign) and mantissa. */
static long double long_from_parts(unsigned sign_exponent, uint64_t mantissa) {
    long double x = 0.0L;
    uint16_t se = (uint16_t)sign_exponent;
    memcpy(&x, &mantissa, 8);
    memcpy((char*)&x + 8, &se, 2);
    return x;
}

static int last_flags;
static int last_errno;

/* Runs `call` in rounding mode `mode` with the flags clear and errno 0, and
 * keeps the flags and errno it left. */
#define IN_MODE(mode, type, call)                      \
    ({                                                 \
        fesetround(mode);                              \
        feclearexcept(FE_ALL_EXCEPT);                  \
        errno = 0;                                     \
        volatile type in_mode_result_ = (call);        \
        last_flags = fetestexcept(FE_ALL_EXCEPT);      \
        last_errno = errno;                            \
        fesetround(FE_TONEAREST);                      \
        (type) in_mode_result_;                        \
    })

#define CHECK_FLOAT(mode, call, bits, flags, error)                      \
    do {                                                                 \
        CHECK_EQ(float_bits(IN_MODE(mode, float, call)), (uint32_t)(bits)); \
        CHECK_EQ(last_flags, (flags));                                   \
        CHECK_EQ(last_errno, (error));                                   \
    } while (0)

#define CHECK_DOUBLE(mode, call, bits, flags, error)                      \
    do {                                                                  \
        CHECK_EQ(double_bits(IN_MODE(mode, double, call)), (uint64_t)(bits)); \
        CHECK_EQ(last_flags, (flags));                                    \
        CHECK_EQ(last_errno, (error));                                    \
    } while (0)

#define NEAREST FE_TONEAREST
#define UP FE_UPWARD
#define DOWN FE_DOWNWARD
#define ZERO FE_TOWARDZERO
#define INEXACT FE_INEXACT
#define UNDERFLOW (FE_UNDERFLOW | FE_INEXACT)
#define OVERFLOW (FE_OVERFLOW | FE_INEXACT)

static void double_to_float(void) {
    volatile double one = 1.0;
    volatile double half_ulp = 0x1p-24;  /* half a float ulp at 1 */
    volatile double tie_plus = 0x1.000001p0;  /* 1 + 2^-24: a float tie */
    volatile double below_double = 0x1p-60;  /* lost when added in double */

    /* Ties go to even; the directed modes go their way. */
    CHECK_FLOAT(NEAREST, fadd(one, half_ulp), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(UP, fadd(one, half_ulp), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(DOWN, fadd(one, half_ulp), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(ZERO, fadd(one, half_ulp), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fadd(0x1.000002p0, half_ulp), 0x3f800002, INEXACT, 0);
    CHECK_FLOAT(DOWN, fadd(-one, -half_ulp), 0xbf800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fadd(one, 0x1p-23), 0x3f800001, 0, 0);  /* exact */

    /* Double rounding: 1 + 2^-24 + 2^-60 is 1 + 2^-24 in double, a tie that
     * goes to 1.0, where the exact sum is above the tie. */
    CHECK_FLOAT(NEAREST, fadd(tie_plus, below_double), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsub(tie_plus, -below_double), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsub(tie_plus, below_double), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsub(one, below_double), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(DOWN, fsub(one, below_double), 0x3f7fffff, INEXACT, 0);
    CHECK_FLOAT(ZERO, fsub(one, below_double), 0x3f7fffff, INEXACT, 0);
    CHECK_FLOAT(UP, fsub(one, below_double), 0x3f800000, INEXACT, 0);
    /* (1 + 2^-24 - 2^-40)(1 + 2^-40) = 1 + 2^-24 + 2^-64 - 2^-80. */
    CHECK_FLOAT(NEAREST, fmul(0x1.000000ffffffp0, 0x1.0000000001p0), 0x3f800001, INEXACT, 0);
    /* (1 + 2^-24) * 1 + 2^-80. */
    CHECK_FLOAT(NEAREST, ffma(tie_plus, one, 0x1p-80), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, ffma(tie_plus, one, -0x1p-80), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, ffma(tie_plus, -one, 0x1p-80), 0xbf800000, INEXACT, 0);

    CHECK_FLOAT(NEAREST, fdiv(one, 3.0), 0x3eaaaaab, INEXACT, 0);
    CHECK_FLOAT(DOWN, fdiv(one, 3.0), 0x3eaaaaaa, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fdiv(-one, 3.0), 0xbeaaaaab, INEXACT, 0);
    CHECK_FLOAT(ZERO, fdiv(-one, 3.0), 0xbeaaaaaa, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsqrt(2.0), 0x3fb504f3, INEXACT, 0);
    CHECK_FLOAT(UP, fsqrt(2.0), 0x3fb504f4, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsqrt(0x1p-300), 0x00000000, UNDERFLOW, ERANGE);
    CHECK_FLOAT(UP, fsqrt(0x1p-300), 0x00000001, UNDERFLOW, 0);
    CHECK_FLOAT(NEAREST, fsqrt(0x1p300), 0x7f800000, OVERFLOW, ERANGE);
    CHECK_FLOAT(ZERO, fsqrt(0x1p300), 0x7f7fffff, OVERFLOW, 0);

    /* Subnormal results: 2^-150 is a tie between 0 and 2^-149. */
    CHECK_FLOAT(NEAREST, fmul(0x1p-75, 0x1p-75), 0x00000000, UNDERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, fmul(0x1.8p-75, 0x1p-75), 0x00000001, UNDERFLOW, 0);
    CHECK_FLOAT(UP, fmul(0x1p-75, 0x1p-75), 0x00000001, UNDERFLOW, 0);
    CHECK_FLOAT(DOWN, fmul(-0x1p-75, 0x1p-75), 0x80000001, UNDERFLOW, 0);
    CHECK_FLOAT(NEAREST, fmul(-0x1p-75, 0x1p-75), 0x80000000, UNDERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, fadd(0x1p-149, 0x1p-200), 0x00000001, UNDERFLOW, 0);
    CHECK_FLOAT(NEAREST, fadd(0x1p-149, 0x1p-149), 0x00000002, 0, 0);  /* exact */
    /* x86 detects tininess after rounding: just below FLT_MIN, rounding
     * to FLT_MIN (with an unbounded exponent, too) is no underflow. */
    CHECK_FLOAT(NEAREST, fadd(0x1.fffffffp-127, 0.0), 0x00800000, INEXACT, 0);
    CHECK_FLOAT(ZERO, fadd(0x1.fffffffp-127, 0.0), 0x007fffff, UNDERFLOW, 0);
    CHECK_FLOAT(NEAREST, fadd(0x1.ffffffp-127, 0.0), 0x00800000, INEXACT, 0);
    /* 2^-126 - 2^-150 has 24 bits (tiny after rounding), but is a tie on
     * the subnormal grid, which goes up to FLT_MIN: an underflow. */
    CHECK_FLOAT(NEAREST, fadd(0x1.fffffep-127, 0.0), 0x00800000, UNDERFLOW, 0);

    /* Overflow: the tie above FLT_MAX goes to infinity. */
    CHECK_FLOAT(NEAREST, fadd(0x1p127, 0x1p127), 0x7f800000, OVERFLOW, ERANGE);
    /* errno only for an infinity, as glibc's: not for FLT_MAX. */
    CHECK_FLOAT(ZERO, fadd(0x1p127, 0x1p127), 0x7f7fffff, OVERFLOW, 0);
    CHECK_FLOAT(DOWN, fadd(0x1p127, 0x1p127), 0x7f7fffff, OVERFLOW, 0);
    CHECK_FLOAT(NEAREST, fadd(0x1.fffffep127, 0x1p103), 0x7f800000, OVERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, fadd(0x1.fffffep127, 0x1.fffffp102), 0x7f7fffff, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fdiv(0x1p100, 0x1p-100), 0x7f800000, OVERFLOW, ERANGE);

    /* Exact zeros take the sign of the rounding direction; no errno. */
    CHECK_FLOAT(NEAREST, fsub(one, one), 0x00000000, 0, 0);
    CHECK_FLOAT(DOWN, fsub(one, one), 0x80000000, 0, 0);
    CHECK_FLOAT(DOWN, fadd(one, -one), 0x80000000, 0, 0);
    CHECK_FLOAT(NEAREST, fadd(-0.0, -0.0), 0x80000000, 0, 0);
    CHECK_FLOAT(NEAREST, fmul(-0.0, 5.0), 0x80000000, 0, 0);
    CHECK_FLOAT(NEAREST, ffma(0x1p-300, 0x1p-300, -0x1p-600), 0x00000000, 0, 0);
    CHECK_FLOAT(DOWN, ffma(0x1p-300, 0x1p-300, -0x1p-600), 0x80000000, 0, 0);
    CHECK_FLOAT(NEAREST, fsqrt(-0.0), 0x80000000, 0, 0);
    /* A product below every float, z zero: the product's sign, no errno. */
    CHECK_FLOAT(NEAREST, ffma(-0x1p-600, 0x1p-600, 0.0), 0x80000000, UNDERFLOW, 0);

    /* Invalid operations and poles. */
    CHECK_FLOAT(NEAREST, fadd(INFINITY, -INFINITY), 0xffc00000, FE_INVALID, EDOM);
    CHECK_FLOAT(NEAREST, fmul(0.0, INFINITY), 0xffc00000, FE_INVALID, EDOM);
    CHECK_FLOAT(NEAREST, fdiv(0.0, 0.0), 0xffc00000, FE_INVALID, EDOM);
    CHECK_FLOAT(NEAREST, fsqrt(-one), 0xffc00000, FE_INVALID, EDOM);
    CHECK_FLOAT(NEAREST, ffma(INFINITY, 0.0, one), 0xffc00000, FE_INVALID, 0);
    CHECK_FLOAT(NEAREST, fdiv(one, 0.0), 0x7f800000, FE_DIVBYZERO, ERANGE);
    CHECK_FLOAT(NEAREST, fdiv(one, -0.0), 0xff800000, FE_DIVBYZERO, ERANGE);
    CHECK_FLOAT(NEAREST, fdiv(INFINITY, 2.0), 0x7f800000, 0, 0);
    CHECK_FLOAT(NEAREST, fdiv(2.0, INFINITY), 0x00000000, 0, 0);

    /* NaNs: quiet ones pass silently, the first operand's payload kept (its
     * high bits); a signaling one raises FE_INVALID. */
    volatile double quiet = double_from_bits(0x7ff8012340000000);
    volatile double quiet_negative = double_from_bits(0xfff8045600000000);
    volatile double signaling = double_from_bits(0x7ff0078900000000);
    CHECK_FLOAT(NEAREST, fadd(quiet, one), 0x7fc0091a, 0, 0);
    CHECK_FLOAT(NEAREST, fadd(quiet, quiet_negative), 0x7fc0091a, 0, 0);
    CHECK_FLOAT(NEAREST, fsub(quiet_negative, quiet), 0xffc022b0, 0, 0);
    CHECK_FLOAT(NEAREST, fmul(signaling, one), 0x7fc03c48, FE_INVALID, 0);
    CHECK_FLOAT(NEAREST, fdiv(one, signaling), 0x7fc03c48, FE_INVALID, 0);
    CHECK_FLOAT(NEAREST, fsqrt(quiet_negative), 0xffc022b0, 0, 0);
    CHECK_FLOAT(NEAREST, ffma(one, 2.0, quiet), 0x7fc0091a, 0, 0);
    /* 0 * inf + a quiet NaN: the NaN, and no FE_INVALID. */
    CHECK_FLOAT(NEAREST, ffma(0.0, INFINITY, quiet), 0x7fc0091a, 0, 0);
    CHECK(isnan(IN_MODE(NEAREST, float, ffma(signaling, quiet, one))));
    CHECK_EQ(last_flags, FE_INVALID);
}

static void long_double_to_narrower(void) {
    volatile long double one = 1.0L;
    volatile long double double_tie = 0x1.00000000000008p0L;  /* 1 + 2^-53 */
    volatile long double below = 0x1p-80L;  /* lost when added in long double */

    /* Double rounding through long double: 1 + 2^-53 + 2^-80 is the tie
     * 1 + 2^-53 in long double, which goes to 1.0 in double. */
    CHECK_DOUBLE(NEAREST, daddl(double_tie, below), 0x3ff0000000000001, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, daddl(double_tie, -below), 0x3ff0000000000000, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, daddl(one, 0x1p-53L), 0x3ff0000000000000, INEXACT, 0);
    CHECK_DOUBLE(UP, daddl(one, 0x1p-53L), 0x3ff0000000000001, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dsubl(double_tie, -below), 0x3ff0000000000001, INEXACT, 0);
    CHECK_DOUBLE(DOWN, dsubl(one, below), 0x3fefffffffffffff, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dfmal(double_tie, one, below), 0x3ff0000000000001, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dfmal(double_tie, -one, below), 0xbff0000000000000, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dmull(0x1p-600L, 0x1p-600L), 0x0000000000000000, UNDERFLOW, ERANGE);
    /* 2^-1075 is a tie between 0 and the smallest subnormal. */
    CHECK_DOUBLE(NEAREST, dmull(0x1p-537L, 0x1p-538L), 0x0000000000000000, UNDERFLOW, ERANGE);
    CHECK_DOUBLE(NEAREST, dmull(0x1p-537L, 0x1.0000000000000002p-538L), 0x0000000000000001,
                 UNDERFLOW, 0);
    CHECK_DOUBLE(NEAREST, ddivl(one, 3.0L), 0x3fd5555555555555, INEXACT, 0);
    CHECK_DOUBLE(UP, ddivl(one, 3.0L), 0x3fd5555555555556, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, ddivl(one, 0.0L), 0x7ff0000000000000, FE_DIVBYZERO, ERANGE);
    CHECK_DOUBLE(NEAREST, dsqrtl(2.0L), 0x3ff6a09e667f3bcd, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dsqrtl(-2.0L), 0xfff8000000000000, FE_INVALID, EDOM);
    CHECK_DOUBLE(NEAREST, daddl(0x1p1023L, 0x1p1023L), 0x7ff0000000000000, OVERFLOW, ERANGE);
    CHECK_DOUBLE(ZERO, daddl(0x1p1023L, 0x1p1023L), 0x7fefffffffffffff, OVERFLOW, 0);
    CHECK_DOUBLE(DOWN, dsubl(one, one), 0x8000000000000000, 0, 0);

    CHECK_FLOAT(NEAREST, faddl(one, 0x1p-24L), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, faddl(0x1.000001p0L, below), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsubl(0x1.000001p0L, below), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fmull(0x1p-75L, 0x1p-75L), 0x00000000, UNDERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, fdivl(one, 3.0L), 0x3eaaaaab, INEXACT, 0);
    CHECK_FLOAT(NEAREST, fsqrtl(2.0L), 0x3fb504f3, INEXACT, 0);
    CHECK_FLOAT(NEAREST, ffmal(0x1.000001p0L, one, below), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, faddl(LDBL_MAX, LDBL_MAX), 0x7f800000, OVERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, fsubl(INFINITY, INFINITY), 0xffc00000, FE_INVALID, EDOM);

    /* Encodings: an "unnormal" (integer bit clear, exponent nonzero) is
     * invalid to the x87; a pseudo-denormal (exponent field 0, integer bit
     * set) is 2^-16382 times its mantissa. */
    volatile long double unnormal = long_from_parts(0x3fff, 0x4000000000000000);
    volatile long double pseudo_denormal = long_from_parts(0, 0x8000000000000001);
    CHECK_DOUBLE(NEAREST, daddl(unnormal, one), 0xfff8000000000000, FE_INVALID, 0);
    CHECK_DOUBLE(NEAREST, dsqrtl(unnormal), 0xfff8000000000000, FE_INVALID, 0);
    CHECK_DOUBLE(NEAREST, dfmal(unnormal, one, one), 0xfff8000000000000, FE_INVALID, 0);
    CHECK_DOUBLE(NEAREST, daddl(pseudo_denormal, 0.0L), 0x0000000000000000, UNDERFLOW, ERANGE);
    CHECK_DOUBLE(NEAREST, dmull(pseudo_denormal, 0x1p16000L), 0x2810000000000000, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, dfmal(pseudo_denormal, 0x1p16000L, 0.0L), 0x2810000000000000,
                 INEXACT, 0);
    /* NaNs: the x87 keeps the payload (its high bits go to the double). */
    volatile long double quiet = long_from_parts(0x7fff, 0xc000000000001234);
    CHECK_DOUBLE(NEAREST, daddl(quiet, one), 0x7ff8000000000002, 0, 0);
    CHECK_FLOAT(NEAREST, fmull(one, quiet), 0x7fc00000, 0, 0);
}

/* TS 18661-3's names are the same functions; f32xaddf64 ... do not narrow
 * (double to double) but set errno alike, and f32xfmaf64 rounds once in every
 * mode. */
static void interchange_names(void) {
    volatile double tie_plus = 0x1.000001p0;
    volatile double one_plus = 0x1.0000000000001p0;  /* 1 + 2^-52 */
    CHECK_FLOAT(NEAREST, f32addf64(tie_plus, 0x1p-60), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32addf32x(tie_plus, 0x1p-60), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32subf64(tie_plus, 0x1p-60), 0x3f800000, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32mulf32x(0x1p-75, 0x1p-75), 0x00000000, UNDERFLOW, ERANGE);
    CHECK_FLOAT(NEAREST, f32divf64(1.0, 3.0), 0x3eaaaaab, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32sqrtf64(2.0), 0x3fb504f3, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32fmaf32x(tie_plus, 1.0, 0x1p-80), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32addf64x(0x1.000001p0L, 0x1p-80L), 0x3f800001, INEXACT, 0);
    CHECK_FLOAT(NEAREST, f32fmaf64x(0x1.000001p0L, 1.0L, 0x1p-80L), 0x3f800001, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f64addf64x(0x1.00000000000008p0L, 0x1p-80L), 0x3ff0000000000001,
                 INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f32xaddf64x(0x1.00000000000008p0L, 0x1p-80L), 0x3ff0000000000001,
                 INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f64sqrtf64x(2.0L), 0x3ff6a09e667f3bcd, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f32xdivf64x(1.0L, 3.0L), 0x3fd5555555555555, INEXACT, 0);

    CHECK_DOUBLE(NEAREST, f32xaddf64(1.0, 2.0), 0x4008000000000000, 0, 0);
    CHECK_DOUBLE(NEAREST, f32xaddf64(0x1p1023, 0x1p1023), 0x7ff0000000000000, OVERFLOW, ERANGE);
    CHECK_DOUBLE(NEAREST, f32xsubf64(INFINITY, INFINITY), 0xfff8000000000000, FE_INVALID, EDOM);
    CHECK_DOUBLE(NEAREST, f32xmulf64(0x1p-600, 0x1p-600), 0x0000000000000000, UNDERFLOW, ERANGE);
    CHECK_DOUBLE(NEAREST, f32xdivf64(1.0, 0.0), 0x7ff0000000000000, FE_DIVBYZERO, ERANGE);
    CHECK_DOUBLE(NEAREST, f32xsqrtf64(-1.0), 0xfff8000000000000, FE_INVALID, EDOM);
    CHECK_DOUBLE(NEAREST, f32xsqrtf64(NAN), 0x7ff8000000000000, 0, 0);
    /* (1 + 2^-52)^2 = 1 + 2^-51 + 2^-104: rounded up, 1 + 3 * 2^-52; less
     * one, 2^-51 (1 + 2^-53), a tie that goes to 2^-51. */
    CHECK_DOUBLE(UP, f32xfmaf64(one_plus, one_plus, 0.0), 0x3ff0000000000003, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f32xfmaf64(one_plus, one_plus, 0.0), 0x3ff0000000000002, INEXACT, 0);
    CHECK_DOUBLE(NEAREST, f32xfmaf64(one_plus, one_plus, -1.0), 0x3cc0000000000000, INEXACT, 0);
}

int main(void) {
    double_to_float();
    long_double_to_narrower();
    interchange_names();
    return 0;
}
