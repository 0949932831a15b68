/* Cancellation racing with wake-ups, for a few seconds: in each round four
 * waiters block in a condition wait (the three mutex kinds in turn, timed or
 * not) or a semaphore wait (timed or not), a random subset is cancelled at a
 * random moment, and the waiters' partner signals, broadcasts or posts at
 * another. Checked in every round: each waiter either returns normally or is
 * cancelled (a lost wake-up would hang the round: CTest's timeout fails it),
 * cancelled condition waiters hold the mutex again in their cleanup handler,
 * the mutex ends free, and no semaphore unit is lost or taken twice.
 *
 *   cancel_stress [seconds]   (default 3) */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../integration/check.h"

enum { waiters = 4 };

static pthread_mutex_t mutex;
static pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
static sem_t semaphore;
static int ticket;          /* guarded by mutex */
static int timed;           /* this round's waits have a (far) deadline */
static atomic_int cleanup_unlock_failures;

static struct timespec far_deadline(void) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 3600;
    return deadline;
}

static void unlock_in_cleanup(void* argument) {
    (void)argument;
    if (pthread_mutex_unlock(&mutex) != 0) atomic_fetch_add(&cleanup_unlock_failures, 1);
}

static void* condition_waiter(void* argument) {
    int round_ticket = (int)(intptr_t)argument;
    struct timespec deadline = far_deadline();
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    pthread_cleanup_push(unlock_in_cleanup, NULL);
    while (ticket == round_ticket) {
        int error = timed ? pthread_cond_timedwait(&condition, &mutex, &deadline)
                          : pthread_cond_wait(&condition, &mutex);
        CHECK_EQ(error, 0);
    }
    pthread_cleanup_pop(1);
    return (void*)1;
}

static void* semaphore_waiter(void* argument) {
    (void)argument;
    struct timespec deadline = far_deadline();
    int result = timed ? sem_timedwait(&semaphore, &deadline) : sem_wait(&semaphore);
    CHECK_EQ(result, 0);
    return (void*)2;
}

static unsigned next_random(unsigned* state) {
    *state = *state * 1103515245u + 12345u;
    return *state >> 16;
}

static void spin_a_little(unsigned* state) {
    for (unsigned i = next_random(state) % 64; i > 0; --i) sched_yield();
}

int main(int argc, char** argv) {
    int seconds = argc > 1 ? atoi(argv[1]) : 3;
    static const int kinds[] = {PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ERRORCHECK,
                                PTHREAD_MUTEX_RECURSIVE};
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    unsigned random_state = 12345;
    long rounds = 0, cancelled = 0, returned = 0;
    do {
        int use_condition = rounds % 2 == 0;
        timed = (rounds / 2) % 2;
        pthread_mutexattr_t attributes;
        CHECK_EQ(pthread_mutexattr_init(&attributes), 0);
        CHECK_EQ(pthread_mutexattr_settype(&attributes, kinds[(rounds / 4) % 3]), 0);
        CHECK_EQ(pthread_mutex_init(&mutex, &attributes), 0);
        CHECK_EQ(pthread_mutexattr_destroy(&attributes), 0);
        CHECK_EQ(sem_init(&semaphore, 0, 0), 0);

        pthread_t threads[waiters];
        for (int i = 0; i < waiters; ++i)
            CHECK_EQ(pthread_create(&threads[i], NULL,
                                    use_condition ? condition_waiter : semaphore_waiter,
                                    (void*)(intptr_t)ticket),
                     0);
        unsigned to_cancel = next_random(&random_state) % (1u << waiters);
        int wake_first = next_random(&random_state) % 2;
        for (int step = 0; step < 2; ++step) {
            spin_a_little(&random_state);
            if ((step == 0) == wake_first) {
                if (use_condition) {
                    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
                    ticket++;
                    if (next_random(&random_state) % 2) {
                        CHECK_EQ(pthread_cond_broadcast(&condition), 0);
                    } else {
                        for (int i = 0; i < waiters; ++i)
                            CHECK_EQ(pthread_cond_signal(&condition), 0);
                    }
                    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
                } else {
                    for (int i = 0; i < waiters; ++i) CHECK_EQ(sem_post(&semaphore), 0);
                }
            } else {
                for (int i = 0; i < waiters; ++i)
                    if (to_cancel & (1u << i)) CHECK_EQ(pthread_cancel(threads[i]), 0);
            }
        }
        int normal = 0;
        for (int i = 0; i < waiters; ++i) {
            void* result = NULL;
            CHECK_EQ(pthread_join(threads[i], &result), 0);
            if (result == PTHREAD_CANCELED) {
                CHECK(to_cancel & (1u << i));
                cancelled++;
            } else {
                CHECK(result == (use_condition ? (void*)1 : (void*)2));
                normal++;
            }
        }
        returned += normal;
        /* Every unit posted is either taken by a waiter that returned or
         * still there: none lost to a cancelled waiter, none taken twice. */
        int value = -1;
        CHECK_EQ(sem_getvalue(&semaphore, &value), 0);
        CHECK_EQ(value, use_condition ? 0 : waiters - normal);
        CHECK_EQ(sem_destroy(&semaphore), 0);
        CHECK_EQ(pthread_mutex_trylock(&mutex), 0); /* nobody left it locked */
        CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
        CHECK_EQ(pthread_mutex_destroy(&mutex), 0);
        CHECK_EQ(atomic_load(&cleanup_unlock_failures), 0);
        rounds++;
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (now.tv_sec - start.tv_sec < seconds);
    printf("cancel_stress: %ld rounds, %ld waiters cancelled, %ld returned\n", rounds, cancelled,
           returned);
    CHECK(cancelled > 0 && returned > 0);
    return 0;
}
