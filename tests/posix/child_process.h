/* expect_exit_code(child, code) and expect_killed_by(child, signal): wait
 * for a child process, at most 10 s, and check how it ended (and
 * fork_reading_a_pipe, a child to feed through its standard input,
 * fork_writing_errors_to_a_pipe, a child whose standard error is read, and
 * read_to_end, what a child wrote into a pipe). A child still
 * running then is killed and the test fails with a message: a hang (a lock
 * left held across fork, a wake-up lost between processes) fails it instead
 * of hanging it. */
#ifndef LWP_POSIX_CHILD_PROCESS_H
#define LWP_POSIX_CHILD_PROCESS_H

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static inline int wait_for_child(pid_t child) {
    int status = 0;
    for (int tries = 0; tries < 10000; ++tries) {
        pid_t done = waitpid(child, &status, WNOHANG);
        CHECK(done != -1);
        if (done == child) return status;
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
    }
    kill(child, SIGKILL);
    CHECK(!"a child process did not finish in 10 s");
    return status;
}

/* Forks a child whose standard input is a new pipe: returns the child's pid
 * in the parent, with the pipe's write end in *writer, and 0 in the child,
 * where descriptor 0 is the read end and no other end is left open. */
static inline pid_t fork_reading_a_pipe(int* writer) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(dup2(ends[0], 0), 0);
        CHECK_EQ(close(ends[0]), 0);
        CHECK_EQ(close(ends[1]), 0);
        return 0;
    }
    CHECK_EQ(close(ends[0]), 0);
    *writer = ends[1];
    return child;
}

/* Forks a child whose standard error is a new pipe: returns the child's pid
 * in the parent, with the pipe's read end in *reader, and 0 in the child,
 * where descriptor 2 is the write end and no other end is left open. */
static inline pid_t fork_writing_errors_to_a_pipe(int* reader) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(dup2(ends[1], 2), 2);
        CHECK_EQ(close(ends[0]), 0);
        CHECK_EQ(close(ends[1]), 0);
        return 0;
    }
    CHECK_EQ(close(ends[1]), 0);
    *reader = ends[0];
    return child;
}

/* Reads `fd` to its end (every writer closed) into `text`, at most size - 1
 * bytes and a NUL after them, closes it and returns the length. */
static inline size_t read_to_end(int fd, char* text, size_t size) {
    size_t length = 0;
    ssize_t got;
    while (length < size - 1 && (got = read(fd, text + length, size - 1 - length)) > 0) length += (size_t)got;
    text[length] = '\0';
    CHECK_EQ(close(fd), 0);
    return length;
}

static inline void expect_exit_code(pid_t child, int code) {
    int status = wait_for_child(child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), code);
}

static inline void expect_killed_by(pid_t child, int signal_number) {
    int status = wait_for_child(child);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), signal_number);
}

#endif
