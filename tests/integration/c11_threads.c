/* C11 <threads.h> in a freestanding program: the parts glibc's own C11 tests
 * (tests/glibc) leave unchecked or check loosely.
 *
 *   join result   thrd_join gives the start function's int, or thrd_exit's,
 *                 negative ones included (the int travels as a pointer)
 *   identity      thrd_current in the thread equals the handle thrd_create gave
 *   mtx_init      only the four C11 types are accepted
 *   mtx_trylock   thrd_busy on a mutex another thread holds
 *   timeouts      a past deadline gives thrd_timedout (mtx_timedlock,
 *                 cnd_timedwait), not thrd_error, and cnd_timedwait relocks
 *   tss           the destructor runs at thread exit with the stored value
 *   thrd_sleep    0 slept, -1 and the remaining time when a signal handler
 *                 interrupts it, another negative value for a bad duration
 *   call_once     one run across threads, its effect seen by every caller
 *
 * No assertion depends on how long anything takes. */
#include <signal.h>
#include <stdatomic.h>
#include <threads.h>
#include <time.h>

#include "check.h"

/* ------------------------------------------------------------ join result */

static int return_argument(void* argument) { return (int)(long)argument; }

static void exit_with(int result) { thrd_exit(result); }

static int exit_from_a_callee(void* argument) {
    exit_with((int)(long)argument);
    return 0; /* not reached: thrd_exit does not return */
}

static int join(thrd_t thread) {
    int result = 12345;
    CHECK_EQ(thrd_join(thread, &result), thrd_success);
    return result;
}

static void check_join_results(void) {
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, return_argument, (void*)42L), thrd_success);
    CHECK_EQ(join(thread), 42);
    CHECK_EQ(thrd_create(&thread, return_argument, (void*)-7L), thrd_success);
    CHECK_EQ(join(thread), -7);
    CHECK_EQ(thrd_create(&thread, exit_from_a_callee, (void*)-3L), thrd_success);
    CHECK_EQ(join(thread), -3);
    CHECK_EQ(thrd_create(&thread, exit_from_a_callee, (void*)9L), thrd_success);
    CHECK_EQ(join(thread), 9);
    /* A NULL result is allowed. */
    CHECK_EQ(thrd_create(&thread, return_argument, (void*)1L), thrd_success);
    CHECK_EQ(thrd_join(thread, NULL), thrd_success);
}

/* --------------------------------------------------------------- identity */

static thrd_t seen_by_thread;

static int record_current(void* unused) {
    (void)unused;
    seen_by_thread = thrd_current();
    return 0;
}

static void check_identity(void) {
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, record_current, NULL), thrd_success);
    CHECK_EQ(join(thread), 0);
    CHECK(thrd_equal(seen_by_thread, thread));
    CHECK(!thrd_equal(seen_by_thread, thrd_current()));
}

/* --------------------------------------------------------------- mtx_init */

static void check_mutex_types(void) {
    static const int valid[] = {mtx_plain, mtx_timed, mtx_plain | mtx_recursive,
                                mtx_timed | mtx_recursive};
    for (unsigned i = 0; i < sizeof valid / sizeof valid[0]; ++i) {
        mtx_t mutex;
        CHECK_EQ(mtx_init(&mutex, valid[i]), thrd_success);
        CHECK_EQ(mtx_lock(&mutex), thrd_success);
        CHECK_EQ(mtx_unlock(&mutex), thrd_success);
        mtx_destroy(&mutex);
    }
    static const int invalid[] = {4, -1, mtx_timed | mtx_recursive | 4, 8};
    for (unsigned i = 0; i < sizeof invalid / sizeof invalid[0]; ++i) {
        mtx_t mutex;
        CHECK_EQ(mtx_init(&mutex, invalid[i]), thrd_error);
    }

    /* The recursive types lock again in the owner; the plain one does not. */
    mtx_t recursive;
    CHECK_EQ(mtx_init(&recursive, mtx_recursive), thrd_success);
    CHECK_EQ(mtx_lock(&recursive), thrd_success);
    CHECK_EQ(mtx_trylock(&recursive), thrd_success);
    CHECK_EQ(mtx_unlock(&recursive), thrd_success);
    CHECK_EQ(mtx_unlock(&recursive), thrd_success);
    mtx_destroy(&recursive);
}

/* -------------------------------------------- trylock and past deadlines */

static mtx_t held;

static int try_held(void* unused) {
    (void)unused;
    return mtx_trylock(&held);
}

static int timedlock_held(void* unused) {
    (void)unused;
    struct timespec past = {0, 0}; /* 1970: long gone on TIME_UTC */
    return mtx_timedlock(&held, &past);
}

static void check_busy_and_timeouts(void) {
    CHECK_EQ(mtx_init(&held, mtx_timed), thrd_success);
    CHECK_EQ(mtx_lock(&held), thrd_success);
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, try_held, NULL), thrd_success);
    CHECK_EQ(join(thread), thrd_busy);
    CHECK_EQ(thrd_create(&thread, timedlock_held, NULL), thrd_success);
    CHECK_EQ(join(thread), thrd_timedout);
    CHECK_EQ(mtx_unlock(&held), thrd_success);
    /* Free again: the other thread takes it (and ends holding it; it is
     * not used afterwards). */
    CHECK_EQ(thrd_create(&thread, try_held, NULL), thrd_success);
    CHECK_EQ(join(thread), thrd_success);

    mtx_t mutex;
    cnd_t cond;
    CHECK_EQ(mtx_init(&mutex, mtx_timed), thrd_success);
    CHECK_EQ(cnd_init(&cond), thrd_success);
    CHECK_EQ(mtx_lock(&mutex), thrd_success);
    struct timespec past;
    CHECK_EQ(timespec_get(&past, TIME_UTC), TIME_UTC);
    past.tv_sec -= 1;
    CHECK_EQ(cnd_timedwait(&cond, &mutex, &past), thrd_timedout);
    /* Relocked on return, as after a wakeup: the unlock succeeds. */
    CHECK_EQ(mtx_unlock(&mutex), thrd_success);
    cnd_destroy(&cond);
    mtx_destroy(&mutex);
}

/* ---------------------------------------------- condition variable handoff */

static mtx_t handoff_mutex;
static cnd_t handoff_cond;
static int handoff_value;

static int hand_over(void* value) {
    mtx_lock(&handoff_mutex);
    handoff_value = (int)(long)value;
    cnd_signal(&handoff_cond);
    mtx_unlock(&handoff_mutex);
    return 0;
}

static void check_handoff(void) {
    CHECK_EQ(mtx_init(&handoff_mutex, mtx_plain), thrd_success);
    CHECK_EQ(cnd_init(&handoff_cond), thrd_success);
    CHECK_EQ(mtx_lock(&handoff_mutex), thrd_success);
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, hand_over, (void*)5L), thrd_success);
    while (handoff_value == 0) CHECK_EQ(cnd_wait(&handoff_cond, &handoff_mutex), thrd_success);
    CHECK_EQ(handoff_value, 5);
    CHECK_EQ(mtx_unlock(&handoff_mutex), thrd_success);
    CHECK_EQ(join(thread), 0);
}

/* -------------------------------------------------------------------- tss */

static tss_t slot;
static int slot_value_of_returning_thread, slot_value_of_exiting_thread;
static void* destroyed[4];
static atomic_int destructor_runs;

static void record_destruction(void* value) {
    destroyed[atomic_fetch_add(&destructor_runs, 1)] = value;
}

static int store_and_return(void* unused) {
    (void)unused;
    CHECK_EQ(tss_set(slot, &slot_value_of_returning_thread), thrd_success);
    CHECK(tss_get(slot) == &slot_value_of_returning_thread);
    return 0;
}

static int store_and_exit(void* unused) {
    (void)unused;
    CHECK_EQ(tss_set(slot, &slot_value_of_exiting_thread), thrd_success);
    exit_with(0);
    return 1;
}

static int store_nothing(void* unused) {
    (void)unused;
    CHECK(tss_get(slot) == NULL);
    return 0;
}

static void check_tss(void) {
    CHECK_EQ(tss_create(&slot, record_destruction), thrd_success);
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, store_and_return, NULL), thrd_success);
    CHECK_EQ(join(thread), 0);
    CHECK_EQ(atomic_load(&destructor_runs), 1);
    CHECK(destroyed[0] == &slot_value_of_returning_thread);
    CHECK_EQ(thrd_create(&thread, store_and_exit, NULL), thrd_success);
    CHECK_EQ(join(thread), 0);
    CHECK_EQ(atomic_load(&destructor_runs), 2);
    CHECK(destroyed[1] == &slot_value_of_exiting_thread);
    /* No value, no destructor call. */
    CHECK_EQ(thrd_create(&thread, store_nothing, NULL), thrd_success);
    CHECK_EQ(join(thread), 0);
    CHECK_EQ(atomic_load(&destructor_runs), 2);
    tss_delete(slot);
}

/* ------------------------------------------------------------- thrd_sleep */

static atomic_int interruptions;
static atomic_int sleeper_done;
static struct timespec sleeper_remaining;

static void count_interruption(int signal_number) {
    (void)signal_number;
    atomic_fetch_add(&interruptions, 1);
}

/* Asks for far longer than the test can take: it only ends early. */
static int sleep_long(void* unused) {
    (void)unused;
    struct timespec duration = {1000, 0};
    int result = thrd_sleep(&duration, &sleeper_remaining);
    atomic_store(&sleeper_done, 1);
    return result;
}

static void check_sleep(void) {
    struct timespec short_duration = {0, 1000000};
    CHECK_EQ(thrd_sleep(&short_duration, NULL), 0);
    struct timespec invalid = {0, 2000000000L};
    int result = thrd_sleep(&invalid, NULL);
    CHECK(result < 0 && result != -1);

    /* No SA_RESTART: a handler interrupts the sleep instead of resuming it. */
    struct sigaction action = {0};
    action.sa_handler = count_interruption;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    thrd_t sleeper;
    CHECK_EQ(thrd_create(&sleeper, sleep_long, NULL), thrd_success);
    /* A signal that lands before the sleep starts interrupts nothing, so
     * keep sending until the sleep has ended. */
    struct timespec pause_between = {0, 10000000};
    while (!atomic_load(&sleeper_done)) {
        CHECK_EQ(pthread_kill(sleeper, SIGUSR1), 0);
        thrd_sleep(&pause_between, NULL);
    }
    CHECK_EQ(join(sleeper), -1);
    CHECK(atomic_load(&interruptions) > 0);
    CHECK(sleeper_remaining.tv_sec <= 1000);
    CHECK(sleeper_remaining.tv_sec > 0 || sleeper_remaining.tv_nsec > 0);
}

/* -------------------------------------------------------------- call_once */

enum { once_callers = 8 };
static once_flag once = ONCE_FLAG_INIT;
static atomic_int once_runs;
static int once_effect;
static atomic_int start_gate;

static void run_once(void) {
    atomic_fetch_add(&once_runs, 1);
    /* Give the other callers time to arrive and wait: yielding, not a
     * timed assertion. */
    for (int i = 0; i < 100; ++i) thrd_yield();
    once_effect = 1;
}

static int call_run_once(void* unused) {
    (void)unused;
    while (!atomic_load(&start_gate)) thrd_yield();
    call_once(&once, run_once);
    return once_effect; /* every caller returns after the run has ended */
}

static void check_call_once(void) {
    thrd_t callers[once_callers];
    for (int i = 0; i < once_callers; ++i)
        CHECK_EQ(thrd_create(&callers[i], call_run_once, NULL), thrd_success);
    atomic_store(&start_gate, 1);
    for (int i = 0; i < once_callers; ++i) CHECK_EQ(join(callers[i]), 1);
    call_once(&once, run_once);
    CHECK_EQ(atomic_load(&once_runs), 1);
}

/* ------------------------------------------------------------------ detach */

static int return_zero(void* unused) {
    (void)unused;
    return 0;
}

static void check_detach(void) {
    thrd_t thread;
    CHECK_EQ(thrd_create(&thread, return_zero, NULL), thrd_success);
    CHECK_EQ(thrd_detach(thread), thrd_success);
    /* Detached: no longer joinable, whether it has ended yet or not. */
    CHECK_EQ(thrd_join(thread, NULL), thrd_error);
}

int main(void) {
    check_join_results();
    check_identity();
    check_mutex_types();
    check_busy_and_timeouts();
    check_handoff();
    check_tss();
    check_sleep();
    check_call_once();
    check_detach();
    return 0;
}
