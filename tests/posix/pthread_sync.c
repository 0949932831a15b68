/* Mutexes, condition variables, read-write locks, barriers, spinlocks, once,
 * keys and semaphores through glibc's headers, static initializers included. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

enum { threads = 4, rounds = 20000 };

static pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t recursive = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t errorcheck = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_spinlock_t spin;
static pthread_barrier_t barrier;
static sem_t sem;
static pthread_key_t key;

static long counter, spin_counter, writers_inside, once_runs, destructor_runs;

static void run_once(void) { once_runs++; }
static void key_destructor(void* value) {
    __atomic_fetch_add(&destructor_runs, 1, __ATOMIC_RELAXED);
    free(value);
}

static void* worker(void* argument) {
    (void)argument;
    pthread_once(&once, run_once);
    pthread_setspecific(key, malloc(16));
    for (int i = 0; i < rounds; ++i) {
        pthread_mutex_lock(&plain);
        counter++;
        pthread_mutex_unlock(&plain);
        pthread_spin_lock(&spin);
        spin_counter++;
        pthread_spin_unlock(&spin);
        if (i % 100 == 0) {
            pthread_rwlock_wrlock(&rwlock);
            if (++writers_inside != 1) abort();
            writers_inside--;
            pthread_rwlock_unlock(&rwlock);
        } else {
            pthread_rwlock_rdlock(&rwlock);
            if (writers_inside != 0) abort();
            pthread_rwlock_unlock(&rwlock);
        }
    }
    int serial = pthread_barrier_wait(&barrier);
    sem_post(&sem);
    return (void*)(long)(serial == PTHREAD_BARRIER_SERIAL_THREAD);
}

static int ready;
static void* signaller(void* argument) {
    (void)argument;
    pthread_mutex_lock(&plain);
    ready = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&plain);
    return NULL;
}

/* Takes a robust mutex and ends holding it. */
static void* lock_and_end(void* argument) {
    CHECK(pthread_mutex_lock((pthread_mutex_t*)argument) == 0);
    return NULL;
}

/* A robust mutex whose holder ended: the next lock gets it with EOWNERDEAD;
 * made consistent, it works again; unlocked without that, it is gone. */
static void check_robust(int type, int protocol) {
    pthread_mutexattr_t attr;
    int robustness = -1;
    CHECK(pthread_mutexattr_init(&attr) == 0);
    CHECK(pthread_mutexattr_getrobust(&attr, &robustness) == 0 && robustness == PTHREAD_MUTEX_STALLED);
    CHECK(pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST) == 0);
    CHECK(pthread_mutexattr_getrobust(&attr, &robustness) == 0 && robustness == PTHREAD_MUTEX_ROBUST);
    CHECK(pthread_mutexattr_settype(&attr, type) == 0);
    CHECK(pthread_mutexattr_setprotocol(&attr, protocol) == 0);
    pthread_mutex_t robust;
    CHECK(pthread_mutex_init(&robust, &attr) == 0);
    CHECK(pthread_mutex_consistent(&robust) == EINVAL); /* not inconsistent */

    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, lock_and_end, &robust) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK(pthread_mutex_lock(&robust) == EOWNERDEAD);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc's futex word is __lock (its __owner holds INT_MAX while the
     * mutex is inconsistent); lwp's is the __owner field (docs/sync.md). */
    CHECK((robust.__data.__lock & 0x3fffffff) == gettid());
#else
    CHECK(robust.__data.__owner == gettid());
#endif
    CHECK(pthread_mutex_consistent(&robust) == 0);
    CHECK(pthread_mutex_consistent(&robust) == EINVAL); /* already consistent */
    CHECK(pthread_mutex_unlock(&robust) == 0);
    CHECK(pthread_mutex_trylock(&robust) == 0);
    CHECK(pthread_mutex_unlock(&robust) == 0);

    CHECK(pthread_create(&thread, NULL, lock_and_end, &robust) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK(pthread_mutex_trylock(&robust) == EOWNERDEAD);
    CHECK(pthread_mutex_unlock(&robust) == 0); /* without consistent: not recoverable */
    CHECK(pthread_mutex_lock(&robust) == ENOTRECOVERABLE);
    CHECK(pthread_mutex_trylock(&robust) == ENOTRECOVERABLE);
#ifndef CHECKING_AGAINST_GLIBC
    /* glibc 2.36's failed trylock leaves the word holding the caller's tid
     * (its unlock-back tests the value before its compare-exchange), and
     * this unlock then dequeues a mutex that is on no list: it crashes. */
    CHECK(pthread_mutex_unlock(&robust) == EPERM);
#endif
    CHECK(pthread_mutex_destroy(&robust) == 0);

    CHECK(pthread_mutexattr_setrobust(&attr, 7) == EINVAL);
    CHECK(pthread_mutexattr_destroy(&attr) == 0);
}

int main(void) {
    CHECK(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE) == 0);
    CHECK(pthread_barrier_init(&barrier, NULL, threads) == 0);
    CHECK(pthread_barrier_init(&(pthread_barrier_t){0}, NULL, 0) == EINVAL);
    CHECK(sem_init(&sem, 0, 0) == 0);
    CHECK(pthread_key_create(&key, key_destructor) == 0);

    pthread_t workers[threads];
    for (int i = 0; i < threads; ++i) CHECK(pthread_create(&workers[i], NULL, worker, NULL) == 0);
    for (int i = 0; i < threads; ++i) CHECK(sem_wait(&sem) == 0);
    long serial_count = 0;
    for (int i = 0; i < threads; ++i) {
        void* serial;
        CHECK(pthread_join(workers[i], &serial) == 0);
        serial_count += (long)serial;
    }
    CHECK(counter == (long)threads * rounds);
    CHECK(spin_counter == (long)threads * rounds);
    CHECK(once_runs == 1);
    CHECK(serial_count == 1);
    CHECK(destructor_runs == threads);

    /* Recursive and error-checking kinds from the glibc initializers. */
    CHECK(pthread_mutex_lock(&recursive) == 0);
    CHECK(pthread_mutex_lock(&recursive) == 0);
    CHECK(pthread_mutex_unlock(&recursive) == 0);
    CHECK(pthread_mutex_unlock(&recursive) == 0);
    CHECK(pthread_mutex_unlock(&recursive) == EPERM);
    CHECK(pthread_mutex_lock(&errorcheck) == 0);
    CHECK(pthread_mutex_lock(&errorcheck) == EDEADLK);
    CHECK(pthread_mutex_trylock(&errorcheck) == EBUSY);
    CHECK(pthread_mutex_unlock(&errorcheck) == 0);
    CHECK(pthread_mutex_unlock(&errorcheck) == EPERM);

    /* An all-zero mutex is a default one. */
    pthread_mutex_t zeroed;
    memset(&zeroed, 0, sizeof zeroed);
    CHECK(pthread_mutex_trylock(&zeroed) == 0);
    CHECK(pthread_mutex_unlock(&zeroed) == 0);

    /* Condition variable with a real waiter, then a timeout. */
    pthread_t thread;
    CHECK(pthread_mutex_lock(&plain) == 0);
    CHECK(pthread_create(&thread, NULL, signaller, NULL) == 0);
    while (!ready) CHECK(pthread_cond_wait(&cond, &plain) == 0);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    CHECK(pthread_cond_timedwait(&cond, &plain, &deadline) == ETIMEDOUT);
    CHECK(pthread_mutex_unlock(&plain) == 0);
    CHECK(pthread_join(thread, NULL) == 0);

    /* Monotonic condition variables through the attribute. */
    pthread_condattr_t condattr;
    clockid_t clock = -1;
    CHECK(pthread_condattr_init(&condattr) == 0);
    CHECK(pthread_condattr_setclock(&condattr, CLOCK_MONOTONIC) == 0);
    CHECK(pthread_condattr_getclock(&condattr, &clock) == 0 && clock == CLOCK_MONOTONIC);
    int pshared = -1;
    CHECK(pthread_condattr_setpshared(&condattr, PTHREAD_PROCESS_SHARED) == 0);
    CHECK(pthread_condattr_getpshared(&condattr, &pshared) == 0 && pshared == PTHREAD_PROCESS_SHARED);
    CHECK(pthread_condattr_setpshared(&condattr, 7) == EINVAL);
    CHECK(pthread_condattr_destroy(&condattr) == 0);

    /* Semaphores report errors through errno. */
    CHECK(sem_trywait(&sem) == -1 && errno == EAGAIN);
    CHECK(sem_init(&sem, 0, 2147483647u) == 0);
    CHECK(sem_post(&sem) == -1 && errno == EOVERFLOW);
    CHECK(sem_open("/lwp-surely-absent", 0) == SEM_FAILED && errno == ENOENT);

    /* Not supported, and said so. */
    pthread_mutexattr_t mutexattr;
    CHECK(pthread_mutexattr_init(&mutexattr) == 0);
    CHECK(pthread_mutexattr_settype(&mutexattr, 12345) == EINVAL);
    /* Priority inheritance is supported: the mutex's futex word names its
     * holder, the way the kernel's PI futexes need it. */
    int protocol = -1;
    CHECK(pthread_mutexattr_getprotocol(&mutexattr, &protocol) == 0 && protocol == PTHREAD_PRIO_NONE);
    CHECK(pthread_mutexattr_setprotocol(&mutexattr, PTHREAD_PRIO_INHERIT) == 0);
    CHECK(pthread_mutexattr_getprotocol(&mutexattr, &protocol) == 0 && protocol == PTHREAD_PRIO_INHERIT);
    CHECK(pthread_mutexattr_settype(&mutexattr, PTHREAD_MUTEX_ERRORCHECK) == 0);
    pthread_mutex_t inheriting;
    CHECK(pthread_mutex_init(&inheriting, &mutexattr) == 0);
    CHECK(pthread_mutex_lock(&inheriting) == 0);
    CHECK(inheriting.__data.__owner == gettid());
    CHECK(pthread_mutex_lock(&inheriting) == EDEADLK);
    CHECK(pthread_mutex_destroy(&inheriting) == EBUSY);
    CHECK(pthread_mutex_unlock(&inheriting) == 0);
    CHECK(pthread_mutex_unlock(&inheriting) == EPERM);
    CHECK(pthread_mutex_destroy(&inheriting) == 0);
    CHECK(pthread_mutexattr_destroy(&mutexattr) == 0);
    CHECK(pthread_mutex_consistent(&plain) == EINVAL);
    check_robust(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_NONE);
    check_robust(PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_NONE);
    check_robust(PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PRIO_NONE);
    check_robust(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_INHERIT);
    check_robust(PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_INHERIT);
    check_robust(PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PRIO_INHERIT);
    puts("pthread_sync: ok");
    return 0;
}
