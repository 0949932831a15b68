// A syscall probe for strace: when the environment variable
// LWP_CACHED_SPAWN_PROBE names a runtime ("lwp" or "pthread"), the program
// that includes this header does, before main, one warm-up spawn+join (which
// fills the stack cache), then exactly one more spawn+join framed by two
// marker syscalls, and exits. `strace -f` then shows between the markers the
// syscalls of one cached spawn+join and nothing else:
//   write(-1, "lwp-probe:begin", 15) = -1 EBADF
//   ...
//   write(-1, "lwp-probe:end", 13) = -1 EBADF
// Used by tests/unit/syscall_count_test.cpp and bench/report.
#pragma once

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lwp/thread.h"
#include "runtime/sys/syscalls.hpp"

namespace lwp_probe {

inline constexpr char begin_marker[] = "lwp-probe:begin";
inline constexpr char end_marker[] = "lwp-probe:end";
inline constexpr char environment_variable[] = "LWP_CACHED_SPAWN_PROBE";

inline void* empty_routine(void*) { return nullptr; }

inline int lwp_spawn_join() {
    lwp_t thread;
    int error = lwp_create(&thread, nullptr, empty_routine, nullptr);
    return error ? error : lwp_join(thread, nullptr);
}

inline int pthread_spawn_join() {
    pthread_t thread;
    int error = pthread_create(&thread, nullptr, empty_routine, nullptr);
    return error ? error : pthread_join(thread, nullptr);
}

// Writes to fd -1 fail with EBADF and change nothing: a marker that costs
// one syscall and is easy to find in strace's output.
inline void mark(const char* text, unsigned long length) { lwp::sys::write(-1, text, length); }

// Runs the probe if asked to, then ends the process; otherwise returns.
inline void run_if_requested() {
    const char* which = getenv(environment_variable);
    if (which == nullptr) return;
    int (*spawn_join)() = nullptr;
    if (strcmp(which, "lwp") == 0) spawn_join = lwp_spawn_join;
    if (strcmp(which, "pthread") == 0) spawn_join = pthread_spawn_join;
    if (spawn_join == nullptr) lwp::sys::exit_group(2);
    if (spawn_join() != 0) lwp::sys::exit_group(1);
    mark(begin_marker, sizeof begin_marker - 1);
    int error = spawn_join();
    mark(end_marker, sizeof end_marker - 1);
    lwp::sys::exit_group(error ? 1 : 0);
}

// Runs before main (and before any test or benchmark framework starts).
struct probe_at_startup {
    probe_at_startup() { run_if_requested(); }
};

}  // namespace lwp_probe
