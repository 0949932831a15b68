/* aio_init: the pool of threads that runs asynchronous requests, as glibc's.
 * With aio_threads 2, five reads blocked on five pipes take two threads
 * (the others wait their turn, then run on those two); a thread with no
 * work left ends after aio_idle_time seconds, or stays while a long idle
 * time runs; aio_threads cannot change once a request was made, the idle
 * time can. Threads are counted in /proc/self/task. No step depends on
 * timing: waits poll until the expected count appears (or give up after
 * 20 seconds), and a count that must not change is looked at while the
 * idle time still has 100 seconds to run.
 * Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC). */
#include <aio.h>
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

enum { pipes = 5 };

static int thread_count(void) {
    DIR* tasks = opendir("/proc/self/task");
    CHECK(tasks != NULL);
    int count = 0;
    for (struct dirent* entry; (entry = readdir(tasks)) != NULL;) count += entry->d_name[0] != '.';
    closedir(tasks);
    return count;
}

/* Polls until the count is `expected`, for up to 20 seconds. */
static int reaches(int expected) {
    for (int i = 0; i < 2000; ++i) {
        if (thread_count() == expected) return 1;
        usleep(10000);
    }
    return 0;
}

static int pipe_ends[pipes][2];
static struct aiocb reads[pipes];
static char bytes[pipes];

/* `count` reads, one on each of the first `count` pipes, all blocked. */
static void start_reads(int count) {
    for (int i = 0; i < count; ++i) {
        memset(&reads[i], 0, sizeof reads[i]);
        reads[i].aio_fildes = pipe_ends[i][0];
        reads[i].aio_buf = &bytes[i];
        reads[i].aio_nbytes = 1;
        reads[i].aio_sigevent.sigev_notify = SIGEV_NONE;
        CHECK_EQ(aio_read(&reads[i]), 0);
    }
}

/* Feeds the pipes and checks each read got its own byte. */
static void finish_reads(int count) {
    for (int i = 0; i < count; ++i) CHECK_EQ(write(pipe_ends[i][1], "abcde" + i, 1), 1);
    for (int i = 0; i < count; ++i) {
        const struct aiocb* one[1] = {&reads[i]};
        while (aio_error(&reads[i]) == EINPROGRESS) aio_suspend(one, 1, NULL);
        CHECK_EQ(aio_error(&reads[i]), 0);
        CHECK_EQ(aio_return(&reads[i]), 1);
        CHECK_EQ(bytes[i], "abcde"[i]);
    }
}

int main(void) {
    for (int i = 0; i < pipes; ++i) CHECK_EQ(pipe(pipe_ends[i]), 0);
    CHECK_EQ(thread_count(), 1);

    struct aioinit settings;
    memset(&settings, 0, sizeof settings);
    settings.aio_threads = 2;
    settings.aio_num = 64;
    settings.aio_idle_time = 1;
    aio_init(&settings);

    /* Two threads for five blocked reads: the main thread and two. */
    start_reads(pipes);
    CHECK(reaches(3));
    usleep(100000);
    CHECK_EQ(thread_count(), 3);
    for (int i = 0; i < pipes; ++i) CHECK_EQ(aio_error(&reads[i]), EINPROGRESS);
    finish_reads(pipes);
    /* Idle for a second, they end. */
    CHECK(reaches(1));

    /* Too late for the number (still 2), not for the idle time. */
    settings.aio_threads = 10;
    settings.aio_idle_time = 100;
    aio_init(&settings);
    start_reads(4);
    CHECK(reaches(3));
    usleep(100000);
    CHECK_EQ(thread_count(), 3);
    finish_reads(4);
    /* Done, and waiting 100 seconds for more: both threads stay. */
    usleep(300000);
    CHECK_EQ(thread_count(), 3);
    /* A new request goes to a waiting thread: no new one. */
    start_reads(1);
    finish_reads(1);
    CHECK_EQ(thread_count(), 3);
    return 0;
}
