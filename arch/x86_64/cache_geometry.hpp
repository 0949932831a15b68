// The CPU's cache sizes, associativities and line sizes, as sysconf answers
// _SC_LEVEL1_ICACHE_SIZE ... _SC_LEVEL4_CACHE_LINESIZE
// (cache_geometry_freestanding.cpp).
#pragma once

namespace lwp::arch {

// sysconf's answer for `name`, one of the 15 cache names: a size or count,
// 0 where the CPU tells nothing about it, -1 where the answer is unknown (a
// vendor whose caches are not read, a name never answered). Never sets errno.
long cache_geometry(int name) noexcept;

}  // namespace lwp::arch
