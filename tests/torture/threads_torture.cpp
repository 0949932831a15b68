// Thread lifecycle under load: exhaustion, leaks over many cycles, detached
// floods, stacks.
#include <gtest/gtest.h>
#include <lwp/lwp.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <vector>

#include "figures.hpp"
#include "fault_injection.hpp"
#include "process_probe.hpp"
#include "runtime/sys/futex.hpp"

namespace {

using lwp_torture::figure;
using lwp_torture::scaled;

long resident_kib() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (statm) {
        if (std::fscanf(statm, "%ld %ld", &size, &resident) != 2) resident = 0;
        std::fclose(statm);
    }
    return resident * 4;
}

// Threads park here until released; a private futex keeps them off the CPU.
struct parking {
    std::atomic<int> released{0};
    std::atomic<int> arrived{0};
};

void* park(void* raw) {
    auto* lot = static_cast<parking*>(raw);
    lot->arrived.fetch_add(1, std::memory_order_relaxed);
    while (lot->released.load(std::memory_order_acquire) == 0)
        lwp::sys::futex_wait(&lot->released, 0, /*process_private=*/true);
    return nullptr;
}

// In a child process: become an unprivileged user with a small thread limit
// (root ignores RLIMIT_NPROC, and exhausting the machine's pid space would
// disturb everything else running on it), then create threads with default
// attributes until the kernel refuses, join them all, and create again.
void create_until_refused() {
    constexpr rlim_t thread_limit = 300;
    rlimit limit{thread_limit, thread_limit};
    REQUIRE_OR_EXIT(setrlimit(RLIMIT_NPROC, &limit) == 0, 10);
    REQUIRE_OR_EXIT(setresgid(65534, 65534, 65534) == 0, 11);
    REQUIRE_OR_EXIT(setresuid(65534, 65534, 65534) == 0, 12);
    lwp_stack_cache_set_limit(0);
    lwp_t warm;  // maps the handle table's first chunk before the baseline
    parking lot;
    lot.released = 1;
    REQUIRE_OR_EXIT(lwp_create(&warm, nullptr, park, &lot) == 0, 18);
    REQUIRE_OR_EXIT(lwp_join(warm, nullptr) == 0, 19);
    const int baseline = lwp_test::mapping_count();
    std::vector<lwp_t> threads;
    int error = 0;
    for (int round = 0; round < 3; ++round) {
        lot.released = 0;
        while (true) {
            lwp_t thread;
            error = lwp_create(&thread, nullptr, park, &lot);
            if (error) break;
            threads.push_back(thread);
            REQUIRE_OR_EXIT(threads.size() < 100000, 13);
        }
        REQUIRE_OR_EXIT(error == EAGAIN, 14);
        REQUIRE_OR_EXIT(threads.size() > 10, 15);
        std::printf("FIGURE exhaustion_threads_reached_round_%d %zu\n", round, threads.size());
        lot.released.store(1, std::memory_order_release);
        lwp::sys::futex_wake(&lot.released, 1 << 30, true);
        for (lwp_t thread : threads) REQUIRE_OR_EXIT(lwp_join(thread, nullptr) == 0, 16);
        threads.clear();
        REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 17);
    }
    std::fflush(stdout);
    _exit(0);
}

TEST(ThreadTortureDeathTest, CreateUntilTheKernelRefusesThenJoinAllAndCreateAgain) {
    EXPECT_EXIT(create_until_refused(), testing::ExitedWithCode(0), "");
}

TEST(ThreadTorture, CreateJoinCyclesReturnMappingsAndMemoryToBaseline) {
    const long cycles = scaled(200'000, 1'000'000);
    lwp_stack_cache_set_limit(40u << 20);
    lwp_t warm;
    ASSERT_EQ(0, lwp_create(&warm, nullptr, [](void*) -> void* { return nullptr; }, nullptr));
    ASSERT_EQ(0, lwp_join(warm, nullptr));
    const int maps_before = lwp_test::mapping_count();
    const long rss_before = resident_kib();
    std::atomic<long> ran{0};
    for (long i = 0; i < cycles; ++i) {
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, nullptr,
                                [](void* counter) -> void* {
                                    static_cast<std::atomic<long>*>(counter)->fetch_add(1);
                                    return nullptr;
                                },
                                &ran));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
    }
    EXPECT_EQ(cycles, ran.load());
    const int maps_after = lwp_test::mapping_count();
    const long rss_after = resident_kib();
    figure("create_join_cycles", cycles);
    figure("create_join_maps_delta", maps_after - maps_before);
    figure("create_join_rss_delta_kib", rss_after - rss_before);
    EXPECT_EQ(maps_before, maps_after);
    // One cached stack is reused throughout: its touched pages are already
    // counted in the baseline; allow a little for the test's own heap.
    EXPECT_LT(rss_after - rss_before, 1024);
}

TEST(ThreadTorture, DetachedFloodLeavesNothingBehind) {
    const long count = scaled(20'000, 100'000);
    lwp_stack_cache_set_limit(0);
    lwp::thread([] {}).join();  // maps the handle table (kept for good) before the baseline
    const int maps_before = lwp_test::mapping_count();
    const long rss_before = resident_kib();
    lwp_stack_cache_set_limit(8u << 20);  // a small cache: some cached, most self-unmapped
    std::atomic<long> finished{0};
    lwp_t last = 0;
    for (long i = 0; i < count; ++i) {
        lwp::thread_attributes options;
        options.detached = true;
        lwp::thread thread;
        ASSERT_EQ(0, lwp::thread::create(thread, options, [&finished] { finished.fetch_add(1); }));
        (void)last;
    }
    while (finished.load() < count) lwp_yield();
    // A detached thread bumps the counter, then releases itself; trimming the
    // cache waits for the kernel's clear of every cached entry's tid word, and
    // the self-unmapping ones are a few instructions from gone.
    lwp_stack_cache_set_limit(0);
    int maps_after = lwp_test::mapping_count();
    for (int spins = 0; maps_after != maps_before && spins < 100000; ++spins) {
        lwp_yield();
        maps_after = lwp_test::mapping_count();
    }
    const long rss_after = resident_kib();
    figure("detached_threads", count);
    figure("detached_maps_delta", maps_after - maps_before);
    figure("detached_rss_delta_kib", rss_after - rss_before);
    EXPECT_EQ(maps_before, maps_after);
    EXPECT_LT(rss_after - rss_before, 1024);
    lwp_stack_cache_set_limit(40u << 20);
}

__attribute__((noinline)) long recurse_then_exit(long depth) {
    volatile char frame[128];
    frame[0] = static_cast<char>(depth);
    if (depth == 0) lwp_exit(reinterpret_cast<void*>(0x5eed));
    return recurse_then_exit(depth - 1) + frame[0];
}

TEST(ThreadTorture, ExitFromDeepRecursionWorks) {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    ASSERT_EQ(0, lwp_attr_setstacksize(&attr, 64u << 20));
    const long depth = 200'000;  // ~200 bytes a frame: ~40 MiB deep
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr,
                            [](void* d) -> void* {
                                recurse_then_exit(reinterpret_cast<long>(d));
                                return nullptr;
                            },
                            reinterpret_cast<void*>(depth)));
    void* result = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &result));
    EXPECT_EQ(reinterpret_cast<void*>(0x5eed), result);
    figure("deep_recursion_frames", depth);
    lwp_attr_destroy(&attr);
}

__attribute__((noinline)) long recurse_forever(long depth) {
    volatile char frame[512];
    frame[0] = static_cast<char>(depth);
    return recurse_forever(depth + 1) + frame[0];
}

void overflow_with_stack(size_t size, size_t guard) {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setstacksize(&attr, size);
    lwp_attr_setguardsize(&attr, guard);
    lwp_t thread;
    if (lwp_create(&thread, &attr, [](void*) -> void* { recurse_forever(0); return nullptr; },
                   nullptr) != 0)
        _exit(3);
    lwp_join(thread, nullptr);
    _exit(4);
}

TEST(ThreadTortureDeathTest, OverflowEndsInSigsegvAtTheGuardForEveryStackSize) {
    EXPECT_EXIT(overflow_with_stack(64 << 10, 4096), testing::KilledBySignal(SIGSEGV), "");
    EXPECT_EXIT(overflow_with_stack(1 << 20, 4096), testing::KilledBySignal(SIGSEGV), "");
    EXPECT_EXIT(overflow_with_stack(1 << 20, 64 << 10), testing::KilledBySignal(SIGSEGV), "");
    EXPECT_EXIT(overflow_with_stack(8 << 20, 4096), testing::KilledBySignal(SIGSEGV), "");
}

}  // namespace
