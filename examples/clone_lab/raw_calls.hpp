// The few system calls a clone-lab child makes, as raw syscalls.
//
// Why not the C library: a child made without CLONE_SETTLS runs on its
// parent's %fs, i.e. on the parent's TLS. With CLONE_VM that TLS is the very
// same memory, so anything in glibc that writes thread-local state (errno,
// stdio locks, malloc arenas) would corrupt the parent. These wrappers return
// the kernel's result (>= 0 or -errno) and touch nothing but their arguments.
#pragma once

#include <asm/unistd.h>
#include <cerrno>
#include <fcntl.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"
#include "../../runtime/sys/syscalls.hpp"

namespace clone_lab::raw {

using lwp::arch::syscall1;
using lwp::arch::syscall3;
using lwp::arch::syscall4;

inline long open_read_only(const char* path) {
    // O_CLOEXEC: the lab never execs, but an fd that leaks into a later exec
    // would be a bug anywhere else, so the habit stays.
    return syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path), O_RDONLY | O_CLOEXEC, 0);
}

inline long chdir(const char* path) { return syscall1(__NR_chdir, reinterpret_cast<long>(path)); }

inline long read(int fd, void* buffer, std::size_t length) {
    return syscall3(__NR_read, fd, reinterpret_cast<long>(buffer), static_cast<long>(length));
}

// The kernel's own struct sigaction on x86_64 (not glibc's, whose sa_mask is
// 128 bytes and whose field order differs).
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)();
    unsigned long mask;
};
static_assert(sizeof(kernel_sigaction) == 32, "x86_64 kernel struct sigaction");

inline long rt_sigaction(int signal, const kernel_sigaction* action, kernel_sigaction* old) {
    return syscall4(__NR_rt_sigaction, signal, reinterpret_cast<long>(action),
                    reinterpret_cast<long>(old), lwp::sys::kernel_sigset_size);
}

// Writes all of `length` bytes (pipes below PIPE_BUF take them in one go, but
// a short write must not silently lose a report).
inline long write_all(int fd, const void* data, std::size_t length) {
    const char* bytes = static_cast<const char*>(data);
    while (length != 0) {
        long written = lwp::sys::write(fd, bytes, length);
        if (written == -EINTR) continue;
        if (written < 0) return written;
        bytes += written;
        length -= static_cast<std::size_t>(written);
    }
    return 0;
}

}  // namespace clone_lab::raw
