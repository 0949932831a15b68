/* on_exit beside atexit: exit runs them all, newest first, and each on_exit
 * handler gets exit's status and its own argument. A child process exits
 * with 7 and its handlers report, in order, through a pipe. */
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
    return 0;
}
