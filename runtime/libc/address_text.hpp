// Numeric internet addresses as text and back: the engine of inet_pton and
// inet_ntop (internet_address.cpp), in namespace lwp::libc so that the unit
// tests can set it beside glibc's. No locale, no name lookup.
#pragma once

#include <cstddef>

namespace lwp::libc {

// Strict dotted decimal: exactly four parts of 1 to 3 digits, each at most
// 255, no leading zeros, nothing after. True if `text` is one; `address` is
// written only then.
bool parse_ipv4(const char* text, unsigned char address[4]);

// inet_aton's older, looser reading, which getaddrinfo also uses: one to
// four parts, each decimal, octal (a leading 0) or hex (0x), the last one
// filling the bytes left ("127.1" is 127.0.0.1); the text may go on after
// white space. True if it is one.
bool parse_ipv4_classic(const char* text, unsigned char address[4]);

// RFC 4291's forms: eight groups of 1 to 4 hex digits, one "::" standing for
// one or more zero groups, and a dotted IPv4 tail in place of the last two.
bool parse_ipv6(const char* text, unsigned char address[16]);

// The text of an address into `out` (`size` bytes, the terminating NUL
// included); false, writing nothing, if it does not fit. IPv6 is printed in
// RFC 5952's recommended form, as glibc prints it: lowercase, no leading
// zeros, the longest run of two or more zero groups (the first of equals) as
// "::", and an IPv4 tail for IPv4-mapped and IPv4-compatible addresses.
bool format_ipv4(const unsigned char address[4], char* out, std::size_t size);
bool format_ipv6(const unsigned char address[16], char* out, std::size_t size);

}  // namespace lwp::libc
