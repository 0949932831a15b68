/* Signals in a threaded program: pthread_kill to one thread runs the handler
 * on that thread, pthread_sigmask blocks, sigpending shows a blocked signal
 * waiting, sigwait consumes it. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../integration/check.h"

static volatile sig_atomic_t handled_on_target;
static pthread_t target;
static volatile int target_may_exit;

static void handler(int signal) {
    if (signal == SIGUSR1 && pthread_equal(pthread_self(), target)) handled_on_target = 1;
}

static void* wait_for_signal(void* argument) {
    (void)argument;
    while (!handled_on_target) sched_yield();
    while (!target_may_exit) sched_yield();
    return NULL;
}

static void* sigwaiter(void* argument) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    int received = 0;
    if (sigwait(&set, &received) != 0) return NULL;
    *(int*)argument = received;
    return argument;
}

int main(void) {
    struct sigaction action = {0};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    CHECK(sigaction(SIGUSR1, &action, NULL) == 0);
    struct sigaction current;
    CHECK(sigaction(SIGUSR1, NULL, &current) == 0 && current.sa_handler == handler);

    CHECK(pthread_create(&target, NULL, wait_for_signal, NULL) == 0);
    CHECK(pthread_kill(target, 0) == 0);
    CHECK(pthread_kill(target, SIGUSR1) == 0);
    CHECK(pthread_kill(target, 99) == EINVAL);
    while (!handled_on_target) sched_yield();
    target_may_exit = 1;
    CHECK(pthread_join(target, NULL) == 0);
#ifndef CHECKING_AGAINST_GLIBC
    /* A joined thread's handle: undefined in glibc (docs/posix.md, pthread_t). */
    CHECK(pthread_kill(target, 0) == ESRCH);
#endif

    /* Block SIGUSR2 everywhere (threads inherit the mask), then a thread
     * collects it with sigwait. */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    CHECK(sigismember(&set, SIGUSR2) == 1 && sigismember(&set, SIGUSR1) == 0);
    CHECK(pthread_sigmask(SIG_BLOCK, &set, &old) == 0);
    CHECK(pthread_sigmask(12345, &set, NULL) == EINVAL);
    /* Blocked and sent to this thread: pending until taken. */
    sigset_t pending;
    CHECK(sigpending(&pending) == 0);
    CHECK(sigismember(&pending, SIGUSR2) == 0);
    CHECK(pthread_kill(pthread_self(), SIGUSR2) == 0);
    CHECK(sigpending(&pending) == 0);
    CHECK(sigismember(&pending, SIGUSR2) == 1);
    CHECK(sigismember(&pending, SIGUSR1) == 0);
    int taken = 0;
    CHECK(sigwait(&set, &taken) == 0 && taken == SIGUSR2);
    CHECK(sigpending(&pending) == 0);
    CHECK(sigismember(&pending, SIGUSR2) == 0);
    int received = 0;
    pthread_t waiter;
    CHECK(pthread_create(&waiter, NULL, sigwaiter, &received) == 0);
    CHECK(kill(getpid(), SIGUSR2) == 0);
    void* result;
    CHECK(pthread_join(waiter, &result) == 0 && result == &received);
    CHECK(received == SIGUSR2);
    CHECK(pthread_sigmask(SIG_SETMASK, &old, NULL) == 0);

    /* raise delivers to the calling thread. */
    handled_on_target = 0;
    target = pthread_self();
    CHECK(raise(SIGUSR1) == 0);
    CHECK(handled_on_target == 1);
    CHECK(sigaddset(&set, 0) == -1 && errno == EINVAL);
    puts("pthread_signals: ok");
    return 0;
}
