// snprintf vsnprintf sprintf vsprintf: formatted output into memory.
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "printf_core.hpp"

namespace {

// Keeps the first capacity - 1 bytes and counts the rest, as C requires
// (the return value is the length the whole output would have had).
struct array_sink : lwp::libc::format_sink {
    char* cursor;
    size_t room;  // bytes still storable, excluding the terminating NUL
};

void put_to_array(lwp::libc::format_sink& base, const char* bytes, size_t count) {
    auto& sink = static_cast<array_sink&>(base);
    size_t stored = count < sink.room ? count : sink.room;
    memcpy(sink.cursor, bytes, stored);
    sink.cursor += stored;
    sink.room -= stored;
}

// Formats into `buffer`, keeping at most capacity - 1 bytes and a NUL.
int format_into_array(char* buffer, size_t capacity, const char* format, va_list arguments) {
    array_sink sink;
    sink.put = put_to_array;
    sink.cursor = buffer;
    sink.room = capacity ? capacity - 1 : 0;
    int result = lwp::libc::format(sink, format, arguments);
    if (capacity) *sink.cursor = '\0';
    return result;
}

}  // namespace

extern "C" {

// The buffer is emptied before anything is formatted, as glibc's is: a
// program that passes the buffer itself as a %s argument (undefined in C)
// then gets what glibc gives, the rest of the output without it.
int vsnprintf(char* __restrict buffer, size_t capacity, const char* __restrict format,
              va_list arguments) {
    if (capacity) buffer[0] = '\0';
    return format_into_array(buffer, capacity, format, arguments);
}

int snprintf(char* __restrict buffer, size_t capacity, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, capacity, format, arguments);
    va_end(arguments);
    return result;
}

// The unbounded forms trust the caller's buffer, as C defines them. They
// leave it as it is until they write, as glibc's do: sprintf(buffer,
// "%sCD", buffer) appends to it there.
int vsprintf(char* __restrict buffer, const char* __restrict format, va_list arguments) {
    return format_into_array(buffer, SIZE_MAX, format, arguments);
}

int sprintf(char* __restrict buffer, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vsprintf(buffer, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __vsnprintf(char* __restrict, size_t, const char* __restrict, va_list)
    __attribute__((alias("vsnprintf"), copy(vsnprintf)));
}  // extern "C"
