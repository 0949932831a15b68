// Asynchronous name lookup (<netdb.h>, GNU): getaddrinfo_a gai_suspend
// gai_error gai_cancel. Each request is lwp's getaddrinfo run on a helper
// thread, which stores its answer in the gaicb's __return (the list in
// ar_result), wakes waiters and, for the last request of a
// getaddrinfo_a(GAI_NOWAIT) call, gives that call's notification. Helpers
// block every signal.
//
// The helpers are a pool run by glibc's rules, since what gai_cancel can
// stop depends on them: a request is queued in order; when fewer than 20
// helpers exist and none is idle, a new helper is started for it and the
// request counts as running from then on; otherwise it waits in the queue
// for an idle helper (woken for it) or a busy one to take it. A helper
// with nothing to take waits one second for work, then ends. gai_cancel
// removes a request still waiting in the queue (EAI_CANCELED), cannot stop
// a running one (EAI_NOTCANCELED), and answers EAI_ALLDONE for one it does
// not know (done, or never queued). As in glibc, a cancelled request's
// __return stays EAI_INPROGRESS and nothing is notified for it: its
// batch's notification never comes, and waiters on it wait on.
//
// gai_suspend, also as in glibc: EAI_ALLDONE whenever no request of its
// list is in progress, even when some of them are done (glibc's check for
// a done entry looks at a loop counter already at the end); 0 once one of
// those in progress is done; EAI_SYSTEM when the timeout passes (glibc
// turns the futex's ETIMEDOUT into EAGAIN, then takes that for an unknown
// error); EAI_INTR when a signal interrupts it. Neither it nor
// getaddrinfo_a(GAI_WAIT) is a cancellation point: glibc disables
// cancellation while they wait.
//
// The SIGEV_SIGNAL notification carries SI_ASYNCNL, the caller's pid and
// uid and sigev_value; SIGEV_THREAD's function runs on a new thread made
// with sigev_notify_attributes (detached when null), no signal blocked.
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <climits>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"

namespace {

// The notification of one getaddrinfo_a(GAI_NOWAIT) call, given when the
// last of its requests is done.
struct batch {
    unsigned remaining;  // under queue_lock
    sigevent notification;
    pid_t caller;  // for SIGEV_SIGNAL's si_pid, taken when the call was made
};

struct request {
    gaicb* control;
    batch* group;  // null for GAI_WAIT, or when the batch could not be made
    bool running;  // a helper has it
    request* next;
};

constexpr int most_helpers = 20;
constexpr int idle_seconds = 1;

lwp::runtime::internal_lock queue_lock;
// Every request not yet done, in the order queued; under queue_lock, as
// are the counts.
request* queue_head = nullptr;
request* queue_tail = nullptr;
int helpers = 0;
int idle_helpers = 0;

// Bumped to wake idle helpers when work is queued for them.
std::atomic<int> work_queued{0};
// Bumped (release) after every request is done; waiters look again.
std::atomic<int> completions{0};

std::atomic_ref<int> result_word(const gaicb* control) {
    return std::atomic_ref<int>(const_cast<int&>(control->__return));
}

request* find(const gaicb* control) {
    for (request* work = queue_head; work != nullptr; work = work->next)
        if (work->control == control) return work;
    return nullptr;
}

void unlink_request(request* gone) {
    request* before = nullptr;
    for (request* work = queue_head; work != gone; work = work->next) before = work;
    if (before == nullptr) {
        queue_head = gone->next;
    } else {
        before->next = gone->next;
    }
    if (queue_tail == gone) queue_tail = before;
}

request* first_waiting() {
    request* work = queue_head;
    while (work != nullptr && work->running) work = work->next;
    return work;
}

struct notification_call {
    void (*function)(sigval);
    sigval value;
};

void* run_notification(void* argument) {
    // Helpers block every signal; the user's function runs with none
    // blocked, as glibc's does.
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, nullptr);
    notification_call call = *static_cast<notification_call*>(argument);
    free(argument);
    call.function(call.value);
    return nullptr;
}

void notify(const sigevent& event, pid_t caller) {
    if (event.sigev_notify == SIGEV_SIGNAL) {
        siginfo_t info;
        memset(&info, 0, sizeof info);
        info.si_signo = event.sigev_signo;
        info.si_code = SI_ASYNCNL;
        info.si_pid = caller;
        info.si_uid = getuid();
        info.si_value = event.sigev_value;
        lwp::arch::syscall3(__NR_rt_sigqueueinfo, caller, event.sigev_signo, reinterpret_cast<long>(&info));
    } else if (event.sigev_notify == SIGEV_THREAD) {
        auto* call = static_cast<notification_call*>(malloc(sizeof(notification_call)));
        if (call == nullptr) return;
        call->function = event.sigev_notify_function;
        call->value = event.sigev_value;
        pthread_attr_t defaults;
        auto* attributes = static_cast<pthread_attr_t*>(event.sigev_notify_attributes);
        if (attributes == nullptr) {
            pthread_attr_init(&defaults);
            pthread_attr_setdetachstate(&defaults, PTHREAD_CREATE_DETACHED);
            attributes = &defaults;
        }
        pthread_t thread;
        if (pthread_create(&thread, attributes, run_notification, call) != 0) free(call);
        if (attributes == &defaults) pthread_attr_destroy(&defaults);
    }
}

void* serve(void* argument);

// Starts a detached helper, every signal blocked in it; true when it runs.
bool start_helper(request* first) {
    sigset_t all, caller;
    sigfillset(&all);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    pthread_sigmask(SIG_SETMASK, &all, &caller);
    int error = pthread_create(&thread, &attributes, serve, first);
    pthread_sigmask(SIG_SETMASK, &caller, nullptr);
    pthread_attr_destroy(&attributes);
    return error == 0;
}

void wake_idle_helper() {
    work_queued.fetch_add(1, std::memory_order_release);
    lwp::sys::futex_wake(&work_queued, 1, /*process_private=*/true);
}

// A helper: does the request it was started for (if any), then takes
// waiting ones in order until none comes within idle_seconds.
void* serve(void* argument) {
    auto* current = static_cast<request*>(argument);
    for (;;) {
        if (current != nullptr) {
            gaicb* control = current->control;
            int answer = getaddrinfo(control->ar_name, control->ar_service, control->ar_request, &control->ar_result);
            // Release: gai_error's acquire load then sees ar_result too.
            result_word(control).store(answer, std::memory_order_release);
            lwp::runtime::internal_lock_guard hold(queue_lock);
            batch* group = current->group;
            unlink_request(current);
            free(current);
            completions.fetch_add(1, std::memory_order_release);
            lwp::sys::futex_wake(&completions, INT_MAX, /*process_private=*/true);
            if (group != nullptr && --group->remaining == 0) {
                notify(group->notification, group->caller);
                free(group);
            }
        }
        queue_lock.lock();
        current = first_waiting();
        if (current == nullptr) {
            ++idle_helpers;
            timespec deadline;
            lwp::sys::clock_gettime(CLOCK_MONOTONIC, &deadline);
            deadline.tv_sec += idle_seconds;
            const int seen = work_queued.load(std::memory_order_acquire);
            queue_lock.unlock();
            lwp::sys::futex_wait_until(&work_queued, seen, /*process_private=*/true, CLOCK_MONOTONIC, &deadline);
            queue_lock.lock();
            --idle_helpers;
            current = first_waiting();
        }
        if (current == nullptr) {
            --helpers;
            queue_lock.unlock();
            return nullptr;
        }
        current->running = true;
        // More may be waiting behind it: wake an idle helper, or start one
        // (glibc's rule, which asks only that the queue be non-empty).
        if (idle_helpers > 0) {
            wake_idle_helper();
        } else if (helpers < most_helpers && start_helper(nullptr)) {
            ++helpers;
        }
        queue_lock.unlock();
    }
}

// Queues one request (under queue_lock); false (errno EAGAIN) when it
// could not be. Like glibc, the gaicb says EAI_INPROGRESS even then.
bool queue_request(gaicb* control, batch* group) {
    auto* work = static_cast<request*>(malloc(sizeof(request)));
    if (work == nullptr) {
        errno = EAGAIN;
        return false;
    }
    work->control = control;
    work->group = group;
    work->running = false;
    work->next = nullptr;
    request* before = queue_tail;
    if (before == nullptr) {
        queue_head = work;
    } else {
        before->next = work;
    }
    queue_tail = work;
    result_word(control).store(EAI_INPROGRESS, std::memory_order_relaxed);
    if (helpers < most_helpers && idle_helpers == 0) {
        work->running = true;
        if (start_helper(work)) {
            ++helpers;
        } else if (helpers == 0) {
            // No helper to take it later either: not queued after all.
            unlink_request(work);
            free(work);
            errno = EAGAIN;
            return false;
        } else {
            work->running = false;
        }
    }
    if (idle_helpers > 0) wake_idle_helper();
    return true;
}

// Whether a request is done and off the queue (under queue_lock). Its
// answer is stored before it leaves the queue, so gai_error can see it a
// little before this does; waiters wait for both, as glibc's wake only once
// the request has left its list.
bool finished(const gaicb* control) {
    return result_word(control).load(std::memory_order_acquire) != EAI_INPROGRESS && find(control) == nullptr;
}

// Sleeps while the completion counter still reads `seen`: 0, or ETIMEDOUT
// past the deadline, or EINTR for a signal. Not a cancellation point.
int wait_for_completion(int seen, const timespec* deadline) {
    long result = lwp::sys::futex_wait_until(&completions, seen, /*process_private=*/true, CLOCK_MONOTONIC, deadline);
    if (result == -ETIMEDOUT || result == -EINTR) return static_cast<int>(-result);
    return 0;
}

}  // namespace

namespace lwp::runtime {

// A child of fork has no helper threads: the parent's requests are not its
// own, and the list's lock may have been held by a thread not there.
void async_name_lookup_around_fork(fork_phase phase) {
    if (phase != fork_phase::child) return;
    queue_lock = internal_lock{};
    queue_head = queue_tail = nullptr;
    helpers = idle_helpers = 0;
}

}  // namespace lwp::runtime

extern "C" {

int getaddrinfo_a(int mode, gaicb* list[], int ent, sigevent* sig) noexcept {
    if (mode != GAI_WAIT && mode != GAI_NOWAIT) {
        errno = EINVAL;
        return EAI_SYSTEM;
    }
    sigevent none;
    if (sig == nullptr) {
        memset(&none, 0, sizeof none);
        none.sigev_notify = SIGEV_NONE;
        sig = &none;
    }
    int result = 0;
    // The whole call holds the lock, as glibc's holds its mutex: no
    // request of it can finish (and look for its batch) before the batch
    // is complete.
    queue_lock.lock();
    batch* group = nullptr;
    if (mode == GAI_NOWAIT) {
        group = static_cast<batch*>(malloc(sizeof(batch)));
        if (group != nullptr) {
            group->remaining = 0;
            group->notification = *sig;
            group->caller = sig->sigev_notify == SIGEV_SIGNAL ? getpid() : 0;
        }
    }
    // Which entries were queued: GAI_WAIT waits for those alone (one that
    // failed may still say EAI_INPROGRESS, as in glibc).
    bool queued_here[ent > 0 ? ent : 1];
    unsigned queued = 0;
    for (int i = 0; i < ent; ++i) {
        queued_here[i] = list[i] != nullptr && queue_request(list[i], group);
        if (queued_here[i]) {
            ++queued;
        } else if (list[i] != nullptr) {
            result = EAI_SYSTEM;
        }
    }
    if (queued == 0) {
        queue_lock.unlock();
        free(group);
        // Nothing to wait for: the notification comes at once.
        if (mode == GAI_NOWAIT) notify(*sig, sig->sigev_notify == SIGEV_SIGNAL ? getpid() : 0);
        return result;
    }
    if (mode == GAI_NOWAIT) {
        if (group == nullptr) {
            // Queued without a notification, as glibc does when it cannot
            // allocate its wait list.
            result = EAI_AGAIN;
        } else {
            group->remaining = queued;
        }
        queue_lock.unlock();
        return result;
    }
    queue_lock.unlock();
    // GAI_WAIT: until every request of the list is done.
    for (;;) {
        const int seen = completions.load(std::memory_order_acquire);
        bool all_done = true;
        {
            lwp::runtime::internal_lock_guard hold(queue_lock);
            for (int i = 0; i < ent && all_done; ++i)
                if (queued_here[i] && !finished(list[i])) all_done = false;
        }
        if (all_done) return result;
        wait_for_completion(seen, nullptr);
    }
}

int gai_error(gaicb* req) noexcept { return result_word(req).load(std::memory_order_acquire); }

int gai_cancel(gaicb* gaicbp) noexcept {
    lwp::runtime::internal_lock_guard hold(queue_lock);
    request* work = find(gaicbp);
    if (work == nullptr) return EAI_ALLDONE;
    if (work->running) return EAI_NOTCANCELED;
    unlink_request(work);
    free(work);
    return EAI_CANCELED;
}

int gai_suspend(const gaicb* const list[], int ent, const timespec* timeout) {
    // The requests in progress when the call is made: only their ends
    // count.
    bool watching[ent > 0 ? ent : 1];
    bool any = false;
    {
        lwp::runtime::internal_lock_guard hold(queue_lock);
        for (int i = 0; i < ent; ++i) {
            watching[i] = list[i] != nullptr &&
                          result_word(list[i]).load(std::memory_order_relaxed) == EAI_INPROGRESS &&
                          find(list[i]) != nullptr;
            any |= watching[i];
        }
    }
    if (!any) return EAI_ALLDONE;
    timespec deadline;
    if (timeout != nullptr) {
        lwp::sys::clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += timeout->tv_sec;
        deadline.tv_nsec += timeout->tv_nsec;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_nsec -= 1000000000L;
            ++deadline.tv_sec;
        }
    }
    for (;;) {
        const int seen = completions.load(std::memory_order_acquire);
        {
            lwp::runtime::internal_lock_guard hold(queue_lock);
            for (int i = 0; i < ent; ++i)
                if (watching[i] && finished(list[i])) return 0;
        }
        int error = wait_for_completion(seen, timeout != nullptr ? &deadline : nullptr);
        if (error == ETIMEDOUT) return EAI_SYSTEM;
        if (error == EINTR) return EAI_INTR;
    }
}

}  // extern "C"
