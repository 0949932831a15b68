// mmap, munmap, mprotect, msync: memory mappings made by the program itself
// (shared memory for process-shared objects, its own stacks, mapped files).
// Errors: MAP_FAILED or -1 with errno. msync, which can wait for the disk, is
// a cancellation point.
#include <sys/mman.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

extern "C" {

void* mmap(void* address, size_t length, int protection, int flags, int fd, off_t offset) noexcept {
    long result = lwp::sys::mmap(address, length, protection, flags, fd, offset);
    if (lwp::sys::failed(result)) {
        lwp::libc::fail_with_errno(static_cast<int>(-result));
        return MAP_FAILED;
    }
    return reinterpret_cast<void*>(result);
}

int munmap(void* address, size_t length) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::sys::munmap(address, length)));
}

int mprotect(void* address, size_t length, int protection) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::sys::mprotect(address, length, protection)));
}

int msync(void* address, size_t length, int flags) {
    return static_cast<int>(lwp::libc::errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_msync, reinterpret_cast<long>(address), static_cast<long>(length), flags)));
}

}  // extern "C"
