// A cheap, monotonic tick count for bounding spin loops.
//
// `rdtsc` reads the time-stamp counter without a syscall or a trap (Linux
// leaves it enabled for user space; KVM guests read it directly). On every
// x86_64 core Linux supports well the counter ticks at a constant rate near
// the nominal clock, 1 to 4 GHz, whatever the current frequency: good enough
// to say "spin for about this long", never used to measure time.
#pragma once

#include <cstdint>

namespace lwp::arch {

inline std::uint64_t cycle_counter() { return __builtin_ia32_rdtsc(); }

}  // namespace lwp::arch
