// copy_attributes_without_extensions: what a SIGEV_THREAD timer keeps of the
// attributes its caller gave (runtime/libc/timers.cpp).
#include "posix_attr.hpp"

namespace lwp::posix {

void copy_attributes_without_extensions(const pthread_attr_t* source,
                                        pthread_attr_t* target) noexcept {
    // glibc's timer_create keeps the stack (address and size), the guard
    // size, the detach state and the scheduling (inheritance, policy,
    // priority), and not its two extensions, the CPU affinity and the signal
    // mask: the copy must not share the caller's affinity set either, which
    // the caller may free (pthread_attr_destroy) while the timer lives.
    posix_attr* copy = as_posix(target);
    *copy = *as_posix(source);
    copy->affinity = nullptr;
    copy->affinity_size = 0;
    copy->has_sigmask = 0;
    copy->sigmask = 0;
}

}  // namespace lwp::posix
