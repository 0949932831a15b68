/* __libc_stack_end, which garbage collectors read as the top of the main
 * thread's stack: set before any constructor runs, above every frame of
 * main's, at or below argv, inside the [stack] mapping. Also passes built
 * against glibc. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

extern void* __libc_stack_end;

static void* seen_by_constructor;

__attribute__((constructor)) static void early(void) { seen_by_constructor = __libc_stack_end; }

static int inside_stack_mapping(uintptr_t address) {
    FILE* maps = fopen("/proc/self/maps", "r");
    CHECK(maps != NULL);
    char line[512];
    int found = 0;
    while (fgets(line, sizeof line, maps)) {
        if (!strstr(line, "[stack]")) continue;
        unsigned long low, high;
        CHECK_EQ(sscanf(line, "%lx-%lx", &low, &high), 2);
        found = address >= low && address < high;
    }
    fclose(maps);
    return found;
}

int main(int argc, char** argv) {
    (void)argc;
    int local = 0;
    CHECK(__libc_stack_end != NULL);
    CHECK(seen_by_constructor == __libc_stack_end);
    CHECK((uintptr_t)&local < (uintptr_t)__libc_stack_end);
    CHECK((uintptr_t)__libc_stack_end <= (uintptr_t)argv);
    CHECK(inside_stack_mapping((uintptr_t)__libc_stack_end));
    return local;
}
