// What a fresh thread mapping costs its creator before any clone: mapping a
// default-sized stack and making its guard page, then the first write to its
// top page, which is where lwp, glibc and musl all write their thread's
// descriptor and TLS. That first write is a page fault taken on the creator's
// CPU; it is part of each library's "creation per thread" in many_alive.
//
// Two ways to make the guard, the only step in which the libraries differ:
//   fresh_stack_costs/lwp_guard        lwp's own install_stack_guard: a guard
//       marker (madvise MADV_GUARD_INSTALL) where the kernel has them, the
//       mapping left whole; otherwise mprotect;
//   fresh_stack_costs/prot_none_guard  mprotect(PROT_NONE), as glibc and musl
//       do: the guard becomes a mapping of its own.
//
// Each iteration maps 1000 stacks, keeping them all alive, then unmaps them
// outside the timed part. Counters, per stack, in µs:
//   map_and_guard_us   the mmap + guard pair;
//   first_write_us     one store to the top page (the fault).
// The time column is their sum.
#include <benchmark/benchmark.h>
#include <sys/mman.h>

#include <chrono>
#include <vector>

#include "runtime/thread/create.hpp"
#include "runtime/thread/stack_guard.hpp"
#include "runtime/thread/thread_layout.hpp"

namespace {

constexpr int stacks_per_iteration = 1000;
constexpr std::size_t guard_bytes = lwp::runtime::default_guard_size;

int lwp_guard(char* low) { return lwp::runtime::install_stack_guard(low, guard_bytes); }
int prot_none_guard(char* low) { return mprotect(low, guard_bytes, PROT_NONE); }

template <int (*make_guard)(char*)>
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
            if (mapped == MAP_FAILED || make_guard(static_cast<char*>(mapped)) != 0) {
                state.SkipWithError("mmap or the guard failed");
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

BENCHMARK(fresh_stack_costs<lwp_guard>)
    ->Name("fresh_stack_costs/lwp_guard")
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(fresh_stack_costs<prot_none_guard>)
    ->Name("fresh_stack_costs/prot_none_guard")
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
