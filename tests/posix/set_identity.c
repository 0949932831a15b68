/* setuid and the rest of the set*id family change every thread's
 * credentials, not only the caller's (runtime/posix/set_identity.cpp).
 *
 * Each case runs in a child process, since a dropped credential cannot be
 * taken back, and reads each thread's credentials on that thread itself
 * (getresuid, getresgid and getgroups ask the kernel about the calling
 * thread only). Needs root to change credentials at all: exits 77 (skipped)
 * without it. */
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child_process.h"

enum { ruid = 201, euid = 202, suid = 203, rgid = 101, egid = 102, sgid = 103, group = 1234 };

/* The calling thread has the credentials every case changes to. */
static int has_new_credentials(void) {
    uid_t r, e, s;
    gid_t gr, ge, gs, groups[4];
    if (getresuid(&r, &e, &s) != 0 || getresgid(&gr, &ge, &gs) != 0) return 0;
    int count = getgroups(4, groups);
    return r == ruid && e == euid && s == suid && gr == rgid && ge == egid && gs == sgid &&
           count == 1 && groups[0] == group;
}

static int still_root(void) {
    uid_t r, e, s;
    return getresuid(&r, &e, &s) == 0 && r == 0 && e == 0 && s == 0;
}

/* Groups first (needs root), then gids, then uids (after which nothing can
 * be changed back): the order a program dropping privileges uses. */
static void change_credentials(void) {
    gid_t list[1] = {group};
    CHECK_EQ(setgroups(1, list), 0);
    CHECK_EQ(setresgid(rgid, egid, sgid), 0);
    CHECK_EQ(setresuid(ruid, euid, suid), 0);
    CHECK(has_new_credentials());
}

static void nap(long microseconds) {
    struct timespec pause = {0, microseconds * 1000};
    while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
    }
}

/* ---- Threads in every state follow the change ---- */

static atomic_int changed;           /* the change has returned in main */
static atomic_int followed_count;    /* workers that found the new credentials */
static atomic_int ready_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
static sem_t semaphore;

static void report(void) {
    if (has_new_credentials()) atomic_fetch_add(&followed_count, 1);
}

static void* waits_on_condition(void* unused) {
    (void)unused;
    pthread_mutex_lock(&lock);
    atomic_fetch_add(&ready_count, 1);
    while (!atomic_load(&changed)) pthread_cond_wait(&condition, &lock);
    pthread_mutex_unlock(&lock);
    report();
    return NULL;
}

static void* sleeps(void* unused) {
    (void)unused;
    atomic_fetch_add(&ready_count, 1);
    while (!atomic_load(&changed)) nap(500);
    report();
    return NULL;
}

static void* spins(void* unused) {
    (void)unused;
    atomic_fetch_add(&ready_count, 1);
    while (!atomic_load(&changed)) {
    }
    report();
    return NULL;
}

/* Blocks every signal it can: lwp's own stays open (the program cannot
 * block it), which is what lets the change reach this thread. */
static void* blocks_every_signal(void* unused) {
    (void)unused;
    sigset_t all;
    sigfillset(&all);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &all, NULL), 0);
    atomic_fetch_add(&ready_count, 1);
    while (sem_wait(&semaphore) != 0) CHECK_EQ(errno, EINTR);
    report();
    return NULL;
}

static void every_thread_follows(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    void* (*kinds[])(void*) = {waits_on_condition, sleeps, spins, blocks_every_signal};
    enum { kind_count = 4, per_kind = 3, joinable = kind_count * per_kind };
    pthread_t threads[joinable];
    for (int i = 0; i < joinable; ++i)
        CHECK_EQ(pthread_create(&threads[i], NULL, kinds[i % kind_count], NULL), 0);

    /* Two more: a detached thread, and one on a stack the program gave. */
    pthread_attr_t detached;
    pthread_attr_init(&detached);
    pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
    pthread_t unused;
    CHECK_EQ(pthread_create(&unused, &detached, sleeps, NULL), 0);
    pthread_attr_destroy(&detached);

    enum { own_stack_size = 256 * 1024 };
    void* own_stack = NULL;
    CHECK_EQ(posix_memalign(&own_stack, 4096, own_stack_size), 0);
    pthread_attr_t on_own_stack;
    pthread_attr_init(&on_own_stack);
    CHECK_EQ(pthread_attr_setstack(&on_own_stack, own_stack, own_stack_size), 0);
    pthread_t own_stack_thread;
    CHECK_EQ(pthread_create(&own_stack_thread, &on_own_stack, waits_on_condition, NULL), 0);
    pthread_attr_destroy(&on_own_stack);

    enum { total = joinable + 2 };
    while (atomic_load(&ready_count) < total) nap(100);
    change_credentials();

    pthread_mutex_lock(&lock);
    atomic_store(&changed, 1);
    pthread_cond_broadcast(&condition);
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < per_kind; ++i) CHECK_EQ(sem_post(&semaphore), 0);
    for (int i = 0; i < joinable; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
    CHECK_EQ(pthread_join(own_stack_thread, NULL), 0);
    while (atomic_load(&followed_count) < total) nap(100);  /* the detached one */
    CHECK_EQ(atomic_load(&followed_count), total);
}

/* ---- Threads created while the change is being made ---- */

static atomic_int stop_creating;
static atomic_int created_count;
static atomic_int old_after_change;  /* a thread that saw the change returned but had old credentials */

static void* new_thread(void* unused) {
    (void)unused;
    int returned = atomic_load(&changed);
    if (returned && !has_new_credentials()) atomic_fetch_add(&old_after_change, 1);
    /* Still here once the change has returned: must have caught up. */
    nap(1000);
    if (atomic_load(&changed) && !has_new_credentials()) atomic_fetch_add(&old_after_change, 1);
    return NULL;
}

static void* creates_threads(void* unused) {
    (void)unused;
    enum { batch = 8 };
    while (!atomic_load(&stop_creating)) {
        pthread_t batch_threads[batch];
        for (int i = 0; i < batch; ++i)
            CHECK_EQ(pthread_create(&batch_threads[i], NULL, new_thread, NULL), 0);
        atomic_fetch_add(&created_count, batch);
        if (atomic_load(&changed)) atomic_store(&stop_creating, 1);
        for (int i = 0; i < batch; ++i) CHECK_EQ(pthread_join(batch_threads[i], NULL), 0);
    }
    return NULL;
}

static void threads_created_meanwhile(void) {
    enum { creators = 3 };
    pthread_t creator[creators];
    for (int i = 0; i < creators; ++i)
        CHECK_EQ(pthread_create(&creator[i], NULL, creates_threads, NULL), 0);
    while (atomic_load(&created_count) < 64) nap(100);
    change_credentials();
    atomic_store(&changed, 1);
    for (int i = 0; i < creators; ++i) CHECK_EQ(pthread_join(creator[i], NULL), 0);
    CHECK_EQ(atomic_load(&old_after_change), 0);
}

/* ---- The POSIX timers' helper, which keeps lwp's signal blocked ---- */

static atomic_int expiries_after_change;
static atomic_int old_expiries;

static void on_expiry(union sigval unused) {
    (void)unused;
    if (!atomic_load(&changed)) return;
    if (!has_new_credentials()) atomic_fetch_add(&old_expiries, 1);
    atomic_fetch_add(&expiries_after_change, 1);
}

static void timer_threads_follow(void) {
    struct sigevent event = {0};
    event.sigev_notify = SIGEV_THREAD;
    event.sigev_notify_function = on_expiry;
    timer_t timer;
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &event, &timer), 0);
    struct itimerspec every_millisecond = {{0, 1000000}, {0, 1000000}};
    CHECK_EQ(timer_settime(timer, 0, &every_millisecond, NULL), 0);
    nap(20000);  /* expiries running, the helper creating threads */
    change_credentials();
    atomic_store(&changed, 1);
    while (atomic_load(&expiries_after_change) < 20) nap(1000);
    CHECK_EQ(timer_delete(timer), 0);
    CHECK_EQ(atomic_load(&old_expiries), 0);
}

/* ---- A thread running its cleanup handlers after a cancellation ---- */

static atomic_int in_cleanup;
static atomic_int cleanup_followed;

static void cleanup_waits(void* unused) {
    (void)unused;
    /* Asynchronous cancellation acted from lwp's signal handler, where that
     * signal is blocked; the change must reach this thread anyway. */
    atomic_store(&in_cleanup, 1);
    while (sem_wait(&semaphore) != 0) CHECK_EQ(errno, EINTR);
    atomic_store(&cleanup_followed, has_new_credentials() ? 1 : -1);
}

static void* cancelled_while_spinning(void* unused) {
    (void)unused;
    pthread_cleanup_push(cleanup_waits, NULL);
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    for (;;) atomic_fetch_add(&ready_count, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

static void cancelled_thread_follows(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, cancelled_while_spinning, NULL), 0);
    while (atomic_load(&ready_count) == 0) nap(100);
    CHECK_EQ(pthread_cancel(thread), 0);
    while (!atomic_load(&in_cleanup)) nap(100);
    change_credentials();
    CHECK_EQ(sem_post(&semaphore), 0);
    void* result;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc 2.36 skips a thread that is already exiting (docs/libc.md). */
    CHECK_EQ(atomic_load(&cleanup_followed), -1);
#else
    CHECK_EQ(atomic_load(&cleanup_followed), 1);
#endif
}

/* ---- Refusals change nothing, anywhere ---- */

static void* reports_on_request(void* unused) {
    (void)unused;
    while (sem_wait(&semaphore) != 0) CHECK_EQ(errno, EINTR);
    report();
    return NULL;
}

static void refusals_change_nothing(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, reports_on_request, NULL), 0);
    change_credentials();
    /* Not root any more: each of these is refused on the calling thread,
     * so nothing is repeated anywhere. */
    errno = 0;
    CHECK_EQ(setuid(0), -1);
    CHECK_EQ(errno, EPERM);
    CHECK_EQ(setresgid(0, 0, 0), -1);
    CHECK_EQ(errno, EPERM);
    gid_t none[1] = {0};
    CHECK_EQ(setgroups(1, none), -1);
    CHECK_EQ(errno, EPERM);
    /* -1 is "unchanged" to setresuid, not a user: seteuid refuses it. */
    CHECK_EQ(seteuid((uid_t)-1), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(setegid((gid_t)-1), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_post(&semaphore), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(atomic_load(&followed_count), 1);
}

/* ---- setuid, setgid, setreuid, setregid, seteuid, setegid ---- */

static uid_t thread_uids[3];
static gid_t thread_gids[3];

static void* reads_ids_on_request(void* unused) {
    (void)unused;
    while (sem_wait(&semaphore) != 0) CHECK_EQ(errno, EINTR);
    CHECK_EQ(getresuid(&thread_uids[0], &thread_uids[1], &thread_uids[2]), 0);
    CHECK_EQ(getresgid(&thread_gids[0], &thread_gids[1], &thread_gids[2]), 0);
    return NULL;
}

static void other_calls_follow(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, reads_ids_on_request, NULL), 0);
    CHECK_EQ(setregid(301, 302), 0);  /* saved follows effective: 302 */
    CHECK_EQ(setegid(303), 0);
    CHECK_EQ(setgid(304), 0);         /* root: all three */
    CHECK_EQ(setreuid(401, 402), 0);  /* saved: 402; effective no longer root */
    CHECK_EQ(seteuid(401), 0);
    CHECK_EQ(setuid(402), 0);         /* not root: the effective id only */
    CHECK_EQ(sem_post(&semaphore), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(thread_gids[0], 304);
    CHECK_EQ(thread_gids[1], 304);
    CHECK_EQ(thread_gids[2], 304);
    CHECK_EQ(thread_uids[0], 401);
    CHECK_EQ(thread_uids[1], 402);
    CHECK_EQ(thread_uids[2], 402);
}

/* ---- Many changes, many threads, threads coming and going ---- */

/* Change g sets every group id to 1000 + g, so ids only grow: a thread that
 * reads generation g and then its own effective group id must find at least
 * 1000 + g (a later change may already have reached it too). */
static atomic_int generation;
static atomic_int stop_churn;
static atomic_int behind_count;

static void check_caught_up(void) {
    int g = atomic_load(&generation);
    if (g > 0 && getegid() < (gid_t)(1000 + g)) atomic_fetch_add(&behind_count, 1);
}

static void* resident(void* unused) {
    (void)unused;
    while (!atomic_load(&stop_churn)) {
        check_caught_up();
        nap(2000);
    }
    return NULL;
}

static void* short_lived(void* unused) {
    (void)unused;
    check_caught_up();
    return NULL;
}

static void* churns(void* detach) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    if (detach) pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    while (!atomic_load(&stop_churn)) {
        pthread_t thread;
        int error = pthread_create(&thread, &attr, short_lived, NULL);
        CHECK(error == 0 || error == EAGAIN);
        if (error == 0 && !detach) CHECK_EQ(pthread_join(thread, NULL), 0);
        check_caught_up();
    }
    pthread_attr_destroy(&attr);
    return NULL;
}

static void many_changes_under_churn(void) {
    enum { residents = 200, changes = 100 };
    static pthread_t resident_threads[residents];
    for (int i = 0; i < residents; ++i)
        CHECK_EQ(pthread_create(&resident_threads[i], NULL, resident, NULL), 0);
    pthread_t churners[2];
    CHECK_EQ(pthread_create(&churners[0], NULL, churns, NULL), 0);
    CHECK_EQ(pthread_create(&churners[1], NULL, churns, (void*)1), 0);
    for (int g = 1; g <= changes; ++g) {
        gid_t id = (gid_t)(1000 + g);
        CHECK_EQ(setresgid(id, id, id), 0);
        atomic_store(&generation, g);
    }
    atomic_store(&stop_churn, 1);
    for (int i = 0; i < 2; ++i) CHECK_EQ(pthread_join(churners[i], NULL), 0);
    for (int i = 0; i < residents; ++i) CHECK_EQ(pthread_join(resident_threads[i], NULL), 0);
    CHECK_EQ(atomic_load(&behind_count), 0);
}

/* ---- A thread whose credentials differ: the process must end ---- */

static sem_t thread_changed;

static void* changes_only_itself(void* unused) {
    (void)unused;
    /* The raw system call: this thread alone. */
    CHECK_EQ(syscall(SYS_setresuid, 2001, 2002, 2003), 0);
    CHECK(!still_root());
    CHECK_EQ(sem_post(&thread_changed), 0);
    while (sem_wait(&semaphore) != 0) CHECK_EQ(errno, EINTR);
    return NULL;
}

static void disagreement_aborts(void) {
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    CHECK_EQ(sem_init(&thread_changed, 0, 0), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, changes_only_itself, NULL), 0);
    while (sem_wait(&thread_changed) != 0) CHECK_EQ(errno, EINTR);
    CHECK(still_root());
    /* Succeeds on this thread (root), fails on the other (not root any
     * more): the process must abort. */
    setresuid(1001, 1002, 1003);
    _exit(3);
}

/* ---- fork: the child can make changes of its own ---- */

static void fork_child_changes(void) {
    pthread_t thread;
    CHECK_EQ(sem_init(&semaphore, 0, 0), 0);
    CHECK_EQ(pthread_create(&thread, NULL, reports_on_request, NULL), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        /* One thread here; its change must not wait for the parent's. */
        CHECK_EQ(setresuid(7, 7, 7), 0);
        uid_t r, e, s;
        CHECK_EQ(getresuid(&r, &e, &s), 0);
        CHECK(r == 7 && e == 7 && s == 7);
        _exit(0);
    }
    expect_exit_code(child, 0);
    CHECK(still_root());
    change_credentials();
    CHECK_EQ(sem_post(&semaphore), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(atomic_load(&followed_count), 1);
}

static void run_case(void (*test)(void)) {
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        test();
        _exit(0);
    }
    expect_exit_code(child, 0);
}

int main(int argc, char** argv) {
    if (geteuid() != 0) {
        check_write("set_identity: needs root to change credentials; skipped\n");
        return 77;
    }
    void (*cases[])(void) = {every_thread_follows, threads_created_meanwhile,
                             timer_threads_follow, cancelled_thread_follows,
                             refusals_change_nothing, other_calls_follow, fork_child_changes,
                             many_changes_under_churn};
    /* An argument runs one case alone, in this process (for a debugger). */
    if (argc > 1) {
        int which = atoi(argv[1]);
        CHECK(which >= 0 && which < (int)(sizeof cases / sizeof cases[0]));
        cases[which]();
        return 0;
    }
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; ++i) run_case(cases[i]);

    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        disagreement_aborts();
        _exit(4);
    }
    expect_killed_by(child, SIGABRT);
    return 0;
}
