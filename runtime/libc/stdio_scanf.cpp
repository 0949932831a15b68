// sscanf vsscanf fscanf vfscanf scanf vscanf, and the __isoc99_ names
// glibc's <stdio.h> turns them into in C99 and later modes (the only names
// such programs reference). The engine is scanf_core.cpp.
#include <stdarg.h>
#include <stdio.h>

#include "scanf_core.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"

namespace {

struct string_source : lwp::libc::scan_source {
    const unsigned char* cursor;
};

int next_from_string(lwp::libc::scan_source& base) {
    auto& source = static_cast<string_source&>(base);
    return *source.cursor != '\0' ? *source.cursor++ : EOF;
}

// The byte given back is always the one just before the cursor.
void give_back_to_string(lwp::libc::scan_source& base, int) {
    --static_cast<string_source&>(base).cursor;
}

// A stream whose lock the caller holds. A read error ends the input as the
// end does; the stream's error flag keeps the difference for ferror.
struct stream_source : lwp::libc::scan_source {
    lwp::libc::stream* stream;
};

int next_from_stream(lwp::libc::scan_source& base) {
    int byte = lwp::libc::next_byte_locked(*static_cast<stream_source&>(base).stream);
    return byte == lwp::libc::read_failed ? EOF : byte;
}

void give_back_to_stream(lwp::libc::scan_source& base, int byte) {
    lwp::libc::push_back_locked(*static_cast<stream_source&>(base).stream,
                                static_cast<unsigned char>(byte));
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
    source.next = next_from_string;
    source.give_back = give_back_to_string;
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
    if (!lwp::libc::orient(s, lwp::libc::byte_use)) return EOF;
    lwp::libc::take_stream_lock(s);
    stream_source source;
    source.next = next_from_stream;
    source.give_back = give_back_to_stream;
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
