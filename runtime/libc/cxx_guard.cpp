// __cxa_guard_acquire/release/abort: thread-safe initialisation of
// function-local statics (the Itanium C++ ABI's protocol).
//
// The compiler checks the guard's first byte (acquire load) and calls
// acquire only while it is 0. The guard is 64 bits; its second 32-bit half
// serves here as a futex word with four states, so threads that find the
// initialisation in progress sleep in the kernel instead of spinning.
//
// Not detected: a recursive initialisation of the same static by the thread
// running it (the C++ standard calls it undefined; libstdc++ throws). It
// deadlocks here.
#include <atomic>
#include <cstdint>

#include "../sys/futex.hpp"

namespace {

enum guard_state : int { idle = 0, running = 1, running_with_waiters = 2, done = 3 };

std::atomic_ref<int> state_of(std::uint64_t* guard) {
    return std::atomic_ref<int>(reinterpret_cast<int*>(guard)[1]);
}

std::atomic_ref<unsigned char> done_byte_of(std::uint64_t* guard) {
    return std::atomic_ref<unsigned char>(*reinterpret_cast<unsigned char*>(guard));
}

// Wakes every sleeper: all of them must re-examine the guard.
void wake_all(std::uint64_t* guard) {
    lwp::sys::futex_wake(&reinterpret_cast<int*>(guard)[1], INT32_MAX, /*process_private=*/true);
}

}  // namespace

extern "C" {

// Returns 1 when the caller must run the initialiser (and then call release
// or abort), 0 when it has already been done.
int __cxa_guard_acquire(std::uint64_t* guard) {
    auto state = state_of(guard);
    for (;;) {
        // Acquire pairs with release's exchange: the initialised object is
        // visible once `done` is seen.
        int current = state.load(std::memory_order_acquire);
        if (current == done) return 0;
        if (current == idle) {
            if (state.compare_exchange_strong(current, running, std::memory_order_acquire))
                return 1;
            continue;
        }
        if (current == running &&
            !state.compare_exchange_strong(current, running_with_waiters, std::memory_order_relaxed))
            continue;
        lwp::sys::futex_wait(&reinterpret_cast<int*>(guard)[1], running_with_waiters,
                             /*process_private=*/true);
    }
}

void __cxa_guard_release(std::uint64_t* guard) {
    // The byte the compiler's inline fast path tests; release so that a
    // thread seeing it also sees the object.
    done_byte_of(guard).store(1, std::memory_order_release);
    // `done`, never `idle`: a thread that read the state before this store
    // must not be able to claim the guard a second time.
    if (state_of(guard).exchange(done, std::memory_order_release) == running_with_waiters)
        wake_all(guard);
}

// The initialiser did not complete (it threw, in a program with exceptions):
// the next caller tries again.
void __cxa_guard_abort(std::uint64_t* guard) {
    if (state_of(guard).exchange(idle, std::memory_order_release) == running_with_waiters)
        wake_all(guard);
}

}  // extern "C"
