/* Named semaphores: sem_open, sem_close, sem_unlink, alone and across
 * processes (fork), including several processes creating the same one at
 * once (they must all end up with one semaphore), and every error POSIX
 * names for them. Given a program built with glibc (tests/posix/peers/
 * semaphore_peer.c), also shares one with it, each waking the other.
 *
 *   named_semaphore [glibc-peer] */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

enum { racers = 4 };


static void expect_failure(sem_t* result, int error) {
    CHECK(result == SEM_FAILED);
    CHECK_EQ(errno, error);
}

/* With a glibc program (argv[1]) on the other side of one named semaphore:
 * the two must read each other's sem_t alike. It waits for our post, we wait
 * for its. */
static void with_glibc_peer(const char* peer, const char* name) {
    sem_t* sem = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
    CHECK(sem != SEM_FAILED);
    pid_t child;
    char* argv[] = {(char*)peer, (char*)name, NULL};
    CHECK_EQ(posix_spawn(&child, peer, NULL, NULL, argv, NULL), 0);
    struct timespec pause = {0, 50000000};
    nanosleep(&pause, NULL);  /* usually asleep by now: our post wakes it */
    CHECK_EQ(sem_post(sem), 0);
    expect_exit_code(child, 0);
    int value = -1;
    CHECK_EQ(sem_getvalue(sem, &value), 0);
    CHECK_EQ(value, 1);  /* its post */
    CHECK_EQ(sem_close(sem), 0);
    CHECK_EQ(sem_unlink(name), 0);
}

int main(int argc, char** argv) {
    char name[64], other[64];
    snprintf(name, sizeof name, "/lwp-test-%d", (int)getpid());
    snprintf(other, sizeof other, "/lwp-test-%d-race", (int)getpid());

    /* Names: no slash after the leading ones, and it must fit. (Without the
     * leading slash, a name means the same as with it, as in glibc.) */
    expect_failure(sem_open("/a/b", O_CREAT, 0600, 0), EINVAL);
    expect_failure(sem_open("a/b", O_CREAT, 0600, 0), EINVAL);
    expect_failure(sem_open("/", O_CREAT, 0600, 0), EINVAL);
    char long_name[300];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[0] = '/';
    long_name[sizeof long_name - 1] = '\0';
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc 2.36 gives EINVAL for a name too long; lwp gives ENAMETOOLONG,
     * the error POSIX names (docs/posix.md). */
    expect_failure(sem_open(long_name, O_CREAT, 0600, 0), EINVAL);
#else
    expect_failure(sem_open(long_name, O_CREAT, 0600, 0), ENAMETOOLONG);
#endif
    expect_failure(sem_open(name, 0), ENOENT);
    expect_failure(sem_open(name, O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1), EINVAL);

    /* Create, find again at the same address, refuse to create twice. */
    sem_t* sem = sem_open(name, O_CREAT | O_EXCL, 0600, 2);
    CHECK(sem != SEM_FAILED);
    int value = -1;
    CHECK_EQ(sem_getvalue(sem, &value), 0);
    CHECK_EQ(value, 2);
    sem_t* again = sem_open(name, 0);
    CHECK(again == sem);
    sem_t* without_slash = sem_open(name + 1, 0);  /* the same semaphore */
    CHECK(without_slash != SEM_FAILED);
    CHECK_EQ(sem_post(without_slash), 0);
    CHECK_EQ(sem_getvalue(sem, &value), 0);
    CHECK_EQ(value, 3);
    CHECK_EQ(sem_trywait(sem), 0);
    CHECK_EQ(sem_close(without_slash), 0);
    sem_t* created_anyway = sem_open(name, O_CREAT, 0600, 9);  /* exists: value unchanged */
    CHECK(created_anyway == sem);
    CHECK_EQ(sem_getvalue(sem, &value), 0);
    CHECK_EQ(value, 2);
    expect_failure(sem_open(name, O_CREAT | O_EXCL, 0600, 0), EEXIST);
    CHECK_EQ(sem_trywait(sem), 0);
    CHECK_EQ(sem_trywait(sem), 0);
    CHECK(sem_trywait(sem) == -1 && errno == EAGAIN);

    /* Another process opens it by name; a wait there is ended by a post here. */
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        sem_t* mine = sem_open(name, 0);
        if (mine == SEM_FAILED) _exit(1);
        for (int i = 0; i < 3; ++i)
            if (sem_wait(mine) != 0) _exit(2);
        if (sem_close(mine) != 0) _exit(3);
        _exit(0);
    }
    for (int i = 0; i < 3; ++i) {
        struct timespec pause = {0, 2000000};
        nanosleep(&pause, NULL);
        CHECK_EQ(sem_post(sem), 0);
    }
    expect_exit_code(child, 0);

    /* Three opens, three closes; a fourth is an error. */
    CHECK_EQ(sem_close(sem), 0);
    CHECK_EQ(sem_close(again), 0);
    CHECK_EQ(sem_close(created_anyway), 0);
    CHECK(sem_close(sem) == -1 && errno == EINVAL);

    /* Unlink: gone by name; a second unlink finds nothing. */
    CHECK_EQ(sem_unlink(name), 0);
    expect_failure(sem_open(name, 0), ENOENT);
    CHECK(sem_unlink(name) == -1 && errno == ENOENT);
    CHECK(sem_unlink("/a/b") == -1 && errno == ENOENT);  /* a name none can have */

    /* Processes racing to create one name all get the same semaphore. */
    pid_t children[racers];
    for (int i = 0; i < racers; ++i) {
        children[i] = fork();
        CHECK(children[i] != -1);
        if (children[i] == 0) {
            sem_t* shared = sem_open(other, O_CREAT, 0600, 0);
            if (shared == SEM_FAILED || sem_post(shared) != 0) _exit(1);
            _exit(0);
        }
    }
    for (int i = 0; i < racers; ++i) expect_exit_code(children[i], 0);
    sem_t* raced = sem_open(other, 0);
    CHECK(raced != SEM_FAILED);
    CHECK_EQ(sem_getvalue(raced, &value), 0);
    CHECK_EQ(value, racers);
    CHECK_EQ(sem_close(raced), 0);
    CHECK_EQ(sem_unlink(other), 0);
    if (argc == 2) with_glibc_peer(argv[1], name);
    puts("named_semaphore: all checks passed");
    return 0;
}
