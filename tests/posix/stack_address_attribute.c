/* The obsolete pthread_attr_setstackaddr/getstackaddr: the address is the
 * top of the stack (one past its highest byte), as glibc reads it on x86_64,
 * and the size is the attr's stack size, in either order of the calls. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../integration/check.h"

static uintptr_t volatile address_on_thread_stack;

static void* where_am_i(void* unused) {
    char local = 0;
    address_on_thread_stack = (uintptr_t)&local;
    return unused;
}

int main(void) {
    enum { region_size = 512 * 1024, first_size = 128 * 1024, second_size = 256 * 1024 };
    char* region = mmap(NULL, region_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(region != MAP_FAILED);
    char* top = region + region_size;

    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    void* address = (void*)1;
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == NULL); /* no stack of the caller's yet */

    /* Size first, then the top. */
    CHECK_EQ(pthread_attr_setstacksize(&attr, first_size), 0);
    CHECK_EQ(pthread_attr_setstackaddr(&attr, top), 0);
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == top);
    size_t size = 0;
    CHECK_EQ(pthread_attr_getstack(&attr, &address, &size), 0);
    CHECK(address == top - first_size);
    CHECK_EQ(size, (size_t)first_size);

    /* A new size keeps the top where it is. */
    CHECK_EQ(pthread_attr_setstacksize(&attr, second_size), 0);
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == top);
    CHECK_EQ(pthread_attr_getstack(&attr, &address, &size), 0);
    CHECK(address == top - second_size);
    CHECK_EQ(size, (size_t)second_size);

    /* The thread runs on that stack. */
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, &attr, where_am_i, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK(address_on_thread_stack >= (uintptr_t)(top - second_size) && address_on_thread_stack < (uintptr_t)top);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);

    /* pthread_attr_setstack's stack is reported by its top. */
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setstack(&attr, region, first_size), 0);
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == region + first_size);

    /* The top alone, with the default size: the stack ends at the top. */
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CHECK_EQ(pthread_attr_init(&attr), 0);
    size_t default_size = 0;
    CHECK_EQ(pthread_attr_getstacksize(&attr, &default_size), 0);
    char* high = (char*)(uintptr_t)(UINT64_C(1) << 46);
    CHECK_EQ(pthread_attr_setstackaddr(&attr, high), 0);
    CHECK_EQ(pthread_attr_getstack(&attr, &address, &size), 0);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc keeps the size unset until the thread is created: getstack
     * reports the top itself and a size of 0. */
    CHECK_EQ(size, 0);
    CHECK(address == high);
#else
    CHECK_EQ(size, default_size);
    CHECK(address == high - default_size);
#endif
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == high);

#ifndef CHECKING_AGAINST_GLIBC
    /* lwp refuses a top with no room below it; glibc stores it, and the
     * thread created from it crashes. */
    CHECK_EQ(pthread_attr_setstackaddr(&attr, NULL), EINVAL);
    CHECK_EQ(pthread_attr_setstackaddr(&attr, (void*)4096), EINVAL);
    CHECK_EQ(pthread_attr_getstackaddr(&attr, &address), 0);
    CHECK(address == high); /* unchanged by the refusals */
#endif
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CHECK_EQ(munmap(region, region_size), 0);
    return 0;
}
