// lwp_sem_*: units conserved under contention, wake-ups, time-outs and the
// errno cases.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>

#include "sync_test_support.hpp"

using namespace sync_test;

TEST(SyncSemaphore, InputErrorsAndLimits) {
    EXPECT_LE(sizeof(lwp_sem_t), 32u);
    lwp_sem_t sem;
    EXPECT_EQ(EINVAL, lwp_sem_init(&sem, 0, 1u + LWP_SEM_VALUE_MAX));
    EXPECT_EQ(0, lwp_sem_init(&sem, 1, 0));  // process-shared
    EXPECT_EQ(0, lwp_sem_destroy(&sem));
    ASSERT_EQ(0, lwp_sem_init(&sem, 0, 0));
    EXPECT_EQ(EAGAIN, lwp_sem_trywait(&sem));
    timespec bad{0, 1000000000L}, past{1, 0}, negative{-3, 0};
    timespec fine = after_ms(CLOCK_MONOTONIC, 1000);
    EXPECT_EQ(EINVAL, lwp_sem_timedwait(&sem, &bad));
    EXPECT_EQ(ETIMEDOUT, lwp_sem_timedwait(&sem, &past));
    EXPECT_EQ(ETIMEDOUT, lwp_sem_timedwait(&sem, &negative));
    EXPECT_EQ(EINVAL, lwp_sem_clockwait(&sem, CLOCK_PROCESS_CPUTIME_ID, &fine));
    EXPECT_EQ(0, lwp_sem_post(&sem));
    int value = -1;
    EXPECT_EQ(0, lwp_sem_getvalue(&sem, &value));
    EXPECT_EQ(1, value);
    EXPECT_EQ(0, lwp_sem_timedwait(&sem, &bad));  // a unit is there: no wait, no check
    EXPECT_EQ(0, lwp_sem_destroy(&sem));

    ASSERT_EQ(0, lwp_sem_init(&sem, 0, LWP_SEM_VALUE_MAX));
    EXPECT_EQ(EOVERFLOW, lwp_sem_post(&sem));
    EXPECT_EQ(0, lwp_sem_getvalue(&sem, &value));
    EXPECT_EQ(LWP_SEM_VALUE_MAX, value);
    EXPECT_EQ(0, lwp_sem_trywait(&sem));
    EXPECT_EQ(0, lwp_sem_post(&sem));
    EXPECT_EQ(EOVERFLOW, lwp_sem_post(&sem));
}

TEST(SyncSemaphore, TimedWaitExpires) {
    lwp_sem_t sem;
    ASSERT_EQ(0, lwp_sem_init(&sem, 0, 0));
    timespec deadline = after_ms(CLOCK_REALTIME, 40);
    EXPECT_EQ(ETIMEDOUT, lwp_sem_timedwait(&sem, &deadline));
    EXPECT_TRUE(reached(CLOCK_REALTIME, deadline));
    deadline = after_ms(CLOCK_MONOTONIC, 40);
    EXPECT_EQ(ETIMEDOUT, lwp_sem_clockwait(&sem, CLOCK_MONOTONIC, &deadline));
    EXPECT_TRUE(reached(CLOCK_MONOTONIC, deadline));
    int value = -1;
    lwp_sem_getvalue(&sem, &value);
    EXPECT_EQ(0, value);
}

TEST(SyncSemaphore, PostWakesSleeper) {
    lwp_sem_t sem;
    ASSERT_EQ(0, lwp_sem_init(&sem, 0, 0));
    std::atomic<int> result{-1};
    lwp::thread waiter([&] { result = lwp_sem_wait(&sem); });
    std::thread foreign_poster([&] { lwp_sem_post(&sem); });
    foreign_poster.join();
    waiter.join();
    EXPECT_EQ(0, result.load());
    int value = -1;
    lwp_sem_getvalue(&sem, &value);
    EXPECT_EQ(0, value);
}

// K units shared by more threads: never more than K holders at once, and all
// K back at the end.
TEST(SyncSemaphore, UnitsAreConserved) {
    constexpr int units = 2, iterations = 20000;
    lwp_sem_t sem;
    ASSERT_EQ(0, lwp_sem_init(&sem, 0, units));
    std::atomic<int> inside{0}, too_many{0}, errors{0};
    run_mixed(2, 2, [&](int index) {
        for (int i = 0; i < iterations; ++i) {
            int error;
            if ((i + index) % 5 == 0) {
                while ((error = lwp_sem_trywait(&sem)) == EAGAIN) {
                }
            } else if ((i + index) % 5 == 1) {
                timespec deadline = after_ms(CLOCK_MONOTONIC, 60000);
                error = lwp_sem_clockwait(&sem, CLOCK_MONOTONIC, &deadline);
            } else {
                error = lwp_sem_wait(&sem);
            }
            if (error) {
                errors.fetch_add(1);
                continue;
            }
            if (inside.fetch_add(1) >= units) too_many.fetch_add(1);
            inside.fetch_sub(1);
            if (lwp_sem_post(&sem)) errors.fetch_add(1);
        }
    });
    EXPECT_EQ(0, too_many.load());
    EXPECT_EQ(0, errors.load());
    int value = -1;
    lwp_sem_getvalue(&sem, &value);
    EXPECT_EQ(units, value);
}

// Producers post one unit per item, consumers wait one unit per item: the
// counts must match exactly and nothing is left over.
TEST(SyncSemaphore, ProducersAndConsumersBalance) {
    constexpr int per_producer = 20000;
    lwp_sem_t items;
    ASSERT_EQ(0, lwp_sem_init(&items, 0, 0));
    std::atomic<long> taken{0};
    run_mixed(2, 2, [&](int index) {
        if (index % 2 == 0) {
            for (int i = 0; i < per_producer; ++i) lwp_sem_post(&items);
        } else {
            for (int i = 0; i < per_producer; ++i)
                if (lwp_sem_wait(&items) == 0) taken.fetch_add(1);
        }
    });
    EXPECT_EQ(2L * per_producer, taken.load());
    int value = -1;
    lwp_sem_getvalue(&items, &value);
    EXPECT_EQ(0, value);
}
