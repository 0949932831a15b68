/* Differential check of realpath, lwp against glibc: build this file once
 * with gcc (glibc) and once with lwp-cc, run both with the same count, seed
 * and directory (which must not exist: each run makes its tree there and
 * removes it), and compare the outputs:
 *   gcc -O1 -w tools/compare_realpath.c -o /tmp/rp-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_realpath.c -o /tmp/rp-lwp
 *   /tmp/rp-glibc 100000 1 /tmp/rp-tree > glibc.txt
 *   /tmp/rp-lwp 100000 1 /tmp/rp-tree > lwp.txt
 *   cmp glibc.txt lwp.txt
 * The tree holds a directory with a subdirectory, a file, and links of
 * every kind realpath meets: to a directory, to the file, absolute, to the
 * parent and to ".", to a missing name, to "file/", to "dir/..", a loop,
 * a chain. Each case is a random path of up to six of those names and ".",
 * "..", "missing" and "" (doubled slashes), relative or absolute (from the
 * tree's own path or from the root), with or without a trailing slash,
 * resolved from the tree or from its subdirectory. One line per case: the
 * path, realpath's result into a buffer (or null with errno) and what the
 * buffer then holds (it is filled with '#' first), and whether realpath
 * with a null buffer gave the same answer. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xorshift_random.h"

static const char* const links[][2] = {
    {"to_dir", "dir"},     {"to_file", "file"},     {"to_parent", ".."},
    {"to_here", "."},      {"dangling", "missing"}, {"to_file_slash", "file/"},
    {"to_dir_up", "dir/.."}, {"loop", "loop"},      {"chain", "to_dir"},
    {"dir/to_top", "../file"},
};
static const char* const names[] = {
    "dir", "file", "sub", "missing", ".", "..", "", "to_dir", "to_file", "to_parent",
    "to_here", "dangling", "to_file_slash", "to_dir_up", "loop", "chain", "to_top",
    "absolute", ".hidden", "..x",
    /* Again, so that more paths lead somewhere. */
    "dir", "dir", "sub", "sub", ".", "..", "to_dir", "absolute", "chain", "to_parent",
};

static void make_tree(const char* top) {
    char absolute[PATH_MAX + 8];
    if (mkdir(top, 0700) != 0 || chdir(top) != 0 || mkdir("dir", 0700) != 0 ||
        mkdir("dir/sub", 0700) != 0 || mkdir(".hidden", 0700) != 0) {
        perror("making the tree");
        exit(1);
    }
    FILE* f = fopen("file", "w");
    if (f == NULL || fclose(f) != 0) exit(1);
    for (size_t i = 0; i < sizeof links / sizeof links[0]; ++i)
        if (symlink(links[i][1], links[i][0]) != 0) exit(1);
    snprintf(absolute, sizeof absolute, "%s/dir", top);
    if (symlink(absolute, "absolute") != 0) exit(1);
}

static void remove_tree(void) {
    for (size_t i = 0; i < sizeof links / sizeof links[0]; ++i) unlink(links[i][0]);
    unlink("absolute");
    unlink("file");
    rmdir(".hidden");
    rmdir("dir/sub");
    rmdir("dir");
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s count seed new-directory\n", argv[0]);
        return 2;
    }
    long count = atol(argv[1]);
    seed_random(strtoull(argv[2], NULL, 10));
    const char* top = argv[3];
    make_tree(top);
    for (long n = 0; n < count; ++n) {
        char path[512];
        size_t length = 0;
        unsigned start = below(4);
        if (start == 1) length = (size_t)snprintf(path, sizeof path, "%s", top);
        else if (start == 2) path[length++] = '/';
        path[length] = '\0';
        unsigned components = 1 + below(6);
        for (unsigned i = 0; i < components; ++i) {
            if (length != 0 && path[length - 1] != '/') path[length++] = '/';
            length += (size_t)snprintf(path + length, sizeof path - length, "%s",
                                       names[below(sizeof names / sizeof names[0])]);
        }
        if (below(4) == 0) path[length++] = '/';
        path[length] = '\0';
        int in_sub = below(4) == 0;
        if (in_sub && chdir("dir/sub") != 0) return 1;

        char buffer[PATH_MAX];
        memset(buffer, '#', sizeof buffer - 1);
        buffer[sizeof buffer - 1] = '\0';
        errno = 0;
        char* result = realpath(path, buffer);
        int error = errno;
        char* allocated = realpath(path, NULL);
        int same = (result == NULL) == (allocated == NULL) &&
                   (result == NULL || strcmp(result, allocated) == 0);
        free(allocated);
        printf("%ld %s%s -> %s errno=%d buffer=%.*s same=%d\n", n, in_sub ? "(sub) " : "", path,
               result == NULL ? "NULL" : result == buffer ? "buffer" : "other",
               result == NULL ? error : 0, 200, buffer, same);
        if (in_sub && chdir("../..") != 0) return 1;
    }
    remove_tree();
    if (chdir("/") != 0 || rmdir(top) != 0) perror("removing the tree");
    return 0;
}
