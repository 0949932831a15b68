// Read-only questions about a thread named by its handle, for the pthread
// layer (pthread_getattr_np, pthread_kill). Stale handles give ESRCH.
#pragma once

#include <cstddef>

#include "lwp/thread.h"

namespace lwp::runtime {

struct thread_facts {
    void* stack_low;        // lowest usable stack byte (null: unknown, a foreign thread)
    std::size_t stack_size;
    std::size_t guard_size;
    bool detached;
    bool caller_stack;      // the stack was supplied through lwp_attr_setstack
};

// 0 or ESRCH. Foreign handles (threads lwp did not create) give ESRCH here.
int thread_facts_of(lwp_t thread, thread_facts& facts);

// Whether the handle names a thread that has finished its routine but has
// not been joined (or released) yet.
bool thread_has_ended_unjoined(lwp_t thread);

struct thread_descriptor;

// The descriptor of a thread that has not been joined or released yet (it
// may have ended), for pthread_cancel: null for a stale or foreign handle.
thread_descriptor* unreleased_descriptor_of(lwp_t thread);

// The kernel tid of a live thread: 0 or ESRCH (already ended or joined).
// Foreign handles carry their tid and always answer.
int thread_tid_of(lwp_t thread, int& tid);

}  // namespace lwp::runtime

#include <time.h>

namespace lwp::runtime {

// Waits until the thread has ended (its tid word cleared by the kernel) or the
// absolute deadline on `clock` passes, without joining it. deadline null: just
// look. 0 (ended), EBUSY (deadline null and still running), ETIMEDOUT, ESRCH
// (stale handle), EINVAL (detached: nobody may wait for it, or bad deadline).
int wait_for_thread_end(lwp_t thread, clockid_t clock, const timespec* deadline);

}  // namespace lwp::runtime
