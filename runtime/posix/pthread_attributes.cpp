// pthread_attr_* over lwp_attr_*, and pthread_getattr_np.
#include <pthread.h>
#include <sched.h>

#include <cerrno>
#include <cstring>

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

// The scheduling attributes: Linux has system scope only, and lwp does not
// apply a policy or priority at creation (the new thread inherits its
// creator's; pthread_setschedparam changes a running thread's), so only the
// values that describe what really happens are accepted, and the getters
// report those values without storing them.
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
int pthread_attr_setinheritsched(pthread_attr_t* attr, int inherit) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (inherit == PTHREAD_INHERIT_SCHED) return 0;
    return inherit == PTHREAD_EXPLICIT_SCHED ? ENOTSUP : EINVAL;
}
int pthread_attr_getinheritsched(const pthread_attr_t* attr, int* inherit) noexcept {
    if (!initialised(attr) || inherit == nullptr) return EINVAL;
    *inherit = PTHREAD_INHERIT_SCHED;
    return 0;
}
int pthread_attr_setschedpolicy(pthread_attr_t* attr, int policy) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (policy == SCHED_OTHER) return 0;
    return (policy == SCHED_FIFO || policy == SCHED_RR || policy == SCHED_BATCH ||
            policy == SCHED_IDLE)
               ? ENOTSUP
               : EINVAL;
}
int pthread_attr_getschedpolicy(const pthread_attr_t* attr, int* policy) noexcept {
    if (!initialised(attr) || policy == nullptr) return EINVAL;
    *policy = SCHED_OTHER;
    return 0;
}
int pthread_attr_setschedparam(pthread_attr_t* attr, const struct sched_param* parameter) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (parameter == nullptr) return EINVAL;
    // The recorded policy is always SCHED_OTHER, whose only priority is 0:
    // any other value is not valid for it (EINVAL, as glibc answers), rather
    // than a valid one lwp declines.
    return parameter->sched_priority == 0 ? 0 : EINVAL;
}
int pthread_attr_getschedparam(const pthread_attr_t* attr, struct sched_param* parameter) noexcept {
    if (!initialised(attr) || parameter == nullptr) return EINVAL;
    parameter->sched_priority = 0;
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
    return 0;
}
}

extern "C" {

// The obsolete single-address stack attribute: which end of the stack the
// address names was never agreed on between systems, so lwp does not guess.
// pthread_attr_setstack (address and size) replaces it.
int pthread_attr_setstackaddr(pthread_attr_t*, void*) noexcept { return ENOSYS; }
int pthread_attr_getstackaddr(const pthread_attr_t*, void**) noexcept { return ENOSYS; }
}
