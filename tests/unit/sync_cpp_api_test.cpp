// The C++ API: lwp's classes with the standard lock owners and with lwp's own.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <type_traits>

#include "sync_test_support.hpp"

using namespace std::chrono_literals;
using namespace sync_test;

static_assert(!std::is_copy_constructible_v<lwp::mutex>);
static_assert(std::is_nothrow_default_constructible_v<lwp::mutex>);

TEST(SyncCpp, StandardLockOwnersWork) {
    lwp::mutex a, b;
    {
        std::lock_guard<lwp::mutex> guard(a);
        EXPECT_FALSE(a.try_lock());
    }
    EXPECT_TRUE(a.try_lock());
    a.unlock();
    {
        std::scoped_lock both(a, b);
        EXPECT_FALSE(a.try_lock());
        EXPECT_FALSE(b.try_lock());
    }
    std::unique_lock<lwp::mutex> deferred(a, std::defer_lock);
    EXPECT_FALSE(deferred.owns_lock());
    deferred.lock();
    EXPECT_TRUE(deferred.owns_lock());

    lwp::shared_mutex shared;
    {
        std::shared_lock<lwp::shared_mutex> r1(shared);
        std::shared_lock<lwp::shared_mutex> r2(shared, std::try_to_lock);
        EXPECT_TRUE(r2.owns_lock());
        EXPECT_FALSE(shared.try_lock());
    }
    {
        std::unique_lock<lwp::shared_mutex> w(shared);
        EXPECT_FALSE(shared.try_lock_shared());
    }
    EXPECT_TRUE(shared.try_lock_shared());
    shared.unlock_shared();
}

TEST(SyncCpp, LwpLockOwnersWork) {
    lwp::mutex m;
    {
        lwp::lock_guard<lwp::mutex> guard(m);
        EXPECT_FALSE(m.try_lock());
    }
    lwp::unique_lock<lwp::mutex> lock(m, lwp::try_to_lock);
    EXPECT_TRUE(lock.owns_lock());
    lwp::unique_lock<lwp::mutex> moved(std::move(lock));
    EXPECT_FALSE(lock.owns_lock());
    EXPECT_TRUE(moved.owns_lock());
    moved.unlock();
    EXPECT_TRUE(m.try_lock());
    m.unlock();
    lwp::shared_mutex shared;
    {
        lwp::shared_lock<lwp::shared_mutex> r(shared);
        EXPECT_TRUE(r.owns_lock());
        EXPECT_FALSE(shared.try_lock());
    }
    EXPECT_TRUE(shared.try_lock());
    shared.unlock();
}

// Both owners take the standard's deadline forms, and deduce their mutex type.
TEST(SyncCpp, LwpLockOwnersTakeDeadlinesAndDeduceTheirMutex) {
    lwp::shared_mutex shared;
    lwp::unique_lock writer(shared);
    static_assert(std::is_same_v<decltype(writer), lwp::unique_lock<lwp::shared_mutex>>);
    std::atomic<int> read_for{-1}, read_until{-1}, write_for{-1};
    lwp::thread([&] {
        lwp::shared_lock reader(shared, 20ms);
        static_assert(std::is_same_v<decltype(reader), lwp::shared_lock<lwp::shared_mutex>>);
        read_for = reader.owns_lock();
        read_until = reader.try_lock_until(std::chrono::steady_clock::now() + 20ms);
        lwp::unique_lock<lwp::shared_mutex> other(shared, lwp::defer_lock);
        write_for = other.try_lock_for(20ms);
    }).join();
    EXPECT_EQ(0, read_for.load());
    EXPECT_EQ(0, read_until.load());
    EXPECT_EQ(0, write_for.load());
    writer.unlock();
    lwp::shared_lock reader(shared, std::chrono::steady_clock::now() + 1s);
    EXPECT_TRUE(reader.owns_lock());
    lwp::shared_lock second(shared, lwp::defer_lock);
    EXPECT_TRUE(second.try_lock_for(1s));
    EXPECT_FALSE(shared.try_lock());
}

TEST(SyncCpp, RecursiveAndTimedMutexes) {
    lwp::recursive_mutex recursive;
    recursive.lock();
    EXPECT_TRUE(recursive.try_lock());
    std::atomic<bool> other_got_it{true};
    lwp::thread([&] { other_got_it = recursive.try_lock(); }).join();
    EXPECT_FALSE(other_got_it.load());
    recursive.unlock();
    recursive.unlock();

    lwp::timed_mutex timed;
    timed.lock();
    std::atomic<int> for_result{-1}, until_steady{-1}, until_system{-1};
    lwp::thread([&] {
        for_result = timed.try_lock_for(20ms);
        until_steady = timed.try_lock_until(std::chrono::steady_clock::now() + 20ms);
        until_system = timed.try_lock_until(std::chrono::system_clock::now() + 20ms);
    }).join();
    EXPECT_EQ(0, for_result.load());
    EXPECT_EQ(0, until_steady.load());
    EXPECT_EQ(0, until_system.load());
    timed.unlock();
    EXPECT_TRUE(timed.try_lock_for(1s));
    timed.unlock();
    std::unique_lock<lwp::timed_mutex> lock(timed, 10ms);
    EXPECT_TRUE(lock.owns_lock());
}

TEST(SyncCpp, ConditionVariableWithBothLockTypes) {
    lwp::mutex m;
    lwp::condition_variable cv;
    int stage = 0;
    lwp::thread helper([&] {
        {
            lwp::unique_lock<lwp::mutex> lock(m);
            cv.wait(lock, [&] { return stage == 1; });
            stage = 2;
        }
        cv.notify_all();
    });
    std::thread foreign([&] {
        std::unique_lock<lwp::mutex> lock(m);
        cv.wait(lock, [&] { return stage == 2; });
        stage = 3;
        cv.notify_all();
    });
    {
        std::unique_lock<lwp::mutex> lock(m);
        stage = 1;
    }
    cv.notify_all();
    {
        std::unique_lock<lwp::mutex> lock(m);
        EXPECT_TRUE(cv.wait_for(lock, 60s, [&] { return stage == 3; }));
    }
    helper.join();
    foreign.join();
    EXPECT_EQ(3, stage);
}

TEST(SyncCpp, ConditionVariableTimeouts) {
    lwp::mutex m;
    lwp::condition_variable cv;
    std::unique_lock<lwp::mutex> lock(m);
    auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(cv.wait_for(lock, 30ms, [] { return false; }));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
    EXPECT_TRUE(lock.owns_lock());
    EXPECT_FALSE(cv.wait_until(lock, std::chrono::system_clock::now() + 20ms, [] { return false; }));
    EXPECT_FALSE(cv.wait_until(lock, std::chrono::steady_clock::now() + 20ms, [] { return false; }));
    // A wait_until in the past times out at once.
    EXPECT_EQ(lwp::cv_status::timeout,
              cv.wait_until(lock, std::chrono::steady_clock::now() - 1s));
    EXPECT_EQ(lwp::cv_status::timeout,
              cv.wait_until(lock, std::chrono::steady_clock::time_point::min()));
    lwp::unique_lock<lwp::mutex> own;  // no mutex: only used to check types compile
    (void)own;
    // Spurious wake-ups may cut a wait_for short but never turn it into a
    // time-out before the deadline.
    auto deadline = std::chrono::steady_clock::now() + 20ms;
    while (cv.wait_until(lock, deadline) == lwp::cv_status::no_timeout) {
    }
    EXPECT_GE(std::chrono::steady_clock::now(), deadline);
}

TEST(SyncCpp, SemaphoreBarrierAndOnce) {
    lwp::counting_semaphore<4> sem(0);
    static_assert(lwp::counting_semaphore<4>::max() == 4);
    EXPECT_FALSE(sem.try_acquire());
    EXPECT_FALSE(sem.try_acquire_for(10ms));
    sem.release(2);
    EXPECT_TRUE(sem.try_acquire());
    EXPECT_TRUE(sem.try_acquire_until(std::chrono::steady_clock::now() + 1s));
    EXPECT_FALSE(sem.try_acquire());
    lwp::binary_semaphore go(0);
    std::atomic<int> got{0};
    lwp::thread waiter([&] {
        go.acquire();
        got = 1;
    });
    go.release();
    waiter.join();
    EXPECT_EQ(1, got.load());

    lwp::barrier barrier(3);
    std::atomic<int> serial{0};
    run_mixed(2, 1, [&](int) {
        for (int round = 0; round < 100; ++round)
            if (barrier.wait()) serial.fetch_add(1);
    });
    EXPECT_EQ(100, serial.load());

    lwp::once_flag flag;
    std::atomic<int> calls{0};
    run_mixed(2, 2, [&](int) { lwp::call_once(flag, [&](int by) { calls.fetch_add(by); }, 1); });
    EXPECT_EQ(1, calls.load());
}

TEST(SyncCpp, CallOnceRetriesAfterException) {
    lwp::once_flag flag;
    int attempts = 0;
    EXPECT_THROW(lwp::call_once(flag, [&] {
                     ++attempts;
                     throw std::runtime_error("first try fails");
                 }),
                 std::runtime_error);
    lwp::call_once(flag, [&] { ++attempts; });
    lwp::call_once(flag, [&] { ++attempts; });
    EXPECT_EQ(2, attempts);
}

TEST(SyncCpp, SharedMutexTimedForms) {
    lwp::shared_mutex shared;
    shared.lock_shared();
    std::atomic<int> write{-1}, read{-1};
    lwp::thread([&] {
        write = shared.try_lock_for(20ms);
        read = shared.try_lock_shared_for(20ms);
        if (read) shared.unlock_shared();
    }).join();
    EXPECT_EQ(0, write.load());
    EXPECT_EQ(1, read.load());
    shared.unlock_shared();
    EXPECT_TRUE(shared.try_lock_until(std::chrono::steady_clock::now() + 1s));
    shared.unlock();
}

// lwp's lock owners report misuse as std::unique_lock and std::shared_lock
// do: no mutex to take is EPERM, taking one already held is EDEADLK,
// unlocking one not held is EPERM.
template <class Misuse>
static int error_of(Misuse misuse) {
    try {
        misuse();
    } catch (const std::system_error& error) {
        return error.code().value();
    }
    return 0;
}

TEST(SyncCpp, LockOwnersReportMisuseAsTheStandardDoes) {
    static lwp::mutex mutex;
    static lwp::shared_mutex shared;
    EXPECT_EQ(EPERM, error_of([] { lwp::unique_lock<lwp::mutex>().lock(); }));
    EXPECT_EQ(EPERM, error_of([] { lwp::unique_lock<lwp::mutex>().try_lock(); }));
    EXPECT_EQ(EDEADLK, error_of([] {
                  lwp::unique_lock<lwp::mutex> held(mutex);
                  held.lock();
              }));
    EXPECT_EQ(EPERM, error_of([] { lwp::unique_lock<lwp::mutex>(mutex, lwp::defer_lock).unlock(); }));
    EXPECT_EQ(EPERM, error_of([] { lwp::shared_lock<lwp::shared_mutex>().lock(); }));
    EXPECT_EQ(EPERM, error_of([] { lwp::shared_lock<lwp::shared_mutex>().try_lock(); }));
    EXPECT_EQ(EDEADLK, error_of([] {
                  lwp::shared_lock<lwp::shared_mutex> held(shared);
                  held.try_lock();
              }));
    EXPECT_EQ(EPERM,
              error_of([] { lwp::shared_lock<lwp::shared_mutex>(shared, lwp::defer_lock).unlock(); }));
}

// lwp::barrier as std::barrier: a default completion that does nothing, and
// deduction from the constructor, so `lwp::barrier b(n)` still means barrier<>.
static_assert(lwp::barrier<>::max() > 0);
static_assert(std::is_same_v<decltype(lwp::barrier(3)), lwp::barrier<>>);

// One thread makes every arrival: arrive() must not block, the completion
// runs on the arrival that completes the count and on no other, and waiting
// on a token of a finished phase, however old, returns at once.
TEST(SyncCppBarrier, ArrivalsCountUpdatesDropsAndOldTokens) {
    int completions = 0;
    lwp::barrier sync(3, [&]() noexcept { ++completions; });
    auto phase0_first = sync.arrive();
    auto phase0_rest = sync.arrive(2);
    EXPECT_EQ(1, completions);
    auto phase1_first = sync.arrive(2);
    EXPECT_EQ(1, completions);  // 2 of 3
    sync.arrive_and_drop();     // the third: completes, and phases shrink to 2
    EXPECT_EQ(2, completions);
    sync.wait(std::move(phase0_first));  // two phases old
    sync.wait(std::move(phase0_rest));
    sync.wait(std::move(phase1_first));
    auto phase2_first = sync.arrive();
    EXPECT_EQ(2, completions);
    auto phase2_second = sync.arrive();
    EXPECT_EQ(3, completions);
    sync.wait(std::move(phase2_first));
    sync.wait(std::move(phase2_second));
    sync.arrive_and_drop();
    sync.arrive_and_drop();  // both of phase 3's arrivals drop: later phases expect none
    EXPECT_EQ(4, completions);
    EXPECT_EQ(EINVAL, error_of([&] { (void)sync.arrive(); }));  // none expected now
}

// Every thread writes its slot, then meets the others; the completion must
// see every slot of its phase, and every thread, once released, must see the
// completion of its phase and of no later one. The data are plain ints: only
// the barrier orders them. The three ways of arriving alternate by phase,
// the split one with work between arrive() and wait(token).
TEST(SyncCppBarrier, CompletionRunsOncePerPhaseBetweenArrivalsAndRelease) {
    constexpr int threads = 4, phases = 1500;
    int slots[threads] = {};
    int completions = 0, completions_missing_a_slot = 0;
    lwp::barrier sync(threads, [&]() noexcept {
        ++completions;
        for (int slot : slots)
            if (slot != completions) ++completions_missing_a_slot;
    });
    std::atomic<int> out_of_step{0}, serial{0};
    run_mixed(threads - 1, 1, [&](int index) {
        for (int phase = 1; phase <= phases; ++phase) {
            slots[index] = phase;
            if (phase % 3 == 0) {
                if (sync.wait()) serial.fetch_add(1);
            } else if (phase % 3 == 1) {
                sync.arrive_and_wait();
            } else {
                auto token = sync.arrive();
                volatile int work = 0;
                for (int i = 0; i < 100 * index; ++i) work = work + i;
                sync.wait(std::move(token));
            }
            if (completions != phase) out_of_step.fetch_add(1);
        }
    });
    EXPECT_EQ(phases, completions);
    EXPECT_EQ(0, completions_missing_a_slot);
    EXPECT_EQ(0, out_of_step.load());
    EXPECT_EQ(phases / 3, serial.load());
}

// Thread k takes part in phases 0..k-1 and drops in phase k, so phase k
// expects 4 - k arrivals; the completion counts who arrived before it.
TEST(SyncCppBarrier, ArriveAndDropShrinksLaterPhases) {
    constexpr int threads = 4;
    std::atomic<int> arrived{0};
    int phase_sizes[threads + 1] = {};
    int completions = 0;
    lwp::barrier sync(threads, [&]() noexcept {
        if (completions <= threads) phase_sizes[completions] = arrived.exchange(0);
        ++completions;
    });
    run_mixed(threads, 0, [&](int index) {
        for (int phase = 0; phase < index; ++phase) {
            arrived.fetch_add(1);
            sync.arrive_and_wait();
        }
        arrived.fetch_add(1);
        sync.arrive_and_drop();
    });
    EXPECT_EQ(threads, completions);
    for (int phase = 0; phase < threads; ++phase) EXPECT_EQ(threads - phase, phase_sizes[phase]);
}

// The standard's preconditions, checked: EINVAL, and the barrier stays
// usable after a rejected arrival.
TEST(SyncCppBarrier, PreconditionViolationsThrowEinval) {
    EXPECT_EQ(EINVAL, error_of([] { lwp::barrier sync(-1); }));
    lwp::barrier sync(2);
    EXPECT_EQ(EINVAL, error_of([&] { (void)sync.arrive(0); }));
    EXPECT_EQ(EINVAL, error_of([&] { (void)sync.arrive(-1); }));
    EXPECT_EQ(EINVAL, error_of([&] { (void)sync.arrive(3); }));
    auto token = sync.arrive();
    EXPECT_EQ(EINVAL, error_of([&] { (void)sync.arrive(2); }));
    sync.arrive_and_drop();
    sync.wait(std::move(token));
    lwp::barrier empty(0);
    EXPECT_EQ(EINVAL, error_of([&] { empty.arrive_and_drop(); }));
}

// A clock of the program's own that runs at half the speed of steady_clock.
// A deadline on it is measured on it (as std::condition_variable and
// std::timed_mutex do): converting it once to a steady deadline would give up
// at half the time.
struct half_speed_clock {
    using rep = std::chrono::nanoseconds::rep;
    using period = std::chrono::nanoseconds::period;
    using duration = std::chrono::nanoseconds;
    using time_point = std::chrono::time_point<half_speed_clock>;
    static constexpr bool is_steady = true;
    static time_point now() noexcept {
        return time_point(std::chrono::steady_clock::now().time_since_epoch() / 2);
    }
};

TEST(SyncCpp, DeadlinesOnAUserClockAreMeasuredOnThatClock) {
    lwp::mutex m;
    lwp::condition_variable cv;
    {
        lwp::unique_lock<lwp::mutex> lock(m);
        auto deadline = half_speed_clock::now() + 20ms;
        // Without a predicate a wait may end early (a spurious wake-up), but
        // it reports a time-out only once that clock has passed the deadline.
        while (cv.wait_until(lock, deadline) == lwp::cv_status::no_timeout) {
        }
        EXPECT_GE(half_speed_clock::now(), deadline);
        deadline = half_speed_clock::now() + 20ms;
        EXPECT_FALSE(cv.wait_until(lock, deadline, [] { return false; }));
        EXPECT_GE(half_speed_clock::now(), deadline);
    }

    lwp::timed_mutex timed;
    lwp::recursive_timed_mutex recursive;
    lwp::shared_mutex shared;
    lwp::counting_semaphore<1> empty(0);
    timed.lock();
    recursive.lock();
    shared.lock();
    std::atomic<int> early{0};  // waits that gave up before their deadline
    lwp::thread([&] {
        auto deadline = half_speed_clock::now() + 20ms;
        if (timed.try_lock_until(deadline) || half_speed_clock::now() < deadline) ++early;
        deadline = half_speed_clock::now() + 20ms;
        if (recursive.try_lock_until(deadline) || half_speed_clock::now() < deadline) ++early;
        deadline = half_speed_clock::now() + 20ms;
        if (shared.try_lock_until(deadline) || half_speed_clock::now() < deadline) ++early;
        deadline = half_speed_clock::now() + 20ms;
        if (shared.try_lock_shared_until(deadline) || half_speed_clock::now() < deadline) ++early;
        deadline = half_speed_clock::now() + 20ms;
        if (empty.try_acquire_until(deadline) || half_speed_clock::now() < deadline) ++early;
        deadline = half_speed_clock::now() + 20ms;
        lwp::unique_lock<lwp::timed_mutex> owner(timed, deadline);
        if (owner.owns_lock() || half_speed_clock::now() < deadline) ++early;
    }).join();
    EXPECT_EQ(0, early.load());
    timed.unlock();
    recursive.unlock();
    shared.unlock();

    // A deadline already past on that clock still takes what is free.
    EXPECT_TRUE(timed.try_lock_until(half_speed_clock::now() - 1s));
    timed.unlock();
    EXPECT_TRUE(shared.try_lock_shared_until(half_speed_clock::now() - 1s));
    shared.unlock_shared();
    empty.release();
    EXPECT_TRUE(empty.try_acquire_until(half_speed_clock::now() - 1s));
}

// A relative timeout of centuries is still "wait until it happens": it must
// not overflow on its way to a deadline in nanoseconds (int64 nanoseconds
// end after 292 years) and give up at once.
TEST(SyncCpp, RelativeTimeoutsOfCenturiesWaitForTheEvent) {
    using years = std::chrono::duration<long long, std::ratio<31556952>>;
    const years centuries(1000);
    lwp::timed_mutex timed;
    lwp::shared_mutex shared;
    lwp::counting_semaphore<1> empty(0);
    lwp::mutex m;
    lwp::condition_variable cv;
    bool ready = false;
    timed.lock();
    shared.lock();
    std::atomic<int> got{0};
    lwp::thread waiter([&] {
        if (timed.try_lock_for(centuries)) {
            got.fetch_add(1);
            timed.unlock();
        }
        if (shared.try_lock_shared_for(centuries)) {
            got.fetch_add(1);
            shared.unlock_shared();
        }
        if (empty.try_acquire_for(centuries)) got.fetch_add(1);
        lwp::unique_lock<lwp::mutex> lock(m);
        if (cv.wait_for(lock, centuries, [&] { return ready; })) got.fetch_add(1);
    });
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(0, got.load());  // still waiting for the mutex
    timed.unlock();
    shared.unlock();
    empty.release();
    {
        lwp::unique_lock<lwp::mutex> lock(m);
        ready = true;
    }
    cv.notify_all();
    waiter.join();
    EXPECT_EQ(4, got.load());
}
