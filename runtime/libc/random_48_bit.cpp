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
//
// glibc's reentrant forms (drand48_r erand48_r lrand48_r nrand48_r
// mrand48_r jrand48_r srand48_r seed48_r lcong48_r) keep X, the multiplier
// and the addend in the caller's struct drand48_data instead, whose layout
// is glibc's (pinned below): one that was never seeded (__init 0) gets the
// default multiplier and addend at its first step, as glibc gives them.
#include <stddef.h>
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

static_assert(sizeof(drand48_data) == 24 && offsetof(drand48_data, __old_x) == 6 &&
              offsetof(drand48_data, __c) == 12 && offsetof(drand48_data, __init) == 14 &&
              offsetof(drand48_data, __a) == 16);

std::uint64_t load(const unsigned short x[3]) {
    return x[0] | std::uint64_t{x[1]} << 16 | std::uint64_t{x[2]} << 32;
}

void store(unsigned short x[3], std::uint64_t value) {
    x[0] = static_cast<unsigned short>(value);
    x[1] = static_cast<unsigned short>(value >> 16);
    x[2] = static_cast<unsigned short>(value >> 32);
}

// The recurrence: X becomes (a X + c) mod 2^48, which is returned.
std::uint64_t step(unsigned short x[3], std::uint64_t multiplier, std::uint64_t addend) {
    std::uint64_t next = (multiplier * load(x) + addend) & mask_48;
    store(x, next);
    return next;
}

// One step on a caller's X with the shared multiplier and addend
// (lcong48's), as POSIX says for erand48 and kin.
std::uint64_t advance(unsigned short x[3]) {
    std::uint64_t multiplier, addend;
    {
        lwp::runtime::internal_lock_guard hold(shared_lock);
        multiplier = shared.multiplier;
        addend = shared.addend;
    }
    return step(x, multiplier, addend);
}

std::uint64_t advance_shared() {
    lwp::runtime::internal_lock_guard hold(shared_lock);
    return step(shared.x, shared.multiplier, shared.addend);
}

// <stdlib.h> declares `data` non-null, so a plain test would be dropped by
// the compiler; the empty asm hides where the pointer came from.
bool is_null(drand48_data* data) {
    asm("" : "+r"(data));
    return data == nullptr;
}

// One step on `x` with the multiplier and addend of `data`.
std::uint64_t advance_with(unsigned short x[3], drand48_data* data) {
    if (data->__init == 0) {
        data->__a = default_multiplier;
        data->__c = default_addend;
        data->__init = 1;
    }
    return step(x, data->__a, data->__c);
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

// The reentrant forms: each answers 0; glibc's lrand48_r and mrand48_r also
// answer -1 for a null `data` (the others would crash on it, as glibc's).
int erand48_r(unsigned short x[3], drand48_data* data, double* result) noexcept {
    *result = as_fraction(advance_with(x, data));
    return 0;
}
int nrand48_r(unsigned short x[3], drand48_data* data, long* result) noexcept {
    *result = as_non_negative(advance_with(x, data));
    return 0;
}
int jrand48_r(unsigned short x[3], drand48_data* data, long* result) noexcept {
    *result = as_signed(advance_with(x, data));
    return 0;
}
int drand48_r(drand48_data* data, double* result) noexcept {
    return erand48_r(data->__x, data, result);
}
int lrand48_r(drand48_data* data, long* result) noexcept {
    if (is_null(data)) return -1;
    return nrand48_r(data->__x, data, result);
}
int mrand48_r(drand48_data* data, long* result) noexcept {
    if (is_null(data)) return -1;
    return jrand48_r(data->__x, data, result);
}

int srand48_r(long seed, drand48_data* data) noexcept {
    store(data->__x, (static_cast<std::uint64_t>(static_cast<std::uint32_t>(seed)) << 16) | 0x330E);
    data->__a = default_multiplier;
    data->__c = default_addend;
    data->__init = 1;
    return 0;
}

// The previous X goes to data->__old_x, where glibc's seed48 finds it.
int seed48_r(unsigned short seed[3], drand48_data* data) noexcept {
    for (int i = 0; i < 3; ++i) data->__old_x[i] = data->__x[i];
    for (int i = 0; i < 3; ++i) data->__x[i] = seed[i];
    data->__a = default_multiplier;
    data->__c = default_addend;
    data->__init = 1;
    return 0;
}

int lcong48_r(unsigned short parameters[7], drand48_data* data) noexcept {
    for (int i = 0; i < 3; ++i) data->__x[i] = parameters[i];
    data->__a = load(parameters + 3);
    data->__c = parameters[6];
    data->__init = 1;
    return 0;
}

}  // extern "C"
