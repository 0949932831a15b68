// printf fprintf vprintf vfprintf: formatted output to a stream. The whole
// call holds the stream lock, so a line printed by one thread is never cut
// by another's.
#include <stdarg.h>
#include <stdio.h>

#include "printf_core.hpp"
#include "stdio_stream.hpp"

namespace {

struct stream_sink : lwp::libc::format_sink {
    lwp::libc::stream* target;
};

void put_to_stream(lwp::libc::format_sink& sink, const char* bytes, size_t count) {
    lwp::libc::write_locked(*static_cast<stream_sink&>(sink).target, bytes, count);
}

}  // namespace

extern "C" {

int vfprintf(FILE* __restrict file, const char* __restrict format, va_list arguments) {
    stream_sink sink;
    sink.put = put_to_stream;
    sink.target = &lwp::libc::as_stream(file);
    lwp::libc::lock_stream(*sink.target);
    int result = lwp::libc::format(sink, format, arguments);
    bool written = lwp::libc::unlock_after_output(*sink.target);
    return written ? result : -1;  // errno: from the formatter or from write(2)
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
