// mtrace's hook (malloc_heap.hpp): null until mtrace (malloc_tracing.cpp)
// sets it; malloc.cpp's functions report each call through it.
//
// In a file of its own because both sides refer to it: defined in
// malloc.cpp it would pull lwp's malloc into a program that replaces malloc
// and calls mtrace (malloc defined twice); defined in malloc_tracing.cpp it
// would pull mtrace's stdio into every program that allocates.
#include "malloc_heap.hpp"

namespace lwp::libc::heap {
void (*trace)(trace_event, void*, void*, std::size_t, const void*) = nullptr;
}
