/* mtrace/muntrace (the MALLOC_TRACE file, in the format glibc's mtrace
 * script reads), malloc_stats and malloc_info. Also passes built against
 * glibc: there mtrace writes only with libc_malloc_debug.so preloaded, so
 * the program runs itself again with it when it is installed (and skips
 * the trace checks when it is not). */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <mcheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

/* The trace is compared with the addresses of blocks already freed, on
 * purpose: only their numbers are used. */
#pragma GCC diagnostic ignored "-Wuse-after-free"

#ifdef CHECKING_AGAINST_GLIBC
static const char malloc_debug[] = "/lib/x86_64-linux-gnu/libc_malloc_debug.so.0";
#endif

/* Where blocks go so that the compiler keeps their malloc and free calls
 * (GCC removes a pair whose block is never used). */
static void* volatile kept;

static char* read_file(const char* name) {
    FILE* stream = fopen(name, "r");
    if (!stream) return NULL;
    static char contents[1 << 16];
    size_t length = fread(contents, 1, sizeof contents - 1, stream);
    contents[length] = '\0';
    fclose(stream);
    return contents;
}

/* Each trace line after "@ [caller] " (or with no caller), in order. */
static int split_records(char* trace, char** records, int most) {
    int count = 0;
    for (char* line = strtok(trace, "\n"); line && count < most; line = strtok(NULL, "\n")) {
        if (line[0] == '@') {
            char* after = strstr(line, "] ");
            CHECK(after != NULL);
            line = after + 2;
        }
        records[count++] = line;
    }
    return count;
}

static void check_trace(void) {
    char name[] = "/tmp/lwp-mtrace-XXXXXX";
    int descriptor = mkstemp(name);
    CHECK(descriptor >= 0);
    close(descriptor);
    CHECK_EQ(setenv("MALLOC_TRACE", name, 1), 0);

    mtrace();
    char* a = malloc(10);
    uintptr_t at_a = (uintptr_t)a; /* addresses kept as numbers: compared after the frees */
    char* b = calloc(3, 7);
    uintptr_t at_b = (uintptr_t)b;
    kept = b;
    char* moved = realloc(a, 100);
    uintptr_t at_moved = (uintptr_t)moved;
    char* c = realloc(NULL, 5);
    uintptr_t at_c = (uintptr_t)c;
    kept = c;
    char* gone = realloc(c, 0);
    /* reallocarray is traced as the realloc it makes (glibc's calls
     * realloc); one that overflows allocates nothing and is not traced. */
    char* g = reallocarray(NULL, 3, 4);
    uintptr_t at_g = (uintptr_t)g;
    char* h = reallocarray(g, 10, 10);
    uintptr_t at_h = (uintptr_t)h;
    static volatile size_t half_of_everything = SIZE_MAX / 2; /* unknown to the compiler */
    errno = 0;
    void* overflowed = reallocarray(h, half_of_everything, 3);
    int overflow_errno = errno;
    free(h);
    void* d = memalign(64, 33);
    kept = d;
    uintptr_t at_d = (uintptr_t)d;
    void* e = NULL;
    int aligned = posix_memalign(&e, 128, 40);
    kept = e;
    uintptr_t at_e = (uintptr_t)e;
    void* f = malloc(1 << 20);
    kept = f;
    uintptr_t at_f = (uintptr_t)f;
    void* failed = realloc(b, (size_t)1 << 62); /* fails: b stays */
    free(moved);
    free((void*)at_b);
    free(d);
    free(e);
    free(f);
    free(NULL);
    muntrace();
    free(malloc(3)); /* after muntrace: not recorded */

    CHECK(at_moved != 0 && at_b != 0 && gone == NULL && at_d != 0 && aligned == 0 && at_e != 0 &&
          at_f != 0 && failed == NULL);
    CHECK(at_g != 0 && at_h != 0 && overflowed == NULL);
    CHECK_EQ(overflow_errno, ENOMEM);
    char* trace = read_file(name);
    CHECK(trace != NULL);
#ifdef CHECKING_AGAINST_GLIBC
    if (trace[0] == '\0') { /* no libc_malloc_debug.so: glibc's mtrace did nothing */
        unlink(name);
        return;
    }
#endif
    /* Every call line names its caller. */
    CHECK(strstr(trace, "\n@ ") != NULL);
    char* records[40];
    int count = split_records(trace, records, 40);
    char expected[23][64];
    int n = 0;
    snprintf(expected[n++], 64, "= Start");
    snprintf(expected[n++], 64, "+ %p 0xa", (void*)at_a);
    snprintf(expected[n++], 64, "+ %p 0x15", (void*)at_b);
    snprintf(expected[n++], 64, "< %p", (void*)at_a);
    snprintf(expected[n++], 64, "> %p 0x64", (void*)at_moved);
    snprintf(expected[n++], 64, "+ %p 0x5", (void*)at_c);
    snprintf(expected[n++], 64, "- %p", (void*)at_c);
    snprintf(expected[n++], 64, "+ %p 0xc", (void*)at_g);
    snprintf(expected[n++], 64, "< %p", (void*)at_g);
    snprintf(expected[n++], 64, "> %p 0x64", (void*)at_h);
    snprintf(expected[n++], 64, "- %p", (void*)at_h);
    snprintf(expected[n++], 64, "+ %p 0x21", (void*)at_d);
    snprintf(expected[n++], 64, "+ %p 0x28", (void*)at_e);
    snprintf(expected[n++], 64, "+ %p 0x100000", (void*)at_f);
    snprintf(expected[n++], 64, "! %p 0x4000000000000000", (void*)at_b);
    snprintf(expected[n++], 64, "- %p", (void*)at_moved);
    snprintf(expected[n++], 64, "- %p", (void*)at_b);
    snprintf(expected[n++], 64, "- %p", (void*)at_d);
    snprintf(expected[n++], 64, "- %p", (void*)at_e);
    snprintf(expected[n++], 64, "- %p", (void*)at_f);
    snprintf(expected[n++], 64, "= End");
    CHECK_EQ(count, n);
    for (int i = 0; i < n; ++i) CHECK_STREQ(records[i], expected[i]);
    unlink(name);

    /* Without MALLOC_TRACE, mtrace writes nothing anywhere. */
    CHECK_EQ(unsetenv("MALLOC_TRACE"), 0);
    mtrace();
    free(malloc(1));
    muntrace();
    CHECK(read_file(name) == NULL);
}

/* Runs malloc_stats with standard error sent to a file; its text. */
static char* stats_text(void) {
    char name[] = "/tmp/lwp-malloc-stats-XXXXXX";
    int file = mkstemp(name);
    CHECK(file >= 0);
    fflush(stderr);
    int saved = dup(2);
    CHECK(dup2(file, 2) == 2);
    malloc_stats();
    fflush(stderr);
    CHECK(dup2(saved, 2) == 2);
    close(saved);
    close(file);
    char* text = read_file(name);
    unlink(name);
    return text;
}

static void check_malloc_stats(void) {
    void* large = malloc(40 << 20); /* above glibc's largest mmap threshold */
    void* small = malloc(100);
    CHECK(large != NULL && small != NULL);
    kept = large;
    kept = small;
    char* text = stats_text();
    CHECK(text != NULL);
    CHECK(strncmp(text, "Arena 0:\nsystem bytes     = ", 28) == 0);
    char* total = strstr(text, "Total (incl. mmap):\n");
    CHECK(total != NULL);
    unsigned system_bytes, in_use, regions;
    unsigned long most_bytes;
    CHECK_EQ(sscanf(total,
                    "Total (incl. mmap):\nsystem bytes     = %10u\nin use bytes     = %10u\n"
                    "max mmap regions = %10u\nmax mmap bytes   = %10lu\n",
                    &system_bytes, &in_use, &regions, &most_bytes),
             4);
    /* The 40 MiB block has a mapping of its own in both libraries. */
    CHECK(regions >= 1);
    CHECK(most_bytes >= 40u << 20);
    CHECK(in_use >= (40u << 20) + 100);
    CHECK(system_bytes >= in_use);
    /* glibc's layout: every number right-aligned in ten columns. */
    CHECK(strstr(text, "in use bytes     = ") != NULL);
    CHECK(text[strlen(text) - 1] == '\n');
    free(large);
    free(small);
}

static size_t occurrences(const char* text, const char* word) {
    size_t count = 0;
    for (const char* at = strstr(text, word); at; at = strstr(at + 1, word)) ++count;
    return count;
}

static void check_malloc_info(void) {
    FILE* stream = tmpfile();
    CHECK(stream != NULL);
    errno = 0;
    CHECK_EQ(malloc_info(1, stream), EINVAL);
    CHECK_EQ(ftell(stream), 0);

    void* large = malloc(48 << 20);
    kept = large;
    void* blocks[20];
    for (int i = 0; i < 20; ++i) kept = blocks[i] = malloc(48);
    for (int i = 0; i < 20; i += 2) free(blocks[i]); /* some free blocks to list */
    CHECK_EQ(malloc_info(0, stream), 0);
    rewind(stream);
    static char text[1 << 16];
    size_t length = fread(text, 1, sizeof text - 1, stream);
    text[length] = '\0';
    fclose(stream);

    CHECK(strncmp(text, "<malloc version=\"1\">\n<heap nr=\"0\">\n<sizes>\n", 43) == 0);
    size_t heaps = occurrences(text, "<heap nr=");
    CHECK(heaps >= 1);
    CHECK_EQ(occurrences(text, "</heap>\n"), heaps);
    CHECK_EQ(occurrences(text, "</sizes>\n<total type=\"fast\" count=\""), heaps);
    /* Per heap: two totals, two system sizes, two or three aspaces; then
     * the whole process's, with the mmap total. */
    CHECK_EQ(occurrences(text, "<total type=\"rest\" count=\""), heaps + 1);
    CHECK_EQ(occurrences(text, "<system type=\"current\" size=\""), heaps + 1);
    CHECK_EQ(occurrences(text, "<system type=\"max\" size=\""), heaps + 1);
    CHECK(occurrences(text, "<size from=\"") >= 1);
    char* mmap_total = strstr(text, "<total type=\"mmap\" count=\"");
    CHECK(mmap_total != NULL);
    int mapped_count;
    size_t mapped_size;
    CHECK_EQ(sscanf(mmap_total, "<total type=\"mmap\" count=\"%d\" size=\"%zu\"/>", &mapped_count,
                    &mapped_size),
             2);
    CHECK(mapped_count >= 1);
    CHECK(mapped_size >= (size_t)48 << 20);
    const char* end = "<aspace type=\"mprotect\" size=\"";
    CHECK(strstr(mmap_total, end) != NULL);
    CHECK(length > 10 && strcmp(text + length - 10, "</malloc>\n") == 0);
    free(large);
    for (int i = 1; i < 20; i += 2) free(blocks[i]);
}

int main(int argc, char** argv) {
    (void)argc;
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc traces only with its debugging library preloaded. */
    const char* preloaded = getenv("LD_PRELOAD");
    if ((!preloaded || !strstr(preloaded, "libc_malloc_debug")) &&
        access(malloc_debug, R_OK) == 0) {
        setenv("LD_PRELOAD", malloc_debug, 1);
        execv("/proc/self/exe", argv);
    }
#else
    (void)argv;
#endif
    check_trace();
    check_malloc_stats();
    check_malloc_info();
    return 0;
}
