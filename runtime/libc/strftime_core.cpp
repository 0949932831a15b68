// strftime's engine (strftime_core.hpp), following glibc's output in the
// "C" locale conversion by conversion, including its handling of
// out-of-range fields ("?" for a day or month name it has none for) and of
// negative years (%C and %y floor, as glibc's do).
//
// Padding, as glibc pads: a number has a minimum number of digits (2 for
// %d, 3 for %j, 1 for %C, %Y and %G, ...) raised to the field width, made
// up with zeros after any sign, or with spaces before it under the '_'
// flag (the default of %e, %k, %l and %s), or not at all under '-'; anything shorter than the width
// after that, and every string, is padded on the left with spaces, or with
// zeros under the '0' flag. '^' upper-cases strings; '#' upper-cases the
// day and month names and lower-cases %p and %Z. E and O modifiers are
// accepted and change nothing (the "C" locale has no alternatives).
#include "strftime_core.hpp"

#include <string.h>

#include "calendar.hpp"

namespace lwp::libc {

namespace {

enum class letter_case { as_is, upper, lower };

char convert_case(char c, letter_case to) {
    if (to == letter_case::upper && c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
    if (to == letter_case::lower && c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return c;
}

// Where the text goes; counts past the end so the caller can tell it did
// not fit.
struct output {
    char* buffer;
    std::size_t size;
    std::size_t length;

    void put(char c) {
        if (length < size) buffer[length] = c;
        ++length;
    }
    void repeat(char c, int count) {
        for (int i = 0; i < count; ++i) put(c);
    }
    bool full() const { return length >= size; }
};

// One conversion's flag and width.
struct field_style {
    char pad;   // 0, '_', '-' or '0'
    int width;  // 0: none
    bool upper_flag;
    bool swap_flag;  // '#'
};

void put_text(output& out, const field_style& style, const char* text, std::size_t length,
              letter_case to) {
    int spare = style.width - static_cast<int>(length);
    if (spare > 0) out.repeat(style.pad == '0' ? '0' : ' ', spare);
    for (std::size_t i = 0; i < length; ++i) out.put(convert_case(text[i], to));
}

void put_string(output& out, const field_style& style, const char* text, letter_case to) {
    put_text(out, style, text, strlen(text), style.upper_flag ? letter_case::upper : to);
}

// A number with at least `digits` digits; `space_padded` for %e %k %l %s.
void put_number(output& out, field_style style, int digits, std::int64_t value, bool space_padded = false) {
    if (space_padded && style.pad == 0) style.pad = '_';
    std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    char reversed[24];
    int count = 0;
    do {
        reversed[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    bool negative = value < 0;
    if (digits < style.width) digits = style.width;
    int shown = count + (negative ? 1 : 0);
    // Zeros (after the sign) or spaces (before it) up to `digits`; then,
    // if still short of the width, what put_text pads with.
    int zeros = 0;
    int width = style.width;
    int short_by = style.pad == '-' ? 0 : digits - shown;
    if (short_by > 0 && style.pad == '_') {
        out.repeat(' ', short_by);
        width = width > short_by ? width - short_by : 0;
    } else if (short_by > 0) {
        zeros = short_by;
        width = 0;
    }
    int spare = width - shown;
    if (spare > 0) out.repeat(style.pad == '0' ? '0' : ' ', spare);
    if (negative) out.put('-');
    out.repeat('0', zeros);
    while (count > 0) out.put(reversed[--count]);
}

// ISO 8601 week-based year and week of the fields' date, from tm_year,
// tm_yday and tm_wday alone, as glibc computes them.
struct iso_week {
    std::int64_t year;
    int week;
};

// Days from the Monday that starts ISO week 1 of a year to day `yday` of
// it, given that day's weekday: week 1 is the week with the year's first
// Thursday.
int days_into_iso_year(int yday, int wday) {
    int monday_based = (wday + 6) % 7;
    int first_monday_based = ((monday_based - yday) % 7 + 7) % 7;  // of January 1st
    int week_one_start = first_monday_based <= 3 ? -first_monday_based : 7 - first_monday_based;
    return yday - week_one_start;
}

iso_week iso_week_of(const struct tm& fields) {
    std::int64_t year = std::int64_t{fields.tm_year} + 1900;
    int yday = fields.tm_yday, wday = fields.tm_wday;
    int days = days_into_iso_year(yday, wday);
    if (days < 0) {
        --year;
        days = days_into_iso_year(yday + (is_leap_year(year) ? 366 : 365), wday);
    } else {
        int next = days_into_iso_year(yday - (is_leap_year(year) ? 366 : 365), wday);
        if (next >= 0) {
            ++year;
            days = next;
        }
    }
    return {year, days / 7 + 1};
}

void format_into(output& out, const char* format, const struct tm& fields,
                 const time_format_context& context, bool upper_all);

// A conversion that is a format of its own (%c, %D, %F, ...): formatted
// apart, then padded to the width as a whole.
void put_composite(output& out, const field_style& style, const char* format, const struct tm& fields,
                   const time_format_context& context) {
    char text[256];
    output inner{text, sizeof text, 0};
    format_into(inner, format, fields, context, style.upper_flag);
    std::size_t length = inner.length < sizeof text ? inner.length : sizeof text;
    field_style outer = style;
    outer.upper_flag = false;
    put_text(out, outer, text, length, letter_case::as_is);
    for (std::size_t extra = length; extra < inner.length; ++extra) out.put(' ');  // cannot fit anyway
}

void format_into(output& out, const char* format, const struct tm& fields,
                 const time_format_context& context, bool upper_all) {
    const std::int64_t year = std::int64_t{fields.tm_year} + 1900;
    for (const char* cursor = format; *cursor != '\0'; ++cursor) {
        if (*cursor != '%') {
            out.put(*cursor);
            continue;
        }
        const char* start = cursor;
        field_style style{0, 0, upper_all, false};
        for (;;) {
            char flag = *++cursor;
            if (flag == '_' || flag == '-' || flag == '0') style.pad = flag;
            else if (flag == '^') style.upper_flag = true;
            else if (flag == '#') style.swap_flag = true;
            else break;
        }
        while (*cursor >= '0' && *cursor <= '9') {
            if (style.width < 100000) style.width = style.width * 10 + (*cursor - '0');
            ++cursor;
        }
        if (*cursor == 'E' || *cursor == 'O') ++cursor;
        const letter_case names_case = style.swap_flag ? letter_case::upper : letter_case::as_is;
        switch (*cursor) {
        case '%':
            put_text(out, style, "%", 1, letter_case::as_is);
            break;
        case 'a':
        case 'A': {
            bool known = fields.tm_wday >= 0 && fields.tm_wday <= 6;
            const char* name = known ? day_names[fields.tm_wday] : "?";
            put_text(out, style, name, known && *cursor == 'a' ? 3 : strlen(name),
                     style.upper_flag ? letter_case::upper : names_case);
            break;
        }
        case 'b':
        case 'h':
        case 'B': {
            bool known = fields.tm_mon >= 0 && fields.tm_mon <= 11;
            const char* name = known ? month_names[fields.tm_mon] : "?";
            put_text(out, style, name, known && *cursor != 'B' ? 3 : strlen(name),
                     style.upper_flag ? letter_case::upper : names_case);
            break;
        }
        case 'c':
            put_composite(out, style, "%a %b %e %H:%M:%S %Y", fields, context);
            break;
        case 'C':
            put_number(out, style, 1, floor_divide(year, 100));
            break;
        case 'd':
            put_number(out, style, 2, fields.tm_mday);
            break;
        case 'D':
        case 'x':
            put_composite(out, style, "%m/%d/%y", fields, context);
            break;
        case 'e':
            put_number(out, style, 2, fields.tm_mday, true);
            break;
        case 'F':
            put_composite(out, style, "%Y-%m-%d", fields, context);
            break;
        case 'g':
            put_number(out, style, 2, floor_modulo(iso_week_of(fields).year, 100));
            break;
        case 'G':
            put_number(out, style, 1, iso_week_of(fields).year);
            break;
        case 'H':
            put_number(out, style, 2, fields.tm_hour);
            break;
        case 'I':
        case 'l': {
            int hour = fields.tm_hour;
            if (hour > 12) hour -= 12;
            else if (hour == 0) hour = 12;
            put_number(out, style, 2, hour, *cursor == 'l');
            break;
        }
        case 'j':
            put_number(out, style, 3, std::int64_t{fields.tm_yday} + 1);
            break;
        case 'k':
            put_number(out, style, 2, fields.tm_hour, true);
            break;
        case 'm':
            put_number(out, style, 2, std::int64_t{fields.tm_mon} + 1);
            break;
        case 'M':
            put_number(out, style, 2, fields.tm_min);
            break;
        case 'n':
            put_text(out, style, "\n", 1, letter_case::as_is);
            break;
        case 't':
            put_text(out, style, "\t", 1, letter_case::as_is);
            break;
        case 'p':
        case 'P': {
            // %P is always lower case; '#' lowers %p, '^' raises %p only.
            letter_case to = *cursor == 'P' || style.swap_flag ? letter_case::lower
                             : style.upper_flag              ? letter_case::upper
                                                             : letter_case::as_is;
            put_text(out, style, fields.tm_hour > 11 ? "PM" : "AM", 2, to);
            break;
        }
        case 'r':
            put_composite(out, style, "%I:%M:%S %p", fields, context);
            break;
        case 'R':
            put_composite(out, style, "%H:%M", fields, context);
            break;
        case 's':
            put_number(out, style, 1, context.epoch_seconds(fields, context.state), true);
            break;
        case 'S':
            put_number(out, style, 2, fields.tm_sec);
            break;
        case 'T':
        case 'X':
            put_composite(out, style, "%H:%M:%S", fields, context);
            break;
        case 'u':
            put_number(out, style, 1, (fields.tm_wday - 1 + 7) % 7 + 1);  // Monday 1 ... Sunday 7
            break;
        case 'U':
            put_number(out, style, 2, (std::int64_t{fields.tm_yday} - fields.tm_wday + 7) / 7);
            break;
        case 'V':
            put_number(out, style, 2, iso_week_of(fields).week);
            break;
        case 'w':
            put_number(out, style, 1, fields.tm_wday);
            break;
        case 'W':
            put_number(out, style, 2,
                       (std::int64_t{fields.tm_yday} - (fields.tm_wday - 1 + 7) % 7 + 7) / 7);
            break;
        case 'y':
            put_number(out, style, 2, floor_modulo(year, 100));
            break;
        case 'Y':
            put_number(out, style, 1, year);
            break;
        case 'z': {
            // Nothing when the flag says the zone is unknown, as in glibc.
            // The width and flags are not applied (glibc's output for them
            // is erratic).
            if (fields.tm_isdst < 0) break;
            long offset = fields.tm_gmtoff;
            char text[8];
            text[0] = offset < 0 ? '-' : '+';
            unsigned long magnitude = offset < 0 ? 0UL - static_cast<unsigned long>(offset)
                                                 : static_cast<unsigned long>(offset);
            unsigned long hours = magnitude / 3600 % 100, minutes = magnitude / 60 % 60;
            text[1] = static_cast<char>('0' + hours / 10);
            text[2] = static_cast<char>('0' + hours % 10);
            text[3] = static_cast<char>('0' + minutes / 10);
            text[4] = static_cast<char>('0' + minutes % 10);
            for (int i = 0; i < 5; ++i) out.put(text[i]);
            break;
        }
        case 'Z': {
            const char* zone = fields.tm_zone;
            if ((zone == nullptr || *zone == '\0') && fields.tm_isdst >= 0)
                zone = fields.tm_isdst > 1 ? "?" : context.zone_names ? context.zone_names[fields.tm_isdst] : "";
            if (zone == nullptr) zone = "";
            put_string(out, style, zone, style.swap_flag ? letter_case::lower : letter_case::as_is);
            break;
        }
        default: {
            // Not a conversion: copied as written, as glibc does; a lone
            // '%' at the end of the format is kept.
            if (*cursor == '\0') --cursor;
            put_text(out, style, start, static_cast<std::size_t>(cursor + 1 - start), letter_case::as_is);
            break;
        }
        }
    }
}

}  // namespace

std::size_t format_time(char* buffer, std::size_t size, const char* format, const struct tm& fields,
                        const time_format_context& context) {
    output out{buffer, size, 0};
    format_into(out, format, fields, context, false);
    if (out.length >= size) return 0;
    buffer[out.length] = '\0';
    return out.length;
}

}  // namespace lwp::libc
