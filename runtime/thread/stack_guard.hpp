// The guard below a fresh thread stack: the pages an overflow runs into.
#pragma once

#include <cstddef>

namespace lwp::runtime {

// Makes [low, low + guard_size) fault on any access. 0, or EAGAIN when the
// kernel refuses both ways of doing it (the caller unmaps and fails).
int install_stack_guard(char* low, std::size_t guard_size);

}  // namespace lwp::runtime
