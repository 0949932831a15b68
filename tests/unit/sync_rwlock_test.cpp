// lwp_rwlock_*: shared readers, exclusive writers, writer preference, the
// timed forms, the errno cases, and the reader-preferring kind.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

#include "sync_test_support.hpp"

using namespace sync_test;

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

TEST(SyncRwlock, AttributesKeepProcessShared) {
    lwp_rwlockattr_t attr;
    ASSERT_EQ(0, lwp_rwlockattr_init(&attr));
    int pshared = -1;
    EXPECT_EQ(0, lwp_rwlockattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_PRIVATE, pshared);
    EXPECT_EQ(0, lwp_rwlockattr_setpshared(&attr, LWP_PROCESS_SHARED));
    EXPECT_EQ(0, lwp_rwlockattr_getpshared(&attr, &pshared));
    EXPECT_EQ(LWP_PROCESS_SHARED, pshared);
    EXPECT_EQ(EINVAL, lwp_rwlockattr_setpshared(&attr, 3));
    EXPECT_EQ(0, lwp_rwlockattr_setpshared(&attr, LWP_PROCESS_PRIVATE));
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
// writer together with anyone else. `try_some_reads`: every fifth read is a
// tryrdlock, which may fail with EBUSY.
static void stress_never_two_writers(lwp_rwlock_t rw, bool try_some_reads) {
    constexpr int iterations = 20000;
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
                int error = (try_some_reads && i % 5 == 0) ? lwp_rwlock_tryrdlock(&rw)
                                                           : lwp_rwlock_rdlock(&rw);
                if (error == EBUSY) continue;
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

TEST(SyncRwlock, StressNeverTwoWriters) {
    stress_never_two_writers(lwp_rwlock_t LWP_RWLOCK_INITIALIZER, /*try_some_reads=*/false);
}

// ------------------------------------------------------ kinds (preference)

namespace {
constexpr unsigned int writers_waiting_bit = 1u << 31;

lwp_rwlock_t reader_preferring() {
    lwp_rwlockattr_t attr;
    lwp_rwlockattr_init(&attr);
    lwp_rwlockattr_setkind(&attr, LWP_RWLOCK_PREFER_READER);
    lwp_rwlock_t rw;
    lwp_rwlock_init(&rw, &attr);
    return rw;
}

// Until a writer has queued on rw (its waiting bit is in the state word).
void wait_for_queued_writer(lwp_rwlock_t* rw) {
    while ((__atomic_load_n(&rw->state, __ATOMIC_RELAXED) & writers_waiting_bit) == 0)
        pause_briefly();
}
}  // namespace

TEST(SyncRwlockKind, AttributeDefaultsToWriterPreference) {
    lwp_rwlockattr_t attr;
    ASSERT_EQ(0, lwp_rwlockattr_init(&attr));
    int kind = -1;
    ASSERT_EQ(0, lwp_rwlockattr_getkind(&attr, &kind));
    EXPECT_EQ(LWP_RWLOCK_PREFER_WRITER, kind);
    EXPECT_EQ(LWP_RWLOCK_DEFAULT, kind);
    EXPECT_EQ(0, lwp_rwlockattr_setkind(&attr, LWP_RWLOCK_PREFER_READER));
    ASSERT_EQ(0, lwp_rwlockattr_getkind(&attr, &kind));
    EXPECT_EQ(LWP_RWLOCK_PREFER_READER, kind);
    EXPECT_EQ(EINVAL, lwp_rwlockattr_setkind(&attr, 1));
    EXPECT_EQ(EINVAL, lwp_rwlockattr_setkind(&attr, -1));
    EXPECT_EQ(EINVAL, lwp_rwlockattr_setkind(nullptr, LWP_RWLOCK_PREFER_READER));
    EXPECT_EQ(EINVAL, lwp_rwlockattr_getkind(&attr, nullptr));
    ASSERT_EQ(0, lwp_rwlockattr_getkind(&attr, &kind));
    EXPECT_EQ(LWP_RWLOCK_PREFER_READER, kind);  // refused values left it alone

    lwp_rwlock_t rw;
    ASSERT_EQ(0, lwp_rwlock_init(&rw, &attr));
    EXPECT_EQ(unsigned{LWP_RWLOCK_PREFER_READER}, rw.kind);
    ASSERT_EQ(0, lwp_rwlock_init(&rw, nullptr));
    EXPECT_EQ(unsigned{LWP_RWLOCK_PREFER_WRITER}, rw.kind);
    lwp_rwlock_t initialized = LWP_RWLOCK_INITIALIZER;
    EXPECT_EQ(unsigned{LWP_RWLOCK_PREFER_WRITER}, initialized.kind);
    lwp_rwlock_t reader_initialized = LWP_RWLOCK_PREFER_READER_INITIALIZER;
    EXPECT_EQ(unsigned{LWP_RWLOCK_PREFER_READER}, reader_initialized.kind);
    EXPECT_EQ(0, lwp_rwlockattr_destroy(&attr));
}

// A reader-preferring lock lets a new reader in while a writer waits; a
// writer-preferring one refuses it (EBUSY from tryrdlock).
TEST(SyncRwlockKind, ReaderPreferenceAdmitsReadersPastAWaitingWriter) {
    for (int prefer_reader = 0; prefer_reader < 2; ++prefer_reader) {
        lwp_rwlock_t rw = prefer_reader ? reader_preferring() : lwp_rwlock_t LWP_RWLOCK_INITIALIZER;
        ASSERT_EQ(0, lwp_rwlock_rdlock(&rw));
        std::atomic<int> write_result{-1};
        lwp::thread writer([&] {
            write_result = lwp_rwlock_wrlock(&rw);
            if (write_result == 0) lwp_rwlock_unlock(&rw);
        });
        wait_for_queued_writer(&rw);
        int other = on_other_thread([&] {
            int error = lwp_rwlock_tryrdlock(&rw);
            return error ? error : lwp_rwlock_unlock(&rw);
        });
        // The holder itself reads again: with reader preference recursion is
        // safe (a timed form, so a regression fails instead of hanging).
        timespec deadline = after_ms(CLOCK_MONOTONIC, 20000);
        int again = prefer_reader ? lwp_rwlock_clockrdlock(&rw, CLOCK_MONOTONIC, &deadline)
                                  : lwp_rwlock_tryrdlock(&rw);
        if (again == 0) lwp_rwlock_unlock(&rw);
        ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
        writer.join();
        EXPECT_EQ(prefer_reader ? 0 : EBUSY, other) << "prefer_reader " << prefer_reader;
        EXPECT_EQ(prefer_reader ? 0 : EBUSY, again) << "prefer_reader " << prefer_reader;
        EXPECT_EQ(0, write_result.load());
    }
}

// Regression for glibc's tst-rwlock16 pattern, which deadlocks with writer
// preference: a reader holds the lock while it waits for a second reader's
// signal, and writers queue in between. With reader preference the second
// reader still gets in. Timed forms bound the failure instead of hanging.
TEST(SyncRwlockKind, ReaderWaitingOnAnotherReaderWithWriterQueued) {
    lwp_rwlock_t rw = reader_preferring();
    lwp_mutex_t mutex = LWP_MUTEX_INITIALIZER;
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    bool signalled = false;  // guarded by mutex
    std::atomic<int> consumer_result{-1}, producer_result{-1}, writer_result{-1};
    std::atomic<bool> consumer_holds{false};
    lwp::thread consumer([&] {
        if (lwp_rwlock_rdlock(&rw) != 0) return;
        lwp_mutex_lock(&mutex);
        consumer_holds = true;
        timespec deadline = after_ms(CLOCK_REALTIME, 20000);
        int error = 0;
        while (!signalled && error == 0) error = lwp_cond_timedwait(&cond, &mutex, &deadline);
        consumer_result = signalled ? 0 : error;
        lwp_mutex_unlock(&mutex);
        lwp_rwlock_unlock(&rw);
    });
    while (!consumer_holds) pause_briefly();
    lwp::thread writer([&] {
        writer_result = lwp_rwlock_wrlock(&rw);
        if (writer_result == 0) lwp_rwlock_unlock(&rw);
    });
    wait_for_queued_writer(&rw);
    lwp::thread producer([&] {
        timespec deadline = after_ms(CLOCK_MONOTONIC, 20000);
        producer_result = lwp_rwlock_clockrdlock(&rw, CLOCK_MONOTONIC, &deadline);
        if (producer_result != 0) return;
        lwp_mutex_lock(&mutex);
        signalled = true;
        lwp_cond_signal(&cond);
        lwp_mutex_unlock(&mutex);
        lwp_rwlock_unlock(&rw);
    });
    producer.join();
    consumer.join();
    writer.join();
    EXPECT_EQ(0, producer_result.load());
    EXPECT_EQ(0, consumer_result.load());
    EXPECT_EQ(0, writer_result.load());
}

// An all-zero lock is reader-preferring (glibc's PTHREAD_RWLOCK_INITIALIZER
// is all zeros and means that).
TEST(SyncRwlockKind, AllZeroLockPrefersReaders) {
    lwp_rwlock_t rw;
    std::memset(&rw, 0, sizeof rw);
    EXPECT_EQ(unsigned{LWP_RWLOCK_PREFER_READER}, rw.kind);
    ASSERT_EQ(0, lwp_rwlock_rdlock(&rw));
    std::atomic<int> write_result{-1};
    lwp::thread writer([&] {
        write_result = lwp_rwlock_wrlock(&rw);
        if (write_result == 0) lwp_rwlock_unlock(&rw);
    });
    wait_for_queued_writer(&rw);
    EXPECT_EQ(0, lwp_rwlock_tryrdlock(&rw));
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
    writer.join();
    EXPECT_EQ(0, write_result.load());
}

// Readers that slept behind a writer are all woken when it unlocks, and a
// writer queued behind them gets in after the last of them leaves.
TEST(SyncRwlockKind, ReaderPreferenceWakesSleepingReadersThenWriter) {
    lwp_rwlock_t rw = reader_preferring();
    constexpr unsigned int readers_waiting_bit = 1u << 30;
    ASSERT_EQ(0, lwp_rwlock_wrlock(&rw));
    std::atomic<int> read_ok{0}, write_ok{0};
    std::vector<lwp::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&] {
            if (lwp_rwlock_rdlock(&rw) == 0) {
                read_ok.fetch_add(1);
                lwp_rwlock_unlock(&rw);
            }
        });
    while ((__atomic_load_n(&rw.state, __ATOMIC_RELAXED) & readers_waiting_bit) == 0) pause_briefly();
    threads.emplace_back([&] {
        if (lwp_rwlock_wrlock(&rw) == 0) {
            write_ok.fetch_add(1);
            lwp_rwlock_unlock(&rw);
        }
    });
    wait_for_queued_writer(&rw);
    ASSERT_EQ(0, lwp_rwlock_unlock(&rw));
    for (auto& t : threads) t.join();
    EXPECT_EQ(3, read_ok.load());
    EXPECT_EQ(1, write_ok.load());
    EXPECT_EQ(0, lwp_rwlock_destroy(&rw));
}

// The never-two-writers stress again, on a reader-preferring lock: writers
// still get in, since no thread holds a read lock across iterations.
TEST(SyncRwlockKind, ReaderPreferenceStressNeverTwoWriters) {
    stress_never_two_writers(reader_preferring(), /*try_some_reads=*/true);
}
