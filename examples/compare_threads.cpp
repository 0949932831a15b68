// The flagship demo: N lwp threads and N std::threads do the same work (each
// sums a slice of numbers into an atomic), are joined, and the two sides are
// compared on one line: same result, and what each spent starting and joining.
//
//   compare_threads [threads-per-side] [rounds]
#include <lwp/lwp.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

constexpr long numbers_per_thread = 10'000;

void sum_slice(std::atomic<long>& total, long slice) {
    long local = 0;
    for (long i = slice * numbers_per_thread; i < (slice + 1) * numbers_per_thread; ++i) local += i;
    total.fetch_add(local, std::memory_order_relaxed);
}

template <class Thread>
double run_round(int thread_count, std::atomic<long>& total) {
    auto start = std::chrono::steady_clock::now();
    std::vector<Thread> threads;
    threads.reserve(thread_count);
    for (int i = 0; i < thread_count; ++i) threads.emplace_back(sum_slice, std::ref(total), long{i});
    for (auto& thread : threads) thread.join();
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
}

template <class Thread>
double median_round(int thread_count, int rounds, long& result) {
    std::vector<double> times;
    for (int round = 0; round < rounds; ++round) {
        std::atomic<long> total{0};
        times.push_back(run_round<Thread>(thread_count, total));
        result = total.load();
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int thread_count = argc > 1 ? std::atoi(argv[1]) : 64;
    int rounds = argc > 2 ? std::atoi(argv[2]) : 21;
    if (thread_count < 1 || rounds < 1) {
        std::fprintf(stderr, "usage: %s [threads-per-side >= 1] [rounds >= 1]\n", argv[0]);
        return 2;
    }
    long lwp_sum = 0, std_sum = 0;
    // Alternate sides once to warm both (stack caches, page tables).
    median_round<lwp::thread>(thread_count, 1, lwp_sum);
    median_round<std::thread>(thread_count, 1, std_sum);
    double lwp_time = median_round<lwp::thread>(thread_count, rounds, lwp_sum);
    double std_time = median_round<std::thread>(thread_count, rounds, std_sum);
    long n = thread_count * numbers_per_thread;
    long expected = n * (n - 1) / 2;
    std::printf("%d threads x %d rounds (median): lwp::thread %.0f us, std::thread %.0f us "
                "(%.2fx); sums %s (%ld)\n",
                thread_count, rounds, lwp_time, std_time, std_time / lwp_time,
                lwp_sum == expected && std_sum == expected ? "agree" : "DISAGREE", expected);
    return lwp_sum == expected && std_sum == expected ? 0 : 1;
}
