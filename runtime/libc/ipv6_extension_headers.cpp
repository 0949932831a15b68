// RFC 3542's helpers for IPv6 extension headers carried as ancillary data:
// Hop-by-Hop and Destination options (inet6_opt_*) and the type 0 Routing
// header (inet6_rth_*). They only lay out or read bytes in the caller's
// buffer; nothing here talks to the kernel.
//
// glibc's results for out-of-range arguments follow from C's usual
// conversions between its `int` offsets and the unsigned `socklen_t`
// lengths (a negative offset compares as a huge unsigned one, so it passes
// the "at least past the header" check and then fails or wraps later). The
// comparisons below keep those types on purpose, so that the same
// arguments give the same answer and the same bytes.
#include <netinet/in.h>
#include <netinet/ip6.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

namespace {

// The fixed part every options header starts with: next-header and length.
constexpr size_t options_header_size = sizeof(ip6_hbh);
// Each option's own type and length bytes.
constexpr size_t option_header_size = sizeof(ip6_opt);

// Fills `count` bytes at `at` with padding: a lone Pad1 byte for one, a
// PadN option with zeroed contents for more (RFC 2460 section 4.2).
void write_padding(uint8_t* at, int count) {
    if (count == 1) {
        at[0] = IP6OPT_PAD1;
    } else if (count > 1) {
        at[0] = IP6OPT_PADN;
        at[1] = static_cast<uint8_t>(count - option_header_size);
        memset(at + option_header_size, 0, at[1]);
    }
}

// Addresses a routing header of `length` (its 8-octet units after the first
// 8) can hold; computed as size_t as glibc does, which matters only when a
// caller compares it with a negative index.
size_t routing_capacity(const ip6_rthdr* header) {
    return header->ip6r_len * 8 / sizeof(in6_addr);
}

} // namespace

extern "C" {

int inet6_opt_init(void* extbuf, socklen_t extlen) noexcept {
    if (extbuf != nullptr) {
        // The header length field counts 8-octet units beyond the first,
        // so 8 to 2048 bytes in steps of 8 are all it can describe.
        if (extlen == 0 || extlen % 8 != 0 || extlen > 256 * 8) return -1;
        static_cast<ip6_hbh*>(extbuf)->ip6h_len = static_cast<uint8_t>(extlen / 8 - 1);
    }
    return options_header_size;
}

int inet6_opt_append(void* extbuf, socklen_t extlen, int offset, uint8_t type, socklen_t len,
                     uint8_t align, void** databufp) noexcept {
    if (static_cast<size_t>(offset) < options_header_size) return -1;
    // Padding is added by this function itself, never asked for.
    if (type == IP6OPT_PAD1 || type == IP6OPT_PADN) return -1;
    if (len > 255) return -1;
    if (align == 0 || align > 8 || (align & (align - 1)) != 0 || align > len) return -1;
    // The alignment asked for is that of the data, which follows the
    // option's two header bytes.
    int data_offset = offset + static_cast<int>(option_header_size);
    int padding = (align - data_offset % align) & (align - 1);
    if (extbuf != nullptr) {
        if (data_offset + padding + len > extlen) return -1;
        auto* bytes = static_cast<uint8_t*>(extbuf);
        write_padding(bytes + offset, padding);
        uint8_t* option = bytes + offset + padding;
        option[0] = type;
        option[1] = static_cast<uint8_t>(len);
        *databufp = option + option_header_size;
    }
    // Unsigned, as glibc's size_t sum is, so that an offset near INT_MAX
    // wraps instead of overflowing.
    return static_cast<int>(static_cast<unsigned>(offset) + padding + option_header_size + len);
}

int inet6_opt_finish(void* extbuf, socklen_t extlen, int offset) noexcept {
    if (static_cast<size_t>(offset) < options_header_size) return -1;
    int padding = (8 - (offset & 7)) & 7;
    if (extbuf != nullptr) {
        if (static_cast<socklen_t>(offset + padding) > extlen) return -1;
        write_padding(static_cast<uint8_t*>(extbuf) + offset, padding);
    }
    return offset + padding;
}

int inet6_opt_set_val(void* databuf, int offset, void* val, socklen_t vallen) noexcept {
    memcpy(static_cast<uint8_t*>(databuf) + offset, val, vallen);
    return offset + static_cast<int>(vallen);
}

int inet6_opt_get_val(void* databuf, int offset, void* val, socklen_t vallen) noexcept {
    memcpy(val, static_cast<uint8_t*>(databuf) + offset, vallen);
    return offset + static_cast<int>(vallen);
}

int inet6_opt_next(void* extbuf, socklen_t extlen, int offset, uint8_t* typep, socklen_t* lenp,
                   void** databufp) noexcept {
    if (offset == 0) {
        offset = options_header_size;
    } else if (static_cast<size_t>(offset) < options_header_size) {
        return -1;
    }
    auto* bytes = static_cast<uint8_t*>(extbuf);
    while (static_cast<socklen_t>(offset) < extlen) {
        uint8_t* option = bytes + offset;
        if (option[0] == IP6OPT_PAD1) {
            offset += 1;
            continue;
        }
        offset += static_cast<int>(option_header_size) + option[1];
        if (option[0] == IP6OPT_PADN) continue;
        // An option whose claimed length runs past the header ends the
        // walk with an error rather than handing out a pointer past it.
        if (static_cast<socklen_t>(offset) > extlen) return -1;
        *typep = option[0];
        *lenp = option[1];
        *databufp = option + option_header_size;
        return offset;
    }
    return -1;
}

int inet6_opt_find(void* extbuf, socklen_t extlen, int offset, uint8_t type, socklen_t* lenp,
                   void** databufp) noexcept {
    if (offset == 0) {
        offset = options_header_size;
    } else if (static_cast<size_t>(offset) < options_header_size) {
        return -1;
    }
    auto* bytes = static_cast<uint8_t*>(extbuf);
    while (static_cast<socklen_t>(offset) < extlen) {
        uint8_t* option = bytes + offset;
        if (option[0] == IP6OPT_PAD1) {
            // A Pad1 has no length byte: asking for it finds it, with no
            // data, and the data pointer just past it.
            offset += 1;
            if (type == IP6OPT_PAD1) {
                *lenp = 0;
                *databufp = bytes + offset;
                return offset;
            }
            continue;
        }
        offset += static_cast<int>(option_header_size) + option[1];
        if (option[0] != type) continue;
        if (static_cast<socklen_t>(offset) > extlen) return -1;
        *lenp = option[1];
        *databufp = option + option_header_size;
        return offset;
    }
    return -1;
}

socklen_t inet6_rth_space(int type, int segments) noexcept {
    // Type 0 is the only routing header these functions know; its
    // segment count is limited by the 8-bit length field (127 addresses
    // of 16 bytes is 254 units of 8).
    if (type != IPV6_RTHDR_TYPE_0 || segments < 0 || segments > 127) return 0;
    return sizeof(ip6_rthdr0) + segments * sizeof(in6_addr);
}

void* inet6_rth_init(void* bp, socklen_t bp_len, int type, int segments) noexcept {
    if (type != IPV6_RTHDR_TYPE_0 || segments < 0 || segments > 127) return nullptr;
    socklen_t size = sizeof(ip6_rthdr0) + segments * sizeof(in6_addr);
    if (size > bp_len) return nullptr;
    memset(bp, 0, size);
    auto* header = static_cast<ip6_rthdr*>(bp);
    header->ip6r_len = static_cast<uint8_t>(segments * sizeof(in6_addr) / 8);
    header->ip6r_type = IPV6_RTHDR_TYPE_0;
    return bp;
}

int inet6_rth_add(void* bp, const in6_addr* addr) noexcept {
    auto* header = static_cast<ip6_rthdr0*>(bp);
    if (header->ip6r0_type != IPV6_RTHDR_TYPE_0) return -1;
    // While building, segleft counts the addresses added so far. Only a
    // full header is refused: the difference is unsigned, so a segleft
    // already past the capacity (a header not built by inet6_rth_init)
    // is not caught, as in glibc.
    if (routing_capacity(reinterpret_cast<ip6_rthdr*>(header)) - header->ip6r0_segleft < 1) return -1;
    memcpy(&header->ip6r0_addr[header->ip6r0_segleft], addr, sizeof(in6_addr));
    header->ip6r0_segleft++;
    return 0;
}

int inet6_rth_reverse(const void* in, void* out) noexcept {
    auto* source = static_cast<const ip6_rthdr0*>(in);
    if (source->ip6r0_type != IPV6_RTHDR_TYPE_0) return -1;
    auto* target = static_cast<ip6_rthdr0*>(out);
    // `in` and `out` may be the same buffer (reversing in place), so the
    // fixed part is moved and the addresses swapped pairwise, each pair
    // read before either is written.
    memmove(target, source, sizeof(ip6_rthdr0));
    int total = static_cast<int>(source->ip6r0_len * 8 / sizeof(in6_addr));
    for (int front = 0, back = total - 1; front < total / 2; ++front, --back) {
        in6_addr first;
        in6_addr last;
        memcpy(&first, &source->ip6r0_addr[front], sizeof first);
        memcpy(&last, &source->ip6r0_addr[back], sizeof last);
        memcpy(&target->ip6r0_addr[front], &last, sizeof last);
        memcpy(&target->ip6r0_addr[back], &first, sizeof first);
    }
    if (total % 2 != 0 && in != out) {
        memcpy(&target->ip6r0_addr[total / 2], &source->ip6r0_addr[total / 2], sizeof(in6_addr));
    }
    target->ip6r0_segleft = static_cast<uint8_t>(total);
    return 0;
}

int inet6_rth_segments(const void* bp) noexcept {
    auto* header = static_cast<const ip6_rthdr*>(bp);
    if (header->ip6r_type != IPV6_RTHDR_TYPE_0) return -1;
    return static_cast<int>(routing_capacity(header));
}

in6_addr* inet6_rth_getaddr(const void* bp, int index) noexcept {
    auto* header = static_cast<const ip6_rthdr0*>(bp);
    if (header->ip6r0_type != IPV6_RTHDR_TYPE_0) return nullptr;
    // Compared unsigned, so a negative index is out of range too.
    if (static_cast<size_t>(index) >= routing_capacity(reinterpret_cast<const ip6_rthdr*>(header))) {
        return nullptr;
    }
    return const_cast<in6_addr*>(&header->ip6r0_addr[index]);
}

} // extern "C"
