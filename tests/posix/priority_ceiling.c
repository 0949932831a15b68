/* Priority-ceiling mutexes (PTHREAD_PRIO_PROTECT) through the pthread API,
 * linked with lwp alone. While a thread holds one, the kernel runs it at the
 * ceiling, but pthread_getschedparam (asked by the thread itself or by
 * another) reports the scheduling it has apart from the ceiling, and
 * pthread_setschedparam / pthread_setschedprio from another thread change
 * that, keeping the raise until the unlock. pthread_mutex_setprioceiling from
 * a thread that does not hold the mutex waits until it is free. A thread
 * created by a raised thread starts at its creator's own scheduling (or its
 * attr's explicit one), not at the raise the kernel copies at clone.
 * Exits 77 where SCHED_FIFO cannot be used (neither root nor RLIMIT_RTPRIO). */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static pthread_mutex_t mutex;
static int stage;      /* 1: the holder holds it; 2: it may unlock; 3: it has */
static int holder_tid;
static int self_view_policy = -1, self_view_priority = -1;
static int after_unlock_policy = -1, after_unlock_priority = -1;
static int setter_done;

/* What a new thread runs at when its routine starts, and, once told to go
 * on, after whatever its creator changed meanwhile. */
struct start_view {
    int go;
    int start_policy, start_priority;
    int later_policy, later_priority;
};

static void sleep_ms(long milliseconds) {
    struct timespec duration = {milliseconds / 1000, (milliseconds % 1000) * 1000000L};
    nanosleep(&duration, NULL);
}

static int load(const int* word) { return __atomic_load_n(word, __ATOMIC_ACQUIRE); }
static void store(int* word, int value) { __atomic_store_n(word, value, __ATOMIC_RELEASE); }

static int kernel_policy(int tid) { return sched_getscheduler(tid); }
static int kernel_priority(int tid) {
    struct sched_param parameter = {0};
    sched_getparam(tid, &parameter);
    return parameter.sched_priority;
}

/* Holds the mutex (sleeping, never spinning: it runs SCHED_FIFO meanwhile)
 * until told to let go. */
static void* hold_until_told(void* unused) {
    (void)unused;
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    struct sched_param parameter;
    CHECK_EQ(pthread_getschedparam(pthread_self(), &self_view_policy, &parameter), 0);
    self_view_priority = parameter.sched_priority;
    store(&holder_tid, gettid());
    store(&stage, 1);
    while (load(&stage) != 2) sleep_ms(1);
    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
    after_unlock_policy = sched_getscheduler(0);
    after_unlock_priority = kernel_priority(0);
    store(&stage, 3);
    return NULL;
}

static void* record_scheduling(void* argument) {
    struct start_view* view = argument;
    view->start_policy = sched_getscheduler(0);
    view->start_priority = kernel_priority(0);
    while (!load(&view->go)) sleep_ms(1);
    view->later_policy = sched_getscheduler(0);
    view->later_priority = kernel_priority(0);
    return NULL;
}

/* Creates a thread with attr, lets it run once told, and joins it. */
static void start_and_join(const pthread_attr_t* attr, struct start_view* view) {
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, attr, record_scheduling, view), 0);
    store(&view->go, 1);
    CHECK_EQ(pthread_join(thread, NULL), 0);
}

/* Run by main while it holds a ceiling-8 mutex from SCHED_OTHER. */
static void check_children_of_a_raised_thread(void) {
    CHECK_EQ(kernel_policy(0), SCHED_FIFO);
    CHECK_EQ(kernel_priority(0), 8);

    struct start_view inherited = {0};
    start_and_join(NULL, &inherited);
    CHECK_EQ(inherited.start_policy, SCHED_OTHER);
    CHECK_EQ(inherited.start_priority, 0);

    /* Through the attr path too (a signal mask), still inheriting. */
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    sigset_t none;
    sigemptyset(&none);
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, &none), 0);
    struct start_view with_mask = {0};
    start_and_join(&attr, &with_mask);
    CHECK_EQ(with_mask.start_policy, SCHED_OTHER);

    /* Explicit scheduling wins over the creator's, raised or not. */
    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_FIFO), 0);
    struct sched_param fifo_2 = {.sched_priority = 2};
    CHECK_EQ(pthread_attr_setschedparam(&attr, &fifo_2), 0);
    struct start_view explicit_view = {0};
    start_and_join(&attr, &explicit_view);
    CHECK_EQ(explicit_view.start_policy, SCHED_FIFO);
    CHECK_EQ(explicit_view.start_priority, 2);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);

    /* Asked at once, before the child may even have run, pthread reports
     * the base; a new one set then is what the child runs at, whether it
     * had dropped to the old base before the call or drops after it. */
    struct start_view changed = {0};
    pthread_t child;
    CHECK_EQ(pthread_create(&child, NULL, record_scheduling, &changed), 0);
    int policy = -1;
    struct sched_param parameter = {.sched_priority = -1};
    CHECK_EQ(pthread_getschedparam(child, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_OTHER);
    CHECK_EQ(parameter.sched_priority, 0);
    parameter.sched_priority = 3;
    CHECK_EQ(pthread_setschedparam(child, SCHED_RR, &parameter), 0);
    store(&changed.go, 1);
    CHECK_EQ(pthread_join(child, NULL), 0);
    CHECK_EQ(changed.later_policy, SCHED_RR);
    CHECK_EQ(changed.later_priority, 3);
}

static int old_ceiling = -1;
static void* change_the_ceiling(void* unused) {
    (void)unused;
    CHECK_EQ(pthread_mutex_setprioceiling(&mutex, 9, &old_ceiling), 0);
    store(&setter_done, 1);
    return NULL;
}

int main(void) {
    struct sched_param fifo_10 = {.sched_priority = 10};
    if (sched_setscheduler(0, SCHED_FIFO, &fifo_10) != 0) {
        printf("SCHED_FIFO is not available here: nothing to check\n");
        return 77;
    }
    struct sched_param other = {.sched_priority = 0};
    CHECK_EQ(sched_setscheduler(0, SCHED_OTHER, &other), 0);

    pthread_mutexattr_t attr;
    CHECK_EQ(pthread_mutexattr_init(&attr), 0);
    CHECK_EQ(pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_PROTECT), 0);
    int protocol = -1;
    CHECK_EQ(pthread_mutexattr_getprotocol(&attr, &protocol), 0);
    CHECK_EQ(protocol, PTHREAD_PRIO_PROTECT);
    CHECK_EQ(pthread_mutexattr_setprioceiling(&attr, 8), 0);
    CHECK_EQ(pthread_mutex_init(&mutex, &attr), 0);
    CHECK_EQ(pthread_mutexattr_destroy(&attr), 0);
    int ceiling = -1;
    CHECK_EQ(pthread_mutex_getprioceiling(&mutex, &ceiling), 0);
    CHECK_EQ(ceiling, 8);

#ifdef CHECKING_AGAINST_GLIBC
    /* glibc refuses a time-sharing thread the lock (its priority 0 is
     * below every ceiling); lwp raises it to SCHED_FIFO at the ceiling
     * (docs/posix.md, pthread_mutexattr_setprotocol), which the rest of
     * this test is about. */
    CHECK_EQ(pthread_mutex_lock(&mutex), EINVAL);
    CHECK_EQ(pthread_mutex_destroy(&mutex), 0);
    puts("priority ceilings: glibc refuses a SCHED_OTHER holder, as expected");
    return 0;
#endif
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    check_children_of_a_raised_thread();
    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
    CHECK_EQ(kernel_policy(0), SCHED_OTHER);

    pthread_t holder;
    CHECK_EQ(pthread_create(&holder, NULL, hold_until_told, NULL), 0);
    while (load(&stage) != 1) sleep_ms(1);
    int tid = load(&holder_tid);

    /* The kernel runs it at the ceiling; pthread reports its own scheduling. */
    CHECK_EQ(kernel_policy(tid), SCHED_FIFO);
    CHECK_EQ(kernel_priority(tid), 8);
    CHECK_EQ(self_view_policy, SCHED_OTHER);
    CHECK_EQ(self_view_priority, 0);
    int policy = -1;
    struct sched_param parameter = {.sched_priority = -1};
    CHECK_EQ(pthread_getschedparam(holder, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_OTHER);
    CHECK_EQ(parameter.sched_priority, 0);

    /* A new base below the ceiling: reported, but the raise stays. */
    parameter.sched_priority = 3;
    CHECK_EQ(pthread_setschedparam(holder, SCHED_FIFO, &parameter), 0);
    CHECK_EQ(pthread_getschedparam(holder, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_FIFO);
    CHECK_EQ(parameter.sched_priority, 3);
    CHECK_EQ(kernel_policy(tid), SCHED_FIFO);
    CHECK_EQ(kernel_priority(tid), 8);
    CHECK_EQ(pthread_setschedprio(holder, 5), 0);
    CHECK_EQ(pthread_getschedparam(holder, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_FIFO);
    CHECK_EQ(parameter.sched_priority, 5);
    CHECK_EQ(kernel_priority(tid), 8);

    /* Bad values are judged as the kernel would judge them, changing nothing. */
    parameter.sched_priority = 5;
    CHECK_EQ(pthread_setschedparam(holder, 12345, &parameter), EINVAL);
    parameter.sched_priority = 100;
    CHECK_EQ(pthread_setschedparam(holder, SCHED_FIFO, &parameter), EINVAL);
    parameter.sched_priority = 1;
    CHECK_EQ(pthread_setschedparam(holder, SCHED_OTHER, &parameter), EINVAL);
    CHECK_EQ(pthread_getschedparam(holder, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_FIFO);
    CHECK_EQ(parameter.sched_priority, 5);

    /* A base above the ceiling is applied at once, and left again. */
    parameter.sched_priority = 10;
    CHECK_EQ(pthread_setschedparam(holder, SCHED_FIFO, &parameter), 0);
    CHECK_EQ(kernel_priority(tid), 10);
    parameter.sched_priority = 5;
    CHECK_EQ(pthread_setschedparam(holder, SCHED_FIFO, &parameter), 0);
    CHECK_EQ(kernel_priority(tid), 8);

    /* A ceiling change from a thread that does not hold the mutex waits for
     * it to be free. */
    pthread_t setter;
    CHECK_EQ(pthread_create(&setter, NULL, change_the_ceiling, NULL), 0);
    sleep_ms(50);
    CHECK_EQ(load(&setter_done), 0);
    store(&stage, 2);
    CHECK_EQ(pthread_join(setter, NULL), 0);
    CHECK_EQ(old_ceiling, 8);
    CHECK_EQ(pthread_mutex_getprioceiling(&mutex, &ceiling), 0);
    CHECK_EQ(ceiling, 9);
    CHECK_EQ(pthread_join(holder, NULL), 0);

    /* Unlocked, the holder ran at the base set while it was raised. */
    CHECK_EQ(after_unlock_policy, SCHED_FIFO);
    CHECK_EQ(after_unlock_priority, 5);
    CHECK_EQ(pthread_mutex_destroy(&mutex), 0);
    printf("priority ceilings: ok\n");
    return 0;
}
