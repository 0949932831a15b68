// arc4random arc4random_buf arc4random_uniform: unpredictable random numbers
// for programs that need them (keys, nonces, shuffles an attacker must not
// guess), straight from the kernel's generator through getrandom(2), which
// is what glibc 2.36's do too. No user-space state, so nothing to reseed
// after fork and nothing shared between threads.
#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>

#include <cstdint>

#include "../start/abort.hpp"

extern "C" {

// getrandom never fails for a valid buffer on a kernel that has it (3.17
// and up); a short read only when a signal interrupts a request above 256
// bytes, and then the rest is asked for again. A kernel without it leaves
// no source of randomness, and these functions have no way to report
// failure: the program is ended rather than handed predictable numbers.
void arc4random_buf(void* buffer, size_t size) noexcept {
    auto* bytes = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        ssize_t got = getrandom(bytes, size, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            lwp::start::abort_with_message("lwp: arc4random: getrandom failed: no randomness source\n");
        }
        bytes += got;
        size -= static_cast<size_t>(got);
    }
}

uint32_t arc4random(void) noexcept {
    uint32_t value;
    arc4random_buf(&value, sizeof value);
    return value;
}

// Uniform in [0, bound): draws above the largest multiple of bound that fits
// in 32 bits are drawn again, so that no result is more likely than another
// (a plain modulo would favour the small ones). 0 for a bound below 2.
uint32_t arc4random_uniform(uint32_t bound) noexcept {
    if (bound < 2) return 0;
    uint32_t rejected_below = static_cast<uint32_t>(-bound) % bound;  // 2^32 mod bound
    for (;;) {
        uint32_t value = arc4random();
        if (value >= rejected_below) return value % bound;
    }
}

}  // extern "C"
