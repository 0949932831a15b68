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
    int pshared = -1;
    EXPECT_EQ(0, lwp_barrierattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_barrierattr_setpshared(&attr, LWP_PROCESS_SHARED));
    EXPECT_EQ(0, lwp_barrierattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_SHARED, pshared);
    EXPECT_EQ(EINVAL, lwp_barrierattr_setpshared(&attr, 2));
    EXPECT_EQ(0, lwp_barrierattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
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

// POSIX lets more threads than the count use a barrier at once: the extra
// ones belong to a later round. Six threads on a barrier of two: a thread
// may only return once its round is full, so returns never outnumber the
// arrivals that completed rounds; one caller per round is the serial one; and
// no arrival is lost to the reset of a round (its round would never fill).
// Six threads share the two processors, so a thread is often preempted in
// the middle of its arrival.
TEST(SyncBarrier, MoreThreadsThanTheCountWaitForALaterRound) {
    constexpr unsigned int count = 2;
    constexpr long rounds_wanted = 500000;
    lwp_barrier_t barrier;
    ASSERT_EQ(0, lwp_barrier_init(&barrier, nullptr, count));
    std::atomic<long> entered{0}, returned{0}, serial{0}, early{0};
    constexpr int workers = 6;
    std::atomic<int> finished{0};
    auto wait_once = [&] {
        entered.fetch_add(1);
        if (lwp_barrier_wait(&barrier) == LWP_BARRIER_SERIAL_THREAD) serial.fetch_add(1);
        // Every return belongs to a full round, and every arrival of a full
        // round counted itself in `entered` first.
        long returns = returned.fetch_add(1) + 1;
        if (returns > entered.load() / count * count) early.fetch_add(1);
    };
    std::thread helper([&] {
        // Once all workers but one have left for good, the last is either
        // leaving too or the first arrival of a round nobody else will join:
        // this thread completes that round (the count is a documented field).
        while (finished.load() < workers) {
            if (finished.load() == workers - 1 &&
                __atomic_load_n(&barrier.arrived, __ATOMIC_ACQUIRE) == 1)
                wait_once();
            else
                pause_briefly();
        }
    });
    run_mixed(workers - 2, 2, [&](int) {
        while (serial.load() < rounds_wanted) wait_once();
        finished.fetch_add(1);
    });
    helper.join();
    EXPECT_EQ(0, early.load());
    EXPECT_EQ(0, entered.load() % count);
    EXPECT_EQ(entered.load() / count, serial.load());
    EXPECT_GE(serial.load(), rounds_wanted);
    EXPECT_EQ(0, lwp_barrier_destroy(&barrier));
}
