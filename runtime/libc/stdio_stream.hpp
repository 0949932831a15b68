// The FILE behind every stream: a buffer, a descriptor, a lock and a
// buffering policy (setvbuf and flockfile: stdio_locking.cpp). stdout and
// stderr are output only; the streams of files (fopen, fdopen: stdio_files.cpp)
// and stdin read too, through a read buffer of their own (stdio_input.cpp).
//
// Every stdio entry point does: lock_stream, write_locked (any number of
// times), unlock_after_output. The lock makes each call atomic with respect
// to other threads (one printf's line is never interleaved with another's),
// and unlock_after_output applies the policy: stderr is flushed at the end of
// every call, a terminal stdout at the end of every call that wrote a
// newline, a redirected stdout only when its buffer fills or at exit.
#pragma once

#include <stdio.h>
#include <sys/ioctl.h>

#include <cstddef>

#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"

namespace lwp::libc {

enum class buffering : unsigned char { undecided, none, line, full };

struct stream {
    // Mirrors the head of glibc's struct _IO_FILE, whose layout its <stdio.h>
    // inlines (putc_unlocked, ferror_unlocked, ...) read directly. The
    // pointers stay null, so those inlines always fall back to the
    // out-of-line __overflow/__uflow; only the error and end bits of the
    // flags are live (glibc_error_flag and glibc_end_flag, what
    // ferror_unlocked and feof_unlocked test).
    int glibc_flags = 0;
    // The stream's orientation (fwide, stdio_orientation.cpp), as bits:
    // byte_use and wide_use. In the padding glibc's FILE has here too,
    // where the printf path reaches it with a short instruction.
    unsigned char orientation = 0;
    char* glibc_read_pointers[3] = {};
    char* glibc_write_pointers[3] = {};

    // The stream's lock: 0 when free, else the holder's tid, with
    // contended_mark (stdio_stream.cpp) when another thread may sleep on it.
    // Holding and ownership change in one atomic step, so a thread can always
    // tell whether it holds the lock itself: a signal handler that prints
    // while its thread is inside a stdio call on this stream (stdio is not
    // async-signal-safe, but programs do it, and glibc's recursive stream
    // lock mostly lets them) goes on one level deeper (`reentered`) instead
    // of waiting for its own thread for good. Its bytes go straight to the
    // descriptor, around the buffer the interrupted call may be halfway
    // through filling or writing out.
    int lock_word = 0;
    unsigned reentered = 0;
    // For output. stdout's and stderr's is set, with buffer and mode, by
    // their first output; a file stream's when it is opened.
    int descriptor = 0;
    buffering mode = buffering::undecided;
    // What the calls on the stream did last (call_mark, below): set by
    // every output call as it starts, and by the input side.
    unsigned char last_calls = 0;
    bool call_failed = false;      // a write(2) failed during this call
    // Some wide character output (fputwc, fwprintf) reached the stream since
    // it was opened or last repositioned. Until then glibc's stream has no
    // room in its wide buffer, and a WEOF that fwprintf's %c writes first is
    // dropped instead of failing the call (wide_printf_core.hpp).
    bool took_wide_output = false;
    // call_failed of the calls that nested ones interrupted, a stack of bits
    // (the innermost in bit 0; past 32 deep the outermost are forgotten): a
    // nested call starts with no failure of its own, and its failure is not
    // theirs. Under flockfile every call is a nested one.
    unsigned outer_call_failed = 0;
    unsigned length = 0;           // bytes waiting in buffer
    // Where the current call's own bytes begin in buffer (set by an outermost
    // call's lock_stream): write_locked keeps them together (see there).
    unsigned call_start = 0;
    unsigned capacity = 0;
    char* buffer = nullptr;

    // Streams of files and stdin (stdio_files.cpp, stdio_input.cpp); all
    // zero in stdout and stderr, which are neither. A stream not open for
    // writing has -1 as `descriptor`, so output to it fails with EBADF.
    bool is_file = false;    // fileno is file_descriptor; fclose closes it
    bool readable = false;   // open for reading; input elsewhere fails with EBADF
    bool pushed_back = false;        // ungetc's byte waits in pushed_back_byte
    unsigned char pushed_back_byte = 0;
    int file_descriptor = 0;
    unsigned read_length = 0;    // bytes read ahead into read_buffer
    unsigned read_position = 0;  // the next of them to hand out
    char* read_buffer = nullptr;
    // Its size: BUFSIZ, or more once ungetc has pushed back more bytes than
    // were read out of it (stdio_input.cpp); reads fill BUFSIZ of it.
    unsigned read_capacity = 0;
    char* owned_buffer = nullptr;  // the output buffer fopen allocated, freed by fclose
    stream* next_file = nullptr;   // the list of open file streams
    int child_process = 0;         // popen's command, which pclose waits for
    // open_memstream's caller's buffer and size (stdio_memstream.cpp), which
    // fflush and fclose update; null for every other stream.
    struct memory_target* memory = nullptr;
    // A stream whose bytes go through the program's own functions instead
    // of a descriptor (fopencookie, and fmemopen built on it:
    // stdio_cookie.cpp): those functions and their cookie. Null for every
    // other stream. Such a stream has no descriptor (file_descriptor -1;
    // descriptor hooked_output when it is open for writing, else -1, so
    // that output fails with EBADF), and the few places that would make a
    // system call on one (write_all, refill_locked, the seeks, fflush,
    // fclose, freopen) call the lwp_libc_cookie_* functions below instead.
    // Buffering, locking and flags are every other stream's.
    struct cookie_record* cookie = nullptr;
    // open_wmemstream's array and the caller's pointer and size
    // (stdio_wide_memstream.cpp): the wide calls store their characters
    // there, fflush updates the caller's. Null for every other stream. Such
    // a stream is also a cookie stream, for seeking and closing.
    struct wide_memory_target* wide_memory = nullptr;
    // Where write_all sends the bytes while `descriptor` is hooked_output:
    // a cookie stream's write function (lwp_libc_cookie_write), or, on a
    // file stream that read ahead, write_after_read_ahead (stdio_input.cpp).
    // Null otherwise.
    bool (*output_hook)(stream& s, const char* bytes, std::size_t count, bool buffered) = nullptr;
};

// The bits of stream::orientation. wide_use is set by the first wide call
// (or fwide) on a stream without orientation, and makes it wide-oriented
// for good; byte_use is set by byte calls, and makes a stream without
// wide_use byte-oriented. printf tests and sets them with a plain load and
// store, the cheapest form (stream_format_sink.hpp): a wide call racing
// with a printf on a stream without orientation (two threads, no order
// between them) can then lose, the stream ending byte-oriented, as if the
// printf had come first.
inline constexpr unsigned char byte_use = 1;
inline constexpr unsigned char wide_use = 2;

// fwide's answer: 1 wide, -1 byte, 0 none yet.
inline int orientation_of(const stream& s) {
    const unsigned char bits = __atomic_load_n(&s.orientation, __ATOMIC_RELAXED);
    return bits & wide_use ? 1 : bits & byte_use ? -1 : 0;
}

// Gives a stream without orientation the one `wanted` (byte_use or
// wide_use); whether the stream now has it. Atomic, so that it needs no
// lock: the first call fixes it.
inline bool orient(stream& s, unsigned char wanted) {
    unsigned char none = 0;
    __atomic_compare_exchange_n(&s.orientation, &none, wanted, false, __ATOMIC_RELAXED,
                                __ATOMIC_RELAXED);
    const unsigned char bits = __atomic_load_n(&s.orientation, __ATOMIC_RELAXED);
    return wanted == wide_use ? (bits & wide_use) != 0 : (bits & wide_use) == 0;
}

// The values of stream::last_calls. One byte serves the output path's own
// need, whether a line-buffered stream got a '\n' in this call, and
// glibc's "currently putting" state, which __freading and __fwriting report
// (stdio_extensions.cpp): lock_stream's store at the start of every output
// call, which clears the newline, also says that output came last, so the
// path every program links costs nothing more.
namespace call_mark {
inline constexpr unsigned char output = 0;          // an output call came last
inline constexpr unsigned char output_newline = 1;  // the same, and it wrote a '\n' (line buffering)
// Input came last: a read that went to the descriptor (refill_locked:
// glibc's underflow, which every read after output reaches, since C asks
// for a flush or a seek between them), or a seek; or setvbuf giving a
// buffer (or _IONBF) to a stream that had no output. Each leaves glibc's
// stream not putting, with a buffer to read from.
inline constexpr unsigned char input = 2;
// Neither yet: a stream just opened (attach, stdio_files.cpp), which glibc
// reports as neither reading nor writing. stdout and stderr start at 0
// instead (a stream all zero stays in .bss), which for them, written to
// only, says nothing __fwriting does not already know.
inline constexpr unsigned char none = 3;
// An ungetc on a stream in state `none`: glibc's stream reads from its
// push-back area, so it is reading, until __fpurge frees that area and
// leaves it with nothing again (stdio_extensions.cpp).
inline constexpr unsigned char pushed_back = 4;
// `none` still, after setvbuf(_IOFBF) with no buffer given: glibc's then
// allocates one at once, though not to read from, and a seek that then
// fails leaves it so (stdio_seek.cpp), where from `none` it would have set
// it up for reading first.
inline constexpr unsigned char none_with_buffer = 5;
}  // namespace call_mark

inline constexpr int glibc_error_flag = 0x20;  // glibc's _IO_ERR_SEEN
inline constexpr int glibc_end_flag = 0x10;    // glibc's _IO_EOF_SEEN, what feof_unlocked tests

static_assert(offsetof(stream, glibc_flags) == offsetof(FILE, _flags));
static_assert(offsetof(stream, glibc_read_pointers) == offsetof(FILE, _IO_read_ptr));
static_assert(offsetof(stream, glibc_write_pointers) == offsetof(FILE, _IO_write_base));
static_assert(offsetof(stream, glibc_write_pointers) + 2 * sizeof(char*) ==
              offsetof(FILE, _IO_write_end));

inline stream& as_stream(FILE* file) { return *reinterpret_cast<stream*>(file); }

// Whether `fd` is a terminal: TCGETS succeeds only on one (the buffer is
// larger than the kernel's 36-byte struct termios). errno is left alone.
inline bool is_terminal(int fd) {
    alignas(8) char settings[64];
    return !sys::failed(sys::ioctl(fd, TCGETS, settings));
}

// The descriptor behind a stream: a file stream's (and stdin's) from its
// opening; stdout's and stderr's whether or not their first output has
// filled in `descriptor` yet.
inline int descriptor_of(FILE* file) {
    const stream& s = as_stream(file);
    return s.is_file ? s.file_descriptor : (file == stderr ? 2 : 1);
}

// Bytes the stream has taken from its descriptor but not handed out yet:
// what it read ahead, and an ungetc byte.
inline long unread_bytes(const stream& s) {
    return static_cast<long>(s.read_length - s.read_position) + s.pushed_back;
}

// Forgets them: after a seek, or once the descriptor's offset has been moved
// back over them.
inline void drop_unread(stream& s) {
    s.read_length = s.read_position = 0;
    s.pushed_back = false;
}

// open_memstream's (stdio_memstream.cpp), called only for a stream whose
// `memory` is set, which only open_memstream sets, so they are linked
// whenever they are called. Under the stream's lock, after its buffer is
// written out: brings the caller's buffer and size up to date (false, errno
// and the error flag set, on failure).
extern "C" bool lwp_libc_update_memory_target(stream& s) __attribute__((weak));
// Around fork, from the file streams' fork handler: gives the child its own
// copy of the contents.
extern "C" void lwp_libc_memory_stream_around_fork(stream& s, runtime::fork_phase phase)
    __attribute__((weak));

// open_wmemstream's (stdio_wide_memstream.cpp), called only for a stream
// whose `wide_memory` is set, which only open_wmemstream sets; under the
// stream's lock. Stores wide characters at the stream's position: false
// without memory (errno ENOMEM, the error flag and call_failed set).
extern "C" bool lwp_libc_wide_memory_put(stream& s, const wchar_t* characters, std::size_t count)
    __attribute__((weak));
// print_in_any_orientation's (stream_format_sink.hpp): stores the
// characters `bytes` encode in the locale's multibyte charset, the piece
// decoded on its own. The count stored, or -1 with nothing stored (errno
// EILSEQ: bytes that are no character, or the piece ends inside one) or
// part of it (ENOMEM, as above).
extern "C" std::size_t lwp_libc_wide_memory_put_multibyte(stream& s, const char* bytes,
                                                          std::size_t count) __attribute__((weak));
// Whether `bytes` are whole characters in the locale's multibyte charset
// (false: errno EILSEQ); with the above, and as weak.
extern "C" bool lwp_libc_is_multibyte_text(const char* bytes, std::size_t count)
    __attribute__((weak));
// fflush's: brings the caller's pointer and size up to date.
extern "C" void lwp_libc_wide_memory_sync(stream& s) __attribute__((weak));

// A stream whose output goes to its output_hook has this as `descriptor`:
// not -1, which says a stream is not open for writing, and never a
// descriptor's number. write_all tests it rather than `cookie`: a shorter
// instruction on the path of every stream's output. A cookie stream open for
// writing has it for good; a file stream open for reading and writing, while
// it may have read ahead (stdio_input.cpp).
inline constexpr int hooked_output = -2;

// write_all's own path, for the output hooks: writes all of the bytes to the
// descriptor, retrying short writes and EINTR; `buffered` says they are the
// stream's own buffer (a cancellation keeps what is left of them). False,
// errno set, on failure.
bool write_all(stream& s, const char* bytes, std::size_t count, bool buffered);

// fopencookie's (stdio_cookie.cpp), called only for a stream whose `cookie`
// is set, which only fopencookie sets, so they are linked whenever they are
// called; under the stream's lock. The program's functions report failures
// through errno themselves, and glibc adds no errno of its own when they
// fail (or are missing): neither do these.
//
// Hands the bytes to the write function in one call: false, with the error
// flag set, unless it took them all.
// (`buffered` is unused: the output hooks' signature.)
extern "C" bool lwp_libc_cookie_write(stream& s, const char* bytes, std::size_t count,
                                      bool buffered) __attribute__((weak));
// Fills `into` with one call of the read function: the count it read, 0 at
// the end, -1 on failure (or without a read function).
extern "C" long lwp_libc_cookie_read(stream& s, char* into, std::size_t count)
    __attribute__((weak));
// Moves the cookie's position: the new one, or -1.
extern "C" long lwp_libc_cookie_seek(stream& s, long offset, int whence) __attribute__((weak));
// The stream's position (ftello): the cookie's, less what was read ahead,
// plus the output waiting in the buffer. -1 on failure.
extern "C" long lwp_libc_cookie_position(stream& s) __attribute__((weak));
// Calls the close function and forgets the cookie (`cookie`, and
// `wide_memory`, null again): the function's result, 0 without one.
extern "C" int lwp_libc_cookie_close(stream& s) __attribute__((weak));

// A new stream that is a cookie stream (stdio_files.cpp), on the list of
// open streams; null, errno ENOMEM, without memory.
FILE* open_cookie_stream(cookie_record* record, bool readable, bool writable);

// Calls `visit` on every open file stream (stdio_files.cpp: fopen's,
// fdopen's, popen's, the cookie streams), under the list's lock; `visit`
// takes no stream's lock and opens or closes no stream.
void visit_open_files(void (*visit)(stream&, void*), void* context);

// The stream's lock alone (see lock_word), for calls that write nothing.
void take_stream_lock(stream& s);
void give_back_stream_lock(stream& s);

// Cancellation: every write(2) a stream makes is a cancellation point, so
// the output calls (printf, puts, fwrite, fflush of one stream, ...; POSIX
// lists them among the calls that may be one) can be cancelled where they
// write, as input can where it reads. A cancellation there gives the
// stream's lock back, one level (a flockfile hold stays the program's to
// release, with a cleanup handler). Buffered bytes not written yet stay
// buffered, for a later flush; a call's own bytes too large to buffer, which
// it writes straight, end with it.
//
// A call that must finish to leave things whole holds cancellation off
// (runtime/thread/cancellation_hold.hpp): fclose and freopen (the stream
// would be left half closed), fflush(NULL) (it holds the list of open
// files), flockfile, ftrylockfile and setvbuf (not cancellation points in
// POSIX). exit's write-out needs no hold: exit disables cancellation.
void lock_stream(stream& s);
// Appends to the buffer, writing it out when full. Failures are remembered
// in call_failed and the error flag (errno holds the reason).
void write_locked(stream& s, const char* bytes, std::size_t count);
// Writes out the whole buffer. Returns false (errno set) on failure.
bool flush_locked(stream& s);
// Applies the buffering policy and unlocks. Returns false when any write
// failed since lock_stream.
bool unlock_after_output(stream& s);

}  // namespace lwp::libc
