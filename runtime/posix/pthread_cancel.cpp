// pthread_cancel, and the machinery that lets a request end a thread blocked
// in a cancellation point.
//
// A request is a bit in the target's cancel_word (its descriptor), followed
// by the cancellation signal (cancel_signal.hpp) sent to it with tgkill. The
// target acts on it, ending through pthread_exit(PTHREAD_CANCELED):
//  - asynchronous type: in the signal handler, wherever it was;
//  - deferred type (the default): only at a cancellation point. Each one
//    makes its system call through lwp_arch_cancellable_syscall, which
//    checks the word just before the call; the handler acts only when the
//    signal interrupted that window, before the call took effect
//    (arch/x86_64/cancellable_syscall_freestanding.S explains the window).
//    Anywhere else the handler returns, and the thread carries on until its
//    next cancellation point (or pthread_testcancel) finds the bit.
// Only a thread that can act at once is signalled: asynchronous, or
// deferred and inside a cancellation point (counted in its cancel_word). A
// deferred thread elsewhere finds the bit at its next cancellation point,
// and one with cancellation disabled when enabling it (asynchronous: acts).
//
// None of this exists in a program that never calls pthread_cancel: no
// request can be made there, so the cancellation points make plain system
// calls (runtime/thread/cancellation_point.hpp) and the signal has no
// handler. Linking this file installs both before main runs.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>

#include "../../arch/x86_64/cancellation_bits.h"
#include "../../arch/x86_64/cancellation_window.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/lifecycle.hpp"
#include "../thread/thread_descriptor.hpp"
#include "../thread/thread_query.hpp"
#include "cancel_signal.hpp"
#include "internal_signal.hpp"

extern "C" [[noreturn]] void lwp_act_on_cancellation();

namespace {

using lwp::runtime::current_thread;

// Every thread here has a descriptor: start-up gives the first one its own
// (adopt_main_thread) before any constructor, and so before this file's,
// and lwp creates all the others.

// From signal 32's handler (internal_signal.cpp), which has already checked
// that the signal is a tgkill from this process.
void on_cancel_signal(siginfo_t*, void* context) {
    int word = current_thread.descriptor->cancel_word.load(std::memory_order_relaxed);
    if (!lwp_cancel_acts_now(word)) return;
    if ((word & LWP_CANCEL_ASYNC) || lwp::arch::interrupted_in_cancellable_window(context))
        lwp_act_on_cancellation();
}

// The cancellation points' system call (cancellation_point.hpp), installed
// below in place of the plain one.
long cancellable_syscall(const lwp::runtime::cancellation_undo* undo, long number, long a1,
                         long a2, long a3, long a4, long a5, long a6) {
    lwp::runtime::current_thread_state& self = current_thread;
    lwp::runtime::thread_descriptor* descriptor = self.descriptor;
    // The undo list is read by this same thread, in lwp_act_on_cancellation,
    // possibly from the signal handler: the atomic step before the call and
    // the signal fence after it keep the compiler from moving the list's
    // stores across it. A signal handler that reaches a cancellation point
    // while this one waits pushes onto the same list.
    lwp::runtime::pending_undo entry{undo, self.cancel_undos};
    self.cancel_undos = &entry;
    // Counted in before the window's check, in the same total order on the
    // word as a canceller's fetch_or: either the check sees its request, or
    // the canceller sees us counted in and sends the signal.
    descriptor->cancel_word.fetch_add(LWP_CANCEL_IN_POINT, std::memory_order_seq_cst);
    long result = lwp_arch_cancellable_syscall(
        reinterpret_cast<const int*>(&descriptor->cancel_word), number, a1, a2, a3, a4, a5, a6);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    // A handler interrupted the call before it took effect and the kernel
    // did not restart it (nanosleep, pause, sigsuspend and timed futex waits
    // are never restarted after a handler): the signal found the thread
    // just past the window. A call that failed with EINTR did nothing, so a
    // request pending now acts here, as it would have inside the window.
    if (result == -EINTR &&
        lwp_cancel_acts_now(descriptor->cancel_word.load(std::memory_order_relaxed)))
        lwp_act_on_cancellation();
    descriptor->cancel_word.fetch_sub(LWP_CANCEL_IN_POINT, std::memory_order_relaxed);
    self.cancel_undos = entry.outer;
    return result;
}

// The entry check of cancellation points (cancellation_point.hpp).
void act_if_request_pending(const lwp::runtime::cancellation_undo* undo) {
    lwp::runtime::current_thread_state& self = current_thread;
    if (!lwp_cancel_acts_now(self.descriptor->cancel_word.load(std::memory_order_relaxed))) return;
    lwp::runtime::pending_undo entry{undo, self.cancel_undos};
    self.cancel_undos = &entry;
    lwp_act_on_cancellation();
}

// In place of every program handler (cancel_signal.hpp). Runs it, then: if
// it had interrupted a cancellation point, in the window, and a request is
// pending (its signal found the thread in the handler, outside the window),
// acts now, before the kernel resumes the call past the window's check.
void run_program_handler(int signal, siginfo_t* info, void* context) {
    unsigned long kept = lwp::posix::program_handlers[signal].load(std::memory_order_acquire);
    void* handler = reinterpret_cast<void*>(kept & ~lwp::posix::kept_with_siginfo);
    if (kept & lwp::posix::kept_with_siginfo)
        reinterpret_cast<void (*)(int, siginfo_t*, void*)>(handler)(signal, info, context);
    else if (handler != nullptr)  // null: a racing sigaction reset it to SIG_DFL/SIG_IGN
        reinterpret_cast<void (*)(int)>(handler)(signal);
    // From here to this handler's return, a request's signal would find the
    // thread outside any window and be lost once the kernel resumes the
    // interrupted call: so it is held (blocked) until then. The return
    // restores the interrupted mask, which lets it in, and it is delivered
    // with that context, inside the window.
    unsigned long cancel_signal_only = lwp::posix::cancel_signal_bit;
    lwp::sys::sigprocmask(SIG_BLOCK, &cancel_signal_only, nullptr);
    int word = current_thread.descriptor->cancel_word.load(std::memory_order_relaxed);
    if (lwp_cancel_acts_now(word) &&
        lwp::arch::interrupted_in_cancellable_window(context))
        lwp_act_on_cancellation();
}

// Before main (and so before any thread exists or waits): the handler, then
// the cancellable system call.
[[gnu::constructor]] void install_cancellation() {
    lwp::posix::act_on_cancel_request = on_cancel_signal;
    lwp::posix::install_internal_signal_handler();
    lwp::runtime::cancellable_syscall = cancellable_syscall;
    lwp::runtime::act_on_pending_request = act_if_request_pending;
    lwp::runtime::join_wait = lwp::runtime::join_wait_cancellable;
    lwp::posix::program_handler_shim = run_program_handler;
}

}  // namespace

extern "C" int pthread_cancel(pthread_t thread) {
    lwp::runtime::thread_descriptor* target = lwp::runtime::unreleased_descriptor_of(thread);
    if (target == nullptr) return ESRCH;
    // Acq_rel: the canceller's earlier writes reach the cleanup handlers,
    // and we see the target's latest state bits.
    int before = target->cancel_word.fetch_or(LWP_CANCEL_REQUESTED, std::memory_order_acq_rel);
    // Already requested (signalled then, or it acts on its own), disabled
    // (enabling finds the bit), or ending anyway: nothing to send.
    if (before & (LWP_CANCEL_REQUESTED | LWP_CANCEL_DISABLED | LWP_CANCEL_EXITING)) return 0;
    if (target == current_thread.descriptor) {
        // Cancelling oneself: asynchronous acts now, deferred at the next
        // cancellation point; a signal would only do the same later.
        if (before & LWP_CANCEL_ASYNC) lwp_act_on_cancellation();
        return 0;
    }
    // Deferred and outside every cancellation point: its next one sees the
    // bit in its check. Not signalling it spares the calls it makes
    // meanwhile an EINTR (a sleep with cancellation disabled, say).
    if (!(before & LWP_CANCEL_ASYNC) && before < LWP_CANCEL_IN_POINT) return 0;
    // Acquire pairs with the kernel's clear at exit: 0 means it has ended
    // (its result stays what it returned). tgkill can still find it gone
    // (ESRCH), which is the same answer.
    int tid = target->tid_word.load(std::memory_order_acquire);
    if (tid != 0) lwp::sys::tgkill(lwp::sys::getpid(), tid, lwp::posix::cancel_signal);
    return 0;
}
