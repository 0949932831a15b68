// The fortified wide-character copies and conversions: what <wchar.h> and
// <stdlib.h> call under _FORTIFY_SOURCE in place of wmemcpy, wcscpy,
// mbstowcs, ... when the compiler knows the destination's size. Sizes of
// wchar_t arrays come in wide characters (the headers divide by
// sizeof(wchar_t)), of char arrays in bytes. Each checks before writing and
// ends the program (__chk_fail) rather than write past the object.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "fortify_failure.hpp"

namespace {

using lwp::libc::require_fit;

size_t wide_string_inside(const wchar_t* destination, size_t object_size) {
    size_t length = wcsnlen(destination, object_size);
    require_fit(length < object_size);
    return length;
}

// wcrtomb and wctomb may write up to MB_CUR_MAX bytes whatever the
// character, so that is what the object must hold.
inline void require_room_for_one_character(size_t object_size) { require_fit(object_size >= MB_CUR_MAX); }

}  // namespace

extern "C" {

wchar_t* __wmemcpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                       size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wmemcpy(destination, source, count);
}

wchar_t* __wmemmove_chk(wchar_t* destination, const wchar_t* source, size_t count,
                        size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wmemmove(destination, source, count);
}

wchar_t* __wmempcpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                        size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wmempcpy(destination, source, count);
}

wchar_t* __wmemset_chk(wchar_t* destination, wchar_t value, size_t count,
                       size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wmemset(destination, value, count);
}

wchar_t* __wcscpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                      size_t object_size) noexcept {
    require_fit(wcslen(source) < object_size);
    return wcscpy(destination, source);
}

wchar_t* __wcpcpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                      size_t object_size) noexcept {
    require_fit(wcslen(source) < object_size);
    return wcpcpy(destination, source);
}

wchar_t* __wcsncpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                       size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wcsncpy(destination, source, count);
}

wchar_t* __wcpncpy_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                       size_t count, size_t object_size) noexcept {
    require_fit(count <= object_size);
    return wcpncpy(destination, source, count);
}

wchar_t* __wcscat_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                      size_t object_size) noexcept {
    size_t length = wide_string_inside(destination, object_size);
    require_fit(wcslen(source) < object_size - length);
    return wcscat(destination, source);
}

wchar_t* __wcsncat_chk(wchar_t* __restrict destination, const wchar_t* __restrict source,
                       size_t count, size_t object_size) noexcept {
    size_t length = wide_string_inside(destination, object_size);
    require_fit(wcsnlen(source, count) < object_size - length);
    return wcsncat(destination, source, count);
}

size_t __wcrtomb_chk(char* __restrict bytes, wchar_t character, mbstate_t* __restrict state,
                     size_t object_size) noexcept {
    require_room_for_one_character(object_size);
    return wcrtomb(bytes, character, state);
}

int __wctomb_chk(char* bytes, wchar_t character, size_t object_size) noexcept {
    require_room_for_one_character(object_size);
    return wctomb(bytes, character);
}

// The conversions into an array: the limit given must not exceed it (a null
// destination only measures, and the headers then do not call these).
size_t __mbstowcs_chk(wchar_t* __restrict destination, const char* __restrict source,
                      size_t limit, size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return mbstowcs(destination, source, limit);
}

size_t __wcstombs_chk(char* __restrict destination, const wchar_t* __restrict source,
                      size_t limit, size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return wcstombs(destination, source, limit);
}

size_t __mbsrtowcs_chk(wchar_t* __restrict destination, const char** __restrict source,
                       size_t limit, mbstate_t* __restrict state, size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return mbsrtowcs(destination, source, limit, state);
}

size_t __wcsrtombs_chk(char* __restrict destination, const wchar_t** __restrict source,
                       size_t limit, mbstate_t* __restrict state, size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return wcsrtombs(destination, source, limit, state);
}

size_t __mbsnrtowcs_chk(wchar_t* __restrict destination, const char** __restrict source,
                        size_t source_limit, size_t limit, mbstate_t* __restrict state,
                        size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return mbsnrtowcs(destination, source, source_limit, limit, state);
}

size_t __wcsnrtombs_chk(char* __restrict destination, const wchar_t** __restrict source,
                        size_t source_limit, size_t limit, mbstate_t* __restrict state,
                        size_t object_size) noexcept {
    require_fit(limit <= object_size);
    return wcsnrtombs(destination, source, source_limit, limit, state);
}

// fgetws into `capacity` wide characters: it reads what fgetws would and
// fails when the line does not fit (the terminating null included), as
// glibc does, before writing past the buffer.
wchar_t* __fgetws_chk(wchar_t* __restrict line, size_t capacity, int count, FILE* __restrict file) {
    if (count <= 0) return nullptr;
    if (static_cast<size_t>(count) <= capacity) return fgetws(line, count, file);
    flockfile(file);
    size_t stored = 0;
    bool failed = false;
    while (stored < static_cast<size_t>(count) - 1 && stored <= capacity) {
        wint_t character = fgetwc(file);
        if (character == WEOF) {
            failed = ferror(file) && errno != EAGAIN;
            break;
        }
        require_fit(stored < capacity);  // this character and the null would not fit
        line[stored++] = static_cast<wchar_t>(character);
        if (character == L'\n') break;
    }
    funlockfile(file);
    if (failed || stored == 0) return nullptr;
    require_fit(stored < capacity);
    line[stored] = L'\0';
    return line;
}

}  // extern "C"
