/* scandirat: scandir relative to a directory descriptor (AT_FDCWD too),
 * filtered and sorted, with the errors of openat (ENOENT, ENOTDIR, EBADF);
 * and `_environ`, glibc's third name of the environment array. Passes
 * against glibc too. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../integration/check.h"

extern char** _environ;

static int not_dot(const struct dirent* entry) { return entry->d_name[0] != '.'; }

int main(void) {
    CHECK(_environ == environ);

    char top[] = "/tmp/lwp-scandirat-XXXXXX";
    CHECK(mkdtemp(top) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/sub", top);
    CHECK_EQ(mkdir(path, 0700), 0);
    const char* names[] = {"c", "a", "b"};
    for (int i = 0; i < 3; ++i) {
        snprintf(path, sizeof path, "%s/sub/%s", top, names[i]);
        int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        CHECK(fd >= 0);
        CHECK_EQ(close(fd), 0);
    }
    int dirfd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    CHECK(dirfd >= 0);
    struct dirent** list;
    CHECK_EQ(scandirat(dirfd, "sub", &list, not_dot, alphasort), 3);
    CHECK_EQ(strcmp(list[0]->d_name, "a"), 0);
    CHECK_EQ(strcmp(list[1]->d_name, "b"), 0);
    CHECK_EQ(strcmp(list[2]->d_name, "c"), 0);
    for (int i = 0; i < 3; ++i) free(list[i]);
    free(list);
    /* "." and ".." too without a filter. */
    snprintf(path, sizeof path, "%s/sub", top);
    CHECK_EQ(scandirat(AT_FDCWD, path, &list, NULL, NULL), 5);
    for (int i = 0; i < 5; ++i) free(list[i]);
    free(list);
    errno = 0;
    CHECK_EQ(scandirat(dirfd, "missing", &list, NULL, NULL), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(scandirat(dirfd, "sub/a", &list, NULL, NULL), -1);
    CHECK_EQ(errno, ENOTDIR);
    CHECK_EQ(scandirat(-1, "sub", &list, NULL, NULL), -1);
    CHECK_EQ(errno, EBADF);
    /* No descriptor left behind. */
    int next = dup(0);
    CHECK_EQ(next, dirfd + 1);
    CHECK_EQ(close(next), 0);
    CHECK_EQ(close(dirfd), 0);

    for (int i = 0; i < 3; ++i) {
        snprintf(path, sizeof path, "%s/sub/%s", top, names[i]);
        CHECK_EQ(unlink(path), 0);
    }
    snprintf(path, sizeof path, "%s/sub", top);
    CHECK_EQ(rmdir(path), 0);
    CHECK_EQ(rmdir(top), 0);
    return 0;
}
