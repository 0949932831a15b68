/* The 48-bit generators (drand48 and its family), whose sequences POSIX
 * fixes, and rand/random with their state buffers and reentrant forms: the
 * expected values below are glibc's for the same seeds, so programs (and
 * their recorded outputs) get the same numbers with lwp.
 * And arc4random, arc4random_buf, arc4random_uniform: in range, and not all
 * alike (a stuck source would fail; a weak one cannot be told here). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

static void forty_eight_bit_sequences(void) {
    srand48(12345);
    CHECK(drand48() == 0x1.cd79090a8808p-3);
    CHECK_EQ(lrand48(), 1973930609);
    CHECK_EQ(mrand48(), 888376418);

    /* The state-argument forms step the caller's X. */
    unsigned short x[3] = {1, 2, 3};
    CHECK(erand48(x) == 0x1.c49aaf1b99ep-2);
    CHECK_EQ(x[0], 59000);
    CHECK_EQ(x[1], 43974);
    CHECK_EQ(x[2], 28966);
    CHECK_EQ(nrand48(x), 565063343);
    CHECK_EQ(jrand48(x), -1485464893);
    CHECK_EQ(x[0], 7666);
    CHECK_EQ(x[1], 39619);
    CHECK_EQ(x[2], 42869);

    /* seed48 hands back the X it replaces. */
    unsigned short seed[3] = {0x1234, 0x5678, 0x9abc};
    unsigned short* previous = seed48(seed);
    CHECK_EQ(previous[0], 10787);
    CHECK_EQ(previous[1], 35938);
    CHECK_EQ(previous[2], 13555);
    CHECK_EQ(lrand48(), 615467189);

    /* lcong48 changes the multiplier and addend for every form. */
    unsigned short parameters[7] = {0x330e, 0xabcd, 0x1234, 0xe66d, 0xdeec, 0x5, 0x1f};
    lcong48(parameters);
    CHECK_EQ(mrand48(), 1702803237);
    CHECK_EQ(mrand48(), -677415144);
    unsigned short y[3] = {5, 6, 7};
    CHECK_EQ(jrand48(y), -2035957458);

    /* srand48 puts the defaults back; only the seed's low 32 bits count. */
    srand48(-1);
    CHECK_EQ(lrand48(), 644300343);
}

static void check_three(long first, long second, long third, long expected_first, long expected_second,
                        long expected_third) {
    CHECK_EQ(first, expected_first);
    CHECK_EQ(second, expected_second);
    CHECK_EQ(third, expected_third);
}

/* Three draws, in order (a function's arguments are evaluated in no fixed
 * order). */
#define CHECK_NEXT_THREE(draw, a, b, c)        \
    do {                                       \
        long first_ = (draw);                  \
        long second_ = (draw);                 \
        long third_ = (draw);                  \
        check_three(first_, second_, third_, a, b, c); \
    } while (0)

static void additive_sequences(void) {
    /* Never seeded: as if seeded with 1; 0 counts as 1 too. */
    CHECK_NEXT_THREE(rand(), 1804289383, 846930886, 1681692777);
    srand(42);
    CHECK_NEXT_THREE(rand(), 71876166, 708592740, 1483128881);
    srandom(0);
    CHECK_EQ(random(), 1804289383);
    /* Seeds from 2^31 up start the table from a negative word. */
    srandom(0x80000001u);
    CHECK_NEXT_THREE(random(), 1081815585, 5219348, 1080917272);
    srandom(0xffffffffu);
    CHECK_NEXT_THREE(random(), 254925627, 1205188300, 366127624);

    /* The state buffer's size picks the generator: 8 bytes a linear
     * congruential step, 32 to 256 bytes tables of 7 to 63 words; more than
     * 256 is the same as 256. */
    static char state8[8], state32[32], state64[64], state128[128], state256[256], state300[300];
    initstate(7, state8, sizeof state8);
    CHECK_NEXT_THREE(random(), 1282168116, 642666333, 712265938);
    initstate(7, state32, sizeof state32);
    CHECK_NEXT_THREE(random(), 1380991591, 1769076016, 21842418);
    initstate(7, state64, sizeof state64);
    CHECK_NEXT_THREE(random(), 1539280666, 119640454, 760216337);
    initstate(7, state128, sizeof state128);
    CHECK_NEXT_THREE(random(), 1045618677, 1863967299, 1272579899);
    initstate(7, state256, sizeof state256);
    CHECK_NEXT_THREE(random(), 1845920155, 920894829, 126676358);
    initstate(7, state300, sizeof state300);
    CHECK_NEXT_THREE(random(), 1845920155, 920894829, 126676358);

    /* initstate and setstate return the buffer in use, whose first word
     * then records where it was, so that it can be resumed. */
    srandom(3);
    char* previous = initstate(9, state64, sizeof state64);
    CHECK(previous == state300);
    CHECK_EQ(random(), 829433104);
    CHECK(setstate(previous) == state64);
    CHECK_EQ(random(), 178170992);
    CHECK_EQ(*(int32_t*)state64, 7); /* type 2, read position 1 */
    CHECK(setstate(state64) == state300);
    CHECK_EQ(random(), 111830998);
    errno = 0;
    CHECK(initstate(1, state8, 7) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(random(), 1894667006); /* the generator as it was */

    /* The reentrant forms, on the caller's random_data. */
    struct random_data generator;
    memset(&generator, 0, sizeof generator);
    char buffer[128];
    CHECK_EQ(initstate_r(5, buffer, sizeof buffer, &generator), 0);
    int32_t value = 0;
    CHECK_EQ(random_r(&generator, &value), 0);
    CHECK_EQ(value, 590011675);
    CHECK_EQ(random_r(&generator, &value), 0);
    CHECK_EQ(value, 99788765);
    struct random_data* volatile no_generator = NULL; /* unseen by the header's nonnull */
    errno = 0;
    CHECK_EQ(random_r(no_generator, &value), -1);
    CHECK_EQ(errno, EINVAL);
    int32_t bad_header[2] = {-1, 0};
    errno = 0;
    CHECK_EQ(setstate_r((char*)bad_header, &generator), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(*(int32_t*)buffer, 13); /* saved before the new header was refused */
    CHECK_EQ(srandom_r(3, &generator), 0);
    CHECK_EQ(random_r(&generator, &value), 0);
    CHECK_EQ(value, 1205554746);

    /* rand_r: three steps of a 32-bit generator on the caller's word. */
    unsigned int seed = 1;
    CHECK_NEXT_THREE(rand_r(&seed), 476707713, 1186278907, 505671508);
    CHECK_EQ(seed, 3210001534u);
    seed = 0xdeadbeef;
    CHECK_EQ(rand_r(&seed), 1075635910);
}

static void unpredictable_numbers(void) {
    uint32_t first = arc4random();
    int differing = 0;
    for (int i = 0; i < 8; ++i) differing += arc4random() != first;
    CHECK(differing > 0);

    /* Every byte of the buffer written, an odd size included. */
    unsigned char buffer[67];
    unsigned char previous[67];
    memset(buffer, 0, sizeof buffer);
    arc4random_buf(buffer, sizeof buffer);
    memcpy(previous, buffer, sizeof buffer);
    arc4random_buf(buffer, sizeof buffer);
    CHECK(memcmp(previous, buffer, sizeof buffer) != 0);
    arc4random_buf(buffer, 0);

    /* Uniform draws stay below the bound and reach both ends. */
    int seen[6] = {0};
    for (int i = 0; i < 600; ++i) {
        uint32_t value = arc4random_uniform(6);
        CHECK(value < 6);
        seen[value] = 1;
    }
    for (int i = 0; i < 6; ++i) CHECK(seen[i]);
    CHECK_EQ(arc4random_uniform(0), 0);
    CHECK_EQ(arc4random_uniform(1), 0);
    CHECK(arc4random_uniform(0x80000001u) < 0x80000001u);
}

int main(void) {
    forty_eight_bit_sequences();
    additive_sequences();
    unpredictable_numbers();
    return 0;
}
