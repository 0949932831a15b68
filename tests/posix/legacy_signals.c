/* The older signal interfaces: System V's sigset/sighold/sigrelse/sigignore
 * and sysv_signal (a one-shot handler, no restart), BSD's
 * sigblock/sigsetmask/siggetmask and bsd_signal/siginterrupt, gsignal, and
 * psignal's text. Each checked through sigaction and sigprocmask, which say
 * what really happened. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Declared only for old X/Open programs, still exported by glibc. */
extern __sighandler_t bsd_signal(int, __sighandler_t);
/* BSD's mask bit of a signal (the header's sigmask is deprecated). */
#define MASK_BIT(signal) (1 << ((signal) - 1))

static volatile sig_atomic_t handled;
static void count_signal(int signal) {
    (void)signal;
    ++handled;
}

static int blocked(int signal) {
    sigset_t mask;
    CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &mask), 0);
    return sigismember(&mask, signal);
}

static struct sigaction action_of(int signal) {
    struct sigaction action;
    CHECK_EQ(sigaction(signal, NULL, &action), 0);
    return action;
}

static void system_v_calls(void) {
    CHECK(sigset(SIGUSR1, count_signal) == SIG_DFL);
    CHECK(action_of(SIGUSR1).sa_handler == count_signal);
    CHECK(sigset(SIGUSR1, SIG_HOLD) == count_signal); /* was not blocked: the handler */
    CHECK(blocked(SIGUSR1));
    CHECK(sigset(SIGUSR1, SIG_HOLD) == SIG_HOLD);      /* was blocked */
    CHECK(sigset(SIGUSR1, SIG_DFL) == SIG_HOLD);       /* unblocks, reports the hold */
    CHECK(!blocked(SIGUSR1));
    CHECK(action_of(SIGUSR1).sa_handler == SIG_DFL);

    CHECK_EQ(sighold(SIGUSR2), 0);
    CHECK(blocked(SIGUSR2));
    CHECK_EQ(sigrelse(SIGUSR2), 0);
    CHECK(!blocked(SIGUSR2));
    CHECK_EQ(sigignore(SIGUSR2), 0);
    CHECK(action_of(SIGUSR2).sa_handler == SIG_IGN);
    CHECK(sigset(SIGUSR2, SIG_DFL) == SIG_IGN);

    errno = 0;
    CHECK_EQ(sighold(0), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(sigset(1000, SIG_DFL) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);

    /* sysv_signal: reset to the default when it runs, not blocked inside
     * it, no restart. */
    CHECK(sysv_signal(SIGUSR1, count_signal) == SIG_DFL);
    struct sigaction action = action_of(SIGUSR1);
    CHECK(action.sa_flags & SA_RESETHAND);
    CHECK(action.sa_flags & SA_NODEFER);
    CHECK(!(action.sa_flags & SA_RESTART));
    handled = 0;
    CHECK_EQ(raise(SIGUSR1), 0);
    CHECK_EQ(handled, 1);
    CHECK(action_of(SIGUSR1).sa_handler == SIG_DFL);
    errno = 0;
    CHECK(__sysv_signal(SIGUSR1, SIG_ERR) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);
}

static void bsd_calls(void) {
    int mask = MASK_BIT(SIGUSR1) | MASK_BIT(SIGHUP);
    int before = sigblock(mask);
    CHECK(!(before & MASK_BIT(SIGUSR1)));
    CHECK(blocked(SIGUSR1) && blocked(SIGHUP));
    CHECK_EQ(siggetmask() & mask, mask);
    CHECK_EQ(sigsetmask(before) & mask, mask);
    CHECK(!blocked(SIGUSR1) && !blocked(SIGHUP));

    /* bsd_signal restarts; siginterrupt turns that off, for the installed
     * handler and for the ones signal installs later. */
    CHECK(bsd_signal(SIGUSR2, count_signal) == SIG_DFL);
    CHECK(action_of(SIGUSR2).sa_flags & SA_RESTART);
    CHECK_EQ(siginterrupt(SIGUSR2, 1), 0);
    CHECK(!(action_of(SIGUSR2).sa_flags & SA_RESTART));
    CHECK(signal(SIGUSR2, count_signal) == count_signal);
    CHECK(!(action_of(SIGUSR2).sa_flags & SA_RESTART));
    CHECK_EQ(siginterrupt(SIGUSR2, 0), 0);
    CHECK(action_of(SIGUSR2).sa_flags & SA_RESTART);
    CHECK(signal(SIGUSR2, SIG_DFL) == count_signal);
    CHECK(action_of(SIGUSR2).sa_flags & SA_RESTART);
    errno = 0;
    CHECK_EQ(siginterrupt(0, 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(signal(SIGUSR2, SIG_ERR) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);

    CHECK(signal(SIGUSR1, count_signal) == SIG_DFL);
    handled = 0;
    CHECK_EQ(gsignal(SIGUSR1), 0);
    CHECK_EQ(handled, 1);
    CHECK(signal(SIGUSR1, SIG_DFL) == count_signal);
}

/* psignal writes to stderr: run in a child whose stderr is a pipe. */
static void psignal_text(void) {
    int reader;
    pid_t child = fork_writing_errors_to_a_pipe(&reader);
    if (child == 0) {
        psignal(SIGSEGV, "prefix");
        psignal(SIGINT, "");
        psignal(SIGRTMIN + 1, NULL);
        psignal(200, "x");
        fflush(stderr);
        _exit(0);
    }
    char text[512];
    read_to_end(reader, text, sizeof text);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    char expected[256];
    snprintf(expected, sizeof expected,
             "prefix: Segmentation fault\nInterrupt\nUnknown signal %d\nx: Unknown signal 200\n", SIGRTMIN + 1);
    if (strcmp(text, expected) != 0) {
        check_write(text);
        CHECK(!"psignal's text");
    }
}

int main(void) {
    system_v_calls();
    bsd_calls();
    psignal_text();
    return 0;
}
