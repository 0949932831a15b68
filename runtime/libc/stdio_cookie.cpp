// fopencookie: a stream whose bytes go through four functions of the
// program's (cookie_io_functions_t: read, write, seek, close), each given
// the program's cookie. fmemopen (stdio_fmemopen.cpp) is one.
//
// The stream is an ordinary lwp stream (stdio_stream.hpp) on no descriptor:
// its buffering (BUFSIZ, full), locking, flags, ungetc and the open list
// (fflush(NULL), exit) are every stream's. Only where a file stream would
// make a system call does a cookie stream call one of the functions here
// instead, each under the stream's lock. What they do is glibc's:
// - write: once per flush (or per write too large for the buffer), with
//   everything waiting; fewer bytes taken than given, or -1, is a failed
//   write: the error flag is set, and the bytes are dropped. Without a
//   write function, every flush fails so.
// - read: once per refill, for up to BUFSIZ bytes; 0 is the end (the end
//   flag), -1 a failure (the error flag). Without one, every read fails.
// - seek: fseek, ftell, rewind, fsetpos, fgetpos, and fflush of a stream
//   that read ahead; -1 (or a position of -1) is a failure, and so is its
//   absence.
// - close: fclose's (and freopen's) last act; fclose returns its result
//   when that is not 0. Without one, closing succeeds.
// None of them is given an errno of lwp's making when it fails: the
// program's function sets errno if it wants to (ftell alone, as glibc's,
// says EIO when errno is still 0).
//
// The mode: "r", "w" or "a", then "+" (right after it, or after a "b")
// for both ways; any other letter is ignored, and a first letter other
// than those three is EINVAL. "a" only changes what ftell answers while
// output waits (below): appending is the write function's business.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "stdio_stream.hpp"

namespace lwp::libc {

struct cookie_record {
    void* cookie;
    cookie_io_functions_t functions;
    bool appending;  // opened with "a"
};

}  // namespace lwp::libc

using lwp::libc::cookie_record;
using lwp::libc::stream;

extern "C" {

bool lwp_libc_cookie_write(stream& s, const char* bytes, std::size_t count, bool) {
    const cookie_record& record = *s.cookie;
    ssize_t taken = -1;
    if (record.functions.write != nullptr)
        taken = record.functions.write(record.cookie, bytes, count);
    if (taken >= 0 && static_cast<std::size_t>(taken) >= count) return true;
    s.glibc_flags |= lwp::libc::glibc_error_flag;
    return false;
}

long lwp_libc_cookie_read(stream& s, char* into, std::size_t count) {
    const cookie_record& record = *s.cookie;
    if (record.functions.read == nullptr) return -1;
    ssize_t got = record.functions.read(record.cookie, into, count);
    // More than asked for would run past the read buffer: taken as all.
    if (got > static_cast<ssize_t>(count)) got = static_cast<ssize_t>(count);
    return got < 0 ? -1 : got;
}

long lwp_libc_cookie_seek(stream& s, long offset, int whence) {
    const cookie_record& record = *s.cookie;
    if (record.functions.seek == nullptr) return -1;
    off64_t position = offset;
    if (record.functions.seek(record.cookie, &position, whence) == -1 || position < 0) return -1;
    return position;
}

// As glibc's ftell: while output waits in an "a" stream, where it will go
// is the end, so the position is asked from there.
long lwp_libc_cookie_position(stream& s) {
    bool to_end = s.cookie->appending && s.length != 0;
    long position = lwp_libc_cookie_seek(s, 0, to_end ? SEEK_END : SEEK_CUR);
    if (position < 0) return -1;
    return position + s.length - lwp::libc::unread_bytes(s);
}

int lwp_libc_cookie_close(stream& s) {
    cookie_record* record = s.cookie;
    s.cookie = nullptr;
    // An open_wmemstream stream's array goes with its close function
    // (stdio_wide_memstream.cpp): after freopen the stream is a file's.
    s.wide_memory = nullptr;
    int result = 0;
    if (record->functions.close != nullptr) result = record->functions.close(record->cookie);
    free(record);
    return result;
}

FILE* fopencookie(void* cookie, const char* mode, cookie_io_functions_t functions) {
    bool readable = false, writable = false;
    switch (mode[0]) {
    case 'r': readable = true; break;
    case 'w':
    case 'a': writable = true; break;
    default: errno = EINVAL; return nullptr;
    }
    if (mode[1] == '+' || (mode[1] == 'b' && mode[2] == '+')) readable = writable = true;
    auto* record = static_cast<cookie_record*>(malloc(sizeof(cookie_record)));
    if (record == nullptr) return nullptr;  // errno ENOMEM, from malloc
    *record = {cookie, functions, mode[0] == 'a'};
    FILE* file = lwp::libc::open_cookie_stream(record, readable, writable);
    if (file == nullptr) free(record);
    return file;
}

}  // extern "C"
