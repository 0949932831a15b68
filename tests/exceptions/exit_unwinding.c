/* A C program built with -fexceptions, as glibc builds its `x` tests and as
 * C code mixed with C++ is built: <pthread.h> then gives pthread_cleanup_push
 * a local variable with the cleanup attribute, which runs only when its frame
 * is unwound. pthread_exit and cancellation must unwind the thread (lwp's
 * exceptions library), running every such handler innermost first, the
 * cleanup attributes of the program's own variables too, interleaved in
 * frame order with buffers registered by code built without exceptions,
 * and key destructors after them all. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

static char trace[64];
static int trace_length;
void note_letter(void* letter) { trace[trace_length++] = *(const char*)letter; }
static void reset_trace(void) {
    memset(trace, 0, sizeof trace);
    trace_length = 0;
}

static void note_variable(char* letter) { note_letter(letter); }
#define ON_LEAVING(letter) char leaving_##letter __attribute__((cleanup(note_variable))) = #letter[0]

void registered_then(void (*inner)(void)); /* without_exceptions.c */

/* 1. pthread_exit from a nested call: handlers and cleanup variables run
 * innermost first, pop(0) handlers do not, then key destructors. */
static pthread_key_t key;
static void key_destructor(void* value) { note_letter(value); }

static void exit_deep(void) {
    ON_LEAVING(d);
    pthread_cleanup_push(note_letter, "c");
    pthread_exit((void*)7);
    pthread_cleanup_pop(0);
}

static void* nested_exit(void* unused) {
    (void)unused;
    CHECK(pthread_setspecific(key, "K") == 0);
    ON_LEAVING(a);
    pthread_cleanup_push(note_letter, "b");
    pthread_cleanup_push(note_letter, "-"); /* popped without running */
    pthread_cleanup_pop(0);
    exit_deep();
    pthread_cleanup_pop(0);
    return NULL;
}

/* 2. Cancellation at a blocking read, a cancellation point. */
static int pipe_ends[2];
static void* cancelled_in_read(void* unused) {
    (void)unused;
    ON_LEAVING(x);
    pthread_cleanup_push(note_letter, "y");
    char byte;
    for (;;) (void)read(pipe_ends[0], &byte, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

/* 3. Cancellation in a condition wait: the mutex is held again when the
 * handler runs, as POSIX says. */
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static int waiting;
static void unlock_noting(void* unused) {
    (void)unused;
    note_letter(pthread_mutex_trylock(&mutex) == EBUSY ? "L" : "?");
    CHECK(pthread_mutex_unlock(&mutex) == 0);
}
static void* cancelled_in_wait(void* unused) {
    (void)unused;
    CHECK(pthread_mutex_lock(&mutex) == 0);
    pthread_cleanup_push(unlock_noting, NULL);
    waiting = 1;
    for (;;) pthread_cond_wait(&never, &mutex);
    pthread_cleanup_pop(0);
    return NULL;
}

/* 4. Asynchronous cancellation of a loop making no calls: the unwind starts
 * in the signal handler, goes through the signal frame into the loop, and
 * from there to the cleanups of its caller. */
extern volatile int spinning;        /* without_exceptions.c */
void spin_until_cancelled(void);
static void* cancelled_spinning(void* unused) {
    (void)unused;
    ON_LEAVING(s);
    pthread_cleanup_push(note_letter, "t");
    CHECK(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL) == 0);
    spin_until_cancelled();
    pthread_cleanup_pop(0);
    return NULL;
}

/* 5. Mixed with a registered buffer: frames are left in order, whichever
 * kind of code registered the handler. */
static void mixed_inner(void) {
    ON_LEAVING(i);
    pthread_exit((void*)9);
}
static void* mixed(void* unused) {
    (void)unused;
    ON_LEAVING(o);
    registered_then(mixed_inner);
    return NULL;
}

/* 6. The main thread's pthread_exit unwinds it too, down to _start; the
 * process goes on with its other threads, and this one reports. */
static volatile int main_cleanup_ran;
static void note_main_cleanup(void* unused) {
    (void)unused;
    main_cleanup_ran = 1;
}
static void* report_main_exit(void* main_thread) {
    void* result = NULL;
    CHECK(pthread_join(*(pthread_t*)main_thread, &result) == 0);
    CHECK(result == (void*)11);
    CHECK(main_cleanup_ran);
    puts("exit_unwinding: all passed");
    exit(0);
}

static void* join(pthread_t thread) {
    void* result = NULL;
    CHECK(pthread_join(thread, &result) == 0);
    return result;
}

int main(void) {
    pthread_t thread;

    CHECK(pthread_key_create(&key, key_destructor) == 0);
    CHECK(pthread_create(&thread, NULL, nested_exit, NULL) == 0);
    CHECK(join(thread) == (void*)7);
    CHECK_STREQ(trace, "cdbaK");

    reset_trace();
    CHECK(pipe(pipe_ends) == 0);
    CHECK(pthread_create(&thread, NULL, cancelled_in_read, NULL) == 0);
    usleep(20000);
    CHECK(pthread_cancel(thread) == 0);
    CHECK(join(thread) == PTHREAD_CANCELED);
    CHECK_STREQ(trace, "yx");

    reset_trace();
    CHECK(pthread_create(&thread, NULL, cancelled_in_wait, NULL) == 0);
    for (;;) {
        CHECK(pthread_mutex_lock(&mutex) == 0);
        int ready = waiting;
        CHECK(pthread_mutex_unlock(&mutex) == 0);
        if (ready) break;
        usleep(1000);
    }
    CHECK(pthread_cancel(thread) == 0);
    CHECK(join(thread) == PTHREAD_CANCELED);
    CHECK_STREQ(trace, "L");
    CHECK(pthread_mutex_trylock(&mutex) == 0); /* the handler unlocked it */
    CHECK(pthread_mutex_unlock(&mutex) == 0);

    reset_trace();
    CHECK(pthread_create(&thread, NULL, cancelled_spinning, NULL) == 0);
    while (!spinning) usleep(1000);
    CHECK(pthread_cancel(thread) == 0);
    CHECK(join(thread) == PTHREAD_CANCELED);
    CHECK_STREQ(trace, "ts");

    reset_trace();
    CHECK(pthread_create(&thread, NULL, mixed, NULL) == 0);
    CHECK(join(thread) == (void*)9);
    CHECK_STREQ(trace, "iRo");

    static pthread_t main_thread;
    main_thread = pthread_self();
    pthread_cleanup_push(note_main_cleanup, NULL);
    CHECK(pthread_create(&thread, NULL, report_main_exit, &main_thread) == 0);
    pthread_exit((void*)11);
    pthread_cleanup_pop(0);
    return 1;
}
