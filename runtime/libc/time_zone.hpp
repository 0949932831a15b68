// A time zone as localtime and mktime use it: a TZif file's transitions
// (zoneinfo_file.cpp) with its footer rule for later times, or a POSIX TZ
// rule alone (posix_time_zone_rule.cpp), found from a TZ value the way
// glibc finds it (time_zone.cpp). No C symbols here: calendar_time.cpp
// holds the C library's current zone and its functions, and the hosted unit
// test builds zones from any TZ value and zoneinfo directory it likes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "posix_time_zone_rule.hpp"

namespace lwp::libc {

// glibc takes at most this many kinds of local time from a file (TZif's
// own limit) and this many bytes of abbreviations.
constexpr int most_zone_kinds = 256;
constexpr int zone_names_size = 512;

struct time_zone {
    struct kind {
        std::int32_t offset;  // seconds east of UTC
        bool is_daylight;
        std::uint16_t name;   // index into names
    };

    // From a TZif file (none for a zone given as a rule): the instants
    // (UTC, ascending) at which local time changes, and the kind that
    // starts at each. One malloc'd block holds both arrays.
    std::int64_t* transition_times;
    std::uint8_t* transition_kinds;
    std::uint32_t transition_count;
    kind kinds[most_zone_kinds];
    int kind_count;
    char names[zone_names_size];

    // TZ's own rule, or the file's footer for times after its last transition.
    bool from_file;
    bool has_rule;
    posix_time_zone_rule rule;

    // What tzset publishes for it in tzname, timezone and daylight.
    const char* published_names[2];
    long seconds_west;
    int has_daylight_time;
};

// Makes `zone` (uninitialised memory is fine) the zone that `tz`, a TZ value
// (null when TZ is unset), names, reading zoneinfo files under
// `zoneinfo_directory`: unset is /etc/localtime, "" and ":" are UTC, ":name"
// or "name" is a file under the directory (or that path if it begins with
// '/'), and a name that is no readable TZif file is read as a POSIX rule.
// Never fails: what cannot be read at all is UTC, as in glibc.
// `restricted`, for a set-user-ID or set-group-ID program (AT_SECURE), as
// glibc does then: a name holding "../", or a path outside the directory
// and other than /etc/localtime, is not opened (it is read as a rule).
void load_time_zone(const char* tz, const char* zoneinfo_directory, time_zone& zone,
                    bool restricted = false);

// Frees what load_time_zone allocated; `zone` may then be loaded again.
void release_time_zone(time_zone& zone);

// Reads a TZif file's contents (versions 1 to 4; the 64-bit data of version
// 2 and later) into `zone`; false for anything malformed.
bool read_zoneinfo(const unsigned char* data, std::size_t size, time_zone& zone);

// The kind of local time at `seconds` (UTC).
local_time_kind zone_kind_at(const time_zone& zone, std::int64_t seconds);

// The first change of local time strictly after `seconds`; false if none.
bool zone_next_change(const time_zone& zone, std::int64_t seconds, std::int64_t& next);

// mktime's choice of the instant that `local` (seconds since the epoch of
// the wall-clock date and time, read as if UTC) names, given tm_isdst
// (negative: unknown), as glibc chooses it in gaps, overlaps and when the
// flag contradicts the zone. Returns the UTC seconds.
std::int64_t zone_local_to_utc(const time_zone& zone, std::int64_t local, int is_daylight);

}  // namespace lwp::libc
