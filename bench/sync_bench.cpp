// Synchronization costs, lwp against the C++ standard library's glibc-backed
// objects, in one run. Names pair as BM_<what>/lwp and BM_<what>/std.
//
//   BM_mutex_uncontended   lock + unlock by one thread
//   BM_mutex_contended     lock + unlock, two threads hammering one mutex;
//                          Google Benchmark reports the wall time divided by
//                          the lock+unlock pairs of both threads together
//   BM_mutex_contended_same_line   the same with the counter in the mutex's
//                          cache line (see data_apart below)
//   BM_condvar_pingpong    two threads taking turns through a mutex and a
//                          condition variable; one iteration is a round trip,
//                          the per_handoff counter is the time per hand-off
//   BM_condvar_slow_partner   a round trip whose partner works 100 µs
//                          before it answers: the price of lwp's hand-off
//                          spin. Its CPU time is the main thread's alone,
//                          so the spin shows there, a sleep does not
//   BM_call_once_fast      call_once on a flag whose routine already ran
#include <benchmark/benchmark.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "fastest_statistic.hpp"
#include "lwp/lwp.hpp"

namespace {

// glibc takes non-atomic shortcuts in pthread_mutex_lock while the process
// has only ever had one thread; a program that needs a mutex has more, so
// every benchmark here first makes the process multi-threaded for good.
void become_multithreaded() {
    static bool done = [] {
        std::thread([] {}).join();
        return true;
    }();
    (void)done;
}

template <class Mutex>
void mutex_uncontended(benchmark::State& state) {
    become_multithreaded();
    Mutex mutex;
    for (auto _ : state) {
        mutex.lock();
        mutex.unlock();
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations());
}

// Where the counter sits relative to the mutex decides what a hand-off costs,
// so both layouts are measured, each pinned for every mutex type alike (left
// to the linker, two statics landed on one line in one build and on two in the
// next, and the figures swung by 4x with no change to any mutex):
//   data_apart      the guarded data on a cache line of its own, the usual case
//                   (a lock beside a queue, a map, a buffer)
//   data_same_line  the counter in the mutex's own line
template <class Mutex>
struct alignas(64) data_apart {
    Mutex mutex;
    alignas(64) long count = 0;
};
template <class Mutex>
struct alignas(64) data_same_line {
    Mutex mutex;
    long count = 0;
};
static_assert(sizeof(data_apart<lwp::mutex>) == 128 && sizeof(data_apart<std::mutex>) == 128);
static_assert(sizeof(data_same_line<lwp::mutex>) == 64 &&
              sizeof(data_same_line<std::mutex>) == 64);

template <class Guarded>
void mutex_contended(benchmark::State& state) {
    static Guarded shared;
    for (auto _ : state) {
        shared.mutex.lock();
        ++shared.count;  // a minimal critical section
        shared.mutex.unlock();
    }
    state.SetItemsProcessed(state.iterations());
}

struct lwp_kit {
    using mutex = lwp::mutex;
    using condition_variable = lwp::condition_variable;
    using lock = lwp::unique_lock<lwp::mutex>;
    using thread = lwp::thread;
};

struct std_kit {
    using mutex = std::mutex;
    using condition_variable = std::condition_variable;
    using lock = std::unique_lock<std::mutex>;
    using thread = std::thread;
};

// Round trips through one mutex and one condition variable: main hands the
// turn to the partner and waits for it back. The partner runs on the kit's
// own thread type (an lwp thread for lwp). With `partner_work` above zero the
// partner first works that long with the mutex released.
template <class Kit>
void round_trips(benchmark::State& state, std::chrono::microseconds partner_work) {
    typename Kit::mutex mutex;
    typename Kit::condition_variable cv;
    int turn = 0;  // 0: main's turn, 1: partner's turn, 2: stop
    typename Kit::thread partner([&] {
        typename Kit::lock lock(mutex);
        for (;;) {
            while (turn == 0) cv.wait(lock);
            if (turn == 2) return;
            if (partner_work.count() > 0) {
                lock.unlock();
                auto until = std::chrono::steady_clock::now() + partner_work;
                while (std::chrono::steady_clock::now() < until) {
                }
                lock.lock();
            }
            turn = 0;
            cv.notify_one();
        }
    });
    for (auto _ : state) {
        typename Kit::lock lock(mutex);
        turn = 1;
        cv.notify_one();
        while (turn != 0) cv.wait(lock);
    }
    {
        typename Kit::lock lock(mutex);
        turn = 2;
    }
    cv.notify_one();
    partner.join();
}

template <class Kit>
void condvar_pingpong(benchmark::State& state) {
    round_trips<Kit>(state, std::chrono::microseconds(0));
    state.counters["per_handoff"] = benchmark::Counter(
        2.0, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The partner answers only after 100 µs of work, longer than lwp's hand-off
// spin lasts: the main thread's wait spins its whole bound and then sleeps.
template <class Kit>
void condvar_slow_partner(benchmark::State& state) {
    round_trips<Kit>(state, std::chrono::microseconds(100));
}

void nothing() {}

void call_once_fast_lwp(benchmark::State& state) {
    become_multithreaded();
    static lwp::once_flag flag;
    lwp::call_once(flag, nothing);
    for (auto _ : state) {
        lwp::call_once(flag, nothing);
        benchmark::ClobberMemory();
    }
}

void call_once_fast_std(benchmark::State& state) {
    become_multithreaded();
    static std::once_flag flag;
    std::call_once(flag, nothing);
    for (auto _ : state) {
        std::call_once(flag, nothing);
        benchmark::ClobberMemory();
    }
}

}  // namespace

// "min" (the fastest repetition) goes next to the median in bench/report.
BENCHMARK(mutex_uncontended<lwp::mutex>)->Name("BM_mutex_uncontended/lwp")
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(mutex_uncontended<std::mutex>)->Name("BM_mutex_uncontended/std")
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(mutex_contended<data_apart<lwp::mutex>>)->Name("BM_mutex_contended/lwp")
    ->Threads(2)->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(mutex_contended<data_apart<std::mutex>>)->Name("BM_mutex_contended/std")
    ->Threads(2)->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(mutex_contended<data_same_line<lwp::mutex>>)->Name("BM_mutex_contended_same_line/lwp")
    ->Threads(2)->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(mutex_contended<data_same_line<std::mutex>>)->Name("BM_mutex_contended_same_line/std")
    ->Threads(2)->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(condvar_pingpong<lwp_kit>)->Name("BM_condvar_pingpong/lwp")->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(condvar_pingpong<std_kit>)->Name("BM_condvar_pingpong/std")->UseRealTime()
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(condvar_slow_partner<lwp_kit>)->Name("BM_condvar_slow_partner/lwp")
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(condvar_slow_partner<std_kit>)->Name("BM_condvar_slow_partner/std")
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(call_once_fast_lwp)->Name("BM_call_once_fast/lwp")
    ->ComputeStatistics("min", lwp_bench::fastest);
BENCHMARK(call_once_fast_std)->Name("BM_call_once_fast/std")
    ->ComputeStatistics("min", lwp_bench::fastest);
