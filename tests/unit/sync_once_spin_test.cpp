// lwp_once (exactly once, everyone waits for it) and lwp_spin_*.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <vector>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {
std::atomic<int> once_runs{0};
std::atomic<int> once_result{0};
void slow_once_routine() {
    once_runs.fetch_add(1);
    // Take a while, so latecomers really have to wait for it.
    for (int i = 0; i < 2000; ++i) lwp::this_thread::yield();
    once_result.store(42, std::memory_order_relaxed);
}
}  // namespace

TEST(SyncOnce, RoutineRunsOnceAndOthersWaitForIt) {
    once_runs = 0;  // (the counters are global: reset for --gtest_repeat)
    once_result = 0;
    EXPECT_EQ(EINVAL, lwp_once(nullptr, slow_once_routine));
    lwp_once_t once = LWP_ONCE_INIT;
    EXPECT_EQ(EINVAL, lwp_once(&once, nullptr));
    std::atomic<int> start{0}, saw_unfinished{0};
    run_mixed(3, 3, [&](int) {
        start.fetch_add(1);
        while (start.load() < 6) {
        }
        lwp_once(&once, slow_once_routine);
        if (once_result.load(std::memory_order_relaxed) != 42) saw_unfinished.fetch_add(1);
    });
    EXPECT_EQ(1, once_runs.load());
    EXPECT_EQ(0, saw_unfinished.load());
    lwp_once(&once, slow_once_routine);
    EXPECT_EQ(1, once_runs.load());
}

TEST(SyncOnce, ManyFlagsUnderContention) {
    constexpr int flags = 500;
    std::vector<lwp_once_t> once(flags, lwp_once_t LWP_ONCE_INIT);
    std::vector<std::atomic<int>> runs(flags);
    // lwp_once's routine takes no argument, so this drives its two halves
    // (begin/commit) directly, with a per-flag counter as the routine.
    std::atomic<int> wrong{0};
    run_mixed(2, 2, [&](int) {
        for (int f = 0; f < flags; ++f) {
            if (lwp_once_begin(&once[f])) {
                runs[f].fetch_add(1);
                lwp_once_commit(&once[f]);
            }
            if (runs[f].load() != 1) wrong.fetch_add(1);
        }
    });
    EXPECT_EQ(0, wrong.load());
    int not_once = 0;
    for (auto& r : runs) not_once += r.load() != 1;
    EXPECT_EQ(0, not_once);
}

TEST(SyncOnce, AbandonLetsAnotherCallerRun) {
    lwp_once_t once = LWP_ONCE_INIT;
    ASSERT_EQ(1, lwp_once_begin(&once));
    lwp_once_abandon(&once);
    ASSERT_EQ(1, lwp_once_begin(&once));
    lwp_once_commit(&once);
    EXPECT_EQ(0, lwp_once_begin(&once));
    EXPECT_EQ(LWP_ONCE_DONE, once.state);
}

TEST(SyncSpin, ErrnoCasesAndExclusion) {
    lwp_spinlock_t lock;
    EXPECT_EQ(EINVAL, lwp_spin_init(&lock, 7));
    ASSERT_EQ(0, lwp_spin_init(&lock, LWP_PROCESS_PRIVATE));
    EXPECT_EQ(EPERM, lwp_spin_unlock(&lock));
    ASSERT_EQ(0, lwp_spin_lock(&lock));
    EXPECT_EQ(EBUSY, lwp_spin_trylock(&lock));
    EXPECT_EQ(EBUSY, lwp_spin_destroy(&lock));
    ASSERT_EQ(0, lwp_spin_unlock(&lock));
    EXPECT_EQ(0, lwp_spin_trylock(&lock));
    EXPECT_EQ(0, lwp_spin_unlock(&lock));
    EXPECT_EQ(0, lwp_spin_destroy(&lock));

    constexpr int iterations = 20000;
    long counter = 0;
    run_mixed(1, 1, [&](int index) {
        for (int i = 0; i < iterations; ++i) {
            if ((i + index) % 3 == 0) {
                while (lwp_spin_trylock(&lock) == EBUSY) {
                }
            } else {
                lwp_spin_lock(&lock);
            }
            long seen = counter;
            counter = seen + 1;
            lwp_spin_unlock(&lock);
        }
    });
    EXPECT_EQ(2L * iterations, counter);
}
