// lwp's per-thread record. It lives inside the thread's own mapping, just
// below the TLS (thread_layout.hpp), so creating a thread allocates nothing
// else.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "lwp/thread.h"
#include "priority_protection.hpp"

namespace lwp::runtime {

struct specific_data;          // thread-specific data (specific_data.cpp)
struct pending_undo;           // cancellation_point.hpp

struct thread_descriptor {
    // Written by the kernel: CLONE_PARENT_SETTID stores the child's tid here
    // before clone returns; CLONE_CHILD_CLEARTID makes the kernel store 0 and
    // FUTEX_WAKE (shared) it once the thread is gone and no longer touches its
    // stack. That clear is the only proof that the mapping may be reused.
    std::atomic<int> tid_word;
    // Cancellation state (the LWP_CANCEL_* bits of
    // arch/x86_64/cancellation_bits.h): written by the thread itself (state,
    // type, exiting) and by any canceller (the request), so always with
    // atomic read-modify-writes. Zero (enabled, deferred, nothing requested)
    // in every new thread: its descriptor starts zeroed.
    std::atomic<int> cancel_word;

    lwp_t handle;
    void* (*routine)(void*);
    void* argument;
    void* result;

    // The whole mapping (guard included), or null for a caller-supplied stack,
    // which lwp never unmaps or caches.
    void* mapping_base;
    std::size_t mapping_size;
    // The usable stack (for a caller-supplied one: the whole region given),
    // for pthread_getattr_np and the layout examples.
    void* stack_low;
    std::size_t stack_size;
    std::size_t guard_size;

    thread_descriptor* next_cached;  // link in the stack cache

    // For set*id changes made on every thread (runtime/posix/set_identity.cpp),
    // by serial number, 0 for none: the last change this thread has made to
    // its own credentials, written only by the thread itself; and the last
    // it was asked to make, written only by the thread making the change.
    std::atomic<unsigned> identity_serial;
    std::atomic<unsigned> identity_requested;

    // Its priority-ceiling mutexes and the scheduling they have raised it
    // from (priority_protection.hpp). Zero until it takes one.
    priority_protection ceilings;
};

// Per-thread runtime state, in lwp's own thread_local so identity works on
// threads lwp did not create (their copy starts zeroed and is filled lazily).
// For lwp threads the creator writes the child's copy before clone.
struct current_thread_state {
    thread_descriptor* descriptor;  // null on foreign threads
    lwp_t handle;                   // 0 until first asked for, on foreign threads
    int tid;                        // kernel tid, 0 until first asked for
    specific_data* specific;        // thread-specific values (specific_data.cpp), null until set
    bool signalled_a_waiter;        // the last lwp_cond_signal found one (condition_variable.cpp)
    unsigned char handoff_misses;   // hand-off spins in a row that saw no answer (spin_policy.hpp)
    // What to put right if a cancellation acts in the cancellation points
    // this thread is inside, innermost first (cancellation_point.hpp); null
    // outside any.
    const pending_undo* cancel_undos;
};

// constinit: zero-initialized, never dynamically. Without it every use in
// another file goes through a call that first checks for (and would run) a
// dynamic initializer, on every lookup of the current thread.
extern constinit thread_local current_thread_state current_thread;

int current_tid();
lwp_t current_handle();

}  // namespace lwp::runtime
