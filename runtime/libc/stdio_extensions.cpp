// <stdio_ext.h>: questions about a stream's buffer and state (__fbufsize
// __fpending __flbf __freadable __fwritable __freading __fwriting), and
// __fpurge (with BSD's fpurge, which gnulib looks for), _flushlbf and
// __fsetlocking. Each answers from lwp's own stream (stdio_stream.hpp),
// under its lock.
//
// __freading and __fwriting answer as glibc's: a read-only stream is
// reading, a write-only one writing; a stream open both ways is writing
// from an output call until a read or a seek (a fflush changes nothing),
// reading after those, and neither before its first call
// (stream::last_calls, stdio_stream.hpp). An output call that writes no
// byte leaves glibc's stream as it was: lwp's fputs and fwrite write
// nothing then, but its printf family still counts as output.
#include <stdio.h>
#include <stdio_ext.h>

#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::stream;

namespace {

// stdout and stderr choose their buffer at their first use: settled here
// as that use would, so that the answers are the ones output will find.
// Writes nothing (the buffer is empty).
void settle(stream& s) {
    lwp::libc::lock_stream(s);
    lwp::libc::unlock_after_output(s);
}

// Whether the stream can be written to: stdout and stderr always, a file
// stream when it was opened for writing.
bool writable(const stream& s) { return !s.is_file || s.descriptor != -1; }

// Runs `question` on the stream under its lock.
template <class Question>
auto ask(FILE* file, Question question) {
    stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    auto answer = question(s);
    lwp::libc::give_back_stream_lock(s);
    return answer;
}

}  // namespace

extern "C" {

// The size of the buffer the stream's output goes through; for a read-only
// stream, its read buffer's (0 before its first read, when it has none).
size_t __fbufsize(FILE* file) noexcept {
    if (!as_stream(file).is_file) settle(as_stream(file));
    return ask(file, [](stream& s) -> size_t {
        if (writable(s)) return s.capacity;
        return s.read_buffer != nullptr ? BUFSIZ : 0;
    });
}

// Bytes of output waiting in the buffer.
size_t __fpending(FILE* file) noexcept {
    return ask(file, [](stream& s) -> size_t { return writable(s) ? s.length : 0; });
}

int __flbf(FILE* file) noexcept {
    if (!as_stream(file).is_file) settle(as_stream(file));
    return ask(file, [](stream& s) { return s.mode == lwp::libc::buffering::line ? 1 : 0; });
}

int __freadable(FILE* file) noexcept {
    return ask(file, [](stream& s) { return s.readable ? 1 : 0; });
}

int __fwritable(FILE* file) noexcept {
    return ask(file, [](stream& s) { return writable(s) ? 1 : 0; });
}

int __freading(FILE* file) noexcept {
    return ask(file, [](stream& s) {
        if (!s.readable) return 0;
        return !writable(s) || s.last_calls == lwp::libc::call_mark::input ||
                       s.last_calls == lwp::libc::call_mark::pushed_back
                   ? 1
                   : 0;
    });
}

int __fwriting(FILE* file) noexcept {
    return ask(file, [](stream& s) {
        if (!writable(s)) return 0;
        return !s.readable || s.last_calls == lwp::libc::call_mark::output ||
                       s.last_calls == lwp::libc::call_mark::output_newline
                   ? 1
                   : 0;
    });
}

// Throws away what the stream holds: output not yet written, input read
// ahead, an ungetc byte. The error and end-of-file flags stay, and so does
// the last operation, except that a stream whose only call was ungetc has
// nothing again, as glibc's, which frees its push-back area.
void __fpurge(FILE* file) noexcept {
    ask(file, [](stream& s) {
        s.length = 0;
        lwp::libc::drop_unread(s);
        if (s.last_calls == lwp::libc::call_mark::pushed_back)
            s.last_calls = lwp::libc::call_mark::none;
        return 0;
    });
}

int fpurge(FILE* file) {
    __fpurge(file);
    return 0;
}

// glibc writes out its line-buffered streams; writing out every stream
// (fflush(NULL)) does that, and at most writes some sooner.
void _flushlbf(void) { fflush(nullptr); }

// Locking stays lwp's: every call takes the stream's lock, which a thread
// holding it (flockfile) finds its own, so FSETLOCKING_BYCALLER is accepted
// and changes nothing (a program that locks for itself stays correct, only
// not faster). The answer is always FSETLOCKING_INTERNAL, the state the
// stream is in.
int __fsetlocking(FILE*, int) noexcept { return FSETLOCKING_INTERNAL; }

}  // extern "C"
