/* Process-shared objects: every kind of pthread object, initialised with
 * PTHREAD_PROCESS_SHARED in a MAP_SHARED mapping, used at once by several
 * processes (fork) and by several threads in each.
 *
 * Contention is deliberate, so that waiters really sleep in the kernel and
 * are woken from another process: a wake-up sent on a private futex would
 * never reach a sleeper in another process, and the round would hang. Every
 * wait for a child is bounded (10 s), so a lost wake-up fails the test with a
 * message instead of hanging it. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

enum { processes = 3, threads_per_process = 2, increments = 20000, round_trips = 2000,
       barrier_rounds = 300 };

struct shared {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_barrier_t barrier;
    pthread_rwlock_t rwlock;
    sem_t ping, pong;
    long counter;         /* under mutex */
    long written[2];      /* under rwlock: always equal */
    int turn;             /* under mutex, for the condition ping-pong */
    int released;         /* under mutex, for the broadcast */
    int sleeping;         /* under mutex: waiters in the broadcast round */
    int serial_threads;   /* atomically: PTHREAD_BARRIER_SERIAL_THREAD returns */
    int torn_reads;       /* atomically: readers that saw written[0] != written[1] */
};

static struct shared* shared;


/* Starts `processes` children, each running `body` in `threads_per_process`
 * threads; wait_for_processes waits for them all. */
static void start_processes(void* (*body)(void*), pid_t children[processes]) {
    for (int p = 0; p < processes; ++p) {
        children[p] = fork();
        CHECK(children[p] != -1);
        if (children[p] == 0) {
            pthread_t threads[threads_per_process];
            for (int t = 0; t < threads_per_process; ++t)
                CHECK_EQ(pthread_create(&threads[t], NULL, body, NULL), 0);
            for (int t = 0; t < threads_per_process; ++t) CHECK_EQ(pthread_join(threads[t], NULL), 0);
            _exit(0);
        }
    }
}

static void wait_for_processes(pid_t children[processes]) {
    for (int p = 0; p < processes; ++p) expect_exit_code(children[p], 0);
}

static void in_processes(void* (*body)(void*)) {
    pid_t children[processes];
    start_processes(body, children);
    wait_for_processes(children);
}

static void* increment(void* unused) {
    for (int i = 0; i < increments; ++i) {
        CHECK_EQ(pthread_mutex_lock(&shared->mutex), 0);
        ++shared->counter;
        CHECK_EQ(pthread_mutex_unlock(&shared->mutex), 0);
    }
    return unused;
}

static void mutexes(void) {
    static const int kinds[] = {PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ERRORCHECK,
                                PTHREAD_MUTEX_RECURSIVE};
    for (unsigned k = 0; k < sizeof kinds / sizeof kinds[0]; ++k) {
        pthread_mutexattr_t attr;
        CHECK_EQ(pthread_mutexattr_init(&attr), 0);
        CHECK_EQ(pthread_mutexattr_settype(&attr, kinds[k]), 0);
        CHECK_EQ(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), 0);
        CHECK_EQ(pthread_mutex_init(&shared->mutex, &attr), 0);
        CHECK_EQ(pthread_mutexattr_destroy(&attr), 0);
        shared->counter = 0;
        in_processes(increment);
        CHECK_EQ(shared->counter, (long)processes * threads_per_process * increments);
        CHECK_EQ(pthread_mutex_destroy(&shared->mutex), 0);
    }

    /* An error-checking mutex held by another process: not ours to unlock. */
    pthread_mutexattr_t attr;
    CHECK_EQ(pthread_mutexattr_init(&attr), 0);
    CHECK_EQ(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK), 0);
    CHECK_EQ(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), 0);
    CHECK_EQ(pthread_mutex_init(&shared->mutex, &attr), 0);
    CHECK_EQ(pthread_mutex_lock(&shared->mutex), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        if (pthread_mutex_unlock(&shared->mutex) != EPERM) _exit(1);
        if (pthread_mutex_trylock(&shared->mutex) != EBUSY) _exit(2);
        _exit(0);
    }
    expect_exit_code(child, 0);
    CHECK_EQ(pthread_mutex_unlock(&shared->mutex), 0);
}

static void init_shared_mutex_and_cond(void) {
    pthread_mutexattr_t mutex_attr;
    CHECK_EQ(pthread_mutexattr_init(&mutex_attr), 0);
    CHECK_EQ(pthread_mutexattr_setpshared(&mutex_attr, PTHREAD_PROCESS_SHARED), 0);
    CHECK_EQ(pthread_mutex_init(&shared->mutex, &mutex_attr), 0);
    pthread_condattr_t cond_attr;
    CHECK_EQ(pthread_condattr_init(&cond_attr), 0);
    CHECK_EQ(pthread_condattr_setpshared(&cond_attr, PTHREAD_PROCESS_SHARED), 0);
    int pshared = -1;
    CHECK_EQ(pthread_condattr_getpshared(&cond_attr, &pshared), 0);
    CHECK_EQ(pshared, PTHREAD_PROCESS_SHARED);
    CHECK_EQ(pthread_cond_init(&shared->cond, &cond_attr), 0);
}

/* Two processes take turns: each waits for its turn, passes it on. */
static void take_turns(int me) {
    for (int i = 0; i < round_trips; ++i) {
        CHECK_EQ(pthread_mutex_lock(&shared->mutex), 0);
        while (shared->turn != me) CHECK_EQ(pthread_cond_wait(&shared->cond, &shared->mutex), 0);
        shared->turn = 1 - me;
        CHECK_EQ(pthread_cond_signal(&shared->cond), 0);
        CHECK_EQ(pthread_mutex_unlock(&shared->mutex), 0);
    }
}

static void* wait_for_release(void* unused) {
    CHECK_EQ(pthread_mutex_lock(&shared->mutex), 0);
    ++shared->sleeping;
    while (!shared->released) CHECK_EQ(pthread_cond_wait(&shared->cond, &shared->mutex), 0);
    CHECK_EQ(pthread_mutex_unlock(&shared->mutex), 0);
    return unused;
}

static void conditions(void) {
    init_shared_mutex_and_cond();
    shared->turn = 0;
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        take_turns(1);
        _exit(0);
    }
    take_turns(0);
    expect_exit_code(child, 0);

    /* A broadcast wakes sleepers in every process (no requeue between
     * processes: the mutex may sit at another address in each). */
    shared->released = 0;
    shared->sleeping = 0;
    pid_t children[processes];
    start_processes(wait_for_release, children);
    for (;;) {
        CHECK_EQ(pthread_mutex_lock(&shared->mutex), 0);
        int sleeping = shared->sleeping;
        if (sleeping == processes * threads_per_process) {
            shared->released = 1;
            CHECK_EQ(pthread_cond_broadcast(&shared->cond), 0);
        }
        CHECK_EQ(pthread_mutex_unlock(&shared->mutex), 0);
        if (sleeping == processes * threads_per_process) break;
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
    }
    wait_for_processes(children);
}

static void semaphores(void) {
    CHECK_EQ(sem_init(&shared->ping, 1, 0), 0);
    CHECK_EQ(sem_init(&shared->pong, 1, 0), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        for (int i = 0; i < round_trips; ++i) {
            if (sem_wait(&shared->ping) != 0 || sem_post(&shared->pong) != 0) _exit(1);
        }
        _exit(0);
    }
    for (int i = 0; i < round_trips; ++i) {
        CHECK_EQ(sem_post(&shared->ping), 0);
        CHECK_EQ(sem_wait(&shared->pong), 0);
    }
    expect_exit_code(child, 0);
    int value = -1;
    CHECK_EQ(sem_getvalue(&shared->ping, &value), 0);
    CHECK_EQ(value, 0);
}

static void* cross_barrier(void* unused) {
    for (int round = 0; round < barrier_rounds; ++round) {
        int result = pthread_barrier_wait(&shared->barrier);
        CHECK(result == 0 || result == PTHREAD_BARRIER_SERIAL_THREAD);
        if (result == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&shared->serial_threads, 1, __ATOMIC_RELAXED);
    }
    return unused;
}

static void barriers(void) {
    pthread_barrierattr_t attr;
    CHECK_EQ(pthread_barrierattr_init(&attr), 0);
    CHECK_EQ(pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), 0);
    CHECK_EQ(pthread_barrier_init(&shared->barrier, &attr, processes * threads_per_process), 0);
    shared->serial_threads = 0;
    in_processes(cross_barrier);
    CHECK_EQ(shared->serial_threads, barrier_rounds);
    CHECK_EQ(pthread_barrier_destroy(&shared->barrier), 0);
}

static void* read_and_write(void* unused) {
    for (int i = 0; i < increments / 4; ++i) {
        if (i % 4 == 0) {
            CHECK_EQ(pthread_rwlock_wrlock(&shared->rwlock), 0);
            ++shared->written[0];
            ++shared->written[1];
        } else {
            CHECK_EQ(pthread_rwlock_rdlock(&shared->rwlock), 0);
            if (shared->written[0] != shared->written[1])
                __atomic_fetch_add(&shared->torn_reads, 1, __ATOMIC_RELAXED);
        }
        CHECK_EQ(pthread_rwlock_unlock(&shared->rwlock), 0);
    }
    return unused;
}

static void rwlocks(void) {
    for (int kind = 0; kind < 2; ++kind) {
        pthread_rwlockattr_t attr;
        CHECK_EQ(pthread_rwlockattr_init(&attr), 0);
        CHECK_EQ(pthread_rwlockattr_setkind_np(
                     &attr, kind ? PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP
                                 : PTHREAD_RWLOCK_PREFER_READER_NP), 0);
        CHECK_EQ(pthread_rwlockattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), 0);
        int pshared = -1;
        CHECK_EQ(pthread_rwlockattr_getpshared(&attr, &pshared), 0);
        CHECK_EQ(pshared, PTHREAD_PROCESS_SHARED);
        CHECK_EQ(pthread_rwlock_init(&shared->rwlock, &attr), 0);
        shared->written[0] = shared->written[1] = 0;
        shared->torn_reads = 0;
        in_processes(read_and_write);
        CHECK_EQ(shared->written[0], (long)processes * threads_per_process * (increments / 16));
        CHECK_EQ(shared->written[1], shared->written[0]);
        CHECK_EQ(shared->torn_reads, 0);
        CHECK_EQ(pthread_rwlock_destroy(&shared->rwlock), 0);
    }
}

int main(void) {
    void* memory = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                        -1, 0);
    CHECK(memory != MAP_FAILED);
    shared = memory;
    mutexes();
    conditions();
    semaphores();
    barriers();
    rwlocks();
    CHECK_EQ(munmap(memory, sizeof *shared), 0);
    puts("process_shared: all checks passed");
    return 0;
}
