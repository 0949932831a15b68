// How long lwp spins before it sleeps in the kernel.
//
// A futex sleep and wake cost two syscalls and a context switch each way,
// microseconds; a critical section typically lasts nanoseconds. When the
// holder is running on another CPU, watching the word for a short while
// usually sees it freed, so lwp spins a bounded number of rounds first, with
// the CPU's spin hint, and only reads the word while spinning (a read keeps
// the cache line shared; a failed compare-exchange would steal it from the
// holder). On one CPU, or when the holder has been preempted, spinning
// cannot help, so the bound is small: 20 rounds of `pause` is about a
// microsecond on recent x86 cores, and a lock that already has sleepers is
// not spun on at all. On the shared 2-core test VM, longer spins (50, 100
// rounds) made the two-thread contended benchmark worse under load.
#pragma once

#include "../../arch/x86_64/spin_pause.hpp"

namespace lwp::sync {

inline constexpr int spin_rounds = 20;

inline void spin_once() { arch::spin_pause(); }

}  // namespace lwp::sync
