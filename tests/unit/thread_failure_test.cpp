// Creation failing part-way: no memory for the stack (RLIMIT_AS), the guard
// page refused (seccomp filters on madvise and mprotect), and clone itself
// refused (a seccomp filter). Each runs in a death-test child process so
// the limits stay there; the child exits 0 only if every check held.
#include <gtest/gtest.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <lwp/lwp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdio>

#include "fault_injection.hpp"
#include "process_probe.hpp"
#include "runtime/thread/thread_query.hpp"

namespace {

void* do_nothing(void*) { return nullptr; }

// The first thread of a process maps lwp's handle table (kept for good):
// map it before taking a mapping-count baseline.
void warm_up() {
    lwp_t thread;
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == 0, 30);
    REQUIRE_OR_EXIT(lwp_join(thread, nullptr) == 0, 31);
}

void create_with_address_space_exhausted() {
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 10);
    warm_up();
    const int baseline = lwp_test::mapping_count();
    rlimit original{};
    getrlimit(RLIMIT_AS, &original);
    // 1 MiB of headroom: far less than the default 8 MiB stack mapping.
    rlimit tight{static_cast<rlim_t>(lwp_test::virtual_size_bytes() + (1 << 20)), original.rlim_max};
    REQUIRE_OR_EXIT(setrlimit(RLIMIT_AS, &tight) == 0, 11);
    lwp_t thread;
    int first = lwp_create(&thread, nullptr, do_nothing, nullptr);
    int second = lwp_create(&thread, nullptr, do_nothing, nullptr);
    setrlimit(RLIMIT_AS, &original);
    REQUIRE_OR_EXIT(first == EAGAIN, 12);
    REQUIRE_OR_EXIT(second == EAGAIN, 13);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 14);
    // And the process keeps working once memory is back.
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == 0, 15);
    REQUIRE_OR_EXIT(lwp_join(thread, nullptr) == 0, 16);
    _exit(0);
}

TEST(ThreadFailureDeathTest, MmapFailureGivesEagainAndLeaksNothing) {
    EXPECT_EXIT(create_with_address_space_exhausted(), testing::ExitedWithCode(0), "");
}

void create_with_guard_refused() {
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 10);
    warm_up();
    // Both: a leaked mapping without its guard split off could merge with a
    // neighbouring one and leave the line count alone, but not the size.
    const int baseline_mappings = lwp_test::mapping_count();
    const long baseline_size = lwp_test::virtual_size_bytes();
    REQUIRE_OR_EXIT(lwp_test::refuse_guards(ENOMEM, /*refuse_protection=*/true), 11);
    lwp_t thread;
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 12);
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 13);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline_mappings, 14);
    REQUIRE_OR_EXIT(lwp_test::virtual_size_bytes() == baseline_size, 15);
    // A thread with no guard needs neither call: creation still works.
    lwp_attr_t attr;
    REQUIRE_OR_EXIT(lwp_attr_init(&attr) == 0, 16);
    REQUIRE_OR_EXIT(lwp_attr_setguardsize(&attr, 0) == 0, 17);
    REQUIRE_OR_EXIT(lwp_create(&thread, &attr, do_nothing, nullptr) == 0, 18);
    REQUIRE_OR_EXIT(lwp_join(thread, nullptr) == 0, 19);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline_mappings, 20);
    REQUIRE_OR_EXIT(lwp_test::virtual_size_bytes() == baseline_size, 21);
    _exit(0);
}

TEST(ThreadFailureDeathTest, GuardProtectionFailureGivesEagainAndUnmaps) {
    EXPECT_EXIT(create_with_guard_refused(), testing::ExitedWithCode(0), "");
}

std::atomic<int> guard_probe_release{0};

void* wait_for_release(void*) {
    while (guard_probe_release.load(std::memory_order_acquire) == 0) sched_yield();
    return nullptr;
}

// What one fresh thread's guard looks like from outside while it runs.
struct guard_seen {
    bool refuses_access;       // the kernel cannot read any guard page (EFAULT)
    bool is_its_own_mapping;   // /proc/self/maps has a line ending where the stack starts
};

guard_seen create_and_look_at_the_guard(size_t guard_size = 4096) {
    guard_seen seen{};
    guard_probe_release.store(0);
    lwp_attr_t attr;
    REQUIRE_OR_EXIT(lwp_attr_init(&attr) == 0, 38);
    REQUIRE_OR_EXIT(lwp_attr_setguardsize(&attr, guard_size) == 0, 39);
    lwp_t thread;
    REQUIRE_OR_EXIT(lwp_create(&thread, &attr, wait_for_release, nullptr) == 0, 40);
    lwp::runtime::thread_facts facts{};
    REQUIRE_OR_EXIT(lwp::runtime::thread_facts_of(thread, facts) == 0, 41);
    REQUIRE_OR_EXIT(facts.guard_size == guard_size, 42);
    char* guard_low = static_cast<char*>(facts.stack_low) - facts.guard_size;
    seen.refuses_access = true;
    for (size_t offset = 0; offset < guard_size; offset += 4096)
        if (lwp_test::kernel_can_read(guard_low + offset)) seen.refuses_access = false;
    seen.is_its_own_mapping = lwp_test::mapping_holding(guard_low).high ==
                              reinterpret_cast<unsigned long>(facts.stack_low);
    guard_probe_release.store(1, std::memory_order_release);
    REQUIRE_OR_EXIT(lwp_join(thread, nullptr) == 0, 43);
    return seen;
}

// A kernel that refuses guard markers (before Linux 6.13 it answers EINVAL;
// ENOMEM is a page table it could not allocate): the guard is split off with
// mprotect instead, and still faults.
void create_with_markers_refused(int marker_error) {
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 10);
    warm_up();
    REQUIRE_OR_EXIT(lwp_test::refuse_guards(marker_error, /*refuse_protection=*/false), 11);
    for (int round = 0; round < 2; ++round) {  // the second after the refusal was seen
        guard_seen seen = create_and_look_at_the_guard();
        REQUIRE_OR_EXIT(seen.refuses_access, 12);
        REQUIRE_OR_EXIT(seen.is_its_own_mapping, 13);
    }
    _exit(0);
}

TEST(ThreadFailureDeathTest, MarkersRefusedWithEinvalFallBackToAProtNoneGuard) {
    EXPECT_EXIT(create_with_markers_refused(EINVAL), testing::ExitedWithCode(0), "");
}

TEST(ThreadFailureDeathTest, MarkersRefusedWithEnomemFallBackToAProtNoneGuard) {
    EXPECT_EXIT(create_with_markers_refused(ENOMEM), testing::ExitedWithCode(0), "");
}

// Where the kernel takes guard markers (Linux 6.13 and later), a guard of up
// to 64 KiB is one: it faults without a mapping of its own. A larger guard
// would cost a marker per page; it is split off with mprotect.
TEST(ThreadGuard, TheGuardIsAMarkerWhereTheKernelHasThem) {
    void* probe = mmap(nullptr, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(MAP_FAILED, probe);
    const bool kernel_has_markers = madvise(probe, 4096, 102 /* MADV_GUARD_INSTALL */) == 0;
    munmap(probe, 8192);
    if (!kernel_has_markers) GTEST_SKIP() << "this kernel has no guard markers (Linux < 6.13)";
    EXPECT_EXIT(
        {
            REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 10);
            guard_seen seen = create_and_look_at_the_guard();
            REQUIRE_OR_EXIT(seen.refuses_access, 11);
            REQUIRE_OR_EXIT(!seen.is_its_own_mapping, 12);
            seen = create_and_look_at_the_guard(64 << 10);
            REQUIRE_OR_EXIT(seen.refuses_access, 13);
            REQUIRE_OR_EXIT(!seen.is_its_own_mapping, 14);
            seen = create_and_look_at_the_guard((64 << 10) + 4096);
            REQUIRE_OR_EXIT(seen.refuses_access, 15);
            REQUIRE_OR_EXIT(seen.is_its_own_mapping, 16);
            _exit(0);
        },
        testing::ExitedWithCode(0), "");
}

void create_with_clone_refused() {
    // Uncached: the fresh mapping must be unmapped again.
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 10);
    warm_up();
    const int baseline = lwp_test::mapping_count();
    REQUIRE_OR_EXIT(lwp_test::refuse_clone(), 11);
    lwp_t thread;
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 12);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 13);
    // Cached: the slot taken from the cache must go back to it.
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(size_t{1} << 30) == 0, 14);
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 15);
    size_t cached = lwp_stack_cache_size();
    REQUIRE_OR_EXIT(cached > 0, 16);  // the fresh mapping was kept for reuse
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 17);
    REQUIRE_OR_EXIT(lwp_stack_cache_size() == cached, 18);  // taken and returned
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 19);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 20);
    _exit(0);
}

TEST(ThreadFailureDeathTest, CloneFailureGivesEagainAndReturnsTheMapping) {
    EXPECT_EXIT(create_with_clone_refused(), testing::ExitedWithCode(0), "");
}

}  // namespace
