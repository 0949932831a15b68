/* pthread_cancel: deferred and asynchronous cancellation, cleanup handlers,
 * key destructors, the undo step of each blocking cancellation point, the
 * cancel state and type, and the errors. Built with lwp alone. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "caught_signals.h"

static atomic_int cleanups_run;
static atomic_int reached;

static void count_cleanup(void* argument) {
    (void)argument;
    atomic_fetch_add(&cleanups_run, 1);
}

static void short_sleep(void) {
    struct timespec pause = {0, 20 * 1000 * 1000};
    while (nanosleep(&pause, &pause) != 0) {
    }
}

/* Waits until the thread has been seen to block: `reached` set, then a
 * moment for it to enter the kernel. Cancellation must work whether or not
 * it has, so the moment only makes the interesting case the likely one. */
static void wait_for_reached(int value) {
    while (atomic_load(&reached) != value) sched_yield();
    short_sleep();
}

/* Starts `routine`, which sets `reached` to 1 just before it blocks, cancels
 * it there and checks that it ended cancelled. */
static void cancel_blocked(void* (*routine)(void*)) {
    atomic_store(&reached, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, routine, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
}

/* ---- blocked in read() on an empty pipe ---- */
static int pipe_fds[2];

static void* read_forever(void* argument) {
    (void)argument;
    char byte;
    pthread_cleanup_push(count_cleanup, NULL);
    atomic_store(&reached, 1);
    (void)!read(pipe_fds[0], &byte, 1);
    pthread_cleanup_pop(0);
    return (void*)1; /* never: the read only ends by cancellation */
}

static void cancel_blocked_read(void) {
    CHECK_EQ(pipe(pipe_fds), 0);
    atomic_store(&cleanups_run, 0);
    cancel_blocked(read_forever);
    CHECK_EQ(atomic_load(&cleanups_run), 1);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
}

/* ---- blocked in pthread_cond_wait: the mutex is held again in cleanup ---- */
static pthread_mutex_t checked_mutex;
static pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
static atomic_int unlock_result = -1;

static void unlock_in_cleanup(void* argument) {
    /* An error-checking mutex says EPERM unless this thread owns it. */
    atomic_store(&unlock_result, pthread_mutex_unlock(argument));
}

static void* wait_on_condition(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_mutex_lock(&checked_mutex), 0);
    pthread_cleanup_push(unlock_in_cleanup, &checked_mutex);
    atomic_store(&reached, 1);
    for (;;) pthread_cond_wait(&condition, &checked_mutex);
    pthread_cleanup_pop(0);
    return NULL;
}

static void cancel_condition_wait(int use_broadcast) {
    atomic_store(&reached, 0);
    atomic_store(&unlock_result, -1);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, wait_on_condition, NULL), 0);
    wait_for_reached(1);
    /* A broadcast first requeues it onto the mutex we hold, where the
     * cancellation finds it: the relock must still come before cleanup. */
    CHECK_EQ(pthread_mutex_lock(&checked_mutex), 0);
    if (use_broadcast) CHECK_EQ(pthread_cond_broadcast(&condition), 0);
    CHECK_EQ(pthread_cancel(thread), 0);
    CHECK_EQ(pthread_mutex_unlock(&checked_mutex), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&unlock_result), 0);
    /* Nobody holds it now. */
    CHECK_EQ(pthread_mutex_trylock(&checked_mutex), 0);
    CHECK_EQ(pthread_mutex_unlock(&checked_mutex), 0);
}

/* ---- blocked in pthread_cond_timedwait and in sigwait ---- */
static pthread_mutex_t timed_mutex = PTHREAD_MUTEX_INITIALIZER;

static void unlock_timed_mutex(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_mutex_unlock(&timed_mutex), 0);
}

static void* timed_wait_on_condition(void* argument) {
    (void)argument;
    struct timespec far;
    CHECK_EQ(clock_gettime(CLOCK_REALTIME, &far), 0);
    far.tv_sec += 3600;
    CHECK_EQ(pthread_mutex_lock(&timed_mutex), 0);
    pthread_cleanup_push(unlock_timed_mutex, NULL);
    atomic_store(&reached, 1);
    for (;;) pthread_cond_timedwait(&condition, &timed_mutex, &far);
    pthread_cleanup_pop(0);
    return NULL;
}

static void* wait_for_signal(void* argument) {
    (void)argument;
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &usr1, NULL), 0);
    atomic_store(&reached, 1);
    int received = 0;
    sigwait(&usr1, &received);
    return (void*)9; /* never: nobody sends SIGUSR1 */
}

/* ---- blocked in sem_wait: the semaphore still works for others ---- */
static sem_t semaphore;

static void* take_unit(void* argument) {
    (void)argument;
    atomic_fetch_add(&reached, 1);
    CHECK_EQ(sem_wait(&semaphore), 0);
    return (void*)2;
}

static void cancel_semaphore_wait(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    atomic_store(&reached, 0);
    pthread_t cancelled, survivor;
    CHECK_EQ(pthread_create(&cancelled, NULL, take_unit, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_create(&survivor, NULL, take_unit, NULL), 0);
    wait_for_reached(2);
    CHECK_EQ(pthread_cancel(cancelled), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(cancelled, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    /* The one unit goes to the survivor, and none is left over. */
    CHECK_EQ(sem_post(&semaphore), 0);
    CHECK_EQ(pthread_join(survivor, &result), 0);
    CHECK(result == (void*)2);
    int value = -1;
    CHECK_EQ(sem_getvalue(&semaphore, &value), 0);
    CHECK_EQ(value, 0);
    CHECK_EQ(sem_destroy(&semaphore), 0);
}

/* ---- blocked in pthread_join: the joined thread stays joinable ---- */
static pthread_t join_target;

static void* block_until_cancelled(void* argument) {
    (void)argument;
    atomic_fetch_add(&reached, 1);
    for (;;) pause();
    return NULL;
}

static void* join_target_thread(void* argument) {
    (void)argument;
    atomic_fetch_add(&reached, 1);
    pthread_join(join_target, NULL);
    return (void*)3; /* never */
}

static void cancel_join(void) {
    atomic_store(&reached, 0);
    pthread_t joiner;
    CHECK_EQ(pthread_create(&join_target, NULL, block_until_cancelled, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_create(&joiner, NULL, join_target_thread, NULL), 0);
    wait_for_reached(2);
    CHECK_EQ(pthread_cancel(joiner), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(joiner, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    /* The cancelled joiner gave its claim back: joining works, not EINVAL. */
    CHECK_EQ(pthread_cancel(join_target), 0);
    CHECK_EQ(pthread_join(join_target, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
}

/* ---- disabled, then enabled: acts at the next cancellation point ---- */
static atomic_int release_disabled;
static atomic_int slept_through;

static void* disabled_then_enabled(void* argument) {
    (void)argument;
    int old = -1;
    CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old), 0);
    CHECK_EQ(old, PTHREAD_CANCEL_ENABLE);
    atomic_store(&reached, 1);
    while (!atomic_load(&release_disabled)) sched_yield();
    short_sleep(); /* a cancellation point, but disabled: it must not act */
    atomic_store(&slept_through, 1);
    CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old), 0);
    CHECK_EQ(old, PTHREAD_CANCEL_DISABLE);
    /* Deferred: enabling alone does not act ... */
    atomic_store(&reached, 2);
    pthread_testcancel(); /* ... the next cancellation point does */
    return (void*)4;
}

static void cancel_disabled(void) {
    atomic_store(&reached, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, disabled_then_enabled, NULL), 0);
    while (atomic_load(&reached) != 1) sched_yield();
    CHECK_EQ(pthread_cancel(thread), 0);
    CHECK_EQ(pthread_cancel(thread), 0); /* a second request changes nothing */
    atomic_store(&release_disabled, 1);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&slept_through), 1);
    CHECK_EQ(atomic_load(&reached), 2);
}

/* ---- asynchronous: ends a thread that makes no call at all ---- */
static void* spin_asynchronously(void* argument) {
    (void)argument;
    int old = -1;
    CHECK_EQ(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old), 0);
    CHECK_EQ(old, PTHREAD_CANCEL_DEFERRED);
    pthread_cleanup_push(count_cleanup, NULL);
    atomic_store(&reached, 1);
    for (;;) atomic_fetch_add_explicit(&reached, 0, memory_order_relaxed);
    pthread_cleanup_pop(0);
    return NULL;
}

static void cancel_asynchronous(void) {
    atomic_store(&cleanups_run, 0);
    cancel_blocked(spin_asynchronously);
    CHECK_EQ(atomic_load(&cleanups_run), 1);
}

/* ---- a mutex wait is not a cancellation point ---- */
static pthread_mutex_t plain_mutex = PTHREAD_MUTEX_INITIALIZER;
static atomic_int got_mutex;

static void* lock_then_test(void* argument) {
    (void)argument;
    atomic_store(&reached, 1);
    CHECK_EQ(pthread_mutex_lock(&plain_mutex), 0);
    atomic_store(&got_mutex, 1);
    CHECK_EQ(pthread_mutex_unlock(&plain_mutex), 0);
    pthread_testcancel();
    return (void*)5;
}

static void cancel_mutex_waiter(void) {
    atomic_store(&reached, 0);
    CHECK_EQ(pthread_mutex_lock(&plain_mutex), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, lock_then_test, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_cancel(thread), 0);
    short_sleep();
    /* Still waiting for the mutex: the request did not end the wait. */
    CHECK_EQ(pthread_tryjoin_np(thread, NULL), EBUSY);
    CHECK_EQ(atomic_load(&got_mutex), 0);
    CHECK_EQ(pthread_mutex_unlock(&plain_mutex), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&got_mutex), 1);
}

/* ---- key destructors and cleanup order for a cancelled thread ---- */
static pthread_key_t key;
static atomic_int destructor_ran;
static char order[4];
static atomic_int order_length;

static void record(void* letter) { order[atomic_fetch_add(&order_length, 1)] = *(char*)letter; }
static void key_destructor(void* value) {
    CHECK(value == (void*)&key);
    atomic_store(&destructor_ran, 1);
}

static void* nested_cleanups(void* argument) {
    (void)argument;
    static char outer = 'o', inner = 'i';
    CHECK_EQ(pthread_setspecific(key, &key), 0);
    pthread_cleanup_push(record, &outer);
    pthread_cleanup_push(record, &inner);
    atomic_store(&reached, 1);
    for (;;) pause();
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void cancel_runs_handlers_and_destructors(void) {
    CHECK_EQ(pthread_key_create(&key, key_destructor), 0);
    cancel_blocked(nested_cleanups);
    CHECK_EQ(atomic_load(&order_length), 2);
    CHECK(order[0] == 'i' && order[1] == 'o');
    CHECK_EQ(atomic_load(&destructor_ran), 1);
    CHECK_EQ(pthread_key_delete(key), 0);
}

/* ---- self-cancellation, a request before the cancellation point ---- */
static void* cancel_self(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    atomic_store(&reached, 1); /* deferred: still running */
    short_sleep();             /* acts here, before sleeping */
    atomic_store(&reached, 2);
    return NULL;
}

static void cancel_itself(void) {
    atomic_store(&reached, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, cancel_self, NULL), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&reached), 1);
}

static void* return_seven(void* argument) {
    (void)argument;
    return (void*)7;
}

/* ---- a request already pending acts even where the call would not block ---- */
static pthread_t ended_thread;
static atomic_int after_point;

static void* pending_then(void* argument) {
    int which = (int)(intptr_t)argument;
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    if (which == 0) {
        sem_wait(&semaphore); /* a unit is there to take */
    } else if (which == 1) {
        struct timespec past = {1, 0};
        CHECK_EQ(pthread_mutex_lock(&timed_mutex), 0);
        pthread_cleanup_push(unlock_timed_mutex, NULL);
        pthread_cond_timedwait(&condition, &timed_mutex, &past); /* deadline passed */
        pthread_cleanup_pop(1);
    } else {
        pthread_join(ended_thread, NULL); /* it has already ended */
    }
    atomic_store(&after_point, 1);
    return NULL;
}

static void cancel_pending_at_entry(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 1), 0);
    CHECK_EQ(pthread_create(&ended_thread, NULL, return_seven, NULL), 0);
    short_sleep();
    for (int which = 0; which < 3; ++which) {
        atomic_store(&after_point, 0);
        pthread_t thread;
        CHECK_EQ(pthread_create(&thread, NULL, pending_then, (void*)(intptr_t)which), 0);
        void* result = NULL;
        CHECK_EQ(pthread_join(thread, &result), 0);
#ifdef CHECKING_AGAINST_GLIBC
        /* glibc's pthread_join of a thread that has already ended returns
         * without acting on the request (docs/posix.md, cancellation). */
        if (which == 2) {
            CHECK(result == NULL);
            CHECK_EQ(atomic_load(&after_point), 1);
            continue;
        }
#endif
        CHECK(result == PTHREAD_CANCELED);
        CHECK_EQ(atomic_load(&after_point), 0);
    }
    int value = -1;
    CHECK_EQ(sem_getvalue(&semaphore, &value), 0);
    CHECK_EQ(value, 1); /* the cancelled wait took nothing */
    CHECK_EQ(sem_destroy(&semaphore), 0);
    CHECK_EQ(pthread_mutex_trylock(&timed_mutex), 0);
    CHECK_EQ(pthread_mutex_unlock(&timed_mutex), 0);
#ifndef CHECKING_AGAINST_GLIBC
    /* Under glibc the join of round 2 completed: the thread is gone. */
    void* result = NULL;
    CHECK_EQ(pthread_join(ended_thread, &result), 0); /* the claim was given back */
    CHECK(result == (void*)7);
#endif
}

/* ---- a finished thread keeps its own result; stale handles ---- */
static void cancel_finished_and_stale(void) {
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, return_seven, NULL), 0);
    while (pthread_tryjoin_np(thread, NULL) == EBUSY) {
        /* tryjoin joins once it is done; start again with a fresh one */
    }
#ifndef CHECKING_AGAINST_GLIBC
    /* A joined thread's handle: undefined in glibc (docs/posix.md, pthread_t). */
    CHECK_EQ(pthread_cancel(thread), ESRCH); /* joined: stale */
#endif

    CHECK_EQ(pthread_create(&thread, NULL, return_seven, NULL), 0);
    short_sleep(); /* it has ended, unjoined */
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == (void*)7);
}

/* ---- a thread that blocks every signal is still cancellable ---- */
static void* block_all_then_sleep(void* argument) {
    (void)argument;
    sigset_t all;
    sigfillset(&all);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &all, NULL), 0);
    atomic_store(&reached, 1);
    for (;;) {
        struct timespec long_time = {3600, 0};
        nanosleep(&long_time, NULL);
    }
    return NULL;
}

/* ---- calls the kernel ends with EINTR after a handler, never restarts ---- */
static void* sleep_once(void* argument) {
    (void)argument;
    atomic_store(&reached, 1);
    sleep(1000); /* one call: an EINTR return would end the thread normally */
    return (void*)10;
}

static void* timed_semaphore_wait_once(void* argument) {
    (void)argument;
    struct timespec far;
    CHECK_EQ(clock_gettime(CLOCK_REALTIME, &far), 0);
    far.tv_sec += 3600;
    atomic_store(&reached, 1);
    sem_timedwait(&semaphore, &far);
    return (void*)11;
}

/* ---- a request that arrives while a program's handler runs on top of a
 *      cancellation point; then one acting inside such a handler ---- */
static atomic_int in_handler;
static atomic_int cancel_sent;

static void wait_for_the_request(int signal) {
    (void)signal;
    atomic_store(&in_handler, 1);
    while (!atomic_load(&cancel_sent)) sched_yield();
    short_sleep(); /* the request's signal lands here, outside any window */
}

static void read_in_handler(int signal) {
    (void)signal;
    char byte;
    atomic_store(&in_handler, 1);
    (void)!read(pipe_fds[0], &byte, 1); /* a cancellation point inside a handler */
}

static void* read_once(void* argument) {
    (void)argument;
    char byte;
    atomic_store(&reached, 1);
    (void)!read(pipe_fds[0], &byte, 1);
    return (void*)12;
}

static void cancel_during_handler(void* (*routine)(void*), void (*handler)(int)) {
    struct sigaction action = {0};
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    sigfillset(&action.sa_mask); /* must not block lwp's signal 32 */
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    CHECK_EQ(pipe(pipe_fds), 0);
    atomic_store(&reached, 0);
    atomic_store(&in_handler, 0);
    atomic_store(&cancel_sent, 0);
    atomic_store(&unlock_result, -1);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, routine, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_kill(thread, SIGUSR1), 0);
    while (!atomic_load(&in_handler)) sched_yield();
    short_sleep();
    CHECK_EQ(pthread_cancel(thread), 0);
    atomic_store(&cancel_sent, 1);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    action.sa_handler = SIG_DFL;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
}

/* The handler reads while the thread's condition wait is interrupted: the
 * cancellation acts in the read and must still relock the wait's mutex. */
static void* wait_on_condition_once(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_mutex_lock(&checked_mutex), 0);
    pthread_cleanup_push(unlock_in_cleanup, &checked_mutex);
    atomic_store(&reached, 1);
    pthread_cond_wait(&condition, &checked_mutex);
    pthread_cleanup_pop(0);
    return (void*)13;
}

/* ---- a handler that leaves a cancellation point with siglongjmp ---- */
static sigjmp_buf escape;

static void jump_out(int signal) {
    (void)signal;
    siglongjmp(escape, 1);
}

/* Overwrites the stack below the caller, where the abandoned read's frames
 * were, with small numbers: anything that still followed a link stored
 * there would follow it to address 8 and crash. */
static __attribute__((noinline)) void scribble_below(void) {
    volatile unsigned long filler[4096];
    for (unsigned i = 0; i < sizeof filler / sizeof filler[0]; ++i) filler[i] = 8;
}

static void* read_escape_read(void* argument) {
    (void)argument;
    char byte;
    if (sigsetjmp(escape, 1) == 0) {
        atomic_store(&reached, 1);
        (void)!read(pipe_fds[0], &byte, 1); /* left by siglongjmp */
        return (void*)14;
    }
    scribble_below();
    atomic_store(&reached, 2);
    (void)!read(pipe_fds[0], &byte, 1); /* cancelled here */
    return (void*)15;
}

static void cancel_after_siglongjmp(void) {
    struct sigaction action = {0};
    action.sa_handler = jump_out;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    CHECK_EQ(pipe(pipe_fds), 0);
    atomic_store(&reached, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, read_escape_read, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_kill(thread, SIGUSR1), 0);
    wait_for_reached(2);
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    action.sa_handler = SIG_DFL;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
}

/* ---- pthread_exit from a handler that interrupted a cancellation point;
 *      a cleanup handler then jumps with longjmp (the read's frames are
 *      gone and their stack reused by then) ---- */
static void exit_from_handler(int signal) {
    (void)signal;
    pthread_exit((void*)16);
}

static __attribute__((noinline)) void scribble_and_jump(jmp_buf* target) {
    scribble_below();
    longjmp(*target, 1);
}

static void jump_in_cleanup(void* argument) {
    (void)argument;
    jmp_buf target;
    if (setjmp(target) == 0) scribble_and_jump(&target);
    atomic_store(&cleanups_run, 1);
}

/* The read runs a little deeper than the cleanup handler will, so that the
 * handler's jump target lies above the read's abandoned frames. */
static __attribute__((noinline)) void read_deeper(void) {
    volatile char padding[256];
    padding[0] = 0;
    (void)padding[0];
    char byte;
    atomic_store(&reached, 1);
    (void)!read(pipe_fds[0], &byte, 1);
}

static void* read_with_cleanup(void* argument) {
    (void)argument;
    pthread_cleanup_push(jump_in_cleanup, NULL);
    read_deeper();
    pthread_cleanup_pop(0);
    return NULL;
}

static void exit_from_handler_in_read(void) {
    struct sigaction action = {0};
    action.sa_handler = exit_from_handler;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    CHECK_EQ(pipe(pipe_fds), 0);
    atomic_store(&reached, 0);
    atomic_store(&cleanups_run, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, read_with_cleanup, NULL), 0);
    wait_for_reached(1);
    CHECK_EQ(pthread_kill(thread, SIGUSR1), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == (void*)16);
    CHECK_EQ(atomic_load(&cleanups_run), 1);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    action.sa_handler = SIG_DFL;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
}

/* ---- a program's handler is reported back as installed ---- */
static void one_handler(int signal) { (void)signal; }
static void info_handler(int signal, siginfo_t* info, void* context) {
    (void)signal, (void)info, (void)context;
}

static void handlers_read_back(void) {
    struct sigaction action = {0}, old = {0};
    action.sa_handler = one_handler;
    CHECK_EQ(sigaction(SIGUSR2, &action, NULL), 0);
    CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    CHECK(old.sa_handler == one_handler);
    CHECK_EQ(old.sa_flags & SA_SIGINFO, 0);
    action.sa_sigaction = info_handler;
    action.sa_flags = SA_SIGINFO;
    CHECK_EQ(sigaction(SIGUSR2, &action, &old), 0);
    CHECK(old.sa_handler == one_handler);
    CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    CHECK(old.sa_sigaction == info_handler);
    CHECK(old.sa_flags & SA_SIGINFO);
    action.sa_handler = SIG_DFL;
    action.sa_flags = 0;
    CHECK_EQ(sigaction(SIGUSR2, &action, &old), 0);
    CHECK(old.sa_sigaction == info_handler);
    CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    CHECK(old.sa_handler == SIG_DFL);
    /* After a one-shot delivery the kernel resets the action to SIG_DFL;
     * the flags read back are the program's (no SA_SIGINFO it never asked). */
    action.sa_handler = one_handler;
    action.sa_flags = SA_RESETHAND;
    CHECK_EQ(sigaction(SIGUSR2, &action, NULL), 0);
    CHECK_EQ(raise(SIGUSR2), 0);
    CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    CHECK(old.sa_handler == SIG_DFL);
    CHECK_EQ(old.sa_flags & SA_SIGINFO, 0);
}

/* ---- many cancellations racing with signals and broadcasts ---- */
static pthread_mutex_t race_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t race_condition = PTHREAD_COND_INITIALIZER;
static int race_ticket;

static void unlock_race_mutex(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_mutex_unlock(&race_mutex), 0);
}

/* Waits for the ticket of its round to be handed out (it may arrive after
 * that, and then does not wait at all). */
static void* race_waiter(void* argument) {
    int round = (int)(intptr_t)argument;
    CHECK_EQ(pthread_mutex_lock(&race_mutex), 0);
    pthread_cleanup_push(unlock_race_mutex, NULL);
    while (race_ticket == round) pthread_cond_wait(&race_condition, &race_mutex);
    pthread_cleanup_pop(1);
    return (void*)8;
}

static void cancel_racing_with_wakeups(void) {
    for (int round = 0; round < 300; ++round) {
        pthread_t waiters[3];
        for (int i = 0; i < 3; ++i)
            CHECK_EQ(pthread_create(&waiters[i], NULL, race_waiter, (void*)(intptr_t)round), 0);
        if (round % 3 == 0) sched_yield();
        CHECK_EQ(pthread_cancel(waiters[round % 3]), 0);
        CHECK_EQ(pthread_mutex_lock(&race_mutex), 0);
        race_ticket++;
        if (round % 2)
            CHECK_EQ(pthread_cond_broadcast(&race_condition), 0);
        else
            for (int i = 0; i < 3; ++i) CHECK_EQ(pthread_cond_signal(&race_condition), 0);
        CHECK_EQ(pthread_mutex_unlock(&race_mutex), 0);
        /* Every waiter ends: cancelled, or woken by the ticket change. A
         * lost wake-up or a mutex left held would hang here. */
        for (int i = 0; i < 3; ++i) {
            void* result = NULL;
            CHECK_EQ(pthread_join(waiters[i], &result), 0);
            CHECK(result == (void*)8 || (i == round % 3 && result == PTHREAD_CANCELED));
        }
    }
}

int main(void) {
    /* The errors. */
    CHECK_EQ(pthread_setcancelstate(99, NULL), EINVAL);
    CHECK_EQ(pthread_setcanceltype(99, NULL), EINVAL);
    struct sigaction action = {0};
    action.sa_handler = SIG_IGN;
    errno = 0;
    CHECK_EQ(sigaction(32, &action, NULL), -1); /* lwp's cancellation signal */
    CHECK_EQ(errno, EINVAL);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc keeps 32 and 33 (its set*id signal) for itself; lwp only 32
     * (docs/posix.md). glibc installs signal 32's handler at the first
     * pthread_cancel, not before main. */
    CHECK_EQ(SIGRTMIN, 34);
#else
    CHECK_EQ(SIGRTMIN, 33);
    /* Linking pthread_cancel installed the handler of signal 32 before main
     * (posix.pthread_threads checks that a program without it has none). */
    unsigned long long caught = 0;
    CHECK_EQ(read_caught_signals(&caught), 0);
    CHECK(caught & (1ULL << 31));
#endif
    /* No set the program builds holds it. */
    sigset_t set;
    sigfillset(&set);
    CHECK_EQ(sigismember(&set, 32), 0);
    CHECK_EQ(sigismember(&set, SIGRTMIN), 1);
    errno = 0;
    CHECK_EQ(sigaddset(&set, 32), -1);
    CHECK_EQ(errno, EINVAL);
    handlers_read_back();

    pthread_mutexattr_t checked;
    CHECK_EQ(pthread_mutexattr_init(&checked), 0);
    CHECK_EQ(pthread_mutexattr_settype(&checked, PTHREAD_MUTEX_ERRORCHECK), 0);
    CHECK_EQ(pthread_mutex_init(&checked_mutex, &checked), 0);

    cancel_blocked_read();
    cancel_condition_wait(0);
    cancel_condition_wait(1);
    cancel_blocked(timed_wait_on_condition);
    CHECK_EQ(pthread_mutex_trylock(&timed_mutex), 0); /* cleanup unlocked it */
    CHECK_EQ(pthread_mutex_unlock(&timed_mutex), 0);
    cancel_blocked(wait_for_signal);
    cancel_semaphore_wait();
    cancel_blocked(sleep_once);
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    cancel_blocked(timed_semaphore_wait_once);
    CHECK_EQ(sem_destroy(&semaphore), 0);
    cancel_during_handler(read_once, wait_for_the_request);
    cancel_during_handler(wait_on_condition_once, read_in_handler);
    CHECK_EQ(atomic_load(&unlock_result), 0); /* the wait's mutex was relocked */
    cancel_after_siglongjmp();
    exit_from_handler_in_read();
    cancel_join();
    cancel_disabled();
    cancel_asynchronous();
    cancel_mutex_waiter();
    cancel_runs_handlers_and_destructors();
    cancel_itself();
    cancel_pending_at_entry();
    cancel_finished_and_stale();
    cancel_blocked(block_all_then_sleep); /* with every signal blocked */
    cancel_racing_with_wakeups();
    puts("pthread_cancel: ok");
    return 0;
}
