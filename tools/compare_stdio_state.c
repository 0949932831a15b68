/* Differential check of a read-write stream's state, lwp against glibc:
 * build this file once with gcc (glibc) and once with lwp-cc, run both with
 * the same count and seed, and compare the outputs:
 *   gcc -O1 -w tools/compare_stdio_state.c -o /tmp/ss-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_stdio_state.c -o /tmp/ss-lwp
 *   /tmp/ss-glibc 20000 1 > glibc.txt; /tmp/ss-lwp 20000 1 > lwp.txt
 *   cmp glibc.txt lwp.txt
 * Each case opens a stream both ways (a file holding a few bytes, opened
 * "r+", "w+" or "a+", or fmemopen's "w+" or "r+"), maybe sets its
 * buffering first, and runs up to 12 random calls on it: fputc, fputs (the
 * empty string too), fwrite of more than a buffer, fgetc, fgets, fread,
 * ungetc (only right after a fgetc or fgets that read something), fseek,
 * rewind, ftell, fflush, __fpurge (none after an ungetc), clearerr: glibc
 * 2.36 can free its push-back area twice, and abort, after an ungetc on a
 * stream with no buffer yet or still putting, or an ungetc then __fpurge.
 * C asks for a
 * flush or a seek between output and input and a seek (or the end) between
 * input and output; one is put in where needed, so every sequence is one C
 * defines. After each call a line: the call, its result, and what
 * __freading, __fwriting, __fpending, feof and ferror say; after the last,
 * the file's contents. With "state" after the seed, only what __freading
 * and __fwriting say. */
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xorshift_random.h"

static int state_only;

static void report(FILE* f, const char* call, long result) {
    if (state_only) {
        printf("  %s: reading %d writing %d\n", call, __freading(f) != 0, __fwriting(f) != 0);
        return;
    }
    printf("  %s = %ld: reading %d writing %d pending %zu eof %d error %d\n", call, result,
           __freading(f) != 0, __fwriting(f) != 0, __fpending(f), feof(f) != 0, ferror(f) != 0);
}

enum direction { neither, reading, writing };

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 4 && strcmp(argv[3], "state") == 0)) {
        fprintf(stderr, "usage: %s count seed [state]\n", argv[0]);
        return 2;
    }
    state_only = argc == 4;
    long count = atol(argv[1]);
    seed_random(strtoull(argv[2], NULL, 10));
    char path[] = "/tmp/compare_stdio_stateXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 1;
    close(fd);
    static char big[3 * BUFSIZ];
    memset(big, 'B', sizeof big);
    static const char* const file_modes[] = {"r+", "w+", "a+"};
    static char memory[64];
    for (long n = 0; n < count; ++n) {
        FILE* f;
        unsigned kind = below(5);
        if (kind < 3) {
            FILE* setup = fopen(path, "w");
            fputs("0123456789", setup);
            fclose(setup);
            f = fopen(path, file_modes[kind]);
            printf("%ld file %s\n", n, file_modes[kind]);
        } else {
            memcpy(memory, "memory contents", 16);
            f = fmemopen(memory, sizeof memory, kind == 3 ? "w+" : "r+");
            printf("%ld fmemopen %s\n", n, kind == 3 ? "w+" : "r+");
        }
        if (f == NULL) return 1;
        report(f, "open", 0);
        if (below(4) == 0) {
            static const int buffer_modes[] = {_IONBF, _IOLBF, _IOFBF};
            int mode = buffer_modes[below(3)];
            long result = setvbuf(f, NULL, mode, 0);
            report(f, mode == _IONBF ? "setvbuf none" : mode == _IOLBF ? "setvbuf line" : "setvbuf full",
                   result);
        }
        enum direction last = neither;
        /* The sequences where glibc 2.36 aborts (above) are left out. */
        int pushed_back = 0, byte_read = 0;
        unsigned calls = 1 + below(12);
        for (unsigned i = 0; i < calls; ++i) {
            unsigned call = below(13);
            if (call == 11 && pushed_back) call = 12;
            if (call == 6 && !byte_read) call = 12;
            if (call == 6) pushed_back = 1;
            int output = call <= 2, input = call >= 3 && call <= 6;
            if ((output && last == reading && !feof(f)) || (input && last == writing)) {
                if (last == writing && below(2) == 0) {
                    report(f, "fflush", fflush(f));
                } else {
                    long result = fseek(f, 0, SEEK_CUR);
                    report(f, "fseek 0 cur", result);
                }
                last = neither;
            }
            char line[16];
            switch (call) {
            case 0: report(f, "fputc", fputc('a' + (int)below(26), f)); break;
            case 1: {
                static const char* const texts[] = {"", "x", "two\nlines\n", "no newline"};
                unsigned which = below(4);
                long result = fputs(texts[which], f);
                report(f, which == 0 ? "fputs empty" : "fputs", result < 0 ? -1 : 0);
                break;
            }
            case 2: report(f, "fwrite big", (long)fwrite(big, 1, BUFSIZ + below(BUFSIZ), f)); break;
            case 3: {
                int byte = fgetc(f);
                report(f, "fgetc", byte);
                byte_read = byte != EOF;
                break;
            }
            case 4: {
                char* got = fgets(line, 2 + (int)below(sizeof line - 2), f);
                report(f, "fgets", got ? (long)strlen(line) : -1);
                byte_read = got != NULL;
                break;
            }
            case 5: report(f, "fread", (long)fread(line, 1, below(sizeof line), f)); break;
            case 6: report(f, "ungetc", ungetc('u', f)); break;
            case 7: {
                static const int whences[] = {SEEK_SET, SEEK_CUR, SEEK_END};
                int whence = whences[below(3)];
                long offset = (long)below(8) - (whence == SEEK_SET ? 0 : 4);
                char name[32];
                snprintf(name, sizeof name, "fseek %ld %d", offset, whence);
                report(f, name, fseek(f, offset, whence));
                break;
            }
            case 8: rewind(f); report(f, "rewind", 0); break;
            case 9: report(f, "ftell", ftell(f)); break;
            case 10: report(f, "fflush", fflush(f)); break;
            case 11: __fpurge(f); report(f, "__fpurge", 0); break;
            default: clearerr(f); report(f, "clearerr", 0); break;
            }
            if (call != 3 && call != 4) byte_read = 0;
            if (output) last = writing;
            else if (input) last = reading;
            else if (call == 7 || call == 8) last = neither;
        }
        fclose(f);
        if (kind < 3) {
            FILE* check = fopen(path, "r");
            char contents[64];
            size_t got = fread(contents, 1, sizeof contents - 1, check);
            long size = (fseek(check, 0, SEEK_END), ftell(check));
            fclose(check);
            contents[got] = '\0';
            if (!state_only) printf("  file: %ld bytes, starting %.20s\n", size, contents);
        }
    }
    unlink(path);
    return 0;
}
