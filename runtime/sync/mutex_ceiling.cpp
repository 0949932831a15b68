// Priority-ceiling mutexes (LWP_MUTEX_PRIO_PROTECT_FLAG, POSIX's
// PTHREAD_PRIO_PROTECT), and the per-thread bookkeeping they need.
//
// Each such mutex has a ceiling, a SCHED_FIFO priority. A thread that takes
// one runs at the highest ceiling among those it holds, or at its own
// priority if that is higher, until it releases them: no thread at or below
// the ceiling can then preempt a holder, so none can be stuck behind a holder
// that does not run (priority inversion), and no waiter needs to be known,
// unlike priority inheritance where the kernel boosts on each wait.
//
// The kernel knows nothing of ceilings; lwp changes the thread's scheduling
// itself with sched_setscheduler: before taking the word (so the holder never
// runs below the ceiling), and after freeing it. Only changes of the highest
// ceiling cost a syscall; taking a mutex with a lower ceiling than one
// already held costs none.
//
// The word is `state`, in glibc's layout: the ceiling in bits 19 and up, the
// plain 0/1/2 lock (mutex_word.hpp) in the bits below. A ceiling is at least
// 1, so the word is never 0 and the ordinary lock's first compare-exchange
// fails on it, sending every lock here. A waiter sleeps on the whole word, so
// a ceiling changed meanwhile (lwp_mutex_setprioceiling) wakes it with a
// different value: it drops its raise and starts again at the new ceiling.
#include <sched.h>

#include <atomic>
#include <cerrno>
#include <climits>

#include "../../arch/x86_64/clone.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/create.hpp"
#include "../thread/thread_descriptor.hpp"
#include "base_scheduling.hpp"
#include "deadline.hpp"
#include "mutex_word.hpp"

namespace lwp::sync {
namespace {

using runtime::priority_protection;

constexpr int ceiling_shift = 19;
constexpr int lock_bits_mask = (1 << ceiling_shift) - 1;

int ceiling_in(int word) { return word >> ceiling_shift; }
int lock_bits(int word) { return word & lock_bits_mask; }
int free_word_at(int ceiling) { return ceiling << ceiling_shift; }

// take_word_at's answer when the ceiling changed under it: start again.
constexpr int ceiling_changed = -1;

// The SCHED_FIFO range (1..99 on Linux): what a ceiling may be.
bool valid_ceiling(int ceiling) {
    long lowest = sys::sched_get_priority_min(SCHED_FIFO);
    long highest = sys::sched_get_priority_max(SCHED_FIFO);
    return !sys::failed(lowest) && !sys::failed(highest) && ceiling >= lowest &&
           ceiling <= highest;
}

#ifndef LWP_FREESTANDING
// A thread lwp did not create (main or std::thread in a glibc program) has no
// descriptor; its record lives in lwp's TLS instead. Nothing outside the
// thread reads it: the pthread calls that would are glibc's there.
thread_local priority_protection foreign_thread_ceilings;
#endif

priority_protection& own_ceilings() {
    runtime::thread_descriptor* descriptor = runtime::current_thread.descriptor;
#ifndef LWP_FREESTANDING
    if (descriptor == nullptr) return foreign_thread_ceilings;
#endif
    return descriptor->ceilings;
}

bool is_realtime(int policy) {
    policy &= ~SCHED_RESET_ON_FORK;
    return policy == SCHED_FIFO || policy == SCHED_RR;
}

struct scheduling {
    int policy;
    int priority;
    bool operator==(const scheduling&) const = default;
};

// What the kernel runs the thread at when `demanded` is its highest ceiling.
scheduling raised_scheduling(const priority_protection& record, int demanded) {
    if (demanded <= 0) return {record.base_policy, record.base_priority};
    if (is_realtime(record.base_policy))
        return {record.base_policy,
                record.base_priority > demanded ? record.base_priority : demanded};
    // A time-sharing thread (SCHED_OTHER, _BATCH, _IDLE) has no priority to
    // raise within its policy, and every real-time priority is above all of
    // them: it runs SCHED_FIFO at the ceiling, as the kernel itself moves a
    // time-sharing holder into the real-time class when it lends it a
    // waiter's priority.
    return {SCHED_FIFO | (record.base_policy & SCHED_RESET_ON_FORK), demanded};
}

// A thread not raised by any ceiling is the kernel's to judge and change.
int set_unraised(int tid, int policy, const sched_param& parameter) {
    long result = policy == keep_policy ? sys::sched_setparam(tid, &parameter)
                                        : sys::sched_setscheduler(tid, policy, &parameter);
    return sys::failed(result) ? static_cast<int>(-result) : 0;
}

long apply(int tid, scheduling wanted) {
    sched_param parameter{};
    parameter.sched_priority = wanted.priority;
    return sys::sched_setscheduler(tid, wanted.policy, &parameter);
}

// What the kernel runs the thread at now. 0 or -errno.
long kernel_scheduling(int tid, scheduling& now) {
    long policy = sys::sched_getscheduler(tid);
    if (sys::failed(policy)) return policy;
    sched_param parameter{};
    long result = sys::sched_getparam(tid, &parameter);
    if (sys::failed(result)) return result;
    now = {static_cast<int>(policy), parameter.sched_priority};
    return 0;
}

// Moves the thread from record.demanded to `demanded`, with a syscall only if
// that changes what the kernel runs it at. The caller holds record.guard and
// base_* are known. 0, or -errno with nothing changed.
long change_demand(priority_protection& record, int tid, int demanded) {
    if (demanded == record.demanded) return 0;
    scheduling now = raised_scheduling(record, record.demanded);
    scheduling wanted = raised_scheduling(record, demanded);
    if (!(now == wanted)) {
        long result = apply(tid, wanted);
        if (sys::failed(result)) return result;
    }
    record.demanded = demanded;
    return 0;
}

lwp_mutex_t*& next_held(lwp_mutex_t* mutex) {
    return reinterpret_cast<lwp_mutex_t*&>(mutex->robust_link[1]);
}

// The highest ceiling of the mutexes the thread holds (0: none). Atomic
// loads: a waiter may be turning a held word's lock bits from 1 to 2; the
// ceiling bits of a held word only its holder changes.
int highest_held_ceiling(const priority_protection& record) {
    int highest = 0;
    for (lwp_mutex_t* mutex = record.held; mutex != nullptr; mutex = next_held(mutex)) {
        int ceiling = ceiling_in(mutex_word(mutex).load(std::memory_order_relaxed));
        if (ceiling > highest) highest = ceiling;
    }
    return highest;
}

// Raises the thread for a mutex it is about to take. 0; EINVAL, its own
// priority is above the ceiling; or sched_setscheduler's error.
int raise_for(priority_protection& record, int tid, int ceiling) {
    runtime::internal_lock_guard hold(record.guard);
    if (record.demanded == 0) {
        // Going from no ceiling to one: the kernel's values are the base.
        scheduling base{};
        long result = kernel_scheduling(tid, base);
        if (sys::failed(result)) return static_cast<int>(-result);
        record.base_policy = base.policy;
        record.base_priority = base.priority;
    }
    // POSIX's one error for the protocol: a thread may not take a mutex whose
    // ceiling is below its own priority (its base one; raises do not count).
    if (is_realtime(record.base_policy) && record.base_priority > ceiling) return EINVAL;
    long result = change_demand(record, tid, ceiling > record.demanded ? ceiling : record.demanded);
    return sys::failed(result) ? static_cast<int>(-result) : 0;
}

// Brings the thread down (or up, after a held mutex's ceiling changed) to
// what the mutexes it holds ask for. Lowering a priority needs no privilege,
// so an error here means the thread is already gone, or its scheduling was
// changed behind lwp's back to something it cannot leave; either way it is
// left as it is.
void settle_to_held(priority_protection& record, int tid) {
    int demanded = highest_held_ceiling(record);
    runtime::internal_lock_guard hold(record.guard);
    change_demand(record, tid, demanded);
}

void remember_held(priority_protection& record, lwp_mutex_t* mutex) {
    next_held(mutex) = record.held;
    record.held = mutex;
}

void forget_held(priority_protection& record, lwp_mutex_t* mutex) {
    for (lwp_mutex_t** link = &record.held; *link != nullptr; link = &next_held(*link)) {
        if (*link == mutex) {
            *link = next_held(mutex);
            return;
        }
    }
}

// Takes the word while its ceiling is still `ceiling`: the plain 0/1/2
// protocol over the ceiling bits. 0, EBUSY (try_only), ETIMEDOUT/EINVAL (a
// deadline), or ceiling_changed.
int take_word_at(lwp_mutex_t* mutex, int ceiling, clockid_t clock, const timespec* deadline,
                 bool try_only) {
    std::atomic_ref<int> word = mutex_word(mutex);
    const int free_word = free_word_at(ceiling);
    int seen = free_word;
    // Acquire: the previous holder's writes are visible to ours.
    if (word.compare_exchange_strong(seen, free_word | mutex_locked, std::memory_order_acquire,
                                     std::memory_order_relaxed))
        return 0;
    if (ceiling_in(seen) != ceiling) return ceiling_changed;
    if (try_only) return EBUSY;
    if (int error = check_wait_deadline(clock, deadline)) return error;
    const bool process_private = mutex_is_private(mutex);
    for (;;) {
        // Mark it contended (taking it if it was free meanwhile), as the
        // plain protocol's exchange does, but never over another ceiling.
        do {
            if (ceiling_in(seen) != ceiling) return ceiling_changed;
        } while (!word.compare_exchange_weak(seen, free_word | mutex_contended,
                                             std::memory_order_acquire,
                                             std::memory_order_relaxed));
        if (lock_bits(seen) == mutex_free) return 0;
        // The kernel sleeps only while the word is still exactly this value,
        // so neither an unlock nor a ceiling change is missed.
        long result =
            deadline ? sys::futex_wait_until(&mutex->state, free_word | mutex_contended,
                                             process_private, clock, deadline)
                     : sys::futex_wait(&mutex->state, free_word | mutex_contended, process_private);
        if (result == -ETIMEDOUT) return ETIMEDOUT;
        seen = word.load(std::memory_order_relaxed);
    }
}

// Wakes every sleeper on a word whose ceiling just changed: each slept on the
// old value, and must raise itself again for the new ceiling. (Also after a
// change that freed the word with its contended mark: the sleepers are
// woken, and those that sleep again mark it anew.)
void wake_all_for_new_ceiling(lwp_mutex_t* mutex) {
    sys::futex_wake(&mutex->state, INT_MAX, mutex_is_private(mutex));
}

}  // namespace

int acquire_ceiling_word(lwp_mutex_t* mutex, clockid_t clock, const timespec* deadline,
                         bool try_only, bool relock) {
    const int self = runtime::current_tid();
    priority_protection& record = own_ceilings();
    for (;;) {
        const int ceiling = ceiling_in(mutex_word(mutex).load(std::memory_order_relaxed));
        const int raise_error = raise_for(record, self, ceiling);
        if (raise_error != 0 && !relock) return raise_error;
        const int error = take_word_at(mutex, ceiling, clock, deadline, try_only);
        if (error == 0) {
            remember_held(record, mutex);
            return raise_error;
        }
        settle_to_held(record, self);
        if (error != ceiling_changed) return error;
    }
}

int release_ceiling_word(lwp_mutex_t* mutex) {
    priority_protection& record = own_ceilings();
    // Out of the list before the word is freed: the next holder links the
    // mutex into its own. The sharing flag is read now too, since the next
    // holder may destroy the mutex once it is free.
    forget_held(record, mutex);
    const bool process_private = mutex_is_private(mutex);
    // Release: the critical section's writes happen-before the next holder's
    // acquire. The ceiling bits stay; a sleeper may have just set the lock
    // bits to 2, hence an atomic and rather than a plain store.
    int previous = mutex_word(mutex).fetch_and(~lock_bits_mask, std::memory_order_release);
    if (lock_bits(previous) == mutex_contended)
        sys::futex_wake(&mutex->state, 1, process_private);
    // Lowered only once the word is free: until then, the holder must not
    // run below the ceiling.
    settle_to_held(record, runtime::current_tid());
    return lock_bits(previous);
}

void set_initial_ceiling(lwp_mutex_t* mutex, int attr_ceiling) {
    int ceiling = attr_ceiling;
    if (ceiling == 0) {
        long lowest = sys::sched_get_priority_min(SCHED_FIFO);
        ceiling = sys::failed(lowest) ? 1 : static_cast<int>(lowest);
    }
    mutex->state = free_word_at(ceiling);
}

namespace {

// The entry of a thread whose creator was raised (hand_down_base_scheduling):
// it drops to its creator's base before any of its own code runs. Under the
// guard, since pthread_setschedparam may already have given it another base
// (applied at once, so the drop then repeats it). Lowering a scheduling needs
// no privilege; should the kernel refuse anyway, the thread runs as it is.
void* start_at_base(void* argument) {
    priority_protection& record = static_cast<runtime::thread_descriptor*>(argument)->ceilings;
    {
        runtime::internal_lock_guard hold(record.guard);
        if (record.demanded == runtime::starts_at_creator_base) {
            apply(0, {record.base_policy, record.base_priority});
            record.demanded = 0;
        }
    }
    runtime::thread_entry(argument);
}

}  // namespace

}  // namespace lwp::sync

namespace lwp::runtime {

void hand_down_base_scheduling(prepared_thread& prepared) {
    priority_protection& creator = sync::own_ceilings();
    internal_lock_guard hold(creator.guard);
    // Not raised: the child has the creator's own scheduling already.
    if (creator.demanded == 0) return;
    priority_protection& child = prepared.descriptor->ceilings;
    child.base_policy = creator.base_policy;
    child.base_priority = creator.base_priority;
    if (creator.base_policy & SCHED_RESET_ON_FORK) {
        // What clone gives the child of an unraised creator with the flag:
        // a real-time policy becomes SCHED_OTHER, a time-sharing one stays,
        // and the flag itself is not inherited.
        child.base_policy = sync::is_realtime(creator.base_policy)
                                ? SCHED_OTHER
                                : creator.base_policy & ~SCHED_RESET_ON_FORK;
        child.base_priority = 0;
    }
    child.demanded = starts_at_creator_base;
    static_cast<arch::start_frame*>(prepared.start_frame)->entry = sync::start_at_base;
}

}  // namespace lwp::runtime

namespace lwp::sync {

int get_base_scheduling(runtime::thread_descriptor* thread, int tid, int& policy,
                        sched_param& parameter) {
    scheduling reported{};
    bool raised = false;
    if (thread != nullptr) {
        priority_protection& record = thread->ceilings;
        runtime::internal_lock_guard hold(record.guard);
        raised = record.demanded != 0;
        if (raised) reported = {record.base_policy, record.base_priority};
    }
    if (!raised) {
        long result = kernel_scheduling(tid, reported);
        if (sys::failed(result)) return static_cast<int>(-result);
    }
    policy = reported.policy;
    parameter = sched_param{};
    parameter.sched_priority = reported.priority;
    return 0;
}

namespace {

// A new base for a raised thread (record.guard held): the kernel will judge
// only the raised values, so the base is judged here as it would have judged
// it, then the raise is applied over it.
int change_base(priority_protection& record, int tid, int policy, int priority) {
    if (policy == keep_policy) policy = record.base_policy;
    int plain = policy & ~SCHED_RESET_ON_FORK;
    if (plain != SCHED_OTHER && plain != SCHED_BATCH && plain != SCHED_IDLE &&
        plain != SCHED_FIFO && plain != SCHED_RR)
        return EINVAL;
    if (priority < sys::sched_get_priority_min(plain) || priority > sys::sched_get_priority_max(plain))
        return EINVAL;
    const scheduling old_base{record.base_policy, record.base_priority};
    const scheduling now = raised_scheduling(record, record.demanded);
    record.base_policy = policy;
    record.base_priority = priority;
    const scheduling wanted = raised_scheduling(record, record.demanded);
    long result = now == wanted ? 0 : apply(tid, wanted);
    if (!sys::failed(result)) return 0;
    record.base_policy = old_base.policy;
    record.base_priority = old_base.priority;
    return static_cast<int>(-result);
}

}  // namespace

int set_base_scheduling(runtime::thread_descriptor* thread, int tid, int policy,
                        const sched_param& parameter) {
    if (thread == nullptr) return set_unraised(tid, policy, parameter);
    priority_protection& record = thread->ceilings;
    // Held throughout, so the thread cannot learn a base this call is
    // replacing, nor this call miss a raise the thread is making.
    runtime::internal_lock_guard hold(record.guard);
    if (record.demanded == 0) return set_unraised(tid, policy, parameter);
    return change_base(record, tid, policy, parameter.sched_priority);
}

}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_mutexattr_setprioceiling(lwp_mutexattr_t* attr, int ceiling) {
    if (attr == nullptr || !valid_ceiling(ceiling)) return EINVAL;
    attr->ceiling = static_cast<unsigned char>(ceiling);
    return 0;
}

int lwp_mutexattr_getprioceiling(const lwp_mutexattr_t* attr, int* ceiling) {
    if (attr == nullptr || ceiling == nullptr) return EINVAL;
    if (attr->ceiling != 0) {
        *ceiling = attr->ceiling;
        return 0;
    }
    long lowest = sys::sched_get_priority_min(SCHED_FIFO);
    if (sys::failed(lowest)) return static_cast<int>(-lowest);
    *ceiling = static_cast<int>(lowest);
    return 0;
}

int lwp_mutex_getprioceiling(const lwp_mutex_t* mutex, int* ceiling) {
    if (mutex == nullptr || ceiling == nullptr || !mutex_protects_priority(mutex)) return EINVAL;
    *ceiling = ceiling_in(std::atomic_ref<const int>(mutex->state).load(std::memory_order_relaxed));
    return 0;
}

int lwp_mutex_setprioceiling(lwp_mutex_t* mutex, int ceiling, int* old_ceiling) {
    if (mutex == nullptr || !mutex_protects_priority(mutex) || !valid_ceiling(ceiling))
        return EINVAL;
    std::atomic_ref<int> word = mutex_word(mutex);
    const int self = runtime::current_tid();
    int previous;
    if (mutex_owner(mutex).load(std::memory_order_relaxed) == self) {
        // The caller holds it: changed in place, keeping the lock bits a
        // sleeper may be changing, and the caller moves to what its mutexes
        // now ask for.
        previous = word.load(std::memory_order_relaxed);
        while (!word.compare_exchange_weak(previous, free_word_at(ceiling) | lock_bits(previous),
                                           std::memory_order_relaxed)) {
        }
        settle_to_held(own_ceilings(), self);
        if (lock_bits(previous) == mutex_contended && ceiling_in(previous) != ceiling)
            wake_all_for_new_ceiling(mutex);
    } else {
        // Taken first, without the protocol (POSIX allows that here: this
        // thread runs no critical section), so no holder's ceiling changes
        // under it; then freed at the new ceiling in one exchange.
        int error;
        do {
            int seen_ceiling = ceiling_in(word.load(std::memory_order_relaxed));
            error = take_word_at(mutex, seen_ceiling, CLOCK_REALTIME, nullptr, false);
        } while (error == ceiling_changed);
        previous = word.exchange(free_word_at(ceiling), std::memory_order_release);
        if (lock_bits(previous) == mutex_contended) wake_all_for_new_ceiling(mutex);
    }
    if (old_ceiling != nullptr) *old_ceiling = ceiling_in(previous);
    return 0;
}
}
