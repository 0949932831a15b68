/* lwp_exit() on the main thread ends only the main thread: the other threads
 * (joinable and detached) keep running, and when the last of them finishes
 * the process ends with status 0, running atexit handlers and flushing
 * stdout, as when main returns 0.
 *
 * lwp_exit_from_main.cmake requires status 0 and the handler's line on
 * stdout: the handler checks that every thread finished its work after main
 * had left, and prints the line only then. */
#include <lwp/lwp.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

enum { thread_count = 4 };

static int main_left;      /* set just before main calls lwp_exit */
static int work_done;      /* threads that finished their work after that */

static void handler(void) {
    CHECK_EQ(__atomic_load_n(&work_done, __ATOMIC_ACQUIRE), thread_count);
    /* Buffered: only the exit path's flush gets it out. */
    printf("lwp_exit_from_main: all %d threads outlived main\n", thread_count);
}

static void* worker(void* unused) {
    (void)unused;
    while (!__atomic_load_n(&main_left, __ATOMIC_ACQUIRE)) lwp_yield();
    for (int i = 0; i < 100; ++i) lwp_yield();
    __atomic_fetch_add(&work_done, 1, __ATOMIC_RELEASE);
    return NULL;
}

int main(void) {
    CHECK_EQ(atexit(handler), 0);
    lwp_attr_t detached;
    CHECK_EQ(lwp_attr_init(&detached), 0);
    CHECK_EQ(lwp_attr_setdetachstate(&detached, LWP_CREATE_DETACHED), 0);
    for (int i = 0; i < thread_count; ++i) {
        lwp_t thread;
        CHECK_EQ(lwp_create(&thread, i % 2 ? &detached : NULL, worker, NULL), 0);
    }
    __atomic_store_n(&main_left, 1, __ATOMIC_RELEASE);
    lwp_exit(NULL);
}
