// Thread-specific data: per-thread values, destructors at lwp thread exit
// (with the repeat passes), key deletion and slot reuse, the key limit, and
// foreign threads.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <thread>
#include <vector>

#include "sync_test_support.hpp"

namespace {

void* as_value(std::uintptr_t n) { return reinterpret_cast<void*>(n); }

std::atomic<int> destroyed_count{0};
std::atomic<std::uintptr_t> destroyed_sum{0};
void count_destructor(void* value) {
    destroyed_count.fetch_add(1);
    destroyed_sum.fetch_add(reinterpret_cast<std::uintptr_t>(value));
}

// Re-stores its value until the budget runs out, to exercise the passes.
lwp_key_t restoring_key;
std::atomic<int> restoring_calls{0};
std::atomic<int> restore_budget{0};
void restoring_destructor(void* value) {
    restoring_calls.fetch_add(1);
    if (restore_budget.fetch_sub(1) > 0) lwp_setspecific(restoring_key, value);
}

void reset_counts() {
    destroyed_count = 0;
    destroyed_sum = 0;
}

}  // namespace

TEST(Tsd, ValuesArePerThread) {
    lwp_key_t key;
    ASSERT_EQ(0, lwp_key_create(&key, nullptr));
    EXPECT_EQ(nullptr, lwp_getspecific(key));
    ASSERT_EQ(0, lwp_setspecific(key, as_value(1)));
    std::atomic<std::uintptr_t> lwp_before{99}, lwp_after{0}, std_before{99}, std_after{0};
    lwp::thread t([&] {
        lwp_before = reinterpret_cast<std::uintptr_t>(lwp_getspecific(key));
        lwp_setspecific(key, as_value(2));
        lwp_after = reinterpret_cast<std::uintptr_t>(lwp_getspecific(key));
    });
    std::thread foreign([&] {
        std_before = reinterpret_cast<std::uintptr_t>(lwp_getspecific(key));
        lwp_setspecific(key, as_value(3));
        std_after = reinterpret_cast<std::uintptr_t>(lwp_getspecific(key));
    });
    t.join();
    foreign.join();
    EXPECT_EQ(0u, lwp_before.load());
    EXPECT_EQ(2u, lwp_after.load());
    EXPECT_EQ(0u, std_before.load());
    EXPECT_EQ(3u, std_after.load());
    EXPECT_EQ(as_value(1), lwp_getspecific(key));
    EXPECT_EQ(0, lwp_key_delete(key));
}

TEST(Tsd, InvalidKeys) {
    EXPECT_EQ(EINVAL, lwp_key_create(nullptr, nullptr));
    EXPECT_EQ(EINVAL, lwp_key_delete(LWP_KEYS_MAX));
    EXPECT_EQ(EINVAL, lwp_setspecific(LWP_KEYS_MAX + 5, as_value(1)));
    EXPECT_EQ(nullptr, lwp_getspecific(LWP_KEYS_MAX));
    lwp_key_t key;
    ASSERT_EQ(0, lwp_key_create(&key, nullptr));
    ASSERT_EQ(0, lwp_key_delete(key));
    EXPECT_EQ(EINVAL, lwp_key_delete(key));  // already deleted
    EXPECT_EQ(EINVAL, lwp_setspecific(key, as_value(1)));
}

TEST(Tsd, DestructorsRunAtLwpThreadExitForNonNullValues) {
    reset_counts();
    lwp_key_t with_destructor, also_with, without;
    ASSERT_EQ(0, lwp_key_create(&with_destructor, count_destructor));
    ASSERT_EQ(0, lwp_key_create(&also_with, count_destructor));
    ASSERT_EQ(0, lwp_key_create(&without, nullptr));
    for (int i = 0; i < 3; ++i) {
        lwp::thread t([&] {
            lwp_setspecific(with_destructor, as_value(10));
            lwp_setspecific(also_with, nullptr);  // null: no destructor call
            lwp_setspecific(without, as_value(7));
        });
        t.join();
    }
    EXPECT_EQ(3, destroyed_count.load());
    EXPECT_EQ(30u, destroyed_sum.load());
    for (lwp_key_t k : {with_destructor, also_with, without}) EXPECT_EQ(0, lwp_key_delete(k));
}

TEST(Tsd, DestructorPassesStopAtFour) {
    ASSERT_EQ(0, lwp_key_create(&restoring_key, restoring_destructor));
    struct Case {
        int budget;
        int expected_calls;
    };
    // Budget n: the destructor stores a new value n times. Passes: n + 1 calls,
    // capped at LWP_DESTRUCTOR_ITERATIONS.
    for (Case c : {Case{0, 1}, Case{2, 3}, Case{100, LWP_DESTRUCTOR_ITERATIONS}}) {
        restoring_calls = 0;
        restore_budget = c.budget;
        lwp::thread([] { lwp_setspecific(restoring_key, as_value(5)); }).join();
        EXPECT_EQ(c.expected_calls, restoring_calls.load()) << "budget " << c.budget;
    }
    EXPECT_EQ(0, lwp_key_delete(restoring_key));
}

TEST(Tsd, DeletedKeyValuesAreNeitherDestroyedNorSeenByANewKey) {
    reset_counts();
    std::atomic<int> phase{0};
    std::atomic<std::uintptr_t> seen_through_new_key{99};
    lwp_key_t old_key, new_key = LWP_KEYS_MAX;
    ASSERT_EQ(0, lwp_key_create(&old_key, count_destructor));
    lwp::thread holder([&] {
        lwp_setspecific(old_key, as_value(1));
        phase = 1;
        while (phase.load() != 2) lwp::this_thread::yield();
        seen_through_new_key = reinterpret_cast<std::uintptr_t>(lwp_getspecific(new_key));
    });
    while (phase.load() != 1) lwp::this_thread::yield();
    ASSERT_EQ(0, lwp_key_delete(old_key));
    // The freed slot is the lowest free one, so the new key reuses it.
    ASSERT_EQ(0, lwp_key_create(&new_key, count_destructor));
    EXPECT_EQ(old_key, new_key);
    phase = 2;
    holder.join();
    EXPECT_EQ(0u, seen_through_new_key.load());
    EXPECT_EQ(0, destroyed_count.load());  // the old value had no live key at exit
    EXPECT_EQ(0, lwp_key_delete(new_key));
}

TEST(Tsd, AllKeysUsableAndLimitReported) {
    reset_counts();
    std::vector<lwp_key_t> keys;
    lwp_key_t key;
    int error;
    while ((error = lwp_key_create(&key, count_destructor)) == 0) keys.push_back(key);
    EXPECT_EQ(EAGAIN, error);
    // Every other test deletes its keys, so all of them were free.
    ASSERT_EQ(static_cast<std::size_t>(LWP_KEYS_MAX), keys.size());
    std::atomic<int> mismatches{0};
    lwp::thread t([&] {
        for (std::size_t i = 0; i < keys.size(); ++i) lwp_setspecific(keys[i], as_value(i + 1));
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (lwp_getspecific(keys[i]) != as_value(i + 1)) mismatches.fetch_add(1);
    });
    t.join();
    EXPECT_EQ(0, mismatches.load());
    EXPECT_EQ(LWP_KEYS_MAX, destroyed_count.load());
    EXPECT_EQ(std::uintptr_t{LWP_KEYS_MAX} * (LWP_KEYS_MAX + 1) / 2, destroyed_sum.load());
    for (lwp_key_t k : keys) EXPECT_EQ(0, lwp_key_delete(k));
}

// A thread on a reused (cached) stack starts with no values.
TEST(Tsd, NewThreadsStartEmpty) {
    lwp_key_t key;
    ASSERT_EQ(0, lwp_key_create(&key, nullptr));
    std::atomic<int> non_null{0};
    for (int i = 0; i < 20; ++i) {
        lwp::thread([&] {
            if (lwp_getspecific(key) != nullptr) non_null.fetch_add(1);
            lwp_setspecific(key, as_value(77));
        }).join();
    }
    EXPECT_EQ(0, non_null.load());
    EXPECT_EQ(0, lwp_key_delete(key));
}
