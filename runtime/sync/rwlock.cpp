// lwp_rwlock_*: a read-write lock on two futex words, writer-preferring by
// default, reader-preferring on request (`kind`, see <lwp/sync.h>).
//
// `state` (readers sleep on it):
//   bits 0..29  0 free, 1..max_readers readers, write_locked (all ones) a writer
//   bit 30      readers_waiting: a reader may be asleep on `state`
//   bit 31      writers_waiting: a writer may be asleep on `writer_wake`;
//               while set, new readers of a writer-preferring lock wait (so
//               readers cannot starve writers)
// `writer_wake`: a ticket writers sleep on; bumped by every step that may
//   wake a writer or clears writers_waiting, so a writer that read it before
//   does not fall asleep (-EAGAIN). Writers do not sleep on `state`: under reader preference the
//   reader count there moves all the time, and each move would send a writer
//   about to sleep round again.
// The two sit side by side in one aligned 8-byte word (both_words), so one
// compare-exchange can change both.
//
// The two kinds differ in two places only: whether a waiting writer holds new
// readers back (read_lockable), and whom an unlock that leaves the lock free
// wakes first (plan_wake). Everything else, the writers' queue included, is
// shared.
//
// Whoever unlocks to a count of 0 with a waiting bit set clears, in the same
// compare-exchange that releases the lock, the bit of those it is about to
// wake (bumping the ticket if a writer may be among them), then wakes them:
// writer-preferring, one writer first, the readers if no writer was asleep;
// reader-preferring, all sleeping readers first (they would get in ahead of
// the writer anyway), a writer if no reader was asleep.
// A reader of a reader-preferring lock sleeps only while a writer holds it,
// so the last reader out finds writers_waiting and wakes a writer. As with
// the mutex, a writer that has slept takes the lock with writers_waiting set
// again, since other writers may still sleep, so its own unlock continues
// the chain. A writer that gives up (time-out) while others still queue
// leaves the mark alone; the last one to give up withdraws it, so a lock that
// no writer wants any more does not keep readers out.
//
// Destruction. POSIX lets a thread destroy (and free) the lock as soon as it
// has unlocked it and nobody else holds or waits: the next holder may do so
// while this unlock is still running. So the releasing compare-exchange is
// the unlock's last access to the lock's memory; after it comes only
// FUTEX_WAKE, which names the address but does not write there (on memory
// already unmapped it fails with EFAULT; on memory reused for another futex,
// a waiter there sees a spurious wake-up, which every futex waiter survives).
// What the wake-ups need of the lock (its kind, whether it is shared) is read
// before the release. The bit a fallback wake would clear (readers asleep
// after all, when the writer we woke was not) is left set: a stale bit costs a
// later unlock one FUTEX_WAKE that finds nobody, and that unlock clears it.
//
// Reading lock state is relaxed and taking it is acquire; giving it up is
// release, so a holder's writes happen-before the next holder's reads.
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>

#include "../sys/futex.hpp"
#include "../thread/thread_descriptor.hpp"
#include "deadline.hpp"
#include "spin_policy.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {

constexpr unsigned int count_mask = 0x3fffffffu;
constexpr unsigned int write_locked = count_mask;
constexpr unsigned int max_readers = count_mask - 1;
constexpr unsigned int readers_waiting = 1u << 30;
constexpr unsigned int writers_waiting = 1u << 31;

std::atomic_ref<unsigned int> state_of(lwp_rwlock_t* rwlock) {
    return std::atomic_ref<unsigned int>(rwlock->state);
}
std::atomic_ref<unsigned int> writer_wake_of(lwp_rwlock_t* rwlock) {
    return std::atomic_ref<unsigned int>(rwlock->writer_wake);
}

// `state` and `writer_wake` read or changed as one: x86-64 is little-endian,
// so `state` is the low half. may_alias: the same bytes are also reached as
// the two unsigned ints they are declared as.
using both_words = std::uint64_t __attribute__((may_alias));
static_assert(offsetof(lwp_rwlock_t, state) == 0 && offsetof(lwp_rwlock_t, writer_wake) == 4 &&
                  alignof(lwp_rwlock_t) >= alignof(std::uint64_t),
              "state and writer_wake must form one aligned 8-byte word");
both_words* both_of(lwp_rwlock_t* rwlock) { return reinterpret_cast<both_words*>(rwlock); }
constexpr std::uint64_t combine(unsigned int state, unsigned int ticket) {
    return std::uint64_t{ticket} << 32 | state;
}
constexpr unsigned int state_part(std::uint64_t both) { return static_cast<unsigned int>(both); }
constexpr unsigned int ticket_part(std::uint64_t both) {
    return static_cast<unsigned int>(both >> 32);
}
// Written only by the write holder; read by anyone to recognise itself.
std::atomic_ref<int> writer_of(lwp_rwlock_t* rwlock) { return std::atomic_ref<int>(rwlock->writer); }
std::atomic_ref<unsigned int> queued_writers_of(lwp_rwlock_t* rwlock) {
    return std::atomic_ref<unsigned int>(rwlock->queued_writers);
}

unsigned int holders(unsigned int state) { return state & count_mask; }

// The kind is written once, by init (or a static initializer), before the
// lock is shared, and never changes: a plain read.
bool prefers_writers(const lwp_rwlock_t* rwlock) { return rwlock->kind == LWP_RWLOCK_PREFER_WRITER; }

// write_locked is above max_readers, so the count test also excludes a writer.
bool read_lockable(unsigned int state, bool writer_first) {
    return holders(state) < max_readers && !(writer_first && (state & writers_waiting));
}

// Initialised process-shared: its sleepers and wakers may be in different
// processes. Written once by init, like the kind.
bool rwlock_is_private(const lwp_rwlock_t* rwlock) { return rwlock->shared != LWP_PROCESS_SHARED; }

long futex_sleep(const lwp_rwlock_t* rwlock, const void* word, unsigned int expected,
                 clockid_t clock, const timespec* deadline) {
    bool process_private = rwlock_is_private(rwlock);
    return deadline ? sys::futex_wait_until(word, static_cast<int>(expected), process_private,
                                            clock, deadline)
                    : sys::futex_wait(word, static_cast<int>(expected), process_private);
}

enum class sleepers { nobody, readers, writer };

// Wakes one sleeping writer, or every sleeping reader (readers share the lock).
long wake(const lwp_rwlock_t* rwlock, bool process_private, sleepers whom) {
    if (whom == sleepers::writer) return sys::futex_wake(&rwlock->writer_wake, 1, process_private);
    return sys::futex_wake(&rwlock->state, INT_MAX, process_private);
}

// What an unlock that leaves the lock free does after releasing it: whom it
// wakes first, and whom instead if nobody of that kind was asleep.
struct wake_plan {
    sleepers first = sleepers::nobody;
    sleepers fallback = sleepers::nobody;
};

// Decides, for the state an unlock is about to leave, whom to wake, and
// clears in `next` the bit of those it wakes first: the releasing step is the
// unlock's last write (see "Destruction" above).
wake_plan plan_wake(unsigned int& next, bool readers_first) {
    wake_plan plan;
    if (holders(next) != 0) return plan;
    if (readers_first && (next & readers_waiting)) {
        // writers_waiting stays: the last of the woken readers to leave wakes
        // a writer, or we do if no reader was asleep.
        next &= ~readers_waiting;
        plan.first = sleepers::readers;
        if (next & writers_waiting) plan.fallback = sleepers::writer;
    } else if (next & writers_waiting) {
        // One writer: having slept, it takes the lock with writers_waiting
        // set again, for the others. readers_waiting stays for its unlock.
        next &= ~writers_waiting;
        plan.first = sleepers::writer;
        if (next & readers_waiting) plan.fallback = sleepers::readers;
    } else if (next & readers_waiting) {
        next &= ~readers_waiting;
        plan.first = sleepers::readers;
    }
    return plan;
}

// What the wake-up needs to know of the lock, read by the unlocking thread
// before the step that frees it.
struct lock_facts {
    bool process_private;
    bool readers_first;
};

lock_facts facts_of(const lwp_rwlock_t* rwlock) {
    return {rwlock_is_private(rwlock), !prefers_writers(rwlock)};
}

// Gives up `amount` (1 for a reader, write_locked for the writer) of the
// lock's count and wakes whoever that lets in. The compare-exchange is the
// last access to the lock; the wake-ups only name its addresses.
void release(lwp_rwlock_t* rwlock, unsigned int amount) {
    lock_facts facts = facts_of(rwlock);
    both_words* both = both_of(rwlock);
    std::uint64_t observed = __atomic_load_n(both, __ATOMIC_RELAXED);
    wake_plan plan;
    for (;;) {
        unsigned int next = state_part(observed) - amount;
        unsigned int ticket = ticket_part(observed);
        plan = plan_wake(next, facts.readers_first);
        // A writer may be woken (first or as the fallback): bump the ticket,
        // so that one between reading it and sleeping does not sleep.
        if (plan.first == sleepers::writer || plan.fallback == sleepers::writer) ++ticket;
        // Release: our reads and writes as a holder come before the next
        // holder's acquire. The bump rides in the same step; on x86-64 the
        // locked cmpxchg orders it before the futex calls that follow.
        if (__atomic_compare_exchange_n(both, &observed, combine(next, ticket), /*weak=*/true,
                                        __ATOMIC_RELEASE, __ATOMIC_RELAXED))
            break;
    }
    if (plan.first == sleepers::nobody) return;
    // A stale bit (the writer timed out, or took the lock without sleeping;
    // the readers timed out) wakes nobody: then the others are next.
    if (wake(rwlock, facts.process_private, plan.first) == 0 && plan.fallback != sleepers::nobody)
        wake(rwlock, facts.process_private, plan.fallback);
}

// A timed-out writer leaving the queue. If it was the last, the
// writers_waiting mark it helped set no longer stands for anyone: clear it,
// wake every sleeping writer so that one which queued meanwhile re-evaluates
// (and re-marks) instead of sleeping under a cleared mark, and let readers
// held back by the mark in. The caller is still inside a lock call, so the
// lock cannot have been destroyed under it.
void withdraw_writer(lwp_rwlock_t* rwlock) {
    lock_facts facts = facts_of(rwlock);
    if (queued_writers_of(rwlock).fetch_sub(1, std::memory_order_seq_cst) != 1) return;
    std::atomic_ref<unsigned int> word = state_of(rwlock);
    unsigned int state = word.load(std::memory_order_relaxed);
    while ((state & writers_waiting) &&
           !word.compare_exchange_weak(state, state & ~writers_waiting, std::memory_order_seq_cst,
                                       std::memory_order_relaxed)) {
    }
    writer_wake_of(rwlock).fetch_add(1, std::memory_order_seq_cst);
    sys::futex_wake(&rwlock->writer_wake, INT_MAX, facts.process_private);
    state &= ~writers_waiting;
    while ((state & readers_waiting) && holders(state) != write_locked) {
        if (word.compare_exchange_weak(state, state & ~readers_waiting, std::memory_order_relaxed,
                                       std::memory_order_relaxed)) {
            wake(rwlock, facts.process_private, sleepers::readers);
            return;
        }
    }
}

int read_lock(lwp_rwlock_t* rwlock, clockid_t clock, const timespec* deadline) {
    std::atomic_ref<unsigned int> word = state_of(rwlock);
    bool writer_first = prefers_writers(rwlock);
    unsigned int state = word.load(std::memory_order_relaxed);
    if (read_lockable(state, writer_first) &&
        word.compare_exchange_strong(state, state + 1, std::memory_order_acquire,
                                     std::memory_order_relaxed))
        return 0;
    if (holders(state) == write_locked &&
        writer_of(rwlock).load(std::memory_order_relaxed) == runtime::current_tid())
        return EDEADLK;

    int spins = spin_rounds;
    bool deadline_checked = false;
    for (;;) {
        state = word.load(std::memory_order_relaxed);
        if (read_lockable(state, writer_first)) {
            if (word.compare_exchange_weak(state, state + 1, std::memory_order_acquire,
                                           std::memory_order_relaxed))
                return 0;
            continue;
        }
        // Waiting would not help: the count is full until some reader leaves.
        if (holders(state) == max_readers) return EAGAIN;
        if (spins > 0) {
            --spins;
            spin_once();
            continue;
        }
        if (deadline && !deadline_checked) {
            int error = check_deadline(deadline);
            if (error) return error;
            deadline_checked = true;
        }
        if ((state & readers_waiting) == 0) {
            if (!word.compare_exchange_weak(state, state | readers_waiting,
                                            std::memory_order_relaxed, std::memory_order_relaxed))
                continue;
            state |= readers_waiting;
        }
        if (futex_sleep(rwlock, &rwlock->state, state, clock, deadline) == -ETIMEDOUT) return ETIMEDOUT;
    }
}

int write_lock(lwp_rwlock_t* rwlock, clockid_t clock, const timespec* deadline) {
    std::atomic_ref<unsigned int> word = state_of(rwlock);
    int self = runtime::current_tid();
    unsigned int state = 0;
    if (word.compare_exchange_strong(state, write_locked, std::memory_order_acquire,
                                     std::memory_order_relaxed)) {
        writer_of(rwlock).store(self, std::memory_order_relaxed);
        return 0;
    }
    if (holders(state) == write_locked && writer_of(rwlock).load(std::memory_order_relaxed) == self)
        return EDEADLK;

    int spins = spin_rounds;
    bool deadline_checked = false;
    unsigned int keep_mark = 0;  // writers_waiting, once we have slept
    bool queued = false;
    for (;;) {
        state = word.load(std::memory_order_relaxed);
        if (holders(state) == 0) {
            if (word.compare_exchange_weak(state, state | write_locked | keep_mark,
                                           std::memory_order_acquire, std::memory_order_relaxed)) {
                writer_of(rwlock).store(self, std::memory_order_relaxed);
                if (queued) queued_writers_of(rwlock).fetch_sub(1, std::memory_order_relaxed);
                return 0;
            }
            continue;
        }
        if (spins > 0) {
            --spins;
            spin_once();
            continue;
        }
        if (deadline && !deadline_checked) {
            int error = check_deadline(deadline);
            if (error) return error;
            deadline_checked = true;
        }
        if (!queued) {
            queued_writers_of(rwlock).fetch_add(1, std::memory_order_seq_cst);
            queued = true;
        }
        if ((state & writers_waiting) == 0 &&
            !word.compare_exchange_weak(state, state | writers_waiting, std::memory_order_seq_cst,
                                        std::memory_order_relaxed))
            continue;
        // One snapshot of the state and the ticket: sleep only if the lock is
        // still held with the mark on it. Any step since that cleared the
        // mark bumped the ticket, and the kernel then refuses to sleep.
        std::uint64_t both = __atomic_load_n(both_of(rwlock), __ATOMIC_SEQ_CST);
        state = state_part(both);
        if (holders(state) == 0 || (state & writers_waiting) == 0) continue;
        long result = futex_sleep(rwlock, &rwlock->writer_wake, ticket_part(both), clock, deadline);
        keep_mark = writers_waiting;
        if (result == -ETIMEDOUT) {
            withdraw_writer(rwlock);
            return ETIMEDOUT;
        }
    }
}

}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_rwlockattr_init(lwp_rwlockattr_t* attr) {
    if (attr == nullptr) return EINVAL;
    // Writer-preferring by default: the one kind under which no mix of
    // readers can keep a writer out for ever.
    *attr = lwp_rwlockattr_t{LWP_RWLOCK_DEFAULT, 0};
    return 0;
}

int lwp_rwlockattr_setkind(lwp_rwlockattr_t* attr, int kind) {
    if (attr == nullptr) return EINVAL;
    if (kind != LWP_RWLOCK_PREFER_READER && kind != LWP_RWLOCK_PREFER_WRITER) return EINVAL;
    attr->kind = kind;
    return 0;
}

int lwp_rwlockattr_getkind(const lwp_rwlockattr_t* attr, int* kind) {
    if (attr == nullptr || kind == nullptr) return EINVAL;
    *kind = attr->kind;
    return 0;
}

int lwp_rwlockattr_destroy(lwp_rwlockattr_t* attr) { return attr ? 0 : EINVAL; }

int lwp_rwlockattr_setpshared(lwp_rwlockattr_t* attr, int pshared) {
    if (attr == nullptr) return EINVAL;
    if (pshared != LWP_PROCESS_PRIVATE && pshared != LWP_PROCESS_SHARED) return EINVAL;
    attr->shared = pshared;
    return 0;
}

int lwp_rwlockattr_getpshared(const lwp_rwlockattr_t* attr, int* pshared) {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = attr->shared;
    return 0;
}

int lwp_rwlock_init(lwp_rwlock_t* rwlock, const lwp_rwlockattr_t* attr) {
    if (rwlock == nullptr) return EINVAL;
    *rwlock = lwp_rwlock_t LWP_RWLOCK_INITIALIZER;
    if (attr) {
        rwlock->kind = static_cast<unsigned int>(attr->kind);
        rwlock->shared = static_cast<unsigned int>(attr->shared);
    }
    return 0;
}

int lwp_rwlock_destroy(lwp_rwlock_t* rwlock) {
    if (rwlock == nullptr) return EINVAL;
    return holders(state_of(rwlock).load(std::memory_order_relaxed)) != 0 ? EBUSY : 0;
}

int lwp_rwlock_rdlock(lwp_rwlock_t* rwlock) { return read_lock(rwlock, CLOCK_REALTIME, nullptr); }

int lwp_rwlock_timedrdlock(lwp_rwlock_t* rwlock, const struct timespec* abstime) {
    if (abstime == nullptr) return EINVAL;
    return read_lock(rwlock, CLOCK_REALTIME, abstime);
}

int lwp_rwlock_clockrdlock(lwp_rwlock_t* rwlock, lwp_clockid_t clock, const struct timespec* abstime) {
    if (!supported_clock(clock) || abstime == nullptr) return EINVAL;
    return read_lock(rwlock, clock, abstime);
}

int lwp_rwlock_tryrdlock(lwp_rwlock_t* rwlock) {
    std::atomic_ref<unsigned int> word = state_of(rwlock);
    bool writer_first = prefers_writers(rwlock);
    unsigned int state = word.load(std::memory_order_relaxed);
    for (;;) {
        if (!read_lockable(state, writer_first))
            return holders(state) == max_readers ? EAGAIN : EBUSY;
        if (word.compare_exchange_weak(state, state + 1, std::memory_order_acquire,
                                       std::memory_order_relaxed))
            return 0;
    }
}

int lwp_rwlock_wrlock(lwp_rwlock_t* rwlock) { return write_lock(rwlock, CLOCK_REALTIME, nullptr); }

int lwp_rwlock_timedwrlock(lwp_rwlock_t* rwlock, const struct timespec* abstime) {
    if (abstime == nullptr) return EINVAL;
    return write_lock(rwlock, CLOCK_REALTIME, abstime);
}

int lwp_rwlock_clockwrlock(lwp_rwlock_t* rwlock, lwp_clockid_t clock, const struct timespec* abstime) {
    if (!supported_clock(clock) || abstime == nullptr) return EINVAL;
    return write_lock(rwlock, clock, abstime);
}

int lwp_rwlock_trywrlock(lwp_rwlock_t* rwlock) {
    std::atomic_ref<unsigned int> word = state_of(rwlock);
    unsigned int state = word.load(std::memory_order_relaxed);
    for (;;) {
        if (holders(state) != 0) return EBUSY;
        // Waiting bits are kept: the sleepers still need waking at our unlock.
        if (word.compare_exchange_weak(state, state | write_locked, std::memory_order_acquire,
                                       std::memory_order_relaxed)) {
            writer_of(rwlock).store(lwp::runtime::current_tid(), std::memory_order_relaxed);
            return 0;
        }
    }
}

int lwp_rwlock_unlock(lwp_rwlock_t* rwlock) {
    unsigned int state = state_of(rwlock).load(std::memory_order_relaxed);
    if (holders(state) == 0) return EPERM;
    if (holders(state) == write_locked) {
        if (writer_of(rwlock).load(std::memory_order_relaxed) != lwp::runtime::current_tid())
            return EPERM;
        writer_of(rwlock).store(0, std::memory_order_relaxed);
        release(rwlock, write_locked);
        return 0;
    }
    // Readers only wait behind writers (a holder, or with writer preference a
    // waiting one), so only the last reader leaving has anyone to wake.
    release(rwlock, 1);
    return 0;
}
}
