/* open_memstream: the caller's buffer and size follow each fflush and the
 * fclose (the size the smaller of the length written and the position, a
 * null byte after the contents), seeks and writes past the end work as on a
 * file, threads writing at once lose nothing, a fork child's writes stay its
 * own, and failures (bad arguments, no descriptor left, no memory for the
 * buffer) are reported without losing what the caller already has.
 * Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC memstream.c), which
 * skips the cases only lwp has: EINVAL for a null pointer, EMFILE (glibc
 * needs no descriptor for the stream), and no memory at the flush (glibc
 * needs it at the write). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

enum { writer_count = 4, lines_per_writer = 1000 };

static FILE* shared_stream;

static void* write_lines(void* argument) {
    int number = (int)(long)argument;
    for (int i = 0; i < lines_per_writer; ++i)
        CHECK(fprintf(shared_stream, "writer %d line %d\n", number, i) > 0);
    return NULL;
}

static void threads_lose_nothing(void) {
    char* buffer = NULL;
    size_t size = 0;
    shared_stream = open_memstream(&buffer, &size);
    CHECK(shared_stream != NULL);
    pthread_t writers[writer_count];
    for (long i = 0; i < writer_count; ++i)
        CHECK_EQ(pthread_create(&writers[i], NULL, write_lines, (void*)i), 0);
    for (int i = 0; i < writer_count; ++i) CHECK_EQ(pthread_join(writers[i], NULL), 0);
    CHECK_EQ(fclose(shared_stream), 0);
    /* Every line whole, and each writer's in its own order. */
    int next[writer_count] = {0};
    size_t lines = 0;
    for (char* line = buffer; line < buffer + size;) {
        char* end = strchr(line, '\n');
        CHECK(end != NULL);
        int number = -1, index = -1;
        CHECK_EQ(sscanf(line, "writer %d line %d", &number, &index), 2);
        CHECK(number >= 0 && number < writer_count);
        CHECK_EQ(index, next[number]);
        ++next[number];
        ++lines;
        line = end + 1;
    }
    CHECK_EQ(lines, (size_t)(writer_count * lines_per_writer));
    CHECK_EQ(buffer[size], '\0');
    free(buffer);
}

/* Each side writes and flushes while the other's copy is still open: the
 * parent first, right after the fork, then the child. */
static void fork_child_writes_stay_its_own(void) {
    char* buffer = NULL;
    size_t size = 0;
    FILE* stream = open_memstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK(fputs("before;", stream) >= 0);
    CHECK_EQ(fflush(stream), 0);
    int parent_done[2];
    CHECK_EQ(pipe(parent_done), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        char byte;
        CHECK_EQ(read(parent_done[0], &byte, 1), 1);
        CHECK(fputs("child;", stream) >= 0);
        CHECK_EQ(fflush(stream), 0);
        CHECK_EQ(strcmp(buffer, "before;child;"), 0);
        _exit(0);
    }
    CHECK(fputs("parent;", stream) >= 0);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(write(parent_done[1], "", 1), 1);
    int status = -1;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(fputs("after;", stream) >= 0);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(strcmp(buffer, "before;parent;after;"), 0);
    CHECK_EQ(size, strlen("before;parent;after;"));
    free(buffer);
    close(parent_done[0]);
    close(parent_done[1]);
}

#ifndef CHECKING_AGAINST_GLIBC
/* Bytes of virtual memory the process has now (from /proc/self/statm). */
static unsigned long long virtual_size(void) {
    FILE* statm = fopen("/proc/self/statm", "r");
    CHECK(statm != NULL);
    unsigned long long pages = 0;
    CHECK_EQ(fscanf(statm, "%llu", &pages), 1);
    CHECK_EQ(fclose(statm), 0);
    return pages * (unsigned long long)sysconf(_SC_PAGESIZE);
}

/* The caller's buffer is grown at each flush; when that fails, fflush says
 * so (ENOMEM, the error flag) and the caller keeps the last buffer it had;
 * once memory is back, the next flush brings everything. */
static void no_memory_keeps_the_last_buffer(void) {
    static char chunk[1 << 20];
    memset(chunk, 'm', sizeof chunk);
    char* buffer = NULL;
    size_t size = 0;
    FILE* stream = open_memstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK(fputs("small", stream) >= 0);
    CHECK_EQ(fflush(stream), 0);
    char* small = buffer;
    CHECK_EQ(size, (size_t)5);
    /* 64 MiB written, while at most 16 MiB more may be mapped. */
    struct rlimit before;
    CHECK_EQ(getrlimit(RLIMIT_AS, &before), 0);
    for (int i = 0; i < 64; ++i) CHECK_EQ(fwrite(chunk, 1, sizeof chunk, stream), sizeof chunk);
    struct rlimit tight = before;
    tight.rlim_cur = virtual_size() + (16u << 20);
    CHECK_EQ(setrlimit(RLIMIT_AS, &tight), 0);
    errno = 0;
    int flushed = fflush(stream);
    int error = errno;
    CHECK_EQ(setrlimit(RLIMIT_AS, &before), 0);
    CHECK_EQ(flushed, EOF);
    CHECK_EQ(error, ENOMEM);
    CHECK(ferror(stream));
    CHECK(buffer == small);
    CHECK_EQ(size, (size_t)5);
    CHECK_EQ(strcmp(buffer, "small"), 0);
    clearerr(stream);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)5 + 64 * sizeof chunk);
    CHECK_EQ(buffer[5], 'm');
    CHECK_EQ(buffer[size - 1], 'm');
    CHECK_EQ(buffer[size], '\0');
    CHECK_EQ(fclose(stream), 0);
    free(buffer);
}
#endif

/* The caller's pointer is set by fflush or fclose, not at the opening;
 * freopen flushes and fails, leaving the stream open for fclose (glibc's
 * tst-memstream4). */
static void freopen_flushes_and_fails(void) {
    char old[] = "old";
    char* buffer = old;
    size_t size = 99;
    FILE* stream = open_memstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fwide(stream, 0), -1);
    CHECK_EQ(fputs("new", stream), 1);
    CHECK(buffer == old);
    CHECK_EQ(size, (size_t)99);
    errno = 0;
    CHECK(freopen("/nonexistent/lwp-file", "r", stream) == NULL);
    CHECK_EQ(errno, 0);
    CHECK_EQ(size, (size_t)3);
    CHECK_EQ(strcmp(buffer, "new"), 0);
    CHECK_EQ(fputs("er", stream), 1);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, (size_t)5);
    CHECK_EQ(strcmp(buffer, "newer"), 0);
    free(buffer);
}

int main(void) {
    freopen_flushes_and_fails();
    char* buffer = NULL;
    size_t size = 0;

#ifndef CHECKING_AGAINST_GLIBC
    /* POSIX's optional EINVAL, which glibc does not give. */
    errno = 0;
    CHECK(open_memstream(NULL, &size) == NULL);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(open_memstream(&buffer, NULL) == NULL);
    CHECK_EQ(errno, EINVAL);
#endif

    FILE* stream = open_memstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fprintf(stream, "hello %d", 42), 8);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)8);
    CHECK_EQ(strcmp(buffer, "hello 42"), 0);

    CHECK(fputs(" world", stream) >= 0);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)14);
    CHECK_EQ(strcmp(buffer, "hello 42 world"), 0);
    CHECK_EQ(ftell(stream), 14L);

    /* Back to 6: the size is the position, the contents stay. */
    CHECK_EQ(fseek(stream, 6, SEEK_SET), 0);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)6);
    CHECK_EQ(memcmp(buffer, "hello ", 6), 0);
    CHECK_EQ(fwrite("HELLO", 1, 5, stream), (size_t)5);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)11);
    CHECK_EQ(memcmp(buffer, "hello HELLO", 11), 0);
    /* The end is the furthest byte ever written, as POSIX has it (and
     * musl); glibc instead ends the stream where it was last flushed. */
    CHECK_EQ(fseek(stream, 0, SEEK_END), 0);
    CHECK_EQ(fflush(stream), 0);
#ifndef CHECKING_AGAINST_GLIBC
    CHECK_EQ(size, (size_t)14);
    CHECK_EQ(strcmp(buffer, "hello HELLOrld"), 0);
#else
    CHECK(fputs("rld", stream) >= 0);
#endif

    /* Past the end: the gap reads as zeros. */
    CHECK_EQ(fseek(stream, 20, SEEK_SET), 0);
    CHECK_EQ(fputc('x', stream), 'x');
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, (size_t)21);
    for (int i = 14; i < 20; ++i) CHECK_EQ(buffer[i], '\0');
    CHECK_EQ(buffer[20], 'x');
    CHECK_EQ(buffer[21], '\0');

    /* Larger than any stdio buffer, in pieces of every size. */
    size_t expected = 21;
    for (int piece = 1; piece <= 600; ++piece) {
        char text[700];
        memset(text, 'a' + piece % 26, (size_t)piece);
        CHECK_EQ(fwrite(text, 1, (size_t)piece, stream), (size_t)piece);
        expected += (size_t)piece;
    }
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, expected);
    size_t at = 21;
    for (int piece = 1; piece <= 600; ++piece)
        for (int i = 0; i < piece; ++i) CHECK_EQ(buffer[at++], 'a' + piece % 26);
    CHECK_EQ(buffer[size], '\0');
    free(buffer);

    threads_lose_nothing();
    fork_child_writes_stay_its_own();

#ifndef CHECKING_AGAINST_GLIBC
    /* glibc grows its buffer as it is written, not at the flush. */
    no_memory_keeps_the_last_buffer();

    /* Each stream is a descriptor here: with none left, EMFILE, and nothing
     * kept. */
    struct rlimit limit;
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
    struct rlimit none = limit;
    none.rlim_cur = 3;
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &none), 0);
    errno = 0;
    buffer = NULL;
    CHECK(open_memstream(&buffer, &size) == NULL);
    CHECK_EQ(errno, EMFILE);
    CHECK(buffer == NULL);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
#endif

    printf("open_memstream: ok\n");
    return 0;
}
