/* mkstemp, mkdtemp, mkdir, rmdir, remove, mkfifo, mknod, umask, the stat
 * family, flock, ftruncate, pread, pwrite, fcntl, ioctl, lockf, fallocate,
 * posix_fallocate, posix_fadvise, prlimit, the device-number helpers and the
 * large-file (*64) names: temporary files and
 * directories, what stat says of them,
 * positioned I/O, descriptor flags, and record locks seen from another
 * process (locks belong to processes, so a child is what can tell). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static void temporary_files(void) {
    char first[] = "/tmp/lwp-file-calls-XXXXXX";
    char second[] = "/tmp/lwp-file-calls-XXXXXX";
    int fd = mkstemp(first);
    CHECK(fd >= 0);
    CHECK(strncmp(first, "/tmp/lwp-file-calls-", 20) == 0 && strcmp(first + 20, "XXXXXX") != 0);
    int other = mkstemp(second);
    CHECK(other >= 0);
    CHECK(strcmp(first, second) != 0);
    CHECK_EQ(access(first, F_OK), 0);
    CHECK_EQ(unlink(second), 0);
    CHECK_EQ(close(other), 0);
    char bad[] = "/tmp/lwp-no-placeholder";
    errno = 0;
    CHECK_EQ(mkstemp(bad), -1);
    CHECK_EQ(errno, EINVAL);
    char short_one[] = "XXXXX";
    errno = 0;
    CHECK_EQ(mkstemp(short_one), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(first), 0);

    /* A directory made with a unique name, one made inside it, both removed. */
    char directory[] = "/tmp/lwp-file-calls-dir-XXXXXX";
    CHECK(mkdtemp(directory) == directory);
    CHECK(strcmp(directory + 24, "XXXXXX") != 0);
    char inner[64];
    strcpy(inner, directory);
    strcat(inner, "/inner");
    CHECK_EQ(mkdir(inner, 0700), 0);
    errno = 0;
    CHECK_EQ(mkdir(inner, 0700), -1);
    CHECK_EQ(errno, EEXIST);
    errno = 0;
    CHECK_EQ(rmdir(directory), -1); /* not empty */
    CHECK_EQ(errno, ENOTEMPTY);
    CHECK_EQ(rmdir(inner), 0);
    CHECK_EQ(rmdir(directory), 0);
    CHECK_EQ(access(directory, F_OK), -1);
    char no_placeholder[] = "/tmp/lwp-dir";
    errno = 0;
    CHECK(mkdtemp(no_placeholder) == NULL);
    CHECK_EQ(errno, EINVAL);
}

/* What stat, lstat, fstat and fstatat report, under a umask; mkfifo; remove
 * of a file and of a directory; flock between two open file descriptions. */
static void file_status(void) {
    char directory[] = "/tmp/lwp-file-status-XXXXXX";
    CHECK(mkdtemp(directory) == directory);
    char file[64], fifo[64], link_name[64], sub[64];
    snprintf(file, sizeof file, "%s/file", directory);
    snprintf(fifo, sizeof fifo, "%s/fifo", directory);
    snprintf(link_name, sizeof link_name, "%s/link", directory);
    snprintf(sub, sizeof sub, "%s/sub", directory);

    mode_t old_mask = umask(027);
    CHECK_EQ(umask(027), 027); /* returns the mask it replaces */
    int fd = open(file, O_CREAT | O_RDWR, 0777);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "12345", 5), 5);
    struct stat by_path, by_fd, at;
    CHECK_EQ(stat(file, &by_path), 0);
    CHECK(S_ISREG(by_path.st_mode));
    CHECK_EQ(by_path.st_mode & 0777, 0750); /* 0777 less the umask */
    CHECK_EQ(by_path.st_size, 5);
    CHECK_EQ(fstat(fd, &by_fd), 0);
    CHECK(by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev);
    CHECK_EQ(fstatat(AT_FDCWD, file, &at, 0), 0);
    CHECK(at.st_ino == by_path.st_ino);
    struct stat64 wide;
    CHECK_EQ(stat64(file, &wide), 0);
    CHECK(wide.st_ino == by_path.st_ino && wide.st_size == 5);

    CHECK_EQ(mkfifo(fifo, 0666), 0);
    CHECK_EQ(stat(fifo, &at), 0);
    CHECK(S_ISFIFO(at.st_mode));
    CHECK_EQ(at.st_mode & 0777, 0640);
    CHECK_EQ(symlink(file, link_name), 0);
    CHECK_EQ(lstat(link_name, &at), 0);
    CHECK(S_ISLNK(at.st_mode));
    CHECK_EQ(stat(link_name, &at), 0); /* followed */
    CHECK(at.st_ino == by_path.st_ino);
    errno = 0;
    CHECK_EQ(stat("/tmp/lwp-surely/absent", &at), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(fstat(-1, &at), -1);
    CHECK_EQ(errno, EBADF);
    /* AT_FDCWD names no open descriptor for fstat (glibc's io/tst-stat):
     * EBADF, not the working directory's status. */
    errno = 0;
    CHECK_EQ(fstat(AT_FDCWD, &at), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(fstat64(AT_FDCWD, (struct stat64*)&at), -1);
    CHECK_EQ(errno, EBADF);
    umask(old_mask);

    /* flock: one exclusive holder per file, across open file descriptions. */
    int other = open(file, O_RDWR);
    CHECK(other >= 0);
    CHECK_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
    errno = 0;
    CHECK_EQ(flock(other, LOCK_SH | LOCK_NB), -1);
    CHECK_EQ(errno, EWOULDBLOCK);
    CHECK_EQ(flock(fd, LOCK_UN), 0);
    CHECK_EQ(flock(other, LOCK_SH | LOCK_NB), 0);
    errno = 0;
    CHECK_EQ(flock(fd, 0), -1); /* no operation named */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close(other), 0);
    CHECK_EQ(close(fd), 0);

    /* remove: a file, a FIFO, a link, an empty directory; not a full one. */
    CHECK_EQ(mkdir(sub, 0700), 0);
    errno = 0;
    CHECK_EQ(remove(directory), -1);
    CHECK_EQ(errno, ENOTEMPTY);
    CHECK_EQ(remove(link_name), 0);
    CHECK_EQ(remove(fifo), 0);
    CHECK_EQ(remove(file), 0);
    CHECK_EQ(remove(sub), 0);
    CHECK_EQ(remove(directory), 0);
    errno = 0;
    CHECK_EQ(remove(directory), -1);
    CHECK_EQ(errno, ENOENT);
}

static void positioned_io_and_size(int fd) {
    CHECK_EQ(pwrite(fd, "world", 5, 6), 5);
    CHECK_EQ(pwrite(fd, "hello ", 6, 0), 6);
    char text[16] = {0};
    CHECK_EQ(pread(fd, text, sizeof text, 0), 11);
    CHECK(strcmp(text, "hello world") == 0);
    /* The file's own offset did not move: a read starts at 0. */
    memset(text, 0, sizeof text);
    CHECK_EQ(read(fd, text, 5), 5);
    CHECK(strcmp(text, "hello") == 0);
    /* ftruncate shortens, and lengthens with zeros. */
    CHECK_EQ(ftruncate(fd, 4), 0);
    CHECK_EQ(pread(fd, text, sizeof text, 0), 4);
    CHECK_EQ(ftruncate(fd, 100), 0);
    char last = 'x';
    CHECK_EQ(pread(fd, &last, 1, 99), 1);
    CHECK_EQ(last, '\0');
    CHECK_EQ(pread(fd, &last, 1, 100), 0);
    errno = 0;
    CHECK_EQ(pwrite(-1, "x", 1, 0), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(ftruncate(fd, -1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void descriptor_flags(int fd) {
    CHECK_EQ(fcntl(fd, F_GETFD), 0);
    CHECK_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
    CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
    CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
    int copy = fcntl(fd, F_DUPFD, 10);
    CHECK(copy >= 10);
    CHECK_EQ(close(copy), 0);
    errno = 0;
    CHECK_EQ(fcntl(-1, F_GETFD), -1);
    CHECK_EQ(errno, EBADF);
    /* ioctl: a request the file answers (the bytes left to read from the
     * offset, 0 here after the writes above left it at the end), one it
     * does not know, and no descriptor. */
    CHECK(lseek(fd, 0, SEEK_END) >= 0);
    int unread = -1;
    CHECK_EQ(ioctl(fd, FIONREAD, &unread), 0);
    CHECK_EQ(unread, 0);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK_EQ(ioctl(fd, FIONREAD, &unread), 0);
    CHECK(unread > 0);
    errno = 0;
    CHECK_EQ(ioctl(fd, TIOCGWINSZ, &unread), -1);
    CHECK_EQ(errno, ENOTTY);
    errno = 0;
    CHECK_EQ(ioctl(-1, FIONREAD, &unread), -1);
    CHECK_EQ(errno, EBADF);
}

/* In a child: the parent holds a write lock on bytes [0, 10). */
static int look_from_another_process(int fd) {
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
    if (fcntl(fd, F_GETLK, &probe) != 0 || probe.l_type != F_WRLCK || probe.l_pid != getppid())
        return 2;
    errno = 0;
    if (lockf(fd, F_TEST, 10) != -1 || errno != EACCES) return 3;
    errno = 0;
    if (lockf(fd, F_TLOCK, 10) != -1 || (errno != EACCES && errno != EAGAIN)) return 4;
    /* Bytes past the parent's lock are free. */
    struct flock beyond = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 20, .l_len = 5};
    if (fcntl(fd, F_SETLK, &beyond) != 0) return 5;
    return 0;
}

static void record_locks(int fd) {
    CHECK_EQ(lockf(fd, F_LOCK, 10), 0);  /* from offset 0: [0, 10) */
    CHECK_EQ(lockf(fd, F_TEST, 10), 0);  /* our own lock is no obstacle */
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) _exit(look_from_another_process(fd));
    expect_exit_code(child, 0);
    CHECK_EQ(lockf(fd, F_ULOCK, 10), 0);
    child = fork();
    CHECK(child != -1);
    if (child == 0) _exit(lockf(fd, F_TLOCK, 10) == 0 ? 0 : 1);
    expect_exit_code(child, 0);
    errno = 0;
    CHECK_EQ(lockf(fd, 12345, 10), -1);
    CHECK_EQ(errno, EINVAL);
}

/* Space, hints, limits, device numbers, and the *64 names, which must be
 * the same calls. */
static void space_hints_and_large_file_names(void) {
    char name[] = "/tmp/lwp-file-calls-64-XXXXXX";
    int fd = mkstemp64(name);
    CHECK(fd >= 0);
    CHECK_EQ(posix_fallocate(fd, 0, 10000), 0);
    struct stat status;
    CHECK_EQ(fstat(fd, &status), 0);
    CHECK_EQ(status.st_size, 10000);
    CHECK_EQ(fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 50000), 0);
    CHECK_EQ(fstat(fd, &status), 0);
    CHECK_EQ(status.st_size, 10000); /* kept */
    CHECK(status.st_blocks * 512 >= 50000);
    CHECK_EQ(posix_fallocate(fd, -1, 10), EINVAL);
    CHECK_EQ(posix_fallocate(fd, 0, 0), EINVAL);
    CHECK_EQ(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL), 0);
    CHECK_EQ(posix_fadvise(fd, 0, 0, 99), EINVAL);
    CHECK_EQ(posix_fadvise(-1, 0, 0, POSIX_FADV_NORMAL), EBADF);
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    CHECK_EQ(posix_fadvise(ends[0], 0, 0, POSIX_FADV_NORMAL), ESPIPE);
    CHECK_EQ(close(ends[0]), 0);
    CHECK_EQ(close(ends[1]), 0);

    CHECK_EQ(pwrite64(fd, "64", 2, 20000), 2);
    char got[3] = {0};
    CHECK_EQ(pread64(fd, got, 2, 20000), 2);
    CHECK(strcmp(got, "64") == 0);
    CHECK_EQ(lseek64(fd, 0, SEEK_END), 20002);
    CHECK_EQ(ftruncate64(fd, 5), 0);
    CHECK_EQ(lseek64(fd, 0, SEEK_END), 5);
    int again = open64(name, O_RDONLY);
    CHECK(again >= 0);
    CHECK_EQ(close(again), 0);
    again = openat64(AT_FDCWD, name, O_RDONLY);
    CHECK(again >= 0);
    CHECK_EQ(close(again), 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(name), 0);

    /* mknod makes a FIFO as mkfifo does (devices need privilege). */
    char directory[] = "/tmp/lwp-mknod-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/fifo", directory);
    CHECK_EQ(mknod(fifo, S_IFIFO | 0600, 0), 0);
    CHECK_EQ(stat(fifo, &status), 0);
    CHECK(S_ISFIFO(status.st_mode));
    errno = 0;
    CHECK_EQ(mknodat(AT_FDCWD, fifo, S_IFIFO | 0600, 0), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(unlink(fifo), 0);
    CHECK_EQ(rmdir(directory), 0);

    /* Device numbers wider than the old 8+8 bits survive the round trip. */
    dev_t device = makedev(0x12345, 0x6789a);
    CHECK_EQ(major(device), 0x12345u);
    CHECK_EQ(minor(device), 0x6789au);
    CHECK_EQ(gnu_dev_major(gnu_dev_makedev(8, 1)), 8u);
    CHECK_EQ(gnu_dev_minor(gnu_dev_makedev(8, 1)), 1u);
    CHECK_EQ(gnu_dev_makedev(8, 1), 0x801u);

    /* prlimit: this process's own limit, by pid, read and changed back. */
    struct rlimit mine, through_prlimit, previous;
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &mine), 0);
    CHECK_EQ(prlimit(getpid(), RLIMIT_NOFILE, NULL, &through_prlimit), 0);
    CHECK_EQ(through_prlimit.rlim_cur, mine.rlim_cur);
    struct rlimit lower = mine;
    lower.rlim_cur = mine.rlim_cur > 64 ? 64 : mine.rlim_cur;
    CHECK_EQ(prlimit(0, RLIMIT_NOFILE, &lower, &previous), 0);
    CHECK_EQ(previous.rlim_cur, mine.rlim_cur);
    struct rlimit64 wide;
    CHECK_EQ(getrlimit64(RLIMIT_NOFILE, &wide), 0);
    CHECK_EQ(wide.rlim_cur, lower.rlim_cur);
    CHECK_EQ(setrlimit64(RLIMIT_NOFILE, (struct rlimit64*)&mine), 0);
    errno = 0;
    CHECK_EQ(prlimit(-1, RLIMIT_NOFILE, NULL, &previous), -1);
    CHECK_EQ(errno, ESRCH);
}

int main(void) {
    temporary_files();
    file_status();
    char name[] = "/tmp/lwp-file-calls-XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(name), 0);  /* stays usable until closed */
    positioned_io_and_size(fd);
    descriptor_flags(fd);
    CHECK_EQ(pread(fd, &(char){0}, 1, 0), 1);
    record_locks(fd);
    CHECK_EQ(close(fd), 0);
    space_hints_and_large_file_names();
    return 0;
}
