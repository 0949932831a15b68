// The handler of lwp's own signal (32, cancel_signal.hpp).
//
// One thread of the process sends it to another, with tgkill, for two
// requests: act on a cancellation (pthread_cancel.cpp), and repeat a set*id
// change on your own credentials (set_identity.cpp). One handler serves
// both, so that a program linking either, or both, installs the same one
// and the order in which they install it does not matter. Each module sets
// its action before installing; an action left null is a module the
// program does not link.
#pragma once

#include <signal.h>

namespace lwp::posix {

// Repeats the set*id change in progress on the calling thread, if it has
// not made it yet. Async-signal-safe; also called directly by a thread that
// keeps the signal blocked (the POSIX timers' helper, timers.cpp).
extern void (*repeat_identity_change)();
// Acts on a pending cancellation request if the thread can act now.
extern void (*act_on_cancel_request)(siginfo_t* info, void* context);

// Installs the handler for signal 32 (idempotent).
void install_internal_signal_handler();

// For the one lwp thread that keeps signal 32 blocked and creates threads,
// the POSIX timers' helper: holds off set*id changes while it creates one
// (set_identity.cpp). Referenced weakly there, so that a program making no
// set*id change links none of it.
void hold_off_identity_changes();
void allow_identity_changes();

}  // namespace lwp::posix
