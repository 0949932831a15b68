// inet_nsap_addr inet_nsap_ntoa (<arpa/inet.h>): OSI network service access
// point addresses (the DNS NSAP record) between bytes and their hex text, as
// glibc's resolver library converts them. Text to bytes: pairs of hex digits,
// either case, with '.', '+' and '/' skipped wherever they stand; anything
// else, or a digit without its pair, makes the whole answer 0. Bytes to text:
// upper-case hex, a '.' after the first byte and then after every two, at
// most 255 bytes' worth.
#include <arpa/inet.h>

#include "integer_parse.hpp"

namespace {

using lwp::libc::hex_digit_value;

char hex_digit(unsigned value) { return "0123456789ABCDEF"[value & 0xf]; }

// 255 bytes, their 255 dots at most, and the terminator: what the static
// buffer of a null `text` must hold.
char shared_text[255 * 3 + 1];

}  // namespace

extern "C" {

// The number of bytes stored, at most `capacity`; the text after the
// `capacity`th byte is not looked at. The capacity is taken as unsigned, as
// glibc takes it, so a negative one sets no limit. Bytes before a bad
// character are stored, though the answer is then 0.
unsigned inet_nsap_addr(const char* text, unsigned char* bytes, int capacity) noexcept {
    unsigned stored = 0;
    for (; *text != '\0' && stored < static_cast<unsigned>(capacity); ++text) {
        unsigned char c = static_cast<unsigned char>(*text);
        if (c == '.' || c == '+' || c == '/') continue;
        int high = hex_digit_value(static_cast<char>(c));
        if (high < 0) return 0;
        int low = hex_digit_value(*++text);
        if (low < 0) return 0;  // also a lone digit at the end
        bytes[stored++] = static_cast<unsigned char>(high << 4 | low);
    }
    return stored;
}

// Into `text`, or into one static buffer when it is null (not thread-safe,
// as in glibc).
char* inet_nsap_ntoa(int length, const unsigned char* bytes, char* text) noexcept {
    char* start = text ? text : shared_text;
    char* out = start;
    if (length > 255) length = 255;
    for (int i = 0; i < length; ++i) {
        *out++ = hex_digit(bytes[i] >> 4);
        *out++ = hex_digit(bytes[i]);
        if (i % 2 == 0 && i + 1 < length) *out++ = '.';
    }
    *out = '\0';
    return start;
}

}  // extern "C"
