// process_vm_readv and process_vm_writev (<sys/uio.h>): copies between this
// process's memory and another's (debuggers, MPI), the system calls with the
// caller's vectors. Not cancellation points.
#include <sys/syscall.h>
#include <sys/uio.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

ssize_t process_vm_readv(pid_t pid, const struct iovec* local, unsigned long local_count, const struct iovec* remote,
                         unsigned long remote_count, unsigned long flags) noexcept {
    return system_call(__NR_process_vm_readv, pid, local, local_count, remote, remote_count, flags);
}

ssize_t process_vm_writev(pid_t pid, const struct iovec* local, unsigned long local_count,
                          const struct iovec* remote, unsigned long remote_count, unsigned long flags) noexcept {
    return system_call(__NR_process_vm_writev, pid, local, local_count, remote, remote_count, flags);
}

}  // extern "C"
