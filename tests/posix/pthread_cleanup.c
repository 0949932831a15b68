/* pthread_cleanup_push/pop: handlers run on pop(1), not on pop(0), and in
 * reverse order on pthread_exit, after which the thread's result is the value
 * given to pthread_exit. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "../integration/check.h"

static char trace[32];
static int trace_length;
static void note(void* letter) { trace[trace_length++] = *(const char*)letter; }

static void* pops(void* argument) {
    (void)argument;
    pthread_cleanup_push(note, "a");
    pthread_cleanup_push(note, "b");
    pthread_cleanup_pop(0); /* b removed, not run */
    pthread_cleanup_pop(1); /* a runs */
    return (void*)1;
}

static void deeper(void) { pthread_exit((void*)7); }

static void* exits(void* argument) {
    (void)argument;
    pthread_cleanup_push(note, "x");
    pthread_cleanup_push(note, "y");
    pthread_cleanup_push(note, "z");
    deeper(); /* runs z, y, x, then ends the thread */
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    pthread_t thread;
    void* result;
    CHECK(pthread_create(&thread, NULL, pops, NULL) == 0);
    CHECK(pthread_join(thread, &result) == 0 && result == (void*)1);
    CHECK(trace_length == 1 && trace[0] == 'a');
    CHECK(pthread_create(&thread, NULL, exits, NULL) == 0);
    CHECK(pthread_join(thread, &result) == 0 && result == (void*)7);
    trace[trace_length] = 0;
    CHECK(trace_length == 4 && trace[1] == 'z' && trace[2] == 'y' && trace[3] == 'x');
    puts("pthread_cleanup: ok");
    return 0;
}
