// hello_threads_cpp: lwp::thread in a program with no C or C++ library but
// lwp's (built with lwp-c++: -fno-exceptions -fno-rtti, header-only parts of
// the C++ library only).
//
//   lwp-c++ -Os -std=c++20 hello_threads_cpp.cpp -o hello_threads_cpp
//
// Each thread runs a lambda with captures and arguments, constructed inside
// the new thread's own stack mapping (no heap allocation), and uses a
// thread_local object whose destructor runs when that thread ends.
#include <lwp/lwp.hpp>

#include <array>
#include <atomic>
#include <cstdio>

namespace {

std::atomic<int> farewells{0};

// One per thread, constructed on first use in that thread, destroyed when it
// ends: the destructor prints a line and counts itself.
struct greeter {
    int uses = 0;
    greeter() { std::printf("  [tid %d] thread_local greeter constructed\n", lwp_gettid()); }
    ~greeter() {
        std::printf("  [tid %d] thread_local greeter destroyed after %d uses\n", lwp_gettid(),
                    uses);
        farewells.fetch_add(1, std::memory_order_relaxed);
    }
};
thread_local greeter local_greeter;

}  // namespace

int main() {
    constexpr int thread_count = 4;
    std::atomic<int> total{0};
    const char* salutation = "hello";

    std::array<lwp::thread, thread_count> threads;
    for (int i = 0; i < thread_count; ++i) {
        // Captures by value (i, salutation) and by reference (total), plus an
        // argument passed through lwp::thread's constructor.
        threads[i] = lwp::thread(
            [i, salutation, &total](int repeat) {
                for (int n = 0; n < repeat; ++n) ++local_greeter.uses;
                std::printf("%s from lwp::thread %d (tid %d)\n", salutation, i, lwp_gettid());
                total.fetch_add(local_greeter.uses);
            },
            i + 1);
    }
    for (auto& thread : threads) thread.join();

    std::printf("main: %d uses in all, %d thread_local destructors ran\n", total.load(),
                farewells.load());
    return farewells.load() == thread_count ? 0 : 1;
}
