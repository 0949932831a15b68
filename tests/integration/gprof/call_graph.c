/* A program for gprof (built with lwp-cc -pg, and -pg -mfentry, by
   scripts/gprof_call_graph.cmake): a fixed call graph, whose every arc count
   the script checks in `gprof -b -q`'s report, and one busy function that
   uses nearly all the CPU time, where the histogram's samples must land.
   The same program built with gcc -pg against glibc gives the same counts.
   Arguments: none. */
#include <pthread.h>
#include <stdio.h>

static volatile unsigned long sink;

__attribute__((noinline)) void busy_loop(int rounds) {
    for (int i = 0; i < rounds; ++i)
        for (unsigned long k = 0; k < 1000000; ++k) sink += k ^ (unsigned long)i;
}

__attribute__((noinline)) void leaf(int i) { sink += (unsigned long)i; }

__attribute__((noinline)) void middle(int n) {
    for (int i = 0; i < n; ++i) leaf(i);
}

/* Floating-point arguments: with -mfentry they are live in xmm registers
   while __fentry__ runs. */
__attribute__((noinline)) double scaled(double value, double factor, int offset) {
    return value * factor + offset;
}

__attribute__((noinline)) int depth(int n) { return n <= 0 ? 0 : 1 + depth(n - 1); }

__attribute__((noinline)) void *worker(void *argument) {
    int n = *(int *)argument;
    for (int i = 0; i < n; ++i) leaf(i);
    return 0;
}

int main(void) {
    for (int r = 0; r < 300; ++r) middle(7);     /* middle 300, leaf 2100 */
    double total = 0;
    for (int i = 0; i < 1000; ++i) total += scaled(1.5, (double)i, i);
    int levels = depth(37);                      /* 1 + 37 recursive */
    /* A thread's calls, while main waits: worker 1, leaf 500 from it. */
    pthread_t thread;
    int count = 500;
    if (pthread_create(&thread, 0, worker, &count) != 0 || pthread_join(thread, 0) != 0) return 1;
    busy_loop(150);
    printf("%g %d\n", total, levels);
    return total == 1248750.0 && levels == 37 ? 0 : 1;
}
