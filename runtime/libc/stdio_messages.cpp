// print_message (stdio_messages.hpp). On a wide-oriented stream glibc's
// __fxprintf goes through the wide printf, whose characters the stream
// converts back to the locale's bytes; lwp's wide streams hold those bytes
// (stdio_wide_characters.cpp), and the text is the same, so the bytes are
// written as they are. open_wmemstream's stream, which holds characters,
// gets the characters those bytes encode (print_in_any_orientation).
#include "stdio_messages.hpp"

#include "stream_format_sink.hpp"

int lwp::libc::vprint_message(FILE* file, const char* format_text, va_list arguments) {
    stream& s = as_stream(file);
    orient(s, byte_use);
    return print_in_any_orientation(s, format, format_text, arguments);
}

int lwp::libc::print_message(FILE* file, const char* format_text, ...) {
    va_list arguments;
    va_start(arguments, format_text);
    int result = vprint_message(file, format_text, arguments);
    va_end(arguments);
    return result;
}
