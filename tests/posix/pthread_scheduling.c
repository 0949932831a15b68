/* pthread_getschedparam reports the policy the kernel really applies, and
 * pthread_setschedparam / pthread_setschedprio change it or say why not.
 * SCHED_BATCH is the policy used: any process may move a thread between
 * SCHED_OTHER and SCHED_BATCH, without privilege. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#include "../integration/check.h"

static volatile int may_finish;
static volatile int policy_seen = -1;

static void* report_own_policy(void* argument) {
    (void)argument;
    while (!__atomic_load_n(&may_finish, __ATOMIC_ACQUIRE)) sched_yield();
    __atomic_store_n(&policy_seen, sched_getscheduler(0), __ATOMIC_RELEASE);
    return NULL;
}

int main(void) {
    pthread_t self = pthread_self();
    struct sched_param parameter = {.sched_priority = 0};
    int policy = -1;

    CHECK_EQ(pthread_getschedparam(self, &policy, &parameter), 0);
    CHECK_EQ(policy, sched_getscheduler(0));

    /* Asked for SCHED_BATCH, the kernel applies it and the query says so. */
    CHECK_EQ(pthread_setschedparam(self, SCHED_BATCH, &parameter), 0);
    CHECK_EQ(sched_getscheduler(0), SCHED_BATCH);
    policy = -1;
    parameter.sched_priority = 9;
    CHECK_EQ(pthread_getschedparam(self, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_BATCH);
    CHECK_EQ(parameter.sched_priority, 0);

    /* A new thread inherits the creator's policy (the kernel copies it at
     * clone); changed from outside, the thread itself sees the change. */
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, report_own_policy, NULL), 0);
    policy = -1;
    CHECK_EQ(pthread_getschedparam(thread, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_BATCH);
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_setschedparam(thread, SCHED_OTHER, &parameter), 0);
    CHECK_EQ(pthread_getschedparam(thread, &policy, &parameter), 0);
    CHECK_EQ(policy, SCHED_OTHER);
    __atomic_store_n(&may_finish, 1, __ATOMIC_RELEASE);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(policy_seen, SCHED_OTHER);

    /* Values no policy accepts are EINVAL, and change nothing. */
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_setschedparam(self, 12345, &parameter), EINVAL);
    parameter.sched_priority = 5;
    CHECK_EQ(pthread_setschedparam(self, SCHED_OTHER, &parameter), EINVAL);
    parameter.sched_priority = 0;
    CHECK_EQ(pthread_setschedparam(self, SCHED_FIFO, &parameter), EINVAL);  /* FIFO needs 1..99 */
    parameter.sched_priority = 100;
    CHECK_EQ(pthread_setschedparam(self, SCHED_FIFO, &parameter), EINVAL);
    CHECK_EQ(pthread_setschedprio(self, 5), EINVAL); /* SCHED_BATCH's only priority is 0 */
    CHECK_EQ(pthread_setschedprio(self, 0), 0);
    CHECK_EQ(sched_getscheduler(0), SCHED_BATCH);

    parameter.sched_priority = 0;
    CHECK_EQ(pthread_setschedparam(self, SCHED_OTHER, &parameter), 0);
    CHECK_EQ(sched_getscheduler(0), SCHED_OTHER);
    puts("pthread_scheduling: ok");
    return 0;
}
