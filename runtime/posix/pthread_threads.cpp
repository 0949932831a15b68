// pthread_create and friends over lwp's threads (freestanding builds only:
// in a glibc process these names belong to glibc).
#include <pthread.h>
#include <sched.h>

#include <cerrno>

#include "../thread/thread_query.hpp"
#include "lwp/lwp.h"
#include "posix_attr.hpp"

using lwp::posix::as_posix;

extern "C" {

int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start_routine)(void*),
                   void* argument) noexcept {
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

// lwp leaves every thread at the scheduling it inherited (SCHED_OTHER, no
// real-time priorities): report exactly that; asking for anything else is
// ENOTSUP rather than a pretend success.
int pthread_getschedparam(pthread_t thread, int* policy, struct sched_param* parameter) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    *policy = SCHED_OTHER;
    parameter->sched_priority = 0;
    return 0;
}

int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param* parameter) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    if (policy == SCHED_OTHER && parameter->sched_priority == 0) return 0;  // already so
    return ENOTSUP;
}

int pthread_setschedprio(pthread_t thread, int priority) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    return priority == 0 ? 0 : ENOTSUP;
}

namespace {
int concurrency_level = 0;  // only remembered: lwp threads are all kernel threads
}

int pthread_getconcurrency(void) noexcept { return concurrency_level; }

int pthread_setconcurrency(int level) noexcept {
    if (level < 0) return EINVAL;
    concurrency_level = level;
    return 0;
}
}
