// mmap, munmap, mprotect, msync, mremap, madvise, process_madvise, process_mrelease,
// remap_file_pages, posix_madvise, mlock, mlock2, munlock, mlockall,
// munlockall, mincore, memfd_create: memory mappings made by the
// program itself (shared memory for process-shared objects, its own stacks,
// mapped files) and what it tells the kernel about them. Errors: MAP_FAILED
// or -1 with errno (posix_madvise: the error number itself). msync, which
// can wait for the disk, is a cancellation point.
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/uio.h>

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

// The new address or MAP_FAILED. MREMAP_FIXED takes the new address as a
// fifth argument, and so does MREMAP_DONTUNMAP, for which the kernel takes
// it as a hint (glibc passes it on for either).
void* mremap(void* address, size_t old_length, size_t new_length, int flags, ...) noexcept {
    long new_address = 0;
    if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
        va_list arguments;
        va_start(arguments, flags);
        new_address = reinterpret_cast<long>(va_arg(arguments, void*));
        va_end(arguments);
    }
    long result = lwp::arch::syscall5(__NR_mremap, reinterpret_cast<long>(address),
                                      static_cast<long>(old_length),
                                      static_cast<long>(new_length), flags, new_address);
    if (lwp::sys::failed(result)) {
        lwp::libc::fail_with_errno(static_cast<int>(-result));
        return MAP_FAILED;
    }
    return reinterpret_cast<void*>(result);
}

int madvise(void* address, size_t length, int advice) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall3(
        __NR_madvise, reinterpret_cast<long>(address), static_cast<long>(length), advice)));
}

// Advice on another process's memory, named by a pidfd (Linux 5.10).
ssize_t process_madvise(int pidfd, const struct iovec* ranges, size_t count, int advice,
                        unsigned int flags) noexcept {
    return lwp::libc::errno_result(lwp::arch::syscall5(__NR_process_madvise, pidfd,
                                                       reinterpret_cast<long>(ranges),
                                                       static_cast<long>(count), advice, flags));
}

// Frees the memory of a process that is being killed (its pidfd given) at
// once, rather than when its last thread is gone: what out-of-memory daemons
// call after SIGKILL. flags must be 0 (EINVAL); a process not yet dying is
// EINVAL too, the kernel's answer.
int process_mrelease(int pidfd, unsigned int flags) noexcept {
    return static_cast<int>(
        lwp::libc::errno_result(lwp::arch::syscall2(__NR_process_mrelease, pidfd, flags)));
}

// Rearranges a shared mapping's pages (deprecated by Linux, which emulates
// it, but still a system call).
int remap_file_pages(void* address, size_t length, int protection, size_t page, int flags) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall5(__NR_remap_file_pages, reinterpret_cast<long>(address),
                            static_cast<long>(length), protection, static_cast<long>(page), flags)));
}

// POSIX's form returns the error instead of setting errno. POSIX_MADV_DONTNEED
// is only a hint there, while Linux's MADV_DONTNEED discards the pages'
// contents: it is ignored, as glibc ignores it.
int posix_madvise(void* address, size_t length, int advice) noexcept {
    if (advice == POSIX_MADV_DONTNEED) return 0;
    long result = lwp::arch::syscall3(__NR_madvise, reinterpret_cast<long>(address),
                                      static_cast<long>(length), advice);
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

// Which pages of a mapping are in memory now: a byte per page, bit 0 set
// for a resident one.
int mincore(void* address, size_t length, unsigned char* residency) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall3(
        __NR_mincore, reinterpret_cast<long>(address), static_cast<long>(length),
        reinterpret_cast<long>(residency))));
}

int mlock(const void* address, size_t length) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall2(__NR_mlock, reinterpret_cast<long>(address), static_cast<long>(length))));
}
// mlock with flags: MLOCK_ONFAULT locks pages as they are first touched.
int mlock2(const void* address, size_t length, unsigned int flags) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall3(
        __NR_mlock2, reinterpret_cast<long>(address), static_cast<long>(length), flags)));
}
int munlock(const void* address, size_t length) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall2(
        __NR_munlock, reinterpret_cast<long>(address), static_cast<long>(length))));
}
int mlockall(int flags) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall1(__NR_mlockall, flags)));
}
int munlockall(void) noexcept {
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall0(__NR_munlockall)));
}

// An anonymous file in memory (what open_memstream keeps its bytes in).
int memfd_create(const char* name, unsigned int flags) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall2(__NR_memfd_create, reinterpret_cast<long>(name), flags)));
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
void* mmap64(void* address, size_t length, int protection, int flags, int fd,
             off_t offset) noexcept __attribute__((alias("mmap")));

}  // extern "C"
