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
// Cancellation is not implemented: pthread_cancel returns ENOSYS, so no
// cancellation request can ever be pending. The cancel state and type are
// still kept per thread, so code that saves and restores them works.
#include <pthread.h>

#include <cerrno>

#include "lwp/lwp.h"

extern "C" [[noreturn]] void lwp_arch_longjmp(void* buffer, int value);

namespace {

struct cleanup_state {
    __pthread_unwind_buf_t* innermost;  // registered buffers, innermost first
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

[[noreturn]] void run_next_handler_or_exit() {
    cleanup_state& state = this_thread_cleanup;
    __pthread_unwind_buf_t* next = state.innermost;
    if (next == nullptr) lwp_exit(state.exit_value);
    state.innermost = previous_of(next);
    // Back into the pthread_cleanup_push expansion with a non-zero result:
    // it calls the handler, then __pthread_unwind_next.
    lwp_arch_longjmp(next->__cancel_jmp_buf[0].__cancel_jmp_buf, 1);
}

}  // namespace

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
