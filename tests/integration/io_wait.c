/* poll, ppoll, select and pselect: readiness of a pipe, timeouts, a bad
 * descriptor, the signal mask ppoll and pselect wait with (a signal blocked
 * outside the wait interrupts it), and each of them as a cancellation point. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

#include "check.h"

static int pipe_fds[2];
static volatile sig_atomic_t handled;
static void on_usr1(int signal_number) { (void)signal_number; handled = 1; }

/* Blocks for ever on the read end (nothing is ever written) in one of the
 * four calls, until cancelled. */
static void* wait_for_ever(void* which) {
    struct pollfd descriptor = {pipe_fds[0], POLLIN, 0};
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(pipe_fds[0], &readable);
    switch ((long)which) {
    case 0: poll(&descriptor, 1, -1); break;
    case 1: ppoll(&descriptor, 1, NULL, NULL); break;
    case 2: select(pipe_fds[0] + 1, &readable, NULL, NULL, NULL); break;
    default: pselect(pipe_fds[0] + 1, &readable, NULL, NULL, NULL, NULL); break;
    }
    return NULL; /* not reached: cancelled in the call */
}

int main(void) {
    CHECK_EQ(pipe(pipe_fds), 0);
    struct pollfd descriptor = {pipe_fds[0], POLLIN, 0};
    fd_set readable;
    struct timespec zero = {0, 0};
    struct timeval no_wait = {0, 0};

    /* Nothing to read: each times out at once. */
    CHECK_EQ(poll(&descriptor, 1, 0), 0);
    CHECK_EQ(ppoll(&descriptor, 1, &zero, NULL), 0);
    FD_ZERO(&readable);
    FD_SET(pipe_fds[0], &readable);
    CHECK_EQ(select(pipe_fds[0] + 1, &readable, NULL, NULL, &no_wait), 0);
    CHECK(!FD_ISSET(pipe_fds[0], &readable));
    FD_SET(pipe_fds[0], &readable);
    CHECK_EQ(pselect(pipe_fds[0] + 1, &readable, NULL, NULL, &zero, NULL), 0);

    /* One byte written: readable for all four, without a timeout. */
    CHECK_EQ(write(pipe_fds[1], "x", 1), 1);
    CHECK_EQ(poll(&descriptor, 1, -1), 1);
    CHECK(descriptor.revents & POLLIN);
    descriptor.revents = 0;
    struct timespec second = {1, 0};
    CHECK_EQ(ppoll(&descriptor, 1, &second, NULL), 1);
    CHECK(descriptor.revents & POLLIN);
    CHECK(second.tv_sec == 1 && second.tv_nsec == 0); /* const: the copy is the kernel's */
    FD_ZERO(&readable);
    FD_SET(pipe_fds[0], &readable);
    CHECK_EQ(select(pipe_fds[0] + 1, &readable, NULL, NULL, NULL), 1);
    CHECK(FD_ISSET(pipe_fds[0], &readable));
    CHECK_EQ(pselect(pipe_fds[0] + 1, &readable, NULL, NULL, NULL, NULL), 1);
    char byte;
    CHECK_EQ(read(pipe_fds[0], &byte, 1), 1);

    /* A closed descriptor: POLLNVAL from poll, EBADF from select. */
    int closed[2];
    CHECK_EQ(pipe(closed), 0);
    CHECK_EQ(close(closed[0]), 0);
    struct pollfd invalid = {closed[0], POLLIN, 0};
    CHECK_EQ(poll(&invalid, 1, 0), 1);
    CHECK(invalid.revents & POLLNVAL);
    FD_ZERO(&readable);
    FD_SET(closed[0], &readable);
    errno = 0;
    CHECK_EQ(select(closed[0] + 1, &readable, NULL, NULL, &no_wait), -1);
    CHECK_EQ(errno, EBADF);

    /* SIGUSR1 blocked, and pending: a wait whose own mask lets it in is
     * interrupted by it (EINTR, the handler ran); blocked again after. */
    struct sigaction action = {0};
    action.sa_handler = on_usr1;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    sigset_t usr1, open_mask;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&open_mask);
    for (int call = 0; call < 2; ++call) {
        CHECK_EQ(sigprocmask(SIG_BLOCK, &usr1, NULL), 0);
        CHECK_EQ(raise(SIGUSR1), 0);
        CHECK(!handled);
        errno = 0;
        if (call == 0) {
            CHECK_EQ(ppoll(&descriptor, 1, NULL, &open_mask), -1);
        } else {
            FD_ZERO(&readable);
            FD_SET(pipe_fds[0], &readable);
            CHECK_EQ(pselect(pipe_fds[0] + 1, &readable, NULL, NULL, NULL, &open_mask), -1);
        }
        CHECK_EQ(errno, EINTR);
        CHECK(handled);
        handled = 0;
        sigset_t now;
        CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
        CHECK(sigismember(&now, SIGUSR1));
        CHECK_EQ(sigprocmask(SIG_UNBLOCK, &usr1, NULL), 0);
    }

    /* Cancellation points: a thread blocked in each is cancelled. */
    for (long which = 0; which < 4; ++which) {
        pthread_t thread;
        void* result = NULL;
        CHECK_EQ(pthread_create(&thread, NULL, wait_for_ever, (void*)which), 0);
        CHECK_EQ(pthread_cancel(thread), 0);
        CHECK_EQ(pthread_join(thread, &result), 0);
        CHECK(result == PTHREAD_CANCELED);
    }
    return 0;
}
