// What a fresh thread mapping costs its creator before any clone: mapping a
// default-sized stack with its guard page (mmap + mprotect, as lwp, glibc and
// musl all do), then the first write to its top page, which is where every
// one of the three writes its thread's descriptor and TLS. That first write
// is a page fault taken on the creator's CPU; it is part of each library's
// "creation per thread" in many_alive.
//
// Each iteration maps 1000 stacks, keeping them all alive, then unmaps them
// outside the timed part. Counters, per stack, in µs:
//   map_and_guard_us   the mmap + mprotect pair;
//   first_write_us     one store to the top page (the fault).
// The time column is their sum.
#include <benchmark/benchmark.h>
#include <sys/mman.h>

#include <chrono>
#include <vector>

#include "runtime/thread/create.hpp"
#include "runtime/thread/thread_layout.hpp"

namespace {

constexpr int stacks_per_iteration = 1000;
constexpr std::size_t guard_bytes = lwp::runtime::default_guard_size;

void fresh_stack_costs(benchmark::State& state) {
    // lwp's default stack (RLIMIT_STACK, as glibc's) and guard.
    const std::size_t mapping_bytes = lwp::runtime::default_stack_size() + guard_bytes;
    std::vector<char*> stacks;
    stacks.reserve(stacks_per_iteration);
    double map_seconds = 0, write_seconds = 0;
    for (auto _ : state) {
        using clock = std::chrono::steady_clock;
        double map_part = 0, write_part = 0;
        for (int i = 0; i < stacks_per_iteration; ++i) {
            auto start = clock::now();
            void* mapped = mmap(nullptr, mapping_bytes, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
            if (mapped == MAP_FAILED || mprotect(mapped, guard_bytes, PROT_NONE) != 0) {
                state.SkipWithError("mmap or mprotect failed");
                break;
            }
            auto mapped_at = clock::now();
            char* base = static_cast<char*>(mapped);
            // volatile: the store must happen here, not be merged or dropped.
            *static_cast<volatile char*>(base + mapping_bytes - 64) = 1;
            auto written_at = clock::now();
            map_part += std::chrono::duration<double>(mapped_at - start).count();
            write_part += std::chrono::duration<double>(written_at - mapped_at).count();
            stacks.push_back(base);
        }
        state.SetIterationTime((map_part + write_part) / stacks_per_iteration);
        map_seconds += map_part;
        write_seconds += write_part;
        for (char* base : stacks) munmap(base, mapping_bytes);
        stacks.clear();
    }
    double per_stack = 1e6 / (static_cast<double>(state.iterations()) * stacks_per_iteration);
    state.counters["map_and_guard_us"] = map_seconds * per_stack;
    state.counters["first_write_us"] = write_seconds * per_stack;
}

}  // namespace

BENCHMARK(fresh_stack_costs)->Iterations(5)->UseManualTime()->Unit(benchmark::kMicrosecond);
