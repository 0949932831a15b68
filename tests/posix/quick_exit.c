/* quick_exit and at_quick_exit: the handlers run newest first, each once
 * (one registered while they run runs next), in a process with other
 * threads alive; nothing else runs: no atexit handler, no stdio flush; the
 * status is the one given. Each case runs in a child process that writes
 * what happened into a pipe. Also passes built against glibc. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static int report_fd = -1;

static void report(const char* text) { CHECK_EQ(write(report_fd, text, strlen(text)), (ssize_t)strlen(text)); }

static void first_registered(void) { report("1"); }
static void second_registered(void) { report("2"); }
static void registered_late(void) { report("L"); }
static void third_registered(void) {
    report("3");
    /* Registered while the handlers run: it runs after this one, before
     * the older ones. */
    CHECK_EQ(at_quick_exit(registered_late), 0);
}
static void at_normal_exit(void) { report("X"); }

static void* sleeper(void* unused) {
    (void)unused;
    for (;;) pause();
    return NULL;
}

/* Runs `body` in a child whose report pipe is read back; returns the text. */
static void run_child(void (*body)(void), int expected_status, char* text, size_t size) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        close(ends[0]);
        report_fd = ends[1];
        body();
        _exit(99);
    }
    CHECK_EQ(close(ends[1]), 0);
    read_to_end(ends[0], text, size);
    expect_exit_code(child, expected_status);
}

static void handlers_in_order(void) {
    CHECK_EQ(atexit(at_normal_exit), 0);
    CHECK_EQ(at_quick_exit(first_registered), 0);
    CHECK_EQ(at_quick_exit(second_registered), 0);
    CHECK_EQ(at_quick_exit(third_registered), 0);
    /* A thread still running does not hold the process up. */
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, sleeper, NULL), 0);
    quick_exit(7);
}

static void no_flush(void) {
    /* Buffered output that nothing flushes: quick_exit drops it (the
     * pipe is a full-buffered stdout here). */
    CHECK(dup2(report_fd, 1) == 1);
    CHECK_EQ(setvbuf(stdout, NULL, _IOFBF, BUFSIZ), 0);
    printf("buffered");
    report("q");
    quick_exit(0);
}

static void no_handlers(void) { quick_exit(3); }

static void exit_runs_no_quick_handler(void) {
    CHECK_EQ(at_quick_exit(first_registered), 0);
    CHECK_EQ(atexit(at_normal_exit), 0);
    exit(5);
}

int main(void) {
    char text[64];
    run_child(handlers_in_order, 7, text, sizeof text);
    CHECK(strcmp(text, "3L21") == 0);
    run_child(no_flush, 0, text, sizeof text);
    CHECK(strcmp(text, "q") == 0);
    run_child(no_handlers, 3, text, sizeof text);
    CHECK(strcmp(text, "") == 0);
    run_child(exit_runs_no_quick_handler, 5, text, sizeof text);
    CHECK(strcmp(text, "X") == 0);
    return 0;
}
