// lwp threads in a glibc process across glibc's fork (host_fork.cpp).
#pragma once

#include <atomic>

namespace lwp::runtime {

#ifdef LWP_FREESTANDING
// fork there is lwp's own (runtime/posix/fork.cpp), which knows its tables.
inline void prepare_for_host_fork() {}
#else
// Registers, once, fork handlers with the host C library.
void register_host_fork_handlers();
extern std::atomic<bool> host_fork_handlers_registered;

// Called before every lwp thread starts: after the first, one load, no call.
// Relaxed: see register_host_fork_handlers.
inline void prepare_for_host_fork() {
    if (!host_fork_handlers_registered.load(std::memory_order_relaxed))
        register_host_fork_handlers();
}
#endif

}  // namespace lwp::runtime
