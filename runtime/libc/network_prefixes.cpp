// inet_net_pton inet_net_ntop inet_neta (<arpa/inet.h>): IPv4 network
// numbers with a prefix length ("10.1/16"), as glibc's resolver library
// reads and writes them. Only AF_INET: another family is EAFNOSUPPORT, as
// in glibc.
//
// Reading: dotted decimal parts (each at most 255), or "0x" and hex digits
// taken two to a byte (an odd last digit is the high half of a byte), then
// an optional "/bits" (at most 32). Without "/bits" the width is the
// address class's (8, 16 or 24 bits; 4 for class D, 32 for class E),
// widened to cover every byte written; the bytes the width covers beyond
// those written are zeroed. Text that is not a number is ENOENT, a
// destination too small or a width over 32 EMSGSIZE.
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

bool ascii_digit(int c) { return c >= '0' && c <= '9'; }

int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Appends `value` in decimal at `out`, terminated; the characters written.
size_t put_decimal(char* out, unsigned value) {
    char digits[10];
    size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (size_t i = 0; i < count; ++i) out[i] = digits[count - 1 - i];
    out[count] = '\0';
    return count;
}

int fail(int code) {
    errno = code;
    return -1;
}

int read_ipv4_network(const char* text, unsigned char* out, size_t size) {
    unsigned char* const start = out;
    int c = static_cast<unsigned char>(*text++);
    if (c == '0' && (text[0] == 'x' || text[0] == 'X') && hex_value(static_cast<unsigned char>(text[1])) >= 0) {
        if (size == 0) return fail(EMSGSIZE);
        ++text;
        int pending = 0;
        bool half = false;
        for (;;) {
            c = static_cast<unsigned char>(*text++);
            int digit = hex_value(c);
            if (digit < 0) break;
            if (!half) {
                pending = digit;
                half = true;
                continue;
            }
            if (size == 0) return fail(EMSGSIZE);
            --size;
            *out++ = static_cast<unsigned char>(pending << 4 | digit);
            half = false;
        }
        if (half) {
            if (size == 0) return fail(EMSGSIZE);
            --size;
            *out++ = static_cast<unsigned char>(pending << 4);
        }
    } else if (ascii_digit(c)) {
        for (;;) {
            int part = 0;
            do {
                part = part * 10 + (c - '0');
                if (part > 255) return fail(ENOENT);
                c = static_cast<unsigned char>(*text++);
            } while (ascii_digit(c));
            if (size == 0) return fail(EMSGSIZE);
            --size;
            *out++ = static_cast<unsigned char>(part);
            if (c == '\0' || c == '/') break;
            if (c != '.') return fail(ENOENT);
            c = static_cast<unsigned char>(*text++);
            if (!ascii_digit(c)) return fail(ENOENT);
        }
    } else {
        return fail(ENOENT);
    }

    int bits = -1;
    if (c == '/' && ascii_digit(static_cast<unsigned char>(text[0])) && out > start) {
        c = static_cast<unsigned char>(*text++);
        bits = 0;
        do {
            // Summed without a bound, as glibc does (an int that may wrap).
            bits = static_cast<int>(static_cast<unsigned>(bits) * 10u + static_cast<unsigned>(c - '0'));
            c = static_cast<unsigned char>(*text++);
        } while (ascii_digit(c));
        if (c != '\0') return fail(ENOENT);
        if (bits > 32) return fail(EMSGSIZE);
    }
    if (c != '\0' || out == start) return fail(ENOENT);

    long written_bits = (out - start) * 8;
    if (bits == -1) {
        unsigned first = start[0];
        bits = first >= 240 ? 32 : first >= 224 ? 4 : first >= 192 ? 24 : first >= 128 ? 16 : 8;
        if (bits >= 8 && bits < written_bits) bits = static_cast<int>(written_bits);
    }
    while (bits > (out - start) * 8) {
        if (size == 0) return fail(EMSGSIZE);
        --size;
        *out++ = 0;
    }
    return bits;
}

char* write_ipv4_network(const unsigned char* bytes, int bits, char* text, size_t size) {
    if (bits < 0 || bits > 32) {
        errno = EINVAL;
        return nullptr;
    }
    char* out = text;
    if (bits == 0) {
        if (size < 2) goto too_small;
        *out++ = '0';
        *out = '\0';
        --size;
    }
    for (int whole = bits / 8; whole > 0; --whole) {
        if (size < sizeof "255.") goto too_small;
        char* before = out;
        out += put_decimal(out, *bytes++);
        if (whole > 1) {
            *out++ = '.';
            *out = '\0';
        }
        size -= static_cast<size_t>(out - before);
    }
    if (int partial = bits % 8; partial > 0) {
        if (size < sizeof ".255") goto too_small;
        char* before = out;
        if (out != text) *out++ = '.';
        unsigned mask = ((1u << partial) - 1) << (8 - partial);
        out += put_decimal(out, *bytes & mask);
        size -= static_cast<size_t>(out - before);
    }
    if (size < sizeof "/32") goto too_small;
    *out++ = '/';
    put_decimal(out, static_cast<unsigned>(bits));
    return text;
too_small:
    errno = EMSGSIZE;
    return nullptr;
}

}  // namespace

extern "C" {

int inet_net_pton(int family, const char* text, void* network, size_t size) noexcept {
    if (family != AF_INET) return fail(EAFNOSUPPORT);
    return read_ipv4_network(text, static_cast<unsigned char*>(network), size);
}

char* inet_net_ntop(int family, const void* network, int bits, char* text, size_t size) noexcept {
    if (family != AF_INET) {
        errno = EAFNOSUPPORT;
        return nullptr;
    }
    return write_ipv4_network(static_cast<const unsigned char*>(network), bits, text, size);
}

// The bytes of `network` from the most significant down to the last
// nonzero one, zero bytes skipped (though the dot after the byte before
// them stays): 0x0a000001 is "10.1". All zero is "0.0.0.0".
char* inet_neta(in_addr_t network, char* text, size_t size) noexcept {
    char* out = text;
    uint32_t rest = network;
    while (rest != 0) {
        unsigned byte = rest >> 24;
        rest <<= 8;
        if (byte == 0) continue;
        if (size < sizeof "255.") goto too_small;
        char* before = out;
        out += put_decimal(out, byte);
        if (rest != 0) {
            *out++ = '.';
            *out = '\0';
        }
        size -= static_cast<size_t>(out - before);
    }
    if (out == text) {
        if (size < sizeof "0.0.0.0") goto too_small;
        memcpy(text, "0.0.0.0", sizeof "0.0.0.0");
    }
    return text;
too_small:
    errno = EMSGSIZE;
    return nullptr;
}

}  // extern "C"
