// A lock in one int word, for short critical sections inside lwp: three
// states (free, locked, locked with sleepers) so that an uncontended unlock
// needs no futex_wake. Used by the thread layer's tables (internal_lock) and
// by structures with a lock word of their own in a C layout (the barrier).
#pragma once

#include <atomic>

#include "futex.hpp"

namespace lwp::sys {

inline constexpr int word_free = 0, word_locked = 1, word_contended = 2;

// `process_private`: false for a word in memory shared with other processes
// (a process-shared barrier's), whose sleepers may be anywhere.
inline void lock_word(int& state, bool process_private = true) {
    std::atomic_ref<int> word(state);
    int expected = word_free;
    // Acquire: the previous holder's writes become visible.
    if (word.compare_exchange_strong(expected, word_locked, std::memory_order_acquire)) return;
    // Contended: mark "sleepers" and sleep until handed a free word. The
    // exchange to `contended` keeps the mark even when we then win, since
    // others may still sleep. EINTR or a changed word just sends us round the
    // loop.
    while (word.exchange(word_contended, std::memory_order_acquire) != word_free)
        futex_wait(&state, word_contended, process_private);
}

// Always inlined: a few instructions, which the smallest programs' size
// budget cannot spare a call frame and a copy for.
[[gnu::always_inline]] inline void unlock_word(int& state, bool process_private = true) {
    // Release: our writes happen-before the next holder's reads. Only a
    // "contended" word can have sleepers.
    if (std::atomic_ref<int>(state).exchange(word_free, std::memory_order_release) == word_contended)
        futex_wake(&state, 1, process_private);
}

}  // namespace lwp::sys
