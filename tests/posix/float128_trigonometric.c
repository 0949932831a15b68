/* The _Float128 trigonometric functions (sinf128, cosf128, sincosf128,
 * tanf128, atanf128, atan2f128, asinf128, acosf128) against fixed answers:
 * the exact results rounded to nearest (mpmath at 20000 bits), which a
 * result must match within glibc 2.36's documented tolerance for x86-64
 * (sysdeps/x86_64/fpu/libm-test-ulps: 2 ulps for sin, cos and atan2, 1 for
 * tan, atan, asin and acos), glibc not being correctly rounded; arguments
 * up to the largest _Float128 test the exact reduction. Then the special
 * values bit for bit with their flags and errno as glibc gives them:
 * NaNs, infinities (EDOM), zeros, tiny arguments (x itself with inexact,
 * underflow when subnormal), asin and acos beyond 1 (EDOM), atan beyond
 * 2^115 (pi/2 with no flag, as glibc), atan2's Annex F cases and its
 * quotient below the least subnormal (ERANGE). Also passes built against
 * glibc (-lm). */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../integration/check.h"
#include "float128_encoding.h"


/* SAME(x, PI) as well as SAME(x, high, low): the named encodings below
 * expand to two words. */
#define SAME(...) SAME_BITS(__VA_ARGS__)
#define SAME_BITS(x, high, low) CHECK(bits_of(x) == ((u128)(high) << 64 | (low)))

static void start(void) {
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}
static int flags(void) { return fetestexcept(FE_ALL_EXCEPT); }

enum function { SIN, COS, TAN, ATAN, ATAN2, ASIN, ACOS };
static const unsigned tolerance[] = {2, 2, 1, 1, 2, 1, 1};

struct known {
    enum function function;
    uint64_t x_high, x_low, y_high, y_low; /* atan2(y, x) */
    uint64_t expected_high, expected_low;
};

static const struct known answers[] = {
    {SIN, 0x3ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffdeaee8744b05eull, 0xfe8764bc364fd838ull},
    {SIN, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffeaed548f090ceull, 0xe0418dd3d2138a1eull},
    {SIN, 0x4000800000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffc210386db6d55ull, 0xb4f1c817423418a8ull},
    {SIN, 0xc001c00000000000ull, 0x0000000000000000ull, 0, 0, 0xbffe50608c26d0a0ull, 0x843ba888411faef1ull},
    {SIN, 0x4002400000000000ull, 0x0000000000000000ull, 0, 0, 0xbffe1689ef5f34f5ull, 0x259cff6457c049c4ull},
    {SIN, 0x40480f0cf064dd59ull, 0x2000000000000000ull, 0, 0, 0xbffeb453ab76bf39ull, 0x70fa29bc83b9323eull},
    {SIN, 0x3fe1000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fe0ffffffffffffull, 0xfffaaaaaaaaaaaabull},
    {SIN, 0x73e6a3750647fcabull, 0x18c21ab905450cc3ull, 0, 0, 0x3ffd6d83fd6946e2ull, 0x41dd929a03bad4bdull},
    {SIN, 0x7ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffd8eb52c84db31ull, 0xa207c32981f1e518ull},
    {SIN, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0, 0, 0x3ffee761623db0b6ull, 0xffc87a2204a2b017ull},
    {SIN, 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0x3fff000000000000ull, 0x0000000000000000ull},
    {SIN, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0x3f8dcd129024e088ull, 0xa67cc74020bbea64ull},
    {COS, 0x3ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffec1528065b7d4ull, 0xf9db7bbb3b45f5f6ull},
    {COS, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe14a280fb5068ull, 0xb923848cdb2ed0e3ull},
    {COS, 0x4000800000000000ull, 0x0000000000000000ull, 0, 0, 0xbffefae04be85e5dull, 0x260fbff05fbed4e1ull},
    {COS, 0xc001c00000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe81ff79ed9201ull, 0x755f7ad18b533aaaull},
    {COS, 0x4002400000000000ull, 0x0000000000000000ull, 0, 0, 0xbffead9ac890c6b1ull, 0xf209efc54173329dull},
    {COS, 0x40480f0cf064dd59ull, 0x2000000000000000ull, 0, 0, 0x3ffe0be2cef01c8full, 0x3934b90dff9cec2aull},
    {COS, 0x3fe1000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffeffffffffffffull, 0xfff0000000000000ull},
    {COS, 0x73e6a3750647fcabull, 0x18c21ab905450cc3ull, 0, 0, 0xbffede457e6279aaull, 0x1077024a8b3c7305ull},
    {COS, 0x7ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffed7985f9055c7ull, 0x3d7f1b4bad0f7e6cull},
    {COS, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0, 0, 0xbffd39b7257ed4a6ull, 0xf0d97d1cb93ef07eull},
    {COS, 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0x3f8ccd129024e088ull, 0xa67cc74020bbea64ull},
    {COS, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0xbfff000000000000ull, 0x0000000000000000ull},
    {TAN, 0x3ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe17b4f5bf3474ull, 0xa431796480788244ull},
    {TAN, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fff8eb245cbee3aull, 0x5b8acc7d41323141ull},
    {TAN, 0x4000800000000000ull, 0x0000000000000000ull, 0, 0, 0xbffc23ef71254b86ull, 0xf0ccb0b27dff8543ull},
    {TAN, 0xc001c00000000000ull, 0x0000000000000000ull, 0, 0, 0xbffebe2e6e13eea7ull, 0x89822f8bfd6290b5ull},
    {TAN, 0x4002400000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe4bf5f34be378ull, 0x25dfd5a25f4911faull},
    {TAN, 0x40480f0cf064dd59ull, 0x2000000000000000ull, 0, 0, 0xbfffa0f79c1b6b25ull, 0x7749e043d5cdf750ull},
    {TAN, 0x3fe1000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fe1000000000000ull, 0x0005555555555555ull},
    {TAN, 0x73e6a3750647fcabull, 0x18c21ab905450cc3ull, 0, 0, 0xbffd874ad9b103e8ull, 0x43d7f57fb32bc5bcull},
    {TAN, 0x7ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffdb0de23a176a6ull, 0xf93ede34e7af4fccull},
    {TAN, 0x7ffeffffffffffffull, 0xffffffffffffffffull, 0, 0, 0xc0008db7162c7114ull, 0x540eca807fae7391ull},
    {TAN, 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0x40711c46bd572779ull, 0x93a2ee60193c957bull},
    {TAN, 0x4000921fb54442d1ull, 0x8469898cc51701b8ull, 0, 0, 0xbf8dcd129024e088ull, 0xa67cc74020bbea64ull},
    {ATAN, 0x3ffd333333333333ull, 0x3333333333333333ull, 0, 0, 0x3ffd2a73a661eaf0ull, 0x5e31ded6aab2eddfull},
    {ATAN, 0xbffeccccccccccccull, 0xcccccccccccccccdull, 0, 0, 0xbffe77338a80603bull, 0xe5e0daa4096edc32ull},
    {ATAN, 0x3fff000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull},
    {ATAN, 0x4001c00000000000ull, 0x0000000000000000ull, 0, 0, 0x3fff6dcc57bb565full, 0xcb58de6ee1b5c65aull},
    {ATAN, 0x40202a05f2000000ull, 0x0000000000000000ull, 0, 0, 0x3fff921fb543d4deull, 0x05022a95da37adc1ull},
    {ATAN, 0x3fd7000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fd6ffffffffffffull, 0xffffffff55555555ull},
    {ATAN, 0xc06293e5939a08ceull, 0x9dbd480000000000ull, 0, 0, 0xbfff921fb54442d1ull, 0x8469898cc516ed70ull},
    {ATAN2, 0x4000000000000000ull, 0x0000000000000000ull, 0x3fff000000000000ull, 0x0000000000000000ull, 0x3ffddac670561bb4ull, 0xf68adfc88bd97875ull},
    {ATAN2, 0xc001000000000000ull, 0x0000000000000000ull, 0xc000800000000000ull, 0x0000000000000000ull, 0xc0003fc176b7a855ull, 0xffd77cb88581def9ull},
    {ATAN2, 0xbfff000000000000ull, 0x0000000000000000ull, 0x3fbc79ca10c92422ull, 0x35d511e976394d7aull, 0x4000921fb54442d1ull, 0x846971f0240a6f76ull},
    {ATAN2, 0x3f9b4484bfeebc29ull, 0xf863424b06f3529aull, 0x4001400000000000ull, 0x0000000000000000ull, 0x3fff921fb54442d1ull, 0x8469898cc516fdaaull},
    {ATAN2, 0x3ffe000000000000ull, 0x0000000000000000ull, 0xc000000000000000ull, 0x0000000000000000ull, 0xbfff5368c951e9cfull, 0xc9a42e1add5983d0ull},
    {ATAN2, 0xc008f40000000000ull, 0x0000000000000000ull, 0x4001c00000000000ull, 0x0000000000000000ull, 0x4000913a55f83f2bull, 0x54d8422abbf91bb6ull},
    {ASIN, 0x3ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3ffe0c152382d736ull, 0x58465bb32e0f567bull},
    {ACOS, 0x3ffe000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fff0c152382d736ull, 0x58465bb32e0f567bull},
    {ASIN, 0xbffe666666666666ull, 0x6666666666666666ull, 0, 0, 0xbffe8d00e692afd9ull, 0x5ddac34fe0389417ull},
    {ACOS, 0xbffe666666666666ull, 0x6666666666666666ull, 0, 0, 0x40002c501446cd5full, 0x19ab759a5a99a5e2ull},
    {ASIN, 0x3ffeffffde7210beull, 0x9424e5929670196eull, 0, 0, 0x3fff91c306b2c140ull, 0x813e69f096e743f8ull},
    {ACOS, 0x3ffeffffde7210beull, 0x9424e5929670196eull, 0, 0, 0x3ff572ba4606440cull, 0xac7e70b8bef70128ull},
    {ASIN, 0x3ffeffffffffffffull, 0xffffffffffffe000ull, 0, 0, 0x3fff921fb54442d1ull, 0x29e70ff2c827cf76ull},
    {ACOS, 0x3ffeffffffffffffull, 0xffffffffffffe000ull, 0, 0, 0x3fcd6a09e667f3bcull, 0xc908b2fb1366ec78ull},
    {ASIN, 0xbffb999999999999ull, 0x999999999999999aull, 0, 0, 0xbffb9a4927603788ull, 0x3c03a4443811edfcull},
    {ACOS, 0xbffb999999999999ull, 0x999999999999999aull, 0, 0, 0x3fffabc447ba464aull, 0x0829c3d108982098ull},
    {ASIN, 0x3fcd000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fcd000000000000ull, 0x00000000000002abull},
    {ACOS, 0x3fcd000000000000ull, 0x0000000000000000ull, 0, 0, 0x3fff921fb54442d1ull, 0x4469898cc51701b8ull},
};

static void check_known_answers(void) {
    for (unsigned i = 0; i < sizeof answers / sizeof answers[0]; ++i) {
        const struct known* k = &answers[i];
        F x = make(k->x_high, k->x_low), y = make(k->y_high, k->y_low), result = 0;
        F expected = make(k->expected_high, k->expected_low);
        start();
        switch (k->function) {
        case SIN: result = sinf128(x); break;
        case COS: result = cosf128(x); break;
        case TAN: result = tanf128(x); break;
        case ATAN: result = atanf128(x); break;
        case ATAN2: result = atan2f128(y, x); break;
        case ASIN: result = asinf128(x); break;
        case ACOS: result = acosf128(x); break;
        }
        if (distance(result, expected) > tolerance[k->function]) {
            check_write("case ");
            check_write_number(i);
            check_write("\n");
        }
        CHECK(distance(result, expected) <= tolerance[k->function]);
        CHECK_EQ(flags(), FE_INEXACT);
        CHECK_EQ(errno, 0);
        if (k->function == SIN || k->function == COS) {
            /* sincos gives the same two within the same tolerance. */
            F sine, cosine;
            sincosf128(x, &sine, &cosine);
            CHECK(distance(k->function == SIN ? sine : cosine, expected) <= tolerance[k->function]);
        }
    }
}

#define PLUS_INF 0x7fff000000000000ull, 0
#define MINUS_INF 0xffff000000000000ull, 0
#define INVALID_NAN 0xffff800000000000ull, 0 /* soft-fp's default NaN: negative */
#define HALF_PI 0x3fff921fb54442d1ull, 0x8469898cc51701b8ull
#define MINUS_HALF_PI 0xbfff921fb54442d1ull, 0x8469898cc51701b8ull
#define PI 0x4000921fb54442d1ull, 0x8469898cc51701b8ull
#define MINUS_PI 0xc000921fb54442d1ull, 0x8469898cc51701b8ull

static void check_special_values(void) {
    F (*const odd[])(F) = {sinf128, tanf128, atanf128, asinf128};
    for (unsigned i = 0; i < 4; ++i) {
        start();
        SAME(odd[i](make(0x8000000000000000ull, 0)), 0x8000000000000000ull, 0); /* -0 */
        SAME(odd[i](make(0x3fb0000000000000ull, 0)), 0x3fb0000000000000ull, 0); /* 2^-79 */
        CHECK_EQ(flags(), FE_INEXACT);
        start();
        SAME(odd[i](make(0x8000000000000000ull, 5)), 0x8000000000000000ull, 5); /* subnormal */
        CHECK_EQ(flags(), FE_INEXACT | FE_UNDERFLOW);
        start();
        SAME(odd[i](make(0x7fff000000000000ull, 5)), 0x7fff800000000000ull, 5); /* sNaN: quiet */
        CHECK_EQ(flags(), FE_INVALID);
        CHECK_EQ(errno, 0);
    }
    F (*const periodic[])(F) = {sinf128, cosf128, tanf128};
    for (unsigned i = 0; i < 3; ++i) {
        start();
        SAME(periodic[i](make(PLUS_INF)), INVALID_NAN);
        CHECK_EQ(flags(), FE_INVALID);
        CHECK_EQ(errno, EDOM);
        start();
        SAME(periodic[i](make(0xffff800000000000ull, 7)), 0xffff800000000000ull, 7);
        CHECK_EQ(flags(), 0);
        CHECK_EQ(errno, 0);
    }
    F sine, cosine;
    start();
    sincosf128(make(MINUS_INF), &sine, &cosine);
    SAME(sine, INVALID_NAN);
    SAME(cosine, INVALID_NAN);
    CHECK_EQ(errno, EDOM);
    start();
    sincosf128(make(0x8000000000000000ull, 0), &sine, &cosine);
    SAME(sine, 0x8000000000000000ull, 0);
    SAME(cosine, 0x3fff000000000000ull, 0);
    CHECK_EQ(flags(), 0);
    start();
    SAME(cosf128(make(0x3fb0000000000000ull, 0)), 0x3fff000000000000ull, 0);
    CHECK_EQ(flags(), FE_INEXACT);

    /* atan of an infinity, and beyond 2^115: pi/2 rounded, no flag. */
    start();
    SAME(atanf128(make(PLUS_INF)), HALF_PI);
    SAME(atanf128(make(0xc072000000000000ull, 0)), MINUS_HALF_PI);
    CHECK_EQ(flags(), 0);

    /* asin and acos beyond 1, and at +-1. */
    F (*const inverse[])(F) = {asinf128, acosf128};
    for (unsigned i = 0; i < 2; ++i) {
        start();
        SAME(inverse[i](make(0x3fff000000000000ull, 1)), INVALID_NAN);
        CHECK_EQ(flags(), FE_INVALID);
        CHECK_EQ(errno, EDOM);
        start();
        SAME(inverse[i](make(MINUS_INF)), INVALID_NAN);
        CHECK_EQ(errno, EDOM);
    }
    start();
    SAME(acosf128(make(0x3fff000000000000ull, 0)), 0, 0);
    CHECK_EQ(flags(), 0);
    SAME(acosf128(make(0xbfff000000000000ull, 0)), PI);
    SAME(asinf128(make(0xbfff000000000000ull, 0)), MINUS_HALF_PI);
    CHECK_EQ(flags(), FE_INEXACT);
    start();
    SAME(acosf128(make(0x8000000000000000ull, 0)), HALF_PI);
    CHECK_EQ(flags(), FE_INEXACT);

    /* atan2: Annex F. */
    start();
    SAME(atan2f128(make(0x8000000000000000ull, 0), make(0x8000000000000000ull, 0)), MINUS_PI);
    SAME(atan2f128(make(0, 0), make(0x3fff000000000000ull, 0)), 0, 0);
    SAME(atan2f128(make(0x8000000000000000ull, 0), make(PLUS_INF)), 0x8000000000000000ull, 0);
    SAME(atan2f128(make(0x3fff000000000000ull, 0), make(MINUS_INF)), PI);
    SAME(atan2f128(make(MINUS_INF), make(0x3fff000000000000ull, 0)), MINUS_HALF_PI);
    SAME(atan2f128(make(PLUS_INF), make(PLUS_INF)), 0x3ffe921fb54442d1ull, 0x8469898cc51701b8ull);
    SAME(atan2f128(make(PLUS_INF), make(MINUS_INF)), 0x40002d97c7f3321dull, 0x234f272993d1414aull);
    SAME(atan2f128(make(0x3fff000000000000ull, 0), make(0, 0)), HALF_PI);
    CHECK_EQ(errno, 0);
    start();
    SAME(atan2f128(make(0x7fff800000000000ull, 1), make(0x3fff000000000000ull, 0)), 0x7fff800000000000ull, 1);
    CHECK_EQ(flags(), 0);
    /* The quotient of a subnormal and 2^120 is 0: underflow, ERANGE. */
    start();
    SAME(atan2f128(make(0, 1), make(0x4077000000000000ull, 0)), 0, 0);
    CHECK_EQ(flags(), FE_INEXACT | FE_UNDERFLOW);
    CHECK_EQ(errno, ERANGE);
}

/* The directed modes: within glibc's tolerance for them (3 ulps) of the
 * result to nearest (glibc's own can even come out in the wrong order:
 * its upward sine of this x lies below its downward one). */
static void check_rounding_modes(void) {
    F x = make(0x4cf2000000000000ull, 0x123456789ull); /* about 2^4851 */
    F below, above;
    fesetround(FE_DOWNWARD);
    below = sinf128(x);
    fesetround(FE_UPWARD);
    above = sinf128(x);
    fesetround(FE_TONEAREST);
    F nearest = sinf128(x);
    CHECK(distance(below, nearest) <= 3);
    CHECK(distance(above, nearest) <= 3);
    fesetround(FE_UPWARD);
    above = atan2f128(make(0x3fff000000000000ull, 0), make(0xc000000000000000ull, 0));
    fesetround(FE_DOWNWARD);
    below = atan2f128(make(0x3fff000000000000ull, 0), make(0xc000000000000000ull, 0));
    fesetround(FE_TONEAREST);
    nearest = atan2f128(make(0x3fff000000000000ull, 0), make(0xc000000000000000ull, 0));
    CHECK(distance(below, nearest) <= 3);
    CHECK(distance(above, nearest) <= 3);
}

int main(void) {
    check_known_answers();
    check_special_values();
    check_rounding_modes();
    return 0;
}
