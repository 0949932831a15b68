/* Thin wrappers over system calls and small helpers around them: wait4 and
 * wait3 (with the child's resource usage; a cancellation point),
 * getdtablesize, mkstemps and mkostemps, canonicalize_file_name,
 * close_range, statx, chroot, the extended attributes, System V shared
 * memory, mount/umount/umount2, unshare and setns. Each works where the
 * machine allows it and fails with the errno glibc gives where it does not.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#define TMPFS_MAGIC_NUMBER 0x01021994

static pid_t child_exiting_with(int code) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        /* Some work, so that there is usage to report. */
        volatile unsigned long sum = 0;
        for (unsigned long i = 0; i < 2000000; ++i) sum += i;
        _exit(code);
    }
    return child;
}

static void waiting_with_usage(void) {
    pid_t child = child_exiting_with(3);
    int status = 0;
    struct rusage usage;
    memset(&usage, 0xff, sizeof usage);
    CHECK_EQ(wait4(child, &status, 0, &usage), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
    CHECK(usage.ru_minflt > 0); /* the child's page faults: it wrote to its copy */
    CHECK(usage.ru_maxrss >= 0);
    CHECK(usage.ru_utime.tv_usec >= 0 && usage.ru_utime.tv_usec < 1000000);

    child = child_exiting_with(4);
    CHECK_EQ(wait3(&status, 0, NULL), child); /* any child; usage not wanted */
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4);

    /* No child left. */
    errno = 0;
    CHECK_EQ(wait4(-1, &status, WNOHANG, &usage), -1);
    CHECK_EQ(errno, ECHILD);
    CHECK_EQ(wait3(&status, WNOHANG, NULL), -1);
    CHECK_EQ(errno, ECHILD);
    CHECK_EQ(wait4(-1, &status, 0x00100000, NULL), -1); /* an option the kernel lacks */
    CHECK_EQ(errno, EINVAL);
}

/* wait4 is a cancellation point: a thread blocked in it can be cancelled. */
static pid_t sleeping_child;

static void* wait_for_sleeper(void* unused) {
    (void)unused;
    int status;
    wait4(sleeping_child, &status, 0, NULL);
    return NULL; /* not reached: cancelled */
}

static void cancelling_a_wait(void) {
    sleeping_child = fork();
    CHECK(sleeping_child >= 0);
    if (sleeping_child == 0) {
        pause();
        _exit(0);
    }
    pthread_t waiter;
    CHECK_EQ(pthread_create(&waiter, NULL, wait_for_sleeper, NULL), 0);
    struct timespec moment = {0, 20 * 1000 * 1000};
    nanosleep(&moment, NULL);
    CHECK_EQ(pthread_cancel(waiter), 0);
    void* result;
    CHECK_EQ(pthread_join(waiter, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(kill(sleeping_child, SIGKILL), 0);
    int status;
    CHECK_EQ(wait4(sleeping_child, &status, 0, NULL), sleeping_child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void descriptor_table(void) {
    struct rlimit limit;
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
    CHECK_EQ(getdtablesize(), limit.rlim_cur > INT_MAX ? INT_MAX : (int)limit.rlim_cur);
    struct rlimit lower = {100, limit.rlim_max};
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &lower), 0);
    CHECK_EQ(getdtablesize(), 100);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
}

static void names_with_suffixes(void) {
    char name[] = "/tmp/lwp_wrappersXXXXXX.txt";
    int fd = mkstemps(name, 4);
    CHECK(fd >= 0);
    CHECK_EQ(strncmp(name, "/tmp/lwp_wrappers", 17), 0);
    CHECK(strcmp(name + 17, "XXXXXX.txt") != 0);
    CHECK_STREQ(name + 23, ".txt");
    struct stat status;
    CHECK_EQ(fstat(fd, &status), 0);
    CHECK_EQ(status.st_mode & 0777, 0600);
    CHECK_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(name), 0);

    char other[] = "/tmp/lwp_wrappersXXXXXX-log";
    fd = mkostemps(other, 4, O_CLOEXEC | O_APPEND);
    CHECK(fd >= 0);
    CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    CHECK(fcntl(fd, F_GETFL) & O_APPEND);
    CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(other), 0);

    char large[] = "/tmp/lwp_wrappersXXXXXXz";
    fd = mkstemps64(large, 1);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(large), 0);

    /* Too short for its suffix, no X's before the suffix, a negative
     * length: EINVAL, the name untouched. */
    char short_name[] = "XXXXX.txt";
    CHECK_EQ(mkstemps(short_name, 4), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_STREQ(short_name, "XXXXX.txt");
    char no_x[] = "/tmp/lwp_wrappersXXXXXX.txt";
    CHECK_EQ(mkstemps(no_x, 3), -1);
    CHECK_EQ(errno, EINVAL);
    char all_x[] = "/tmp/lwp_wrappersXXXXXX";
    CHECK_EQ(mkostemps(all_x, -1, 0), -1);
    CHECK_EQ(errno, EINVAL);
    char missing[] = "/nonexistent_lwp_dir/XXXXXX.c";
    CHECK_EQ(mkstemps(missing, 2), -1);
    CHECK_EQ(errno, ENOENT);
}

static void canonical_names(void) {
    char directory[] = "/tmp/lwp_canonicalXXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char* real_directory = realpath(directory, NULL); /* /tmp may be a link */
    CHECK(real_directory != NULL);
    char winding[128];
    snprintf(winding, sizeof winding, "%s/../%s/./", directory, strrchr(directory, '/') + 1);
    char* found = canonicalize_file_name(winding);
    CHECK_STREQ(found, real_directory);
    free(found);
    char link_path[128];
    snprintf(link_path, sizeof link_path, "%s/link", directory);
    CHECK_EQ(symlink(".", link_path), 0);
    found = canonicalize_file_name(link_path);
    CHECK_STREQ(found, real_directory);
    free(found);
    CHECK_EQ(unlink(link_path), 0);
    errno = 0;
    CHECK(canonicalize_file_name("/nonexistent_lwp_dir/x") == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK(canonicalize_file_name("") == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(rmdir(directory), 0);
    free(real_directory);
}

static void closing_ranges(void) {
    int base = 200;
    for (int i = 0; i < 3; ++i) CHECK_EQ(dup2(1, base + i), base + i);
    errno = 0;
    int closed = close_range(base, base + 1, 0);
    if (closed == -1 && errno == ENOSYS) { /* a kernel before 5.9 */
        for (int i = 0; i < 3; ++i) close(base + i);
        return;
    }
    CHECK_EQ(closed, 0);
    CHECK_EQ(fcntl(base, F_GETFD), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(fcntl(base + 1, F_GETFD), -1);
    CHECK(fcntl(base + 2, F_GETFD) >= 0); /* outside the range */
    CHECK_EQ(close_range(base + 2, base + 2, CLOSE_RANGE_CLOEXEC), 0);
    CHECK(fcntl(base + 2, F_GETFD) & FD_CLOEXEC); /* marked, not closed */
    CHECK_EQ(close_range(base + 2, ~0U, 0), 0);  /* to the end of the table */
    CHECK_EQ(fcntl(base + 2, F_GETFD), -1);
    CHECK_EQ(close_range(10, 5, 0), -1); /* first after last */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close_range(base, base, 0x40000000), -1); /* an unknown flag */
    CHECK_EQ(errno, EINVAL);
}

static void extended_status(void) {
    struct statx extended;
    struct stat plain;
    CHECK_EQ(statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &extended), 0);
    CHECK_EQ(stat("/", &plain), 0);
    CHECK(S_ISDIR(extended.stx_mode));
    CHECK_EQ(extended.stx_ino, plain.st_ino);
    CHECK(extended.stx_mask & STATX_INO);
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    memset(&extended, 0, sizeof extended);
    CHECK_EQ(statx(fd, "", AT_EMPTY_PATH, STATX_INO, &extended), 0);
    CHECK_EQ(extended.stx_ino, plain.st_ino);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(statx(AT_FDCWD, "/nonexistent_lwp_file", 0, STATX_BASIC_STATS, &extended), -1);
    CHECK_EQ(errno, ENOENT);
    /* Both sync kinds at once. */
    CHECK_EQ(statx(AT_FDCWD, "/", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_BASIC_STATS,
                   &extended), -1);
    CHECK_EQ(errno, EINVAL);
}

static void changing_root(void) {
    /* A path that does not exist fails before any question of rights. */
    CHECK_EQ(chroot("/nonexistent_lwp_dir"), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(chroot("/etc/passwd"), -1);
    CHECK_EQ(errno, ENOTDIR);
    if (geteuid() != 0) {
        CHECK_EQ(chroot("/"), -1);
        CHECK_EQ(errno, EPERM);
    } else {
        /* Into "/" itself, in a child: changes nothing that matters. */
        pid_t child = fork();
        CHECK(child >= 0);
        if (child == 0) _exit(chroot("/") == 0 && access("/etc/passwd", F_OK) == 0 ? 0 : 1);
        int status;
        CHECK_EQ(waitpid(child, &status, 0), child);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
}

/* In a directory whose file system takes user attributes: the current one
 * (a test runs in its build directory) or /tmp. */
static void attributes_on(const char* path) {
    char value[64];
    int set = setxattr(path, "user.lwp_test", "first", 5, XATTR_CREATE);
    if (set == -1 && (errno == ENOTSUP || errno == EPERM)) return; /* none here */
    CHECK_EQ(set, 0);
    CHECK_EQ(getxattr(path, "user.lwp_test", NULL, 0), 5); /* the size alone */
    CHECK_EQ(getxattr(path, "user.lwp_test", value, sizeof value), 5);
    CHECK_EQ(memcmp(value, "first", 5), 0);
    CHECK_EQ(getxattr(path, "user.lwp_test", value, 2), -1);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(setxattr(path, "user.lwp_test", "again", 5, XATTR_CREATE), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(setxattr(path, "user.lwp_missing", "x", 1, XATTR_REPLACE), -1);
    CHECK_EQ(errno, ENODATA);
    CHECK_EQ(lsetxattr(path, "user.lwp_test", "second!", 7, XATTR_REPLACE), 0);
    CHECK_EQ(lgetxattr(path, "user.lwp_test", value, sizeof value), 7);
    CHECK_EQ(memcmp(value, "second!", 7), 0);
    CHECK_EQ(getxattr(path, "user.lwp_missing", value, sizeof value), -1);
    CHECK_EQ(errno, ENODATA);

    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(fsetxattr(fd, "user.lwp_other", "", 0, 0), 0);
    CHECK_EQ(fgetxattr(fd, "user.lwp_other", value, sizeof value), 0);
    char names[256];
    ssize_t listed = flistxattr(fd, names, sizeof names);
    CHECK(listed > 0);
    CHECK_EQ(listxattr(path, NULL, 0), listed);
    CHECK_EQ(llistxattr(path, names, sizeof names), listed);
    int seen = 0;
    for (char* name = names; name < names + listed; name += strlen(name) + 1)
        if (strcmp(name, "user.lwp_test") == 0 || strcmp(name, "user.lwp_other") == 0) ++seen;
    CHECK_EQ(seen, 2);
    CHECK_EQ(listxattr(path, names, 1), -1);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(fremovexattr(fd, "user.lwp_other"), 0);
    CHECK_EQ(fremovexattr(fd, "user.lwp_other"), -1);
    CHECK_EQ(errno, ENODATA);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(lremovexattr(path, "user.lwp_test"), 0);
    CHECK_EQ(removexattr(path, "user.lwp_test"), -1);
    CHECK_EQ(errno, ENODATA);
    CHECK_EQ(fgetxattr(-1, "user.lwp_test", value, sizeof value), -1);
    CHECK_EQ(errno, EBADF);
}

static void extended_attributes(void) {
    char path[] = "lwp_xattrXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
    attributes_on(path);
    CHECK_EQ(unlink(path), 0);
    CHECK_EQ(getxattr("/nonexistent_lwp_file", "user.x", NULL, 0), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(removexattr("/nonexistent_lwp_file", "user.x"), -1);
    CHECK_EQ(errno, ENOENT);
}

static void shared_memory(void) {
    int segment = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    if (segment == -1 && errno == ENOSYS) return; /* a kernel without System V IPC */
    CHECK(segment >= 0);
    char* memory = shmat(segment, NULL, 0);
    CHECK(memory != (void*)-1);
    strcpy(memory, "shared");
    /* A second attachment sees the same bytes. */
    char* again = shmat(segment, NULL, SHM_RDONLY);
    CHECK(again != (void*)-1 && again != memory);
    CHECK_STREQ(again, "shared");
    struct shmid_ds state;
    CHECK_EQ(shmctl(segment, IPC_STAT, &state), 0);
    CHECK_EQ(state.shm_segsz, 8192);
    CHECK_EQ(state.shm_nattch, 2);
    CHECK_EQ(state.shm_cpid, getpid());
    CHECK_EQ(shmdt(again), 0);
    CHECK_EQ(shmdt(memory), 0);
    CHECK_EQ(shmdt(memory), -1); /* attached no more */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shmctl(segment, IPC_STAT, &state), 0);
    CHECK_EQ(state.shm_nattch, 0);
    CHECK_EQ(shmctl(segment, IPC_RMID, NULL), 0);
    CHECK(shmat(segment, NULL, 0) == (void*)-1);
    CHECK(errno == EINVAL || errno == EIDRM);
    CHECK_EQ(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), -1); /* a size of 0 */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shmctl(segment, 0x7777, &state), -1);
    CHECK_EQ(errno, EINVAL);
}

static void mounting(void) {
    char directory[] = "/tmp/lwp_mountXXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    int mounted = mount("lwp", directory, "tmpfs", MS_NOSUID, "size=64k");
    if (mounted == 0) {
        struct statfs fs;
        CHECK_EQ(statfs(directory, &fs), 0);
        CHECK_EQ(fs.f_type, TMPFS_MAGIC_NUMBER);
        CHECK_EQ(umount2(directory, 0x40000000), -1); /* an unknown flag */
        CHECK_EQ(errno, EINVAL);
        CHECK_EQ(umount(directory), 0);
        CHECK_EQ(umount(directory), -1); /* nothing mounted there now */
        CHECK_EQ(errno, EINVAL);
        CHECK_EQ(mount("lwp", directory, "no_such_fs_type", 0, NULL), -1);
        CHECK_EQ(errno, ENODEV);
    } else {
        CHECK_EQ(errno, EPERM); /* without CAP_SYS_ADMIN */
        CHECK_EQ(umount2(directory, MNT_DETACH), -1);
        CHECK_EQ(errno, EPERM);
    }
    CHECK_EQ(rmdir(directory), 0);
    CHECK_EQ(umount2("/nonexistent_lwp_dir", 0), -1);
    CHECK(errno == ENOENT || errno == EPERM);
}

/* unshare(CLONE_FS) gives the calling thread its own working directory: a
 * thread made before it, still sharing the old one, does not follow its
 * chdir. The thread reports once the pipe says the chdir is done. */
static char seen_directory[PATH_MAX];
static int go_ahead[2];

static void* report_directory(void* unused) {
    (void)unused;
    char byte;
    CHECK_EQ(read(go_ahead[0], &byte, 1), 1);
    CHECK(getcwd(seen_directory, sizeof seen_directory) != NULL);
    return NULL;
}

static void namespaces(void) {
    CHECK_EQ(unshare(0), 0); /* nothing to leave */
    CHECK_EQ(unshare(0x7fffffff), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(setns(-1, 0), -1);
    CHECK_EQ(errno, EBADF);
    int not_a_namespace = open("/", O_RDONLY);
    CHECK(not_a_namespace >= 0);
    CHECK_EQ(setns(not_a_namespace, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close(not_a_namespace), 0);
    int own = open("/proc/self/ns/uts", O_RDONLY);
    if (own >= 0) {
        int joined = setns(own, CLONE_NEWUTS);
        CHECK(joined == 0 || (joined == -1 && errno == EPERM));
        CHECK_EQ(setns(own, CLONE_NEWNET), -1); /* not that kind */
        CHECK(errno == EINVAL || errno == EPERM);
        CHECK_EQ(close(own), 0);
    }

    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        char before[PATH_MAX];
        CHECK(getcwd(before, sizeof before) != NULL);
        CHECK(strcmp(before, "/") != 0);
        CHECK_EQ(pipe(go_ahead), 0);
        pthread_t thread;
        CHECK_EQ(pthread_create(&thread, NULL, report_directory, NULL), 0);
        CHECK_EQ(unshare(CLONE_FS), 0);
        CHECK_EQ(chdir("/"), 0);
        CHECK_EQ(write(go_ahead[1], "x", 1), 1);
        CHECK_EQ(pthread_join(thread, NULL), 0);
        CHECK_STREQ(seen_directory, before);
        char after[PATH_MAX];
        CHECK_STREQ(getcwd(after, sizeof after), "/");
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
    waiting_with_usage();
    cancelling_a_wait();
    descriptor_table();
    names_with_suffixes();
    canonical_names();
    closing_ranges();
    extended_status();
    changing_root();
    extended_attributes();
    shared_memory();
    mounting();
    namespaces();
    return 0;
}
