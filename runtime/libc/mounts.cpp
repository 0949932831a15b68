// mount, umount and umount2 (<sys/mount.h>): attaching and detaching file
// systems; and the descriptor-based mount calls Linux 5.2 added and glibc
// 2.36 wraps (fsopen fsconfig fsmount fspick open_tree move_mount, 5.12's
// mount_setattr). All are thin wrappers over the system calls, -1 plus errno
// on failure (EPERM without CAP_SYS_ADMIN; ENOSYS from an older kernel, which
// glibc passes on too). Not cancellation points, as in glibc.
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

// The new mount interface builds a mount in steps through descriptors:
// fsopen makes a file system context, fsconfig sets its parameters, fsmount
// turns it into a detached mount, move_mount attaches it. The kernel checks
// every flag, so nothing is filtered here.
int fsopen(const char* file_system_name, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_fsopen, file_system_name, flags));
}

int fsconfig(int context, unsigned int command, const char* key, const void* value,
             int auxiliary) noexcept {
    return static_cast<int>(system_call(__NR_fsconfig, context, command, key, value, auxiliary));
}

int fsmount(int context, unsigned int flags, unsigned int attributes) noexcept {
    return static_cast<int>(system_call(__NR_fsmount, context, flags, attributes));
}

int fspick(int directory, const char* path, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_fspick, directory, path, flags));
}

int open_tree(int directory, const char* path, unsigned int flags) noexcept {
    return static_cast<int>(system_call(__NR_open_tree, directory, path, flags));
}

int move_mount(int from_directory, const char* from_path, int to_directory, const char* to_path,
               unsigned int flags) noexcept {
    return static_cast<int>(
        system_call(__NR_move_mount, from_directory, from_path, to_directory, to_path, flags));
}

// The attribute block's size goes with it, so the kernel can tell which
// version of struct mount_attr the caller was built with.
int mount_setattr(int directory, const char* path, unsigned int flags, struct mount_attr* attributes,
                  size_t size) noexcept {
    return static_cast<int>(
        system_call(__NR_mount_setattr, directory, path, flags, attributes, size));
}

}  // extern "C"
