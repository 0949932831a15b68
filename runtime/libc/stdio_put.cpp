// fputc putc putchar fputs puts fwrite putw: unformatted output. Each call holds
// the stream lock for its whole length, so its bytes are never interleaved
// with another thread's.
//
// Each makes a stream without orientation byte-oriented (stdio_orientation.cpp).
// On a wide-oriented one fputs, puts and fwrite write nothing and fail
// (EOF, 0), errno and the error flag untouched, as glibc's; fputc goes on,
// as glibc's does, and on open_wmemstream's stream stores the byte's value
// as a wide character, as glibc's does there.
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <climits>

#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::lock_stream;
using lwp::libc::stream;
using lwp::libc::unlock_after_output;
using lwp::libc::write_locked;

namespace {

// Writes the pieces in order as one stdio call; false on a write failure,
// or, without writing, on a wide-oriented stream.
bool write_call(FILE* file, const char* first, size_t first_length, const char* second = nullptr,
                size_t second_length = 0) {
    stream& s = as_stream(file);
    if (!lwp::libc::orient(s, lwp::libc::byte_use)) return false;
    lock_stream(s);
    write_locked(s, first, first_length);
    if (second_length) write_locked(s, second, second_length);
    return unlock_after_output(s);
}

}  // namespace

extern "C" {

int fputc(int character, FILE* file) {
    stream& s = as_stream(file);
    lwp::libc::orient(s, lwp::libc::byte_use);
    const unsigned char byte = static_cast<unsigned char>(character);
    if (s.wide_memory) {
        const wchar_t as_wide = byte;
        lock_stream(s);
        bool stored = lwp_libc_wide_memory_put(s, &as_wide, 1);
        unlock_after_output(s);
        return stored ? byte : EOF;
    }
    lock_stream(s);
    write_locked(s, reinterpret_cast<const char*>(&byte), 1);
    return unlock_after_output(s) ? byte : EOF;
}

int putc(int character, FILE* file) { return fputc(character, file); }

// Older glibc headers spell putc as _IO_putc.
int _IO_putc(int character, FILE* file) { return fputc(character, file); }

int putchar(int character) { return fputc(character, stdout); }

// An empty string writes nothing, as in glibc: a stream open both ways that
// was reading stays so (__fwriting, stdio_extensions.cpp). It still orients
// the stream, and fails on a wide one, as glibc's does.
int fputs(const char* __restrict text, FILE* __restrict file) {
    size_t length = strlen(text);
    if (length == 0) return lwp::libc::orient(as_stream(file), lwp::libc::byte_use) ? 1 : EOF;
    return write_call(file, text, length) ? 1 : EOF;
}

int puts(const char* text) {
    size_t length = strlen(text);
    if (!write_call(stdout, text, length, "\n", 1)) return EOF;
    return length < INT_MAX ? static_cast<int>(length + 1) : INT_MAX;
}

size_t fwrite(const void* __restrict data, size_t size, size_t count, FILE* __restrict file) {
    if (size == 0 || count == 0) return 0;
    size_t bytes;
    if (__builtin_mul_overflow(size, count, &bytes)) return 0;
    // On failure the stream's buffer state cannot say how many items reached
    // the file; report none (errno and ferror tell why).
    return write_call(file, static_cast<const char*>(data), bytes) ? count : 0;
}

// A word as the bytes of an int in memory (getw reads it back); 0, or EOF
// when it could not all be written.
int putw(int word, FILE* file) { return fwrite(&word, sizeof word, 1, file) == 1 ? 0 : EOF; }

}  // extern "C"
