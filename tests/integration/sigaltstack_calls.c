/* sigaltstack's contract and the signal stack sizes sysconf reports.
 *
 * Built with _GNU_SOURCE, under which glibc's <signal.h> turns SIGSTKSZ and
 * MINSIGSTKSZ into sysconf(_SC_SIGSTKSZ): a program written the ordinary way
 * reaches lwp's sysconf through them. The catch of a real stack overflow on
 * an alternate stack is stack_overflow_handler.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "check.h"

/* The kernel refuses any smaller alternate stack, whatever the CPU. */
enum { kernel_floor = 2048 };

static void* alternate_stack_flags(void* flags) {
    stack_t current;
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    *(int*)flags = current.ss_flags;
    return NULL;
}

int main(void) {
    long minimum = sysconf(_SC_MINSIGSTKSZ);
    long recommended = sysconf(_SC_SIGSTKSZ);
    CHECK(minimum >= kernel_floor);
    CHECK(recommended >= 4 * minimum);
    CHECK(recommended >= 8192);
    CHECK_EQ(SIGSTKSZ, recommended);
    CHECK_EQ(MINSIGSTKSZ, recommended);
    /* The kernel's own figure for this CPU, when it publishes one, is the
     * minimum (raised to the floor if below it). */
    errno = 0;
    long frame_size = (long)getauxval(AT_MINSIGSTKSZ);
    if (errno == 0) CHECK_EQ(minimum, frame_size > kernel_floor ? frame_size : kernel_floor);

    /* A process starts without an alternate stack. */
    stack_t current;
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK_EQ(current.ss_flags, SS_DISABLE);

    char* memory = malloc((size_t)recommended);
    CHECK(memory != NULL);

    stack_t too_small = {.ss_sp = memory, .ss_flags = 0, .ss_size = kernel_floor - 1};
    errno = 0;
    CHECK_EQ(sigaltstack(&too_small, NULL), -1);
    CHECK_EQ(errno, ENOMEM);

    /* Neither "on" nor "disabled" but both: no mode the kernel knows. */
    stack_t bad_flags = {.ss_sp = memory, .ss_flags = SS_ONSTACK | SS_DISABLE,
                         .ss_size = (size_t)recommended};
    errno = 0;
    CHECK_EQ(sigaltstack(&bad_flags, NULL), -1);
    CHECK_EQ(errno, EINVAL);

    /* Neither failure installed anything. */
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK_EQ(current.ss_flags, SS_DISABLE);

    /* The minimum is a size the kernel accepts; the query returns it as set
     * (not SS_ONSTACK: this code is not running on it). */
    stack_t smallest = {.ss_sp = memory, .ss_flags = 0, .ss_size = (size_t)minimum};
    CHECK_EQ(sigaltstack(&smallest, NULL), 0);
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK(current.ss_sp == memory);
    CHECK_EQ(current.ss_size, minimum);
    CHECK_EQ(current.ss_flags, 0);

    /* A new thread starts without one, whatever its creator has. */
    int thread_flags = -1;
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, alternate_stack_flags, &thread_flags), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(thread_flags, SS_DISABLE);

    /* Replacing it hands back the one before. */
    stack_t larger = {.ss_sp = memory, .ss_flags = 0, .ss_size = (size_t)recommended};
    stack_t previous;
    CHECK_EQ(sigaltstack(&larger, &previous), 0);
    CHECK_EQ(previous.ss_size, minimum);
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK_EQ(current.ss_size, recommended);

    stack_t disable = {.ss_flags = SS_DISABLE};
    CHECK_EQ(sigaltstack(&disable, NULL), 0);
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK_EQ(current.ss_flags, SS_DISABLE);

    free(memory);
    return 0;
}
