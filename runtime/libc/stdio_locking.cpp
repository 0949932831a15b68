// flockfile, ftrylockfile, funlockfile: a thread holding a stream across
// several calls; setvbuf, setbuf, setbuffer, setlinebuf: choosing its buffering.
//
// flockfile takes the same lock every stdio call takes (stdio_stream.hpp),
// after which the holder's own calls find the lock already theirs and go one
// level deeper, as a signal handler's do: their bytes go straight to the
// descriptor, call by call. So flockfile first writes out what the buffer
// holds, and the stream's output stays in order: unbuffered while held,
// buffered again once funlockfile lets go. (This is also why lwp's
// `_unlocked` functions may take the lock: for the holder it is free.)
// Holds nest; the lock is released at the last funlockfile.
#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>

#include <atomic>
#include <climits>

#include "../thread/cancellation_hold.hpp"
#include "../thread/thread_descriptor.hpp"
#include "stdio_stream.hpp"

using lwp::libc::as_stream;

namespace {

// The tid in a stream's lock word, without its contention mark.
int holder_of(lwp::libc::stream& s) {
    return std::atomic_ref<int>(s.lock_word).load(std::memory_order_relaxed) & FUTEX_TID_MASK;
}

}  // namespace

extern "C" {

void flockfile(FILE* file) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    lwp::libc::stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    lwp::libc::flush_locked(s);  // nothing when the hold is a nested one
}

// 0 when the caller now holds the stream (it was free, or already the
// caller's), nonzero when another thread holds it.
int ftrylockfile(FILE* file) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    lwp::libc::stream& s = as_stream(file);
    const int self = lwp::runtime::current_tid();
    int holder = holder_of(s);
    // Free, or ours: take_stream_lock takes it without waiting. Another
    // thread's hold may end just now: then we report it busy, as a try may.
    if (holder != 0 && holder != self) return 1;
    int expected = 0;
    if (holder == 0 && !std::atomic_ref<int>(s.lock_word).compare_exchange_strong(
                           expected, self, std::memory_order_acquire, std::memory_order_relaxed))
        return 1;
    if (holder != 0) lwp::libc::take_stream_lock(s);  // ours: one level deeper
    lwp::libc::flush_locked(s);
    return 0;
}

// Only the holder lets go (POSIX leaves another thread's call undefined; here
// it changes nothing).
void funlockfile(FILE* file) {
    lwp::libc::stream& s = as_stream(file);
    if (holder_of(s) == lwp::runtime::current_tid()) lwp::libc::give_back_stream_lock(s);
}

// Allowed before the stream's first output (C); later, what is buffered is
// written out first. `buffer`, if given with a size, replaces the stream's
// own (the caller keeps it alive); _IONBF makes every call write at its end.
// Refused with EBUSY while the caller holds the stream (flockfile, or a
// signal handler inside a call on it): the stream's state is not settled.
int setvbuf(FILE* __restrict file, char* __restrict buffer, int mode, size_t size) {
    const lwp::runtime::cancellation_hold hold;  // not a cancellation point (stdio_stream.hpp)
    lwp::libc::buffering chosen;
    switch (mode) {
    case _IONBF: chosen = lwp::libc::buffering::none; break;
    case _IOLBF: chosen = lwp::libc::buffering::line; break;
    case _IOFBF: chosen = lwp::libc::buffering::full; break;
    default: errno = EINVAL; return EOF;
    }
    lwp::libc::stream& s = as_stream(file);
    // lock_stream marks output as the last call (stdio_stream.hpp); glibc's
    // setvbuf leaves its putting state as it was, and when it is given a
    // buffer, or _IONBF, sets it up to be read from too, so that __freading
    // then says reading. Read before the lock: C allows setvbuf only before
    // any other call on the stream, so no other call can be changing it.
    const unsigned char before = __atomic_load_n(&s.last_calls, __ATOMIC_RELAXED);
    lwp::libc::lock_stream(s);  // the first use sets the stream up
    if (s.reentered != 0) {
        lwp::libc::unlock_after_output(s);
        errno = EBUSY;
        return EOF;
    }
    if (before == lwp::libc::call_mark::output || before == lwp::libc::call_mark::output_newline)
        s.last_calls = lwp::libc::call_mark::output;
    else if (chosen == lwp::libc::buffering::none || buffer != nullptr)
        s.last_calls = lwp::libc::call_mark::input;
    else if (chosen == lwp::libc::buffering::full && before == lwp::libc::call_mark::none)
        s.last_calls = lwp::libc::call_mark::none_with_buffer;
    else
        s.last_calls = before;
    lwp::libc::flush_locked(s);
    s.mode = chosen;
    if (buffer != nullptr && size != 0) {
        s.buffer = buffer;
        s.capacity = size > UINT_MAX ? UINT_MAX : static_cast<unsigned>(size);
    }
    return lwp::libc::unlock_after_output(s) ? 0 : EOF;
}

void setbuf(FILE* __restrict file, char* __restrict buffer) {
    setvbuf(file, buffer, buffer ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE* file) { setvbuf(file, nullptr, _IOLBF, 0); }

// setbuf with the buffer's size given (BSD).
void setbuffer(FILE* __restrict file, char* __restrict buffer, size_t size) {
    setvbuf(file, buffer, buffer ? _IOFBF : _IONBF, size);
}

}  // extern "C"
