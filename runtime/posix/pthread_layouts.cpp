// The glibc x86_64 type layouts that the pthread layer relies on, pinned
// against the system's own headers: lwp's objects live inside glibc's.
#include <pthread.h>
#include <semaphore.h>

#include <climits>
#include <cstddef>

#include "lwp/lwp.h"

namespace {

template <class Glibc, class Lwp>
constexpr bool fits_inside() {
    return sizeof(Lwp) <= sizeof(Glibc) && alignof(Lwp) <= alignof(Glibc);
}

// The sizes glibc documents for x86_64 (the table), checked against
// the headers this is compiled with.
static_assert(sizeof(pthread_t) == 8 && sizeof(pthread_t) == sizeof(lwp_t));
static_assert(sizeof(pthread_attr_t) == 56);
static_assert(sizeof(pthread_mutex_t) == 40);
static_assert(sizeof(pthread_mutexattr_t) == 4);
static_assert(sizeof(pthread_cond_t) == 48);
static_assert(sizeof(pthread_condattr_t) == 4);
static_assert(sizeof(pthread_rwlock_t) == 56);
static_assert(sizeof(pthread_rwlockattr_t) == 8);
static_assert(sizeof(pthread_barrier_t) == 32);
static_assert(sizeof(pthread_barrierattr_t) == 4);
static_assert(sizeof(sem_t) == 32);
static_assert(sizeof(pthread_key_t) == sizeof(lwp_key_t));
static_assert(sizeof(pthread_once_t) == sizeof(lwp_once_t));
static_assert(sizeof(pthread_spinlock_t) == sizeof(lwp_spinlock_t));

static_assert(fits_inside<pthread_attr_t, lwp_attr_t>());
static_assert(fits_inside<pthread_mutex_t, lwp_mutex_t>());
static_assert(fits_inside<pthread_mutexattr_t, lwp_mutexattr_t>());
static_assert(fits_inside<pthread_cond_t, lwp_cond_t>());
static_assert(fits_inside<pthread_condattr_t, lwp_condattr_t>());
static_assert(fits_inside<pthread_rwlock_t, lwp_rwlock_t>());
static_assert(fits_inside<pthread_rwlockattr_t, lwp_rwlockattr_t>());
static_assert(fits_inside<pthread_barrier_t, lwp_barrier_t>());
static_assert(fits_inside<pthread_barrierattr_t, lwp_barrierattr_t>());
static_assert(fits_inside<sem_t, lwp_sem_t>());

// glibc's static initializers write the mutex kind at byte 16 (__kind); lwp's
// mutex reads it from the same place, so PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP
// and PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP work unchanged.
static_assert(offsetof(pthread_mutex_t, __data.__kind) == offsetof(lwp_mutex_t, kind));
static_assert(int{PTHREAD_MUTEX_NORMAL} == int{LWP_MUTEX_NORMAL});
static_assert(int{PTHREAD_MUTEX_RECURSIVE} == int{LWP_MUTEX_RECURSIVE});
static_assert(int{PTHREAD_MUTEX_ERRORCHECK} == int{LWP_MUTEX_ERRORCHECK});
static_assert(int{PTHREAD_CREATE_JOINABLE} == int{LWP_CREATE_JOINABLE});
static_assert(int{PTHREAD_CREATE_DETACHED} == int{LWP_CREATE_DETACHED});
static_assert(int{PTHREAD_BARRIER_SERIAL_THREAD} == int{LWP_BARRIER_SERIAL_THREAD});
static_assert(int{PTHREAD_PROCESS_PRIVATE} == int{LWP_PROCESS_PRIVATE});
static_assert(int{PTHREAD_PROCESS_SHARED} == int{LWP_PROCESS_SHARED});
static_assert(PTHREAD_KEYS_MAX <= LWP_KEYS_MAX);
static_assert(int{PTHREAD_DESTRUCTOR_ITERATIONS} == int{LWP_DESTRUCTOR_ITERATIONS});

// Every glibc static initializer is all zeros except the mutex kind, and an
// all-zero lwp object is a default one: check the initializers really are.
constexpr pthread_mutex_t plain_mutex = PTHREAD_MUTEX_INITIALIZER;
static_assert(plain_mutex.__data.__kind == 0 && plain_mutex.__data.__lock == 0);
constexpr pthread_mutex_t recursive_mutex = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static_assert(recursive_mutex.__data.__kind == PTHREAD_MUTEX_RECURSIVE);
constexpr pthread_mutex_t errorcheck_mutex = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static_assert(errorcheck_mutex.__data.__kind == PTHREAD_MUTEX_ERRORCHECK);
static_assert(PTHREAD_ONCE_INIT == 0);

// glibc's rwlock initializers write the kind into __flags (byte 48), and an
// all-zero lock is glibc's default, reader-preferring kind. lwp's rwlock reads
// its kind from the same place with the same values, so
// PTHREAD_RWLOCK_INITIALIZER is a reader-preferring lwp lock and
// PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP a writer-preferring one.
static_assert(offsetof(pthread_rwlock_t, __data.__flags) == offsetof(lwp_rwlock_t, kind));
static_assert(int{PTHREAD_RWLOCK_PREFER_READER_NP} == int{LWP_RWLOCK_PREFER_READER});
static_assert(int{PTHREAD_RWLOCK_DEFAULT_NP} == int{LWP_RWLOCK_PREFER_READER});
static_assert(int{PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP} == int{LWP_RWLOCK_PREFER_WRITER});
constexpr pthread_rwlock_t default_rwlock = PTHREAD_RWLOCK_INITIALIZER;
static_assert(default_rwlock.__data.__flags == LWP_RWLOCK_PREFER_READER &&
              default_rwlock.__data.__readers == 0);
constexpr pthread_rwlock_t writer_rwlock = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static_assert(writer_rwlock.__data.__flags == LWP_RWLOCK_PREFER_WRITER);

}  // namespace
