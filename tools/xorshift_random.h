/* The pseudo-random sequence the differential tools draw their cases from:
 * xorshift64*, seeded from a number given on the command line, so that a
 * run is repeated exactly, built against glibc and with lwp alike. */
#ifndef LWP_TOOLS_XORSHIFT_RANDOM_H
#define LWP_TOOLS_XORSHIFT_RANDOM_H

#include <stdint.h>

static uint64_t random_state = 1;

/* Seed n (spread by the golden ratio's multiplier, and never zero, which
 * would stay zero). */
static void seed_random(uint64_t seed) { random_state = seed * 0x9e3779b97f4a7c15ull + 1; }

static uint64_t next_random(void) {
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return random_state * 2685821657736338717ull;
}

static unsigned below(unsigned limit) { return (unsigned)(next_random() % limit); }

#endif
