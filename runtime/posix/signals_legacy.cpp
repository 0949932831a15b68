// The older signal interfaces programs still call, on top of sigaction and
// sigprocmask (signals.cpp), so lwp's own signals stay protected:
// - System V's sigset sighold sigrelse sigignore and sysv_signal
//   (`__sysv_signal`): a handler that is reset to the default when it runs,
//   without SA_RESTART, the signal not blocked in its handler;
// - BSD's sigblock sigsetmask siggetmask, whose masks are an int with bit
//   n-1 for signal n (the first 31 signals, as sigmask() makes them);
// - gsignal, another name for raise.
// Each returns what glibc's returns, SIG_ERR or -1 with EINVAL for a signal
// number out of range.
#include <errno.h>
#include <signal.h>

namespace {

// A set holding the one signal, or false (errno EINVAL) for a bad number.
bool single_signal_set(int number, sigset_t* set) {
    sigemptyset(set);
    return sigaddset(set, number) == 0;
}

// The 32 bits of a BSD mask as a signal set, and back.
sigset_t set_of_mask(int mask) {
    sigset_t set;
    sigemptyset(&set);
    for (int number = 1; number <= 32; ++number)
        if (mask & (1u << (number - 1))) sigaddset(&set, number);
    return set;
}

int mask_of_set(const sigset_t* set) {
    unsigned mask = 0;
    for (int number = 1; number <= 32; ++number)
        if (sigismember(set, number) == 1) mask |= 1u << (number - 1);
    return static_cast<int>(mask);
}

int change_mask(int how, int number) {
    sigset_t set;
    if (!single_signal_set(number, &set)) return -1;
    return sigprocmask(how, &set, nullptr);
}

}  // namespace

extern "C" {

// SIG_HOLD blocks the signal and leaves its action; any other disposition is
// installed and the signal unblocked. Returns SIG_HOLD when the signal was
// blocked before, else its previous handler.
__sighandler_t sigset(int number, __sighandler_t disposition) noexcept {
    sigset_t set, previous_mask;
    if (!single_signal_set(number, &set)) return SIG_ERR;
    struct sigaction previous;
    if (disposition == SIG_HOLD) {
        if (sigprocmask(SIG_BLOCK, &set, &previous_mask) < 0) return SIG_ERR;
        if (sigismember(&previous_mask, number)) return SIG_HOLD;
        if (sigaction(number, nullptr, &previous) < 0) return SIG_ERR;
        return previous.sa_handler;
    }
    struct sigaction action {};
    action.sa_handler = disposition;
    if (sigaction(number, &action, &previous) < 0) return SIG_ERR;
    if (sigprocmask(SIG_UNBLOCK, &set, &previous_mask) < 0) return SIG_ERR;
    return sigismember(&previous_mask, number) ? SIG_HOLD : previous.sa_handler;
}

int sighold(int number) noexcept { return change_mask(SIG_BLOCK, number); }
int sigrelse(int number) noexcept { return change_mask(SIG_UNBLOCK, number); }

int sigignore(int number) noexcept {
    struct sigaction action {};
    action.sa_handler = SIG_IGN;
    return sigaction(number, &action, nullptr);
}

__sighandler_t __sysv_signal(int number, __sighandler_t handler) noexcept {
    if (handler == SIG_ERR || number < 1 || number >= NSIG) {
        errno = EINVAL;
        return SIG_ERR;
    }
    struct sigaction action {}, previous;
    action.sa_handler = handler;
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    if (sigaction(number, &action, &previous) < 0) return SIG_ERR;
    return previous.sa_handler;
}
__sighandler_t sysv_signal(int, __sighandler_t) noexcept __attribute__((alias("__sysv_signal")));

int sigblock(int mask) noexcept {
    sigset_t added = set_of_mask(mask), previous;
    if (sigprocmask(SIG_BLOCK, &added, &previous) < 0) return -1;
    return mask_of_set(&previous);
}

int sigsetmask(int mask) noexcept {
    sigset_t wanted = set_of_mask(mask), previous;
    if (sigprocmask(SIG_SETMASK, &wanted, &previous) < 0) return -1;
    return mask_of_set(&previous);
}

int siggetmask(void) noexcept {
    sigset_t current;
    if (sigprocmask(SIG_BLOCK, nullptr, &current) < 0) return -1;
    return mask_of_set(&current);
}

int gsignal(int number) noexcept { return raise(number); }

}  // extern "C"
