/* mallopt's answers, and each parameter lwp honours checked by its effect:
 * M_MMAP_THRESHOLD by whether a block gets a mapping of its own (mallinfo2's
 * hblks counts them, in glibc and lwp alike), M_PERTURB by the bytes of new
 * and freed blocks, M_ARENA_MAX by the arenas malloc_info lists after
 * threads allocate. Also __libc_mallopt and __libc_mallinfo (glibc's other
 * names), and mcheck, mcheck_pedantic, mprobe and mcheck_check_all, which
 * in a program linked the ordinary way (libc_malloc_debug.so not preloaded)
 * report that checking is not available.
 * Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC): what lwp refuses
 * (0) and glibc accepts is checked for each its own answer. */
#include <errno.h>
#include <malloc.h>
#include <mcheck.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

/* mallinfo is deprecated (its int fields wrap); it is what is checked here.
 * So are the bytes of blocks malloc hands out, which the compiler takes for
 * uninitialised. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

int __libc_mallopt(int parameter, int value);
struct mallinfo __libc_mallinfo(void);

/* glibc's answer where lwp's differs: lwp refuses what its allocator has
 * nothing to honour with. */
#ifdef CHECKING_AGAINST_GLIBC
#define REFUSED_BY_LWP 1
#else
#define REFUSED_BY_LWP 0
#endif

static size_t own_mappings(void) { return mallinfo2().hblks; }

/* Whether a new block of `size` bytes is a mapping of its own. */
static int is_own_mapping(size_t size, void** block) {
    size_t before = own_mappings();
    *block = malloc(size);
    CHECK(*block != NULL);
    return own_mappings() == before + 1;
}

static void answers(void) {
    /* Honoured by both. */
    CHECK_EQ(mallopt(M_PERTURB, 0), 1);
    CHECK_EQ(mallopt(M_ARENA_MAX, 0), 1);  /* a value of 0 or less is ignored */
    CHECK_EQ(mallopt(M_ARENA_TEST, -1), 1);
    /* Ignored by glibc's libc.so as by lwp, and answered 1 by both. */
    CHECK_EQ(mallopt(M_CHECK_ACTION, 3), 1);
    CHECK_EQ(mallopt(12345, 1), 1);
    /* What glibc honours and lwp's allocator cannot. */
    CHECK_EQ(mallopt(M_MXFAST, 64), REFUSED_BY_LWP);
    CHECK_EQ(mallopt(M_TRIM_THRESHOLD, 1 << 20), REFUSED_BY_LWP);
    CHECK_EQ(mallopt(M_MMAP_MAX, 65536), REFUSED_BY_LWP);
    CHECK_EQ(mallopt(M_ARENA_TEST, 8), REFUSED_BY_LWP);
    CHECK_EQ(mallopt(M_MMAP_THRESHOLD, 256 * 1024), REFUSED_BY_LWP);
    /* glibc refuses a fast-bin size above 160 bytes, as lwp any. */
    CHECK_EQ(mallopt(M_MXFAST, 1000), 0);
    CHECK_EQ(__libc_mallopt(M_CHECK_ACTION, 1), 1);
}

static void mapping_threshold(void) {
    /* glibc maps a request only when its heap cannot serve it from memory it
     * already has: with no padding added to the heap (M_TOP_PAD, which lwp
     * refuses as it has no heap top), blocks under the threshold use up
     * what is left of it first. lwp maps every request at or above it. */
    CHECK_EQ(mallopt(M_TOP_PAD, 0), REFUSED_BY_LWP);
    CHECK_EQ(mallopt(M_MMAP_THRESHOLD, 32 * 1024), 1);
    void* under[8];
    for (int i = 0; i < 8; ++i) CHECK(!is_own_mapping(30000, &under[i]));
    void* over;
    CHECK(is_own_mapping(40000, &over));
    free(over);
    CHECK(is_own_mapping(200 * 1024, &over));
    free(over);
    /* Back to the default: 40000 bytes come from the heap again. */
    CHECK_EQ(mallopt(M_MMAP_THRESHOLD, 128 * 1024), 1);
    CHECK(!is_own_mapping(40000, &over));
    free(over);
    CHECK(is_own_mapping(200 * 1024, &over));
    free(over);
    for (int i = 0; i < 8; ++i) free(under[i]);
}

static void perturbing(void) {
    CHECK_EQ(mallopt(M_PERTURB, 0xa5), 1);
    /* Larger than glibc's per-thread cache takes, which it does not perturb. */
    enum { size = 3000 };
    unsigned char* block = malloc(size);
    CHECK(block != NULL);
    for (int i = 0; i < size; ++i) CHECK_EQ(block[i], 0x5a);  /* 0xa5's complement */
    unsigned char* zeroed = calloc(size, 1);
    CHECK(zeroed != NULL);
    for (int i = 0; i < size; ++i) CHECK_EQ(zeroed[i], 0);
    free(zeroed);
    /* A large block too (glibc perturbs the mapping's bytes). */
    unsigned char* large = malloc(300 * 1024);
    CHECK(large != NULL);
    CHECK_EQ(large[0], 0x5a);
    CHECK_EQ(large[300 * 1024 - 1], 0x5a);
    zeroed = calloc(300 * 1024, 1);
    CHECK(zeroed != NULL);
    CHECK_EQ(zeroed[0], 0);
    CHECK_EQ(zeroed[300 * 1024 - 1], 0);
    free(zeroed);
    free(large);
    /* Freed, the block's bytes become the value itself (the first ones may
     * hold the allocator's own links: the middle is looked at). */
    unsigned char* volatile freed = block;
    free(block);
    CHECK_EQ(freed[size / 2], 0xa5);
    /* Only the low byte is used: 0x1ff gives 0x00 new. */
    CHECK_EQ(mallopt(M_PERTURB, 0x1ff), 1);
    block = malloc(size);
    CHECK(block != NULL);
    CHECK_EQ(block[size - 1], 0x00);
    free(block);
    CHECK_EQ(mallopt(M_PERTURB, 0), 1);
}

static pthread_barrier_t all_allocated;

static void* allocate_and_wait(void* unused) {
    (void)unused;
    void* block = malloc(1000);
    CHECK(block != NULL);
    pthread_barrier_wait(&all_allocated);
    free(block);
    return NULL;
}

/* The number of arenas malloc_info lists ("<heap nr=" once each). */
static int arenas_listed(void) {
    char* text = NULL;
    size_t size = 0;
    FILE* stream = open_memstream(&text, &size);
    CHECK(stream != NULL);
    CHECK_EQ(malloc_info(0, stream), 0);
    CHECK_EQ(fclose(stream), 0);
    int count = 0;
    for (const char* at = text; (at = strstr(at, "<heap nr=")) != NULL; ++at) ++count;
    free(text);
    return count;
}

static void one_arena(void) {
    /* Before any thread allocates: every thread then shares the first arena. */
    CHECK_EQ(mallopt(M_ARENA_MAX, 1), 1);
    enum { threads = 6 };
    pthread_t thread[threads];
    CHECK_EQ(pthread_barrier_init(&all_allocated, NULL, threads + 1), 0);
    for (int i = 0; i < threads; ++i)
        CHECK_EQ(pthread_create(&thread[i], NULL, allocate_and_wait, NULL), 0);
    pthread_barrier_wait(&all_allocated);
    CHECK_EQ(arenas_listed(), 1);
    for (int i = 0; i < threads; ++i) CHECK_EQ(pthread_join(thread[i], NULL), 0);
    pthread_barrier_destroy(&all_allocated);
}

static void consistency_checks(void) {
    CHECK_EQ(mcheck(NULL), -1);
    CHECK_EQ(mcheck_pedantic(NULL), -1);
    void* block = malloc(10);
    CHECK_EQ(mprobe(block), MCHECK_DISABLED);
    mcheck_check_all();
    free(block);
}

static void other_names(void) {
    void* block = malloc(100);
    struct mallinfo a = mallinfo(), b = __libc_mallinfo();
    CHECK_EQ(a.uordblks, b.uordblks);
    CHECK_EQ(a.hblks, b.hblks);
    free(block);
}

/* Out of address space (RLIMIT_AS, in a child): every allocator fails with
 * ENOMEM, and posix_memalign, which returns it, leaves it in errno too, as
 * glibc's does (glibc's tst-malloc-thread-fail relies on it). */
static void exhaustion(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        struct rlimit limit = {64 << 20, 64 << 20};
        CHECK_EQ(setrlimit(RLIMIT_AS, &limit), 0);
        volatile size_t too_much = (size_t)128 << 20;
        errno = 0;
        CHECK(malloc(too_much) == NULL);
        CHECK_EQ(errno, ENOMEM);
        void* block = NULL;
        /* Called through a pointer: GCC's model of posix_memalign has it
         * leave errno alone, and would fold the check below away. */
        int (*volatile aligned_allocate)(void**, size_t, size_t) = posix_memalign;
        errno = 0;
        CHECK_EQ(aligned_allocate(&block, 128, too_much), ENOMEM);
        CHECK_EQ(errno, ENOMEM);
        CHECK(block == NULL);
        errno = 0;
        CHECK(aligned_alloc(4096, too_much) == NULL);
        CHECK_EQ(errno, ENOMEM);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
    exhaustion();
    answers();
    one_arena();
    mapping_threshold();
    perturbing();
    consistency_checks();
    other_names();
    return 0;
}
