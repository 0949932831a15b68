/* <stdio_ext.h>: __fbufsize __fpending __flbf __freadable __fwritable
 * __freading __fwriting __fpurge _flushlbf __fsetlocking (and BSD's fpurge,
 * which lwp also has), asked of streams in known states.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC); where lwp answers
 * differently (it keeps no "last operation" after a flush, and locking stays
 * its own) the test says so. */
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
    buffering();
    standard_streams();
    locking();
#ifndef CHECKING_AGAINST_GLIBC
    bsd_purge();
#endif
    CHECK_EQ(unlink(path), 0);
    return 0;
}
