/* cancel_blocked_read: one thread blocked in read(2) on an empty pipe, ended
 * from outside with pthread_cancel, its cleanup handler run on the way out.
 * docs/walkthrough.md section 9 follows it through the kernel with strace.
 *
 *   $ ./cancel_blocked_read
 *   reader (tid 4242): blocking in read
 *   main: pthread_cancel -> 0
 *   reader: cleanup handler runs, the pipe is still empty
 *   main: joined, result is PTHREAD_CANCELED */
#define _GNU_SOURCE /* gettid */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int pipe_fds[2];

static void say_goodbye(void* argument) {
    (void)argument;
    printf("reader: cleanup handler runs, the pipe is still empty\n");
}

static void* reader(void* argument) {
    (void)argument;
    char byte;
    pthread_cleanup_push(say_goodbye, NULL);
    printf("reader (tid %d): blocking in read\n", (int)gettid());
    fflush(stdout);
    (void)!read(pipe_fds[0], &byte, 1); /* a cancellation point */
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    if (pipe(pipe_fds) != 0) return 1;
    pthread_t thread;
    if (pthread_create(&thread, NULL, reader, NULL) != 0) return 1;
    struct timespec moment = {0, 100 * 1000 * 1000};
    nanosleep(&moment, NULL); /* let it block (it is cancelled either way) */
    printf("main: pthread_cancel -> %d\n", pthread_cancel(thread));
    fflush(stdout);
    void* result = NULL;
    if (pthread_join(thread, &result) != 0) return 1;
    printf("main: joined, result is %s\n",
           result == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "something else");
    return result == PTHREAD_CANCELED ? 0 : 1;
}
