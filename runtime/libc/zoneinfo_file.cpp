// Reading a TZif file (RFC 8536), the format of /etc/localtime and
// /usr/share/zoneinfo, into a time_zone (time_zone.hpp). Version 1 files
// have only 32-bit transition times; later versions repeat the data with
// 64-bit times after the first block, and end with a POSIX TZ rule for the
// times after the last transition (a footer). Leap-second records (the
// "right/" zones) are skipped, not applied. No C symbols: the hosted unit
// test compiles this file directly.
#include <stdlib.h>
#include <string.h>

#include "time_zone.hpp"

namespace lwp::libc {

namespace {

std::uint32_t read_32(const unsigned char* bytes) {
    return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 | std::uint32_t{bytes[2]} << 8 | bytes[3];
}

std::int64_t read_64(const unsigned char* bytes) {
    return static_cast<std::int64_t>(std::uint64_t{read_32(bytes)} << 32 | read_32(bytes + 4));
}

// The six counts of a header, in file order.
struct header_counts {
    std::uint32_t utc_flags, standard_flags, leap_seconds, transitions, kinds, name_bytes;
};

constexpr std::size_t header_size = 44;

bool read_header(const unsigned char* data, std::size_t size, header_counts& counts) {
    if (size < header_size || memcmp(data, "TZif", 4) != 0) return false;
    const unsigned char* at = data + 20;
    counts = {read_32(at), read_32(at + 4), read_32(at + 8), read_32(at + 12), read_32(at + 16),
              read_32(at + 20)};
    // Each count is bounded by what one file could sensibly hold, so the
    // sizes below cannot overflow.
    return counts.kinds >= 1 && counts.kinds <= most_zone_kinds && counts.name_bytes >= 1 &&
           counts.transitions < (1u << 20) && counts.leap_seconds < (1u << 20) &&
           counts.utc_flags <= counts.kinds && counts.standard_flags <= counts.kinds &&
           counts.name_bytes < (1u << 20);
}

// Bytes of the data block after a header, with `time_size`-byte times.
std::size_t block_size(const header_counts& counts, std::size_t time_size) {
    return counts.transitions * time_size + counts.transitions + counts.kinds * 6 +
           counts.name_bytes + counts.leap_seconds * (time_size + 4) + counts.standard_flags +
           counts.utc_flags;
}

}  // namespace

bool read_zoneinfo(const unsigned char* data, std::size_t size, time_zone& zone) {
    header_counts counts;
    if (!read_header(data, size, counts)) return false;
    char version = static_cast<char>(data[4]);
    std::size_t time_size = 4;
    const unsigned char* block = data + header_size;
    const unsigned char* end = data + size;
    if (version != '\0') {
        // Skip the 32-bit block to the second header and its 64-bit data.
        std::size_t first = block_size(counts, 4);
        if (static_cast<std::size_t>(end - block) < first) return false;
        const unsigned char* second = block + first;
        if (!read_header(second, static_cast<std::size_t>(end - second), counts)) return false;
        block = second + header_size;
        time_size = 8;
    }
    std::size_t data_size = block_size(counts, time_size);
    if (static_cast<std::size_t>(end - block) < data_size) return false;

    const unsigned char* times = block;
    const unsigned char* kind_indexes = times + counts.transitions * time_size;
    const unsigned char* kinds = kind_indexes + counts.transitions;
    const unsigned char* names = kinds + counts.kinds * 6;

    zone.transition_count = counts.transitions;
    zone.transition_times = nullptr;
    zone.transition_kinds = nullptr;
    if (counts.transitions > 0) {
        void* arrays = malloc(counts.transitions * (sizeof(std::int64_t) + 1));
        if (arrays == nullptr) return false;
        zone.transition_times = static_cast<std::int64_t*>(arrays);
        zone.transition_kinds = reinterpret_cast<std::uint8_t*>(zone.transition_times + counts.transitions);
    }
    for (std::uint32_t i = 0; i < counts.transitions; ++i) {
        const unsigned char* at = times + i * time_size;
        std::int64_t when = time_size == 8 ? read_64(at) : static_cast<std::int32_t>(read_32(at));
        if ((i > 0 && when <= zone.transition_times[i - 1]) || kind_indexes[i] >= counts.kinds) {
            free(zone.transition_times);
            zone.transition_times = nullptr;
            return false;
        }
        zone.transition_times[i] = when;
        zone.transition_kinds[i] = kind_indexes[i];
    }

    // Abbreviations are kept up to the buffer's size; one that starts
    // beyond it (never in the tz database) reads as empty.
    std::size_t kept = counts.name_bytes < zone_names_size - 1 ? counts.name_bytes : zone_names_size - 1;
    memcpy(zone.names, names, kept);
    zone.names[kept] = '\0';
    zone.kind_count = static_cast<int>(counts.kinds);
    for (std::uint32_t i = 0; i < counts.kinds; ++i) {
        const unsigned char* at = kinds + i * 6;
        std::uint32_t name = at[5];
        zone.kinds[i] = {static_cast<std::int32_t>(read_32(at)), at[4] != 0,
                         static_cast<std::uint16_t>(name < kept ? name : kept)};
    }

    // The footer: "\n" rule "\n". An empty or unreadable rule is no rule.
    zone.has_rule = false;
    const unsigned char* footer = block + data_size;
    if (time_size == 8 && end - footer >= 2 && *footer == '\n') {
        const unsigned char* close = static_cast<const unsigned char*>(
            memchr(footer + 1, '\n', static_cast<std::size_t>(end - footer - 1)));
        char text[128];
        std::size_t length = close ? static_cast<std::size_t>(close - footer - 1) : sizeof text;
        if (length > 0 && length < sizeof text) {
            memcpy(text, footer + 1, length);
            text[length] = '\0';
            zone.has_rule = parse_posix_time_zone_rule(text, zone.rule) == rule_parse_result::complete;
        }
    }
    zone.from_file = true;
    return true;
}

}  // namespace lwp::libc
