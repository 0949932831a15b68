// memfrob and strfry, GNU's two ways of scrambling bytes in place.
//
// memfrob XORs each byte with 42, so applying it twice gives the bytes back.
// strfry shuffles a string's bytes (not its terminator) the way glibc's does:
// a Fisher-Yates pass in which position i swaps with one drawn from i to the
// end by random_r, over a generator of glibc's smallest kind (a 32-byte
// state) seeded once from the clock. The order is therefore not
// reproducible, in glibc as here; only that the result is a permutation of
// the input is promised. Unlike glibc's, the shared generator is taken under
// a lock, so threads calling strfry together do not tear its state.
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cstdint>

#include "../thread/internal_lock.hpp"

namespace {

lwp::runtime::internal_lock shuffle_lock;
bool shuffle_seeded = false;
char shuffle_state_bytes[32];
random_data shuffle_state;

// Any value that differs from run to run will do for the seed: the clock's
// seconds and nanoseconds mixed so that both move the low bits.
unsigned int clock_seed() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    auto mixed = static_cast<std::uint32_t>(now.tv_nsec) ^ static_cast<std::uint32_t>(now.tv_sec);
    return mixed ^ ((mixed << 24) | (mixed >> 8));
}

}  // namespace

extern "C" {

void* memfrob(void* bytes, size_t count) noexcept {
    auto* p = static_cast<unsigned char*>(bytes);
    for (size_t i = 0; i < count; ++i) p[i] ^= 42;
    return bytes;
}

char* strfry(char* text) noexcept {
    lwp::runtime::internal_lock_guard hold(shuffle_lock);
    if (!shuffle_seeded) {
        shuffle_state.state = nullptr;
        initstate_r(clock_seed(), shuffle_state_bytes, sizeof shuffle_state_bytes, &shuffle_state);
        shuffle_seeded = true;
    }
    size_t length = strlen(text);
    for (size_t i = 0; i + 1 < length; ++i) {
        int32_t drawn;
        random_r(&shuffle_state, &drawn);
        size_t j = i + static_cast<size_t>(drawn) % (length - i);
        char kept = text[i];
        text[i] = text[j];
        text[j] = kept;
    }
    return text;
}

}  // extern "C"
