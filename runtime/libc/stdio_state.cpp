// ferror clearerr fileno: questions about a stream. (feof is always 0 for
// these output-only streams.)
#include <stdio.h>

#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::glibc_error_flag;

extern "C" {

// Both take the stream's lock: a failing write sets the error flag under it,
// and an unlocked read-modify-write here could lose that flag.
int ferror(FILE* file) noexcept {
    lwp::libc::stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    int failed = (s.glibc_flags & glibc_error_flag) != 0;
    lwp::libc::give_back_stream_lock(s);
    return failed;
}

int feof(FILE*) noexcept { return 0; }

void clearerr(FILE* file) noexcept {
    lwp::libc::stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    s.glibc_flags &= ~glibc_error_flag;
    lwp::libc::give_back_stream_lock(s);
}

// Before its first output a stream has not filled in its descriptor yet.
int fileno(FILE* file) noexcept { return file == stderr ? 2 : 1; }

}  // extern "C"
