// pthread_create and friends over lwp's threads (freestanding builds only:
// in a glibc process these names belong to glibc).
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cerrno>

#include "../sync/base_scheduling.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/thread_query.hpp"
#include "lwp/lwp.h"
#include "posix_attr.hpp"

using lwp::posix::as_posix;

extern "C" {

int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start_routine)(void*),
                   void* argument) noexcept {
    // An attr with an affinity or a signal mask, or a NULL attr once the
    // defaults may have changed, goes the longer way; create_with_extras is
    // null (weak, see posix_attr.hpp) in a program that can have neither.
    if (lwp::posix::create_with_extras && (attr == nullptr || lwp::posix::has_extras(as_posix(attr))))
        return lwp::posix::create_with_extras(thread, attr ? as_posix(attr) : nullptr, start_routine,
                                              argument);
    lwp_t handle;
    int error = lwp_create(&handle, attr ? &as_posix(attr)->base : nullptr, start_routine, argument);
    if (error == 0) *thread = handle;
    return error;
}

int pthread_join(pthread_t thread, void** result) { return lwp_join(thread, result); }

int pthread_detach(pthread_t thread) noexcept { return lwp_detach(thread); }

pthread_t pthread_self(void) noexcept { return lwp_self(); }

int pthread_equal(pthread_t a, pthread_t b) noexcept { return a == b; }

int pthread_tryjoin_np(pthread_t thread, void** result) noexcept {
    if (thread == lwp_self()) return EDEADLK;
    int error = lwp::runtime::wait_for_thread_end(thread, CLOCK_REALTIME, nullptr);
    return error ? error : lwp_join(thread, result);
}

int pthread_clockjoin_np(pthread_t thread, void** result, clockid_t clock,
                         const struct timespec* deadline) {
    if (thread == lwp_self()) return EDEADLK;
    // The clock is judged even when there is no deadline to measure (glibc
    // does too): a clock no timed wait can use is a mistake worth reporting.
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
    // No deadline means wait for ever, as pthread_join.
    if (deadline == nullptr) return lwp_join(thread, result);
    int error = lwp::runtime::wait_for_thread_end(thread, clock, deadline);
    return error ? error : lwp_join(thread, result);
}

int pthread_timedjoin_np(pthread_t thread, void** result, const struct timespec* deadline) {
    return pthread_clockjoin_np(thread, result, CLOCK_REALTIME, deadline);
}

// A thread's CPU-time clock, as the kernel encodes per-thread clocks for
// clock_gettime: the complemented tid shifted left by three, with the low bits
// selecting "scheduler time of one thread" (6).
int pthread_getcpuclockid(pthread_t thread, clockid_t* clock) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    *clock = static_cast<clockid_t>((~static_cast<unsigned>(tid) << 3) | 6);
    return 0;
}

// A thread's scheduling is the kernel's, per thread (by tid): queried and
// changed there, so a policy inherited from the parent process (chrt) or
// set by any other means is what is reported, and a change really
// happens. The kernel judges the values: EINVAL for a policy or priority that
// is not valid, EPERM for one the caller may not have. The one exception is
// a thread its priority-ceiling mutexes have raised: these report and change
// the scheduling it has apart from them (runtime/sync/base_scheduling.hpp).
int pthread_getschedparam(pthread_t thread, int* policy, struct sched_param* parameter) noexcept {
    if (policy == nullptr || parameter == nullptr) return EINVAL;
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    // Passed on as the kernel reports it, SCHED_RESET_ON_FORK included when
    // set (as glibc does), so handing it back to pthread_setschedparam keeps it.
    return lwp::sync::get_base_scheduling(lwp::runtime::unreleased_descriptor_of(thread), tid,
                                          *policy, *parameter);
}

int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param* parameter) noexcept {
    if (parameter == nullptr || policy < 0) return EINVAL;
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    return lwp::sync::set_base_scheduling(lwp::runtime::unreleased_descriptor_of(thread), tid,
                                          policy, *parameter);
}

int pthread_setschedprio(pthread_t thread, int priority) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    struct sched_param parameter {};
    parameter.sched_priority = priority;
    return lwp::sync::set_base_scheduling(lwp::runtime::unreleased_descriptor_of(thread), tid,
                                          lwp::sync::keep_policy, parameter);
}

namespace {
// Only remembered: lwp threads are all kernel threads. Atomic because any
// thread may set it while another reads it; nothing else is ordered by it.
std::atomic<int> concurrency_level{0};
}

int pthread_getconcurrency(void) noexcept {
    return concurrency_level.load(std::memory_order_relaxed);
}

int pthread_setconcurrency(int level) noexcept {
    if (level < 0) return EINVAL;
    concurrency_level.store(level, std::memory_order_relaxed);
    return 0;
}
}
