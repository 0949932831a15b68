// Cancellation points: the blocking calls that pthread_cancel can end.
//
// lwp's core (shared by hosted and freestanding programs) makes its
// cancellation points' system calls through cancellation_point_syscall. In a
// program that never links pthread_cancel (every hosted program, and every
// freestanding one that does not call it) no thread can ever be cancelled,
// and this is the plain system call behind one test of a null pointer.
// When the freestanding pthread_cancel is linked, its start-up code installs
// cancellable_syscall (runtime/posix/pthread_cancel.cpp) before main, so
// before any thread can block in one.
//
// A cancellation that acts in the middle of a call never returns to the
// caller: the thread runs its cleanup handlers and ends. A caller that holds
// something a cancelled thread must give back (the mutex of a condition wait
// must be relocked, a join claim dropped, a semaphore waiter count
// decremented) passes a cancellation_undo, run first.
#pragma once

#include <sys/syscall.h>
#include <time.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/futex.hpp"

namespace lwp::runtime {

struct cancellation_undo {
    void (*run)(void* context);
    void* context;
};

// The undo steps of the cancellation points a thread is inside: usually
// one, but a signal handler that interrupts a condition wait may block in a
// read, and a cancellation acting there must relock the wait's mutex too.
// A cancellation runs them innermost first.
struct pending_undo {
    const cancellation_undo* undo;  // may be null: nothing to undo
    const pending_undo* outer;
};

// For siglongjmp: a jump to a frame whose stack pointer is `target`
// abandons every frame below it, and with them the cancellation points they
// were inside, whose entries (on those frames) must leave the list before
// their memory is reused. Entries of an alternate signal stack that lies
// above the target are not recognised as abandoned.
void forget_cancellation_points_below(const void* target);

// A cancellation point acts on a request already pending when it is
// called, even if it then would not block (a semaphore with a unit to take,
// a thread already ended): the calls that can return without a system call
// begin with this. `undo`, if any, runs before the cleanup handlers. Null
// unless pthread_cancel is linked, like cancellable_syscall.
extern void (*act_on_pending_request)(const cancellation_undo* undo);

inline void cancellation_point_begins(const cancellation_undo* undo = nullptr) {
    if (act_on_pending_request) act_on_pending_request(undo);
}

// Null unless pthread_cancel is linked (see above).
extern long (*cancellable_syscall)(const cancellation_undo* undo, long number, long a1, long a2,
                                   long a3, long a4, long a5, long a6);

// A system call that is a cancellation point; the raw kernel result when it
// returns.
inline long cancellation_point_syscall(const cancellation_undo* undo, long number, long a1 = 0,
                                       long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0,
                                       long a6 = 0) {
    if (cancellable_syscall) return cancellable_syscall(undo, number, a1, a2, a3, a4, a5, a6);
    return arch::syscall6(number, a1, a2, a3, a4, a5, a6);
}

// A futex wait that is a cancellation point: sleeps while *word == expected,
// until the absolute deadline on `clock` (CLOCK_MONOTONIC or
// CLOCK_REALTIME), or without limit when there is none. The same kernel
// calls as sys::futex_wait and sys::futex_wait_until.
inline long cancellation_point_futex_wait(const cancellation_undo* undo, const void* word,
                                          int expected, bool process_private, clockid_t clock,
                                          const timespec* absolute_deadline) {
    int operation = sys::futex_op(absolute_deadline ? FUTEX_WAIT_BITSET : FUTEX_WAIT,
                                  process_private);
    if (absolute_deadline && clock == CLOCK_REALTIME) operation |= FUTEX_CLOCK_REALTIME;
    return cancellation_point_syscall(undo, __NR_futex, reinterpret_cast<long>(word), operation,
                                      expected, reinterpret_cast<long>(absolute_deadline), 0,
                                      static_cast<long>(FUTEX_BITSET_MATCH_ANY));
}

}  // namespace lwp::runtime
