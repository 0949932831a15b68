// How long lwp spins before it sleeps in the kernel, where it spins at all.
//
// A futex sleep and wake cost two syscalls and a context switch each way,
// microseconds. Where the holder is known to be about to release (the
// signaller that woke a condition-variable waiter still holds the mutex) or
// where a lock is held for a whole critical section by one of several
// readers (rwlock), watching the word for a short while usually sees it
// freed, so lwp spins a bounded number of rounds first, with the CPU's spin
// hint, reading only (a read keeps the cache line shared; a failed
// compare-exchange would steal it from the holder). 20 rounds of `pause` is
// about a microsecond on recent x86 cores.
//
// The plain mutex lock does not spin: measured on the 2-core test VM, a
// spinning waiter made two threads hammering one mutex 5x slower than
// sleeping at once (mutex.cpp, docs/sync.md).
#pragma once

#include "../../arch/x86_64/spin_pause.hpp"

namespace lwp::sync {

inline constexpr int spin_rounds = 20;

inline void spin_once() { arch::spin_pause(); }

}  // namespace lwp::sync
