/* A small file tree in a new temporary directory, for the tests of the
 * tree walks (file_tree_walks.c, file_tree_traversal.c):
 *
 *   root/a                      a file
 *   root/b/c                    a file
 *   root/b/d/e                  a file
 *   root/b/link_to_a -> ../a    a link to a file
 *   root/b/link_up -> ..        a link to an ancestor (a cycle, followed)
 *   root/dangling -> nowhere    a link to nothing
 *   root/empty/                 an empty directory
 *
 * make_tree() makes it and moves into the temporary directory (so the tests
 * name it "root"), which anyone may enter; remove_tree() goes back and
 * removes everything, whatever the tests added, with plain openat and
 * unlinkat (nothing of what is tested). */
#ifndef LWP_POSIX_TEMPORARY_TREE_H
#define LWP_POSIX_TEMPORARY_TREE_H

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../integration/check.h"

static char tree_directory[64];
static char tree_start[PATH_MAX];

static inline void make_file(const char* path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "x\n", 2), 2);
    CHECK_EQ(close(fd), 0);
}

static inline void make_directory(const char* path) {
    CHECK_EQ(mkdir(path, 0755), 0);
    CHECK_EQ(chmod(path, 0755), 0); /* whatever the umask */
}

static inline void make_tree(void) {
    CHECK(getcwd(tree_start, sizeof tree_start) != NULL);
    strcpy(tree_directory, "/tmp/lwp-tree-XXXXXX");
    CHECK(mkdtemp(tree_directory) != NULL);
    CHECK_EQ(chmod(tree_directory, 0755), 0);
    CHECK_EQ(chdir(tree_directory), 0);
    make_directory("root");
    make_file("root/a");
    make_directory("root/b");
    make_file("root/b/c");
    make_directory("root/b/d");
    make_file("root/b/d/e");
    CHECK_EQ(symlink("../a", "root/b/link_to_a"), 0);
    CHECK_EQ(symlink("..", "root/b/link_up"), 0);
    CHECK_EQ(symlink("nowhere", "root/dangling"), 0);
    make_directory("root/empty");
}

/* Removes `name` in the directory `at`, a directory with all it holds. */
static inline void remove_all(int at, const char* name) {
    struct stat status;
    CHECK_EQ(fstatat(at, name, &status, AT_SYMLINK_NOFOLLOW), 0);
    if (S_ISDIR(status.st_mode)) {
        CHECK_EQ(fchmodat(at, name, 0755, 0), 0); /* a test may have made it unreadable */
        int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        CHECK(fd >= 0);
        DIR* directory = fdopendir(fd);
        CHECK(directory != NULL);
        struct dirent* entry;
        while ((entry = readdir(directory)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
            remove_all(fd, entry->d_name);
            rewinddir(directory); /* the listing changed under us */
        }
        CHECK_EQ(closedir(directory), 0);
        CHECK_EQ(unlinkat(at, name, AT_REMOVEDIR), 0);
    } else {
        CHECK_EQ(unlinkat(at, name, 0), 0);
    }
}

static inline void remove_tree(void) {
    CHECK_EQ(chdir(tree_start), 0);
    remove_all(AT_FDCWD, tree_directory);
}

/* Descriptors open in this process now. */
static inline int open_descriptors(void) {
    int count = 0;
    for (int fd = 0; fd < 1024; ++fd)
        if (fcntl(fd, F_GETFD) != -1) ++count;
    return count;
}

/* Makes "locked" (first, shut/inside, last) with "locked/shut" unreadable,
 * and forks: returns the child's pid in the parent; in the child, 0 once it
 * is not root (root reads any directory), which exits at once, checking
 * nothing, when root cannot become another user. */
static inline pid_t fork_with_unreadable_directory(void) {
    make_directory("locked");
    make_file("locked/first");
    make_directory("locked/shut");
    make_file("locked/shut/inside");
    make_file("locked/last");
    CHECK_EQ(chmod("locked/shut", 0), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0 && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(0);
    return child;
}

/* The working directory, relative to the temporary one ("." for itself). */
static inline const char* where_we_are(void) {
    static char path[PATH_MAX + 1];
    CHECK(getcwd(path, sizeof path) != NULL);
    size_t length = strlen(tree_directory);
    if (strncmp(path, tree_directory, length) != 0) return path;
    if (path[length] == '\0') return ".";
    return path + length + 1;
}

#endif
