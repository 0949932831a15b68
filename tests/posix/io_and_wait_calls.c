/* What the calls added beside the sockets do, linked with lwp alone (their
 * cancellation is glibc's tst-cancel4's subject): readv/writev and the
 * positioned preadv/pwritev(2), msync, mktemp, sigqueue, sigwaitinfo and
 * sigtimedwait, sigpause, waitid and tcdrain, with their errors. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

/* sigpause is obsolete, and this test is about whether it works. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static void vectored_io(void) {
    char name[] = "/tmp/lwp-vectored-XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    CHECK(unlink(name) == 0);
    struct iovec out[3] = {{"one ", 4}, {"two ", 4}, {"three", 5}};
    CHECK(writev(fd, out, 3) == 13);
    CHECK(pwritev(fd, out + 1, 1, 20) == 4);   /* "two " at 20, a hole before */
    CHECK(pwritev2(fd, out, 1, 30, 0) == 4);   /* "one " at 30 */
    CHECK(lseek(fd, 0, SEEK_CUR) == 13);       /* the positioned ones leave it */
    char first[6] = {0}, second[9] = {0};
    struct iovec in[2] = {{first, 5}, {second, 8}};
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(readv(fd, in, 2) == 13);
    CHECK(strcmp(first, "one t") == 0 && strcmp(second, "wo three") == 0);
    char at20[5] = {0}, at30[5] = {0};
    struct iovec one[1] = {{at20, 4}};
    CHECK(preadv(fd, one, 1, 20) == 4 && strcmp(at20, "two ") == 0);
    one[0].iov_base = at30;
    CHECK(preadv2(fd, one, 1, 30, 0) == 4 && strcmp(at30, "one ") == 0);
    errno = 0;
    volatile int negative = -1; /* volatile: the compiler warns of a constant one */
    CHECK(readv(fd, in, negative) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(preadv2(fd, one, 1, 0, 0x7fffffff) == -1 && errno == EOPNOTSUPP);

    /* msync of a shared mapping of the file. */
    char* mapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(mapped != MAP_FAILED);
    memcpy(mapped, "ONE", 3);
    CHECK(msync(mapped, 4096, MS_SYNC) == 0);
    char reread[4] = {0};
    CHECK(pread(fd, reread, 3, 0) == 3 && strcmp(reread, "ONE") == 0);
    errno = 0;
    CHECK(msync(mapped + 1, 4096, MS_SYNC) == -1 && errno == EINVAL); /* unaligned */
    CHECK(munmap(mapped, 4096) == 0);
    CHECK(close(fd) == 0);
}

static void temporary_name(void) {
    char name[] = "/tmp/lwp-mktemp-XXXXXX";
    CHECK(mktemp(name) == name);
    CHECK(strncmp(name, "/tmp/lwp-mktemp-", 16) == 0 && strcmp(name + 16, "XXXXXX") != 0);
    struct stat status;
    CHECK(stat(name, &status) == -1 && errno == ENOENT); /* a name nothing has */
    char bad[] = "no-x";
    errno = 0;
    CHECK(mktemp(bad) == bad && bad[0] == '\0' && errno == EINVAL);
}

static void signal_waits(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    struct timespec short_time = {0, 1000000};
    siginfo_t info;
    errno = 0;
    CHECK(sigtimedwait(&set, &info, &short_time) == -1 && errno == EAGAIN);
    union sigval value = {.sival_int = 42};
    CHECK(sigqueue(getpid(), SIGUSR1, value) == 0);
    memset(&info, 0, sizeof info);
    CHECK(sigwaitinfo(&set, &info) == SIGUSR1);
    CHECK(info.si_signo == SIGUSR1 && info.si_code == SI_QUEUE && info.si_value.sival_int == 42);
    CHECK(info.si_pid == getpid());
    errno = 0;
    CHECK(sigqueue(-1 - (1 << 30), SIGUSR1, value) == -1 && errno == ESRCH);
    CHECK(raise(SIGUSR1) == 0);
    CHECK(sigtimedwait(&set, NULL, &short_time) == SIGUSR1);
    CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);
}

static volatile sig_atomic_t alarm_seen;
static void on_alarm(int signal) {
    (void)signal;
    alarm_seen = 1;
}

static void pause_for_signal(void) {
    /* SIGALRM blocked, then sigpause(SIGALRM) unblocks it for the wait. */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    CHECK(sigaction(SIGALRM, &action, NULL) == 0);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    alarm(1);
    errno = 0;
    CHECK(sigpause(SIGALRM) == -1 && errno == EINTR);
    CHECK(alarm_seen);
    sigset_t after;
    CHECK(sigprocmask(SIG_BLOCK, NULL, &after) == 0);
    CHECK(sigismember(&after, SIGALRM)); /* blocked again on return */
    errno = 0;
    CHECK(sigpause(0) == -1 && errno == EINVAL);
    CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);
}

static void child_waits(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) _exit(7);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    CHECK(waitid(P_PID, (id_t)child, &info, WEXITED | WNOWAIT) == 0);
    CHECK(info.si_pid == child && info.si_code == CLD_EXITED && info.si_status == 7);
    CHECK(waitid(P_PID, (id_t)child, &info, WEXITED) == 0); /* now reaped */
    errno = 0;
    CHECK(waitid(P_PID, (id_t)child, &info, WEXITED) == -1 && errno == ECHILD);
    errno = 0;
    CHECK(waitid(P_ALL, 0, &info, 0) == -1 && errno == EINVAL); /* no event asked for */

    int pipe_ends[2];
    CHECK(pipe(pipe_ends) == 0);
    errno = 0;
    CHECK(tcdrain(pipe_ends[1]) == -1 && errno == ENOTTY);
    CHECK(close(pipe_ends[0]) == 0 && close(pipe_ends[1]) == 0);
}

int main(void) {
    vectored_io();
    temporary_name();
    signal_waits();
    pause_for_signal();
    child_waits();
    puts("io_and_wait_calls: all passed");
    return 0;
}
