// What a thread's priority-ceiling (LWP_PRIO_PROTECT) mutexes ask of its
// scheduling: the per-thread record runtime/sync/mutex_ceiling.cpp keeps.
//
// While a thread holds (or is taking) such mutexes, the kernel runs it at the
// highest of their ceilings, or at its own priority if that is higher; the
// scheduling it has apart from them ("base") is remembered here, because the
// kernel then reports only the raised one. pthread_getschedparam reports the
// base and pthread_setschedparam changes it (runtime/posix/pthread_threads.cpp),
// from any thread, so the record is guarded by a lock of its own.
#pragma once

#include "internal_lock.hpp"

struct lwp_mutex;

namespace lwp::runtime {

struct priority_protection {
    internal_lock guard;  // taken by the thread and by pthread_setschedparam callers
    // The highest ceiling of the mutexes held or being taken (the raise comes
    // before the lock is taken, as POSIX has it), 0 for none.
    // When 0 the thread runs at its base and base_* are not kept; when
    // starts_at_creator_base, the thread has not started yet and base_* are
    // its creator's; otherwise the kernel has it at what raised_scheduling()
    // (mutex_ceiling.cpp) names.
    int demanded;
    int base_policy;    // as sched_getscheduler reports it (SCHED_RESET_ON_FORK kept)
    int base_priority;
    // Ceiling mutexes held, newest first, linked through robust_link[1]
    // (free: a ceiling mutex is never robust). Only the thread itself
    // walks or changes the list.
    lwp_mutex* held;
};

// `demanded` of a thread created by a raised thread: clone gave it its
// creator's raised scheduling, and it drops to base_* as its first act
// (mutex_ceiling.cpp), as POSIX has a new thread inherit its creator's own
// scheduling. Until then pthread_getschedparam reports base_*.
inline constexpr int starts_at_creator_base = -1;

}  // namespace lwp::runtime
