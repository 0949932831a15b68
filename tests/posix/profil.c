/* profil and sprofil (<sys/profil.h>), statistical sampling of the pc.
 *
 * profil on a busy loop written in assembly (so its bounds are known): the
 * samples land in the counters of the loop's two instructions and nowhere
 * else in the buffer; with scale 0 every sample lands in the first counter
 * (glibc's code, whatever its comment says); turned off, the counters stop
 * and the SIGPROF handler and ITIMER_PROF timer that were there before come
 * back, also after a second profil while on. The sampling period is
 * 1/__profile_frequency() s (10 ms).
 *
 * Then the counting arithmetic exactly, by calling the installed SIGPROF
 * handler with made-up pcs (the timer stopped and SIGPROF blocked, so that
 * no real sample interferes): profil's index ((pc - offset) / 2) * scale /
 * 65536, and sprofil's regions (the higher pr_off first, an overlapped
 * buffer only where no other is, scale < 2 left out, the overflow bin at
 * pr_off 0 and scale 2, saturating counters, PROF_UINT's 4-byte units).
 * glibc's handler counts the first sample after the pc changes region in the
 * wrong place (docs/libc.md); each sprofil sample here is therefore taken
 * twice and only the second one looked at, which both count alike.
 * Also passes built against glibc. */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <string.h>
#include <sys/profil.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "../integration/check.h"

int __profile_frequency(void);

/* void busy_spin(long n): n rounds of a two-instruction loop. */
void busy_spin(long rounds);
extern const char busy_spin_start[], busy_spin_loop[], busy_spin_end[];
__asm__(
    ".text\n"
    ".p2align 4\n"
    ".globl busy_spin, busy_spin_start, busy_spin_loop, busy_spin_end\n"
    "busy_spin:\n"
    "busy_spin_start:\n"
    "    nop\n"
    "    nop\n"
    "    nop\n"
    "    nop\n"
    "busy_spin_loop:\n"
    "    dec %rdi\n"
    "    jnz busy_spin_loop\n"
    "    ret\n"
    "    .p2align 4\n"
    "busy_spin_end:\n");

static unsigned long total(const unsigned short *counters, int count) {
    unsigned long sum = 0;
    for (int i = 0; i < count; ++i) sum += counters[i];
    return sum;
}

/* Spins until `counters` hold `wanted` samples (CPU time, however long that
 * takes; at most a minute of it). */
static void spin_until(const unsigned short *counters, int count, unsigned long wanted) {
    for (int i = 0; i < 60000 && total(counters, count) < wanted; ++i) busy_spin(1000000);
    CHECK(total(counters, count) >= wanted);
}

/* profil's "off": its prototype says the buffer is never null. */
static unsigned short *volatile no_buffer = NULL;

static int handler_calls;
static void own_handler(int signal) {
    (void)signal;
    ++handler_calls;
}

/* The handler profil or sprofil installed, called for a sample at `pc`. */
static void sample_at(uintptr_t pc) {
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_flags & SA_SIGINFO);
    ucontext_t context;
    memset(&context, 0, sizeof context);
    context.uc_mcontext.gregs[REG_RIP] = (greg_t)pc;
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = SIGPROF;
    action.sa_sigaction(SIGPROF, &info, &context);
}

/* Stops ITIMER_PROF and takes any SIGPROF already pending, SIGPROF left
 * blocked: from now on only sample_at counts. */
static void quiet_sampling(void) {
    sigset_t profiling;
    sigemptyset(&profiling);
    sigaddset(&profiling, SIGPROF);
    CHECK_EQ(sigprocmask(SIG_BLOCK, &profiling, NULL), 0);
    struct itimerval stopped;
    memset(&stopped, 0, sizeof stopped);
    CHECK_EQ(setitimer(ITIMER_PROF, &stopped, NULL), 0);
    struct timespec now = {0, 0};
    while (sigtimedwait(&profiling, NULL, &now) == SIGPROF) {
    }
}

static void unblock_sampling(void) {
    sigset_t profiling;
    sigemptyset(&profiling);
    sigaddset(&profiling, SIGPROF);
    CHECK_EQ(sigprocmask(SIG_UNBLOCK, &profiling, NULL), 0);
}

static void check_own_handler_and_timer_back(void) {
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler == own_handler);
    struct itimerval timer;
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_interval.tv_sec, 500);
    CHECK_EQ(timer.it_interval.tv_usec, 0);
    CHECK(timer.it_value.tv_sec >= 690 && timer.it_value.tv_sec <= 700);
}

static void check_profil_on_a_loop(void) {
    /* A handler and a timer of our own (far from firing), to get back. */
    struct sigaction own;
    memset(&own, 0, sizeof own);
    own.sa_handler = own_handler;
    CHECK_EQ(sigaction(SIGPROF, &own, NULL), 0);
    struct itimerval long_timer = {{500, 0}, {700, 0}};
    CHECK_EQ(setitimer(ITIMER_PROF, &long_timer, NULL), 0);

    CHECK_EQ(profil(no_buffer, 0, 0, 0), 0); /* not on: nothing to do */
    check_own_handler_and_timer_back();

    /* One counter per 2 bytes (scale 1.0) over the function. */
    unsigned short counters[16];
    int count = (int)(busy_spin_end - busy_spin_start) / 2;
    CHECK(count <= 16);
    memset(counters, 0, sizeof counters);
    CHECK_EQ(profil(counters, (size_t)count * 2, (size_t)busy_spin_start, 0x10000), 0);
    struct itimerval timer;
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_interval.tv_sec, 0);
    CHECK_EQ(timer.it_interval.tv_usec, 1000000 / __profile_frequency());
    CHECK_EQ(timer.it_interval.tv_usec, 10000);
    spin_until(counters, count, 5);
    /* dec (3 bytes) and jnz (2 bytes): the counters of their bytes only. */
    int loop = (int)(busy_spin_loop - busy_spin_start) / 2;
    unsigned long in_loop = counters[loop] + counters[loop + 1] + counters[loop + 2];
    CHECK_EQ(in_loop, total(counters, count));

    /* Switched while on: scale 0 puts every sample in the first counter. */
    unsigned short scale_zero[4] = {0, 0, 0, 0};
    CHECK_EQ(profil(scale_zero, sizeof scale_zero, 0, 0), 0);
    unsigned long before = total(counters, count);
    spin_until(scale_zero, 1, 3);
    CHECK_EQ(scale_zero[1] + scale_zero[2] + scale_zero[3], 0);
    CHECK_EQ(total(counters, count), before);

    /* Off: the first handler and timer are back (not profil's own), and
     * nothing counts any more. */
    CHECK_EQ(profil(no_buffer, 0, 0, 0), 0);
    check_own_handler_and_timer_back();
    unsigned long frozen = scale_zero[0];
    busy_spin(50000000);
    CHECK_EQ(scale_zero[0], frozen);
    CHECK_EQ(profil(no_buffer, 0, 0, 0), 0);

    /* Half scale: one counter per 4 bytes. */
    memset(counters, 0, sizeof counters);
    CHECK_EQ(profil(counters, 16, 0x1000, 0x8000), 0);
    quiet_sampling();
    sample_at(0x1000);
    sample_at(0x1003);
    sample_at(0x1004);
    sample_at(0x101f);
    sample_at(0x1020); /* past the 8 counters */
    sample_at(0xfff);  /* below the offset: a huge index */
    CHECK_EQ(counters[0], 2);
    CHECK_EQ(counters[1], 1);
    CHECK_EQ(counters[7], 1);
    CHECK_EQ(total(counters, 16), 4);
    /* Scale 1.5, and a large distance, split as glibc computes it. */
    memset(counters, 0, sizeof counters);
    CHECK_EQ(profil(counters, 32, 0x1000, 0x18000), 0);
    quiet_sampling();
    sample_at(0x1002);  /* 1 * 1.5 */
    sample_at(0x1004);  /* 2 * 1.5 */
    sample_at(0x1014);  /* 10 * 1.5 */
    CHECK_EQ(counters[1], 1);
    CHECK_EQ(counters[3], 1);
    CHECK_EQ(counters[15], 1);
    CHECK_EQ(total(counters, 16), 3);
    memset(counters, 0, sizeof counters);
    CHECK_EQ(profil(counters, 32, 0, 3), 0);
    quiet_sampling();
    sample_at(2 * 0x12345ul);               /* 0x12345 * 3 / 65536 */
    sample_at(2 * 0x4ffffful);              /* 0x4fffff * 3 / 65536 */
    CHECK_EQ(counters[3], 1);
    CHECK_EQ(counters[15], 0);
    CHECK_EQ(total(counters, 16), 1);
    CHECK_EQ(profil(no_buffer, 0, 0, 0), 0);
    check_own_handler_and_timer_back();
    unblock_sampling();
    CHECK_EQ(handler_calls, 0);
    struct itimerval stopped;
    memset(&stopped, 0, sizeof stopped);
    CHECK_EQ(setitimer(ITIMER_PROF, &stopped, NULL), 0);
    signal(SIGPROF, SIG_DFL);
}

/* Buffers of sprofil's test: which one counted a sample, and where. */
static unsigned short buffer_a[8], buffer_b[16], bin[1], buffer_c[4], buffer_d[8];
static unsigned int wide_a[8], wide_bin[1];

struct place {
    const void *buffer;
    int index;
};

/* A sample at `pc` taken twice; where the second one was counted. */
static struct place sprofil_sample(uintptr_t pc, int wide) {
    static unsigned char before[512];
    struct {
        void *base;
        size_t size;
    } buffers[] = {{buffer_a, sizeof buffer_a}, {buffer_b, sizeof buffer_b}, {bin, sizeof bin},
                   {buffer_c, sizeof buffer_c}, {buffer_d, sizeof buffer_d},
                   {wide_a, sizeof wide_a},     {wide_bin, sizeof wide_bin}};
    sample_at(pc);
    size_t at = 0;
    for (unsigned i = 0; i < sizeof buffers / sizeof buffers[0]; ++i) {
        memcpy(before + at, buffers[i].base, buffers[i].size);
        at += buffers[i].size;
    }
    sample_at(pc);
    struct place found = {NULL, -1};
    int changes = 0;
    at = 0;
    for (unsigned i = 0; i < sizeof buffers / sizeof buffers[0]; ++i) {
        size_t unit = i >= 5 ? 4 : 2;
        for (size_t j = 0; j < buffers[i].size; j += unit) {
            unsigned long old_value = 0, new_value = 0;
            memcpy(&old_value, before + at + j, unit);
            memcpy(&new_value, (char *)buffers[i].base + j, unit);
            if (new_value != old_value) {
                CHECK_EQ(new_value, old_value + 1);
                found.buffer = buffers[i].base;
                found.index = (int)(j / unit);
                ++changes;
            }
        }
        at += buffers[i].size;
    }
    (void)wide;
    CHECK(changes <= 1);
    return found;
}

#define CHECK_PLACE(pc, wide, expected_buffer, expected_index)       \
    do {                                                             \
        struct place place_ = sprofil_sample((pc), (wide));          \
        CHECK(place_.buffer == (const void *)(expected_buffer));     \
        CHECK_EQ(place_.index, (expected_index));                    \
    } while (0)

static void check_sprofil(void) {
    struct itimerval stopped;
    memset(&stopped, 0, sizeof stopped);
    struct timeval period = {7, 7};
    CHECK_EQ(sprofil(NULL, 0, &period, 0), 0); /* nothing: not on */
    CHECK_EQ(period.tv_sec, 0);
    CHECK_EQ(period.tv_usec, 10000);
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler == SIG_DFL);

    /* b above a, overlapping it: a keeps only what b does not cover. c has
     * a scale below 2: left out. d at the same pr_off as b, given after it:
     * nothing of it is left. The bin anywhere in the array. */
    struct prof buffers[] = {
        {buffer_a, sizeof buffer_a, 0x10000000, 0x10000},  /* [..00, ..10) */
        {bin, sizeof bin, 0, 2},
        {buffer_b, sizeof buffer_b, 0x10000008, 0x8000},   /* [..08, ..48) */
        {buffer_c, sizeof buffer_c, 0x20000000, 1},
        {buffer_d, sizeof buffer_d, 0x10000008, 0x10000},  /* [..08, ..18) */
    };
    CHECK_EQ(sprofil(buffers, 5, NULL, PROF_USHORT), 0);
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_flags & SA_SIGINFO);
    CHECK(action.sa_flags & SA_RESTART);
    struct itimerval timer;
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_interval.tv_sec, 0);
    CHECK(timer.it_interval.tv_usec > 0 && timer.it_interval.tv_usec <= 10000);
    quiet_sampling();
    CHECK_PLACE(0x10000000, 0, buffer_a, 0);
    CHECK_PLACE(0x10000007, 0, buffer_a, 3);
    CHECK_PLACE(0x10000008, 0, buffer_b, 0);
    CHECK_PLACE(0x1000000b, 0, buffer_b, 0);
    CHECK_PLACE(0x1000000c, 0, buffer_b, 1);
    CHECK_PLACE(0x10000047, 0, buffer_b, 15);
    CHECK_PLACE(0x10000048, 0, bin, 0);  /* past every buffer */
    CHECK_PLACE(0x0fffffff, 0, bin, 0);
    CHECK_PLACE(0x20000000, 0, bin, 0);  /* c's pcs: c was left out */
    CHECK_PLACE(0x0000fffe, 0, bin, 0);  /* in the bin's own pcs */
    /* A full counter stays full. */
    buffer_b[2] = 0xffff;
    CHECK_PLACE(0x10000010, 0, NULL, -1);
    CHECK_EQ(buffer_b[2], 0xffff);
    CHECK_EQ(buffer_d[0] + buffer_d[1] + buffer_d[7] + buffer_c[0], 0);
    /* Off: the handler and the timer before it come back. */
    CHECK_EQ(sprofil(buffers, 5, NULL, PROF_USHORT), 0);
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler == SIG_DFL);
    CHECK_EQ(getitimer(ITIMER_PROF, &timer), 0);
    CHECK_EQ(timer.it_value.tv_sec + timer.it_value.tv_usec, 0);
    unblock_sampling();
}

static void check_sprofil_wide(void) {
    /* PROF_UINT: 4-byte units, 32-bit counters. */
    struct prof buffers[] = {
        {wide_bin, sizeof wide_bin, 0, 2},
        {wide_a, sizeof wide_a, 0x30000000, 0x10000},  /* [..00, ..20) */
    };
    CHECK_EQ(sprofil(buffers, 2, NULL, PROF_UINT), 0);
    quiet_sampling();
    CHECK_PLACE(0x30000000, 1, wide_a, 0);
    CHECK_PLACE(0x30000007, 1, wide_a, 1);
    CHECK_PLACE(0x3000001f, 1, wide_a, 7);
    CHECK_PLACE(0x30000020, 1, wide_bin, 0);
    wide_a[5] = 0xffff;  /* no limit at 16 bits */
    CHECK_PLACE(0x30000014, 1, wide_a, 5);
    CHECK_EQ(wide_a[5], 0x10001);
    CHECK_EQ(sprofil(buffers, 2, NULL, PROF_UINT), 0);
    unblock_sampling();
}

/* Runs `check` in a child process: glibc's sprofil can be used once in a
 * process (turned off, it keeps its count of regions, and the next call
 * frees its table a second time). */
static void in_child(void (*check)(void)) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        check();
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

int main(void) {
    CHECK_EQ(__profile_frequency(), 100);
    check_profil_on_a_loop();
    in_child(check_sprofil);
    in_child(check_sprofil_wide);
#ifndef CHECKING_AGAINST_GLIBC
    /* lwp: once off, sprofil can be turned on again. */
    check_sprofil();
    check_sprofil_wide();
#endif
    struct sigaction action;
    CHECK_EQ(sigaction(SIGPROF, NULL, &action), 0);
    CHECK(action.sa_handler == SIG_DFL);
    return 0;
}
