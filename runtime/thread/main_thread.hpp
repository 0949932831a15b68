// The main thread of a freestanding program as a thread of lwp's own.
#pragma once

namespace lwp::runtime {

// Gives the calling (initial) thread a descriptor and a handle, so that it can
// be joined, detached and ended with lwp_exit like any thread lwp created:
// lwp_exit from main runs its thread-specific data destructors, and a thread
// that joins main waits for the kernel's clear of main's tid word. Call once,
// from freestanding start-up, after TLS is set up and before any thread is
// created. (Hosted programs never call it: glibc owns their main thread.)
void adopt_main_thread();

}  // namespace lwp::runtime
