// lwp_rwlock_*: shared readers, exclusive writers, writer preference, the
// timed forms, and the errno cases.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "sync_test_support.hpp"

using namespace sync_test;

namespace {
template <class Fn>
int on_other_thread(Fn fn) {
    std::atomic<int> result{-1};
    lwp::thread t([&] { result.store(fn()); });
    t.join();
    return result.load();
}
}  // namespace

TEST(SyncRwlock, ReadersShareWritersExclude) {
    EXPECT_LE(sizeof(lwp_rwlock_t), 56u);
    lwp_rwlock_t rw;
    std::memset(&rw, 0, sizeof rw);  // all-zero is a valid unlocked lock
    ASSERT_EQ(0, lwp_rwlock_rdlock(&rw));
    ASSERT_EQ(0, lwp_rwlock_tryrdlock(&rw));
    EXPECT_EQ(0, on_other_thread([&] {
        int a = lwp_rwlock_tryrdlock(&rw);
        return a ? a : lwp_rwlock_unlock(&rw);
    }));
    EXPECT_EQ(EBUSY, lwp_rwlock_trywrlock(&rw));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_rwlock_trywrlock(&rw); }));
    EXPECT_EQ(EBUSY, lwp_rwlock_destroy(&rw));
    EXPECT_EQ(0, lwp_rwlock_unlock(&rw));
    EXPECT_EQ(0, lwp_rwlock_unlock(&rw));
    EXPECT_EQ(EPERM, lwp_rwlock_unlock(&rw));

    ASSERT_EQ(0, lwp_rwlock_wrlock(&rw));
    EXPECT_EQ(EDEADLK, lwp_rwlock_wrlock(&rw));
    EXPECT_EQ(EDEADLK, lwp_rwlock_rdlock(&rw));
    EXPECT_EQ(EBUSY, lwp_rwlock_trywrlock(&rw));
    EXPECT_EQ(EBUSY, lwp_rwlock_tryrdlock(&rw));
    EXPECT_EQ(EBUSY, on_other_thread([&] { return lwp_rwlock_tryrdlock(&rw); }));
    EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_rwlock_unlock(&rw); }));
    EXPECT_EQ(0, lwp_rwlock_unlock(&rw));
    EXPECT_EQ(0, lwp_rwlock_destroy(&rw));
}

TEST(SyncRwlock, AttributesRejectProcessShared) {
    lwp_rwlockattr_t attr;
    ASSERT_EQ(0, lwp_rwlockattr_init(&attr));
    EXPECT_EQ(ENOTSUP, lwp_rwlockattr_setpshared(&attr, LWP_PROCESS_SHARED));
    EXPECT_EQ(EINVAL, lwp_rwlockattr_setpshared(&attr, 3));
    EXPECT_EQ(0, lwp_rwlockattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
    int pshared = -1;
    EXPECT_EQ(0, lwp_rwlockattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    lwp_rwlock_t rw;
    EXPECT_EQ(0, lwp_rwlock_init(&rw, &attr));
    EXPECT_EQ(0, lwp_rwlockattr_destroy(&attr));
}

TEST(SyncRwlock, TimedFormsExpire) {
    lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
    ASSERT_EQ(0, lwp_rwlock_rdlock(&rw));
    std::atomic<int> write_result{-1}, clock_write_result{-1};
    std::atomic<bool> reached_deadline{true};
    lwp::thread writer([&] {
        timespec deadline = after_ms(CLOCK_REALTIME, 40);
        write_result = lwp_rwlock_timedwrlock(&rw, &deadline);
        reached_deadline = reached_deadline && reached(CLOCK_REALTIME, deadline);
        deadline = after_ms(CLOCK_MONOTONIC, 40);
        clock_write_result = lwp_rwlock_clockwrlock(&rw, CLOCK_MONOTONIC, &deadline);
        reached_deadline = reached_deadline && reached(CLOCK_MONOTONIC, deadline);
    });
    writer.join();
    EXPECT_EQ(ETIMEDOUT, write_result.load());
    EXPECT_EQ(ETIMEDOUT, clock_write_result.load());
    EXPECT_TRUE(reached_deadline.load());
    // The timed-out writer left no trace that blocks readers.
    EXPECT_EQ(0, on_other_thread([&] {
        int a = lwp_rwlock_tryrdlock(&rw);
        return a ? a : lwp_rwlock_unlock(&rw);
    }));
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));

    ASSERT_EQ(0, lwp_rwlock_wrlock(&rw));
    std::atomic<int> read_result{-1}, clock_read_result{-1};
    lwp::thread reader([&] {
        timespec deadline = after_ms(CLOCK_REALTIME, 40);
        read_result = lwp_rwlock_timedrdlock(&rw, &deadline);
        deadline = after_ms(CLOCK_MONOTONIC, 40);
        clock_read_result = lwp_rwlock_clockrdlock(&rw, CLOCK_MONOTONIC, &deadline);
    });
    reader.join();
    EXPECT_EQ(ETIMEDOUT, read_result.load());
    EXPECT_EQ(ETIMEDOUT, clock_read_result.load());
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
    EXPECT_EQ(0, lwp_rwlock_destroy(&rw));
}

TEST(SyncRwlock, TimedInputErrors) {
    lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
    timespec bad{0, -1}, past{1, 0}, fine = after_ms(CLOCK_MONOTONIC, 1000);
    EXPECT_EQ(EINVAL, lwp_rwlock_clockrdlock(&rw, CLOCK_PROCESS_CPUTIME_ID, &fine));
    EXPECT_EQ(EINVAL, lwp_rwlock_clockwrlock(&rw, 4242, &fine));
    ASSERT_EQ(0, lwp_rwlock_wrlock(&rw));
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_rwlock_timedrdlock(&rw, &bad); }));
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_rwlock_timedwrlock(&rw, &bad); }));
    EXPECT_EQ(ETIMEDOUT, on_other_thread([&] { return lwp_rwlock_timedrdlock(&rw, &past); }));
    EXPECT_EQ(ETIMEDOUT, on_other_thread([&] { return lwp_rwlock_timedwrlock(&rw, &past); }));
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
}

// Once a writer waits, new readers wait behind it (tryrdlock: EBUSY), so a
// steady stream of readers cannot keep the writer out.
TEST(SyncRwlock, WaitingWriterHoldsBackNewReaders) {
    lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
    ASSERT_EQ(0, lwp_rwlock_rdlock(&rw));
    std::atomic<int> write_result{-1};
    lwp::thread writer([&] {
        write_result = lwp_rwlock_wrlock(&rw);
        lwp_rwlock_unlock(&rw);
    });
    // Wait (without a time bound that could flake) until the writer is
    // queued: from then on a new reader is refused.
    int refused = 0;
    while (refused == 0) {
        std::atomic<int> r{-1};
        std::thread foreign([&] {
            r = lwp_rwlock_tryrdlock(&rw);
            if (r == 0) lwp_rwlock_unlock(&rw);
        });
        foreign.join();
        if (r == EBUSY) refused = 1;
        else pause_briefly();
    }
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
    writer.join();
    EXPECT_EQ(0, write_result.load());
}

TEST(SyncRwlock, WriterGetsInDespiteOverlappingReaders) {
    lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
    std::atomic<bool> stop{false};
    std::atomic<int> readers_started{0};
    std::atomic<int> write_result{-1};
    run_mixed(3, 1, [&](int index) {
        if (index == 0) {
            while (readers_started < 3) pause_briefly();
            // Generous: with writer preference this takes microseconds.
            timespec deadline = after_ms(CLOCK_MONOTONIC, 20000);
            write_result = lwp_rwlock_clockwrlock(&rw, CLOCK_MONOTONIC, &deadline);
            if (write_result == 0) lwp_rwlock_unlock(&rw);
            stop = true;
            return;
        }
        readers_started.fetch_add(1);
        while (!stop) {
            if (lwp_rwlock_rdlock(&rw) != 0) continue;
            for (int spin = 0; spin < 200; ++spin) std::atomic_signal_fence(std::memory_order_seq_cst);
            lwp_rwlock_unlock(&rw);
        }
    });
    EXPECT_EQ(0, write_result.load());
}

// Mixed readers and writers check the invariant on every entry: never a
// writer together with anyone else.
TEST(SyncRwlock, StressNeverTwoWriters) {
    constexpr int iterations = 20000;
    lwp_rwlock_t rw = LWP_RWLOCK_INITIALIZER;
    std::atomic<int> readers{0}, writers{0}, violations{0}, errors{0};
    long written = 0;
    run_mixed(2, 2, [&](int index) {
        for (int i = 0; i < iterations; ++i) {
            bool write = (i + index) % 4 == 0;
            if (write) {
                int error = (i % 3 == 0) ? lwp_rwlock_trywrlock(&rw) : lwp_rwlock_wrlock(&rw);
                if (error == EBUSY) continue;
                if (error) {
                    errors.fetch_add(1);
                    continue;
                }
                if (writers.fetch_add(1) != 0 || readers.load() != 0) violations.fetch_add(1);
                ++written;
                writers.fetch_sub(1);
            } else {
                int error = lwp_rwlock_rdlock(&rw);
                if (error) {
                    errors.fetch_add(1);
                    continue;
                }
                readers.fetch_add(1);
                if (writers.load() != 0) violations.fetch_add(1);
                readers.fetch_sub(1);
            }
            if (lwp_rwlock_unlock(&rw) != 0) errors.fetch_add(1);
        }
    });
    EXPECT_EQ(0, violations.load());
    EXPECT_EQ(0, errors.load());
    EXPECT_GT(written, 0);
    EXPECT_EQ(0, lwp_rwlock_destroy(&rw));
}
