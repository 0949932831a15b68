/* The glibc attribute extensions: a CPU affinity and a signal mask chosen in
 * the attr and in force from the new thread's start, and the process-wide
 * default attributes a NULL attr stands for. Exit 77 (skipped) if the process
 * may run on one CPU only, after everything that does not need two. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

/* A number from /proc/self/status ("Threads:", "VmData:"). */
static long status_field(const char* name) {
    char text[4096];
    int fd = open("/proc/self/status", O_RDONLY);
    CHECK(fd >= 0);
    ssize_t length = read(fd, text, sizeof text - 1);
    close(fd);
    CHECK(length > 0);
    text[length] = '\0';
    char* at = strstr(text, name);
    CHECK(at != NULL);
    return strtol(at + strlen(name), NULL, 10);
}

/* ---- affinity ---- */

static cpu_set_t seen_affinity;
static int seen_cpu;
static unsigned seen_getcpu = 12345;
static void* record_affinity(void* argument) {
    (void)argument;
    CHECK_EQ(sched_getaffinity(0, sizeof seen_affinity, &seen_affinity), 0);
    seen_cpu = sched_getcpu();
    unsigned node = 12345;
    CHECK_EQ(getcpu(&seen_getcpu, &node), 0);
    CHECK(node != 12345); /* written: some NUMA node */
    return NULL;
}

static volatile int routine_ran;
static void* must_not_run(void* argument) {
    (void)argument;
    routine_ran = 1;
    return NULL;
}

static void check_affinity_attr(void) {
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    /* None stored: every CPU. */
    unsigned char all[16];
    memset(all, 0, sizeof all);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof all, (cpu_set_t*)all), 0);
    for (size_t i = 0; i < sizeof all; ++i) CHECK_EQ(all[i], 0xff);

    /* Round trip, into buffers of other sizes. */
    cpu_set_t set, got;
    CPU_ZERO(&set);
    CPU_SET(1, &set);
    CPU_SET(3, &set);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof set, &set), 0);
    memset(&got, 0xff, sizeof got);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof got, &got), 0);
    CHECK(CPU_EQUAL(&got, &set));
    unsigned long word = 0; /* smaller than the stored set, whose rest is empty */
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof word, (cpu_set_t*)&word), 0);
    CHECK_EQ(word, (1ul << 1) | (1ul << 3));
    size_t big_size = CPU_ALLOC_SIZE(4096);
    cpu_set_t* big = CPU_ALLOC(4096);
    memset(big, 0xff, big_size); /* the bytes past the stored set become 0 */
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, big_size, big), 0);
    CHECK_EQ(CPU_COUNT_S(big_size, big), 2);
    CHECK(CPU_ISSET_S(1, big_size, big) && CPU_ISSET_S(3, big_size, big));
    /* A CPU past the caller's buffer: EINVAL. */
    CPU_SET(100, &set);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof set, &set), 0);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof word, (cpu_set_t*)&word), EINVAL);
    /* The attr keeps its own copy. */
    CPU_ZERO(&set);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof got, &got), 0);
    CHECK(CPU_ISSET(100, &got));
    /* Cleared by a NULL set or a size of 0. (Through a volatile pointer: the
     * header marks the set non-null, which glibc does not require.) */
    cpu_set_t* volatile no_set = NULL;
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof set, no_set), 0);
    memset(all, 0, sizeof all);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof all, (cpu_set_t*)all), 0);
    CHECK_EQ(all[0], 0xff);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof set, &got), 0);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, 0, &got), 0);
    memset(all, 0, sizeof all);
    CHECK_EQ(pthread_attr_getaffinity_np(&attr, sizeof all, (cpu_set_t*)all), 0);
    CHECK_EQ(all[15], 0xff);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CPU_FREE(big);
}

/* A set the kernel refuses: pthread_create fails with EINVAL, the routine
 * never runs and no thread is left behind, joinable or detached alike. */
static void check_refused_affinity(int detach_state) {
    size_t size = CPU_ALLOC_SIZE(4096);
    cpu_set_t* nowhere = CPU_ALLOC(4096);
    CPU_ZERO_S(size, nowhere);
    CPU_SET_S(4095, size, nowhere);
    CHECK_EQ(sched_setaffinity(0, size, nowhere), -1); /* no such CPU here */
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setdetachstate(&attr, detach_state), 0);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, size, nowhere), 0);
    long threads = status_field("Threads:");
    pthread_t thread = (pthread_t)12345;
    for (int i = 0; i < 20; ++i) CHECK_EQ(pthread_create(&thread, &attr, must_not_run, NULL), EINVAL);
#ifndef CHECKING_AGAINST_GLIBC
    /* lwp leaves *thread alone when pthread_create fails; glibc has written
     * the refused thread's handle there (docs/posix.md, pthread_create). */
    CHECK(thread == (pthread_t)12345);
#endif
    /* A refused thread ends at once, but the kernel may list it for a moment
     * after it has let go of its memory: wait for that, however long. */
    while (status_field("Threads:") != threads) sched_yield();
    CHECK_EQ(routine_ran, 0);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CPU_FREE(nowhere);
}

static volatile int may_return;
static volatile int running;
static void* wait_to_be_seen(void* argument) {
    __atomic_store_n(&running, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&may_return, __ATOMIC_ACQUIRE)) sched_yield();
    return argument;
}

/* Returns 0 if the process may run on one CPU only (nothing to observe). */
static int check_affinity_applied(void) {
    cpu_set_t process;
    CHECK_EQ(sched_getaffinity(0, sizeof process, &process), 0);
    if (CPU_COUNT(&process) < 2) return 0;
    int chosen = -1;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &process)) chosen = cpu; /* the last one */
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(chosen, &one);
    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof one, &one), 0);
    for (int i = 0; i < 10; ++i) {
        pthread_t thread;
        CPU_ZERO(&seen_affinity);
        seen_cpu = -1;
        CHECK_EQ(pthread_create(&thread, &attr, record_affinity, NULL), 0);
        CHECK_EQ(pthread_join(thread, NULL), 0);
        CHECK(CPU_EQUAL(&seen_affinity, &one));
        CHECK_EQ(seen_cpu, chosen);
        CHECK_EQ((int)seen_getcpu, chosen);
    }
    CHECK_EQ(pthread_attr_destroy(&attr), 0);

    /* pthread_getattr_np reports a thread's affinity as it is: the one CPU of
     * a thread created with it, and the whole process mask for main. */
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setaffinity_np(&attr, sizeof one, &one), 0);
    __atomic_store_n(&may_return, 0, __ATOMIC_RELAXED);
    pthread_t held;
    CHECK_EQ(pthread_create(&held, &attr, wait_to_be_seen, NULL), 0);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    pthread_attr_t reported;
    cpu_set_t reported_set;
    CHECK_EQ(pthread_getattr_np(held, &reported), 0);
    CHECK_EQ(pthread_attr_getaffinity_np(&reported, sizeof reported_set, &reported_set), 0);
    CHECK(CPU_EQUAL(&reported_set, &one));
    CHECK_EQ(pthread_attr_destroy(&reported), 0);
    __atomic_store_n(&may_return, 1, __ATOMIC_RELEASE);
    CHECK_EQ(pthread_join(held, NULL), 0);
    CHECK_EQ(pthread_getattr_np(pthread_self(), &reported), 0);
    CHECK_EQ(pthread_attr_getaffinity_np(&reported, sizeof reported_set, &reported_set), 0);
    CHECK(CPU_EQUAL(&reported_set, &process));
    CHECK_EQ(pthread_attr_destroy(&reported), 0);
    /* The creator's own affinity is untouched. */
    cpu_set_t after;
    CHECK_EQ(sched_getaffinity(0, sizeof after, &after), 0);
    CHECK(CPU_EQUAL(&after, &process));
    return 1;
}

/* pthread_attr_destroy frees the copy: a leak would grow the heap by 20 MiB. */
static void check_affinity_freed(void) {
    size_t size = CPU_ALLOC_SIZE(8192); /* 1 KiB */
    cpu_set_t* set = CPU_ALLOC(8192);
    CPU_ZERO_S(size, set);
    CPU_SET_S(0, size, set);
    long before = status_field("VmData:");
    for (int i = 0; i < 10000; ++i) {
        pthread_attr_t attr;
        CHECK_EQ(pthread_attr_init(&attr), 0);
        CHECK_EQ(pthread_attr_setaffinity_np(&attr, size, set), 0);
        CHECK_EQ(pthread_attr_setaffinity_np(&attr, size, set), 0); /* replaces */
        CHECK_EQ(pthread_attr_destroy(&attr), 0);
    }
    CHECK(status_field("VmData:") - before < 4096L); /* kB */
    CPU_FREE(set);
}

/* ---- signal mask ---- */

static sigset_t seen_mask;
static void* record_mask(void* argument) {
    (void)argument;
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, NULL, &seen_mask), 0);
    return NULL;
}

static pthread_t sent_to_whom;
static volatile sig_atomic_t usr2_handled;
static void usr2_handler(int signal) {
    (void)signal;
    sent_to_whom = pthread_self();
    usr2_handled = 1;
}

static volatile int child_ready, signal_sent;
static void* hold_usr2_blocked(void* argument) {
    (void)argument;
    __atomic_store_n(&child_ready, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&signal_sent, __ATOMIC_ACQUIRE)) sched_yield();
    /* Had SIGUSR2 been open here, the handler would have run here, on the
     * way out of a system call, since the signal was sent. */
    CHECK_EQ(usr2_handled, 0);
    return NULL;
}

static void check_mask_equal(const sigset_t* actual, const sigset_t* expected) {
    for (int signal = 1; signal < 65; ++signal)
        if (signal != SIGKILL && signal != SIGSTOP)
            CHECK_EQ(sigismember(actual, signal), sigismember(expected, signal));
}

static void check_sigmask(void) {
    sigset_t creator, child, got, before, after;
    sigemptyset(&creator);
    sigaddset(&creator, SIGUSR1);
    CHECK_EQ(pthread_sigmask(SIG_SETMASK, &creator, &before), 0);

    pthread_attr_t attr;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    sigfillset(&got);
    CHECK_EQ(pthread_attr_getsigmask_np(&attr, &got), PTHREAD_ATTR_NO_SIGMASK_NP);
    sigemptyset(&child);
    sigaddset(&child, SIGUSR2);
    sigaddset(&child, SIGRTMIN + 3);
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, &child), 0);
    sigemptyset(&got);
    CHECK_EQ(pthread_attr_getsigmask_np(&attr, &got), 0);
    check_mask_equal(&got, &child);

    /* The child runs under the attr's mask; the creator's is as it was. */
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, &attr, record_mask, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    check_mask_equal(&seen_mask, &child);
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, NULL, &after), 0);
    check_mask_equal(&after, &creator);

    /* Cleared: the child inherits the creator's mask again. */
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, NULL), 0);
    CHECK_EQ(pthread_attr_getsigmask_np(&attr, &got), PTHREAD_ATTR_NO_SIGMASK_NP);
    CHECK_EQ(pthread_create(&thread, &attr, record_mask, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    check_mask_equal(&seen_mask, &creator);

    /* A signal sent to the process while only the child could take it, were
     * it not for the child's mask, stays pending; the creator, which had
     * SIGUSR2 open when it created the child, takes it once it opens it. */
    struct sigaction action = {0};
    action.sa_handler = usr2_handler;
    sigemptyset(&action.sa_mask);
    CHECK_EQ(sigaction(SIGUSR2, &action, NULL), 0);
    sigemptyset(&child);
    sigaddset(&child, SIGUSR2);
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, &child), 0);
    CHECK_EQ(pthread_create(&thread, &attr, hold_usr2_blocked, NULL), 0);
    while (!__atomic_load_n(&child_ready, __ATOMIC_ACQUIRE)) sched_yield();
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, &child, NULL), 0);
    CHECK_EQ(kill(getpid(), SIGUSR2), 0);
    __atomic_store_n(&signal_sent, 1, __ATOMIC_RELEASE);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(usr2_handled, 0);
    CHECK_EQ(pthread_sigmask(SIG_UNBLOCK, &child, NULL), 0);
    CHECK_EQ(usr2_handled, 1);
    CHECK(pthread_equal(sent_to_whom, pthread_self()));

    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    CHECK_EQ(pthread_sigmask(SIG_SETMASK, &before, NULL), 0);
}

/* ---- default attributes ---- */


/* The stack size and guard pthread_getattr_np reports for a running thread
 * created with attr. */
static void stack_of_thread(const pthread_attr_t* attr, size_t* stack, size_t* guard) {
    pthread_t thread;
    __atomic_store_n(&running, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&may_return, 0, __ATOMIC_RELAXED);
    CHECK_EQ(pthread_create(&thread, attr, wait_to_be_seen, NULL), 0);
    while (!__atomic_load_n(&running, __ATOMIC_ACQUIRE)) sched_yield();
    pthread_attr_t seen;
    CHECK_EQ(pthread_getattr_np(thread, &seen), 0);
    CHECK_EQ(pthread_attr_getstacksize(&seen, stack), 0);
    CHECK_EQ(pthread_attr_getguardsize(&seen, guard), 0);
    CHECK_EQ(pthread_attr_destroy(&seen), 0);
    __atomic_store_n(&may_return, 1, __ATOMIC_RELEASE);
    CHECK_EQ(pthread_join(thread, NULL), 0);
}

static void check_defaults(void) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    pthread_attr_t attr;
    size_t size = 0, guard = 0;
    sigset_t mask;
    CHECK_EQ(pthread_getattr_default_np(&attr), 0);
    CHECK_EQ(pthread_attr_getstacksize(&attr, &size), 0);
    size_t built_in = size;
    CHECK(built_in >= (size_t)PTHREAD_STACK_MIN);
    CHECK_EQ(pthread_attr_getguardsize(&attr, &guard), 0);
    CHECK_EQ(guard, page);
    CHECK_EQ(pthread_attr_getsigmask_np(&attr, &mask), PTHREAD_ATTR_NO_SIGMASK_NP);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);

    /* A different stack size and guard, as an explicit attr would give. */
    size_t chosen = built_in == 256 * 1024 ? 384 * 1024 : 256 * 1024;
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_setstacksize(&attr, chosen), 0);
    CHECK_EQ(pthread_attr_setguardsize(&attr, 3 * page), 0);
    size_t explicit_stack, explicit_guard;
    stack_of_thread(&attr, &explicit_stack, &explicit_guard);
    CHECK_EQ(pthread_setattr_default_np(&attr), 0);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    size_t null_stack, null_guard;
    stack_of_thread(NULL, &null_stack, &null_guard);
    CHECK_EQ(null_guard, 3 * page);
    CHECK_EQ(null_stack, explicit_stack);
    CHECK(null_stack >= chosen && null_stack < built_in);
    CHECK_EQ(pthread_getattr_default_np(&attr), 0);
    CHECK_EQ(pthread_attr_getstacksize(&attr, &size), 0);
    CHECK_EQ(size, chosen);
    CHECK_EQ(pthread_attr_getguardsize(&attr, &guard), 0);
    CHECK_EQ(guard, 3 * page);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
    /* An attr with no stack size of its own uses the default one too. */
    CHECK_EQ(pthread_attr_init(&attr), 0);
    CHECK_EQ(pthread_attr_getstacksize(&attr, &size), 0);
    CHECK_EQ(size, chosen);

    /* Stack size 0 (none set) leaves the default stack size alone; the
     * guard goes back to one page. A mask in the defaults applies to
     * NULL-attr threads. */
    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, &hup), 0);
    CHECK_EQ(pthread_setattr_default_np(&attr), 0);
    stack_of_thread(NULL, &null_stack, &null_guard);
    /* (A thread that sets its own mask keeps a few bytes of setup at its
     * stack's top: not quite the explicit attr's size.) */
    CHECK(null_stack >= chosen && null_stack <= explicit_stack);
    CHECK_EQ(null_guard, page);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, record_mask, NULL), 0);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    CHECK_EQ(sigismember(&seen_mask, SIGHUP), 1);

    /* Invalid: a stack address, a destroyed attr. Nothing changes. */
    static char stack_area[256 * 1024];
    pthread_attr_t with_stack;
    CHECK_EQ(pthread_attr_init(&with_stack), 0);
    CHECK_EQ(pthread_attr_setstack(&with_stack, stack_area, sizeof stack_area), 0);
    CHECK_EQ(pthread_setattr_default_np(&with_stack), EINVAL);
    CHECK_EQ(pthread_attr_destroy(&with_stack), 0);
    CHECK_EQ(pthread_setattr_default_np(&with_stack), EINVAL);
    CHECK_EQ(pthread_getattr_default_np(&with_stack), 0);
    CHECK_EQ(pthread_attr_getsigmask_np(&with_stack, &mask), 0);
    CHECK_EQ(sigismember(&mask, SIGHUP), 1);
    CHECK_EQ(pthread_attr_destroy(&with_stack), 0);

    /* Back to no mask for the rest of the program. */
    CHECK_EQ(pthread_attr_setsigmask_np(&attr, NULL), 0);
    CHECK_EQ(pthread_setattr_default_np(&attr), 0);
    CHECK_EQ(pthread_attr_destroy(&attr), 0);
}

int main(void) {
    check_affinity_attr();
    check_refused_affinity(PTHREAD_CREATE_JOINABLE);
    check_refused_affinity(PTHREAD_CREATE_DETACHED);
    check_affinity_freed();
    check_sigmask();
    check_defaults();
    if (!check_affinity_applied()) {
        static const char message[] = "one CPU only: creation-time affinity not observable\n";
        (void)!write(2, message, sizeof message - 1);
        return 77;
    }
    return 0;
}
