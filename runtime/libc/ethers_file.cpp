// ether_line ether_ntohost ether_hostton (<netinet/ether.h>): /etc/ethers,
// lines of an Ethernet address and a host name, glibc's way.
//
// ether_line parses one line as glibc's does: six octets of one or two hex
// digits, the first five each followed by ':'; after the last, one
// character (a blank, or whatever follows a second digit: glibc does not
// look at it) is stepped over; then blanks, and the host name runs to a
// blank, '#' or the end. No host name (the end or '#' first) is -1.
//
// ether_ntohost and ether_hostton read the file as glibc's "files" source
// does (its nss_files parser, not ether_line): a line is taken after its
// leading blanks, skipped when empty or starting with '#', and cut at its
// first '#'; the six octets are read as strtoull reads base 16 (blanks,
// a sign and "0x" allowed, each at most 0xff), the first five ended by one
// ':', the last by blanks or the end; the name is the next word, and may be
// empty. A line that does not parse is skipped. ether_hostton compares
// names ignoring case; the first match in the file wins; 0 when found, -1
// otherwise (the file missing included). As in glibc, a line of 1023 bytes
// or more (its newline counted) ends the lookup: -1 with errno ERANGE.
// Differences: glibc's reader shifts a line with leading blanks without its
// terminator, so a last line with no newline after leading blanks comes out
// with its tail doubled ("  a" read as "aa"); lwp reads the line as it is.
// A line longer than lwp's line buffer (64 KiB) is skipped rather than
// ending the lookup. ether_ntohost copies the name with no bound, as the
// interface allows nothing else (glibc's too).
#include <errno.h>
#include <netinet/ether.h>
#include <string.h>
#include <strings.h>

#include "integer_parse.hpp"
#include "system_file_lines.hpp"

namespace lwp::libc {
namespace {

// glibc's "files" reader takes lines of at most 1022 bytes (its 1024-byte
// buffer, less the terminator and fgets's NUL).
constexpr std::size_t longest_line = 1022;

// One octet as glibc's parser reads it (strtoull, base 16), followed by
// one ':' (the first five) or by blanks or the end (the last); false if the
// line has no such octet.
bool read_octet(char*& cursor, bool last, unsigned char& octet) {
    parsed_integer number = parse_integer(cursor, 16);
    if (number.end == cursor) return false;
    unsigned long long value =
        number.overflow ? ~0ULL : number.negative ? 0ULL - number.magnitude : number.magnitude;
    if (value > 0xff) return false;
    octet = static_cast<unsigned char>(value);
    char* end = const_cast<char*>(number.end);
    if (!last && *end == ':') {
        ++end;
    } else if (last && is_space(*end)) {
        while (is_space(*end)) ++end;
    } else if (*end != '\0') {
        return false;
    }
    cursor = end;
    return true;
}

// Parses one line of /etc/ethers in place: its address and name (pointing
// into the line), false for a line glibc skips.
bool parse_ethers_line(char* line, ether_addr& address, char*& name) {
    while (is_space(*line)) ++line;
    if (*line == '\0' || *line == '#') return false;
    if (char* comment = strchr(line, '#')) *comment = '\0';
    for (int i = 0; i < 6; ++i)
        if (!read_octet(line, i == 5, address.ether_addr_octet[i])) return false;
    name = line;
    while (*line != '\0' && !is_space(*line)) ++line;
    *line = '\0';
    return true;
}

// Calls match(address, name) on each entry of /etc/ethers until it returns
// true; 0 then, -1 at the end, or with errno ERANGE at a line too long.
template <class Match>
int find_ether_entry(Match match) {
    line_reader reader;
    if (reader.open("/etc/ethers") != 0) return -1;
    while (char* line = reader.next()) {
        if (strlen(line) + (reader.had_newline() ? 1 : 0) > longest_line) {
            errno = ERANGE;
            return -1;
        }
        ether_addr address;
        char* name;
        if (parse_ethers_line(line, address, name) && match(address, name)) return 0;
    }
    return -1;
}

}  // namespace
}  // namespace lwp::libc

extern "C" {

int ether_line(const char* line, struct ether_addr* addr, char* hostname) noexcept {
    using lwp::libc::hex_digit_value;
    using lwp::libc::is_space;
    for (int i = 0; i < 6; ++i) {
        int value = hex_digit_value(*line++);
        if (value < 0) return -1;
        char next = *line;
        bool one_digit = i < 5 ? next == ':' : next == '\0' || is_space(next);
        if (!one_digit) {
            int low = hex_digit_value(*line++);
            if (low < 0) return -1;
            value = value * 16 + low;
            next = *line;
            if (i < 5 && next != ':') return -1;
        }
        addr->ether_addr_octet[i] = static_cast<unsigned char>(value);
        // The ':' or, after the last octet, any one character but the end.
        if (next != '\0') ++line;
    }
    while (is_space(*line)) ++line;
    if (*line == '#' || *line == '\0') return -1;
    while (*line != '\0' && *line != '#' && !is_space(*line)) *hostname++ = *line++;
    *hostname = '\0';
    return 0;
}

int ether_ntohost(char* hostname, const struct ether_addr* addr) noexcept {
    return lwp::libc::find_ether_entry([&](const ether_addr& address, const char* name) {
        if (memcmp(&address, addr, sizeof address) != 0) return false;
        strcpy(hostname, name);
        return true;
    });
}

int ether_hostton(const char* hostname, struct ether_addr* addr) noexcept {
    return lwp::libc::find_ether_entry([&](const ether_addr& address, const char* name) {
        if (strcasecmp(name, hostname) != 0) return false;
        *addr = address;
        return true;
    });
}

}  // extern "C"
