/* Obstacks through <obstack.h>'s own macros, which reach into struct
 * obstack and call _obstack_begin, _obstack_begin_1, _obstack_newchunk,
 * obstack_free and _obstack_memory_used: growing objects (obstack_grow,
 * grow0, 1grow, ptr_grow, int_grow, blank), finishing them at the
 * alignment, objects too big for the chunk (a new chunk of the size glibc
 * asks for, the object moved whole, the old chunk freed only when it held
 * nothing else and no empty object), freeing back to an object in the
 * current chunk or an older one (the chunks after it freed) or everything,
 * _obstack_allocated_p, chunk functions with an extra argument, the
 * failure handler when the chunk function returns null (the program's,
 * and glibc's default message and exit status), obstack_printf, and abort
 * for an address the obstack never gave. A recording chunk allocator
 * checks the sizes asked for and the chunks freed, which are glibc's.
 * Passes against glibc too (cc -DCHECKING_AGAINST_GLIBC). */
#include <fcntl.h>
#include <obstack.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* glibc exports it for debugging; <obstack.h> does not declare it. */
int _obstack_allocated_p(struct obstack* h, void* object);

enum { most_chunks = 64 };
static long asked[most_chunks];
static void* given[most_chunks];
static int allocations, frees;
static void* freed[most_chunks];
static int fail_next;

static void* recording_alloc(long size) {
    if (fail_next) {
        fail_next = 0;
        return NULL;
    }
    void* chunk = malloc((size_t)size);
    CHECK(allocations < most_chunks);
    asked[allocations] = size;
    given[allocations++] = chunk;
    return chunk;
}

static void recording_free(void* chunk) {
    CHECK(frees < most_chunks);
    freed[frees++] = chunk;
    free(chunk);
}

static void reset_recording(void) { allocations = frees = 0; }

#define obstack_chunk_alloc recording_alloc
#define obstack_chunk_free recording_free

static int is_aligned(const void* p, uintptr_t alignment) {
    return ((uintptr_t)p & (alignment - 1)) == 0;
}

static void beginning_and_growing(void) {
    struct obstack ob;
    reset_recording();
    CHECK_EQ(obstack_init(&ob), 1);
    /* glibc's defaults: 4064-byte chunks, objects 16-aligned. */
    CHECK_EQ(allocations, 1);
    CHECK_EQ(asked[0], 4064);
    CHECK_EQ(obstack_chunk_size(&ob), 4064);
    CHECK_EQ(obstack_alignment_mask(&ob), 15);
    CHECK(obstack_empty_p(&ob));
    CHECK_EQ(obstack_memory_used(&ob), 4064);
    CHECK(is_aligned(obstack_base(&ob), 16));

    /* A string grown piece by piece. */
    obstack_grow(&ob, "hello", 5);
    obstack_1grow(&ob, ',');
    obstack_1grow(&ob, ' ');
    obstack_grow0(&ob, "world", 5);
    CHECK_EQ(obstack_object_size(&ob), 13);
    char* greeting = obstack_finish(&ob);
    CHECK_STREQ(greeting, "hello, world");
    CHECK(!obstack_empty_p(&ob));
    /* The next object starts at the alignment after it. */
    CHECK(obstack_base(&ob) == greeting + 16);
    CHECK_EQ(obstack_object_size(&ob), 0);

    /* A vector of pointers and one of ints. */
    obstack_ptr_grow(&ob, greeting);
    obstack_ptr_grow(&ob, NULL);
    char** vector = obstack_finish(&ob);
    CHECK(vector[0] == greeting && vector[1] == NULL);
    CHECK(is_aligned(vector, 16));
    for (int i = 0; i < 5; ++i) obstack_int_grow(&ob, i * i);
    int* squares = obstack_finish(&ob);
    CHECK_EQ(squares[4], 16);

    /* obstack_blank, obstack_alloc, obstack_copy, obstack_copy0. */
    obstack_blank(&ob, 8);
    CHECK_EQ(obstack_object_size(&ob), 8);
    obstack_blank(&ob, -3);
    CHECK_EQ(obstack_object_size(&ob), 5);
    void* five = obstack_finish(&ob);
    char* alloc = obstack_alloc(&ob, 100);
    CHECK(alloc == (char*)five + 16);
    memset(alloc, 'a', 100);
    char* copy = obstack_copy(&ob, "xyz", 3);
    CHECK(memcmp(copy, "xyz", 3) == 0);
    char* copy0 = obstack_copy0(&ob, "abc", 3);
    CHECK_STREQ(copy0, "abc");
    CHECK_EQ(allocations, 1);
    CHECK(_obstack_allocated_p(&ob, copy0));
    int outside;
    CHECK(!_obstack_allocated_p(&ob, &outside));

    /* Freeing back to an object in the current chunk: it and all after it
     * are gone, its place is the next object's. */
    obstack_free(&ob, alloc);
    CHECK_EQ(frees, 0);
    CHECK(obstack_base(&ob) == alloc);
    char* again = obstack_copy0(&ob, "again", 5);
    CHECK(again == alloc);
    CHECK_STREQ(greeting, "hello, world");

    /* Freeing everything. */
    obstack_free(&ob, NULL);
    CHECK_EQ(frees, 1);
    CHECK(freed[0] == given[0]);
}

static void objects_bigger_than_a_chunk(void) {
    struct obstack ob;
    reset_recording();
    obstack_init(&ob);
    char* small = obstack_copy0(&ob, "small", 5);
    /* 10000 bytes of a new object: a chunk of 10000 + 15 + 100 bytes. */
    static char big[10000];
    for (size_t i = 0; i < sizeof big; ++i) big[i] = (char)(i * 7);
    obstack_grow(&ob, "<", 1);
    obstack_grow(&ob, big, sizeof big);
    CHECK_EQ(allocations, 2);
    /* The object so far (1 byte) + 10000 + 1/8 of it (0) + 15 + 100. */
    CHECK_EQ(asked[1], 1 + 10000 + 0 + 15 + 100);
    CHECK_EQ(frees, 0); /* the old chunk still holds "small" */
    char* whole = obstack_finish(&ob);
    CHECK_EQ(whole[0], '<');
    CHECK(memcmp(whole + 1, big, sizeof big) == 0);
    CHECK(is_aligned(whole, 16));
    CHECK_EQ(obstack_memory_used(&ob), 4064 + 10116);
    CHECK(_obstack_allocated_p(&ob, small));
    CHECK(_obstack_allocated_p(&ob, whole));

    /* An object grown byte by byte past the end of a new chunk moves to a
     * bigger one, whole, and the chunk it left (which held only it) is
     * freed. */
    int before = allocations;
    for (int i = 0; i < 30000; ++i) obstack_1grow(&ob, (char)('a' + i % 26));
    CHECK(allocations > before);
    char* letters = obstack_finish(&ob);
    for (int i = 0; i < 30000; ++i) CHECK_EQ(letters[i], 'a' + i % 26);
    CHECK(frees >= 1);
    /* Every chunk freed was one of those that held the letters alone. */
    for (int i = 0; i < frees; ++i) CHECK(freed[i] != given[0] && freed[i] != given[1]);

    /* Freeing back to "small", in the first chunk, frees the later ones. */
    int freed_before = frees;
    obstack_free(&ob, small);
    CHECK_EQ(frees - freed_before, allocations - freed_before - 1);
    CHECK_EQ(obstack_memory_used(&ob), 4064);
    CHECK(obstack_base(&ob) == small);
    obstack_free(&ob, NULL);
    CHECK_EQ(frees, allocations);
}

/* A chunk that may hold an empty object is not freed when the object
 * being grown moves out of it (the empty object's address would dangle). */
static void an_empty_object_keeps_its_chunk(void) {
    struct obstack ob;
    reset_recording();
    obstack_init(&ob);
    void* empty = obstack_finish(&ob); /* an empty object at the start */
    CHECK(empty != NULL);
    static char big[5000];
    obstack_grow(&ob, big, sizeof big);
    CHECK_EQ(allocations, 2);
    CHECK_EQ(frees, 0);
    obstack_free(&ob, NULL);
    CHECK_EQ(frees, 2);
    /* Without one, the chunk holding only the object goes. */
    reset_recording();
    obstack_init(&ob);
    obstack_grow(&ob, "x", 1);
    obstack_grow(&ob, big, sizeof big);
    CHECK_EQ(allocations, 2);
    CHECK_EQ(frees, 1);
    CHECK(freed[0] == given[0]);
    obstack_free(&ob, NULL);
}

static int alignment_cases(void) {
    /* tst-obstack's way: a mask set after the beginning, and an empty
     * object finished first so that it applies. */
    for (int alignment = 2; alignment <= 64; alignment *= 2) {
        struct obstack ob;
        reset_recording();
        obstack_init(&ob);
        obstack_alignment_mask(&ob) = alignment - 1;
        obstack_finish(&ob);
        for (int i = 0; i < 15; ++i) {
            void* object = obstack_alloc(&ob, 1000);
            CHECK(is_aligned(object, (uintptr_t)alignment));
        }
        obstack_free(&ob, NULL);
    }
    /* Given at the beginning, with a chunk size of one's own. */
    struct obstack ob;
    reset_recording();
    CHECK_EQ(obstack_specify_allocation(&ob, 200, 64, recording_alloc, recording_free), 1);
    CHECK_EQ(asked[0], 200);
    CHECK(is_aligned(obstack_base(&ob), 64));
    char* a = obstack_alloc(&ob, 3);
    char* b = obstack_alloc(&ob, 3);
    CHECK(b == a + 64);
    /* 200-byte chunks: the third object needs a second one. */
    obstack_alloc(&ob, 100);
    CHECK_EQ(allocations, 2);
    CHECK_EQ(asked[1], 100 + 63 + 100); /* more than the chunk size */
    obstack_free(&ob, NULL);
    return 0;
}

/* Chunk functions with an extra first argument. */
struct arena {
    int allocations, frees;
};

static void* arena_alloc(void* argument, long size) {
    ((struct arena*)argument)->allocations++;
    return malloc((size_t)size);
}

static void arena_free(void* argument, void* chunk) {
    ((struct arena*)argument)->frees++;
    free(chunk);
}

static void chunk_functions_with_an_argument(void) {
    struct arena arena = {0, 0};
    struct obstack ob;
    CHECK_EQ(obstack_specify_allocation_with_arg(&ob, 0, 0, arena_alloc, arena_free, &arena), 1);
    CHECK_EQ(arena.allocations, 1);
    CHECK_EQ(obstack_chunk_size(&ob), 4064);
    for (int i = 0; i < 100; ++i) obstack_alloc(&ob, 500);
    CHECK(arena.allocations > 10);
    obstack_free(&ob, NULL);
    CHECK_EQ(arena.frees, arena.allocations);
}

/* When the chunk function returns null, the handler is called; the
 * program's may leave with longjmp. */
static jmp_buf out_of_memory;
static int handler_calls;

static void jump_out(void) {
    handler_calls++;
    longjmp(out_of_memory, 1);
}

static void failure_handler(void) {
    void (*old_handler)(void) = obstack_alloc_failed_handler;
    obstack_alloc_failed_handler = jump_out;
    struct obstack ob;
    reset_recording();
    fail_next = 1;
    if (setjmp(out_of_memory) == 0) {
        obstack_init(&ob);
        CHECK(0);
    }
    CHECK_EQ(handler_calls, 1);
    obstack_init(&ob);
    char* kept = obstack_copy0(&ob, "kept", 4);
    fail_next = 1;
    if (setjmp(out_of_memory) == 0) {
        obstack_blank(&ob, 100000);
        CHECK(0);
    }
    CHECK_EQ(handler_calls, 2);
    /* The obstack is as it was. */
    CHECK_STREQ(kept, "kept");
    CHECK_EQ(obstack_object_size(&ob), 0);
    obstack_free(&ob, NULL);
    obstack_alloc_failed_handler = old_handler;
}

/* glibc's default handler: "memory exhausted" and exit with
 * obstack_exit_failure. */
static void default_failure_handler(void) {
    int reader;
    pid_t child = fork_writing_errors_to_a_pipe(&reader);
    if (child == 0) {
        obstack_exit_failure = 7;
        struct obstack ob;
        fail_next = 1;
        obstack_init(&ob);
        _exit(0);
    }
    char message[64];
    read_to_end(reader, message, sizeof message);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);
    CHECK_STREQ(message, "memory exhausted\n");
    CHECK_EQ(obstack_exit_failure, EXIT_FAILURE);
}

/* An address the obstack never gave: abort. */
static void freeing_a_stranger_aborts(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        struct obstack ob;
        obstack_init(&ob);
        obstack_alloc(&ob, 10);
        static char stranger[8];
        signal(SIGABRT, SIG_DFL);
        int quiet = open("/dev/null", O_WRONLY); /* whatever abort may say */
        dup2(quiet, 2);
        obstack_free(&ob, stranger);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

static void printing_into_an_obstack(void) {
    struct obstack ob;
    reset_recording();
    obstack_init(&ob);
    CHECK_EQ(obstack_printf(&ob, "%s-%d", "n", 42), 4);
    CHECK_EQ(obstack_object_size(&ob), 4); /* no NUL */
    CHECK_EQ(obstack_printf(&ob, "%c", '!'), 1);
    obstack_1grow(&ob, '\0');
    CHECK_STREQ(obstack_finish(&ob), "n-42!");
    /* Longer than the room left: the object moves to a new chunk. */
    obstack_grow(&ob, "[", 1);
    CHECK_EQ(obstack_printf(&ob, "%6000d]", 1), 6001);
    CHECK_EQ(obstack_object_size(&ob), 6002);
    char* wide = obstack_finish(&ob);
    CHECK_EQ(wide[0], '[');
    CHECK_EQ(wide[6000], '1');
    CHECK_EQ(wide[6001], ']');
    CHECK_EQ(wide[1], ' ');
    CHECK(allocations >= 2); /* how many is the printing's business */
    /* Nothing to print: nothing added. */
    CHECK_EQ(obstack_printf(&ob, "%s", ""), 0);
    CHECK_EQ(obstack_object_size(&ob), 0);
    obstack_free(&ob, NULL);
}

int main(void) {
    beginning_and_growing();
    objects_bigger_than_a_chunk();
    an_empty_object_keeps_its_chunk();
    alignment_cases();
    chunk_functions_with_an_argument();
    failure_handler();
    default_failure_handler();
    freeing_a_stranger_aborts();
    printing_into_an_obstack();
    return 0;
}
