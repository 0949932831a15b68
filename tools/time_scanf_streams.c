/* How fast fscanf reads a big input, lwp against glibc: build this file once
 * with gcc (glibc) and once with lwp-cc, make an input, and time each mode
 * both ways, from a file and from a pipe:
 *   gcc -O2 -w tools/time_scanf_streams.c -o /tmp/ts-glibc
 *   build/bin/lwp-cc -O2 -w tools/time_scanf_streams.c -o /tmp/ts-lwp
 *   /tmp/ts-glibc make 200000 > /tmp/ts-input    (31 MB; the figures in docs/libc.md)
 *   time /tmp/ts-lwp skip < /tmp/ts-input; time cat /tmp/ts-input | /tmp/ts-lwp skip
 * Each mode reads stdin to its end and prints what it read as a count and
 * a checksum, which must be the same both ways:
 *   s     "%63s": every word
 *   set   "%255[^\n]\n": every line, stored
 *   skip  "%*[^\n]%*c": every line, skipped
 *   d     "%*s %d %d x=%x:%*[^\n]": numbers, literal text and white space
 *   c     "%c": byte by byte, one call each
 *   mixed the line's fields one fscanf each, then the rest skipped
 * "make N" writes N lines: a word, two numbers, a hex field, then text of
 * random length (up to a few hundred bytes) to skip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift_random.h"

static unsigned long long checksum;
static unsigned long long count;

static void add_text(const char* text) {
    for (; *text != '\0'; ++text) checksum = checksum * 131 + (unsigned char)*text;
    ++count;
}

static void add_number(long long number) {
    checksum = checksum * 1000003 + (unsigned long long)number;
    ++count;
}

static void make_input(long lines) {
    seed_random(1);
    for (long line = 0; line < lines; ++line) {
        unsigned long long r = next_random();
        printf("w%07ld %d %d x=%x:", line, (int)(r % 100000), -(int)((r >> 20) % 5000),
               (unsigned)(r >> 32));
        int words = 1 + (int)((r >> 40) % 40);
        for (int word = 0; word < words; ++word)
            printf(" %.*s", 1 + (int)((r >> (word % 50)) % 9), "abcdefghij");
        putchar('\n');
    }
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s make LINES | s | set | skip | d | c | mixed\n", argv[0]);
        return 2;
    }
    const char* mode = argv[1];
    if (strcmp(mode, "make") == 0) {
        make_input(argc > 2 ? atol(argv[2]) : 200000);
        return 0;
    }
    char text[256];
    int first, second;
    unsigned hex;
    if (strcmp(mode, "s") == 0) {
        while (fscanf(stdin, "%63s", text) == 1) add_text(text);
    } else if (strcmp(mode, "set") == 0) {
        while (fscanf(stdin, "%255[^\n]\n", text) == 1) add_text(text);
    } else if (strcmp(mode, "skip") == 0) {
        while (fscanf(stdin, "%*[^\n]%*c") != EOF) ++count;
    } else if (strcmp(mode, "d") == 0) {
        while (fscanf(stdin, "%*s %d %d x=%x:%*[^\n]", &first, &second, &hex) == 3) {
            add_number(first);
            add_number(second);
            add_number(hex);
        }
    } else if (strcmp(mode, "c") == 0) {
        char byte;
        while (fscanf(stdin, "%c", &byte) == 1) checksum = checksum * 131 + (unsigned char)byte;
    } else if (strcmp(mode, "mixed") == 0) {
        while (fscanf(stdin, "%63s", text) == 1 && fscanf(stdin, "%d", &first) == 1 &&
               fscanf(stdin, " %d", &second) == 1 && fscanf(stdin, " x=%x", &hex) == 1 &&
               fscanf(stdin, ":%*[^\n]") != EOF) {
            add_text(text);
            add_number(first);
            add_number(second);
            add_number(hex);
        }
    } else {
        fprintf(stderr, "unknown mode %s\n", mode);
        return 2;
    }
    printf("%s: %llu items, checksum %016llx, eof %d error %d\n", mode, count, checksum,
           feof(stdin) != 0, ferror(stdin) != 0);
    return 0;
}
