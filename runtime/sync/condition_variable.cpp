// lwp_cond_*: a sequence-counter condition variable whose broadcast wakes one
// waiter and requeues the others onto the mutex.
//
// The futex word `sequence`:
//   bit 0     "a waiter may be asleep": set by every waiter, cleared only by
//             a wake that has dealt with all sleepers; while it is clear,
//             signal and broadcast return without a syscall.
//   bits 1..  a counter bumped by every signal and broadcast that found the
//             bit set.
//
// Waiting:  set the bit (fetch_or, which also reads the word) while still
//           holding the mutex, release the mutex, sleep while the word still
//           holds the value read, relock.
// Why no wake-up is lost: a signaller that runs after the waiter released the
// mutex (the only order POSIX promises anything for) sees the bit, and bumps
// the counter. Either the bump lands before the waiter reaches the kernel, and
// the kernel's compare makes FUTEX_WAIT return at once, or the waiter is
// already queued and the FUTEX_WAKE that follows the bump finds it. The kernel
// queues waiters of equal priority in arrival order, so the one woken is the
// longest-waiting, not a newcomer.
//
// Hand-off spin: a thread whose last signal found a waiter has just passed
// work to another thread, and when it now waits, the answer it waits for is
// usually the partner's very next step. Sleeping would make the partner's
// signal a FUTEX_WAKE of a thread whose CPU may have gone idle, and on a VM
// that wake-up alone costs tens of microseconds. So that one wait first
// watches the word in user space for a bounded time (spin_policy.hpp, which
// also shortens the spin for a thread whose partners keep it waiting), and
// returns as soon as a signal changes it; if nothing comes, it sleeps as
// usual. Every other wait sleeps at once: a consumer waiting for a producer
// does not spin. Watching the word is the same test FUTEX_WAIT makes, only
// earlier, so it cannot lose a wake-up; a signal that finds only watchers
// still bumps and wakes as above (the wake finds nobody and clears the bit).
//
// Destruction: a sleeping waiter never reads the condition variable again
// after its fetch_or (only the kernel does, in FUTEX_WAIT, which fails with
// -EAGAIN or -EFAULT rather than sleep on a changed or unmapped word), and
// signal/broadcast touch it only through atomic steps (a signal whose wake
// found nobody makes one more, after it: like any object, the condition
// variable must outlive the signal and broadcast calls made on it). Neither
// signal nor broadcast ever reads or writes the mutex: broadcast hands its
// address to the kernel as the requeue target, a key the kernel never
// dereferences, so a mutex whose waiters have all left may be destroyed at
// any time, even while a broadcast that was about to requeue onto it runs.
// A watching waiter does read the word after a signal may have released it,
// so it counts itself in `watchers` from before it releases the mutex until
// its last read, and destroy waits for that count to reach 0. So the object
// can be destroyed and freed once no thread is blocked on it.
//
// The counter wraps after 2^31 wake-ups; a waiter would misread the word only
// if exactly that many happened between its fetch_or and its FUTEX_WAIT, which
// is a few instructions.
#include <atomic>
#include <cerrno>
#include <climits>

#include "../../arch/x86_64/cycle_counter.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/thread_descriptor.hpp"
#include "deadline.hpp"
#include "mutex_word.hpp"
#include "spin_policy.hpp"

namespace lwp::sync {

std::uint64_t handoff_spin_full_ticks = 100'000;

namespace {

constexpr unsigned int may_sleep = 1;
constexpr unsigned int one_wake = 2;

std::atomic_ref<unsigned int> sequence_of(lwp_cond_t* cond) {
    return std::atomic_ref<unsigned int>(cond->sequence);
}

// Initialised process-shared: its sleepers and wakers may be in different
// processes. Never changes after initialisation.
bool cond_is_private(const lwp_cond_t* cond) { return cond->shared != LWP_PROCESS_SHARED; }

std::atomic_ref<lwp_mutex_t*> mutex_of(lwp_cond_t* cond) {
    return std::atomic_ref<lwp_mutex_t*>(cond->mutex);
}

std::atomic_ref<unsigned int> watchers_of(lwp_cond_t* cond) {
    return std::atomic_ref<unsigned int>(cond->watchers);
}

// The hand-off spin: true as soon as `sequence` moves off `seen`, false once
// the budget is spent. Reads only (relaxed: what the signaller wrote before
// signalling reaches us through the mutex we relock next), with the CPU's
// spin hint between reads, and the counter checked only every few rounds.
bool watch_for_wake(lwp_cond_t* cond, unsigned int seen, std::uint64_t budget) {
    std::atomic_ref<unsigned int> sequence = sequence_of(cond);
    std::uint64_t start = arch::cycle_counter();
    do {
        for (int round = 0; round < 16; ++round) {
            if (sequence.load(std::memory_order_relaxed) != seen) return true;
            spin_once();
        }
    } while (arch::cycle_counter() - start < budget);
    return false;
}

// Watching pays only if the partner can run meanwhile. With one processor it
// cannot (the kernel would have to preempt the watcher first), so then no
// wait watches. Counted on the first hand-off (one sched_getaffinity) and
// kept: a later change of the affinity mask is not seen. Relaxed: racing
// first callers store the same answer.
bool handoff_spin_can_pay() {
    static std::atomic<int> processors{0};  // 0: not counted yet
    int count = processors.load(std::memory_order_relaxed);
    if (count == 0) {
        count = static_cast<int>(sys::processors_available());
        processors.store(count, std::memory_order_relaxed);
    }
    return count > 1;
}

// Sleeps on `sequence` while it still holds `seen`, the value this waiter
// published. Returns the futex result: 0 (woken: signalled, or woken from the
// mutex's queue after a requeue), -EAGAIN (a signal or broadcast changed the
// word before we slept), -ETIMEDOUT, or -EFAULT (see "Destruction" above).
// `queued` is set if the kernel may have queued us at any point, and so a
// broadcast may have moved us onto the mutex word (see relock in wait).
//
// A signal handler that runs while we sleep makes FUTEX_WAIT return -EINTR
// (for handlers without SA_RESTART, and for every timed wait). POSIX would
// let us return then, as a spurious wake-up, but a program that is signalled
// often would see its waits end over and over for nothing. Every signal and
// broadcast bumps the counter before it wakes anyone, so a word still equal
// to `seen` proves none has happened since we joined, and sleeping again on
// the same value is exactly the state we were in before the interruption. So
// we simply wait again on `seen`: the kernel compares the word atomically
// with queueing us, sleeps if it is unchanged, and returns -EAGAIN if a
// wake-up (possibly meant for us, and not ours to drop) changed it, so that
// we return as after any wake. The deadline is absolute: re-waiting needs no
// recomputation. The only misreading is the counter wrapping round to exactly
// `seen` (2^31 wake-ups) while a handler runs.
//
// The wait is a cancellation point (runtime/thread/cancellation_point.hpp):
// a cancelled waiter runs `undo`, which relocks the mutex, before its cleanup
// handlers, as POSIX requires, and passes on the wake-up it may have taken
// (undo_cancelled_wait). A waiter the kernel woke (result 0) returns: a
// cancellation never acts on this call once the kernel has answered it.
//
// `process_private` is the object's kind, read by the caller earlier: a
// waiter whose watch ended unanswered may come here after a signal and a
// destroy have let the memory go (destroy waits only while it is counted as
// a watcher), so from here on only the kernel looks at the object, at an
// address it may find unmapped (-EFAULT) or changed (-EAGAIN).
long sleep_while_unsignalled(lwp_cond_t* cond, bool process_private, unsigned int seen,
                             clockid_t clock, const timespec* deadline, bool& queued,
                             const runtime::cancellation_undo* undo) {
    for (;;) {
        long result = runtime::cancellation_point_futex_wait(
            undo, &cond->sequence, static_cast<int>(seen), process_private, clock, deadline);
        // -EAGAIN and -EFAULT mean this call never slept: the kernel compared
        // the word (or failed to read it) before queueing. Any other result,
        // -EINTR included, came after we slept, and a requeue may have moved
        // us meanwhile, even if the retry below then fails. (A wait the
        // kernel restarts by itself after an SA_RESTART handler can end in
        // -EAGAIN after sleeping too; the handler had taken it off whichever
        // queue it was on, so no wake was spent on it and no chain of wakes
        // passes through it: the fast path is still right.)
        if (result != -EAGAIN && result != -EFAULT) queued = true;
        if (result != -EINTR) return result;
    }
}

// Whether the mutex keeps its holder in the owner field beside a 0/1/2 word:
// the recursive and error-checking kinds, and every ceiling mutex (whose
// unlock must know it lowers its holder). Owner-word mutexes are asked first.
bool holder_in_owner_field(const lwp_mutex_t* mutex, int kind) {
    return kind != LWP_MUTEX_NORMAL || mutex_protects_priority(mutex);
}

// What a waiter holds while it sleeps, for relock below and for a
// cancellation, which must relock as well before the cleanup handlers run.
struct mutex_to_relock {
    lwp_mutex_t* mutex;
    int kind;
    int self;
    unsigned int depth;
};

// 0, or a robust mutex's EOWNERDEAD (relocked) or ENOTRECOVERABLE (not), or
// the error of a ceiling mutex's raise (relocked all the same).
int relock(const mutex_to_relock& held, bool maybe_requeued) {
    int error = reacquire_mutex_word(held.mutex, maybe_requeued);
    if (mutex_word_is_owner(held.mutex)) {
        // The word itself names the owner.
        if (error == 0 || error == EOWNERDEAD) held.mutex->count = held.depth;
    } else if (holder_in_owner_field(held.mutex, held.kind)) {
        mutex_owner(held.mutex).store(held.self, std::memory_order_relaxed);
        held.mutex->count = held.depth;
    }
    return error;
}

// What a cancelled waiter puts right before its cleanup handlers run.
struct cancelled_wait {
    lwp_cond_t* cond;
    const mutex_to_relock* held;
};

void undo_cancelled_wait(void* context) {
    const auto* wait = static_cast<const cancelled_wait*>(context);
    // It may have been requeued onto the mutex by a broadcast, so it relocks
    // as one.
    // A robust mutex's EOWNERDEAD or ENOTRECOVERABLE has nobody to go to: the
    // thread ends (its list marks a held mutex at the end as the kernel would).
    relock(*wait->held, /*maybe_requeued=*/true);
    // A waiter cancelled in its sleep took no wake-up. But a signal handler
    // can run on top of the wait just after the kernel woke it (before the
    // cancellation point has ended) and be cancelled in a cancellation point
    // of its own; this step runs then too, and the wake-up it took was meant
    // for a waiter that must not sleep on. So one is passed on: at worst a
    // spurious wake-up, which POSIX allows. The waiter has not returned, so
    // the object still exists.
    sys::futex_wake(&wait->cond->sequence, 1, cond_is_private(wait->cond));
}

int wait(lwp_cond_t* cond, lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
    if (cond == nullptr || mutex == nullptr) return EINVAL;
    int kind = mutex_kind(mutex);
    int self = 0;
    if (mutex_word_is_owner(mutex)) {
        // Its word names the holder whatever the kind, so every kind is checked.
        self = runtime::current_tid();
        if (owner_word_holder(mutex) != self) return EPERM;
    } else if (holder_in_owner_field(mutex, kind)) {
        self = runtime::current_tid();
        if (mutex_owner(mutex).load(std::memory_order_relaxed) != self) return EPERM;
    }
    // A cancellation point, even for a wait that then returns at once (a
    // past deadline, a hand-off): the mutex is still held, nothing to undo.
    runtime::cancellation_point_begins();
    if (deadline) {
        if (!supported_clock(clock)) return EINVAL;
        // A deadline already past: time out without releasing the mutex at all
        // (the caller gets it back held, as POSIX requires, and no syscall).
        int error = check_deadline(deadline);
        if (error) return error;
    }

    // Broadcast requeues sleepers onto this mutex's word. Published by the
    // release of the fetch_or below. Not a process-shared mutex, or one
    // waited on through a process-shared condition variable: a requeue moves
    // sleepers between two words of one kind, private or shared, and the
    // mutex may lie at another address in another process. With no mutex
    // named, broadcast wakes every sleeper instead.
    // Nor an owner-word mutex: a priority-inheritance one's sleepers must be
    // queued by the kernel's FUTEX_LOCK_PI, never moved there as plain
    // waiters, and a robust one's word is not 0/1/2. Nor a ceiling mutex:
    // each waiter must raise itself before it takes it again.
    // Read now, while the object is certainly alive (sleep_while_unsignalled).
    bool process_private = cond_is_private(cond);
    bool requeue_onto_mutex = mutex_is_private(mutex) && process_private &&
                              !mutex_has_protocol(mutex);
    mutex_of(cond).store(requeue_onto_mutex ? mutex : nullptr, std::memory_order_relaxed);
    unsigned int seen =
        sequence_of(cond).fetch_or(may_sleep, std::memory_order_seq_cst) | may_sleep;
    // One-shot: only the wait right after a signal that found a waiter spins.
    runtime::current_thread_state& self_state = runtime::current_thread;
    bool handing_off = self_state.signalled_a_waiter && handoff_spin_can_pay();
    self_state.signalled_a_waiter = false;
    // Counted before the mutex is released: a thread that takes the mutex
    // after us, signals and destroys the object sees the count (the mutex's
    // release/acquire orders it) and waits for our last read.
    if (handing_off) watchers_of(cond).fetch_add(1, std::memory_order_relaxed);

    // Release the mutex completely (a recursive one at any depth), remembering
    // the depth to restore.
    unsigned int depth = mutex->count;
    if (mutex_word_is_owner(mutex)) {
        mutex->count = 0;  // the word is the owner: release_mutex_word frees it
    } else if (holder_in_owner_field(mutex, kind)) {
        mutex->count = 0;
        mutex_owner(mutex).store(0, std::memory_order_relaxed);
    }
    release_mutex_word(mutex);

    bool woken = false;
    if (handing_off) {
        woken = watch_for_wake(cond, seen, handoff_spin_ticks(self_state.handoff_misses));
        self_state.handoff_misses = woken ? 0 : self_state.handoff_misses + 1;
        // Release: our reads of the word come before destroy's acquire sees
        // the count drop. Not one access to the object after this.
        watchers_of(cond).fetch_sub(1, std::memory_order_release);
    }
    bool queued = false;
    mutex_to_relock held{mutex, kind, self, depth};
    cancelled_wait if_cancelled{cond, &held};
    runtime::cancellation_undo undo{undo_cancelled_wait, &if_cancelled};
    long result = woken ? 0
                        : sleep_while_unsignalled(cond, process_private, seen, clock, deadline,
                                                  queued, &undo);

    // Relock. A broadcast wakes one sleeper and moves the others onto the
    // mutex word, where they sleep without having marked it "contended"; only
    // an unlock that sees 2 wakes one of them. So every waiter that may have
    // been among them, and the one woken with them, takes the mutex as 2,
    // and its unlock wakes the next: a chain through all of them, one per
    // unlock. A waiter the kernel never queued (it watched, or its FUTEX_WAIT
    // found the word already changed) cannot be one of them, and takes the
    // ordinary fast path, so the unlock after it needs no syscall.
    int relock_error = relock(held, /*maybe_requeued=*/queued);
    if (relock_error) return relock_error;
    return result == -ETIMEDOUT ? ETIMEDOUT : 0;
}

}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_condattr_init(lwp_condattr_t* attr) {
    if (attr == nullptr) return EINVAL;
    *attr = lwp_condattr_t{CLOCK_REALTIME, LWP_PROCESS_PRIVATE};
    return 0;
}

int lwp_condattr_destroy(lwp_condattr_t* attr) { return attr ? 0 : EINVAL; }

int lwp_condattr_setclock(lwp_condattr_t* attr, lwp_clockid_t clock) {
    if (attr == nullptr || !supported_clock(clock)) return EINVAL;
    attr->clock = clock;
    return 0;
}

int lwp_condattr_getclock(const lwp_condattr_t* attr, lwp_clockid_t* clock) {
    if (attr == nullptr || clock == nullptr) return EINVAL;
    *clock = attr->clock;
    return 0;
}

int lwp_condattr_setpshared(lwp_condattr_t* attr, int pshared) {
    if (attr == nullptr) return EINVAL;
    if (pshared != LWP_PROCESS_PRIVATE && pshared != LWP_PROCESS_SHARED) return EINVAL;
    attr->shared = static_cast<unsigned short>(pshared);
    return 0;
}

int lwp_condattr_getpshared(const lwp_condattr_t* attr, int* pshared) {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = attr->shared;
    return 0;
}

int lwp_cond_init(lwp_cond_t* cond, const lwp_condattr_t* attr) {
    if (cond == nullptr) return EINVAL;
    *cond = lwp_cond_t LWP_COND_INITIALIZER;
    if (attr) {
        cond->clock = attr->clock;
        cond->shared = attr->shared;
    }
    return 0;
}

int lwp_cond_destroy(lwp_cond_t* cond) {
    if (cond == nullptr) return EINVAL;
    // A waiter woken while it watched the word may not have made its last
    // read yet; it does within its spin bound, unless it was preempted, so
    // spin a little and then give the CPU away. Acquire pairs with its
    // release: its reads are over when we see 0.
    std::atomic_ref<unsigned int> watchers = watchers_of(cond);
    for (int round = 0; watchers.load(std::memory_order_acquire) != 0; ++round) {
        if (round < spin_rounds) spin_once();
        else sys::sched_yield();
    }
    return 0;
}

int lwp_cond_wait(lwp_cond_t* cond, lwp_mutex_t* mutex) {
    return wait(cond, mutex, CLOCK_REALTIME, nullptr);
}

int lwp_cond_timedwait(lwp_cond_t* cond, lwp_mutex_t* mutex, const struct timespec* abstime) {
    if (cond == nullptr || abstime == nullptr) return EINVAL;
    return wait(cond, mutex, cond->clock, abstime);
}

int lwp_cond_clockwait(lwp_cond_t* cond, lwp_mutex_t* mutex, lwp_clockid_t clock,
                       const struct timespec* abstime) {
    if (!supported_clock(clock) || abstime == nullptr) return EINVAL;
    return wait(cond, mutex, clock, abstime);
}

int lwp_cond_signal(lwp_cond_t* cond) {
    if (cond == nullptr) return EINVAL;
    std::atomic_ref<unsigned int> sequence = sequence_of(cond);
    // Relaxed: a waiter that matters set the bit before releasing the mutex,
    // and the signaller acquired that mutex since (or POSIX promises nothing).
    if ((sequence.load(std::memory_order_relaxed) & may_sleep) == 0) return 0;
    bool process_private = cond_is_private(cond);
    // Our next wait, if it comes at once, is a hand-off (see the top).
    runtime::current_thread.signalled_a_waiter = true;
    unsigned int bumped = sequence.fetch_add(one_wake, std::memory_order_relaxed) + one_wake;
    if (sys::futex_wake(&cond->sequence, 1, process_private) > 0) return 0;

    // Nobody was asleep. Clear the bit so later signals cost nothing until
    // someone waits again. A waiter that read `bumped` may have gone to sleep
    // between our wake and this clear, on a value that no longer has the bit:
    // no signal would ever look for it, so wake all such stragglers now (they
    // see a spurious wake-up and wait again, setting the bit). Waiters arriving
    // after the clear set the bit themselves; the compare-exchange fails if
    // anyone changed the word, and then the bit simply stays set.
    if (sequence.compare_exchange_strong(bumped, bumped & ~may_sleep, std::memory_order_relaxed))
        sys::futex_wake(&cond->sequence, INT_MAX, process_private);
    return 0;
}

int lwp_cond_broadcast(lwp_cond_t* cond) {
    if (cond == nullptr) return EINVAL;
    std::atomic_ref<unsigned int> sequence = sequence_of(cond);
    bool process_private = cond_is_private(cond);
    unsigned int word = sequence.load(std::memory_order_relaxed);
    unsigned int next;
    do {
        // No sleeper, or a concurrent broadcast cleared the bit and will move
        // every sleeper that arrived before it: nothing left for us.
        if ((word & may_sleep) == 0) return 0;
        // Bump and clear in one step: every current sleeper gets moved below;
        // anyone arriving afterwards sets the bit again for later wakes.
        next = (word + one_wake) & ~may_sleep;
        // Acquire: pairs with the waiters' release, for the mutex pointer.
    } while (!sequence.compare_exchange_weak(word, next, std::memory_order_seq_cst,
                                             std::memory_order_relaxed));

    // Wake one sleeper and move the rest onto the mutex word, in one kernel
    // step, so that they are woken one per unlock instead of all rushing for
    // the mutex at once. The kernel does it only if the word still holds
    // `next`; if a new waiter changed it meanwhile (-EAGAIN), fall back to
    // waking everyone.
    //
    // Waking one here, rather than none and then marking the mutex word, is
    // what keeps broadcast from ever touching the mutex: the one woken takes
    // the mutex as "contended" (see relock in wait), so the unlock after it
    // wakes the next, and so on. Any write to the mutex from here would race
    // with that chain: a moved waiter woken by another thread's unlock could
    // return, and its program destroy and free the mutex, before the write.
    // The kernel takes the mutex's address only as a key, never reading it;
    // it moves waiters only if some are asleep, and they are blocked in a
    // wait that uses that mutex, so it still exists.
    lwp_mutex_t* mutex = mutex_of(cond).load(std::memory_order_relaxed);
    long moved = mutex ? sys::futex_cmp_requeue(&cond->sequence, 1, INT_MAX, &mutex->state,
                                                static_cast<int>(next), process_private)
                       : -EAGAIN;
    if (moved < 0) sys::futex_wake(&cond->sequence, INT_MAX, process_private);
    return 0;
}
}
