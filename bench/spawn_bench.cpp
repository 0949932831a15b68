// Spawn + join, one thread at a time and two creators at once: lwp against
// std::thread, glibc's pthread_create, and the raw-clone floor.
//
// Every thread body is empty, so what is timed is the runtime's own start-up
// and tear-down. All variants run warm: one spawn+join before the timed loop
// fills lwp's and glibc's stack caches, so the loop measures the cached path.
#include <benchmark/benchmark.h>
#include <pthread.h>

#include <cstdlib>
#include <thread>

#include "fastest_statistic.hpp"
#include "lwp/lwp.hpp"
#include "raw_clone_floor.hpp"

namespace {

void* empty_routine(void*) { return nullptr; }

void spawn_join_lwp_thread() {
    lwp::thread thread([] {});
    thread.join();
}

void spawn_join_lwp_create() {
    lwp_t thread;
    if (lwp_create(&thread, nullptr, empty_routine, nullptr) != 0) std::abort();
    lwp_join(thread, nullptr);
}

void spawn_join_std_thread() {
    std::thread thread([] {});
    thread.join();
}

void spawn_join_pthread() {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, empty_routine, nullptr) != 0) std::abort();
    pthread_join(thread, nullptr);
}

template <void (*SpawnJoin)()>
void spawn_join(benchmark::State& state) {
    SpawnJoin();  // warm the stack cache
    for (auto _ : state) SpawnJoin();
    state.SetItemsProcessed(state.iterations());
}

void spawn_join_raw_clone_floor(benchmark::State& state) {
    lwp_bench::raw_clone_floor floor;
    if (floor.spawn_and_join() != 0) {
        state.SkipWithError("clone failed");
        return;
    }
    for (auto _ : state) {
        if (floor.spawn_and_join() != 0) {
            state.SkipWithError("clone failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

}  // namespace

// Real time: the work happens in another thread and in the kernel, which the
// creator's CPU time does not see.
BENCHMARK(spawn_join<spawn_join_lwp_thread>)->Name("spawn_join/lwp")->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(spawn_join<spawn_join_lwp_create>)->Name("spawn_join/lwp_create")->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(spawn_join<spawn_join_std_thread>)->Name("spawn_join/std_thread")->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(spawn_join<spawn_join_pthread>)->Name("spawn_join/pthread")->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(spawn_join_raw_clone_floor)->Name("spawn_join/raw_clone_floor")->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);

// Two creators (benchmark threads) each spawning and joining in a loop. The
// reported time per iteration is wall time over both creators' iterations, so
// items_per_second is the combined spawn+join throughput.
BENCHMARK(spawn_join<spawn_join_lwp_thread>)
    ->Name("spawn_join_concurrent/lwp")
    ->Threads(2)
    ->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(spawn_join<spawn_join_std_thread>)
    ->Name("spawn_join_concurrent/std_thread")
    ->Threads(2)
    ->UseRealTime()->ComputeStatistics("min", lwp_bench::fastest);
