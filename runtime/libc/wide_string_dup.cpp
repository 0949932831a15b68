// wcsdup: kept apart from wide_strings.cpp so that a program using only
// wcslen and friends does not pull in malloc.
#include <stdlib.h>
#include <wchar.h>

extern "C" wchar_t* wcsdup(const wchar_t* text) noexcept {
    size_t count = wcslen(text) + 1;
    auto* copy = static_cast<wchar_t*>(malloc(count * sizeof(wchar_t)));
    if (copy) wmemcpy(copy, text, count);
    return copy;  // malloc has set errno (ENOMEM) when null
}
