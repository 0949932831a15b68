// Ending the process: exit, _Exit, _exit.
#include <stdlib.h>
#include <unistd.h>

#include <atomic>

#include "../../arch/x86_64/cancellation_bits.h"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/lifecycle.hpp"
#include "../thread/thread_descriptor.hpp"
#include "exit_handlers.hpp"
#include "init_fini.hpp"
#include "lwp/thread.h"

// Flushes stdout/stderr. Defined by the freestanding C library's stdio; weak,
// so a program that never uses stdio does not link stdio just to flush it.
extern "C" void lwp_libc_flush_stdio(void) __attribute__((weak));

namespace {

// The tid of the thread running exit; 0 while nobody is.
std::atomic<int> exiting_thread{0};

}  // namespace

extern "C" {

void exit(int status) noexcept {
    int self = lwp_gettid();
    int owner = 0;
    // Acquire: the exiting thread sees what the others did before it won.
    if (!exiting_thread.compare_exchange_strong(owner, self, std::memory_order_acquire) &&
        owner != self) {
        // Another thread is already ending the process; its exit_group will
        // end this thread too. Sleep until then, never running a handler
        // twice. (owner == self is exit called again from an atexit handler:
        // that call carries on with the handlers still left.)
        for (;;) lwp::sys::futex_wait(&exiting_thread, owner, /*process_private=*/true);
    }
    // exit is no cancellation point, yet what it runs may reach some (an
    // exit handler's read, stdio's writes): a request acting there would end
    // this thread with the process claimed by it and never ended, the other
    // threads asleep above for good. So cancellation is disabled for the rest
    // of its life, as pthread_setcancelstate would disable it; relaxed, as
    // only this thread acts on its own word.
    lwp::runtime::current_thread.descriptor->cancel_word.fetch_or(LWP_CANCEL_DISABLED,
                                                                  std::memory_order_relaxed);
    // The calling thread's thread_local objects go first, as in other C
    // libraries: their destructors may still use static objects, which the
    // handlers below destroy.
    if (lwp::runtime::thread_local_destructors) lwp::runtime::thread_local_destructors();
    // Null when nothing can have registered a handler (exit_handlers.hpp).
    if (lwp::start::run_exit_handlers) lwp::start::run_exit_handlers(nullptr, status);
    lwp::start::run_fini_array();
    // A .fini_array destructor may register handlers too: atexit, or a C++
    // function-local static it uses for the first time (__cxa_atexit). They
    // run after it, as in glibc, whose exit runs the destructors as one more
    // handler registered before main.
    if (lwp::start::run_exit_handlers) lwp::start::run_exit_handlers(nullptr, status);
    if (lwp_libc_flush_stdio) lwp_libc_flush_stdio();
    // exit_group, not exit: every thread of the process ends here.
    lwp::sys::exit_group(status);
}

// Ends the process at once: no handlers, no destructors, no stdio flush.
void _Exit(int status) noexcept { lwp::sys::exit_group(status); }
void _exit(int status) { lwp::sys::exit_group(status); }
}
