// A POSIX TZ rule string ("EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30",
// "IST-2IDT,M3.4.4/26,M10.5.0"): what TZ may hold directly, and what a
// TZif file's footer holds for the times after its last transition.
#pragma once

#include <cstdint>

namespace lwp::libc {

// Long enough for any abbreviation the tz database uses (at most 6) and
// the names people write in TZ; longer ones are refused.
constexpr int zone_name_size = 16;

// When a change to or from daylight time happens in a year.
struct rule_date {
    enum form_kind : char {
        julian_without_leap_day,  // Jn: 1-365, February 29th never counted
        day_of_year,              // n: 0-365, February 29th counted
        month_week_weekday,       // Mm.w.d: weekday d of week w (5 = last) of month m
    };
    form_kind form;
    int day;      // Jn's or n's number, or Mm.w.d's weekday (0 = Sunday)
    int week;     // Mm.w.d only
    int month;    // Mm.w.d only
    std::int32_t time;  // seconds after the local midnight: -167h to 167h (TZif v3)
};

struct posix_time_zone_rule {
    char standard_name[zone_name_size];
    char daylight_name[zone_name_size];
    std::int32_t standard_offset;  // seconds east of UTC, as tm_gmtoff (TZ's sign inverted)
    std::int32_t daylight_offset;
    bool has_daylight;
    rule_date start;  // of daylight time, in standard time
    rule_date end;    // of daylight time, in daylight time
};

// One of a zone's kinds of local time, as localtime reports it.
struct local_time_kind {
    std::int32_t offset;  // seconds east of UTC
    bool is_daylight;
    const char* name;     // abbreviation, owned by the zone
};

// How much of `text` parsed, for glibc's treatment of a TZ value it can only
// partly read: a name with no offset is UTC under that name.
enum class rule_parse_result {
    complete,     // the whole string is a valid rule
    partial,      // names and offsets read, then something invalid: kept,
                  // with the default rule for daylight time if it has one
    name_only,    // a standard-time name was read, then nothing valid
    nothing,      // not even a name
};

// Parses `text` into `rule`. On name_only the rule is UTC named by the
// standard name (daylight name empty); on nothing, UTC with both names empty.
rule_parse_result parse_posix_time_zone_rule(const char* text, posix_time_zone_rule& rule);

// The kind of local time in effect at `seconds` (UTC) under `rule`.
local_time_kind rule_kind_at(const posix_time_zone_rule& rule, std::int64_t seconds);

// The first change of local time kind strictly after `seconds`, or false if
// the rule has no daylight time.
bool rule_next_change(const posix_time_zone_rule& rule, std::int64_t seconds, std::int64_t& change);

}  // namespace lwp::libc
