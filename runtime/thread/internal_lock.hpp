// The small lock guarding lwp's own shared tables (handle slots, stack cache).
// Kept separate from the public mutex so the thread layer depends on nothing
// above it: a word lock (../sys/word_lock.hpp) guarding the table.
#pragma once

#include <atomic>

#include "../sys/word_lock.hpp"

namespace lwp::runtime {

class internal_lock {
public:
    void lock() { sys::lock_word(state_); }
    void unlock() { sys::unlock_word(state_); }
    // Acquire on success, as lock().
    bool try_lock() {
        int expected = sys::word_free;
        return std::atomic_ref<int>(state_).compare_exchange_strong(expected, sys::word_locked,
                                                                    std::memory_order_acquire);
    }

private:
    int state_ = sys::word_free;  // accessed only through atomic_ref
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
