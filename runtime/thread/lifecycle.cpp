#include "lifecycle.hpp"

#include <atomic>
#include <cerrno>

#include "../../arch/x86_64/cancellation_bits.h"
#include "../../arch/x86_64/clone.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "cancellation_point.hpp"
#include "fork_hooks.hpp"
#include "handle_table.hpp"
#include "stack_cache.hpp"

namespace lwp::runtime {

void (*specific_data_destructors)(thread_descriptor* descriptor) = nullptr;
void (*thread_local_destructors)() = nullptr;
void (*last_thread_finished)() = nullptr;

namespace {

std::atomic<long> live_threads{1};  // see count_thread_in in lifecycle.hpp

// Counts the calling thread out; at 0 it was the last, and the process ends
// through the hook. Acq_rel: the last thread sees everything the others did
// before they finished, and runs the process's exit work after all of it.
void count_thread_out() {
    if (live_threads.fetch_sub(1, std::memory_order_acq_rel) == 1 && last_thread_finished)
        last_thread_finished();
}

// A detached thread giving back everything it owns while still running on it.
[[noreturn]] void release_self(thread_descriptor* descriptor) {
    if (descriptor->mapping_base == nullptr) {
        release_slot(descriptor->handle);
        // Caller-supplied stack (or the main thread's): its owner may reuse
        // the memory as soon as it believes we are done, so the kernel must
        // not write our tid word there after we exit.
        sys::set_tid_address(nullptr);
        sys::exit_thread(0);
    }
    // Cached: the kernel's clear of the tid word at exit is what makes the
    // entry reusable, so exit normally with the word armed. The handle goes
    // stale only after the mapping's fate is settled, so whoever sees ESRCH
    // also sees the mapping in the cache (or on its way out below).
    bool cached = offer_cached_mapping(descriptor);
    release_slot(descriptor->handle);
    if (cached) sys::exit_thread(0);

    // The cache is full: unmap our own stack. No signal handler may run from
    // here on (it would run on a stack that is gone), and the kernel must not
    // write the tid word after the unmap (the page may be someone else's by
    // then).
    unsigned long all_signals = ~0UL;
    sys::sigprocmask(SIG_BLOCK, &all_signals, nullptr);
    sys::set_tid_address(nullptr);
    lwp_arch_unmap_and_exit(descriptor->mapping_base, descriptor->mapping_size);
}

// Reads a slot's word for a compare-and-swap by join or detach, and returns
// the thread's descriptor; null when the handle is stale (the generation
// moved on) or the slot never held a thread. A descriptor read here is the
// thread's if the caller's compare-and-swap then succeeds on `observed`: a
// release in between would have moved the generation on.
thread_descriptor* current_state(thread_slot* slot, lwp_t handle, std::uint64_t& observed) {
    observed = slot->word.load(std::memory_order_acquire);
    if (generation_of(observed) != handle_generation(handle)) return nullptr;
    return slot->descriptor.load(std::memory_order_relaxed);
}

// The end of a join, or of a detach that found the thread already finished:
// once the kernel says the thread is gone, hand out its result and give back
// its handle and mapping.
void reap(lwp_t thread, thread_descriptor* descriptor, void** result) {
    wait_until_gone(descriptor);
    if (result) *result = descriptor->result;
    release_slot(thread);
    recycle_mapping(descriptor);
}

// A joiner cancelled while it waits gives its claim back, so the thread can
// still be joined (or detached) by someone else.
void drop_join_claim(void* slot) {
    static_cast<thread_slot*>(slot)->word.fetch_and(~std::uint64_t{lifecycle::claimed},
                                                    std::memory_order_relaxed);
}

}  // namespace

void (*join_wait)(lwp_t thread, thread_descriptor* descriptor) = nullptr;

void join_wait_cancellable(lwp_t thread, thread_descriptor* descriptor) {
    cancellation_undo undo{drop_join_claim, find_slot(thread)};
    cancellation_point_begins(&undo);  // even if the thread has already ended
    for (;;) {
        // Acquire, as in wait_until_gone.
        int tid = descriptor->tid_word.load(std::memory_order_acquire);
        if (tid == 0) return;
        cancellation_point_futex_wait(&undo, &descriptor->tid_word, tid,
                                      /*process_private=*/false, CLOCK_MONOTONIC, nullptr);
    }
}

// Relaxed is enough for the increment: clone orders it before anything the
// new thread does, including its own decrement.
void count_thread_in() { live_threads.fetch_add(1, std::memory_order_relaxed); }
void uncount_thread() { live_threads.fetch_sub(1, std::memory_order_relaxed); }

// The child of fork has one thread; the others' counts came along in the
// copy of memory, but the threads did not.
void forget_other_threads_after_fork() { live_threads.store(1, std::memory_order_relaxed); }

void reclaim_other_threads_after_fork() {
    release_slots_after_fork(current_handle(), adopt_mapping_after_fork);
}

void finish_thread(thread_descriptor* descriptor, void* result) {
    // No cancellation acts from here on (runtime/posix/pthread_cancel.cpp):
    // destructors may use cancellation points with a request pending.
    // Unconditional: a test for whether cancellation is linked would save
    // one locked instruction per thread, beside a clone and an exit, and
    // costs 16 bytes the smallest programs' size budget has not got.
    descriptor->cancel_word.fetch_or(LWP_CANCEL_EXITING, std::memory_order_relaxed);
    // thread_local destructors first, as glibc runs them: they may still use
    // the thread's keyed values (a library's per-thread state), and a value
    // one of them sets again is destroyed, and its storage unmapped, with the
    // rest.
    if (thread_local_destructors) thread_local_destructors();
    if (specific_data_destructors) specific_data_destructors(descriptor);
    count_thread_out();
    descriptor->result = result;

    // One atomic step decides who releases the thread: if it was already
    // detached, we do; otherwise a later join (or detach) does. Acq_rel: the
    // result is published to that releaser, and we see a detacher's writes.
    thread_slot* slot = find_slot(descriptor->handle);
    std::uint64_t previous = slot->word.fetch_or(lifecycle::exited, std::memory_order_acq_rel);
    if (state_of(previous) & lifecycle::detached) release_self(descriptor);
    sys::exit_thread(0);
}

}  // namespace lwp::runtime

using namespace lwp::runtime;

extern "C" {

int lwp_join(lwp_t thread, void** result) {
    if (thread == current_handle()) return EDEADLK;
    thread_slot* slot = find_slot(thread);
    if (slot == nullptr) return ESRCH;
    std::uint64_t word;
    thread_descriptor* descriptor;
    for (;;) {
        descriptor = current_state(slot, thread, word);
        if (descriptor == nullptr) return ESRCH;
        std::uint32_t state = state_of(word);
        if (state & (lifecycle::detached | lifecycle::claimed)) return EINVAL;
        // Claim the join; a concurrent second join or detach now gets EINVAL.
        if (slot->word.compare_exchange_weak(word, word | lifecycle::claimed,
                                             std::memory_order_acquire))
            break;
    }
    // Reap's own wait, when this one is not installed, is not a cancellation
    // point; after this one it finds the thread gone at once.
    if (join_wait) join_wait(thread, descriptor);
    reap(thread, descriptor, result);
    return 0;
}

int lwp_detach(lwp_t thread) {
    thread_slot* slot = find_slot(thread);
    if (slot == nullptr) return ESRCH;
    std::uint64_t word;
    for (;;) {
        thread_descriptor* descriptor = current_state(slot, thread, word);
        if (descriptor == nullptr) return ESRCH;
        std::uint32_t state = state_of(word);
        if (state & (lifecycle::detached | lifecycle::claimed)) return EINVAL;
        if (state & lifecycle::exited) {
            // It finished first, so nobody else will release it: we do, once
            // the kernel says it is gone.
            if (!slot->word.compare_exchange_weak(word, word | lifecycle::claimed,
                                                  std::memory_order_acquire))
                continue;
            reap(thread, descriptor, nullptr);
            return 0;
        }
        // Still running: from now on it releases itself at exit (finish_thread).
        if (slot->word.compare_exchange_weak(word, word | lifecycle::detached,
                                             std::memory_order_acq_rel))
            return 0;
    }
}

void lwp_exit(void* result) {
    thread_descriptor* descriptor = current_thread.descriptor;
    if (descriptor) finish_thread(descriptor, result);
    // A thread lwp did not create (the main thread of a glibc process, a
    // std::thread): there is nothing of lwp's to release, so end just this
    // thread. The host library's own per-thread cleanup does not run.
    if (thread_local_destructors) thread_local_destructors();
    // Only a freestanding program (which installs the hook) counts its first
    // thread: there it is the only thread lwp did not create.
    if (last_thread_finished) count_thread_out();
    lwp::sys::exit_thread(0);
}
}
