/* Differential check of the C library's own messages (warn, warnx, error,
 * perror, psignal) written on open_wmemstream's stream, which holds wide
 * characters, lwp against glibc: build this file once with gcc (glibc) and
 * once with lwp-cc, run both with the same count and seed, and compare:
 *   gcc -O1 -w tools/compare_wide_memory_messages.c -o /tmp/wm-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_wide_memory_messages.c -o /tmp/wm-lwp
 *   /tmp/wm-glibc 100000 1 > glibc.txt; /tmp/wm-lwp 100000 1 > lwp.txt; cmp glibc.txt lwp.txt
 * Each case points stderr at a new open_wmemstream stream and writes one
 * message: a format of up to 4 pieces (%s, a space, ASCII text, or a run
 * of up to 3 snippets: ASCII, UTF-8 of 2, 3 and 4 bytes, a byte that
 * starts no character, a sequence cut short) and 4 arguments made the same
 * way; half the cases in "C", half in C.UTF-8. One line per case: the
 * call, the stream's error flag, and the characters stored. */
#define _GNU_SOURCE /* program_invocation_name and its short form */
#include <err.h>
#include <errno.h>
#include <error.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xorshift_random.h"

static const char* const snippets[] = {
    "abc", "caf\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff", "\xc3", "x y", "",
};

/* Up to 3 snippets. */
static void random_text(char* text) {
    text[0] = '\0';
    for (unsigned count = below(4); count > 0; --count)
        strcat(text, snippets[below(sizeof snippets / sizeof *snippets)]);
}

int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 100000;
    seed_random(argc > 2 ? strtoull(argv[2], NULL, 10) : 1);
    program_invocation_short_name = (char*)"prog";
    program_invocation_name = (char*)"/bin/prog";
    for (long i = 0; i < cases; ++i) {
        setlocale(LC_ALL, i % 2 ? "C.UTF-8" : "C");
        char format[64] = "", arguments[4][16], text[16];
        for (unsigned pieces = below(5); pieces > 0; --pieces) {
            switch (below(4)) {
            case 0: strcat(format, "%s"); break;
            case 1: strcat(format, " "); break;
            case 2: strcat(format, "lit"); break;
            default: random_text(text); strcat(format, text); break;
            }
        }
        for (int a = 0; a < 4; ++a) random_text(arguments[a]);
        wchar_t* characters = NULL;
        size_t size = 0;
        FILE* saved = stderr;
        stderr = open_wmemstream(&characters, &size);
        if (stderr == NULL) return 1;
        unsigned call = below(5);
        errno = EINVAL;
        switch (call) {
        case 0: warnx(format, arguments[0], arguments[1], arguments[2], arguments[3]); break;
        case 1: warn(format, arguments[0], arguments[1], arguments[2], arguments[3]); break;
        case 2: error(0, ERANGE, format, arguments[0], arguments[1], arguments[2], arguments[3]); break;
        case 3: perror(arguments[0]); break;
        default: psignal(SIGINT, arguments[0]); break;
        }
        int failed = ferror(stderr) != 0;
        fclose(stderr);
        stderr = saved;
        printf("%ld %u %d %zu:", i, call, failed, size);
        for (size_t c = 0; c < size; ++c) printf(" %x", (unsigned)characters[c]);
        printf("\n");
        free(characters);
    }
    return 0;
}
