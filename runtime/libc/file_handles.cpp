// name_to_handle_at and open_by_handle_at (<fcntl.h>, _GNU_SOURCE): a file
// named by a handle that stays valid across renames, for file servers and
// backup tools. The system calls of the same names; glibc's struct
// file_handle is the kernel's. open_by_handle_at opens a file and, like
// openat, is a cancellation point; name_to_handle_at is not.
#include <fcntl.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::cancellation_point_call;
using lwp::libc::system_call;

extern "C" {

int name_to_handle_at(int directory, const char* path, struct file_handle* handle, int* mount_id, int flags) noexcept {
    return static_cast<int>(system_call(__NR_name_to_handle_at, directory, path, handle, mount_id, flags));
}

int open_by_handle_at(int mount_fd, struct file_handle* handle, int flags) noexcept {
    return static_cast<int>(cancellation_point_call(__NR_open_by_handle_at, mount_fd, handle, flags));
}

}  // extern "C"
