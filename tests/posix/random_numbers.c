/* The 48-bit generators (drand48 and its family), whose sequences POSIX
 * fixes: the expected values below are glibc's for the same seeds, so
 * programs (and their recorded outputs) get the same numbers with lwp.
 * And arc4random, arc4random_buf, arc4random_uniform: in range, and not all
 * alike (a stuck source would fail; a weak one cannot be told here). */
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
    unpredictable_numbers();
    return 0;
}
