/* gprof's run-time calls used directly, as a program not built with -pg may
 * (gdb does): __profile_frequency, monstartup/__monstartup, moncontrol and
 * _mcleanup, and the mcount and __fentry__ entries, called from functions
 * written here in assembly as gcc -pg writes them (the test itself is built
 * without -pg). The gmon.out written is read back and checked field by field:
 * the header, the histogram record (bounds rounded to 4 bytes, one 16-bit
 * counter per 4 bytes, the clock rate, "seconds"), and each arc, its call
 * site rounded down to its 16-byte hash slot as glibc writes it.
 * GMON_OUT_PREFIX, the fallback to gmon.out and its error message, the arc
 * table's limit (50 arcs for so small a text) and its message. Also passes
 * built against glibc (where a PIE's addresses are written relative to its
 * load address). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/gmon.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#ifdef CHECKING_AGAINST_GLIBC
#include <link.h>
#endif

#include "../integration/check.h"

int __profile_frequency(void);
void moncontrol(int mode);

/* sample_callee: a function as gcc -pg compiles it (frame, then mcount);
 * sample_fentry_callee: as gcc -pg -mfentry does (__fentry__ first). sample_caller(n)
 * calls each n times from one call site each; sample_many_sites calls sample_callee
 * from 60 call sites, each in a 16-byte slot of its own: 60 arcs. The
 * *_return labels are the return addresses the arcs record. */
void sample_caller(long count);
void sample_many_sites(void);
extern const char sample_text_start[], sample_text_end[], sample_callee_return[], sample_fentry_return[],
    sample_site_callee[], sample_site_fentry[];
__asm__(
    ".text\n"
    ".p2align 4\n"
    "sample_text_start:\n"
    "sample_callee:\n"
    "    push %rbp\n"
    "    mov %rsp, %rbp\n"
    "    call mcount@PLT\n"
    "sample_callee_return:\n"
    "    pop %rbp\n"
    "    ret\n"
    ".p2align 4\n"
    "sample_fentry_callee:\n"
    "    call __fentry__@PLT\n"
    "sample_fentry_return:\n"
    "    ret\n"
    ".p2align 4\n"
    ".globl sample_caller\n"
    "sample_caller:\n"
    "    push %rbp\n"
    "    mov %rsp, %rbp\n"
    "    push %rbx\n"
    "    push %r12\n"
    "    mov %rdi, %rbx\n"
    "    mov %rdi, %r12\n"
    "1:  call sample_callee\n"
    "sample_site_callee:\n"
    "    dec %rbx\n"
    "    jnz 1b\n"
    "    .p2align 4\n"
    "2:  call sample_fentry_callee\n"
    "sample_site_fentry:\n"
    "    dec %r12\n"
    "    jnz 2b\n"
    "    pop %r12\n"
    "    pop %rbx\n"
    "    pop %rbp\n"
    "    ret\n"
    ".p2align 4\n"
    ".globl sample_many_sites\n"
    "sample_many_sites:\n"
    "    push %rbp\n"
    "    mov %rsp, %rbp\n"
    "    .rept 60\n"
    "    .p2align 4\n"
    "    call sample_callee\n"
    "    .endr\n"
    "    pop %rbp\n"
    "    ret\n"
    "sample_text_end:\n"
    ".globl sample_text_start, sample_text_end, sample_callee_return, sample_fentry_return\n"
    ".globl sample_site_callee, sample_site_fentry\n");

/* What gmon.out holds addresses relative to: 0 in a static non-PIE lwp
 * program, the executable's load address in glibc's PIE. */
static uintptr_t load_address;
#ifdef CHECKING_AGAINST_GLIBC
static int note_executable(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    if (info->dlpi_name[0] == '\0') {
        *(uintptr_t *)data = info->dlpi_addr;
        return 1;
    }
    return 0;
}
#endif

static uintptr_t relative(const void *address) { return (uintptr_t)address - load_address; }

struct arc {
    uint64_t from, self;
    int32_t count;
};

static char directory[] = "/tmp/lwp-profiling-XXXXXX";

/* Reads a whole file; its size in *size. */
static unsigned char *read_file(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    static unsigned char buffer[1 << 16];
    ssize_t got = read(fd, buffer, sizeof buffer);
    CHECK(got > 0 && (size_t)got < sizeof buffer);
    close(fd);
    *size = (size_t)got;
    return buffer;
}

/* Checks the gmon.out at `path` for a profile started over [low, high)
 * and returns its arcs (up to `capacity`), their number in *arc_count. */
static void check_gmon_out(const char *path, uintptr_t low, uintptr_t high, struct arc *arcs,
                           int capacity, int *arc_count) {
    size_t size;
    unsigned char *data = read_file(path, &size);
    static const unsigned char header[20] = {'g', 'm', 'o', 'n', 1};
    CHECK(size >= 20 + 1 + 40);
    CHECK(memcmp(data, header, 20) == 0);
    CHECK_EQ(data[20], 0); /* GMON_TAG_TIME_HIST */
    uint64_t low_pc, high_pc;
    int32_t counters, rate;
    memcpy(&low_pc, data + 21, 8);
    memcpy(&high_pc, data + 29, 8);
    memcpy(&counters, data + 37, 4);
    memcpy(&rate, data + 41, 4);
    uintptr_t rounded_low = low / 4 * 4, rounded_high = (high + 3) / 4 * 4;
    CHECK_EQ(low_pc, relative((void *)rounded_low));
    CHECK_EQ(high_pc, relative((void *)rounded_high));
    /* Half the text in bytes, rounded up to 8: a 16-bit counter per 4 bytes. */
    CHECK_EQ(counters, ((rounded_high - rounded_low) / 2 + 7) / 8 * 8 / 2);
    CHECK_EQ(rate, 100);
    CHECK(memcmp(data + 45, "seconds\0\0\0\0\0\0\0\0s", 16) == 0);
    size_t at = 61 + (size_t)counters * 2;
    CHECK(at <= size);
    int found = 0;
    while (at < size) {
        CHECK_EQ(data[at], 1); /* GMON_TAG_CG_ARC */
        CHECK(at + 21 <= size);
        CHECK(found < capacity);
        memcpy(&arcs[found].from, data + at + 1, 8);
        memcpy(&arcs[found].self, data + at + 9, 8);
        memcpy(&arcs[found].count, data + at + 17, 4);
        ++found;
        at += 21;
    }
    *arc_count = found;
}

/* The count of the arc from the call site at `site` (a return address) to
 * the function whose mcount call returns to `callee`; -1 if there is none. */
static long arc_count(const struct arc *arcs, int count, uintptr_t low, const void *site,
                      const void *callee) {
    uintptr_t slot = low / 4 * 4 + (((uintptr_t)site - low / 4 * 4) & ~(uintptr_t)15);
    for (int i = 0; i < count; ++i)
        if (arcs[i].from == relative((void *)slot) && arcs[i].self == relative(callee))
            return arcs[i].count;
    return -1;
}

static int stderr_to(const char *path) {
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    return saved;
}

static void stderr_back(int saved) {
    dup2(saved, 2);
    close(saved);
}

static void check_profiling_off(void) {
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler == SIG_DFL);
    struct itimerval timer;
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_value.tv_sec + timer.it_value.tv_usec, 0);
    CHECK_EQ(timer.it_interval.tv_sec + timer.it_interval.tv_usec, 0);
}

int main(void) {
#ifdef CHECKING_AGAINST_GLIBC
    dl_iterate_phdr(note_executable, &load_address);
#endif
    CHECK(mkdtemp(directory) != NULL);
    CHECK_EQ(chdir(directory), 0);
    uintptr_t low = (uintptr_t)sample_text_start, high = (uintptr_t)sample_text_end;

    CHECK_EQ(__profile_frequency(), 100);
    CHECK_EQ(__profile_frequency(), sysconf(_SC_CLK_TCK));

    /* Not started: moncontrol(1) is a stop, the calls count nothing. */
    moncontrol(1);
    check_profiling_off();
    sample_caller(3);

    /* Started: the histogram's sampling runs on ITIMER_PROF. */
    monstartup(low, high);
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler != SIG_DFL && action.sa_handler != SIG_IGN);
    CHECK(action.sa_flags & SA_SIGINFO);
    CHECK(action.sa_flags & SA_RESTART);
    struct itimerval timer;
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_interval.tv_sec, 0);
    CHECK_EQ(timer.it_interval.tv_usec, 10000);
    sample_caller(1000);
    moncontrol(0); /* stopped: not counted */
    check_profiling_off();
    sample_caller(5);
    moncontrol(1);
    __monstartup(low, high); /* a second start is ignored: the counts stay */
    sample_caller(1);
    CHECK_EQ(setenv("GMON_OUT_PREFIX", "prefix", 1), 0);
    _mcleanup();
    check_profiling_off();

    char name[64];
    snprintf(name, sizeof name, "prefix.%u", (unsigned)getpid());
    struct arc arcs[64];
    int count;
    check_gmon_out(name, low, high, arcs, 64, &count);
    CHECK_EQ(count, 2);
    CHECK_EQ(arc_count(arcs, count, low, sample_site_callee, sample_callee_return), 1001);
    CHECK_EQ(arc_count(arcs, count, low, sample_site_fentry, sample_fentry_return), 1001);
    struct stat status;
    CHECK_EQ(stat("gmon.out", &status), -1);
    CHECK_EQ(unlink(name), 0);

    /* After _mcleanup nothing is recorded; a new start begins at 0. A prefix
     * naming no directory that exists falls back to gmon.out. */
    sample_caller(7);
    monstartup(low, high);
    sample_caller(3);
    CHECK_EQ(setenv("GMON_OUT_PREFIX", "no-such-directory/prefix", 1), 0);
    _mcleanup();
    check_gmon_out("gmon.out", low, high, arcs, 64, &count);
    CHECK_EQ(count, 2);
    CHECK_EQ(arc_count(arcs, count, low, sample_site_callee, sample_callee_return), 3);
    CHECK_EQ(arc_count(arcs, count, low, sample_site_fentry, sample_fentry_return), 3);
    CHECK_EQ(unlink("gmon.out"), 0);
    CHECK_EQ(unsetenv("GMON_OUT_PREFIX"), 0);

    /* 60 arcs where the table holds 49 (50 entries, the first unused): the
     * 50th stops recording for good, with a message, and nothing is
     * written. */
    monstartup(low, high);
    int saved = stderr_to("messages");
    sample_many_sites();
    sample_caller(2);
    _mcleanup();
    stderr_back(saved);
    size_t size;
    unsigned char *text = read_file("messages", &size);
    static const char overflow[] =
        "mcount: call graph buffer size limit exceeded, gmon.out will not be generated\n";
    CHECK_EQ(size, sizeof overflow - 1);
    CHECK(memcmp(text, overflow, size) == 0);
    CHECK_EQ(stat("gmon.out", &status), -1);
    check_profiling_off();

    /* gmon.out a symbolic link: not followed, and said on stderr. */
    CHECK_EQ(symlink("elsewhere", "gmon.out"), 0);
    monstartup(low, high);
    sample_caller(1);
    saved = stderr_to("messages");
    _mcleanup();
    stderr_back(saved);
    text = read_file("messages", &size);
    static const char refused[] = "_mcleanup: gmon.out: Too many levels of symbolic links\n";
    CHECK_EQ(size, sizeof refused - 1);
    CHECK(memcmp(text, refused, size) == 0);
    CHECK_EQ(stat("elsewhere", &status), -1);
    CHECK_EQ(unlink("gmon.out"), 0);
    CHECK_EQ(unlink("messages"), 0);

    CHECK_EQ(chdir("/"), 0);
    CHECK_EQ(rmdir(directory), 0);
    return 0;
}
