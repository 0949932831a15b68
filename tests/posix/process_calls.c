/* Process-level calls ordinary programs make: brk/sbrk/__curbrk, getloadavg,
 * get_current_dir_name, euidaccess/eaccess, mincore, getdents64,
 * clock_settime, sync_file_range, personality, daemon, mkfifoat, index/rindex and
 * __progname. Also passes against glibc (CHECKING_AGAINST_GLIBC). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

extern char* __progname;
extern char* __progname_full;
extern void* __curbrk; /* glibc's record of the break, which a few programs read */

static void program_break(void) {
    char* start = sbrk(0);
    CHECK(start != (char*)-1);
    CHECK(sbrk(0) == start); /* a query moves nothing */
    char* grown = sbrk(8192);
    CHECK(grown == start);
    CHECK(sbrk(0) == start + 8192);
    CHECK(__curbrk == start + 8192);
    memset(start, 0x5a, 8192); /* the new bytes are usable */
    CHECK(sbrk(-8192) == start + 8192);
    CHECK(sbrk(0) == start);
    CHECK_EQ(brk(start + 4096), 0);
    CHECK(sbrk(0) == start + 4096);
    CHECK(__curbrk == start + 4096);
    CHECK_EQ(brk(start), 0);
    /* Refused: far beyond any limit, and wrapping around. */
    errno = 0;
    CHECK(sbrk((intptr_t)1 << 46) == (void*)-1);
    CHECK_EQ(errno, ENOMEM);
    CHECK(sbrk(0) == start);
    CHECK(__curbrk == start); /* a refused move leaves it */
    errno = 0;
    CHECK(sbrk(-(intptr_t)((uintptr_t)start + 1)) == (void*)-1);
    CHECK_EQ(errno, ENOMEM);
}

static void queries(void) {
    double loads[3] = {-1, -1, -1};
    CHECK_EQ(getloadavg(loads, 3), 3);
    for (int i = 0; i < 3; ++i) CHECK(loads[i] >= 0);
    CHECK_EQ(getloadavg(loads, 1), 1);
    CHECK_EQ(getloadavg(loads, 0), 0);
    CHECK_EQ(getloadavg(loads, -1), 0); /* nothing asked, as glibc answers */

    /* $PWD when it names the working directory, getcwd's answer otherwise. */
    char real[4096];
    CHECK(getcwd(real, sizeof real) != NULL);
    CHECK_EQ(setenv("PWD", real, 1), 0);
    char* name = get_current_dir_name();
    CHECK_STREQ(name, real);
    free(name);
    unlink("process_calls_link"); /* what an interrupted earlier run left */
    rmdir("process_calls_dir");
    CHECK_EQ(mkdir("process_calls_dir", 0700), 0);
    CHECK_EQ(symlink("process_calls_dir", "process_calls_link"), 0);
    CHECK_EQ(chdir("process_calls_link"), 0);
    char logical[4200];
    snprintf(logical, sizeof logical, "%s/process_calls_link", real);
    CHECK_EQ(setenv("PWD", logical, 1), 0);
    name = get_current_dir_name();
    CHECK_STREQ(name, logical); /* the link kept */
    free(name);
    CHECK_EQ(setenv("PWD", "/", 1), 0); /* stale: not this directory */
    name = get_current_dir_name();
    char resolved[4200];
    snprintf(resolved, sizeof resolved, "%s/process_calls_dir", real);
    CHECK_STREQ(name, resolved);
    free(name);

    /* getdents64 reads the directory's records itself. */
    CHECK_EQ(close(open("entry", O_CREAT | O_WRONLY, 0600)), 0);
    int fd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    char records[4096];
    ssize_t length = getdents64(fd, records, sizeof records);
    CHECK(length > 0);
    int found = 0;
    for (ssize_t at = 0; at < length;) {
        struct dirent64* entry = (struct dirent64*)(records + at);
        found += strcmp(entry->d_name, "entry") == 0;
        at += entry->d_reclen;
    }
    CHECK_EQ(found, 1);
    CHECK_EQ(getdents64(fd, records, sizeof records), 0); /* the end */
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(getdents64(fd, records, 1), -1); /* too small for a record */
    CHECK_EQ(errno, EINVAL);
    /* A size beyond INT_MAX is INT_MAX, as glibc's wrapper makes it (the
     * kernel's count is an unsigned int, some of its checks an int): not
     * EINVAL, nor a size cut to its low 32 bits (glibc's tst-getdents64).
     * The directory's few records fit the static buffer. */
    static char static_records[4096];
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK(getdents64(fd, static_records, (size_t)INT_MAX + 1) > 0);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK(getdents64(fd, static_records, (size_t)UINT_MAX + 2) > 0);
    close(fd);
    CHECK_EQ(getdents64(-1, records, sizeof records), -1);
    CHECK_EQ(errno, EBADF);

    /* mkfifoat: relative to a directory's descriptor. */
    int directory = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(directory >= 0);
    CHECK_EQ(mkfifoat(directory, "pipe", 0600), 0);
    struct stat status;
    CHECK_EQ(stat("pipe", &status), 0);
    CHECK(S_ISFIFO(status.st_mode));
    CHECK_EQ(mkfifoat(directory, "pipe", 0600), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(unlink("pipe"), 0);
    close(directory);

    /* euidaccess: the effective ids decide. */
    CHECK_EQ(euidaccess("entry", R_OK | W_OK), 0);
    CHECK_EQ(eaccess("entry", F_OK), 0);
    CHECK_EQ(euidaccess("missing", F_OK), -1);
    CHECK_EQ(errno, ENOENT);

    CHECK_EQ(unlink("entry"), 0);
    CHECK_EQ(chdir(real), 0);
    CHECK_EQ(unlink("process_calls_link"), 0);
    CHECK_EQ(rmdir("process_calls_dir"), 0);

    /* mincore: a touched page is resident; an unmapped range is ENOMEM. */
    long page = sysconf(_SC_PAGESIZE);
    unsigned char* mapping = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
                                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(mapping != MAP_FAILED);
    mapping[0] = 1;
    unsigned char residency[2];
    CHECK_EQ(mincore(mapping, 2 * page, residency), 0);
    CHECK(residency[0] & 1);
    CHECK_EQ(munmap(mapping, 2 * page), 0);
    CHECK_EQ(mincore(mapping, page, residency), -1);
    CHECK_EQ(errno, ENOMEM);

    /* clock_settime: a clock that cannot be set. */
    struct timespec now;
    CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &now), 0);
    CHECK_EQ(clock_settime(CLOCK_MONOTONIC, &now), -1);
    CHECK_EQ(errno, EINVAL);

    char path[] = "/tmp/process_calls_XXXXXX";
    fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "data", 4), 4);
    CHECK_EQ(sync_file_range(fd, 0, 4, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER), 0);
    CHECK_EQ(sync_file_range(fd, 0, 4, 0x80), -1);
    CHECK_EQ(errno, EINVAL);
    close(fd);
    unlink(path);

    /* personality: a query answers the current persona and changes nothing. */
    int persona = personality(0xffffffff);
    CHECK(persona >= 0);
    CHECK_EQ(personality(0xffffffff), persona);

    const char* text = "a/b/c";
    CHECK(index(text, '/') == text + 1);
    CHECK(rindex(text, '/') == text + 3);
    CHECK(index(text, 'x') == NULL);

    /* The BSD names of the program's name: the same strings. */
    CHECK(__progname == program_invocation_short_name);
    CHECK(__progname_full == program_invocation_name);
    CHECK(strchr(__progname, '/') == NULL);
}

/* daemon: the caller's process exits at once; the daemon runs in a session
   of its own, in /, with /dev/null on its standard descriptors. It reports
   back through a pipe, since it is no longer our child. */
static void detaching(void) {
    int report[2];
    CHECK_EQ(pipe(report), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        close(report[0]);
        if (daemon(0, 0) != 0) _exit(2);
        char cwd[8] = "";
        struct stat out, null_device;
        int answer[3];
        answer[0] = getsid(0) == getpid();
        answer[1] = getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, "/") == 0;
        answer[2] = fstat(1, &out) == 0 && stat("/dev/null", &null_device) == 0 &&
                    out.st_rdev == null_device.st_rdev;
        (void)!write(report[1], answer, sizeof answer);
        _exit(0);
    }
    close(report[1]);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0); /* the parent side's _exit(0) */
    int answer[3];
    CHECK_EQ(read(report[0], answer, sizeof answer), (ssize_t)sizeof answer);
    CHECK(answer[0]);
    CHECK(answer[1]);
    CHECK(answer[2]);
    close(report[0]);
}

int main(void) {
    program_break();
    queries();
    detaching();
    return 0;
}
