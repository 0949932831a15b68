// pthread_exit with cleanup handlers, and the cancellation API.
//
// glibc's C headers turn pthread_cleanup_push into a __sigsetjmp into a buffer
// on the caller's stack plus __pthread_register_cancel(buffer); the matching
// pop unregisters it. lwp keeps those buffers as a per-thread stack (linked
// through the buffer's spare words). pthread_exit jumps into the innermost
// one: the macro's code runs the handler and calls __pthread_unwind_next,
// which jumps to the next, and after the last the thread ends with the value
// given to pthread_exit. C++ built as lwp builds it, without exceptions, gets
// these same macros: glibc's class-based ones, whose handlers run only when
// the frame is unwound, are chosen only when exceptions are on, and such a
// program cannot link here (no unwinder, no personality routine).
//
// pthread_once routines in progress are kept on a second per-thread list;
// pthread_exit releases each one's control at the point its frame takes among
// the handlers, as the cleanup handler glibc's and musl's pthread_once push
// would.
//
// Cancellation is not implemented: pthread_cancel returns ENOSYS, so no
// cancellation request can ever be pending. The cancel state and type are
// still kept per thread, so code that saves and restores them works.
#include <pthread.h>

#include <cerrno>
#include <cstdint>

#include "lwp/lwp.h"
#include "running_once.hpp"

extern "C" [[noreturn]] void lwp_arch_longjmp(void* buffer, int value);

namespace {

struct cleanup_state {
    __pthread_unwind_buf_t* innermost;  // registered buffers, innermost first
    lwp::posix::running_once* running;  // pthread_once routines, innermost first
    void* exit_value;
    int cancel_state;
    int cancel_type;
};

// Zero-initialised in every new thread's TLS: PTHREAD_CANCEL_ENABLE and
// PTHREAD_CANCEL_DEFERRED are both 0.
thread_local cleanup_state this_thread_cleanup;
static_assert(PTHREAD_CANCEL_ENABLE == 0 && PTHREAD_CANCEL_DEFERRED == 0);

__pthread_unwind_buf_t*& previous_of(__pthread_unwind_buf_t* buffer) {
    return reinterpret_cast<__pthread_unwind_buf_t*&>(buffer->__pad[0]);
}

// Whether `frame` lies deeper in the stack than `buffer` (null: the end of
// the handlers). Both live on this thread's stack, which grows down, so the
// lower address was entered later; releasing in that order is what an
// unwinding would do, so a handler pushed around a pthread_once call finds the
// control free, and one pushed inside the routine runs while it is still held.
bool deeper(const lwp::posix::running_once* frame, const __pthread_unwind_buf_t* buffer) {
    return buffer == nullptr || reinterpret_cast<std::uintptr_t>(frame) <
                                    reinterpret_cast<std::uintptr_t>(buffer);
}

[[noreturn]] void run_next_handler_or_exit() {
    cleanup_state& state = this_thread_cleanup;
    __pthread_unwind_buf_t* next = state.innermost;
    // A pthread_once routine being left this way never completes: the
    // control goes back to "not run", and the next caller runs it.
    while (state.running && deeper(state.running, next)) {
        lwp::posix::running_once* frame = state.running;
        state.running = frame->outer;
        lwp_once_abandon(frame->once);
    }
    if (next == nullptr) lwp_exit(state.exit_value);
    state.innermost = previous_of(next);
    // Back into the pthread_cleanup_push expansion with a non-zero result:
    // it calls the handler, then __pthread_unwind_next.
    lwp_arch_longjmp(next->__cancel_jmp_buf[0].__cancel_jmp_buf, 1);
}

}  // namespace

namespace lwp::posix {

void enter_running_once(running_once& frame) {
    frame.outer = this_thread_cleanup.running;
    this_thread_cleanup.running = &frame;
}

void leave_running_once(running_once& frame) { this_thread_cleanup.running = frame.outer; }

}  // namespace lwp::posix

extern "C" {

void __pthread_register_cancel(__pthread_unwind_buf_t* buffer) {
    previous_of(buffer) = this_thread_cleanup.innermost;
    this_thread_cleanup.innermost = buffer;
}

void __pthread_unregister_cancel(__pthread_unwind_buf_t* buffer) {
    this_thread_cleanup.innermost = previous_of(buffer);
}

void __pthread_register_cancel_defer(__pthread_unwind_buf_t* buffer) {
    __pthread_register_cancel(buffer);
}

void __pthread_unregister_cancel_restore(__pthread_unwind_buf_t* buffer) {
    __pthread_unregister_cancel(buffer);
}

void __pthread_unwind_next(__pthread_unwind_buf_t*) { run_next_handler_or_exit(); }

void pthread_exit(void* value) {
    this_thread_cleanup.exit_value = value;
    run_next_handler_or_exit();
}

int pthread_cancel(pthread_t) { return ENOSYS; }

void pthread_testcancel(void) {
    // Nothing to act on: pthread_cancel never succeeds, so no request exists.
}

int pthread_setcancelstate(int state, int* old_state) {
    if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE) return EINVAL;
    if (old_state) *old_state = this_thread_cleanup.cancel_state;
    this_thread_cleanup.cancel_state = state;
    return 0;
}

int pthread_setcanceltype(int type, int* old_type) {
    if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS) return EINVAL;
    if (old_type) *old_type = this_thread_cleanup.cancel_type;
    this_thread_cleanup.cancel_type = type;
    return 0;
}

// fork is not part of lwp's C library subset, so handlers could never run.
int pthread_atfork(void (*)(void), void (*)(void), void (*)(void)) noexcept { return ENOSYS; }
}
