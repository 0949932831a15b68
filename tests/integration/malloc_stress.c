/* malloc from 8 threads at once, with content checks.
 *
 * Each thread keeps a pool of live blocks and, at random, allocates (malloc,
 * calloc, aligned_alloc, posix_memalign; small, medium and above the direct
 * mmap threshold), frees, or reallocates them. Every block carries a pattern
 * derived from its own header, written after allocation and verified before
 * it is freed or reallocated, so any overlap between live blocks (a lock
 * that does not protect, a block handed out twice) shows up as a corrupted
 * pattern. Blocks also travel between threads through mailboxes and are
 * freed by a thread other than the one that allocated them. Thread bodies
 * only count what they see; main checks the counts after join. */
#include <errno.h>
#include <lwp/lwp.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { thread_count = 8, pool_size = 64, operations = 20000 };

/* Every block starts with this header; the rest is a pattern from `seed`. */
struct block_header {
    size_t size; /* bytes requested, header included */
    uint64_t seed;
};

struct report {
    long corrupted;      /* blocks whose pattern was wrong */
    long misaligned;     /* results not aligned as promised */
    long failed;         /* allocations that returned null */
    long too_small;      /* malloc_usable_size below the request */
    long calloc_dirty;   /* calloc memory that was not zero */
    long received;       /* blocks freed that another thread allocated */
    long operations_done;
};

static struct report reports[thread_count];
/* One slot per thread; a block in slot i is freed by thread i. */
static void* mailboxes[thread_count];

static uint64_t next_random(uint64_t* state) {
    /* xorshift64: quick and good enough to vary sizes and choices. */
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static unsigned char pattern_byte(uint64_t seed, size_t index) {
    return (unsigned char)((seed >> (index % 56)) + index * 131);
}

static void fill(void* block, size_t size, uint64_t seed) {
    struct block_header* header = block;
    header->size = size;
    header->seed = seed;
    unsigned char* bytes = block;
    for (size_t i = sizeof *header; i < size; ++i) bytes[i] = pattern_byte(seed, i);
}

static int intact(const void* block) {
    const struct block_header* header = block;
    const unsigned char* bytes = block;
    for (size_t i = sizeof *header; i < header->size; ++i)
        if (bytes[i] != pattern_byte(header->seed, i)) return 0;
    return 1;
}

static size_t random_size(uint64_t* random) {
    uint64_t choice = next_random(random) % 100;
    if (choice < 70) return sizeof(struct block_header) + next_random(random) % 256;
    if (choice < 97) return sizeof(struct block_header) + next_random(random) % 8192;
    return 128 * 1024 + next_random(random) % (256 * 1024); /* a direct mapping */
}

static void* allocate(struct report* report, uint64_t* random, size_t size) {
    void* block = NULL;
    size_t alignment = 16;
    switch (next_random(random) % 4) {
    case 0: block = malloc(size); break;
    case 1:
        block = calloc(1, size);
        if (block) {
            const unsigned char* bytes = block;
            for (size_t i = 0; i < size; ++i)
                if (bytes[i]) {
                    ++report->calloc_dirty;
                    break;
                }
        }
        break;
    case 2:
        alignment = (size_t)64 << (next_random(random) % 7); /* 64 .. 4096 */
        block = aligned_alloc(alignment, size);
        break;
    case 3:
        alignment = (size_t)32 << (next_random(random) % 5);
        if (posix_memalign(&block, alignment, size) != 0) block = NULL;
        break;
    }
    if (!block) {
        ++report->failed;
        return NULL;
    }
    if ((uintptr_t)block % alignment) ++report->misaligned;
    if (malloc_usable_size(block) < size) ++report->too_small;
    fill(block, size, next_random(random));
    return block;
}

static void release(struct report* report, void* block) {
    if (!intact(block)) ++report->corrupted;
    free(block);
}

static void* stress(void* argument) {
    struct report* report = argument;
    int self = (int)(report - reports);
    uint64_t random = 0x9e3779b97f4a7c15ULL * (uint64_t)(self + 1);
    void* pool[pool_size] = {0};

    for (int op = 0; op < operations; ++op) {
        int slot = (int)(next_random(&random) % pool_size);
        uint64_t action = next_random(&random) % 10;
        if (action < 6) { /* replace */
            if (pool[slot]) release(report, pool[slot]);
            pool[slot] = allocate(report, &random, random_size(&random));
        } else if (action < 8 && pool[slot]) { /* realloc keeps the old prefix */
            struct block_header* header = pool[slot];
            if (!intact(header)) ++report->corrupted;
            size_t old_size = header->size;
            uint64_t old_seed = header->seed;
            size_t new_size = random_size(&random);
            void* moved = realloc(header, new_size);
            if (!moved) {
                ++report->failed;
                continue;
            }
            const unsigned char* bytes = moved;
            size_t kept = old_size < new_size ? old_size : new_size;
            for (size_t i = sizeof(struct block_header); i < kept; ++i)
                if (bytes[i] != pattern_byte(old_seed, i)) {
                    ++report->corrupted;
                    break;
                }
            fill(moved, new_size, next_random(&random));
            pool[slot] = moved;
        } else if (pool[slot]) { /* send to the next thread, which frees it */
            void* sent = pool[slot];
            pool[slot] = NULL;
            void* previous =
                __atomic_exchange_n(&mailboxes[(self + 1) % thread_count], sent, __ATOMIC_ACQ_REL);
            if (previous) release(report, previous); /* nobody collected it yet */
        }
        /* Collect whatever another thread sent here. */
        void* incoming = __atomic_exchange_n(&mailboxes[self], NULL, __ATOMIC_ACQ_REL);
        if (incoming) {
            ++report->received;
            release(report, incoming);
        }
        ++report->operations_done;
    }
    for (int i = 0; i < pool_size; ++i)
        if (pool[i]) release(report, pool[i]);
    return NULL;
}

int main(void) {
    /* The single-threaded basics first. */
    CHECK(malloc(0) != NULL);
    void* a = malloc(10);
    void* b = malloc(10);
    CHECK(a && b && a != b);
    CHECK((uintptr_t)a % 16 == 0);
    free(a);
    free(b);
    free(NULL);
    errno = 0;
    volatile size_t huge = (size_t)-1 / 2, half_of_bits = (size_t)1 << 40;
    CHECK(malloc(huge) == NULL);
    CHECK_EQ(errno, ENOMEM);
    errno = 0;
    CHECK(calloc(half_of_bits, half_of_bits) == NULL); /* count * size overflows */
    CHECK_EQ(errno, ENOMEM);
    void* aligned = NULL;
    CHECK_EQ(posix_memalign(&aligned, 24, 8), EINVAL); /* not a power of two */
    CHECK_EQ(posix_memalign(&aligned, 4, 8), EINVAL);  /* not a multiple of sizeof(void*) */
    CHECK(aligned == NULL);                             /* untouched on failure */
    errno = 0;
    volatile size_t odd_alignment = 24;
    CHECK(aligned_alloc(odd_alignment, 48) == NULL);
    CHECK_EQ(errno, EINVAL);
    /* memalign rounds such an alignment up: 24 -> 32, 3000 -> 4096. */
    char* rounded_up = memalign(odd_alignment, 48);
    CHECK(rounded_up != NULL && (uintptr_t)rounded_up % 32 == 0);
    free(rounded_up);
    volatile size_t page_ish = 3000;
    rounded_up = memalign(page_ish, 10);
    CHECK(rounded_up != NULL && (uintptr_t)rounded_up % 4096 == 0);
    free(rounded_up);
    CHECK_EQ(posix_memalign(&aligned, 1 << 16, 100), 0);
    CHECK((uintptr_t)aligned % (1 << 16) == 0);
    free(aligned);
    char* grown = malloc(5);
    memcpy(grown, "abcd", 5);
    grown = realloc(grown, 100000);
    CHECK(grown && strcmp(grown, "abcd") == 0);
    grown = realloc(grown, 3);
    CHECK(grown && memcmp(grown, "abc", 3) == 0);
    free(grown);

    lwp_t threads[thread_count];
    for (int i = 0; i < thread_count; ++i)
        CHECK_EQ(lwp_create(&threads[i], NULL, stress, &reports[i]), 0);
    for (int i = 0; i < thread_count; ++i) CHECK_EQ(lwp_join(threads[i], NULL), 0);

    long received = 0;
    for (int i = 0; i < thread_count; ++i) {
        CHECK_EQ(reports[i].operations_done, operations);
        CHECK_EQ(reports[i].corrupted, 0);
        CHECK_EQ(reports[i].misaligned, 0);
        CHECK_EQ(reports[i].failed, 0);
        CHECK_EQ(reports[i].too_small, 0);
        CHECK_EQ(reports[i].calloc_dirty, 0);
        received += reports[i].received;
        if (mailboxes[i]) {
            CHECK(intact(mailboxes[i]));
            free(mailboxes[i]);
        }
    }
    CHECK(received > 0); /* cross-thread frees did happen */
    return 0;
}
