// lwp_cond_*: no lost wake-ups (producer/consumer, ping-pong), broadcast
// reaching every waiter, timeouts on both clocks, and the errno cases.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>
#include <vector>

#include <csignal>
#include <cstdio>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "sync_test_support.hpp"

using namespace sync_test;

TEST(SyncCond, LayoutAndZeroInitialisation) {
    EXPECT_LE(sizeof(lwp_cond_t), 48u);
    lwp_cond_t cond;
    std::memset(&cond, 0, sizeof cond);
    EXPECT_EQ(0, lwp_cond_signal(&cond));
    EXPECT_EQ(0, lwp_cond_broadcast(&cond));
    EXPECT_EQ(CLOCK_REALTIME, cond.clock);
    EXPECT_EQ(0, lwp_cond_destroy(&cond));
}

TEST(SyncCond, AttributesValidateInput) {
    lwp_condattr_t attr;
    ASSERT_EQ(0, lwp_condattr_init(&attr));
    clockid_t clock = -1;
    ASSERT_EQ(0, lwp_condattr_getclock(&attr, &clock));
    EXPECT_EQ(CLOCK_REALTIME, clock);
    EXPECT_EQ(EINVAL, lwp_condattr_setclock(&attr, CLOCK_PROCESS_CPUTIME_ID));
    EXPECT_EQ(0, lwp_condattr_setclock(&attr, CLOCK_MONOTONIC));
    ASSERT_EQ(0, lwp_condattr_getclock(&attr, &clock));
    EXPECT_EQ(CLOCK_MONOTONIC, clock);
    int pshared = -1;
    ASSERT_EQ(0, lwp_condattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_condattr_setpshared(&attr, LWP_PROCESS_SHARED));
    ASSERT_EQ(0, lwp_condattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_SHARED, pshared);
    ASSERT_EQ(0, lwp_condattr_getclock(&attr, &clock));  // the two settings are apart
    EXPECT_EQ(CLOCK_MONOTONIC, clock);
    EXPECT_EQ(EINVAL, lwp_condattr_setpshared(&attr, 9));
    EXPECT_EQ(0, lwp_condattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
    ASSERT_EQ(0, lwp_condattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_condattr_destroy(&attr));
}

TEST(SyncCond, TimedWaitExpiresOnEachClockAndKeepsTheMutex) {
    for (int use_attribute = 0; use_attribute < 3; ++use_attribute) {
        clockid_t clock = use_attribute == 1 ? CLOCK_MONOTONIC : CLOCK_REALTIME;
        lwp_condattr_t attr;
        lwp_condattr_init(&attr);
        lwp_condattr_setclock(&attr, clock);
        lwp_cond_t cond;
        lwp_cond_init(&cond, &attr);
        lwp_mutex_t mutex = LWP_ERRORCHECK_MUTEX_INITIALIZER;
        ASSERT_EQ(0, lwp_mutex_lock(&mutex));
        timespec deadline = after_ms(use_attribute == 2 ? CLOCK_MONOTONIC : clock, 50);
        int result = use_attribute == 2
                         ? lwp_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &deadline)
                         : lwp_cond_timedwait(&cond, &mutex, &deadline);
        EXPECT_EQ(ETIMEDOUT, result);
        EXPECT_TRUE(reached(use_attribute == 2 ? CLOCK_MONOTONIC : clock, deadline));
        // Still ours: an errorcheck mutex would refuse an unlock otherwise.
        EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    }
}

TEST(SyncCond, InputErrors) {
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    lwp_mutex_t mutex = LWP_ERRORCHECK_MUTEX_INITIALIZER;
    timespec bad{0, 1000000000L}, past{1, 0}, negative{-1, 0};
    timespec fine = after_ms(CLOCK_MONOTONIC, 1000);
    // Waiting on an errorcheck mutex one does not hold.
    EXPECT_EQ(EPERM, lwp_cond_wait(&cond, &mutex));
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    EXPECT_EQ(EINVAL, lwp_cond_timedwait(&cond, &mutex, &bad));
    EXPECT_EQ(EINVAL, lwp_cond_clockwait(&cond, &mutex, CLOCK_THREAD_CPUTIME_ID, &fine));
    EXPECT_EQ(EINVAL, lwp_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &bad));
    EXPECT_EQ(ETIMEDOUT, lwp_cond_timedwait(&cond, &mutex, &past));
    EXPECT_EQ(ETIMEDOUT, lwp_cond_timedwait(&cond, &mutex, &negative));
    EXPECT_EQ(ETIMEDOUT, lwp_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &past));
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    // Another thread holds it: still EPERM for us.
    std::atomic<int> result{-1};
    std::atomic<bool> held{false}, done{false};
    lwp::thread holder([&] {
        lwp_mutex_lock(&mutex);
        held = true;
        while (!done) pause_briefly();
        lwp_mutex_unlock(&mutex);
    });
    while (!held) pause_briefly();
    result = lwp_cond_wait(&cond, &mutex);
    done = true;
    holder.join();
    EXPECT_EQ(EPERM, result.load());
}

// A bounded queue over one mutex and two condition variables; producers and
// consumers on lwp threads and std::threads. Every item must arrive once.
TEST(SyncCond, ProducerConsumerLosesNothing) {
    constexpr int capacity = 8, producers = 2, consumers = 2, per_producer = 20000;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t not_full = LWP_COND_INITIALIZER, not_empty = LWP_COND_INITIALIZER;
    int ring[capacity];
    int head = 0, count = 0, finished_producers = 0;
    std::vector<std::atomic<int>> received(producers * per_producer);
    std::atomic<long> consumed{0};

    run_mixed(2, 2, [&](int index) {
        bool producer = index == 0 || index == 2;  // one lwp and one std::thread each
        int id = index == 0 ? 0 : 1;
        if (producer) {
            for (int i = 0; i < per_producer; ++i) {
                lwp_mutex_lock(&mutex);
                while (count == capacity) lwp_cond_wait(&not_full, &mutex);
                ring[(head + count) % capacity] = id * per_producer + i;
                ++count;
                lwp_cond_signal(&not_empty);
                lwp_mutex_unlock(&mutex);
            }
            lwp_mutex_lock(&mutex);
            ++finished_producers;
            lwp_cond_broadcast(&not_empty);  // consumers may stop now
            lwp_mutex_unlock(&mutex);
        } else {
            for (;;) {
                lwp_mutex_lock(&mutex);
                while (count == 0 && finished_producers < producers)
                    lwp_cond_wait(&not_empty, &mutex);
                if (count == 0) {
                    lwp_mutex_unlock(&mutex);
                    break;
                }
                int item = ring[head];
                head = (head + 1) % capacity;
                --count;
                lwp_cond_signal(&not_full);
                lwp_mutex_unlock(&mutex);
                received[item].fetch_add(1);
                consumed.fetch_add(1);
            }
        }
    });
    (void)consumers;
    EXPECT_EQ(long{producers} * per_producer, consumed.load());
    int wrong = 0;
    for (auto& r : received) wrong += r.load() != 1;
    EXPECT_EQ(0, wrong);
}

// Strict alternation: each side waits for its turn and hands it over; a lost
// wake-up would hang here (and be caught by the test timeout).
TEST(SyncCond, PingPongAlternatesExactly) {
    constexpr int rounds = 5000;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int turn = 0;
    std::atomic<int> out_of_turn{0};
    long trace = 0;
    run_mixed(1, 1, [&](int me) {
        for (int i = 0; i < rounds; ++i) {
            lwp_mutex_lock(&mutex);
            while (turn != me) lwp_cond_wait(&cond, &mutex);
            if (trace % 2 != me) out_of_turn.fetch_add(1);
            ++trace;
            turn = 1 - me;
            lwp_cond_signal(&cond);
            lwp_mutex_unlock(&mutex);
        }
    });
    EXPECT_EQ(0, out_of_turn.load());
    EXPECT_EQ(2L * rounds, trace);
}

// Many rounds of "everybody waits, one broadcast": every waiter must wake
// every time (requeue onto the mutex must not strand anyone).
TEST(SyncCond, BroadcastWakesEveryWaiter) {
    constexpr int waiters = 4, rounds = 300;
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int generation = 0;
    int waiting = 0;
    std::atomic<int> wakes{0};
    std::atomic<bool> stop{false};
    lwp::thread broadcaster([&] {
        for (int r = 0; r < rounds; ++r) {
            // Wait until everyone is inside the wait for this generation.
            for (;;) {
                lwp_mutex_lock(&mutex);
                bool all = waiting == waiters;
                if (all) {
                    waiting = 0;
                    ++generation;
                    lwp_cond_broadcast(&cond);
                }
                lwp_mutex_unlock(&mutex);
                if (all) break;
                pause_briefly();
            }
        }
        stop = true;
    });
    run_mixed(2, 2, [&](int) {
        for (int r = 0; r < rounds; ++r) {
            lwp_mutex_lock(&mutex);
            int mine = generation;
            ++waiting;
            while (generation == mine) lwp_cond_wait(&cond, &mutex);
            lwp_mutex_unlock(&mutex);
            wakes.fetch_add(1);
        }
    });
    broadcaster.join();
    EXPECT_TRUE(stop.load());
    EXPECT_EQ(waiters * rounds, wakes.load());
}

// A recursive mutex is released completely while waiting and comes back at
// the same depth.
TEST(SyncCond, RecursiveMutexReleasedFullyAndRestored) {
    lwp_mutex_t mutex = LWP_RECURSIVE_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    bool ready = false;
    std::atomic<int> other_lock{-1};
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    ASSERT_EQ(0, lwp_mutex_lock(&mutex));
    lwp::thread other([&] {
        other_lock = lwp_mutex_lock(&mutex);  // only possible while we wait
        ready = true;
        lwp_cond_signal(&cond);
        lwp_mutex_unlock(&mutex);
    });
    while (!ready) ASSERT_EQ(0, lwp_cond_wait(&cond, &mutex));
    other.join();
    EXPECT_EQ(0, other_lock.load());
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(0, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
}

// Signals with nobody waiting are not stored: a later waiter still times out.
TEST(SyncCond, SignalWithoutWaitersIsNotRemembered) {
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    EXPECT_EQ(0, lwp_cond_signal(&cond));
    EXPECT_EQ(0, lwp_cond_broadcast(&cond));
    lwp_mutex_lock(&mutex);
    timespec deadline = after_ms(CLOCK_REALTIME, 30);
    int result;
    // Spurious wake-ups are allowed; only a time-out ends this loop.
    while ((result = lwp_cond_timedwait(&cond, &mutex, &deadline)) == 0) {
    }
    EXPECT_EQ(ETIMEDOUT, result);
    lwp_mutex_unlock(&mutex);
}

// Once every waiter has left, the mutex they waited with is the program's to
// destroy and reuse, while the condition variable lives on: a later signal or
// broadcast must not write to that memory. A timed-out wait leaves the
// "waiter may sleep" bit set (nobody clears it), which used to make the next
// broadcast bump a count inside the long-gone mutex.
TEST(SyncCond, BroadcastNeverWritesToAMutexItsWaitersHaveLeft) {
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    alignas(lwp_mutex_t) unsigned char storage[sizeof(lwp_mutex_t)];
    for (int leave_by_signal = 0; leave_by_signal < 2; ++leave_by_signal) {
        lwp_mutex_t* mutex = new (storage) lwp_mutex_t LWP_MUTEX_INITIALIZER;
        ASSERT_EQ(0, lwp_mutex_lock(mutex));
        if (leave_by_signal) {
            // A waiter woken by a signal that found it asleep: the bit stays set.
            std::atomic<bool> waiting{false};
            lwp::thread signaller([&] {
                while (!waiting.load()) pause_briefly();
                lwp_mutex_lock(mutex);  // the waiter has released it: it is in its wait
                lwp_cond_signal(&cond);
                lwp_mutex_unlock(mutex);
            });
            waiting = true;
            EXPECT_EQ(0, lwp_cond_wait(&cond, mutex));
            signaller.join();
        } else {
            // Already past, yet not negative: the wait joins and times out in
            // the kernel.
            timespec past{0, 0};
            EXPECT_EQ(ETIMEDOUT, lwp_cond_timedwait(&cond, mutex, &past));
        }
        ASSERT_EQ(0, lwp_mutex_unlock(mutex));
        ASSERT_EQ(0, lwp_mutex_destroy(mutex));
        // The memory now holds something else.
        std::memset(storage, 0xA5, sizeof storage);
        EXPECT_EQ(0, lwp_cond_broadcast(&cond));
        EXPECT_EQ(0, lwp_cond_signal(&cond));
        EXPECT_EQ(0, lwp_cond_broadcast(&cond));
        for (unsigned char byte : storage) EXPECT_EQ(0xA5, byte);
    }
    EXPECT_EQ(0, lwp_cond_destroy(&cond));
}

// Broadcast must never read or write the mutex: a waiter it moves onto the
// mutex word can be woken by some other thread's unlock, return, and let its
// program free the mutex while the broadcast is still running. So the mutex
// here lives alone in a page that is inaccessible for exactly the duration of
// the broadcast call. A fault there on the broadcasting thread is the defect;
// a woken waiter that touches the mutex early faults too, and simply waits in
// the handler until the page is back (returning retries its access).
namespace {
std::atomic<bool> page_restored{false};
std::atomic<bool> broadcaster_touched_mutex{false};
std::atomic<int> broadcaster_tid{0};
void* guarded_page = nullptr;

void on_mutex_page_fault(int, siginfo_t* info, void*) {
    char* address = static_cast<char*>(info->si_addr);
    char* page = static_cast<char*>(guarded_page);
    if (address < page || address >= page + 4096) {
        signal(SIGSEGV, SIG_DFL);  // not ours: crash as usual when we return
        return;
    }
    if (lwp_gettid() == broadcaster_tid.load()) {
        broadcaster_touched_mutex.store(true);
        mprotect(guarded_page, 4096, PROT_READ | PROT_WRITE);
        return;
    }
    while (!page_restored.load()) pause_briefly();
}

// The first argument of the system call `tid` is blocked in (from /proc), or 0.
unsigned long blocked_syscall_first_argument(int tid, long* number) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/task/%d/syscall", tid);
    FILE* file = std::fopen(path, "r");
    if (file == nullptr) return 0;
    unsigned long argument = 0;
    if (std::fscanf(file, "%ld %lx", number, &argument) != 2) argument = 0;
    std::fclose(file);
    return argument;
}
}  // namespace

TEST(SyncCond, BroadcastNeverTouchesTheMutex) {
    guarded_page = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(MAP_FAILED, guarded_page);
    auto* mutex = new (guarded_page) lwp_mutex_t LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    struct sigaction handler {}, previous{};
    handler.sa_sigaction = on_mutex_page_fault;
    handler.sa_flags = SA_SIGINFO;
    ASSERT_EQ(0, sigaction(SIGSEGV, &handler, &previous));
    broadcaster_tid = lwp_gettid();

    constexpr int waiter_count = 3;  // one woken by the broadcast, two moved
    std::atomic<bool> go{false};
    std::atomic<int> tids[waiter_count] = {};
    std::atomic<int> returned{0};
    std::vector<lwp::thread> waiters;
    for (int i = 0; i < waiter_count; ++i)
        waiters.emplace_back([&, i] {
            tids[i] = lwp_gettid();
            lwp_mutex_lock(mutex);
            while (!go.load()) lwp_cond_wait(&cond, mutex);
            lwp_mutex_unlock(mutex);
            returned.fetch_add(1);
        });
    // Every waiter asleep in the kernel on the condition variable's word.
    for (int i = 0; i < waiter_count; ++i) {
        for (;;) {
            long number = -1;
            int tid = tids[i].load();
            if (tid != 0 && blocked_syscall_first_argument(tid, &number) ==
                                reinterpret_cast<unsigned long>(&cond.sequence) &&
                number == SYS_futex)
                break;
            pause_briefly();
        }
    }

    go = true;
    ASSERT_EQ(0, mprotect(guarded_page, 4096, PROT_NONE));
    EXPECT_EQ(0, lwp_cond_broadcast(&cond));
    EXPECT_EQ(0, mprotect(guarded_page, 4096, PROT_READ | PROT_WRITE));
    page_restored = true;
    for (auto& waiter : waiters) waiter.join();

    EXPECT_FALSE(broadcaster_touched_mutex.load());
    EXPECT_EQ(waiter_count, returned.load());  // the chain through the mutex reached all
    EXPECT_EQ(0, mutex->state);
    sigaction(SIGSEGV, &previous, nullptr);
    EXPECT_EQ(0, lwp_cond_destroy(&cond));
    munmap(guarded_page, 4096);
}
