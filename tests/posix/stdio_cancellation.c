/* Output streams and cancellation: a write(2) a stream makes for printf,
 * fputs, fwrite or fflush is a cancellation point, one that releases the
 * stream's lock when it acts (on an unbuffered stream, the cancelled call's
 * bytes never come out); output that only fills the buffer is none;
 * malloc_stats and error, which hold stderr's lock, are none either;
 * the calls that must finish (flockfile, setvbuf, fflush(NULL), fclose)
 * write without acting on a request; and exit, whose handlers write,
 * finishes with a request pending.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC), except two cases:
 * glibc's fclose and the other calls that must finish act where they write,
 * and so does an exit handler's fflush (the thread ends there, and the
 * process with status 0 rather than exit's). */
#include <errno.h>
#include <error.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static void nap_ms(long milliseconds) {
    struct timespec pause = {0, milliseconds * 1000000L};
    while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
    }
}

/* Everything the pipe's read end holds now, without waiting for more
 * (into `buffer`, or thrown away when it is null). */
static size_t drain(int fd, char* buffer, size_t size) {
    int flags = fcntl(fd, F_GETFL);
    CHECK(flags != -1);
    CHECK_EQ(fcntl(fd, F_SETFL, flags | O_NONBLOCK), 0);
    size_t total = 0;
    for (;;) {
        char discard[4096];
        char* into = buffer ? buffer + total : discard;
        size_t room = buffer ? size - total : sizeof discard;
        if (buffer) CHECK(room > 0);
        ssize_t got = read(fd, into, room);
        if (got < 0) {
            CHECK_EQ(errno, EAGAIN);
            break;
        }
        if (got == 0) break; /* the write end is closed, and all read */
        total += (size_t)got;
    }
    CHECK_EQ(fcntl(fd, F_SETFL, flags), 0);
    return total;
}

static atomic_int cleanup_ran;
static void note_cleanup(void* unused) {
    (void)unused;
    atomic_store(&cleanup_ran, 1);
}

/* ---- 1. A thread blocked writing to a full pipe is cancelled there ---- */

static atomic_int writer_tid;

static void* write_forever(void* argument) {
    FILE* out = argument;
    char line[1024];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = '\0';
    atomic_store(&writer_tid, gettid());
    pthread_cleanup_push(note_cleanup, NULL);
    for (;;) fputs(line, out);
    pthread_cleanup_pop(0);
    return NULL;
}

/* Whether thread `tid` of this process is asleep ('S' in its stat line). */
static int asleep(int tid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t length = read(fd, line, sizeof line - 1);
    CHECK(length > 0);
    CHECK_EQ(close(fd), 0);
    line[length] = '\0';
    const char* after_name = strrchr(line, ')'); /* "tid (name) S ..." */
    CHECK(after_name != NULL);
    return after_name[2] == 'S';
}

static void cancel_blocked_write(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    FILE* out = fdopen(ends[1], "w");
    CHECK(out != NULL);
    atomic_store(&cleanup_ran, 0);
    atomic_store(&writer_tid, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, write_forever, out), 0);
    /* The writer only ever sleeps in write(2), once the pipe is full. */
    int queued = 0;
    for (int i = 0; i < 5000; ++i) {
        nap_ms(1);
        int tid = atomic_load(&writer_tid);
        CHECK_EQ(ioctl(ends[0], FIONREAD, &queued), 0);
        if (tid != 0 && queued > 0 && asleep(tid)) break;
    }
    CHECK(asleep(atomic_load(&writer_tid)));
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&cleanup_ran), 1);

    /* The cancelled call gave the stream's lock back: the stream still
     * works. What the writer had buffered and not written comes out first. */
    drain(ends[0], NULL, 0);
    CHECK(fputs("after\n", out) >= 0);
    CHECK_EQ(fflush(out), 0);
    static char tail[BUFSIZ + 16];
    size_t length = drain(ends[0], tail, sizeof tail);
    CHECK(length >= 6);
    CHECK(memcmp(tail + length - 6, "after\n", 6) == 0);
    for (size_t i = 0; i + 6 < length; ++i) CHECK_EQ(tail[i], 'x');
    CHECK_EQ(fclose(out), 0);
    CHECK_EQ(close(ends[0]), 0);
}

/* ---- 2. Only a call that writes acts on a pending request ---- */

struct self_cancel {
    FILE* out;
    atomic_int reached; /* 1: past the buffered fprintf; 2: past fflush */
};

static void* cancel_self_then_print(void* argument) {
    struct self_cancel* state = argument;
    pthread_cleanup_push(note_cleanup, NULL);
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    /* Fully buffered, room to spare: no write(2), so no cancellation. */
    CHECK_EQ(fprintf(state->out, "buffered %d\n", 1), 11);
    atomic_store(&state->reached, 1);
    fflush(state->out); /* writes: the request acts here */
    atomic_store(&state->reached, 2);
    pthread_cleanup_pop(0);
    return NULL;
}

static void pending_request_acts_at_the_write(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    struct self_cancel state = {fdopen(ends[1], "w"), 0};
    CHECK(state.out != NULL);
    CHECK_EQ(setvbuf(state.out, NULL, _IOFBF, 4096), 0);
    atomic_store(&cleanup_ran, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, cancel_self_then_print, &state), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&state.reached), 1);
    CHECK_EQ(atomic_load(&cleanup_ran), 1);
    /* The cancellation acted before the write took effect: nothing was
     * written, the bytes stay buffered, and the stream is free for others. */
    char got[32];
    CHECK_EQ(drain(ends[0], got, sizeof got), 0);
    CHECK(fputs("next\n", state.out) >= 0);
    CHECK_EQ(fflush(state.out), 0);
    CHECK_EQ(drain(ends[0], got, sizeof got), 16);
    CHECK(memcmp(got, "buffered 1\nnext\n", 16) == 0);
    CHECK_EQ(fclose(state.out), 0);
    CHECK_EQ(close(ends[0]), 0);
}

/* ---- 2b. Unbuffered: a cancelled call's bytes never come out ---- */

static void* cancel_self_then_print_unbuffered(void* argument) {
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    fputs("cancelled call\n", argument); /* the request acts at its write */
    atomic_store(&cleanup_ran, 3);         /* not reached */
    return NULL;
}

static void unbuffered_call_ends_with_its_bytes(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    FILE* out = fdopen(ends[1], "w");
    CHECK(out != NULL);
    CHECK_EQ(setvbuf(out, NULL, _IONBF, 0), 0);
    atomic_store(&cleanup_ran, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, cancel_self_then_print_unbuffered, out), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&cleanup_ran), 0);
    /* Nothing now, and nothing with the next call's bytes either. */
    char got[32];
    CHECK_EQ(drain(ends[0], got, sizeof got), 0);
    CHECK(fputs("next\n", out) >= 0);
    CHECK_EQ(drain(ends[0], got, sizeof got), 5);
    CHECK(memcmp(got, "next\n", 5) == 0);
    CHECK_EQ(fclose(out), 0);
    CHECK_EQ(close(ends[0]), 0);
}

/* ---- 2c. malloc_stats and error lock stderr, and are no cancellation
 * points: with a request pending, each prints all of its message and
 * leaves stderr unlocked; the fputs after them acts on it. ---- */

static void* report_then_print(void* unused) {
    (void)unused;
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    malloc_stats();
    error(0, 0, "an error message");
    fputs("cancelled call\n", stderr);
    atomic_store(&cleanup_ran, 3); /* not reached */
    return NULL;
}

static void messages_that_are_no_cancellation_points(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    int saved_stderr = dup(2);
    CHECK(saved_stderr >= 0);
    CHECK_EQ(dup2(ends[1], 2), 2);
    atomic_store(&cleanup_ran, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, report_then_print, NULL), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    /* stderr is free again (a lock left held would hang here). */
    CHECK(fputs("after\n", stderr) >= 0);
    CHECK_EQ(dup2(saved_stderr, 2), 2);
    CHECK_EQ(close(saved_stderr), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&cleanup_ran), 0);
    static char got[4096];
    size_t length = drain(ends[0], got, sizeof got - 1);
    got[length] = '\0';
    CHECK(strstr(got, "max mmap bytes") != NULL);
    CHECK(strstr(got, ": an error message\n") != NULL);
    CHECK(strstr(got, "cancelled call") == NULL);
    CHECK(length >= 6 && memcmp(got + length - 6, "after\n", 6) == 0);
    CHECK_EQ(close(ends[0]), 0);
    CHECK_EQ(close(ends[1]), 0);
}

/* ---- 3. The calls that must finish write without acting ---- */

#ifndef CHECKING_AGAINST_GLIBC
static void* write_through_calls_that_finish(void* argument) {
    FILE* out = argument;
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    /* Each of these writes out what the stream holds. */
    CHECK(fputs("a", out) >= 0);
    flockfile(out);
    funlockfile(out);
    CHECK(fputs("b", out) >= 0);
    CHECK_EQ(setvbuf(out, NULL, _IOLBF, 0), 0);
    CHECK(fputs("c", out) >= 0); /* no newline: stays buffered */
    CHECK_EQ(fflush(NULL), 0);
    CHECK(fputs("d", out) >= 0);
    CHECK_EQ(fclose(out), 0);
    atomic_store(&cleanup_ran, 2); /* reached the end */
    pthread_testcancel();
    return NULL;
}

static void calls_that_finish(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    FILE* out = fdopen(ends[1], "w");
    CHECK(out != NULL);
    CHECK_EQ(fflush(stdout), 0); /* fflush(NULL) has nothing of stdout's to write */
    atomic_store(&cleanup_ran, 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, write_through_calls_that_finish, out), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(atomic_load(&cleanup_ran), 2);
    char got[8];
    CHECK_EQ(drain(ends[0], got, sizeof got), 4);
    CHECK(memcmp(got, "abcd", 4) == 0);
    CHECK_EQ(close(ends[0]), 0);
}
#endif

/* ---- 4. exit finishes with a request pending ---- */

#ifndef CHECKING_AGAINST_GLIBC

static FILE* exit_stream;

static void write_at_exit(void) {
    CHECK(fputs("handler\n", exit_stream) >= 0);
    CHECK_EQ(fflush(exit_stream), 0); /* a cancellation point, but exit is running */
}

static void exit_with_request_pending(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        CHECK_EQ(close(ends[0]), 0);
        exit_stream = fdopen(ends[1], "w");
        CHECK(exit_stream != NULL);
        CHECK_EQ(atexit(write_at_exit), 0);
        CHECK(fputs("main\n", exit_stream) >= 0);
        CHECK_EQ(pthread_cancel(pthread_self()), 0);
        exit(7);
    }
    CHECK_EQ(close(ends[1]), 0);
    expect_exit_code(child, 7);
    char got[32];
    ssize_t length = read(ends[0], got, sizeof got);
    CHECK_EQ(length, 13);
    CHECK(memcmp(got, "main\nhandler\n", 13) == 0);
    CHECK_EQ(close(ends[0]), 0);
}
#endif

int main(void) {
    cancel_blocked_write();
    pending_request_acts_at_the_write();
    unbuffered_call_ends_with_its_bytes();
    messages_that_are_no_cancellation_points();
#ifndef CHECKING_AGAINST_GLIBC
    calls_that_finish();
    exit_with_request_pending();
#endif
    return 0;
}
