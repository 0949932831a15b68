// stdout and stderr, and the buffered write path under every stdio call.
#include "../thread/fork_hooks.hpp"
#include "stdio_stream.hpp"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include <atomic>
#include <cstddef>

#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/thread_descriptor.hpp"

// stdio_files.cpp and stdio_stdin.cpp, in programs that have them.
extern "C" bool lwp_libc_flush_files() __attribute__((weak));
extern "C" void lwp_libc_files_around_fork(lwp::runtime::fork_phase phase) __attribute__((weak));
extern "C" void lwp_libc_stdin_around_fork(lwp::runtime::fork_phase phase) __attribute__((weak));

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

// Where a write_all stands, for a cancellation that acts in it.
struct write_in_progress {
    stream* s;
    const char* next;  // the first byte not written yet
    std::size_t left;
    bool buffered;  // the stream's own buffer being written out, not a caller's bytes
};

// A cancellation acting in write_all: buffered bytes not written yet stay
// in the buffer, moved to its start, for a later flush, so nothing already
// accepted by an earlier call is lost (a caller's bytes written straight
// are the cancelled call's own, ended with it); then the lock goes back.
// An unbuffered stream's buffer only ever holds the current call's own
// bytes, staged so that they leave in one write: they end with the call
// too, as glibc's do (it writes them straight), so a cancelled fputs to
// stderr prints nothing, then or later.
void undo_write(void* context) {
    const write_in_progress& progress = *static_cast<write_in_progress*>(context);
    stream& s = *progress.s;
    if (progress.buffered && s.mode != buffering::none) {
        memmove(s.buffer, progress.next, progress.left);
        s.length = static_cast<unsigned>(progress.left);
    }
    give_back_stream_lock(s);
}

}  // namespace

// Writes all of [bytes, bytes + count) to the stream's descriptor, retrying
// short writes and EINTR. A cancellation point (stdio_stream.hpp).
bool write_all(stream& s, const char* bytes, std::size_t count, bool buffered) {
    // A cookie stream's bytes go to its write function, a file stream's
    // that read ahead first give back what it read (stdio_stream.hpp). One
    // open only for reading has -1 here, and write(2) says EBADF.
    if (s.descriptor == hooked_output) return s.output_hook(s, bytes, count, buffered);
    write_in_progress progress{&s, bytes, count, buffered};
    const runtime::cancellation_undo undo{undo_write, &progress};
    while (progress.left) {
        long written = runtime::cancellation_point_syscall(
            &undo, __NR_write, s.descriptor, reinterpret_cast<long>(progress.next),
            static_cast<long>(progress.left));
        if (written == -EINTR) continue;
        if (sys::failed(written)) {
            errno = static_cast<int>(-written);
            return false;
        }
        progress.next += written;
        progress.left -= static_cast<std::size_t>(written);
    }
    return true;
}

namespace {

void record_failure(stream& s) {
    s.call_failed = true;
    s.glibc_flags |= glibc_error_flag;
}

// First output on a stream, under its lock. stdout's buffering is decided
// here, once, as C requires: line buffered on a terminal so that prompts and
// progress lines appear, fully buffered otherwise (a pipe or a file) for
// throughput.
//
// A signal handler that prints on the same thread may run set_up again from
// inside this one (lock_stream): the same values, and the mode written last
// (the fence keeps the compiler from moving it up), so a mode that is no
// longer undecided means the rest is in place.
void set_up(stream& s) {
    if (&s == &stderr_stream) {
        s.descriptor = 2;
        s.buffer = stderr_buffer;
        s.capacity = sizeof stderr_buffer;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        s.mode = buffering::none;
    } else {
        s.descriptor = 1;
        s.buffer = stdout_buffer;
        s.capacity = sizeof stdout_buffer;
        buffering decided = is_terminal(1) ? buffering::line : buffering::full;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        s.mode = decided;
    }
}

// tids stay below 2^22 (the kernel's largest pid_max).
constexpr int contended_mark = 1 << 30;

void release_word(stream& s) {
    // Release: our writes happen-before the next holder's reads.
    if (std::atomic_ref<int>(s.lock_word).exchange(0, std::memory_order_release) & contended_mark)
        sys::futex_wake(&s.lock_word, 1, /*process_private=*/true);
}

}  // namespace

void take_stream_lock(stream& s) {
    std::atomic_ref<int> word(s.lock_word);
    int self = runtime::current_tid();
    int seen = 0;
    // Acquire: the previous holder's writes become visible.
    if (word.compare_exchange_strong(seen, self, std::memory_order_acquire,
                                     std::memory_order_relaxed))
        return;
    if ((seen & ~contended_mark) == self) {  // ours: a handler inside our own call
        ++s.reentered;
        return;
    }
    for (;;) {
        // Taken with the mark kept: others may still sleep.
        if (seen == 0) {
            if (word.compare_exchange_weak(seen, self | contended_mark, std::memory_order_acquire,
                                           std::memory_order_relaxed))
                return;
            continue;
        }
        if (!(seen & contended_mark) &&
            !word.compare_exchange_weak(seen, seen | contended_mark, std::memory_order_relaxed,
                                        std::memory_order_relaxed))
            continue;
        // EINTR or a changed word: look again.
        sys::futex_wait(&s.lock_word, seen | contended_mark, /*process_private=*/true);
        seen = word.load(std::memory_order_relaxed);
    }
}

void give_back_stream_lock(stream& s) {
    if (s.reentered != 0) {
        --s.reentered;
        return;
    }
    release_word(s);
}

void lock_stream(stream& s) {
    take_stream_lock(s);
    // Also for a handler that re-entered: it writes to the descriptor.
    if (s.mode == buffering::undecided) set_up(s);
    // Each call starts with no failure of its own; an interrupted call's
    // (or, for the outermost, the last call's, unused) is kept to be given
    // back by unlock_after_output.
    s.outer_call_failed = s.outer_call_failed << 1 | s.call_failed;
    s.call_failed = false;
    if (s.reentered == 0) {  // else these are the interrupted call's
        s.last_calls = call_mark::output;
        s.call_start = s.length;
    }
}

bool flush_locked(stream& s) {
    if (s.reentered != 0) return true;  // the buffer is the interrupted call's
    unsigned pending = s.length;
    // On failure the bytes are dropped rather than retried forever (a
    // cancellation keeps those not written: undo_write).
    s.length = s.call_start = 0;
    if (pending && !write_all(s, s.buffer, pending, /*buffered=*/true)) {
        record_failure(s);
        return false;
    }
    return true;
}

void write_locked(stream& s, const char* bytes, std::size_t count) {
    if (s.reentered != 0) {  // around the interrupted call's buffer (see stream)
        if (!write_all(s, bytes, count, /*buffered=*/false)) record_failure(s);
        return;
    }
    if (s.mode == buffering::line && memchr(bytes, '\n', count)) s.last_calls = call_mark::output_newline;
    if (count > s.capacity - s.length) {
        // What earlier calls left goes out first, and this call's bytes so
        // far stay staged, moved to the front, when the new ones fit beside
        // them: a call's output then leaves in one write(2) unless it is
        // larger than the buffer, so a signal handler's write straight to
        // the descriptor (above) never lands inside it.
        // (With nothing from earlier calls, the call's own bytes do not
        // fit beside the new ones either, and all of them go.)
        const unsigned earlier = s.call_start;
        unsigned own = s.length - earlier;
        if (count <= s.capacity - own) s.length = earlier;
        else own = 0;
        if (!flush_locked(s)) return;
        memmove(s.buffer, s.buffer + earlier, own);
        s.length = own;
        // Too large to stage at all: straight to the descriptor.
        if (count >= s.capacity) {
            if (!write_all(s, bytes, count, /*buffered=*/false)) record_failure(s);
            return;
        }
    }
    memcpy(s.buffer + s.length, bytes, count);
    s.length += static_cast<unsigned>(count);
}

bool unlock_after_output(stream& s) {
    // A re-entered call leaves the policy (flush_locked does nothing for it)
    // and the lock to the call it interrupted, and gives that call back its
    // own failure (see lock_stream).
    if (s.mode == buffering::none || (s.mode == buffering::line && s.last_calls == call_mark::output_newline))
        flush_locked(s);
    bool ok = !s.call_failed;
    s.call_failed = s.outer_call_failed & 1;
    s.outer_call_failed >>= 1;
    give_back_stream_lock(s);
    return ok;
}

}  // namespace lwp::libc

namespace lwp::runtime {

void stdio_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) {
        libc::take_stream_lock(libc::stdout_stream);
        libc::take_stream_lock(libc::stderr_stream);
    } else {
        libc::give_back_stream_lock(libc::stderr_stream);
        libc::give_back_stream_lock(libc::stdout_stream);
    }
    // The streams of files and stdin, if the program has any.
    if (lwp_libc_files_around_fork) lwp_libc_files_around_fork(phase);
    if (lwp_libc_stdin_around_fork) lwp_libc_stdin_around_fork(phase);
}

}  // namespace lwp::runtime

using lwp::libc::stream;

// glibc's <stdio.h> declares these two as `extern FILE *`.
FILE* stdout = reinterpret_cast<FILE*>(&lwp::libc::stdout_stream);
FILE* stderr = reinterpret_cast<FILE*>(&lwp::libc::stderr_stream);

extern "C" {

// fflush(NULL) also writes out every open file stream (stdio_files.cpp).
// A stream that was reading gives back what it read ahead: the descriptor's
// offset moves back to the stream's position (POSIX, for a seekable file;
// for a pipe nothing can be given back, and it is kept).
int fflush(FILE* file) {
    if (!file) {
        bool ok = fflush(stdout) == 0;
        ok = fflush(stderr) == 0 && ok;
        if (lwp_libc_flush_files && !lwp_libc_flush_files()) ok = false;
        return ok ? 0 : EOF;
    }
    stream& s = lwp::libc::as_stream(file);
    lwp::libc::take_stream_lock(s);
    bool ok = lwp::libc::flush_locked(s);
    if (s.memory) ok = lwp_libc_update_memory_target(s) && ok;
    if (s.wide_memory) lwp_libc_wide_memory_sync(s);
    long unread = lwp::libc::unread_bytes(s);
    if (ok && unread != 0 && s.cookie) {
        // A cookie stream's seek function moves back over them. As in
        // glibc, its refusal fails the fflush unless it says ESPIPE (there
        // is nothing to give back to, as with a pipe).
        if (lwp_libc_cookie_seek(s, -unread, SEEK_CUR) >= 0) lwp::libc::drop_unread(s);
        else ok = errno == ESPIPE;
    } else if (ok && unread != 0 && !lwp::sys::failed(lwp::arch::syscall3(
                                       __NR_lseek, s.file_descriptor, -unread, SEEK_CUR))) {
        lwp::libc::drop_unread(s);
    }
    lwp::libc::give_back_stream_lock(s);
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
