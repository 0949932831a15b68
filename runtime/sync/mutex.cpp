// lwp_mutex_*: normal, recursive and error-checking mutexes on one futex word
// (mutex_word.hpp). The owner's identity is its kernel tid, which lwp caches
// per thread for its own threads and foreign ones alike, so ownership checks
// work for main and std::thread as well.
#include <atomic>
#include <cerrno>
#include <climits>

#include "../sys/futex.hpp"
#include "../thread/thread_descriptor.hpp"
#include "deadline.hpp"
#include "mutex_word.hpp"
#include "spin_policy.hpp"

namespace lwp::sync {

namespace {

// Sleeps until the word is handed over; 0 or ETIMEDOUT.
int sleep_until_acquired(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
    std::atomic_ref<int> word = mutex_word(mutex);
    // Exchange, not compare-exchange: whether it was free (we own it now) or
    // locked, the word ends up "contended", which keeps the mark for anyone
    // else already asleep. Acquire: the previous holder's writes are visible.
    while (word.exchange(mutex_contended, std::memory_order_acquire) != mutex_free) {
        // The kernel checks the word is still 2 before sleeping, so an
        // unlock between our exchange and the syscall is not missed
        // (-EAGAIN, and we retry).
        bool process_private = mutex_is_private(mutex);
        long result = deadline
            ? sys::futex_wait_until(&mutex->state, mutex_contended, process_private, clock,
                                    deadline)
            : sys::futex_wait(&mutex->state, mutex_contended, process_private);
        if (result == -ETIMEDOUT) return ETIMEDOUT;
        // 0 (woken), -EAGAIN (changed meanwhile), -EINTR (signal): look again.
    }
    return 0;
}

// One compare-exchange 0 -> 1: the uncontended path, no syscall.
bool take_free_word(lwp_mutex_t* mutex) {
    int expected = mutex_free;
    return mutex_word(mutex).compare_exchange_strong(expected, mutex_locked,
                                                     std::memory_order_acquire,
                                                     std::memory_order_relaxed);
}

// After a failed take_free_word. No spin here, unlike the relock after a
// condition-variable wait: with the guarded data on its own cache line, a
// waiter spinning on the word kept stealing the line from a holder that
// relocks at once, and two threads hammering one mutex ran 5x slower than
// when the loser simply sleeps and the winner runs on alone (docs/sync.md,
// "Contended lock + unlock").
int wait_for_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
    // About to sleep: only now is the deadline judged, as POSIX allows.
    if (int error = check_wait_deadline(clock, deadline)) return error;
    return sleep_until_acquired(mutex, clock, deadline);
}

}  // namespace

int acquire_mutex_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
    if (take_free_word(mutex)) return 0;
    return wait_for_word(mutex, clock, deadline);
}

int reacquire_mutex_word(lwp_mutex_t* mutex, bool maybe_requeued) {
    if (mutex_has_protocol(mutex)) {
        // Never requeued onto (the condition variable checks), so no chain
        // of wakes to keep; no spin either (the kernel queues priority
        // waiters by priority, a ceiling lock must raise the thread first,
        // and a robust relock is rare enough).
        if (mutex_protects_priority(mutex))
            return acquire_ceiling_word(mutex, CLOCK_MONOTONIC, nullptr, /*try_only=*/false,
                                        /*relock=*/true);
        return acquire_owner_word(mutex, runtime::current_tid(), CLOCK_MONOTONIC, nullptr,
                                  /*try_only=*/false);
    }
    std::atomic_ref<int> word = mutex_word(mutex);
    for (int round = 0; round < spin_rounds; ++round) {
        if (word.load(std::memory_order_relaxed) == mutex_free) break;
        spin_once();
    }
    if (!maybe_requeued && take_free_word(mutex)) return 0;
    return sleep_until_acquired(mutex, CLOCK_MONOTONIC, nullptr);
}

int release_mutex_word(lwp_mutex_t* mutex) {
    // Release: the critical section's writes happen-before the next holder's
    // acquire. Only a "contended" word can have sleepers, so a plain locked
    // word is freed without a syscall. The kind is read before: once the
    // word is free, the next holder may destroy the mutex.
    // One test of the protocol bits, so a plain mutex pays for neither.
    if (mutex_has_protocol(mutex)) {
        if (mutex_protects_priority(mutex)) return release_ceiling_word(mutex);
        release_owner_word(mutex, runtime::current_tid());
        return mutex_locked;
    }
    bool process_private = mutex_is_private(mutex);
    int previous = mutex_word(mutex).exchange(mutex_free, std::memory_order_release);
    if (previous == mutex_contended) sys::futex_wake(&mutex->state, 1, process_private);
    return previous;
}

namespace {

// What POSIX asks of a normal mutex its holder locks again: a deadlock, here
// bounded by the deadline if there is one (ETIMEDOUT; EINVAL for a bad one).
int deadlock_on_self(clockid_t clock, const timespec* deadline) {
    if (int error = check_wait_deadline(clock, deadline)) return error;
    int never_changes = 0;
    for (;;) {
        long result = deadline ? sys::futex_wait_until(&never_changes, 0, true, clock, deadline)
                               : sys::futex_wait(&never_changes, 0, true);
        if (result == -ETIMEDOUT) return ETIMEDOUT;
    }
}

// A lock by the thread that already holds the mutex, for the kinds that
// always know their holder (owner word, ceiling): deeper for a recursive one,
// EBUSY for a try, EDEADLK or the deadlock POSIX asks for otherwise.
int lock_held_by_self(lwp_mutex_t* mutex, int kind, clockid_t clock, const timespec* deadline,
                      bool try_only) {
    if (kind == LWP_MUTEX_RECURSIVE) {
        if (mutex->count == UINT_MAX) return EAGAIN;
        ++mutex->count;
        return 0;
    }
    if (try_only) return EBUSY;
    if (kind == LWP_MUTEX_ERRORCHECK) return EDEADLK;
    return deadlock_on_self(clock, deadline);
}

// Locking a priority-inheritance or robust mutex: its word (the owner field)
// holds the owner's tid, so "mine" is read from the word itself, for every
// kind. A robust mutex taken from a dead holder (EOWNERDEAD) is held too.
int lock_owner_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline,
                    bool try_only) {
    const int self = runtime::current_tid();
    const int kind = mutex_kind(mutex);
    if (owner_word_holder(mutex) == self)
        return lock_held_by_self(mutex, kind, clock, deadline, try_only);
    int error = acquire_owner_word(mutex, self, clock, deadline, try_only);
    if (error == 0 || error == EOWNERDEAD) mutex->count = 1;
    return error;
}

// Locking a priority-ceiling mutex: every kind keeps its holder in the owner
// field, as its unlock must know the caller holds it (it lowers the caller's
// priority for it).
int lock_ceiling_mutex(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline,
                       bool try_only) {
    const int self = runtime::current_tid();
    const int kind = mutex_kind(mutex);
    if (mutex_owner(mutex).load(std::memory_order_relaxed) == self)
        return lock_held_by_self(mutex, kind, clock, deadline, try_only);
    int error = acquire_ceiling_word(mutex, clock, deadline, try_only, /*relock=*/false);
    if (error) return error;
    mutex_owner(mutex).store(self, std::memory_order_relaxed);
    mutex->count = 1;
    return 0;
}

// The mutexes with a protocol of their own, once the plain compare-exchange
// has failed (it always fails on them).
int lock_with_protocol(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline,
                       bool try_only) {
    if (mutex_protects_priority(mutex)) return lock_ceiling_mutex(mutex, clock, deadline, try_only);
    return lock_owner_word(mutex, clock, deadline, try_only);
}

// Unlocking the mutexes with a protocol of their own. Every kind knows its
// holder, so every kind tells a stranger's unlock (EPERM): an owner word
// names it, and a ceiling mutex keeps it in `owner` (its unlock lowers the
// caller, who must be the one it raised).
int unlock_with_protocol(lwp_mutex_t* mutex, int kind) {
    const int self = runtime::current_tid();
    if (mutex_word_is_owner(mutex)) {
        if (owner_word_holder(mutex) != self) return EPERM;
        if (kind == LWP_MUTEX_RECURSIVE && --mutex->count != 0) return 0;
        release_owner_word(mutex, self);
        return 0;
    }
    if (mutex_owner(mutex).load(std::memory_order_relaxed) != self) return EPERM;
    if (--mutex->count != 0) return 0;  // recursive: still held
    // Cleared before the word is freed, as for the plain kinds.
    mutex_owner(mutex).store(0, std::memory_order_relaxed);
    release_ceiling_word(mutex);
    return 0;
}

int lock(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
    // The compare-exchange comes before any other read of the mutex: under
    // contention, reading the kind first would fetch the cache line shared
    // and the compare-exchange would then need it again, exclusive. A free
    // word is ours whatever the kind; only then is the kind read, from a
    // line this core now owns.
    if (take_free_word(mutex)) {
        if (mutex_kind(mutex) != LWP_MUTEX_NORMAL) {
            mutex_owner(mutex).store(runtime::current_tid(), std::memory_order_relaxed);
            mutex->count = 1;
        }
        return 0;
    }
    // The `state` of an owner-word or ceiling mutex is never 0: it always
    // ends up here, and its own protocol takes over.
    if (mutex_has_protocol(mutex)) return lock_with_protocol(mutex, clock, deadline, false);
    int kind = mutex_kind(mutex);
    if (kind == LWP_MUTEX_NORMAL) return wait_for_word(mutex, clock, deadline);

    int self = runtime::current_tid();
    if (mutex_owner(mutex).load(std::memory_order_relaxed) == self) {
        if (kind == LWP_MUTEX_ERRORCHECK) return EDEADLK;
        if (mutex->count == UINT_MAX) return EAGAIN;
        ++mutex->count;
        return 0;
    }
    int error = acquire_mutex_word(mutex, clock, deadline);
    if (error) return error;
    mutex_owner(mutex).store(self, std::memory_order_relaxed);
    mutex->count = 1;
    return 0;
}

}  // namespace

}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_mutexattr_init(lwp_mutexattr_t* attr) {
    if (attr == nullptr) return EINVAL;
    *attr = lwp_mutexattr_t{};
    attr->kind = LWP_MUTEX_DEFAULT;
    attr->protocol = LWP_PRIO_NONE;
    attr->shared = LWP_PROCESS_PRIVATE;
    attr->robustness = LWP_MUTEX_STALLED;
    return 0;
}

int lwp_mutexattr_destroy(lwp_mutexattr_t* attr) { return attr ? 0 : EINVAL; }

int lwp_mutexattr_settype(lwp_mutexattr_t* attr, int kind) {
    if (attr == nullptr) return EINVAL;
    if (kind != LWP_MUTEX_NORMAL && kind != LWP_MUTEX_RECURSIVE && kind != LWP_MUTEX_ERRORCHECK)
        return EINVAL;
    attr->kind = static_cast<unsigned char>(kind);
    return 0;
}

int lwp_mutexattr_gettype(const lwp_mutexattr_t* attr, int* kind) {
    if (attr == nullptr || kind == nullptr) return EINVAL;
    *kind = attr->kind;
    return 0;
}

int lwp_mutexattr_setpshared(lwp_mutexattr_t* attr, int pshared) {
    if (attr == nullptr) return EINVAL;
    if (pshared != LWP_PROCESS_PRIVATE && pshared != LWP_PROCESS_SHARED) return EINVAL;
    attr->shared = pshared == LWP_PROCESS_SHARED;
    return 0;
}

int lwp_mutexattr_getpshared(const lwp_mutexattr_t* attr, int* pshared) {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = attr->shared;
    return 0;
}

int lwp_mutexattr_setprotocol(lwp_mutexattr_t* attr, int protocol) {
    if (attr == nullptr) return EINVAL;
    if (protocol != LWP_PRIO_NONE && protocol != LWP_PRIO_INHERIT && protocol != LWP_PRIO_PROTECT)
        return EINVAL;
    attr->protocol = static_cast<unsigned char>(protocol);
    return 0;
}

int lwp_mutexattr_getprotocol(const lwp_mutexattr_t* attr, int* protocol) {
    if (attr == nullptr || protocol == nullptr) return EINVAL;
    *protocol = attr->protocol;
    return 0;
}

int lwp_mutexattr_setrobust(lwp_mutexattr_t* attr, int robustness) {
    if (attr == nullptr) return EINVAL;
    if (robustness != LWP_MUTEX_STALLED && robustness != LWP_MUTEX_ROBUST) return EINVAL;
    attr->robustness = robustness == LWP_MUTEX_ROBUST;
    return 0;
}

int lwp_mutexattr_getrobust(const lwp_mutexattr_t* attr, int* robustness) {
    if (attr == nullptr || robustness == nullptr) return EINVAL;
    *robustness = attr->robustness;
    return 0;
}

int lwp_mutex_init(lwp_mutex_t* mutex, const lwp_mutexattr_t* attr) {
    if (mutex == nullptr) return EINVAL;
    // A robust mutex's word is its owner field, a ceiling mutex's is
    // `state`: one word cannot follow both protocols (glibc refuses the pair
    // too).
    if (attr && attr->protocol == LWP_PRIO_PROTECT && attr->robustness == LWP_MUTEX_ROBUST)
        return ENOTSUP;
    *mutex = lwp_mutex_t LWP_MUTEX_INITIALIZER;
    // An owner's tid means the same in every process (one pid namespace), so
    // the recursive and error-checking kinds need nothing else to be shared.
    if (attr)
        mutex->kind = attr->kind | (attr->shared == LWP_PROCESS_SHARED ? LWP_MUTEX_SHARED_FLAG : 0) |
                      (attr->protocol == LWP_PRIO_INHERIT ? LWP_MUTEX_PRIO_INHERIT_FLAG : 0) |
                      (attr->protocol == LWP_PRIO_PROTECT ? LWP_MUTEX_PRIO_PROTECT_FLAG : 0) |
                      (attr->robustness == LWP_MUTEX_ROBUST ? LWP_MUTEX_ROBUST_FLAG : 0);
    if (mutex_word_is_owner(mutex)) mutex->state = owner_word_state;
    if (mutex_protects_priority(mutex)) set_initial_ceiling(mutex, attr->ceiling);
    if (mutex_is_robust(mutex)) install_robust_exit_hook();
    return 0;
}

int lwp_mutex_destroy(lwp_mutex_t* mutex) {
    if (mutex == nullptr) return EINVAL;
    if (mutex_word_is_owner(mutex)) return owner_word_holder(mutex) != 0 ? EBUSY : 0;
    if (mutex_protects_priority(mutex))  // held by a lock: it has an owner
        return mutex_owner(mutex).load(std::memory_order_relaxed) != 0 ? EBUSY : 0;
    return mutex_word(mutex).load(std::memory_order_relaxed) != mutex_free ? EBUSY : 0;
}

int lwp_mutex_lock(lwp_mutex_t* mutex) { return lock(mutex, CLOCK_REALTIME, nullptr); }

int lwp_mutex_timedlock(lwp_mutex_t* mutex, const struct timespec* abstime) {
    if (abstime == nullptr) return EINVAL;
    return lock(mutex, CLOCK_REALTIME, abstime);
}

int lwp_mutex_clocklock(lwp_mutex_t* mutex, lwp_clockid_t clock, const struct timespec* abstime) {
    // The clock is checked up front (glibc does too): a bad clock id is a
    // programming error worth reporting even when the lock happens to be free.
    if (!supported_clock(clock) || abstime == nullptr) return EINVAL;
    return lock(mutex, clock, abstime);
}

int lwp_mutex_trylock(lwp_mutex_t* mutex) {
    if (mutex_has_protocol(mutex)) return lock_with_protocol(mutex, CLOCK_REALTIME, nullptr, true);
    int kind = mutex_kind(mutex);
    int self = 0;
    if (kind == LWP_MUTEX_RECURSIVE) {
        self = lwp::runtime::current_tid();
        if (mutex_owner(mutex).load(std::memory_order_relaxed) == self) {
            if (mutex->count == UINT_MAX) return EAGAIN;
            ++mutex->count;
            return 0;
        }
    }
    int expected = mutex_free;
    if (!mutex_word(mutex).compare_exchange_strong(expected, mutex_locked, std::memory_order_acquire,
                                                   std::memory_order_relaxed))
        return EBUSY;
    if (kind != LWP_MUTEX_NORMAL) {
        if (self == 0) self = lwp::runtime::current_tid();
        mutex_owner(mutex).store(self, std::memory_order_relaxed);
        mutex->count = 1;
    }
    return 0;
}

int lwp_mutex_unlock(lwp_mutex_t* mutex) {
    int kind = mutex_kind(mutex);
    if (mutex_has_protocol(mutex)) return unlock_with_protocol(mutex, kind);
    if (kind != LWP_MUTEX_NORMAL) {
        if (mutex_owner(mutex).load(std::memory_order_relaxed) != lwp::runtime::current_tid())
            return EPERM;
        if (--mutex->count != 0) return 0;  // recursive: still held
        // Cleared before the word is freed, so no later holder's tid is ever
        // overwritten by ours.
        mutex_owner(mutex).store(0, std::memory_order_relaxed);
    }
    // A normal mutex keeps no owner (that would cost a store on every lock);
    // unlocking one that is not locked at all is still caught, for free.
    return release_mutex_word(mutex) == mutex_free ? EPERM : 0;
}
}
