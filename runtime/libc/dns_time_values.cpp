// Times in DNS zone text, as glibc's resolver library writes and reads
// them: ns_format_ttl and ns_parse_ttl (a TTL as "1W2D3H4M5S" units),
// `__p_time` (p_time in <resolv.h>: ns_format_ttl into a static buffer)
// and ns_datetosecs (a "YYYYMMDDHHMMSS" date of a SIG record to seconds
// since 1970, in UTC).
#include <arpa/nameser.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

// "<count><unit>" at `*out` if it fits with its terminator in `*room`;
// false (nothing written) if not.
bool put_unit(int count, char unit, char** out, size_t* room) {
    char text[16];
    size_t length = 0;
    unsigned magnitude = count < 0 ? 0u - static_cast<unsigned>(count) : static_cast<unsigned>(count);
    char digits[12];
    size_t digit_count = 0;
    do {
        digits[digit_count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (count < 0) text[length++] = '-';
    while (digit_count > 0) text[length++] = digits[--digit_count];
    text[length++] = unit;
    if (length + 1 > *room) return false;
    memcpy(*out, text, length);
    (*out)[length] = '\0';
    *out += length;
    *room -= length;
    return true;
}

// The `count` digits at `text` as a number, `*failed` set if one is not a
// digit or the number is outside [low, high]. The sum goes on over a
// non-digit, as glibc's does; the answer is then unused.
int date_field(const char* text, int count, int low, int high, int* failed) {
    int value = 0;
    for (int i = 0; i < count; ++i) {
        if (text[i] < '0' || text[i] > '9') *failed = 1;
        value = value * 10 + text[i] - '0';
    }
    if (value < low || value > high) *failed = 1;
    return value;
}

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

char time_text[40];

}  // namespace

extern "C" {

// Weeks, days, hours, minutes and seconds, each only if nonzero (seconds
// also when all are zero), upper-case for one unit alone ("5M") and lower
// case for more ("1h30m"). The length written, or -1 (errno untouched, as
// glibc leaves it) when `size` is too small; what fitted stays written.
int ns_format_ttl(unsigned long ttl, char* text, size_t size) noexcept {
    char* const start = text;
    int seconds = static_cast<int>(ttl % 60);
    ttl /= 60;
    int minutes = static_cast<int>(ttl % 60);
    ttl /= 60;
    int hours = static_cast<int>(ttl % 24);
    ttl /= 24;
    int days = static_cast<int>(ttl % 7);
    int weeks = static_cast<int>(ttl / 7);
    int units = 0;
    if (weeks != 0) {
        if (!put_unit(weeks, 'W', &text, &size)) return -1;
        ++units;
    }
    if (days != 0) {
        if (!put_unit(days, 'D', &text, &size)) return -1;
        ++units;
    }
    if (hours != 0) {
        if (!put_unit(hours, 'H', &text, &size)) return -1;
        ++units;
    }
    if (minutes != 0) {
        if (!put_unit(minutes, 'M', &text, &size)) return -1;
        ++units;
    }
    if (seconds != 0 || (weeks == 0 && days == 0 && hours == 0 && minutes == 0)) {
        if (!put_unit(seconds, 'S', &text, &size)) return -1;
        ++units;
    }
    if (units > 1) {
        for (char* at = start; *at != '\0'; ++at)
            if (*at >= 'A' && *at <= 'Z') *at = static_cast<char>(*at - 'A' + 'a');
    }
    return static_cast<int>(text - start);
}

// Digits followed by a unit (W D H M S, either case), the products summed;
// or plain digits alone. EINVAL for anything else: a unit without digits,
// digits left over after units, a character that does not print, empty
// text. The arithmetic wraps as unsigned long, as glibc's does.
int ns_parse_ttl(const char* text, unsigned long* ttl) noexcept {
    unsigned long total = 0, number = 0;
    int digits = 0;
    bool had_unit = false;
    for (int c; (c = static_cast<unsigned char>(*text++)) != '\0';) {
        if (c < 0x20 || c > 0x7e) goto invalid;
        if (c >= '0' && c <= '9') {
            number = number * 10 + static_cast<unsigned long>(c - '0');
            ++digits;
            continue;
        }
        if (digits == 0) goto invalid;
        switch (c) {
        case 'W': case 'w': number *= 7 * 24 * 60 * 60; break;
        case 'D': case 'd': number *= 24 * 60 * 60; break;
        case 'H': case 'h': number *= 60 * 60; break;
        case 'M': case 'm': number *= 60; break;
        case 'S': case 's': break;
        default: goto invalid;
        }
        total += number;
        number = 0;
        digits = 0;
        had_unit = true;
    }
    if (digits > 0) {
        if (had_unit) goto invalid;
        total += number;
    } else if (!had_unit) {
        goto invalid;
    }
    *ttl = total;
    return 0;
invalid:
    errno = EINVAL;
    return -1;
}

// Exactly 14 characters, the year 1990 to 9999, each field in its range
// (the day of the month checked against 31 only, as glibc does); else 0
// with `*error` 1. Computed in 32 bits, so years past 2106 wrap, as in glibc.
uint32_t ns_datetosecs(const char* text, int* error) noexcept {
    if (strlen(text) != 14) {
        *error = 1;
        return 0;
    }
    *error = 0;
    int year = date_field(text, 4, 1990, 9999, error);
    int month = date_field(text + 4, 2, 1, 12, error) - 1;
    int day = date_field(text + 6, 2, 1, 31, error);
    int hour = date_field(text + 8, 2, 0, 23, error);
    int minute = date_field(text + 10, 2, 0, 59, error);
    int second = date_field(text + 12, 2, 0, 59, error);
    if (*error) return 0;
    constexpr uint32_t day_seconds = 24 * 60 * 60;
    static constexpr int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    uint32_t seconds = static_cast<uint32_t>(second + minute * 60 + hour * 3600);
    seconds += static_cast<uint32_t>(day - 1) * day_seconds;
    int days_before_month = 0;
    for (int m = 0; m < month; ++m) days_before_month += month_days[m];
    seconds += static_cast<uint32_t>(days_before_month) * day_seconds;
    if (month > 1 && leap_year(year)) seconds += day_seconds;
    seconds += static_cast<uint32_t>(year - 1970) * (day_seconds * 365);
    for (int y = 1970; y < year; ++y)
        if (leap_year(y)) seconds += day_seconds;
    return seconds;
}

// p_time: ns_format_ttl's text in one static buffer (not thread-safe, as in
// glibc); 40 bytes always hold it.
const char* __p_time(uint32_t value) noexcept {
    ns_format_ttl(value, time_text, sizeof time_text);
    return time_text;
}

}  // extern "C"
