// Proleptic Gregorian calendar arithmetic for the time conversions
// (calendar_time.cpp, time_zone.cpp, strftime_core.cpp): days since
// 1970-01-01 to a date and back, and seconds to struct tm fields and back.
// Everything counts in 64 bits, so any int year of a struct tm and any
// time_t whose year fits an int are exact; no table, no time zone.
#pragma once

#include <time.h>

#include <cstdint>

namespace lwp::libc {

constexpr std::int64_t seconds_per_day = 86400;

// Floor division and its non-negative remainder: calendars count
// backwards through year 0 and before 1970 with the same formulas.
constexpr std::int64_t floor_divide(std::int64_t value, std::int64_t divisor) {
    std::int64_t quotient = value / divisor;
    return quotient - ((value % divisor) < 0 ? 1 : 0);
}
constexpr std::int64_t floor_modulo(std::int64_t value, std::int64_t divisor) {
    return value - floor_divide(value, divisor) * divisor;
}

constexpr bool is_leap_year(std::int64_t year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int days_in_month(std::int64_t year, int month /* 1-12 */) {
    constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

// Days before the first of `month` (1-12) in a year, leap or not.
constexpr int days_before_month(std::int64_t year, int month) {
    constexpr int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[month - 1] + (month > 2 && is_leap_year(year) ? 1 : 0);
}

// Days from 1970-01-01 to January 1st of `year`: whole 400-year cycles of
// 146097 days make it exact for any 64-bit-sized year a struct tm can hold.
constexpr std::int64_t days_to_year(std::int64_t year) {
    // Counted from year 1 (day -719162 from the epoch); the leap days
    // before `year` are the multiples of 4, less those of 100, plus those of 400.
    std::int64_t previous = year - 1;
    return 365 * previous + floor_divide(previous, 4) - floor_divide(previous, 100) +
           floor_divide(previous, 400) - 719162;
}

constexpr std::int64_t days_from_date(std::int64_t year, int month, int day) {
    return days_to_year(year) + days_before_month(year, month) + day - 1;
}

// 0 = Sunday, as tm_wday counts; 1970-01-01 was a Thursday.
constexpr int weekday_of_day(std::int64_t days) {
    return static_cast<int>(floor_modulo(days + 4, 7));
}

// The C locale's names of the days (from Sunday, as tm_wday counts) and
// months: what strftime prints and strptime reads.
inline constexpr const char* day_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
inline constexpr const char* month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct calendar_date {
    std::int64_t year;
    int month;        // 1-12
    int day;          // 1-31
    int day_of_year;  // 0-365
};

constexpr calendar_date date_from_days(std::int64_t days) {
    // Estimate the year from the mean Gregorian year, then correct: the
    // estimate is never more than one year off.
    std::int64_t year = 1970 + floor_divide(days * 400, 146097);
    while (days_to_year(year) > days) --year;
    while (days_to_year(year + 1) <= days) ++year;
    int day_of_year = static_cast<int>(days - days_to_year(year));
    int month = 1;
    while (month < 12 && days_before_month(year, month + 1) <= day_of_year) ++month;
    return {year, month, day_of_year - days_before_month(year, month) + 1, day_of_year};
}

// The fields of `seconds` since the epoch shifted by `offset` seconds east
// of UTC. tm_isdst, tm_gmtoff and tm_zone are left to the caller. False when
// the year does not fit tm_year (the caller's EOVERFLOW).
inline bool fields_from_seconds(std::int64_t seconds, std::int64_t offset, struct tm& fields) {
    // Beyond this the arithmetic below could overflow; such years do not
    // fit an int anyway (2^62 seconds are some 146 billion years).
    constexpr std::int64_t limit = std::int64_t{1} << 62;
    if (seconds > limit || seconds < -limit) return false;
    std::int64_t local = seconds + offset;
    std::int64_t days = floor_divide(local, seconds_per_day);
    int of_day = static_cast<int>(local - days * seconds_per_day);
    calendar_date date = date_from_days(days);
    std::int64_t tm_year = date.year - 1900;
    if (tm_year > INT32_MAX || tm_year < INT32_MIN) return false;
    fields.tm_year = static_cast<int>(tm_year);
    fields.tm_mon = date.month - 1;
    fields.tm_mday = date.day;
    fields.tm_yday = date.day_of_year;
    fields.tm_wday = weekday_of_day(days);
    fields.tm_hour = of_day / 3600;
    fields.tm_min = of_day / 60 % 60;
    fields.tm_sec = of_day % 60;
    return true;
}

// The seconds since the epoch that the date and time fields name when read
// as UTC, out-of-range fields carried into the next larger ones (month 12 is
// January of the next year, day 0 the last of the previous month, second 60
// the next minute, ...) as mktime and timegm normalise. tm_wday and tm_yday
// are ignored. Exact for every int value of every field.
inline std::int64_t seconds_from_fields(const struct tm& fields) {
    std::int64_t year = std::int64_t{fields.tm_year} + 1900 + floor_divide(fields.tm_mon, 12);
    int month = static_cast<int>(floor_modulo(fields.tm_mon, 12)) + 1;
    std::int64_t days = days_from_date(year, month, 1) + std::int64_t{fields.tm_mday} - 1;
    return days * seconds_per_day + std::int64_t{fields.tm_hour} * 3600 +
           std::int64_t{fields.tm_min} * 60 + fields.tm_sec;
}

}  // namespace lwp::libc
