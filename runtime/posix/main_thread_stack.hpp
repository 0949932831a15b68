// Where the main thread's stack is: the kernel-made [stack] mapping, as large
// as RLIMIT_STACK lets it grow (in whole pages), and never past the mapping
// below it.
#pragma once

#include <cstddef>

namespace lwp::posix {

int main_thread_stack(void*& low, std::size_t& size);

}  // namespace lwp::posix
