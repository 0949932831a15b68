// lwp_barrier_*: one serial thread per round, rounds in lock-step, reuse,
// and the errno cases.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <vector>

#include "sync_test_support.hpp"

using namespace sync_test;

TEST(SyncBarrier, InputErrors) {
    EXPECT_LE(sizeof(lwp_barrier_t), 32u);
    lwp_barrier_t barrier;
    EXPECT_EQ(EINVAL, lwp_barrier_init(&barrier, nullptr, 0));
    lwp_barrierattr_t attr;
    ASSERT_EQ(0, lwp_barrierattr_init(&attr));
    EXPECT_EQ(ENOTSUP, lwp_barrierattr_setpshared(&attr, LWP_PROCESS_SHARED));
    EXPECT_EQ(EINVAL, lwp_barrierattr_setpshared(&attr, 2));
    EXPECT_EQ(0, lwp_barrierattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
    int pshared = -1;
    EXPECT_EQ(0, lwp_barrierattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    ASSERT_EQ(0, lwp_barrier_init(&barrier, &attr, 1));
    EXPECT_EQ(0, lwp_barrierattr_destroy(&attr));
    // A barrier of one: every call completes a round alone.
    for (int i = 0; i < 3; ++i) EXPECT_EQ(LWP_BARRIER_SERIAL_THREAD, lwp_barrier_wait(&barrier));
    EXPECT_EQ(0, lwp_barrier_destroy(&barrier));
}

TEST(SyncBarrier, DestroyWhileSomeoneWaitsIsBusy) {
    lwp_barrier_t barrier;
    ASSERT_EQ(0, lwp_barrier_init(&barrier, nullptr, 2));
    std::atomic<int> result{-2};
    lwp::thread waiter([&] { result = lwp_barrier_wait(&barrier); });
    // Wait for the arrival (the count is a documented field), then the
    // barrier is in use and cannot be destroyed.
    while (__atomic_load_n(&barrier.arrived, __ATOMIC_ACQUIRE) == 0) pause_briefly();
    EXPECT_EQ(EBUSY, lwp_barrier_destroy(&barrier));
    int mine = lwp_barrier_wait(&barrier);
    waiter.join();
    // Exactly one of the two was serial.
    EXPECT_EQ(1, (mine == LWP_BARRIER_SERIAL_THREAD) + (result == LWP_BARRIER_SERIAL_THREAD));
    EXPECT_EQ(0, mine + result + 1);
    EXPECT_EQ(0, lwp_barrier_destroy(&barrier));
}

// Each round every thread publishes its round number, meets the others, and
// checks that all have published the same round before anyone moves on.
TEST(SyncBarrier, RoundsStayInStepWithOneSerialEach) {
    constexpr int threads = 4, rounds = 2000;
    lwp_barrier_t barrier;
    ASSERT_EQ(0, lwp_barrier_init(&barrier, nullptr, threads));
    std::vector<std::atomic<int>> phase(threads);
    std::vector<std::atomic<int>> serial(2 * rounds);
    std::atomic<int> out_of_step{0}, bad_results{0};
    run_mixed(2, 2, [&](int me) {
        for (int r = 0; r < rounds; ++r) {
            phase[me].store(r, std::memory_order_relaxed);
            int a = lwp_barrier_wait(&barrier);
            for (int other = 0; other < threads; ++other)
                if (phase[other].load(std::memory_order_relaxed) != r) out_of_step.fetch_add(1);
            int b = lwp_barrier_wait(&barrier);  // nobody overwrites phase before all checked
            if (a == LWP_BARRIER_SERIAL_THREAD) serial[2 * r].fetch_add(1);
            else if (a != 0) bad_results.fetch_add(1);
            if (b == LWP_BARRIER_SERIAL_THREAD) serial[2 * r + 1].fetch_add(1);
            else if (b != 0) bad_results.fetch_add(1);
        }
    });
    EXPECT_EQ(0, out_of_step.load());
    EXPECT_EQ(0, bad_results.load());
    int wrong = 0;
    for (auto& s : serial) wrong += s.load() != 1;
    EXPECT_EQ(0, wrong);
    EXPECT_EQ(0, lwp_barrier_destroy(&barrier));
}
