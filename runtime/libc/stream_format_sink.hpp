// printf's engine writing into a stream: what vfprintf does, shared with
// __printf_fp, which must use the standard engine whatever the program
// registered. Inline, so that vfprintf compiles to what it was on its own.
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "printf_core.hpp"
#include "stdio_stream.hpp"

namespace lwp::libc {

struct stream_sink : format_sink {
    stream* target;
};

inline void put_to_stream(format_sink& sink, const char* bytes, size_t count) {
    write_locked(*static_cast<stream_sink&>(sink).target, bytes, count);
}

// open_wmemstream's stream, which holds characters, not bytes: the text is
// stored as the characters its bytes encode in the locale, as glibc's
// __fxprintf stores its message there. glibc converts the format to wide
// characters (mbsrtowcs) and prints with the wide printf, which converts
// each %s argument on its own before writing it. So here: a format that is
// no whole characters stores nothing (-1, EILSEQ); then each piece the
// formatter hands over (a run of the format's text, a conversion's text)
// is converted on its own, and the first that is no whole characters ends
// the message (-1, EILSEQ) with nothing of it stored, as glibc's does at a
// bad argument. (%.Ns counts bytes here, wide characters in glibc's.)
struct wide_memory_sink : format_sink {
    stream* target;
    std::size_t stored;  // characters
    bool failed;
};

inline void put_to_wide_memory_as_characters(format_sink& base, const char* bytes, size_t count) {
    auto& sink = static_cast<wide_memory_sink&>(base);
    if (sink.failed) return;
    const std::size_t stored = lwp_libc_wide_memory_put_multibyte(*sink.target, bytes, count);
    if (stored == static_cast<std::size_t>(-1))
        sink.failed = true;
    else
        sink.stored += stored;
}

// The character count, or -1 (errno set).
inline int print_to_wide_memory(stream& s, int (*engine)(format_sink&, const char*, va_list),
                                const char* format_text, va_list arguments) {
    if (!lwp_libc_is_multibyte_text(format_text, strlen(format_text))) return -1;
    wide_memory_sink sink;
    sink.put = put_to_wide_memory_as_characters;
    sink.target = &s;
    sink.stored = 0;
    sink.failed = false;
    lock_stream(s);
    const int result = engine(sink, format_text, arguments);
    unlock_after_output(s);  // this stream's answer is the sink's (as vfwprintf's)
    if (result < 0) return result;
    return sink.failed ? -1 : static_cast<int>(sink.stored);
}

// Formats with `engine` (format or format_standard) into the stream under
// its lock, whatever the stream's orientation; the byte count (characters
// for open_wmemstream's stream), or -1 when the formatter or the write
// failed (errno from the one that failed).
inline int print_in_any_orientation(stream& s, int (*engine)(format_sink&, const char*, va_list),
                                    const char* format_text, va_list arguments) {
    if (s.wide_memory) return print_to_wide_memory(s, engine, format_text, arguments);
    stream_sink sink;
    sink.put = put_to_stream;
    sink.target = &s;
    lock_stream(*sink.target);
    int result = engine(sink, format_text, arguments);
    bool written = unlock_after_output(*sink.target);
    return written ? result : -1;
}

// The printf family's: as above on a byte-oriented stream, which a stream
// without orientation becomes; -1, nothing written, errno and the error
// flag untouched, on a wide-oriented one (glibc's answers: see
// stdio_orientation.cpp). Written out rather than calling the above, which
// compiles larger on the path every printf takes.
inline int print_to_stream(FILE* file, int (*engine)(format_sink&, const char*, va_list),
                           const char* format_text, va_list arguments) {
    stream_sink sink;
    sink.put = put_to_stream;
    sink.target = &as_stream(file);
    if (sink.target->orientation & wide_use) return -1;
    sink.target->orientation |= byte_use;
    lock_stream(*sink.target);
    int result = engine(sink, format_text, arguments);
    bool written = unlock_after_output(*sink.target);
    return written ? result : -1;
}

// An ASCII character as fputwc writes it, for __printf_fp and printf_size
// writing to a wide printf's handler stream: open_wmemstream's stream
// stores it as a wide character, any other takes its byte (fputwc's in
// every locale). Not fputwc itself, which would bring its tables for the
// other characters into every program that calls __printf_fp.
inline bool put_ascii_as_wide(FILE* file, char c) {
    stream& s = as_stream(file);
    if (!s.wide_memory) return putc(c, file) != EOF;
    const wchar_t character = static_cast<unsigned char>(c);
    lock_stream(s);
    const bool stored = lwp_libc_wide_memory_put(s, &character, 1);
    unlock_after_output(s);
    return stored;
}

}  // namespace lwp::libc
