// lwp's own signal, which pthread_cancel sends (pthread_cancel.cpp) and a
// set*id change sends to every thread (set_identity.cpp), one handler
// serving both (internal_signal.hpp); and the guards that keep it
// deliverable.
//
// It is 32, the first real-time signal, the number glibc's threads use for
// cancellation, so SIGRTMIN is 33 in lwp programs. The program never sees
// it: sigaction refuses it, and no mask the program sets through lwp's C
// library (sigprocmask, pthread_sigmask, sigsuspend, a thread's attribute
// mask) or waits on (sigwait) includes it, since a blocked or awaited
// signal 32 would make a thread silently uncancellable, and a set*id
// change wait for it forever.
#pragma once

#include <signal.h>

#include <atomic>

#include "../sys/syscalls.hpp"

namespace lwp::posix {

inline constexpr int cancel_signal = 32;
inline constexpr unsigned long cancel_signal_bit = 1UL << (cancel_signal - 1);

// glibc's sigset_t is 1024 bits; the kernel's is the first 64, one word.
inline unsigned long kernel_word_of(const sigset_t* set) {
    return reinterpret_cast<const unsigned long*>(set)[0];
}

// The kernel's word of a mask the program gave, without the cancellation
// signal: what a wait with a mask (ppoll, pselect, epoll_pwait, sigsuspend),
// a wait for signals (sigwait, signalfd) or a handler's mask may hold.
inline unsigned long program_mask_word(const sigset_t* set) {
    return kernel_word_of(set) & ~cancel_signal_bit;
}

// sigprocmask for the program: the raw kernel result, with the cancellation
// signal never blocked (SIG_UNBLOCK of it is harmless and passes through).
inline long change_signal_mask(int how, const sigset_t* set, sigset_t* old_set) {
    unsigned long word;
    if (set) word = kernel_word_of(set) & (how == SIG_UNBLOCK ? ~0UL : ~cancel_signal_bit);
    return sys::sigprocmask(how, set ? &word : nullptr, old_set);
}

// A program's handler that interrupts a cancellation point and returns to
// it leaves it at its `syscall` instruction, past the window's check; a
// request whose signal came while the handler ran (and so found the thread
// outside the window) would then never act. So once pthread_cancel is
// linked, sigaction installs program_handler_shim (pthread_cancel.cpp) for
// every handled signal: it runs the program's handler, kept here, and then
// acts on a request if the handler had interrupted a cancellation point.
// Null (handlers installed as given) in programs without pthread_cancel.
//
// A kept handler is one word, so that the handler and its kind are always
// read together: the program's sa_handler/sa_sigaction, with the top bit
// set if it asked for SA_SIGINFO (user-space code addresses on x86_64 never
// have it). 0: none kept (the signal's action is SIG_DFL or SIG_IGN, or was
// never set through sigaction).
inline constexpr unsigned long kept_with_siginfo = 1UL << 63;
extern std::atomic<unsigned long> program_handlers[65];  // indexed by signal number
extern void (*program_handler_shim)(int signal, siginfo_t* info, void* context);

}  // namespace lwp::posix
