// drand48 erand48 lrand48 nrand48 mrand48 jrand48 srand48 seed48 lcong48:
// POSIX's 48-bit linear congruential generator, X' = (a X + c) mod 2^48,
// with a = 0x5DEECE66D and c = 0xB until lcong48 changes them. POSIX fixes
// the recurrence and how each function turns X' into its result, so every
// C library produces the same sequences from the same seed, and programs
// (and their expected outputs) rely on that.
//
// The functions without a state argument share one state, guarded by a
// lock: POSIX does not require them to be thread-safe, but two threads must
// at least never see a torn state.
#include <stdlib.h>

#include <cstdint>

#include "../thread/internal_lock.hpp"

namespace {

constexpr std::uint64_t mask_48 = (std::uint64_t{1} << 48) - 1;
constexpr std::uint64_t default_multiplier = 0x5DEECE66D;
constexpr std::uint16_t default_addend = 0xB;

// The shared generator. seed48 hands back the previous X in `previous`.
struct generator {
    unsigned short x[3] = {0x330E, 0, 0};  // X's low, middle and high 16 bits
    std::uint64_t multiplier = default_multiplier;
    std::uint16_t addend = default_addend;
    unsigned short previous[3] = {};
};

generator shared;
lwp::runtime::internal_lock shared_lock;

std::uint64_t load(const unsigned short x[3]) {
    return x[0] | std::uint64_t{x[1]} << 16 | std::uint64_t{x[2]} << 32;
}

void store(unsigned short x[3], std::uint64_t value) {
    x[0] = static_cast<unsigned short>(value);
    x[1] = static_cast<unsigned short>(value >> 16);
    x[2] = static_cast<unsigned short>(value >> 32);
}

// One step of the recurrence on a caller's X; returns X'. The multiplier and
// addend are the shared ones (lcong48's), as POSIX says for erand48 and kin.
std::uint64_t advance(unsigned short x[3]) {
    std::uint64_t multiplier, addend;
    {
        lwp::runtime::internal_lock_guard hold(shared_lock);
        multiplier = shared.multiplier;
        addend = shared.addend;
    }
    std::uint64_t next = (multiplier * load(x) + addend) & mask_48;
    store(x, next);
    return next;
}

std::uint64_t advance_shared() {
    lwp::runtime::internal_lock_guard hold(shared_lock);
    std::uint64_t next = (shared.multiplier * load(shared.x) + shared.addend) & mask_48;
    store(shared.x, next);
    return next;
}

// [0, 1): the 48 bits as a fraction, exact in a double's 53-bit mantissa.
double as_fraction(std::uint64_t x) { return static_cast<double>(x) / 281474976710656.0; }
// [0, 2^31): the high 31 bits.
long as_non_negative(std::uint64_t x) { return static_cast<long>(x >> 17); }
// [-2^31, 2^31): the high 32 bits, as a signed 32-bit number.
long as_signed(std::uint64_t x) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(x >> 16)); }

}  // namespace

extern "C" {

double erand48(unsigned short x[3]) noexcept { return as_fraction(advance(x)); }
long nrand48(unsigned short x[3]) noexcept { return as_non_negative(advance(x)); }
long jrand48(unsigned short x[3]) noexcept { return as_signed(advance(x)); }

double drand48(void) noexcept { return as_fraction(advance_shared()); }
long lrand48(void) noexcept { return as_non_negative(advance_shared()); }
long mrand48(void) noexcept { return as_signed(advance_shared()); }

// X's high 32 bits from the seed, its low 16 bits 0x330E; the multiplier
// and addend go back to the defaults, as after seed48.
void srand48(long seed) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_lock);
    store(shared.x, (static_cast<std::uint64_t>(static_cast<std::uint32_t>(seed)) << 16) | 0x330E);
    shared.multiplier = default_multiplier;
    shared.addend = default_addend;
}

// Returns the previous X in storage that stays valid until the next seed48.
unsigned short* seed48(unsigned short seed[3]) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_lock);
    for (int i = 0; i < 3; ++i) shared.previous[i] = shared.x[i];
    for (int i = 0; i < 3; ++i) shared.x[i] = seed[i];
    shared.multiplier = default_multiplier;
    shared.addend = default_addend;
    return shared.previous;
}

// parameters: X (3 words), the multiplier a (3 words), the addend c.
void lcong48(unsigned short parameters[7]) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_lock);
    for (int i = 0; i < 3; ++i) shared.x[i] = parameters[i];
    shared.multiplier = load(parameters + 3);
    shared.addend = parameters[6];
}

}  // extern "C"
