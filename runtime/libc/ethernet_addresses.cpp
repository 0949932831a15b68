// ether_aton ether_aton_r ether_ntoa ether_ntoa_r (<netinet/ether.h>): a
// 48-bit Ethernet address to and from its text, glibc's way: six octets of
// one or two hex digits (either case) separated by ':', the last followed by
// the end of the string or a blank; printed in lower case without leading
// zeros ("0:1a:2b:3c:4d:5e"). The plain forms use one static buffer for the
// process, as glibc's do. ether_line, ether_ntohost and ether_hostton
// (/etc/ethers) are in ethers_file.cpp.
#include <ctype.h>
#include <netinet/ether.h>

#include "integer_parse.hpp"

namespace {

using lwp::libc::hex_digit_value;

char* append_hex(char* out, unsigned value) {
    const char digits[] = "0123456789abcdef";
    if (value >= 16) *out++ = digits[value >> 4];
    *out++ = digits[value & 15];
    return out;
}

}  // namespace

extern "C" {

struct ether_addr* ether_aton_r(const char* text, struct ether_addr* address) noexcept {
    for (int octet = 0; octet < 6; ++octet) {
        int value = hex_digit_value(*text++);
        if (value < 0) return nullptr;
        // What follows the first digit: the separator (or, after the last
        // octet, the end or a blank), else a second digit.
        char next = *text;
        bool ends_here = octet < 5 ? next == ':' : next == '\0' || isspace(static_cast<unsigned char>(next));
        if (!ends_here) {
            int low = hex_digit_value(next);
            if (low < 0) return nullptr;
            value = value * 16 + low;
            ++text;
            if (octet < 5 && *text != ':') return nullptr;
        }
        address->ether_addr_octet[octet] = static_cast<uint8_t>(value);
        ++text;  // past the ':'
    }
    return address;
}

struct ether_addr* ether_aton(const char* text) noexcept {
    static struct ether_addr address;
    return ether_aton_r(text, &address);
}

char* ether_ntoa_r(const struct ether_addr* address, char* text) noexcept {
    char* out = text;
    for (int octet = 0; octet < 6; ++octet) {
        if (octet > 0) *out++ = ':';
        out = append_hex(out, address->ether_addr_octet[octet]);
    }
    *out = '\0';
    return text;
}

char* ether_ntoa(const struct ether_addr* address) noexcept {
    static char text[18];  // "xx:xx:xx:xx:xx:xx"
    return ether_ntoa_r(address, text);
}

}  // extern "C"
