// The small lock guarding lwp's own shared tables (handle slots, stack cache).
// Kept separate from the public mutex so the thread layer depends on nothing
// above it: a word lock (../sys/word_lock.hpp) guarding the table.
#pragma once

#include "../sys/word_lock.hpp"

namespace lwp::runtime {

class internal_lock {
public:
    void lock() { sys::lock_word(state_); }
    void unlock() { sys::unlock_word(state_); }

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
