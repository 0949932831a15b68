/* POSIX shared memory objects (shm_open, shm_unlink: files in /dev/shm, so
 * shared by name with any process) and System V semaphore sets (semget,
 * semop, semtimedop, semctl). Also passes against glibc (-lrt there). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static void shared_memory(void) {
    char name[64];
    snprintf(name, sizeof name, "/lwp-test-%d", (int)getpid());
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0);
    CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    CHECK_EQ(ftruncate(fd, 4096), 0);
    char* mapping = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(mapping != MAP_FAILED);
    strcpy(mapping, "shared");
    close(fd);

    char path[96];
    snprintf(path, sizeof path, "/dev/shm%s", name);
    struct stat status;
    CHECK_EQ(stat(path, &status), 0); /* where glibc keeps it too */
    fd = shm_open(name, O_RDONLY, 0);
    CHECK(fd >= 0);
    char seen[8] = "";
    CHECK_EQ(pread(fd, seen, 6, 0), 6);
    CHECK_STREQ(seen, "shared");
    close(fd);
    CHECK_EQ(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(shm_unlink(name), 0);
    CHECK_EQ(shm_unlink(name), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(shm_open(name, O_RDONLY, 0), -1);
    CHECK_EQ(errno, ENOENT);
    munmap(mapping, 4096);

    CHECK_EQ(shm_open("/a/b", O_RDONLY, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_open("/", O_RDONLY, 0), -1);
    CHECK_EQ(errno, EINVAL);
}

union semaphore_argument {
    int value;
    struct semid_ds* state;
    unsigned short* values;
};

static void semaphore_set(void) {
    int set = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    CHECK(set >= 0);
    union semaphore_argument argument = {.value = 1};
    CHECK_EQ(semctl(set, 0, SETVAL, argument), 0);
    CHECK_EQ(semctl(set, 0, GETVAL), 1);
    struct sembuf take = {.sem_num = 0, .sem_op = -1, .sem_flg = 0};
    CHECK_EQ(semop(set, &take, 1), 0);
    CHECK_EQ(semctl(set, 0, GETVAL), 0);
    struct timespec brief = {0, 10 * 1000 * 1000};
    CHECK_EQ(semtimedop(set, &take, 1, &brief), -1); /* nothing to take: times out */
    CHECK_EQ(errno, EAGAIN);
    take.sem_flg = IPC_NOWAIT;
    CHECK_EQ(semop(set, &take, 1), -1);
    CHECK_EQ(errno, EAGAIN);
    struct semid_ds state;
    argument.state = &state;
    CHECK_EQ(semctl(set, 0, IPC_STAT, argument), 0);
    CHECK_EQ(state.sem_nsems, 2);
    CHECK_EQ(semctl(set, 0, IPC_RMID), 0);
    CHECK_EQ(semctl(set, 0, GETVAL), -1);
    CHECK(errno == EINVAL || errno == EIDRM);
}

int main(void) {
    shared_memory();
    semaphore_set();
    return 0;
}
