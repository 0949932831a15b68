/* Bad input and edge cases of the pthread, semaphore and sched functions:
 * each gives the error number POSIX and glibc give it, and a refused call
 * leaves its object as it was. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static void attributes(void) {
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN - 1), EINVAL);
    CHECK_EQ(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN), 0);
    size_t size = 0;
    CHECK_EQ(pthread_attr_getstacksize(&attr, &size), 0);
    CHECK_EQ(size, PTHREAD_STACK_MIN);
    CHECK_EQ(pthread_attr_setdetachstate(&attr, -1), EINVAL);
    CHECK_EQ(pthread_attr_setscope(&attr, 99), EINVAL);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, 99), EINVAL);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, 99), EINVAL);
    /* The policy is SCHED_OTHER, whose only priority is 0: any other is
     * not a valid parameter for it (EINVAL), as in glibc. */
    struct sched_param parameter = {.sched_priority = 5};
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    parameter.sched_priority = -1;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), 0);
    parameter.sched_priority = 7;
    CHECK_EQ(pthread_attr_getschedparam(&attr, &parameter), 0);
    CHECK_EQ(parameter.sched_priority, 0);
    /* SCHED_RR's range is 1..99. */
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_RR), 0);
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    parameter.sched_priority = 100;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    parameter.sched_priority = 99;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_OTHER), 0);

    void* address = &size;
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc takes a null stack address as any other; lwp's attr keeps null
     * for "no stack of the caller's" and refuses it (docs/posix.md). */
    CHECK_EQ(pthread_attr_setstack(&attr, NULL, 1 << 20), 0);
#else
    CHECK_EQ(pthread_attr_setstack(&attr, NULL, 1 << 20), EINVAL);
#endif
    static char small_stack[65536];
    CHECK_EQ(pthread_attr_setstack(&attr, small_stack, PTHREAD_STACK_MIN - 1), EINVAL);
    CHECK_EQ(pthread_attr_getstack(&attr, &address, &size), 0);
    CHECK(address == NULL); /* refused calls left no stack behind */
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
#ifndef CHECKING_AGAINST_GLIBC
    /* lwp recognises a destroyed attr; glibc does not (it is undefined
     * behaviour there, and the call succeeds): docs/posix.md. */
    CHECK_EQ(pthread_attr_setstacksize(&attr, 1 << 20), EINVAL); /* destroyed */
#endif
}

static void* idle(void* argument) { return argument; }

static volatile pid_t ended_thread_tid;

static void* wait_for_release(void* release) {
    ended_thread_tid = gettid();
    while (sem_wait(release) != 0) CHECK_EQ(errno, EINTR);
    return release;
}

/* The kernel clears a thread's tid word before it removes the thread's
 * /proc entry, so once the entry is gone a join has nothing to wait for. */
static void wait_until_thread_is_gone(void) {
    while (ended_thread_tid == 0) sched_yield();
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d", (int)ended_thread_tid);
    struct timespec pause = {.tv_sec = 0, .tv_nsec = 1000000};
    while (access(path, F_OK) == 0) nanosleep(&pause, NULL);
    CHECK_EQ(errno, ENOENT);
}

static void mutexes(void) {
    pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_t checked = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
    struct timespec bad = {.tv_sec = 0, .tv_nsec = 1000000000};
    /* A lock that must wait judges its deadline first. */
    CHECK_EQ(pthread_mutex_lock(&plain), 0);
    CHECK_EQ(pthread_mutex_timedlock(&plain, &bad), EINVAL);
    bad.tv_nsec = -1;
    CHECK_EQ(pthread_mutex_timedlock(&plain, &bad), EINVAL);
    CHECK_EQ(pthread_mutex_clocklock(&plain, CLOCK_PROCESS_CPUTIME_ID, &bad), EINVAL);
    CHECK_EQ(pthread_mutex_destroy(&plain), EBUSY);
    CHECK_EQ(pthread_mutex_unlock(&plain), 0);
    CHECK_EQ(pthread_mutex_lock(&checked), 0);
    CHECK_EQ(pthread_mutex_timedlock(&checked, &bad), EDEADLK);

    /* A condition wait refused for its deadline keeps the mutex held. */
    pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
    CHECK_EQ(pthread_cond_timedwait(&cond, &checked, &bad), EINVAL);
    CHECK_EQ(pthread_mutex_unlock(&checked), 0);
    CHECK_EQ(pthread_mutex_unlock(&checked), EPERM);

    /* A recursive mutex at the deepest count glibc's __count can hold
     * refuses one more level (EAGAIN) and stays held as it was. Reaching it by
     * locking would take 2^32 calls, so the count is set through glibc's
     * field, where lwp keeps it too. */
    pthread_mutex_t recursive = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
    CHECK_EQ(pthread_mutex_lock(&recursive), 0);
    recursive.__data.__count = UINT_MAX;
    CHECK_EQ(pthread_mutex_lock(&recursive), EAGAIN);
    CHECK_EQ(pthread_mutex_trylock(&recursive), EAGAIN);
    CHECK_EQ(pthread_mutex_timedlock(&recursive, &bad), EAGAIN);
    CHECK_EQ(recursive.__data.__count, UINT_MAX);
    recursive.__data.__count = 1;
    CHECK_EQ(pthread_mutex_unlock(&recursive), 0);
    CHECK_EQ(pthread_mutex_unlock(&recursive), EPERM);

    pthread_mutexattr_t attr;
    CHECK_EQ(pthread_mutexattr_init(&attr), 0);
    CHECK_EQ(pthread_mutexattr_settype(&attr, -1), EINVAL);
    CHECK_EQ(pthread_mutexattr_setrobust(&attr, 99), EINVAL);
    CHECK_EQ(pthread_mutexattr_setprotocol(&attr, 99), EINVAL);
    CHECK_EQ(pthread_mutexattr_setpshared(&attr, 99), EINVAL);
    int value = -1;
    CHECK_EQ(pthread_mutexattr_getrobust(&attr, &value), 0);
    CHECK_EQ(value, PTHREAD_MUTEX_STALLED);
    CHECK_EQ(pthread_mutexattr_destroy(&attr), 0);

    pthread_condattr_t condattr;
    CHECK_EQ(pthread_condattr_init(&condattr), 0);
    CHECK_EQ(pthread_condattr_setclock(&condattr, CLOCK_PROCESS_CPUTIME_ID), EINVAL);
    CHECK_EQ(pthread_condattr_setclock(&condattr, CLOCK_THREAD_CPUTIME_ID), EINVAL);
    clockid_t clock = -1;
    CHECK_EQ(pthread_condattr_getclock(&condattr, &clock), 0);
    CHECK_EQ(clock, CLOCK_REALTIME);
    CHECK_EQ(pthread_condattr_destroy(&condattr), 0);
}

static int once_runs;
static void count_once(void) { once_runs++; }

static void keys_and_once(void) {
    static pthread_key_t keys[PTHREAD_KEYS_MAX + 1];
    int created = 0;
    int error = 0;
    while (created <= PTHREAD_KEYS_MAX && (error = pthread_key_create(&keys[created], NULL)) == 0)
        created++;
    CHECK_EQ(error, EAGAIN);
    CHECK(created >= 1 && created <= PTHREAD_KEYS_MAX);
    CHECK_EQ(pthread_setspecific(keys[0], &created), 0);
    for (int i = 0; i < created; ++i) CHECK_EQ(pthread_key_delete(keys[i]), 0);
    CHECK_EQ(pthread_key_delete(keys[0]), EINVAL);
    CHECK_EQ(pthread_key_delete(PTHREAD_KEYS_MAX), EINVAL);
    CHECK(pthread_getspecific(keys[0]) == NULL);
    CHECK_EQ(pthread_setspecific(keys[0], &created), EINVAL);
    CHECK_EQ(pthread_setspecific(PTHREAD_KEYS_MAX, &created), EINVAL);

    pthread_once_t once = PTHREAD_ONCE_INIT;
    CHECK_EQ(pthread_once(&once, count_once), 0);
    CHECK_EQ(pthread_once(&once, count_once), 0);
    CHECK_EQ(once_runs, 1);
}

static void semaphores(void) {
    sem_t sem;
    errno = 0;
    CHECK_EQ(sem_init(&sem, 0, (unsigned)SEM_VALUE_MAX + 1), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_init(&sem, 1, 0), 0);  /* process-shared */
    CHECK_EQ(sem_destroy(&sem), 0);
    CHECK_EQ(sem_init(&sem, 0, 0), 0);
    struct timespec bad = {.tv_sec = 0, .tv_nsec = 1000000000};
    CHECK_EQ(sem_timedwait(&sem, &bad), -1);
    CHECK_EQ(errno, EINVAL);
    bad.tv_nsec = -1;
    CHECK_EQ(sem_timedwait(&sem, &bad), -1);
    CHECK_EQ(errno, EINVAL);
    struct timespec past = {.tv_sec = 0, .tv_nsec = 0};
    CHECK_EQ(sem_timedwait(&sem, &past), -1);
    CHECK_EQ(errno, ETIMEDOUT);
    CHECK_EQ(sem_clockwait(&sem, CLOCK_PROCESS_CPUTIME_ID, &past), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_post(&sem), 0);
    int value = -1;
    CHECK_EQ(sem_getvalue(&sem, &value), 0);
    CHECK_EQ(value, 1); /* the refused waits took nothing */
    CHECK_EQ(sem_destroy(&sem), 0);
    CHECK_EQ(sem_close(&sem), -1); /* not one sem_open gave */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_unlink("/lwp-surely-absent"), -1);
    CHECK_EQ(errno, ENOENT);
}

static void signals(void) {
    /* With no new set, `how` is not looked at (POSIX): the call only
     * reports the mask, as sigprocmask does. */
    sigset_t block, old, reported;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &block, &old), 0);
    sigemptyset(&reported);
    CHECK_EQ(pthread_sigmask(12345, NULL, &reported), 0);
    CHECK_EQ(sigismember(&reported, SIGUSR1), 1);
    CHECK_EQ(sigprocmask(12345, NULL, &reported), 0);
    CHECK_EQ(pthread_sigmask(12345, &block, NULL), EINVAL);
    CHECK_EQ(pthread_sigmask(SIG_SETMASK, &old, NULL), 0);
    CHECK_EQ(pthread_sigmask(SIG_SETMASK, NULL, &reported), 0);
    CHECK_EQ(sigismember(&reported, SIGUSR1), 0);

    CHECK_EQ(pthread_kill(pthread_self(), 0), 0);
    CHECK_EQ(pthread_kill(pthread_self(), -1), EINVAL);
    CHECK_EQ(pthread_kill(pthread_self(), 65), EINVAL);
    union sigval value = {.sival_int = 1};
    CHECK_EQ(pthread_sigqueue(pthread_self(), 65, value), EINVAL);
    CHECK_EQ(pthread_sigqueue(pthread_self(), 0, value), 0);
}

static void names_and_threads(void) {
    char name[16];
    CHECK_EQ(pthread_setname_np(pthread_self(), "sixteen-chars-xx"), ERANGE);
    CHECK_EQ(pthread_setname_np(pthread_self(), "fifteen-chars-x"), 0);
    CHECK_EQ(pthread_getname_np(pthread_self(), name, 15), ERANGE);
    CHECK_EQ(pthread_getname_np(pthread_self(), name, 16), 0);
    CHECK_STREQ(name, "fifteen-chars-x");

    /* A joined thread is gone: every call naming it says ESRCH. */
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, idle, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
#ifndef CHECKING_AGAINST_GLIBC
    /* lwp's handles carry a generation (docs/posix.md, pthread_t); glibc's
     * point at the descriptor, and using a joined one is undefined there. */
    CHECK_EQ(pthread_setname_np(thread, "gone"), ESRCH);
    CHECK_EQ(pthread_getname_np(thread, name, sizeof name), ESRCH);
    CHECK_EQ(pthread_detach(thread), ESRCH);
    clockid_t clock;
    CHECK_EQ(pthread_getcpuclockid(thread, &clock), ESRCH);
    struct sched_param parameter = {0};
    int policy;
    CHECK_EQ(pthread_getschedparam(thread, &policy, &parameter), ESRCH);
    pthread_attr_t attr;
    CHECK_EQ(pthread_getattr_np(thread, &attr), ESRCH);
#endif

    /* A clock no timed wait can use is refused even without a deadline, and
     * the thread stays joinable. */
    CHECK_EQ(pthread_create(&thread, NULL, idle, NULL), 0);
    CHECK_EQ(pthread_clockjoin_np(thread, NULL, CLOCK_PROCESS_CPUTIME_ID, NULL), EINVAL);
    CHECK_EQ(pthread_clockjoin_np(thread, NULL, CLOCK_MONOTONIC, NULL), 0);

    /* A bad deadline is judged only when the join must wait: while the
     * thread runs it is refused and the thread stays joinable; once the
     * thread has ended it is joined whatever the deadline says. */
    struct timespec bad = {.tv_sec = 0, .tv_nsec = -1};
    struct timespec too_many_nanoseconds = {.tv_sec = 0, .tv_nsec = 1000000000L};
    sem_t release;
    CHECK_EQ(sem_init(&release, 0, 0), 0);
    ended_thread_tid = 0;
    CHECK_EQ(pthread_create(&thread, NULL, wait_for_release, &release), 0);
#ifndef CHECKING_AGAINST_GLIBC
    /* glibc 2.36 does not refuse these: it retries the futex wait that the
     * kernel refuses with EINVAL until the thread ends, spinning meanwhile. */
    CHECK_EQ(pthread_timedjoin_np(thread, NULL, &bad), EINVAL);
    CHECK_EQ(pthread_clockjoin_np(thread, NULL, CLOCK_MONOTONIC, &too_many_nanoseconds), EINVAL);
#else
    (void)too_many_nanoseconds;
#endif
    CHECK_EQ(sem_post(&release), 0);
    wait_until_thread_is_gone();
    void* result = NULL;
    CHECK_EQ(pthread_timedjoin_np(thread, &result, &bad), 0);
    CHECK(result == &release);
    CHECK_EQ(sem_destroy(&release), 0);

    CHECK_EQ(pthread_setconcurrency(-1), EINVAL);
    CHECK_EQ(pthread_setconcurrency(3), 0);
    CHECK_EQ(pthread_getconcurrency(), 3);
    CHECK_EQ(pthread_setconcurrency(0), 0);
}

int main(void) {
    attributes();
    mutexes();
    keys_and_once();
    semaphores();
    signals();
    names_and_threads();
    puts("pthread_bad_input: ok");
    return 0;
}
