// a64l and l64a (<stdlib.h>): a 32-bit number in radix-64 text, the least
// significant digit first, at most six digits: '.' '/' '0'-'9' 'A'-'Z'
// 'a'-'z' for 0 to 63. a64l reads up to six digits and stops at the first
// byte that is none; l64a writes into one static buffer (not thread-safe, as
// in glibc), the empty string for 0.
#include <stdlib.h>

#include <cstdint>

namespace {

int digit_value(char c) {
    if (c == '.') return 0;
    if (c == '/') return 1;
    if (c >= '0' && c <= '9') return c - '0' + 2;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 12;
    if (c >= 'a' && c <= 'z') return c - 'a' + 38;
    return -1;
}

char digit_of(unsigned value) {
    if (value < 2) return value == 0 ? '.' : '/';
    if (value < 12) return static_cast<char>('0' + value - 2);
    if (value < 38) return static_cast<char>('A' + value - 12);
    return static_cast<char>('a' + value - 38);
}

}  // namespace

extern "C" {

// Bits past the 32nd (the sixth digit's top four) are dropped, as in glibc.
long a64l(const char* text) noexcept {
    std::uint32_t result = 0;
    for (int position = 0; position < 6; ++position) {
        int value = digit_value(text[position]);
        if (value < 0) break;
        result |= static_cast<std::uint32_t>(value) << (6 * position);
    }
    return static_cast<long>(result);
}

// Only the low 32 bits of `number` count.
char* l64a(long number) noexcept {
    static char text[7];
    auto value = static_cast<std::uint32_t>(number);
    int length = 0;
    for (; value != 0; value >>= 6) text[length++] = digit_of(value & 63);
    text[length] = '\0';
    return text;
}

}  // extern "C"
