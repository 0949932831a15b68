// The end of a thread's life: finishing, joining, detaching.
#pragma once

#include "lwp/thread.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

// Runs exit-time work (thread-specific data destructors, the freestanding
// runtime's thread_local destructors), publishes the result and ends the
// thread. A detached thread releases its own handle and mapping on the way.
[[noreturn]] void finish_thread(thread_descriptor* descriptor, void* result);

// Sets the detached state of a handle whose thread has not started yet.
void mark_detached_before_start(lwp_t handle);

// Hooks other layers install (null = nothing to do). Called on the exiting
// thread, in this order, before its result is published.
extern void (*specific_data_destructors)(thread_descriptor* descriptor);
extern void (*thread_local_destructors)();

}  // namespace lwp::runtime
