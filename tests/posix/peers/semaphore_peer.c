/* The other side of named_semaphore's test against glibc, built with the
 * system's C library: opens the named semaphore given, waits (at most 10 s)
 * for the unit the lwp program posted, then posts one back. Exit 0 on
 * success. */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    sem_t* sem = sem_open(argv[1], 0);
    if (sem == SEM_FAILED) return perror("sem_open"), 3;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 10;
    if (sem_timedwait(sem, &deadline) != 0) return perror("sem_timedwait"), 4;
    if (sem_post(sem) != 0) return perror("sem_post"), 5;
    return sem_close(sem) == 0 ? 0 : 6;
}
