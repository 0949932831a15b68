/* abort() on an lwp thread ends the whole process by SIGABRT, with a message
 * (abort_from_thread.cmake checks both). Reaching the end of main, or exiting
 * any other way, is the failure. */
#include <lwp/lwp.h>
#include <stdlib.h>

static void* thread_body(void* unused) {
    (void)unused;
    abort();
}

int main(void) {
    lwp_t thread;
    if (lwp_create(&thread, NULL, thread_body, NULL) != 0) return 2;
    lwp_join(thread, NULL);
    return 1;
}
