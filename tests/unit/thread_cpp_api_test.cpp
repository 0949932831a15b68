// lwp::thread, the std::thread look-alike.
#include <gtest/gtest.h>
#include <lwp/lwp.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include "process_probe.hpp"

namespace {

TEST(ThreadCppApi, RunsALambdaWithCapturesAndArguments) {
    std::atomic<int> sum{0};
    int base = 100;
    lwp::thread thread([&sum, base](int a, int b) { sum = base + a + b; }, 20, 3);
    EXPECT_TRUE(thread.joinable());
    thread.join();
    EXPECT_FALSE(thread.joinable());
    EXPECT_EQ(123, sum.load());
}

TEST(ThreadCppApi, ArgumentsAreDecayCopiedAndMoveOnlyOnesAreMoved) {
    std::atomic<int> seen{0};
    auto owned = std::make_unique<int>(77);
    std::string text = "copied";
    lwp::thread thread(
        [&seen](std::unique_ptr<int> value, std::string copy) {
            seen = *value + static_cast<int>(copy.size());
        },
        std::move(owned), text);
    text = "changed after start";  // the thread has its own copy
    thread.join();
    EXPECT_EQ(77 + 6, seen.load());
    EXPECT_EQ(nullptr, owned);
}

struct lifetime_counter {
    static inline std::atomic<int> alive{0};
    lifetime_counter() { ++alive; }
    lifetime_counter(const lifetime_counter&) { ++alive; }
    lifetime_counter(lifetime_counter&&) noexcept { ++alive; }
    ~lifetime_counter() { --alive; }
    void operator()() const {}
};

TEST(ThreadCppApi, TheCallableIsDestroyedOnTheThreadWhenItEnds) {
    {
        lifetime_counter counter;
        lwp::thread thread(counter);
        thread.join();
    }
    EXPECT_EQ(0, lifetime_counter::alive.load());
}

TEST(ThreadCppApi, IdsMatchBetweenTheHandleAndTheThreadItself) {
    std::atomic<lwp_t> inside{0};
    lwp::thread thread([&inside] { inside = lwp::this_thread::get_id().value(); });
    lwp::thread::id id = thread.get_id();
    EXPECT_EQ(thread.native_handle(), id.value());
    thread.join();
    EXPECT_EQ(id.value(), inside.load());
    EXPECT_NE(lwp::this_thread::get_id(), id);
    EXPECT_EQ(lwp::thread::id{}, lwp::thread{}.get_id());
}

TEST(ThreadCppApi, MovingTransfersOwnership) {
    std::atomic<int> ran{0};
    lwp::thread first([&ran] { ran = 1; });
    lwp::thread second(std::move(first));
    EXPECT_FALSE(first.joinable());
    EXPECT_TRUE(second.joinable());
    lwp::thread third;
    third = std::move(second);
    third.join();
    EXPECT_EQ(1, ran.load());
}

TEST(ThreadCppApi, JoiningOrDetachingANonJoinableThreadThrows) {
    lwp::thread empty;
    EXPECT_THROW(empty.join(), std::system_error);
    EXPECT_THROW(empty.detach(), std::system_error);
    try {
        empty.join();
    } catch (const std::system_error& error) {
        EXPECT_EQ(EINVAL, error.code().value());
    }
}

TEST(ThreadCppApi, DetachedThreadsRunToCompletion) {
    std::atomic<int> done{0};
    {
        lwp::thread thread([&done] { done = 1; });
        thread.detach();
        EXPECT_FALSE(thread.joinable());
    }
    while (done.load() == 0) lwp::this_thread::yield();
}

TEST(ThreadCppApiDeathTest, DestroyingAJoinableThreadTerminates) {
    EXPECT_DEATH(
        {
            lwp::thread thread([] {});
            // leaves scope joinable
        },
        "");
}

TEST(ThreadCppApiDeathTest, MoveAssigningOntoAJoinableThreadTerminates) {
    EXPECT_DEATH(
        {
            lwp::thread target([] {});
            lwp::thread source([] {});
            target = std::move(source);  // std::thread: std::terminate
        },
        "");
    EXPECT_DEATH(
        {
            lwp::thread target([] {});
            lwp::thread& alias = target;
            target = std::move(alias);  // a self-move of a joinable thread too
        },
        "");
}

TEST(ThreadCppApi, SelfMoveOfAnEmptyThreadLeavesItEmpty) {
    lwp::thread empty;
    lwp::thread& alias = empty;
    empty = std::move(alias);
    EXPECT_FALSE(empty.joinable());
}

struct counter_object {
    int value = 0;
    void add(int amount) { value += amount; }
};

TEST(ThreadCppApi, ReferenceWrappersAndMemberPointersAreInvokedAsStdInvokeDoes) {
    int target = 0;
    lwp::thread by_reference([](int& out, int v) { out = v; }, std::ref(target), 9);
    by_reference.join();
    EXPECT_EQ(9, target);

    counter_object object;
    lwp::thread by_pointer(&counter_object::add, &object, 3);
    by_pointer.join();
    lwp::thread by_wrapper(&counter_object::add, std::ref(object), 4);
    by_wrapper.join();
    EXPECT_EQ(7, object.value);
}

TEST(ThreadCppApi, TheMainThreadHasARealId) {
    // thread::id{} means "not a thread": no running thread may have it.
    EXPECT_NE(lwp::thread::id{}, lwp::this_thread::get_id());
    lwp::thread::id foreign;
    std::thread([&foreign] { foreign = lwp::this_thread::get_id(); }).join();
    EXPECT_NE(lwp::thread::id{}, foreign);
    EXPECT_NE(lwp::this_thread::get_id(), foreign);
}

TEST(ThreadCppApi, IdsHashLikeStdThreadIds) {
    // std::hash<std::thread::id> exists, so ids can key unordered containers.
    std::unordered_set<lwp::thread::id> seen;
    seen.insert(lwp::this_thread::get_id());
    seen.insert(lwp::thread::id{});
    seen.insert(lwp::this_thread::get_id());
    EXPECT_EQ(2u, seen.size());
    EXPECT_EQ(std::hash<lwp::thread::id>{}(lwp::this_thread::get_id()),
              std::hash<lwp::thread::id>{}(lwp::thread::id(lwp_self())));
}

TEST(ThreadCppApi, CreateWithAttributesReturnsAnErrorCodeInsteadOfThrowing) {
    lwp::thread thread;
    std::atomic<int> ran{0};
    lwp::thread_attributes options;
    options.stack_size = 128 << 10;
    ASSERT_EQ(0, lwp::thread::create(thread, options, [&ran](int v) { ran = v; }, 5));
    thread.join();
    EXPECT_EQ(5, ran.load());

    options.stack_size = 1;  // below LWP_STACK_MIN
    EXPECT_EQ(EINVAL, lwp::thread::create(thread, options, [] {}));
    EXPECT_FALSE(thread.joinable());

    options.stack_size = size_t{1} << 46;  // valid, but no mmap grants it
    EXPECT_EQ(EAGAIN, lwp::thread::create(thread, options, lifetime_counter{}));
    EXPECT_EQ(0, lifetime_counter::alive.load());  // the payload copy was destroyed
}

// A callable aligned beyond a page is constructed, run and destroyed at an
// address of its own alignment, in a mapping lwp sizes for it and in a
// caller-supplied stack alike.
template <std::size_t Alignment>
struct alignas(Alignment) over_aligned_task {
    std::atomic<std::uintptr_t>* seen;
    int value;
    void operator()() const {
        seen->store(reinterpret_cast<std::uintptr_t>(this) | static_cast<std::uintptr_t>(value));
    }
};

template <std::size_t Alignment>
void expect_runs_aligned(const lwp::thread_attributes& options) {
    std::atomic<std::uintptr_t> seen{0};
    lwp::thread thread;
    ASSERT_EQ(0, lwp::thread::create(thread, options, over_aligned_task<Alignment>{&seen, 1}));
    thread.join();
    std::uintptr_t address = seen.load() & ~std::uintptr_t{1};
    EXPECT_EQ(1u, seen.load() & 1u);  // it ran
    EXPECT_NE(0u, address);
    EXPECT_EQ(0u, address % Alignment);
}

TEST(ThreadCppApi, CallablesAlignedBeyondAPageRunAtTheirAlignment) {
    lwp::thread_attributes defaults;
    expect_runs_aligned<8192>(defaults);
    expect_runs_aligned<65536>(defaults);
    // Twice more: the second takes the first's cached mapping.
    expect_runs_aligned<65536>(defaults);

    constexpr std::size_t stack_size = 512 << 10;
    void* stack = std::aligned_alloc(4096, stack_size);
    ASSERT_NE(nullptr, stack);
    lwp::thread_attributes own_stack;
    own_stack.stack_address = stack;
    own_stack.stack_size = stack_size;
    expect_runs_aligned<65536>(own_stack);
    std::free(stack);

    // std::thread's guarantee too: the standard constructor takes them.
    std::atomic<std::uintptr_t> seen{0};
    lwp::thread thread(over_aligned_task<16384>{&seen, 1});
    thread.join();
    EXPECT_EQ(0u, (seen.load() & ~std::uintptr_t{1}) % 16384);
}

TEST(ThreadCppApi, CreateDetachedLeavesTheHandleEmpty) {
    lwp::thread thread;
    std::atomic<int> done{0};
    lwp::thread_attributes options;
    options.detached = true;
    ASSERT_EQ(0, lwp::thread::create(thread, options, [&done] { done = 1; }));
    EXPECT_FALSE(thread.joinable());
    while (done.load() == 0) lwp::this_thread::yield();
}

TEST(ThreadCppApi, AThrowingCallableCopyReleasesTheMapping) {
    lwp_stack_cache_set_limit(0);
    struct throws_on_copy {
        throws_on_copy() = default;
        throws_on_copy(const throws_on_copy&) { throw std::runtime_error("copy failed"); }
        void operator()() const {}
    };
    // One thread first: the first create of a process maps lwp's handle
    // table, which stays and is not a leak.
    lwp::thread([] {}).join();
    const int baseline = lwp_test::mapping_count();
    throws_on_copy callable;
    // The callable's copy constructor throws inside the new mapping: the
    // exception reaches the caller and the mapping is given back.
    EXPECT_THROW(lwp::thread thread(callable), std::runtime_error);
    EXPECT_EQ(baseline, lwp_test::mapping_count());
    lwp_stack_cache_set_limit(40u << 20);
}

void construct_without_address_space() {
    lwp_stack_cache_set_limit(0);
    rlimit original{};
    getrlimit(RLIMIT_AS, &original);
    rlimit tight = original;
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    long pages = 0;
    if (!statm || std::fscanf(statm, "%ld", &pages) != 1) _exit(10);
    std::fclose(statm);
    // 1 MiB of headroom: no room for another 8 MiB stack mapping.
    tight.rlim_cur = static_cast<rlim_t>(pages * 4096 + (1 << 20));
    if (setrlimit(RLIMIT_AS, &tight) != 0) _exit(11);
    int code = 0;
    try {
        lwp::thread thread([] {});
        thread.join();
    } catch (const std::system_error& error) {
        code = error.code().value();
    }
    setrlimit(RLIMIT_AS, &original);
    _exit(code == EAGAIN ? 0 : 12);
}

TEST(ThreadCppApiDeathTest, ConstructionFailureThrowsSystemErrorWithEagain) {
    EXPECT_EXIT(construct_without_address_space(), testing::ExitedWithCode(0), "");
}

TEST(ThreadCppApi, WorksWithStandardContainers) {
    std::atomic<int> count{0};
    std::vector<lwp::thread> threads;
    for (int i = 0; i < 16; ++i) threads.emplace_back([&count] { count.fetch_add(1); });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(16, count.load());
}

}  // namespace
