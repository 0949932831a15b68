// A network number as inet_network reads it (network_numbers.cpp), shared
// with /etc/networks (network_database.cpp): up to four parts separated by
// dots, each decimal, octal (a leading 0) or hex (a leading x or 0x, so
// "x1f" too), at most 255, the parts packed from the right ("1.2" is
// 0x0102); white space may follow. INADDR_NONE for anything else. glibc's
// arithmetic, overflow included: a part is summed in 32 bits before its
// check, so "4294967296" wraps to 0 and is taken.
#pragma once

#include <netinet/in.h>
#include <stdint.h>

#include "integer_parse.hpp"

namespace lwp::libc {

inline uint32_t parse_network_number(const char* text) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    uint32_t parts[4];
    int count = 0;
    for (;;) {
        uint32_t value = 0, base = 10;
        bool digits = false;
        if (*text == '0') {
            digits = true;  // "0" alone is a part
            base = 8;
            ++text;
        }
        if (*text == 'x' || *text == 'X') {
            digits = false;  // "0x" alone is not
            base = 16;
            ++text;
        }
        for (;; ++text) {
            int digit = base == 16 ? hex_digit_value(*text) : is_digit(*text) ? *text - '0' : -1;
            if (digit < 0) break;
            if (base == 8 && digit > 7) return INADDR_NONE;
            value = value * base + static_cast<uint32_t>(digit);
            digits = true;
        }
        if (!digits || count == 4 || value > 0xff) return INADDR_NONE;
        parts[count++] = value;
        if (*text != '.') break;
        ++text;
    }
    while (*text == ' ' || (*text >= '\t' && *text <= '\r')) ++text;
    if (*text != '\0') return INADDR_NONE;
    uint32_t number = 0;
    for (int i = 0; i < count; ++i) number = number << 8 | parts[i];
    return number;
}

}  // namespace lwp::libc
