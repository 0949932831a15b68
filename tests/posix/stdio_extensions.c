/* <stdio_ext.h>: __fbufsize __fpending __flbf __freadable __fwritable
 * __freading __fwriting __fpurge _flushlbf __fsetlocking (and BSD's fpurge,
 * which lwp also has), asked of streams in known states.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC); where lwp answers
 * differently (locking stays its own) the test says so. */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

#ifndef CHECKING_AGAINST_GLIBC
int fpurge(FILE* stream); /* BSD's; glibc has only __fpurge */
#endif

static char path[] = "/tmp/lwp_stdio_extXXXXXX";

static long file_size(void) {
    FILE* file = fopen(path, "r");
    CHECK(file != NULL);
    CHECK_EQ(fseek(file, 0, SEEK_END), 0);
    long size = ftell(file);
    CHECK_EQ(fclose(file), 0);
    return size;
}

static void write_only(void) {
    FILE* file = fopen(path, "w");
    CHECK(file != NULL);
    CHECK(__fwritable(file) != 0);
    CHECK(__freadable(file) == 0);
    CHECK(__fwriting(file) != 0); /* write-only: always */
    CHECK(__freading(file) == 0);
    CHECK_EQ(fputs("hello", file) >= 0, 1);
    CHECK_EQ(__fpending(file), 5);
    CHECK(__fbufsize(file) > 5);
    CHECK(__flbf(file) == 0);
    /* Purged: the bytes never reach the file. */
    __fpurge(file);
    CHECK_EQ(__fpending(file), 0);
    CHECK_EQ(fputs("kept", file) >= 0, 1);
    CHECK_EQ(fclose(file), 0);
    CHECK_EQ(file_size(), 4);
}

static void read_only(void) {
    FILE* file = fopen(path, "r");
    CHECK(file != NULL);
    CHECK(__freadable(file) != 0);
    CHECK(__fwritable(file) == 0);
    CHECK(__freading(file) != 0); /* read-only: always */
    CHECK(__fwriting(file) == 0);
    CHECK_EQ(__fpending(file), 0);
    CHECK_EQ(fgetc(file), 'k');
    CHECK(__fbufsize(file) > 0); /* its read buffer */
    /* The rest was read ahead with the first byte: purged, it is gone. */
    __fpurge(file);
    CHECK_EQ(fgetc(file), EOF);
    CHECK(feof(file));
    CHECK_EQ(fclose(file), 0);

    /* An ungetc byte goes too. */
    file = fopen(path, "r");
    CHECK(file != NULL);
    CHECK_EQ(ungetc('z', file), 'z');
    __fpurge(file);
    CHECK_EQ(fgetc(file), 'k'); /* nothing was read ahead: the file's first byte */
    CHECK_EQ(fclose(file), 0);
}

static void both_ways(void) {
    FILE* file = fopen(path, "w+");
    CHECK(file != NULL);
    CHECK(__freadable(file) != 0);
    CHECK(__fwritable(file) != 0);
    CHECK_EQ(fputs("abcdef", file) >= 0, 1);
    CHECK(__fwriting(file) != 0);
    CHECK(__freading(file) == 0);
    CHECK_EQ(__fpending(file), 6);
    rewind(file); /* writes the bytes out */
    CHECK_EQ(__fpending(file), 0);
    CHECK_EQ(fgetc(file), 'a');
    CHECK(__freading(file) != 0);
    CHECK(__fwriting(file) == 0);
    CHECK_EQ(fclose(file), 0);
}

/* __freading and __fwriting of a stream open both ways follow glibc's
 * "last operation" (glibc's libio/tst-ext): neither before any call;
 * writing from an output call on, through a fflush and past the buffer's
 * being written out, until a read or a seek; reading after those, even a
 * read that found the end, and after an ungetc or setvbuf on a stream
 * with no output yet. */
#define EXPECT_STATE(file, reading, writing)          \
    do {                                              \
        CHECK_EQ(__freading(file) != 0, (reading));   \
        CHECK_EQ(__fwriting(file) != 0, (writing));   \
    } while (0)

static void last_operation(void) {
    char line_of_two[2];
    static const char* const modes[] = {"w+", "r+", "a+"};
    for (int m = 0; m < 3; ++m) {
        FILE* file = fopen(path, modes[m]);
        CHECK(file != NULL);
        EXPECT_STATE(file, 0, 0);
        CHECK_EQ(fputs("hello world", file) >= 0, 1);
        EXPECT_STATE(file, 0, 1);
        CHECK_EQ(fflush(file), 0);
        EXPECT_STATE(file, 0, 1); /* still the last operation */
        CHECK_EQ(ftell(file) >= 11, 1); /* asking the position changes nothing */
        EXPECT_STATE(file, 0, 1);
        rewind(file);
        EXPECT_STATE(file, 1, 0);
        char line[64];
        CHECK(fgets(line, sizeof line, file) != NULL); /* to the end */
        CHECK(feof(file));
        EXPECT_STATE(file, 1, 0);
        CHECK_EQ(fseek(file, 0, SEEK_SET), 0);
        CHECK_EQ(fputc('H', file), 'H');
        EXPECT_STATE(file, 0, 1);
        __fpurge(file); /* the output is dropped, the state stays */
        EXPECT_STATE(file, 0, 1);
        CHECK_EQ(fgetc(file), 'h'); /* a read switches */
        EXPECT_STATE(file, 1, 0);
        CHECK_EQ(fseek(file, 0, SEEK_END), 0);
        CHECK_EQ(fgetc(file), EOF); /* a read at the end too */
        EXPECT_STATE(file, 1, 0);
        CHECK_EQ(fclose(file), 0);
    }

    /* Unbuffered and line buffered: the bytes go out at once, and the
     * stream is still writing. */
    FILE* file = fopen(path, "w+");
    CHECK(file != NULL);
    CHECK_EQ(setvbuf(file, NULL, _IONBF, 0), 0);
    EXPECT_STATE(file, 1, 0); /* glibc's setvbuf gives it its buffer */
    CHECK_EQ(fputc('u', file), 'u');
    CHECK_EQ(__fpending(file), 0);
    EXPECT_STATE(file, 0, 1);
    CHECK_EQ(setvbuf(file, NULL, _IOLBF, 0), 0);
    EXPECT_STATE(file, 0, 1); /* setvbuf leaves it writing */
    CHECK_EQ(fputs("line\n", file) >= 0, 1);
    CHECK_EQ(__fpending(file), 0);
    EXPECT_STATE(file, 0, 1);
    CHECK_EQ(fclose(file), 0);

    /* A seek or an ungetc before any other call. */
    file = fopen(path, "r+");
    CHECK(file != NULL);
    CHECK_EQ(fseek(file, 1, SEEK_SET), 0);
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);
    file = fopen(path, "r+");
    CHECK(file != NULL);
    CHECK_EQ(ungetc('x', file), 'x');
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);

    /* Calls that write nothing change nothing. */
    file = fopen(path, "r+");
    CHECK(file != NULL);
    rewind(file);
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fputs("", file), 1);
    CHECK_EQ(fwrite("x", 1, 0, file), 0);
    EXPECT_STATE(file, 1, 0);
    /* Unbuffered, fread goes straight to the file, past what ends the
     * writing state in glibc: still writing after output and a fflush. */
    CHECK_EQ(setvbuf(file, NULL, _IONBF, 0), 0);
    CHECK_EQ(fputc('w', file), 'w');
    CHECK_EQ(fflush(file), 0);
    CHECK_EQ(fread(line_of_two, 1, 2, file), 2);
    EXPECT_STATE(file, 0, 1);
    CHECK(memcmp(line_of_two, "li", 2) == 0); /* the file holds "wline\n" */
    CHECK_EQ(fgetc(file), 'n'); /* a fgetc does end it */
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);

    /* A seek that fails sets a new stream up for reading all the same,
     * unless setvbuf(_IOFBF) gave it its buffer first. */
    file = fopen(path, "r+");
    CHECK(file != NULL);
    errno = 0;
    CHECK_EQ(fseek(file, -5, SEEK_SET), -1);
    CHECK_EQ(errno, EINVAL);
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);
    file = fopen(path, "r+");
    CHECK(file != NULL);
    CHECK_EQ(setvbuf(file, NULL, _IOFBF, 0), 0);
    EXPECT_STATE(file, 0, 0);
    CHECK_EQ(fseek(file, -5, SEEK_SET), -1);
    EXPECT_STATE(file, 0, 0);
    CHECK_EQ(fseek(file, 0, SEEK_SET), 0);
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);
    /* An ungetc on a new stream makes it reading until __fpurge. */
    file = fopen(path, "r+");
    CHECK(file != NULL);
    CHECK_EQ(ungetc('p', file), 'p');
    EXPECT_STATE(file, 1, 0);
    __fpurge(file);
    EXPECT_STATE(file, 0, 0);
    CHECK_EQ(fclose(file), 0);

    /* A stream on memory follows the same rule. */
    char memory[32];
    file = fmemopen(memory, sizeof memory, "w+");
    CHECK(file != NULL);
    EXPECT_STATE(file, 0, 0);
    CHECK_EQ(fputs("abc", file) >= 0, 1);
    EXPECT_STATE(file, 0, 1);
    rewind(file);
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fgetc(file), 'a');
    EXPECT_STATE(file, 1, 0);
    CHECK_EQ(fclose(file), 0);
}

static void buffering(void) {
    FILE* file = fopen(path, "w");
    CHECK(file != NULL);
    static char buffer[100];
    CHECK_EQ(setvbuf(file, buffer, _IOFBF, sizeof buffer), 0);
    CHECK_EQ(fputc('x', file), 'x');
    CHECK_EQ(__fbufsize(file), sizeof buffer);
    CHECK(__flbf(file) == 0);
    CHECK_EQ(setvbuf(file, NULL, _IOLBF, 0), 0);
    CHECK(__flbf(file) != 0);
    /* _flushlbf writes out what line-buffered streams hold. */
    CHECK_EQ(fputs("no newline yet", file) >= 0, 1);
    CHECK(__fpending(file) > 0);
    _flushlbf();
    CHECK_EQ(__fpending(file), 0);
    CHECK(file_size() > 0);
    CHECK_EQ(fclose(file), 0);
}

static void standard_streams(void) {
    CHECK(__freadable(stdin) != 0);
    CHECK(__fwritable(stdin) == 0);
    CHECK(__fwritable(stdout) != 0);
    CHECK(__freadable(stdout) == 0);
    CHECK(__fwritable(stderr) != 0);
    CHECK_EQ(__fpending(stderr), 0); /* written out at the end of every call */
}

static void locking(void) {
    FILE* file = fopen(path, "w");
    CHECK(file != NULL);
    CHECK_EQ(__fsetlocking(file, FSETLOCKING_QUERY), FSETLOCKING_INTERNAL);
    CHECK_EQ(__fsetlocking(file, FSETLOCKING_BYCALLER), FSETLOCKING_INTERNAL);
#ifdef CHECKING_AGAINST_GLIBC
    CHECK_EQ(__fsetlocking(file, FSETLOCKING_QUERY), FSETLOCKING_BYCALLER);
    CHECK_EQ(__fsetlocking(file, FSETLOCKING_INTERNAL), FSETLOCKING_BYCALLER);
#else
    /* lwp's streams always lock for themselves (docs/libc.md). */
    CHECK_EQ(__fsetlocking(file, FSETLOCKING_QUERY), FSETLOCKING_INTERNAL);
#endif
    /* Whatever the setting, a caller that locks for itself is served. */
    flockfile(file);
    CHECK_EQ(fputs_unlocked("locked by the caller", file) >= 0, 1);
    funlockfile(file);
    CHECK_EQ(fclose(file), 0);
    CHECK_EQ(file_size(), 20);
}

#ifndef CHECKING_AGAINST_GLIBC
static void bsd_purge(void) {
    FILE* file = fopen(path, "w");
    CHECK(file != NULL);
    CHECK_EQ(fputs("gone", file) >= 0, 1);
    CHECK_EQ(fpurge(file), 0);
    CHECK_EQ(__fpending(file), 0);
    CHECK_EQ(fclose(file), 0);
    CHECK_EQ(file_size(), 0);
}
#endif

int main(void) {
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
    write_only();
    read_only();
    both_ways();
    last_operation();
    buffering();
    standard_streams();
    locking();
#ifndef CHECKING_AGAINST_GLIBC
    bsd_purge();
#endif
    CHECK_EQ(unlink(path), 0);
    return 0;
}
