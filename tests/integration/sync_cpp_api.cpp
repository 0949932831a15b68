// lwp's synchronization objects through the C++ API (<lwp/lwp.hpp>), in a
// freestanding program: the same invariants as sync_c_api.c, exercised with
// lwp::mutex, recursive_mutex, timed_mutex, condition_variable (plain and
// predicate waits, wait_for), shared_mutex with lwp::shared_lock, barrier,
// counting_semaphore, once_flag/call_once, and lwp's own lock owners.
// Thread bodies record what they saw; main checks after joining.
#include <lwp/lwp.hpp>

#include <atomic>
#include <chrono>

#include "check.h"

namespace {

constexpr int thread_count = 4;
constexpr int iterations = 20000;

template <class Body>
void run_all(Body body) {
    lwp::thread threads[thread_count];
    for (int i = 0; i < thread_count; ++i) threads[i] = lwp::thread(body, i);
    for (auto& thread : threads) thread.join();
}

// ------------------------------------------------------------------ mutexes

void check_mutexes() {
    lwp::mutex plain;
    lwp::recursive_mutex recursive;
    lwp::timed_mutex timed;
    long plain_count = 0, recursive_count = 0, timed_count = 0;
    std::atomic<int> timed_failures{0};
    run_all([&](int) {
        for (int i = 0; i < iterations; ++i) {
            {
                lwp::lock_guard<lwp::mutex> hold(plain);
                ++plain_count;
            }
            {
                lwp::unique_lock<lwp::recursive_mutex> outer(recursive);
                lwp::lock_guard<lwp::recursive_mutex> inner(recursive);
                ++recursive_count;
            }
            if (i % 8 == 0) {
                // Generous: only a broken lock would make this fail.
                if (timed.try_lock_for(std::chrono::seconds(60))) {
                    ++timed_count;
                    timed.unlock();
                } else {
                    timed_failures.fetch_add(1);
                }
            }
        }
    });
    CHECK_EQ(plain_count, static_cast<long>(thread_count) * iterations);
    CHECK_EQ(recursive_count, static_cast<long>(thread_count) * iterations);
    CHECK_EQ(timed_failures.load(), 0);
    CHECK_EQ(timed_count, static_cast<long>(thread_count) * (iterations / 8));
}

// --------------------------------------------------- producer / consumer

void check_queue() {
    constexpr int queue_size = 8;
    constexpr int producers = thread_count / 2;
    constexpr long per_producer = 20000;
    constexpr long total = producers * per_producer;
    lwp::mutex mutex;
    lwp::condition_variable not_empty, not_full;
    long queue[queue_size];
    int head = 0, length = 0, producers_done = 0;
    static unsigned char seen[total];
    long consumed_sum[thread_count] = {}, consumed_count[thread_count] = {};
    std::atomic<int> duplicates{0};

    run_all([&](int index) {
        if (index < producers) {
            for (long i = 0; i < per_producer; ++i) {
                lwp::unique_lock<lwp::mutex> lock(mutex);
                not_full.wait(lock, [&] { return length < queue_size; });
                queue[(head + length) % queue_size] = index * per_producer + i;
                ++length;
                not_empty.notify_one();
            }
            lwp::lock_guard<lwp::mutex> lock(mutex);
            ++producers_done;
            not_empty.notify_all();
            return;
        }
        for (;;) {
            lwp::unique_lock<lwp::mutex> lock(mutex);
            // wait_for with a generous bound, looping: exercises the timed
            // path without depending on how long anything takes.
            while (length == 0 && producers_done < producers)
                not_empty.wait_for(lock, std::chrono::seconds(30));
            if (length == 0) return;
            long item = queue[head];
            head = (head + 1) % queue_size;
            --length;
            not_full.notify_one();
            if (seen[item]) duplicates.fetch_add(1);
            seen[item] = 1;
            lock.unlock();
            consumed_sum[index] += item;
            ++consumed_count[index];
        }
    });
    long sum = 0, count = 0;
    for (int i = 0; i < thread_count; ++i) {
        sum += consumed_sum[i];
        count += consumed_count[i];
    }
    CHECK_EQ(duplicates.load(), 0);
    CHECK_EQ(count, total);
    CHECK_EQ(sum, total * (total - 1) / 2);
    for (long i = 0; i < total; ++i) CHECK(seen[i]);
}

// ------------------------------------------------------------ shared_mutex

void check_shared_mutex() {
    lwp::shared_mutex rw;
    std::atomic<int> readers{0}, writers{0}, violations{0};
    long written = 0;
    run_all([&](int index) {
        for (int i = 0; i < iterations / 2; ++i) {
            if ((i + index) % 4 == 0) {
                lwp::lock_guard<lwp::shared_mutex> hold(rw);
                if (writers.fetch_add(1) != 0 || readers.load() != 0) violations.fetch_add(1);
                ++written;
                writers.fetch_sub(1);
            } else {
                lwp::shared_lock<lwp::shared_mutex> hold(rw);
                readers.fetch_add(1);
                if (writers.load() != 0) violations.fetch_add(1);
                readers.fetch_sub(1);
            }
        }
    });
    CHECK_EQ(violations.load(), 0);
    CHECK_EQ(written, static_cast<long>(thread_count) * (iterations / 2 / 4));
}

// ------------------------------------------------------------------ barrier

void check_barrier() {
    constexpr int rounds = 2000;
    lwp::barrier barrier(thread_count);
    std::atomic<int> phase{0}, serial{0}, errors{0};
    run_all([&](int) {
        for (int round = 0; round < rounds; ++round) {
            if (phase.load() != round) errors.fetch_add(1);
            if (barrier.wait()) {
                serial.fetch_add(1);
                phase.fetch_add(1);
            }
            barrier.arrive_and_wait();  // nobody runs ahead of the bump
        }
    });
    CHECK_EQ(errors.load(), 0);
    CHECK_EQ(serial.load(), rounds);
    CHECK_EQ(phase.load(), rounds);
}

// ---------------------------------------------------------------- semaphore

void check_semaphore() {
    constexpr int units = 3;
    lwp::counting_semaphore<units> semaphore(units);
    std::atomic<int> holders{0}, most{0};
    long taken[thread_count] = {}, released[thread_count] = {};
    run_all([&](int index) {
        for (int i = 0; i < iterations / 2; ++i) {
            if (i % 3 == 0) {
                if (!semaphore.try_acquire()) continue;
            } else {
                semaphore.acquire();
            }
            ++taken[index];
            int now = holders.fetch_add(1) + 1;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            holders.fetch_sub(1);
            semaphore.release();
            ++released[index];
        }
    });
    long all_taken = 0, all_released = 0;
    for (int i = 0; i < thread_count; ++i) {
        all_taken += taken[i];
        all_released += released[i];
    }
    CHECK_EQ(all_taken, all_released);
    CHECK(all_taken > 0);
    CHECK(most.load() <= units);
    // Exactly `units` left: take them all, and no more.
    for (int i = 0; i < units; ++i) CHECK(semaphore.try_acquire());
    CHECK(!semaphore.try_acquire());
}

// ----------------------------------------------------------- once, and TSD

struct key_values {
    std::atomic<int> destroyed[thread_count];
};
key_values destroyed_values;

void destroy_value(void* value) {
    int slot = *static_cast<int*>(value);
    destroyed_values.destroyed[slot].fetch_add(1);
}

void check_once_and_keys() {
    lwp::once_flag flag;
    std::atomic<int> runs{0}, errors{0};
    int value = 0;
    lwp_key_t key;
    CHECK_EQ(lwp_key_create(&key, destroy_value), 0);
    static int slots[thread_count];
    run_all([&](int index) {
        lwp::call_once(flag, [&] {
            runs.fetch_add(1);
            // Stay in the routine a while, so that others arrive meanwhile.
            for (int i = 0; i < 100000; ++i) std::atomic_signal_fence(std::memory_order_seq_cst);
            value = 42;
        });
        if (value != 42) errors.fetch_add(1);
        slots[index] = index;
        if (lwp_setspecific(key, &slots[index]) != 0) errors.fetch_add(1);
    });
    CHECK_EQ(runs.load(), 1);
    CHECK_EQ(errors.load(), 0);
    for (int i = 0; i < thread_count; ++i) CHECK_EQ(destroyed_values.destroyed[i].load(), 1);
    CHECK_EQ(lwp_key_delete(key), 0);
}

}  // namespace

int main() {
    check_mutexes();
    check_queue();
    check_shared_mutex();
    check_barrier();
    check_semaphore();
    check_once_and_keys();
    return 0;
}
