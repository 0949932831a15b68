// Makes lwp_bench answer LWP_CACHED_SPAWN_PROBE (see cached_spawn_probe.hpp),
// which bench/report uses to count the syscalls of one cached spawn+join.
#include "cached_spawn_probe.hpp"

namespace {
lwp_probe::probe_at_startup probe;
}
