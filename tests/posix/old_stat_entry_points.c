/* The versioned stat entry points that programs built against glibc's
 * headers before 2.33 call: the same answers as stat, lstat, fstat, fstatat
 * and mknodat for the versions x86-64 knows (0 and 1; 0 for mknod), EINVAL
 * for any other. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../integration/check.h"

/* What the old headers declared. */
int __xstat(int, const char*, struct stat*);
int __lxstat(int, const char*, struct stat*);
int __fxstat(int, int, struct stat*);
int __fxstatat(int, int, const char*, struct stat*, int);
int __xstat64(int, const char*, struct stat64*);
int __xmknodat(int, int, const char*, mode_t, dev_t*);

int main(void) {
    char directory[] = "/tmp/lwp-old-stat-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    CHECK_EQ(chdir(directory), 0);
    int fd = open("file", O_CREAT | O_WRONLY, 0640);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "12345", 5), 5);
    CHECK_EQ(symlink("file", "link"), 0);

    struct stat expected, got;
    CHECK_EQ(stat("file", &expected), 0);
    for (int version = 0; version <= 1; ++version) {
        memset(&got, 0, sizeof got);
        CHECK_EQ(__xstat(version, "link", &got), 0);
        CHECK(got.st_ino == expected.st_ino && got.st_size == 5 && S_ISREG(got.st_mode));
        CHECK_EQ(__lxstat(version, "link", &got), 0);
        CHECK(S_ISLNK(got.st_mode));
        CHECK_EQ(__fxstat(version, fd, &got), 0);
        CHECK(got.st_ino == expected.st_ino);
        CHECK_EQ(__fxstatat(version, AT_FDCWD, "link", &got, AT_SYMLINK_NOFOLLOW), 0);
        CHECK(S_ISLNK(got.st_mode));
        struct stat64 wide;
        CHECK_EQ(__xstat64(version, "file", &wide), 0);
        CHECK(wide.st_ino == expected.st_ino);
    }
    errno = 0;
    CHECK_EQ(__xstat(3, "file", &got), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(__fxstat(2, fd, &got), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(__xstat(1, "missing", &got), -1);
    CHECK_EQ(errno, ENOENT);

    dev_t device = 0;
    CHECK_EQ(__xmknodat(0, AT_FDCWD, "fifo", S_IFIFO | 0600, &device), 0);
    CHECK_EQ(stat("fifo", &got), 0);
    CHECK(S_ISFIFO(got.st_mode));
    errno = 0;
    CHECK_EQ(__xmknodat(1, AT_FDCWD, "fifo2", S_IFIFO | 0600, &device), -1);
    CHECK_EQ(errno, EINVAL);

    close(fd);
    CHECK_EQ(unlink("fifo"), 0);
    CHECK_EQ(unlink("link"), 0);
    CHECK_EQ(unlink("file"), 0);
    CHECK_EQ(chdir("/"), 0);
    CHECK_EQ(rmdir(directory), 0);
    return 0;
}
