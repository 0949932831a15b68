// The few system calls only process start-up and shutdown make, in the style
// of runtime/sys: raw results (>= 0, or -errno), errno never touched.
#pragma once

#include <asm/unistd.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"

namespace lwp::start {

// The kernel's struct sigaction on x86_64 (not glibc's, whose mask is 128
// bytes): handler, flags, restorer, then an 8-byte mask.
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)();
    unsigned long mask;
};
static_assert(sizeof(kernel_sigaction) == 32, "rt_sigaction reads exactly these 32 bytes");

inline long set_signal_action(int signal, const kernel_sigaction* action) {
    // The last argument is the size of the kernel's sigset (8 bytes); the
    // kernel rejects any other value with EINVAL.
    return arch::syscall4(__NR_rt_sigaction, signal, reinterpret_cast<long>(action), 0, 8);
}

// getrandom(2) with no flags: blocks only before the kernel's entropy pool is
// first initialised, which is long over by the time a user program runs.
inline long get_random_bytes(void* buffer, std::size_t length) {
    return arch::syscall3(__NR_getrandom, reinterpret_cast<long>(buffer),
                          static_cast<long>(length), 0);
}

}  // namespace lwp::start
