/* What the system and the process are, and what the process tells the
 * kernel about its memory: uname, gethostname, sysinfo, get_nprocs,
 * get_nprocs_conf, getrandom, getentropy; statfs, fstatfs, statvfs,
 * fstatvfs; getpgrp, getpgid, setpgid,
 * setsid, getsid, killpg, getrusage, getpriority, setpriority, nice, prctl;
 * mremap, madvise, posix_madvise, mlock, munlock, mlockall, munlockall,
 * memfd_create; with their refusals.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static void system_facts(void) {
    struct utsname system;
    CHECK_EQ(uname(&system), 0);
    CHECK_STREQ(system.sysname, "Linux");
    CHECK_STREQ(system.machine, "x86_64");
    char host[HOST_NAME_MAX + 1];
    CHECK_EQ(gethostname(host, sizeof host), 0);
    CHECK_STREQ(host, system.nodename);
    size_t length = strlen(host);
    errno = 0;
    CHECK_EQ(gethostname(host, length), -1); /* no room for the null byte */
    CHECK_EQ(errno, ENAMETOOLONG);

    struct sysinfo information;
    CHECK_EQ(sysinfo(&information), 0);
    CHECK(information.totalram > 0);
    CHECK(information.procs > 0);
    CHECK(get_nprocs() >= 1);
    CHECK_EQ(get_nprocs(), sysconf(_SC_NPROCESSORS_ONLN));
    CHECK_EQ(get_nprocs_conf(), sysconf(_SC_NPROCESSORS_CONF));

    unsigned char first[64], second[64];
    CHECK_EQ(getrandom(first, sizeof first, 0), (long long)sizeof first);
    CHECK_EQ(getrandom(second, sizeof second, GRND_NONBLOCK), (long long)sizeof second);
    CHECK(memcmp(first, second, sizeof first) != 0); /* 2^-512 to fail by chance */
    CHECK_EQ(getentropy(first, sizeof first), 0);
    CHECK(memcmp(first, second, sizeof first) != 0);
    unsigned char big[257];
    errno = 0;
    CHECK_EQ(getentropy(big, sizeof big), -1);
    CHECK_EQ(errno, EIO);
    errno = 0;
    CHECK_EQ(getrandom(first, sizeof first, 0x100), -1);
    CHECK_EQ(errno, EINVAL);
}

static void file_systems(void) {
    struct statfs system;
    struct statvfs portable;
    CHECK_EQ(statfs("/", &system), 0);
    CHECK_EQ(statvfs("/", &portable), 0);
    CHECK(portable.f_bsize > 0);
    CHECK(portable.f_frsize > 0);
    CHECK_EQ(portable.f_blocks, system.f_blocks);
    CHECK_EQ(portable.f_files, system.f_files);
    CHECK_EQ(portable.f_namemax, (unsigned long)system.f_namelen);
    CHECK(portable.f_bavail <= portable.f_bfree);
    CHECK(!(portable.f_flag & 0x0020)); /* the kernel's ST_VALID is not passed on */
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    struct statvfs by_descriptor;
    CHECK_EQ(fstatvfs(fd, &by_descriptor), 0);
    CHECK_EQ(by_descriptor.f_fsid, portable.f_fsid);
    CHECK_EQ(by_descriptor.f_flag, portable.f_flag);
    struct statfs system_by_descriptor;
    CHECK_EQ(fstatfs(fd, &system_by_descriptor), 0);
    CHECK_EQ(system_by_descriptor.f_type, system.f_type);
    CHECK_EQ(close(fd), 0);
    /* /proc is its own file system, with its own type. */
    struct statfs proc;
    CHECK_EQ(statfs("/proc", &proc), 0);
    CHECK_EQ(proc.f_type, 0x9fa0); /* PROC_SUPER_MAGIC */
    errno = 0;
    CHECK_EQ(statvfs("/nonexistent-lwp-path", &portable), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(fstatvfs(-1, &portable), -1);
    CHECK_EQ(errno, EBADF);
}

static void groups_and_sessions(void) {
    CHECK_EQ(getpgrp(), getpgid(0));
    CHECK_EQ(getsid(0), getsid(getpid()));
    errno = 0;
    CHECK_EQ(getpgid(-5), -1);
    CHECK(errno == ESRCH || errno == EINVAL);
    /* A child makes its own session (so its own group), as a daemon does;
     * a group leader cannot. */
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        pid_t session = setsid();
        if (session != getpid()) _exit(1);
        if (getpgrp() != getpid() || getsid(0) != getpid()) _exit(2);
        errno = 0;
        if (setsid() != -1 || errno != EPERM) _exit(3);
        _exit(0);
    }
    expect_exit_code(child, 0);

    /* killpg reaches a group made with setpgid. */
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        if (setpgid(0, 0) != 0) _exit(1);
        pause();
        _exit(2);
    }
    for (int i = 0; i < 1000 && getpgid(child) != child; ++i) usleep(1000);
    CHECK_EQ(getpgid(child), child);
    CHECK_EQ(killpg(child, SIGTERM), 0);
    expect_killed_by(child, SIGTERM);
    errno = 0;
    CHECK_EQ(killpg(-3, SIGTERM), -1);
    CHECK_EQ(errno, EINVAL);
}

static void resources_and_priority(void) {
    struct rusage usage;
    CHECK_EQ(getrusage(RUSAGE_SELF, &usage), 0);
    CHECK(usage.ru_maxrss > 0);
    CHECK_EQ(getrusage(RUSAGE_THREAD, &usage), 0);
    errno = 0;
    CHECK_EQ(getrusage(99, &usage), -1);
    CHECK_EQ(errno, EINVAL);

    /* In a child, so the test's own priority stays as it was. */
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        errno = 0;
        int before = getpriority(PRIO_PROCESS, 0);
        if (errno != 0) _exit(1);
        if (nice(3) != before + 3) _exit(2);
        if (getpriority(PRIO_PROCESS, 0) != before + 3) _exit(3);
        if (setpriority(PRIO_PROCESS, 0, 19) != 0) _exit(4);
        if (getpriority(PRIO_PROCESS, 0) != 19) _exit(5);
        errno = 0;
        if (getpriority(99, 0) != -1 || errno != EINVAL) _exit(6);
        _exit(0);
    }
    expect_exit_code(child, 0);

    char name[16];
    CHECK_EQ(prctl(PR_SET_NAME, "lwp-renamed"), 0);
    CHECK_EQ(prctl(PR_GET_NAME, name), 0);
    CHECK_STREQ(name, "lwp-renamed");
    errno = 0;
    CHECK_EQ(prctl(-1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void memory_advice(void) {
    long page = sysconf(_SC_PAGESIZE);
    char* area = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    memset(area, 'z', 2 * page);
    /* MADV_DONTNEED drops private anonymous pages: they read back as 0. */
    CHECK_EQ(madvise(area, page, MADV_DONTNEED), 0);
    CHECK_EQ(area[0], 0);
    CHECK_EQ(area[page], 'z');
    /* POSIX's DONTNEED is only a hint: the contents stay. */
    CHECK_EQ(posix_madvise(area + page, page, POSIX_MADV_DONTNEED), 0);
    CHECK_EQ(area[page], 'z');
    /* Over the whole mapping, and back: advice on part of it would split it
     * in two, which mremap below could not move as one. */
    CHECK_EQ(posix_madvise(area, 2 * page, POSIX_MADV_SEQUENTIAL), 0);
    CHECK_EQ(posix_madvise(area, 2 * page, POSIX_MADV_NORMAL), 0);
    CHECK_EQ(posix_madvise(area + 1, page, POSIX_MADV_NORMAL), EINVAL); /* returned, not errno */
    errno = 0;
    CHECK_EQ(madvise(area + 1, page, MADV_NORMAL), -1);
    CHECK_EQ(errno, EINVAL);

    /* mremap: grown in place or moved, the contents kept. */
    char* grown = mremap(area, 2 * page, 4 * page, MREMAP_MAYMOVE);
    CHECK(grown != MAP_FAILED);
    CHECK_EQ(grown[page], 'z');
    grown[3 * page] = 'q';
    char* target = mmap(NULL, 4 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(target != MAP_FAILED);
    char* moved = mremap(grown, 4 * page, 4 * page, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    CHECK(moved == target);
    CHECK_EQ(moved[3 * page], 'q');
    errno = 0;
    CHECK(mremap(moved, 4 * page, 4 * page, MREMAP_FIXED) == MAP_FAILED); /* FIXED needs MAYMOVE */
    CHECK_EQ(errno, EINVAL);
    /* MREMAP_DONTUNMAP takes the fifth argument too, as a hint the kernel
     * follows when the place is free (glibc's tst-linux-mremap1): the pages
     * move there and the old range stays mapped, empty. */
    char* hole = mmap(NULL, 8 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(hole != MAP_FAILED);
    CHECK_EQ(munmap(hole, 8 * page), 0);
    moved[0] = 'k';
    char* kept = mremap(moved, page, page, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, hole);
    CHECK(kept == hole);
    CHECK_EQ(kept[0], 'k');
    CHECK_EQ(moved[0], 0);
    CHECK_EQ(munmap(kept, page), 0);

    /* Locking: within RLIMIT_MEMLOCK (root: unlimited), one page. */
    if (mlock(moved, page) == 0) {
        CHECK_EQ(munlock(moved, page), 0);
    } else {
        CHECK(errno == EPERM || errno == ENOMEM || errno == EAGAIN);
    }
    errno = 0;
    CHECK_EQ(mlockall(0), -1); /* no flag: refused */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(munlockall(), 0);
    CHECK_EQ(munmap(moved, 4 * page), 0);

    int memory_file = memfd_create("lwp-test", MFD_CLOEXEC);
    CHECK(memory_file >= 0);
    CHECK_EQ(write(memory_file, "abc", 3), 3);
    char got[4] = {0};
    CHECK_EQ(pread(memory_file, got, 3, 0), 3);
    CHECK_STREQ(got, "abc");
    CHECK_EQ(close(memory_file), 0);
    errno = 0;
    CHECK_EQ(memfd_create("lwp-test", 0x1000), -1);
    CHECK_EQ(errno, EINVAL);
}

int main(void) {
    system_facts();
    file_systems();
    groups_and_sessions();
    resources_and_priority();
    memory_advice();
    return 0;
}
