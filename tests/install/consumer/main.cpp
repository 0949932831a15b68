// A separate project using an installed lwp through find_package(lwp).
#include <lwp/lwp.hpp>

#include <atomic>
#include <cstdio>
#include <vector>

int main() {
    std::atomic<int> sum{0};
    std::vector<lwp::thread> threads;
    for (int i = 1; i <= 8; ++i) threads.emplace_back([&sum, i] { sum += i; });
    for (auto& thread : threads) thread.join();
    std::printf("consumer: %zu threads joined, sum %d\n", threads.size(), sum.load());
    return sum == 36 ? 0 : 1;
}
