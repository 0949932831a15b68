/* The C library's own threads, timed the same way as lwp_bench times lwp:
 * built with musl-gcc (musl) and with gcc (glibc) by bench/report.
 *
 *   spawn_bench spawn_join <iterations> <rounds>
 *       one warm-up spawn+join, then <rounds> rounds of <iterations>
 *       pthread_create + pthread_join of an empty routine; prints the median
 *       round's nanoseconds per spawn+join.
 *   spawn_bench many_alive <count>
 *       creates <count> threads (default attributes) that block on one futex
 *       word, then releases and joins them; prints creation microseconds,
 *       resident bytes and mappings added, per thread.
 *   spawn_bench probe
 *       one warm-up spawn+join, then one more between two marker syscalls
 *       (write(-1, "lwp-probe:begin") ... write(-1, "lwp-probe:end")), for
 *       counting its syscalls under strace -f.
 *
 * Output: one JSON object on stdout. Only the main thread uses stdio. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* musl-gcc sees no kernel headers, so the two futex operations used here are
 * spelled out: FUTEX_WAIT (0) and FUTEX_WAKE (1) with FUTEX_PRIVATE_FLAG (128),
 * private because waiter and waker share one address space. */
enum { futex_wait_private = 128, futex_wake_private = 129 };

#if defined(__GLIBC__)
#define LIBRARY_NAME "glibc"
#else
#define LIBRARY_NAME "musl"
#endif

static void* empty_routine(void* argument) { return argument; }

static void spawn_join(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, empty_routine, NULL) != 0) abort();
    pthread_join(thread, NULL);
}

static double now_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e9 + (double)now.tv_nsec;
}

static int compare_doubles(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
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

/* 0 keeps the threads blocked; 1 releases them. */
static atomic_int gate;
static atomic_int started;

static void* idle_until_released(void* argument) {
    atomic_fetch_add_explicit(&started, 1, memory_order_relaxed);
    while (atomic_load_explicit(&gate, memory_order_acquire) == 0)
        syscall(SYS_futex, &gate, futex_wait_private, 0, NULL);
    return argument;
}

static long resident_bytes(void) {
    long total = 0, resident = 0;
    FILE* statm = fopen("/proc/self/statm", "r");
    if (statm == NULL) return 0;
    if (fscanf(statm, "%ld %ld", &total, &resident) != 2) resident = 0;
    fclose(statm);
    return resident * sysconf(_SC_PAGESIZE);
}

static long mapping_count(void) {
    FILE* maps = fopen("/proc/self/maps", "r");
    if (maps == NULL) return 0;
    long lines = 0;
    int c;
    while ((c = fgetc(maps)) != EOF)
        if (c == '\n') ++lines;
    fclose(maps);
    return lines;
}

static int run_many_alive(int count) {
    pthread_t* threads = calloc((size_t)count, sizeof *threads);
    if (threads == NULL || count < 1) return 2;
    long rss_before = resident_bytes();
    long maps_before = mapping_count();
    double begin = now_ns();
    for (int i = 0; i < count; ++i)
        if (pthread_create(&threads[i], NULL, idle_until_released, NULL) != 0) {
            fprintf(stderr, "pthread_create failed after %d threads\n", i);
            return 1;
        }
    double create_ns = now_ns() - begin;
    while (atomic_load_explicit(&started, memory_order_relaxed) != count) sched_yield();
    long rss_after = resident_bytes();
    long maps_after = mapping_count();
    atomic_store_explicit(&gate, 1, memory_order_release);
    syscall(SYS_futex, &gate, futex_wake_private, 1 << 30);
    for (int i = 0; i < count; ++i) pthread_join(threads[i], NULL);
    printf("{\"library\": \"%s\", \"benchmark\": \"many_alive\", \"threads\": %d, "
           "\"create_us\": %.3f, \"rss_bytes\": %.1f, \"mappings\": %.3f}\n",
           LIBRARY_NAME, count, create_ns / 1e3 / count,
           (double)(rss_after - rss_before) / count, (double)(maps_after - maps_before) / count);
    free(threads);
    return 0;
}

static int run_probe(void) {
    static const char begin_marker[] = "lwp-probe:begin";
    static const char end_marker[] = "lwp-probe:end";
    spawn_join();
    /* Raw syscalls: a failing write to fd -1 is a marker that changes nothing. */
    syscall(SYS_write, -1, begin_marker, sizeof begin_marker - 1);
    spawn_join();
    syscall(SYS_write, -1, end_marker, sizeof end_marker - 1);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "spawn_join") == 0)
        return run_spawn_join(atol(argv[2]), atoi(argv[3]));
    if (argc == 3 && strcmp(argv[1], "many_alive") == 0) return run_many_alive(atoi(argv[2]));
    if (argc == 2 && strcmp(argv[1], "probe") == 0) return run_probe();
    fprintf(stderr, "usage: %s spawn_join ITERATIONS ROUNDS | many_alive COUNT | probe\n",
            argv[0]);
    return 2;
}
