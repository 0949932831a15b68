/* A signal handler that prints while its own thread is inside printf.
 *
 * stdio is not async-signal-safe, but programs do print from handlers, and
 * glibc's recursive stream lock mostly lets them (glibc's tst-signal6 relies
 * on it). lwp's stream lock keeps its owner's tid in the lock word itself, so
 * the handler's printf always knows the lock is its own thread's and goes on
 * instead of waiting for ever; its bytes go straight to the descriptor,
 * around the buffer the interrupted call is filling. Here one thread prints
 * in a loop while the main thread signals it 2000 times, each time waiting
 * for the handler to have run (an alarm fails the test if anything hangs).
 * stdout is a pipe that a third thread drains: every handler's line must
 * arrive whole, once per signal. (With the lock as it was, waiting for its
 * own holder, the printing thread hung within the first few signals.) First,
 * without signals, what keeps even a buffered handler line whole:
 * a_call_leaves_in_one_piece.
 *
 * Not meaningful against glibc: the property is lwp's (docs/libc.md, stdio);
 * glibc's printf from such a handler can hang or garble the stream, so that
 * build only says so. */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

#ifdef CHECKING_AGAINST_GLIBC
int main(void) {
    puts("printf_in_signal_handler: lwp's own property (glibc's printf there may hang); nothing to check against glibc");
    return 0;
}
#else

enum { signals_to_send = 2000 };

static atomic_int handled;
static atomic_int stop;

static void print_from_handler(int signal) {
    printf("handler %d\n", signal);
    atomic_fetch_add(&handled, 1);
}

static void* print_until_stopped(void* argument) {
    (void)argument;
    for (long line = 0; !atomic_load(&stop); ++line)
        printf("printer %ld %s %.1f\n", line, "abcdefghijklmnopqrstuvwxyz", 0.5);
    fflush(stdout);
    return NULL;
}

/* Counts "handler 10\n" in everything read from the pipe (no prefix of the
 * text recurs inside it, so a mismatch restarts the match at 0, or at 1 on
 * an 'h'). */
static const char expected[] = "handler 10\n";
static void* count_handler_lines(void* pipe_end) {
    int fd = *(int*)pipe_end;
    long found = 0;
    size_t matched = 0;
    char chunk[4096];
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got == 0) break;
        CHECK(got > 0);
        for (ssize_t i = 0; i < got; ++i) {
            if (chunk[i] == expected[matched]) {
                if (++matched == sizeof expected - 1) {
                    ++found;
                    matched = 0;
                }
            } else {
                matched = chunk[i] == 'h' ? 1 : 0;
            }
        }
    }
    return (void*)found;
}

/* What keeps a handler's line whole when that line was itself buffered (its
 * handler ran between two of the printer's calls) and a later handler's
 * line goes straight to the descriptor: a call's output reaches the
 * descriptor in one write(2) unless it is larger than the buffer. Checked
 * here without signals, through a pipe on fd 1: a call whose first piece
 * just fills stdout's 4096-byte buffer and whose next piece does not fit
 * keeps its bytes together, so a write straight to the descriptor made
 * after it (as a nested call's would be) lands before the whole of its
 * text, not inside it. */
static void a_call_leaves_in_one_piece(void) {
    enum { buffer_size = 4096, filler_size = buffer_size - 8 };  /* 8: "handler " */
    static char filler[filler_size + 1];
    memset(filler, '.', filler_size);
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    CHECK(dup2(ends[1], 1) == 1);
    CHECK_EQ(close(ends[1]), 0);
    CHECK_EQ(printf("%s", filler), filler_size);
    CHECK_EQ(printf("handler %d\n", 10), 11);  /* "handler " fills the buffer, "10" does not fit */
    CHECK_EQ(write(1, "X", 1), 1);
    CHECK_EQ(fflush(stdout), 0);
    static char arrived[filler_size + 12 + 1];
    size_t total = 0;
    while (total < sizeof arrived - 1) {
        ssize_t got = read(ends[0], arrived + total, sizeof arrived - 1 - total);
        CHECK(got > 0);
        total += (size_t)got;
    }
    CHECK_EQ(close(ends[0]), 0);
    CHECK(memcmp(arrived, filler, filler_size) == 0);
    CHECK(memcmp(arrived + filler_size, "Xhandler 10\n", 12) == 0);
}

int main(void) {
    CHECK_EQ(SIGUSR1, 10);
    int saved_stdout = dup(1);
    CHECK(saved_stdout >= 0);
    a_call_leaves_in_one_piece();
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    CHECK(dup2(pipe_ends[1], 1) == 1);
    CHECK_EQ(close(pipe_ends[1]), 0);
    pthread_t reader;
    CHECK_EQ(pthread_create(&reader, NULL, count_handler_lines, &pipe_ends[0]), 0);
    alarm(60); /* SIGALRM's default action ends the process: a hang fails */

    struct sigaction action = {0};
    action.sa_handler = print_from_handler;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    pthread_t printer;
    CHECK_EQ(pthread_create(&printer, NULL, print_until_stopped, NULL), 0);
    for (int sent = 0; sent < signals_to_send; ++sent) {
        CHECK_EQ(pthread_kill(printer, SIGUSR1), 0);
        while (atomic_load(&handled) == sent) {
            struct timespec pause = {0, 20000};
            nanosleep(&pause, NULL);
        }
    }
    atomic_store(&stop, 1);
    CHECK_EQ(pthread_join(printer, NULL), 0);
    CHECK_EQ(atomic_load(&handled), signals_to_send);

    /* End of the pipe for the reader: no write end left open. */
    CHECK(dup2(saved_stdout, 1) == 1);
    void* found = NULL;
    CHECK_EQ(pthread_join(reader, &found), 0);
    alarm(0);
    CHECK_EQ((long)found, signals_to_send);
    printf("printf_in_signal_handler: %d handler lines arrived whole\n", signals_to_send);
    return 0;
}
#endif /* CHECKING_AGAINST_GLIBC */
