// The condition variable's hand-off spin (condition_variable.cpp): which
// waits watch the word in user space, and that destroy waits for a woken
// watcher before the memory may go.
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <atomic>
#include <new>
#include <thread>
#include <vector>

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

// Strict alternation: each side signals the other and then waits, so every
// wait but the first follows a signal that found a waiter. The side that
// takes its turn looks at the count while the other is in its wait: the
// partner counted itself before releasing the mutex, so it is seen watching
// unless its whole spin bound ran out first (a preemption), which cannot
// happen on every one of the rounds. After the last round nobody watches.
TEST(SyncCondHandoff, AWaitRightAfterASignalWatchesAndStops) {
    constexpr int rounds = 2000;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int turn = 0;
    std::atomic<int> seen_watching{0};
    run_mixed(1, 1, [&](int me) {
        for (int i = 0; i < rounds; ++i) {
            lwp_mutex_lock(&mutex);
            while (turn != me) lwp_cond_wait(&cond, &mutex);
            if (watchers(cond) != 0) seen_watching.fetch_add(1);
            turn = 1 - me;
            lwp_cond_signal(&cond);
            lwp_mutex_unlock(&mutex);
        }
    });
    EXPECT_GT(seen_watching.load(), 0);
    EXPECT_EQ(0u, watchers(cond));
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
