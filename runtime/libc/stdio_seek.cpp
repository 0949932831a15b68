// fseek, fseeko, ftell, ftello, rewind, fgetpos and fsetpos (and their
// 64-bit names): the stream's position, which is the descriptor's offset
// less what was read ahead, plus what is buffered for output.
//
// A seek writes buffered output out first, drops what was read ahead (and
// an ungetc byte), and clears the end flag; rewind clears the error flag
// too. The streams' offsets are 64-bit (off_t is, on x86_64), so fseek and
// ftell never overflow a long.
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::stream;

namespace {

// The descriptor's offset moved, or a cookie stream's position through its
// seek function (stdio_stream.hpp): the new one, or -1 with errno set (by
// the seek function itself for a cookie stream).
long reposition(FILE* file, stream& s, off_t offset, int whence) {
    if (s.cookie) return lwp_libc_cookie_seek(s, offset, whence);
    long result = lwp::arch::syscall3(__NR_lseek, lwp::libc::descriptor_of(file), offset, whence);
    if (lwp::sys::failed(result)) {
        errno = static_cast<int>(-result);
        return -1;
    }
    return result;
}

long seek_locked(FILE* file, stream& s, off_t offset, int whence) {
    if (!lwp::libc::flush_locked(s)) return -1;
    // glibc's seek ends its putting state, and sets a stream without a
    // buffer up for reading, before it moves the offset: a seek that fails
    // there leaves it reading all the same, unless it had its buffer from
    // setvbuf already (stdio_stream.hpp).
    if (s.last_calls != lwp::libc::call_mark::none_with_buffer)
        s.last_calls = lwp::libc::call_mark::input;
    if (whence == SEEK_CUR) offset -= lwp::libc::unread_bytes(s);
    if (reposition(file, s, offset, whence) < 0) return -1;
    s.last_calls = lwp::libc::call_mark::input;
    lwp::libc::drop_unread(s);
    s.glibc_flags &= ~lwp::libc::glibc_end_flag;
    // glibc's wide buffer has no room after a seek (see took_wide_output).
    __atomic_store_n(&s.took_wide_output, false, __ATOMIC_RELAXED);
    return 0;
}

}  // namespace

extern "C" {

int fseeko(FILE* file, off_t offset, int whence) {
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    long result = seek_locked(file, s, offset, whence);
    lwp::libc::give_back_stream_lock(s);
    return static_cast<int>(result);
}

int fseek(FILE* file, long offset, int whence) { return fseeko(file, offset, whence); }
int fseeko64(FILE* file, off_t offset, int whence) __attribute__((alias("fseeko")));

off_t ftello(FILE* file) {
    stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    long position;
    if (s.cookie) {
        position = lwp_libc_cookie_position(s);
        // glibc's answer when the seek function failed without a reason.
        if (position < 0 && errno == 0) errno = EIO;
    } else {
        position = reposition(file, s, 0, SEEK_CUR);
        if (position >= 0) position += s.length - lwp::libc::unread_bytes(s);
    }
    lwp::libc::give_back_stream_lock(s);
    return position;
}

long ftell(FILE* file) { return ftello(file); }
off_t ftello64(FILE* file) __attribute__((alias("ftello")));

void rewind(FILE* file) {
    stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    seek_locked(file, s, 0, SEEK_SET);
    s.glibc_flags &= ~lwp::libc::glibc_error_flag;
    lwp::libc::give_back_stream_lock(s);
}

// fpos_t is glibc's struct of an offset and a multibyte state, which lwp's
// byte streams do not have.
int fgetpos(FILE* __restrict file, fpos_t* __restrict position) {
    off_t offset = ftello(file);
    if (offset < 0) return -1;
    position->__pos = offset;
    return 0;
}

int fsetpos(FILE* file, const fpos_t* position) { return fseeko(file, position->__pos, SEEK_SET); }

// fpos64_t has the same layout (its offset is 64 bits either way).
static_assert(sizeof(fpos64_t) == sizeof(fpos_t));
int fgetpos64(FILE* __restrict file, fpos64_t* __restrict position) {
    return fgetpos(file, reinterpret_cast<fpos_t*>(position));
}
int fsetpos64(FILE* file, const fpos64_t* position) {
    return fsetpos(file, reinterpret_cast<const fpos_t*>(position));
}

}  // extern "C"
