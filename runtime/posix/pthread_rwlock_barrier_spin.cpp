// pthread_rwlock_*, pthread_barrier_*, pthread_spin_* over their lwp forms.
#include <pthread.h>

#include <cerrno>

#include "lwp/lwp.h"

namespace {
lwp_rwlock_t* as_lwp(pthread_rwlock_t* lock) { return reinterpret_cast<lwp_rwlock_t*>(lock); }

// pthread_rwlockattr_t as this layer keeps it: glibc's kind value as the
// program set it (so getkind reports it back unchanged), translated into an
// lwp kind only at pthread_rwlock_init, and the process-shared setting.
struct rwlock_attributes {
    int kind;
    int shared;
};
static_assert(sizeof(rwlock_attributes) <= sizeof(pthread_rwlockattr_t));
rwlock_attributes* as_attributes(pthread_rwlockattr_t* attr) {
    return reinterpret_cast<rwlock_attributes*>(attr);
}
const rwlock_attributes* as_attributes(const pthread_rwlockattr_t* attr) {
    return reinterpret_cast<const rwlock_attributes*>(attr);
}

// glibc's three kinds onto lwp's two. PREFER_WRITER_NP is reader-preferring
// in glibc too (its documentation says so: a writer preference that still
// lets recursive readers in cannot be had), so it maps to PREFER_READER.
// glibc's default, all zeros included, is PREFER_READER_NP, which is why lwp
// puts its kind where glibc puts __flags with glibc's values.
int lwp_kind_of(int pthread_kind) {
    return pthread_kind == PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP ? LWP_RWLOCK_PREFER_WRITER
                                                                       : LWP_RWLOCK_PREFER_READER;
}
lwp_barrier_t* as_lwp(pthread_barrier_t* barrier) { return reinterpret_cast<lwp_barrier_t*>(barrier); }
lwp_barrierattr_t* as_lwp(pthread_barrierattr_t* attr) { return reinterpret_cast<lwp_barrierattr_t*>(attr); }
const lwp_barrierattr_t* as_lwp(const pthread_barrierattr_t* attr) {
    return reinterpret_cast<const lwp_barrierattr_t*>(attr);
}
lwp_spinlock_t* as_lwp(pthread_spinlock_t* lock) { return reinterpret_cast<lwp_spinlock_t*>(const_cast<int*>(lock)); }
}  // namespace

extern "C" {

int pthread_rwlockattr_init(pthread_rwlockattr_t* attr) noexcept {
    if (attr == nullptr) return EINVAL;
    *as_attributes(attr) = rwlock_attributes{PTHREAD_RWLOCK_DEFAULT_NP, PTHREAD_PROCESS_PRIVATE};
    return 0;
}
int pthread_rwlockattr_destroy(pthread_rwlockattr_t* attr) noexcept { return attr ? 0 : EINVAL; }
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t* attr, int pshared) noexcept {
    if (attr == nullptr) return EINVAL;
    if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
    as_attributes(attr)->shared = pshared;
    return 0;
}
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t* attr, int* pshared) noexcept {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = as_attributes(attr)->shared;
    return 0;
}
int pthread_rwlockattr_setkind_np(pthread_rwlockattr_t* attr, int kind) noexcept {
    if (attr == nullptr) return EINVAL;
    if (kind != PTHREAD_RWLOCK_PREFER_READER_NP && kind != PTHREAD_RWLOCK_PREFER_WRITER_NP &&
        kind != PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP)
        return EINVAL;
    as_attributes(attr)->kind = kind;
    return 0;
}
int pthread_rwlockattr_getkind_np(const pthread_rwlockattr_t* attr, int* kind) noexcept {
    if (attr == nullptr || kind == nullptr) return EINVAL;
    *kind = as_attributes(attr)->kind;
    return 0;
}

// Without attributes, glibc's default kind (reader-preferring), the same as
// PTHREAD_RWLOCK_INITIALIZER gives; lwp's own default prefers writers.
int pthread_rwlock_init(pthread_rwlock_t* lock, const pthread_rwlockattr_t* attr) noexcept {
    lwp_rwlockattr_t lwp_attr;
    lwp_rwlockattr_init(&lwp_attr);
    lwp_rwlockattr_setkind(&lwp_attr,
                           lwp_kind_of(attr ? as_attributes(attr)->kind : PTHREAD_RWLOCK_DEFAULT_NP));
    if (attr) lwp_rwlockattr_setpshared(&lwp_attr, as_attributes(attr)->shared);
    return lwp_rwlock_init(as_lwp(lock), &lwp_attr);
}
int pthread_rwlock_destroy(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_destroy(as_lwp(lock)); }
int pthread_rwlock_rdlock(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_rdlock(as_lwp(lock)); }
int pthread_rwlock_tryrdlock(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_tryrdlock(as_lwp(lock)); }
int pthread_rwlock_timedrdlock(pthread_rwlock_t* lock, const struct timespec* deadline) noexcept {
    return lwp_rwlock_timedrdlock(as_lwp(lock), deadline);
}
int pthread_rwlock_clockrdlock(pthread_rwlock_t* lock, clockid_t clock,
                               const struct timespec* deadline) noexcept {
    return lwp_rwlock_clockrdlock(as_lwp(lock), clock, deadline);
}
int pthread_rwlock_wrlock(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_wrlock(as_lwp(lock)); }
int pthread_rwlock_trywrlock(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_trywrlock(as_lwp(lock)); }
int pthread_rwlock_timedwrlock(pthread_rwlock_t* lock, const struct timespec* deadline) noexcept {
    return lwp_rwlock_timedwrlock(as_lwp(lock), deadline);
}
int pthread_rwlock_clockwrlock(pthread_rwlock_t* lock, clockid_t clock,
                               const struct timespec* deadline) noexcept {
    return lwp_rwlock_clockwrlock(as_lwp(lock), clock, deadline);
}
int pthread_rwlock_unlock(pthread_rwlock_t* lock) noexcept { return lwp_rwlock_unlock(as_lwp(lock)); }

int pthread_barrierattr_init(pthread_barrierattr_t* attr) noexcept { return lwp_barrierattr_init(as_lwp(attr)); }
int pthread_barrierattr_destroy(pthread_barrierattr_t* attr) noexcept {
    return lwp_barrierattr_destroy(as_lwp(attr));
}
int pthread_barrierattr_setpshared(pthread_barrierattr_t* attr, int pshared) noexcept {
    return lwp_barrierattr_setpshared(as_lwp(attr), pshared);
}
int pthread_barrierattr_getpshared(const pthread_barrierattr_t* attr, int* pshared) noexcept {
    return lwp_barrierattr_getpshared(as_lwp(attr), pshared);
}
int pthread_barrier_init(pthread_barrier_t* barrier, const pthread_barrierattr_t* attr,
                         unsigned int count) noexcept {
    return lwp_barrier_init(as_lwp(barrier), as_lwp(attr), count);
}
int pthread_barrier_destroy(pthread_barrier_t* barrier) noexcept { return lwp_barrier_destroy(as_lwp(barrier)); }
int pthread_barrier_wait(pthread_barrier_t* barrier) noexcept { return lwp_barrier_wait(as_lwp(barrier)); }

int pthread_spin_init(pthread_spinlock_t* lock, int pshared) noexcept { return lwp_spin_init(as_lwp(lock), pshared); }
int pthread_spin_destroy(pthread_spinlock_t* lock) noexcept { return lwp_spin_destroy(as_lwp(lock)); }
int pthread_spin_lock(pthread_spinlock_t* lock) noexcept { return lwp_spin_lock(as_lwp(lock)); }
int pthread_spin_trylock(pthread_spinlock_t* lock) noexcept { return lwp_spin_trylock(as_lwp(lock)); }
int pthread_spin_unlock(pthread_spinlock_t* lock) noexcept { return lwp_spin_unlock(as_lwp(lock)); }
}
