// The wide-character string functions of <wchar.h>: wcslen wcsnlen wcscmp
// wcsncmp wcscpy wcpcpy wcsncpy wcpncpy wcscat wcsncat wcsspn
// wcscspn wmemcmp wmemcpy wmempcpy wmemmove wmemset (the searches returning
// a pointer: wide_string_search.cpp; wcsdup: wide_string_dup.cpp, so that
// these need no malloc).
//
// wchar_t is a signed 32-bit int on x86-64 Linux, and the comparisons order
// by that signed value, as glibc's do (L"\xffffffff"... a negative wchar_t
// sorts before L'a'). Plain loops: a program dealing in wide strings in the
// "C" locale is rarely bound by them.
#include <wchar.h>

extern "C" {

size_t wcslen(const wchar_t* text) noexcept {
    size_t length = 0;
    while (text[length] != 0) ++length;
    return length;
}

size_t wcsnlen(const wchar_t* text, size_t limit) noexcept {
    size_t length = 0;
    while (length < limit && text[length] != 0) ++length;
    return length;
}

int wmemcmp(const wchar_t* left, const wchar_t* right, size_t count) noexcept {
    for (size_t i = 0; i < count; ++i)
        if (left[i] != right[i]) return left[i] < right[i] ? -1 : 1;
    return 0;
}

int wcsncmp(const wchar_t* left, const wchar_t* right, size_t limit) noexcept {
    for (size_t i = 0; i < limit; ++i) {
        if (left[i] != right[i]) return left[i] < right[i] ? -1 : 1;
        if (left[i] == 0) break;
    }
    return 0;
}

int wcscmp(const wchar_t* left, const wchar_t* right) noexcept {
    return wcsncmp(left, right, static_cast<size_t>(-1));
}

wchar_t* wmemcpy(wchar_t* __restrict to, const wchar_t* __restrict from, size_t count) noexcept {
    for (size_t i = 0; i < count; ++i) to[i] = from[i];
    return to;
}

wchar_t* wmempcpy(wchar_t* __restrict to, const wchar_t* __restrict from, size_t count) noexcept {
    return wmemcpy(to, from, count) + count;
}

wchar_t* wmemmove(wchar_t* to, const wchar_t* from, size_t count) noexcept {
    if (to < from) {
        for (size_t i = 0; i < count; ++i) to[i] = from[i];
    } else {
        for (size_t i = count; i > 0; --i) to[i - 1] = from[i - 1];
    }
    return to;
}

wchar_t* wmemset(wchar_t* to, wchar_t value, size_t count) noexcept {
    for (size_t i = 0; i < count; ++i) to[i] = value;
    return to;
}

wchar_t* wcpcpy(wchar_t* __restrict to, const wchar_t* __restrict from) noexcept {
    while ((*to = *from++) != 0) ++to;
    return to;
}

wchar_t* wcscpy(wchar_t* __restrict to, const wchar_t* __restrict from) noexcept {
    wcpcpy(to, from);
    return to;
}

// Copies at most `limit` characters and pads with L'\0' up to `limit`; no
// terminator when the source is that long, as C says.
wchar_t* wcsncpy(wchar_t* __restrict to, const wchar_t* __restrict from, size_t limit) noexcept {
    size_t i = 0;
    for (; i < limit && from[i] != 0; ++i) to[i] = from[i];
    for (; i < limit; ++i) to[i] = 0;
    return to;
}

// wcsncpy that returns where the copied string ends (its terminator's
// place, or to + limit when the source is that long).
wchar_t* wcpncpy(wchar_t* __restrict to, const wchar_t* __restrict from, size_t limit) noexcept {
    size_t copied = wcsnlen(from, limit);
    wcsncpy(to, from, limit);
    return to + copied;
}

wchar_t* wcscat(wchar_t* __restrict to, const wchar_t* __restrict from) noexcept {
    wcpcpy(to + wcslen(to), from);
    return to;
}

// Appends at most `limit` characters, and always a terminator.
wchar_t* wcsncat(wchar_t* __restrict to, const wchar_t* __restrict from, size_t limit) noexcept {
    wchar_t* end = to + wcslen(to);
    size_t i = 0;
    for (; i < limit && from[i] != 0; ++i) end[i] = from[i];
    end[i] = 0;
    return to;
}

}  // extern "C"

namespace {

bool contains(const wchar_t* set, wchar_t wanted) {
    for (; *set != 0; ++set)
        if (*set == wanted) return true;
    return false;
}

}  // namespace

extern "C" {

size_t wcsspn(const wchar_t* text, const wchar_t* accepted) noexcept {
    size_t length = 0;
    while (text[length] != 0 && contains(accepted, text[length])) ++length;
    return length;
}

size_t wcscspn(const wchar_t* text, const wchar_t* rejected) noexcept {
    size_t length = 0;
    while (text[length] != 0 && !contains(rejected, text[length])) ++length;
    return length;
}

}  // extern "C"
