/* The _Float128 Bessel functions (j0f128, j1f128, y0f128, y1f128, jnf128,
 * ynf128) against fixed answers: the exact results rounded to nearest
 * (mpmath at 1000 bits), which a result must match within glibc 2.36's
 * tolerance for x86-64 (sysdeps/x86_64/fpu/libm-test-ulps: 2 ulps for j0,
 * 4 for j1, 3 for y0, 5 for y1 and yn, 7 for jn), glibc's binary128 Bessel
 * functions not being correctly rounded; the arguments are away from the
 * zeros of the functions, near which glibc's are far off. Then the special
 * values bit for bit with their flags and errno as glibc gives them: NaNs,
 * infinities, zeros (y of 0: -inf, divide-by-zero, ERANGE), negative
 * arguments of y (EDOM), tiny arguments (j0 1 without inexact, j1 x/2,
 * y1's overflow, jn's exact first Taylor term and its underflow to 0 with
 * ERANGE, yn's overflow with ERANGE), the orders' signs. Also passes built
 * against glibc (-lm). */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "float128_encoding.h"

static F opaque(F x) {
    __asm__ volatile("" : "+m"(x));
    return x;
}

static void start(void) {
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}
static int flags(void) { return fetestexcept(FE_ALL_EXCEPT); }

enum function { J0, J1, Y0, Y1, JN, YN };
static const unsigned tolerance[] = {2, 4, 3, 5, 7, 5};

struct known {
    enum function function;
    int n;
    uint64_t x_high, x_low;
    uint64_t expected_high, expected_low;
};

static const struct known answers[] = {
    {J0, 0, 0x3ffe000000000000ull, 0x0000000000000000ull, 0x3ffee07f1d54c3f3ull, 0x468a24f32f28b6a5ull},  /* j0(0.5) */
    {J0, 0, 0x3fff000000000000ull, 0x0000000000000000ull, 0x3ffe87c7fdbd7b8eull, 0xf839e3530c22b34dull},  /* j0(1) */
    {J0, 0, 0x4000c00000000000ull, 0x0000000000000000ull, 0xbffd854034ce30d5ull, 0x08d962187e070738ull},  /* j0(3.5) */
    {J0, 0, 0x4002480000000000ull, 0x0000000000000000ull, 0xbffcfde7037d4eb7ull, 0xbf01116b2178cdcfull},  /* j0(10.25) */
    {J0, 0, 0x4005920000000000ull, 0x0000000000000000ull, 0x3ffabdf1c507a77full, 0x18cf4b12ba4fb9c4ull},  /* j0(100.5) */
    {J0, 0, 0x400c81cd6c8b4395ull, 0x810624dd2f1a9fbeull, 0x3ff00094777a3504ull, 0x458d578ae4137bf5ull},  /* j0(12345.678) */
    {J0, 0, 0x40202a05f2000000ull, 0x0000000000000000ull, 0x3fec2400c369dc71ull, 0xed5864cd5240f461ull},  /* j0(1e10) */
    {J0, 0, 0x43e37e43c8800759ull, 0xba59c08e14c7cd7bull, 0xbe0c1feafb2f58e6ull, 0x424d1f1224c94a2eull},  /* j0(1e300) */
    {J1, 0, 0x3ffe000000000000ull, 0x0000000000000000ull, 0x3ffcf02a71f4870dull, 0x68829908d1298f5aull},  /* j1(0.5) */
    {J1, 0, 0x3fff000000000000ull, 0x0000000000000000ull, 0x3ffdc29c9ee970c6ull, 0xc5362e78d006401dull},  /* j1(1) */
    {J1, 0, 0x4000c00000000000ull, 0x0000000000000000ull, 0x3ffc19596399cff4ull, 0x6a791a50ffe6f3c2ull},  /* j1(3.5) */
    {J1, 0, 0x4002480000000000ull, 0x0000000000000000ull, 0xbff937a192cb1389ull, 0x3974bba58a12b893ull},  /* j1(10.25) */
    {J1, 0, 0x4005920000000000ull, 0x0000000000000000ull, 0xbffad96cc5721be2ull, 0x5acf63e54ac7e50bull},  /* j1(100.5) */
    {J1, 0, 0x400c81cd6c8b4395ull, 0x810624dd2f1a9fbeull, 0xbff7d69b6d0791aeull, 0x5966d593cbde527full},  /* j1(12345.678) */
    {J1, 0, 0x40202a05f2000000ull, 0x0000000000000000ull, 0xbfee0194b3fff091ull, 0x4b07655d85c04905ull},  /* j1(1e10) */
    {J1, 0, 0x43e37e43c8800759ull, 0xba59c08e14c7cd7bull, 0xbe0b53cc5059609bull, 0x142c744f051e6301ull},  /* j1(1e300) */
    {Y0, 0, 0x3ffe000000000000ull, 0x0000000000000000ull, 0xbffdc72feb3b7b8aull, 0x1dca1e1e4472aac6ull},  /* y0(0.5) */
    {Y0, 0, 0x3fff000000000000ull, 0x0000000000000000ull, 0x3ffb6980226f358dull, 0xf29efcc5d7926555ull},  /* y0(1) */
    {Y0, 0, 0x4000c00000000000ull, 0x0000000000000000ull, 0x3ffc831defdaee2cull, 0x8613aa2531325302ull},  /* y0(3.5) */
    {Y0, 0, 0x400c81cd6c8b4395ull, 0x810624dd2f1a9fbeull, 0xbff7d69b72532082ull, 0xe2383f20bb9db6baull},  /* y0(12345.678) */
    {Y0, 0, 0x40202a05f2000000ull, 0x0000000000000000ull, 0xbfee0194b400003eull, 0x8d2f5aaa62dc79b0ull},  /* y0(1e10) */
    {Y0, 0, 0x43e37e43c8800759ull, 0xba59c08e14c7cd7bull, 0xbe0b53cc5059609bull, 0x142c744f051e6301ull},  /* y0(1e300) */
    {Y1, 0, 0x3ffe000000000000ull, 0x0000000000000000ull, 0xbfff78b26a2b7c4dull, 0xedb22474fc6f145full},  /* y1(0.5) */
    {Y1, 0, 0x3fff000000000000ull, 0x0000000000000000ull, 0xbffe8ffb207d66b9ull, 0x449de59bf12b032cull},  /* y1(1) */
    {Y1, 0, 0x4000c00000000000ull, 0x0000000000000000ull, 0x3ffda4086ec01970ull, 0xf3f375ab522114d3ull},  /* y1(3.5) */
    {Y1, 0, 0x4002480000000000ull, 0x0000000000000000ull, 0x3ffcfdd02daa966eull, 0xabe9c1b08654cac4ull},  /* y1(10.25) */
    {Y1, 0, 0x4005920000000000ull, 0x0000000000000000ull, 0xbffac050f4577ec0ull, 0x8a59eb190783b7eeull},  /* y1(100.5) */
    {Y1, 0, 0x400c81cd6c8b4395ull, 0x810624dd2f1a9fbeull, 0xbff0030502f3794bull, 0xada00c45dc6f001bull},  /* y1(12345.678) */
    {Y1, 0, 0x40202a05f2000000ull, 0x0000000000000000ull, 0xbfec2400c36ab9b4ull, 0x8f4fb319aa86e2d9ull},  /* y1(1e10) */
    {Y1, 0, 0x43e37e43c8800759ull, 0xba59c08e14c7cd7bull, 0x3e0c1feafb2f58e6ull, 0x424d1f1224c94a2eull},  /* y1(1e300) */
    {JN, 2, 0x3fff800000000000ull, 0x0000000000000000ull, 0x3ffcdb50c80d5039ull, 0xa51de416e5324f82ull},  /* jn(2, 1.5) */
    {JN, 5, 0x4002400000000000ull, 0x0000000000000000ull, 0xbffcdf5ba6868332ull, 0x57ba60a60f1c727dull},  /* jn(5, 10) */
    {JN, -3, 0x4000400000000000ull, 0x0000000000000000ull, 0xbffcbb98fc5e82abull, 0xb20d377d0fadde40ull},  /* jn(-3, 2.5) */
    {JN, 20, 0x4000800000000000ull, 0x0000000000000000ull, 0x3fcd61d47fc4b5a0ull, 0x9a43dc05938bf421ull},  /* jn(20, 3) */
    {JN, 2, 0x4005920000000000ull, 0x0000000000000000ull, 0xbffac75da54c276aull, 0x20fc2d3867bd6a43ull},  /* jn(2, 100.5) */
    {JN, -7, 0x3ff50624dd2f1a9full, 0xbe76c8b439581062ull, 0xbfa5eb3efbf3bd2dull, 0x575090e1d013abcaull},  /* jn(-7, 0.001) */
    {JN, 50, 0x4004e40000000000ull, 0x0000000000000000ull, 0xbffc10e0f48e5f01ull, 0x30b0d52f3e840bedull},  /* jn(50, 60.5) */
    {YN, 2, 0x3fff800000000000ull, 0x0000000000000000ull, 0xbffedd48801f6f3bull, 0xde4f7977efa37462ull},  /* yn(2, 1.5) */
    {YN, 5, 0x4002400000000000ull, 0x0000000000000000ull, 0x3ffc154e316cd618ull, 0xc8b79702e8be31bbull},  /* yn(5, 10) */
    {YN, -3, 0x4000400000000000ull, 0x0000000000000000ull, 0x3ffe8319b4c1093dull, 0xfe62d671ffdb32beull},  /* yn(-3, 2.5) */
    {YN, 20, 0x4000800000000000ull, 0x0000000000000000ull, 0xc02a7da77cab83aeull, 0x48e2fa01ad11f7deull},  /* yn(20, 3) */
    {YN, 2, 0x4005920000000000ull, 0x0000000000000000ull, 0x3ffad2b7429e5c47ull, 0xb415f875239fd29aull},  /* yn(2, 100.5) */
    {YN, -7, 0x3ff50624dd2f1a9full, 0xbe76c8b439581062ull, 0x4053844056830b6cull, 0x54319ba303bc93aaull},  /* yn(-7, 0.001) */
};

static F call(enum function function, int n, F x) {
    switch (function) {
    case J0: return j0f128(x);
    case J1: return j1f128(x);
    case Y0: return y0f128(x);
    case Y1: return y1f128(x);
    case JN: return jnf128(n, x);
    case YN: return ynf128(n, x);
    }
    return 0;
}

static void check_known_answers(void) {
    for (unsigned i = 0; i < sizeof answers / sizeof answers[0]; ++i) {
        const struct known* k = &answers[i];
        F x = make(k->x_high, k->x_low);
        F expected = make(k->expected_high, k->expected_low);
        start();
        F result = call(k->function, k->n, x);
        CHECK(distance(result, expected) <= tolerance[k->function]);
        CHECK(flags() == FE_INEXACT);
        CHECK(errno == 0);
    }
}

#define EXPECT(call_expression, result_bits, expected_flags, expected_errno) \
    do {                                                                     \
        start();                                                             \
        F r_ = (call_expression);                                            \
        int f_ = flags();                                                    \
        CHECK(bits_of(r_) == (result_bits));                                 \
        CHECK(f_ == (expected_flags));                                       \
        CHECK(errno == (expected_errno));                                    \
    } while (0)

#define EXPECT_NAN(call_expression, expected_flags, expected_errno) \
    do {                                                            \
        start();                                                    \
        F r_ = (call_expression);                                   \
        int f_ = flags();                                           \
        CHECK(r_ != r_);                                            \
        CHECK(f_ == (expected_flags));                              \
        CHECK(errno == (expected_errno));                           \
    } while (0)

static const u128 sign = (u128)1 << 127;
static const u128 one = (u128)0x3fff << 112;
static const u128 infinity = (u128)0x7fff << 112;

static void check_special_values(void) {
    F nan = opaque(__builtin_nanf128("")), inf = opaque(__builtin_inff128());
    F zero = opaque(0), negative_zero = opaque(-0.0f128);
    /* NaNs stay quiet NaNs without a flag. */
    EXPECT_NAN(j0f128(nan), 0, 0);
    EXPECT_NAN(j1f128(nan), 0, 0);
    EXPECT_NAN(y0f128(nan), 0, 0);
    EXPECT_NAN(y1f128(nan), 0, 0);
    EXPECT_NAN(jnf128(3, nan), 0, 0);
    EXPECT_NAN(ynf128(3, nan), 0, 0);
    /* Infinities. */
    EXPECT(j0f128(inf), 0, 0, 0);
    EXPECT(j0f128(-inf), 0, 0, 0);
    EXPECT(j1f128(inf), 0, 0, 0);
    EXPECT(j1f128(-inf), 0, 0, 0);
    EXPECT(y0f128(inf), 0, 0, 0);
    EXPECT(y1f128(inf), 0, 0, 0);
    EXPECT(jnf128(3, -inf), sign, 0, 0);
    EXPECT(ynf128(3, inf), 0, 0, 0);
    EXPECT(ynf128(-1, inf), sign, 0, 0);
    EXPECT_NAN(y0f128(-inf), FE_INVALID, EDOM);
    EXPECT_NAN(y1f128(-inf), FE_INVALID, EDOM);
    EXPECT_NAN(ynf128(2, -inf), FE_INVALID, EDOM);
    /* Zeros: J's 1 or a zero of the order's parity, Y's pole. */
    EXPECT(j0f128(zero), one, 0, 0);
    EXPECT(j0f128(negative_zero), one, 0, 0);
    EXPECT(j1f128(negative_zero), sign, 0, 0);
    EXPECT(jnf128(2, negative_zero), 0, 0, 0);
    EXPECT(jnf128(3, negative_zero), sign, 0, 0);
    EXPECT(y0f128(zero), sign | infinity, FE_DIVBYZERO, ERANGE);
    EXPECT(y1f128(negative_zero), sign | infinity, FE_DIVBYZERO, ERANGE);
    EXPECT(ynf128(2, zero), sign | infinity, FE_DIVBYZERO, ERANGE);
    EXPECT(ynf128(-1, zero), infinity, FE_DIVBYZERO, ERANGE);
    EXPECT(ynf128(-2, zero), sign | infinity, FE_DIVBYZERO, ERANGE);
    /* Negative arguments of Y: the default NaN, EDOM. */
    EXPECT_NAN(y0f128(opaque(-1)), FE_INVALID, EDOM);
    EXPECT_NAN(y1f128(opaque(-0x1p-16494f128)), FE_INVALID, EDOM);
    EXPECT_NAN(ynf128(5, opaque(-2)), FE_INVALID, EDOM);
    /* Tiny arguments. */
    EXPECT(j0f128(opaque(0x1p-60f128)), one, 0, 0);
    EXPECT(j1f128(opaque(-0x1p-60f128)), sign | (u128)(0x3fff - 61) << 112, 0, 0);
    EXPECT(j1f128(opaque(0x1p-16494f128)), 0, FE_UNDERFLOW | FE_INEXACT, ERANGE);
    EXPECT(j1f128(opaque(0x1p-16490f128)), 1 << 3, FE_UNDERFLOW | FE_INEXACT, 0);
    EXPECT(y1f128(opaque(0x1p-16400f128)), sign | infinity, FE_OVERFLOW | FE_INEXACT, ERANGE);
    /* -(2/pi) 2^114, an exact quotient. */
    EXPECT(y1f128(opaque(0x1p-114f128)), sign | ((u128)0x407045f306dc9c88ull << 64 | 0x2a53f84eafa3ea6aull), 0, 0);
    /* (x/2)^2 / 2 exactly: glibc's first Taylor term, without inexact. */
    EXPECT(jnf128(2, opaque(0x1p-60f128)), (u128)(0x3fff - 123) << 112, 0, 0);
    EXPECT(jnf128(-2, opaque(-0x1p-60f128)), (u128)(0x3fff - 123) << 112, 0, 0);
    EXPECT(jnf128(1000, opaque(0x1p-10f128)), 0, FE_UNDERFLOW | FE_INEXACT, ERANGE);
    EXPECT(jnf128(-1001, opaque(0x1p-10f128)), sign, FE_UNDERFLOW | FE_INEXACT, ERANGE);
    EXPECT(ynf128(2, opaque(0x1p-8300f128)), sign | infinity, FE_OVERFLOW | FE_INEXACT, ERANGE);
    EXPECT(ynf128(-3, opaque(0x1p-8300f128)), infinity, FE_OVERFLOW | FE_INEXACT, ERANGE);
    /* J_-1(x) = -J_1(x), J_n(-x) = (-1)^n J_n(x), Y_-n = (-1)^n Y_n. */
    F x = opaque(2.75f128);
    CHECK(bits_of(jnf128(-1, x)) == (bits_of(j1f128(x)) ^ sign));
    CHECK(bits_of(jnf128(1, x)) == bits_of(j1f128(x)));
    CHECK(bits_of(jnf128(0, x)) == bits_of(j0f128(x)));
    CHECK(bits_of(jnf128(3, -x)) == (bits_of(jnf128(3, x)) ^ sign));
    CHECK(bits_of(jnf128(-4, -x)) == bits_of(jnf128(4, x)));
    CHECK(bits_of(ynf128(0, x)) == bits_of(y0f128(x)));
    CHECK(bits_of(ynf128(-3, x)) == (bits_of(ynf128(3, x)) ^ sign));
    CHECK(bits_of(ynf128(-4, x)) == bits_of(ynf128(4, x)));
}

int main(void) {
    check_known_answers();
    check_special_values();
    return 0;
}
