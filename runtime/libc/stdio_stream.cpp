// stdout and stderr, and the buffered write path under every stdio call.
#include "../thread/fork_hooks.hpp"
#include "stdio_stream.hpp"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include <cstddef>

#include "../sys/syscalls.hpp"

namespace lwp::libc {
namespace {

// In .bss: buffers cost no file size.
char stdout_buffer[4096];
// stderr is unbuffered in effect (flushed at the end of every call), but
// staging a call's pieces here turns a printf into one write(2) instead of
// one per conversion.
char stderr_buffer[256];

// All zero until first use (see set_up), so both live in .bss: a
// statically initialised stream would cost its whole size in file bytes.
stream stdout_stream;
stream stderr_stream;

// Whether `fd` is a terminal: TCGETS succeeds only on one. The buffer is
// larger than the kernel's struct termios (36 bytes).
bool is_terminal(int fd) {
    alignas(8) char settings[64];
    return !sys::failed(sys::ioctl(fd, TCGETS, settings));
}

// Writes all of [bytes, bytes + count), retrying short writes and EINTR.
bool write_all(int fd, const char* bytes, std::size_t count) {
    while (count) {
        long written = sys::write(fd, bytes, count);
        if (written == -EINTR) continue;
        if (sys::failed(written)) {
            errno = static_cast<int>(-written);
            return false;
        }
        bytes += written;
        count -= static_cast<std::size_t>(written);
    }
    return true;
}

void record_failure(stream& s) {
    s.call_failed = true;
    s.glibc_flags |= glibc_error_flag;
}

// First output on a stream, under its lock. stdout's buffering is decided
// here, once, as C requires: line buffered on a terminal so that prompts and
// progress lines appear, fully buffered otherwise (a pipe or a file) for
// throughput.
void set_up(stream& s) {
    if (&s == &stderr_stream) {
        s.descriptor = 2;
        s.buffer = stderr_buffer;
        s.capacity = sizeof stderr_buffer;
        s.mode = buffering::none;
    } else {
        s.descriptor = 1;
        s.buffer = stdout_buffer;
        s.capacity = sizeof stdout_buffer;
        s.mode = is_terminal(1) ? buffering::line : buffering::full;
    }
}

}  // namespace

void lock_stream(stream& s) {
    s.lock.lock();
    s.call_failed = false;
    s.newline_pending = false;
    if (s.mode == buffering::undecided) set_up(s);
}

bool flush_locked(stream& s) {
    unsigned pending = s.length;
    s.length = 0;  // on failure the bytes are dropped rather than retried forever
    if (pending && !write_all(s.descriptor, s.buffer, pending)) {
        record_failure(s);
        return false;
    }
    return true;
}

void write_locked(stream& s, const char* bytes, std::size_t count) {
    if (s.mode == buffering::line && memchr(bytes, '\n', count)) s.newline_pending = true;
    if (count > s.capacity - s.length) {
        if (!flush_locked(s)) return;
        // Too large to stage at all: straight to the descriptor.
        if (count >= s.capacity) {
            if (!write_all(s.descriptor, bytes, count)) record_failure(s);
            return;
        }
    }
    memcpy(s.buffer + s.length, bytes, count);
    s.length += static_cast<unsigned>(count);
}

bool unlock_after_output(stream& s) {
    if (s.mode == buffering::none || (s.mode == buffering::line && s.newline_pending))
        flush_locked(s);
    bool ok = !s.call_failed;
    s.lock.unlock();
    return ok;
}

}  // namespace lwp::libc

namespace lwp::runtime {

void stdio_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) {
        libc::stdout_stream.lock.lock();
        libc::stderr_stream.lock.lock();
    } else {
        libc::stderr_stream.lock.unlock();
        libc::stdout_stream.lock.unlock();
    }
}

}  // namespace lwp::runtime

using lwp::libc::stream;

// glibc's <stdio.h> declares these two as `extern FILE *`.
FILE* stdout = reinterpret_cast<FILE*>(&lwp::libc::stdout_stream);
FILE* stderr = reinterpret_cast<FILE*>(&lwp::libc::stderr_stream);

extern "C" {

int fflush(FILE* file) {
    if (!file) {
        bool ok = fflush(stdout) == 0;
        return fflush(stderr) == 0 && ok ? 0 : EOF;
    }
    stream& s = lwp::libc::as_stream(file);
    s.lock.lock();
    bool ok = lwp::libc::flush_locked(s);
    s.lock.unlock();
    return ok ? 0 : EOF;
}

// Called by the freestanding exit path after the atexit handlers. It takes no
// lock on purpose: a thread stopped inside printf (exit from another thread
// ends it wherever it is) may still hold one, and exit must not hang on it.
void lwp_libc_flush_stdio(void) {
    lwp::libc::flush_locked(lwp::libc::stdout_stream);
    lwp::libc::flush_locked(lwp::libc::stderr_stream);
}

}  // extern "C"
