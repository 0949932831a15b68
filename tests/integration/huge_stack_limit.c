/* RLIMIT_STACK set to a finite value within a page of RLIM_INFINITY (run by
 * CTest under `prlimit --stack=...`): a thread with default attributes must still
 * get a usable stack, as with an unlimited limit, not a size that wrapped
 * round to nothing when lwp rounded it up to whole pages. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>

#include "check.h"

static __attribute__((noinline)) int use_stack(int depth) {
    volatile char frame[1024];
    frame[0] = (char)depth;
    return depth == 0 ? frame[0] : use_stack(depth - 1) + frame[0];
}

static void* run(void* argument) {
    (void)argument;
    return (void*)(intptr_t)use_stack(256); /* 256 KiB of frames */
}

int main(void) {
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, run, NULL), 0);
    pthread_attr_t attr;
    size_t stack_size = 0;
    CHECK_EQ(pthread_getattr_np(thread, &attr), 0);
    CHECK_EQ(pthread_attr_getstacksize(&attr, &stack_size), 0);
    CHECK(stack_size >= 1024 * 1024);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    return 0;
}
