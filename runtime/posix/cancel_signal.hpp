// The signal pthread_cancel sends (runtime/posix/pthread_cancel.cpp), and
// the guards that keep it deliverable.
//
// It is 32, the first real-time signal, the number glibc's threads use for
// the same job, so SIGRTMIN is 33 in lwp programs. The program never sees
// it: sigaction refuses it, and no mask the program sets through lwp's C
// library (sigprocmask, pthread_sigmask, sigsuspend, a thread's attribute
// mask) or waits on (sigwait) includes it, since a blocked or awaited
// cancellation signal would make a thread silently uncancellable.
#pragma once

#include <signal.h>

#include "../sys/syscalls.hpp"

namespace lwp::posix {

inline constexpr int cancel_signal = 32;
inline constexpr unsigned long cancel_signal_bit = 1UL << (cancel_signal - 1);

// glibc's sigset_t is 1024 bits; the kernel's is the first 64, one word.
inline unsigned long kernel_word_of(const sigset_t* set) {
    return reinterpret_cast<const unsigned long*>(set)[0];
}

// sigprocmask for the program: the raw kernel result, with the cancellation
// signal never blocked (SIG_UNBLOCK of it is harmless and passes through).
inline long change_signal_mask(int how, const sigset_t* set, sigset_t* old_set) {
    unsigned long word;
    if (set) word = kernel_word_of(set) & (how == SIG_UNBLOCK ? ~0UL : ~cancel_signal_bit);
    return sys::sigprocmask(how, set ? &word : nullptr, old_set);
}

}  // namespace lwp::posix
