/* Differential check of fscanf on streams, lwp against glibc: build this
 * file once with gcc (glibc) and once with lwp-cc, run both with the same
 * count and seed, and compare the outputs:
 *   gcc -O1 -w tools/compare_scanf_streams.c -o /tmp/cs-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_scanf_streams.c -o /tmp/cs-lwp
 *   /tmp/cs-glibc 20000 1 > glibc.txt; /tmp/cs-lwp 20000 1 > lwp.txt
 *   cmp glibc.txt lwp.txt    (or: diff glibc.txt lwp.txt | grep -c '^<')
 * Each case makes a random input (up to 100 bytes, mostly the bytes scanf
 * conversions care about: digits, signs, white space, letters, x . e %, a
 * few bytes above 0x7f) and one to three random formats of up to five
 * directives each (%d %i %u %o %x %p %c %s %[...] %n %f %%, with widths,
 * *, m, length modifiers, literal text and white space), and reads the
 * input through each kind of stream in turn: a file, a file without
 * buffering, a pipe, fmemopen, and fopencookie whose read function hands
 * out 1 to 3 bytes a call; sometimes after a fgetc and an ungetc; and
 * with sscanf, each format from the input's start. For each fscanf one
 * line: its result, errno, and a hash of every byte the conversions
 * stored; after the calls, feof, ferror, ftell (file and fmemopen) and the
 * bytes left in the stream, read with fgetc. The case's input and formats
 * head its lines, so a difference shows what caused it. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xorshift_random.h"

#define MOST_INPUT 100
#define MOST_DIRECTIVES 5
#define TARGET_SIZE 512

static const char input_bytes[] = "0123456789          \n\t+-xX.eE%abcz[]()nil\377\200";

static size_t make_input(unsigned char* input) {
    size_t length = below(MOST_INPUT + 1);
    for (size_t i = 0; i < length; ++i) {
        unsigned pick = below(sizeof input_bytes - 1);
        input[i] = (unsigned char)input_bytes[pick];
        if (input[i] == 0) input[i] = 'a';
    }
    return length;
}

static const char* const scansets[] = {
    "[a-z]", "[^\n]", "[^ ]", "[0-9x]", "[]a]", "[^]a-c]", "[ -]", "[^0-9]", "[\t\n ]",
    "[-+.e0-9]", "[\200-\377]", "[z-a]",
};

/* One random conversion specification into `format`; returns what it
 * stores through its argument: 'i' an integer (any size), 't' text (an
 * array), 'm' an allocated array, 'f' a float, 'n' nothing. */
static char add_conversion(char* format) {
    static const char conversions[] = "dddiuoxpccsss[[[nf%";
    char conversion = conversions[below(sizeof conversions - 1)];
    int suppress = below(4) == 0 && conversion != '%';
    /* %mc too would be worth comparing, but its array has no NUL to
     * tell its length by. */
    int allocate = !suppress && (conversion == 's' || conversion == '[') && below(5) == 0;
    unsigned width = below(3) == 0 ? 1 + below(12) : 0;
    char* at = format + strlen(format);
    *at++ = '%';
    if (suppress) *at++ = '*';
    if (width != 0 && conversion != 'n') at += sprintf(at, "%u", width);
    if (allocate) *at++ = 'm';
    if (strchr("diuox", conversion) != NULL) {
        static const char* const lengths[] = {"", "", "hh", "h", "l", "ll", "j", "z"};
        at += sprintf(at, "%s", lengths[below(8)]);
    }
    if (conversion == 'f' && below(2) == 0) *at++ = 'l';
    if ((conversion == 's' || conversion == '[' || conversion == 'c') && below(10) == 0)
        *at++ = 'l';
    if (conversion == '[') {
        at += sprintf(at, "%s", scansets[below(sizeof scansets / sizeof scansets[0])]);
    } else {
        *at++ = conversion;
    }
    *at = '\0';
    if (suppress || conversion == '%') return 'n';
    if (allocate) return 'm';
    if (conversion == 's' || conversion == '[' || conversion == 'c') return 't';
    if (conversion == 'f') return 'f';
    return 'i';
}

/* A random format: conversions, literal bytes and white space. */
static int make_format(char* format, char* kinds) {
    int conversions = 0;
    format[0] = '\0';
    unsigned directives = 1 + below(MOST_DIRECTIVES);
    for (unsigned i = 0; i < directives; ++i) {
        unsigned pick = below(8);
        if (pick == 0) {
            strcat(format, below(2) ? " " : "\n");
        } else if (pick == 1) {
            char literal[2] = {"x-:a0 %"[below(6)], '\0'};
            strcat(format, literal);
        } else {
            char kind = add_conversion(format);
            if (kind != 'n') kinds[conversions++] = kind;
        }
    }
    return conversions;
}

static uint64_t hash_bytes(uint64_t hash, const void* bytes, size_t count) {
    const unsigned char* at = bytes;
    for (size_t i = 0; i < count; ++i) hash = (hash ^ at[i]) * 0x100000001b3ull;
    return hash;
}

static void print_escaped(const unsigned char* bytes, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        if (bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i] != '\\') {
            putchar(bytes[i]);
        } else {
            printf("\\%03o", bytes[i]);
        }
    }
}

/* fopencookie's stream: the input handed out 1 to 3 bytes a read. */
struct trickle {
    const unsigned char* input;
    size_t length;
    size_t position;
    unsigned reads;
};

static ssize_t trickle_read(void* cookie, char* into, size_t size) {
    struct trickle* t = cookie;
    size_t count = 1 + (t->reads++ * 7 + t->position) % 3;
    if (count > size) count = size;
    if (count > t->length - t->position) count = t->length - t->position;
    memcpy(into, t->input + t->position, count);
    t->position += count;
    return (ssize_t)count;
}

static int trickle_close(void* cookie) {
    (void)cookie;
    return 0;
}

enum kind { file_kind, unbuffered_kind, pipe_kind, memory_kind, cookie_kind, kinds };
static const char* const kind_names[] = {"file", "unbuffered", "pipe", "fmemopen", "cookie"};

static FILE* open_kind(enum kind kind, const unsigned char* input, size_t length,
                       struct trickle* t) {
    if (kind == file_kind || kind == unbuffered_kind) {
        static char name[] = "/tmp/compare_scanf_streams.XXXXXX";
        static int made;
        static char path[64];
        if (!made) {
            int fd = mkstemp(name);
            if (fd < 0) return NULL;
            close(fd);
            strcpy(path, name);
            made = 1;
        }
        FILE* out = fopen(path, "w");
        if (out == NULL) return NULL;
        fwrite(input, 1, length, out);
        fclose(out);
        FILE* in = fopen(path, "r");
        if (in != NULL && kind == unbuffered_kind) setvbuf(in, NULL, _IONBF, 0);
        return in;
    }
    if (kind == pipe_kind) {
        int ends[2];
        if (pipe(ends) != 0) return NULL;
        if (write(ends[1], input, length) != (ssize_t)length) return NULL;
        close(ends[1]);
        return fdopen(ends[0], "r");
    }
    if (kind == memory_kind) {
        /* fmemopen of zero bytes fails (EINVAL): one byte more, a NUL,
         * which the stream reads as a byte like any other, then. */
        static unsigned char copy[MOST_INPUT + 1];
        memcpy(copy, input, length);
        copy[length] = '\0';
        return fmemopen(copy, length != 0 ? length : 1, "r");
    }
    t->input = input;
    t->length = length;
    t->position = 0;
    t->reads = 0;
    cookie_io_functions_t functions = {.read = trickle_read, .close = trickle_close};
    return fopencookie(t, "r", functions);
}

/* One fscanf of `format` (sscanf of `text` when it is not null), whose
 * conversions store `kinds`; prints its line. */
static void scan_once(FILE* stream, const char* text, const char* format, const char* kinds,
                      int count) {
    static unsigned char targets[MOST_DIRECTIVES][TARGET_SIZE];
    void* arguments[MOST_DIRECTIVES];
    memset(targets, 0xa5, sizeof targets);
    for (int i = 0; i < MOST_DIRECTIVES; ++i) {
        arguments[i] = targets[i];
        if (i < count && kinds[i] == 'm') *(char**)targets[i] = NULL;
    }
    errno = 0;
    int result = text != NULL ? sscanf(text, format, arguments[0], arguments[1], arguments[2],
                                       arguments[3], arguments[4])
                              : fscanf(stream, format, arguments[0], arguments[1],
                                       arguments[2], arguments[3], arguments[4]);
    int error = errno;
    uint64_t hash = 0xcbf29ce484222325ull;
    for (int i = 0; i < count; ++i) {
        if (kinds[i] == 'm') {
            char* allocated = *(char**)targets[i];
            if (allocated != NULL) {
                hash = hash_bytes(hash, allocated, strlen(allocated) + 1);
                free(allocated);
            } else {
                hash = hash_bytes(hash, "(null)", 6);
            }
        } else {
            hash = hash_bytes(hash, targets[i], TARGET_SIZE);
        }
    }
    printf("  = %d errno %d stored %016llx\n", result, error, (unsigned long long)hash);
}

int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 1000;
    seed_random(argc > 2 ? strtoull(argv[2], NULL, 10) : 1);
    unsigned char input[MOST_INPUT];
    char formats[3][MOST_DIRECTIVES * 24];
    char format_kinds[3][MOST_DIRECTIVES];
    int format_counts[3];
    for (long c = 0; c < cases; ++c) {
        size_t length = make_input(input);
        char text[MOST_INPUT + 1];
        unsigned calls = 1 + below(3);
        for (unsigned i = 0; i < calls; ++i)
            format_counts[i] = make_format(formats[i], format_kinds[i]);
        int unget = below(4) == 0 ? "7 a-x"[below(5)] : EOF;
        printf("case %ld input \"", c);
        print_escaped(input, length);
        printf("\" unget %d\n", unget);
        for (unsigned i = 0; i < calls; ++i) {
            printf(" format \"");
            print_escaped((const unsigned char*)formats[i], strlen(formats[i]));
            printf("\"\n");
        }
        /* sscanf reads the same input, each format from its start. */
        memcpy(text, input, length);
        text[length] = '\0';
        printf(" sscanf\n");
        for (unsigned i = 0; i < calls; ++i)
            scan_once(NULL, text, formats[i], format_kinds[i], format_counts[i]);
        for (int kind = 0; kind < kinds; ++kind) {
            struct trickle t;
            FILE* stream = open_kind(kind, input, length, &t);
            if (stream == NULL) {
                printf(" %s: not opened\n", kind_names[kind]);
                continue;
            }
            printf(" %s\n", kind_names[kind]);
            /* Pushed back after a byte read: at the stream's start glibc's
             * ftell counts it differently (0, where lwp's gives -1). */
            if (unget != EOF && fgetc(stream) != EOF) ungetc(unget, stream);
            for (unsigned i = 0; i < calls; ++i)
                scan_once(stream, NULL, formats[i], format_kinds[i], format_counts[i]);
            printf("  eof %d error %d", feof(stream) != 0, ferror(stream) != 0);
            if (kind == file_kind || kind == unbuffered_kind || kind == memory_kind)
                printf(" tell %ld", ftell(stream));
            unsigned char rest[MOST_INPUT + 2];
            size_t left = 0;
            clearerr(stream);
            for (int byte; left < sizeof rest && (byte = fgetc(stream)) != EOF;)
                rest[left++] = (unsigned char)byte;
            printf(" rest \"");
            print_escaped(rest, left);
            printf("\"\n");
            fclose(stream);
        }
    }
    return 0;
}
