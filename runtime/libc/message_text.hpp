// What strerror and strsignal share: their texts in one NUL-separated string
// indexed by number, and "<words> N" for a number without a text.
#pragma once

#include <string.h>

namespace lwp::libc {

// The index-th string of a NUL-separated table (the caller checks the range).
inline const char* nth_message(const char* table, int index) {
    for (int i = 0; i < index; ++i) table += strlen(table) + 1;
    return table;
}

// Writes `value` in decimal at `out` (at most 11 characters and a NUL).
inline void write_decimal(char* out, int value) {
    char digits[12];
    char* first = digits + sizeof digits;
    unsigned magnitude = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
    do *--first = static_cast<char>('0' + magnitude % 10); while (magnitude /= 10);
    if (value < 0) *--first = '-';
    size_t length = static_cast<size_t>(digits + sizeof digits - first);
    memcpy(out, first, length);
    out[length] = '\0';
}

}  // namespace lwp::libc
