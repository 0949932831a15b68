// pidfd_open pidfd_send_signal pidfd_getfd (<sys/pidfd.h>): a process named
// by a descriptor instead of a pid, which cannot be reused behind the
// caller's back. The system calls (Linux 5.3 to 5.6; ENOSYS before, as
// glibc answers). Not cancellation points.
#include <signal.h>
#include <sys/syscall.h>
// glibc 2.36's header lacks the C-linkage brackets its other headers have.
extern "C" {
#include <sys/pidfd.h>
}

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int pidfd_open(pid_t pid, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_pidfd_open, pid, flags));
}

int pidfd_send_signal(int pidfd, int signal, siginfo_t* info, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_pidfd_send_signal, pidfd, signal, info, flags));
}

// A copy, in this process, of descriptor `target` of the process.
int pidfd_getfd(int pidfd, int target, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_pidfd_getfd, pidfd, target, flags));
}

}  // extern "C"
