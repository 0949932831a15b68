/* on_exit beside atexit: exit runs them all, newest first, and each on_exit
 * handler gets exit's status and its own argument. A child process exits
 * with 7 and its handlers report, in order, through a pipe. A null handler,
 * given to any of the five calls that register one, is a failed assertion
 * at once (SIGABRT, "Assertion `func != NULL' failed." on standard error),
 * as in glibc (its stdlib/tst-bz20544). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static int report;  /* the pipe's write end, in the child */

static void say(const char* text) { (void)!write(report, text, strlen(text)); }

static void with_status(int status, void* argument) {
    char text[32] = "on_exit(";
    size_t length = strlen(text);
    text[length++] = (char)('0' + status);
    text[length++] = ',';
    strcpy(text + length, (const char*)argument);
    strcat(text, ") ");
    say(text);
}

static void plain(void) { say("atexit "); }

/* Called through their assembler names, so that the compiler, which knows
 * the handler must not be null, leaves the calls as they are. */
extern int atexit_unchecked(void (*)(void)) __asm__("atexit");
extern int on_exit_unchecked(void (*)(int, void*), void*) __asm__("on_exit");
extern int at_quick_exit_unchecked(void (*)(void)) __asm__("at_quick_exit");
extern int __cxa_atexit(void (*)(void*), void*, void*);
extern int __cxa_at_quick_exit(void (*)(void), void*);

/* Registers a null handler the given way in a child whose standard error
 * is a pipe: the child must die of SIGABRT, having said why. */
static void null_handler_is_refused(int way) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        close(ends[0]);
        dup2(ends[1], STDERR_FILENO);
        switch (way) {
        case 0: atexit_unchecked(NULL); break;
        case 1: on_exit_unchecked(NULL, NULL); break;
        case 2: at_quick_exit_unchecked(NULL); break;
        case 3: __cxa_atexit(NULL, NULL, NULL); break;
        case 4: __cxa_at_quick_exit(NULL, NULL); break;
        }
        _exit(3);
    }
    CHECK_EQ(close(ends[1]), 0);
    char heard[512];
    read_to_end(ends[0], heard, sizeof heard);
    expect_killed_by(child, SIGABRT);
    CHECK(strstr(heard, "Assertion `func != NULL' failed.\n") != NULL);
}

int main(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        report = ends[1];
        close(ends[0]);
        CHECK_EQ(on_exit(with_status, "first"), 0);
        CHECK_EQ(atexit(plain), 0);
        CHECK_EQ(on_exit(with_status, "last"), 0);
        exit(7);
    }
    CHECK_EQ(close(ends[1]), 0);
    char heard[128];
    read_to_end(ends[0], heard, sizeof heard);
    expect_exit_code(child, 7);
    CHECK(strcmp(heard, "on_exit(7,last) atexit on_exit(7,first) ") == 0);
    for (int way = 0; way < 5; ++way) null_handler_is_refused(way);
    return 0;
}
