// sscanf vsscanf fscanf vfscanf scanf vscanf, and the __isoc99_ names
// glibc's <stdio.h> turns them into in C99 and later modes (the only names
// such programs reference). The engine is scanf_core.cpp.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cstddef>

#include "scanf_core.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"

namespace {

// The string is handed out in runs of up to a page, each ending at the
// NUL or before, so that no byte past the NUL is read.
struct string_source : lwp::libc::scan_source {
    const unsigned char* cursor;
};

constexpr std::size_t string_run_length = 4096;

std::size_t run_of_string(lwp::libc::scan_source& base, const unsigned char*& start) {
    auto& source = static_cast<string_source&>(base);
    start = source.cursor;
    return strnlen(reinterpret_cast<const char*>(source.cursor), string_run_length);
}

void consume_string(lwp::libc::scan_source& base, std::size_t count) {
    static_cast<string_source&>(base).cursor += count;
}

// A stream whose lock the caller holds, read in runs straight from its
// read buffer (unread_run_locked). A read error ends the input as the end
// does; the stream's error flag keeps the difference for ferror.
struct stream_source : lwp::libc::scan_source {
    lwp::libc::stream* stream;
};

std::size_t run_of_stream(lwp::libc::scan_source& base, const unsigned char*& start) {
    return lwp::libc::unread_run_locked(*static_cast<stream_source&>(base).stream, start);
}

void consume_stream(lwp::libc::scan_source& base, std::size_t count) {
    lwp::libc::skip_bytes_locked(*static_cast<stream_source&>(base).stream,
                                 static_cast<unsigned>(count));
}

}  // namespace

// Whether glibc's <stdio.h> renames sscanf and the rest to their __isoc99_
// names depends on the feature macros in force, so each entry point gets
// both names explicitly: the definition carries the __isoc99_ one as its
// assembler name, whatever the header did, and the plain one is an alias.
extern "C" {

int entry_vsscanf(const char* __restrict, const char* __restrict, va_list)
    __asm__("__isoc99_vsscanf");
int entry_sscanf(const char* __restrict, const char* __restrict, ...)
    __asm__("__isoc99_sscanf");
int entry_vfscanf(FILE* __restrict, const char* __restrict, va_list) __asm__("__isoc99_vfscanf");
int entry_fscanf(FILE* __restrict, const char* __restrict, ...) __asm__("__isoc99_fscanf");
int entry_vscanf(const char* __restrict, va_list) __asm__("__isoc99_vscanf");
int entry_scanf(const char* __restrict, ...) __asm__("__isoc99_scanf");

int plain_vsscanf(const char* __restrict, const char* __restrict, va_list) __asm__("vsscanf")
    __attribute__((alias("__isoc99_vsscanf")));
int plain_sscanf(const char* __restrict, const char* __restrict, ...) __asm__("sscanf")
    __attribute__((alias("__isoc99_sscanf")));
int plain_vfscanf(FILE* __restrict, const char* __restrict, va_list) __asm__("vfscanf")
    __attribute__((alias("__isoc99_vfscanf")));
int plain_fscanf(FILE* __restrict, const char* __restrict, ...) __asm__("fscanf")
    __attribute__((alias("__isoc99_fscanf")));
int plain_vscanf(const char* __restrict, va_list) __asm__("vscanf")
    __attribute__((alias("__isoc99_vscanf")));
int plain_scanf(const char* __restrict, ...) __asm__("scanf")
    __attribute__((alias("__isoc99_scanf")));

int entry_vsscanf(const char* __restrict text, const char* __restrict format,
                  va_list arguments) {
    string_source source;
    source.run = run_of_string;
    source.consume = consume_string;
    source.cursor = reinterpret_cast<const unsigned char*>(text);
    return lwp::libc::scan(source, format, arguments);
}

int entry_sscanf(const char* __restrict text, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vsscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

// The lock is held for the whole call, so the items one fscanf reads are
// consecutive in the stream even while other threads read it too.
// A wide-oriented stream is not read: EOF, errno untouched, as glibc's
// (stdio_orientation.cpp); one without orientation becomes byte-oriented.
int entry_vfscanf(FILE* __restrict file, const char* __restrict format, va_list arguments) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    // Most calls find the stream byte-oriented already, which a plain load
    // tells without orient's atomic exchange.
    if (lwp::libc::orientation_of(s) != -1 && !lwp::libc::orient(s, lwp::libc::byte_use))
        return EOF;
    lwp::libc::take_stream_lock(s);
    stream_source source;
    source.run = run_of_stream;
    source.consume = consume_stream;
    source.stream = &s;
    int result = lwp::libc::scan(source, format, arguments);
    lwp::libc::give_back_stream_lock(s);
    return result;
}

int entry_fscanf(FILE* __restrict file, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vfscanf(file, format, arguments);
    va_end(arguments);
    return result;
}

int entry_vscanf(const char* __restrict format, va_list arguments) {
    return entry_vfscanf(stdin, format, arguments);
}

int entry_scanf(const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vfscanf(stdin, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"

// glibc's second names for the plain vsscanf and vfscanf (libc.so.6 exports
// them as the same functions): the same entry points here.
extern "C" {
int __vsscanf(const char* __restrict, const char* __restrict, va_list)
    __attribute__((alias("__isoc99_vsscanf"), copy(entry_vsscanf)));
int __vfscanf(FILE* __restrict, const char* __restrict, va_list)
    __attribute__((alias("__isoc99_vfscanf"), copy(entry_vfscanf)));
}  // extern "C"
