// pthread_attr_* over lwp_attr_*, and pthread_getattr_np.
#include <pthread.h>
#include <sched.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "../sys/syscalls.hpp"
#include "../thread/attributes.hpp"
#include "../thread/thread_query.hpp"
#include "main_thread_stack.hpp"
#include "posix_attr.hpp"

using lwp::posix::as_posix;
using lwp::posix::posix_attr;

namespace {
bool initialised(const pthread_attr_t* attr) {
    return attr && lwp::runtime::attr_valid(&as_posix(attr)->base);
}
}  // namespace

extern "C" {

int pthread_attr_init(pthread_attr_t* attr) noexcept {
    if (attr == nullptr) return EINVAL;
    posix_attr* posix = as_posix(attr);
    // Whatever the bytes held before is overwritten, not freed: they may be
    // uninitialised, and an attr initialised twice without a destroy leaks
    // its affinity copy, as in glibc.
    posix->affinity = nullptr;
    posix->affinity_size = 0;
    posix->has_sigmask = 0;
    posix->explicit_scheduling = 0;
    posix->scheduling_policy = SCHED_OTHER;
    posix->scheduling_priority = 0;
    posix->sigmask = 0;
    return lwp_attr_init(&posix->base);
}

int pthread_attr_destroy(pthread_attr_t* attr) noexcept {
    if (!initialised(attr)) return EINVAL;
    // An affinity copy can only exist if the program called
    // pthread_attr_setaffinity_np, which links release_extras.
    if (lwp::posix::release_extras) lwp::posix::release_extras(as_posix(attr));
    return lwp_attr_destroy(&as_posix(attr)->base);
}

int pthread_attr_setstacksize(pthread_attr_t* attr, size_t size) noexcept {
    return lwp_attr_setstacksize(&as_posix(attr)->base, size);
}
int pthread_attr_getstacksize(const pthread_attr_t* attr, size_t* size) noexcept {
    return lwp_attr_getstacksize(&as_posix(attr)->base, size);
}
int pthread_attr_setguardsize(pthread_attr_t* attr, size_t size) noexcept {
    return lwp_attr_setguardsize(&as_posix(attr)->base, size);
}
int pthread_attr_getguardsize(const pthread_attr_t* attr, size_t* size) noexcept {
    return lwp_attr_getguardsize(&as_posix(attr)->base, size);
}
int pthread_attr_setdetachstate(pthread_attr_t* attr, int state) noexcept {
    return lwp_attr_setdetachstate(&as_posix(attr)->base, state);
}
int pthread_attr_getdetachstate(const pthread_attr_t* attr, int* state) noexcept {
    return lwp_attr_getdetachstate(&as_posix(attr)->base, state);
}
int pthread_attr_setstack(pthread_attr_t* attr, void* address, size_t size) noexcept {
    return lwp_attr_setstack(&as_posix(attr)->base, address, size);
}
int pthread_attr_getstack(const pthread_attr_t* attr, void** address, size_t* size) noexcept {
    return lwp_attr_getstack(&as_posix(attr)->base, address, size);
}

// The scheduling attributes. Linux has system scope only. The policy and
// priority are stored, and applied to a new thread only under
// PTHREAD_EXPLICIT_SCHED (pthread_attr_setinheritsched, in
// pthread_attr_extras.cpp with the code that applies them); a fresh attr
// holds SCHED_OTHER and 0, which is what an explicit thread then gets.
int pthread_attr_setscope(pthread_attr_t* attr, int scope) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (scope == PTHREAD_SCOPE_SYSTEM) return 0;
    return scope == PTHREAD_SCOPE_PROCESS ? ENOTSUP : EINVAL;
}
int pthread_attr_getscope(const pthread_attr_t* attr, int* scope) noexcept {
    if (!initialised(attr) || scope == nullptr) return EINVAL;
    *scope = PTHREAD_SCOPE_SYSTEM;
    return 0;
}
int pthread_attr_setschedpolicy(pthread_attr_t* attr, int policy) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR &&
        policy != SCHED_BATCH && policy != SCHED_IDLE)
        return EINVAL;
    // The priority is not judged against the new policy here (as in glibc):
    // a mismatch is the kernel's EINVAL when the thread is created.
    as_posix(attr)->scheduling_policy = static_cast<std::uint8_t>(policy);
    return 0;
}
int pthread_attr_getschedpolicy(const pthread_attr_t* attr, int* policy) noexcept {
    if (!initialised(attr) || policy == nullptr) return EINVAL;
    *policy = as_posix(attr)->scheduling_policy;
    return 0;
}
int pthread_attr_setschedparam(pthread_attr_t* attr, const struct sched_param* parameter) noexcept {
    if (!initialised(attr) || parameter == nullptr) return EINVAL;
    // Judged against the attr's policy, by the kernel's own range for it
    // (SCHED_OTHER, BATCH and IDLE: 0 only; FIFO and RR: 1..99).
    int policy = as_posix(attr)->scheduling_policy;
    long lowest = lwp::arch::syscall1(__NR_sched_get_priority_min, policy);
    long highest = lwp::arch::syscall1(__NR_sched_get_priority_max, policy);
    if (lwp::sys::failed(lowest) || lwp::sys::failed(highest) ||
        parameter->sched_priority < lowest || parameter->sched_priority > highest)
        return EINVAL;
    as_posix(attr)->scheduling_priority = static_cast<std::uint8_t>(parameter->sched_priority);
    return 0;
}
int pthread_attr_getschedparam(const pthread_attr_t* attr, struct sched_param* parameter) noexcept {
    if (!initialised(attr) || parameter == nullptr) return EINVAL;
    *parameter = sched_param{};
    parameter->sched_priority = as_posix(attr)->scheduling_priority;
    return 0;
}

int pthread_getattr_np(pthread_t thread, pthread_attr_t* attr) noexcept {
    int error = pthread_attr_init(attr);
    if (error) return error;
    lwp_attr_t& base = as_posix(attr)->base;
    lwp::runtime::thread_facts facts{};
    error = lwp::runtime::thread_facts_of(thread, facts);
    bool main_thread = error == 0 && facts.stack_low == nullptr;  // adopted, not created
    if ((error == ESRCH && thread == lwp_self()) || main_thread) {
        // The main thread: its stack is the kernel's initial one.
        error = lwp::posix::main_thread_stack(facts.stack_low, facts.stack_size);
        facts.guard_size = 0;
    }
    if (error) {
        pthread_attr_destroy(attr);
        return error;
    }
    // getattr_np reports the stack as an address range (as glibc does), so
    // the result can be passed to pthread_attr_getstack.
    base.stack_address = facts.stack_low;
    base.stack_size = facts.stack_size;
    base.guard_size = facts.guard_size;
    base.detach_state = facts.detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE;
    // The CPUs the thread may run on now, so that pthread_attr_getaffinity_np
    // on the result answers for the thread rather than "anywhere". A thread
    // that has ended but is not joined yet has no affinity left to read
    // (ESRCH): its stack is still worth reporting, with no set stored.
    error = lwp::posix::record_affinity_of(thread, as_posix(attr));
    if (error != 0 && error != ESRCH) {
        pthread_attr_destroy(attr);
        return error;
    }
    // The policy and priority it runs under now, as glibc reports them (the
    // inherit-or-explicit choice made at its creation is not kept: INHERIT).
    // An ended thread has none (ESRCH), nor does a policy lwp does not know.
    int policy;
    sched_param parameter;
    if (pthread_getschedparam(thread, &policy, &parameter) == 0) {
        policy &= ~SCHED_RESET_ON_FORK;
        if (pthread_attr_setschedpolicy(attr, policy) == 0)
            pthread_attr_setschedparam(attr, &parameter);
    }
    return 0;
}
}

extern "C" {

// The obsolete single-address stack attribute. Systems never agreed on which
// end of the stack the address names; glibc on a downward-growing stack takes
// it as the top (one past the highest byte), so programs written for Linux
// pass the top, and lwp reads it the same way. The size is the attr's stack
// size (the default if none was set), and lwp_attr_setstacksize keeps the top
// where it is afterwards, so the two calls may come in either order.
int pthread_attr_setstackaddr(pthread_attr_t* attr, void* stack_top) noexcept {
    if (!initialised(attr)) return EINVAL;
    size_t size = 0;
    lwp_attr_getstacksize(&as_posix(attr)->base, &size);
    auto top = reinterpret_cast<std::uintptr_t>(stack_top);
    // A null top, or one too low to hold the stack below it, is refused
    // (glibc stores either and the thread then crashes at creation).
    if (top < size) return EINVAL;
    return lwp_attr_setstack(&as_posix(attr)->base, reinterpret_cast<void*>(top - size), size);
}

int pthread_attr_getstackaddr(const pthread_attr_t* attr, void** stack_top) noexcept {
    if (!initialised(attr) || stack_top == nullptr) return EINVAL;
    void* low = nullptr;
    size_t size = 0;
    lwp_attr_getstack(&as_posix(attr)->base, &low, &size);
    // No stack of the caller's: null, as glibc answers.
    *stack_top = low ? static_cast<char*>(low) + size : nullptr;
    return 0;
}
}
