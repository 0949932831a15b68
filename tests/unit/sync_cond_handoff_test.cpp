// The condition variable's hand-off spin (condition_variable.cpp): which
// waits watch the word in user space, and that destroy waits for a woken
// watcher before the memory may go.
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <thread>
#include <vector>

#include "runtime/sync/spin_policy.hpp"
#include "runtime/sys/syscalls.hpp"
#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

unsigned int watchers(lwp_cond_t& cond) {
    return std::atomic_ref<unsigned int>(cond.watchers).load(std::memory_order_relaxed);
}

unsigned int sequence(lwp_cond_t& cond) {
    return std::atomic_ref<unsigned int>(cond.sequence).load(std::memory_order_relaxed);
}

// Busy threads, one more than there are CPUs here, so that waiters are
// preempted at arbitrary points, in the middle of their spin included.
class cpu_hogs {
public:
    cpu_hogs() {
        for (int i = 0; i < 3; ++i)
            hogs_.emplace_back([this] {
                while (!stop_.load(std::memory_order_relaxed)) {
                }
            });
    }
    ~cpu_hogs() {
        stop_ = true;
        for (auto& hog : hogs_) hog.join();
    }

private:
    std::atomic<bool> stop_{false};
    std::vector<std::thread> hogs_;
};

// Makes every hand-off watch last until its answer comes, however late the
// partner is scheduled (a loaded machine), and restores the bound after.
class endless_watch {
public:
    endless_watch() : saved_(lwp::sync::handoff_spin_full_ticks) {
        lwp::sync::handoff_spin_full_ticks = std::uint64_t{1} << 40;  // minutes
    }
    ~endless_watch() { lwp::sync::handoff_spin_full_ticks = saved_; }

private:
    std::uint64_t saved_;
};

// Strict alternation as in BM_condvar_pingpong: each side hands the turn over,
// signals and waits, all under the mutex. The side whose turn it is counts
// the watchers while the partner waits, and returns how many turns saw the
// partner watching.
int turns_that_saw_a_watcher(int rounds) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int turn = 0;
    std::atomic<int> seen_watching{0};
    run_mixed(1, 1, [&](int me) {
        lwp_mutex_lock(&mutex);
        for (int i = 0; i < rounds; ++i) {
            while (turn != me) lwp_cond_wait(&cond, &mutex);
            if (watchers(cond) != 0) seen_watching.fetch_add(1);
            turn = 1 - me;
            lwp_cond_signal(&cond);
        }
        lwp_mutex_unlock(&mutex);
    });
    EXPECT_EQ(0u, watchers(cond));
    return seen_watching.load();
}

}  // namespace

// A wait that does not follow a signal sleeps at once: nobody is counted as
// watching while it is blocked.
TEST(SyncCondHandoff, AWaitWithoutAHandOffDoesNotWatch) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    bool ready = false;
    lwp::thread waiter([&] {
        lwp_mutex_lock(&mutex);
        while (!ready) lwp_cond_wait(&cond, &mutex);
        lwp_mutex_unlock(&mutex);
    });
    // The waiter has joined (bit 0) and released the mutex.
    while ((sequence(cond) & 1) == 0) pause_briefly();
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    unsigned int most = 0;
    for (int sample = 0; sample < 100000; ++sample) most = std::max(most, watchers(cond));
    ready = true;
    lwp_cond_signal(&cond);
    lwp_mutex_unlock(&mutex);
    waiter.join();
    EXPECT_EQ(0u, most);
}

// A side's signal finds the partner waiting (it released the mutex in its
// wait, after setting the bit), so the wait that follows watches, and it
// lasts until the answer, which comes only after the partner has looked.
// At most three turns see nobody watching: each side's first (the other side
// may not have handed anything over yet) and the very last (the other side
// has finished and does not wait again).
TEST(SyncCondHandoff, AWaitRightAfterASignalWatchesUntilItsAnswer) {
    if (lwp::sys::processors_available() < 2) GTEST_SKIP() << "one processor: nothing watches";
    constexpr int rounds = 2000;
    endless_watch endless;
    int seen = turns_that_saw_a_watcher(rounds);
    EXPECT_GE(seen, 2 * rounds - 3) << "of " << 2 * rounds << " turns";
}

// With one processor the partner cannot answer while we watch: no wait
// watches. A fresh process (the threadsafe death-test style re-runs the
// binary) pinned to one processor before its first hand-off.
TEST(SyncCondHandoffDeathTest, OnOneProcessorNoWaitWatches) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(sched_getcpu(), &one);
            if (sched_setaffinity(0, sizeof one, &one) != 0) std::_Exit(2);
            endless_watch endless;
            std::_Exit(turns_that_saw_a_watcher(200) == 0 ? 0 : 1);
        },
        testing::ExitedWithCode(0), "");
}

// The condition variable lives alone in a page that the signaller unmaps
// right after signal + destroy, while the woken partner may still be in its
// spin (it signalled just before waiting, so it watches). CPU hogs preempt
// the partner at arbitrary points. If destroy did not wait for the watcher,
// its next read would hit the unmapped page and kill the test.
TEST(SyncCondHandoff, DestroyWaitsForAWatcherBeforeTheMemoryGoes) {
    constexpr int rounds = 2000;
    cpu_hogs hogs;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    int turn = 0;
    for (int round = 0; round < rounds; ++round) {
        void* page = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        ASSERT_NE(MAP_FAILED, page);
        lwp_cond_t* cond = new (page) lwp_cond_t LWP_COND_INITIALIZER;
        turn = 0;
        lwp::thread partner([&] {
            // Signal only once the main thread waits, so that the signal
            // finds a waiter and the wait after it is a hand-off.
            while ((sequence(*cond) & 1) == 0) pause_briefly();
            lwp_mutex_lock(&mutex);
            turn = 1;
            lwp_cond_signal(cond);
            while (turn != 2) lwp_cond_wait(cond, &mutex);
            lwp_mutex_unlock(&mutex);
        });
        lwp_mutex_lock(&mutex);
        while (turn != 1) lwp_cond_wait(cond, &mutex);
        turn = 2;
        lwp_cond_signal(cond);
        lwp_mutex_unlock(&mutex);
        ASSERT_EQ(0, lwp_cond_destroy(cond));
        ASSERT_EQ(0, munmap(page, 4096));
        partner.join();
    }
}
