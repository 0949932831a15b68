// Signal handlers running in a thread that is blocked in an lwp wait: the
// condition variable goes back to sleep when no signal/broadcast came (so a
// handler is not reported as a wake-up), and mutex and rwlock waits never
// hand EINTR to their callers.
//
// The handler is installed without SA_RESTART, so the kernel really returns
// -EINTR from FUTEX_WAIT. The main thread (not an lwp thread) sends each
// signal with tgkill and waits until the handler has run before sending the
// next; the waiting thread's body uses only lwp and atomics.
#include <gtest/gtest.h>

#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <vector>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

constexpr int interruptions = 5;

std::atomic<int> handled{0};

void count_signal(int) { handled.fetch_add(1, std::memory_order_relaxed); }

// Installs count_signal for SIGUSR1 (no SA_RESTART) for the life of the object.
class InterruptingHandler {
public:
    InterruptingHandler() {
        struct sigaction action {};
        action.sa_handler = count_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        sigaction(SIGUSR1, &action, &previous_);
    }
    ~InterruptingHandler() { sigaction(SIGUSR1, &previous_, nullptr); }
    InterruptingHandler(const InterruptingHandler&) = delete;
    InterruptingHandler& operator=(const InterruptingHandler&) = delete;

private:
    struct sigaction previous_ {};
};

// Sends `count` SIGUSR1s to thread `tid`, each only after the previous one
// has been handled, so every one lands separately.
void interrupt(int tid, int count) {
    for (int i = 0; i < count; ++i) {
        int before = handled.load();
        syscall(SYS_tgkill, getpid(), tid, SIGUSR1);
        while (handled.load() == before) pause_briefly();
    }
}

void wait_for_word(const unsigned int* word, unsigned int mask) {
    while ((__atomic_load_n(word, __ATOMIC_RELAXED) & mask) == 0) pause_briefly();
}

// 0: lwp_cond_wait, 1: lwp_cond_timedwait, 2: lwp_cond_clockwait.
void check_cond_wait_survives_signals(int form) {
    InterruptingHandler handler;
    handled = 0;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    bool ready = false;  // guarded by mutex
    std::atomic<int> tid{0}, waiting{0}, returns{0}, errors{0};

    lwp::thread waiter([&] {
        tid = lwp_gettid();
        lwp_mutex_lock(&mutex);
        waiting = 1;
        while (!ready) {
            timespec deadline = after_ms(form == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, 600000);
            int error = form == 0   ? lwp_cond_wait(&cond, &mutex)
                        : form == 1 ? lwp_cond_timedwait(&cond, &mutex, &deadline)
                                    : lwp_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &deadline);
            if (error) errors.fetch_add(1);
            returns.fetch_add(1);
        }
        lwp_mutex_unlock(&mutex);
    });
    while (waiting.load() == 0) pause_briefly();
    // Taking the mutex proves the waiter is inside the wait (it released it).
    lwp_mutex_lock(&mutex);
    lwp_mutex_unlock(&mutex);
    // Wait until it has joined the condition variable's sleepers.
    wait_for_word(&cond.sequence, 1u);
    interrupt(tid.load(), interruptions);

    lwp_mutex_lock(&mutex);
    ready = true;
    lwp_cond_signal(&cond);
    lwp_mutex_unlock(&mutex);
    waiter.join();

    EXPECT_EQ(interruptions, handled.load());
    // One return: the signal. No handler run counted as a wake-up.
    EXPECT_EQ(1, returns.load()) << "form " << form;
    EXPECT_EQ(0, errors.load());
}

}  // namespace

TEST(SyncSignals, CondWaitSleepsThroughHandlers) { check_cond_wait_survives_signals(0); }
TEST(SyncSignals, CondTimedWaitSleepsThroughHandlers) { check_cond_wait_survives_signals(1); }
TEST(SyncSignals, CondClockWaitSleepsThroughHandlers) { check_cond_wait_survives_signals(2); }

// A broadcast still ends every wait even when handlers interrupt the sleepers
// in between (the re-sleep must not swallow a real wake-up).
TEST(SyncSignals, BroadcastAfterHandlersWakesEveryone) {
    InterruptingHandler handler;
    handled = 0;
    constexpr int waiters = 3;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    int generation = 0;  // guarded by mutex
    std::atomic<int> tids[waiters] = {}, asleep{0}, finished{0};
    std::vector<lwp::thread> threads;
    for (int i = 0; i < waiters; ++i) {
        threads.emplace_back([&, i] {
            tids[i] = lwp_gettid();
            lwp_mutex_lock(&mutex);
            asleep.fetch_add(1);
            while (generation == 0) lwp_cond_wait(&cond, &mutex);
            lwp_mutex_unlock(&mutex);
            finished.fetch_add(1);
        });
    }
    while (asleep.load() < waiters) pause_briefly();
    lwp_mutex_lock(&mutex);
    lwp_mutex_unlock(&mutex);
    for (int i = 0; i < waiters; ++i) interrupt(tids[i].load(), 2);
    lwp_mutex_lock(&mutex);
    generation = 1;
    lwp_cond_broadcast(&cond);
    lwp_mutex_unlock(&mutex);
    for (auto& t : threads) t.join();
    EXPECT_EQ(waiters, finished.load());
    EXPECT_EQ(2 * waiters, handled.load());
}

TEST(SyncSignals, MutexLockNeverReturnsEintr) {
    InterruptingHandler handler;
    for (int timed = 0; timed < 2; ++timed) {
        handled = 0;
        lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        std::atomic<int> tid{0}, result{-1};
        lwp::thread locker([&] {
            tid = lwp_gettid();
            timespec deadline = after_ms(CLOCK_REALTIME, 600000);
            result = timed ? lwp_mutex_timedlock(&mutex, &deadline) : lwp_mutex_lock(&mutex);
            if (result == 0) lwp_mutex_unlock(&mutex);
        });
        while (tid.load() == 0) pause_briefly();
        // State 2: the locker has marked the word and sleeps (or is about to).
        while (__atomic_load_n(&mutex.state, __ATOMIC_RELAXED) != 2) pause_briefly();
        interrupt(tid.load(), interruptions);
        ASSERT_EQ(0, lwp_mutex_unlock(&mutex));
        locker.join();
        EXPECT_EQ(0, result.load()) << (timed ? "timedlock" : "lock");
        EXPECT_EQ(interruptions, handled.load());
    }
}

TEST(SyncSignals, RwlockWaitsNeverReturnEintr) {
    InterruptingHandler handler;
    constexpr unsigned int readers_waiting = 1u << 30, writers_waiting = 1u << 31;
    for (int reader = 0; reader < 2; ++reader) {
        handled = 0;
        lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
        // A reader waits behind a write holder, a writer behind a read holder.
        ASSERT_EQ(0, reader ? lwp_rwlock_wrlock(&rw) : lwp_rwlock_rdlock(&rw));
        std::atomic<int> tid{0}, result{-1};
        lwp::thread waiter([&] {
            tid = lwp_gettid();
            result = reader ? lwp_rwlock_rdlock(&rw) : lwp_rwlock_wrlock(&rw);
            if (result == 0) lwp_rwlock_unlock(&rw);
        });
        while (tid.load() == 0) pause_briefly();
        wait_for_word(&rw.state, reader ? readers_waiting : writers_waiting);
        interrupt(tid.load(), interruptions);
        ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
        waiter.join();
        EXPECT_EQ(0, result.load()) << (reader ? "rdlock" : "wrlock");
        EXPECT_EQ(interruptions, handled.load());
    }
}
