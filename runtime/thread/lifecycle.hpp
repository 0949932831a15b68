// The end of a thread's life: finishing, joining, detaching.
#pragma once

#include "lwp/thread.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

// Runs exit-time work (the freestanding runtime's thread_local destructors,
// then thread-specific data destructors), publishes the result and ends the
// thread. A detached thread releases its own handle and mapping on the way.
[[noreturn]] void finish_thread(thread_descriptor* descriptor, void* result);

// Hooks other layers install (null = nothing to do). Called on the exiting
// thread before its result is published: thread_local_destructors, then
// specific_data_destructors.
extern void (*specific_data_destructors)(thread_descriptor* descriptor);
extern void (*thread_local_destructors)();

// Join as a cancellation point (cancellation_point.hpp): null, and join's
// wait a plain one, unless pthread_cancel is linked, which installs
// join_wait_cancellable here before main. A hook rather than a test in
// lwp_join, so that a program that cannot cancel carries none of it. A
// joiner cancelled while it waits gives up its claim: the thread stays
// joinable.
extern void (*join_wait)(lwp_t thread, thread_descriptor* descriptor);
void join_wait_cancellable(lwp_t thread, thread_descriptor* descriptor);

// Threads that may still run program code: one for the thread that started
// the process, plus every lwp thread from just before its clone until it
// finishes. The creator counts a thread in before clone (so a concurrent
// lwp_exit from main cannot see 0 too early) and back out if clone fails.
void count_thread_in();
// Takes a thread back out of the count without acting on the count: a clone
// that failed, or a helper thread of lwp's own that never ends and that the
// program's end must not wait for (the POSIX timers' helper, timers.cpp).
void uncount_thread();

// Called on the thread that takes the count to 0 (the last one to finish,
// after the process's first thread has left through lwp_exit), in place of a
// plain thread exit. Freestanding start-up installs one that ends the process
// with exit(0); in a hosted program it stays null and the first thread is
// never counted out, so the count never reaches 0.
extern void (*last_thread_finished)();

}  // namespace lwp::runtime
