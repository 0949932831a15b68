/* GCC's OpenMP runtime (libgomp.a, built by Debian against glibc): teams of
 * threads it starts with pthread_create and parks on futexes, worksharing
 * loops under every schedule, reductions, sections, critical sections,
 * atomics, single and masked blocks, ordered iterations, tasks with
 * dependences and taskloops, OpenMP locks, threadprivate (TLS) variables and
 * nested teams. Every figure printed is independent of timing and of how
 * many threads the runtime chooses, so the output must be the same built
 * against glibc and linked with lwp alone. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(condition)                                                            \
    do {                                                                            \
        if (!(condition)) {                                                         \
            fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #condition); \
            exit(1);                                                                \
        }                                                                           \
    } while (0)

static int per_thread_calls;
#pragma omp threadprivate(per_thread_calls)

static long fibonacci(int n) {
    if (n < 2) return n;
    long a, b;
#pragma omp task shared(a) if (n > 12)
    a = fibonacci(n - 1);
#pragma omp task shared(b) if (n > 12)
    b = fibonacci(n - 2);
#pragma omp taskwait
    return a + b;
}

int main(void) {
    /* Worksharing loops under each schedule, each with a reduction. */
    long sums[4] = {0, 0, 0, 0};
#pragma omp parallel for schedule(static) reduction(+ : sums[0]) num_threads(4)
    for (long i = 0; i < 2000000; ++i) sums[0] += i % 13;
#pragma omp parallel for schedule(dynamic, 7) reduction(+ : sums[1]) num_threads(4)
    for (long i = 0; i < 2000000; ++i) sums[1] += i % 13;
#pragma omp parallel for schedule(guided) reduction(+ : sums[2]) num_threads(3)
    for (long i = 0; i < 2000000; ++i) sums[2] += i % 13;
#pragma omp parallel for schedule(runtime) reduction(+ : sums[3])
    for (long i = 0; i < 2000000; ++i) sums[3] += i % 13;
    printf("loops: %ld %ld %ld %ld\n", sums[0], sums[1], sums[2], sums[3]);

    /* A team of four: its size, a barrier, single, masked, critical, atomic. */
    int team_size = 0, arrived = 0, after_barrier_mismatch = 0, single_runs = 0, masked_thread = -1;
    double max_value = 0;
#pragma omp parallel num_threads(4)
    {
#pragma omp single
        team_size = omp_get_num_threads();
#pragma omp atomic
        ++arrived;
#pragma omp barrier
        if (arrived != team_size) {
#pragma omp atomic
            ++after_barrier_mismatch;
        }
#pragma omp single nowait
        ++single_runs;
#pragma omp masked
        masked_thread = omp_get_thread_num();
        double mine = 1.5 * (omp_get_thread_num() + 1);
#pragma omp critical(maximum)
        if (mine > max_value) max_value = mine;
    }
    printf("team: %d threads, barrier mismatches %d, single ran %d, masked on thread %d, max %.1f\n",
           team_size, after_barrier_mismatch, single_runs, masked_thread, max_value);

    /* Sections, each exactly once. */
    int section_marks = 0;
#pragma omp parallel sections num_threads(3) reduction(| : section_marks)
    {
#pragma omp section
        section_marks |= 1;
#pragma omp section
        section_marks |= 2;
#pragma omp section
        section_marks |= 4;
    }
    printf("sections: mask %d\n", section_marks);

    /* Ordered: iterations run in parallel, the ordered parts in order. */
    char order[33];
    int next = 0;
#pragma omp parallel for ordered schedule(dynamic, 1) num_threads(4)
    for (int i = 0; i < 32; ++i) {
        int square = i * i;
#pragma omp ordered
        order[next++] = (char)('a' + (square + i) % 26);
    }
    order[next] = '\0';
    printf("ordered: %s\n", order);

    /* Tasks: a recursive Fibonacci, dependences in a chain, a taskloop. */
    long fib = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
    fib = fibonacci(24);
    int stage = 0, stages_seen[3] = {0, 0, 0};
    long taskloop_sum = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
    {
#pragma omp task depend(out : stage) shared(stage, stages_seen)
        stages_seen[0] = ++stage;
#pragma omp task depend(inout : stage) shared(stage, stages_seen)
        stages_seen[1] = ++stage;
#pragma omp task depend(in : stage) shared(stage, stages_seen)
        stages_seen[2] = stage * 10;
#pragma omp taskloop grainsize(100) reduction(+ : taskloop_sum)
        for (long i = 1; i <= 10000; ++i) taskloop_sum += i;
    }
    printf("tasks: fib(24) %ld, stages %d %d %d, taskloop %ld\n", fib, stages_seen[0], stages_seen[1],
           stages_seen[2], taskloop_sum);

    /* OpenMP locks, plain and nested, guarding a plain counter. */
    omp_lock_t lock;
    omp_nest_lock_t nest_lock;
    omp_init_lock(&lock);
    omp_init_nest_lock(&nest_lock);
    long guarded = 0;
    int nest_depth_max = 0;
#pragma omp parallel num_threads(4)
    for (int i = 0; i < 5000; ++i) {
        omp_set_lock(&lock);
        ++guarded;
        omp_unset_lock(&lock);
        omp_set_nest_lock(&nest_lock);
        int depth = omp_test_nest_lock(&nest_lock);
        if (depth > nest_depth_max) nest_depth_max = depth;
        omp_unset_nest_lock(&nest_lock);
        omp_unset_nest_lock(&nest_lock);
    }
    CHECK(omp_test_lock(&lock));
    omp_unset_lock(&lock);
    omp_destroy_lock(&lock);
    omp_destroy_nest_lock(&nest_lock);
    printf("locks: %ld increments, nested depth %d\n", guarded, nest_depth_max);

    /* threadprivate: each thread's own counter, summed; copyin. */
    per_thread_calls = 100;
    int threadprivate_total = 0, threads_counted = 0;
#pragma omp parallel num_threads(4) copyin(per_thread_calls) reduction(+ : threadprivate_total, threads_counted)
    {
        per_thread_calls += omp_get_thread_num();
        threadprivate_total += per_thread_calls;
        threads_counted += 1;
    }
    CHECK(threads_counted == 4);
    printf("threadprivate: total %d over %d threads\n", threadprivate_total, threads_counted);

    /* Nested teams: two outer threads, each with a team of three. */
    omp_set_max_active_levels(2);
    int outer_threads = 0, inner_threads = 0, deepest = 0;
#pragma omp parallel num_threads(2)
    {
#pragma omp atomic
        ++outer_threads;
#pragma omp parallel num_threads(3)
        {
#pragma omp atomic
            ++inner_threads;
#pragma omp critical
            if (omp_get_level() > deepest) deepest = omp_get_level();
        }
    }
    printf("nested: %d outer threads, %d inner threads, level %d\n", outer_threads, inner_threads, deepest);

    double start = omp_get_wtime();
    CHECK(omp_get_wtime() >= start && omp_get_wtick() > 0);
    return 0;
}
