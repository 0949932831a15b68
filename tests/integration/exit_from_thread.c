/* exit() on a thread other than main ends the whole process: atexit handlers
 * run (on the exiting thread) and main, blocked in lwp_join on a thread that
 * never returns, never gets to continue.
 *
 * The thread calls exit(5); the handler checks where it runs and replaces
 * that status with _exit(0). So status 5 means the handlers did not run, and
 * main returning (status 1) means exit did not end the process. */
#include <lwp/lwp.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static lwp_t exiting_thread;
static volatile int handler_runs;

static void handler(void) {
    ++handler_runs;
    CHECK_EQ(handler_runs, 1);
    CHECK(lwp_equal(lwp_self(), exiting_thread));
    _exit(0);
}

static void* blocker(void* unused) {
    (void)unused;
    for (;;) lwp_yield(); /* a bystander that exit must end too */
}

static void* exiter(void* unused) {
    (void)unused;
    /* Ensure the creator has stored our handle before we compare with it. */
    while (__atomic_load_n(&exiting_thread, __ATOMIC_ACQUIRE) == 0) lwp_yield();
    exit(5);
}

int main(void) {
    CHECK_EQ(atexit(handler), 0);
    lwp_t bystander, thread;
    CHECK_EQ(lwp_create(&bystander, NULL, blocker, NULL), 0);
    CHECK_EQ(lwp_create(&thread, NULL, exiter, NULL), 0);
    __atomic_store_n(&exiting_thread, thread, __ATOMIC_RELEASE);
    lwp_join(thread, NULL);
    static const char message[] = "exit_from_thread: main continued after exit\n";
    (void)!write(2, message, sizeof message - 1);
    return 1;
}
