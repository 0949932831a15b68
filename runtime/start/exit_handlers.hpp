// Functions registered with atexit, on_exit and __cxa_atexit (C++ static
// objects' destructors), run at exit newest first.
#pragma once

namespace lwp::start {

// Runs, newest first, every registered handler whose dso matches (null: all
// of them), each exactly once; on_exit handlers get `status`. A handler may
// register another; it runs next.
//
// Weak: it lives with atexit, on_exit and __cxa_atexit, and a program that
// links none of them (hello_threads) has no handler to run, so exit tests
// the address instead of linking the registry.
void run_exit_handlers(void* dso, int status) __attribute__((weak));

}  // namespace lwp::start
