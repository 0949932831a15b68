#include "thread_query.hpp"

#include <cerrno>

#include "cancellation_point.hpp"
#include "handle_table.hpp"

namespace lwp::runtime {
namespace {

// The descriptor of a live (not yet released) lwp thread, or null. The slot's
// generation is read before and after the descriptor so a concurrent release
// is noticed; the mapping itself may still be released right after we return,
// which is why callers only read plain facts that stay valid in a stale read.
thread_descriptor* live_descriptor(lwp_t thread, std::uint32_t& state) {
    thread_slot* slot = find_slot(thread);
    if (slot == nullptr) return nullptr;
    std::uint64_t word = slot->word.load(std::memory_order_acquire);
    if (generation_of(word) != handle_generation(thread)) return nullptr;
    thread_descriptor* descriptor = slot->descriptor.load(std::memory_order_relaxed);
    if (descriptor == nullptr) return nullptr;
    state = state_of(word);
    return descriptor;
}

}  // namespace

int thread_facts_of(lwp_t thread, thread_facts& facts) {
    std::uint32_t state = 0;
    thread_descriptor* descriptor = live_descriptor(thread, state);
    if (descriptor == nullptr) return ESRCH;
    facts.stack_low = descriptor->stack_low;
    facts.stack_size = descriptor->stack_size;
    facts.guard_size = descriptor->guard_size;
    facts.detached = (state & lifecycle::detached) != 0;
    facts.caller_stack = descriptor->mapping_base == nullptr;
    return 0;
}

thread_descriptor* unreleased_descriptor_of(lwp_t thread) {
    std::uint32_t state = 0;
    return live_descriptor(thread, state);
}

bool thread_has_ended_unjoined(lwp_t thread) {
    std::uint32_t state = 0;
    return live_descriptor(thread, state) != nullptr && (state & lifecycle::exited);
}

int thread_tid_of(lwp_t thread, int& tid) {
    if (thread & foreign_handle_bit) {
        tid = static_cast<int>(thread & ~foreign_handle_bit);
        return tid > 0 ? 0 : ESRCH;
    }
    std::uint32_t state = 0;
    thread_descriptor* descriptor = live_descriptor(thread, state);
    if (descriptor == nullptr || (state & lifecycle::exited)) return ESRCH;
    // Acquire: pairs with the kernel's clear at exit (0 = already gone).
    tid = descriptor->tid_word.load(std::memory_order_acquire);
    return tid != 0 ? 0 : ESRCH;
}


int wait_for_thread_end(lwp_t thread, clockid_t clock, const timespec* deadline) {
    std::uint32_t state = 0;
    thread_descriptor* descriptor = live_descriptor(thread, state);
    if (descriptor == nullptr) return ESRCH;
    if (state & (lifecycle::detached | lifecycle::claimed)) return EINVAL;
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
    // The timed joins are cancellation points; a bare look (tryjoin) is not.
    if (deadline) cancellation_point_begins();
    for (;;) {
        int tid = descriptor->tid_word.load(std::memory_order_acquire);
        if (tid == 0) return 0;
        if (deadline == nullptr) return EBUSY;
        // The deadline is judged only when there is something to wait for, as
        // POSIX has it for sem_timedwait and glibc does for the timed joins: a
        // thread that has already ended is joined whatever the deadline says.
        if (deadline->tv_nsec < 0 || deadline->tv_nsec >= 1000000000L) return EINVAL;
        // Shared futex, as for join: the kernel's exit wake is not private.
        // A cancellation point, as pthread_join: nothing is claimed yet, so
        // a cancellation has nothing to undo.
        long result = cancellation_point_futex_wait(nullptr, &descriptor->tid_word, tid,
                                                    /*process_private=*/false, clock, deadline);
        if (result == -ETIMEDOUT) {
            return descriptor->tid_word.load(std::memory_order_acquire) == 0 ? 0 : ETIMEDOUT;
        }
    }
}

}  // namespace lwp::runtime
