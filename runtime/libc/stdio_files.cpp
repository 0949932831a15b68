// fopen, fdopen, freopen and fclose: streams of files, and the list of
// those open, which exit and fflush(NULL) flush.
//
// A file stream is a `stream` (stdio_stream.hpp) from malloc. Its output
// goes through the same path as stdout's: a BUFSIZ buffer of its own, fully
// buffered (line buffered on a terminal), the stream's lock making each call
// atomic. Its input goes through a read buffer of its own (stdio_input.cpp).
// A stream not open for writing has -1 as its output descriptor, so output
// to it fails with EBADF; input from one not open for reading does too.
//
// Lock order: the list's lock before any file stream's (fclose unlinks its
// stream before locking it; fork takes stdout's and stderr's before the
// list's, and no file stream's).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <new>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_hold.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "stdio_stream.hpp"

using lwp::libc::stream;

namespace {

lwp::runtime::internal_lock open_files_lock;
stream* open_files = nullptr;  // under open_files_lock

struct open_request {
    int flags;  // open(2)'s
    bool readable;
    bool writable;
};

// "r", "w" or "a", then any of "+" (both ways), "b" (nothing on POSIX),
// "e" (close on exec) and "x" (the file must not exist yet); other letters
// are ignored, as glibc and musl ignore them. False for anything else.
bool parse_mode(const char* mode, open_request& request) {
    switch (mode[0]) {
    case 'r': request = {O_RDONLY, true, false}; break;
    case 'w': request = {O_WRONLY | O_CREAT | O_TRUNC, false, true}; break;
    case 'a': request = {O_WRONLY | O_CREAT | O_APPEND, false, true}; break;
    default: return false;
    }
    for (const char* letter = mode + 1; *letter != '\0'; ++letter) {
        if (*letter == '+') {
            request.flags = (request.flags & ~O_ACCMODE) | O_RDWR;
            request.readable = request.writable = true;
        } else if (*letter == 'e') {
            request.flags |= O_CLOEXEC;
        } else if (*letter == 'x') {
            request.flags |= O_EXCL;
        }
    }
    return true;
}

// glibc's fopen and freopen take ",ccs=CHARSET" after the mode letters:
// a wide-oriented stream converting through that character set, whatever
// the locale. lwp's wide streams convert through the calling thread's
// locale only, so such a mode is refused with EINVAL (glibc's answer for a
// character set it cannot load), before any file is opened.
bool asks_for_character_set(const char* mode) { return strstr(mode, ",ccs=") != nullptr; }

// Points `s` at `fd`, open as `request` says: its output buffer (BUFSIZ,
// allocated unless it has one, as setvbuf or stdout may have given it)
// and buffering, nothing read ahead, no flag set. False without memory.
bool attach(stream& s, int fd, const open_request& request) {
    if (request.writable && s.buffer == nullptr) {
        s.owned_buffer = static_cast<char*>(malloc(BUFSIZ));
        if (s.owned_buffer == nullptr) return false;
        s.buffer = s.owned_buffer;
        s.capacity = BUFSIZ;
    }
    s.is_file = true;
    s.readable = request.readable;
    s.file_descriptor = fd;
    s.descriptor = request.writable ? fd : -1;
    s.glibc_flags = 0;
    s.length = 0;
    s.last_calls = lwp::libc::call_mark::none;
    lwp::libc::drop_unread(s);
    lwp::libc::buffering chosen = lwp::libc::buffering::none;
    if (request.writable)
        chosen = lwp::libc::is_terminal(fd) ? lwp::libc::buffering::line : lwp::libc::buffering::full;
    s.mode = chosen;
    return true;
}

// Puts `s` on the open list.
void link_stream(stream* s) {
    lwp::runtime::internal_lock_guard guard(open_files_lock);
    s->next_file = open_files;
    open_files = s;
}

// A stream for `fd`, on the open list; null (errno ENOMEM) without memory.
FILE* make_stream(int fd, const open_request& request) {
    void* memory = malloc(sizeof(stream));
    if (memory == nullptr) return nullptr;
    stream* s = new (memory) stream{};
    if (!attach(*s, fd, request)) {
        free(memory);
        return nullptr;
    }
    link_stream(s);
    return reinterpret_cast<FILE*>(s);
}

// Takes `s` off the open list; false if it was not on it (stdin, stdout,
// stderr, or a stream already closed).
bool unlink_stream(stream* s) {
    lwp::runtime::internal_lock_guard guard(open_files_lock);
    for (stream** link = &open_files; *link != nullptr; link = &(*link)->next_file) {
        if (*link == s) {
            *link = s->next_file;
            return true;
        }
    }
    return false;
}

// exit's: every open stream's output, written out after the atexit
// handlers (see below). Takes no lock, as lwp_libc_flush_stdio takes none:
// a thread that exit stops inside a stdio call may hold one for good.
void flush_open_files_at_exit() {
    for (stream* s = open_files; s != nullptr; s = s->next_file) lwp::libc::flush_locked(*s);
}

// Registered before any of the program's own exit handlers (priority 101
// runs before every ordinary constructor, and so before main), so it runs
// after all of them: they may still write to their files.
[[gnu::constructor(101)]] void flush_files_at_exit() { atexit(flush_open_files_at_exit); }

}  // namespace

// fopencookie's stream (stdio_cookie.cpp): one on no descriptor, with
// `record` as its cookie, on the open list like a file's (so that fflush(NULL)
// and exit write it out); buffered as a file that is not a terminal is. Null
// (errno ENOMEM) without memory.
FILE* lwp::libc::open_cookie_stream(cookie_record* record, bool readable, bool writable) {
    void* memory = malloc(sizeof(stream));
    stream* s = memory ? new (memory) stream{} : nullptr;
    if (s == nullptr || !attach(*s, -1, open_request{0, readable, writable})) {
        free(memory);
        errno = ENOMEM;
        return nullptr;
    }
    s->cookie = record;
    s->orientation = byte_use;  // as glibc's fopencookie (and fmemopen) streams
    if (writable) {
        s->descriptor = hooked_output;
        s->output_hook = lwp_libc_cookie_write;
    }
    link_stream(s);
    return reinterpret_cast<FILE*>(s);
}

void lwp::libc::visit_open_files(void (*visit)(stream&, void*), void* context) {
    lwp::runtime::internal_lock_guard guard(open_files_lock);
    for (stream* s = open_files; s != nullptr; s = s->next_file) visit(*s, context);
}

extern "C" {

// For fflush(NULL) (stdio_stream.cpp): every open file stream's output.
// False if any failed.
bool lwp_libc_flush_files() {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    bool ok = true;
    lwp::runtime::internal_lock_guard guard(open_files_lock);
    for (stream* s = open_files; s != nullptr; s = s->next_file) {
        lwp::libc::take_stream_lock(*s);
        if (!lwp::libc::flush_locked(*s)) ok = false;
        lwp::libc::give_back_stream_lock(*s);
    }
    return ok;
}

// fcloseall's, for each stream: one that has been used (glibc: one with an
// orientation) writes at the end of every call from now on, as
// setvbuf(_IONBF) would have it (what it had buffered is written out
// first); used or not, it is byte-oriented for good, so that wide calls
// fail on it, as glibc makes every stream.
static void unbuffer_if_used(stream& s) {
    // As an output call takes it, so that stdout or stderr oriented by
    // fwide alone is set up before its mode is chosen here.
    lwp::libc::lock_stream(s);
    if (__atomic_load_n(&s.orientation, __ATOMIC_RELAXED) != 0) {
        lwp::libc::flush_locked(s);
        s.mode = lwp::libc::buffering::none;
    }
    __atomic_store_n(&s.orientation, lwp::libc::byte_use, __ATOMIC_RELAXED);
    lwp::libc::unlock_after_output(s);
}

// fcloseall (GNU), as glibc's: despite its name it closes nothing. It
// writes out every stream's output, as fflush(NULL), leaves every stream
// that has been used unbuffered, so that whatever the program still writes
// (C++ destructors running late, glibc's reason) goes out at once, and
// every stream byte-oriented. 0, or EOF (errno set) when some output could
// not be written. Differences: glibc also makes a stream's input
// unbuffered, lwp's streams keep reading ahead; stdin is left as it was
// (it is not on the list of open files, and this would bring it into
// every program that calls fcloseall).
int fcloseall(void) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    bool ok = fflush(nullptr) == 0;
    unbuffer_if_used(lwp::libc::as_stream(stdout));
    unbuffer_if_used(lwp::libc::as_stream(stderr));
    lwp::runtime::internal_lock_guard guard(open_files_lock);
    for (stream* s = open_files; s != nullptr; s = s->next_file) unbuffer_if_used(*s);
    return ok ? 0 : EOF;
}

// fork: no stream lock is waited for (a thread may be blocked in a read
// holding one); the child, which has no other thread, frees them all.
// A memory stream (open_memstream) is the exception: its lock is taken (no
// thread blocks holding it: it is never read), and its contents copied for
// the child.
void lwp_libc_files_around_fork(lwp::runtime::fork_phase phase) {
    if (phase == lwp::runtime::fork_phase::prepare) open_files_lock.lock();
    for (stream* s = open_files; s != nullptr; s = s->next_file) {
        if (s->memory) lwp_libc_memory_stream_around_fork(*s, phase);
        if (phase == lwp::runtime::fork_phase::child) {
            s->lock_word = 0;
            s->reentered = 0;
        }
    }
    if (phase != lwp::runtime::fork_phase::prepare) open_files_lock.unlock();
}

FILE* fopen(const char* __restrict path, const char* __restrict mode) {
    open_request request;
    if (!parse_mode(mode, request) || asks_for_character_set(mode)) {
        errno = EINVAL;
        return nullptr;
    }
    int fd = open(path, request.flags, 0666);
    if (fd < 0) return nullptr;
    FILE* file = make_stream(fd, request);
    if (file == nullptr) {
        lwp::arch::syscall1(__NR_close, fd);
        errno = ENOMEM;
    }
    return file;
}

FILE* fopen64(const char* __restrict path, const char* __restrict mode)
    __attribute__((alias("fopen")));

// The descriptor must be open (EBADF) and open for what the mode asks
// (EINVAL); "a" turns O_APPEND on, "e" close-on-exec. Nothing is truncated
// or created: the descriptor is used as it is.
FILE* fdopen(int fd, const char* mode) {
    open_request request;
    if (!parse_mode(mode, request)) {
        errno = EINVAL;
        return nullptr;
    }
    long status = lwp::arch::syscall2(__NR_fcntl, fd, F_GETFL);
    if (lwp::sys::failed(status)) {
        errno = EBADF;
        return nullptr;
    }
    int access = static_cast<int>(status) & O_ACCMODE;
    if ((request.readable && access == O_WRONLY) || (request.writable && access == O_RDONLY)) {
        errno = EINVAL;
        return nullptr;
    }
    if ((request.flags & O_APPEND) && !(status & O_APPEND))
        lwp::arch::syscall3(__NR_fcntl, fd, F_SETFL, status | O_APPEND);
    if (request.flags & O_CLOEXEC) lwp::arch::syscall3(__NR_fcntl, fd, F_SETFD, FD_CLOEXEC);
    FILE* file = make_stream(fd, request);
    if (file == nullptr) errno = ENOMEM;
    return file;
}

// The same stream on another file (`path`), or on its own file in another
// mode (`path` null: the file is opened again through /proc/self/fd). What
// was buffered is written out first. The stream keeps its descriptor
// number, the new file moved onto it with dup3, so stdout stays descriptor
// 1. If the new file cannot be opened, the old one is closed anyway (C) and
// the stream is left closed: null, errno saying why.
FILE* freopen(const char* __restrict path, const char* __restrict mode, FILE* __restrict file) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    stream& s = lwp::libc::as_stream(file);
    open_request request;
    bool valid_mode = parse_mode(mode, request) && !asks_for_character_set(mode);
    lwp::libc::take_stream_lock(s);
    lwp::libc::flush_locked(s);
    // A memory stream (open_memstream, open_wmemstream) is not a file to
    // glibc's freopen: it brings the caller's buffer and size up to date, as
    // fflush does, and fails (null, errno untouched), the stream left open
    // as it was, for fclose to finish.
    if (s.memory != nullptr || s.wide_memory != nullptr) {
        if (s.memory) lwp_libc_update_memory_target(s);
        if (s.wide_memory) lwp_libc_wide_memory_sync(s);
        lwp::libc::give_back_stream_lock(s);
        return nullptr;
    }
    // glibc's closing of the old file frees its wide buffer (see
    // took_wide_output).
    __atomic_store_n(&s.took_wide_output, false, __ATOMIC_RELAXED);
    // A cookie stream is closed through its close function and becomes a
    // file stream, with no descriptor number of its own to keep (old_fd -1).
    if (s.cookie) lwp_libc_cookie_close(s);
    int old_fd = lwp::libc::descriptor_of(file);
    char own_file[32];
    if (path == nullptr) {
        snprintf(own_file, sizeof own_file, "/proc/self/fd/%d", old_fd);
        path = own_file;
        request.flags &= ~(O_CREAT | O_EXCL);  // it exists; truncation stays asked for
    }
    int error = valid_mode ? 0 : EINVAL;
    int fd = -1;
    if (error == 0) {
        fd = open(path, request.flags, 0666);
        if (fd < 0) error = errno;
    }
    if (fd >= 0 && old_fd >= 0 && fd != old_fd) {
        long moved = lwp::arch::syscall3(__NR_dup3, fd, old_fd, request.flags & O_CLOEXEC);
        lwp::arch::syscall1(__NR_close, fd);
        if (lwp::sys::failed(moved)) error = static_cast<int>(-moved);
        else fd = old_fd;
    }
    if (error == 0 && !attach(s, fd, request)) error = ENOMEM;
    if (error == 0) s.orientation = 0;  // the new file's stream has none yet, as in glibc
    if (error != 0) {
        // Whatever it holds now, the old file or the new one moved onto it
        // (or, after a cookie stream, the new one on its own number).
        lwp::arch::syscall1(__NR_close, old_fd >= 0 ? old_fd : fd);
        open_request closed{0, false, false};
        attach(s, -1, closed);
    }
    lwp::libc::give_back_stream_lock(s);
    if (error != 0) {
        errno = error;
        return nullptr;
    }
    return file;
}

FILE* freopen64(const char* __restrict path, const char* __restrict mode, FILE* __restrict file)
    __attribute__((alias("freopen")));

// Writes out what is buffered and closes the descriptor. The stream is gone
// afterwards even when that fails (EOF, errno). stdin, stdout and stderr
// are static: closed, never freed.
int fclose(FILE* file) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    stream& s = lwp::libc::as_stream(file);
    bool allocated = unlink_stream(&s);
    lwp::libc::take_stream_lock(s);
    bool ok = lwp::libc::flush_locked(s);
    if (s.memory) ok = lwp_libc_update_memory_target(s) && ok;
    // A cookie stream's close function instead: glibc's fclose returns
    // what it returned when that is not 0.
    int cookie_closed = 0;
    if (s.cookie) {
        cookie_closed = lwp_libc_cookie_close(s);
    } else {
        long closed = lwp::arch::syscall1(__NR_close, lwp::libc::descriptor_of(file));
        if (lwp::sys::failed(closed)) {
            errno = static_cast<int>(-closed);
            ok = false;
        }
    }
    lwp::libc::give_back_stream_lock(s);
    if (allocated) {
        free(s.owned_buffer);
        free(s.read_buffer);
        free(s.memory);  // the record, not the caller's buffer: that is theirs now
        s.~stream();
        free(&s);
    }
    if (cookie_closed != 0) return cookie_closed;
    return ok ? 0 : EOF;
}

}  // extern "C"
