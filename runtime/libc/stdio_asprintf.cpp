// asprintf vasprintf: formatted output into a string malloc'd to fit.
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printf_core.hpp"

namespace {

// Grows its buffer (doubling, so a long output costs few reallocs) to hold
// everything plus the terminating NUL. Out of memory, it stops storing and
// only counts; the call then fails.
struct growing_sink : lwp::libc::format_sink {
    char* buffer = nullptr;
    size_t used = 0;
    size_t capacity = 0;
    bool out_of_memory = false;
};

void put_growing(lwp::libc::format_sink& base, const char* bytes, size_t count) {
    auto& sink = static_cast<growing_sink&>(base);
    if (sink.out_of_memory) return;
    if (count >= sink.capacity - sink.used) {  // >=: room for the NUL too
        size_t wanted = sink.used + count + 1;
        size_t capacity = sink.capacity ? sink.capacity : 64;
        while (capacity < wanted) capacity *= 2;  // bounded by memory long before size_t
        char* grown = static_cast<char*>(realloc(sink.buffer, capacity));
        if (grown == nullptr) {
            sink.out_of_memory = true;
            return;
        }
        sink.buffer = grown;
        sink.capacity = capacity;
    }
    memcpy(sink.buffer + sink.used, bytes, count);
    sink.used += count;
}

}  // namespace

extern "C" {

// The length written, *result the string (the caller frees it); or -1 with
// errno (ENOMEM, or format's EOVERFLOW, EILSEQ, ENOTSUP, EINVAL) and
// *result null, which glibc leaves undefined.
int vasprintf(char** __restrict result, const char* __restrict format, va_list arguments) {
    growing_sink sink;
    sink.put = put_growing;
    int length = lwp::libc::format(sink, format, arguments);
    if (length >= 0 && !sink.out_of_memory && sink.buffer == nullptr) {
        // Nothing was written: "" still needs its byte.
        sink.buffer = static_cast<char*>(malloc(1));
        sink.out_of_memory = sink.buffer == nullptr;
    }
    if (length < 0 || sink.out_of_memory) {
        free(sink.buffer);
        if (sink.out_of_memory) errno = ENOMEM;
        *result = nullptr;
        return -1;
    }
    sink.buffer[sink.used] = '\0';
    *result = sink.buffer;
    return length;
}

int asprintf(char** __restrict result, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int length = vasprintf(result, format, arguments);
    va_end(arguments);
    return length;
}

// glibc's other name for asprintf, exported for older programs.
int __asprintf(char** __restrict, const char* __restrict, ...) __attribute__((alias("asprintf")));

}  // extern "C"
