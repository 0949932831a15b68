/* Scheduling chosen at creation: pthread_attr_setinheritsched,
 * pthread_attr_setschedpolicy and pthread_attr_setschedparam.
 *
 * The attr stores and reports what it is given and refuses what no policy
 * has; under PTHREAD_EXPLICIT_SCHED the new thread runs its first
 * instruction under the attr's policy and priority (SCHED_IDLE and
 * SCHED_BATCH, which need no privilege; SCHED_FIFO where the process may
 * use it), joinable or detached, while under PTHREAD_INHERIT_SCHED the
 * attr's policy is ignored; pthread_getattr_np reports a thread's policy. A refused policy (SCHED_FIFO
 * once the process has lost the right to it, in a child process of its own)
 * fails pthread_create with EPERM, the routine never runs, and creation
 * works again afterwards. The process-wide defaults carry explicit
 * scheduling too. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

struct observed {
    int policy;
    int priority;
};

/* What the thread runs under, read as its first act, from the kernel. */
static void* observe(void* argument) {
    struct observed* seen = argument;
    struct sched_param parameter;
    seen->policy = sched_getscheduler(0);
    CHECK_EQ(sched_getparam(0, &parameter), 0);
    seen->priority = parameter.sched_priority;
    return argument;
}

static struct observed run_with(const pthread_attr_t* attr) {
    struct observed seen = {-1, -1};
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, attr, observe, &seen), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    return seen;
}

static void attribute_values(void) {
    pthread_attr_t attr;
    int value = -1;
    struct sched_param parameter = {0};
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_getinheritsched(&attr, &value), 0);
    CHECK_EQ(value, PTHREAD_INHERIT_SCHED);
    CHECK_EQ(pthread_attr_getschedpolicy(&attr, &value), 0);
    CHECK_EQ(value, SCHED_OTHER);
    CHECK_EQ(pthread_attr_getschedparam(&attr, &parameter), 0);
    CHECK_EQ(parameter.sched_priority, 0);

    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_getinheritsched(&attr, &value), 0);
    CHECK_EQ(value, PTHREAD_EXPLICIT_SCHED);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, 42), EINVAL);

    CHECK_EQ(pthread_attr_setschedpolicy(&attr, 12345), EINVAL);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_FIFO), 0);
    CHECK_EQ(pthread_attr_getschedpolicy(&attr, &value), 0);
    CHECK_EQ(value, SCHED_FIFO);
    parameter.sched_priority = sched_get_priority_max(SCHED_FIFO);
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), 0);
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_attr_getschedparam(&attr, &parameter), 0);
    CHECK_EQ(parameter.sched_priority, sched_get_priority_max(SCHED_FIFO));
    parameter.sched_priority = sched_get_priority_max(SCHED_FIFO) + 1;
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    parameter.sched_priority = 0;  /* below FIFO's range */
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);

    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_OTHER), 0);
    parameter.sched_priority = 1;  /* SCHED_OTHER has priority 0 only */
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), EINVAL);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

static sem_t observed_by_detached;
static void* observe_and_post(void* argument) {
    observe(argument);
    CHECK_EQ(sem_post(&observed_by_detached), 0);
    return NULL;
}

static void explicit_policies(void) {
    int own_policy = sched_getscheduler(0);
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc's attr takes SCHED_OTHER, SCHED_FIFO and SCHED_RR only; lwp's
     * also SCHED_BATCH and SCHED_IDLE (docs/posix.md). */
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_IDLE), EINVAL);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_BATCH), EINVAL);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    (void)own_policy;
    return;
#endif
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_IDLE), 0);

    /* Inherited: the attr's policy is not used. */
    struct observed seen = run_with(&attr);
    CHECK_EQ(seen.policy, own_policy);

    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    seen = run_with(&attr);
    CHECK_EQ(seen.policy, SCHED_IDLE);
    CHECK_EQ(seen.priority, 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_BATCH), 0);
    seen = run_with(&attr);
    CHECK_EQ(seen.policy, SCHED_BATCH);
    /* The creator's own policy is not touched. */
    CHECK_EQ(sched_getscheduler(0), own_policy);

    /* A detached thread. */
    CHECK_EQ(sem_init(&observed_by_detached, 0, 0), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_IDLE), 0);
    CHECK_EQ(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED), 0);
    struct observed detached_seen = {-1, -1};
    pthread_t detached;
    CHECK_EQ(pthread_create(&detached, &attr, observe_and_post, &detached_seen), 0);
    while (sem_wait(&observed_by_detached) != 0) CHECK_EQ(errno, EINTR);
    CHECK_EQ(detached_seen.policy, SCHED_IDLE);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

static void* report_policy_of_self(void* argument) {
    (void)argument;
    pthread_attr_t reported;
    int policy = -1;
    CHECK_EQ(pthread_getattr_np(pthread_self(), &reported), 0);
    CHECK_EQ(pthread_attr_getschedpolicy(&reported, &policy), 0);
    CHECK_EQ(pthread_attr_destroy(&reported), 0);
    return (void*)(long)policy;
}

static void reported_policy(void) {
#ifdef CHECKING_AGAINST_GLIBC
    return; /* needs SCHED_BATCH in an attr: lwp's only (explicit_policies) */
#endif
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_BATCH), 0);
    pthread_t thread;
    void* policy = NULL;
    CHECK_EQ(pthread_create(&thread, &attr, report_policy_of_self, NULL), 0);
    CHECK_EQ(pthread_join(thread, &policy), 0);
    CHECK_EQ((long)policy, SCHED_BATCH);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

/* SCHED_FIFO where the process may use it: root, or a real-time limit. */
static void real_time_where_allowed(void) {
    pthread_attr_t attr;
    struct sched_param parameter = {.sched_priority = 1};
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_FIFO), 0);
    CHECK_EQ(pthread_attr_setschedparam(&attr, &parameter), 0);
    struct rlimit real_time;
    CHECK_EQ(getrlimit(RLIMIT_RTPRIO, &real_time), 0);
    struct observed seen = {-1, -1};
    pthread_t thread;
    int error = pthread_create(&thread, &attr, observe, &seen);
    if (geteuid() == 0 || real_time.rlim_cur >= 1) {
        CHECK_EQ(error, 0);
        CHECK_EQ(pthread_join(thread, NULL), 0);
        CHECK_EQ(seen.policy, SCHED_FIFO);
        CHECK_EQ(seen.priority, 1);
    } else {
        CHECK_EQ(error, EPERM);
        CHECK_EQ(seen.policy, -1);
    }
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

static atomic_int routine_ran;
static void* mark_ran(void* argument) {
    atomic_store(&routine_ran, 1);
    return argument;
}

/* In a child process: no real-time limit and, for root, no root (which
 * drops the capability that overrides the limit). Then SCHED_FIFO is
 * refused, joinable or detached, and nothing of the routine runs. */
static int refused_policy(void) {
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_RTPRIO, &none) != 0) return 40;
    /* The raw call: lwp has no setuid (POSIX wants every thread's ids
     * changed), and this child has one thread. */
    if (geteuid() == 0 && syscall(SYS_setuid, 65534) != 0) return 41;
    pthread_attr_t attr;
    struct sched_param parameter = {.sched_priority = 1};
    if (pthread_attr_init(&attr) != 0) return 42;
    pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    if (pthread_attr_setschedparam(&attr, &parameter) != 0) return 43;
    pthread_t thread;
    if (pthread_create(&thread, &attr, mark_ran, NULL) != EPERM) return 44;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, mark_ran, NULL) != EPERM) return 45;
    struct timespec pause = {0, 20000000};
    nanosleep(&pause, NULL);
    if (atomic_load(&routine_ran)) return 46;
    /* Creation works again. */
    if (pthread_create(&thread, NULL, mark_ran, NULL) != 0) return 47;
    if (pthread_join(thread, NULL) != 0 || !atomic_load(&routine_ran)) return 48;
    return 0;
}

static void explicit_defaults(void) {
#ifdef CHECKING_AGAINST_GLIBC
    return; /* needs SCHED_IDLE in an attr: lwp's only (explicit_policies) */
#endif
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_IDLE), 0);
    CHECK_EQ(pthread_setattr_default_np(&attr), 0);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    pthread_attr_t defaults;
    int value = -1;
    CHECK_EQ(pthread_getattr_default_np(&defaults), 0);
    CHECK_EQ(pthread_attr_getinheritsched(&defaults, &value), 0);
    CHECK_EQ(value, PTHREAD_EXPLICIT_SCHED);
    CHECK_EQ(pthread_attr_getschedpolicy(&defaults, &value), 0);
    CHECK_EQ(value, SCHED_IDLE);
    struct observed seen = run_with(NULL);
    CHECK_EQ(seen.policy, SCHED_IDLE);
    /* Back to inheriting. */
    CHECK_EQ(pthread_attr_setinheritsched(&defaults, PTHREAD_INHERIT_SCHED), 0);
    CHECK_EQ(pthread_setattr_default_np(&defaults), 0);
    CHECK_EQ(pthread_attr_destroy(&defaults), 0);
    seen = run_with(NULL);
    CHECK_EQ(seen.policy, SCHED_OTHER);
}

int main(void) {
    attribute_values();
    explicit_policies();
    reported_policy();
    real_time_where_allowed();
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) _exit(refused_policy());
    expect_exit_code(child, 0);
    explicit_defaults();
    puts("explicit_scheduling: all checks passed");
    return 0;
}
