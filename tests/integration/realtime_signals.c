/* SIGRTMIN and SIGRTMAX (calls into lwp under glibc's headers): the range
 * lwp documents (33..64: the kernel's range less 32, kept for cancellation), every
 * signal in it usable, delivery of SIGRTMIN and SIGRTMAX, and the kernel
 * queueing a real-time signal sent twice while blocked. */
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include <errno.h>

#include "check.h"

static volatile sig_atomic_t received[65];

static void count(int signal, siginfo_t* info, void* context) {
    (void)context;
    CHECK_EQ(info->si_signo, signal);
    received[signal]++;
}

static void set_blocked(int signal, int block) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    CHECK_EQ(sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL), 0);
}

int main(void) {
    CHECK_EQ(SIGRTMIN, 33); /* 32 is lwp's cancellation signal */
    CHECK_EQ(SIGRTMAX, 64);
    CHECK(SIGRTMAX - SIGRTMIN >= 8); /* POSIX's RTSIG_MAX */

    struct sigaction action = {.sa_sigaction = count, .sa_flags = SA_SIGINFO};
    sigemptyset(&action.sa_mask);
    for (int signal = SIGRTMIN; signal <= SIGRTMAX; signal++)
        CHECK_EQ(sigaction(signal, &action, NULL), 0);
    errno = 0;
    CHECK_EQ(sigaction(SIGRTMAX + 1, &action, NULL), -1);
    CHECK_EQ(errno, EINVAL);

    CHECK_EQ(raise(SIGRTMIN), 0);
    CHECK_EQ(received[SIGRTMIN], 1);
    CHECK_EQ(raise(SIGRTMAX), 0);
    CHECK_EQ(received[SIGRTMAX], 1);

    /* Sent to the process (the one thread here) twice while blocked: both
     * wait, and both are delivered when the unblocking call returns. */
    int queued = SIGRTMIN + 1;
    set_blocked(queued, 1);
    CHECK_EQ(kill(getpid(), queued), 0);
    CHECK_EQ(kill(getpid(), queued), 0);
    CHECK_EQ(received[queued], 0);
    set_blocked(queued, 0);
    CHECK_EQ(received[queued], 2);
    return 0;
}
