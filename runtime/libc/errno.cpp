// Per-thread errno. glibc's headers expand `errno` to (*__errno_location ()),
// so a program compiled against them finds its errno through this function.
//
// A thread_local in the executable's TLS block: lwp's freestanding startup
// gives the main thread that block, and every lwp thread gets its own copy
// (zeroed, being .tbss), so each thread's errno is private from its first
// instruction without any registration step.
#include <errno.h>

namespace {
thread_local int thread_errno;
}

extern "C" int* __errno_location(void) noexcept { return &thread_errno; }
