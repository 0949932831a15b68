/* Names and attributes of files, and reading directories: rename, renameat,
 * renameat2 (RENAME_NOREPLACE), link, linkat, unlinkat (AT_REMOVEDIR),
 * symlinkat, readlink, readlinkat, mkdirat, faccessat, fchmodat, chown,
 * lchown, fchown, fchownat, truncate, fchdir, utimensat, futimens, utime,
 * utimes, futimes, futimesat, sync,
 * syncfs, dup3; opendir, fdopendir, readdir, readdir_r, rewinddir, dirfd,
 * telldir, seekdir, closedir, scandir with alphasort; realpath through
 * ".", "..", relative and absolute links and a loop; each with its usual
 * failures and their errno. Everything lives in a directory made by mkdtemp,
 * removed at the end.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "../integration/check.h"

static char top[64];
static int top_fd;

static void make_file(const char* name, const char* text) {
    int fd = openat(top_fd, name, O_WRONLY | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (long long)strlen(text));
    CHECK_EQ(close(fd), 0);
}

static off_t size_of(const char* name) {
    struct stat status;
    CHECK_EQ(fstatat(top_fd, name, &status, AT_SYMLINK_NOFOLLOW), 0);
    return status.st_size;
}

static void renaming_and_links(void) {
    make_file("a", "alpha");
    make_file("b", "beta!");
    CHECK_EQ(renameat(top_fd, "a", top_fd, "c"), 0);
    CHECK_EQ(faccessat(top_fd, "a", F_OK, 0), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(renameat2(top_fd, "c", top_fd, "b", RENAME_NOREPLACE), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(renameat2(top_fd, "c", top_fd, "b", 0), 0); /* replaces b */
    CHECK_EQ(size_of("b"), 5);
    errno = 0;
    CHECK_EQ(renameat(top_fd, "missing", top_fd, "x"), -1);
    CHECK_EQ(errno, ENOENT);

    CHECK_EQ(linkat(top_fd, "b", top_fd, "hard", 0), 0);
    struct stat status;
    CHECK_EQ(fstatat(top_fd, "b", &status, 0), 0);
    CHECK_EQ(status.st_nlink, 2);
    errno = 0;
    CHECK_EQ(linkat(top_fd, "b", top_fd, "hard", 0), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(unlinkat(top_fd, "hard", 0), 0);

    CHECK_EQ(symlinkat("b", top_fd, "soft"), 0);
    char target[PATH_MAX];
    CHECK_EQ(readlinkat(top_fd, "soft", target, sizeof target), 1);
    CHECK_EQ(target[0], 'b');
    /* Cut at the buffer's size, never null-terminated. */
    CHECK_EQ(symlinkat("a-long-target-name", top_fd, "long"), 0);
    memset(target, '#', sizeof target);
    CHECK_EQ(readlinkat(top_fd, "long", target, 4), 4);
    CHECK(memcmp(target, "a-lo#", 5) == 0);
    errno = 0;
    CHECK_EQ(readlinkat(top_fd, "b", target, sizeof target), -1); /* not a link */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(unlinkat(top_fd, "long", 0), 0);

    /* The path forms, from inside the directory (fchdir). */
    int previous = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(previous >= 0);
    CHECK_EQ(fchdir(top_fd), 0);
    CHECK_EQ(rename("b", "d"), 0);
    CHECK_EQ(link("d", "e"), 0);
    CHECK_EQ(readlink("soft", target, sizeof target), 1);
    CHECK_EQ(truncate("d", 2), 0);
    CHECK_EQ(size_of("e"), 2); /* the same file */
    errno = 0;
    CHECK_EQ(truncate("missing", 0), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(fchdir(-1), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(fchdir(previous), 0);
    CHECK_EQ(close(previous), 0);
    CHECK_EQ(unlinkat(top_fd, "d", 0), 0);
    CHECK_EQ(unlinkat(top_fd, "e", 0), 0);
    CHECK_EQ(unlinkat(top_fd, "soft", 0), 0);
}

static void directories_and_modes(void) {
    CHECK_EQ(mkdirat(top_fd, "sub", 0700), 0);
    errno = 0;
    CHECK_EQ(mkdirat(top_fd, "sub", 0700), -1);
    CHECK_EQ(errno, EEXIST);
    errno = 0;
    CHECK_EQ(unlinkat(top_fd, "sub", 0), -1); /* a directory needs AT_REMOVEDIR */
    CHECK(errno == EISDIR || errno == EPERM);

    make_file("sub/f", "x");
    CHECK_EQ(fchmodat(top_fd, "sub/f", 0400, 0), 0);
    struct stat status;
    CHECK_EQ(fstatat(top_fd, "sub/f", &status, 0), 0);
    CHECK_EQ(status.st_mode & 0777, 0400);
    errno = 0;
    CHECK_EQ(fchmodat(top_fd, "sub/f", 0600, 0x4000), -1); /* an unknown flag */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(faccessat(top_fd, "sub/f", R_OK, 0), 0);
    CHECK_EQ(faccessat(top_fd, "sub/f", R_OK, AT_EACCESS), 0);

    /* Owners: to oneself always works; to another needs privilege. */
    CHECK_EQ(fchownat(top_fd, "sub/f", getuid(), getgid(), 0), 0);
    int fd = openat(top_fd, "sub/f", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(fchown(fd, -1, -1), 0);
    CHECK_EQ(close(fd), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/sub/f", top);
    CHECK_EQ(chown(path, getuid(), -1), 0);
    CHECK_EQ(lchown(path, -1, getgid()), 0);
    errno = 0;
    CHECK_EQ(chown("/nonexistent-lwp-path", 0, 0), -1);
    CHECK_EQ(errno, ENOENT);

    /* Times: a set value, then UTIME_OMIT leaving one alone. */
    struct timespec times[2] = {{1000000000, 5}, {1500000000, 7}};
    CHECK_EQ(utimensat(top_fd, "sub/f", times, 0), 0);
    CHECK_EQ(fstatat(top_fd, "sub/f", &status, 0), 0);
    CHECK_EQ(status.st_atim.tv_sec, 1000000000);
    CHECK_EQ(status.st_mtim.tv_sec, 1500000000);
    CHECK_EQ(status.st_mtim.tv_nsec, 7);
    fd = openat(top_fd, "sub/f", O_RDONLY);
    CHECK(fd >= 0);
    struct timespec omit_access[2] = {{0, UTIME_OMIT}, {1600000000, 0}};
    CHECK_EQ(futimens(fd, omit_access), 0);
    CHECK_EQ(fstat(fd, &status), 0);
    CHECK_EQ(status.st_atim.tv_sec, 1000000000);
    CHECK_EQ(status.st_mtim.tv_sec, 1600000000);
    CHECK_EQ(syncfs(fd), 0);
    CHECK_EQ(close(fd), 0);
    sync();
    errno = 0;
    CHECK_EQ(futimens(-1, times), -1);
    CHECK_EQ(errno, EBADF);

    /* The older forms: microseconds, seconds, and null for now. */
    snprintf(path, sizeof path, "%s/sub/f", top);
    struct timeval micro[2] = {{1100000000, 250000}, {1200000000, 999999}};
    CHECK_EQ(utimes(path, micro), 0);
    CHECK_EQ(stat(path, &status), 0);
    CHECK_EQ(status.st_atim.tv_nsec, 250000000);
    CHECK_EQ(status.st_mtim.tv_sec, 1200000000);
    CHECK_EQ(status.st_mtim.tv_nsec, 999999000);
    struct utimbuf whole = {1300000000, 1400000000};
    CHECK_EQ(utime(path, &whole), 0);
    CHECK_EQ(stat(path, &status), 0);
    CHECK_EQ(status.st_atim.tv_sec, 1300000000);
    CHECK_EQ(status.st_mtim.tv_sec, 1400000000);
    CHECK_EQ(status.st_mtim.tv_nsec, 0);
    CHECK_EQ(futimesat(top_fd, "sub/f", micro), 0);
    CHECK_EQ(stat(path, &status), 0);
    CHECK_EQ(status.st_mtim.tv_sec, 1200000000);
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(futimes(fd, NULL), 0); /* now */
    CHECK_EQ(fstat(fd, &status), 0);
    CHECK(status.st_mtim.tv_sec > 1600000000);
    CHECK_EQ(close(fd), 0);
    struct timeval bad[2] = {{0, 1000000}, {0, 0}};
    errno = 0;
    CHECK_EQ(utimes(path, bad), -1);
    CHECK_EQ(errno, EINVAL);

    CHECK_EQ(unlinkat(top_fd, "sub/f", 0), 0);
    CHECK_EQ(unlinkat(top_fd, "sub", AT_REMOVEDIR), 0);
}

static void duplicate(void) {
    int fd = dup3(top_fd, 40, O_CLOEXEC);
    CHECK_EQ(fd, 40);
    CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
    CHECK_EQ(close(fd), 0);
    errno = 0;
    CHECK_EQ(dup3(top_fd, top_fd, 0), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(dup3(top_fd, 41, O_APPEND), -1);
    CHECK_EQ(errno, EINVAL);
}

/* ---- Directories ---- */

static int names_seen(DIR* directory, char seen[][16], int capacity) {
    int count = 0;
    struct dirent* entry;
    errno = 0;
    while ((entry = readdir(directory)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        CHECK(count < capacity);
        CHECK(strlen(entry->d_name) < 16);
        strcpy(seen[count++], entry->d_name);
    }
    CHECK_EQ(errno, 0); /* the end, not an error */
    return count;
}

static int by_name(const void* left, const void* right) { return strcmp(left, right); }

static int without_dots(const struct dirent* entry) { return entry->d_name[0] != '.'; }

static atomic_int shared_entries;
static void* read_shared(void* argument) {
    DIR* directory = argument;
    while (readdir(directory) != NULL) atomic_fetch_add(&shared_entries, 1);
    return NULL;
}

static void reading_directories(void) {
    CHECK_EQ(mkdirat(top_fd, "list", 0700), 0);
    enum { files = 300 };
    char name[32];
    for (int i = 0; i < files; ++i) {
        snprintf(name, sizeof name, "list/n%03d", i);
        make_file(name, "");
    }
    char path[128];
    snprintf(path, sizeof path, "%s/list", top);
    DIR* directory = opendir(path);
    CHECK(directory != NULL);
    CHECK(fcntl(dirfd(directory), F_GETFD) & FD_CLOEXEC);
    static char seen[files][16];
    CHECK_EQ(names_seen(directory, seen, files), files);
    qsort(seen, files, sizeof seen[0], by_name);
    for (int i = 0; i < files; ++i) {
        snprintf(name, sizeof name, "n%03d", i);
        CHECK_STREQ(seen[i], name);
    }
    CHECK(readdir(directory) == NULL); /* stays at the end */
    rewinddir(directory);
    CHECK_EQ(names_seen(directory, seen, files), files);

    /* telldir/seekdir: back to a remembered place, the same entries after it. */
    rewinddir(directory);
    for (int i = 0; i < 50; ++i) CHECK(readdir(directory) != NULL);
    long place = telldir(directory);
    struct dirent* after = readdir(directory);
    CHECK(after != NULL);
    char expected[256];
    strcpy(expected, after->d_name);
    for (int i = 0; i < 20; ++i) readdir(directory);
    seekdir(directory, place);
    after = readdir(directory);
    CHECK(after != NULL);
    CHECK_STREQ(after->d_name, expected);

    /* readdir_r into the caller's entry (deprecated, still used). */
    rewinddir(directory);
    struct dirent entry, *result = NULL;
    int entries = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    while (readdir_r(directory, &entry, &result) == 0 && result != NULL) {
        CHECK(result == &entry);
        ++entries;
    }
#pragma GCC diagnostic pop
    CHECK(result == NULL);
    CHECK_EQ(entries, files + 2);
    CHECK_EQ(closedir(directory), 0);

    /* Two threads sharing one stream: each entry goes to exactly one. */
    directory = opendir(path);
    CHECK(directory != NULL);
    atomic_store(&shared_entries, 0);
    pthread_t readers[2];
    for (int i = 0; i < 2; ++i) CHECK_EQ(pthread_create(&readers[i], NULL, read_shared, directory), 0);
    for (int i = 0; i < 2; ++i) CHECK_EQ(pthread_join(readers[i], NULL), 0);
    CHECK_EQ(atomic_load(&shared_entries), files + 2);
    CHECK_EQ(closedir(directory), 0);

    /* fdopendir takes over the descriptor. */
    int fd = openat(top_fd, "list", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    directory = fdopendir(fd);
    CHECK(directory != NULL);
    CHECK_EQ(dirfd(directory), fd);
    CHECK_EQ(closedir(directory), 0);
    CHECK_EQ(fcntl(fd, F_GETFD), -1); /* closed with it */

    /* scandir: filtered, sorted, each entry and the list malloc'd. */
    struct dirent** list = NULL;
    int count = scandir(path, &list, without_dots, alphasort);
    CHECK_EQ(count, files);
    for (int i = 0; i < count; ++i) {
        snprintf(name, sizeof name, "n%03d", i);
        CHECK_STREQ(list[i]->d_name, name);
        free(list[i]);
    }
    free(list);
    CHECK_EQ(scandir(path, &list, NULL, NULL), files + 2);
    for (int i = 0; i < files + 2; ++i) free(list[i]);
    free(list);

    /* Failures. */
    errno = 0;
    CHECK(opendir("/nonexistent-lwp-path") == NULL);
    CHECK_EQ(errno, ENOENT);
    snprintf(path, sizeof path, "%s/list/n000", top);
    errno = 0;
    CHECK(opendir(path) == NULL);
    CHECK_EQ(errno, ENOTDIR);
    fd = openat(top_fd, "list/n000", O_RDONLY);
    CHECK(fd >= 0);
    errno = 0;
    CHECK(fdopendir(fd) == NULL);
    CHECK_EQ(errno, ENOTDIR);
    CHECK_EQ(close(fd), 0); /* still the caller's */
    errno = 0;
    CHECK(fdopendir(-1) == NULL);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(scandir("/nonexistent-lwp-path", &list, NULL, NULL), -1);
    CHECK_EQ(errno, ENOENT);

    for (int i = 0; i < files; ++i) {
        snprintf(name, sizeof name, "list/n%03d", i);
        CHECK_EQ(unlinkat(top_fd, name, 0), 0);
    }
    CHECK_EQ(unlinkat(top_fd, "list", AT_REMOVEDIR), 0);
}

/* The canonical name of `relative` (inside the test's directory), or null
 * with errno. The answer is checked against the expected one, made from the
 * directory's own canonical name (mkdtemp's under /tmp may itself involve a
 * link). */
static void expect_real(const char* relative, const char* expected_relative) {
    char path[256], expected[PATH_MAX + 256], top_real[PATH_MAX];
    CHECK(realpath(top, top_real) != NULL);
    snprintf(path, sizeof path, "%s/%s", top, relative);
    snprintf(expected, sizeof expected, "%s%s%s", top_real, *expected_relative ? "/" : "",
             expected_relative);
    char* found = realpath(path, NULL);
    CHECK(found != NULL);
    CHECK_STREQ(found, expected);
    free(found);
    char buffer[PATH_MAX];
    CHECK(realpath(path, buffer) == buffer);
    CHECK_STREQ(buffer, expected);
}

static void expect_real_failure(const char* relative, int error) {
    char path[256], buffer[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", top, relative);
    errno = 0;
    CHECK(realpath(path, buffer) == NULL);
    CHECK_EQ(errno, error);
}

/* realpath fails for `relative`, with `error`, and leaves the buffer holding
 * the canonical name of `left_relative` (inside the test's directory), or
 * untouched when that is null. */
static void expect_left_behind(const char* relative, int error, const char* left_relative) {
    char path[256], buffer[PATH_MAX], expected[PATH_MAX + 256], top_real[PATH_MAX];
    CHECK(realpath(top, top_real) != NULL);
    snprintf(path, sizeof path, "%s/%s", top, relative);
    memset(buffer, '#', sizeof buffer - 1);
    buffer[sizeof buffer - 1] = '\0';
    errno = 0;
    CHECK(realpath(path, buffer) == NULL);
    CHECK_EQ(errno, error);
    if (left_relative == NULL) {
        CHECK(buffer[0] == '#' && strlen(buffer) == sizeof buffer - 1);
        return;
    }
    snprintf(expected, sizeof expected, "%s/%s", top_real, left_relative);
    CHECK_STREQ(buffer, expected);
}

static void canonical_names(void) {
    CHECK_EQ(mkdirat(top_fd, "d1", 0700), 0);
    CHECK_EQ(mkdirat(top_fd, "d1/d2", 0700), 0);
    make_file("d1/d2/f", "");
    CHECK_EQ(symlinkat("d1/d2", top_fd, "to_d2"), 0);     /* relative */
    CHECK_EQ(symlinkat("../d2/f", top_fd, "d1/d2/up"), 0); /* relative, via .. */
    CHECK_EQ(symlinkat("to_d2", top_fd, "chain"), 0);      /* a link to a link */
    char absolute[256];
    snprintf(absolute, sizeof absolute, "%s/d1", top);
    CHECK_EQ(symlinkat(absolute, top_fd, "abs"), 0);
    CHECK_EQ(symlinkat("loop_b", top_fd, "loop_a"), 0);
    CHECK_EQ(symlinkat("loop_a", top_fd, "loop_b"), 0);

    expect_real("", "");
    expect_real("d1/./d2/../d2/f", "d1/d2/f");
    expect_real("to_d2/f", "d1/d2/f");
    expect_real("chain/up", "d1/d2/f");
    expect_real("abs/d2//f", "d1/d2/f");
    expect_real("to_d2/..", "d1"); /* .. of the link's target, not of the link */
    expect_real("d1/d2/", "d1/d2");
    expect_real_failure("d1/missing", ENOENT);
    expect_real_failure("d1/d2/f/", ENOTDIR);
    expect_real_failure("d1/d2/f/x", ENOTDIR);
    expect_real_failure("loop_a", ELOOP);
    /* glibc's test-canon: a file followed by "." or ".." (or a trailing
     * slash) is ENOTDIR, though the walk never looks inside it. */
    expect_real_failure("d1/d2/f/..", ENOTDIR);
    expect_real_failure("d1/d2/f/.", ENOTDIR);
    expect_real_failure("d1/d2/f/./", ENOTDIR);
    expect_real_failure("d1/d2/f//../d2", ENOTDIR);
    expect_real_failure("d1/d2/up/", ENOTDIR); /* a link to the file */
    expect_real_failure("d1/d2/f/./../f", ENOTDIR);
    expect_real_failure("d1/d2/f/./x", ENOTDIR);
    /* What a failed call leaves in the caller's buffer (glibc's test-canon):
     * for ENOENT the path as far as the walk got, up to and with the
     * missing component, links followed; for other errors nothing. */
    expect_left_behind("missing/../d1", ENOENT, "missing");
    expect_left_behind("d1/./missing/x", ENOENT, "d1/missing");
    expect_left_behind("to_d2/gone", ENOENT, "d1/d2/gone");
    expect_left_behind("d1/d2/f/..", ENOTDIR, NULL);
    expect_left_behind("d1/d2/f/x", ENOTDIR, NULL);
    expect_left_behind("loop_a", ELOOP, NULL);
    CHECK_EQ(symlinkat("nowhere", top_fd, "d1/dangling"), 0);
    expect_left_behind("d1/dangling", ENOENT, "d1/nowhere");
    expect_left_behind("d1/dangling/..", ENOENT, "d1/nowhere");
    CHECK_EQ(unlinkat(top_fd, "d1/dangling", 0), 0);

    /* A relative path starts from the working directory. */
    int previous = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(previous >= 0);
    CHECK_EQ(fchdir(top_fd), 0);
    char buffer[PATH_MAX], expected[PATH_MAX];
    CHECK(realpath("d1/d2", expected) != NULL);
    CHECK(realpath("./chain", buffer) == buffer);
    CHECK_STREQ(buffer, expected);
    CHECK(realpath("/", buffer) == buffer);
    CHECK_STREQ(buffer, "/");
    CHECK(realpath("/..", buffer) == buffer);
    CHECK_STREQ(buffer, "/");
    /* A working directory since removed: a relative name fails with
     * ENOENT, and glibc's walk, which had nothing yet, leaves "". */
    CHECK_EQ(mkdirat(top_fd, "gone", 0700), 0);
    CHECK_EQ(chdir("gone"), 0);
    CHECK_EQ(unlinkat(top_fd, "gone", AT_REMOVEDIR), 0);
    strcpy(buffer, "untouched");
    errno = 0;
    CHECK(realpath("x", buffer) == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK_STREQ(buffer, "");
    CHECK_EQ(fchdir(previous), 0);
    CHECK_EQ(close(previous), 0);
    errno = 0;
    CHECK(realpath("", buffer) == NULL);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK(realpath(NULL, buffer) == NULL);
    CHECK_EQ(errno, EINVAL);

    const char* names[] = {"loop_b", "loop_a", "abs", "chain", "d1/d2/up", "to_d2", "d1/d2/f"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
        CHECK_EQ(unlinkat(top_fd, names[i], 0), 0);
    CHECK_EQ(unlinkat(top_fd, "d1/d2", AT_REMOVEDIR), 0);
    CHECK_EQ(unlinkat(top_fd, "d1", AT_REMOVEDIR), 0);
}

int main(void) {
    strcpy(top, "/tmp/lwp-file-names-XXXXXX");
    CHECK(mkdtemp(top) != NULL);
    top_fd = open(top, O_RDONLY | O_DIRECTORY);
    CHECK(top_fd >= 0);
    renaming_and_links();
    directories_and_modes();
    duplicate();
    reading_directories();
    canonical_names();
    CHECK_EQ(close(top_fd), 0);
    CHECK_EQ(rmdir(top), 0); /* fails if a case left something behind */
    return 0;
}
