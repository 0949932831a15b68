/* hello_threads: four lwp threads in a program with no C library but lwp's.
 *
 * Build it freestanding (static, a few KiB, no glibc at run time):
 *   lwp-cc -Os hello_threads.c -o hello_threads
 *
 * Each thread prints a line and bumps its own copy of a thread-local counter;
 * the main thread's copy stays 0, and each thread's final count comes back to
 * main through lwp_join. */
#include <lwp/lwp.h>
#include <stdint.h>
#include <stdio.h>

enum { thread_count = 4, bumps_per_thread = 3 };

/* One counter per thread, starting at 0 in each (.tbss). */
static _Thread_local int counter;

static void* greet(void* argument) {
    int number = (int)(intptr_t)argument;
    for (int i = 0; i < bumps_per_thread + number; ++i) ++counter;
    printf("hello from thread %d (tid %d): my counter is %d\n", number, lwp_gettid(), counter);
    return (void*)(intptr_t)counter;
}

int main(void) {
    lwp_t threads[thread_count];
    for (int i = 0; i < thread_count; ++i) {
        int error = lwp_create(&threads[i], NULL, greet, (void*)(intptr_t)i);
        if (error) {
            fprintf(stderr, "lwp_create: error %d\n", error);
            return 1;
        }
    }
    int total = 0;
    for (int i = 0; i < thread_count; ++i) {
        void* result;
        lwp_join(threads[i], &result);
        total += (int)(intptr_t)result;
    }
    printf("main (tid %d): counters summed to %d, mine is still %d\n", lwp_gettid(), total,
           counter);
    return 0;
}
