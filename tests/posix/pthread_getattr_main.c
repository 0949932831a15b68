/* pthread_getattr_np on the main thread: the kernel's initial stack, as far
 * down as it may grow. With RLIMIT_STACK unlimited, that is further than any
 * fixed size: a main thread already deeper than 8 MiB must still find its
 * stack pointer inside the reported range. With a limit that is not a whole
 * number of pages, the range ends on a page boundary, as the kernel grows
 * the stack by whole pages. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

enum { frame_bytes = 64 * 1024, page = 4096 };

static void check_main_stack_holds(const volatile char* here) {
    pthread_attr_t attr;
    CHECK_EQ(pthread_getattr_np(pthread_self(), &attr), 0);
    void* low = NULL;
    size_t size = 0;
    CHECK_EQ(pthread_attr_getstack(&attr, &low, &size), 0);
    CHECK_EQ((uintptr_t)low % page, 0);
    CHECK_EQ(size % page, 0);
    CHECK((uintptr_t)here >= (uintptr_t)low);
    CHECK((uintptr_t)here < (uintptr_t)low + size);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

/* Uses frames * 64 KiB of the main stack, then looks from the bottom;
 * 0 when every frame still holds what it wrote. */
static __attribute__((noinline)) int descend(int frames) {
    volatile char frame[frame_bytes];
    frame[0] = (char)frames;
    frame[frame_bytes - 1] = (char)frames;
    if (frames == 0) {
        check_main_stack_holds(&frame[0]);
        return 0;
    }
    /* Still deeper; the frame is read back so it cannot be left out. */
    return descend(frames - 1) + (frame[0] != (char)frames) +
           (frame[frame_bytes - 1] != (char)frames);
}

/* CMake runs this under two stack limits (no setrlimit in lwp's C library):
 * "unlimited", where it first goes 12 MiB deep, and 8193 KiB, a limit that
 * is not a whole number of pages. */
int main(int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "deep") == 0) {
        CHECK_EQ(descend(12 * 1024 * 1024 / frame_bytes), 0);
    } else {
        volatile char here = 0;
        check_main_stack_holds(&here);
    }
    puts("pthread_getattr_main: ok");
    return 0;
}
