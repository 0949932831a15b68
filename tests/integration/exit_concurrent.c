/* Several threads calling exit() at the same moment: exactly one runs the
 * atexit handlers, each handler once, and the process ends with that
 * thread's status.
 *
 * Threads call exit(10 + i). The handlers record what they see; the one
 * registered first (so it runs last) turns a correct run into _exit(0).
 * A status of 10..13 means the handlers did not run; 1 means one ran twice
 * or main got to continue. */
#include <lwp/lwp.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

enum { thread_count = 4 };

static int handler_runs;  /* __atomic builtins: a second exit would race */
static volatile int go;

static void counting_handler(void) {
    CHECK_EQ(__atomic_add_fetch(&handler_runs, 1, __ATOMIC_RELAXED), 1);
    /* Give a wrongly admitted second exit every chance to show up. */
    for (int i = 0; i < 100; ++i) lwp_yield();
}

static void final_handler(void) {
    CHECK_EQ(__atomic_load_n(&handler_runs, __ATOMIC_RELAXED), 1);
    _exit(0);
}

static void* exiter(void* argument) {
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) lwp_yield();
    exit(10 + (int)(long)argument);
}

int main(void) {
    CHECK_EQ(atexit(final_handler), 0);
    CHECK_EQ(atexit(counting_handler), 0);
    lwp_t threads[thread_count];
    for (long i = 0; i < thread_count; ++i)
        CHECK_EQ(lwp_create(&threads[i], NULL, exiter, (void*)i), 0);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < thread_count; ++i) lwp_join(threads[i], NULL);
    return 1;
}
