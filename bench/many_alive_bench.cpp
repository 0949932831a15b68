// Many threads alive at once: create N threads with default stacks that all
// block on one futex word, measure, then release and join them all.
//
// Counters (per thread, averaged over iterations):
//   create_us       time spent in the create calls alone;
//   rss_bytes       resident memory added while all N sit idle (statm);
//   mappings        /proc/self/maps lines added while all N are alive;
//   creator_kernel_us, creator_user_us
//                   the creating thread's CPU time during the create calls,
//                   in the kernel and in user space (getrusage RUSAGE_THREAD:
//                   the kernel's accounting, sampled at the scheduler tick,
//                   so good to a tick or so over all N).
// The benchmark's own time is the creation time of all N (manual time).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "lwp/lwp.hpp"
#include "process_stats.hpp"
#include "runtime/sys/futex.hpp"

namespace {

// 0 while the threads must stay blocked; 1 releases them.
std::atomic<int> gate{0};
std::atomic<int> started{0};

void idle_until_released() {
    started.fetch_add(1, std::memory_order_relaxed);
    while (gate.load(std::memory_order_acquire) == 0)
        lwp::sys::futex_wait(&gate, 0, /*process_private=*/true);
}

// The calling thread's CPU time so far, in the kernel and in user space.
struct cpu_seconds {
    double kernel = 0, user = 0;
};
cpu_seconds thread_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    auto seconds = [](timeval value) { return value.tv_sec + value.tv_usec * 1e-6; };
    return {seconds(usage.ru_stime), seconds(usage.ru_utime)};
}

struct lwp_threads {
    static void prepare() {
        // An empty cache: every thread gets a fresh mapping, so the mapping
        // and RSS deltas are the threads' own. The cap comes back afterwards.
        lwp_stack_cache_set_limit(0);
        lwp_stack_cache_set_limit(40u << 20);
    }
    std::vector<lwp::thread> threads;
    void spawn() { threads.emplace_back(idle_until_released); }
    void join_all() {
        for (auto& thread : threads) thread.join();
        threads.clear();
    }
};

struct std_threads {
    static void prepare() {}
    std::vector<std::thread> threads;
    void spawn() { threads.emplace_back(idle_until_released); }
    void join_all() {
        for (auto& thread : threads) thread.join();
        threads.clear();
    }
};

template <class Threads>
void many_alive(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    double create_seconds = 0, rss_added = 0, mappings_added = 0;
    double kernel_seconds = 0, user_seconds = 0;
    Threads set;
    set.threads.reserve(count);
    for (auto _ : state) {
        Threads::prepare();
        gate.store(0, std::memory_order_relaxed);
        started.store(0, std::memory_order_relaxed);
        std::size_t rss_before = lwp_bench::resident_bytes();
        std::size_t maps_before = lwp_bench::mapping_count();

        cpu_seconds cpu_before = thread_cpu_seconds();
        auto begin = std::chrono::steady_clock::now();
        for (int i = 0; i < count; ++i) set.spawn();
        auto end = std::chrono::steady_clock::now();
        cpu_seconds cpu_after = thread_cpu_seconds();

        // Every thread has reached its futex wait (or is about to): its
        // stack pages are touched.
        while (started.load(std::memory_order_relaxed) != count) std::this_thread::yield();
        std::size_t rss_after = lwp_bench::resident_bytes();
        std::size_t maps_after = lwp_bench::mapping_count();

        gate.store(1, std::memory_order_release);
        lwp::sys::futex_wake(&gate, 1 << 30, /*process_private=*/true);
        set.join_all();

        double seconds = std::chrono::duration<double>(end - begin).count();
        state.SetIterationTime(seconds);
        create_seconds += seconds;
        rss_added += static_cast<double>(rss_after) - static_cast<double>(rss_before);
        mappings_added += static_cast<double>(maps_after) - static_cast<double>(maps_before);
        kernel_seconds += cpu_after.kernel - cpu_before.kernel;
        user_seconds += cpu_after.user - cpu_before.user;
    }
    double per_thread = static_cast<double>(count) * static_cast<double>(state.iterations());
    state.counters["create_us"] = create_seconds * 1e6 / per_thread;
    state.counters["rss_bytes"] = rss_added / per_thread;
    state.counters["mappings"] = mappings_added / per_thread;
    state.counters["creator_kernel_us"] = kernel_seconds * 1e6 / per_thread;
    state.counters["creator_user_us"] = user_seconds * 1e6 / per_thread;
}

}  // namespace

// One iteration of 10,000 takes seconds for glibc; repetitions give medians.
#define LWP_MANY_ALIVE(threads, name)                                               \
    BENCHMARK(many_alive<threads>)->Name(name)->Arg(1000)->Iterations(3)           \
        ->UseManualTime()->Unit(benchmark::kMillisecond);                          \
    BENCHMARK(many_alive<threads>)->Name(name)->Arg(10000)->Iterations(1)          \
        ->UseManualTime()->Unit(benchmark::kMillisecond)

LWP_MANY_ALIVE(lwp_threads, "many_alive/lwp");
LWP_MANY_ALIVE(std_threads, "many_alive/std_thread");
