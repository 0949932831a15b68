// rand/srand, random/srandom, initstate/setstate and their reentrant forms
// (random_r, srandom_r, initstate_r, setstate_r), and rand_r, giving the
// same numbers as glibc for the same seeds: programs (and their expected
// outputs) rely on `srand(42)` producing a known sequence.
//
// The generator is the BSD additive feedback one: a table of `degree` 32-bit
// words, filled from the seed by the Park-Miller step, then each number is
// the sum of two words `separation` apart, written back into the table, its
// top 31 bits returned. The caller's state buffer selects the table size:
// 8 bytes give a plain linear congruential step (type 0), 32/64/128/256
// bytes tables of 7/15/31/63 words. The buffer's first word records the type
// and the read position, so that setstate can resume it.
#include <errno.h>
#include <stdlib.h>

#include <array>
#include <cstdint>

#include "../thread/internal_lock.hpp"
#include "possibly_null.hpp"

namespace {

using lwp::libc::possibly_null;

constexpr int type_count = 5;
struct table_shape {
    int degree;      // words in the table (0: a single LCG word)
    int separation;  // distance between the two words summed
    int min_bytes;   // state buffer size from which this type is chosen
};
constexpr table_shape shapes[type_count] = {{0, 0, 8}, {7, 3, 32}, {15, 1, 64}, {31, 3, 128}, {63, 1, 256}};

// Park and Miller's minimal standard step, x * 16807 mod (2^31 - 1), by
// Schrage's decomposition, on a signed 32-bit word as glibc computes it (a
// seed of 2^31 or more starts negative; the result is in range after the
// first step).
constexpr std::int32_t minimal_standard_step(std::int32_t word) {
    std::int64_t high = word / 127773;
    std::int64_t low = word % 127773;
    std::int64_t next = 16807 * low - 2836 * high;
    return static_cast<std::int32_t>(next < 0 ? next + 2147483647 : next);
}

// One number from an additive table: the words at the two positions summed
// (mod 2^32) into the front one; both positions advance, wrapping at the end.
constexpr std::int32_t additive_step(std::int32_t* table, int degree, int& front, int& rear) {
    std::uint32_t sum = static_cast<std::uint32_t>(table[front]) + static_cast<std::uint32_t>(table[rear]);
    table[front] = static_cast<std::int32_t>(sum);
    if (++front >= degree) front = 0;
    if (++rear >= degree) rear = 0;
    return static_cast<std::int32_t>(sum >> 1);
}

// The table every program starts with: type 3 seeded with 1, the discarded
// warm-up numbers already drawn, computed by the compiler. Word 0 is the
// buffer's header (type 3, read position 0).
constexpr std::array<std::int32_t, 32> unseeded_table() {
    std::array<std::int32_t, 32> buffer{};
    std::int32_t* table = &buffer[1];
    table[0] = 1;
    for (int i = 1; i < 31; ++i) table[i] = minimal_standard_step(table[i - 1]);
    int front = 3, rear = 0;
    for (int i = 0; i < 310; ++i) additive_step(table, 31, front, rear);
    buffer[0] = rear * type_count + 3;
    return buffer;
}

constinit std::array<std::int32_t, 32> shared_buffer = unseeded_table();
// The process's generator (what rand and random draw from), as glibc lays out
// struct random_data: front, rear, table, type, degree, separation, end.
constinit random_data shared_generator = {&shared_buffer[1 + 3], &shared_buffer[1], &shared_buffer[1], 3, 31, 3,
                                          &shared_buffer[1 + 31]};
// random() is thread-safe in glibc: one lock around the shared generator.
constinit lwp::runtime::internal_lock shared_generator_lock;

int fail_invalid() {
    errno = EINVAL;
    return -1;
}

// Writes the type and read position into the header word before a buffer,
// so that a later setstate can resume from it.
void save_position(random_data* generator) {
    std::int32_t* table = generator->state;
    if (table == nullptr) return;
    table[-1] = generator->rand_type == 0
                    ? 0
                    : static_cast<std::int32_t>(generator->rptr - table) * type_count + generator->rand_type;
}

}  // namespace

extern "C" {

int random_r(random_data* __restrict generator, std::int32_t* __restrict result) noexcept {
    if (possibly_null(generator) == nullptr || possibly_null(result) == nullptr) return fail_invalid();
    std::int32_t* table = generator->state;
    if (generator->rand_type == 0) {
        // Type 0: the single word is a 31-bit linear congruential state.
        table[0] = static_cast<std::int32_t>((static_cast<std::uint32_t>(table[0]) * 1103515245u + 12345u) &
                                             0x7fffffffu);
        *result = table[0];
        return 0;
    }
    int degree = generator->rand_deg;
    int front = static_cast<int>(generator->fptr - table);
    int rear = static_cast<int>(generator->rptr - table);
    *result = additive_step(table, degree, front, rear);
    generator->fptr = table + front;
    generator->rptr = table + rear;
    return 0;
}

int srandom_r(unsigned int seed, random_data* generator) noexcept {
    if (possibly_null(generator) == nullptr || generator->rand_type < 0 || generator->rand_type >= type_count)
        return fail_invalid();
    std::int32_t* table = generator->state;
    if (seed == 0) seed = 1;  // a zero table would only ever give zeros
    table[0] = static_cast<std::int32_t>(seed);
    if (generator->rand_type == 0) return 0;
    for (int i = 1; i < generator->rand_deg; ++i) table[i] = minimal_standard_step(table[i - 1]);
    generator->fptr = table + generator->rand_sep;
    generator->rptr = table;
    // The first numbers still show the seed's linear structure: drawn and
    // dropped, ten per word of the table.
    std::int32_t discarded;
    for (int i = 0; i < 10 * generator->rand_deg; ++i) random_r(generator, &discarded);
    return 0;
}

int initstate_r(unsigned int seed, char* __restrict buffer, size_t size, random_data* __restrict generator) noexcept {
    if (possibly_null(generator) == nullptr) return fail_invalid();
    int type = type_count - 1;
    while (type >= 0 && size < static_cast<size_t>(shapes[type].min_bytes)) --type;
    if (type < 0) return fail_invalid();  // fewer than 8 bytes
    save_position(generator);
    // The header word comes first; the table follows it.
    std::int32_t* table = reinterpret_cast<std::int32_t*>(buffer) + 1;
    generator->rand_type = type;
    generator->rand_deg = shapes[type].degree;
    generator->rand_sep = shapes[type].separation;
    generator->state = table;
    generator->end_ptr = table + shapes[type].degree;
    srandom_r(seed, generator);
    save_position(generator);
    return 0;
}

int setstate_r(char* __restrict buffer, random_data* __restrict generator) noexcept {
    if (possibly_null(buffer) == nullptr || possibly_null(generator) == nullptr) return fail_invalid();
    std::int32_t* table = reinterpret_cast<std::int32_t*>(buffer) + 1;
    // The position is saved first, even when the new header turns out bad,
    // as glibc does.
    save_position(generator);
    int type = table[-1] % type_count;
    int rear = table[-1] / type_count;
    if (type < 0 || type >= type_count) return fail_invalid();
    generator->rand_type = type;
    generator->rand_deg = shapes[type].degree;
    generator->rand_sep = shapes[type].separation;
    if (type != 0) {
        generator->rptr = table + rear;
        generator->fptr = table + (rear + shapes[type].separation) % shapes[type].degree;
    }
    generator->state = table;
    generator->end_ptr = table + shapes[type].degree;
    return 0;
}

long random(void) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_generator_lock);
    std::int32_t result;
    random_r(&shared_generator, &result);
    return result;
}

void srandom(unsigned int seed) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_generator_lock);
    srandom_r(seed, &shared_generator);
}

// Both return the buffer that was in use (its header word updated), or null
// with EINVAL, leaving the generator as it was.
char* initstate(unsigned int seed, char* buffer, size_t size) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_generator_lock);
    char* previous = reinterpret_cast<char*>(shared_generator.state - 1);
    return initstate_r(seed, buffer, size, &shared_generator) == 0 ? previous : nullptr;
}

char* setstate(char* buffer) noexcept {
    lwp::runtime::internal_lock_guard hold(shared_generator_lock);
    char* previous = reinterpret_cast<char*>(shared_generator.state - 1);
    return setstate_r(buffer, &shared_generator) == 0 ? previous : nullptr;
}

int rand(void) noexcept { return static_cast<int>(random()); }
void srand(unsigned int seed) noexcept { srandom(seed); }

// The caller's 32 bits are the whole state: three steps of the classic
// 1103515245/12345 generator, 11 + 10 + 10 of their middle bits joined.
int rand_r(unsigned int* seed) noexcept {
    unsigned int next = *seed;
    next = next * 1103515245u + 12345u;
    unsigned int result = (next / 65536) % 2048;
    next = next * 1103515245u + 12345u;
    result = (result << 10) ^ ((next / 65536) % 1024);
    next = next * 1103515245u + 12345u;
    result = (result << 10) ^ ((next / 65536) % 1024);
    *seed = next;
    return static_cast<int>(result);
}
}
