/* POSIX message queues linked with lwp alone: creation with attributes,
 * priority order, non-blocking and timed calls, attributes changed, a
 * notification by signal and by thread (SIGEV_THREAD: the function runs on
 * a thread of its own, and a registration removed or refused leaves no
 * thread behind), the errors of bad input, and a thread blocked in
 * mq_receive cancelled (a cancellation point). Checked against glibc too
 * (cc -DCHECKING_AGAINST_GLIBC -pthread message_queues.c -lrt). */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
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

static int notified_value;
static int notified_tid;
static void on_message(union sigval value) {
    notified_value = value.sival_int;
    __atomic_store_n(&notified_tid, gettid(), __ATOMIC_RELEASE);
}

/* The process's thread count, as /proc reports it. */
static int thread_count(void) {
    FILE* status = fopen("/proc/self/status", "r");
    CHECK(status != NULL);
    char line[256];
    int count = -1;
    while (fgets(line, sizeof line, status))
        if (sscanf(line, "Threads: %d", &count) == 1) break;
    CHECK(fclose(status) == 0);
    return count;
}

/* Waits (up to 5 s) for the thread count to come back to `expected`. */
static int threads_back_to(int expected) {
    for (int i = 0; i < 500 && thread_count() != expected; ++i) usleep(10000);
    return thread_count() == expected;
}

static void notify_by_thread(mqd_t queue) {
    char message[64];
    int alone = thread_count();
    struct sigevent by_thread = {.sigev_notify = SIGEV_THREAD};
    by_thread.sigev_notify_function = on_message;
    by_thread.sigev_value.sival_int = 88;
    CHECK(mq_notify(queue, &by_thread) == 0);
    errno = 0;
    CHECK(mq_notify(queue, &by_thread) == -1 && errno == EBUSY);
    CHECK(mq_send(queue, "ping", 4, 0) == 0);
    for (int i = 0; i < 500 && __atomic_load_n(&notified_tid, __ATOMIC_ACQUIRE) == 0; ++i)
        usleep(10000);
    CHECK(__atomic_load_n(&notified_tid, __ATOMIC_ACQUIRE) != 0);
    CHECK(notified_tid != gettid());
    CHECK(notified_value == 88);
    CHECK(mq_receive(queue, message, sizeof message, NULL) == 4);
#ifdef CHECKING_AGAINST_GLIBC
    alone = thread_count(); /* glibc keeps one helper thread for good */
#endif
    CHECK(threads_back_to(alone));

    /* With attributes: a detached thread asked for, and a joinable one
     * (which nobody could join) detached all the same. */
    pthread_attr_t attr;
    CHECK(pthread_attr_init(&attr) == 0);
    for (int detached = 0; detached < 2; ++detached) {
        CHECK(pthread_attr_setdetachstate(&attr, detached ? PTHREAD_CREATE_DETACHED
                                                          : PTHREAD_CREATE_JOINABLE) == 0);
        by_thread.sigev_notify_attributes = &attr;
        by_thread.sigev_value.sival_int = 90 + detached;
        notified_tid = 0;
        CHECK(mq_notify(queue, &by_thread) == 0);
        CHECK(mq_send(queue, "ping", 4, 0) == 0);
        for (int i = 0; i < 500 && __atomic_load_n(&notified_tid, __ATOMIC_ACQUIRE) == 0; ++i)
            usleep(10000);
        CHECK(notified_value == 90 + detached);
        CHECK(mq_receive(queue, message, sizeof message, NULL) == 4);
        CHECK(threads_back_to(alone));
    }
    CHECK(pthread_attr_destroy(&attr) == 0);
    by_thread.sigev_notify_attributes = NULL;

    /* Removed before anything arrives: the thread ends, the function never
     * runs, and the queue takes a new registration. */
    notified_tid = 0;
    CHECK(mq_notify(queue, &by_thread) == 0);
    CHECK(mq_notify(queue, NULL) == 0);
    CHECK(threads_back_to(alone));
    CHECK(mq_send(queue, "ping", 4, 0) == 0);
    usleep(50000);
    CHECK(notified_tid == 0);
    CHECK(mq_receive(queue, message, sizeof message, NULL) == 4);

    /* Refused (not a queue): the kernel's error, no thread left. */
    errno = 0;
    CHECK(mq_notify(-1, &by_thread) == -1 && errno == EBADF);
    CHECK(threads_back_to(alone));

#ifndef CHECKING_AGAINST_GLIBC
    /* lwp's own failures (glibc's one helper thread and socket, made at the
     * first call, make neither happen there): no thread to be had for the
     * attributes (a stack too large to map), and no descriptor for the
     * socket. Each fails whole: no registration is left (a new one is
     * taken), nor a thread or a descriptor. */
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setstacksize(&attr, (size_t)1 << 46) == 0);
    by_thread.sigev_notify_attributes = &attr;
    errno = 0;
    CHECK(mq_notify(queue, &by_thread) == -1 && errno == EAGAIN);
    by_thread.sigev_notify_attributes = NULL;
    CHECK(pthread_attr_destroy(&attr) == 0);
    struct rlimit files;
    CHECK(getrlimit(RLIMIT_NOFILE, &files) == 0);
    int probe = dup(0);
    CHECK(probe >= 0);
    CHECK(close(probe) == 0);
    struct rlimit none_left = files;
    none_left.rlim_cur = (rlim_t)probe; /* the lowest free descriptor is then out of reach */
    CHECK(setrlimit(RLIMIT_NOFILE, &none_left) == 0);
    errno = 0;
    CHECK(mq_notify(queue, &by_thread) == -1 && errno == EMFILE);
    CHECK(setrlimit(RLIMIT_NOFILE, &files) == 0);
    CHECK(threads_back_to(alone));
    CHECK(mq_notify(queue, &by_thread) == 0);
    CHECK(mq_notify(queue, NULL) == 0);
    CHECK(threads_back_to(alone));
    probe = dup(0);
    CHECK(probe >= 0);
    CHECK(close(probe) == 0);
    CHECK(probe == (int)none_left.rlim_cur); /* no descriptor kept */
#endif
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
    CHECK(mq_notify(queue, NULL) == 0); /* none registered: nothing to remove, no error */
    notify_by_thread(queue);

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
    /* Another user may not remove the queue: EACCES, which POSIX names and
     * glibc gives (its rt/tst-mqueue9), not the kernel's EPERM. Only root
     * can become another user to show it, in a child. */
    if (geteuid() == 0) {
        pid_t child = fork();
        CHECK(child >= 0);
        if (child == 0) {
            if (seteuid(1) != 0) _exit(2);
            errno = 0;
            _exit(mq_unlink(name) == -1 && errno == EACCES ? 0 : 1);
        }
        int status = 0;
        CHECK(waitpid(child, &status, 0) == child);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK(mq_unlink(name) == 0);
    errno = 0;
    CHECK(mq_unlink(name) == -1 && errno == ENOENT);
    errno = 0;
    CHECK(mq_open(name, O_RDWR) == -1 && errno == ENOENT);
    puts("message_queues: all passed");
    return 0;
}
