/* The spawn benchmark in C, timed the same way as lwp_bench times lwp:
 * built by bench/report with gcc (glibc), with musl-gcc (musl, static),
 * with lwp-cc (lwp's freestanding pthread drop-in, static, no glibc), and
 * with gcc against liblwp.a (lwp's hosted mode; see below).
 *
 *   spawn_bench spawn_join <iterations> <rounds>
 *       one warm-up spawn+join, then <rounds> rounds of <iterations>
 *       pthread_create + pthread_join of an empty routine; prints the median
 *       round's nanoseconds per spawn+join.
 *   spawn_bench many_alive <count> [<stack KiB>]
 *       creates <count> threads (default attributes, or stacks of the given
 *       size) that block until released, then releases and joins them;
 *       prints creation microseconds, resident bytes and mappings added, per
 *       thread.
 *   spawn_bench probe
 *       one warm-up spawn+join, then one more between two marker syscalls
 *       (write(-1, "lwp-probe:begin") ... write(-1, "lwp-probe:end")), for
 *       counting its syscalls under strace -f.
 *
 * Output: one JSON object on stdout. Only the main thread uses stdio.
 *
 * Built with -DLWP_HOSTED_THREADS (and linked with lwp's liblwp.a), the
 * threads are lwp's, made through lwp's C API inside an ordinary glibc
 * program: lwp's hosted mode, in a process of the same shape as the glibc
 * and musl builds'. Everything else (stdio, the clock, /proc) is glibc's.
 *
 * Only plain POSIX is used, no syscall() and no stdio input: lwp's small C
 * library has neither, and the same source must build against all three. */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "c_bench.h"

/* The threads being measured, and the lock that holds idle ones. */
#ifdef LWP_HOSTED_THREADS
#include "lwp/lwp.h"
typedef lwp_t thread_t;
typedef lwp_attr_t thread_attr_t;
typedef lwp_rwlock_t gate_t;
#define thread_create lwp_create
#define thread_join lwp_join
#define thread_attr_init lwp_attr_init
#define thread_attr_setstacksize lwp_attr_setstacksize
#define thread_attr_destroy lwp_attr_destroy
#define GATE_INITIALIZER LWP_RWLOCK_INITIALIZER
#define gate_rdlock lwp_rwlock_rdlock
#define gate_wrlock lwp_rwlock_wrlock
#define gate_unlock lwp_rwlock_unlock
#else
typedef pthread_t thread_t;
typedef pthread_attr_t thread_attr_t;
typedef pthread_rwlock_t gate_t;
#define thread_create pthread_create
#define thread_join pthread_join
#define thread_attr_init pthread_attr_init
#define thread_attr_setstacksize pthread_attr_setstacksize
#define thread_attr_destroy pthread_attr_destroy
#define GATE_INITIALIZER PTHREAD_RWLOCK_INITIALIZER
#define gate_rdlock pthread_rwlock_rdlock
#define gate_wrlock pthread_rwlock_wrlock
#define gate_unlock pthread_rwlock_unlock
#endif

static void* empty_routine(void* argument) { return argument; }

static void spawn_join(void) {
    thread_t thread;
    if (thread_create(&thread, NULL, empty_routine, NULL) != 0) abort();
    thread_join(thread, NULL);
}

static int run_spawn_join(long iterations, int rounds) {
    double* per_round = calloc((size_t)rounds, sizeof *per_round);
    if (per_round == NULL || iterations < 1 || rounds < 1) return 2;
    spawn_join(); /* warm the stack cache (glibc has one; musl does not) */
    for (int round = 0; round < rounds; ++round) {
        double begin = now_ns();
        for (long i = 0; i < iterations; ++i) spawn_join();
        per_round[round] = (now_ns() - begin) / (double)iterations;
    }
    qsort(per_round, (size_t)rounds, sizeof *per_round, compare_doubles);
    printf("{\"library\": \"%s\", \"benchmark\": \"spawn_join\", \"iterations\": %ld, "
           "\"rounds\": %d, \"median_ns\": %.1f, \"min_ns\": %.1f, \"max_ns\": %.1f}\n",
           LIBRARY_NAME, iterations, rounds, per_round[rounds / 2], per_round[0],
           per_round[rounds - 1]);
    free(per_round);
    return 0;
}

/* Idle threads block on a read lock while main holds the write lock: the
 * wait sleeps in the kernel (a futex in all three libraries), and one unlock
 * releases every reader at once. */
static gate_t gate = GATE_INITIALIZER;
static atomic_int started;

static void* idle_until_released(void* argument) {
    atomic_fetch_add_explicit(&started, 1, memory_order_relaxed);
    if (gate_rdlock(&gate) != 0) abort();
    gate_unlock(&gate);
    return argument;
}

/* Reads a small /proc file whole; returns its length, or -1. */
static long read_file(const char* path, char* buffer, long size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    long length = 0, got;
    while (length < size - 1 && (got = read(fd, buffer + length, (size_t)(size - 1 - length))) > 0)
        length += got;
    close(fd);
    buffer[length] = '\0';
    return length;
}

static long resident_bytes(void) {
    char statm[128];
    if (read_file("/proc/self/statm", statm, sizeof statm) <= 0) return 0;
    char* after_total;
    strtol(statm, &after_total, 10); /* total program size, not needed */
    return strtol(after_total, NULL, 10) * sysconf(_SC_PAGESIZE);
}

static long mapping_count(void) {
    int fd = open("/proc/self/maps", O_RDONLY);
    if (fd < 0) return 0;
    char chunk[4096];
    long lines = 0, got;
    while ((got = read(fd, chunk, sizeof chunk)) > 0)
        for (long i = 0; i < got; ++i)
            if (chunk[i] == '\n') ++lines;
    close(fd);
    return lines;
}

static int run_many_alive(int count, long stack_kib) {
    thread_t* threads = malloc((size_t)count * sizeof *threads);
    if (threads == NULL || count < 1) return 2;
    /* Default attributes unless a stack size is given: each library's own
     * default differs (glibc: RLIMIT_STACK, 8 MiB here; musl: 128 KiB). */
    thread_attr_t sized;
    thread_attr_t* attributes = NULL;
    if (stack_kib > 0) {
        if (thread_attr_init(&sized) != 0 ||
            thread_attr_setstacksize(&sized, (size_t)stack_kib * 1024) != 0)
            return 2;
        attributes = &sized;
    }
    /* Touch the handle array now, so that its pages count before the
     * measurement starts and not as the threads' own memory (non-zero bytes,
     * so the compiler cannot turn this into a lazily zeroed calloc). */
    memset(threads, 0xff, (size_t)count * sizeof *threads);
    if (gate_wrlock(&gate) != 0) return 2;
    long rss_before = resident_bytes();
    long maps_before = mapping_count();
    double begin = now_ns();
    for (int i = 0; i < count; ++i)
        if (thread_create(&threads[i], attributes, idle_until_released, NULL) != 0) {
            fprintf(stderr, "thread creation failed after %d threads\n", i);
            return 1;
        }
    double create_ns = now_ns() - begin;
    while (atomic_load_explicit(&started, memory_order_relaxed) != count) sched_yield();
    long rss_after = resident_bytes();
    long maps_after = mapping_count();
    gate_unlock(&gate);
    for (int i = 0; i < count; ++i) thread_join(threads[i], NULL);
    if (attributes) thread_attr_destroy(attributes);
    printf("{\"library\": \"%s\", \"benchmark\": \"many_alive\", \"threads\": %d, "
           "\"stack_kib\": %ld, \"create_us\": %.3f, \"rss_bytes\": %.1f, \"mappings\": %.3f}\n",
           LIBRARY_NAME, count, stack_kib, create_ns / 1e3 / count,
           (double)(rss_after - rss_before) / count, (double)(maps_after - maps_before) / count);
    free(threads);
    return 0;
}

static int run_probe(void) {
    static const char begin_marker[] = "lwp-probe:begin";
    static const char end_marker[] = "lwp-probe:end";
    spawn_join();
    /* A failing write to fd -1 is a marker that changes nothing; write() is
     * one syscall in every C library, with no buffering in between. */
    if (write(-1, begin_marker, sizeof begin_marker - 1) != -1) return 1;
    spawn_join();
    if (write(-1, end_marker, sizeof end_marker - 1) != -1) return 1;
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "spawn_join") == 0)
        return run_spawn_join(atol(argv[2]), atoi(argv[3]));
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "many_alive") == 0)
        return run_many_alive(atoi(argv[2]), argc == 4 ? atol(argv[3]) : 0);
    if (argc == 2 && strcmp(argv[1], "probe") == 0) return run_probe();
    fprintf(stderr, "usage: %s spawn_join ITERATIONS ROUNDS | many_alive COUNT [STACK_KIB] | probe\n",
            argv[0]);
    return 2;
}
