/* A function that overruns its own stack buffer must not return: with
 * -fstack-protector-all (stack_smash.cmake) its canary check calls
 * __stack_chk_fail, which prints a message and ends the process by SIGABRT.
 * The overrun happens on an lwp thread, whose canary was inherited from the
 * main thread. Reaching the end of main is the failure. */
#include <lwp/lwp.h>
#include <stddef.h>
#include <unistd.h>

static void __attribute__((noinline)) overrun(size_t count) {
    char buffer[16];
    /* volatile: the compiler must not see, and refuse or drop, the overrun. */
    volatile char* cursor = buffer;
    for (size_t i = 0; i < count; ++i) cursor[i] = 'x';
}

static void* thread_body(void* count) {
    overrun((size_t)count);
    return NULL;
}

int main(void) {
    overrun(8); /* in bounds: must return normally */
    lwp_t thread;
    if (lwp_create(&thread, NULL, thread_body, (void*)(size_t)64) != 0) return 2;
    lwp_join(thread, NULL);
    static const char survived[] = "stack_smash: the overrun went unnoticed\n";
    (void)!write(2, survived, sizeof survived - 1);
    return 1;
}
