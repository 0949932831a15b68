/* Thin calls onto the kernel's interfaces, each checked by what it does:
 * ptrace's PEEK forms (the word returned, errno 0), capget, file handles,
 * process_vm_readv, setfsuid, another process's CPU clock, settimeofday's
 * refusal of a time and a zone together, closefrom, getpt, group_member,
 * ftok's key, gethostid/sethostid, tgkill, ualarm, getwd, epoll_pwait2,
 * pidfd_open/getfd/send_signal, the clock's state (adjtimex, ntp_gettime,
 * clock_adjtime), mlock2, execveat, fanotify, and the administrator's calls
 * given arguments the kernel refuses (never a real reboot or swap change). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/fanotify.h>
#include <sys/fsuid.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/timex.h>
#include <sys/io.h>
#include <sys/ipc.h>
#include <sys/klog.h>
#include <sys/ptrace.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* getwd, still called */

/* Exported by the C library but declared by no header of its own. */
struct __user_cap_header_struct {
    uint32_t version;
    int pid;
};
struct __user_cap_data_struct {
    uint32_t effective, permitted, inheritable;
};
int capget(struct __user_cap_header_struct*, struct __user_cap_data_struct*);
int delete_module(const char*, unsigned int);

static long traced_word = 0x1234567890abcdefL;
static long minus_one_word = -1;

static void tracing(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, NULL, NULL);
        raise(SIGSTOP);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSTOPPED(status));
    /* The child is a copy: the same addresses hold the same words. */
    errno = 5;
    CHECK_EQ(ptrace(PTRACE_PEEKDATA, child, &traced_word, NULL), 0x1234567890abcdefL);
    CHECK_EQ(errno, 0);
    errno = 5;
    CHECK_EQ(ptrace(PTRACE_PEEKDATA, child, &minus_one_word, NULL), -1);
    CHECK_EQ(errno, 0); /* a word of -1, not an error */
    errno = 0;
    CHECK_EQ(ptrace(PTRACE_PEEKDATA, child, (void*)8, NULL), -1);
    CHECK(errno == EIO || errno == EFAULT);
    CHECK_EQ(ptrace(PTRACE_POKEDATA, child, &traced_word, (void*)42L), 0);
    CHECK_EQ(ptrace(PTRACE_PEEKTEXT, child, &traced_word, NULL), 42);
    CHECK_EQ(ptrace(PTRACE_CONT, child, NULL, NULL), 0);
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    errno = 0;
    CHECK_EQ(ptrace(PTRACE_CONT, child, NULL, NULL), -1); /* reaped: no such tracee */
    CHECK_EQ(errno, ESRCH);
}

static void capabilities_and_ids(void) {
    struct __user_cap_header_struct header = {0x20080522, 0}; /* version 3 */
    struct __user_cap_data_struct data[2];
    CHECK_EQ(capget(&header, data), 0);
    if (geteuid() == 0) CHECK(data[0].effective & (1u << 21)); /* CAP_SYS_ADMIN, usually */
    header.version = 1234;
    errno = 0;
    CHECK_EQ(capget(&header, data), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(header.version, 0x20080522); /* the kernel's answer: its version */

    CHECK_EQ(setfsuid((uid_t)-1), (int)geteuid()); /* reads it */
    CHECK_EQ(setfsgid((gid_t)-1), (int)getegid());

    /* The supplementary groups only, as glibc answers. */
    gid_t groups[256];
    int count = getgroups(256, groups);
    CHECK(count >= 0);
    for (int i = 0; i < count; ++i) CHECK_EQ(group_member(groups[i]), 1);
    gid_t absent = 54321;
    int listed = 0;
    for (int i = 0; i < count; ++i) listed |= groups[i] == absent;
    CHECK_EQ(group_member(absent), listed);
}

static void handles_memory_and_clocks(void) {
    char path[] = "/tmp/lwp-kernel-interfaces-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "handle", 6), 6);
    struct file_handle* handle = malloc(sizeof *handle + MAX_HANDLE_SZ);
    handle->handle_bytes = MAX_HANDLE_SZ;
    int mount_id;
    if (name_to_handle_at(AT_FDCWD, path, handle, &mount_id, 0) == 0) {
        CHECK(handle->handle_bytes > 0 && handle->handle_bytes <= MAX_HANDLE_SZ);
        int reopened = open_by_handle_at(fd, handle, O_RDONLY);
        if (reopened >= 0) { /* needs CAP_DAC_READ_SEARCH */
            char text[8] = {0};
            CHECK_EQ(read(reopened, text, sizeof text), 6);
            CHECK(memcmp(text, "handle", 6) == 0);
            close(reopened);
        } else {
            CHECK_EQ(errno, EPERM);
        }
        /* Too small a handle: EOVERFLOW and the size needed. */
        unsigned needed = handle->handle_bytes;
        handle->handle_bytes = 0;
        errno = 0;
        CHECK_EQ(name_to_handle_at(AT_FDCWD, path, handle, &mount_id, 0), -1);
        CHECK_EQ(errno, EOVERFLOW);
        CHECK_EQ(handle->handle_bytes, needed);
    } else {
        CHECK(errno == EOPNOTSUPP); /* a file system without handles */
    }
    errno = 0;
    CHECK_EQ(name_to_handle_at(AT_FDCWD, "/nonexistent/lwp", handle, &mount_id, 0), -1);
    CHECK_EQ(errno, ENOENT);
    free(handle);

    /* ftok: inode, device and project, as glibc makes the key. */
    struct stat status;
    CHECK_EQ(stat(path, &status), 0);
    key_t key = ftok(path, 0x1ab);
    CHECK_EQ(key, (key_t)((status.st_ino & 0xffff) | ((status.st_dev & 0xff) << 16) | (0xabu << 24)));
    errno = 0;
    CHECK_EQ(ftok("/nonexistent/lwp", 1), -1);
    CHECK_EQ(errno, ENOENT);
    close(fd);
    unlink(path);

    char source[32] = "read across processes";
    char destination[32] = {0};
    struct iovec local = {destination, sizeof destination};
    struct iovec remote = {source, sizeof source};
    CHECK_EQ(process_vm_readv(getpid(), &local, 1, &remote, 1, 0), (ssize_t)sizeof source);
    CHECK(strcmp(destination, source) == 0);
    errno = 0;
    CHECK_EQ(process_vm_readv(getpid(), &local, 1, &remote, 1, 1), -1);
    CHECK_EQ(errno, EINVAL);

    clockid_t clock;
    CHECK_EQ(clock_getcpuclockid(getpid(), &clock), 0);
    struct timespec used;
    CHECK_EQ(clock_gettime(clock, &used), 0);
    CHECK(used.tv_sec > 0 || used.tv_nsec > 0);
    CHECK_EQ(clock_getcpuclockid(0x3ffffff0, &clock), ESRCH);

    struct timeval now;
    struct timezone zone = {0, 0};
    CHECK_EQ(gettimeofday(&now, NULL), 0);
    errno = 0;
    CHECK_EQ(settimeofday(&now, &zone), -1);
    CHECK_EQ(errno, EINVAL);
}

static void descriptors(void) {
    int master = getpt();
    CHECK(master >= 0);
    CHECK_EQ(grantpt(master), 0);
    CHECK_EQ(unlockpt(master), 0);
    CHECK(ptsname(master) != NULL);
    CHECK((fcntl(master, F_GETFL) & O_ACCMODE) == O_RDWR);

    int first = dup(0);
    int second = dup(0);
    CHECK(first >= 0 && second > first);
    closefrom(first);
    CHECK_EQ(fcntl(first, F_GETFD), -1);
    CHECK_EQ(fcntl(second, F_GETFD), -1);
    CHECK_EQ(fcntl(master, F_GETFD), master > first ? -1 : 0);
    if (master < first) close(master);
    CHECK(fcntl(2, F_GETFD) >= 0);
}

static void host_id_and_administration(void) {
    long id = gethostid();
    CHECK_EQ(gethostid(), id);
    int fd = open("/etc/hostid", O_RDONLY);
    if (fd >= 0) {
        int32_t stored;
        if (read(fd, &stored, sizeof stored) == sizeof stored) CHECK_EQ(id, stored);
        close(fd);
    }
    errno = 0;
    CHECK_EQ(sethostid(1L << 40), -1); /* never written: the id does not fit */
    CHECK(errno == EOVERFLOW || errno == EPERM);

    /* Refused by the kernel before anything happens. */
    errno = 0;
    CHECK_EQ(reboot(0x12345678), -1);
    CHECK(errno == EINVAL || errno == EPERM);
    errno = 0;
    CHECK_EQ(swapoff("/nonexistent/lwp-swap"), -1);
    CHECK(errno == ENOENT || errno == EPERM);
    errno = 0;
    CHECK_EQ(delete_module("lwp_no_such_module", O_NONBLOCK), -1);
    CHECK(errno == ENOENT || errno == EPERM || errno == ENOSYS); /* ENOSYS: a kernel without modules */
    errno = 0;
    CHECK_EQ(iopl(4), -1);
    CHECK(errno == EINVAL || errno == ENOSYS); /* ENOSYS: a kernel without I/O-port access */
    int size = klogctl(10, NULL, 0); /* SYSLOG_ACTION_SIZE_BUFFER */
    CHECK(size > 0 || (size == -1 && errno == EPERM));
}

static volatile sig_atomic_t alarms;
static void count_alarm(int signal) {
    (void)signal;
    ++alarms;
}

static void newer_calls(void) {
    /* tgkill: to this thread, and to a thread not in the group. */
    CHECK(signal(SIGUSR1, SIG_IGN) != SIG_ERR);
    CHECK_EQ(tgkill(getpid(), gettid(), SIGUSR1), 0);
    errno = 0;
    CHECK_EQ(tgkill(getpid() + 1000000, gettid(), SIGUSR1), -1);
    CHECK_EQ(errno, ESRCH);
    CHECK(signal(SIGUSR1, SIG_DFL) != SIG_ERR);

    /* ualarm: what is left of the previous timer comes back; over a
     * second is refused. */
    CHECK(signal(SIGALRM, count_alarm) != SIG_ERR);
    CHECK_EQ(ualarm(900000, 0), 0);
    useconds_t left = ualarm(0, 0);
    CHECK(left > 0 && left <= 900000);
    CHECK_EQ(ualarm(1000, 0), 0);
    while (alarms == 0) pause();
    CHECK(ualarm(2000000, 0) == (useconds_t)-1);
    CHECK(signal(SIGALRM, SIG_DFL) != SIG_ERR);

    /* getwd: the working directory, as getcwd says. */
    char by_getwd[PATH_MAX], by_getcwd[PATH_MAX];
    CHECK(getwd(by_getwd) == by_getwd);
    CHECK(getcwd(by_getcwd, sizeof by_getcwd) != NULL);
    CHECK(strcmp(by_getwd, by_getcwd) == 0);

    /* epoll_pwait2: a nanosecond timeout, and an event. */
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    int fds[2];
    CHECK(epoll >= 0 && pipe(fds) == 0);
    struct epoll_event event = {EPOLLIN, {.fd = fds[0]}}, got;
    CHECK_EQ(epoll_ctl(epoll, EPOLL_CTL_ADD, fds[0], &event), 0);
    struct timespec short_wait = {0, 1000000};
    CHECK_EQ(epoll_pwait2(epoll, &got, 1, &short_wait, NULL), 0);
    CHECK_EQ(write(fds[1], "x", 1), 1);
    sigset_t mask;
    sigemptyset(&mask);
    CHECK_EQ(epoll_pwait2(epoll, &got, 1, NULL, &mask), 1);
    CHECK_EQ(got.data.fd, fds[0]);
    close(epoll);

    /* pidfd: a child named by a descriptor, signalled through it, one of
     * its descriptors copied. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    int pidfd = pidfd_open(child, 0);
    CHECK(pidfd >= 0);
    int copy = pidfd_getfd(pidfd, fds[1], 0);
    if (copy >= 0) { /* needs ptrace rights over the child, which a parent has */
        CHECK_EQ(write(copy, "y", 1), 1);
        close(copy);
    }
    CHECK_EQ(pidfd_send_signal(pidfd, SIGKILL, NULL, 0), 0);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    errno = 0;
    CHECK_EQ(pidfd_open(-5, 0), -1);
    CHECK_EQ(errno, EINVAL);
    close(pidfd);
    close(fds[0]);
    close(fds[1]);

    /* The clock's state, read without changing anything. */
    struct timex reading = {0};
    int state = adjtimex(&reading);
    CHECK(state >= TIME_OK && state <= TIME_ERROR);
    struct ntptimeval now;
    CHECK_EQ(ntp_gettime(&now), state);
    CHECK(now.time.tv_sec > 0);
    CHECK_EQ(clock_adjtime(CLOCK_REALTIME, &reading), state);
    reading.modes = 0x7fffffff;
    errno = 0;
    CHECK_EQ(clock_adjtime(CLOCK_MONOTONIC, &reading), -1);

    /* mlock2 on a page of our own; bad flags refused. */
    static char page[4096] __attribute__((aligned(4096)));
    if (mlock2(page, sizeof page, MLOCK_ONFAULT) == 0)
        CHECK_EQ(munlock(page, sizeof page), 0);
    else
        CHECK_EQ(errno, EPERM); /* RLIMIT_MEMLOCK of 0 */
    errno = 0;
    CHECK_EQ(mlock2(page, sizeof page, 0x100), -1);
    CHECK_EQ(errno, EINVAL);

    /* execveat: a program by directory descriptor and name. */
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        int bin = open("/bin", O_RDONLY | O_DIRECTORY);
        char* arguments[] = {"true", NULL};
        char* environment[] = {NULL};
        execveat(bin, "true", arguments, environment, 0);
        _exit(99);
    }
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char* arguments[] = {"none", NULL};
    errno = 0;
    CHECK_EQ(execveat(AT_FDCWD, "/nonexistent/lwp", arguments, arguments + 1, 0), -1);
    CHECK_EQ(errno, ENOENT);

    /* fanotify: a group for the privileged, EPERM for others. */
    int group = fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC, O_RDONLY);
    if (group >= 0) {
        CHECK_EQ(fanotify_mark(group, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, "/tmp"), 0);
        close(group);
    } else {
        CHECK(errno == EPERM || errno == ENOSYS);
    }
}

int main(void) {
    tracing();
    newer_calls();
    capabilities_and_ids();
    handles_memory_and_clocks();
    descriptors();
    host_id_and_administration();
    return 0;
}
