/* pthread_create/join/detach/exit/self/equal, attributes, getattr_np,
 * names and affinity, through glibc's <pthread.h> and lwp alone. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "caught_signals.h"

static void* echo(void* argument) { return argument; }

static pthread_t seen_self;
static void* record_self(void* argument) {
    (void)argument;
    seen_self = pthread_self();
    return NULL;
}

static void* exit_early(void* argument) {
    pthread_exit((void*)((intptr_t)argument * 2));
    return NULL; /* not reached */
}

/* Runs until main has tried to join it: a detached thread that has already
 * ended may have its handle reused, and joining that is undefined. */
static volatile int detached_done;
static volatile int join_tried;
static void* detached_body(void* argument) {
    (void)argument;
    while (!__atomic_load_n(&join_tried, __ATOMIC_ACQUIRE)) sched_yield();
    __atomic_store_n(&detached_done, 1, __ATOMIC_RELEASE);
    return NULL;
}

/* Records where its stack is, then waits until main has looked at it. */
static volatile uintptr_t running_at;
static volatile int may_return;
static void* wait_to_be_seen(void* argument) {
    char local;
    __atomic_store_n(&running_at, (uintptr_t)&local, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&may_return, __ATOMIC_ACQUIRE)) sched_yield();
    return argument;
}

/* pthread_getattr_np of a running thread, created with `attr`: its stack
 * holds the thread's own frame and the attributes read back as created. */
static void check_getattr_of_running(const pthread_attr_t* attr, int detach_state,
                                     size_t guard, void* given_stack, size_t given_size) {
    pthread_t thread;
    __atomic_store_n(&running_at, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&may_return, 0, __ATOMIC_RELAXED);
    CHECK_EQ(pthread_create(&thread, attr, wait_to_be_seen, NULL), 0);
    while (__atomic_load_n(&running_at, __ATOMIC_ACQUIRE) == 0) sched_yield();
    pthread_attr_t seen;
    CHECK_EQ(pthread_getattr_np(thread, &seen), 0);
    void* low = NULL;
    size_t size = 0, guard_seen = 1;
    int state = -1;
    CHECK_EQ(pthread_attr_getstack(&seen, &low, &size), 0);
    CHECK(running_at >= (uintptr_t)low && running_at < (uintptr_t)low + size);
    CHECK_EQ(pthread_attr_getguardsize(&seen, &guard_seen), 0);
    CHECK_EQ(guard_seen, guard);
    CHECK_EQ(pthread_attr_getdetachstate(&seen, &state), 0);
    CHECK_EQ(state, detach_state);
    if (given_stack) {
        CHECK(low == given_stack);
        CHECK_EQ(size, given_size);
    }
    CHECK_EQ(pthread_attr_destroy(&seen), 0);
    __atomic_store_n(&may_return, 1, __ATOMIC_RELEASE);
    if (detach_state == PTHREAD_CREATE_JOINABLE) CHECK_EQ(pthread_join(thread, NULL), 0);
}

static void* stack_user(void* argument) {
    char local;
    *(uintptr_t*)argument = (uintptr_t)&local;
    return NULL;
}

int main(void) {
    pthread_t thread;
    void* result = NULL;
    CHECK(pthread_create(&thread, NULL, echo, (void*)42) == 0);
    CHECK(pthread_join(thread, &result) == 0);
    CHECK(result == (void*)42);
    CHECK(pthread_join(thread, NULL) == ESRCH);          /* already joined */

    CHECK(pthread_create(&thread, NULL, record_self, NULL) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK(pthread_equal(seen_self, thread));
    CHECK(!pthread_equal(pthread_self(), thread));
    CHECK(pthread_join(pthread_self(), NULL) == EDEADLK);

    CHECK(pthread_create(&thread, NULL, exit_early, (void*)21) == 0);
    CHECK(pthread_join(thread, &result) == 0);
    CHECK(result == (void*)42);

    /* Attributes: stack size, guard, detach state, caller stack. */
    pthread_attr_t attr;
    CHECK(pthread_attr_init(&attr) == 0);
    size_t size = 0;
    CHECK(pthread_attr_setstacksize(&attr, 1) == EINVAL);
    CHECK(pthread_attr_setstacksize(&attr, 256 * 1024) == 0);
    CHECK(pthread_attr_getstacksize(&attr, &size) == 0 && size == 256 * 1024);
    CHECK(pthread_attr_setguardsize(&attr, 8192) == 0);
    CHECK(pthread_attr_getguardsize(&attr, &size) == 0 && size == 8192);
    CHECK(pthread_attr_setdetachstate(&attr, 7) == EINVAL);
    CHECK(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0);
    CHECK(pthread_create(&thread, &attr, detached_body, NULL) == 0);
    CHECK(pthread_join(thread, NULL) == EINVAL);
    __atomic_store_n(&join_tried, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&detached_done, __ATOMIC_ACQUIRE)) sched_yield();
    CHECK(pthread_attr_destroy(&attr) == 0);

    static char stack[256 * 1024] __attribute__((aligned(64)));
    uintptr_t local_address = 0;
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setstack(&attr, stack, sizeof stack) == 0);
    CHECK(pthread_create(&thread, &attr, stack_user, &local_address) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK(local_address >= (uintptr_t)stack && local_address < (uintptr_t)stack + sizeof stack);
    CHECK(pthread_attr_destroy(&attr) == 0);

    /* Scheduling scope: Linux has system scope only. (Policies chosen at
     * creation: explicit_scheduling.c.) */
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setscope(&attr, PTHREAD_SCOPE_SYSTEM) == 0);
    CHECK(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS) == ENOTSUP);
    int policy = -1;
    CHECK(pthread_attr_getschedpolicy(&attr, &policy) == 0 && policy == SCHED_OTHER);
    CHECK(pthread_attr_destroy(&attr) == 0);

    /* getattr_np on the main thread and on a running thread. */
    CHECK(pthread_getattr_np(pthread_self(), &attr) == 0);
    void* stack_address = NULL;
    CHECK(pthread_attr_getstack(&attr, &stack_address, &size) == 0);
    char here;
    CHECK((uintptr_t)&here >= (uintptr_t)stack_address &&
          (uintptr_t)&here < (uintptr_t)stack_address + size);
    CHECK(pthread_attr_destroy(&attr) == 0);

    /* getattr_np on other threads: lwp's own stack with its guard page, a
     * detached one, and one on a stack the caller gave. */
    check_getattr_of_running(NULL, PTHREAD_CREATE_JOINABLE, 4096, NULL, 0);
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0);
    CHECK(pthread_attr_setguardsize(&attr, 3 * 4096) == 0);
    check_getattr_of_running(&attr, PTHREAD_CREATE_DETACHED, 3 * 4096, NULL, 0);
    CHECK(pthread_attr_destroy(&attr) == 0);
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setstack(&attr, stack, sizeof stack) == 0);
    check_getattr_of_running(&attr, PTHREAD_CREATE_JOINABLE, 0, stack, sizeof stack);
    CHECK(pthread_attr_destroy(&attr) == 0);

    /* Names: through /proc/self/task/<tid>/comm. */
    char name[16];
    CHECK(pthread_setname_np(pthread_self(), "a-name-too-long-for-comm") == ERANGE);
    CHECK(pthread_setname_np(pthread_self(), "lwp-main") == 0);
    CHECK(pthread_getname_np(pthread_self(), name, sizeof name) == 0);
    CHECK(strcmp(name, "lwp-main") == 0);
    CHECK(pthread_getname_np(pthread_self(), name, 4) == ERANGE);

    /* Affinity of a running thread. */
    cpu_set_t cpus;
    CHECK(pthread_getaffinity_np(pthread_self(), sizeof cpus, &cpus) == 0);
    CHECK(CPU_COUNT(&cpus) >= 1);
    CHECK(pthread_setaffinity_np(pthread_self(), sizeof cpus, &cpus) == 0);

    /* The cancel state (cancellation itself: pthread_cancel.c). A program
     * that never calls pthread_cancel gets no handler for signal 32. */
    unsigned long long caught = ~0ULL;
    CHECK(read_caught_signals(&caught) == 0);
    CHECK((caught & (1ULL << 31)) == 0);
    int old_state = -1;
    CHECK(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old_state) == 0);
    CHECK(old_state == PTHREAD_CANCEL_ENABLE);
    CHECK(pthread_setcancelstate(99, NULL) == EINVAL);
    puts("pthread_threads: ok");
    return 0;
}
