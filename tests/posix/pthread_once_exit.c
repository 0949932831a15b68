/* A pthread_once routine that ends its thread with pthread_exit leaves the
 * once control as if pthread_once had never been called (as glibc and musl
 * do, through a cleanup handler): the next caller runs the routine itself
 * instead of waiting for ever. Cleanup handlers pushed inside the routine run
 * before the control is released, and those pushed around pthread_once run
 * after: innermost frame first, as an unwinding would go. */
#include <pthread.h>
#include <stdio.h>

#include "../integration/check.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int runs;
static char trace[8];
static int trace_length;

static void note(void* letter) { trace[trace_length++] = *(const char*)letter; }

/* The outer handler runs after the routine's frame is gone: by then the
 * control must be free again, so its pthread_once runs a routine of its own
 * instead of waiting for ever (a hang here is the failure). */
static void completes(void) {
    runs++;
    trace[trace_length++] = 'r';
}
static void outer_handler(void* unused) {
    (void)unused;
    CHECK_EQ(pthread_once(&once, completes), 0);
    trace[trace_length++] = 'o';
}

static void gives_up(void) {
    runs++;
    pthread_cleanup_push(note, "i");
    if (runs == 1) pthread_exit(NULL);
    pthread_cleanup_pop(0);
}

static void* first_caller(void* unused) {
    (void)unused;
    pthread_cleanup_push(outer_handler, NULL);
    pthread_once(&once, gives_up);
    pthread_cleanup_pop(0);
    return (void*)1; /* not reached: the routine ends the thread */
}

int main(void) {
    pthread_t thread;
    void* result = (void*)1;
    CHECK_EQ(pthread_create(&thread, NULL, first_caller, NULL), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == NULL);
    CHECK_EQ(runs, 2);
    trace[trace_length] = '\0';
    CHECK_STREQ(trace, "iro");

    /* The outer handler's call completed the control: nothing runs now. */
    CHECK_EQ(pthread_once(&once, gives_up), 0);
    CHECK_EQ(runs, 2);
    puts("pthread_once_exit: ok");
    return 0;
}
