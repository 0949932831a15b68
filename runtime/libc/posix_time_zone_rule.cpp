// Reading and applying POSIX TZ rule strings (posix_time_zone_rule.hpp).
// No C symbols: the hosted unit test compiles this file directly.
#include "posix_time_zone_rule.hpp"

#include "calendar.hpp"

namespace lwp::libc {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A zone name: three or more letters, or "<...>" of letters, digits and
// signs (three or more of them), as POSIX and glibc require.
bool parse_name(const char*& text, char (&name)[zone_name_size]) {
    const char* cursor = text;
    int length = 0;
    if (*cursor == '<') {
        ++cursor;
        while (is_letter(*cursor) || is_digit(*cursor) || *cursor == '+' || *cursor == '-') {
            if (length == zone_name_size - 1) return false;
            name[length++] = *cursor++;
        }
        if (*cursor != '>' || length < 3) return false;
        ++cursor;
    } else {
        while (is_letter(*cursor)) {
            if (length == zone_name_size - 1) return false;
            name[length++] = *cursor++;
        }
        if (length < 3) return false;
    }
    name[length] = '\0';
    text = cursor;
    return true;
}

// [+-]hh[:mm[:ss]], hours at most `most_hours`: seconds, sign as written.
bool parse_clock(const char*& text, int most_hours, std::int32_t& seconds) {
    const char* cursor = text;
    int sign = 1;
    if (*cursor == '+' || *cursor == '-') sign = *cursor++ == '-' ? -1 : 1;
    int parts[3] = {0, 0, 0};
    for (int part = 0; part < 3; ++part) {
        if (part > 0) {
            if (*cursor != ':' || !is_digit(cursor[1])) break;
            ++cursor;
        }
        if (!is_digit(*cursor)) return false;
        int value = 0, digits = 0;
        while (is_digit(*cursor) && digits < 3) value = value * 10 + (*cursor++ - '0'), ++digits;
        if (is_digit(*cursor)) return false;
        if (part > 0 && (digits != 2 || value > 59)) return false;
        parts[part] = value;
    }
    if (parts[0] > most_hours) return false;
    seconds = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    text = cursor;
    return true;
}

bool parse_number(const char*& text, int lowest, int highest, int& value) {
    if (!is_digit(*text)) return false;
    long long number = 0;
    while (is_digit(*text)) {
        number = number * 10 + (*text++ - '0');
        if (number > highest) return false;
    }
    if (number < lowest) return false;
    value = static_cast<int>(number);
    return true;
}

// Jn, n or Mm.w.d, then an optional /time (02:00 without one).
bool parse_date(const char*& text, rule_date& date) {
    const char* cursor = text;
    date = rule_date{};
    if (*cursor == 'J') {
        ++cursor;
        date.form = rule_date::julian_without_leap_day;
        if (!parse_number(cursor, 1, 365, date.day)) return false;
    } else if (*cursor == 'M') {
        ++cursor;
        date.form = rule_date::month_week_weekday;
        if (!parse_number(cursor, 1, 12, date.month) || *cursor++ != '.' ||
            !parse_number(cursor, 1, 5, date.week) || *cursor++ != '.' ||
            !parse_number(cursor, 0, 6, date.day))
            return false;
    } else {
        date.form = rule_date::day_of_year;
        if (!parse_number(cursor, 0, 365, date.day)) return false;
    }
    date.time = 2 * 3600;
    // TZif version 3 extends the hours to -167..167, so a change can be
    // named as a time of the day before or a later day.
    if (*cursor == '/' && !parse_clock(++cursor, 167, date.time)) return false;
    text = cursor;
    return true;
}

// Seconds from the epoch to the local midnight that starts the rule's day
// in `year`, plus its time of day.
std::int64_t local_change_time(const rule_date& date, std::int64_t year) {
    std::int64_t days;
    switch (date.form) {
    case rule_date::julian_without_leap_day:
        days = days_to_year(year) + date.day - 1 + (is_leap_year(year) && date.day >= 60 ? 1 : 0);
        break;
    case rule_date::day_of_year:
        days = days_to_year(year) + date.day;
        break;
    default: {
        std::int64_t first = days_from_date(year, date.month, 1);
        days = first + (date.day - weekday_of_day(first) + 7) % 7 + (date.week - 1) * 7;
        // Week 5 means the last such weekday, which may be the fourth.
        while (days >= first + days_in_month(year, date.month)) days -= 7;
        break;
    }
    }
    return days * seconds_per_day + date.time;
}

// The rule's changes around `seconds`: starts and ends of daylight time in
// the year before, of and after it, in UTC, in time order. An end that
// falls at the same instant as a start comes first, so that a zone written
// as daylight time all year ("EST5EDT,0/0,J365/25") stays in daylight time.
struct change {
    std::int64_t when;
    bool to_daylight;
};

int changes_around(const posix_time_zone_rule& rule, std::int64_t seconds, change (&changes)[8]) {
    std::int64_t days = floor_divide(seconds + rule.standard_offset, seconds_per_day);
    std::int64_t year = date_from_days(days).year;
    int count = 0;
    for (std::int64_t each = year - 1; each <= year + 2; ++each) {
        changes[count++] = {local_change_time(rule.start, each) - rule.standard_offset, true};
        changes[count++] = {local_change_time(rule.end, each) - rule.daylight_offset, false};
    }
    // Insertion sort: eight entries.
    for (int i = 1; i < count; ++i) {
        change moving = changes[i];
        int j = i;
        while (j > 0 && (changes[j - 1].when > moving.when ||
                         (changes[j - 1].when == moving.when && changes[j - 1].to_daylight &&
                          !moving.to_daylight))) {
            changes[j] = changes[j - 1];
            --j;
        }
        changes[j] = moving;
    }
    return count;
}

void copy_name(char (&to)[zone_name_size], const char* from) {
    int i = 0;
    for (; from[i] != '\0' && i < zone_name_size - 1; ++i) to[i] = from[i];
    to[i] = '\0';
}

}  // namespace

rule_parse_result parse_posix_time_zone_rule(const char* text, posix_time_zone_rule& rule) {
    rule = posix_time_zone_rule{};
    if (!parse_name(text, rule.standard_name)) return rule_parse_result::nothing;
    std::int32_t west;
    if (!parse_clock(text, 24, west)) return rule_parse_result::name_only;
    rule.standard_offset = rule.daylight_offset = -west;
    if (*text == '\0') {
        // No daylight time: both of glibc's tzname entries are the standard name.
        copy_name(rule.daylight_name, rule.standard_name);
        return rule_parse_result::complete;
    }
    if (!parse_name(text, rule.daylight_name)) {
        copy_name(rule.daylight_name, rule.standard_name);
        return rule_parse_result::partial;
    }
    rule.has_daylight = true;
    rule.daylight_offset = rule.standard_offset + 3600;
    // No rule given: the United States' rules since 2007, as tzcode
    // assumes (glibc would take them from the zoneinfo file "posixrules").
    rule.start = {rule_date::month_week_weekday, 0, 2, 3, 2 * 3600};
    rule.end = {rule_date::month_week_weekday, 0, 1, 11, 2 * 3600};
    if (*text != ',' && *text != '\0') {
        if (!parse_clock(text, 24, west)) return rule_parse_result::partial;
        rule.daylight_offset = -west;
    }
    if (*text == '\0') return rule_parse_result::complete;
    rule_date start, end;
    if (*text++ != ',' || !parse_date(text, start) || *text++ != ',' || !parse_date(text, end) ||
        *text != '\0')
        return rule_parse_result::partial;
    rule.start = start;
    rule.end = end;
    return rule_parse_result::complete;
}

local_time_kind rule_kind_at(const posix_time_zone_rule& rule, std::int64_t seconds) {
    local_time_kind standard{rule.standard_offset, false, rule.standard_name};
    if (!rule.has_daylight) return standard;
    local_time_kind daylight{rule.daylight_offset, true, rule.daylight_name};
    change changes[8];
    int count = changes_around(rule, seconds, changes);
    bool in_daylight = !changes[0].to_daylight;  // before the first change
    for (int i = 0; i < count && changes[i].when <= seconds; ++i) in_daylight = changes[i].to_daylight;
    return in_daylight ? daylight : standard;
}

bool rule_next_change(const posix_time_zone_rule& rule, std::int64_t seconds, std::int64_t& next) {
    if (!rule.has_daylight) return false;
    change changes[8];
    int count = changes_around(rule, seconds, changes);
    for (int i = 0; i < count; ++i) {
        if (changes[i].when > seconds) {
            next = changes[i].when;
            return true;
        }
    }
    return false;
}

}  // namespace lwp::libc
