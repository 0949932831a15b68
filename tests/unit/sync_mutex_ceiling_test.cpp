// Priority-ceiling mutexes (LWP_PRIO_PROTECT): the attribute and the ceiling
// calls check their input, the holder really runs at the highest ceiling it
// holds (read back from the kernel) and returns to its own scheduling after,
// a thread above the ceiling or without the right to be raised is refused
// without taking the mutex, and waiting, timeouts, ceiling changes under
// sleepers and condition variables all keep the bookkeeping right.
//
// The kernel's view is read with sched_getscheduler/sched_getparam on the
// calling thread. Raising a thread to SCHED_FIFO needs CAP_SYS_NICE or
// RLIMIT_RTPRIO; tests that raise skip without it (CI runs as root).
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

struct kernel_scheduling {
    int policy;
    int priority;
    bool operator==(const kernel_scheduling&) const = default;
};

// What the kernel runs the calling thread at.
kernel_scheduling own_scheduling() {
    sched_param parameter{};
    sched_getparam(0, &parameter);
    return {sched_getscheduler(0), parameter.sched_priority};
}

void set_own_scheduling(int policy, int priority) {
    sched_param parameter{};
    parameter.sched_priority = priority;
    ASSERT_EQ(0, sched_setscheduler(0, policy, &parameter));
}

// Whether this process may run threads at SCHED_FIFO priority `priority`.
bool may_use_fifo(int priority) {
    return on_other_thread([priority] {
               sched_param parameter{};
               parameter.sched_priority = priority;
               return sched_setscheduler(0, SCHED_FIFO, &parameter) == 0 ? 1 : 0;
           }) == 1;
}

#define REQUIRE_FIFO(priority)                                                          \
    do {                                                                                \
        if (!may_use_fifo(priority)) GTEST_SKIP() << "cannot use SCHED_FIFO " #priority; \
    } while (0)

lwp_mutex_t make_ceiling_mutex(int ceiling, int kind = LWP_MUTEX_NORMAL) {
    lwp_mutexattr_t attr;
    lwp_mutexattr_init(&attr);
    lwp_mutexattr_settype(&attr, kind);
    EXPECT_EQ(0, lwp_mutexattr_setprotocol(&attr, LWP_PRIO_PROTECT));
    if (ceiling != 0) EXPECT_EQ(0, lwp_mutexattr_setprioceiling(&attr, ceiling));
    lwp_mutex_t mutex;
    EXPECT_EQ(0, lwp_mutex_init(&mutex, &attr));
    return mutex;
}

void sleep_ms(long milliseconds) {
    timespec duration{milliseconds / 1000, (milliseconds % 1000) * 1000000L};
    nanosleep(&duration, nullptr);
}

// Runs body on a fresh lwp thread and joins it: each test changes only that
// thread's scheduling, whatever it leaves behind.
template <class Body>
void on_lwp_thread(Body body) {
    lwp::thread thread(body);
    thread.join();
}

}  // namespace

TEST(SyncMutexCeiling, AttributesCheckTheirInput) {
    lwp_mutexattr_t attr;
    ASSERT_EQ(0, lwp_mutexattr_init(&attr));
    ASSERT_EQ(0, lwp_mutexattr_setprotocol(&attr, LWP_PRIO_PROTECT));
    int protocol = -1;
    ASSERT_EQ(0, lwp_mutexattr_getprotocol(&attr, &protocol));
    EXPECT_EQ(LWP_PRIO_PROTECT, protocol);
    // Until set, the ceiling is the lowest SCHED_FIFO priority.
    int ceiling = -1;
    ASSERT_EQ(0, lwp_mutexattr_getprioceiling(&attr, &ceiling));
    EXPECT_EQ(sched_get_priority_min(SCHED_FIFO), ceiling);
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprioceiling(&attr, sched_get_priority_min(SCHED_FIFO) - 1));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprioceiling(&attr, sched_get_priority_max(SCHED_FIFO) + 1));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprioceiling(&attr, -1));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprioceiling(nullptr, 5));
    EXPECT_EQ(EINVAL, lwp_mutexattr_getprioceiling(&attr, nullptr));
    ASSERT_EQ(0, lwp_mutexattr_setprioceiling(&attr, sched_get_priority_max(SCHED_FIFO)));
    ASSERT_EQ(0, lwp_mutexattr_setprioceiling(&attr, 7));
    ASSERT_EQ(0, lwp_mutexattr_getprioceiling(&attr, &ceiling));
    EXPECT_EQ(7, ceiling);
    // The packed fields stay apart.
    ASSERT_EQ(0, lwp_mutexattr_setpshared(&attr, LWP_PROCESS_SHARED));
    ASSERT_EQ(0, lwp_mutexattr_settype(&attr, LWP_MUTEX_RECURSIVE));
    int shared = -1, kind = -1;
    ASSERT_EQ(0, lwp_mutexattr_getpshared(&attr, &shared));
    ASSERT_EQ(0, lwp_mutexattr_gettype(&attr, &kind));
    ASSERT_EQ(0, lwp_mutexattr_getprioceiling(&attr, &ceiling));
    EXPECT_EQ(LWP_PROCESS_SHARED, shared);
    EXPECT_EQ(LWP_MUTEX_RECURSIVE, kind);
    EXPECT_EQ(7, ceiling);
    // One word cannot be robust and have a ceiling.
    ASSERT_EQ(0, lwp_mutexattr_setrobust(&attr, LWP_MUTEX_ROBUST));
    lwp_mutex_t mutex;
    EXPECT_EQ(ENOTSUP, lwp_mutex_init(&mutex, &attr));
}

TEST(SyncMutexCeiling, CeilingCallsCheckTheirInput) {
    lwp_mutex_t plain = LWP_MUTEX_INITIALIZER;
    int ceiling = -1;
    EXPECT_EQ(EINVAL, lwp_mutex_getprioceiling(&plain, &ceiling));
    EXPECT_EQ(EINVAL, lwp_mutex_setprioceiling(&plain, 5, nullptr));
    lwp_mutex_t mutex = make_ceiling_mutex(0);
    ASSERT_EQ(0, lwp_mutex_getprioceiling(&mutex, &ceiling));
    EXPECT_EQ(sched_get_priority_min(SCHED_FIFO), ceiling);
    EXPECT_EQ(EINVAL, lwp_mutex_getprioceiling(&mutex, nullptr));
    EXPECT_EQ(EINVAL, lwp_mutex_setprioceiling(&mutex, 0, nullptr));
    EXPECT_EQ(EINVAL, lwp_mutex_setprioceiling(&mutex, 100, nullptr));
    EXPECT_EQ(EINVAL, lwp_mutex_setprioceiling(nullptr, 5, nullptr));
    int old = -1;
    ASSERT_EQ(0, lwp_mutex_setprioceiling(&mutex, 9, &old));
    EXPECT_EQ(sched_get_priority_min(SCHED_FIFO), old);
    ASSERT_EQ(0, lwp_mutex_getprioceiling(&mutex, &ceiling));
    EXPECT_EQ(9, ceiling);
    // Setting it needs no privilege: the caller runs no critical section.
    EXPECT_EQ(0, lwp_mutex_setprioceiling(&mutex, 9, nullptr));
    // The word is never 0: the plain protocol's compare-exchange fails on it.
    EXPECT_NE(0, mutex.state);
    EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
}

TEST(SyncMutexCeiling, TimeSharingHolderRunsFifoAtTheCeilingThenReturns) {
    REQUIRE_FIFO(5);
    on_lwp_thread([] {
        const kernel_scheduling base = own_scheduling();
        ASSERT_EQ(SCHED_OTHER, base.policy);
        lwp_mutex_t mutex = make_ceiling_mutex(5);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 5}), own_scheduling());
        EXPECT_EQ(EBUSY, lwp_mutex_destroy(&mutex));
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        EXPECT_EQ(base, own_scheduling());
        EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));  // not locked at all
        EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
    });
}

TEST(SyncMutexCeiling, TheHighestHeldCeilingWinsInAnyUnlockOrder) {
    REQUIRE_FIFO(8);
    on_lwp_thread([] {
        set_own_scheduling(SCHED_FIFO, 4);
        lwp_mutex_t m6 = make_ceiling_mutex(6), m8 = make_ceiling_mutex(8),
                    m5 = make_ceiling_mutex(5);
        ASSERT_EQ(0, lwp_mutex_lock(&m6));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 6}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_trylock(&m8));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 8}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_lock(&m5));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 8}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&m8));  // the highest, from the middle
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 6}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&m6));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 5}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&m5));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 4}), own_scheduling());
    });
}

TEST(SyncMutexCeiling, RoundRobinThreadsStayRoundRobin) {
    REQUIRE_FIFO(7);
    on_lwp_thread([] {
        set_own_scheduling(SCHED_RR, 3);
        lwp_mutex_t mutex = make_ceiling_mutex(7);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        EXPECT_EQ((kernel_scheduling{SCHED_RR, 7}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        EXPECT_EQ((kernel_scheduling{SCHED_RR, 3}), own_scheduling());
    });
}

TEST(SyncMutexCeiling, AThreadAboveTheCeilingIsRefused) {
    REQUIRE_FIFO(10);
    on_lwp_thread([] {
        set_own_scheduling(SCHED_FIFO, 10);
        lwp_mutex_t mutex = make_ceiling_mutex(5);
        EXPECT_EQ(EINVAL, lwp_mutex_lock(&mutex));
        EXPECT_EQ(EINVAL, lwp_mutex_trylock(&mutex));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 10}), own_scheduling());
        // Not taken: the word is the ceiling (bits 19 and up) over a free
        // lock, and no owner is named.
        EXPECT_EQ(5 << 19, mutex.state);
        EXPECT_EQ(0, mutex.owner);
        // Its ceiling raised to the thread's priority, the mutex is fine.
        ASSERT_EQ(0, lwp_mutex_setprioceiling(&mutex, 10, nullptr));
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 10}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
}

// Without CAP_SYS_NICE and with RLIMIT_RTPRIO 0, a thread may not be raised
// into SCHED_FIFO: the lock fails with the kernel's EPERM and takes nothing.
// Run in a child process that gives up root first.
TEST(SyncMutexCeiling, AThreadThatMayNotBeRaisedIsRefused) {
    static lwp_mutex_t mutex;
    mutex = make_ceiling_mutex(5);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        rlimit no_realtime{0, 0};
        if (setrlimit(RLIMIT_RTPRIO, &no_realtime) != 0) _exit(10);
        if (geteuid() == 0 && setresuid(65534, 65534, 65534) != 0) _exit(11);
        const kernel_scheduling before = own_scheduling();
        if (lwp_mutex_lock(&mutex) != EPERM) _exit(12);
        if (lwp_mutex_trylock(&mutex) != EPERM) _exit(13);
        if (!(own_scheduling() == before)) _exit(14);
        // Not held: the unlock is refused, and a ceiling change (which takes
        // the word without the protocol) does not wait.
        if (lwp_mutex_unlock(&mutex) != EPERM) _exit(15);
        if (lwp_mutex_setprioceiling(&mutex, 6, nullptr) != 0) _exit(16);
        _exit(0);
    }
    int status = 0;
    ASSERT_EQ(child, waitpid(child, &status, 0));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(SyncMutexCeiling, KindsKeepTheirRulesAndTheRaiseFollowsTheOutermostUnlock) {
    REQUIRE_FIFO(6);
    on_lwp_thread([] {
        const kernel_scheduling base = own_scheduling();
        lwp_mutex_t recursive = make_ceiling_mutex(6, LWP_MUTEX_RECURSIVE);
        ASSERT_EQ(0, lwp_mutex_lock(&recursive));
        ASSERT_EQ(0, lwp_mutex_trylock(&recursive));
        ASSERT_EQ(0, lwp_mutex_lock(&recursive));
        ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
        ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 6}), own_scheduling());
        EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&recursive); }));
        ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
        EXPECT_EQ(base, own_scheduling());

        lwp_mutex_t checking = make_ceiling_mutex(6, LWP_MUTEX_ERRORCHECK);
        ASSERT_EQ(0, lwp_mutex_lock(&checking));
        EXPECT_EQ(EDEADLK, lwp_mutex_lock(&checking));
        EXPECT_EQ(EBUSY, lwp_mutex_trylock(&checking));
        ASSERT_EQ(0, lwp_mutex_unlock(&checking));
        EXPECT_EQ(EPERM, lwp_mutex_unlock(&checking));

        // Even the normal kind knows its holder: a stranger's unlock would
        // lower the wrong thread.
        lwp_mutex_t normal = make_ceiling_mutex(6);
        ASSERT_EQ(0, lwp_mutex_lock(&normal));
        EXPECT_EQ(EBUSY, lwp_mutex_trylock(&normal));
        EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&normal); }));
        timespec soon = after_ms(CLOCK_REALTIME, 20);
        EXPECT_EQ(ETIMEDOUT, lwp_mutex_timedlock(&normal, &soon));  // the deadlock, bounded
        ASSERT_EQ(0, lwp_mutex_unlock(&normal));
        EXPECT_EQ(base, own_scheduling());
    });
}

TEST(SyncMutexCeiling, ATimedOutWaiterReturnsToItsOwnPriority) {
    REQUIRE_FIFO(6);
    lwp_mutex_t mutex = make_ceiling_mutex(6);
    std::atomic<bool> held{false}, done{false};
    lwp::thread holder([&] {
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        held.store(true);
        while (!done.load()) sleep_ms(1);
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
    while (!held.load()) pause_briefly();
    on_lwp_thread([&] {
        const kernel_scheduling base = own_scheduling();
        for (clockid_t clock : {CLOCK_REALTIME, CLOCK_MONOTONIC}) {
            timespec deadline = after_ms(clock, 30);
            EXPECT_EQ(ETIMEDOUT, lwp_mutex_clocklock(&mutex, clock, &deadline));
            EXPECT_TRUE(reached(clock, deadline));
            EXPECT_EQ(base, own_scheduling());
        }
        timespec past{0, 0};
        EXPECT_EQ(ETIMEDOUT, lwp_mutex_timedlock(&mutex, &past));
        timespec bad{0, 1000000000L};
        EXPECT_EQ(EINVAL, lwp_mutex_timedlock(&mutex, &bad));
        EXPECT_EQ(base, own_scheduling());
    });
    done.store(true);
    holder.join();
}

// Four threads (each raised while it holds the lock) add to one counter
// under contention: nothing is lost, and every one ends at its own priority.
TEST(SyncMutexCeiling, ContendedLockingLosesNothing) {
    REQUIRE_FIFO(3);
    lwp_mutex_t mutex = make_ceiling_mutex(3);
    long counter = 0;
    std::atomic<int> at_base{0};
    run_mixed(3, 1, [&](int) {
        const kernel_scheduling base = own_scheduling();
        for (int i = 0; i < 20000; ++i) {
            ASSERT_EQ(0, lwp_mutex_lock(&mutex));
            ++counter;
            if (i % 64 == 0) lwp_yield();  // let the others pile up behind it
            ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        }
        if (own_scheduling() == base) at_base.fetch_add(1);
    });
    EXPECT_EQ(4 * 20000, counter);
    EXPECT_EQ(4, at_base.load());
    EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
}

// A waiter asleep on the word when the holder changes the ceiling is woken,
// gives up the raise it made for the old ceiling and takes the mutex at the
// new one.
TEST(SyncMutexCeiling, ACeilingChangeUnderASleeperReraisesIt) {
    REQUIRE_FIFO(9);
    lwp_mutex_t mutex = make_ceiling_mutex(4);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));  // the test's own thread, raised to 4 meanwhile
    std::atomic<bool> waiting{false};
    kernel_scheduling while_held{};
    lwp::thread waiter([&] {
        waiting.store(true);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        while_held = own_scheduling();
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
    while (!waiting.load()) pause_briefly();
    sleep_ms(20);  // let it fall asleep on the word
    int old = -1;
    ASSERT_EQ(0, lwp_mutex_setprioceiling(&mutex, 9, &old));  // the holder changes it in place
    EXPECT_EQ(4, old);
    EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 9}), own_scheduling());
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(SCHED_OTHER, own_scheduling().policy);
    waiter.join();
    EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 9}), while_held);
}

// A condition-variable wait frees the mutex (and the raise) while it sleeps
// and takes both back before it returns.
TEST(SyncMutexCeiling, ConditionWaitDropsAndRetakesTheRaise) {
    REQUIRE_FIFO(6);
    lwp_mutex_t mutex = make_ceiling_mutex(6);
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    bool ready = false;
    std::atomic<int> waiter_tid{0};
    kernel_scheduling after_wait{};
    lwp::thread waiter([&] {
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        waiter_tid.store(lwp_gettid());
        while (!ready) ASSERT_EQ(0, lwp_cond_wait(&cond, &mutex));
        after_wait = own_scheduling();
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
    while (waiter_tid.load() == 0) pause_briefly();
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));  // the waiter has freed it: it is in the wait
    // It lowers itself just after it frees the word: give it a moment.
    bool lowered = false;
    for (int i = 0; i < 5000 && !lowered; ++i) {
        lowered = sched_getscheduler(waiter_tid.load()) == SCHED_OTHER;
        if (!lowered) sleep_ms(1);
    }
    EXPECT_TRUE(lowered);
    ready = true;
    ASSERT_EQ(0, lwp_cond_signal(&cond));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    waiter.join();
    EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 6}), after_wait);
    EXPECT_EQ(SCHED_OTHER, own_scheduling().policy);
}

namespace {

// What a thread created now sees as its scheduling when it first runs.
kernel_scheduling child_start_scheduling_lwp_create() {
    static kernel_scheduling seen;
    lwp_t child;
    EXPECT_EQ(0, lwp_create(
                     &child, nullptr,
                     [](void*) -> void* {
                         seen = own_scheduling();
                         return nullptr;
                     },
                     nullptr));
    EXPECT_EQ(0, lwp_join(child, nullptr));
    return seen;
}

kernel_scheduling child_start_scheduling_lwp_thread() {
    kernel_scheduling seen{};
    lwp::thread child([&] { seen = own_scheduling(); });
    child.join();
    return seen;
}

}  // namespace

// The kernel copies the creator's scheduling at clone, raise included; the
// new thread must start at its creator's own (base) scheduling instead, as
// POSIX has it inherit, whichever way it is created.
TEST(SyncMutexCeiling, AThreadCreatedWhileRaisedStartsAtItsCreatorsBase) {
    REQUIRE_FIFO(7);
    on_lwp_thread([] {
        const kernel_scheduling base = own_scheduling();
        ASSERT_EQ(SCHED_OTHER, base.policy);
        lwp_mutex_t mutex = make_ceiling_mutex(6);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        ASSERT_EQ((kernel_scheduling{SCHED_FIFO, 6}), own_scheduling());
        EXPECT_EQ(base, child_start_scheduling_lwp_create());
        EXPECT_EQ(base, child_start_scheduling_lwp_thread());
        // The creator stays raised.
        EXPECT_EQ((kernel_scheduling{SCHED_FIFO, 6}), own_scheduling());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));

        // A real-time base too, and not only the policy.
        set_own_scheduling(SCHED_RR, 2);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        ASSERT_EQ((kernel_scheduling{SCHED_RR, 6}), own_scheduling());
        EXPECT_EQ((kernel_scheduling{SCHED_RR, 2}), child_start_scheduling_lwp_create());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        // Unraised, the child simply has the creator's scheduling.
        EXPECT_EQ((kernel_scheduling{SCHED_RR, 2}), child_start_scheduling_lwp_create());

        // With SCHED_RESET_ON_FORK, what an unraised creator's child gets:
        // a real-time policy reset to SCHED_OTHER, a time-sharing one kept
        // (here SCHED_BATCH, which the raise's reset would have lost), never
        // the flag itself.
        set_own_scheduling(SCHED_RR | SCHED_RESET_ON_FORK, 2);
        const kernel_scheduling unraised_rr = child_start_scheduling_lwp_create();
        EXPECT_EQ((kernel_scheduling{SCHED_OTHER, 0}), unraised_rr);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        EXPECT_EQ(unraised_rr, child_start_scheduling_lwp_create());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        set_own_scheduling(SCHED_BATCH | SCHED_RESET_ON_FORK, 0);
        const kernel_scheduling unraised_batch = child_start_scheduling_lwp_create();
        EXPECT_EQ((kernel_scheduling{SCHED_BATCH, 0}), unraised_batch);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        ASSERT_EQ((kernel_scheduling{SCHED_FIFO | SCHED_RESET_ON_FORK, 6}), own_scheduling());
        EXPECT_EQ(unraised_batch, child_start_scheduling_lwp_create());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
}

// The same from a thread lwp did not create (its record is in lwp's TLS).
TEST(SyncMutexCeiling, AThreadCreatedByARaisedForeignThreadStartsAtItsBase) {
    REQUIRE_FIFO(5);
    kernel_scheduling base{}, child{};
    std::thread foreign([&] {
        base = own_scheduling();
        lwp_mutex_t mutex = make_ceiling_mutex(5);
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        child = child_start_scheduling_lwp_create();
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    });
    foreign.join();
    EXPECT_EQ(SCHED_OTHER, base.policy);
    EXPECT_EQ(base, child);
}
