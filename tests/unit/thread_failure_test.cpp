// Creation failing part-way: no memory for the stack (RLIMIT_AS), the guard
// page refused (a seccomp filter on mprotect), and clone itself refused (a
// seccomp filter). Each runs in a death-test child process so
// the limits stay there; the child exits 0 only if every check held.
#include <gtest/gtest.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <lwp/lwp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>

#include "fault_injection.hpp"
#include "process_probe.hpp"

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
    REQUIRE_OR_EXIT(lwp_test::refuse_guard_protection(), 11);
    lwp_t thread;
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 12);
    REQUIRE_OR_EXIT(lwp_create(&thread, nullptr, do_nothing, nullptr) == EAGAIN, 13);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline_mappings, 14);
    REQUIRE_OR_EXIT(lwp_test::virtual_size_bytes() == baseline_size, 15);
    // A thread with no guard needs no mprotect: creation still works.
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
