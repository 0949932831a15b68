// pthread_kill and pthread_sigmask: thread-directed signals and the calling
// thread's mask, straight to the kernel.
#include <pthread.h>
#include <signal.h>

#include <cerrno>

#include "../sys/syscalls.hpp"
#include "cancel_signal.hpp"
#include "queued_signal.hpp"
#include "../thread/thread_query.hpp"

extern "C" {

int pthread_kill(pthread_t thread, int signal) noexcept {
    // 0 probes for existence; the kernel's real-time range ends at 64.
    if (signal < 0 || signal > 64) return EINVAL;
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    // A thread that has ended but is not yet joined still names a thread:
    // the signal has nobody to go to and is dropped, as glibc does.
    if (error == ESRCH && lwp::runtime::thread_has_ended_unjoined(thread)) return 0;
    if (error) return error;
    // tgkill, not tkill: the thread group id guards against a recycled tid
    // that now belongs to another process.
    long result = lwp::sys::tgkill(lwp::sys::getpid(), tid, signal);
    // It may have ended between the look-up and the kill: then too, not yet
    // joined, it still names a thread (glibc's tst-pthread_kill-exiting).
    if (result == -ESRCH && lwp::runtime::thread_has_ended_unjoined(thread)) return 0;
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

int pthread_sigmask(int how, const sigset_t* set, sigset_t* old_set) noexcept {
    // With no new set the call only reports the mask and `how` is not
    // significant (POSIX), so it is judged only when there is a set to apply.
    if (set != nullptr && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
        return EINVAL;
    // glibc's sigset_t is 128 bytes; the kernel reads and writes its first 8.
    long result = lwp::posix::change_signal_mask(how, set, old_set);
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}
}

extern "C" {

// A signal with a value (sigqueue) aimed at one thread: the kernel's
// rt_tgsigqueueinfo with the siginfo sigqueue builds.
int pthread_sigqueue(pthread_t thread, int signal, const union sigval value) noexcept {
    if (signal < 0 || signal > 64) return EINVAL;
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    siginfo_t info = lwp::posix::queued_signal_info(signal, value);
    long result = lwp::arch::syscall4(__NR_rt_tgsigqueueinfo, lwp::sys::getpid(), tid, signal,
                                      reinterpret_cast<long>(&info));
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}
}
