// printf fprintf vprintf vfprintf: formatted output to a stream. The whole
// call holds the stream lock, so a line printed by one thread is never cut
// by another's.
#include <stdarg.h>
#include <stdio.h>

#include "stream_format_sink.hpp"

extern "C" {

int vfprintf(FILE* __restrict file, const char* __restrict format, va_list arguments) {
    return lwp::libc::print_to_stream(file, lwp::libc::format, format, arguments);
}

int vprintf(const char* __restrict format, va_list arguments) {
    return vfprintf(stdout, format, arguments);
}

int fprintf(FILE* __restrict file, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfprintf(file, format, arguments);
    va_end(arguments);
    return result;
}

int printf(const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfprintf(stdout, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
