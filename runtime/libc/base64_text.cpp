// b64_ntop b64_pton (<resolv.h>, which makes them `__b64_ntop` and
// `__b64_pton`, libresolv's names): RFC 4648 base64, as DNS tools write
// keys and signatures, with glibc's rules.
//
// b64_ntop writes groups of four characters, '=' padding the last, and a
// NUL; -1 if that does not fit. b64_pton skips white space anywhere in the
// data; after the data, one '=' (or two, white space allowed between them)
// may follow a group cut short, then only white space; the bits a short
// group leaves over must be zero; any other character is -1. As in glibc,
// each byte in progress needs a place in the buffer, so a group cut short
// needs one byte more than it yields, and a null target only counts.
#include <resolv.h>

#include <cstddef>

#include "integer_parse.hpp"

namespace {

const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int digit_value(int c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

extern "C" {

int __b64_ntop(const unsigned char* source, size_t length, char* target, size_t size) noexcept {
    size_t written = 0;
    while (length > 0) {
        const unsigned char a = source[0];
        const unsigned char b = length > 1 ? source[1] : 0;
        const unsigned char c = length > 2 ? source[2] : 0;
        if (written + 4 > size) return -1;
        target[written++] = alphabet[a >> 2];
        target[written++] = alphabet[(a & 0x03) << 4 | b >> 4];
        target[written++] = length > 1 ? alphabet[(b & 0x0f) << 2 | c >> 6] : '=';
        target[written++] = length > 2 ? alphabet[c & 0x3f] : '=';
        const size_t used = length > 3 ? 3 : length;
        source += used;
        length -= used;
    }
    if (written >= size) return -1;  // no room for the NUL
    target[written] = '\0';
    return static_cast<int>(written);
}

int __b64_pton(const char* source, unsigned char* target, size_t size) noexcept {
    size_t index = 0;  // the byte being filled
    int position = 0;  // which of the group's four characters comes next
    int c;
    while ((c = static_cast<unsigned char>(*source++)) != '\0') {
        if (lwp::libc::is_space(c)) continue;
        if (c == '=') break;
        const int value = digit_value(c);
        if (value < 0) return -1;
        switch (position) {
            case 0:  // six bits of this byte
                if (target != nullptr) {
                    if (index >= size) return -1;
                    target[index] = static_cast<unsigned char>(value << 2);
                }
                break;
            case 1:  // two bits finish it, four start the next
            case 2:  // four finish it, two start the next
                if (target != nullptr) {
                    if (index + 1 >= size) return -1;
                    const int shift = position == 1 ? 4 : 2;
                    target[index] = static_cast<unsigned char>(target[index] | value >> shift);
                    target[index + 1] = static_cast<unsigned char>(value << (8 - shift));
                }
                ++index;
                break;
            case 3:  // six bits finish it
                if (target != nullptr) {
                    if (index >= size) return -1;
                    target[index] = static_cast<unsigned char>(target[index] | value);
                }
                ++index;
                break;
        }
        position = (position + 1) % 4;
    }
    if (c != '=') return position == 0 ? static_cast<int>(index) : -1;  // no group cut short
    // Padding: after two characters of a group, "==" (blanks between
    // allowed); after three, "="; then nothing but white space.
    if (position < 2) return -1;
    c = static_cast<unsigned char>(*source++);
    if (position == 2) {
        while (c != '\0' && lwp::libc::is_space(c)) c = static_cast<unsigned char>(*source++);
        if (c != '=') return -1;
        c = static_cast<unsigned char>(*source++);
    }
    for (; c != '\0'; c = static_cast<unsigned char>(*source++))
        if (!lwp::libc::is_space(c)) return -1;
    // The bits left over from the short group must be zero.
    if (target != nullptr && target[index] != 0) return -1;
    return static_cast<int>(index);
}

}  // extern "C"
