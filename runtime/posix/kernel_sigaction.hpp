// The kernel's struct sigaction on x86_64, which rt_sigaction takes (not
// glibc's, whose mask is 128 bytes and comes before the flags).
#pragma once

namespace lwp::posix {

struct kernel_sigaction {
    void* handler;
    unsigned long flags;
    void (*restorer)();
    unsigned long mask;
};
static_assert(sizeof(kernel_sigaction) == 32, "the kernel's layout: four 8-byte fields");

// SA_RESTORER, which glibc's headers do not expose: `restorer` is set. The
// kernel insists on it for x86_64 handlers (see signal_return_freestanding.S).
inline constexpr unsigned long sa_restorer_flag = 0x04000000;

}  // namespace lwp::posix
