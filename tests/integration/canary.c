/* The stack canary (%fs:0x28) and pointer guard (%fs:0x30): seeded from the
 * kernel's AT_RANDOM bytes, canary's low byte zero, the same on every thread.
 *
 * With the argument "print" it only writes the canary in hex to stdout:
 * canary_differs.cmake runs that twice and requires two different values. */
#include <lwp/lwp.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "check.h"

static uintptr_t thread_word(unsigned long offset) {
    uintptr_t value;
    __asm__("mov %%fs:(%1), %0" : "=r"(value) : "r"(offset));
    return value;
}

static uintptr_t child_canary, child_guard;

static void* read_from_thread(void* unused) {
    (void)unused;
    child_canary = thread_word(0x28);
    child_guard = thread_word(0x30);
    return NULL;
}

static void print_hex(uintptr_t value) {
    char text[17];
    for (int i = 15; i >= 0; --i, value >>= 4) text[i] = "0123456789abcdef"[value & 15];
    text[16] = '\n';
    CHECK_EQ(write(1, text, sizeof text), (long)sizeof text);
}

int main(int argc, char** argv) {
    uintptr_t canary = thread_word(0x28);
    uintptr_t guard = thread_word(0x30);
    if (argc > 1 && strcmp(argv[1], "print") == 0) {
        print_hex(canary);
        return 0;
    }

    const unsigned char* random_bytes = (const unsigned char*)getauxval(AT_RANDOM);
    CHECK(random_bytes != NULL);
    uintptr_t seeds[2];
    memcpy(seeds, random_bytes, sizeof seeds);
    CHECK_EQ(canary & 0xff, 0);
    CHECK(canary == (seeds[0] & ~(uintptr_t)0xff));
    CHECK(guard == seeds[1]);
    CHECK(canary != 0);

    lwp_t thread;
    CHECK_EQ(lwp_create(&thread, NULL, read_from_thread, NULL), 0);
    CHECK_EQ(lwp_join(thread, NULL), 0);
    CHECK(child_canary == canary);
    CHECK(child_guard == guard);
    return 0;
}
