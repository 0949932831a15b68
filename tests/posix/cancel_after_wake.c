/* A wake-up taken by a waiter that is then cancelled is passed on.
 *
 * The case: a waiter's futex wait has returned because a signal or post woke
 * it, and before its cancellation point has finished, a signal handler runs
 * on top of it (a signal already pending when the kernel returns from the
 * wait is delivered right there) and is cancelled inside a cancellation
 * point of its own. The cancellation runs the undo step of every
 * cancellation point the thread is inside, the outer wait's too, and that
 * wait had consumed a wake-up meant for some waiter: if the undo dropped it,
 * the other waiter would sleep on with the condition true or the unit there.
 *
 * Each round: waiter A, then waiter B, blocks (in that order, so the kernel
 * wakes A first); the main thread signals (or posts) once and at once sends
 * A a SIGUSR1. To make the case happen rather than hope for it, the whole
 * process runs on one CPU and A in the SCHED_IDLE class: the wake-up makes A
 * runnable but never preempts the main thread, so the signal is pending when
 * A first runs again, and the kernel delivers it as A returns from its wait,
 * with the instruction pointer just past the window's `syscall` and the
 * wait's result, 0, in rax. Only there (white box: the address is lwp's
 * lwp_arch_cancellable_window_end) does the handler cancel A, from inside
 * itself: pthread_cancel of itself, then pthread_testcancel. After A has
 * ended, B must not stay asleep while there is something for it: the
 * predicate true (condition) or a unit posted (semaphore).
 *
 * The case must actually happen: A is required to end cancelled in most
 * rounds (every round, unless something preempted the main thread between
 * its wake and its signal).
 *
 *   cancel_after_wake [rounds]   (default 100 of each kind)
 *
 * Not meaningful against glibc: the case is recognised by an lwp internal
 * address (lwp_arch_cancellable_window_end), so that build only says so. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <ucontext.h>

#include "../integration/check.h"

#ifdef CHECKING_AGAINST_GLIBC
int main(void) {
    puts("cancel_after_wake: white box of lwp's cancellable system call; nothing to check against glibc");
    return 0;
}
#else

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
static sem_t semaphore;
static int tokens;   /* guarded by mutex */
static int waiting;  /* guarded by mutex: waiters that have begun to wait */

/* Just past the `syscall` of lwp's cancellable system call
 * (arch/x86_64/cancellable_syscall_freestanding.S). */
extern const char lwp_arch_cancellable_window_end[];

static void cancel_self_if_woken(int signal, siginfo_t* info, void* context) {
    (void)signal;
    (void)info;
    const mcontext_t* registers = &((const ucontext_t*)context)->uc_mcontext;
    if (registers->gregs[REG_RIP] != (greg_t)lwp_arch_cancellable_window_end ||
        registers->gregs[REG_RAX] != 0)
        return;
    pthread_cancel(pthread_self());
    pthread_testcancel();
}

/* A runs only when nothing else on the CPU can. */
static void become_idle_class(void) {
    struct sched_param parameters = {0};
    CHECK_EQ(pthread_setschedparam(pthread_self(), SCHED_IDLE, &parameters), 0);
}

static void unlock_in_cleanup(void* argument) {
    (void)argument;
    pthread_mutex_unlock(&mutex);
}

static void* condition_waiter(void* argument) {
    if (argument) become_idle_class();
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    pthread_cleanup_push(unlock_in_cleanup, NULL);
    ++waiting;
    while (tokens == 0) CHECK_EQ(pthread_cond_wait(&condition, &mutex), 0);
    --tokens;
    pthread_cleanup_pop(1);
    return NULL;
}

static void* semaphore_waiter(void* argument) {
    if (argument) become_idle_class();
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    ++waiting;
    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
    CHECK_EQ(sem_wait(&semaphore), 0);
    return NULL;
}

static void sleep_us(long microseconds) {
    struct timespec pause = {0, microseconds * 1000};
    nanosleep(&pause, NULL);
}

/* Starts a waiter (A if `first`) and returns once it has had time to fall
 * asleep: its wait has begun (counted under the mutex), then a millisecond.
 * Sleeps, not sched_yield: A runs only while the main thread sleeps. */
static pthread_t start_waiter(void* (*routine)(void*), int first) {
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    int before = waiting;
    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, routine, first ? (void*)1 : NULL), 0);
    for (;;) {
        CHECK_EQ(pthread_mutex_lock(&mutex), 0);
        int now = waiting;
        CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
        if (now != before) break;
        sleep_us(100);
    }
    sleep_us(1000);
    return thread;
}

static struct timespec from_now_ms(long milliseconds) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += milliseconds * 1000000L;
    deadline.tv_sec += deadline.tv_nsec / 1000000000L;
    deadline.tv_nsec %= 1000000000L;
    return deadline;
}

/* One round; returns 1 if A ended cancelled. */
static int condition_round(void) {
    tokens = 0;
    pthread_t first = start_waiter(condition_waiter, 1);
    pthread_t second = start_waiter(condition_waiter, 0);
    CHECK_EQ(pthread_mutex_lock(&mutex), 0);
    tokens = 1;
    CHECK_EQ(pthread_cond_signal(&condition), 0);
    CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
    CHECK_EQ(pthread_kill(first, SIGUSR1), 0);
    void* result;
    CHECK_EQ(pthread_join(first, &result), 0);

    struct timespec deadline = from_now_ms(500);
    int error = pthread_timedjoin_np(second, NULL, &deadline);
    if (error == ETIMEDOUT) {
        CHECK_EQ(pthread_mutex_lock(&mutex), 0);
        /* Still asleep: right only if A took the token. */
        if (tokens != 0) {
            fprintf(stderr, "condition: a signal taken by a cancelled waiter was lost\n");
            exit(1);
        }
        tokens = 1;
        CHECK_EQ(pthread_cond_signal(&condition), 0);
        CHECK_EQ(pthread_mutex_unlock(&mutex), 0);
        error = pthread_join(second, NULL);
    }
    CHECK_EQ(error, 0);
    return result == PTHREAD_CANCELED;
}

static int semaphore_round(void) {
    pthread_t first = start_waiter(semaphore_waiter, 1);
    pthread_t second = start_waiter(semaphore_waiter, 0);
    CHECK_EQ(sem_post(&semaphore), 0);
    CHECK_EQ(pthread_kill(first, SIGUSR1), 0);
    void* result;
    CHECK_EQ(pthread_join(first, &result), 0);

    struct timespec deadline = from_now_ms(500);
    int error = pthread_timedjoin_np(second, NULL, &deadline);
    if (error == ETIMEDOUT) {
        int value = -1;
        CHECK_EQ(sem_getvalue(&semaphore, &value), 0);
        /* Still asleep: right only if A took the unit. */
        if (value != 0) {
            fprintf(stderr, "semaphore: a post taken by a cancelled waiter was lost\n");
            exit(1);
        }
        CHECK_EQ(sem_post(&semaphore), 0);
        error = pthread_join(second, NULL);
    }
    CHECK_EQ(error, 0);
    int value = -1;
    CHECK_EQ(sem_getvalue(&semaphore, &value), 0);
    CHECK_EQ(value, 0);
    return result == PTHREAD_CANCELED;
}

/* The main thread's first allowed CPU, for the whole process: threads
 * inherit it. */
static void run_on_one_cpu(void) {
    cpu_set_t allowed;
    CHECK_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    int cpu = 0;
    while (!CPU_ISSET(cpu, &allowed)) ++cpu;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    CHECK_EQ(sched_setaffinity(0, sizeof one, &one), 0);
}

int main(int argc, char** argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    run_on_one_cpu();
    struct sigaction action = {0};
    action.sa_sigaction = cancel_self_if_woken;
    action.sa_flags = SA_SIGINFO;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);

    int cancelled = 0;
    for (int round = 0; round < rounds; ++round) cancelled += condition_round();
    printf("condition: %d rounds, the first waiter cancelled in %d\n", rounds, cancelled);
    CHECK(cancelled * 2 > rounds);
    cancelled = 0;
    for (int round = 0; round < rounds; ++round) cancelled += semaphore_round();
    printf("semaphore: %d rounds, the first waiter cancelled in %d\n", rounds, cancelled);
    CHECK(cancelled * 2 > rounds);
    return 0;
}
#endif /* CHECKING_AGAINST_GLIBC */
