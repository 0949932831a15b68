// POSIX per-process timers: timer_create, timer_settime, timer_gettime,
// timer_getoverrun, timer_delete. -1 with errno on failure.
//
// The kernel keeps the timers; what it cannot do is SIGEV_THREAD, "call this
// function in a new thread at each expiry". For those, lwp asks the kernel
// for a timer that signals one helper thread (SIGEV_THREAD_ID, with the
// cancellation signal, 32, which the program can never use or block), and
// the helper, asleep in sigtimedwait with every signal blocked, starts a
// detached thread per expiry that calls the function (made with the timer's
// sigev_notify_attributes, as glibc keeps them). The helper is started
// by the first such timer and never ends; it is not counted among the
// program's threads, so the process still ends with its last thread.
//
// A timer_t is the kernel's timer id, shifted and tagged with bit 0, or for
// SIGEV_THREAD a pointer to the timer's record. Records are kept in a list;
// the kernel's signal carries a serial number, never reused, that the helper
// looks up, so an expiry already queued when its timer is deleted finds
// nothing and is dropped.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include <atomic>
#include <cstdint>

#include "../posix/cancel_signal.hpp"
#include "../posix/internal_signal.hpp"
#include "../posix/posix_attr.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "../thread/lifecycle.hpp"
#include "errno_result.hpp"
#include "lwp/lwp.h"

namespace lwp::posix {
[[gnu::weak]] void hold_off_identity_changes();
[[gnu::weak]] void allow_identity_changes();
}  // namespace lwp::posix

namespace {

struct thread_timer {
    int kernel_id;
    std::uint64_t serial;  // what its signals carry
    void (*function)(union sigval);
    union sigval value;
    // What each expiry's thread is created with: the caller's
    // sigev_notify_attributes as glibc keeps them, always detached.
    pthread_attr_t attributes;
    thread_timer* next;
};

lwp::runtime::internal_lock registry_lock;
thread_timer* active_timers = nullptr;  // guarded by registry_lock
std::uint64_t last_serial = 0;          // guarded by registry_lock
int helper_tid = 0;                     // 0 until the helper has started and published it

constexpr std::uintptr_t kernel_timer_tag = 1;

timer_t handle_of_kernel_timer(int kernel_id) {
    return reinterpret_cast<timer_t>((static_cast<std::uintptr_t>(kernel_id) << 1) |
                                     kernel_timer_tag);
}

long kernel_id_of(timer_t timer) {
    auto bits = reinterpret_cast<std::uintptr_t>(timer);
    if (bits & kernel_timer_tag) return static_cast<long>(bits >> 1);
    if (timer == nullptr) return -1;  // the kernel says EINVAL for it
    return static_cast<const thread_timer*>(timer)->kernel_id;
}

// One expiry's call, on a thread of its own.
struct expiry {
    void (*function)(union sigval);
    union sigval value;
};

void* run_expiry(void* argument) {
    // Created by the helper, this thread inherited its mask, every signal
    // blocked: the program's function runs with none blocked, as glibc runs
    // it, and lwp's own signal must reach it (set_identity.cpp).
    unsigned long none = 0;
    lwp::sys::sigprocmask(SIG_SETMASK, &none, nullptr);
    expiry call = *static_cast<expiry*>(argument);
    free(argument);
    call.function(call.value);
    return nullptr;
}

void start_expiry_thread(const thread_timer& timer) {
    // Dropped when memory or a thread cannot be had: the expiry is lost, as
    // a signal would be past the queue's limit.
    auto* call = static_cast<expiry*>(malloc(sizeof(expiry)));
    if (call == nullptr) return;
    *call = expiry{timer.function, timer.value};
    pthread_t thread;
    // The helper keeps signal 32 blocked, so a set*id change in progress
    // could not reach it while it waited to create a thread; it holds such
    // changes off instead (set_identity.cpp), which also means the new
    // thread has the process's current credentials.
    if (lwp::posix::hold_off_identity_changes) lwp::posix::hold_off_identity_changes();
    if (pthread_create(&thread, &timer.attributes, run_expiry, call) != 0) free(call);
    if (lwp::posix::allow_identity_changes) lwp::posix::allow_identity_changes();
}

void* helper(void*) {
    // Not one of the program's threads (see the top).
    lwp::runtime::uncount_thread();
    // Every signal blocked, the timers' one included: they are taken by
    // sigtimedwait below, never delivered to a handler.
    unsigned long everything = ~0UL;
    lwp::sys::sigprocmask(SIG_SETMASK, &everything, nullptr);
    std::atomic_ref<int>(helper_tid).store(lwp::sys::gettid(), std::memory_order_release);
    lwp::sys::futex_wake(&helper_tid, 1, /*process_private=*/true);

    unsigned long timer_signal = lwp::posix::cancel_signal_bit;
    for (;;) {
        siginfo_t info;
        long taken = lwp::arch::syscall4(__NR_rt_sigtimedwait, reinterpret_cast<long>(&timer_signal),
                                         reinterpret_cast<long>(&info), 0,
                                         lwp::sys::kernel_sigset_size);
        if (taken != lwp::posix::cancel_signal) continue;
        // A set*id change asks every thread to repeat it (set_identity.cpp).
        if (info.si_code == SI_TKILL && info.si_pid == lwp::sys::getpid()) {
            if (lwp::posix::repeat_identity_change) lwp::posix::repeat_identity_change();
            continue;
        }
        if (info.si_code != SI_TIMER) continue;
        auto serial = reinterpret_cast<std::uintptr_t>(info.si_value.sival_ptr);
        thread_timer found{};
        {
            lwp::runtime::internal_lock_guard guard(registry_lock);
            for (thread_timer* timer = active_timers; timer; timer = timer->next)
                if (timer->serial == serial) found = *timer;
        }
        if (found.function) start_expiry_thread(found);
    }
}

// The helper's tid, starting it first if need be; 0 if it cannot be started.
// Called with registry_lock held.
int helper_thread() {
    // Atomic: the helper publishes its tid itself, outside the lock.
    if (int tid = std::atomic_ref<int>(helper_tid).load(std::memory_order_acquire)) return tid;
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setdetachstate(&attr, LWP_CREATE_DETACHED);
    lwp_attr_setstacksize(&attr, 64 * 1024);  // it calls little
    lwp_t thread;
    int error = lwp_create(&thread, &attr, helper, nullptr);
    lwp_attr_destroy(&attr);
    if (error) {
        errno = error;
        return 0;
    }
    // It publishes its tid once its signals are blocked: no timer may
    // signal it before.
    int tid;
    while ((tid = std::atomic_ref<int>(helper_tid).load(std::memory_order_acquire)) == 0)
        lwp::sys::futex_wait(&helper_tid, 0, /*process_private=*/true);
    return tid;
}

long create_kernel_timer(clockid_t clock, struct sigevent* event) {
    int kernel_id = -1;
    long result = lwp::arch::syscall3(__NR_timer_create, clock, reinterpret_cast<long>(event),
                                      reinterpret_cast<long>(&kernel_id));
    return lwp::sys::failed(result) ? result : kernel_id;
}

int create_thread_timer(clockid_t clock, const struct sigevent* event, timer_t* timer) {
    auto* record = static_cast<thread_timer*>(malloc(sizeof(thread_timer)));
    if (record == nullptr) return lwp::libc::fail_with_errno(EAGAIN);
    *record = thread_timer{-1, 0, event->sigev_notify_function, event->sigev_value, {}, nullptr};
    // Copied now (the caller may destroy them), as glibc copies them: the
    // stack, the guard size and the scheduling, not the CPU affinity or the
    // signal mask. The expiry threads are detached whatever they say.
    if (event->sigev_notify_attributes)
        lwp::posix::copy_attributes_without_extensions(event->sigev_notify_attributes,
                                                       &record->attributes);
    else
        pthread_attr_init(&record->attributes);
    pthread_attr_setdetachstate(&record->attributes, PTHREAD_CREATE_DETACHED);
    lwp::runtime::internal_lock_guard guard(registry_lock);
    int tid = helper_thread();
    if (tid == 0) {
        free(record);
        return -1;
    }
    record->serial = ++last_serial;
    struct sigevent to_helper {};
    to_helper.sigev_notify = SIGEV_THREAD_ID;
    to_helper.sigev_signo = lwp::posix::cancel_signal;
    to_helper.sigev_value.sival_ptr = reinterpret_cast<void*>(record->serial);
    to_helper._sigev_un._tid = tid;
    long kernel_id = create_kernel_timer(clock, &to_helper);
    if (lwp::sys::failed(kernel_id)) {
        free(record);
        return static_cast<int>(lwp::libc::errno_result(kernel_id));
    }
    record->kernel_id = static_cast<int>(kernel_id);
    record->next = active_timers;
    active_timers = record;
    *timer = record;
    return 0;
}

}  // namespace

namespace lwp::runtime {

// A forked child has no timers (POSIX) and no helper thread; its copy of the
// registry, and of a lock some other thread may have held, starts afresh.
void timers_around_fork(fork_phase phase) {
    if (phase != fork_phase::child) return;
    registry_lock = internal_lock{};
    active_timers = nullptr;  // the parent's records, left to the parent
    helper_tid = 0;
}

}  // namespace lwp::runtime

extern "C" {

int timer_create(clockid_t clock, struct sigevent* __restrict event, timer_t* __restrict timer) {
    if (event && event->sigev_notify == SIGEV_THREAD) {
        if (event->sigev_notify_function == nullptr) return lwp::libc::fail_with_errno(EINVAL);
        return create_thread_timer(clock, event, timer);
    }
    // The cancellation signal is lwp's (and the thread timers'), never a
    // program's.
    if (event && event->sigev_notify != SIGEV_NONE && event->sigev_signo == lwp::posix::cancel_signal)
        return lwp::libc::fail_with_errno(EINVAL);
    long kernel_id = create_kernel_timer(clock, event);
    if (lwp::sys::failed(kernel_id)) return static_cast<int>(lwp::libc::errno_result(kernel_id));
    *timer = handle_of_kernel_timer(static_cast<int>(kernel_id));
    return 0;
}

int timer_settime(timer_t timer, int flags, const struct itimerspec* __restrict value,
                  struct itimerspec* __restrict old_value) {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall4(
        __NR_timer_settime, kernel_id_of(timer), flags, reinterpret_cast<long>(value),
        reinterpret_cast<long>(old_value))));
}

int timer_gettime(timer_t timer, struct itimerspec* value) {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall2(
        __NR_timer_gettime, kernel_id_of(timer), reinterpret_cast<long>(value))));
}

int timer_getoverrun(timer_t timer) {
    return static_cast<int>(
        lwp::libc::errno_result(lwp::arch::syscall1(__NR_timer_getoverrun, kernel_id_of(timer))));
}

int timer_delete(timer_t timer) {
    long result = lwp::arch::syscall1(__NR_timer_delete, kernel_id_of(timer));
    if (lwp::sys::failed(result)) return static_cast<int>(lwp::libc::errno_result(result));
    if (!(reinterpret_cast<std::uintptr_t>(timer) & kernel_timer_tag)) {
        // Unlisted only now: an expiry the helper looks up from here on
        // finds nothing (the kernel sends no more).
        auto* record = static_cast<thread_timer*>(timer);
        {
            lwp::runtime::internal_lock_guard guard(registry_lock);
            for (thread_timer** link = &active_timers; *link; link = &(*link)->next) {
                if (*link == record) {
                    *link = record->next;
                    break;
                }
            }
        }
        free(record);
    }
    return 0;
}

}  // extern "C"
