/* sysconf for every name of <bits/confname.h> (0 to _SC_SIGSTKSZ), each
 * answer checked against what the test finds out by itself:
 *  - the fixed answers against the system's headers (options, limits, the C
 *    types' ranges), errno left alone;
 *  - the resource limits (ARG_MAX, CHILD_MAX, OPEN_MAX, SIGQUEUE_MAX) under
 *    limits the test sets, unlimited ones included where the hard limit
 *    allows;
 *  - the kernel's settings and counts against /proc, /sys, sysinfo and the
 *    auxiliary vector;
 *  - the caches against the kernel's description of them in /sys (on an
 *    Intel CPU that describes its caches in CPUID leaf 4, where the kernel
 *    and glibc read the same registers), and their shape elsewhere;
 *  - every other name from -16 to 1299, and INT_MIN and INT_MAX: EINVAL.
 * Given the path of tests/posix/peers/sysconf_peer.c built with glibc, it
 * also compares every answer (value and errno) with glibc's, allowing only
 * the free memory to move and lwp's two robust-mutex options, and prints
 * the figures.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <aio.h>
#include <cpuid.h>
#include <errno.h>
#include <limits.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../integration/check.h"

#define UNCHANGED 12345 /* errno before each call */

enum { highest_name = _SC_SIGSTKSZ, lowest_tried = -16, highest_tried = 1299 };

/* sysconf(name), checking that errno is left alone. */
static long answer_of(int name) {
    errno = UNCHANGED;
    long value = sysconf(name);
    CHECK_EQ(errno, UNCHANGED);
    return value;
}

static void check_einval(int name) {
    errno = UNCHANGED;
    CHECK_EQ(sysconf(name), -1);
    CHECK_EQ(errno, EINVAL);
}

/* Which names 0 .. highest_name are answered; the others fail with EINVAL. */
static char answered[highest_name + 1];

static void answered_name(int name) {
    CHECK(name >= 0 && name <= highest_name);
    answered[name] = 1;
}

/* ---- the fixed answers ---- */

struct fixed {
    int name;
    long value;
};

static const struct fixed fixed_answers[] = {
    /* Options: the version of POSIX that defines them, 1 for the yes/no
     * ones, -1 for those that are absent. */
    {_SC_JOB_CONTROL, _POSIX_JOB_CONTROL}, {_SC_SAVED_IDS, 1},
    {_SC_REALTIME_SIGNALS, _POSIX_REALTIME_SIGNALS},
    {_SC_PRIORITY_SCHEDULING, _POSIX_PRIORITY_SCHEDULING}, {_SC_TIMERS, _POSIX_TIMERS},
    {_SC_ASYNCHRONOUS_IO, _POSIX_ASYNCHRONOUS_IO}, {_SC_PRIORITIZED_IO, _POSIX_PRIORITIZED_IO},
    {_SC_SYNCHRONIZED_IO, _POSIX_SYNCHRONIZED_IO}, {_SC_FSYNC, _POSIX_FSYNC},
    {_SC_MAPPED_FILES, _POSIX_MAPPED_FILES}, {_SC_MEMLOCK, _POSIX_MEMLOCK},
    {_SC_MEMLOCK_RANGE, _POSIX_MEMLOCK_RANGE}, {_SC_MEMORY_PROTECTION, _POSIX_MEMORY_PROTECTION},
    {_SC_MESSAGE_PASSING, _POSIX_MESSAGE_PASSING}, {_SC_SEMAPHORES, _POSIX_SEMAPHORES},
    {_SC_SHARED_MEMORY_OBJECTS, _POSIX_SHARED_MEMORY_OBJECTS}, {_SC_VERSION, _POSIX_VERSION},
    {_SC_THREADS, _POSIX_THREADS}, {_SC_THREAD_SAFE_FUNCTIONS, _POSIX_THREAD_SAFE_FUNCTIONS},
    {_SC_THREAD_ATTR_STACKADDR, _POSIX_THREAD_ATTR_STACKADDR},
    {_SC_THREAD_ATTR_STACKSIZE, _POSIX_THREAD_ATTR_STACKSIZE},
    {_SC_THREAD_PRIORITY_SCHEDULING, _POSIX_THREAD_PRIORITY_SCHEDULING},
    {_SC_THREAD_PRIO_INHERIT, _POSIX_THREAD_PRIO_INHERIT},
    {_SC_THREAD_PRIO_PROTECT, _POSIX_THREAD_PRIO_PROTECT},
    {_SC_THREAD_PROCESS_SHARED, _POSIX_THREAD_PROCESS_SHARED},
    {_SC_ADVISORY_INFO, _POSIX_ADVISORY_INFO}, {_SC_BARRIERS, _POSIX_BARRIERS},
    {_SC_CLOCK_SELECTION, _POSIX_CLOCK_SELECTION},
    /* The header says 0: "ask sysconf"; the answer is that they exist. */
    {_SC_CPUTIME, 200809}, {_SC_THREAD_CPUTIME, 200809}, {_SC_MONOTONIC_CLOCK, 200809},
    {_SC_READER_WRITER_LOCKS, _POSIX_READER_WRITER_LOCKS}, {_SC_SPIN_LOCKS, _POSIX_SPIN_LOCKS},
    {_SC_SPAWN, _POSIX_SPAWN}, {_SC_TIMEOUTS, _POSIX_TIMEOUTS}, {_SC_IPV6, _POSIX_IPV6},
    {_SC_RAW_SOCKETS, _POSIX_RAW_SOCKETS}, {_SC_REGEXP, _POSIX_REGEXP}, {_SC_SHELL, _POSIX_SHELL},
    {_SC_SPORADIC_SERVER, _POSIX_SPORADIC_SERVER},
    {_SC_THREAD_SPORADIC_SERVER, _POSIX_THREAD_SPORADIC_SERVER}, {_SC_TRACE, _POSIX_TRACE},
    {_SC_TRACE_EVENT_FILTER, _POSIX_TRACE_EVENT_FILTER}, {_SC_TRACE_INHERIT, _POSIX_TRACE_INHERIT},
    {_SC_TRACE_LOG, _POSIX_TRACE_LOG}, {_SC_TYPED_MEMORY_OBJECTS, _POSIX_TYPED_MEMORY_OBJECTS},
    {_SC_TRACE_EVENT_NAME_MAX, -1}, {_SC_TRACE_NAME_MAX, -1}, {_SC_TRACE_SYS_MAX, -1},
    {_SC_TRACE_USER_EVENT_MAX, -1}, {_SC_STREAMS, -1}, {_SC_XOPEN_STREAMS, -1},
    {_SC_PII, -1}, {_SC_PII_XTI, -1}, {_SC_PII_SOCKET, -1}, {_SC_PII_INTERNET, -1},
    {_SC_PII_OSI, -1}, {_SC_POLL, -1}, {_SC_SELECT, -1}, {_SC_PII_INTERNET_STREAM, -1},
    {_SC_PII_INTERNET_DGRAM, -1}, {_SC_PII_OSI_COTS, -1}, {_SC_PII_OSI_CLTS, -1},
    {_SC_PII_OSI_M, -1}, {_SC_T_IOV_MAX, -1}, {_SC_BASE, -1}, {_SC_C_LANG_SUPPORT, -1},
    {_SC_C_LANG_SUPPORT_R, -1}, {_SC_DEVICE_IO, -1}, {_SC_DEVICE_SPECIFIC, -1},
    {_SC_DEVICE_SPECIFIC_R, -1}, {_SC_FD_MGMT, -1}, {_SC_FIFO, -1}, {_SC_PIPE, -1},
    {_SC_FILE_ATTRIBUTES, -1}, {_SC_FILE_LOCKING, -1}, {_SC_FILE_SYSTEM, -1},
    {_SC_MULTI_PROCESS, -1}, {_SC_SINGLE_PROCESS, -1}, {_SC_NETWORKING, -1},
    {_SC_SYSTEM_DATABASE, -1}, {_SC_SYSTEM_DATABASE_R, -1}, {_SC_USER_GROUPS, -1},
    {_SC_USER_GROUPS_R, -1}, {_SC_SIGNALS, -1}, {_SC_REGEX_VERSION, -1},
    /* POSIX.2. */
    {_SC_2_VERSION, _POSIX2_VERSION}, {_SC_2_C_BIND, _POSIX2_C_BIND}, {_SC_2_C_DEV, _POSIX2_C_DEV},
    {_SC_2_C_VERSION, 200809}, {_SC_2_SW_DEV, _POSIX2_SW_DEV},
    {_SC_2_LOCALEDEF, _POSIX2_LOCALEDEF}, {_SC_2_CHAR_TERM, _POSIX2_CHAR_TERM},
    {_SC_2_FORT_DEV, -1}, {_SC_2_FORT_RUN, -1}, {_SC_2_UPE, -1}, {_SC_2_PBS, -1},
    {_SC_2_PBS_ACCOUNTING, -1}, {_SC_2_PBS_CHECKPOINT, -1}, {_SC_2_PBS_LOCATE, -1},
    {_SC_2_PBS_MESSAGE, -1}, {_SC_2_PBS_TRACK, -1},
    /* X/Open. */
    {_SC_XOPEN_VERSION, _XOPEN_VERSION}, {_SC_XOPEN_XCU_VERSION, _XOPEN_XCU_VERSION},
    {_SC_XOPEN_UNIX, _XOPEN_UNIX}, {_SC_XOPEN_CRYPT, -1}, {_SC_XOPEN_ENH_I18N, _XOPEN_ENH_I18N},
    {_SC_XOPEN_SHM, _XOPEN_SHM}, {_SC_XOPEN_XPG2, _XOPEN_XPG2}, {_SC_XOPEN_XPG3, _XOPEN_XPG3},
    {_SC_XOPEN_XPG4, _XOPEN_XPG4}, {_SC_XOPEN_LEGACY, _XOPEN_LEGACY},
    {_SC_XOPEN_REALTIME, _XOPEN_REALTIME}, {_SC_XOPEN_REALTIME_THREADS, _XOPEN_REALTIME_THREADS},
    /* The programming environments (no 32-bit one listed under
     * GETCONF_DIR on a machine that builds 64-bit programs only). */
    {_SC_V7_LP64_OFF64, _POSIX_V7_LP64_OFF64}, {_SC_V6_LP64_OFF64, _POSIX_V6_LP64_OFF64},
    {_SC_XBS5_LP64_OFF64, _XBS5_LP64_OFF64}, {_SC_V7_LPBIG_OFFBIG, _POSIX_V7_LPBIG_OFFBIG},
    {_SC_V6_LPBIG_OFFBIG, _POSIX_V6_LPBIG_OFFBIG}, {_SC_XBS5_LPBIG_OFFBIG, _XBS5_LPBIG_OFFBIG},
    {_SC_V7_ILP32_OFF32, -1}, {_SC_V7_ILP32_OFFBIG, -1}, {_SC_V6_ILP32_OFF32, -1},
    {_SC_V6_ILP32_OFFBIG, -1}, {_SC_XBS5_ILP32_OFF32, -1}, {_SC_XBS5_ILP32_OFFBIG, -1},
    /* Limits. */
    {_SC_AIO_LISTIO_MAX, -1}, {_SC_AIO_MAX, -1}, {_SC_AIO_PRIO_DELTA_MAX, AIO_PRIO_DELTA_MAX},
    {_SC_DELAYTIMER_MAX, DELAYTIMER_MAX}, {_SC_MQ_OPEN_MAX, -1}, {_SC_MQ_PRIO_MAX, MQ_PRIO_MAX},
    {_SC_RTSIG_MAX, RTSIG_MAX}, {_SC_SEM_NSEMS_MAX, -1}, {_SC_SEM_VALUE_MAX, SEM_VALUE_MAX},
    {_SC_TIMER_MAX, -1}, {_SC_THREAD_THREADS_MAX, -1}, {_SC_TZNAME_MAX, -1},
    {_SC_SYMLOOP_MAX, -1}, {_SC_IOV_MAX, IOV_MAX}, {_SC_UIO_MAXIOV, UIO_MAXIOV},
    {_SC_LOGIN_NAME_MAX, LOGIN_NAME_MAX}, {_SC_TTY_NAME_MAX, TTY_NAME_MAX},
    {_SC_HOST_NAME_MAX, HOST_NAME_MAX},
    {_SC_THREAD_DESTRUCTOR_ITERATIONS, PTHREAD_DESTRUCTOR_ITERATIONS},
    {_SC_THREAD_KEYS_MAX, PTHREAD_KEYS_MAX}, {_SC_GETPW_R_SIZE_MAX, 1024},
    {_SC_GETGR_R_SIZE_MAX, 1024}, {_SC_STREAM_MAX, FOPEN_MAX}, {_SC_ATEXIT_MAX, INT_MAX},
    {_SC_PASS_MAX, BUFSIZ}, {_SC_BC_BASE_MAX, BC_BASE_MAX}, {_SC_BC_DIM_MAX, BC_DIM_MAX},
    {_SC_BC_SCALE_MAX, BC_SCALE_MAX}, {_SC_BC_STRING_MAX, BC_STRING_MAX},
    {_SC_COLL_WEIGHTS_MAX, COLL_WEIGHTS_MAX}, {_SC_EXPR_NEST_MAX, EXPR_NEST_MAX},
    {_SC_LINE_MAX, LINE_MAX}, {_SC_RE_DUP_MAX, RE_DUP_MAX},
    {_SC_CHARCLASS_NAME_MAX, CHARCLASS_NAME_MAX}, {_SC_NL_ARGMAX, NL_ARGMAX},
    {_SC_NL_LANGMAX, NL_LANGMAX}, {_SC_NL_MSGMAX, NL_MSGMAX}, {_SC_NL_NMAX, NL_NMAX},
    {_SC_NL_SETMAX, NL_SETMAX}, {_SC_NL_TEXTMAX, NL_TEXTMAX}, {_SC_NZERO, NZERO},
    /* The C types. */
    {_SC_CHAR_BIT, CHAR_BIT}, {_SC_CHAR_MAX, CHAR_MAX}, {_SC_CHAR_MIN, CHAR_MIN},
    {_SC_INT_MAX, INT_MAX}, {_SC_INT_MIN, INT_MIN}, {_SC_LONG_BIT, 64}, {_SC_WORD_BIT, 32},
    {_SC_MB_LEN_MAX, MB_LEN_MAX}, {_SC_SSIZE_MAX, _POSIX_SSIZE_MAX}, {_SC_SCHAR_MAX, SCHAR_MAX},
    {_SC_SCHAR_MIN, SCHAR_MIN}, {_SC_SHRT_MAX, SHRT_MAX}, {_SC_SHRT_MIN, SHRT_MIN},
    {_SC_UCHAR_MAX, UCHAR_MAX}, {_SC_UINT_MAX, UINT_MAX}, {_SC_ULONG_MAX, -1},
    {_SC_USHRT_MAX, USHRT_MAX},
    /* x86-64's pages. */
    {_SC_PAGESIZE, 4096},
};

static void fixed_names(void) {
    for (size_t i = 0; i < sizeof fixed_answers / sizeof fixed_answers[0]; ++i) {
        const struct fixed* expected = &fixed_answers[i];
        long value = answer_of(expected->name);
        if (value != expected->value) {
            check_write("name ");
            check_write_number(expected->name);
            check_write(": ");
        }
        CHECK_EQ(value, expected->value);
        answered_name(expected->name);
    }
    CHECK_EQ(sysconf(_SC_PAGE_SIZE), getauxval(AT_PAGESZ));
    CHECK_EQ(getpagesize(), 4096);
    /* The options glibc's header defines: what tst-sysconf asks. */
    CHECK_EQ(sysconf(_SC_FSYNC), _POSIX_FSYNC);
    CHECK_EQ(sysconf(_SC_2_C_BIND), _POSIX2_C_BIND);

    /* Robust mutexes: lwp has those with priority inheritance and not
     * those with ceilings; glibc 2.36's sysconf knows neither name. */
#ifdef CHECKING_AGAINST_GLIBC
    check_einval(_SC_THREAD_ROBUST_PRIO_INHERIT);
    check_einval(_SC_THREAD_ROBUST_PRIO_PROTECT);
#else
    CHECK_EQ(answer_of(_SC_THREAD_ROBUST_PRIO_INHERIT), 200809);
    CHECK_EQ(answer_of(_SC_THREAD_ROBUST_PRIO_PROTECT), -1);
    answered_name(_SC_THREAD_ROBUST_PRIO_INHERIT);
    answered_name(_SC_THREAD_ROBUST_PRIO_PROTECT);
#endif
}

/* ---- the resource limits ---- */

/* Sets the soft limit of `resource` (within its hard limit) and returns
 * whether it could. */
static int set_soft_limit(int resource, rlim_t soft) {
    struct rlimit limit;
    CHECK_EQ(getrlimit(resource, &limit), 0);
    if (limit.rlim_max != RLIM_INFINITY && (soft == RLIM_INFINITY || soft > limit.rlim_max))
        return 0;
    limit.rlim_cur = soft;
    CHECK_EQ(setrlimit(resource, &limit), 0);
    return 1;
}

static long expected_argument_space(rlim_t stack) {
    unsigned long quarter = stack / 4;
    if (quarter < 131072) return 131072;
    return quarter > 6 * 1024 * 1024 ? 6 * 1024 * 1024 : (long)quarter;
}

static void resource_limits(void) {
    struct rlimit stack, processes, files, pending;
    CHECK_EQ(getrlimit(RLIMIT_STACK, &stack), 0);
    CHECK_EQ(getrlimit(RLIMIT_NPROC, &processes), 0);
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
    CHECK_EQ(getrlimit(RLIMIT_SIGPENDING, &pending), 0);

    /* ARG_MAX: a quarter of the stack limit, within 128 KiB .. 6 MiB. */
    CHECK_EQ(answer_of(_SC_ARG_MAX), expected_argument_space(stack.rlim_cur));
    static const rlim_t stacks[] = {256 * 1024, 1024 * 1024, 8 * 1024 * 1024, 8 * 1024 * 1024 + 7,
                                    24 * 1024 * 1024 + 4, 64 * 1024 * 1024, RLIM_INFINITY};
    for (size_t i = 0; i < sizeof stacks / sizeof stacks[0]; ++i)
        if (set_soft_limit(RLIMIT_STACK, stacks[i]))
            CHECK_EQ(answer_of(_SC_ARG_MAX), expected_argument_space(stacks[i]));
    CHECK_EQ(setrlimit(RLIMIT_STACK, &stack), 0);

    /* CHILD_MAX: the process limit; unlimited is -1, errno unchanged. */
    CHECK_EQ(answer_of(_SC_CHILD_MAX),
             processes.rlim_cur == RLIM_INFINITY ? -1 : (long)processes.rlim_cur);
    if (set_soft_limit(RLIMIT_NPROC, 500)) CHECK_EQ(answer_of(_SC_CHILD_MAX), 500);
    if (set_soft_limit(RLIMIT_NPROC, RLIM_INFINITY)) CHECK_EQ(answer_of(_SC_CHILD_MAX), -1);
    CHECK_EQ(setrlimit(RLIMIT_NPROC, &processes), 0);

    /* OPEN_MAX: the descriptor limit. */
    CHECK_EQ(answer_of(_SC_OPEN_MAX), (long)files.rlim_cur);
    CHECK(set_soft_limit(RLIMIT_NOFILE, 100));
    CHECK_EQ(answer_of(_SC_OPEN_MAX), 100);
    CHECK_EQ(getdtablesize(), 100);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);

    /* SIGQUEUE_MAX: the queued signals limit; unlimited comes back as -1. */
    CHECK_EQ(answer_of(_SC_SIGQUEUE_MAX), (long)pending.rlim_cur);
    CHECK(set_soft_limit(RLIMIT_SIGPENDING, 77));
    CHECK_EQ(answer_of(_SC_SIGQUEUE_MAX), 77);
    if (set_soft_limit(RLIMIT_SIGPENDING, RLIM_INFINITY))
        CHECK_EQ(answer_of(_SC_SIGQUEUE_MAX), -1);
    CHECK_EQ(setrlimit(RLIMIT_SIGPENDING, &pending), 0);

    answered_name(_SC_ARG_MAX);
    answered_name(_SC_CHILD_MAX);
    answered_name(_SC_OPEN_MAX);
    answered_name(_SC_SIGQUEUE_MAX);
}

/* ---- the kernel's settings and counts ---- */

/* The number in a /proc or /sys file, or -1 without one. */
static long number_in_file(const char* path) {
    FILE* file = fopen(path, "r");
    if (file == NULL) return -1;
    long value;
    int found = fscanf(file, "%ld", &value);
    fclose(file);
    return found == 1 ? value : -1;
}

/* The number of CPUs in a kernel CPU list ("0-3,6,8-9"), or -1. */
static long cpus_in_list(const char* path) {
    FILE* file = fopen(path, "r");
    if (file == NULL) return -1;
    char text[1024];
    char* line = fgets(text, sizeof text, file);
    fclose(file);
    if (line == NULL) return -1;
    long count = 0;
    for (char* range = strtok(text, ",\n"); range != NULL; range = strtok(NULL, ",\n")) {
        unsigned first, last;
        int fields = sscanf(range, "%u-%u", &first, &last);
        CHECK(fields >= 1);
        count += fields == 2 ? (long)(last - first + 1) : 1;
    }
    return count;
}

static void kernel_settings(void) {
    long groups = number_in_file("/proc/sys/kernel/ngroups_max");
    CHECK_EQ(answer_of(_SC_NGROUPS_MAX), groups > 0 ? groups : 65536);

    unsigned long ticks = getauxval(AT_CLKTCK);
    CHECK_EQ(answer_of(_SC_CLK_TCK), ticks ? (long)ticks : 100);
    CHECK_EQ(sysconf(_SC_CLK_TCK), 100); /* USER_HZ on x86-64 */

    long online = cpus_in_list("/sys/devices/system/cpu/online");
    long possible = cpus_in_list("/sys/devices/system/cpu/possible");
    long answered_online = answer_of(_SC_NPROCESSORS_ONLN);
    long answered_possible = answer_of(_SC_NPROCESSORS_CONF);
    if (online > 0) CHECK_EQ(answered_online, online);
    if (possible > 0) CHECK_EQ(answered_possible, possible);
    CHECK(answered_online >= 1 && answered_possible >= answered_online);
    CHECK_EQ(get_nprocs(), answered_online);
    CHECK_EQ(get_nprocs_conf(), answered_possible);
    /* The machine's count, not the affinity mask's: a process confined to
     * one CPU still sees them all. */
    cpu_set_t mask, one;
    CHECK_EQ(sched_getaffinity(0, sizeof mask, &mask), 0);
    CPU_ZERO(&one);
    CPU_SET(sched_getcpu(), &one);
    CHECK_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    CHECK_EQ(answer_of(_SC_NPROCESSORS_ONLN), answered_online);
    CHECK_EQ(sched_setaffinity(0, sizeof mask, &mask), 0);

    struct sysinfo memory;
    CHECK_EQ(sysinfo(&memory), 0);
    long total = (long)((unsigned long long)memory.totalram * memory.mem_unit / 4096);
    CHECK_EQ(answer_of(_SC_PHYS_PAGES), total);
    CHECK_EQ(get_phys_pages(), total);
    /* Free memory moves with other processes: within a sixteenth of the
     * total of what sysinfo said just before. */
    long free_pages = (long)((unsigned long long)memory.freeram * memory.mem_unit / 4096);
    long available = answer_of(_SC_AVPHYS_PAGES);
    CHECK(available > 0 && available <= total);
    CHECK(labs(available - free_pages) <= total / 16);

    answered_name(_SC_NGROUPS_MAX);
    answered_name(_SC_CLK_TCK);
    answered_name(_SC_NPROCESSORS_ONLN);
    answered_name(_SC_NPROCESSORS_CONF);
    answered_name(_SC_PHYS_PAGES);
    answered_name(_SC_AVPHYS_PAGES);
}

/* The signal stack sizes and the smallest thread stack, from the signal
 * frame size the kernel publishes (AT_MINSIGSTKSZ, Linux 5.14 on). */
static void stack_sizes(void) {
    long minimum = answer_of(_SC_MINSIGSTKSZ);
    long frame = (long)getauxval(AT_MINSIGSTKSZ);
    if (frame >= 2048) CHECK_EQ(minimum, frame);
    CHECK(minimum >= 2048 || minimum == frame);
    long at_least_2048 = minimum > 2048 ? minimum : 2048;
    CHECK_EQ(answer_of(_SC_SIGSTKSZ), 4 * at_least_2048 > 8192 ? 4 * at_least_2048 : 8192);
    CHECK_EQ(SIGSTKSZ, sysconf(_SC_SIGSTKSZ));
    CHECK_EQ(answer_of(_SC_THREAD_STACK_MIN), minimum > 16384 ? minimum : 16384);
    CHECK_EQ(PTHREAD_STACK_MIN, sysconf(_SC_THREAD_STACK_MIN));
    answered_name(_SC_MINSIGSTKSZ);
    answered_name(_SC_SIGSTKSZ);
    answered_name(_SC_THREAD_STACK_MIN);
}

/* ---- the caches ---- */

/* A fact of the cache at `index` of this CPU in /sys, or -1. */
static long cache_fact(int cpu, int index, const char* fact) {
    char path[128];
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/cache/index%d/%s", cpu, index,
             fact);
    return number_in_file(path);
}

static int cache_is(int cpu, int index, const char* type) {
    char path[128];
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/cache/index%d/type", cpu, index);
    FILE* file = fopen(path, "r");
    if (file == NULL) return 0;
    char text[32] = "";
    char* line = fgets(text, sizeof text, file);
    fclose(file);
    return line != NULL && strncmp(text, type, strlen(type)) == 0;
}

/* Whether the CPU is Intel's and describes its caches in leaf 4 (leaf 2's
 * descriptor 0xff, or a leaf 2 that does not follow its format): then the
 * kernel's /sys and sysconf read the same registers. */
static int caches_listed_in_leaf_4(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d) || a < 4) return 0;
    if (b != 0x756e6547 || d != 0x49656e69 || c != 0x6c65746e) return 0; /* GenuineIntel */
    __cpuid(2, a, b, c, d);
    if ((a & 0xff) != 1) return 1;
    unsigned int words[] = {a & 0xffffff00u, b, c, d};
    for (int i = 0; i < 4; ++i)
        for (int shift = 0; shift < 32; shift += 8)
            if (!(words[i] & 0x80000000u) && (words[i] >> shift & 0xff) == 0xff) return 1;
    return 0;
}

static void caches(void) {
    /* Stay on one CPU: on a machine whose cores differ, the kernel's
     * description is per CPU. */
    cpu_set_t mask, one;
    CHECK_EQ(sched_getaffinity(0, sizeof mask, &mask), 0);
    int cpu = sched_getcpu();
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    CHECK_EQ(sched_setaffinity(0, sizeof one, &one), 0);

    long answers[15];
    for (int i = 0; i < 15; ++i) {
        answers[i] = answer_of(_SC_LEVEL1_ICACHE_SIZE + i);
        answered_name(_SC_LEVEL1_ICACHE_SIZE + i);
    }
    /* Never answered, as in glibc. */
    CHECK_EQ(sysconf(_SC_LEVEL1_ICACHE_ASSOC), -1);
    CHECK_EQ(sysconf(_SC_LEVEL4_CACHE_ASSOC), -1);
    CHECK_EQ(sysconf(_SC_LEVEL4_CACHE_LINESIZE), -1);
    /* Line sizes are powers of two (or 0, or -1: unknown). */
    for (int i = 2; i < 15; i += 3)
        CHECK(answers[i] <= 0 || (answers[i] & (answers[i] - 1)) == 0);

    if (caches_listed_in_leaf_4() && cache_fact(cpu, 0, "level") > 0) {
        int found_level_4 = 0;
        for (int index = 0; cache_fact(cpu, index, "level") > 0; ++index) {
            long level = cache_fact(cpu, index, "level");
            long kib = cache_fact(cpu, index, "size"); /* "48K": the number in KiB */
            long ways = cache_fact(cpu, index, "ways_of_associativity");
            long line = cache_fact(cpu, index, "coherency_line_size");
            int first; /* the size's offset among the 15 names */
            if (level == 1 && cache_is(cpu, index, "Instruction")) first = 0;
            else if (level == 1) first = 3;
            else first = 3 * (int)level;
            if (level == 4) found_level_4 = 1;
            CHECK_EQ(answers[first], kib * 1024);
            if (first != 0 && level != 4) CHECK_EQ(answers[first + 1], ways);
            if (level != 4) CHECK_EQ(answers[first + 2], line);
        }
        if (!found_level_4) CHECK_EQ(answers[12], -1);
    }
    CHECK_EQ(sched_setaffinity(0, sizeof mask, &mask), 0);
}

/* ---- the names not answered ---- */

static void unknown_names(void) {
    for (int name = lowest_tried; name <= highest_tried; ++name)
        if (name < 0 || name > highest_name || !answered[name]) check_einval(name);
    check_einval(INT_MIN);
    check_einval(INT_MAX);
    check_einval(_SC_EQUIV_CLASS_MAX);
    check_einval(_SC_SS_REPL_MAX);
    /* Every name between the cache names and _SC_IPV6 is unused. */
    for (int name = _SC_LEVEL4_CACHE_LINESIZE + 1; name < _SC_IPV6; ++name) check_einval(name);
    /* Exactly the names that exist are answered, bar the two that glibc's
     * header lists and nobody answers. */
    int count = 0;
    for (int name = 0; name <= highest_name; ++name) count += answered[name];
#ifdef CHECKING_AGAINST_GLIBC
    CHECK_EQ(count, highest_name + 1 - 35 - 4);
#else
    CHECK_EQ(count, highest_name + 1 - 35 - 2);
#endif
}

/* ---- glibc's answers, from the peer program ---- */

static void compare_with_glibc(const char* peer) {
    FILE* answers = popen(peer, "r");
    CHECK(answers != NULL);
    int compared = 0, identical = 0, name;
    long value;
    int error;
    while (fscanf(answers, "%d %ld %d", &name, &value, &error) == 3) {
        errno = UNCHANGED;
        long ours = sysconf(name);
        int our_error = errno;
        ++compared;
        if (ours == value && our_error == error) {
            ++identical;
            continue;
        }
        printf("differs: name %d: lwp %ld (errno %d), glibc %ld (errno %d)\n", name, ours,
               our_error, value, error);
        if (name == _SC_AVPHYS_PAGES) {
            /* Free memory moved between the two processes' calls. */
            CHECK(our_error == UNCHANGED && error == UNCHANGED);
            CHECK(labs(ours - value) <= get_phys_pages() / 16);
        } else if (name == _SC_THREAD_ROBUST_PRIO_INHERIT) {
            CHECK(ours == 200809 && our_error == UNCHANGED && error == EINVAL);
        } else if (name == _SC_THREAD_ROBUST_PRIO_PROTECT) {
            CHECK(ours == -1 && our_error == UNCHANGED && error == EINVAL);
        } else {
            CHECK(!"an answer other than glibc's");
        }
    }
    CHECK_EQ(pclose(answers), 0);
    CHECK_EQ(compared, highest_tried - lowest_tried + 1);
    printf("sysconf: %d names compared with glibc, %d identical\n", compared, identical);
}

int main(int argc, char** argv) {
    fixed_names();
    resource_limits();
    kernel_settings();
    stack_sizes();
    caches();
    unknown_names();
    if (argc > 1) compare_with_glibc(argv[1]);
    return 0;
}
