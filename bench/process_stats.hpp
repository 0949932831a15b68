// Whole-process figures the benchmarks report as counters: resident memory
// and the number of memory mappings. Read from /proc on the benchmark's own
// thread, never from inside a spawned thread.
#pragma once

#include <cstddef>

namespace lwp_bench {

// Resident set size in bytes (/proc/self/statm, second field, in pages).
std::size_t resident_bytes();

// Lines of /proc/self/maps: one per mapping. A guard page split off a stack
// by mprotect (glibc, musl) is a mapping of its own; a guard marker (lwp on
// Linux 6.13+) is not, and neighbouring stacks then merge into one line.
std::size_t mapping_count();

}  // namespace lwp_bench
