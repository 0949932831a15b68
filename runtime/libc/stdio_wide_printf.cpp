// swprintf vswprintf fwprintf vfwprintf wprintf vwprintf: the wide printf
// family. The engine is wide_printf_core.cpp.
//
// Into an array (swprintf), as glibc's: at most `capacity` - 1 characters
// and a terminating L'\0'; output that does not fit makes the call fail
// with -1 and errno untouched (C asks for a negative value; glibc sets no
// errno), the array then holding the first `capacity` - 1 characters with
// no terminator. A capacity of 0 fails at once and writes nothing.
//
// To a stream (fwprintf), each wide character is written as fputwc writes
// it: in the "C" locale ASCII as its byte, anything else as glibc's ASCII
// transliteration ("EUR" for U+20AC, '?' without one); in C.UTF-8 as its
// UTF-8 bytes ('?' for a surrogate or a negative wchar_t). The whole call holds
// the stream's lock, as printf's does. A stream without orientation becomes
// wide-oriented, and a byte-oriented one fails the call with -1 (glibc's
// answers: stdio_orientation.cpp). A %c
// of a byte from 0x80 up (WEOF) fails the call, except where glibc's wide
// buffer has no room (the first wide character a fully buffered stream
// takes since it was opened or sought, any on a line-buffered one), where
// glibc drops it and goes on; an unbuffered stream fails it unwritten.
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "character_sets.hpp"
#include "locale_state.hpp"
#include "stdio_stream.hpp"
#include "utf8_conversion.hpp"
#include "wide_printf_core.hpp"

namespace {

struct wide_array_sink : lwp::libc::wide_format_sink {
    wchar_t* cursor;
    size_t room;  // characters still storable, excluding the terminating L'\0'
    bool overflowed;
};

void put_to_wide_array(lwp::libc::wide_format_sink& base, const wchar_t* characters,
                       size_t count) {
    auto& sink = static_cast<wide_array_sink&>(base);
    size_t stored = count < sink.room ? count : sink.room;
    wmemcpy(sink.cursor, characters, stored);
    sink.cursor += stored;
    sink.room -= stored;
    if (stored < count) sink.overflowed = true;
}

struct wide_stream_sink : lwp::libc::wide_format_sink {
    lwp::libc::stream* target;
    bool failed;  // open_wmemstream's stream ran out of memory
};

// Narrows as fputwc does (stdio_wide_characters.cpp), a piece at a time.
void put_to_stream(lwp::libc::wide_format_sink& base, const wchar_t* characters, size_t count) {
    lwp::libc::stream& target = *static_cast<wide_stream_sink&>(base).target;
    const bool utf8 = lwp::libc::ctype_is_utf8();
    char bytes[128];
    size_t used = 0;
    for (size_t i = 0; i < count; ++i) {
        if (used > sizeof bytes - 8) {
            lwp::libc::write_locked(target, bytes, used);
            used = 0;
        }
        auto character = static_cast<uint32_t>(characters[i]);
        if (character < 0x80) {
            bytes[used++] = static_cast<char>(character);
        } else if (utf8) {
            used += lwp::libc::utf8::encode_for_stream(bytes + used, characters[i]);
        } else {
            used += lwp_libc_character_sets::ascii_replacement(character, bytes + used);
        }
    }
    lwp::libc::write_locked(target, bytes, used);
}

// open_wmemstream's stream takes the characters themselves
// (stdio_wide_memstream.cpp); a failure is the call's (call_failed).
void put_to_wide_memory(lwp::libc::wide_format_sink& base, const wchar_t* characters,
                        size_t count) {
    auto& sink = static_cast<wide_stream_sink&>(base);
    if (!lwp_libc_wide_memory_put(*sink.target, characters, count)) sink.failed = true;
}

// What glibc's stream of the same state does with a WEOF from %c
// (wide_printf_core.hpp). Under the stream's lock, its mode decided.
lwp::libc::wide_format_sink::weof_rule weof_rule_of(const lwp::libc::stream& target) {
    using rule = lwp::libc::wide_format_sink::weof_rule;
    if (target.wide_memory) return rule::stored_then_fails;  // its buffer is there from the start
    switch (target.mode) {
    case lwp::libc::buffering::none: return rule::fails_unwritten;
    case lwp::libc::buffering::line: return rule::dropped;
    default: break;
    }
    // fputwc sets the flag without the lock: read atomically.
    return __atomic_load_n(&target.took_wide_output, __ATOMIC_RELAXED) ? rule::stored_then_fails
                                                                       : rule::dropped_if_first;
}

}  // namespace

extern "C" {

int vswprintf(wchar_t* __restrict buffer, size_t capacity, const wchar_t* __restrict format,
              va_list arguments) {
    // The terminator has to fit: no room at all is a failure before any
    // formatting (glibc's answer; it sets no errno either).
    if (capacity == 0) return -1;
    wide_array_sink sink;
    sink.put = put_to_wide_array;
    sink.cursor = buffer;
    sink.room = capacity - 1;
    sink.overflowed = false;
    buffer[0] = L'\0';  // glibc's: what a 1-character buffer holds in the end
    int result = lwp::libc::wide_format(sink, format, arguments);
    if (sink.overflowed) return -1;
    *sink.cursor = L'\0';  // after a failure too, as glibc ends the text written
    return result;
}

int swprintf(wchar_t* __restrict buffer, size_t capacity, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vswprintf(buffer, capacity, format, arguments);
    va_end(arguments);
    return result;
}

int vfwprintf(FILE* __restrict file, const wchar_t* __restrict format, va_list arguments) {
    wide_stream_sink sink;
    sink.target = &lwp::libc::as_stream(file);
    // -1, errno untouched, on a byte-oriented stream (stdio_orientation.cpp).
    if (!lwp::libc::orient(*sink.target, lwp::libc::wide_use)) return -1;
    const bool to_wide_memory = sink.target->wide_memory != nullptr;
    sink.put = to_wide_memory ? put_to_wide_memory : put_to_stream;
    sink.failed = false;
    lwp::libc::lock_stream(*sink.target);
    sink.weof = weof_rule_of(*sink.target);
    int result = lwp::libc::wide_format(sink, format, arguments);
    if (sink.total > 0) __atomic_store_n(&sink.target->took_wide_output, true, __ATOMIC_RELAXED);
    bool written = lwp::libc::unlock_after_output(*sink.target);
    // That stream's answer is this call's own (see fputwc).
    if (to_wide_memory) written = !sink.failed;
    return written ? result : -1;  // errno: from the formatter or from write(2)
}

int vwprintf(const wchar_t* __restrict format, va_list arguments) {
    return vfwprintf(stdout, format, arguments);
}

int fwprintf(FILE* __restrict file, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfwprintf(file, format, arguments);
    va_end(arguments);
    return result;
}

int wprintf(const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfwprintf(stdout, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
