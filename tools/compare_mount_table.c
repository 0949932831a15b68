/* Differential check of the mount table functions (runtime/libc/
 * mount_table.cpp), lwp against glibc: build this file once with gcc
 * (glibc) and once with lwp-cc, run both with the same count, and compare
 * the outputs (cmp, or diff for the lines that differ):
 *   gcc -O1 -w tools/compare_mount_table.c -o /tmp/mnt-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_mount_table.c -o /tmp/mnt-lwp
 *   /tmp/mnt-glibc 20000 > glibc.txt; /tmp/mnt-lwp 20000 > lwp.txt
 *   cmp glibc.txt lwp.txt
 * (The figures in docs/libc.md are of 20,000 cases, about 40 s a run, most
 * of it opening and closing the files.)
 * Each case writes a random table (1 to 8 lines of fields made of pieces
 * chosen to meet every rule: blanks and tabs, '#', the escapes glibc
 * decodes and others, "autofs", "ignore" and its look-alikes, commas and
 * '=', numbers good and bad; the last line with or without its newline)
 * and reads it back with getmntent_r into a buffer of a random size (0, 2
 * to 48 bytes, or 4096: not 1, where both loop for ever, fgets giving an
 * empty line without reading, end of file or not), the entry preset to a
 * known pattern before each call so that what a call leaves alone shows; then feof and ferror at the end,
 * hasmntopt with random names on each entry read, and addmntent of the
 * entries read to a second file, whose bytes are printed. One line per
 * result; the seed of case i is i, so a case can be rerun alone. */
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long long state;

static unsigned next_random(void) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(state >> 33);
}

static const char* pick(const char* const* choices, size_t count) {
    return choices[next_random() % count];
}

#define PICK(choices) pick(choices, sizeof(choices) / sizeof(choices[0]))

static const char* const pieces[] = {
    "a", "dev", "/m", "autofs", "autofs1", "ignore", "noignore", "errors=ignore", ",", "=",
    ",ignore", "ignore,", "rw", "\\040", "\\011", "\\012", "\\134", "\\\\", "\\151", "\\",
    "\\04", "#", "1", "-2", "+3", "x", "0x1", "99999999999", " ", "\t", ""};
static const char* const separators[] = {" ", "\t", "  ", " \t ", ""};
static const char* const numbers[] = {"0", "1", "5", "-3", "+4", "x", "5x", "07", "2147483648",
                                      "-", "", " "};
static const char* const option_names[] = {"", "ignore", "rw", "a", "=", ",", "size", "ro",
                                           "autofs", "errors"};

/* A field as printed: visible, escapes shown, null as (null). */
static void print_text(const char* text) {
    if (text == NULL) {
        fputs("(null)", stdout);
        return;
    }
    putchar('"');
    for (; *text != '\0'; ++text) {
        unsigned char c = (unsigned char)*text;
        if (c < ' ' || c == '"' || c == '\\' || c >= 127)
            printf("\\%03o", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void append(char* table, size_t size, const char* text) {
    strncat(table, text, size - strlen(table) - 1);
}

static void make_table(char* table, size_t size) {
    table[0] = '\0';
    int lines = 1 + (int)(next_random() % 8);
    for (int line = 0; line < lines; ++line) {
        if (next_random() % 4 == 0) append(table, size, PICK(separators));
        int fields = (int)(next_random() % 8);
        for (int field = 0; field < fields; ++field) {
            if (field >= 4 && next_random() % 2) {
                append(table, size, PICK(numbers));
            } else {
                int count = 1 + (int)(next_random() % 4);
                for (int piece = 0; piece < count; ++piece) append(table, size, PICK(pieces));
            }
            append(table, size, PICK(separators));
        }
        if (line + 1 < lines || next_random() % 2) append(table, size, "\n");
    }
}

static void run_case(unsigned long long seed, const char* table_path, const char* out_path) {
    state = seed;
    char table[1024];
    make_table(table, sizeof table);
    FILE* file = fopen(table_path, "w");
    fputs(table, file);
    fclose(file);
    printf("case %llu table ", seed);
    print_text(table);
    putchar('\n');

    int size = next_random() % 8 == 0 ? 4096 : (int)(next_random() % 49);
    if (size == 1) size = 0;
    FILE* stream = setmntent(table_path, "r");
    FILE* out = fopen(out_path, "w+");
    if (stream == NULL || out == NULL) {
        printf("cannot open\n");
        exit(1);
    }
    static char buffer[4096];
    for (int call = 0; call < 16; ++call) {
        struct mntent entry = {(char*)"preset", (char*)"preset", (char*)"preset",
                               (char*)"preset", 1234, 5678};
        memset(buffer, 0x55, sizeof buffer);
        struct mntent* result = getmntent_r(stream, &entry, buffer, size);
        printf(" size %d call %d: %s ", size, call, result == &entry ? "entry" : "null");
        print_text(entry.mnt_fsname);
        putchar(' ');
        print_text(entry.mnt_dir);
        putchar(' ');
        print_text(entry.mnt_type);
        putchar(' ');
        print_text(entry.mnt_opts);
        printf(" %d %d\n", entry.mnt_freq, entry.mnt_passno);
        if (result == NULL) break;
        for (int probe = 0; probe < 3; ++probe) {
            const char* name = PICK(option_names);
            char* found = hasmntopt(&entry, name);
            printf("  hasmntopt ");
            print_text(name);
            printf(" %ld\n", found == NULL ? -1L : (long)(found - entry.mnt_opts));
        }
        printf("  addmntent %d\n", addmntent(out, &entry));
    }
    printf(" feof %d ferror %d endmntent %d\n", feof(stream) != 0, ferror(stream) != 0,
           endmntent(stream));
    rewind(out);
    char written[4096];
    size_t length = fread(written, 1, sizeof written - 1, out);
    written[length] = '\0';
    printf(" written ");
    print_text(written);
    putchar('\n');
    fclose(out);
}

int main(int argc, char** argv) {
    long count = argc > 1 ? atol(argv[1]) : 1000;
    char table_path[] = "/tmp/compare_mount_table_XXXXXX";
    char out_path[] = "/tmp/compare_mount_table_out_XXXXXX";
    int fd = mkstemp(table_path);
    int out_fd = mkstemp(out_path);
    if (fd < 0 || out_fd < 0) return 1;
    close(fd);
    close(out_fd);
    for (long seed = 0; seed < count; ++seed)
        run_case((unsigned long long)seed, table_path, out_path);
    unlink(table_path);
    unlink(out_path);
    return 0;
}
