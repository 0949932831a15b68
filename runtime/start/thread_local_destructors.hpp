// Destructors of thread_local objects, run when their thread ends.
#pragma once

extern "C" {
// Runs the calling thread's registered thread_local destructors, newest
// first, including any registered while they run. Process start installs it
// as lwp::runtime::thread_local_destructors (runtime/thread/lifecycle.hpp)
// when the program links it, and exit runs it for the exiting thread.
void lwp_run_thread_local_destructors();
}
