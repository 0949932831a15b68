// Signals for freestanding programs: the sigset_t operations, sigaction and
// signal, kill/tgkill/raise, sigprocmask, sigwait, sigsuspend/pause,
// alarm/ualarm, setitimer,
// sigaltstack, and the real-time signal range behind SIGRTMIN/SIGRTMAX.
// Errors are -1 with errno set, as the C library reports them.
//
// glibc's sigset_t is 1024 bits; Linux signals number 1..64 and the kernel
// reads the first 64 bits, so the set operations keep the rest zero.
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include "../libc/errno_result.hpp"
#include "../libc/possibly_null.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "cancel_signal.hpp"
#include "queued_signal.hpp"
#include "kernel_sigaction.hpp"

extern "C" void lwp_arch_signal_return();

namespace {

constexpr int highest_signal = 64;

using lwp::posix::kernel_sigaction;
using lwp::posix::sa_restorer_flag;

int result_of(long raw) {
    if (lwp::sys::failed(raw)) {
        errno = static_cast<int>(-raw);
        return -1;
    }
    return static_cast<int>(raw);
}

bool valid_signal(int signal) { return signal >= 1 && signal <= highest_signal; }

unsigned long& word_of(sigset_t* set) { return reinterpret_cast<unsigned long*>(set)[0]; }
unsigned long word_of(const sigset_t* set) { return lwp::posix::kernel_word_of(set); }
unsigned long bit_of(int signal) { return 1UL << (signal - 1); }

// The signals siginterrupt made interrupting: signal() installs their
// handlers without SA_RESTART. Relaxed: each bit is a setting on its own,
// read when a handler is installed.
std::atomic<unsigned long> interrupting_signals{0};

}  // namespace

namespace lwp::posix {
std::atomic<unsigned long> program_handlers[65];
void (*program_handler_shim)(int signal, siginfo_t* info, void* context) = nullptr;
}  // namespace lwp::posix

extern "C" {

int sigemptyset(sigset_t* set) noexcept {
    std::memset(set, 0, sizeof *set);
    return 0;
}

// Every signal but lwp's cancellation signal, which no set the program
// builds can hold (sigaddset refuses it), as with glibc (cancel_signal.hpp).
int sigfillset(sigset_t* set) noexcept {
    std::memset(set, 0, sizeof *set);
    word_of(set) = ~lwp::posix::cancel_signal_bit;
    return 0;
}

int sigaddset(sigset_t* set, int signal) noexcept {
    if (!valid_signal(signal) || signal == lwp::posix::cancel_signal) return result_of(-EINVAL);
    word_of(set) |= bit_of(signal);
    return 0;
}

int sigdelset(sigset_t* set, int signal) noexcept {
    if (!valid_signal(signal)) return result_of(-EINVAL);
    word_of(set) &= ~bit_of(signal);
    return 0;
}

int sigismember(const sigset_t* set, int signal) noexcept {
    if (!valid_signal(signal)) return result_of(-EINVAL);
    return (word_of(set) & bit_of(signal)) != 0;
}

int sigisemptyset(const sigset_t* set) noexcept { return word_of(set) == 0; }

// GNU's set algebra: `set` becomes the intersection or the union of the
// other two (which may be `set` itself). A null pointer is EINVAL, as in
// glibc (whose header declares them non-null: possibly_null.hpp). Neither can add the cancellation signal: no operand holds it.
int sigandset(sigset_t* set, const sigset_t* left, const sigset_t* right) noexcept {
    using lwp::libc::possibly_null;
    if (possibly_null(set) == nullptr || possibly_null(left) == nullptr ||
        possibly_null(right) == nullptr)
        return result_of(-EINVAL);
    unsigned long both = word_of(left) & word_of(right);
    sigemptyset(set);
    word_of(set) = both;
    return 0;
}

int sigorset(sigset_t* set, const sigset_t* left, const sigset_t* right) noexcept {
    using lwp::libc::possibly_null;
    if (possibly_null(set) == nullptr || possibly_null(left) == nullptr ||
        possibly_null(right) == nullptr)
        return result_of(-EINVAL);
    unsigned long either = word_of(left) | word_of(right);
    sigemptyset(set);
    word_of(set) = either;
    return 0;
}

int sigprocmask(int how, const sigset_t* set, sigset_t* old_set) noexcept {
    return result_of(lwp::posix::change_signal_mask(how, set, old_set));
}

// The signals waiting for the thread or the process, blocked ones among
// them. Signal 32 is left out: the program never sees lwp's own.
int sigpending(sigset_t* set) noexcept {
    sigemptyset(set);
    long result = lwp::sys::syscall2(__NR_rt_sigpending, reinterpret_cast<long>(set),
                                     lwp::sys::kernel_sigset_size);
    if (result == 0) reinterpret_cast<unsigned long*>(set)[0] &= ~lwp::posix::cancel_signal_bit;
    return result_of(result);
}

// The cancellation signal is lwp's (cancel_signal.hpp): EINVAL, as glibc,
// and no handler's mask blocks it. With cancellation linked, a program's
// handler is installed behind the shim (cancel_signal.hpp), and reported
// back as the program gave it. (Two threads changing one signal's handler
// at once may then see each other's in old_action; which one the kernel
// keeps is decided by the kernel, as always.)
int sigaction(int signal, const struct sigaction* action, struct sigaction* old_action) noexcept {
    if (signal == lwp::posix::cancel_signal) return result_of(-EINVAL);
    if (!valid_signal(signal)) return result_of(-EINVAL);
    auto* shim = reinterpret_cast<void*>(lwp::posix::program_handler_shim);
    std::atomic<unsigned long>& kept = lwp::posix::program_handlers[signal];
    unsigned long kept_before = kept.load(std::memory_order_relaxed);
    kernel_sigaction new_kernel{}, old_kernel{};
    if (action) {
        new_kernel.handler = reinterpret_cast<void*>(action->sa_handler);
        new_kernel.flags = static_cast<unsigned long>(action->sa_flags) | sa_restorer_flag;
        new_kernel.restorer = lwp_arch_signal_return;
        new_kernel.mask = word_of(&action->sa_mask) & ~lwp::posix::cancel_signal_bit;
        if (shim && (action->sa_handler == SIG_DFL || action->sa_handler == SIG_IGN)) {
            kept.store(0, std::memory_order_relaxed);
        } else if (shim) {
            // Kept before the kernel can call the shim for it (release: the
            // shim's acquire load then sees the whole handler).
            unsigned long word = reinterpret_cast<unsigned long>(new_kernel.handler);
            if (action->sa_flags & SA_SIGINFO) word |= lwp::posix::kept_with_siginfo;
            kept.store(word, std::memory_order_release);
            new_kernel.handler = shim;
            new_kernel.flags |= SA_SIGINFO;
        }
    }
    long raw = lwp::arch::syscall4(__NR_rt_sigaction, signal,
                                   action ? reinterpret_cast<long>(&new_kernel) : 0,
                                   old_action ? reinterpret_cast<long>(&old_kernel) : 0,
                                   lwp::sys::kernel_sigset_size);
    if (lwp::sys::failed(raw)) return result_of(raw);
    if (old_action) {
        std::memset(old_action, 0, sizeof *old_action);
        unsigned long flags = old_kernel.flags & ~sa_restorer_flag;
        // The shim stands for the kept handler. SIG_DFL with a handler still
        // kept is the kernel's own reset after an SA_RESETHAND delivery (a
        // program's SIG_DFL clears the kept one): the flags are still the
        // shim's, with SA_SIGINFO added, and get the program's kind back.
        bool shim_was_there =
            old_kernel.handler == shim ||
            (old_kernel.handler == SIG_DFL && (flags & SA_RESETHAND) && kept_before != 0);
        if (shim && kept_before != 0 && shim_was_there) {
            if (old_kernel.handler == shim)
                old_kernel.handler =
                    reinterpret_cast<void*>(kept_before & ~lwp::posix::kept_with_siginfo);
            flags = (kept_before & lwp::posix::kept_with_siginfo) ? flags | SA_SIGINFO
                                                                   : flags & ~SA_SIGINFO;
        }
        old_action->sa_handler = reinterpret_cast<__sighandler_t>(old_kernel.handler);
        old_action->sa_flags = static_cast<int>(flags);
        word_of(&old_action->sa_mask) = old_kernel.mask;
    }
    return 0;
}

// BSD semantics, as glibc's signal(): the handler stays installed and
// interrupted system calls restart, unless siginterrupt asked otherwise for
// this signal. bsd_signal and ssignal are other names for it.
__sighandler_t signal(int number, __sighandler_t handler) noexcept {
    if (handler == SIG_ERR || !valid_signal(number)) {
        errno = EINVAL;
        return SIG_ERR;
    }
    struct sigaction action {}, old_action{};
    action.sa_handler = handler;
    bool interrupts = interrupting_signals.load(std::memory_order_relaxed) & bit_of(number);
    action.sa_flags = interrupts ? 0 : SA_RESTART;
    if (sigaction(number, &action, &old_action) != 0) return SIG_ERR;
    return old_action.sa_handler;
}
__sighandler_t bsd_signal(int, __sighandler_t) noexcept __attribute__((alias("signal")));
__sighandler_t ssignal(int, __sighandler_t) noexcept __attribute__((alias("signal")));

// Whether the signal's handler lets interrupted system calls fail with EINTR
// (flag nonzero) or restarts them: changes the installed action's
// SA_RESTART, and is remembered for the handlers signal() installs later.
int siginterrupt(int number, int interrupt) noexcept {
    struct sigaction action;
    if (!valid_signal(number) || sigaction(number, nullptr, &action) != 0) {
        errno = EINVAL;
        return -1;
    }
    if (interrupt) {
        interrupting_signals.fetch_or(bit_of(number), std::memory_order_relaxed);
        action.sa_flags &= ~SA_RESTART;
    } else {
        interrupting_signals.fetch_and(~bit_of(number), std::memory_order_relaxed);
        action.sa_flags |= SA_RESTART;
    }
    return sigaction(number, &action, nullptr);
}

int kill(pid_t process, int signal) noexcept {
    return result_of(lwp::arch::syscall2(__NR_kill, process, signal));
}

// A signal with a value, to a process (queued_signal.hpp). 0 as the signal
// only checks the process exists.
int sigqueue(pid_t process, int signal, const union sigval value) noexcept {
    siginfo_t info = lwp::posix::queued_signal_info(signal, value);
    return result_of(lwp::arch::syscall3(__NR_rt_sigqueueinfo, process, signal,
                                         reinterpret_cast<long>(&info)));
}

// To the calling thread, as POSIX requires of raise in a threaded program.
// A signal to one thread, `tid`, checked to be in process `group` (the
// kernel's answer: ESRCH otherwise).
int tgkill(pid_t group, pid_t tid, int signal) noexcept {
    return result_of(lwp::arch::syscall3(__NR_tgkill, group, tid, signal));
}

int raise(int signal) noexcept {
    return result_of(lwp::sys::tgkill(lwp::sys::getpid(), lwp::sys::gettid(), signal));
}

// sigsuspend, pause and sigwait are cancellation points
// (runtime/thread/cancellation_point.hpp), and never block or await the
// cancellation signal.
int sigsuspend(const sigset_t* mask) {
    unsigned long word = lwp::posix::program_mask_word(mask);
    return result_of(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_rt_sigsuspend, reinterpret_cast<long>(&word), lwp::sys::kernel_sigset_size));
}

int pause(void) {
    return result_of(lwp::runtime::cancellation_point_syscall(nullptr, __NR_pause));
}

// sigpause: sigsuspend with the current mask less one signal (X/Open's form,
// what <signal.h> names sigpause under _GNU_SOURCE or X/Open), or with a
// given mask of the first 32 signals (BSD's, __sigpause(mask, 0)).
int __sigpause(int signal_or_mask, int is_signal) {
    unsigned long current = 0;
    long error = lwp::sys::sigprocmask(SIG_BLOCK, nullptr, &current);
    if (error != 0) return result_of(error);
    sigset_t set;
    std::memset(&set, 0, sizeof set);
    if (is_signal) {
        if (!valid_signal(signal_or_mask)) return result_of(-EINVAL);
        word_of(&set) = current & ~bit_of(signal_or_mask);
    } else {
        word_of(&set) = static_cast<unsigned>(signal_or_mask);
    }
    return sigsuspend(&set);
}

int __xpg_sigpause(int signal) { return __sigpause(signal, 1); }

// The symbol "sigpause" is BSD's form, taking a mask; <signal.h> sends calls
// under its own name to __xpg_sigpause, hence the assembler name here.
int bsd_sigpause(int mask) __asm__("sigpause");
int bsd_sigpause(int mask) { return __sigpause(mask, 0); }

// Waits for one of the signals in set (which the caller has blocked) and
// consumes it. Returns 0 or an error number, not -1 (POSIX).
int sigwait(const sigset_t* set, int* signal) {
    unsigned long awaited = lwp::posix::program_mask_word(set);
    for (;;) {
        long raw = lwp::runtime::cancellation_point_syscall(
            nullptr, __NR_rt_sigtimedwait, reinterpret_cast<long>(&awaited), 0, 0,
            lwp::sys::kernel_sigset_size);
        if (raw == -EINTR) continue;  // a handler for another signal ran
        if (lwp::sys::failed(raw)) return static_cast<int>(-raw);
        *signal = static_cast<int>(raw);
        return 0;
    }
}

// sigwaitinfo and sigtimedwait: sigwait that also gives the signal's
// information, and a time limit (EAGAIN when it passes). Unlike sigwait they
// report errors as -1 with errno, EINTR included: a handler for a signal
// outside the set ran. Cancellation points, which never await the
// cancellation signal.
int sigtimedwait(const sigset_t* set, siginfo_t* info, const struct timespec* timeout) {
    unsigned long awaited = lwp::posix::program_mask_word(set);
    return result_of(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_rt_sigtimedwait, reinterpret_cast<long>(&awaited),
        reinterpret_cast<long>(info), reinterpret_cast<long>(timeout),
        lwp::sys::kernel_sigset_size));
}

int sigwaitinfo(const sigset_t* set, siginfo_t* info) { return sigtimedwait(set, info, nullptr); }

// The calling thread's alternate signal stack, for handlers installed with
// SA_ONSTACK (the one way to handle a SIGSEGV from a stack overflow: the
// overflowed stack has no room left for the handler's frame). The kernel's
// checks are the whole contract: ENOMEM below its minimum size, EINVAL for
// unknown flags, EPERM while running on the alternate stack. A thread lwp
// creates starts without one: clone with CLONE_VM clears it in the child.
static_assert(sizeof(stack_t) == 24 && offsetof(stack_t, ss_flags) == 8 &&
                  offsetof(stack_t, ss_size) == 16,
              "glibc's stack_t must be the kernel's, since it is passed through unchanged");
int sigaltstack(const stack_t* stack, stack_t* old_stack) noexcept {
    return result_of(lwp::arch::syscall2(__NR_sigaltstack, reinterpret_cast<long>(stack),
                                         reinterpret_cast<long>(old_stack)));
}

// BSD's predecessor of sigaltstack, kept for old programs: it gives no
// size, so the stack is taken to reach down to address 0 (glibc does the
// same) and the kernel's minimum-size check always passes.
int sigstack(struct sigstack* stack, struct sigstack* old_stack) noexcept {
    stack_t alternate{};
    stack_t previous{};
    if (stack != nullptr) {
        alternate.ss_sp = stack->ss_sp;
        // The kernel takes SS_ONSTACK here as "enable", the old meaning.
        alternate.ss_flags = stack->ss_onstack ? SS_ONSTACK : 0;
        alternate.ss_size = reinterpret_cast<size_t>(stack->ss_sp);
    }
    if (sigaltstack(stack != nullptr ? &alternate : nullptr, &previous) != 0) return -1;
    if (old_stack != nullptr) {
        old_stack->ss_sp = previous.ss_sp;
        old_stack->ss_onstack = (previous.ss_flags & SS_ONSTACK) != 0;
    }
    return 0;
}

// Linux returns from a handler only through the kernel's rt_sigreturn, with
// the frame the kernel built; a call cannot stand in for it. ENOSYS, as
// glibc answers.
int sigreturn(struct sigcontext*) noexcept {
    errno = ENOSYS;
    return -1;
}

// glibc's <signal.h> makes SIGRTMIN and SIGRTMAX calls to these. The
// kernel's real-time range is 32..64; lwp keeps 32 back for cancellation
// (cancel_signal.hpp), so programs get 33..64. (glibc starts at 34: it also
// takes 33 for its set*id broadcast, which lwp does not implement.) POSIX
// asks only for at least 8 (RTSIG_MAX) and for programs to count from
// SIGRTMIN, never from a fixed number.
//
// __libc_allocate_rtsig hands out signals from that range for a library's
// own use, narrowing what the two report: its argument non-zero takes the
// lowest (SIGRTMIN, which the kernel delivers first, so "high" priority),
// zero the highest; -1 once none is left. As in glibc there is no lock: it is
// meant for start-up, before threads.
namespace {
int lowest_rt_signal = lwp::posix::cancel_signal + 1;
int highest_rt_signal = __SIGRTMAX;
}  // namespace

int __libc_current_sigrtmin(void) noexcept { return lowest_rt_signal; }
int __libc_current_sigrtmax(void) noexcept { return highest_rt_signal; }

int __libc_allocate_rtsig(int high) noexcept {
    if (lowest_rt_signal > highest_rt_signal) return -1;
    return high ? lowest_rt_signal++ : highest_rt_signal--;
}

unsigned int alarm(unsigned int seconds) noexcept {
    return static_cast<unsigned int>(lwp::arch::syscall1(__NR_alarm, seconds));
}

// alarm in microseconds, with an interval to repeat: ITIMER_REAL. Returns
// what was left of the previous one, in microseconds. Both values must be
// below a second (the kernel's EINVAL otherwise), as POSIX and glibc have it.
useconds_t ualarm(useconds_t value, useconds_t interval) noexcept {
    struct itimerval wanted = {{0, static_cast<suseconds_t>(interval)}, {0, static_cast<suseconds_t>(value)}};
    struct itimerval previous;
    if (setitimer(ITIMER_REAL, &wanted, &previous) < 0) return static_cast<useconds_t>(-1);
    return static_cast<useconds_t>(previous.it_value.tv_sec * 1000000 + previous.it_value.tv_usec);
}

// The process's interval timers (ITIMER_REAL sends SIGALRM, as alarm does).
int getitimer(__itimer_which_t which, struct itimerval* value) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall2(__NR_getitimer, which, reinterpret_cast<long>(value))));
}

int setitimer(__itimer_which_t which, const struct itimerval* value,
              struct itimerval* old_value) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall3(
        __NR_setitimer, which, reinterpret_cast<long>(value), reinterpret_cast<long>(old_value))));
}
}

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __sigaction(int, const struct sigaction*, struct sigaction*) noexcept
    __attribute__((alias("sigaction"), copy(sigaction)));
int __sigsuspend(const sigset_t*) __attribute__((alias("sigsuspend"), copy(sigsuspend)));
}  // extern "C"
