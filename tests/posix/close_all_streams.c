/* fcloseall, as glibc's: despite the name it closes nothing. It writes out
 * every stream's output and leaves the streams that have been used (that
 * have an orientation) unbuffered, every stream byte-oriented, still open: what is written afterwards goes out at once, and
 * fclose still works. 0, or EOF with errno when some output could not be
 * written. Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC).
 * (mallopt, mcheck and its kin: malloc_options.c; open_wmemstream:
 * wide_memory_stream.c.) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* What the pipe holds now, without waiting, as a string. */
static const char* drained(int fd) {
    static char text[64];
    ssize_t got = read(fd, text, sizeof text - 1);
    if (got < 0) {
        CHECK_EQ(errno, EAGAIN);
        got = 0;
    }
    text[got] = '\0';
    return text;
}

/* What the file holds, read through a descriptor of its own. */
static const char* on_disk(const char* path) {
    static char text[64];
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t got = read(fd, text, sizeof text - 1);
    CHECK(got >= 0);
    text[got] = '\0';
    close(fd);
    return text;
}

int main(void) {
    /* stdout on a pipe, before its first use: fully buffered. */
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    CHECK_EQ(fcntl(pipe_ends[0], F_SETFL, O_NONBLOCK), 0);
    CHECK_EQ(dup2(pipe_ends[1], 1), 1);

    char path[] = "/tmp/lwp-fcloseall-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    FILE* file = fopen(path, "w");
    CHECK(file != NULL);

    CHECK(fputs("abc", file) >= 0);
    CHECK_EQ(printf("x"), 1);
    CHECK(strcmp(on_disk(path), "") == 0);
    CHECK(strcmp(drained(pipe_ends[0]), "") == 0);

    CHECK_EQ(fcloseall(), 0);
    CHECK(strcmp(on_disk(path), "abc") == 0);
    CHECK(strcmp(drained(pipe_ends[0]), "x") == 0);

    /* Still open, now unbuffered. */
    CHECK(fputs("def", file) >= 0);
    CHECK(strcmp(on_disk(path), "abcdef") == 0);
    CHECK_EQ(printf("y"), 1);
    CHECK(strcmp(drained(pipe_ends[0]), "y") == 0);
    CHECK_EQ(fclose(file), 0);
    CHECK(strcmp(on_disk(path), "abcdef") == 0);
    unlink(path);

    /* A stream is used once it has an orientation; fcloseall leaves an
     * unused one buffered, and every one byte-oriented for good. (What a
     * stream that was wide-oriented does afterwards is not looked at: in
     * glibc its byte output goes astray.) */
    char second_path[] = "/tmp/lwp-fcloseall-XXXXXX";
    int second_fd = mkstemp(second_path);
    CHECK(second_fd >= 0);
    close(second_fd);
    FILE* wide = tmpfile();
    FILE* unused = fopen(second_path, "w");
    CHECK(wide != NULL && unused != NULL);
    CHECK_EQ(fwide(wide, 1), 1);
    CHECK_EQ(fwide(unused, 0), 0);
    CHECK_EQ(fcloseall(), 0);
    CHECK_EQ(fwide(wide, 0), -1);
    CHECK_EQ(fwide(unused, 0), -1);
    CHECK_EQ(fwide(stdout, 0), -1);
    CHECK_EQ(fputwc(L'w', wide), WEOF);
    CHECK_EQ(fputwc(L'w', unused), WEOF);
    CHECK(fputs("later", unused) >= 0);
    CHECK(strcmp(on_disk(second_path), "") == 0); /* still buffered */
    CHECK_EQ(fclose(unused), 0);
    CHECK(strcmp(on_disk(second_path), "later") == 0);
    fclose(wide);
    unlink(second_path);

    /* Output that cannot be written: EOF, errno from the write. */
    FILE* full = fopen("/dev/full", "w");
    if (full != NULL) {
        CHECK(fputs("lost", full) >= 0);
        errno = 0;
        CHECK_EQ(fcloseall(), EOF);
        CHECK_EQ(errno, ENOSPC);
        fclose(full);
    }
    return 0;
}
