// Creation failing under load, beyond the single-call checks of
// tests/unit/thread_failure_test.cpp: several threads create at once while
// the address space runs out (RLIMIT_AS) or while clone is refused (seccomp)
// and stack-cache slots are taken and handed back concurrently. EAGAIN must
// come back, every thread created so far must still join, no mapping or cache
// slot may be lost, and the process must keep working. Each scenario runs in
// a death-test child so its limits stay there; the child exits 0 only if
// every check held.
#include <gtest/gtest.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <lwp/lwp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdio>

#include "figures.hpp"
#include "fault_injection.hpp"
#include "process_probe.hpp"
#include "runtime/sys/futex.hpp"

namespace {

void* do_nothing(void*) { return nullptr; }

// A word threads sleep on until it turns non-zero (private futex: no CPU).
struct gate {
    std::atomic<int> open{0};
    void wait() {
        while (open.load(std::memory_order_acquire) == 0)
            lwp::sys::futex_wait(&open, 0, /*process_private=*/true);
    }
    void release() {
        open.store(1, std::memory_order_release);
        lwp::sys::futex_wake(&open, 1 << 30, /*process_private=*/true);
    }
};

void* wait_at_gate(void* raw) {
    static_cast<gate*>(raw)->wait();
    return nullptr;
}

// ------------------------------------------------------ RLIMIT_AS, many creators

// One creator: waits for `start`, creates children parked at `children_gate`
// until lwp_create fails, records the error, waits for `finish`, joins them.
struct creator {
    static constexpr int max_children = 1500;  // the handle table's first chunk holds all
    gate* start;
    gate* children_gate;
    gate* finish;
    std::size_t stack_size;  // 0: default attributes
    lwp_t children[max_children];
    int created = 0;
    int error = 0;
    int join_failures = 0;
    std::atomic<int> done{0};
};

void* create_until_refused(void* raw) {
    auto* self = static_cast<creator*>(raw);
    self->start->wait();
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    if (self->stack_size) lwp_attr_setstacksize(&attr, self->stack_size);
    while (self->created < creator::max_children) {
        int error = lwp_create(&self->children[self->created], self->stack_size ? &attr : nullptr,
                               wait_at_gate, self->children_gate);
        if (error) {
            self->error = error;
            break;
        }
        ++self->created;
    }
    lwp_attr_destroy(&attr);
    self->done.store(1, std::memory_order_release);
    self->finish->wait();
    for (int i = 0; i < self->created; ++i)
        if (lwp_join(self->children[i], nullptr) != 0) ++self->join_failures;
    return nullptr;
}

void address_space_runs_out_under_load() {
    // Map the handle table's first chunk before the baseline (it stays).
    lwp_t warm;
    REQUIRE_OR_EXIT(lwp_create(&warm, nullptr, do_nothing, nullptr) == 0, 10);
    REQUIRE_OR_EXIT(lwp_join(warm, nullptr) == 0, 11);
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 12);
    const int baseline = lwp_test::mapping_count();
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(40u << 20) == 0, 13);

    gate start, children_gate, finish;
    // One creator with default attributes (RLIMIT_STACK-sized stacks), one
    // with small stacks so that many threads exist when memory runs out.
    static creator creators[2];  // zero-initialised; too big for this stack
    creators[0].stack_size = 0;
    creators[1].stack_size = 64 << 10;
    lwp_t creator_threads[2];
    for (int i = 0; i < 2; ++i) {
        creators[i].start = &start;
        creators[i].children_gate = &children_gate;
        creators[i].finish = &finish;
        REQUIRE_OR_EXIT(lwp_create(&creator_threads[i], nullptr, create_until_refused, &creators[i]) == 0, 14);
    }

    rlimit original{};
    getrlimit(RLIMIT_AS, &original);
    rlimit tight{static_cast<rlim_t>(lwp_test::virtual_size_bytes() + (160 << 20)), original.rlim_max};
    REQUIRE_OR_EXIT(setrlimit(RLIMIT_AS, &tight) == 0, 15);
    start.release();
    for (auto& c : creators)
        while (c.done.load(std::memory_order_acquire) == 0) lwp_yield();
    // Still at the limit: one more from here is refused too.
    lwp_t extra;
    int extra_error = lwp_create(&extra, nullptr, do_nothing, nullptr);
    setrlimit(RLIMIT_AS, &original);

    children_gate.release();
    finish.release();
    for (lwp_t t : creator_threads) REQUIRE_OR_EXIT(lwp_join(t, nullptr) == 0, 16);

    const int reached = creators[0].created + creators[1].created;
    std::printf("FIGURE rlimit_as_threads_reached %d\n", reached);
    std::printf("FIGURE rlimit_as_default_stack_threads %d\n", creators[0].created);
    std::printf("FIGURE rlimit_as_64k_stack_threads %d\n", creators[1].created);
    std::fflush(stdout);
    REQUIRE_OR_EXIT(extra_error == EAGAIN, 17);
    for (auto& c : creators) {
        REQUIRE_OR_EXIT(c.error == EAGAIN, 18);  // refused, not capped by the test
        REQUIRE_OR_EXIT(c.join_failures == 0, 19);
    }
    // "Many" really were alive. How the budget splits between the two creators
    // depends on scheduling (about 100 small-stack threads on the 2-core VM),
    // so the bound leaves room below that.
    REQUIRE_OR_EXIT(creators[1].created > 50, 20);

    // Memory is back: creation works again, with default attributes.
    lwp_t again[16];
    for (lwp_t& t : again) REQUIRE_OR_EXIT(lwp_create(&t, nullptr, do_nothing, nullptr) == 0, 21);
    for (lwp_t t : again) REQUIRE_OR_EXIT(lwp_join(t, nullptr) == 0, 22);
    // Nothing leaked: with the cache emptied, only the baseline mappings remain.
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 23);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 24);
    _exit(0);
}

TEST(ExhaustionTortureDeathTest, AddressSpaceRunsOutWhileTwoThreadsCreate) {
    EXPECT_EXIT(address_space_runs_out_under_load(), testing::ExitedWithCode(0), "");
}

// ------------------------------------- seccomp-refused clone, cache slots in use

struct refused_creator {
    gate* start;
    long attempts;
    std::atomic<long> refused{0};
    std::atomic<long> other{0};
    std::atomic<int> done{0};
};

void* create_while_refused(void* raw) {
    auto* self = static_cast<refused_creator*>(raw);
    self->start->wait();
    for (long i = 0; i < self->attempts; ++i) {
        lwp_t thread;
        int error = lwp_create(&thread, nullptr, do_nothing, nullptr);
        (error == EAGAIN ? self->refused : self->other).fetch_add(1, std::memory_order_relaxed);
    }
    self->done.store(1, std::memory_order_release);
    return nullptr;
}

void clone_refused_while_cache_slots_are_in_use() {
    lwp_t warm;
    REQUIRE_OR_EXIT(lwp_create(&warm, nullptr, do_nothing, nullptr) == 0, 10);
    REQUIRE_OR_EXIT(lwp_join(warm, nullptr) == 0, 11);
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 12);
    const int baseline = lwp_test::mapping_count();
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(size_t{1} << 30) == 0, 13);

    // Six default-sized mappings into the cache.
    lwp_t threads[6];
    for (lwp_t& t : threads) REQUIRE_OR_EXIT(lwp_create(&t, nullptr, do_nothing, nullptr) == 0, 14);
    for (lwp_t t : threads) REQUIRE_OR_EXIT(lwp_join(t, nullptr) == 0, 15);
    const size_t six = lwp_stack_cache_size();
    REQUIRE_OR_EXIT(six > 0 && six % 6 == 0, 16);
    const size_t one = six / 6;

    // Four of them in use: two parked threads and two creators; two stay cached.
    gate parked_gate, start;
    lwp_t parked[2];
    for (lwp_t& t : parked) REQUIRE_OR_EXIT(lwp_create(&t, nullptr, wait_at_gate, &parked_gate) == 0, 17);
    const long attempts = lwp_torture::scaled(2'000, 20'000);
    static refused_creator creators[2];
    lwp_t creator_threads[2];
    for (int i = 0; i < 2; ++i) {
        creators[i].start = &start;
        creators[i].attempts = attempts;
        REQUIRE_OR_EXIT(lwp_create(&creator_threads[i], nullptr, create_while_refused, &creators[i]) == 0, 18);
    }
    REQUIRE_OR_EXIT(lwp_stack_cache_size() == 2 * one, 19);
    const int maps_in_use = lwp_test::mapping_count();

    REQUIRE_OR_EXIT(lwp_test::refuse_clone(), 20);
    // Both creators, and this thread, keep taking a cached slot, failing to
    // clone and handing the slot back, all at once. With two cached entries
    // and two creators, a slot is always there: no fresh mapping is needed.
    start.release();
    for (auto& c : creators)
        while (c.done.load(std::memory_order_acquire) == 0) lwp_yield();
    REQUIRE_OR_EXIT(lwp_stack_cache_size() == 2 * one, 21);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == maps_in_use, 22);

    // The threads that exist are unharmed: they wake and join, and their
    // mappings go back to the cache.
    parked_gate.release();
    for (lwp_t t : parked) REQUIRE_OR_EXIT(lwp_join(t, nullptr) == 0, 23);
    for (lwp_t t : creator_threads) REQUIRE_OR_EXIT(lwp_join(t, nullptr) == 0, 24);
    REQUIRE_OR_EXIT(lwp_stack_cache_size() == six, 25);
    // Creation is still refused (the filter is for good), still cleanly.
    lwp_t more;
    REQUIRE_OR_EXIT(lwp_create(&more, nullptr, do_nothing, nullptr) == EAGAIN, 26);
    REQUIRE_OR_EXIT(lwp_stack_cache_size() == six, 27);

    long refused = 0;
    for (auto& c : creators) {
        REQUIRE_OR_EXIT(c.refused.load() == attempts, 28);
        REQUIRE_OR_EXIT(c.other.load() == 0, 29);
        refused += c.refused.load();
    }
    std::printf("FIGURE clone_refusals_under_load %ld\n", refused);
    std::fflush(stdout);
    REQUIRE_OR_EXIT(lwp_stack_cache_set_limit(0) == 0, 30);
    REQUIRE_OR_EXIT(lwp_test::mapping_count() == baseline, 31);
    _exit(0);
}

TEST(ExhaustionTortureDeathTest, CloneRefusedWhileCacheSlotsAreInUse) {
    EXPECT_EXIT(clone_refused_while_cache_slots_are_in_use(), testing::ExitedWithCode(0), "");
}

}  // namespace
