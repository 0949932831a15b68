// Creating, joining, detaching and exiting lwp threads (C API).
#include <gtest/gtest.h>
#include <lwp/lwp.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <vector>

#include "process_probe.hpp"
#include "runtime/thread/lifecycle.hpp"
#include "runtime/thread/thread_descriptor.hpp"

namespace {

void* return_argument(void* argument) { return argument; }

void* bump_counter(void* counter) {
    static_cast<std::atomic<int>*>(counter)->fetch_add(1, std::memory_order_relaxed);
    return nullptr;
}

TEST(ThreadLifecycle, CreateAndJoinReturnsTheRoutinesResult) {
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, return_argument, reinterpret_cast<void*>(0x1234)));
    void* result = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &result));
    EXPECT_EQ(reinterpret_cast<void*>(0x1234), result);
}

TEST(ThreadLifecycle, ManyThreadsAliveAtOnceAllRunAndJoin) {
    constexpr int thread_count = 200;
    std::atomic<int> counter{0};
    std::vector<lwp_t> threads(thread_count);
    for (auto& thread : threads) ASSERT_EQ(0, lwp_create(&thread, nullptr, bump_counter, &counter));
    for (auto& thread : threads) ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(thread_count, counter.load());
}

TEST(ThreadLifecycle, EachThreadReturnsItsOwnValue) {
    constexpr int thread_count = 32;
    lwp_t threads[thread_count];
    for (intptr_t i = 0; i < thread_count; ++i)
        ASSERT_EQ(0, lwp_create(&threads[i], nullptr, return_argument, reinterpret_cast<void*>(i * 7)));
    for (intptr_t i = 0; i < thread_count; ++i) {
        void* result = nullptr;
        ASSERT_EQ(0, lwp_join(threads[i], &result));
        EXPECT_EQ(reinterpret_cast<void*>(i * 7), result);
    }
}

void nested_exit(int depth) {
    if (depth == 0) lwp_exit(reinterpret_cast<void*>(0xdead));
    nested_exit(depth - 1);
    // Not reached: lwp_exit does not return. A non-tail call keeps real frames.
    asm volatile("" ::: "memory");
}

std::atomic<bool> ran_past_exit{false};

void* exit_from_depth(void*) {
    nested_exit(50);
    ran_past_exit = true;
    return nullptr;
}

TEST(ThreadLifecycle, ExitFromANestedCallDeliversItsResult) {
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, exit_from_depth, nullptr));
    void* result = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &result));
    EXPECT_EQ(reinterpret_cast<void*>(0xdead), result);
    EXPECT_FALSE(ran_past_exit.load());
}

TEST(ThreadLifecycle, JoiningOneselfIsADeadlock) {
    EXPECT_EQ(EDEADLK, lwp_join(lwp_self(), nullptr));
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr,
                            [](void*) -> void* {
                                return reinterpret_cast<void*>(
                                    static_cast<intptr_t>(lwp_join(lwp_self(), nullptr)));
                            },
                            nullptr));
    void* result = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &result));
    EXPECT_EQ(EDEADLK, static_cast<int>(reinterpret_cast<intptr_t>(result)));
}

TEST(ThreadLifecycle, JoiningTwiceGivesNoSuchThread) {
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, return_argument, nullptr));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(ESRCH, lwp_join(thread, nullptr));
    EXPECT_EQ(ESRCH, lwp_detach(thread));
}

TEST(ThreadLifecycle, HandlesThatNeverExistedGiveNoSuchThread) {
    EXPECT_EQ(ESRCH, lwp_join(0, nullptr));
    EXPECT_EQ(ESRCH, lwp_join(0x7fffffff, nullptr));
    EXPECT_EQ(ESRCH, lwp_detach(0));
    EXPECT_EQ(ESRCH, lwp_join(lwp_t{1} << 63 | 1, nullptr));  // a foreign-thread handle
}

// One create/join before a mapping-count baseline: the first thread of a
// process maps lwp's handle table, which stays (by design) and must not be
// counted as a leak.
void warm_up() {
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, return_argument, nullptr));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
}

// A thread that waits until released, so tests can act on it while it runs.
struct gate {
    std::atomic<int> open{0};
    std::atomic<int> finished{0};
};

void* wait_at_gate(void* raw) {
    auto* g = static_cast<gate*>(raw);
    while (g->open.load(std::memory_order_acquire) == 0) lwp_yield();
    g->finished.fetch_add(1, std::memory_order_release);
    return nullptr;
}

TEST(ThreadLifecycle, JoiningADetachedThreadIsInvalid) {
    gate g;
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, wait_at_gate, &g));
    ASSERT_EQ(0, lwp_detach(thread));
    EXPECT_EQ(EINVAL, lwp_join(thread, nullptr));
    EXPECT_EQ(EINVAL, lwp_detach(thread));
    g.open = 1;
    while (g.finished.load(std::memory_order_acquire) == 0) lwp_yield();
}

TEST(ThreadLifecycle, DetachedAtCreationIsNotJoinable) {
    gate g;
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setdetachstate(&attr, LWP_CREATE_DETACHED));
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr, wait_at_gate, &g));
    EXPECT_EQ(EINVAL, lwp_join(thread, nullptr));
    g.open = 1;
    while (g.finished.load(std::memory_order_acquire) == 0) lwp_yield();
    lwp_attr_destroy(&attr);
}

TEST(ThreadLifecycle, DetachingAFinishedThreadReleasesIt) {
    lwp_t thread;
    std::atomic<int> counter{0};
    ASSERT_EQ(0, lwp_create(&thread, nullptr, bump_counter, &counter));
    while (counter.load() == 0) lwp_yield();
    // The thread may or may not have reached its exit yet: both orders of
    // detach and exit must release it exactly once.
    ASSERT_EQ(0, lwp_detach(thread));
    EXPECT_EQ(1, counter.load());
}

TEST(ThreadLifecycle, ADetachedThreadsHandleGoesStaleOnceItEnds) {
    gate g;
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, wait_at_gate, &g));
    ASSERT_EQ(0, lwp_detach(thread));
    g.open = 1;
    // The slot is released by the thread itself just before it exits; wait
    // for that (bounded by the thread's exit, not by a timer).
    while (lwp_join(thread, nullptr) == EINVAL) lwp_yield();
    EXPECT_EQ(ESRCH, lwp_join(thread, nullptr));
}

TEST(ThreadLifecycle, DetachedThreadsLeaveNoMappingBehind) {
    // With the cache off, each detached thread unmaps its own stack on the
    // way out (lwp_arch_unmap_and_exit).
    size_t old_limit = lwp_stack_cache_limit();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    warm_up();
    const int baseline = lwp_test::mapping_count();
    constexpr int thread_count = 64;
    gate g;
    std::vector<lwp_t> threads(thread_count);
    for (auto& thread : threads) {
        ASSERT_EQ(0, lwp_create(&thread, nullptr, wait_at_gate, &g));
        ASSERT_EQ(0, lwp_detach(thread));
    }
    EXPECT_GT(lwp_test::mapping_count(), baseline);
    g.open = 1;
    // Each thread's handle goes stale only after it has begun releasing
    // itself; after that its unmap is a few instructions away.
    for (auto thread : threads)
        while (lwp_join(thread, nullptr) != ESRCH) lwp_yield();
    int now = lwp_test::mapping_count();
    for (int spins = 0; now != baseline && spins < 100000; ++spins) {
        lwp_yield();
        now = lwp_test::mapping_count();
    }
    EXPECT_EQ(baseline, now);
    EXPECT_EQ(thread_count, g.finished.load());
    lwp_stack_cache_set_limit(old_limit);
}

TEST(ThreadLifecycle, DetachedThreadsHandTheirMappingToTheCache) {
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    warm_up();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(size_t{1} << 30));
    const int baseline = lwp_test::mapping_count();
    gate g;
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, wait_at_gate, &g));
    ASSERT_EQ(0, lwp_detach(thread));
    EXPECT_EQ(0u, lwp_stack_cache_size());
    g.open = 1;
    while (lwp_join(thread, nullptr) != ESRCH) lwp_yield();
    EXPECT_GT(lwp_stack_cache_size(), 0u);
    // Trimming to zero waits for the kernel's tid clear, then unmaps.
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    EXPECT_EQ(0u, lwp_stack_cache_size());
    EXPECT_EQ(baseline, lwp_test::mapping_count());
    lwp_stack_cache_set_limit(40u << 20);
}

// A thread_local object whose destructor uses a library that keeps its
// per-thread state under a key (a logger, an allocator): it reads that state,
// and sets it again if it was gone. Hosted programs have no thread_local
// destructor hook (glibc's do not run on lwp threads), so the test installs a
// stand-in for the freestanding runtime's.
lwp_key_t library_key;
int library_state;
std::atomic<int> thread_local_destructor_saw_state{0};
std::atomic<int> library_state_destroyed{0};
void* value_storage_after_the_destructor = nullptr;  // the thread's value cells

void destroy_library_state(void* state) {
    if (state == &library_state) library_state_destroyed.fetch_add(1, std::memory_order_relaxed);
}

void thread_local_destructor_using_the_library() {
    // Like the runtime's list of registered destructors: each runs once.
    thread_local bool already_ran = false;
    if (already_ran) return;
    already_ran = true;
    if (lwp_getspecific(library_key) == &library_state)
        thread_local_destructor_saw_state.fetch_add(1, std::memory_order_relaxed);
    lwp_setspecific(library_key, &library_state);
    value_storage_after_the_destructor = lwp::runtime::current_thread.specific;
}

void* use_the_library(void*) {
    lwp_setspecific(library_key, &library_state);
    return nullptr;
}

// As in glibc, thread_local destructors run before the thread-specific data
// destructors: they still find the thread's values, and a value they set is
// destroyed (and its storage unmapped) like any other.
TEST(ThreadLifecycle, ThreadLocalDestructorsRunBeforeThreadSpecificData) {
    ASSERT_EQ(0, lwp_key_create(&library_key, destroy_library_state));
    void (*previous_hook)() = lwp::runtime::thread_local_destructors;
    lwp::runtime::thread_local_destructors = thread_local_destructor_using_the_library;
    lwp_t thread;
    int created = lwp_create(&thread, nullptr, use_the_library, nullptr);
    if (created == 0) lwp_join(thread, nullptr);
    lwp::runtime::thread_local_destructors = previous_hook;
    ASSERT_EQ(0, created);
    EXPECT_EQ(1, thread_local_destructor_saw_state.load());
    EXPECT_EQ(1, library_state_destroyed.load());
    ASSERT_NE(nullptr, value_storage_after_the_destructor);
    EXPECT_FALSE(lwp_test::is_mapped(value_storage_after_the_destructor))
        << "the thread's value storage was left mapped";
    EXPECT_EQ(0, lwp_key_delete(library_key));
}

TEST(ThreadLifecycle, HundredThousandCreateJoinCyclesLeakNoMapping) {
    lwp_t warm;
    ASSERT_EQ(0, lwp_create(&warm, nullptr, return_argument, nullptr));
    ASSERT_EQ(0, lwp_join(warm, nullptr));
    const int baseline = lwp_test::mapping_count();
    std::atomic<int> counter{0};
    for (int i = 0; i < 100000; ++i) {
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, nullptr, bump_counter, &counter));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
    }
    EXPECT_EQ(100000, counter.load());
    EXPECT_EQ(baseline, lwp_test::mapping_count());
}

TEST(ThreadLifecycle, UncachedCreateJoinCyclesLeakNoMapping) {
    size_t old_limit = lwp_stack_cache_limit();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    warm_up();
    const int baseline = lwp_test::mapping_count();
    for (int i = 0; i < 2000; ++i) {
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, nullptr, return_argument, nullptr));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
    }
    EXPECT_EQ(baseline, lwp_test::mapping_count());
    lwp_stack_cache_set_limit(old_limit);
}

}  // namespace
