/* Event descriptors and in-kernel copies: epoll (a thread woken by a pipe
 * and an eventfd, EPOLLONESHOT, epoll_pwait with a mask, a cancelled
 * epoll_wait), eventfd (counter and semaphore modes), signalfd (a blocked
 * signal read as a record), timerfd (an expiry read as a count; gettime),
 * inotify (a created file reported), sendfile, splice, tee and
 * copy_file_range; with their refusals.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static void epoll_basics(void) {
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    CHECK(epoll >= 0);
    CHECK_EQ(fcntl(epoll, F_GETFD), FD_CLOEXEC);
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    int counter = eventfd(0, EFD_NONBLOCK);
    CHECK(counter >= 0);
    struct epoll_event event = {.events = EPOLLIN, .data.u64 = 11};
    CHECK_EQ(epoll_ctl(epoll, EPOLL_CTL_ADD, ends[0], &event), 0);
    event.data.u64 = 22;
    event.events = EPOLLIN | EPOLLONESHOT;
    CHECK_EQ(epoll_ctl(epoll, EPOLL_CTL_ADD, counter, &event), 0);
    errno = 0;
    CHECK_EQ(epoll_ctl(epoll, EPOLL_CTL_ADD, counter, &event), -1);
    CHECK_EQ(errno, EEXIST);

    struct epoll_event ready[4];
    CHECK_EQ(epoll_wait(epoll, ready, 4, 0), 0); /* nothing yet */
    CHECK_EQ(write(ends[1], "x", 1), 1);
    CHECK_EQ(eventfd_write(counter, 5), 0);
    int count = epoll_wait(epoll, ready, 4, 1000);
    CHECK_EQ(count, 2);
    uint64_t tags = ready[0].data.u64 + ready[1].data.u64;
    CHECK_EQ(tags, 33);
    /* One-shot: disarmed after it fired, though still readable. */
    char byte;
    CHECK_EQ(read(ends[0], &byte, 1), 1);
    CHECK_EQ(epoll_wait(epoll, ready, 4, 0), 0);
    eventfd_t value = 0;
    CHECK_EQ(eventfd_read(counter, &value), 0);
    CHECK_EQ(value, 5);
    errno = 0;
    CHECK_EQ(eventfd_read(counter, &value), -1); /* empty, non-blocking */
    CHECK_EQ(errno, EAGAIN);

    /* epoll_pwait with a mask, and epoll_create's refusal. */
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    CHECK_EQ(epoll_pwait(epoll, ready, 4, 0, &mask), 0);
    errno = 0;
    CHECK_EQ(epoll_create(0), -1);
    CHECK_EQ(errno, EINVAL);
    int old_style = epoll_create(1);
    CHECK(old_style >= 0);
    CHECK_EQ(close(old_style), 0);
    errno = 0;
    CHECK_EQ(epoll_wait(-1, ready, 4, 0), -1);
    CHECK_EQ(errno, EBADF);

    CHECK_EQ(epoll_ctl(epoll, EPOLL_CTL_DEL, ends[0], NULL), 0);
    CHECK_EQ(close(counter), 0);
    CHECK_EQ(close(ends[0]), 0);
    CHECK_EQ(close(ends[1]), 0);
    CHECK_EQ(close(epoll), 0);
}

/* A thread waiting in epoll_wait, woken by another's eventfd write, then a
 * second wait cancelled. */
struct waiter {
    int epoll;
    int woken;
};

static void* wait_twice(void* argument) {
    struct waiter* state = argument;
    struct epoll_event ready;
    if (epoll_wait(state->epoll, &ready, 1, -1) == 1) state->woken = 1;
    eventfd_t value;
    CHECK_EQ(eventfd_read((int)ready.data.u32, &value), 0);
    epoll_wait(state->epoll, &ready, 1, -1); /* never ready: cancelled here */
    return NULL;
}

static void epoll_across_threads(void) {
    struct waiter state = {epoll_create1(0), 0};
    CHECK(state.epoll >= 0);
    int counter = eventfd(0, 0);
    CHECK(counter >= 0);
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = (uint32_t)counter};
    CHECK_EQ(epoll_ctl(state.epoll, EPOLL_CTL_ADD, counter, &event), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, wait_twice, &state), 0);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    CHECK_EQ(eventfd_write(counter, 1), 0);
    nanosleep(&pause, NULL);
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(state.woken, 1);
    CHECK_EQ(close(counter), 0);
    CHECK_EQ(close(state.epoll), 0);
}

static void eventfd_semaphore(void) {
    int semaphore = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
    CHECK(semaphore >= 0);
    eventfd_t value;
    for (int i = 0; i < 3; ++i) {
        CHECK_EQ(eventfd_read(semaphore, &value), 0);
        CHECK_EQ(value, 1); /* one unit at a time */
    }
    errno = 0;
    CHECK_EQ(eventfd_read(semaphore, &value), -1);
    CHECK_EQ(errno, EAGAIN);
    CHECK_EQ(close(semaphore), 0);
    errno = 0;
    CHECK_EQ(eventfd(0, -1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void signal_descriptor(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &mask, NULL), 0);
    int fd = signalfd(-1, &mask, SFD_CLOEXEC);
    CHECK(fd >= 0);
    union sigval value = {.sival_int = 77};
    CHECK_EQ(sigqueue(getpid(), SIGUSR2, value), 0);
    struct signalfd_siginfo record;
    CHECK_EQ(read(fd, &record, sizeof record), (long long)sizeof record);
    CHECK_EQ(record.ssi_signo, SIGUSR2);
    CHECK_EQ(record.ssi_int, 77);
    CHECK_EQ(record.ssi_pid, (uint32_t)getpid());
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(pthread_sigmask(SIG_UNBLOCK, &mask, NULL), 0);
    errno = 0;
    CHECK_EQ(signalfd(-1, &mask, -1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void timer_descriptor(void) {
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    CHECK(fd >= 0);
    struct itimerspec setting = {.it_value = {0, 10 * 1000 * 1000}};
    CHECK_EQ(timerfd_settime(fd, 0, &setting, NULL), 0);
    uint64_t expirations = 0;
    CHECK_EQ(read(fd, &expirations, sizeof expirations), 8); /* blocks until it fires */
    CHECK_EQ(expirations, 1);
    struct itimerspec now;
    CHECK_EQ(timerfd_gettime(fd, &now), 0);
    CHECK_EQ(now.it_value.tv_sec, 0); /* one-shot: disarmed */
    CHECK_EQ(now.it_value.tv_nsec, 0);
    /* A far setting: still armed when read back, the old one returned. */
    struct itimerspec far = {.it_value = {1000, 0}}, previous;
    CHECK_EQ(timerfd_settime(fd, 0, &far, &previous), 0);
    CHECK_EQ(timerfd_gettime(fd, &now), 0);
    CHECK(now.it_value.tv_sec > 900);
    CHECK_EQ(close(fd), 0);
    errno = 0;
    CHECK_EQ(timerfd_create(12345, 0), -1);
    CHECK_EQ(errno, EINVAL);
}

static void file_watch(void) {
    char directory[] = "/tmp/lwp-inotify-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK(fd >= 0);
    int watch = inotify_add_watch(fd, directory, IN_CREATE);
    CHECK(watch >= 0);
    char path[64];
    snprintf(path, sizeof path, "%s/new", directory);
    int created = open(path, O_WRONLY | O_CREAT, 0600);
    CHECK(created >= 0);
    CHECK_EQ(close(created), 0);
    _Alignas(struct inotify_event) char events[512];
    ssize_t length = read(fd, events, sizeof events);
    CHECK(length >= (ssize_t)sizeof(struct inotify_event));
    struct inotify_event* event = (struct inotify_event*)events;
    CHECK_EQ(event->wd, watch);
    CHECK(event->mask & IN_CREATE);
    CHECK_STREQ(event->name, "new");
    CHECK_EQ(inotify_rm_watch(fd, watch), 0);
    errno = 0;
    CHECK_EQ(inotify_rm_watch(fd, watch + 100), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(inotify_add_watch(fd, "/nonexistent-lwp-path", IN_CREATE), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(close(fd), 0);
    int plain = inotify_init();
    CHECK(plain >= 0);
    CHECK_EQ(close(plain), 0);
    CHECK_EQ(unlink(path), 0);
    CHECK_EQ(rmdir(directory), 0);
}

static void kernel_copies(void) {
    char source_path[] = "/tmp/lwp-copy-source-XXXXXX";
    int source = mkstemp(source_path);
    CHECK(source >= 0);
    CHECK_EQ(unlink(source_path), 0);
    const char text[] = "0123456789abcdef";
    CHECK_EQ(write(source, text, 16), 16);

    /* sendfile from an offset the call advances, the file's own left alone. */
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    off_t offset = 4;
    CHECK_EQ(sendfile(ends[1], source, &offset, 6), 6);
    CHECK_EQ(offset, 10);
    char got[32] = {0};
    CHECK_EQ(read(ends[0], got, sizeof got), 6);
    CHECK(memcmp(got, "456789", 6) == 0);
    CHECK_EQ(lseek(source, 0, SEEK_CUR), 16);

    /* splice a file's bytes into a pipe, tee them to a second pipe. */
    int second[2];
    CHECK_EQ(pipe(second), 0);
    loff_t from = 10;
    CHECK_EQ(splice(source, &from, ends[1], NULL, 6, 0), 6);
    CHECK_EQ(tee(ends[0], second[1], 6, 0), 6);
    memset(got, 0, sizeof got);
    CHECK_EQ(read(ends[0], got, sizeof got), 6);
    CHECK(memcmp(got, "abcdef", 6) == 0);
    memset(got, 0, sizeof got);
    CHECK_EQ(read(second[0], got, sizeof got), 6);
    CHECK(memcmp(got, "abcdef", 6) == 0);
    errno = 0;
    CHECK_EQ(tee(source, second[1], 6, 0), -1); /* tee needs two pipes */
    CHECK_EQ(errno, EINVAL);

    /* copy_file_range between two files. */
    char target_path[] = "/tmp/lwp-copy-target-XXXXXX";
    int target = mkstemp(target_path);
    CHECK(target >= 0);
    CHECK_EQ(unlink(target_path), 0);
    loff_t in_offset = 2, out_offset = 0;
    CHECK_EQ(copy_file_range(source, &in_offset, target, &out_offset, 5, 0), 5);
    CHECK_EQ(in_offset, 7);
    memset(got, 0, sizeof got);
    CHECK_EQ(pread(target, got, sizeof got, 0), 5);
    CHECK(memcmp(got, "23456", 5) == 0);
    errno = 0;
    CHECK_EQ(copy_file_range(source, NULL, target, NULL, 5, 1), -1); /* flags must be 0 */
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(sendfile(-1, source, NULL, 1), -1);
    CHECK_EQ(errno, EBADF);

    for (int i = 0; i < 2; ++i) {
        CHECK_EQ(close(ends[i]), 0);
        CHECK_EQ(close(second[i]), 0);
    }
    CHECK_EQ(close(source), 0);
    CHECK_EQ(close(target), 0);
}

int main(void) {
    epoll_basics();
    epoll_across_threads();
    eventfd_semaphore();
    signal_descriptor();
    timer_descriptor();
    file_watch();
    kernel_copies();
    return 0;
}
