// How the C-ABI wrappers of runtime/libc report failure: the POSIX way, -1 (or
// a null pointer) with the reason in the calling thread's errno. The core
// below returns -errno and never touches errno; this header is the one place
// where the two conventions meet.
#pragma once

#include <errno.h>

#include "../sys/syscalls.hpp"

namespace lwp::libc {

// Stores `code` in errno (glibc's <errno.h> expands errno to
// (*__errno_location ()), which errno.cpp defines per thread) and returns -1.
inline int fail_with_errno(int code) {
    errno = code;
    return -1;
}

// A raw syscall result (value or -errno) turned into the C convention.
inline long errno_result(long raw) {
    if (sys::failed(raw)) return fail_with_errno(static_cast<int>(-raw));
    return raw;
}

// The same, for the calls whose C type is int (0, a descriptor, an id).
inline int int_errno_result(long raw) { return static_cast<int>(errno_result(raw)); }

}  // namespace lwp::libc
