/* A program's own malloc, as glibc's manual ("Replacing malloc") describes
 * it, for malloc_replacement.c (the four functions the manual requires) and
 * malloc_replacement_complete.c (all ten, with REPLACE_ALL_TEN defined).
 *
 * A bump allocator over a static arena, forwarding nothing to the C
 * library: every block has a 16-byte header holding its size and a tag, and
 * free and realloc abort on a pointer that is not one of its blocks, so the
 * C library freeing memory it did not get from these functions (or handing
 * out memory from its own heap) fails the test. Memory is never reused. A
 * spin lock makes it safe for threads without calling the C library.
 *
 * exercise_c_library() then uses the C library's functions that allocate
 * (strdup, asprintf, getline, stdio buffers, glob, wordexp, getpwnam, qsort,
 * regcomp, setenv, scandir, threads with thread-specific data and TLS) and
 * checks that what they return comes from this allocator and that it was
 * called. */
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <pthread.h>
#include <pwd.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wordexp.h>

#include "../integration/check.h"

#define ARENA_BYTES (64u << 20)
#define HEADER_BYTES 16u
#define BLOCK_TAG 0x5eb1ac0cu

static _Alignas(4096) unsigned char arena[ARENA_BYTES];
static size_t arena_used;
static int arena_lock;

/* What the program's allocator saw (other_calls: the six functions
 * beyond the four, when it defines them); read under no lock once threads
 * end. */
static unsigned long malloc_calls, calloc_calls, realloc_calls, free_calls;
/* The calling thread's own frees: free_ours checks its one free by this
 * count, which other threads freeing at the same time do not move. */
static _Thread_local unsigned long frees_by_this_thread;
static unsigned long other_calls __attribute__((unused));

struct header {
    size_t size;
    unsigned tag;
    unsigned padding;
};

static void lock_arena(void) {
    while (__atomic_exchange_n(&arena_lock, 1, __ATOMIC_ACQUIRE)) {
    }
}
static void unlock_arena(void) { __atomic_store_n(&arena_lock, 0, __ATOMIC_RELEASE); }

static void count(unsigned long* counter) { __atomic_fetch_add(counter, 1, __ATOMIC_RELAXED); }

static int is_ours(const void* pointer) {
    const unsigned char* at = pointer;
    return at >= arena + HEADER_BYTES && at < arena + ARENA_BYTES;
}

/* The header of a block, aborting for anything these functions did not
 * hand out: a message, not a CHECK, as CHECK's printing may allocate. */
static struct header* header_of(void* block) {
    struct header* header = (struct header*)((unsigned char*)block - HEADER_BYTES);
    if (!is_ours(block) || header->tag != BLOCK_TAG) {
        static const char message[] = "replacement allocator: a block it did not allocate\n";
        write(2, message, sizeof message - 1);
        abort();
    }
    return header;
}

/* A block of `size` bytes whose start is a multiple of `alignment` (a
 * power of two, at least 16). */
static void* allocate(size_t alignment, size_t size) {
    lock_arena();
    size_t start = (arena_used + HEADER_BYTES + alignment - 1) & ~(alignment - 1);
    if (size > ARENA_BYTES || start + size > ARENA_BYTES) {
        unlock_arena();
        errno = ENOMEM;
        return NULL;
    }
    arena_used = (start + size + 15) & ~(size_t)15;
    unlock_arena();
    struct header* header = (struct header*)(arena + start - HEADER_BYTES);
    header->size = size;
    header->tag = BLOCK_TAG;
    return arena + start;
}

void* malloc(size_t size) {
    count(&malloc_calls);
    return allocate(16, size);
}

void free(void* block) {
    if (!block) return;
    count(&free_calls);
    ++frees_by_this_thread;
    header_of(block)->tag = ~BLOCK_TAG; /* a second free aborts */
}

void* calloc(size_t count_of, size_t size) {
    count(&calloc_calls);
    size_t bytes;
    if (__builtin_mul_overflow(count_of, size, &bytes)) {
        errno = ENOMEM;
        return NULL;
    }
    void* block = allocate(16, bytes);
    if (block) memset(block, 0, bytes);
    return block;
}

/* glibc's rules: realloc(NULL, n) allocates, realloc(p, 0) frees. */
void* realloc(void* block, size_t size) {
    count(&realloc_calls);
    if (!block) return allocate(16, size);
    struct header* header = header_of(block);
    if (size == 0) {
        header->tag = ~BLOCK_TAG;
        return NULL;
    }
    void* moved = allocate(16, size);
    if (!moved) return NULL;
    memcpy(moved, block, header->size < size ? header->size : size);
    header->tag = ~BLOCK_TAG;
    return moved;
}

#ifdef REPLACE_ALL_TEN
static int is_power_of_two(size_t value) { return value && !(value & (value - 1)); }

void* aligned_alloc(size_t alignment, size_t size) {
    count(&other_calls);
    if (!is_power_of_two(alignment)) {
        errno = EINVAL;
        return NULL;
    }
    return allocate(alignment < 16 ? 16 : alignment, size);
}

void* memalign(size_t alignment, size_t size) { return aligned_alloc(alignment, size); }

int posix_memalign(void** out, size_t alignment, size_t size) {
    if (!is_power_of_two(alignment) || alignment % sizeof(void*)) return EINVAL;
    void* block = aligned_alloc(alignment, size);
    if (!block) return ENOMEM;
    *out = block;
    return 0;
}

void* valloc(size_t size) { return aligned_alloc(4096, size); }

void* pvalloc(size_t size) { return aligned_alloc(4096, (size + 4095) & ~(size_t)4095); }

size_t malloc_usable_size(void* block) {
    count(&other_calls);
    return block ? header_of(block)->size : 0;
}
#endif

/* Calls to the four functions so far. */
static unsigned long allocator_calls(void) {
    return __atomic_load_n(&malloc_calls, __ATOMIC_RELAXED) +
           __atomic_load_n(&calloc_calls, __ATOMIC_RELAXED) +
           __atomic_load_n(&realloc_calls, __ATOMIC_RELAXED);
}

/* Frees a block the C library handed out, checking it came from here. */
static void free_ours(void* block) {
    CHECK(is_ours(block));
    unsigned long before = frees_by_this_thread;
    free(block);
    CHECK_EQ(frees_by_this_thread, before + 1);
}

static pthread_key_t thread_key;
static _Thread_local char thread_name[32];
static _Thread_local int thread_counter = 7;
static int destructor_runs;

static void thread_value_destructor(void* value) {
    CHECK(is_ours(value));
    free(value);
    __atomic_fetch_add(&destructor_runs, 1, __ATOMIC_RELAXED);
}

static void* thread_body(void* argument) {
    int number = (int)(intptr_t)argument;
    CHECK_EQ(thread_counter, 7);
    thread_counter += number;
    snprintf(thread_name, sizeof thread_name, "thread %d", number);
    for (int i = 0; i < 200; ++i) {
        char* text = NULL;
        CHECK(asprintf(&text, "%s, round %d", thread_name, i) > 0);
        char* copy = strdup(text);
        CHECK(copy != NULL && is_ours(copy) && strcmp(copy, text) == 0);
        free_ours(text);
        free_ours(copy);
    }
    char* value = strdup(thread_name);
    CHECK(value != NULL);
    CHECK_EQ(pthread_setspecific(thread_key, value), 0);
    CHECK_EQ(thread_counter, 7 + number);
    return value;
}

static void exercise_threads(void) {
    CHECK_EQ(pthread_key_create(&thread_key, thread_value_destructor), 0);
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i)
        CHECK_EQ(pthread_create(&threads[i], NULL, thread_body, (void*)(intptr_t)(i + 1)), 0);
    for (int i = 0; i < 4; ++i) {
        void* result;
        CHECK_EQ(pthread_join(threads[i], &result), 0);
        CHECK(is_ours(result)); /* freed by the destructor already: only compared */
    }
    CHECK_EQ(__atomic_load_n(&destructor_runs, __ATOMIC_RELAXED), 4);
    CHECK_EQ(pthread_key_delete(thread_key), 0);
    CHECK_EQ(thread_counter, 7); /* the main thread's own copy */
}

static int compare_ints(const void* a, const void* b) {
    int x = *(const int*)a, y = *(const int*)b;
    return (x > y) - (x < y);
}

static int no_dot_files(const struct dirent* entry) { return entry->d_name[0] != '.'; }

static void exercise_c_library(void) {
    unsigned long before = allocator_calls();
    char* copy = strdup("replaced");
    CHECK(copy != NULL && is_ours(copy));
    CHECK(allocator_calls() > before);
    CHECK_STREQ(copy, "replaced");
    free_ours(copy);

    char* formatted = NULL;
    CHECK_EQ(asprintf(&formatted, "%d %s", 42, "blocks"), 9);
    CHECK(is_ours(formatted));
    CHECK_STREQ(formatted, "42 blocks");
    free_ours(formatted);

    /* A directory of files for stdio, getline, glob and scandir. */
    char directory[] = "/tmp/lwp-malloc-replacement-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char path[256];
    const char* names[] = {"beta.txt", "alpha.txt", "gamma.log"};
    for (int i = 0; i < 3; ++i) {
        snprintf(path, sizeof path, "%s/%s", directory, names[i]);
        FILE* stream = fopen(path, "w");
        CHECK(stream != NULL);
        for (int line = 0; line < 100; ++line) CHECK(fprintf(stream, "%s line %d\n", names[i], line) > 0);
        CHECK_EQ(fclose(stream), 0);
    }

    snprintf(path, sizeof path, "%s/alpha.txt", directory);
    FILE* stream = fopen(path, "r");
    CHECK(stream != NULL);
    char* line = NULL;
    size_t capacity = 0;
    int lines = 0;
    while (getline(&line, &capacity, stream) > 0) ++lines;
    CHECK_EQ(lines, 100);
    CHECK(is_ours(line));
    free_ours(line);
    CHECK_EQ(fclose(stream), 0);

    before = allocator_calls();
    snprintf(path, sizeof path, "%s/*.txt", directory);
    glob_t found;
    CHECK_EQ(glob(path, 0, NULL, &found), 0);
    CHECK_EQ(found.gl_pathc, 2u);
    CHECK(is_ours(found.gl_pathv));
    CHECK(is_ours(found.gl_pathv[0]) && strstr(found.gl_pathv[0], "alpha.txt") != NULL);
    CHECK(strstr(found.gl_pathv[1], "beta.txt") != NULL);
    globfree(&found);
    CHECK(allocator_calls() > before);

    struct dirent** entries = NULL;
    int entry_count = scandir(directory, &entries, no_dot_files, alphasort);
    CHECK_EQ(entry_count, 3);
    CHECK(is_ours(entries));
    CHECK_STREQ(entries[0]->d_name, "alpha.txt");
    CHECK_STREQ(entries[2]->d_name, "gamma.log");
    for (int i = 0; i < entry_count; ++i) free_ours(entries[i]);
    free_ours(entries);
    for (int i = 0; i < 3; ++i) {
        snprintf(path, sizeof path, "%s/%s", directory, names[i]);
        CHECK_EQ(unlink(path), 0);
    }
    CHECK_EQ(rmdir(directory), 0);

    before = allocator_calls();
    wordexp_t words;
    CHECK_EQ(wordexp("one 'two three' four", &words, WRDE_NOCMD), 0);
    CHECK_EQ(words.we_wordc, 3u);
    CHECK(is_ours(words.we_wordv));
    CHECK_STREQ(words.we_wordv[1], "two three");
    wordfree(&words);
    CHECK(allocator_calls() > before);

    struct passwd* root = getpwnam("root");
    CHECK(root != NULL);
    CHECK_EQ(root->pw_uid, 0u);
    CHECK_STREQ(root->pw_name, "root");
#if defined(REPLACE_ALL_TEN) || !defined(CHECKING_AGAINST_GLIBC)
    /* Not with glibc and the four only: a name missing from /etc/passwd
     * goes on to libnss_systemd, which calls glibc's malloc_usable_size on
     * the program's block (why the manual asks for all ten). */
    CHECK(getpwnam("no-such-user-lwp") == NULL);
#endif

    int numbers[5000];
    for (int i = 0; i < 5000; ++i) numbers[i] = (i * 7919) % 5000;
    qsort(numbers, 5000, sizeof numbers[0], compare_ints);
    for (int i = 0; i < 5000; ++i) CHECK_EQ(numbers[i], i);

    regex_t pattern;
    CHECK_EQ(regcomp(&pattern, "^([a-z]+) ([0-9]+)$", REG_EXTENDED), 0);
    regmatch_t groups[3];
    CHECK_EQ(regexec(&pattern, "blocks 42", 3, groups, 0), 0);
    CHECK_EQ(groups[2].rm_so, 7);
    CHECK_EQ(regexec(&pattern, "42 blocks", 3, groups, 0), REG_NOMATCH);
    regfree(&pattern);

    before = allocator_calls();
    CHECK_EQ(setenv("LWP_REPLACED_MALLOC", "a value long enough to be copied", 1), 0);
    CHECK(allocator_calls() > before);
    CHECK_STREQ(getenv("LWP_REPLACED_MALLOC"), "a value long enough to be copied");
    CHECK_EQ(setenv("LWP_REPLACED_MALLOC", "another", 1), 0);
    CHECK_STREQ(getenv("LWP_REPLACED_MALLOC"), "another");
    CHECK_EQ(unsetenv("LWP_REPLACED_MALLOC"), 0);
    CHECK(getenv("LWP_REPLACED_MALLOC") == NULL);

    exercise_threads();

    /* Nothing was freed that these functions did not hand out (free aborts
     * otherwise), and the bookkeeping went through them. */
    CHECK(malloc_calls > 0);
    CHECK(free_calls > 0);
}
