/* The directed roundings of results whose sign matters, and the flags and
 * errno at the ends of the range: atan2 and atan2l (+-pi, a tiny quotient),
 * acosl(-1), sinhl, powl, tgamma and tgammal (a negative result that
 * overflows rounds to -inf downward and to the largest finite value upward,
 * with overflow; one that underflows to -0 upward, with ERANGE), j1, j1f,
 * jn, jnf (a subnormal result underflows even where it is the exact x/2),
 * y1, yn, y1l, ynl (the overflow near 0 with yn(-n, x)'s sign), and the
 * ERANGE that nan, nanf and nanl leave for a tag whose number overflows
 * (glibc reads it with strtoull). Each expected value is the correctly rounded one (the
 * digits of pi, or an exact bound); glibc gives the same but where
 * GLIBC_ALSO says otherwise.
 *
 * Checked against glibc too:
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/math_signed_rounding.c -lm */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"

static int same_long(long double a, long double b) { return memcmp(&a, &b, 10) == 0; }
static int same_double(double a, double b) { return memcmp(&a, &b, 8) == 0; }

/* pi to 64 and to 53 bits, rounded down and up (pi = 0xc.90fdaa22168c234c4c6...p-2). */
static const long double pi_long_below = 0xc90fdaa22168c234p-62L;
static const long double pi_long_above = 0xc90fdaa22168c235p-62L;
static const double pi_below = 0x1.921fb54442d18p+1;
static const double pi_above = 0x1.921fb54442d19p+1;

/* glibc's atan2 rounds its angle to nearest in every mode, and its atan2l
 * (the x87's fpatan) leaves an exact tiny quotient as it is: both within
 * their one-ulp tolerance in the directed modes, as is its tgammal(2^-100)
 * rounding downward; lwp's round the exact value in the caller's direction. */
#ifdef CHECKING_AGAINST_GLIBC
#define GLIBC_ALSO(alternative) || (alternative)
#else
#define GLIBC_ALSO(alternative)
#endif

/* Runs `call` in `mode` with errno and the flags cleared; keeps the result. */
#define IN_MODE(mode, type, result, call)      \
    do {                                       \
        CHECK_EQ(fesetround(mode), 0);         \
        feclearexcept(FE_ALL_EXCEPT);          \
        errno = 0;                             \
        volatile type kept_ = (call);          \
        result = kept_;                        \
        CHECK_EQ(fesetround(FE_TONEAREST), 0); \
    } while (0)

static void arctangents(void) {
    volatile long double minus_zero_l = -0.0L, minus_one_l = -1.0L, one_l = 1.0L, huge_l = LDBL_MAX;
    volatile double minus_zero = -0.0, minus_one = -1.0;
    long double l;
    double d;

    /* -pi: upward is toward zero, downward away from it. */
    IN_MODE(FE_UPWARD, long double, l, atan2l(minus_zero_l, minus_one_l));
    CHECK(same_long(l, -pi_long_below));
    IN_MODE(FE_DOWNWARD, long double, l, atan2l(minus_zero_l, minus_one_l));
    CHECK(same_long(l, -pi_long_above));
    IN_MODE(FE_TOWARDZERO, long double, l, atan2l(minus_zero_l, minus_one_l));
    CHECK(same_long(l, -pi_long_below));
    IN_MODE(FE_UPWARD, long double, l, atan2l(minus_one_l, -huge_l));  /* -pi + 2^-16384 */
    CHECK(same_long(l, -pi_long_below));
    /* pi - 2^-120 rounds down to the 64 bits below pi. */
    IN_MODE(FE_DOWNWARD, long double, l, atan2l(one_l, -0x1p120L * one_l));
    CHECK(same_long(l, pi_long_below));
    IN_MODE(FE_DOWNWARD, long double, l, acosl(minus_one_l));
    CHECK(same_long(l, pi_long_below));
    IN_MODE(FE_UPWARD, long double, l, acosl(minus_one_l));
    CHECK(same_long(l, pi_long_above));
    IN_MODE(FE_UPWARD, double, d, atan2(minus_zero, minus_one));
    CHECK(same_double(d, -pi_below));
    IN_MODE(FE_DOWNWARD, double, d, atan2(minus_zero, minus_one));
    CHECK(same_double(d, -pi_above) GLIBC_ALSO(same_double(d, -pi_below)));
    IN_MODE(FE_UPWARD, double, d, atan2(1.0, minus_one * 0x1p-1000));  /* pi/2 + 2^-1000 */
    CHECK(same_double(d, 0x1.921fb54442d19p+0) GLIBC_ALSO(same_double(d, 0x1.921fb54442d18p+0)));
    IN_MODE(FE_DOWNWARD, double, d, atan2(1.0, minus_one * 0x1p-1000));
    CHECK(same_double(d, 0x1.921fb54442d18p+0));

    /* atan(q) = q (1 - q^2/3) for the exact q = 2^-16383 (subnormal): tiny
     * and inexact, so underflow in every mode; the directions toward zero
     * give the subnormal below q. */
    volatile long double q = 0x1p-16383L;
    IN_MODE(FE_TONEAREST, long double, l, atan2l(q, one_l));
    CHECK(l == q);
    CHECK(fetestexcept(FE_UNDERFLOW) && fetestexcept(FE_INEXACT));
    IN_MODE(FE_DOWNWARD, long double, l, atan2l(q, one_l));
    CHECK(l == nextafterl(q, 0.0L) GLIBC_ALSO(l == q));
    CHECK(fetestexcept(FE_UNDERFLOW));
    IN_MODE(FE_UPWARD, long double, l, atan2l(-q, one_l));
    CHECK(l == -nextafterl(q, 0.0L) GLIBC_ALSO(l == -q));
    /* Just above half the least subnormal: up to it, to nearest. */
    IN_MODE(FE_TONEAREST, long double, l, atan2l(0x8.000000000000001p-16385L * one_l, 0x1p64L));
    CHECK(l == 0x1p-16445L);
    /* The least subnormal rounds to zero toward zero: ERANGE. */
    volatile long double least = 0x1p-16445L;
    IN_MODE(FE_TOWARDZERO, long double, l, atan2l(least, one_l));
    CHECK((l == 0.0L && !signbit(l) && errno == ERANGE) GLIBC_ALSO(l == least));
    /* A normal exact q: down by an ulp toward zero, with no underflow. */
    IN_MODE(FE_DOWNWARD, long double, l, atan2l(one_l, 0x1p200L * one_l));
    CHECK(l == nextafterl(0x1p-200L, 0.0L) GLIBC_ALSO(l == 0x1p-200L));
    CHECK(!fetestexcept(FE_UNDERFLOW) && fetestexcept(FE_INEXACT));
    IN_MODE(FE_UPWARD, long double, l, atan2l(one_l, 0x1p200L * one_l));
    CHECK(l == 0x1p-200L);
}

static void overflow_and_underflow(void) {
    volatile long double minus_big = -12000.0L, tiny_l = 0x1p-16384L, base = -0x1p8192L;
    volatile long double small_base = -0x1p-8192L;
    volatile double tiny = 0x1p-1024;
    long double l;
    double d;

    IN_MODE(FE_UPWARD, long double, l, sinhl(minus_big));
    CHECK(l == -LDBL_MAX);
    CHECK(fetestexcept(FE_OVERFLOW));
    IN_MODE(FE_DOWNWARD, long double, l, sinhl(minus_big));
    CHECK(l == -INFINITY);
    CHECK_EQ(errno, ERANGE);

    IN_MODE(FE_UPWARD, long double, l, powl(base, 3.0L));
    CHECK(l == -LDBL_MAX);
    IN_MODE(FE_DOWNWARD, long double, l, powl(base, 3.0L));
    CHECK(l == -INFINITY);
    CHECK_EQ(errno, ERANGE);
    /* 2^16384 exactly: beyond LDBL_MAX, so overflow in every direction. */
    IN_MODE(FE_DOWNWARD, long double, l, powl(base, 2.0L));
    CHECK(l == LDBL_MAX);
    CHECK(fetestexcept(FE_OVERFLOW));
    /* (-2^-8192)^3 = -2^-24576: -0 upward. */
    IN_MODE(FE_UPWARD, long double, l, powl(small_base, 3.0L));
    CHECK(l == 0.0L && signbit(l));
    CHECK_EQ(errno, ERANGE);

    /* Gamma(-2^-1024) = -2^1024 - 0.577...: overflows. */
    IN_MODE(FE_UPWARD, double, d, tgamma(-tiny));
    CHECK(d == -DBL_MAX);
    IN_MODE(FE_DOWNWARD, double, d, tgamma(-tiny));
    CHECK(d == -INFINITY);
    CHECK_EQ(errno, ERANGE);
    IN_MODE(FE_TOWARDZERO, long double, l, tgammal(-tiny_l));
    CHECK(l == -LDBL_MAX);
    CHECK(fetestexcept(FE_OVERFLOW));
    IN_MODE(FE_DOWNWARD, long double, l, tgammal(-tiny_l));
    CHECK(l == -INFINITY);
    CHECK_EQ(errno, ERANGE);
    /* Gamma(2^-100) = 2^100 - 0.577...: an ulp below 2^100 downward. */
    IN_MODE(FE_DOWNWARD, long double, l, tgammal(tiny_l * 0x1p16284L));
    CHECK(l == nextafterl(0x1p100L, 0.0L) GLIBC_ALSO(l == 0x1p100L));
    IN_MODE(FE_TONEAREST, long double, l, tgammal(tiny_l * 0x1p16284L));
    CHECK(l == 0x1p100L);
}

static void bessel_underflow(void) {
    volatile float least_float = 0x1p-126f;
    volatile double least_double = 0x1p-1022;
    float f;
    double d;
    IN_MODE(FE_TONEAREST, float, f, j1f(least_float));
    CHECK(f == 0x1p-127f);
    CHECK(fetestexcept(FE_UNDERFLOW));
    IN_MODE(FE_TONEAREST, float, f, jnf(1, -least_float));
    CHECK(f == -0x1p-127f);
    CHECK(fetestexcept(FE_UNDERFLOW));
    IN_MODE(FE_TONEAREST, double, d, j1(least_double));
    CHECK(d == 0x1p-1023);
    CHECK(fetestexcept(FE_UNDERFLOW));
    IN_MODE(FE_TONEAREST, double, d, jn(1, least_double));
    CHECK(fetestexcept(FE_UNDERFLOW));
    /* A normal result raises none. */
    IN_MODE(FE_TONEAREST, float, f, j1f(least_float * 4));
    CHECK(!fetestexcept(FE_UNDERFLOW));
    /* Y1(x) = -(2/pi)/x overflows for the least subnormal: -inf downward,
     * -DBL_MAX upward; yn(-1, x) = -Y1(x) the other way round. */
    volatile double least_subnormal = 0x1p-1074;
    IN_MODE(FE_DOWNWARD, double, d, y1(least_subnormal));
    CHECK(d == -INFINITY);
    CHECK_EQ(errno, ERANGE);
    IN_MODE(FE_UPWARD, double, d, y1(least_subnormal));
    CHECK(d == -DBL_MAX);
    IN_MODE(FE_DOWNWARD, double, d, yn(-1, least_subnormal));
    CHECK(d == DBL_MAX);
    IN_MODE(FE_UPWARD, double, d, yn(-1, least_subnormal));
    CHECK(d == INFINITY);
    volatile long double least_long = 0x1p-16445L;
    long double l;
    IN_MODE(FE_UPWARD, long double, l, y1l(least_long));
    CHECK(l == -LDBL_MAX);
    IN_MODE(FE_DOWNWARD, long double, l, ynl(-17, least_long));
    CHECK(l == LDBL_MAX);
}

/* nan, nanf and nanl through pointers: GCC folds a call with a constant tag. */
static double (*volatile nan_function)(const char*) = nan;
static float (*volatile nanf_function)(const char*) = nanf;
static long double (*volatile nanl_function)(const char*) = nanl;

struct tag_case {
    const char* tag;
    int error;             /* errno after each of the three */
    uint64_t double_bits;  /* nan's; nanf's and nanl's follow from it */
};

static void nan_tags(void) {
    /* glibc's answers: the tag is read by strtoull (base 0) only when it is
     * all letters, digits and underscores; its overflow leaves ERANGE, even
     * where a letter then makes the tag no number. */
    static const struct tag_case cases[] = {
        {"", 0, 0x7ff8000000000000ull},
        {"1", 0, 0x7ff8000000000001ull},
        {"0x", 0, 0x7ff8000000000000ull},
        {"18446744073709551615", 0, 0x7fffffffffffffffull},
        {"18446744073709551616", ERANGE, 0x7fffffffffffffffull},
        {"99999999999999999999", ERANGE, 0x7fffffffffffffffull},
        {"99999999999999999999z", ERANGE, 0x7ff8000000000000ull},
        {"99999999999999999999_", ERANGE, 0x7ff8000000000000ull},
        {"99999999999999999999 ", 0, 0x7ff8000000000000ull},
        {"-99999999999999999999", 0, 0x7ff8000000000000ull},
        {" 99999999999999999999", 0, 0x7ff8000000000000ull},
        {"0x10000000000000000", ERANGE, 0x7fffffffffffffffull},
        {"0xffffffffffffffff", 0, 0x7fffffffffffffffull},
        {"0X1ffffffffffffffffz", ERANGE, 0x7ff8000000000000ull},
        {"01777777777777777777777", 0, 0x7fffffffffffffffull},
        {"02000000000000000000000", ERANGE, 0x7fffffffffffffffull},
        {"0999999999999999999999999", 0, 0x7ff8000000000000ull},
        {"0x_1ffffffffffffffff", 0, 0x7ff8000000000000ull},
        {"_99999999999999999999", 0, 0x7ff8000000000000ull},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const struct tag_case* c = &cases[i];
        uint64_t payload = c->double_bits & 0x7ffffffffffffull;
        errno = 0;
        volatile double d = nan_function(c->tag);
        CHECK_EQ(errno, c->error);
        double dd = d;
        uint64_t bits;
        memcpy(&bits, &dd, sizeof bits);
        CHECK(bits == c->double_bits);
        errno = 0;
        volatile float f = nanf_function(c->tag);
        CHECK_EQ(errno, c->error);
        float ff = f;
        uint32_t float_bits;
        memcpy(&float_bits, &ff, sizeof float_bits);
        CHECK(float_bits == (0x7fc00000u | (uint32_t)(payload & 0x3fffff)));
        errno = 0;
        volatile long double l = nanl_function(c->tag);
        CHECK_EQ(errno, c->error);
        long double ll = l;
        uint64_t mantissa;
        memcpy(&mantissa, &ll, sizeof mantissa);
        /* nanl keeps 62 bits of the tag's number (the double 51). */
        CHECK((mantissa >> 62) == 3u);
        CHECK(((mantissa & 0x7ffffffffffffull) == payload));
    }
}

int main(void) {
    arctangents();
    overflow_and_underflow();
    bessel_underflow();
    nan_tags();
    return 0;
}
