/* Thin calls onto the kernel's interfaces, each checked by what it does:
 * ptrace's PEEK forms (the word returned, errno 0), capget, file handles,
 * process_vm_readv, setfsuid, another process's CPU clock, settimeofday's
 * refusal of a time and a zone together, closefrom, getpt, group_member,
 * ftok's key, gethostid/sethostid, and the administrator's calls given
 * arguments the kernel refuses (never a real reboot or swap change). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
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

int main(void) {
    tracing();
    capabilities_and_ids();
    handles_memory_and_clocks();
    descriptors();
    host_id_and_administration();
    return 0;
}
