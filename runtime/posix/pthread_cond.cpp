// pthread_cond_* and pthread_condattr_* over lwp_cond_*.
#include <pthread.h>

#include "lwp/lwp.h"

namespace {
lwp_cond_t* as_lwp(pthread_cond_t* cond) { return reinterpret_cast<lwp_cond_t*>(cond); }
lwp_mutex_t* as_lwp(pthread_mutex_t* mutex) { return reinterpret_cast<lwp_mutex_t*>(mutex); }
lwp_condattr_t* as_lwp(pthread_condattr_t* attr) { return reinterpret_cast<lwp_condattr_t*>(attr); }
const lwp_condattr_t* as_lwp(const pthread_condattr_t* attr) {
    return reinterpret_cast<const lwp_condattr_t*>(attr);
}
}  // namespace

extern "C" {

int pthread_condattr_init(pthread_condattr_t* attr) noexcept { return lwp_condattr_init(as_lwp(attr)); }
int pthread_condattr_destroy(pthread_condattr_t* attr) noexcept { return lwp_condattr_destroy(as_lwp(attr)); }
int pthread_condattr_setclock(pthread_condattr_t* attr, clockid_t clock) noexcept {
    return lwp_condattr_setclock(as_lwp(attr), clock);
}
int pthread_condattr_getclock(const pthread_condattr_t* attr, clockid_t* clock) noexcept {
    return lwp_condattr_getclock(as_lwp(attr), clock);
}
int pthread_condattr_setpshared(pthread_condattr_t* attr, int pshared) noexcept {
    return lwp_condattr_setpshared(as_lwp(attr), pshared);
}
int pthread_condattr_getpshared(const pthread_condattr_t* attr, int* pshared) noexcept {
    return lwp_condattr_getpshared(as_lwp(attr), pshared);
}

int pthread_cond_init(pthread_cond_t* cond, const pthread_condattr_t* attr) noexcept {
    return lwp_cond_init(as_lwp(cond), as_lwp(attr));
}
int pthread_cond_destroy(pthread_cond_t* cond) noexcept { return lwp_cond_destroy(as_lwp(cond)); }
int pthread_cond_signal(pthread_cond_t* cond) noexcept { return lwp_cond_signal(as_lwp(cond)); }
int pthread_cond_broadcast(pthread_cond_t* cond) noexcept { return lwp_cond_broadcast(as_lwp(cond)); }
int pthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex) {
    return lwp_cond_wait(as_lwp(cond), as_lwp(mutex));
}
int pthread_cond_timedwait(pthread_cond_t* cond, pthread_mutex_t* mutex,
                           const struct timespec* deadline) {
    return lwp_cond_timedwait(as_lwp(cond), as_lwp(mutex), deadline);
}
int pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t clock,
                           const struct timespec* deadline) {
    return lwp_cond_clockwait(as_lwp(cond), as_lwp(mutex), clock, deadline);
}
}
