// Priority-inheritance mutexes (LWP_PRIO_INHERIT): the futex word (the owner
// field) holds the owner's tid as the kernel's PI futexes require, every kind keeps its rules, waits
// time out on both clocks, a condition variable works over one, and a holder
// really runs at its highest waiter's priority while that waiter sleeps.
#include <gtest/gtest.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <vector>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

lwp_mutex_t make_inheriting_mutex(int kind) {
    lwp_mutexattr_t attr;
    lwp_mutexattr_init(&attr);
    lwp_mutexattr_settype(&attr, kind);
    EXPECT_EQ(0, lwp_mutexattr_setprotocol(&attr, LWP_PRIO_INHERIT));
    lwp_mutex_t mutex;
    lwp_mutex_init(&mutex, &attr);
    lwp_mutexattr_destroy(&attr);
    return mutex;
}

// The futex word of a priority-inheritance mutex: its owner field.
int word_of(lwp_mutex_t& mutex) {
    return std::atomic_ref<int>(mutex.owner).load(std::memory_order_relaxed);
}

}  // namespace

TEST(SyncMutexPi, ProtocolAttributeValidatesInput) {
    lwp_mutexattr_t attr;
    ASSERT_EQ(0, lwp_mutexattr_init(&attr));
    int protocol = -1;
    ASSERT_EQ(0, lwp_mutexattr_getprotocol(&attr, &protocol));
    EXPECT_EQ(LWP_PRIO_NONE, protocol);
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprotocol(&attr, 3));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprotocol(&attr, -1));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setprotocol(nullptr, LWP_PRIO_INHERIT));
    EXPECT_EQ(EINVAL, lwp_mutexattr_getprotocol(&attr, nullptr));
    ASSERT_EQ(0, lwp_mutexattr_getprotocol(&attr, &protocol));
    EXPECT_EQ(LWP_PRIO_NONE, protocol);  // failed calls changed nothing
    ASSERT_EQ(0, lwp_mutexattr_setprotocol(&attr, LWP_PRIO_INHERIT));
    ASSERT_EQ(0, lwp_mutexattr_getprotocol(&attr, &protocol));
    EXPECT_EQ(LWP_PRIO_INHERIT, protocol);
    // The type is kept apart from the protocol.
    ASSERT_EQ(0, lwp_mutexattr_settype(&attr, LWP_MUTEX_RECURSIVE));
    int kind = -1;
    ASSERT_EQ(0, lwp_mutexattr_gettype(&attr, &kind));
    EXPECT_EQ(LWP_MUTEX_RECURSIVE, kind);
    ASSERT_EQ(0, lwp_mutexattr_getprotocol(&attr, &protocol));
    EXPECT_EQ(LWP_PRIO_INHERIT, protocol);
}

TEST(SyncMutexPi, TheWordHoldsTheOwnersTid) {
    lwp_mutex_t mutex = make_inheriting_mutex(LWP_MUTEX_NORMAL);
    EXPECT_EQ(0, word_of(mutex));
    // The 0/1/2 word is never free, so the ordinary lock path never takes it.
    EXPECT_NE(0, mutex.state);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    EXPECT_EQ(lwp_gettid(), word_of(mutex));
    EXPECT_EQ(EBUSY, lwp_mutex_destroy(&mutex));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_mutex_trylock(&mutex); }));
    EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&mutex); }));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(0, word_of(mutex));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
    ASSERT_EQ(0, lwp_mutex_trylock(&mutex));
    EXPECT_EQ(lwp_gettid(), word_of(mutex));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_NE(0, mutex.state);
    EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
}

TEST(SyncMutexPi, KindsKeepTheirRules) {
    lwp_mutex_t checking = make_inheriting_mutex(LWP_MUTEX_ERRORCHECK);
    ASSERT_EQ(0, lwp_mutex_lock(&checking));
    EXPECT_EQ(EDEADLK, lwp_mutex_lock(&checking));
    EXPECT_EQ(EBUSY, lwp_mutex_trylock(&checking));
    ASSERT_EQ(0, lwp_mutex_unlock(&checking));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&checking));

    lwp_mutex_t recursive = make_inheriting_mutex(LWP_MUTEX_RECURSIVE);
    ASSERT_EQ(0, lwp_mutex_lock(&recursive));
    ASSERT_EQ(0, lwp_mutex_lock(&recursive));
    ASSERT_EQ(0, lwp_mutex_trylock(&recursive));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_mutex_trylock(&recursive); }));
    ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
    ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
    EXPECT_EQ(lwp_gettid(), word_of(recursive));  // one level still held
    ASSERT_EQ(0, lwp_mutex_unlock(&recursive));
    EXPECT_EQ(0, word_of(recursive));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&recursive));
}

namespace {

// Whether the kernel can wait for a PI futex against CLOCK_MONOTONIC
// (FUTEX_LOCK_PI2, Linux 5.14; valgrind does not know it either): takes a free
// word of our own and gives it back.
bool kernel_has_monotonic_pi_waits() {
    int word = 0;
    if (syscall(SYS_futex, &word, FUTEX_LOCK_PI2 | FUTEX_PRIVATE_FLAG, 0, nullptr) != 0)
        return false;
    syscall(SYS_futex, &word, FUTEX_UNLOCK_PI | FUTEX_PRIVATE_FLAG);
    return true;
}

}  // namespace

TEST(SyncMutexPi, TimedLocksExpireOnBothClocksWhileHeldElsewhere) {
    lwp_mutex_t mutex = make_inheriting_mutex(LWP_MUTEX_NORMAL);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    const bool monotonic_works = kernel_has_monotonic_pi_waits();
    for (clockid_t clock : {CLOCK_REALTIME, CLOCK_MONOTONIC}) {
        // Without FUTEX_LOCK_PI2 a monotonic deadline cannot be kept: EINVAL.
        const int expected = clock == CLOCK_MONOTONIC && !monotonic_works ? EINVAL : ETIMEDOUT;
        int result = on_other_thread([&] {
            timespec deadline = after_ms(clock, 30);
            int error = clock == CLOCK_REALTIME ? lwp_mutex_timedlock(&mutex, &deadline)
                                                : lwp_mutex_clocklock(&mutex, clock, &deadline);
            return error == expected && (error != ETIMEDOUT || reached(clock, deadline))
                       ? 0 : error + 1000;
        });
        EXPECT_EQ(0, result) << "clock " << clock;
    }
    // A bad deadline is refused only once the call would wait.
    timespec bad{0, 1000000000L};
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_mutex_timedlock(&mutex, &bad); }));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(0, lwp_mutex_timedlock(&mutex, &bad));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
}

TEST(SyncMutexPi, ANormalMutexRelockedByItsHolderDeadlocksUntilTheDeadline) {
    lwp_mutex_t mutex = make_inheriting_mutex(LWP_MUTEX_NORMAL);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    timespec deadline = after_ms(CLOCK_MONOTONIC, 30);
    EXPECT_EQ(ETIMEDOUT, lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &deadline));
    EXPECT_TRUE(reached(CLOCK_MONOTONIC, deadline));
    EXPECT_EQ(lwp_gettid(), word_of(mutex));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
}

TEST(SyncMutexPi, CountsExactlyUnderContentionAndSleepersSetTheWaitersBit) {
    lwp_mutex_t mutex = make_inheriting_mutex(LWP_MUTEX_NORMAL);
    // First: a sleeper behind a holder is visible in the word.
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    std::atomic<bool> got_it{false};
    lwp::thread sleeper([&] {
        lwp_mutex_lock(&mutex);
        got_it.store(true);
        lwp_mutex_unlock(&mutex);
    });
    while ((word_of(mutex) & FUTEX_WAITERS) == 0) pause_briefly();
    EXPECT_EQ(lwp_gettid(), word_of(mutex) & FUTEX_TID_MASK);
    EXPECT_FALSE(got_it.load());
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));  // through FUTEX_UNLOCK_PI
    sleeper.join();
    EXPECT_TRUE(got_it.load());
    EXPECT_EQ(0, word_of(mutex));

    // Then: lwp threads and std::threads hammering it lose no increment.
    constexpr int per_thread = 20000;
    long counter = 0;
    run_mixed(2, 2, [&](int) {
        for (int i = 0; i < per_thread; ++i) {
            lwp_mutex_lock(&mutex);
            ++counter;
            lwp_mutex_unlock(&mutex);
        }
    });
    EXPECT_EQ(4L * per_thread, counter);
    EXPECT_EQ(0, word_of(mutex));
}

TEST(SyncMutexPi, ConditionVariableWaitsReleaseAndRetakeIt) {
    for (int kind : {LWP_MUTEX_NORMAL, LWP_MUTEX_RECURSIVE}) {
        lwp_mutex_t mutex = make_inheriting_mutex(kind);
        lwp_cond_t cond = LWP_COND_INITIALIZER;
        int waiting = 0, woken = 0;
        bool go = false;
        constexpr int waiters = 4;
        std::atomic<int> wrong_owner{0};
        std::vector<lwp::thread> threads;
        for (int i = 0; i < waiters; ++i)
            threads.emplace_back([&] {
                lwp_mutex_lock(&mutex);
                if (kind == LWP_MUTEX_RECURSIVE) lwp_mutex_lock(&mutex);
                ++waiting;
                while (!go) lwp_cond_wait(&cond, &mutex);
                if ((word_of(mutex) & FUTEX_TID_MASK) != lwp_gettid()) wrong_owner.fetch_add(1);
                ++woken;
                if (kind == LWP_MUTEX_RECURSIVE) lwp_mutex_unlock(&mutex);
                lwp_mutex_unlock(&mutex);
            });
        for (;;) {
            lwp_mutex_lock(&mutex);
            if (waiting == waiters) break;
            lwp_mutex_unlock(&mutex);
            pause_briefly();
        }
        go = true;
        lwp_cond_broadcast(&cond);
        lwp_mutex_unlock(&mutex);
        for (auto& thread : threads) thread.join();
        EXPECT_EQ(waiters, woken) << "kind " << kind;
        EXPECT_EQ(0, wrong_owner.load()) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex));
    }
}

namespace {

// The scheduling priority the kernel runs a thread at now, lent priority
// included: field 18 of /proc/self/task/<tid>/stat, -1 - rt_priority for a
// real-time thread.
int effective_priority(int tid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
    FILE* file = std::fopen(path, "r");
    if (!file) return 1000;
    char text[1024] = {};
    size_t length = std::fread(text, 1, sizeof text - 1, file);
    std::fclose(file);
    text[length] = '\0';
    const char* after_name = std::strrchr(text, ')');  // the name may hold spaces
    if (!after_name) return 1000;
    int field = 2, value = 1000;
    for (const char* at = after_name + 1; *at != '\0'; ++at) {
        if (*at != ' ') continue;
        if (++field == 18) {
            value = std::atoi(at + 1);
            break;
        }
    }
    return value;
}

bool make_self_real_time(int priority) {
    sched_param parameter{};
    parameter.sched_priority = priority;
    return sched_setscheduler(0, SCHED_FIFO, &parameter) == 0;  // 0: the calling thread
}

void wait_until(std::atomic<int>& flag, int value) {
    while (flag.load() < value) pause_briefly();
}

}  // namespace

TEST(SyncMutexPi, TheHolderRunsAtItsHighestWaitersPriority) {
    constexpr int low = 10, high = 30;
    {
        // Only a privileged process may make real-time threads.
        std::atomic<int> allowed{-1};
        lwp::thread probe([&] { allowed.store(make_self_real_time(low) ? 1 : 0); });
        probe.join();
        if (allowed.load() != 1) GTEST_SKIP() << "SCHED_FIFO not permitted here";
    }
    lwp_mutex_t mutex = make_inheriting_mutex(LWP_MUTEX_NORMAL);
    std::atomic<int> holder_tid{0}, holder_step{0}, main_step{0};
    lwp::thread holder([&] {
        make_self_real_time(low);
        holder_tid.store(lwp_gettid());
        lwp_mutex_lock(&mutex);
        holder_step.store(1);
        wait_until(main_step, 1);  // a waiter of higher priority queues meanwhile
        lwp_mutex_unlock(&mutex);
        holder_step.store(2);
        wait_until(main_step, 2);
    });
    wait_until(holder_step, 1);
    const int tid = holder_tid.load();
    EXPECT_EQ(-1 - low, effective_priority(tid));
    lwp::thread waiter([&] {
        make_self_real_time(high);
        lwp_mutex_lock(&mutex);
        lwp_mutex_unlock(&mutex);
    });
    // The kernel lends the waiter's priority as it queues it: poll for it,
    // bounded (the machine may be slow to run the waiter at all).
    int lent = effective_priority(tid);
    for (int tries = 0; tries < 5000 && lent != -1 - high; ++tries) {
        usleep(1000);
        lent = effective_priority(tid);
    }
    EXPECT_EQ(-1 - high, lent);
    main_step.store(1);
    wait_until(holder_step, 2);
    EXPECT_EQ(-1 - low, effective_priority(tid));  // given back at the unlock
    main_step.store(2);
    waiter.join();
    holder.join();
    EXPECT_EQ(0, word_of(mutex));
}
