/* An OpenMP program as lwp-cc -fopenmp builds it: GCC's libgomp on lwp's
 * threads. A team of four sums a range and counts itself. */
#include <omp.h>
#include <stdio.h>

int main(void) {
    long sum = 0;
    int members = 0;
#pragma omp parallel num_threads(4) reduction(+ : sum, members)
    {
        members += 1;
#pragma omp for
        for (long i = 1; i <= 100000; ++i) sum += i;
    }
    printf("openmp: %d threads, sum %ld\n", members, sum);
    return 0;
}
