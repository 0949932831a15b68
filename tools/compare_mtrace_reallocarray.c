/* Random sequences of malloc, calloc, realloc, reallocarray and free under
 * mtrace, for comparing lwp's MALLOC_TRACE file with glibc's (built with
 * gcc and run with libc_malloc_debug.so preloaded). Run by
 * tools/compare_mtrace_reallocarray.sh, which numbers the block addresses
 * in order of appearance and drops the callers before comparing.
 * Usage: compare_mtrace_reallocarray SEED CALLS   (MALLOC_TRACE names the file) */
#include <mcheck.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;
static uint64_t next_random(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* Counts and sizes from tiny to large, zero, and products that overflow. */
static size_t random_count(void) {
    switch (next_random() % 8) {
    case 0: return 0;
    case 1: return SIZE_MAX / 2 + next_random() % 1000;
    case 2: return 1 + next_random() % 70000;
    default: return 1 + next_random() % 64;
    }
}

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    state = strtoull(argv[1], NULL, 10) * 2654435761u + 1;
    int calls = atoi(argv[2]);
    void* blocks[16] = {0};
    mtrace();
    for (int i = 0; i < calls; ++i) {
        int slot = next_random() % 16;
        void* result;
        switch (next_random() % 5) {
        case 0:
            free(blocks[slot]);
            blocks[slot] = malloc(random_count());
            break;
        case 1:
            free(blocks[slot]);
            blocks[slot] = calloc(random_count(), random_count());
            break;
        case 2: {
            size_t size = random_count();
            result = realloc(blocks[slot], size);
            /* Freed by a zero size, else kept when it fails. */
            if (result || !blocks[slot] || size == 0) blocks[slot] = result;
            break;
        }
        case 3: {
            size_t count = random_count(), size = random_count(), bytes;
            int overflows = __builtin_mul_overflow(count, size, &bytes);
            result = reallocarray(blocks[slot], count, size);
            if (result || !blocks[slot] || (!overflows && bytes == 0)) blocks[slot] = result;
            break;
        }
        default:
            free(blocks[slot]);
            blocks[slot] = NULL;
        }
    }
    for (int slot = 0; slot < 16; ++slot) free(blocks[slot]);
    muntrace();
    return 0;
}
