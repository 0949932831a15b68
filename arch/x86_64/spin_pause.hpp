// The busy-wait hint for spin loops. On x86_64 `pause` tells the core it is
// spinning: it saves power, yields pipeline resources to a sibling
// hyperthread and avoids the memory-order mis-speculation penalty when the
// awaited cache line finally changes.
#pragma once

namespace lwp::arch {

inline void spin_pause() { __builtin_ia32_pause(); }

}  // namespace lwp::arch
