// The small lock guarding lwp's own shared tables (handle slots, stack cache).
// Kept separate from the public mutex so the thread layer depends on nothing
// above it. Three states (free, locked, locked with sleepers) so that an
// uncontended unlock needs no futex_wake.
#pragma once

#include <atomic>

#include "../sys/futex.hpp"

namespace lwp::runtime {

class internal_lock {
public:
    void lock() {
        int expected = free;
        // Acquire: the holder's writes to the guarded table become visible.
        if (state_.compare_exchange_strong(expected, locked, std::memory_order_acquire)) return;
        // Contended: mark "sleepers" and sleep until handed a free lock. The
        // exchange to `contended` keeps the mark even when we then win.
        while (state_.exchange(contended, std::memory_order_acquire) != free)
            sys::futex_wait(&state_, contended, /*process_private=*/true);
    }

    void unlock() {
        // Release: our table writes happen-before the next holder's reads.
        if (state_.exchange(free, std::memory_order_release) == contended)
            sys::futex_wake(&state_, 1, /*process_private=*/true);
    }

private:
    static constexpr int free = 0, locked = 1, contended = 2;
    std::atomic<int> state_{free};
};

class internal_lock_guard {
public:
    explicit internal_lock_guard(internal_lock& lock) : lock_(lock) { lock_.lock(); }
    ~internal_lock_guard() { lock_.unlock(); }
    internal_lock_guard(const internal_lock_guard&) = delete;
    internal_lock_guard& operator=(const internal_lock_guard&) = delete;

private:
    internal_lock& lock_;
};

}  // namespace lwp::runtime
