/* The stand-in for glibc's support routine set_fortify_handler, which the
 * tests of the fortified functions (debug/test-strcpy_chk.c and
 * debug/test-stpcpy_chk.c) call to survive each overflow they provoke: the
 * overflow ends in abort, whose SIGABRT goes to HANDLER (which longjmps back
 * into the test), and the "buffer overflow detected" message each abort
 * prints first goes to /dev/null, so that the test's output stays its own.
 * A file of its own, not in support.c, so that only the programs calling it
 * get their stderr closed. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void set_fortify_handler(void (*handler)(int signal)) {
    struct sigaction action = {0};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGABRT, &action, NULL) != 0) abort();
    int null_device = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null_device < 0 || dup2(null_device, STDERR_FILENO) < 0) abort();
    close(null_device);
}
