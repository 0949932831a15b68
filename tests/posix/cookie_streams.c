/* fopencookie and fmemopen: streams whose bytes go through the program's
 * functions, and fmemopen's stream on a buffer, built on them.
 *
 * fopencookie: a recording cookie shows when each function is called and
 * with what (output buffered until a flush and then handed over in one
 * call, reads of a buffer's worth, seeks with the read-ahead taken back,
 * the close function's result returned by fclose), what a short or failed
 * write, read or seek does to the flags and the answers, what missing
 * functions do (glibc's answers: a read or write failure with the error
 * flag and errno untouched, ftell's EIO), the modes, fileno's EBADF,
 * fflush(NULL), exit's write-out (in a child), unbuffered streams, ungetc,
 * threads writing whole lines at once, and freopen (the cookie closed, the
 * stream a file's; lwp only: glibc's crashes).
 *
 * fmemopen: every mode's start (contents, position), reads stopping at the
 * end, writes reaching the buffer at fflush with the NUL after them, what
 * does not fit (ENOSPC, the last byte made a NUL), appending at the first
 * NUL, seeks within the size only (EINVAL), a buffer of its own, a size of
 * 0, bad modes and buffers (EINVAL).
 *
 * Every other case passes against glibc too (cc -DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* A cookie that keeps what is written in memory and records the calls. */
struct recorder {
    char data[65536];
    size_t length;
    long position;
    int reads, writes, seeks, closes;
    size_t last_read_request, last_write_count;
    int last_whence;
    long last_offset;
    ssize_t write_limit; /* at most this many bytes taken per write; -1: all */
    int write_error;     /* errno of a failing write (write_limit 0 and -1) */
    int fail_writes;     /* return -1 */
    int seek_refuses;    /* errno the seek fails with, or 0 */
    int close_result;
};

static ssize_t recorder_read(void* cookie, char* into, size_t count) {
    struct recorder* r = cookie;
    r->reads++;
    r->last_read_request = count;
    size_t left = r->position < (long)r->length ? r->length - (size_t)r->position : 0;
    if (count > left) count = left;
    memcpy(into, r->data + r->position, count);
    r->position += (long)count;
    return (ssize_t)count;
}

static ssize_t recorder_write(void* cookie, const char* bytes, size_t count) {
    struct recorder* r = cookie;
    r->writes++;
    r->last_write_count = count;
    if (r->fail_writes) {
        errno = r->write_error;
        return -1;
    }
    if (r->write_limit >= 0 && count > (size_t)r->write_limit) count = (size_t)r->write_limit;
    memcpy(r->data + r->position, bytes, count);
    r->position += (long)count;
    if ((size_t)r->position > r->length) r->length = (size_t)r->position;
    if (count == 0) errno = r->write_error;
    return (ssize_t)count;
}

static int recorder_seek(void* cookie, off64_t* offset, int whence) {
    struct recorder* r = cookie;
    r->seeks++;
    r->last_whence = whence;
    r->last_offset = (long)*offset;
    if (r->seek_refuses) {
        errno = r->seek_refuses;
        return -1;
    }
    long base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? r->position : (long)r->length;
    if (base + *offset < 0) {
        errno = EINVAL;
        return -1;
    }
    r->position = base + (long)*offset;
    *offset = r->position;
    return 0;
}

static int recorder_close(void* cookie) {
    struct recorder* r = cookie;
    r->closes++;
    return r->close_result;
}

static const cookie_io_functions_t recorder_functions = {recorder_read, recorder_write,
                                                         recorder_seek, recorder_close};

static struct recorder* new_recorder(const char* contents) {
    struct recorder* r = calloc(1, sizeof *r);
    CHECK(r != NULL);
    r->write_limit = -1;
    r->length = strlen(contents);
    memcpy(r->data, contents, r->length);
    return r;
}

static void output_is_buffered_then_handed_over_once(void) {
    struct recorder* r = new_recorder("");
    FILE* f = fopencookie(r, "w", recorder_functions);
    CHECK(f != NULL);
    CHECK_EQ(fputs("hello, ", f), 1);
    CHECK_EQ(fprintf(f, "%s %d", "world", 42), 8);
    CHECK_EQ(r->writes, 0);
    CHECK_EQ(ftell(f), 15); /* the cookie's position (0) plus what waits */
    CHECK_EQ(r->last_whence, SEEK_CUR);
    CHECK_EQ(fflush(f), 0);
    CHECK_EQ(r->writes, 1);
    CHECK_EQ(r->last_write_count, 15);
    CHECK_EQ(r->length, 15);
    CHECK(memcmp(r->data, "hello, world 42", 15) == 0);
    /* No descriptor behind it. */
    errno = 0;
    CHECK_EQ(fileno(f), -1);
    CHECK_EQ(errno, EBADF);
    /* fclose writes out what waits, then closes, and returns its result. */
    CHECK_EQ(fputc('!', f), '!');
    r->close_result = 45;
    CHECK_EQ(fclose(f), 45);
    CHECK_EQ(r->writes, 2);
    CHECK_EQ(r->closes, 1);
    CHECK_EQ(r->length, 16);
    free(r);
}

static void reads_and_seeks(void) {
    struct recorder* r = new_recorder("line one\nline two\n");
    FILE* f = fopencookie(r, "r", recorder_functions);
    CHECK(f != NULL);
    char line[64];
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STREQ(line, "line one\n");
    /* One read for a buffer's worth took everything. */
    CHECK_EQ(r->reads, 1);
    CHECK(r->last_read_request >= 18);
    /* The position takes back what was read ahead. */
    CHECK_EQ(ftell(f), 9);
    CHECK_EQ(r->position, 18);
    /* A relative seek does too. */
    CHECK_EQ(fseek(f, 1, SEEK_CUR), 0);
    CHECK_EQ(r->last_whence, SEEK_CUR);
    CHECK_EQ(r->last_offset, 1 - 9);
    CHECK_EQ(r->position, 10);
    CHECK_EQ(fgetc(f), 'i');
    /* ungetc, then the end: the end flag, and no more read calls once it is
     * set. */
    CHECK_EQ(ungetc('I', f), 'I');
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STREQ(line, "Ine two\n");
    CHECK_EQ(fgetc(f), EOF);
    CHECK(feof(f));
    CHECK(!ferror(f));
    int reads = r->reads;
    CHECK_EQ(fgetc(f), EOF);
    CHECK_EQ(r->reads, reads);
    /* rewind and fseek from the end clear it. */
    rewind(f);
    CHECK(!feof(f));
    CHECK_EQ(r->last_whence, SEEK_SET);
    CHECK_EQ(fgetc(f), 'l');
    CHECK_EQ(fseek(f, -4, SEEK_END), 0);
    CHECK_EQ(r->last_whence, SEEK_END);
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STREQ(line, "two\n");
    /* fgetpos and fsetpos go through the seek function too. */
    fpos_t position;
    CHECK_EQ(fseek(f, 5, SEEK_SET), 0);
    CHECK_EQ(fgetpos(f, &position), 0);
    CHECK_EQ(fgetc(f), 'o');
    CHECK_EQ(fsetpos(f, &position), 0);
    CHECK_EQ(fgetc(f), 'o');
    /* A refused seek: -1, errno the function's, the stream still reads. */
    r->seek_refuses = ESPIPE;
    errno = 0;
    CHECK_EQ(fseek(f, 0, SEEK_SET), -1);
    CHECK_EQ(errno, ESPIPE);
    errno = 0;
    CHECK_EQ(ftell(f), -1);
    CHECK_EQ(errno, ESPIPE);
    /* Writing to a read-only stream: EBADF and the error flag. */
    errno = 0;
    CHECK_EQ(fputc('x', f), EOF);
    CHECK_EQ(errno, EBADF);
    CHECK(ferror(f));
    CHECK_EQ(r->writes, 0);
    CHECK_EQ(fclose(f), 0);
    CHECK_EQ(r->closes, 1);
    free(r);
}

/* fflush of a stream that read ahead moves the cookie back over what was
 * not handed out; a refusal fails the fflush unless it says ESPIPE. */
static void fflush_gives_back_read_ahead(void) {
    struct recorder* r = new_recorder("abcdefgh");
    FILE* f = fopencookie(r, "r+", recorder_functions);
    CHECK(f != NULL);
    CHECK_EQ(fgetc(f), 'a');
    CHECK_EQ(r->position, 8);
    CHECK_EQ(fflush(f), 0);
    CHECK_EQ(r->last_whence, SEEK_CUR);
    CHECK_EQ(r->last_offset, -7);
    CHECK_EQ(r->position, 1);
    /* Writing now goes where reading stopped. */
    CHECK_EQ(fputs("XY", f), 1);
    CHECK_EQ(fflush(f), 0);
    CHECK(memcmp(r->data, "aXYdefgh", 8) == 0);
    CHECK_EQ(fseek(f, 0, SEEK_CUR), 0);
    CHECK_EQ(fgetc(f), 'd');
    r->seek_refuses = ESPIPE;
    CHECK_EQ(fflush(f), 0);
    r->seek_refuses = EINVAL;
    errno = 0;
    CHECK_EQ(fflush(f), EOF);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fclose(f), 0);
    free(r);
}

static void failed_and_short_writes(void) {
    struct recorder* r = new_recorder("");
    FILE* f = fopencookie(r, "w", recorder_functions);
    CHECK(f != NULL);
    /* Fewer bytes taken than given: fflush fails, the error flag is set,
     * errno is the function's, and the rest is dropped. */
    r->write_limit = 3;
    r->write_error = EFBIG;
    CHECK_EQ(fputs("abcdef", f), 1);
    errno = 0;
    CHECK_EQ(fflush(f), EOF);
    CHECK(ferror(f));
    CHECK_EQ(r->length, 3);
    r->write_limit = -1;
    CHECK_EQ(fflush(f), 0); /* nothing left to write */
    CHECK_EQ(r->writes, 1);
    clearerr(f);
    /* -1 from the function. */
    r->fail_writes = 1;
    r->write_error = ENOSPC;
    CHECK_EQ(fputs("gh", f), 1);
    errno = 0;
    CHECK_EQ(fclose(f), EOF);
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(r->closes, 1);
    CHECK_EQ(r->length, 3);
    free(r);
}

/* Missing functions, as glibc treats them. */
static void missing_functions(void) {
    cookie_io_functions_t none = {NULL, NULL, NULL, NULL};
    FILE* f = fopencookie(NULL, "r+", none);
    CHECK(f != NULL);
    /* A read fails: EOF, the error flag, errno untouched. */
    errno = 0;
    CHECK_EQ(fgetc(f), EOF);
    CHECK(ferror(f));
    CHECK(!feof(f));
    CHECK_EQ(errno, 0);
    /* A seek fails, errno untouched; ftell says EIO then. */
    errno = 0;
    CHECK_EQ(fseek(f, 0, SEEK_SET), -1);
    CHECK_EQ(errno, 0);
    CHECK_EQ(ftell(f), -1);
    CHECK_EQ(errno, EIO);
    errno = ENOTTY;
    CHECK_EQ(ftell(f), -1);
    CHECK_EQ(errno, ENOTTY);
    /* Output is buffered, then its flush fails. */
    clearerr(f);
    CHECK_EQ(fputs("lost", f), 1);
    CHECK(!ferror(f));
    errno = 0;
    CHECK_EQ(fflush(f), EOF);
    CHECK(ferror(f));
    CHECK_EQ(errno, 0);
    /* Closing without a close function succeeds. */
    CHECK_EQ(fclose(f), 0);
    f = fopencookie(NULL, "w", none);
    CHECK(f != NULL);
    CHECK_EQ(fputs("lost", f), 1);
    CHECK_EQ(fclose(f), EOF); /* the write-out failed */
}

static void modes(void) {
    struct recorder* r = new_recorder("data");
    errno = 0;
    CHECK(fopencookie(r, "x", recorder_functions) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK(fopencookie(r, "", recorder_functions) == NULL);
    /* "w": reading is EBADF. */
    FILE* f = fopencookie(r, "w", recorder_functions);
    errno = 0;
    CHECK_EQ(fgetc(f), EOF);
    CHECK_EQ(errno, EBADF);
    CHECK(ferror(f));
    CHECK_EQ(r->reads, 0);
    CHECK_EQ(fclose(f), 0);
    /* "+" right after the letter or after a "b": both ways. */
    const char* both[] = {"r+", "rb+", "w+", "wb+", "a+", "r+b", "r+x"};
    for (size_t i = 0; i < sizeof both / sizeof *both; ++i) {
        r->position = 0;
        f = fopencookie(r, both[i], recorder_functions);
        CHECK(f != NULL);
        CHECK_EQ(fgetc(f), 'd');
        CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
        CHECK_EQ(fputc('D', f), 'D');
        CHECK_EQ(fclose(f), 0);
        CHECK_EQ(r->data[0], 'D');
        r->data[0] = 'd';
    }
    /* Anywhere else it is ignored: read only. */
    f = fopencookie(r, "rx+", recorder_functions);
    errno = 0;
    CHECK_EQ(fputc('x', f), EOF);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(fclose(f), 0);
    /* "a": ftell answers from the end while output waits. */
    r->position = 0;
    f = fopencookie(r, "a", recorder_functions);
    CHECK_EQ(ftell(f), 0);
    CHECK_EQ(fputs("xy", f), 1);
    CHECK_EQ(ftell(f), 6);
    CHECK_EQ(r->last_whence, SEEK_END);
    CHECK_EQ(fclose(f), 0);
    free(r);
}

/* An unbuffered stream hands over each call's bytes at its end. */
static void unbuffered(void) {
    struct recorder* r = new_recorder("");
    FILE* f = fopencookie(r, "w", recorder_functions);
    CHECK_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
    CHECK_EQ(fputs("one", f), 1);
    CHECK_EQ(r->length, 3);
    CHECK_EQ(fprintf(f, "%d", 2), 1);
    CHECK_EQ(r->length, 4);
    CHECK_EQ(fclose(f), 0);
    CHECK(memcmp(r->data, "one2", 4) == 0);
    free(r);
}

/* More than a buffer's worth arrives whole, and fflush(NULL) writes out
 * cookie streams with the others. */
static void large_writes_and_fflush_all(void) {
    struct recorder* r = new_recorder("");
    FILE* f = fopencookie(r, "w", recorder_functions);
    static char block[20000];
    for (size_t i = 0; i < sizeof block; ++i) block[i] = (char)('a' + i % 26);
    CHECK_EQ(fwrite("<", 1, 1, f), 1);
    CHECK_EQ(fwrite(block, 1, sizeof block, f), sizeof block);
    CHECK_EQ(fwrite(">", 1, 1, f), 1);
    CHECK_EQ(fflush(NULL), 0);
    CHECK_EQ(r->length, sizeof block + 2);
    CHECK(r->data[0] == '<' && memcmp(r->data + 1, block, sizeof block) == 0 &&
          r->data[sizeof block + 1] == '>');
    CHECK_EQ(fclose(f), 0);
    free(r);
}

/* exit writes out a cookie stream's output (and does not close it). */
static ssize_t write_to_pipe(void* cookie, const char* bytes, size_t count) {
    return write(*(int*)cookie, bytes, count);
}

static void exit_writes_out(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        cookie_io_functions_t functions = {NULL, write_to_pipe, NULL, NULL};
        FILE* f = fopencookie(&ends[1], "w", functions);
        if (f == NULL || fputs("written at exit", f) < 0) _exit(2);
        exit(0);
    }
    close(ends[1]);
    char got[64];
    read_to_end(ends[0], got, sizeof got);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_STREQ(got, "written at exit");
}

/* Threads writing at once: each fprintf's line arrives whole. */
enum { writer_count = 4, lines_per_writer = 500 };
static FILE* shared_stream;

static void* write_lines(void* argument) {
    for (int i = 0; i < lines_per_writer; ++i)
        CHECK(fprintf(shared_stream, "writer %ld line %d\n", (long)argument, i) > 0);
    return NULL;
}

static void threads_write_whole_lines(void) {
    struct recorder* r = new_recorder("");
    shared_stream = fopencookie(r, "w", recorder_functions);
    pthread_t writers[writer_count];
    for (long i = 0; i < writer_count; ++i)
        CHECK_EQ(pthread_create(&writers[i], NULL, write_lines, (void*)i), 0);
    for (int i = 0; i < writer_count; ++i) CHECK_EQ(pthread_join(writers[i], NULL), 0);
    CHECK_EQ(fclose(shared_stream), 0);
    int next[writer_count] = {0};
    int lines = 0;
    r->data[r->length] = '\0';
    for (char* line = r->data; *line != '\0';) {
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
    CHECK_EQ(lines, writer_count * lines_per_writer);
    free(r);
}

/* freopen closes the cookie (its close function) and makes the stream a
 * file's. Not against glibc: its freopen of a cookie stream reads the
 * wide-character state such a stream never had, and crashes (or leaves the
 * cookie unclosed: it marks the stream not to be closed, then fails to
 * move the new file onto the cookie's descriptor number, -2). */
#ifndef CHECKING_AGAINST_GLIBC
static void freopen_makes_a_file_stream(void) {
    struct recorder* r = new_recorder("");
    FILE* f = fopencookie(r, "w", recorder_functions);
    CHECK_EQ(fputs("flushed first", f), 1);
    char path[] = "/tmp/lwp-cookie-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    CHECK(freopen(path, "w+", f) == f);
    CHECK_EQ(r->closes, 1);
    CHECK_EQ(r->length, 13);
    CHECK(fileno(f) >= 0);
    CHECK_EQ(fputs("in the file", f), 1);
    rewind(f);
    char line[32];
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STREQ(line, "in the file");
    CHECK_EQ(fclose(f), 0);
    CHECK_EQ(r->closes, 1);
    CHECK_EQ(unlink(path), 0);
    free(r);
}
#endif

/* ---- fmemopen ---- */

static void fmemopen_read(void) {
    char buffer[] = "abc\0def";
    FILE* f = fmemopen(buffer, 7, "r");
    CHECK(f != NULL);
    /* The whole size is the contents, NULs included. */
    char got[16];
    CHECK_EQ(fread(got, 1, sizeof got, f), 7);
    CHECK(memcmp(got, "abc\0def", 7) == 0);
    CHECK(feof(f));
    CHECK_EQ(ftell(f), 7);
    CHECK_EQ(fseek(f, -3, SEEK_END), 0);
    CHECK_EQ(fgetc(f), 'd');
    CHECK_EQ(ftell(f), 5);
    /* Seeks within [0, size] only. */
    errno = 0;
    CHECK_EQ(fseek(f, 8, SEEK_SET), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(fseek(f, -1, SEEK_SET), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fseek(f, 7, SEEK_SET), 0);
    CHECK_EQ(fgetc(f), EOF);
    errno = 0;
    CHECK_EQ(fileno(f), -1);
    CHECK_EQ(errno, EBADF);
    /* Not open for writing. */
    CHECK_EQ(fputc('x', f), EOF);
    CHECK_EQ(fclose(f), 0);
    CHECK(memcmp(buffer, "abc\0def", 8) == 0);
}

static void fmemopen_write(void) {
    char buffer[8];
    memset(buffer, 'x', sizeof buffer);
    FILE* f = fmemopen(buffer, sizeof buffer, "w");
    CHECK(f != NULL);
    CHECK_EQ(fputs("abc", f), 1);
    CHECK_EQ(buffer[0], 'x'); /* buffered until a flush */
    CHECK_EQ(fflush(f), 0);
    CHECK(memcmp(buffer, "abc\0xxxx", 8) == 0); /* and a NUL after */
    CHECK_EQ(ftell(f), 3);
    /* A seek back and a shorter write leave the end where it was. */
    CHECK_EQ(fseek(f, 1, SEEK_SET), 0);
    CHECK_EQ(fputc('B', f), 'B');
    CHECK_EQ(fflush(f), 0);
    CHECK(memcmp(buffer, "aBc\0xxxx", 8) == 0);
    /* SEEK_END is from the end of the contents. */
    CHECK_EQ(fseek(f, 0, SEEK_END), 0);
    CHECK_EQ(ftell(f), 3);
    /* What does not fit is dropped, the last byte made a NUL, and the
     * write fails. */
    CHECK_EQ(fputs("defghij", f), 1);
    CHECK_EQ(fflush(f), EOF);
    CHECK(ferror(f));
    CHECK(memcmp(buffer, "aBcdefg\0", 8) == 0);
    CHECK_EQ(ftell(f), 8);
    /* Nothing fits now: ENOSPC. */
    clearerr(f);
    CHECK_EQ(fputc('k', f), 'k');
    errno = 0;
    CHECK_EQ(fflush(f), EOF);
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(fclose(f), 0);
    /* A write ending with its own NUL gets no other. */
    memset(buffer, 'x', sizeof buffer);
    f = fmemopen(buffer, sizeof buffer, "w");
    CHECK_EQ(fwrite("ab\0", 1, 3, f), 3);
    CHECK_EQ(fwrite("c", 1, 1, f), 1);
    CHECK_EQ(fclose(f), 0);
    CHECK(memcmp(buffer, "ab\0c\0xxx", 8) == 0);
    /* Formatted output into a buffer, snprintf's way. */
    char line[32];
    f = fmemopen(line, sizeof line, "w");
    CHECK(fprintf(f, "%s=%d;", "x", 12) > 0);
    CHECK(fprintf(f, "%.2f", 0.5) > 0);
    CHECK_EQ(fclose(f), 0);
    CHECK_STREQ(line, "x=12;0.50");
}

static void fmemopen_append_and_update(void) {
    char buffer[12] = "one";
    memset(buffer + 4, 'x', 8);
    /* "a": the position starts at the first NUL, and writes go at the end
     * wherever the position is. */
    FILE* f = fmemopen(buffer, sizeof buffer, "a");
    CHECK(f != NULL);
    CHECK_EQ(ftell(f), 3);
    CHECK_EQ(fputs(" two", f), 1);
    CHECK_EQ(fflush(f), 0);
    CHECK_STREQ(buffer, "one two");
    CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
    CHECK_EQ(fputs("!", f), 1);
    CHECK_EQ(fflush(f), 0);
    CHECK_STREQ(buffer, "one two!");
    CHECK_EQ(fclose(f), 0);
    /* Without a NUL, the contents are the whole size. */
    char full[4] = {'a', 'b', 'c', 'd'};
    f = fmemopen(full, sizeof full, "a+");
    CHECK_EQ(ftell(f), 4);
    CHECK_EQ(fputc('e', f), 'e');
    CHECK_EQ(fflush(f), EOF);
    CHECK_EQ(fclose(f), 0);
    CHECK(memcmp(full, "abcd", 4) == 0);
    /* "r+": read, then write over, the contents staying the whole size. */
    char text[] = "0123456789";
    f = fmemopen(text, 10, "r+");
    CHECK_EQ(fgetc(f), '0');
    CHECK_EQ(fseek(f, 0, SEEK_CUR), 0);
    CHECK_EQ(fputs("ab", f), 1);
    CHECK_EQ(fseek(f, 0, SEEK_END), 0);
    CHECK_EQ(ftell(f), 10);
    CHECK_EQ(fclose(f), 0);
    CHECK_STREQ(text, "0ab3456789");
    /* "w+" empties the buffer at once. */
    char old[8] = "old";
    f = fmemopen(old, sizeof old, "w+");
    CHECK_EQ(old[0], '\0');
    CHECK_EQ(fgetc(f), EOF);
    CHECK_EQ(fputs("new", f), 1);
    rewind(f);
    char got[8] = {0};
    CHECK_EQ(fread(got, 1, sizeof got, f), 3);
    CHECK_STREQ(got, "new");
    CHECK_EQ(fclose(f), 0);
}

static void fmemopen_own_buffer_and_errors(void) {
    /* A null buffer: the stream's own, empty, freed at fclose. */
    FILE* f = fmemopen(NULL, 16, "w+");
    CHECK(f != NULL);
    CHECK_EQ(fprintf(f, "%d-%d", 4, 2), 3);
    rewind(f);
    char got[8] = {0};
    CHECK(fgets(got, sizeof got, f) != NULL);
    CHECK_STREQ(got, "4-2");
    CHECK_EQ(fseek(f, 17, SEEK_SET), -1);
    CHECK_EQ(fclose(f), 0);
    /* A size of 0 is accepted (POSIX lets it be EINVAL; glibc accepts it):
     * nothing to read, no room to write. */
    char one = 'z';
    f = fmemopen(&one, 0, "r");
    CHECK(f != NULL);
    CHECK_EQ(fgetc(f), EOF);
    CHECK(feof(f));
    CHECK_EQ(ftell(f), 0);
    CHECK_EQ(fclose(f), 0);
    f = fmemopen(&one, 0, "w");
    CHECK_EQ(fputc('a', f), 'a');
    errno = 0;
    CHECK_EQ(fflush(f), EOF);
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(fclose(f), 0);
    CHECK_EQ(one, 'z');
    /* Bad modes, and a buffer running past the end of memory: EINVAL. */
    errno = 0;
    CHECK(fmemopen(&one, 1, "q") == NULL);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(fmemopen(NULL, 8, "") == NULL);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(fmemopen((void*)-16L, 32, "r") == NULL);
    CHECK_EQ(errno, EINVAL);
    /* Memory for the buffer runs out: ENOMEM. */
    errno = 0;
    CHECK(fmemopen(NULL, (size_t)-1, "w") == NULL);
    CHECK_EQ(errno, ENOMEM);
}

int main(void) {
    output_is_buffered_then_handed_over_once();
    reads_and_seeks();
    fflush_gives_back_read_ahead();
    failed_and_short_writes();
    missing_functions();
    modes();
    unbuffered();
    large_writes_and_fflush_all();
    exit_writes_out();
    threads_write_whole_lines();
#ifndef CHECKING_AGAINST_GLIBC
    freopen_makes_a_file_stream();
#endif
    fmemopen_read();
    fmemopen_write();
    fmemopen_append_and_update();
    fmemopen_own_buffer_and_errors();
    return 0;
}
