// Where an idle lwp thread's resident memory is. One thread (default
// attributes, fresh mapping) blocks on a futex word; the benchmark asks
// mincore which pages of the thread's own mapping (from its descriptor: a
// /proc/self/maps line may hold neighbouring stacks too, merged with it when
// its guard is a marker) are resident. Counters, all in bytes measured from the mapping's
// top (its highest address):
//   resident_pages             pages of the mapping in memory;
//   lowest_resident_from_top   bottom of the lowest resident page;
//   thread_pointer_from_top    where %fs points (TCB; host area above it);
//   stack_pointer_from_top     a local of the idle thread (its stack top);
//   host_room_above/_below     the zeroed room kept for glibc around %fs.
// The time column is meaningless here; only the counters matter.
#include <benchmark/benchmark.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "arch/x86_64/thread_pointer.hpp"
#include "lwp/lwp.hpp"
#include "runtime/sys/futex.hpp"
#include "runtime/thread/host_tls.hpp"
#include "runtime/thread/thread_descriptor.hpp"

namespace {

std::atomic<int> release{0};
std::atomic<std::uintptr_t> stack_address{0};
std::atomic<std::uintptr_t> thread_pointer{0};
std::uintptr_t mapping_low = 0, mapping_high = 0;  // written before stack_address

void idle_and_report() {
    int local = 0;
    benchmark::DoNotOptimize(local);
    thread_pointer.store(reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer()),
                         std::memory_order_relaxed);
    const lwp::runtime::thread_descriptor* self = lwp::runtime::current_thread.descriptor;
    mapping_low = reinterpret_cast<std::uintptr_t>(self->mapping_base);
    mapping_high = mapping_low + self->mapping_size;
    stack_address.store(reinterpret_cast<std::uintptr_t>(&local), std::memory_order_release);
    while (release.load(std::memory_order_acquire) == 0)
        lwp::sys::futex_wait(&release, 0, /*process_private=*/true);
}

void idle_thread_pages_lwp(benchmark::State& state) {
    double resident = 0, lowest = 0, tp_offset = 0, sp_offset = 0;
    for (auto _ : state) {
        lwp_stack_cache_set_limit(0);  // a fresh mapping, as most of 10,000 get
        lwp_stack_cache_set_limit(40u << 20);
        release.store(0);
        stack_address.store(0);
        lwp::thread thread(idle_and_report);
        while (stack_address.load(std::memory_order_acquire) == 0) std::this_thread::yield();
        std::uintptr_t sp = stack_address.load(), tp = thread_pointer.load();
        std::uintptr_t low = mapping_low, high = mapping_high;
        if (low < sp && sp < high) {
            std::size_t pages = (high - low) / 4096;
            std::vector<unsigned char> in_core(pages);
            mincore(reinterpret_cast<void*>(low), high - low, in_core.data());
            resident = lowest = 0;
            for (std::size_t i = 0; i < pages; ++i) {
                if (!(in_core[i] & 1)) continue;
                resident += 1;
                double from_top = static_cast<double>(high - (low + i * 4096));
                if (from_top > lowest) lowest = from_top;
            }
            tp_offset = static_cast<double>(high - tp);
            sp_offset = static_cast<double>(high - sp);
        } else {
            state.SkipWithError("the thread's stack is not in its own mapping");
        }
        release.store(1, std::memory_order_release);
        lwp::sys::futex_wake(&release, 1, /*process_private=*/true);
        thread.join();
    }
    state.counters["resident_pages"] = resident;
    state.counters["lowest_resident_from_top"] = lowest;
    state.counters["thread_pointer_from_top"] = tp_offset;
    state.counters["stack_pointer_from_top"] = sp_offset;
    // The zeroed room kept for glibc around the thread pointer, as glibc
    // reported it to lwp (runtime/thread/host_tls.cpp).
    lwp::runtime::host_tls_sizes host = lwp::runtime::host_tls();
    state.counters["host_room_above"] = static_cast<double>(host.above_thread_pointer);
    state.counters["host_room_below"] = static_cast<double>(host.below_thread_pointer);
}

}  // namespace

BENCHMARK(idle_thread_pages_lwp)->Name("idle_thread_pages/lwp")->Iterations(1)->UseRealTime();
