// open_wmemstream: open_memstream's wide form. The stream's wide output
// builds an array of wchar_t in memory, which the caller reads through the
// pointer and size it gave, each time the stream is flushed or closed, and
// frees after fclose. Sizes and positions count wide characters.
//
// lwp's streams carry bytes, and its wide calls write a character as the
// locale's bytes for it (stdio_wide_characters.cpp), which would lose
// whatever the locale cannot encode ("C" has ASCII only). So the wide calls
// (fputwc and those built on it, the fwprintf family) hand a stream that
// has `wide_memory` set its characters unconverted, through
// lwp_libc_wide_memory_put, in every locale, as glibc's stream stores
// them. Everything else is a cookie stream's (stdio_cookie.cpp): fseek,
// ftell and rewind reach the seek function below, fclose the close
// function; it is unbuffered and has no write function. It is
// wide-oriented, so fputs, fprintf and fwrite fail without writing (EOF,
// -1, 0; no flag), as glibc's; fputc and putc store the byte's value as a
// wide character (stdio_put.cpp), as glibc's do. Reading fails (glibc's
// stream reads back what was written). freopen leaves it open, as glibc's
// (stdio_files.cpp).
//
// Where the next character goes, how far the contents reach and when the
// caller's size changes are glibc's, whose rules are those of its string
// streams' pointers and are kept here as four numbers:
// - fflush gives as the size the position, not the length (after a seek
//   back, the characters past the position are not counted), and writes a
//   L'\0' at the position only when the position is at the end of the
//   current array (else what follows is whatever was there: zeros past the
//   furthest character ever written);
// - fclose cuts the array at the position: realloc'd to it plus a L'\0';
// - SEEK_END measures from the position as the last seek or ftell left it
//   while anything had been written (both take the current position as the
//   end then), else from the length the last seek saw;
// - a seek past the array's end grows it to the new position plus 100
//   characters and zeroes from the old end of the first growth's array
//   (its "write end") up to the new position, over characters written
//   there meanwhile, as glibc's does;
// - a seek before the start, or one that overflows, is EINVAL.
// Difference: the 100 characters past such a seek's position are zero
// here, uninitialised memory in glibc (seen only if a later seek moves
// within them and the stream is closed further on).
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "stdio_stream.hpp"

namespace lwp::libc {

struct wide_memory_target {
    wchar_t** buffer;   // the caller's: where the array's address goes
    std::size_t* size;  // the caller's: where its size goes
    wchar_t* contents;  // the array, from malloc; the caller's after fclose
    std::size_t capacity;
    std::size_t position;  // where the next character goes
    // Below it, a character is simply stored; at or past it (glibc's slow
    // path) the array is grown when full and `extent` follows the position.
    // The array's end, except after a seek grew the array: then it stays.
    std::size_t fast_limit;
    std::size_t extent;  // how far the contents count as reaching, for SEEK_END
};

}  // namespace lwp::libc

using lwp::libc::stream;
using lwp::libc::wide_memory_target;

namespace {

// glibc's first array: BUFSIZ bytes' worth of characters.
constexpr std::size_t initial_capacity = BUFSIZ / sizeof(wchar_t);

// Moves the contents into a new array of `capacity` characters (the old
// one's copied, the rest zero). False, errno ENOMEM, nothing changed,
// without memory.
bool regrow(wide_memory_target& target, std::size_t capacity) {
    if (capacity > SIZE_MAX / sizeof(wchar_t)) {
        errno = ENOMEM;
        return false;
    }
    auto* grown = static_cast<wchar_t*>(calloc(capacity, sizeof(wchar_t)));
    if (grown == nullptr) return false;
    wmemcpy(grown, target.contents, target.capacity);
    free(target.contents);
    target.contents = grown;
    target.capacity = capacity;
    return true;
}

// Stores one character at the position by glibc's slow path: the array
// doubled (plus 100) when the position has reached its end.
bool store_slowly(wide_memory_target& target, wchar_t character) {
    if (target.position >= target.capacity) {
        std::size_t capacity = 2 * target.capacity + 100;
        if (capacity < target.capacity || !regrow(target, capacity)) return false;
        target.fast_limit = target.capacity;
    }
    target.contents[target.position++] = character;
    if (target.position > target.extent) target.extent = target.position;
    return true;
}

// The seek function: fseek's, and ftell's (which asks to move 0 from
// SEEK_CUR, where glibc's ftell changes what fseek would). 0 or -1.
int seek_in_array(void* cookie, off64_t* offset, int whence) {
    wide_memory_target& target = *static_cast<wide_memory_target*>(cookie);
    if (target.position > 0) target.extent = target.position;
    const std::size_t length = target.position > target.extent ? target.position : target.extent;
    std::size_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? target.position : length;
    const off64_t highest = static_cast<off64_t>(SSIZE_MAX / sizeof(wchar_t) - base);
    if (*offset < -static_cast<off64_t>(base) || *offset > highest) {
        errno = EINVAL;
        return -1;
    }
    const std::size_t wanted = base + static_cast<std::size_t>(*offset);
    if (wanted > length && wanted > target.capacity) {
        const std::size_t old_end = target.fast_limit;
        if (!regrow(target, wanted + 100)) return -1;
        wmemset(target.contents + old_end, L'\0', wanted - old_end);
    }
    target.extent = length;
    target.position = wanted;
    *offset = static_cast<off64_t>(wanted);
    return 0;
}

// fclose's: the array cut at the position, with a L'\0', is the caller's.
// Without memory to cut it, the caller's pointer is null and the array
// freed (glibc's answer too).
int close_array(void* cookie) {
    auto* target = static_cast<wide_memory_target*>(cookie);
    auto* contents = static_cast<wchar_t*>(
        realloc(target->contents, (target->position + 1) * sizeof(wchar_t)));
    *target->buffer = contents;
    if (contents != nullptr) {
        contents[target->position] = L'\0';
        *target->size = target->position;
    } else {
        free(target->contents);
    }
    free(target);
    return 0;
}

}  // namespace

extern "C" {

bool lwp_libc_wide_memory_put(stream& s, const wchar_t* characters, std::size_t count) {
    wide_memory_target& target = *s.wide_memory;
    for (std::size_t i = 0; i < count; ++i) {
        if (target.position < target.fast_limit) {
            target.contents[target.position++] = characters[i];
        } else if (!store_slowly(target, characters[i])) {
            s.call_failed = true;
            s.glibc_flags |= lwp::libc::glibc_error_flag;
            return false;
        }
    }
    return true;
}

bool lwp_libc_is_multibyte_text(const char* bytes, std::size_t count) {
    mbstate_t state{};
    for (std::size_t done = 0; done < count;) {
        const std::size_t used = mbrtowc(nullptr, bytes + done, count - done, &state);
        if (used == static_cast<std::size_t>(-1)) return false;
        if (used == static_cast<std::size_t>(-2)) {  // the text ends inside a character
            errno = EILSEQ;
            return false;
        }
        done += used == 0 ? 1 : used;  // a null character is one byte, which mbrtowc counts as none
    }
    return true;
}

std::size_t lwp_libc_wide_memory_put_multibyte(stream& s, const char* bytes, std::size_t count) {
    // Checked first, so that nothing is stored from a piece that fails.
    if (!lwp_libc_is_multibyte_text(bytes, count)) return static_cast<std::size_t>(-1);
    mbstate_t state{};
    std::size_t stored = 0;
    for (std::size_t done = 0; done < count; ++stored) {
        wchar_t character;
        const std::size_t used = mbrtowc(&character, bytes + done, count - done, &state);
        if (!lwp_libc_wide_memory_put(s, &character, 1)) return static_cast<std::size_t>(-1);
        done += used == 0 ? 1 : used;
    }
    return stored;
}

void lwp_libc_wide_memory_sync(stream& s) {
    wide_memory_target& target = *s.wide_memory;
    // At the fast path's end, a L'\0' is stored by the slow one and taken
    // back: the position stays, the array may have grown. Its failure
    // leaves the caller's pointer and size as they were updated below.
    if (target.position == target.fast_limit && store_slowly(target, L'\0')) --target.position;
    *target.buffer = target.contents;
    *target.size = target.position;
}

FILE* open_wmemstream(wchar_t** buffer, std::size_t* size) {
    // glibc takes null here and crashes at the first flush; lwp refuses it
    // as its open_memstream does.
    if (buffer == nullptr || size == nullptr) {
        errno = EINVAL;
        return nullptr;
    }
    auto* target = static_cast<wide_memory_target*>(malloc(sizeof(wide_memory_target)));
    auto* contents = static_cast<wchar_t*>(calloc(initial_capacity, sizeof(wchar_t)));
    FILE* file = nullptr;
    if (target != nullptr && contents != nullptr) {
        *target = {buffer, size, contents, initial_capacity, 0, initial_capacity, 0};
        const cookie_io_functions_t functions{nullptr, nullptr, seek_in_array, close_array};
        file = fopencookie(target, "w", functions);
    }
    if (file == nullptr) {
        free(target);
        free(contents);
        errno = ENOMEM;
        return nullptr;
    }
    stream& s = lwp::libc::as_stream(file);
    s.mode = lwp::libc::buffering::none;  // byte output fails in its own call
    s.wide_memory = target;
    s.orientation = lwp::libc::wide_use;  // glibc's is wide from the start
    // The caller's pointer and size are set by the first fflush or fclose,
    // as glibc's are.
    return file;
}

}  // extern "C"
