// nl_langinfo and nl_langinfo_l (and glibc's __nl_langinfo_l, which
// libstdc++ calls): the answers of glibc's "C" and C.UTF-8 locales, the two
// lwp has, for the category's locale (nl_langinfo: the calling thread's).
//
// An item is _NL_ITEM(category, index). glibc answers three kinds of value
// through the one char* result, and programs read each kind its own way, so
// lwp gives each item the kind glibc gives it:
//  - a string (CODESET, D_T_FMT, DAY_1, "\x07" for _NL_TIME_WEEK_NDAYS, ...);
//  - a wide string, as a wchar_t* cast to char* (_NL_WDAY_1, _NL_WD_T_FMT, the
//    _NL_CTYPE_INDIGITn_WC, _NL_CTYPE_TRANSLIT_DEFAULT_MISSING);
//  - a number in the pointer itself (_NL_PAPER_HEIGHT is (char*)297,
//    _NL_NUMERIC_DECIMAL_POINT_WC is (char*)'.', some are (char*)0).
// The "C" charset is glibc's name for ASCII, "ANSI_X3.4-1968"; C.UTF-8
// differs only where utf8_item says. Unknown items,
// LC_ALL and indexes past a category's last item answer "", as in glibc.
//
// glibc also answers, for a few LC_CTYPE and LC_COLLATE items, pointers to
// the binary tables its own ctype, wide-ctype, transliteration and collation
// code reads. lwp has the three ctype tables <ctype.h> reads (_NL_CTYPE_CLASS,
// _NL_CTYPE_TOUPPER, _NL_CTYPE_TOLOWER, the same layout as glibc's) and
// answers those; the other tables (CLASS32, TOUPPER32/TOLOWER32, CLASS_NAMES,
// MAP_NAMES, WIDTH, the TRANSLIT tables, the per-class EXTRA_MAP tables,
// COLLSEQMB/COLLSEQWC) are glibc's private formats and answer "" (with a
// table size of 0 for _NL_CTYPE_TRANSLIT_TAB_SIZE).
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <wchar.h>

#include "ctype_tables.hpp"
#include "locale_state.hpp"

namespace {

using lwp::libc::locale_category_is_utf8;
using lwp::libc::thread_locale;

using lwp::libc::c_locale_classes;
using lwp::libc::c_locale_lower;
using lwp::libc::c_locale_upper;

// A text in both forms: LC_TIME answers each of its names both ways.
struct text_pair {
    const char* narrow;
    const wchar_t* wide;
};
#define NARROW_AND_WIDE(text) {text, L"" text}

// LC_TIME's first 44 items, in item order; _NL_WABDAY_1 and on (item 52 on)
// are the same 44 as wide strings.
constexpr text_pair time_texts[] = {
    NARROW_AND_WIDE("Sun"),      NARROW_AND_WIDE("Mon"),       NARROW_AND_WIDE("Tue"),
    NARROW_AND_WIDE("Wed"),      NARROW_AND_WIDE("Thu"),       NARROW_AND_WIDE("Fri"),
    NARROW_AND_WIDE("Sat"),      NARROW_AND_WIDE("Sunday"),    NARROW_AND_WIDE("Monday"),
    NARROW_AND_WIDE("Tuesday"),  NARROW_AND_WIDE("Wednesday"), NARROW_AND_WIDE("Thursday"),
    NARROW_AND_WIDE("Friday"),   NARROW_AND_WIDE("Saturday"),  NARROW_AND_WIDE("Jan"),
    NARROW_AND_WIDE("Feb"),      NARROW_AND_WIDE("Mar"),       NARROW_AND_WIDE("Apr"),
    NARROW_AND_WIDE("May"),      NARROW_AND_WIDE("Jun"),       NARROW_AND_WIDE("Jul"),
    NARROW_AND_WIDE("Aug"),      NARROW_AND_WIDE("Sep"),       NARROW_AND_WIDE("Oct"),
    NARROW_AND_WIDE("Nov"),      NARROW_AND_WIDE("Dec"),       NARROW_AND_WIDE("January"),
    NARROW_AND_WIDE("February"), NARROW_AND_WIDE("March"),     NARROW_AND_WIDE("April"),
    NARROW_AND_WIDE("May"),      NARROW_AND_WIDE("June"),      NARROW_AND_WIDE("July"),
    NARROW_AND_WIDE("August"),   NARROW_AND_WIDE("September"), NARROW_AND_WIDE("October"),
    NARROW_AND_WIDE("November"), NARROW_AND_WIDE("December"),  NARROW_AND_WIDE("AM"),
    NARROW_AND_WIDE("PM"),
    NARROW_AND_WIDE("%a %b %e %H:%M:%S %Y"),  // D_T_FMT
    NARROW_AND_WIDE("%m/%d/%y"),              // D_FMT
    NARROW_AND_WIDE("%H:%M:%S"),              // T_FMT
    NARROW_AND_WIDE("%I:%M:%S %p"),           // T_FMT_AMPM
};
constexpr int time_text_count = sizeof time_texts / sizeof time_texts[0];
constexpr int first_abbreviated_month = 14, first_month = 26;
constexpr text_pair date_command_format = NARROW_AND_WIDE("%a %b %e %H:%M:%S %Z %Y");

// "0" to "9", each NUL-terminated, for the LC_CTYPE digit items.
constexpr char digit_texts[] = {'0', 0, '1', 0, '2', 0, '3', 0, '4', 0,
                                '5', 0, '6', 0, '7', 0, '8', 0, '9', 0};
constexpr wchar_t wide_digit_texts[] = {L'0', 0, L'1', 0, L'2', 0, L'3', 0, L'4', 0,
                                        L'5', 0, L'6', 0, L'7', 0, L'8', 0, L'9', 0};

// _NL_MONETARY_CONVERSION_RATE: two int32s, numerator and denominator.
constexpr int32_t conversion_rate[2] = {1, 1};

// _NL_IDENTIFICATION_CATEGORY: one string per category, LC_ALL's empty.
constexpr char identification_categories[] =
    "i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999\0"
    "\0"
    "i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999\0i18n:1999";

// C.UTF-8's: "i18n:2012" for every category.
constexpr char utf8_identification_categories[] =
    "i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012\0"
    "\0"
    "i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012\0i18n:2012";

constexpr const char* codeset = "ANSI_X3.4-1968";
constexpr const char* not_available = "\xff";  // CHAR_MAX of the unsigned kind

char* text(const char* value) { return const_cast<char*>(value); }
char* text(const wchar_t* value) { return reinterpret_cast<char*>(const_cast<wchar_t*>(value)); }
char* text(const void* table) { return static_cast<char*>(const_cast<void*>(table)); }
char* number(uintptr_t value) { return reinterpret_cast<char*>(value); }

char* ctype_item(int index) {
    if (index >= 20 && index <= 29) return text(digit_texts + 2 * (index - 20));
    if (index >= 31 && index <= 40) return text(wide_digit_texts + 2 * (index - 31));
    if (index >= 41 && index <= 50) return text(digit_texts + 2 * (index - 41));
    if (index >= 51 && index <= 60) return number('0' + (index - 51));
    switch (index) {
    case 0: return text(static_cast<const void*>(c_locale_classes.entries));  // _NL_CTYPE_CLASS
    case 1: return text(static_cast<const void*>(c_locale_upper.entries));    // _NL_CTYPE_TOUPPER
    case 3: return text(static_cast<const void*>(c_locale_lower.entries));    // _NL_CTYPE_TOLOWER
    case 2: case 4: case 6: case 7: case 8: case 9: return number(0);       // the gaps
    case 13: return number(1);  // _NL_CTYPE_MB_CUR_MAX
    case 14: return text(codeset);
    case 17: return number(72);  // _NL_CTYPE_CLASS_OFFSET, as glibc
    case 18: return number(84);  // _NL_CTYPE_MAP_OFFSET, as glibc
    case 19: return number(1);   // _NL_CTYPE_INDIGITS_MB_LEN
    case 30: return number(1);   // _NL_CTYPE_INDIGITS_WC_LEN
    case 61: return number(0);   // _NL_CTYPE_TRANSLIT_TAB_SIZE: no table
    case 66: return number(1);   // _NL_CTYPE_TRANSLIT_DEFAULT_MISSING_LEN
    case 67: return text(L"?");  // _NL_CTYPE_TRANSLIT_DEFAULT_MISSING
    case 68: case 69: case 70: case 71: return number(0);
    default: return text("");
    }
}

char* numeric_item(int index) {
    switch (index) {
    case 0: return text(".");       // RADIXCHAR
    case 3: return number('.');     // _NL_NUMERIC_DECIMAL_POINT_WC
    case 4: return number(0);       // _NL_NUMERIC_THOUSANDS_SEP_WC
    case 5: return text(codeset);
    default: return text("");       // THOUSEP, GROUPING
    }
}

char* time_item(int index) {
    if (index < time_text_count) return text(time_texts[index].narrow);
    if (index >= 52 && index < 52 + time_text_count) return text(time_texts[index - 52].wide);
    if (index >= 96 && index <= 100) return text(L"");  // the wide era items
    if (index >= 111 && index <= 122) return text(time_texts[first_month + index - 111].narrow);
    if (index >= 123 && index <= 134) return text(time_texts[first_month + index - 123].wide);
    if (index >= 135 && index <= 146)
        return text(time_texts[first_abbreviated_month + index - 135].narrow);
    if (index >= 147 && index <= 158)
        return text(time_texts[first_abbreviated_month + index - 147].wide);
    switch (index) {
    case 50: return number(0);         // _NL_TIME_ERA_NUM_ENTRIES
    case 101: return text("\x07");     // _NL_TIME_WEEK_NDAYS
    case 102: return number(19971130); // _NL_TIME_WEEK_1STDAY, a Sunday
    case 103: return text("\x04");     // _NL_TIME_WEEK_1STWEEK
    case 104: return text("\x01");     // _NL_TIME_FIRST_WEEKDAY
    case 105: return text("\x02");     // _NL_TIME_FIRST_WORKDAY
    case 106: return text("\x01");     // _NL_TIME_CAL_DIRECTION
    case 108: return text(date_command_format.narrow);  // _DATE_FMT
    case 109: return text(date_command_format.wide);
    case 110: return text(codeset);
    default: return text("");  // the era items, _NL_TIME_TIMEZONE
    }
}

char* collate_item(int index) {
    if (index <= 15) return number(0);  // no rules, no tables
    if (index == 18) return text(codeset);
    return text("");
}

char* monetary_item(int index) {
    if ((index >= 7 && index <= 14) || (index >= 16 && index <= 21) ||
        (index >= 24 && index <= 37))
        return text(not_available);
    switch (index) {
    case 15: return text("-");  // CRNCYSTR
    case 38: case 40: return number(10101);     // valid from 0001-01-01
    case 39: case 41: return number(99991231);  // valid to 9999-12-31
    case 42: return text(static_cast<const void*>(conversion_rate));
    case 43: case 44: return number(0);
    case 45: return text(codeset);
    default: return text("");
    }
}

char* messages_item(int index) {
    switch (index) {
    case 0: return text("^[yY]");  // YESEXPR
    case 1: return text("^[nN]");  // NOEXPR
    case 4: return text(codeset);
    default: return text("");
    }
}

char* paper_item(int index) {
    switch (index) {
    case 0: return number(297);  // A4, in millimetres
    case 1: return number(210);
    case 2: return text(codeset);
    default: return text("");
    }
}

char* name_item(int index) {
    if (index == 0) return text("%p%t%g%t%m%t%f");
    return text(index == 6 ? codeset : "");
}

char* address_item(int index) {
    if (index == 0) return text("%a%N%f%N%d%N%b%N%s %h %e %r%N%C-%z %T%N%c%N");
    if (index == 6) return number(0);  // _NL_ADDRESS_COUNTRY_NUM
    return text(index == 12 ? codeset : "");
}

char* telephone_item(int index) {
    if (index == 0) return text("+%c %a %l");
    return text(index == 4 ? codeset : "");
}

char* measurement_item(int index) {
    if (index == 0) return text("\x01");  // metric
    return text(index == 1 ? codeset : "");
}

char* identification_item(int index) {
    switch (index) {
    case 0: return text("ISO/IEC 14652 i18n FDCC-set");
    case 1: return text("ISO/IEC JTC1/SC22/WG20 - internationalization");
    case 2: return text("C/o Keld Simonsen, Skt. Jorgens Alle 8, DK-1615 Kobenhavn V");
    case 3: return text("Keld Simonsen");
    case 4: return text("keld@dkuug.dk");
    case 5: return text("+45 3122-6543");
    case 6: return text("+45 3325-6543");
    case 8: return text("ISO");
    case 12: return text("1.0");
    case 13: return text("1997-12-20");
    case 14: return text(identification_categories);
    case 15: return text(codeset);
    default: return text("");
    }
}


// Where C.UTF-8 answers differently (its other items are the "C" locale's):
// every category's codeset item, MB_CUR_MAX, the locale's name and its
// identification. Null: the item is the "C" locale's.
char* utf8_item(int category, int index) {
    // The index of each category's codeset item (LC_ALL's slot unused).
    static constexpr int codeset_index[] = {14, 5, 110, 18, 45, 4, -1, 2, 6, 12, 4, 1, 15};
    if (index == codeset_index[category]) return text("UTF-8");
    if (index == _NL_ITEM_INDEX(-1)) return text("C.UTF-8");  // _NL_LOCALE_NAME
    if (category == LC_CTYPE && index == 13) return number(6);  // _NL_CTYPE_MB_CUR_MAX
    if (category != LC_IDENTIFICATION) return nullptr;
    switch (index) {
    case 0: return text("C locale");
    case 4: return text("bug-glibc-locales@gnu.org");
    case 12: return text("2.1");
    case 13: return text("2022-01-30");
    case 14: return text(utf8_identification_categories);
    default: return text("");
    }
}

}  // namespace

extern "C" {

char* nl_langinfo_l(nl_item item, locale_t locale) noexcept {
    int category = _NL_ITEM_CATEGORY(item);
    int index = _NL_ITEM_INDEX(item);
    if (category < 0 || category > LC_IDENTIFICATION || category == LC_ALL) return text("");
    if (locale_category_is_utf8(locale, category))
        if (char* answer = utf8_item(category, index)) return answer;
    if (index == _NL_ITEM_INDEX(-1)) return text("C");  // _NL_LOCALE_NAME
    switch (category) {
    case LC_CTYPE: return ctype_item(index);
    case LC_NUMERIC: return numeric_item(index);
    case LC_TIME: return time_item(index);
    case LC_COLLATE: return collate_item(index);
    case LC_MONETARY: return monetary_item(index);
    case LC_MESSAGES: return messages_item(index);
    case LC_PAPER: return paper_item(index);
    case LC_NAME: return name_item(index);
    case LC_ADDRESS: return address_item(index);
    case LC_TELEPHONE: return telephone_item(index);
    case LC_MEASUREMENT: return measurement_item(index);
    default: return identification_item(index);
    }
}

// The calling thread's locale: its uselocale object, else the global one.
char* nl_langinfo(nl_item item) noexcept {
    return nl_langinfo_l(item, thread_locale ? thread_locale : LC_GLOBAL_LOCALE);
}

char* __nl_langinfo_l(nl_item item, locale_t locale) noexcept
    __attribute__((alias("nl_langinfo_l")));

}  // extern "C"
