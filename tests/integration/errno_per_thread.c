/* errno is per thread: values set on one thread are invisible to the others,
 * and a failing call sets only the caller's errno. */
#include <errno.h>
#include <lwp/lwp.h>
#include <stdint.h>
#include <unistd.h>

#include "check.h"

enum { thread_count = 4 };

struct report {
    int kept_own_value;
    int failing_call_result;
    int errno_after_failure;
    uintptr_t errno_address;
};

static struct report reports[thread_count];
static volatile int started;  /* written with __atomic builtins */

static void* thread_body(void* argument) {
    struct report* report = argument;
    int mine = 1000 + (int)(report - reports);
    errno = mine;
    __atomic_fetch_add(&started, 1, __ATOMIC_RELAXED);
    /* Keep the value alive while the others set theirs. */
    while (__atomic_load_n(&started, __ATOMIC_RELAXED) < thread_count) lwp_yield();
    for (int i = 0; i < 20; ++i) lwp_yield();
    report->kept_own_value = errno == mine;
    report->failing_call_result = close(-1);
    report->errno_after_failure = errno;
    report->errno_address = (uintptr_t)&errno;
    return NULL;
}

int main(void) {
    errno = 0;
    CHECK_EQ(close(-1), -1);
    CHECK_EQ(errno, EBADF);
    errno = 77;

    lwp_t threads[thread_count];
    for (int i = 0; i < thread_count; ++i)
        CHECK_EQ(lwp_create(&threads[i], NULL, thread_body, &reports[i]), 0);
    for (int i = 0; i < thread_count; ++i) CHECK_EQ(lwp_join(threads[i], NULL), 0);

    CHECK_EQ(errno, 77);
    for (int i = 0; i < thread_count; ++i) {
        CHECK(reports[i].kept_own_value);
        CHECK_EQ(reports[i].failing_call_result, -1);
        CHECK_EQ(reports[i].errno_after_failure, EBADF);
        CHECK(reports[i].errno_address != (uintptr_t)&errno);
        for (int j = 0; j < i; ++j) CHECK(reports[i].errno_address != reports[j].errno_address);
    }
    return 0;
}
