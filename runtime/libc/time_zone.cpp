// Finding a time zone from a TZ value and answering localtime's and
// mktime's questions about it (time_zone.hpp). Files are read with plain
// system calls, never stdio: no stream shared with the program, and no
// cancellation point that could end a thread with the file open. No C
// symbols: the hosted unit test compiles this file directly.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "time_zone.hpp"

namespace lwp::libc {

namespace {

// Larger than any TZif file of the tz database (the biggest are a few KiB).
constexpr std::size_t most_zoneinfo_bytes = 256 * 1024;

bool read_zoneinfo_file(const char* path, time_zone& zone) {
    long fd = arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path), O_RDONLY | O_CLOEXEC, 0);
    if (sys::failed(fd)) return false;
    unsigned char* data = static_cast<unsigned char*>(malloc(most_zoneinfo_bytes));
    std::size_t size = 0;
    bool complete = data != nullptr;
    while (complete && size < most_zoneinfo_bytes) {
        long count = arch::syscall3(__NR_read, fd, reinterpret_cast<long>(data + size),
                                    static_cast<long>(most_zoneinfo_bytes - size));
        if (count == -EINTR) continue;
        if (sys::failed(count)) complete = false;
        else if (count == 0) break;
        else size += static_cast<std::size_t>(count);
    }
    arch::syscall1(__NR_close, fd);
    bool read = complete && read_zoneinfo(data, size, zone);
    free(data);
    return read;
}

void set_utc(time_zone& zone, const char* standard_name, const char* daylight_name) {
    posix_time_zone_rule& rule = zone.rule;
    rule = posix_time_zone_rule{};
    strncpy(rule.standard_name, standard_name, zone_name_size - 1);
    strncpy(rule.daylight_name, daylight_name, zone_name_size - 1);
    zone.has_rule = true;
}

// tzname, timezone and daylight as glibc sets them when it loads a zone.
// From a file: the abbreviations of the last standard-time and last
// daylight-time kinds the transitions reach (the first kind if there are
// none); timezone from the last standard-time transition's offset (0 if no
// transition is to standard time, the only kind's offset if there are no
// transitions); daylight when any transition is to daylight time, whatever
// its offset (a zone whose "daylight" time has the standard offset, or
// lies behind it, as Casablanca's does, still has one). From a rule: its
// names and offsets.
void publish(time_zone& zone) {
    if (!zone.from_file) {
        zone.published_names[0] = zone.rule.standard_name;
        zone.published_names[1] = zone.rule.daylight_name;
        zone.seconds_west = -static_cast<long>(zone.rule.standard_offset);
        zone.has_daylight_time = zone.rule.standard_offset != zone.rule.daylight_offset;
        return;
    }
    const char* names[2] = {nullptr, nullptr};
    for (std::uint32_t i = zone.transition_count; i-- > 0;) {
        const time_zone::kind& kind = zone.kinds[zone.transition_kinds[i]];
        int daylight = kind.is_daylight ? 1 : 0;
        if (names[daylight] == nullptr) names[daylight] = zone.names + kind.name;
        if (names[1 - daylight] != nullptr) break;
    }
    if (names[0] == nullptr) names[0] = zone.names + zone.kinds[0].name;
    if (names[1] == nullptr) names[1] = names[0];
    std::int32_t standard_offset = zone.transition_count ? 0 : zone.kinds[0].offset;
    for (std::uint32_t i = zone.transition_count; i-- > 0;) {
        const time_zone::kind& kind = zone.kinds[zone.transition_kinds[i]];
        if (!kind.is_daylight) {
            standard_offset = kind.offset;
            break;
        }
    }
    bool any_daylight = false;
    for (std::uint32_t i = 0; i < zone.transition_count && !any_daylight; ++i)
        any_daylight = zone.kinds[zone.transition_kinds[i]].is_daylight;
    zone.published_names[0] = names[0];
    zone.published_names[1] = names[1];
    zone.seconds_west = -static_cast<long>(standard_offset);
    zone.has_daylight_time = any_daylight;
}

local_time_kind file_kind(const time_zone& zone, int index) {
    const time_zone::kind& kind = zone.kinds[index];
    return {kind.offset, kind.is_daylight, zone.names + kind.name};
}

// A file name a restricted program may not open (load_time_zone).
bool escapes_directory(const char* name, const char* zoneinfo_directory) {
    if (strstr(name, "../") != nullptr) return true;
    if (*name != '/' || strcmp(name, "/etc/localtime") == 0) return false;
    std::size_t length = strlen(zoneinfo_directory);
    return strncmp(name, zoneinfo_directory, length) != 0 || name[length] != '/';
}

}  // namespace

void load_time_zone(const char* tz, const char* zoneinfo_directory, time_zone& zone, bool restricted) {
    zone.transition_times = nullptr;
    zone.transition_kinds = nullptr;
    zone.transition_count = 0;
    zone.kind_count = 0;
    zone.from_file = false;
    zone.has_rule = false;
    bool loaded = false;
    if (tz == nullptr) {
        loaded = read_zoneinfo_file("/etc/localtime", zone);
    } else {
        if (*tz == ':') ++tz;
        if (*tz == '\0') {
            // "" and ":" mean UTC.
        } else if (restricted && escapes_directory(tz, zoneinfo_directory)) {
            // Not opened: read as a rule below.
        } else if (*tz == '/') {
            loaded = read_zoneinfo_file(tz, zone);
        } else {
            // Outside a restricted program a name may hold "..", as with
            // glibc: it reads whatever file it reaches.
            std::size_t directory_length = strlen(zoneinfo_directory);
            std::size_t name_length = strlen(tz);
            if (directory_length + name_length + 2 <= 4096) {
                char path[4096];
                memcpy(path, zoneinfo_directory, directory_length);
                path[directory_length] = '/';
                memcpy(path + directory_length + 1, tz, name_length + 1);
                loaded = read_zoneinfo_file(path, zone);
            }
        }
        if (!loaded && *tz != '\0') {
            // Not a file: a POSIX rule, or as much of one as reads (glibc
            // keeps a name with no offset, as UTC under that name).
            parse_posix_time_zone_rule(tz, zone.rule);
            zone.has_rule = true;
            publish(zone);
            return;
        }
    }
    if (!loaded) set_utc(zone, "UTC", "UTC");
    publish(zone);
}

void release_time_zone(time_zone& zone) {
    free(zone.transition_times);
    zone.transition_times = nullptr;
    zone.transition_kinds = nullptr;
    zone.transition_count = 0;
}

local_time_kind zone_kind_at(const time_zone& zone, std::int64_t seconds) {
    if (!zone.from_file) return rule_kind_at(zone.rule, seconds);
    std::uint32_t count = zone.transition_count;
    if (count == 0 || seconds < zone.transition_times[0]) {
        // Before the first transition: the first standard-time kind, as
        // glibc chooses (the first kind if all are daylight time).
        for (int i = 0; i < zone.kind_count; ++i)
            if (!zone.kinds[i].is_daylight) return file_kind(zone, i);
        return file_kind(zone, 0);
    }
    if (seconds >= zone.transition_times[count - 1] && zone.has_rule)
        return rule_kind_at(zone.rule, seconds);
    // The last transition at or before `seconds`.
    std::uint32_t low = 0, high = count;  // transition_times[low] <= seconds < [high]
    while (high - low > 1) {
        std::uint32_t middle = low + (high - low) / 2;
        if (zone.transition_times[middle] <= seconds) low = middle;
        else high = middle;
    }
    return file_kind(zone, zone.transition_kinds[low]);
}

bool zone_next_change(const time_zone& zone, std::int64_t seconds, std::int64_t& next) {
    if (!zone.from_file) return rule_next_change(zone.rule, seconds, next);
    std::uint32_t count = zone.transition_count;
    if (count == 0) return false;
    if (seconds >= zone.transition_times[count - 1])
        return zone.has_rule && rule_next_change(zone.rule, seconds, next);
    // The first transition after `seconds`.
    std::uint32_t low = 0, high = count - 1;
    while (low < high) {
        std::uint32_t middle = low + (high - low) / 2;
        if (zone.transition_times[middle] > seconds) high = middle;
        else low = middle + 1;
    }
    next = zone.transition_times[low];
    return true;
}

std::int64_t zone_local_to_utc(const time_zone& zone, std::int64_t local, int is_daylight) {
    // Every instant whose local time could be `local` lies within a day and
    // a bit of it (offsets stay within 26 hours): the interpretations are
    // the kinds in effect over that window whose offset, applied, lands
    // where that same offset is in effect.
    constexpr std::int64_t reach = 26 * 3600;
    constexpr int most = 16;
    std::int64_t valid[most];
    int valid_count = 0;
    // For a gap: the change that jumps over `local`, and its kinds.
    bool in_gap = false;
    local_time_kind gap_before{}, gap_after{};

    std::int64_t at = local - reach;
    local_time_kind kind = zone_kind_at(zone, at);
    for (int steps = 0; steps < most; ++steps) {
        std::int64_t candidate = local - kind.offset;
        if (zone_kind_at(zone, candidate).offset == kind.offset) {
            bool seen = false;
            for (int i = 0; i < valid_count; ++i) seen = seen || valid[i] == candidate;
            if (!seen) valid[valid_count++] = candidate;
        }
        std::int64_t next;
        if (!zone_next_change(zone, at, next) || next > local + reach) break;
        local_time_kind after = zone_kind_at(zone, next);
        if (!in_gap && local >= next + kind.offset && local < next + after.offset) {
            in_gap = true;
            gap_before = kind;
            gap_after = after;
        }
        at = next;
        kind = after;
    }

    if (valid_count == 0) {
        if (!in_gap) return local - zone_kind_at(zone, local).offset;  // cannot happen
        // A time the clocks skipped. Read with the offset before the change
        // it lands after the change; with the offset after, before it. glibc
        // returns the reading whose daylight flag differs from tm_isdst (for
        // -1, the one in daylight time); where both sides have the same
        // flag, the reading before the change.
        std::int64_t past = local - gap_before.offset;  // lands in gap_after's kind
        std::int64_t early = local - gap_after.offset;  // lands in gap_before's kind
        if (gap_after.is_daylight == gap_before.is_daylight) return early;
        bool wanted = is_daylight < 0 ? true : is_daylight == 0;
        return gap_after.is_daylight == wanted ? past : early;
    }

    // In an overlap the later reading (for NY's autumn, standard time),
    // unless tm_isdst picks the other one.
    std::int64_t chosen = valid[0];
    for (int i = 1; i < valid_count; ++i)
        if (valid[i] > chosen) chosen = valid[i];
    if (is_daylight < 0) return chosen;
    bool wanted = is_daylight != 0;
    bool found = false;
    for (int i = 0; i < valid_count; ++i) {
        if (zone_kind_at(zone, valid[i]).is_daylight != wanted) continue;
        if (!found || valid[i] > chosen) chosen = valid[i];
        found = true;
    }
    if (found) return chosen;

    // tm_isdst contradicts the zone at that time: as glibc does, use the
    // offset of the nearest time (probing a week apart, up to about seven
    // years either way) whose daylight flag is the one asked for, or else
    // assume daylight time is one hour ahead of standard time.
    constexpr std::int64_t stride = 601200;
    constexpr std::int64_t bound = 457243200 / 2 + stride;
    for (std::int64_t delta = stride; delta < bound; delta += stride) {
        for (int direction = -1; direction <= 1; direction += 2) {
            local_time_kind probe = zone_kind_at(zone, chosen + direction * delta);
            if (probe.is_daylight == wanted) return local - probe.offset;
        }
    }
    return chosen + (wanted ? -3600 : 3600);
}

}  // namespace lwp::libc
