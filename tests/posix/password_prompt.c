/* getpass, driven from the other end of a pseudo-terminal: in a child
 * whose controlling terminal is the pseudo-terminal, the prompt appears on
 * it, echo and keyboard signals are off while the line is read (a ^C is
 * then part of the password, and nothing typed comes back), the newline is
 * written afterwards, the settings are put back, and the line comes back
 * without its newline (at the end of input, ""), in the same buffer each
 * time. Without a controlling terminal: standard input, the prompt on
 * standard error, what follows the line left to stdio; and with standard
 * input a terminal (not the controlling one), echo off there too.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC), except for a
 * thread cancelled while it waits in getpass on /dev/tty: lwp's ends, with
 * the terminal's settings put back and the descriptor closed; glibc reads
 * through a stream opened not to be cancelled, and its thread waits on
 * until a line is typed. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <utmp.h>

#include "../integration/check.h"
#include "child_process.h"

/* Reads from `fd` until what was read ends with `ending`; all of it in
 * `text` (at most size - 1 bytes). */
static void read_until(int fd, const char* ending, char* text, size_t size) {
    size_t length = 0, ending_length = strlen(ending);
    for (;;) {
        CHECK(length + 1 < size);
        ssize_t got = read(fd, text + length, 1);
        CHECK_EQ(got, 1);
        ++length;
        text[length] = '\0';
        if (length >= ending_length && strcmp(text + length - ending_length, ending) == 0) return;
    }
}

static void expect_quiet(int terminal, int quiet) {
    struct termios settings;
    CHECK_EQ(tcgetattr(terminal, &settings), 0);
    CHECK_EQ(!(settings.c_lflag & ECHO), quiet);
    CHECK_EQ(!(settings.c_lflag & ISIG), quiet);
    CHECK(settings.c_lflag & ICANON); /* a line at a time still */
}

static void controlling_terminal(void) {
    int primary, secondary;
    CHECK_EQ(openpty(&primary, &secondary, NULL, NULL, NULL), 0);
    int report[2];
    CHECK_EQ(pipe(report), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(close(primary), 0);
        CHECK_EQ(close(report[0]), 0);
        CHECK_EQ(login_tty(secondary), 0); /* a new session, this its terminal */
        char* first = getpass("Password: ");
        CHECK(first != NULL);
        expect_quiet(0, 0); /* put back */
        dprintf(report[1], "%s\n", first);
        char* second = getpass("Again: ");
        CHECK(second == first); /* the same buffer */
        CHECK_STREQ(second, "");
        expect_quiet(0, 0);
        dprintf(report[1], "done\n");
        _exit(0);
    }
    CHECK_EQ(close(report[1]), 0);
    char seen[256];
    read_until(primary, "Password: ", seen, sizeof seen);
    CHECK_STREQ(seen, "Password: ");
    expect_quiet(secondary, 1); /* before the prompt was written */
    /* ^C (VINTR) is a character like the others while ISIG is off. */
    const char typed[] = "se\003cret\n";
    CHECK_EQ(write(primary, typed, sizeof typed - 1), (ssize_t)sizeof typed - 1);
    char line[64];
    read_until(report[0], "\n", line, sizeof line);
    CHECK_STREQ(line, "se\003cret\n");
    /* Nothing echoed: only the newline getpass writes (as "\r\n"), then
     * the next prompt. */
    read_until(primary, "Again: ", seen, sizeof seen);
    CHECK_STREQ(seen, "\r\nAgain: ");
    expect_quiet(secondary, 1);
    /* The end of input (VEOF at the start of a line): "", no newline. */
    CHECK_EQ(write(primary, "\004", 1), 1);
    read_until(report[0], "\n", line, sizeof line);
    CHECK_STREQ(line, "done\n");
    expect_exit_code(child, 0);
    expect_quiet(secondary, 0);
    CHECK_EQ(close(report[0]), 0);
    CHECK_EQ(close(primary), 0);
    CHECK_EQ(close(secondary), 0);
}

/* A child in a session of its own, without a controlling terminal, its
 * standard input `input` and standard error a new pipe (its read end in
 * *errors); 0 in the child. */
static pid_t fork_without_terminal(int input, int* errors, int* report) {
    int error_pipe[2], report_pipe[2];
    CHECK_EQ(pipe(error_pipe), 0);
    CHECK_EQ(pipe(report_pipe), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK(setsid() > 0);
        CHECK_EQ(dup2(input, 0), 0);
        CHECK_EQ(dup2(error_pipe[1], 2), 2);
        CHECK_EQ(close(error_pipe[0]), 0);
        CHECK_EQ(close(report_pipe[0]), 0);
        *report = report_pipe[1];
        return 0;
    }
    CHECK_EQ(close(error_pipe[1]), 0);
    CHECK_EQ(close(report_pipe[1]), 0);
    *errors = error_pipe[0];
    *report = report_pipe[0];
    return child;
}

static void standard_streams(void) {
    int input[2];
    CHECK_EQ(pipe(input), 0);
    const char typed[] = "hunter2\nrest\n";
    CHECK_EQ(write(input[1], typed, sizeof typed - 1), (ssize_t)sizeof typed - 1);
    CHECK_EQ(close(input[1]), 0);
    int errors, report;
    pid_t child = fork_without_terminal(input[0], &errors, &report);
    if (child == 0) {
        CHECK(open("/dev/tty", O_RDWR) < 0); /* no terminal to ask */
        char* answer = getpass("Prompt: ");
        CHECK_STREQ(answer, "hunter2");
        /* What followed the line is still stdin's. */
        char rest[16];
        CHECK(fgets(rest, sizeof rest, stdin) != NULL);
        CHECK_STREQ(rest, "rest\n");
        /* At the end of input: "", not a null pointer. */
        answer = getpass("Prompt: ");
        CHECK(answer != NULL);
        CHECK_STREQ(answer, "");
        dprintf(report, "ok\n");
        _exit(0);
    }
    CHECK_EQ(close(input[0]), 0);
    char line[16];
    read_until(report, "\n", line, sizeof line);
    CHECK_STREQ(line, "ok\n");
    expect_exit_code(child, 0);
    /* Both prompts on standard error, no newline (no echo was turned off). */
    char shown[64] = "";
    CHECK_EQ(read(errors, shown, sizeof shown - 1), 16);
    CHECK_STREQ(shown, "Prompt: Prompt: ");
    CHECK_EQ(close(errors), 0);
    CHECK_EQ(close(report), 0);
}

static void standard_input_a_terminal(void) {
    int primary, secondary;
    CHECK_EQ(openpty(&primary, &secondary, NULL, NULL, NULL), 0);
    int errors, report;
    pid_t child = fork_without_terminal(secondary, &errors, &report);
    if (child == 0) {
        char* answer = getpass("Prompt: ");
        expect_quiet(0, 0);
        dprintf(report, "%s\n", answer);
        _exit(0);
    }
    char seen[64];
    read_until(errors, "Prompt: ", seen, sizeof seen);
    CHECK_STREQ(seen, "Prompt: ");
    expect_quiet(secondary, 1);
    CHECK_EQ(write(primary, "pw\n", 3), 3);
    char line[16];
    read_until(report, "\n", line, sizeof line);
    CHECK_STREQ(line, "pw\n");
    /* The newline that was not echoed, on standard error. */
    read_until(errors, "\n", seen, sizeof seen);
    CHECK_STREQ(seen, "\n");
    expect_exit_code(child, 0);
    CHECK_EQ(close(errors), 0);
    CHECK_EQ(close(report), 0);
    CHECK_EQ(close(primary), 0);
    CHECK_EQ(close(secondary), 0);
}

#ifndef CHECKING_AGAINST_GLIBC
static void* ask(void* unused) {
    (void)unused;
    getpass("Password: ");
    CHECK(!"getpass returned");
    return NULL;
}

static void cancelled_while_waiting(void) {
    int primary, secondary;
    CHECK_EQ(openpty(&primary, &secondary, NULL, NULL, NULL), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(close(primary), 0);
        CHECK_EQ(login_tty(secondary), 0);
        int descriptors = 0;
        for (int fd = 0; fd < 64; ++fd) descriptors += fcntl(fd, F_GETFD) != -1;
        pthread_t asker;
        CHECK_EQ(pthread_create(&asker, NULL, ask, NULL), 0);
        /* Until echo is off: the thread is then about to prompt or waiting. */
        struct termios settings;
        for (int tries = 0;; ++tries) {
            CHECK(tries < 10000);
            CHECK_EQ(tcgetattr(0, &settings), 0);
            if (!(settings.c_lflag & ECHO)) break;
            usleep(1000);
        }
        CHECK_EQ(pthread_cancel(asker), 0);
        void* result;
        CHECK_EQ(pthread_join(asker, &result), 0);
        CHECK(result == PTHREAD_CANCELED);
        expect_quiet(0, 0);
        int now = 0;
        for (int fd = 0; fd < 64; ++fd) now += fcntl(fd, F_GETFD) != -1;
        CHECK_EQ(now, descriptors); /* /dev/tty closed */
        _exit(0);
    }
    expect_exit_code(child, 0);
    CHECK_EQ(close(primary), 0);
    CHECK_EQ(close(secondary), 0);
}
#endif

int main(void) {
    controlling_terminal();
#ifndef CHECKING_AGAINST_GLIBC
    cancelled_while_waiting();
#endif
    standard_streams();
    standard_input_a_terminal();
    return 0;
}
