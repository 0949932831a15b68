// lwp threads in a glibc process across glibc's fork (host_fork.cpp).
#pragma once

namespace lwp::runtime {

#ifdef LWP_FREESTANDING
// fork there is lwp's own (runtime/posix/fork.cpp), which knows its tables.
inline void prepare_for_host_fork() {}
#else
// Registers, once, fork handlers with the host C library. Called before the
// first lwp thread starts.
void prepare_for_host_fork();
#endif

}  // namespace lwp::runtime
