// pthread_exit with cleanup handlers, and the cancellation API on the
// cancelled thread's side (pthread_cancel itself: pthread_cancel.cpp).
//
// glibc's C headers turn pthread_cleanup_push into a __sigsetjmp into a buffer
// on the caller's stack plus __pthread_register_cancel(buffer); the matching
// pop unregisters it. lwp keeps those buffers as a per-thread stack (linked
// through the buffer's spare words). pthread_exit jumps into the innermost
// one: the macro's code runs the handler and calls __pthread_unwind_next,
// which jumps to the next, and after the last the thread ends with the value
// given to pthread_exit.
//
// Code built with exceptions (-fexceptions, C or C++) gets other macros from
// glibc's headers: a local object whose cleanup (C's cleanup attribute, a
// C++ destructor) runs the handler, so it runs only when the frame is
// unwound. Such programs link the exceptions variant of the library
// (LWP_EXCEPTIONS; lwp-cc chooses it when it sees -fexceptions), where the
// thread ends by a forced unwind from here to its first frame: every
// handler, destructor and cleanup on the way runs, innermost first, and a
// buffer registered by code built without exceptions is jumped into when the
// unwind reaches the frame that holds it (see stop_at_registered_or_end).
//
// A cancellation acts as pthread_exit(PTHREAD_CANCELED), after the undo step
// of the cancellation point it interrupted (the relock of a condition
// wait's mutex, say). The thread's cancel state and type are bits of its
// descriptor's cancel_word, next to the request bit pthread_cancel sets, so
// every change is one atomic step that also sees a request made meanwhile.
#include <pthread.h>

#include <cerrno>
#include <cstdint>

#include "../../arch/x86_64/cancellation_bits.h"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/thread_descriptor.hpp"
#include "cancel_signal.hpp"
#include "lwp/lwp.h"

#ifdef LWP_EXCEPTIONS
#include <unwind.h>

#include "../libc/fatal.hpp"
#endif

extern "C" [[noreturn]] void lwp_arch_longjmp(void* buffer, int value);
extern "C" [[noreturn]] void lwp_act_on_cancellation();

namespace {

struct cleanup_state {
    __pthread_unwind_buf_t* innermost;  // registered buffers, innermost first
    // Handlers pushed with glibc's old _pthread_cleanup_push, innermost
    // first: called directly, since such a buffer holds a function and its
    // argument, not a place to jump back to.
    _pthread_cleanup_buffer* old_style_innermost;
    void* exit_value;
};

thread_local cleanup_state this_thread_cleanup;

// Every thread of a freestanding program has a descriptor: start-up adopts
// the first one before any program code runs, and lwp creates the others.
std::atomic<int>& own_cancel_word() { return lwp::runtime::current_thread.descriptor->cancel_word; }

__pthread_unwind_buf_t*& previous_of(__pthread_unwind_buf_t* buffer) {
    return reinterpret_cast<__pthread_unwind_buf_t*&>(buffer->__pad[0]);
}

// The innermost old-style handler (_pthread_cleanup_push) when the buffer
// was registered: those pushed since are inside it and run before it.
_pthread_cleanup_buffer*& old_style_outside(__pthread_unwind_buf_t* buffer) {
    return reinterpret_cast<_pthread_cleanup_buffer*&>(buffer->__pad[1]);
}

// The old-style handlers pushed after the innermost registered buffer (all
// of them if there is none) come before it: run them, innermost first, each
// unlinked before it is called, as _pthread_cleanup_pop does. With
// `frame_top`, only those whose buffers lie below it (in frames being left:
// the stack grows down) run now.
void run_old_style_handlers(const void* frame_top = nullptr) {
    cleanup_state& state = this_thread_cleanup;
    _pthread_cleanup_buffer* stop =
        state.innermost != nullptr ? old_style_outside(state.innermost) : nullptr;
    while (_pthread_cleanup_buffer* old = state.old_style_innermost) {
        if (old == stop) break;
        if (frame_top != nullptr &&
            reinterpret_cast<std::uintptr_t>(old) >= reinterpret_cast<std::uintptr_t>(frame_top))
            break;
        state.old_style_innermost = old->__prev;
        old->__routine(old->__arg);
    }
}

[[noreturn]] void run_next_handler_or_exit() {
    cleanup_state& state = this_thread_cleanup;
    run_old_style_handlers();
    __pthread_unwind_buf_t* next = state.innermost;
    if (next == nullptr) lwp_exit(state.exit_value);
    state.innermost = previous_of(next);
    // Back into the pthread_cleanup_push expansion with a non-zero result:
    // it calls the handler, then __pthread_unwind_next.
    lwp_arch_longjmp(next->__cancel_jmp_buf[0].__cancel_jmp_buf, 1);
}

#ifdef LWP_EXCEPTIONS
// The exception object the forced unwind carries. Not on the stack: a
// frame's cleanup code runs in that frame and goes on by calling
// _Unwind_Resume, whose own frames then reuse the stack below it, where
// pthread_exit's frame was.
thread_local _Unwind_Exception exit_unwind;

// The object's class: eight characters, the first in the most significant
// byte, as language runtimes spell theirs. It names no language, so no catch
// clause with a type matches it; C++'s catch (...) does, and must rethrow.
constexpr _Unwind_Exception_Class exit_unwind_class = [] {
    const char name[] = "LWP\0EXIT";
    _Unwind_Exception_Class value = 0;
    for (int i = 0; i < 8; ++i) value = value << 8 | static_cast<unsigned char>(name[i]);
    return value;
}();

// The unwinder calls this once per frame, before that frame's cleanups run.
// A buffer registered with __pthread_register_cancel (by code built without
// exceptions) lies in the locals of the frame that registered it; below
// this frame's canonical frame address means in this frame or deeper, i.e.
// in a frame being left now, so its handler runs now, before the cleanups
// of the frames above. At the first frame (the thread's trampoline, or
// _start, whose return address is marked undefined) the rest run and the
// thread ends.
_Unwind_Reason_Code stop_at_registered_or_end(int, _Unwind_Action actions,
                                              _Unwind_Exception_Class, _Unwind_Exception*,
                                              _Unwind_Context* context, void*) {
    __pthread_unwind_buf_t* innermost = this_thread_cleanup.innermost;
    if ((actions & _UA_END_OF_STACK) ||
        (innermost != nullptr &&
         reinterpret_cast<std::uintptr_t>(innermost) < _Unwind_GetCFA(context)))
        run_next_handler_or_exit();
    // Old-style handlers pushed in the frame being left run now, while it
    // is still there; those in outer frames wait for theirs.
    run_old_style_handlers(reinterpret_cast<const void*>(_Unwind_GetCFA(context)));
    return _URC_NO_REASON;
}

// Called if a catch clause ends the unwind without rethrowing it (C++'s
// catch (...) { } with no `throw;`): the thread can neither go on, since it
// was told to end, nor end, since its frames were not left.
void exit_unwind_caught(_Unwind_Reason_Code, _Unwind_Exception*) {
    lwp::libc::fatal("lwp: a thread's exit (pthread_exit or a cancellation) was caught and not rethrown");
}
#endif

// The way on from pthread_exit, a cancellation, or a registered handler
// that has run (__pthread_unwind_next).
[[noreturn]] void continue_exit() {
#ifdef LWP_EXCEPTIONS
    _Unwind_Exception& exception = exit_unwind;
    exception.exception_class = exit_unwind_class;
    exception.exception_cleanup = exit_unwind_caught;
    // Starts again from here each time: after a registered handler, the
    // frames the last unwind walked are gone. It returns only if it cannot
    // start at all (no frame information for this frame); the registered
    // handlers then run as in a program without exceptions.
    _Unwind_ForcedUnwind(&exception, stop_at_registered_or_end, nullptr);
#endif
    run_next_handler_or_exit();
}

}  // namespace

extern "C" {

void __pthread_register_cancel(__pthread_unwind_buf_t* buffer) {
    previous_of(buffer) = this_thread_cleanup.innermost;
    old_style_outside(buffer) = this_thread_cleanup.old_style_innermost;
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

void __pthread_unwind_next(__pthread_unwind_buf_t*) { continue_exit(); }

// glibc's first cleanup ABI, which old binaries' pthread_cleanup_push
// expanded to: the buffer (struct _pthread_cleanup_buffer, <pthread.h>)
// holds the handler, and pthread_exit or a cancellation calls it, in
// reverse order of pushing among the handlers of both kinds (with
// -fexceptions, frame by frame, as glibc's unwinder does). Pop unlinks
// before it calls, so a handler that exits the thread does not run itself
// again.
void _pthread_cleanup_push(_pthread_cleanup_buffer* buffer, void (*routine)(void*), void* arg) {
    buffer->__routine = routine;
    buffer->__arg = arg;
    buffer->__prev = this_thread_cleanup.old_style_innermost;
    this_thread_cleanup.old_style_innermost = buffer;
}

void _pthread_cleanup_pop(_pthread_cleanup_buffer* buffer, int execute) {
    this_thread_cleanup.old_style_innermost = buffer->__prev;
    if (execute) buffer->__routine(buffer->__arg);
}

// The handler-running function of glibc's C pthread_cleanup_push under
// -fexceptions: an extern inline function in <pthread.h>, which needs this
// out-of-line copy wherever the compiler does not inline it (at -O0).
void __pthread_cleanup_routine(__pthread_cleanup_frame* frame) {
    if (frame->__do_it) frame->__cancel_routine(frame->__cancel_arg);
}

// From here on no cancellation acts: cleanup handlers and key destructors
// may use cancellation points freely (the core marks a thread that returns
// from its routine the same way, in finish_thread).
void pthread_exit(void* value) {
    own_cancel_word().fetch_or(LWP_CANCEL_EXITING, std::memory_order_relaxed);
    // Called from a handler that interrupted a cancellation point, this
    // leaves that call's frames for good: their undo entries go too, before
    // a jump into a cleanup handler lets the stack be reused
    // (cancellation_point.hpp). Nothing undoes them: pthread_exit, not a
    // cancellation, ends the thread.
    lwp::runtime::current_thread.cancel_undos = nullptr;
    this_thread_cleanup.exit_value = value;
    continue_exit();
}

// Reached from a cancellation point (the check at the start of the
// cancellable-syscall window, or the signal handler that found the thread
// inside it), from pthread_testcancel, and from an asynchronous
// cancellation. Never returns.
[[noreturn]] void lwp_act_on_cancellation() {
    own_cancel_word().fetch_or(LWP_CANCEL_EXITING, std::memory_order_relaxed);
    // Acting from signal 32's handler leaves the signal blocked for the rest
    // of the thread's life, which never returns to the handler's caller.
    // No cancellation can come now (the thread is exiting), but a set*id
    // change made meanwhile must still reach this thread, whose cleanup
    // handlers may run for long or create threads (set_identity.cpp).
    unsigned long internal_signal = lwp::posix::cancel_signal_bit;
    lwp::sys::sigprocmask(SIG_UNBLOCK, &internal_signal, nullptr);
    lwp::runtime::current_thread_state& self = lwp::runtime::current_thread;
    const lwp::runtime::pending_undo* pending = self.cancel_undos;
    self.cancel_undos = nullptr;
    for (; pending != nullptr; pending = pending->outer)
        if (pending->undo) pending->undo->run(pending->undo->context);
    this_thread_cleanup.exit_value = PTHREAD_CANCELED;
    continue_exit();
}

void pthread_testcancel(void) {
    if (lwp_cancel_acts_now(own_cancel_word().load(std::memory_order_relaxed)))
        lwp_act_on_cancellation();
}

// Enabling with a request pending acts at once only for the asynchronous
// type; a deferred one waits for the next cancellation point, as POSIX says.
// Acquire on the read-modify-writes: they may see a canceller's request, and
// what the canceller did before asking is then visible to the handlers.
int pthread_setcancelstate(int state, int* old_state) {
    if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE) return EINVAL;
    std::atomic<int>& word = own_cancel_word();
    int before = state == PTHREAD_CANCEL_DISABLE
                     ? word.fetch_or(LWP_CANCEL_DISABLED, std::memory_order_acquire)
                     : word.fetch_and(~LWP_CANCEL_DISABLED, std::memory_order_acquire);
    if (old_state)
        *old_state =
            (before & LWP_CANCEL_DISABLED) ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
    int after = state == PTHREAD_CANCEL_DISABLE ? before | LWP_CANCEL_DISABLED
                                                : before & ~LWP_CANCEL_DISABLED;
    if ((after & LWP_CANCEL_ASYNC) && lwp_cancel_acts_now(after)) lwp_act_on_cancellation();
    return 0;
}

int pthread_setcanceltype(int type, int* old_type) {
    if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS) return EINVAL;
    std::atomic<int>& word = own_cancel_word();
    int before = type == PTHREAD_CANCEL_ASYNCHRONOUS
                     ? word.fetch_or(LWP_CANCEL_ASYNC, std::memory_order_acquire)
                     : word.fetch_and(~LWP_CANCEL_ASYNC, std::memory_order_acquire);
    if (old_type)
        *old_type = (before & LWP_CANCEL_ASYNC) ? PTHREAD_CANCEL_ASYNCHRONOUS
                                                : PTHREAD_CANCEL_DEFERRED;
    if (type == PTHREAD_CANCEL_ASYNCHRONOUS && lwp_cancel_acts_now(before))
        lwp_act_on_cancellation();
    return 0;
}
}
