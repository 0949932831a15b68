/* fwide and stream orientation, as glibc 2.36 has them: a stream takes an
 * orientation, byte or wide, from fwide with a non-zero mode or from its
 * first byte or wide call, and keeps it; calls of the other kind then
 * fail without writing or reading, errno and the flags untouched (fputc
 * goes on). popen's, open_memstream's, fmemopen's and fopencookie's streams
 * are byte-oriented from the start, open_wmemstream's wide; perror writes
 * whatever stderr's orientation and leaves it as it was (glibc's
 * stdio-common/tst-perror and tst-popen check the same), and on
 * open_wmemstream's stream stores the characters (misc/tst-warn-wide, with
 * warn). Also passes against glibc. */
#include <err.h>
#include <errno.h>
#include <error.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

static FILE* fresh_file(void) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(fwide(file, 0), 0);
    return file;
}

/* What the first call fixes, and what fwide asks. */
static void first_call_decides(void) {
    FILE* file = fresh_file();
    CHECK_EQ(fwide(file, -7), -1);
    CHECK_EQ(fwide(file, 3), -1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fputs("", file), 1); /* even writing nothing */
    CHECK_EQ(fwide(file, 0), -1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fprintf(file, "%d", 1), 1);
    CHECK_EQ(fwide(file, 0), -1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fputc('a', file), 'a');
    CHECK_EQ(fwide(file, 0), -1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fputws(L"", file), 1);
    CHECK_EQ(fwide(file, 0), 1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK_EQ(fwide(file, 0), 1);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fgetc(file), EOF);
    CHECK_EQ(fwide(file, 0), -1);
    fclose(file);

    /* These leave it alone. */
    file = fresh_file();
    CHECK_EQ(fwrite("", 1, 0, file), (size_t)0);
    CHECK_EQ(fflush(file), 0);
    CHECK_EQ(fseek(file, 0, SEEK_SET), 0);
    CHECK_EQ(ungetc('x', file), 'x');
    CHECK_EQ(setvbuf(file, NULL, _IOFBF, 0), 0);
    CHECK_EQ(fwide(file, 0), 0);
    fclose(file);

    /* A successful freopen starts over. */
    file = fresh_file();
    CHECK_EQ(fputwc(L'a', file), L'a');
    char path[] = "/tmp/lwp-orientation-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    CHECK(freopen(path, "r", file) == file);
    CHECK_EQ(fwide(file, 0), 0);
    fclose(file);
    CHECK_EQ(unlink(path), 0);
}

/* Byte calls on a wide-oriented stream, wide calls on a byte one. */
static void the_other_kind_fails(void) {
    FILE* file = fresh_file();
    CHECK_EQ(fputwc(L'A', file), L'A');
    errno = 0;
    CHECK_EQ(fputs("bc", file), EOF);
    CHECK_EQ(fwrite("bc", 1, 2, file), (size_t)0);
    CHECK_EQ(fprintf(file, "bc"), -1);
    CHECK_EQ(errno, 0);
    CHECK(!ferror(file));
    CHECK_EQ(fflush(file), 0);
    rewind(file);
    char line[8];
    CHECK_EQ(fgetc(file), EOF);
    CHECK(fgets(line, sizeof line, file) == NULL);
    CHECK_EQ(fread(line, 1, 1, file), (size_t)0);
    char* text = NULL;
    size_t capacity = 0;
    CHECK_EQ(getline(&text, &capacity, file), -1);
    free(text);
    int number;
    CHECK_EQ(fscanf(file, "%d", &number), EOF);
    CHECK_EQ(errno, 0);
    CHECK(!ferror(file) && !feof(file));
    CHECK_EQ(fgetwc(file), L'A'); /* only the wide character was written */
    CHECK_EQ(fgetwc(file), WEOF);
    fclose(file);

    file = fresh_file();
    CHECK_EQ(fputs("a", file), 1);
    CHECK_EQ(fputwc(L'b', file), WEOF);
    CHECK_EQ(fputws(L"", file), EOF);
    CHECK_EQ(fputws(L"b", file), EOF);
    CHECK_EQ(fwprintf(file, L"b"), -1);
    CHECK_EQ(errno, 0);
    CHECK(!ferror(file));
    rewind(file);
    CHECK_EQ(fgetwc(file), WEOF);
    wchar_t wide_line[4];
    CHECK(fgetws(wide_line, 4, file) == NULL);
    CHECK_EQ(fwscanf(file, L"%d", &number), EOF);
    CHECK(!ferror(file) && !feof(file));
    CHECK_EQ(fgetc(file), 'a');
    CHECK_EQ(fgetc(file), EOF);
    CHECK_EQ(fwide(file, 1), -1);
    fclose(file);
}

/* Streams that are born oriented. */
static void born_oriented(void) {
    FILE* pipe = popen("echo test", "r");
    CHECK(pipe != NULL);
    CHECK_EQ(fwide(pipe, 0), -1);
    CHECK_EQ(fwide(pipe, 1), -1);
    char line[16];
    CHECK(fgets(line, sizeof line, pipe) != NULL);
    CHECK(strcmp(line, "test\n") == 0);
    CHECK_EQ(pclose(pipe), 0);

    char* bytes;
    size_t size;
    FILE* memory = open_memstream(&bytes, &size);
    CHECK(memory != NULL);
    CHECK_EQ(fwide(memory, 0), -1);
    CHECK_EQ(fputwc(L'a', memory), WEOF);
    CHECK_EQ(fclose(memory), 0);
    free(bytes);

    char buffer[8];
    memory = fmemopen(buffer, sizeof buffer, "w");
    CHECK(memory != NULL);
    CHECK_EQ(fwide(memory, 0), -1);
    CHECK_EQ(fclose(memory), 0);

    wchar_t* wide;
    memory = open_wmemstream(&wide, &size);
    CHECK(memory != NULL);
    CHECK_EQ(fwide(memory, -1), 1);
    CHECK_EQ(fclose(memory), 0);
    free(wide);
}

/* perror on stderr moved onto a file: written whatever the orientation,
 * which it leaves as it was. warnx and error write on a stream of either
 * kind too (glibc's go through the wide printf on a wide one). */
static void perror_keeps_orientation(void) {
    char path[] = "/tmp/lwp-orientation-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(path), 0);
    int saved = dup(2);
    CHECK(saved >= 0);
    FILE* saved_stderr = stderr;
    for (int round = 0; round < 2; ++round) {
        CHECK_EQ(ftruncate(fd, 0), 0);
        CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
        CHECK_EQ(dup2(fd, 2), 2);
        stderr = fdopen(2, "w");
        CHECK(stderr != NULL);
        errno = EILSEQ;
        perror("none");
        CHECK_EQ(fwide(stderr, 0), 0);
        if (round == 0) {
            CHECK_EQ(fputs("bytes\n", stderr), 1);
            CHECK_EQ(fwide(stderr, 0), -1);
        } else {
            CHECK_EQ(fputws(L"wide\n", stderr), 1);
            CHECK_EQ(fwide(stderr, 0), 1);
        }
        errno = EINVAL;
        perror("oriented");
        warnx("warned %d", round);
        error(0, ERANGE, "failed %d", round);
        CHECK_EQ(fwide(stderr, 0), round == 0 ? -1 : 1);
        CHECK_EQ(fclose(stderr), 0);
        char text[1024];
        ssize_t length = pread(fd, text, sizeof text - 1, 0);
        CHECK(length > 0);
        text[length] = '\0';
        char expected[1024];
        snprintf(expected, sizeof expected,
                 "none: Invalid or incomplete multibyte or wide character\n%s\n"
                 "oriented: Invalid argument\n%s: warned %d\n%s: failed %d: %s\n",
                 round == 0 ? "bytes" : "wide", program_invocation_short_name, round,
                 program_invocation_name, round, strerror(ERANGE));
        CHECK(strcmp(text, expected) == 0);
    }
    CHECK_EQ(dup2(saved, 2), 2);
    close(saved);
    close(fd);
    stderr = saved_stderr;
}

/* The library's messages on open_wmemstream's stream, which holds wide
 * characters (glibc's misc/tst-warn-wide puts warn's there): stored as the
 * characters the message's bytes encode in the locale, as glibc's wide
 * printf stores them, and the stream's error flag stays clear. An argument
 * that is no multibyte text ends that call's message before it (EILSEQ), a
 * format that is none writes nothing of it; the next call writes on. */
static wchar_t* wide_messages(void (*write_messages)(void)) {
    wchar_t* wide = NULL;
    size_t size = 0;
    FILE* saved_stderr = stderr;
    stderr = open_wmemstream(&wide, &size);
    CHECK(stderr != NULL);
    write_messages();
    CHECK(!ferror(stderr));
    CHECK_EQ(fclose(stderr), 0);
    stderr = saved_stderr;
    CHECK(wide != NULL);
    CHECK_EQ(wcslen(wide), size);
    return wide;
}

static void every_kind_of_message(void) {
    warnx("plain %d", 1);
    errno = EAGAIN;
    warn("with errno %s", "x");
    errno = ERANGE;
    perror("perror");
    psignal(SIGINT, "psignal");
    error(0, EINVAL, "error %c", 'e');
}

static void message_with_bad_argument(void) {
    warnx("%s|", "a\xff"); /* no character in "C" (nor in UTF-8) */
    warnx("x%s\xff", "y");  /* a bad format: none of it */
    warnx("after");
}

static void utf8_message(void) { warnx("caf\xc3\xa9 %s", "\xe2\x82\xac"); }

static void messages_on_wide_memory(void) {
    wchar_t expected[512];
    wchar_t* wide = wide_messages(every_kind_of_message);
    swprintf(expected, 512,
             L"%s: plain 1\n%s: with errno x: %s\nperror: %s\npsignal: %s\n%s: error e: %s\n",
             program_invocation_short_name, program_invocation_short_name, strerror(EAGAIN),
             strerror(ERANGE), strsignal(SIGINT), program_invocation_name, strerror(EINVAL));
    CHECK(wcscmp(wide, expected) == 0);
    free(wide);

    wide = wide_messages(message_with_bad_argument);
    swprintf(expected, 512, L"%s: \n%s: \n%s: after\n", program_invocation_short_name,
             program_invocation_short_name, program_invocation_short_name);
    CHECK(wcscmp(wide, expected) == 0);
    free(wide);

    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    wide = wide_messages(utf8_message);
    swprintf(expected, 512, L"%s: caf\u00e9 \u20ac\n", program_invocation_short_name);
    CHECK(wcscmp(wide, expected) == 0);
    free(wide);
    CHECK(setlocale(LC_ALL, "C") != NULL);
}

/* fopen's ",ccs=" (a wide stream converting through a named character set,
 * whatever the locale): glibc's converts; lwp's wide streams convert
 * through the locale only, and refuse it with EINVAL (glibc's answer for a
 * character set it cannot load), opening nothing. */
#ifndef CHECKING_AGAINST_GLIBC
static void character_set_modes_refused(void) {
    char path[] = "/tmp/lwp-orientation-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    CHECK_EQ(unlink(path), 0);
    errno = 0;
    CHECK(fopen(path, "w,ccs=UTF-8") == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK(access(path, F_OK) != 0);
    errno = 0;
    CHECK(fopen(path, "r,ccs=UCS-4LE") == NULL);
    CHECK_EQ(errno, EINVAL);
    FILE* file = tmpfile();
    CHECK(file != NULL);
    errno = 0;
    CHECK(freopen(path, "w,ccs=UTF-8", file) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK(access(path, F_OK) != 0);
    fclose(file); /* closed already: the failed freopen closed it */
}
#endif

int main(void) {
#ifndef CHECKING_AGAINST_GLIBC
    character_set_modes_refused();
#endif
    first_call_decides();
    the_other_kind_fails();
    born_oriented();
    perror_keeps_orientation();
    messages_on_wide_memory();
    return 0;
}
