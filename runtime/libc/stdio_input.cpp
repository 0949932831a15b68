// Input: fgetc and its names (getc, getchar, the _unlocked forms and
// __uflow, which glibc's inline getc_unlocked calls), fgets, fread,
// getdelim, getline and ungetc; gets and __gets_chk, and getw.
//
// A readable stream (a file's, stdin) reads ahead into a buffer of its own,
// allocated on its first read. Each call holds the stream's lock for its
// whole length, so two threads reading one stream each get whole lines. A
// read(2) that blocks is a cancellation point; a cancellation there gives
// the lock back first. Once a read has found the end, every input call
// returns EOF until clearerr, fseek or ungetc (C's rule, as glibc 2.28 and
// later keep it); a failed read sets the error flag, errno saying why.
// Output still waiting in the stream is written out before a read.
//
// Each call but ungetc makes a stream without orientation byte-oriented,
// and on a wide-oriented one reads nothing and fails (EOF, null, 0, -1),
// errno and the flags untouched, as glibc's (stdio_orientation.cpp).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <cstdint>

#include "../thread/cancellation_point.hpp"
#include "fortify_failure.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::stream;

namespace {

constexpr unsigned read_buffer_size = BUFSIZ;

void give_back(void* s) { lwp::libc::give_back_stream_lock(*static_cast<stream*>(s)); }

void fail(stream& s, int error) {
    errno = error;
    s.glibc_flags |= lwp::libc::glibc_error_flag;
}

// A file stream open for reading and writing, with output after a read and
// no seek between (glibc's stdio-common/test_rdwr): the bytes go where the
// reading stopped, as in glibc, whose stream moves the descriptor's offset
// back over what it read ahead before writing. So does this, once, and the
// stream writes to its descriptor directly again. A descriptor that cannot
// seek (a socket) keeps the bytes read ahead, and the output goes out all
// the same; errno stays as it was.
bool write_after_read_ahead(stream& s, const char* bytes, std::size_t count, bool buffered) {
    const long unread = lwp::libc::unread_bytes(s);
    if (unread != 0 && !lwp::sys::failed(lwp::arch::syscall3(__NR_lseek, s.file_descriptor,
                                                               -unread, SEEK_CUR)))
        lwp::libc::drop_unread(s);
    s.descriptor = s.file_descriptor;
    s.output_hook = nullptr;
    return lwp::libc::write_all(s, bytes, count, buffered);
}

// What a refill found.
enum class refill { data, end, error };

// Refills the read buffer with one read(2), after the `keep` bytes not yet
// handed out (the UTF-8 reader's lookahead), which move to its front. At the
// end or on an error the stream's flag is set.
refill refill_locked(stream& s, unsigned keep = 0) {
    s.last_calls = lwp::libc::call_mark::input;  // even when it fails, as glibc's underflow
    if (!s.readable) {
        fail(s, EBADF);
        return refill::error;
    }
    if (s.glibc_flags & lwp::libc::glibc_end_flag) return refill::end;
    if (s.read_buffer == nullptr) {
        s.read_buffer = static_cast<char*>(malloc(read_buffer_size));
        if (s.read_buffer == nullptr) {
            fail(s, ENOMEM);
            return refill::error;
        }
        s.read_capacity = read_buffer_size;
    }
    if (s.length != 0 && !lwp::libc::flush_locked(s)) return refill::error;
    if (keep != 0) memmove(s.read_buffer, s.read_buffer + s.read_position, keep);
    s.read_position = 0;
    s.read_length = keep;
    char* into = s.read_buffer + keep;
    long count;
    if (s.cookie) {
        // A cookie stream's read function (stdio_stream.hpp), which sets
        // errno itself when it fails.
        count = lwp_libc_cookie_read(s, into, read_buffer_size - keep);
        if (count < 0) {
            s.glibc_flags |= lwp::libc::glibc_error_flag;
            return refill::error;
        }
    } else {
        const lwp::runtime::cancellation_undo unlock{give_back, &s};
        count = lwp::runtime::cancellation_point_syscall(
            &unlock, __NR_read, s.file_descriptor, reinterpret_cast<long>(into),
            read_buffer_size - keep);
    }
    if (count == 0) {
        s.glibc_flags |= lwp::libc::glibc_end_flag;
        return refill::end;
    }
    if (count < 0) {
        fail(s, static_cast<int>(-count));
        return refill::error;
    }
    s.read_length = keep + static_cast<unsigned>(count);
    // The descriptor's offset is now past the stream's position: output
    // before a seek (C leaves it undefined, glibc writes where the reading
    // stopped) must first move it back (write_after_read_ahead).
    if (s.descriptor >= 0) {
        s.descriptor = lwp::libc::hooked_output;
        s.output_hook = write_after_read_ahead;
    }
    return refill::data;
}

// Room for `count` bytes in front of the next one to be read, for bytes
// pushed back: the bytes already handed out of the read buffer, else room
// made by moving what is unread to the buffer's end, in a larger buffer
// when it is full (glibc's push-back has no limit but memory). False,
// errno ENOMEM, without memory.
bool make_room_in_front(stream& s, unsigned count) {
    if (s.read_position >= count) return true;
    unsigned unread = s.read_length - s.read_position;
    unsigned capacity = s.read_buffer != nullptr ? s.read_capacity : read_buffer_size;
    if (s.read_buffer != nullptr && capacity - unread >= count) {
        memmove(s.read_buffer + capacity - unread, s.read_buffer + s.read_position, unread);
    } else {
        while (capacity - unread < count) {
            if (capacity > (1u << 30)) {
                errno = ENOMEM;
                return false;
            }
            capacity *= 2;
        }
        char* larger = static_cast<char*>(malloc(capacity));
        if (larger == nullptr) return false;  // ENOMEM, from malloc
        if (unread != 0)
            memcpy(larger + capacity - unread, s.read_buffer + s.read_position, unread);
        free(s.read_buffer);
        s.read_buffer = larger;
        s.read_capacity = capacity;
    }
    s.read_position = capacity - unread;
    s.read_length = capacity;
    return true;
}

// Frees ungetc's slot for a new byte: the byte waiting there goes into the
// read buffer, in front of the rest, where the next read finds it after
// the new one. False, nothing changed, without memory.
bool move_pushed_back_byte_into_buffer(stream& s) {
    if (!s.pushed_back) return true;
    if (!make_room_in_front(s, 1)) return false;
    s.read_buffer[--s.read_position] = static_cast<char>(s.pushed_back_byte);
    s.pushed_back = false;
    return true;
}

}  // namespace

// read_failed means an error in this call: the error flag may be left over
// from an earlier one, so it alone cannot tell.
int lwp::libc::next_byte_locked(stream& s) {
    if (s.pushed_back) {
        s.pushed_back = false;
        return s.pushed_back_byte;
    }
    if (s.read_position >= s.read_length) {
        refill found = refill_locked(s);
        if (found != refill::data) return found == refill::end ? EOF : read_failed;
    }
    // Bytes read ahead can outlast output where glibc's stream would have
    // read none (an unbuffered fread: see there); taking one ends the
    // writing state as glibc's underflow would.
    s.last_calls = lwp::libc::call_mark::input;
    return static_cast<unsigned char>(s.read_buffer[s.read_position++]);
}

// Unlike ungetc this leaves the end flag alone: the byte was read before any
// end was found, so none was.
void lwp::libc::push_back_locked(stream& s, unsigned char byte) {
    s.pushed_back = true;
    s.pushed_back_byte = byte;
}

int lwp::libc::peek_byte_locked(stream& s, unsigned ahead) {
    if (s.pushed_back) {
        if (ahead == 0) return s.pushed_back_byte;
        --ahead;
    }
    while (s.read_position + ahead >= s.read_length) {
        refill found = refill_locked(s, s.read_length - s.read_position);
        if (found != refill::data) return found == refill::end ? EOF : read_failed;
    }
    s.last_calls = lwp::libc::call_mark::input;  // as in next_byte_locked
    return static_cast<unsigned char>(s.read_buffer[s.read_position + ahead]);
}

void lwp::libc::skip_bytes_locked(stream& s, unsigned count) {
    if (count != 0 && s.pushed_back) {
        s.pushed_back = false;
        --count;
    }
    s.read_position += count;
}

unsigned lwp::libc::unread_run_locked(stream& s, const unsigned char*& start) {
    if (s.pushed_back) {
        start = &s.pushed_back_byte;
        return 1;
    }
    if (s.read_position >= s.read_length && refill_locked(s) != refill::data) return 0;
    s.last_calls = lwp::libc::call_mark::input;  // as in next_byte_locked
    start = reinterpret_cast<const unsigned char*>(s.read_buffer + s.read_position);
    return s.read_length - s.read_position;
}

bool lwp::libc::push_back_bytes_locked(stream& s, const char* bytes, unsigned count) {
    if (!s.readable || !move_pushed_back_byte_into_buffer(s)) return false;
    if (count == 1) {
        push_back_locked(s, static_cast<unsigned char>(bytes[0]));
    } else if (make_room_in_front(s, count)) {
        s.read_position -= count;
        memcpy(s.read_buffer + s.read_position, bytes, count);
    } else {
        return false;
    }
    s.glibc_flags &= ~lwp::libc::glibc_end_flag;
    return true;
}

namespace {

using lwp::libc::next_byte_locked;
using lwp::libc::read_failed;

// Whether a byte call may read the stream (see the top).
bool byte_input_allowed(stream& s) { return lwp::libc::orient(s, lwp::libc::byte_use); }

int get_byte(FILE* file) {
    stream& s = as_stream(file);
    if (!byte_input_allowed(s)) return EOF;
    lwp::libc::take_stream_lock(s);
    int byte = next_byte_locked(s);
    lwp::libc::give_back_stream_lock(s);
    return byte == read_failed ? EOF : byte;
}

}  // namespace

extern "C" {

int fgetc(FILE* file) { return get_byte(file); }
int getc(FILE* file) { return get_byte(file); }
int _IO_getc(FILE* file) { return get_byte(file); }
int getchar(void) { return get_byte(stdin); }
// Locking anyway is never wrong (stdio_unlocked.cpp says why).
int fgetc_unlocked(FILE* file) { return get_byte(file); }
int getc_unlocked(FILE* file) { return get_byte(file); }
int getchar_unlocked(void) { return get_byte(stdin); }
// glibc's inline getc_unlocked calls this when the FILE's read pointers say
// its buffer is empty, which for lwp's streams (their pointers stay null)
// is always.
int __uflow(FILE* file) { return get_byte(file); }

char* fgets(char* __restrict line, int size, FILE* __restrict file) {
    if (size <= 0) {
        errno = EINVAL;
        return nullptr;
    }
    if (size == 1) {  // room for the NUL alone: nothing to read
        line[0] = '\0';
        return line;
    }
    stream& s = as_stream(file);
    if (!byte_input_allowed(s)) return nullptr;
    lwp::libc::take_stream_lock(s);
    int stored = 0;
    bool failed = false;
    while (stored < size - 1) {
        int byte = next_byte_locked(s);
        if (byte == EOF || byte == read_failed) {
            failed = byte == read_failed;
            break;
        }
        line[stored++] = static_cast<char>(byte);
        if (byte == '\n') break;
    }
    lwp::libc::give_back_stream_lock(s);
    // C: nothing read before the end, or a read error, is a null result.
    if (failed || stored == 0) return nullptr;
    line[stored] = '\0';
    return line;
}

char* fgets_unlocked(char* __restrict line, int size, FILE* __restrict file) {
    return fgets(line, size, file);
}

// C11 removed gets, so glibc's <stdio.h> declares it for older standards
// only; glibc still exports it, and __gets_chk, which fortified old
// programs call.
char* gets(char* line);
char* __gets_chk(char* line, size_t size);

}  // extern "C"

namespace {

// A line of stdin into `line` without its newline: null when the end
// comes before any byte, or a read fails. `room` (0: unchecked) is the
// size of `line`; a line that does not fit ends the program, as a
// fortified call does, before anything past the buffer is written.
char* read_line_without_newline(char* line, size_t room) {
    stream& s = as_stream(stdin);
    if (!byte_input_allowed(s)) return nullptr;
    lwp::libc::take_stream_lock(s);
    size_t stored = 0;
    char* result = line;
    for (;;) {
        int byte = next_byte_locked(s);
        if (byte == read_failed || (byte == EOF && stored == 0)) {
            result = nullptr;
            break;
        }
        if (byte == EOF || byte == '\n') break;
        if (room != 0 && stored + 1 >= room) {
            lwp::libc::give_back_stream_lock(s);
            lwp::libc::fortify_failure("buffer overflow detected");
        }
        line[stored++] = static_cast<char>(byte);
    }
    lwp::libc::give_back_stream_lock(s);
    if (result != nullptr) line[stored] = '\0';
    return result;
}

}  // namespace

extern "C" {

char* gets(char* line) { return read_line_without_newline(line, 0); }

char* __gets_chk(char* line, size_t size) {
    if (size == 0) lwp::libc::fortify_failure("buffer overflow detected");
    return read_line_without_newline(line, size);
}

// A word (an int's bytes, as they are in memory) from the stream; EOF at
// the end or on an error (and for a word that holds -1: feof/ferror tell).
int getw(FILE* file) {
    int word;
    return fread(&word, sizeof word, 1, file) == 1 ? word : EOF;
}

// Whole items only; a request of a buffer's size or more goes straight
// into the caller's memory once what was read ahead is used up.
size_t fread(void* __restrict data, size_t size, size_t count, FILE* __restrict file) {
    size_t wanted;
    if (size == 0 || count == 0 || __builtin_mul_overflow(size, count, &wanted)) return 0;
    stream& s = as_stream(file);
    if (!byte_input_allowed(s)) return 0;
    char* out = static_cast<char*>(data);
    size_t got = 0;
    lwp::libc::take_stream_lock(s);
    const unsigned char before = s.last_calls;
    if (s.pushed_back && got < wanted) {
        s.pushed_back = false;
        out[got++] = static_cast<char>(s.pushed_back_byte);
    }
    while (got < wanted) {
        unsigned ahead = s.read_length - s.read_position;
        if (ahead != 0) {
            size_t take = wanted - got < ahead ? wanted - got : ahead;
            memcpy(out + got, s.read_buffer + s.read_position, take);
            s.read_position += static_cast<unsigned>(take);
            got += take;
            continue;
        }
        if (refill_locked(s) != refill::data) break;
    }
    // An unbuffered glibc stream on a descriptor (not a cookie stream:
    // their fread reads through underflow) reads straight into the
    // caller's memory, past the underflow that ends its putting state: a
    // stream that was writing still is (__fwriting, stdio_extensions.cpp).
    if (s.mode == lwp::libc::buffering::none && s.cookie == nullptr &&
        (before == lwp::libc::call_mark::output || before == lwp::libc::call_mark::output_newline))
        s.last_calls = before;
    lwp::libc::give_back_stream_lock(s);
    return got / size;
}

size_t fread_unlocked(void* __restrict data, size_t size, size_t count, FILE* __restrict file) {
    return fread(data, size, count, file);
}

// The line up to and with `delimiter`, in *line (grown with realloc, which
// the caller frees), NUL-terminated; its length, or -1 at the end with
// nothing read, on a read error, or without memory (ENOMEM).
ssize_t getdelim(char** __restrict line, size_t* __restrict capacity, int delimiter,
                 FILE* __restrict file) {
    if (line == nullptr || capacity == nullptr) {
        errno = EINVAL;
        return -1;
    }
    if (*line == nullptr) *capacity = 0;
    stream& s = as_stream(file);
    if (!byte_input_allowed(s)) return -1;
    lwp::libc::take_stream_lock(s);
    size_t stored = 0;
    ssize_t result = -1;
    for (;;) {
        int byte = next_byte_locked(s);
        if (byte == EOF || byte == read_failed) {
            if (byte == EOF && stored != 0) result = static_cast<ssize_t>(stored);
            break;
        }
        if (stored + 2 > *capacity) {
            size_t larger = *capacity < 60 ? 120 : *capacity * 2;
            char* grown = static_cast<char*>(realloc(*line, larger));
            if (grown == nullptr) {
                fail(s, ENOMEM);
                break;
            }
            *line = grown;
            *capacity = larger;
        }
        (*line)[stored++] = static_cast<char>(byte);
        if (byte == static_cast<unsigned char>(delimiter)) {
            result = static_cast<ssize_t>(stored);
            break;
        }
    }
    if (*line != nullptr && *capacity != 0) (*line)[stored < *capacity ? stored : 0] = '\0';
    lwp::libc::give_back_stream_lock(s);
    return result;
}

ssize_t __getdelim(char** __restrict line, size_t* __restrict capacity, int delimiter,
                   FILE* __restrict file) __attribute__((alias("getdelim")));

ssize_t getline(char** __restrict line, size_t* __restrict capacity, FILE* __restrict file) {
    return getdelim(line, capacity, '\n', file);
}

// Pushes a byte back: the next read returns it, and it clears the end
// flag. C guarantees one; glibc takes any number (the last pushed is read
// first), and so does lwp: the first waits in ungetc's slot, the others in
// the read buffer (make_room_in_front). EOF for a stream not open for
// reading, and without memory.
int ungetc(int byte, FILE* file) {
    if (byte == EOF) return EOF;
    stream& s = as_stream(file);
    lwp::libc::take_stream_lock(s);
    int result = EOF;
    if (s.readable && move_pushed_back_byte_into_buffer(s)) {
        // glibc's ungetc gives a stream with no buffer yet an area to push
        // back into: __freading then says it is reading.
        if (s.last_calls == lwp::libc::call_mark::none ||
            s.last_calls == lwp::libc::call_mark::none_with_buffer)
            s.last_calls = lwp::libc::call_mark::pushed_back;
        s.pushed_back = true;
        s.pushed_back_byte = static_cast<unsigned char>(byte);
        s.glibc_flags &= ~lwp::libc::glibc_end_flag;
        result = static_cast<unsigned char>(byte);
    }
    lwp::libc::give_back_stream_lock(s);
    return result;
}

}  // extern "C"
