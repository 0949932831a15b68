// strptime (and strptime_l): reading a date and time back from text, the reverse of strftime,
// in the C locale, with glibc's reading of each conversion and glibc's
// completion of the fields the text did not give.
//
// Reading: a space in the format skips any amount of white space in the
// input (none included); another ordinary character must match itself; a
// conversion reads a number, a name or a composite. Numbers skip leading
// white space and take digits while the value can still grow within the
// field's range (so "%d" reads "45" as 4, leaving the 5), then must lie in
// the range. Names (%a %A %b %B %h %p) match case-insensitively, the full
// name tried before the abbreviation. %E and %O are accepted and ignored
// (the C locale has no alternative forms). Conversions that only describe
// (%Z, %G, %g, %V) are read and dropped.
//
// Completing: only what the text gave is stored, except that glibc's rules
// fill in the rest where enough is known, and lwp follows them so that
// programs get the same struct tm: a 12-hour %I with %p PM adds 12; a %C
// century combines with a %y; once a year, month or day was read, the week
// day and the day of the year are computed from what is there (and a %j day
// of the year gives the month and the day when those were not read); a
// %U/%W week number with a week day gives the date.
//
// getdate and getdate_r read a date with each template of the file $DATEMSK
// in turn (the first that takes the whole text, white space around it
// ignored, wins), then fill in what the text left out from the current
// local time as glibc does; their errors are glibc's numbers 1-8
// (getdate's in getdate_err).
#include <ctype.h>
#include <climits>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cstdint>

#include "calendar.hpp"

namespace {

using lwp::libc::day_names;
using lwp::libc::days_before_month;
using lwp::libc::days_from_date;
using lwp::libc::month_names;
using lwp::libc::weekday_of_day;

// What the text said, beyond the fields themselves, for the completion.
struct parse_state {
    bool twelve_hour = false;  // %I or %l gave the hour
    bool afternoon = false;    // %p said PM
    int century = -1;          // %C's value
    bool year_in_century = false;  // %y gave the year, %C may complete it
    bool complete_days = false;    // a year, month or day was read
    bool have_weekday = false, have_year_day = false, have_month = false, have_month_day = false;
    bool have_sunday_week = false, have_monday_week = false;
    int week_number = 0;
};

const char* skip_space(const char* text) {
    while (isspace(static_cast<unsigned char>(*text))) ++text;
    return text;
}

// At most `digits` digits, taken while the value can still grow within
// [low, high]; null when there is no digit or the value is out of range.
const char* read_number(const char* text, int low, int high, int digits, int& value) {
    text = skip_space(text);
    if (*text < '0' || *text > '9') return nullptr;
    value = 0;
    do {
        value = value * 10 + (*text++ - '0');
    } while (--digits > 0 && value * 10 <= high && *text >= '0' && *text <= '9');
    return value < low || value > high ? nullptr : text;
}

// Matches the full name, else its first three letters, case-insensitively;
// the index of the name matched in `names`, or -1.
const char* read_name(const char* text, const char* const* names, int count, int& index) {
    for (int i = 0; i < count; ++i) {
        size_t length = strlen(names[i]);
        if (strncasecmp(text, names[i], length) == 0) {
            index = i;
            return text + length;
        }
        if (strncasecmp(text, names[i], 3) == 0) {
            index = i;
            return text + 3;
        }
    }
    return nullptr;
}

// The week day of the date the fields name (month and day may run past
// their ranges, as mktime would carry them).
int weekday_of(const tm& fields) {
    std::int64_t year = std::int64_t{fields.tm_year} + 1900 +
                        lwp::libc::floor_divide(fields.tm_mon, 12);
    int month = static_cast<int>(lwp::libc::floor_modulo(fields.tm_mon, 12)) + 1;
    return weekday_of_day(days_from_date(year, month, 1) + fields.tm_mday - 1);
}

int year_day_of(const tm& fields) {
    int month = fields.tm_mon < 0 ? 0 : fields.tm_mon > 11 ? 11 : fields.tm_mon;
    return days_before_month(std::int64_t{fields.tm_year} + 1900, month + 1) + fields.tm_mday - 1;
}

// The month and day of the fields' tm_yday, each stored where not read.
void date_from_year_day(tm& fields, const parse_state& state) {
    std::int64_t year = std::int64_t{fields.tm_year} + 1900;
    int month = 1;
    while (month < 12 && days_before_month(year, month + 1) <= fields.tm_yday) ++month;
    if (!state.have_month) fields.tm_mon = month - 1;
    if (!state.have_month_day) fields.tm_mday = fields.tm_yday - days_before_month(year, month) + 1;
}

const char* parse(const char* text, const char* format, tm& fields, parse_state& state);

const char* parse_conversion(const char* text, char conversion, tm& fields, parse_state& state) {
    int value;
    switch (conversion) {
        case '%': return *text == '%' ? text + 1 : nullptr;
        case 'n':
        case 't': return skip_space(text);
        case 'a':
        case 'A':
            text = read_name(skip_space(text), day_names, 7, value);
            if (text) fields.tm_wday = value, state.have_weekday = true;
            return text;
        case 'b':
        case 'B':
        case 'h':
            text = read_name(skip_space(text), month_names, 12, value);
            if (text) fields.tm_mon = value, state.have_month = state.complete_days = true;
            return text;
        case 'c': return parse(text, "%a %b %e %H:%M:%S %Y", fields, state);
        case 'C':
            text = read_number(text, 0, 99, 2, value);
            if (text) state.century = value, state.complete_days = true;
            return text;
        case 'd':
        case 'e':
            text = read_number(text, 1, 31, 2, value);
            if (text) fields.tm_mday = value, state.have_month_day = state.complete_days = true;
            return text;
        case 'D':
        case 'x': return parse(text, "%m/%d/%y", fields, state);
        case 'F': return parse(text, "%Y-%m-%d", fields, state);
        case 'H':
        case 'k':
            text = read_number(text, 0, 23, 2, value);
            if (text) fields.tm_hour = value, state.twelve_hour = false;
            return text;
        case 'I':
        case 'l':
            text = read_number(text, 1, 12, 2, value);
            if (text) fields.tm_hour = value % 12, state.twelve_hour = true;
            return text;
        case 'j':
            text = read_number(text, 1, 366, 3, value);
            if (text) fields.tm_yday = value - 1, state.have_year_day = true;
            return text;
        case 'm':
            text = read_number(text, 1, 12, 2, value);
            if (text) fields.tm_mon = value - 1, state.have_month = state.complete_days = true;
            return text;
        case 'M':
            text = read_number(text, 0, 59, 2, value);
            if (text) fields.tm_min = value;
            return text;
        case 'p':
            text = skip_space(text);
            if (strncasecmp(text, "AM", 2) == 0) state.afternoon = false;
            else if (strncasecmp(text, "PM", 2) == 0) state.afternoon = true;
            else return nullptr;
            return text + 2;
        case 'r': return parse(text, "%I:%M:%S %p", fields, state);
        case 'R': return parse(text, "%H:%M", fields, state);
        case 's': {
            // Seconds since the epoch, as local time; no sign, as glibc reads
            // them (a time before 1970 cannot be given this way).
            text = skip_space(text);
            if (*text < '0' || *text > '9') return nullptr;
            std::int64_t seconds = 0;
            for (; *text >= '0' && *text <= '9'; ++text) {
                if (__builtin_mul_overflow(seconds, 10, &seconds) ||
                    __builtin_add_overflow(seconds, *text - '0', &seconds))
                    return nullptr;
            }
            time_t when = seconds;
            return localtime_r(&when, &fields) ? text : nullptr;
        }
        case 'S':
            text = read_number(text, 0, 61, 2, value);
            if (text) fields.tm_sec = value;
            return text;
        case 'T':
        case 'X': return parse(text, "%H:%M:%S", fields, state);
        case 'u':
            text = read_number(text, 1, 7, 1, value);
            if (text) fields.tm_wday = value % 7, state.have_weekday = true;
            return text;
        case 'w':
            text = read_number(text, 0, 6, 1, value);
            if (text) fields.tm_wday = value, state.have_weekday = true;
            return text;
        case 'U':
        case 'W':
            text = read_number(text, 0, 53, 2, value);
            if (text) {
                state.week_number = value;
                (conversion == 'U' ? state.have_sunday_week : state.have_monday_week) = true;
            }
            return text;
        case 'V': return read_number(text, 0, 53, 2, value);  // ISO week: read, not used
        case 'g': return read_number(text, 0, 99, 2, value);
        case 'G':
            if (*text < '0' || *text > '9') return nullptr;
            while (*text >= '0' && *text <= '9') ++text;
            return text;
        case 'y':
            // 69-99 are the 1900s, 00-68 the 2000s, as POSIX says.
            text = read_number(text, 0, 99, 2, value);
            if (text) {
                fields.tm_year = value >= 69 ? value : value + 100;
                state.year_in_century = state.complete_days = true;
            }
            return text;
        case 'Y':
            text = read_number(text, 0, 9999, 4, value);
            if (text) {
                fields.tm_year = value - 1900;
                state.year_in_century = false;
                state.complete_days = true;
            }
            return text;
        case 'z': {
            // "Z", or a sign then hh, hhmm or hh:mm; stored in tm_gmtoff.
            text = skip_space(text);
            if (*text == 'Z') {
                fields.tm_gmtoff = 0;
                return text + 1;
            }
            if (*text != '+' && *text != '-') return nullptr;
            bool negative = *text++ == '-';
            int digits = 0, number = 0;
            for (; digits < 4; ++text) {
                // A ':' after the hours counts only when minutes follow it.
                if (digits == 2 && *text == ':' && text[1] >= '0' && text[1] <= '9') ++text;
                if (*text < '0' || *text > '9') break;
                number = number * 10 + (*text - '0');
                ++digits;
            }
            if (digits == 2) number *= 100;
            else if (digits != 4) return nullptr;
            if (number % 100 >= 60) return nullptr;  // any hours up to 99, as glibc takes
            long offset = (number / 100) * 3600L + (number % 100) * 60L;
            fields.tm_gmtoff = negative ? -offset : offset;
            return text;
        }
        case 'Z':
            // A zone's name: read and dropped, as glibc does.
            text = skip_space(text);
            while (*text != '\0' && !isspace(static_cast<unsigned char>(*text))) ++text;
            return text;
        default: return nullptr;  // not a conversion strptime knows
    }
}

const char* parse(const char* text, const char* format, tm& fields, parse_state& state) {
    while (*format != '\0') {
        if (isspace(static_cast<unsigned char>(*format))) {
            text = skip_space(text);
            ++format;
            continue;
        }
        if (*format != '%') {
            if (*text != *format) return nullptr;
            ++text;
            ++format;
            continue;
        }
        ++format;
        // strftime's flags and field width, which glibc lets a format
        // carry here too (a format can then serve both): read past, unused.
        while (*format == '-' || *format == '_' || *format == '0' || *format == '^' ||
               *format == '#')
            ++format;
        while (*format >= '0' && *format <= '9') ++format;
        if (*format == 'E' || *format == 'O') ++format;  // no alternative forms in "C"
        if (*format == '\0') return nullptr;
        text = parse_conversion(text, *format++, fields, state);
        if (text == nullptr) return nullptr;
    }
    return text;
}

// The fields the text did not give, where what it gave determines them.
void complete(tm& fields, const parse_state& state) {
    if (state.twelve_hour && state.afternoon) fields.tm_hour += 12;
    if (state.century != -1) {
        // %C with %y: that year of the century; %C alone: its first year.
        fields.tm_year = state.year_in_century ? fields.tm_year % 100 + (state.century - 19) * 100
                                               : (state.century - 19) * 100;
    }
    parse_state completed = state;
    // The week day and the day of the year need a month: one read, or one
    // the caller's tm_mon held already (glibc 2.36 computes neither
    // otherwise, so that getdate, which marks what was not read with
    // INT_MIN, sees no week day after "%Y" alone and fills in the date).
    auto month_known = [&] {
        return completed.have_month || static_cast<unsigned>(fields.tm_mon) <= 11;
    };
    if (state.complete_days && !state.have_weekday) {
        if (!(state.have_month && state.have_month_day) && state.have_year_day) {
            date_from_year_day(fields, state);
            completed.have_month = completed.have_month_day = true;
        }
        if (month_known()) fields.tm_wday = weekday_of(fields);
    }
    if (state.complete_days && !state.have_year_day && month_known())
        fields.tm_yday = year_day_of(fields);
    if ((state.have_sunday_week || state.have_monday_week) && state.have_weekday) {
        // The week number counts weeks from the year's first Sunday (%U) or
        // Monday (%W); days before it are week 0.
        int weekday = fields.tm_wday;
        int week_start = state.have_sunday_week ? 0 : 1;
        tm january_first = fields;
        january_first.tm_mon = 0;
        january_first.tm_mday = 1;
        int first_weekday = weekday_of(january_first);
        if (!state.have_year_day)
            fields.tm_yday = (7 - (first_weekday - week_start)) % 7 +
                             (state.week_number - 1) * 7 + (weekday - week_start + 7) % 7;
        if (!completed.have_month_day || !completed.have_month) date_from_year_day(fields, completed);
        fields.tm_wday = weekday;
    }
}

}  // namespace

extern "C" {

// The first character not read, or null when the text does not match the
// format. Fields the text gives are stored; others keep what they held,
// except those the completion above computes.
char* strptime(const char* __restrict text, const char* __restrict format,
               struct tm* __restrict fields) noexcept {
    parse_state state;
    const char* end = parse(text, format, *fields, state);
    if (end == nullptr) return nullptr;
    complete(*fields, state);
    return const_cast<char*>(end);
}

// The locales lwp has ("C", "POSIX", "C.UTF-8") all name days, months and
// AM/PM as "C" does, so the locale object changes nothing.
char* strptime_l(const char* __restrict text, const char* __restrict format,
                 struct tm* __restrict fields, locale_t) noexcept {
    return strptime(text, format, fields);
}

int getdate_err;

}  // extern "C"

namespace {

// The month day a date with only a month (and maybe a week day) gets: the
// first of the month, or the first such week day in it.
int first_day_with_weekday(int year, int month, int weekday) {
    if (weekday == INT_MIN) return 1;
    struct tm first = {};
    first.tm_year = year;
    first.tm_mon = month;
    first.tm_mday = 1;
    mktime(&first);
    return 1 + (weekday - first.tm_wday + 7) % 7;
}

bool is_day_of_month(int year, int month, int day) {
    static constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 0 || month > 11 || day < 1) return false;
    int length = lengths[month];
    if (month == 1 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) length = 29;
    return day <= length;
}

bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

extern "C" {

int getdate_r(const char* text, struct tm* fields) {
    const char* templates = getenv("DATEMSK");
    if (templates == nullptr || *templates == '\0') return 1;
    struct stat status;
    if (stat(templates, &status) < 0) return 3;
    if (!S_ISREG(status.st_mode)) return 4;
    if (access(templates, R_OK) < 0) return 2;
    FILE* file = fopen(templates, "re");
    if (file == nullptr) return 2;

    while (is_c_space(*text)) ++text;
    std::size_t length = strlen(text);
    std::size_t trimmed = length;
    while (trimmed > 0 && is_c_space(text[trimmed - 1])) --trimmed;
    char* copy = nullptr;
    if (trimmed < length) {
        copy = strndup(text, trimmed);
        if (copy == nullptr) {
            fclose(file);
            return 6;
        }
        text = copy;
    }

    char* line = nullptr;
    std::size_t capacity = 0;
    char* end = nullptr;
    do {
        ssize_t got = getline(&line, &capacity, file);
        if (got < 0) break;
        if (line[got - 1] == '\n') line[got - 1] = '\0';
        // INT_MIN marks what the template did not read.
        fields->tm_year = fields->tm_mon = fields->tm_mday = fields->tm_wday = INT_MIN;
        fields->tm_hour = fields->tm_min = fields->tm_sec = INT_MIN;
        fields->tm_isdst = -1;
        fields->tm_gmtoff = 0;
        fields->tm_zone = nullptr;
        end = strptime(text, line, fields);
        if (end != nullptr && *end == '\0') break;
    } while (!feof(file));
    free(copy);
    free(line);
    if (ferror(file)) {
        fclose(file);
        return 5;
    }
    fclose(file);
    if (end == nullptr || *end != '\0') return 7;

    time_t now_seconds = time(nullptr);
    struct tm now;
    localtime_r(&now_seconds, &now);
    bool day_set = false;
    // A week day alone: today or the next such day.
    if (fields->tm_wday >= 0 && fields->tm_wday <= 6 && fields->tm_year == INT_MIN &&
        fields->tm_mon == INT_MIN && fields->tm_mday == INT_MIN) {
        fields->tm_year = now.tm_year;
        fields->tm_mon = now.tm_mon;
        fields->tm_mday = now.tm_mday + (fields->tm_wday - now.tm_wday + 7) % 7;
        day_set = true;
    }
    // A month without a day: this year's, or next year's if it has passed.
    if (fields->tm_mon >= 0 && fields->tm_mon <= 11 && fields->tm_mday == INT_MIN) {
        if (fields->tm_year == INT_MIN)
            fields->tm_year = now.tm_year + (fields->tm_mon - now.tm_mon < 0 ? 1 : 0);
        fields->tm_mday = first_day_with_weekday(fields->tm_year, fields->tm_mon, fields->tm_wday);
        day_set = true;
    }
    // No time at all: now's.
    if (fields->tm_hour == INT_MIN && fields->tm_min == INT_MIN && fields->tm_sec == INT_MIN) {
        fields->tm_hour = now.tm_hour;
        fields->tm_min = now.tm_min;
        fields->tm_sec = now.tm_sec;
    }
    if (fields->tm_hour == INT_MIN) fields->tm_hour = 0;
    if (fields->tm_min == INT_MIN) fields->tm_min = 0;
    if (fields->tm_sec == INT_MIN) fields->tm_sec = 0;
    // A time without a date: today, or tomorrow if the hour has passed.
    if (fields->tm_hour >= 0 && fields->tm_hour <= 23 && fields->tm_mon == INT_MIN &&
        fields->tm_mday == INT_MIN && fields->tm_wday == INT_MIN) {
        fields->tm_mon = now.tm_mon;
        fields->tm_mday = now.tm_mday + (fields->tm_hour - now.tm_hour < 0 ? 1 : 0);
        day_set = true;
    }
    if (fields->tm_year == INT_MIN) fields->tm_year = now.tm_year;
    if (fields->tm_mon == INT_MIN) fields->tm_mon = now.tm_mon;
    if ((!day_set && !is_day_of_month(1900 + fields->tm_year, fields->tm_mon, fields->tm_mday)) ||
        mktime(fields) == static_cast<time_t>(-1))
        return 8;
    return 0;
}

struct tm* getdate(const char* text) {
    static struct tm result;
    int error = getdate_r(text, &result);
    if (error != 0) {
        getdate_err = error;
        return nullptr;
    }
    return &result;
}

}  // extern "C"
