// mount, umount and umount2 (<sys/mount.h>): attaching and detaching file
// systems, thin wrappers over the system calls, -1 plus errno on failure
// (EPERM without CAP_SYS_ADMIN). Not cancellation points, as in glibc.
#include <sys/mount.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int mount(const char* source, const char* target, const char* type, unsigned long flags,
          const void* data) noexcept {
    return static_cast<int>(system_call(__NR_mount, source, target, type, flags, data));
}

// flags: MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW.
int umount2(const char* target, int flags) noexcept {
    return static_cast<int>(system_call(__NR_umount2, target, flags));
}

// x86-64 has no umount system call of its own: umount2 without flags.
int umount(const char* target) noexcept { return umount2(target, 0); }

}  // extern "C"
