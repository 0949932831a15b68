// pthread_mutex_* and pthread_mutexattr_* over lwp_mutex_* (layouts pinned in
// pthread_layouts.cpp; compiled with -fno-strict-aliasing).
#include <pthread.h>

#include <cerrno>

#include "lwp/lwp.h"

namespace {
lwp_mutex_t* as_lwp(pthread_mutex_t* mutex) { return reinterpret_cast<lwp_mutex_t*>(mutex); }
lwp_mutexattr_t* as_lwp(pthread_mutexattr_t* attr) { return reinterpret_cast<lwp_mutexattr_t*>(attr); }
const lwp_mutexattr_t* as_lwp(const pthread_mutexattr_t* attr) {
    return reinterpret_cast<const lwp_mutexattr_t*>(attr);
}
}  // namespace

extern "C" {

int pthread_mutexattr_init(pthread_mutexattr_t* attr) noexcept { return lwp_mutexattr_init(as_lwp(attr)); }
int pthread_mutexattr_destroy(pthread_mutexattr_t* attr) noexcept { return lwp_mutexattr_destroy(as_lwp(attr)); }
// glibc's PTHREAD_MUTEX_ADAPTIVE_NP is a normal mutex that spins before
// sleeping. Its locking rules are the normal kind's, so it becomes one here;
// lwp does not spin in a mutex lock at all, having measured that it did not
// pay (docs/sync.md, "Contended lock + unlock").
int pthread_mutexattr_settype(pthread_mutexattr_t* attr, int kind) noexcept {
    if (kind == PTHREAD_MUTEX_ADAPTIVE_NP) kind = PTHREAD_MUTEX_NORMAL;
    return lwp_mutexattr_settype(as_lwp(attr), kind);
}
int pthread_mutexattr_gettype(const pthread_mutexattr_t* attr, int* kind) noexcept {
    return lwp_mutexattr_gettype(as_lwp(attr), kind);
}
int pthread_mutexattr_setkind_np(pthread_mutexattr_t* attr, int kind) noexcept {
    return pthread_mutexattr_settype(attr, kind);
}
int pthread_mutexattr_getkind_np(const pthread_mutexattr_t* attr, int* kind) noexcept {
    return lwp_mutexattr_gettype(as_lwp(attr), kind);
}
int pthread_mutexattr_setpshared(pthread_mutexattr_t* attr, int pshared) noexcept {
    return lwp_mutexattr_setpshared(as_lwp(attr), pshared);
}
int pthread_mutexattr_getpshared(const pthread_mutexattr_t* attr, int* pshared) noexcept {
    return lwp_mutexattr_getpshared(as_lwp(attr), pshared);
}

// Priority inheritance (LWP_PRIO_INHERIT, the kernel's PI futexes) with or
// without robustness (LWP_MUTEX_ROBUST, the kernel's robust lists), and
// priority protection (LWP_PRIO_PROTECT, ceilings: runtime/sync/mutex_ceiling.cpp).
static_assert(int{PTHREAD_PRIO_NONE} == int{LWP_PRIO_NONE} &&
                  int{PTHREAD_PRIO_INHERIT} == int{LWP_PRIO_INHERIT} &&
                  int{PTHREAD_PRIO_PROTECT} == int{LWP_PRIO_PROTECT},
              "protocol values are passed through");
int pthread_mutexattr_setprotocol(pthread_mutexattr_t* attr, int protocol) noexcept {
    return lwp_mutexattr_setprotocol(as_lwp(attr), protocol);
}
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t* attr, int* protocol) noexcept {
    return lwp_mutexattr_getprotocol(as_lwp(attr), protocol);
}
int pthread_mutexattr_setprioceiling(pthread_mutexattr_t* attr, int ceiling) noexcept {
    return lwp_mutexattr_setprioceiling(as_lwp(attr), ceiling);
}
int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t* attr, int* ceiling) noexcept {
    return lwp_mutexattr_getprioceiling(as_lwp(attr), ceiling);
}
static_assert(int{PTHREAD_MUTEX_STALLED} == int{LWP_MUTEX_STALLED} &&
                  int{PTHREAD_MUTEX_ROBUST} == int{LWP_MUTEX_ROBUST},
              "robustness values are passed through");
int pthread_mutexattr_setrobust(pthread_mutexattr_t* attr, int robustness) noexcept {
    return lwp_mutexattr_setrobust(as_lwp(attr), robustness);
}
int pthread_mutexattr_getrobust(const pthread_mutexattr_t* attr, int* robustness) noexcept {
    return lwp_mutexattr_getrobust(as_lwp(attr), robustness);
}

int pthread_mutex_init(pthread_mutex_t* mutex, const pthread_mutexattr_t* attr) noexcept {
    return lwp_mutex_init(as_lwp(mutex), as_lwp(attr));
}
int pthread_mutex_destroy(pthread_mutex_t* mutex) noexcept { return lwp_mutex_destroy(as_lwp(mutex)); }
int pthread_mutex_lock(pthread_mutex_t* mutex) noexcept { return lwp_mutex_lock(as_lwp(mutex)); }
int pthread_mutex_trylock(pthread_mutex_t* mutex) noexcept { return lwp_mutex_trylock(as_lwp(mutex)); }
int pthread_mutex_timedlock(pthread_mutex_t* mutex, const struct timespec* deadline) noexcept {
    return lwp_mutex_timedlock(as_lwp(mutex), deadline);
}
int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t clock,
                            const struct timespec* deadline) noexcept {
    return lwp_mutex_clocklock(as_lwp(mutex), clock, deadline);
}
int pthread_mutex_unlock(pthread_mutex_t* mutex) noexcept { return lwp_mutex_unlock(as_lwp(mutex)); }

int pthread_mutex_consistent(pthread_mutex_t* mutex) noexcept {
    return lwp_mutex_consistent(as_lwp(mutex));
}
int pthread_mutex_getprioceiling(const pthread_mutex_t* mutex, int* ceiling) noexcept {
    return lwp_mutex_getprioceiling(reinterpret_cast<const lwp_mutex_t*>(mutex), ceiling);
}
int pthread_mutex_setprioceiling(pthread_mutex_t* mutex, int ceiling, int* old_ceiling) noexcept {
    return lwp_mutex_setprioceiling(as_lwp(mutex), ceiling, old_ceiling);
}
}
