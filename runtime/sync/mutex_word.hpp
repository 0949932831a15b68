// The futex word at the heart of lwp_mutex_t, shared by the mutex and the
// condition variable (which releases it, and requeues its waiters onto it).
//
// Three states, so that an uncontended unlock needs no syscall:
//   0 free, 1 locked, 2 locked and some thread may be asleep on the word.
// A thread that has slept always takes the lock as 2: it cannot know whether
// others still sleep, so it leaves the mark for its own unlock to wake them.
#pragma once

#include <linux/futex.h>

#include <atomic>
#include <ctime>

#include "lwp/sync.h"

namespace lwp::sync {

inline constexpr int mutex_free = 0;
inline constexpr int mutex_locked = 1;
inline constexpr int mutex_contended = 2;

inline std::atomic_ref<int> mutex_word(lwp_mutex_t* mutex) {
    return std::atomic_ref<int>(mutex->state);
}

// The owner field is read by any thread (to tell "mine" from "not mine") while
// the holder writes it, so it is accessed atomically; relaxed is enough, since
// a thread only ever needs to recognise its own tid, which only it writes.
inline std::atomic_ref<int> mutex_owner(lwp_mutex_t* mutex) {
    return std::atomic_ref<int>(mutex->owner);
}

// The kind lives in glibc's __kind slot; only its two low bits name the type
// (glibc's robust/PI/elision flags sit above). 3, glibc's ADAPTIVE_NP, is a
// normal mutex here (the same locking rules; lwp's lock does not spin).
inline int mutex_kind(const lwp_mutex_t* mutex) {
    int kind = mutex->kind & 3;
    return kind == 3 ? LWP_MUTEX_NORMAL : kind;
}

// Whether the word's futex operations are private to this process: all but
// a mutex initialised process-shared (LWP_MUTEX_SHARED_FLAG), whose sleepers
// and wakers may be in different processes. The kind never changes after
// initialisation.
inline bool mutex_is_private(const lwp_mutex_t* mutex) {
    return (mutex->kind & LWP_MUTEX_SHARED_FLAG) == 0;
}

// Whether the mutex follows the kernel's priority-inheritance protocol: its
// futex word is then the owner field (owner tid | FUTEX_WAITERS, taken and
// handed over by FUTEX_LOCK_PI/UNLOCK_PI). Fixed at initialisation, like the
// kind.
inline bool mutex_inherits_priority(const lwp_mutex_t* mutex) {
    return (mutex->kind & LWP_MUTEX_PRIO_INHERIT_FLAG) != 0;
}

// Whether the mutex is robust (mutex_robust.cpp): its futex word is the owner
// field too, which the kernel marks FUTEX_OWNER_DIED when the holder dies.
inline bool mutex_is_robust(const lwp_mutex_t* mutex) {
    return (mutex->kind & LWP_MUTEX_ROBUST_FLAG) != 0;
}

// Whether the futex word is the owner field (the holder's tid) rather than
// `state`: what priority-inheriting and robust mutexes have in common, as the
// kernel must read who holds them. `state` then holds owner_word_state for
// good.
inline bool mutex_word_is_owner(const lwp_mutex_t* mutex) {
    return (mutex->kind & (LWP_MUTEX_PRIO_INHERIT_FLAG | LWP_MUTEX_ROBUST_FLAG)) != 0;
}

// The 0/1/2 word of an owner-word mutex: never free, so the lock's first
// compare-exchange, made before the kind is read, fails on it and the lock
// goes on to read the kind. (The kind cannot be read first without slowing
// the contended lock of every other mutex; docs/sync.md.)
inline constexpr int owner_word_state = 3;

// The priority-inheritance word (mutex_pi.cpp). Takes it for `self`: 0, or
// ETIMEDOUT/EINVAL when the call had to wait until a deadline (null: for
// ever). The caller has checked that `self` does not hold it already.
int acquire_pi_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline);
// Frees it (the caller holds it), handing it to the top sleeper if any.
void release_pi_word(lwp_mutex_t* mutex, int self);

// Either kind of owner word (mutex_robust.cpp), for `self`, who does not hold
// it already. `try_only`: EBUSY instead of waiting. 0, or ETIMEDOUT/EINVAL as
// above; a robust mutex also EOWNERDEAD (taken, inconsistent),
// ENOTRECOVERABLE (not taken) and ENOTSUP (no robust list for this thread).
int acquire_owner_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline,
                       bool try_only);
// Frees it; the caller holds it. A robust mutex left inconsistent becomes
// not recoverable, and every sleeper is woken to be told so.
void release_owner_word(lwp_mutex_t* mutex, int self);

// Chains, once per process, the robust-list work that must run at every lwp
// thread's end (mutex_robust.cpp) into finish_thread's hook. Called when a
// robust mutex is initialised and when a thread first registers its list, so
// a program that has no robust mutex adds nothing to any thread's end. (The
// hook runs before thread-specific-data destructors: a list first registered
// inside one of them, for a mutex no one in this process initialised, is left
// to the kernel, which cannot read it if the thread's stack is unmapped.)
void install_robust_exit_hook();

// Whether the mutex has a priority ceiling (mutex_ceiling.cpp): `state` is
// then the ceiling in bits 19 and up over the 0/1/2 lock, and the owner field
// names the holder for every kind. Fixed at initialisation, like the kind.
inline bool mutex_protects_priority(const lwp_mutex_t* mutex) {
    return (mutex->kind & LWP_MUTEX_PRIO_PROTECT_FLAG) != 0;
}

// Whether the mutex leaves the plain 0/1/2 protocol for one of its own: an
// owner word or a ceiling. One test on the contended paths of every mutex.
inline bool mutex_has_protocol(const lwp_mutex_t* mutex) {
    return (mutex->kind & (LWP_MUTEX_PRIO_INHERIT_FLAG | LWP_MUTEX_ROBUST_FLAG |
                           LWP_MUTEX_PRIO_PROTECT_FLAG)) != 0;
}

// The ceiling word (mutex_ceiling.cpp). Raises the calling thread (which
// does not hold the mutex) to the ceiling and takes the word. `try_only`:
// EBUSY instead of waiting. 0, or ETIMEDOUT/EINVAL when the call had to wait
// until a deadline; EINVAL when the caller's own priority is above the
// ceiling; sched_setscheduler's error (EPERM) when it may not be raised.
// `relock` (a condition-variable wait taking its mutex back): the word is
// taken even when the raise fails, and that error returned with it held.
int acquire_ceiling_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline,
                         bool try_only, bool relock);
// Frees it (the caller holds it), waking a sleeper if any, and lowers the
// caller to what its other ceiling mutexes ask for. Returns the lock bits it
// held (1 or 2).
int release_ceiling_word(lwp_mutex_t* mutex);

// Writes a new ceiling mutex's word: free, at the attribute's ceiling (0:
// the lowest SCHED_FIFO priority).
void set_initial_ceiling(lwp_mutex_t* mutex, int attr_ceiling);

// The tid of an owner-word mutex's holder (0: free).
inline int owner_word_holder(lwp_mutex_t* mutex) {
    return mutex_owner(mutex).load(std::memory_order_relaxed) & FUTEX_TID_MASK;
}

// Takes the word; 0, or ETIMEDOUT/EINVAL when a deadline is given and the
// call had to wait. A null deadline waits for ever.
int acquire_mutex_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline);

// Retakes the word after a condition-variable wait. The signaller usually
// still holds the mutex and is about to release it, so this spins briefly
// before sleeping. `maybe_requeued`: the waiter slept, so a broadcast may
// have moved other waiters onto this word behind it; then the word is taken
// as "contended" whatever it held, because only an unlock that sees 2 wakes
// them.
// Returns 0, or for an owner-word mutex what acquire_owner_word returns.
int reacquire_mutex_word(lwp_mutex_t* mutex, bool maybe_requeued);

// Frees the word, waking one sleeper if any may exist. Returns the state it
// held (0 means it was not locked at all).
int release_mutex_word(lwp_mutex_t* mutex);

}  // namespace lwp::sync
