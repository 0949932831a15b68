/* POSIX asynchronous I/O linked with lwp alone: reads and writes at
 * offsets and on a pipe, aio_error/aio_return, aio_suspend (with a timeout),
 * the three notifications (none, a signal with SI_ASYNCIO, a thread),
 * lio_listio waiting and not, aio_cancel's three answers and its errors,
 * aio_fsync, 64 requests at once, and bad input. Checked against glibc too
 * (cc -DCHECKING_AGAINST_GLIBC -pthread async_io.c -lrt), which skips the
 * cases glibc fails: no memory for a request's thread (glibc reuses its
 * worker threads), and requests in a fork child. */
#include <aio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CHECKING_AGAINST_GLIBC
#include <lwp/thread.h>
#endif

#include "../integration/check.h"

#ifndef CHECKING_AGAINST_GLIBC
/* The process's threads, as /proc/self/task lists them. */
static int thread_count(void) {
    DIR* tasks = opendir("/proc/self/task");
    CHECK(tasks != NULL);
    int count = 0;
    for (struct dirent* entry; (entry = readdir(tasks)) != NULL;) count += entry->d_name[0] != '.';
    closedir(tasks);
    return count;
}
#endif

static void wait_for(const struct aiocb* control) {
    const struct aiocb* list[1] = {control};
    while (aio_error(control) == EINPROGRESS) CHECK(aio_suspend(list, 1, NULL) == 0 || errno == EINTR);
}

static struct aiocb request_for(int fd, void* buffer, size_t length, off_t offset) {
    struct aiocb control;
    memset(&control, 0, sizeof control);
    control.aio_fildes = fd;
    control.aio_buf = buffer;
    control.aio_nbytes = length;
    control.aio_offset = offset;
    return control;
}

static int thread_value;
static pid_t thread_tid;
static void on_done(union sigval value) {
    thread_value = value.sival_int;
    __atomic_store_n(&thread_tid, gettid(), __ATOMIC_RELEASE);
}

int main(void) {
    char path[] = "/tmp/lwp-aio-XXXXXX";
    int file = mkstemp(path);
    CHECK(file >= 0);
    CHECK(unlink(path) == 0);

    /* A write, then a read of part of it, at offsets. */
    char text[] = "hello world";
    struct aiocb write_request = request_for(file, text, 11, 0);
    CHECK(aio_write(&write_request) == 0);
    wait_for(&write_request);
    CHECK(aio_error(&write_request) == 0);
    CHECK(aio_return(&write_request) == 11);
    char got[8] = {0};
    struct aiocb read_request = request_for(file, got, 5, 6);
    CHECK(aio_read(&read_request) == 0);
    wait_for(&read_request);
    CHECK(aio_return(&read_request) == 5);
    CHECK(memcmp(got, "world", 5) == 0);

    /* A pipe has no offset. A read of an empty one stays in progress;
     * aio_suspend times out with EAGAIN; cancelling it now is too late
     * (its read has begun); a write ends it. */
    int pipe_ends[2];
    CHECK(pipe(pipe_ends) == 0);
    char byte = 0;
    struct aiocb pipe_read = request_for(pipe_ends[0], &byte, 1, 0);
    CHECK(aio_read(&pipe_read) == 0);
    CHECK(aio_error(&pipe_read) == EINPROGRESS);
    const struct aiocb* pipe_list[1] = {&pipe_read};
    struct timespec short_wait = {0, 50 * 1000 * 1000};
    errno = 0;
    CHECK(aio_suspend(pipe_list, 1, &short_wait) == -1 && errno == EAGAIN);
    CHECK(aio_cancel(pipe_ends[0], &pipe_read) == AIO_NOTCANCELED);
    CHECK(write(pipe_ends[1], "z", 1) == 1);
    wait_for(&pipe_read);
    CHECK(aio_return(&pipe_read) == 1 && byte == 'z');
    CHECK(aio_cancel(pipe_ends[0], &pipe_read) == AIO_ALLDONE);
    CHECK(aio_cancel(pipe_ends[0], NULL) == AIO_ALLDONE);

    /* Cancelling many at once, some perhaps before their threads start:
     * each ends either cancelled (ECANCELED, -1) or with its byte, and the
     * pipe gives up exactly as many bytes as reads succeeded. */
    int cancelled_total = 0;
    for (int round = 0; round < 20; ++round) {
        struct aiocb reads[16];
        char bytes[16];
        for (int i = 0; i < 16; ++i) {
            reads[i] = request_for(pipe_ends[0], &bytes[i], 1, 0);
            CHECK(aio_read(&reads[i]) == 0);
        }
        int answer = aio_cancel(pipe_ends[0], NULL);
        CHECK(answer == AIO_CANCELED || answer == AIO_NOTCANCELED || answer == AIO_ALLDONE);
        int cancelled = 0;
        for (int i = 0; i < 16; ++i) cancelled += aio_error(&reads[i]) == ECANCELED;
        CHECK(answer != AIO_CANCELED || cancelled == 16);
        CHECK(write(pipe_ends[1], "0123456789abcdef", (size_t)(16 - cancelled)) == 16 - cancelled);
        int read_ok = 0;
        for (int i = 0; i < 16; ++i) {
            wait_for(&reads[i]);
            if (aio_error(&reads[i]) == ECANCELED) {
                CHECK(aio_return(&reads[i]) == -1);
            } else {
                CHECK(aio_error(&reads[i]) == 0 && aio_return(&reads[i]) == 1);
                ++read_ok;
            }
        }
        CHECK(read_ok == 16 - cancelled);
        cancelled_total += cancelled;
    }
    printf("cancelled before starting: %d of 320\n", cancelled_total);

#ifndef CHECKING_AGAINST_GLIBC
    /* A fork child, while a read of the parent's waits on the empty pipe:
     * the child's own requests work, and the parent's is not the child's.
     * (With glibc, the child's request never completed here.) */
    struct aiocb parents = request_for(pipe_ends[0], &byte, 1, 0);
    CHECK(aio_read(&parents) == 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        char mine[5] = {0};
        struct aiocb own = request_for(file, mine, 4, 0);
        CHECK(aio_read(&own) == 0);
        wait_for(&own);
        CHECK(aio_return(&own) == 4 && memcmp(mine, "hell", 4) == 0);
        CHECK(aio_cancel(pipe_ends[0], NULL) == AIO_ALLDONE);
        _exit(0);
    }
    int status = -1;
    CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(write(pipe_ends[1], "y", 1) == 1);
    wait_for(&parents);
    CHECK(aio_return(&parents) == 1 && byte == 'y');
#endif

    /* Notification by signal: SI_ASYNCIO and the value. */
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0);
    struct aiocb signalled = request_for(file, got, 5, 0);
    signalled.aio_sigevent.sigev_notify = SIGEV_SIGNAL;
    signalled.aio_sigevent.sigev_signo = SIGUSR1;
    signalled.aio_sigevent.sigev_value.sival_int = 41;
    CHECK(aio_read(&signalled) == 0);
    siginfo_t info;
    CHECK(sigwaitinfo(&usr1, &info) == SIGUSR1);
    CHECK(info.si_code == SI_ASYNCIO && info.si_value.sival_int == 41);
    CHECK(aio_error(&signalled) == 0 && aio_return(&signalled) == 5);
    CHECK(memcmp(got, "hello", 5) == 0);

    /* Notification by thread. */
    struct aiocb threaded = request_for(file, got, 1, 0);
    threaded.aio_sigevent.sigev_notify = SIGEV_THREAD;
    threaded.aio_sigevent.sigev_notify_function = on_done;
    threaded.aio_sigevent.sigev_value.sival_int = 42;
    CHECK(aio_read(&threaded) == 0);
    for (int i = 0; i < 500 && __atomic_load_n(&thread_tid, __ATOMIC_ACQUIRE) == 0; ++i) usleep(10000);
    CHECK(thread_value == 42 && thread_tid != 0 && thread_tid != gettid());

    /* lio_listio, waiting: two writes and a no-op. */
    struct aiocb first = request_for(file, "AB", 2, 20);
    struct aiocb second = request_for(file, "CD", 2, 22);
    struct aiocb nothing = request_for(file, NULL, 0, 0);
    first.aio_lio_opcode = LIO_WRITE;
    second.aio_lio_opcode = LIO_WRITE;
    nothing.aio_lio_opcode = LIO_NOP;
    struct aiocb* batch[4] = {&first, NULL, &nothing, &second};
    CHECK(lio_listio(LIO_WAIT, batch, 4, NULL) == 0);
    CHECK(aio_return(&first) == 2 && aio_return(&second) == 2);
    char four[5] = {0};
    CHECK(pread(file, four, 4, 20) == 4 && strcmp(four, "ABCD") == 0);

    /* Not waiting, one signal once both are done. */
    first.aio_lio_opcode = LIO_READ;
    second.aio_lio_opcode = LIO_READ;
    char a[2], b[2];
    first.aio_buf = a;
    second.aio_buf = b;
    struct sigevent when_all = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    when_all.sigev_value.sival_int = 43;
    CHECK(lio_listio(LIO_NOWAIT, batch, 4, &when_all) == 0);
    CHECK(sigwaitinfo(&usr1, &info) == SIGUSR1);
    CHECK(info.si_value.sival_int == 43);
    CHECK(aio_error(&first) == 0 && aio_error(&second) == 0);
    CHECK(memcmp(a, "AB", 2) == 0 && memcmp(b, "CD", 2) == 0);

    /* One bad request in a waiting batch: EIO, the others done. */
    struct aiocb bad = request_for(9999, a, 1, 0);
    bad.aio_lio_opcode = LIO_READ;
    struct aiocb* mixed[2] = {&first, &bad};
    errno = 0;
    CHECK(lio_listio(LIO_WAIT, mixed, 2, NULL) == -1 && errno == EIO);
    CHECK(aio_error(&first) == 0 && aio_error(&bad) == EBADF);

    /* 64 writes at once, each to its own byte. */
    struct aiocb many[64];
    char letters[64];
    const struct aiocb* many_list[64];
    for (int i = 0; i < 64; ++i) {
        letters[i] = (char)('0' + i % 64);
        many[i] = request_for(file, &letters[i], 1, 100 + i);
        many_list[i] = &many[i];
        CHECK(aio_write(&many[i]) == 0);
    }
    for (int i = 0; i < 64; ++i) wait_for(&many[i]);
    char back[64];
    CHECK(pread(file, back, 64, 100) == 64 && memcmp(back, letters, 64) == 0);
    CHECK(aio_suspend(many_list, 64, NULL) == 0);

    /* aio_fsync. */
    struct aiocb sync_request = request_for(file, NULL, 0, 0);
    CHECK(aio_fsync(O_SYNC, &sync_request) == 0);
    wait_for(&sync_request);
    CHECK(aio_error(&sync_request) == 0);
    CHECK(aio_fsync(O_DSYNC, &sync_request) == 0);
    wait_for(&sync_request);
    CHECK(aio_error(&sync_request) == 0);

    /* Bad input. A bad descriptor is EBADF, at once (lwp) or from
     * aio_error (glibc), as POSIX allows either. */
    errno = 0;
    CHECK(aio_fsync(12345, &sync_request) == -1 && errno == EINVAL);
    struct aiocb closed = request_for(9999, got, 1, 0);
    errno = 0;
    if (aio_read(&closed) == 0) {
        wait_for(&closed);
        CHECK(aio_error(&closed) == EBADF);
    } else {
        CHECK(errno == EBADF);
    }
    struct aiocb negative = request_for(file, got, 1, 0);
    negative.aio_reqprio = -1;
    errno = 0;
    CHECK(aio_read(&negative) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(aio_cancel(9999, NULL) == -1 && errno == EBADF);
    errno = 0;
    CHECK(aio_cancel(pipe_ends[1], &read_request) == -1 && errno == EINVAL); /* another fd's */
    errno = 0;
    CHECK(aio_suspend(pipe_list, -1, NULL) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(lio_listio(12345, batch, 4, NULL) == -1 && errno == EINVAL);
    struct aiocb beyond = request_for(file, got, 1, -5);
    CHECK(aio_read(&beyond) == 0);
    wait_for(&beyond);
    CHECK(aio_error(&beyond) == EINVAL && aio_return(&beyond) == -1);

#ifndef CHECKING_AGAINST_GLIBC
    /* No memory for the request's thread: EAGAIN, and nothing in flight.
     * (lwp's stack cache off first, so the thread needs a new mapping; and
     * the pool's threads, which wait a second for more work, gone first,
     * as an idle one would take the request.) */
    for (int i = 0; i < 1000 && thread_count() > 1; ++i) usleep(10000);
    CHECK_EQ(thread_count(), 1);
    size_t cache_limit = lwp_stack_cache_limit();
    CHECK(lwp_stack_cache_set_limit(0) == 0);
    struct rlimit before;
    CHECK(getrlimit(RLIMIT_AS, &before) == 0);
    struct rlimit tight = before;
    tight.rlim_cur = 1;
    CHECK(setrlimit(RLIMIT_AS, &tight) == 0);
    struct aiocb starved = request_for(file, got, 1, 0);
    errno = 0;
    int starved_result = aio_read(&starved);
    int starved_errno = errno;
    CHECK(setrlimit(RLIMIT_AS, &before) == 0);
    CHECK(lwp_stack_cache_set_limit(cache_limit) == 0);
    CHECK(starved_result == -1 && starved_errno == EAGAIN);
    CHECK(aio_error(&starved) != EINPROGRESS);
    CHECK(aio_cancel(file, NULL) == AIO_ALLDONE);
#endif

    CHECK(close(file) == 0);
    puts("async_io: all passed");
    return 0;
}
