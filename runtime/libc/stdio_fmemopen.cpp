// fmemopen: a stream on a buffer of `size` bytes, the caller's or (for a
// null one) its own, freed at fclose. POSIX 2008's semantics as glibc 2.22
// and later give them, built, as there, on fopencookie (stdio_cookie.cpp),
// whose buffering makes writes reach the buffer at fflush, fseek and
// fclose (or when BUFSIZ bytes wait).
//
// The stream knows a position and an end (the length of the contents):
// - "r": the contents are the whole buffer; "w": none yet (and "w+"
//   writes a NUL at its start, as POSIX asks that it be truncated, even
//   for a size of 0, as glibc does; "wb+" does not, as in glibc); "a":
//   the contents run to the buffer's first NUL (to its size without one),
//   and the position starts there.
// - reads stop at the end; writes go at the position ("a": always at the
//   end), and stop at the size: what does not fit is dropped and the write
//   fails (ENOSPC when nothing fit), which sets the error flag.
// - a write that ends past the end moves the end and, when the written
//   bytes did not end with a NUL, writes one after them if it fits; when
//   it does not, a stream not open for appending puts it in the buffer's
//   last byte instead (glibc's choice, so the contents always end).
// - seeks go anywhere from 0 to the size (SEEK_END counts from the end of
//   the contents), else EINVAL.
// A size of 0 is accepted, as glibc 2.22 accepts it (POSIX lets it be
// EINVAL): every write then fails with ENOSPC and every read finds the end.
// A buffer and size that would wrap around the address space are EINVAL,
// and a mode fopencookie refuses is EINVAL.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

struct memory_file {
    char* buffer;
    bool owned;      // from malloc here: freed by the close
    bool appending;  // "a": every write goes at the end
    size_t size;
    size_t position;  // may be past `end`, after a seek
    size_t end;       // where the contents stop
};

ssize_t read_memory(void* cookie, char* into, size_t count) {
    memory_file& file = *static_cast<memory_file*>(cookie);
    size_t left = file.position < file.end ? file.end - file.position : 0;
    if (count > left) count = left;
    memcpy(into, file.buffer + file.position, count);
    file.position += count;
    return static_cast<ssize_t>(count);
}

ssize_t write_memory(void* cookie, const char* bytes, size_t count) {
    memory_file& file = *static_cast<memory_file*>(cookie);
    size_t at = file.appending ? file.end : file.position;
    // Bytes that do not end with a NUL get one after them, room allowing.
    bool terminate = count == 0 || bytes[count - 1] != '\0';
    if (count > file.size - at) {
        // Nothing fits (counting the NUL: glibc refuses a write that would
        // leave room for the bytes but none for it, tested at the position
        // even when appending).
        if (file.position + terminate >= file.size) {
            errno = ENOSPC;
            return 0;
        }
        count = file.size - at;
    }
    memcpy(file.buffer + at, bytes, count);
    file.position = at + count;
    if (file.position > file.end) {
        file.end = file.position;
        if (terminate && file.end < file.size) file.buffer[file.end] = '\0';
        else if (terminate && !file.appending) file.buffer[file.size - 1] = '\0';
    }
    return static_cast<ssize_t>(count);
}

int seek_memory(void* cookie, off64_t* offset, int whence) {
    memory_file& file = *static_cast<memory_file*>(cookie);
    off64_t from;
    switch (whence) {
    case SEEK_SET: from = 0; break;
    case SEEK_CUR: from = static_cast<off64_t>(file.position); break;
    case SEEK_END: from = static_cast<off64_t>(file.end); break;
    default: return -1;  // fseek has refused it already
    }
    off64_t target;
    if (__builtin_add_overflow(from, *offset, &target) || target < 0 ||
        static_cast<uint64_t>(target) > file.size) {
        errno = EINVAL;
        return -1;
    }
    file.position = static_cast<size_t>(target);
    *offset = target;
    return 0;
}

int close_memory(void* cookie) {
    memory_file* file = static_cast<memory_file*>(cookie);
    if (file->owned) free(file->buffer);
    free(file);
    return 0;
}

}  // namespace

extern "C" FILE* fmemopen(void* buffer, size_t size, const char* mode) {
    // More bytes than lie between the buffer and the end of the address space.
    if (buffer != nullptr && size > -reinterpret_cast<uintptr_t>(buffer)) {
        errno = EINVAL;
        return nullptr;
    }
    auto* file = static_cast<memory_file*>(malloc(sizeof(memory_file)));
    if (file == nullptr) return nullptr;
    char* bytes = static_cast<char*>(buffer);
    // Its own buffer starts empty (a NUL first). At least one byte, for
    // that NUL, where glibc writes it into malloc(0)'s block.
    if (bytes == nullptr) bytes = static_cast<char*>(calloc(size != 0 ? size : 1, 1));
    if (bytes == nullptr) {
        free(file);
        return nullptr;
    }
    *file = {bytes, buffer == nullptr, mode[0] == 'a', size, 0, 0};
    // Even with a size of 0: glibc truncates (and its tests check) so.
    if (buffer != nullptr && mode[0] == 'w' && mode[1] == '+') bytes[0] = '\0';
    if (mode[0] == 'r') file->end = size;
    if (mode[0] == 'a' && buffer != nullptr) file->end = strnlen(bytes, size);
    if (file->appending) file->position = file->end;
    FILE* stream = fopencookie(file, mode, {read_memory, write_memory, seek_memory, close_memory});
    if (stream == nullptr) close_memory(file);  // errno from fopencookie
    return stream;
}
