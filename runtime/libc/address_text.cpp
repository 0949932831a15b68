#include "address_text.hpp"

#include "integer_parse.hpp"

namespace lwp::libc {
namespace {

// Builds the text in `staged` and copies it to `out` only if it all fits
// with its NUL, so a caller's buffer that is too small is left untouched
// (glibc's inet_ntop leaves it alone too). The longest text is an IPv6
// address with an IPv4 tail: 45 characters.
struct text_buffer {
    char* out;
    std::size_t size;
    char staged[46] = {};
    std::size_t used = 0;

    void put(char c) {
        if (used < sizeof staged) staged[used] = c;
        ++used;
    }
    void put_decimal(unsigned value) {
        char digits[3];
        int count = 0;
        do {
            digits[count++] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (count > 0) put(digits[--count]);
    }
    void put_hex(unsigned value) {
        int shift = 12;
        while (shift > 0 && (value >> shift) == 0) shift -= 4;
        for (; shift >= 0; shift -= 4) put("0123456789abcdef"[(value >> shift) & 0xf]);
    }
    void put_ipv4(const unsigned char* address) {
        for (int i = 0; i < 4; ++i) {
            if (i != 0) put('.');
            put_decimal(address[i]);
        }
    }
    // True, with the text and its NUL in `out`, if they fit there.
    bool finish() {
        if (used >= size || used >= sizeof staged) return false;
        for (std::size_t i = 0; i < used; ++i) out[i] = staged[i];
        out[used] = '\0';
        return true;
    }
};

}  // namespace

bool parse_ipv4(const char* text, unsigned char address[4]) {
    unsigned char parts[4];
    for (int part = 0; part < 4; ++part) {
        if (part != 0 && *text++ != '.') return false;
        if (*text < '0' || *text > '9') return false;
        unsigned value = 0;
        int digits = 0;
        for (; *text >= '0' && *text <= '9'; ++text, ++digits) {
            if (digits == 1 && value == 0) return false;  // a leading zero
            value = value * 10 + static_cast<unsigned>(*text - '0');
            if (value > 255) return false;
        }
        parts[part] = static_cast<unsigned char>(value);
    }
    if (*text != '\0') return false;
    for (int i = 0; i < 4; ++i) address[i] = parts[i];
    return true;
}

bool parse_ipv4_classic(const char* text, unsigned char address[4]) {
    unsigned char bytes[4] = {};
    int dots = 0;
    unsigned long value;
    for (;;) {
        // A part: a digit first, then what strtoul's base 0 would take.
        if (*text < '0' || *text > '9') return false;
        parsed_integer part = parse_integer(text, 0);
        if (part.overflow || part.magnitude > 0xffffffffu) return false;
        value = static_cast<unsigned long>(part.magnitude);
        text = part.end;
        if (*text != '.') break;
        if (dots == 3 || value > 0xff) return false;
        bytes[dots++] = static_cast<unsigned char>(value);
        ++text;
    }
    // The end, or white space (after which anything goes, as with glibc).
    if (*text != '\0' && !is_space(*text)) return false;
    // The last part fills the bytes the others left.
    static constexpr unsigned long largest_last[4] = {0xffffffff, 0xffffff, 0xffff, 0xff};
    if (value > largest_last[dots]) return false;
    for (int i = 3; i >= dots; --i, value >>= 8) bytes[i] = static_cast<unsigned char>(value);
    for (int i = 0; i < 4; ++i) address[i] = bytes[i];
    return true;
}

bool parse_ipv6(const char* text, unsigned char address[16]) {
    unsigned char bytes[16] = {};
    int filled = 0;         // bytes written so far
    int gap = -1;           // where "::" stood, in bytes
    if (*text == ':' && *++text != ':') return false;  // a lone leading ':'
    const char* group_start = text;
    unsigned value = 0;
    int digits = 0;
    for (;;) {
        char c = *text++;
        unsigned digit = digit_value(c);
        if (digit < 16) {
            if (++digits > 4) return false;
            value = value << 4 | digit;
            continue;
        }
        if (c == ':') {
            if (digits == 0) {  // "::": a second one, or one after a group
                if (gap >= 0) return false;
                gap = filled;
            } else {
                if (*text == '\0' || filled + 2 > 16) return false;  // a trailing ':'
                bytes[filled++] = static_cast<unsigned char>(value >> 8);
                bytes[filled++] = static_cast<unsigned char>(value);
            }
            group_start = text;
            value = 0;
            digits = 0;
            continue;
        }
        if (c == '.') {  // the dotted IPv4 tail, from the start of this group
            if (filled + 4 > 16 || !parse_ipv4(group_start, bytes + filled)) return false;
            filled += 4;
            digits = 0;
            break;
        }
        if (c != '\0') return false;
        break;
    }
    if (digits != 0) {
        if (filled + 2 > 16) return false;
        bytes[filled++] = static_cast<unsigned char>(value >> 8);
        bytes[filled++] = static_cast<unsigned char>(value);
    }
    if (gap >= 0) {
        if (filled == 16) return false;  // "::" must stand for at least one group
        int moved = filled - gap;
        for (int i = 1; i <= moved; ++i) {
            bytes[16 - i] = bytes[filled - i];
            bytes[filled - i] = 0;
        }
    } else if (filled != 16) {
        return false;
    }
    for (int i = 0; i < 16; ++i) address[i] = bytes[i];
    return true;
}

bool format_ipv4(const unsigned char address[4], char* out, std::size_t size) {
    text_buffer text{out, size};
    text.put_ipv4(address);
    return text.finish();
}

bool format_ipv6(const unsigned char address[16], char* out, std::size_t size) {
    unsigned groups[8];
    for (int i = 0; i < 8; ++i) groups[i] = address[2 * i] << 8 | address[2 * i + 1];
    // The longest run of zero groups, two or more long; the first of equals.
    int run_start = -1, run_length = 0;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) ++j;
        if (j - i > run_length && j - i >= 2) {
            run_start = i;
            run_length = j - i;
        }
        i = j;
    }
    text_buffer text{out, size};
    for (int i = 0; i < 8; ++i) {
        if (run_start >= 0 && i >= run_start && i < run_start + run_length) {
            if (i == run_start) text.put(':');
            continue;
        }
        if (i != 0) text.put(':');
        // ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (IPv4-mapped).
        if (i == 6 && run_start == 0 &&
            (run_length == 6 || (run_length == 5 && groups[5] == 0xffff))) {
            text.put_ipv4(address + 12);
            return text.finish();
        }
        text.put_hex(groups[i]);
    }
    if (run_start >= 0 && run_start + run_length == 8) text.put(':');
    return text.finish();
}

}  // namespace lwp::libc
