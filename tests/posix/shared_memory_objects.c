/* POSIX shared memory objects (shm_open, shm_unlink: files in /dev/shm, so
 * shared by name with any process) and System V semaphore sets (semget,
 * semop, semtimedop, semctl). Also passes against glibc (-lrt there). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
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

/* glibc's answers for names it refuses and for the kernel's refusals. */
static void name_errors(void) {
    CHECK_EQ(shm_open("///", O_RDONLY, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_unlink("/a/b"), -1); /* no object can have it */
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(shm_unlink(""), -1);
    CHECK_EQ(errno, ENOENT);
    /* "." and "..": directories, which the kernel opens for reading only
     * (glibc does not refuse them: /dev/shm itself, read-only), EINVAL for
     * writing (the kernel's EISDIR); unlink says EISDIR. */
    int directory = shm_open("/.", O_RDONLY, 0);
    CHECK(directory >= 0);
    close(directory);
    CHECK_EQ(shm_open("/.", O_RDWR, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_open("..", O_RDWR | O_CREAT, 0600), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_unlink("."), -1);
    CHECK_EQ(errno, EISDIR);
    /* Up to NAME_MAX + 4 bytes the kernel judges the name (ENAMETOOLONG past
     * NAME_MAX); longer, glibc refuses it itself. */
    char name[NAME_MAX + 8];
    name[0] = '/';
    for (size_t length = NAME_MAX + 1; length <= NAME_MAX + 5; ++length) {
        memset(name + 1, 'x', length);
        name[length + 1] = '\0';
        int expected_open = length <= NAME_MAX + 4 ? ENAMETOOLONG : EINVAL;
        int expected_unlink = length <= NAME_MAX + 4 ? ENAMETOOLONG : ENOENT;
        CHECK_EQ(shm_open(name, O_RDWR | O_CREAT, 0600), -1);
        CHECK_EQ(errno, expected_open);
        CHECK_EQ(shm_unlink(name), -1);
        CHECK_EQ(errno, expected_unlink);
    }
    memset(name + 1, 'y', NAME_MAX);
    name[NAME_MAX + 1] = '\0';
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600); /* the longest name */
    CHECK(fd >= 0);
    close(fd);
    CHECK_EQ(shm_unlink(name), 0);
}

/* Neither shm_open nor shm_unlink is a cancellation point (glibc's
 * rt/tst-shm-cancel): a thread with a cancellation pending goes through
 * both, and is cancelled only at the next one (pause). */
static sem_t cancel_sent;
static const char* cancel_name;
static int calls_done;

static void* open_and_unlink(void* unused) {
    (void)unused;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    CHECK_EQ(sem_wait(&cancel_sent), 0);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    int fd = shm_open(cancel_name, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(shm_unlink(cancel_name), 0);
    CHECK_EQ(shm_unlink(cancel_name), -1);
    calls_done = 1;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    close(fd);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    pause(); /* a cancellation point: acts now */
    return NULL;
}

static void not_cancellation_points(void) {
    char name[64];
    snprintf(name, sizeof name, "/lwp-test-cancel-%d", (int)getpid());
    cancel_name = name;
    CHECK_EQ(sem_init(&cancel_sent, 0, 0), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, open_and_unlink, NULL), 0);
    CHECK_EQ(pthread_cancel(thread), 0);
    CHECK_EQ(sem_post(&cancel_sent), 0);
    void* result;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(calls_done, 1);
    shm_unlink(name); /* in case a check failed */
    sem_destroy(&cancel_sent);
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
    name_errors();
    not_cancellation_points();
    semaphore_set();
    return 0;
}
