// argz (<argz.h>): a vector of strings kept as one malloc'd block of
// NUL-terminated strings laid end to end, with its length in bytes (the
// last NUL counted). An empty vector may be a null pointer with length 0.
// glibc's results, quirks included, because programs (and libtool's ltdl)
// depend on them:
// - argz_create_sep and argz_add_sep drop a separator that would start an
//   empty entry (one at the start, or after another), but the final NUL is
//   always kept, so "a," gives the two entries "a" and "", and "," one "";
//   argz_add_sep's "start" is the start of the whole vector, so a leading
//   separator after existing entries is dropped too.
// - argz_stringify turns every NUL but the block's last byte into the
//   separator, empty entries included.
// - argz_delete frees the block once it is empty (the pointer becomes null).
// - argz_insert moves `before` back to the start of the entry it points
//   into; EINVAL when it is outside the block; a null one appends.
// - argz_replace counts in *replace_count the entries changed, not the
//   occurrences replaced (as glibc does), and leaves the block untouched
//   (not even reallocated) when nothing matched; an empty or null `str`
//   replaces nothing.
// ENOMEM is the only error from an allocation; the vector is then left as
// it was. (glibc's argz_add_sep instead loses the old block, setting
// *argz to null: a leak and a lost vector that nothing should rely on.)
// Each function is in its own section, so a program carries only those it
// calls.
#include <argz.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

namespace lwp::libc {
namespace {

// Copies `text` into `out` as argz entries separated by `separator`,
// dropping a separator that would start an empty entry (where `out` is at
// `start` or follows a NUL); returns one past the last byte written (the
// text's own NUL always copied). The caller's block has strlen(text) + 1
// bytes free at `out`.
char* copy_separated(char* start, char* out, const char* text, int separator) {
    for (;; ++text) {
        char c = *text;
        // Compared as glibc does, the (signed) char with the int, so 0xff
        // matches a separator of -1 but not one of 255.
        if (c == separator) {
            if (out > start && out[-1] != '\0') *out++ = '\0';
        } else {
            *out++ = c;
        }
        if (c == '\0') return out;
    }
}

// The length of the entry at `entry`, with its NUL, held to `left`, the
// bytes of the block from `entry` on (a malformed block without its last
// NUL stops the walk there instead of running off the end).
size_t entry_size(const char* entry, size_t left) {
    size_t length = strnlen(entry, left);
    return length < left ? length + 1 : left;
}

}  // namespace
}  // namespace lwp::libc

using lwp::libc::entry_size;

extern "C" {

error_t argz_create(char* const argv[], char** argz, size_t* len) noexcept {
    size_t total = 0;
    for (char* const* arg = argv; *arg != nullptr; ++arg) total += strlen(*arg) + 1;
    if (total == 0) {
        *argz = nullptr;
        *len = 0;
        return 0;
    }
    auto* block = static_cast<char*>(malloc(total));
    if (block == nullptr) return ENOMEM;
    char* out = block;
    for (char* const* arg = argv; *arg != nullptr; ++arg) out = stpcpy(out, *arg) + 1;
    *argz = block;
    *len = total;
    return 0;
}

error_t argz_create_sep(const char* string, int delim, char** argz, size_t* len) noexcept {
    size_t size = strlen(string) + 1;
    if (size == 1) {
        *argz = nullptr;
        *len = 0;
        return 0;
    }
    auto* block = static_cast<char*>(malloc(size));
    if (block == nullptr) return ENOMEM;
    char* end = lwp::libc::copy_separated(block, block, string, delim);
    *argz = block;
    *len = static_cast<size_t>(end - block);
    return 0;
}

size_t argz_count(const char* argz, size_t len) noexcept {
    size_t count = 0;
    for (size_t offset = 0; offset < len; offset += entry_size(argz + offset, len - offset)) ++count;
    return count;
}
size_t __argz_count(const char* argz, size_t len) noexcept __attribute__((alias("argz_count")));

void argz_extract(const char* argz, size_t len, char** argv) noexcept {
    for (size_t offset = 0; offset < len; offset += entry_size(argz + offset, len - offset))
        *argv++ = const_cast<char*>(argz + offset);
    *argv = nullptr;
}

void argz_stringify(char* argz, size_t len, int sep) noexcept {
    // Every NUL but the last byte's, empty entries included.
    for (size_t i = 0; i + 1 < len; ++i)
        if (argz[i] == '\0') argz[i] = static_cast<char>(sep);
}
void __argz_stringify(char* argz, size_t len, int sep) noexcept __attribute__((alias("argz_stringify")));

error_t argz_append(char** argz, size_t* argz_len, const char* buf, size_t buf_len) noexcept {
    auto* block = static_cast<char*>(realloc(*argz, *argz_len + buf_len));
    if (block == nullptr) return ENOMEM;
    memcpy(block + *argz_len, buf, buf_len);
    *argz = block;
    *argz_len += buf_len;
    return 0;
}

error_t argz_add(char** argz, size_t* argz_len, const char* str) noexcept {
    return argz_append(argz, argz_len, str, strlen(str) + 1);
}

error_t argz_add_sep(char** argz, size_t* argz_len, const char* string, int delim) noexcept {
    size_t size = strlen(string) + 1;
    if (size == 1) return 0;
    auto* block = static_cast<char*>(realloc(*argz, *argz_len + size));
    if (block == nullptr) return ENOMEM;
    char* end = lwp::libc::copy_separated(block, block + *argz_len, string, delim);
    *argz = block;
    *argz_len = static_cast<size_t>(end - block);
    return 0;
}

void argz_delete(char** argz, size_t* argz_len, char* entry) noexcept {
    if (entry == nullptr) return;
    size_t size = strlen(entry) + 1;
    size_t after = *argz_len - static_cast<size_t>(entry - *argz) - size;
    memmove(entry, entry + size, after);
    *argz_len -= size;
    if (*argz_len == 0) {
        free(*argz);
        *argz = nullptr;
    }
}

error_t argz_insert(char** argz, size_t* argz_len, char* before, const char* entry) noexcept {
    if (before == nullptr) return argz_add(argz, argz_len, entry);
    // Compared as addresses, so a null block holds nothing.
    auto first = reinterpret_cast<uintptr_t>(*argz);
    auto at = reinterpret_cast<uintptr_t>(before);
    if (at < first || at >= first + *argz_len) return EINVAL;
    size_t offset = at - first;
    while (offset > 0 && (*argz)[offset - 1] != '\0') --offset;
    size_t size = strlen(entry) + 1;
    auto* block = static_cast<char*>(realloc(*argz, *argz_len + size));
    if (block == nullptr) return ENOMEM;
    memmove(block + offset + size, block + offset, *argz_len - offset);
    memcpy(block + offset, entry, size);
    *argz = block;
    *argz_len += size;
    return 0;
}

char* argz_next(const char* argz, size_t argz_len, const char* entry) noexcept {
    const char* end = argz + argz_len;
    if (entry == nullptr) return argz_len > 0 ? const_cast<char*>(argz) : nullptr;
    if (entry < end) entry += strlen(entry) + 1;
    return entry < end ? const_cast<char*>(entry) : nullptr;
}
char* __argz_next(const char* argz, size_t argz_len, const char* entry) noexcept __attribute__((alias("argz_next")));

error_t argz_replace(char** argz, size_t* argz_len, const char* str, const char* with,
                     unsigned* replace_count) noexcept {
    if (str == nullptr || *str == '\0') return 0;
    size_t str_length = strlen(str);
    size_t with_length = strlen(with);
    // The new block is built only from the first entry that matches; the
    // entries before it are copied then.
    char* result = nullptr;
    size_t result_length = 0;
    bool changed = false;
    for (size_t offset = 0; offset < *argz_len;) {
        const char* entry = *argz + offset;
        size_t size = strlen(entry) + 1;
        const char* match = strstr(entry, str);
        if (match == nullptr) {
            if (changed && argz_append(&result, &result_length, entry, size) != 0) goto out_of_memory;
            offset += size;
            continue;
        }
        {
            // The entry's new length: each occurrence (left to right, not
            // overlapping) replaced.
            size_t occurrences = 0;
            for (const char* at = match; at != nullptr; at = strstr(at + str_length, str)) ++occurrences;
            size_t new_size = size - occurrences * str_length + occurrences * with_length;
            if (!changed && offset > 0 && argz_append(&result, &result_length, *argz, offset) != 0)
                goto out_of_memory;
            changed = true;
            auto* block = static_cast<char*>(realloc(result, result_length + new_size));
            if (block == nullptr) goto out_of_memory;
            result = block;
            char* out = result + result_length;
            const char* from = entry;
            for (const char* at = match; at != nullptr; at = strstr(from, str)) {
                out = static_cast<char*>(mempcpy(out, from, static_cast<size_t>(at - from)));
                out = static_cast<char*>(mempcpy(out, with, with_length));
                from = at + str_length;
            }
            strcpy(out, from);
            result_length += new_size;
            if (replace_count != nullptr) ++*replace_count;
            offset += size;
        }
    }
    if (changed) {
        free(*argz);
        *argz = result;
        *argz_len = result_length;
    }
    return 0;
out_of_memory:
    free(result);
    return ENOMEM;
}

}  // extern "C"
