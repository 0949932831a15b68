/* Terminals, on a pseudo-terminal made here: posix_openpt, grantpt,
 * unlockpt, ptsname, ptsname_r; tcgetattr and tcsetattr (raw mode seen in
 * what the other side reads), the speeds, cfmakeraw, tcflush, tcflow,
 * tcsendbreak, tcdrain, tcgetsid, tcgetpgrp, tcsetpgrp (in a child that
 * makes the terminal its controlling one), ttyname, ttyname_r, isatty;
 * openpty, forkpty (and so login_tty), ctermid;
 * with their refusals on descriptors that are not terminals.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static int master, slave;
static char slave_name[64];

static void open_pair(void) {
    master = posix_openpt(O_RDWR | O_NOCTTY);
    CHECK(master >= 0);
    CHECK_EQ(grantpt(master), 0);
    CHECK_EQ(unlockpt(master), 0);
    CHECK_EQ(ptsname_r(master, slave_name, sizeof slave_name), 0);
    CHECK(strncmp(slave_name, "/dev/pts/", 9) == 0);
    CHECK_STREQ(ptsname(master), slave_name);
    char tiny[4];
    CHECK_EQ(ptsname_r(master, tiny, sizeof tiny), ERANGE);
    slave = open(slave_name, O_RDWR | O_NOCTTY);
    CHECK(slave >= 0);
    CHECK(isatty(slave));
    CHECK(isatty(master));
}

static void names(void) {
    char name[PATH_MAX];
    CHECK_EQ(ttyname_r(slave, name, sizeof name), 0);
    CHECK_STREQ(name, slave_name);
    CHECK_STREQ(ttyname(slave), slave_name);
    CHECK_EQ(ttyname_r(slave, name, 5), ERANGE);
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    CHECK_EQ(ttyname_r(pipe_ends[0], name, sizeof name), ENOTTY);
    errno = 0;
    CHECK(ttyname(pipe_ends[0]) == NULL);
    CHECK_EQ(errno, ENOTTY);
    CHECK(!isatty(pipe_ends[0]));
    errno = 0;
    struct termios settings;
    CHECK_EQ(tcgetattr(pipe_ends[0], &settings), -1);
    CHECK_EQ(errno, ENOTTY);
    CHECK_EQ(ttyname_r(-1, name, sizeof name), EBADF);
    CHECK_EQ(close(pipe_ends[0]), 0);
    CHECK_EQ(close(pipe_ends[1]), 0);
    /* Not a master (the other end, a pipe): EINVAL, as POSIX says and glibc
     * answers, though the kernel says ENOTTY. A closed descriptor: EBADF. */
    errno = 0;
    CHECK_EQ(unlockpt(slave), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(grantpt(slave), -1);
    CHECK_EQ(errno, EINVAL);
    int pipe_again[2];
    CHECK_EQ(pipe(pipe_again), 0);
    errno = 0;
    CHECK_EQ(grantpt(pipe_again[0]), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close(pipe_again[0]), 0);
    errno = 0;
    CHECK_EQ(grantpt(pipe_again[0]), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(close(pipe_again[1]), 0);
}

static void settings(void) {
    struct termios original, now;
    CHECK_EQ(tcgetattr(slave, &original), 0);
    CHECK(original.c_lflag & ICANON); /* a new terminal is line-buffered */
    CHECK(original.c_lflag & ECHO);

    /* Speeds: one for both directions on Linux. */
    struct termios changed = original;
    CHECK_EQ(cfsetspeed(&changed, B57600), 0);
    CHECK_EQ(cfgetospeed(&changed), B57600);
    CHECK_EQ(cfgetispeed(&changed), B57600);
    errno = 0;
    CHECK_EQ(cfsetospeed(&changed, 12345), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(tcsetattr(slave, TCSANOW, &changed), 0);
    CHECK_EQ(tcgetattr(slave, &now), 0);
    CHECK_EQ(cfgetospeed(&now), B57600);

    /* Raw: no echo, no line discipline: a byte is readable at once. */
    changed = original;
    cfmakeraw(&changed);
    CHECK(!(changed.c_lflag & (ICANON | ECHO | ISIG)));
    CHECK_EQ(changed.c_cflag & CSIZE, CS8);
    CHECK_EQ(tcsetattr(slave, TCSAFLUSH, &changed), 0);
    CHECK_EQ(tcgetattr(slave, &now), 0);
    CHECK(!(now.c_lflag & ICANON));
    CHECK_EQ(now.c_cc[VMIN], 1);
    CHECK_EQ(write(master, "k", 1), 1);
    char got = 0;
    CHECK_EQ(read(slave, &got, 1), 1); /* no newline needed */
    CHECK_EQ(got, 'k');
    errno = 0;
    CHECK_EQ(tcsetattr(slave, 99, &changed), -1);
    CHECK_EQ(errno, EINVAL);

    /* Back to canonical mode: input waits for a line, tcflush drops it. */
    CHECK_EQ(tcsetattr(slave, TCSADRAIN, &original), 0);
    CHECK_EQ(write(master, "partial", 7), 7);
    CHECK_EQ(tcflush(slave, TCIFLUSH), 0);
    CHECK_EQ(write(master, "line\n", 5), 5);
    char line[16] = {0};
    CHECK_EQ(read(slave, line, sizeof line), 5);
    CHECK_STREQ(line, "line\n");

    CHECK_EQ(tcdrain(slave), 0);
    CHECK_EQ(tcflow(slave, TCOON), 0);
    CHECK_EQ(tcsendbreak(slave, 0), 0);
    errno = 0;
    CHECK_EQ(tcflush(slave, 99), -1);
    CHECK_EQ(errno, EINVAL);
}

/* A child in a session of its own takes the terminal as its controlling
 * one; then the session and the foreground group are its own. */
static void controlling_terminal(void) {
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        if (setsid() < 0) _exit(1);
        int fd = open(slave_name, O_RDWR); /* no O_NOCTTY: becomes controlling */
        if (fd < 0) _exit(2);
        if (tcgetsid(fd) != getpid()) _exit(3);
        if (tcgetpgrp(fd) != getpid()) _exit(4);
        if (tcsetpgrp(fd, getpid()) != 0) _exit(5);
        errno = 0;
        if (tcsetpgrp(fd, 999999) != -1) _exit(6);
        _exit(0);
    }
    expect_exit_code(child, 0);
    errno = 0;
    CHECK_EQ(tcgetsid(slave), -1); /* not our controlling terminal */
    CHECK_EQ(errno, ENOTTY);
}

/* openpty: a pair in one call, with settings and a window size given to
 * the subsidiary end; forkpty: a child whose controlling terminal and
 * standard descriptors are that end, talking to us through the primary. */
static void pairs_in_one_call(void) {
    struct termios wanted;
    CHECK_EQ(tcgetattr(slave, &wanted), 0);
    cfmakeraw(&wanted);
    struct winsize size = {.ws_row = 33, .ws_col = 101};
    int primary, subsidiary;
    char name[64];
    CHECK_EQ(openpty(&primary, &subsidiary, name, &wanted, &size), 0);
    CHECK(strncmp(name, "/dev/pts/", 9) == 0);
    CHECK(isatty(subsidiary));
    char by_ttyname[64];
    CHECK_EQ(ttyname_r(subsidiary, by_ttyname, sizeof by_ttyname), 0);
    CHECK_STREQ(by_ttyname, name);
    struct termios got;
    CHECK_EQ(tcgetattr(subsidiary, &got), 0);
    CHECK_EQ(got.c_lflag & (ICANON | ECHO), 0); /* raw, as asked */
    struct winsize got_size;
    CHECK_EQ(ioctl(subsidiary, TIOCGWINSZ, &got_size), 0);
    CHECK_EQ(got_size.ws_row, 33);
    CHECK_EQ(got_size.ws_col, 101);
    CHECK_EQ(fcntl(primary, F_GETFD) & FD_CLOEXEC, 0);
    CHECK_EQ(write(subsidiary, "x", 1), 1);
    char byte;
    CHECK_EQ(read(primary, &byte, 1), 1);
    CHECK_EQ(byte, 'x');
    CHECK_EQ(close(subsidiary), 0);
    CHECK_EQ(close(primary), 0);

    pid_t child = forkpty(&primary, name, NULL, NULL);
    CHECK(child != -1);
    if (child == 0) {
        /* Our own session, led by us, with the terminal as controlling. */
        if (getsid(0) != getpid() || tcgetsid(0) != getpid()) _exit(1);
        if (!isatty(0) || !isatty(1) || !isatty(2)) _exit(2);
        (void)!write(1, "ready", 5);
        _exit(0);
    }
    char said[16] = "";
    ssize_t got_bytes = read(primary, said, 5);
    CHECK_EQ(got_bytes, 5);
    CHECK(memcmp(said, "ready", 5) == 0);
    expect_exit_code(child, 0);
    CHECK_EQ(close(primary), 0);

    char buffer[L_ctermid];
    CHECK(ctermid(buffer) == buffer);
    CHECK_STREQ(buffer, "/dev/tty");
    CHECK_STREQ(ctermid(NULL), "/dev/tty");
}

int main(void) {
    open_pair();
    pairs_in_one_call();
    names();
    settings();
    controlling_terminal();
    CHECK_EQ(close(slave), 0);
    CHECK_EQ(close(master), 0);
    return 0;
}
