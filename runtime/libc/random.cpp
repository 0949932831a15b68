// rand/srand and random/srandom, and rand_r. The first four share one
// generator, as in the C standard (rand is not required to be thread-safe;
// this one is, through an atomic update of its state). The generator is a
// 64-bit linear congruential step (Knuth's MMIX constants) whose high bits
// are returned: small and fast, statistically adequate for tests and demos,
// not for cryptography.
#include <stdlib.h>

#include <atomic>
#include <cstdint>

namespace {

std::atomic<std::uint64_t> generator_state{1};

std::uint64_t step(std::uint64_t state) {
    return state * 6364136223846793005ULL + 1442695040888963407ULL;
}

int next_31_bits() {
    std::uint64_t current = generator_state.load(std::memory_order_relaxed);
    std::uint64_t next;
    // Relaxed: the state carries no other data; the CAS only keeps two
    // threads from drawing the same number.
    do {
        next = step(current);
    } while (!generator_state.compare_exchange_weak(current, next, std::memory_order_relaxed));
    return static_cast<int>(next >> 33);  // 31 bits: [0, RAND_MAX]
}

}  // namespace

static_assert(RAND_MAX == 2147483647, "31-bit results");

extern "C" {
int rand(void) noexcept { return next_31_bits(); }
void srand(unsigned int seed) noexcept { generator_state.store(seed, std::memory_order_relaxed); }
long random(void) noexcept { return next_31_bits(); }
void srandom(unsigned int seed) noexcept { generator_state.store(seed, std::memory_order_relaxed); }

// The caller's 32 bits are the whole state, so a 32-bit linear congruential
// step (full period: odd increment, multiplier 1 mod 4). Its low bits cycle
// quickly, so the result is the state mixed by two multiply-xorshift rounds,
// cut to 31 bits.
int rand_r(unsigned int* seed) noexcept {
    std::uint32_t state = *seed * 747796405u + 2891336453u;
    *seed = state;
    std::uint32_t mixed = (state ^ (state >> 16)) * 0x45d9f3bu;
    mixed = (mixed ^ (mixed >> 16)) * 0x45d9f3bu;
    return static_cast<int>((mixed ^ (mixed >> 16)) >> 1);
}
}
