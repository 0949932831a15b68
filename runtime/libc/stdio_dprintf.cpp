// dprintf vdprintf: formatted output straight to a file descriptor, with no
// FILE and no lock; pieces are staged in a small stack buffer so that short
// messages leave in one write(2).
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../sys/syscalls.hpp"
#include "printf_core.hpp"

namespace {

struct descriptor_sink : lwp::libc::format_sink {
    int descriptor;
    int error = 0;  // first write(2) failure, as an errno code
    size_t length = 0;
    char staging[256];
};

void drain(descriptor_sink& sink) {
    for (size_t done = 0; done < sink.length && !sink.error;) {
        long written = lwp::sys::write(sink.descriptor, sink.staging + done, sink.length - done);
        if (written == -EINTR) continue;
        if (lwp::sys::failed(written)) sink.error = static_cast<int>(-written);
        else done += static_cast<size_t>(written);
    }
    sink.length = 0;
}

void put_to_descriptor(lwp::libc::format_sink& base, const char* bytes, size_t count) {
    auto& sink = static_cast<descriptor_sink&>(base);
    while (count) {
        if (sink.length == sizeof sink.staging) drain(sink);
        size_t room = sizeof sink.staging - sink.length;
        size_t piece = count < room ? count : room;
        memcpy(sink.staging + sink.length, bytes, piece);
        sink.length += piece;
        bytes += piece;
        count -= piece;
    }
}

}  // namespace

extern "C" {

int vdprintf(int descriptor, const char* __restrict format, va_list arguments) {
    descriptor_sink sink;
    sink.put = put_to_descriptor;
    sink.descriptor = descriptor;
    int result = lwp::libc::format(sink, format, arguments);
    drain(sink);
    if (sink.error) {
        errno = sink.error;
        return -1;
    }
    return result;
}

int dprintf(int descriptor, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vdprintf(descriptor, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
