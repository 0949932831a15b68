// pthread_once routines in progress on the calling thread, so that a
// pthread_exit from inside one releases its control (as if pthread_once had
// never been called) instead of leaving every later caller waiting for ever.
#pragma once

#include "lwp/lwp.h"

namespace lwp::posix {

// Lives in pthread_once's stack frame while its routine runs; frames of
// nested routines link outwards.
struct running_once {
    lwp_once_t* once;
    running_once* outer;
};

// Entered before the routine runs and left after it returns (innermost
// first). pthread_exit abandons the entered ones, each at the point of its
// stack frame among the cleanup handlers (pthread_exit_cleanup.cpp).
void enter_running_once(running_once& frame);
void leave_running_once(running_once& frame);

}  // namespace lwp::posix
