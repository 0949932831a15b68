/* POSIX message queues linked with lwp alone: creation with attributes,
 * priority order, non-blocking and timed calls, attributes changed, a
 * notification by signal, the errors of bad input, and a thread blocked in
 * mq_receive cancelled (a cancellation point). */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static char name[64];

static int cleanup_ran;
static void note_cleanup(void* unused) {
    (void)unused;
    cleanup_ran = 1;
}
static void* receive_forever(void* queue) {
    pthread_cleanup_push(note_cleanup, NULL);
    char message[64];
    mq_receive(*(mqd_t*)queue, message, sizeof message, NULL);
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    snprintf(name, sizeof name, "/lwp-test-%d", (int)getpid());
    struct mq_attr attributes = {.mq_maxmsg = 4, .mq_msgsize = 64};
    mqd_t queue = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attributes);
    CHECK(queue >= 0);
    errno = 0;
    CHECK(mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attributes) == -1 && errno == EEXIST);

    /* Highest priority first; equal priorities in the order sent. */
    CHECK(mq_send(queue, "low", 3, 1) == 0);
    CHECK(mq_send(queue, "high", 4, 9) == 0);
    CHECK(mq_send(queue, "low2", 4, 1) == 0);
    struct mq_attr now;
    CHECK(mq_getattr(queue, &now) == 0);
    CHECK(now.mq_curmsgs == 3 && now.mq_maxmsg == 4 && now.mq_msgsize == 64);
    char message[64];
    unsigned priority = 0;
    CHECK(mq_receive(queue, message, sizeof message, &priority) == 4 && priority == 9);
    CHECK(memcmp(message, "high", 4) == 0);
    CHECK(mq_receive(queue, message, sizeof message, &priority) == 3 && priority == 1);
    CHECK(mq_receive(queue, message, sizeof message, NULL) == 4);
    CHECK(memcmp(message, "low2", 4) == 0);

    /* Empty: a timed receive times out; a non-blocking one fails at once. */
    struct timespec deadline;
    CHECK(clock_gettime(CLOCK_REALTIME, &deadline) == 0);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000;
    }
    errno = 0;
    CHECK(mq_timedreceive(queue, message, sizeof message, NULL, &deadline) == -1 &&
          errno == ETIMEDOUT);
    struct mq_attr nonblocking = {.mq_flags = O_NONBLOCK}, before;
    CHECK(mq_setattr(queue, &nonblocking, &before) == 0 && before.mq_flags == 0);
    errno = 0;
    CHECK(mq_receive(queue, message, sizeof message, NULL) == -1 && errno == EAGAIN);
    for (int i = 0; i < 4; ++i) CHECK(mq_timedsend(queue, "x", 1, 0, &deadline) == 0);
    errno = 0;
    CHECK(mq_send(queue, "full", 4, 0) == -1 && errno == EAGAIN);
    errno = 0;
    CHECK(mq_receive(queue, message, 10, NULL) == -1 && errno == EMSGSIZE); /* < mq_msgsize */
    struct mq_attr blocking = {.mq_flags = 0};
    CHECK(mq_setattr(queue, &blocking, NULL) == 0);
    for (int i = 0; i < 4; ++i) CHECK(mq_receive(queue, message, sizeof message, NULL) == 1);

    /* A notification by signal when a message arrives in the empty queue. */
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0);
    struct sigevent event = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    event.sigev_value.sival_int = 77;
    CHECK(mq_notify(queue, &event) == 0);
    errno = 0;
    CHECK(mq_notify(queue, &event) == -1 && errno == EBUSY); /* one registration per queue */
    CHECK(mq_send(queue, "ping", 4, 0) == 0);
    siginfo_t info;
    CHECK(sigwaitinfo(&usr1, &info) == SIGUSR1);
    CHECK(info.si_code == SI_MESGQ && info.si_value.sival_int == 77);
    CHECK(mq_receive(queue, message, sizeof message, NULL) == 4);
    struct sigevent by_thread = {.sigev_notify = SIGEV_THREAD};
    errno = 0;
    CHECK(mq_notify(queue, &by_thread) == -1 && errno == ENOSYS); /* not implemented */

    /* Cancelled while blocked in mq_receive. */
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, receive_forever, &queue) == 0);
    usleep(20000);
    CHECK(pthread_cancel(thread) == 0);
    void* result = NULL;
    CHECK(pthread_join(thread, &result) == 0);
    CHECK(result == PTHREAD_CANCELED && cleanup_ran);

    /* Bad input. */
    errno = 0;
    CHECK(mq_open("no-slash", O_RDWR) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(mq_unlink("no-slash") == -1 && errno == EINVAL);
    errno = 0;
    CHECK(mq_send(-1, "x", 1, 0) == -1 && errno == EBADF);
    errno = 0;
    CHECK(mq_getattr(-1, &now) == -1 && errno == EBADF);

    CHECK(mq_close(queue) == 0);
    CHECK(mq_unlink(name) == 0);
    errno = 0;
    CHECK(mq_unlink(name) == -1 && errno == ENOENT);
    errno = 0;
    CHECK(mq_open(name, O_RDWR) == -1 && errno == ENOENT);
    puts("message_queues: all passed");
    return 0;
}
