// Robust mutexes (LWP_MUTEX_ROBUST_FLAG), and the owner-word dispatch they
// share with priority-inheriting ones.
//
// A robust mutex's futex word is its owner field, in the kernel's
// robust-futex format: 0 free, the holder's tid, | FUTEX_WAITERS while
// someone sleeps (or may), | FUTEX_OWNER_DIED once the holder has died
// holding it. Each thread that has locked a robust mutex registers a list
// with the kernel (set_robust_list, once per thread, on its first robust
// lock), and links every robust mutex it holds into it. When the thread dies,
// however it dies (a return, lwp_exit, a signal that kills the process, an
// exec), the kernel walks the list: each word still naming the thread becomes
// FUTEX_OWNER_DIED (plus FUTEX_WAITERS if set) and one sleeper is woken. The
// next lock takes such a word and reports EOWNERDEAD; the mutex stays
// inconsistent until lwp_mutex_consistent, and an unlock before that makes it
// not recoverable for good.
//
// The kernel's own wake at a death is a shared futex wake, so every wait and
// wake on a robust word is shared (not FUTEX_PRIVATE_FLAG), private mutexes
// included: a private waiter would not hear it.
//
// A robust mutex may also inherit priority. Its word is then taken and handed
// over by FUTEX_LOCK_PI/UNLOCK_PI (mutex_pi.cpp), its link in the list is
// tagged (bit 0, the kernel's mark for a PI entry), and at a death the kernel
// marks the word and leaves the hand-over to its PI state, which wakes the
// top waiter: the new holder's word keeps FUTEX_OWNER_DIED.
#include <linux/futex.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>

#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "../thread/lifecycle.hpp"
#include "../thread/thread_descriptor.hpp"
#include "deadline.hpp"
#include "mutex_word.hpp"

namespace lwp::sync {
namespace {

// The kernel's struct robust_list_head, with the links as plain pointers:
// every link in the list is the address of the next entry's link (an entry
// is a mutex's robust_link[1], the head's own `next` acts as the first), with
// bit 0 set when that entry's mutex inherits priority; the list ends where a
// link points back at the head.
struct robust_list_head {
    void* next;
    long word_offset;   // from an entry to its futex word
    void* pending;      // the entry being locked or unlocked right now
};
static_assert(sizeof(robust_list_head) == sizeof(::robust_list_head), "kernel ABI");
static_assert(offsetof(robust_list_head, word_offset) == offsetof(::robust_list_head, futex_offset),
              "kernel ABI");
static_assert(offsetof(robust_list_head, pending) ==
                  offsetof(::robust_list_head, list_op_pending),
              "kernel ABI");

constexpr std::size_t entry_offset = offsetof(lwp_mutex_t, robust_link) + sizeof(void*);
constexpr long word_offset = static_cast<long>(offsetof(lwp_mutex_t, owner)) -
                             static_cast<long>(entry_offset);

void** entry_of(lwp_mutex_t* mutex) { return &mutex->robust_link[1]; }
lwp_mutex_t* mutex_of_entry(void* entry) {
    return reinterpret_cast<lwp_mutex_t*>(static_cast<char*>(entry) - entry_offset);
}

// A link to a mutex's entry, as the kernel reads it, and back.
constexpr std::uintptr_t pi_entry_tag = 1;
void* link_to(lwp_mutex_t* mutex) {
    auto entry = reinterpret_cast<std::uintptr_t>(entry_of(mutex));
    return reinterpret_cast<void*>(entry | (mutex_inherits_priority(mutex) ? pi_entry_tag : 0));
}
void* entry_at(void* link) {
    return reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(link) & ~pi_entry_tag);
}

// Per thread, in TLS: a new thread's copy starts zeroed (not registered), and
// TLS lies in the thread's own mapping, alive until the kernel has walked it.
thread_local robust_list_head this_thread_list;
// The kernel reads the list only when this thread dies, stopped wherever it
// was: program order is all that matters, so the compiler is kept from
// reordering the steps (no CPU fence is needed for our own thread).
inline void keep_order() { std::atomic_signal_fence(std::memory_order_seq_cst); }

// Returns the calling thread's list, registering it on first use; null when
// it cannot have one (ENOTSUP).
robust_list_head* this_thread_robust_list() {
    robust_list_head& list = this_thread_list;
    if (list.next != nullptr) return &list;
#ifndef LWP_FREESTANDING
    // In a glibc program, glibc has registered a list of its own for each of
    // its threads (main, std::thread: no lwp descriptor). Replacing it would
    // silently take robustness away from glibc's mutexes, so lwp refuses.
    // lwp's threads start with none (and whatever glibc's fork registers for
    // one in its child lies in the zeroed room above %fs: replaced freely).
    if (runtime::current_thread.descriptor == nullptr) return nullptr;
#endif
    list.next = &list.next;  // empty: the first link points back at the head
    list.word_offset = word_offset;
    list.pending = nullptr;
    if (sys::failed(sys::set_robust_list(&list, sizeof list))) {
        list.next = nullptr;  // a kernel without robust futexes (ENOSYS)
        return nullptr;
    }
    install_robust_exit_hook();  // before this thread can end holding one
    return &list;
}

// Links a mutex the thread has just taken in front of its list.
void link_held(robust_list_head& list, lwp_mutex_t* mutex) {
    void** entry = entry_of(mutex);
    void* first = list.next;
    *entry = first;
    mutex->robust_link[0] = &list.next;  // the link that points at this entry
    if (entry_at(first) != &list.next) mutex_of_entry(entry_at(first))->robust_link[0] = entry;
    keep_order();
    list.next = link_to(mutex);
}

// Unlinks a held mutex, from wherever it is in the list.
void unlink_held(robust_list_head& list, lwp_mutex_t* mutex) {
    void** entry = entry_of(mutex);
    void* next = *entry;
    auto* previous_link = static_cast<void**>(mutex->robust_link[0]);
    *previous_link = next;
    if (entry_at(next) != &list.next) mutex_of_entry(entry_at(next))->robust_link[0] = previous_link;
}

constexpr unsigned int consistent = 0;
constexpr unsigned int inconsistent = 1;
constexpr unsigned int not_recoverable = 2;

std::atomic_ref<unsigned int> consistency_of(lwp_mutex_t* mutex) {
    return std::atomic_ref<unsigned int>(mutex->consistency);
}

// Takes the word for `self`: 0, or EBUSY (try_only), ETIMEDOUT, EINVAL.
// `owner_died`: the word was taken from a holder that died holding it.
int take_robust_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline,
                     bool try_only, bool& owner_died) {
    std::atomic_ref<int> word = mutex_owner(mutex);
    // After a sleep others may still sleep too, and only an unlock that sees
    // FUTEX_WAITERS wakes one, so a thread that slept keeps the bit set.
    bool slept = false;
    bool timed_out = false;
    bool deadline_checked = false;
    int seen = word.load(std::memory_order_relaxed);
    for (;;) {
        if ((seen & FUTEX_TID_MASK) == 0) {
            // Free, or freed by a death (FUTEX_OWNER_DIED): ours for a
            // compare-exchange either way. Acquire: the last holder's writes
            // are visible to ours.
            int desired = self | (seen & FUTEX_WAITERS) | (slept ? FUTEX_WAITERS : 0);
            if (word.compare_exchange_weak(seen, desired, std::memory_order_acquire,
                                           std::memory_order_relaxed)) {
                owner_died = (seen & FUTEX_OWNER_DIED) != 0;
                return 0;
            }
            continue;
        }
        // A wait that timed out takes a word it finds free (above) rather
        // than give up, in case the wake it slept through was meant for it.
        if (timed_out) return ETIMEDOUT;
        if (try_only) return EBUSY;
        if (deadline && !deadline_checked) {
            // About to sleep: only now is the deadline judged, as POSIX allows.
            if (!supported_clock(clock)) return EINVAL;
            int error = check_deadline(deadline);
            if (error) return error;
            deadline_checked = true;
        }
        if ((seen & FUTEX_WAITERS) == 0 &&
            !word.compare_exchange_weak(seen, seen | FUTEX_WAITERS, std::memory_order_relaxed,
                                        std::memory_order_relaxed))
            continue;
        seen |= FUTEX_WAITERS;
        // Shared, as the kernel's wake at a death is (see the top).
        long result = deadline
            ? sys::futex_wait_until(&mutex->owner, seen, /*process_private=*/false, clock, deadline)
            : sys::futex_wait(&mutex->owner, seen, /*process_private=*/false);
        if (result == -ETIMEDOUT) timed_out = true;
        slept = true;
        seen = word.load(std::memory_order_relaxed);
    }
}

// The same for a robust mutex that inherits priority.
int take_inheriting_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline,
                         bool try_only, bool& owner_died) {
    std::atomic_ref<int> word = mutex_owner(mutex);
    if (try_only) {
        int seen = 0;
        if (!word.compare_exchange_strong(seen, self, std::memory_order_acquire,
                                          std::memory_order_relaxed)) {
            // Held, or freed by a death: only the kernel may take the latter.
            if ((seen & FUTEX_TID_MASK) != 0) return EBUSY;
            if (sys::futex_trylock_pi(&mutex->owner, mutex_is_private(mutex)) != 0) return EBUSY;
        }
    } else {
        int error = acquire_pi_word(mutex, self, clock, deadline);
        if (error) return error;
    }
    // The kernel keeps FUTEX_OWNER_DIED in the word it hands over; the mark
    // moves to `consistency`. Atomic: the kernel may set FUTEX_WAITERS now.
    owner_died = (word.load(std::memory_order_relaxed) & FUTEX_OWNER_DIED) != 0;
    if (owner_died) word.fetch_and(~FUTEX_OWNER_DIED, std::memory_order_relaxed);
    return 0;
}

// Frees the word (the caller holds it and has unlinked it), waking one
// sleeper, or all of them when the mutex has just become not recoverable.
void free_word(lwp_mutex_t* mutex, int self, bool wake_everyone) {
    // The kernel hands a priority-inheriting word to one sleeper at a time;
    // after a mutex becomes not recoverable, each passes it on.
    if (mutex_inherits_priority(mutex)) {
        release_pi_word(mutex, self);
        return;
    }
    // Release: the critical section's writes happen-before the next holder's
    // acquire. The exchange also drops FUTEX_WAITERS: the woken thread sets
    // it again when it takes the word.
    int previous = mutex_owner(mutex).exchange(0, std::memory_order_release);
    if (previous & FUTEX_WAITERS)
        sys::futex_wake(&mutex->owner, wake_everyone ? INT_MAX : 1, /*process_private=*/false);
}

// Unlinks a held mutex and frees its word, with the entry pending meanwhile:
// a death between the two steps still reaches the kernel through it.
void give_back(robust_list_head& list, lwp_mutex_t* mutex, int self, bool wake_everyone) {
    list.pending = link_to(mutex);
    keep_order();
    unlink_held(list, mutex);
    keep_order();
    free_word(mutex, self, wake_everyone);
    keep_order();
    list.pending = nullptr;
}

int acquire_robust_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline,
                        bool try_only) {
    robust_list_head* list = this_thread_robust_list();
    if (list == nullptr) return ENOTSUP;
    // Pending first: a death between taking the word and linking the entry
    // still reaches the kernel through it.
    list->pending = link_to(mutex);
    keep_order();
    bool owner_died = false;
    int error = mutex_inherits_priority(mutex)
        ? take_inheriting_word(mutex, self, clock, deadline, try_only, owner_died)
        : take_robust_word(mutex, self, clock, deadline, try_only, owner_died);
    if (error == 0) link_held(*list, mutex);
    keep_order();
    list->pending = nullptr;
    if (error) return error;

    if (consistency_of(mutex).load(std::memory_order_relaxed) == not_recoverable) {
        // Unlocked inconsistent by someone: nobody may hold it again. Give it
        // back, waking the next sleeper to be told the same.
        give_back(*list, mutex, self, /*wake_everyone=*/true);
        return ENOTRECOVERABLE;
    }
    if (owner_died) {
        consistency_of(mutex).store(inconsistent, std::memory_order_relaxed);
        return EOWNERDEAD;
    }
    return 0;
}

void release_robust_word(lwp_mutex_t* mutex, int self) {
    robust_list_head& list = this_thread_list;  // registered: the caller holds a robust mutex
    // Unlocked while inconsistent: it can never be trusted again.
    bool ends_it = consistency_of(mutex).load(std::memory_order_relaxed) == inconsistent;
    if (ends_it) consistency_of(mutex).store(not_recoverable, std::memory_order_relaxed);
    give_back(list, mutex, self, ends_it);
}

// At the thread's end, before its memory may go: a detached thread whose
// stack leaves with it (the cache is full, or the stack was the caller's)
// unmaps or gives back its list before the kernel would walk it. So lwp
// marks what the thread still holds itself, as the kernel would, and leaves
// the kernel an empty list.
void release_list_at_exit() {
    robust_list_head& list = this_thread_list;
    if (list.next == nullptr) return;
    const int self = runtime::current_tid();
    while (entry_at(list.next) != &list.next) {
        void* link = list.next;
        lwp_mutex_t* mutex = mutex_of_entry(entry_at(link));
        list.pending = link;
        keep_order();
        unlink_held(list, mutex);  // the first entry
        keep_order();
        std::atomic_ref<int> word = mutex_owner(mutex);
        int seen = word.load(std::memory_order_relaxed);
        // The kernel's marking: the tid goes, FUTEX_WAITERS stays. A
        // priority-inheriting word's sleepers are the kernel's to wake: its
        // PI state still names this thread, and hands the word to the top
        // sleeper when the thread is gone (keeping FUTEX_OWNER_DIED).
        while ((seen & FUTEX_TID_MASK) == self &&
               !word.compare_exchange_weak(seen, (seen & FUTEX_WAITERS) | FUTEX_OWNER_DIED,
                                           std::memory_order_release, std::memory_order_relaxed)) {
        }
        if ((seen & FUTEX_TID_MASK) == self && (seen & FUTEX_WAITERS) &&
            !mutex_inherits_priority(mutex))
            sys::futex_wake(&mutex->owner, 1, /*process_private=*/false);
        keep_order();
        list.pending = nullptr;
    }
    // Unregistered too: the memory may be unmapped and mapped again by
    // someone else before the thread's exit, and the kernel would then walk
    // whatever lies there. (The kernel accepts a null head.)
    sys::set_robust_list(nullptr, sizeof list);
    list.next = nullptr;
}

// Chained after whatever else runs in finish_thread's thread_local hook
// (thread_local destructors, in a freestanding program that has them), by
// install_robust_exit_hook.
void (*ends_of_thread_before_robust)() = nullptr;

void destructors_then_robust_list() {
    if (ends_of_thread_before_robust) ends_of_thread_before_robust();
    // finish_thread runs thread-specific-data destructors after this hook,
    // and they may lock robust mutexes too; so they run here, first (they
    // run once: the later call finds nothing left), and what they leave held
    // is marked with the rest. Only lwp threads have them run.
    auto* specific_data_destructors =
        __atomic_load_n(&runtime::specific_data_destructors, __ATOMIC_ACQUIRE);
    runtime::thread_descriptor* descriptor = runtime::current_thread.descriptor;
    if (specific_data_destructors && descriptor) specific_data_destructors(descriptor);
    release_list_at_exit();
}

runtime::internal_lock exit_hook_lock;
bool exit_hook_installed = false;  // guarded by exit_hook_lock

}  // namespace

void install_robust_exit_hook() {
    runtime::internal_lock_guard guard(exit_hook_lock);
    if (exit_hook_installed) return;
    exit_hook_installed = true;
    ends_of_thread_before_robust = runtime::thread_local_destructors;
    // Read without a lock by every ending thread; an atomic store keeps that
    // read well-defined (as for specific_data_destructors).
    __atomic_store_n(&runtime::thread_local_destructors, &destructors_then_robust_list,
                     __ATOMIC_RELEASE);
}

int acquire_owner_word(lwp_mutex_t* mutex, int self, clockid_t clock, const timespec* deadline,
                       bool try_only) {
    if (mutex_is_robust(mutex))
        return acquire_robust_word(mutex, self, clock, deadline, try_only);
    if (try_only) {
        // Free or not, no syscall: a held word stays the holder's.
        int expected = 0;
        return mutex_owner(mutex).compare_exchange_strong(expected, self,
                                                          std::memory_order_acquire,
                                                          std::memory_order_relaxed)
            ? 0
            : EBUSY;
    }
    return acquire_pi_word(mutex, self, clock, deadline);
}

void release_owner_word(lwp_mutex_t* mutex, int self) {
    if (mutex_is_robust(mutex))
        release_robust_word(mutex, self);
    else
        release_pi_word(mutex, self);
}

}  // namespace lwp::sync

namespace lwp::runtime {

// In a forked child the kernel has forgotten the forking thread's list, and
// the mutexes on it are the parent thread's (their words name its tid): the
// child's thread starts a fresh, empty list at the same address.
void robust_list_around_fork(fork_phase phase) {
    if (phase != fork_phase::child) return;
    // Another thread may have held it, for good in the child.
    sync::exit_hook_lock = internal_lock{};
    sync::robust_list_head& list = sync::this_thread_list;
    if (list.next == nullptr) return;
    list.next = &list.next;
    list.pending = nullptr;
    if (sys::failed(sys::set_robust_list(&list, sizeof list))) list.next = nullptr;
}

}  // namespace lwp::runtime

extern "C" int lwp_mutex_consistent(lwp_mutex_t* mutex) {
    using namespace lwp::sync;
    if (mutex == nullptr || !mutex_is_robust(mutex)) return EINVAL;
    if (owner_word_holder(mutex) != lwp::runtime::current_tid()) return EINVAL;
    unsigned int expected = inconsistent;
    return consistency_of(mutex).compare_exchange_strong(expected, consistent,
                                                         std::memory_order_relaxed)
        ? 0
        : EINVAL;
}
