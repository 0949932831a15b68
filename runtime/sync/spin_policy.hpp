// How long lwp spins before it sleeps in the kernel, where it spins at all.
//
// A futex sleep and wake cost two syscalls and a context switch each way,
// microseconds. Where the holder is known to be about to release (the
// signaller that woke a condition-variable waiter still holds the mutex) or
// where a lock is held for a whole critical section by one of several
// readers (rwlock), watching the word for a short while usually sees it
// freed, so lwp spins a bounded number of rounds first, with the CPU's spin
// hint, reading only (a read keeps the cache line shared; a failed
// compare-exchange would steal it from the holder). 20 rounds of `pause` take
// 0.2 µs on the test VM's cores (10 ns a pause) and up to about a
// microsecond on cores whose pause lasts 140 cycles.
//
// The plain mutex lock does not spin: measured on the 2-core test VM, a
// spinning waiter made two threads hammering one mutex 5x slower than
// sleeping at once (mutex.cpp, docs/sync.md).
#pragma once

#include <cstdint>

#include "../../arch/x86_64/spin_pause.hpp"

namespace lwp::sync {

inline constexpr int spin_rounds = 20;

// How long a condition-variable wait that follows a hand-off watches for the
// answer before sleeping (condition_variable.cpp), in cycle-counter ticks.
// The full length, 100,000 ticks, is 40 µs at the test VM's 2.6 GHz: it has
// to outlast the partner's own wake-up when the partner was asleep (about
// 25 µs there), or a pair that once fell asleep would go on sleeping in turn.
//
// A spin that sees no answer is CPU time thrown away, so the thread's next
// hand-off spin is half as long, down to a 32nd (1.25 µs there); a spin that
// sees its answer restores the full length. A partner that is slow for a
// while could leave the spin too short ever to catch it again once it is
// quick, so every 16th miss in a row tries the full length once more.
// Measured by BM_condvar_slow_partner (docs/sync.md).
//
// With a single processor the partner cannot run while we watch, so no wait
// watches then (handoff_spin_can_pay in condition_variable.cpp).
//
// A variable, 100,000 ticks, only so that tests can make the watch outlast
// any scheduling delay (sync_cond_handoff_test.cpp).
extern std::uint64_t handoff_spin_full_ticks;

inline std::uint64_t handoff_spin_ticks(unsigned char misses_in_a_row) {
    if (misses_in_a_row % 16 == 15) return handoff_spin_full_ticks;
    return handoff_spin_full_ticks >> (misses_in_a_row < 5 ? misses_in_a_row : 5);
}

inline void spin_once() { arch::spin_pause(); }

}  // namespace lwp::sync
