// The wide-string number readers' one method (wide_numbers.cpp,
// wide_float128.cpp): in the "C" locale every character of a number is
// ASCII, so the text's leading ASCII run is narrowed to bytes, the byte
// function reads it, and the end it reports is mapped back.
#pragma once

#include <stdlib.h>
#include <wchar.h>

namespace lwp::libc {

// Calls `read(narrow, &narrow_end)` on the narrowed ASCII prefix of `text`
// and sets *end to the matching wide position. Long numbers (digits beyond
// the stack buffer) are read from a malloc'd copy; out of memory, only the
// first part is read, which still gives the right answer for any integer
// and any double within a few hundred digits.
template <typename Number, typename Read>
Number read_wide(const wchar_t* text, wchar_t** end, Read read) {
    size_t length = 0;
    while (text[length] > 0 && text[length] < 0x80) ++length;
    char stack_copy[256];
    char* narrow = stack_copy;
    if (length >= sizeof stack_copy) {
        narrow = static_cast<char*>(malloc(length + 1));
        if (narrow == nullptr) {
            narrow = stack_copy;
            length = sizeof stack_copy - 1;
        }
    }
    for (size_t i = 0; i < length; ++i) narrow[i] = static_cast<char>(text[i]);
    narrow[length] = '\0';
    char* narrow_end = nullptr;  // stays null when the byte function leaves it (a bad base)
    Number value = read(narrow, &narrow_end);
    if (end != nullptr && narrow_end != nullptr)
        *end = const_cast<wchar_t*>(text) + (narrow_end - narrow);
    if (narrow != stack_copy) free(narrow);
    return value;
}

}  // namespace lwp::libc
