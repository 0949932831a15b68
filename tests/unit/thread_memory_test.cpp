// What a new thread finds in memory: its TLS copy, its TCB, and a stack of the
// size asked for with a guard below it.
#include <gtest/gtest.h>
#include <lwp/lwp.h>
#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <vector>

#include "arch/x86_64/thread_pointer.hpp"
#include "process_probe.hpp"
#include "runtime/sys/futex.hpp"
#include "runtime/thread/host_tls.hpp"
#include "runtime/thread/thread_query.hpp"

namespace {

// .tdata (initialised) and .tbss (zero) variables of this test executable.
thread_local int initialised_counter = 42;
thread_local char zeroed_buffer[256];
alignas(64) thread_local unsigned char cache_line_aligned[64] = {7};

struct tls_report {
    int initial_counter;
    int counter_after_bump;
    bool buffer_was_zero;
    std::uintptr_t aligned_address;
    unsigned char aligned_first_byte;
    void* counter_address;
};

void* inspect_tls(void* raw) {
    auto* report = static_cast<tls_report*>(raw);
    report->initial_counter = initialised_counter;
    initialised_counter += 1000;
    report->counter_after_bump = initialised_counter;
    report->buffer_was_zero = true;
    for (char c : zeroed_buffer)
        if (c != 0) report->buffer_was_zero = false;
    std::memset(zeroed_buffer, 0x5a, sizeof zeroed_buffer);  // dirty it for the next user
    report->aligned_address = reinterpret_cast<std::uintptr_t>(cache_line_aligned);
    report->aligned_first_byte = cache_line_aligned[0];
    report->counter_address = &initialised_counter;
    return nullptr;
}

TEST(ThreadMemory, ThreadLocalsStartFromTheirInitialisersInEveryThread) {
    initialised_counter = -1;  // the main thread's copy must not leak into children
    std::memset(zeroed_buffer, 1, sizeof zeroed_buffer);
    // Several rounds: later rounds run on cached mappings whose TLS was dirtied.
    for (int round = 0; round < 4; ++round) {
        tls_report report{};
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, nullptr, inspect_tls, &report));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
        EXPECT_EQ(42, report.initial_counter);
        EXPECT_EQ(1042, report.counter_after_bump);
        EXPECT_TRUE(report.buffer_was_zero);
        EXPECT_EQ(0u, report.aligned_address % 64);
        EXPECT_EQ(7, report.aligned_first_byte);
        EXPECT_NE(static_cast<void*>(&initialised_counter), report.counter_address);
    }
    EXPECT_EQ(-1, initialised_counter);
}

TEST(ThreadMemory, ConcurrentThreadsHaveDistinctThreadLocals) {
    constexpr int thread_count = 16;
    tls_report reports[thread_count]{};
    lwp_t threads[thread_count];
    for (int i = 0; i < thread_count; ++i) ASSERT_EQ(0, lwp_create(&threads[i], nullptr, inspect_tls, &reports[i]));
    for (auto thread : threads) ASSERT_EQ(0, lwp_join(thread, nullptr));
    for (int i = 0; i < thread_count; ++i) {
        EXPECT_EQ(42, reports[i].initial_counter);
        for (int j = 0; j < i; ++j) EXPECT_NE(reports[i].counter_address, reports[j].counter_address);
    }
}

struct tcb_report {
    void* thread_pointer;
    std::uintptr_t self_word;       // %fs:0x00
    std::uintptr_t self_again_word; // %fs:0x10
    std::uintptr_t canary;          // %fs:0x28
    std::uintptr_t pointer_guard;   // %fs:0x30
};

void* inspect_tcb(void* raw) {
    auto* report = static_cast<tcb_report*>(raw);
    report->thread_pointer = lwp::arch::thread_pointer();
    report->self_word = lwp::arch::thread_word(0x00);
    report->self_again_word = lwp::arch::thread_word(0x10);
    report->canary = lwp::arch::thread_word(0x28);
    report->pointer_guard = lwp::arch::thread_word(0x30);
    return nullptr;
}

struct idle_report {
    std::atomic<int> release{0};
    std::atomic<std::uintptr_t> stack_address{0};
    std::uintptr_t thread_pointer = 0;
};

void* idle_until_released(void* raw) {
    auto* report = static_cast<idle_report*>(raw);
    int local = 0;
    report->thread_pointer = reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer());
    report->stack_address.store(reinterpret_cast<std::uintptr_t>(&local),
                                std::memory_order_release);
    while (report->release.load(std::memory_order_acquire) == 0)
        lwp::sys::futex_wait(&report->release, 0, /*process_private=*/true);
    return nullptr;
}

struct idle_thread_pages {
    lwp_test::address_range mapping;
    std::vector<std::size_t> resident;  // page indexes from mapping.low, per mincore
    long rss_kib;                       // the mapping's Rss in /proc/self/smaps
    std::uintptr_t stack_address, thread_pointer;
};

// A mapping's "Rss:" in /proc/self/smaps, in KiB; -1 if not found. Unlike
// mincore, it does not count pages that are only mapped to the shared zero
// page (read, never written), which cost no memory.
long smaps_rss_kib(unsigned long mapping_low) {
    long rss = -1;
    bool in_mapping = false;
    lwp_test::for_each_proc_line("/proc/self/smaps", [&](const char* text, std::size_t) {
        char* end = nullptr;
        unsigned long low = std::strtoul(text, &end, 16);
        if (end != text && *end == '-') {
            in_mapping = low == mapping_low;
        } else if (in_mapping && std::strncmp(text, "Rss:", 4) == 0) {
            rss = std::strtol(text + 4, nullptr, 10);
        }
    });
    return rss;
}

// Starts a thread that records where it is and blocks, reads which pages of
// its mapping are resident, then releases and joins it.
idle_thread_pages pages_of_an_idle_thread() {
    idle_thread_pages result{};
    idle_report report;
    lwp_t thread;
    if (lwp_create(&thread, nullptr, idle_until_released, &report) != 0) return result;
    while (report.stack_address.load(std::memory_order_acquire) == 0) sched_yield();
    result.stack_address = report.stack_address.load();
    result.thread_pointer = report.thread_pointer;
    result.mapping = lwp_test::mapping_holding(reinterpret_cast<void*>(result.stack_address));
    std::size_t pages = (result.mapping.high - result.mapping.low) / 4096;
    std::vector<unsigned char> residency(pages);
    if (pages != 0 && mincore(reinterpret_cast<void*>(result.mapping.low),
                              result.mapping.high - result.mapping.low, residency.data()) == 0)
        for (std::size_t i = 0; i < pages; ++i)
            if (residency[i] & 1) result.resident.push_back(i);
    result.rss_kib = smaps_rss_kib(result.mapping.low);
    report.release.store(1, std::memory_order_release);
    lwp::sys::futex_wake(&report.release, 1, /*process_private=*/true);
    lwp_join(thread, nullptr);
    return result;
}

// What a new thread gets written (start frame, descriptor, TLS, TCB words),
// plus the stack of a thread that has only called one function, fits in one
// page, glibc's zeroed room above the thread pointer included: an idle thread
// costs one resident page. First on a fresh mapping (the cache emptied, so
// every resident page is the thread's doing), then on that mapping reused from
// the cache, whose clearing must not write the untouched page above (it may
// read it, which maps the zero page: mincore would count that, smaps does not).
TEST(ThreadMemory, AnIdleThreadHasOneResidentPageFreshOrReused) {
    std::size_t cache_limit = lwp_stack_cache_limit();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    ASSERT_EQ(0, lwp_stack_cache_set_limit(cache_limit));

    idle_thread_pages fresh = pages_of_an_idle_thread();
    ASSERT_NE(0u, fresh.mapping.high);
    ASSERT_EQ(1u, fresh.resident.size());
    EXPECT_EQ(4, fresh.rss_kib);
    std::uintptr_t page_low = fresh.mapping.low + fresh.resident[0] * 4096;
    EXPECT_GE(fresh.stack_address, page_low);
    EXPECT_LT(fresh.thread_pointer, page_low + 4096);

    idle_thread_pages reused = pages_of_an_idle_thread();
    ASSERT_EQ(fresh.mapping.low, reused.mapping.low) << "the cached mapping was not reused";
    EXPECT_EQ(4, reused.rss_kib);
}

// lwp keeps as much room around each hosted thread's thread pointer as glibc
// keeps for its own threads, with the sizes glibc itself reports, and the
// whole room lies inside the thread's mapping, between its stack and its end.
TEST(ThreadMemory, HostedThreadsKeepGlibcsOwnRoomAroundTheThreadPointer) {
    auto get_static_info = reinterpret_cast<void (*)(std::size_t*, std::size_t*)>(
        dlsym(RTLD_DEFAULT, "_dl_get_tls_static_info"));
    auto* descriptor_size =
        static_cast<const unsigned int*>(dlsym(RTLD_DEFAULT, "_thread_db_sizeof_pthread"));
    ASSERT_NE(nullptr, get_static_info);
    ASSERT_NE(nullptr, descriptor_size);
    std::size_t static_size = 0, static_alignment = 0;
    get_static_info(&static_size, &static_alignment);
    lwp::runtime::host_tls_sizes room = lwp::runtime::host_tls();
    EXPECT_EQ(*descriptor_size, room.above_thread_pointer);
    EXPECT_EQ(static_size - *descriptor_size, room.below_thread_pointer);

    idle_thread_pages idle = pages_of_an_idle_thread();
    ASSERT_NE(0u, idle.mapping.high);
    EXPECT_LE(idle.thread_pointer + room.above_thread_pointer, idle.mapping.high);
    EXPECT_LT(idle.stack_address, idle.thread_pointer - room.below_thread_pointer);
}

void* scribble_above_thread_pointer(void*) {
    // Where glibc's code run on this thread would write its own descriptor
    // fields (cancelhandling is at +0x308 in glibc 2.36) and its static TLS.
    auto* tp = static_cast<char*>(lwp::arch::thread_pointer());
    *reinterpret_cast<volatile long*>(tp + 0x308) = -1;
    *reinterpret_cast<volatile long*>(tp + 2048) = -1;
    *reinterpret_cast<volatile long*>(tp - 1024) = -1;
    return tp;
}

void* read_above_thread_pointer(void*) {
    auto* tp = static_cast<char*>(lwp::arch::thread_pointer());
    long seen = *reinterpret_cast<volatile long*>(tp + 0x308) |
                *reinterpret_cast<volatile long*>(tp + 2048) |
                *reinterpret_cast<volatile long*>(tp - 1024);
    return seen == 0 ? tp : nullptr;
}

// A reused mapping starts as zeroed as a fresh one around the thread pointer.
TEST(ThreadMemory, AReusedMappingClearsWhatThePreviousThreadWroteAroundItsThreadPointer) {
    lwp_t thread;
    void* first_tp = nullptr;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, scribble_above_thread_pointer, nullptr));
    ASSERT_EQ(0, lwp_join(thread, &first_tp));
    void* second_tp = nullptr;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, read_above_thread_pointer, nullptr));
    ASSERT_EQ(0, lwp_join(thread, &second_tp));
    ASSERT_NE(nullptr, second_tp) << "the new thread saw the previous thread's writes";
    EXPECT_EQ(first_tp, second_tp) << "the mapping was not reused from the cache";
}

TEST(ThreadMemory, TheTcbPointsAtItselfAndCarriesTheCreatorsCanary) {
    tcb_report report{};
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, inspect_tcb, &report));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_NE(lwp::arch::thread_pointer(), report.thread_pointer);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(report.thread_pointer), report.self_word);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(report.thread_pointer), report.self_again_word);
    EXPECT_EQ(lwp::arch::thread_word(0x28), report.canary);
    EXPECT_EQ(lwp::arch::thread_word(0x30), report.pointer_guard);
    EXPECT_NE(0u, report.canary);  // glibc seeds it from AT_RANDOM
}

// Touches `depth` bytes of stack below the caller, a page at a time, in one
// frame (alloca), then reports success.
__attribute__((noinline)) bool touch_stack(size_t depth) {
    volatile char* region = static_cast<volatile char*>(__builtin_alloca(depth));
    for (size_t offset = 0; offset < depth; offset += 512) region[offset] = 1;
    region[depth - 1] = 1;
    return region[0] == 1;
}

struct stack_probe {
    size_t depth;
    bool touched;
    std::uintptr_t local_address;
};

void* use_stack(void* raw) {
    auto* probe = static_cast<stack_probe*>(raw);
    int local = 0;
    probe->local_address = reinterpret_cast<std::uintptr_t>(&local);
    probe->touched = touch_stack(probe->depth);
    return nullptr;
}

class ThreadStackSize : public testing::TestWithParam<size_t> {};

TEST_P(ThreadStackSize, NearlyAllOfTheRequestedStackIsUsable) {
    const size_t size = GetParam();
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setstacksize(&attr, size));
    size_t read_back = 0;
    ASSERT_EQ(0, lwp_attr_getstacksize(&attr, &read_back));
    EXPECT_EQ(size, read_back);
    // Leave 4 KiB for the frames of use_stack/touch_stack themselves.
    stack_probe probe{size - 4096, false, 0};
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr, use_stack, &probe));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_TRUE(probe.touched);
    lwp_attr_destroy(&attr);
}

void use_more_than_asked(size_t size) {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setstacksize(&attr, size);
    // Two pages past the request: the stack really is that size, with the
    // guard right below it.
    stack_probe probe{size + 8192, false, 0};
    lwp_t thread;
    if (lwp_create(&thread, &attr, use_stack, &probe) != 0) _exit(3);
    lwp_join(thread, nullptr);
    _exit(4);
}

TEST(ThreadMemoryDeathTest, TheStackIsNoLargerThanAskedFor) {
    EXPECT_EXIT(use_more_than_asked(64 << 10), testing::KilledBySignal(SIGSEGV), "");
}

INSTANTIATE_TEST_SUITE_P(Sizes, ThreadStackSize,
                         testing::Values(size_t{64} << 10, size_t{1} << 20, size_t{16} << 20));

__attribute__((noinline)) int recurse_forever(int depth) {
    volatile char frame[256];
    frame[0] = static_cast<char>(depth);
    return recurse_forever(depth + 1) + frame[0];
}

void* overflow_stack(void*) {
    recurse_forever(0);
    return nullptr;
}

void overflow_in_a_thread() {
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setstacksize(&attr, 64 << 10);
    lwp_t thread;
    if (lwp_create(&thread, &attr, overflow_stack, nullptr) != 0) _exit(3);
    lwp_join(thread, nullptr);
    _exit(4);  // not reached: the guard page faults first
}

TEST(ThreadMemoryDeathTest, OverflowIntoTheGuardPageDiesWithSigsegv) {
    EXPECT_EXIT(overflow_in_a_thread(), testing::KilledBySignal(SIGSEGV), "");
}

struct guard_view {
    bool created;
    std::uintptr_t mapping_low;  // guard included
    bool guard_refuses_access;   // every guard page faults
    bool stack_bottom_usable;    // the lowest usable stack byte is accessible
};

// Starts a thread with the given stack and guard sizes, looks at the low end of
// its mapping while it is alive, then lets it finish and joins it (its mapping
// goes to the cache).
guard_view look_at_the_low_end(size_t stack_size, size_t guard_size) {
    guard_view view{};
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setstacksize(&attr, stack_size);
    lwp_attr_setguardsize(&attr, guard_size);
    idle_report report;
    lwp_t thread;
    view.created = lwp_create(&thread, &attr, idle_until_released, &report) == 0;
    lwp_attr_destroy(&attr);
    if (!view.created) return view;
    while (report.stack_address.load(std::memory_order_acquire) == 0) sched_yield();
    lwp::runtime::thread_facts facts{};
    if (lwp::runtime::thread_facts_of(thread, facts) == 0) {
        auto* low = static_cast<char*>(facts.stack_low);
        view.mapping_low = reinterpret_cast<std::uintptr_t>(low - facts.guard_size);
        view.guard_refuses_access = facts.guard_size == guard_size;
        for (size_t offset = 0; offset < facts.guard_size; offset += 4096)
            if (lwp_test::kernel_can_read(low - facts.guard_size + offset)) view.guard_refuses_access = false;
        view.stack_bottom_usable = lwp_test::kernel_can_read(low);
    }
    report.release.store(1, std::memory_order_release);
    lwp::sys::futex_wake(&report.release, 1, /*process_private=*/true);
    lwp_join(thread, nullptr);
    return view;
}

// An unguarded stack one page larger needs exactly the mapping of a guarded
// one, so the cache sees the two as the same size. Reusing one for the other
// would leave the guarded thread with no guard, or the unguarded one with an
// inaccessible page at the bottom of its stack.
TEST(ThreadMemory, ACachedMappingKeepsTheGuardItWasMadeWith) {
    constexpr size_t stack = 64 << 10;
    std::size_t cache_limit = lwp_stack_cache_limit();
    for (int order = 0; order < 2; ++order) {
        ASSERT_EQ(0, lwp_stack_cache_set_limit(0));  // start from an empty cache
        ASSERT_EQ(0, lwp_stack_cache_set_limit(cache_limit));
        const bool guarded_first = order == 1;
        guard_view first = guarded_first ? look_at_the_low_end(stack, 4096)
                                         : look_at_the_low_end(stack + 4096, 0);
        guard_view second = guarded_first ? look_at_the_low_end(stack + 4096, 0)
                                          : look_at_the_low_end(stack, 4096);
        const guard_view& guarded = guarded_first ? first : second;
        const guard_view& unguarded = guarded_first ? second : first;
        ASSERT_TRUE(first.created && second.created);
        const char* which = guarded_first ? "guarded first" : "unguarded first";
        EXPECT_TRUE(guarded.guard_refuses_access) << which;
        EXPECT_TRUE(guarded.stack_bottom_usable) << which;
        EXPECT_TRUE(unguarded.stack_bottom_usable) << which;
    }
    // Same sizes and guard: the mapping still comes back from the cache.
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    ASSERT_EQ(0, lwp_stack_cache_set_limit(cache_limit));
    guard_view fresh = look_at_the_low_end(stack, 4096);
    guard_view reused = look_at_the_low_end(stack, 4096);
    EXPECT_EQ(fresh.mapping_low, reused.mapping_low);
    EXPECT_TRUE(reused.guard_refuses_access);
}

TEST(ThreadMemory, ACallerSuppliedStackIsUsedAndNeverUnmapped) {
    constexpr size_t size = 256 << 10;
    void* stack = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(MAP_FAILED, stack);
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setstack(&attr, stack, size));
    void* got_address = nullptr;
    size_t got_size = 0;
    ASSERT_EQ(0, lwp_attr_getstack(&attr, &got_address, &got_size));
    EXPECT_EQ(stack, got_address);
    EXPECT_EQ(size, got_size);
    for (int round = 0; round < 3; ++round) {
        stack_probe probe{64 << 10, false, 0};
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, &attr, use_stack, &probe));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
        EXPECT_TRUE(probe.touched);
        EXPECT_GE(probe.local_address, reinterpret_cast<std::uintptr_t>(stack));
        EXPECT_LT(probe.local_address, reinterpret_cast<std::uintptr_t>(stack) + size);
        EXPECT_TRUE(lwp_test::is_mapped(stack));
    }
    // Detached on a caller-supplied stack: still never unmapped by lwp.
    ASSERT_EQ(0, lwp_attr_setdetachstate(&attr, LWP_CREATE_DETACHED));
    std::atomic<pid_t> detached_tid{0};
    lwp_t detached;
    ASSERT_EQ(0, lwp_create(&detached, &attr,
                            [](void* raw) -> void* {
                                static_cast<std::atomic<pid_t>*>(raw)->store(gettid());
                                return nullptr;
                            },
                            &detached_tid));
    while (lwp_join(detached, nullptr) != ESRCH) lwp_yield();
    pid_t tid = detached_tid.load();
    EXPECT_NE(0, tid);
    EXPECT_TRUE(lwp_test::is_mapped(stack));
    // ESRCH means the handle is released, not that the thread has left the
    // stack: it still runs its last instructions there. Only once the kernel
    // no longer knows the thread may its owner free the memory.
    while (tgkill(getpid(), tid, 0) == 0) lwp_yield();
    lwp_attr_destroy(&attr);
    munmap(stack, size);
}

}  // namespace
