// unshare and setns (<sched.h>): leaving a shared context or joining a
// namespace, thin wrappers over the system calls, -1 plus errno on failure.
// Both act on the calling thread, and lwp's threads, like glibc's, share
// everything else with each other: unshare(CLONE_FS) (which CLONE_NEWNS
// implies) gives the calling thread a root, working directory and umask of
// its own from then on, while what a thread group must share (CLONE_NEWUSER,
// which implies CLONE_THREAD, and CLONE_VM, CLONE_SIGHAND) is refused with
// EINVAL once there is more than one thread, as is setns into a user
// namespace. Not cancellation points.
#include <sched.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int unshare(int flags) noexcept { return static_cast<int>(system_call(__NR_unshare, flags)); }

// kind: 0 for any, or the CLONE_NEW* the descriptor must be.
int setns(int fd, int kind) noexcept { return static_cast<int>(system_call(__NR_setns, fd, kind)); }

}  // extern "C"
