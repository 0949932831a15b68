// ferror feof clearerr fileno, and their _unlocked names: questions about a
// stream.
#include <errno.h>
#include <stdio.h>

#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::glibc_end_flag;
using lwp::libc::glibc_error_flag;

namespace {

// Under the stream's lock: a failing write or read sets a flag under it,
// and an unlocked read-modify-write here could lose that flag.
int flags_of(FILE* file) {
    lwp::libc::stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    int flags = s.glibc_flags;
    lwp::libc::give_back_stream_lock(s);
    return flags;
}

}  // namespace

extern "C" {

int ferror(FILE* file) noexcept { return (flags_of(file) & glibc_error_flag) != 0; }
int feof(FILE* file) noexcept { return (flags_of(file) & glibc_end_flag) != 0; }

void clearerr(FILE* file) noexcept {
    lwp::libc::stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    s.glibc_flags &= ~(glibc_error_flag | glibc_end_flag);
    lwp::libc::give_back_stream_lock(s);
}

// A stream with no descriptor (closed by a failed freopen, or a cookie
// stream) answers -1 and EBADF, as glibc's does.
int fileno(FILE* file) noexcept {
    int fd = lwp::libc::descriptor_of(file);
    if (fd >= 0) return fd;
    errno = EBADF;
    return -1;
}

// glibc's <stdio.h> calls these when it does not inline them (without
// optimisation); taking the lock anyway is never wrong (stdio_unlocked.cpp).
int ferror_unlocked(FILE* file) noexcept { return ferror(file); }
int feof_unlocked(FILE* file) noexcept { return feof(file); }
void clearerr_unlocked(FILE* file) noexcept { clearerr(file); }
int fileno_unlocked(FILE* file) noexcept { return fileno(file); }

}  // extern "C"
