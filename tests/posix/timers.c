/* POSIX timers: a signal at expiry, a function called on a new thread at
 * each expiry (SIGEV_THREAD) with the value, stack size, guard size and
 * scheduling asked for (not the CPU affinity, as in glibc) and no
 * signal blocked (the helper thread that starts it blocks them all), no
 * call after timer_delete, SIGEV_NONE read back, the refusals, and a forked
 * child that starts thread timers of its own. Waits are bounded polls; no
 * figure about time is asserted beyond "it expired". */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

static volatile sig_atomic_t signals_seen;
static void on_usr1(int signal_number) {
    (void)signal_number;
    signals_seen++;
}

static atomic_int calls;
static atomic_int calls_on_main;
static atomic_int calls_with_wrong_value;
static atomic_int calls_with_signals_blocked;
static atomic_size_t largest_stack;
static pthread_t main_thread;

static void notify(union sigval value) {
    if (pthread_equal(pthread_self(), main_thread)) atomic_fetch_add(&calls_on_main, 1);
    if (value.sival_int != 42 && value.sival_int != 43) atomic_fetch_add(&calls_with_wrong_value, 1);
    sigset_t blocked;
    sigemptyset(&blocked);
    if (pthread_sigmask(SIG_BLOCK, NULL, &blocked) != 0 || !sigisemptyset(&blocked))
        atomic_fetch_add(&calls_with_signals_blocked, 1);
    pthread_attr_t attr;
    size_t stack = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstacksize(&attr, &stack);
        pthread_attr_destroy(&attr);
    }
    size_t seen = atomic_load(&largest_stack);
    while (stack > seen && !atomic_compare_exchange_weak(&largest_stack, &seen, stack)) {
    }
    atomic_fetch_add(&calls, 1);
}

/* Polls `counter` until it reaches `at_least`, for up to 10 s. */
static int reaches(atomic_int* counter, int at_least) {
    for (int i = 0; i < 10000 && atomic_load(counter) < at_least; ++i) usleep(1000);
    return atomic_load(counter) >= at_least;
}

static const struct itimerspec every_5ms = {{0, 5000000}, {0, 5000000}};

static timer_t thread_timer(const pthread_attr_t* attr, int value) {
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD;
    event.sigev_notify_function = notify;
    event.sigev_notify_attributes = (pthread_attr_t*)attr;
    event.sigev_value.sival_int = value;
    timer_t timer;
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &event, &timer), 0);
    return timer;
}

/* What an expiry's thread was made with (glibc's rt/tst-timer4 checks the
 * guard size): its guard size, scheduling policy and CPU count. */
struct made_with {
    size_t guard;
    int policy;
    int cpus;
    atomic_int done;
};

static void record_attributes(union sigval value) {
    struct made_with* seen = value.sival_ptr;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getguardsize(&attr, &seen->guard);
        pthread_attr_destroy(&attr);
    }
    seen->policy = sched_getscheduler(0);
    cpu_set_t cpus;
    seen->cpus = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : -1;
    atomic_store(&seen->done, 1);
}

/* One expiry of a timer made with attr, then destroys attr; what its thread
 * was made with goes to seen. */
static void expire_once(pthread_attr_t* attr, struct made_with* seen) {
    memset(seen, 0, sizeof *seen);
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD;
    event.sigev_notify_function = record_attributes;
    event.sigev_notify_attributes = attr;
    event.sigev_value.sival_ptr = seen;
    timer_t timer;
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &event, &timer), 0);
    CHECK_EQ(pthread_attr_destroy(attr), 0); /* the timer keeps its own copy */
    struct itimerspec once = {{0, 0}, {0, 1000000}};
    CHECK_EQ(timer_settime(timer, 0, &once, NULL), 0);
    CHECK(reaches(&seen->done, 1));
    CHECK_EQ(timer_delete(timer), 0);
}

/* The attributes an expiry's thread is made with, as glibc keeps them from
 * sigev_notify_attributes: the guard size and the scheduling, but not the
 * CPU affinity (nor the signal mask: see the mask checks in main). */
static void notification_attributes(void) {
    long page = sysconf(_SC_PAGESIZE);
    /* SCHED_BATCH (which needs no privilege) for this thread, and so for the
     * threads it starts, the timers' helper among them; an expiry's thread
     * made with SCHED_OTHER explicitly then shows it was applied. */
    struct sched_param no_priority = {.sched_priority = 0};
    CHECK_EQ(sched_setscheduler(0, SCHED_BATCH, &no_priority), 0);
    struct made_with seen;
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    expire_once(&attr, &seen);
    CHECK_EQ(seen.guard, (size_t)page); /* the default: one page */

    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setguardsize(&attr, 0), 0);
    expire_once(&attr, &seen);
    CHECK_EQ(seen.guard, 0);

    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setguardsize(&attr, 3 * page), 0);
    expire_once(&attr, &seen);
    CHECK_EQ(seen.guard, (size_t)(3 * page));

    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED), 0);
    CHECK_EQ(pthread_attr_setschedpolicy(&attr, SCHED_OTHER), 0);
    expire_once(&attr, &seen);
    CHECK_EQ(seen.policy, SCHED_OTHER);

    /* An affinity in the attributes is not applied: the thread may run
     * wherever the process may (which shows only with two CPUs or more). */
    cpu_set_t process_cpus;
    CHECK_EQ(sched_getaffinity(0, sizeof process_cpus, &process_cpus), 0);
    int first_cpu = 0;
    while (!CPU_ISSET(first_cpu, &process_cpus)) ++first_cpu;
    cpu_set_t one_cpu;
    CPU_ZERO(&one_cpu);
    CPU_SET(first_cpu, &one_cpu);
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof one_cpu, &one_cpu), 0);
    expire_once(&attr, &seen);
    CHECK_EQ(seen.cpus, CPU_COUNT(&process_cpus));
    CHECK_EQ(sched_setscheduler(0, SCHED_OTHER, &no_priority), 0);
}

int main(void) {
    main_thread = pthread_self();
    notification_attributes();

    /* A signal at expiry. */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_usr1;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    struct sigevent by_signal;
    memset(&by_signal, 0, sizeof by_signal);
    by_signal.sigev_notify = SIGEV_SIGNAL;
    by_signal.sigev_signo = SIGUSR1;
    timer_t signal_timer;
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &by_signal, &signal_timer), 0);
    struct itimerspec once = {{0, 0}, {0, 2000000}};
    CHECK_EQ(timer_settime(signal_timer, 0, &once, NULL), 0);
    for (int i = 0; i < 10000 && !signals_seen; ++i) usleep(1000);
    CHECK_EQ(signals_seen, 1);
    struct itimerspec left;
    CHECK_EQ(timer_gettime(signal_timer, &left), 0);
    CHECK(left.it_value.tv_sec == 0 && left.it_value.tv_nsec == 0); /* disarmed */
    CHECK_EQ(timer_getoverrun(signal_timer), 0);
    CHECK_EQ(timer_delete(signal_timer), 0);
    errno = 0;
    CHECK_EQ(timer_settime(signal_timer, 0, &once, NULL), -1); /* deleted */
    CHECK_EQ(errno, EINVAL);

    /* SIGEV_NONE: nothing is sent; the time left can be read. */
    struct sigevent silent;
    memset(&silent, 0, sizeof silent);
    silent.sigev_notify = SIGEV_NONE;
    timer_t silent_timer;
    CHECK_EQ(timer_create(CLOCK_REALTIME, &silent, &silent_timer), 0);
    struct itimerspec hour = {{0, 0}, {3600, 0}};
    CHECK_EQ(timer_settime(silent_timer, 0, &hour, NULL), 0);
    CHECK_EQ(timer_gettime(silent_timer, &left), 0);
    CHECK(left.it_value.tv_sec > 3500 && left.it_value.tv_sec <= 3600);
    CHECK_EQ(timer_delete(silent_timer), 0);

    /* SIGEV_THREAD: every expiry calls notify on a thread other than main,
     * with the value given, on a stack of the size asked for (32 MiB, more
     * than the 8 MiB default, so only an applied attribute gives it). */
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setstacksize(&attr, 32 << 20), 0);
    timer_t first = thread_timer(&attr, 43);
    CHECK_EQ(pthread_attr_destroy(&attr), 0); /* the timer keeps its own copy */
    timer_t second = thread_timer(NULL, 42);
    CHECK_EQ(timer_settime(first, 0, &every_5ms, NULL), 0);
    CHECK(reaches(&calls, 5));
    CHECK_EQ(timer_settime(second, 0, &every_5ms, NULL), 0);
    CHECK(reaches(&calls, 10));
    CHECK_EQ(timer_delete(first), 0);
    CHECK_EQ(timer_delete(second), 0);
    /* Expiries the helper took before the delete may still call notify
     * afterwards, each from a thread of its own that a loaded machine may
     * start late; so wait until the count has stood still for half a second
     * (at most 10 s), then check that the deleted timers produce no more:
     * at 5 ms, three more periods of each would come in the next 300 ms. */
    int after_delete = atomic_load(&calls);
    for (int still = 0, waited = 0; still < 50 && waited < 1000; ++waited) {
        usleep(10000);
        int now = atomic_load(&calls);
        still = now == after_delete ? still + 1 : 0;
        after_delete = now;
    }
    usleep(300000);
    CHECK_EQ(atomic_load(&calls), after_delete); /* no expiry after timer_delete */
    CHECK_EQ(atomic_load(&calls_on_main), 0);
    CHECK_EQ(atomic_load(&calls_with_wrong_value), 0);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc 2.36's expiry threads keep its helper's mask, every signal but
     * its own blocked; lwp's block none (docs/libc.md, timers). */
    CHECK_EQ(atomic_load(&calls_with_signals_blocked), atomic_load(&calls));
#else
    CHECK_EQ(atomic_load(&calls_with_signals_blocked), 0);
#endif
    CHECK(atomic_load(&largest_stack) >= (size_t)32 << 20);

    /* Refused: lwp's own signal, no function, an unknown clock. */
    timer_t refused;
    by_signal.sigev_signo = 32;
    errno = 0;
#ifdef CHECKING_AGAINST_GLIBC
    /* Signal 32 is lwp's own (docs/posix.md); glibc lets a timer send it. */
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &by_signal, &refused), 0);
    CHECK_EQ(timer_delete(refused), 0);
#else
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &by_signal, &refused), -1);
    CHECK_EQ(errno, EINVAL);
#endif
    struct sigevent no_function;
    memset(&no_function, 0, sizeof no_function);
    no_function.sigev_notify = SIGEV_THREAD;
    errno = 0;
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc takes a null function (the first expiry would call it); lwp
     * refuses it (docs/libc.md, timers). */
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &no_function, &refused), 0);
    CHECK_EQ(timer_delete(refused), 0);
#else
    CHECK_EQ(timer_create(CLOCK_MONOTONIC, &no_function, &refused), -1);
    CHECK_EQ(errno, EINVAL);
#endif
    errno = 0;
    CHECK_EQ(timer_create((clockid_t)12345, &silent, &refused), -1);
    CHECK_EQ(errno, EINVAL);

    /* A forked child has no timers of its parent's and no helper thread:
     * its own thread timer starts one. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        atomic_store(&calls, 0);
        timer_t in_child = thread_timer(NULL, 42);
        if (timer_settime(in_child, 0, &every_5ms, NULL) != 0) _exit(2);
        _exit(reaches(&calls, 3) ? 0 : 3);
    }
    int status = 0;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
