/* The C library's mutex and condition variable, timed in a plain pthread
 * program: built by bench/report with gcc (glibc), with musl-gcc (musl,
 * static) and with lwp-cc (lwp's freestanding pthread drop-in, static, no
 * glibc), so the three libraries are measured by the same code in one run.
 *
 *   sync_bench mutex_uncontended <iterations> <rounds>
 *       one thread locks and unlocks a mutex <iterations> times per round;
 *       nanoseconds per lock + unlock.
 *   sync_bench mutex_contended <iterations> <rounds>
 *       two threads each do <iterations> times lock; ++counter; unlock on one
 *       mutex; wall nanoseconds divided by the lock + unlock pairs of both.
 *   sync_bench condvar_pingpong <round_trips> <rounds>
 *       two threads take turns through one mutex and one condition variable;
 *       nanoseconds per hand-off (half a round trip).
 *
 * Each mode runs one warm-up round, then <rounds> rounds, and prints the
 * median round and the fastest. Output: one JSON object on stdout. Only the
 * main thread uses stdio.
 *
 * Only plain POSIX is used, no syscall() and no stdio input: lwp's small C
 * library has neither, and the same source must build against all three. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "c_bench.h"

/* A round: runs the measured work once and returns nanoseconds per operation. */
typedef double round_function(long size);

static int run_rounds(const char* benchmark, const char* size_name, round_function* one_round,
                      long size, int rounds) {
    if (size < 1 || rounds < 1) return 2;
    double* per_round = calloc((size_t)rounds, sizeof *per_round);
    if (per_round == NULL) return 2;
    one_round(size); /* warm-up: caches, page faults, the library's lazy setup */
    for (int round = 0; round < rounds; ++round) per_round[round] = one_round(size);
    qsort(per_round, (size_t)rounds, sizeof *per_round, compare_doubles);
    printf("{\"library\": \"%s\", \"benchmark\": \"%s\", \"%s\": %ld, \"rounds\": %d, "
           "\"median_ns\": %.2f, \"min_ns\": %.2f, \"max_ns\": %.2f}\n",
           LIBRARY_NAME, benchmark, size_name, size, rounds, per_round[rounds / 2],
           per_round[0], per_round[rounds - 1]);
    free(per_round);
    return 0;
}

static void* empty_routine(void* argument) { return argument; }

/* glibc takes non-atomic shortcuts in pthread_mutex_lock while the process
 * has only ever had one thread; a program that needs a mutex has more, so the
 * process becomes multi-threaded for good before anything is timed. */
static void become_multithreaded(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, empty_routine, NULL) != 0) abort();
    pthread_join(thread, NULL);
}

/* ---------------------------------------------------------------- uncontended */

static pthread_mutex_t lone_mutex = PTHREAD_MUTEX_INITIALIZER;

static double mutex_uncontended_round(long iterations) {
    double begin = now_ns();
    for (long i = 0; i < iterations; ++i) {
        pthread_mutex_lock(&lone_mutex);
        pthread_mutex_unlock(&lone_mutex);
    }
    return (now_ns() - begin) / (double)iterations;
}

/* ---------------------------------------------------------------- contended */

/* The mutex and the counter each on a cache line of their own, the usual case
 * of a lock beside the data it guards: where the counter sits relative to the
 * mutex decides what a hand-off costs (left to the linker, the figures swing
 * by 4x from one build to the next). The start gate has its own line too, so
 * that waiting for it does not disturb either. */
static struct {
    _Alignas(64) pthread_mutex_t mutex;
    _Alignas(64) long counter;
    _Alignas(64) atomic_int ready;
    atomic_int go;
    _Alignas(64) double end_ns[2];
} contended = {.mutex = PTHREAD_MUTEX_INITIALIZER};

_Static_assert(sizeof contended == 4 * 64, "mutex, counter, gate and end times on own lines");

struct contender {
    long iterations;
    int index;
};

static void* contend(void* argument) {
    const struct contender* self = argument;
    atomic_fetch_add_explicit(&contended.ready, 1, memory_order_release);
    while (!atomic_load_explicit(&contended.go, memory_order_acquire)) sched_yield();
    for (long i = 0; i < self->iterations; ++i) {
        pthread_mutex_lock(&contended.mutex);
        ++contended.counter; /* a minimal critical section */
        pthread_mutex_unlock(&contended.mutex);
    }
    contended.end_ns[self->index] = now_ns();
    return NULL;
}

static double mutex_contended_round(long iterations) {
    struct contender contenders[2] = {{iterations, 0}, {iterations, 1}};
    pthread_t threads[2];
    contended.counter = 0;
    atomic_store_explicit(&contended.ready, 0, memory_order_relaxed);
    atomic_store_explicit(&contended.go, 0, memory_order_relaxed);
    for (int i = 0; i < 2; ++i)
        if (pthread_create(&threads[i], NULL, contend, &contenders[i]) != 0) abort();
    /* Both threads are started and waiting before the clock starts, so thread
     * creation is not timed; each stamps its own end, so neither is its exit. */
    while (atomic_load_explicit(&contended.ready, memory_order_acquire) != 2) sched_yield();
    double begin = now_ns();
    atomic_store_explicit(&contended.go, 1, memory_order_release);
    for (int i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
    if (contended.counter != 2 * iterations) {
        fprintf(stderr, "counter %ld, expected %ld: the mutex did not exclude\n",
                contended.counter, 2 * iterations);
        exit(1);
    }
    double end = contended.end_ns[0] > contended.end_ns[1] ? contended.end_ns[0]
                                                            : contended.end_ns[1];
    return (end - begin) / (double)(2 * iterations);
}

/* ---------------------------------------------------------------- ping-pong */

/* turn: 0 the main thread's, 1 the partner's, 2 the partner stops. */
static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int turn;
} pingpong = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};

static void* pingpong_partner(void* argument) {
    pthread_mutex_lock(&pingpong.mutex);
    for (;;) {
        while (pingpong.turn == 0) pthread_cond_wait(&pingpong.cond, &pingpong.mutex);
        if (pingpong.turn == 2) break;
        pingpong.turn = 0;
        pthread_cond_signal(&pingpong.cond);
    }
    pthread_mutex_unlock(&pingpong.mutex);
    return argument;
}

static double condvar_pingpong_round(long round_trips) {
    double begin = now_ns();
    for (long i = 0; i < round_trips; ++i) {
        pthread_mutex_lock(&pingpong.mutex);
        pingpong.turn = 1;
        pthread_cond_signal(&pingpong.cond);
        while (pingpong.turn != 0) pthread_cond_wait(&pingpong.cond, &pingpong.mutex);
        pthread_mutex_unlock(&pingpong.mutex);
    }
    return (now_ns() - begin) / (double)(2 * round_trips);
}

static int run_condvar_pingpong(long round_trips, int rounds) {
    pthread_t partner;
    if (pthread_create(&partner, NULL, pingpong_partner, NULL) != 0) return 2;
    int status = run_rounds("condvar_pingpong", "round_trips", condvar_pingpong_round,
                            round_trips, rounds);
    pthread_mutex_lock(&pingpong.mutex);
    pingpong.turn = 2;
    pthread_cond_signal(&pingpong.cond);
    pthread_mutex_unlock(&pingpong.mutex);
    pthread_join(partner, NULL);
    return status;
}

int main(int argc, char** argv) {
    if (argc == 4) {
        long size = atol(argv[2]);
        int rounds = atoi(argv[3]);
        become_multithreaded();
        if (strcmp(argv[1], "mutex_uncontended") == 0)
            return run_rounds("mutex_uncontended", "iterations", mutex_uncontended_round, size,
                              rounds);
        if (strcmp(argv[1], "mutex_contended") == 0)
            return run_rounds("mutex_contended", "iterations", mutex_contended_round, size,
                              rounds);
        if (strcmp(argv[1], "condvar_pingpong") == 0) return run_condvar_pingpong(size, rounds);
    }
    fprintf(stderr,
            "usage: %s mutex_uncontended ITERATIONS ROUNDS | mutex_contended ITERATIONS ROUNDS"
            " | condvar_pingpong ROUND_TRIPS ROUNDS\n",
            argv[0]);
    return 2;
}
