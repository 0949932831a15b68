// Reading the short text files of /proc and /sys that the library consults
// (a number, a list of CPUs): raw system calls, so that a caller such as
// sysconf, which is no cancellation point, never becomes one.
#pragma once

#include <errno.h>
#include <fcntl.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"

namespace lwp::libc {

// Opens `path` for reading (close-on-exec): the descriptor, or -errno.
inline long open_system_file(const char* path) {
    return arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                          O_RDONLY | O_CLOEXEC, 0);
}

// One read of at most `size` bytes, again after a signal: the count, or -errno.
inline long read_system_file(long fd, char* buffer, std::size_t size) {
    long count;
    do {
        count = arch::syscall3(__NR_read, fd, reinterpret_cast<long>(buffer),
                               static_cast<long>(size));
    } while (count == -EINTR);
    return count;
}

inline void close_system_file(long fd) { arch::syscall1(__NR_close, fd); }

// The start of the file at `path` (what one read gives, at most size - 1
// bytes), NUL-terminated: its length, or 0 when it cannot be opened or read
// or is empty.
inline std::size_t read_start_of_system_file(const char* path, char* buffer, std::size_t size) {
    long fd = open_system_file(path);
    if (sys::failed(fd)) return 0;
    long count = read_system_file(fd, buffer, size - 1);
    close_system_file(fd);
    if (count <= 0) return 0;
    buffer[count] = '\0';
    return static_cast<std::size_t>(count);
}

}  // namespace lwp::libc
