// lwp_mutex_*: kinds, errno cases, timed locking, and exact counting under
// contention from lwp threads and foreign threads together.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

lwp_mutex_t make_mutex(int kind) {
    lwp_mutexattr_t attr;
    lwp_mutexattr_init(&attr);
    lwp_mutexattr_settype(&attr, kind);
    lwp_mutex_t mutex;
    lwp_mutex_init(&mutex, &attr);
    lwp_mutexattr_destroy(&attr);
    return mutex;
}

}  // namespace

TEST(SyncMutex, LayoutMatchesGlibcSlots) {
    EXPECT_EQ(40u, sizeof(lwp_mutex_t));
    EXPECT_EQ(16u, offsetof(lwp_mutex_t, kind));
    lwp_mutex_t recursive = LWP_RECURSIVE_MUTEX_INITIALIZER;
    int kind_at_16;
    std::memcpy(&kind_at_16, reinterpret_cast<char*>(&recursive) + 16, sizeof kind_at_16);
    EXPECT_EQ(LWP_MUTEX_RECURSIVE, kind_at_16);
}

TEST(SyncMutex, AllZeroIsAnUnlockedNormalMutex) {
    lwp_mutex_t mutex;
    std::memset(&mutex, 0, sizeof mutex);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    EXPECT_EQ(EBUSY, lwp_mutex_trylock(&mutex));
    EXPECT_EQ(EBUSY, lwp_mutex_destroy(&mutex));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
}

TEST(SyncMutex, NormalUnlockOfFreeMutexIsEperm) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
}

TEST(SyncMutex, AttributesValidateInput) {
    lwp_mutexattr_t attr;
    ASSERT_EQ(0, lwp_mutexattr_init(&attr));
    int kind = -1;
    ASSERT_EQ(0, lwp_mutexattr_gettype(&attr, &kind));
    EXPECT_EQ(LWP_MUTEX_DEFAULT, kind);
    EXPECT_EQ(EINVAL, lwp_mutexattr_settype(&attr, 7));
    EXPECT_EQ(EINVAL, lwp_mutexattr_settype(&attr, -1));
    EXPECT_EQ(0, lwp_mutexattr_settype(&attr, LWP_MUTEX_ERRORCHECK));
    ASSERT_EQ(0, lwp_mutexattr_gettype(&attr, &kind));
    EXPECT_EQ(LWP_MUTEX_ERRORCHECK, kind);
    int pshared = -1;
    ASSERT_EQ(0, lwp_mutexattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_mutexattr_setpshared(&attr, LWP_PROCESS_SHARED));
    ASSERT_EQ(0, lwp_mutexattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_SHARED, pshared);
    EXPECT_EQ(EINVAL, lwp_mutexattr_setpshared(&attr, 5));
    EXPECT_EQ(0, lwp_mutexattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
    ASSERT_EQ(0, lwp_mutexattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_mutexattr_destroy(&attr));
}

TEST(SyncMutex, ErrorCheckReportsRelockAndForeignUnlock) {
    lwp_mutex_t mutex = make_mutex(LWP_MUTEX_ERRORCHECK);
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));  // not locked at all
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    EXPECT_EQ(EDEADLK, lwp_mutex_lock(&mutex));
    EXPECT_EQ(EBUSY, lwp_mutex_trylock(&mutex));
    EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&mutex); }));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_mutex_trylock(&mutex); }));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
    // Owner identity works on a foreign thread too.
    std::atomic<int> relock{-1}, unlock{-1};
    std::thread foreign([&] {
        lwp_mutex_lock(&mutex);
        relock = lwp_mutex_lock(&mutex);
        unlock = lwp_mutex_unlock(&mutex);
    });
    foreign.join();
    EXPECT_EQ(EDEADLK, relock.load());
    EXPECT_EQ(0, unlock.load());
}

TEST(SyncMutex, RecursiveCountsNest) {
    lwp_mutex_t mutex = make_mutex(LWP_MUTEX_RECURSIVE);
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    ASSERT_EQ(0, lwp_mutex_trylock(&mutex));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_mutex_trylock(&mutex); }));
    EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&mutex); }));
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_mutex_trylock(&mutex); }));
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
    // Now free: another thread takes and releases it.
    EXPECT_EQ(0, on_other_thread([&] {
        int a = lwp_mutex_trylock(&mutex);
        int b = lwp_mutex_unlock(&mutex);
        return a | b;
    }));
}

TEST(SyncMutex, TimedLockExpiresWhileHeldElsewhere) {
    for (clockid_t clock : {CLOCK_REALTIME, CLOCK_MONOTONIC}) {
        lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        std::atomic<int> result{-1};
        std::atomic<bool> after_deadline{false};
        lwp::thread t([&] {
            timespec deadline = after_ms(clock, 50);
            result = clock == CLOCK_REALTIME ? lwp_mutex_timedlock(&mutex, &deadline)
                                             : lwp_mutex_clocklock(&mutex, clock, &deadline);
            after_deadline = reached(clock, deadline);
        });
        t.join();
        EXPECT_EQ(ETIMEDOUT, result.load());
        EXPECT_TRUE(after_deadline.load());
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    }
}

TEST(SyncMutex, TimedLockSucceedsWhenReleasedInTime) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    std::atomic<bool> started{false};
    std::atomic<int> result{-1};
    lwp::thread t([&] {
        started = true;
        timespec deadline = after_ms(CLOCK_MONOTONIC, 60000);
        result = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &deadline);
        if (result == 0) lwp_mutex_unlock(&mutex);
    });
    while (!started) pause_briefly();
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    t.join();
    EXPECT_EQ(0, result.load());
}

TEST(SyncMutex, TimedLockInputErrors) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    timespec bad{0, 1000000000L};
    timespec negative_ns{0, -1};
    timespec past{1, 0};
    timespec negative_sec{-5, 0};
    timespec fine = after_ms(CLOCK_MONOTONIC, 1000);
    // A free mutex is taken without looking at the deadline (POSIX).
    EXPECT_EQ(0, lwp_mutex_timedlock(&mutex, &bad));
    // Held: now the deadline matters.
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_mutex_timedlock(&mutex, &bad); }));
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_mutex_timedlock(&mutex, &negative_ns); }));
    EXPECT_EQ(ETIMEDOUT, on_other_thread([&] { return lwp_mutex_timedlock(&mutex, &past); }));
    EXPECT_EQ(ETIMEDOUT,
              on_other_thread([&] { return lwp_mutex_timedlock(&mutex, &negative_sec); }));
    EXPECT_EQ(ETIMEDOUT, on_other_thread([&] {
                  return lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &past);
              }));
    // A clock lwp cannot wait on is refused even when the lock is free.
    EXPECT_EQ(EINVAL, lwp_mutex_clocklock(&mutex, CLOCK_PROCESS_CPUTIME_ID, &fine));
    EXPECT_EQ(EINVAL, lwp_mutex_clocklock(&mutex, 12345, &fine));
    ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EINVAL, lwp_mutex_clocklock(&mutex, CLOCK_BOOTTIME, &fine));
}

namespace {
// Every thread adds to a plain (non-atomic) counter under the mutex: any lost
// update shows as a wrong total.
void counting_stress(int kind) {
    lwp_mutex_t mutex = make_mutex(kind);
    constexpr int threads = 4, iterations = 50000;
    long counter = 0;
    std::atomic<int> errors{0};
    run_mixed(2, 2, [&](int index) {
        for (int i = 0; i < iterations; ++i) {
            int error;
            if ((i + index) % 7 == 0) {
                while ((error = lwp_mutex_trylock(&mutex)) == EBUSY) {
                }
            } else if ((i + index) % 11 == 0) {
                timespec deadline = after_ms(CLOCK_REALTIME, 60000);
                error = lwp_mutex_timedlock(&mutex, &deadline);
            } else {
                error = lwp_mutex_lock(&mutex);
            }
            if (error) {
                errors.fetch_add(1);
                continue;
            }
            if (kind == LWP_MUTEX_RECURSIVE && lwp_mutex_lock(&mutex) != 0) errors.fetch_add(1);
            long seen = counter;
            counter = seen + 1;
            if (kind == LWP_MUTEX_RECURSIVE && lwp_mutex_unlock(&mutex) != 0) errors.fetch_add(1);
            if (lwp_mutex_unlock(&mutex) != 0) errors.fetch_add(1);
        }
    });
    EXPECT_EQ(0, errors.load());
    EXPECT_EQ(long{threads} * iterations, counter);
    EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
}
}  // namespace

TEST(SyncMutex, NormalStressCountsExactly) { counting_stress(LWP_MUTEX_NORMAL); }
TEST(SyncMutex, RecursiveStressCountsExactly) { counting_stress(LWP_MUTEX_RECURSIVE); }
TEST(SyncMutex, ErrorCheckStressCountsExactly) { counting_stress(LWP_MUTEX_ERRORCHECK); }
