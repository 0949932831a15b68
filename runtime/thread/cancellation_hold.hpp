// Holding cancellation off for a scope, for calls that reach a cancellation
// point's system call but must run to their end: fclose's write-out (a
// stream left half closed), flockfile's, fflush(NULL)'s (it holds the list of
// open files). A request made meanwhile stays pending and acts at the
// thread's next cancellation point after the scope, as one made while
// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE) is in force would.
//
// On lwp's cancellation word directly rather than through
// pthread_setcancelstate, so the C library does not link the pthread ABI
// to hold it; freestanding threads only, which all have a descriptor.
#pragma once

#include <atomic>

#include "../../arch/x86_64/cancellation_bits.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

class cancellation_hold {
public:
    // Relaxed: only this thread acts on its word, and a canceller's fetch_or
    // is ordered against ours on the word itself: either it sees the hold
    // and sends no signal, or it came first and (the thread being in no
    // cancellation point) sent none either.
    cancellation_hold()
        : held_already_(current_thread.descriptor->cancel_word.fetch_or(
                            LWP_CANCEL_DISABLED, std::memory_order_relaxed) &
                        LWP_CANCEL_DISABLED) {}
    ~cancellation_hold() {
        if (!held_already_)
            current_thread.descriptor->cancel_word.fetch_and(~LWP_CANCEL_DISABLED,
                                                             std::memory_order_relaxed);
    }
    cancellation_hold(const cancellation_hold&) = delete;
    cancellation_hold& operator=(const cancellation_hold&) = delete;

private:
    bool held_already_;  // disabled before: by the program, or an outer hold
};

}  // namespace lwp::runtime
