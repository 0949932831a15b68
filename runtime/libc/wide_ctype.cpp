// Wide-character classes and case: iswalnum and the rest, iswctype wctype,
// towlower towupper towctrans wctrans, wcwidth wcswidth, and the _l forms
// (with the __ names libstdc++ calls), in lwp's two locales.
//
// "C": glibc's "C" locale classifies only ASCII among wide characters too:
// iswalpha(L'é') is 0, towupper(L'é') is L'é' and wcwidth of anything outside
// 0x20-0x7e is -1 (0 for L'\0'), which tests/posix/locale_and_wide.c checks
// against glibc for every value up to 0x10FFFF. So lwp answers from the
// narrow "C" table (ctype.cpp) below 0x80 and "no class" above, exactly.
//
// "C.UTF-8": Unicode's classes, case mappings and widths as glibc 2.36's
// C.UTF-8 has them (unicode_ctype.cpp, generated tables; compared with glibc
// for every code point by tests/unit/libc_unicode_ctype_test.cpp). That
// locale also has the classes "combining" and "combining_level3" and the
// mapping "totitle", which "C" does not.
//
// wctype's descriptions are the class's _IS* bit, with utf8_description
// added for a C.UTF-8 class; wctrans's are the "C" case table itself
// (<wctype.h> types wctrans_t as a pointer to int32_t, as the table is) or
// one of three C.UTF-8 tags. As in glibc, whose descriptions point into the
// locale they came from, a description keeps answering for the locale it
// was made in. An unknown name gives 0 (a null pointer), which iswctype
// answers 0 for and towctrans leaves characters alone for, as glibc does.
#include <ctype.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ctype_tables.hpp"
#include "locale_state.hpp"
#include "unicode_ctype.hpp"

namespace {

using lwp::libc::c_locale_classes;
using lwp::libc::c_locale_lower;
using lwp::libc::c_locale_upper;
using lwp::libc::ctype_is_utf8;
using lwp::libc::locale_ctype_is_utf8;

constexpr wint_t ascii_limit = 0x80;

// Above every class bit (all below 0x10000), so a description says which
// locale's table it asks.
constexpr wctype_t utf8_description = 0x10000;

int has_in_c(wint_t character, unsigned bits) {
    return character < ascii_limit && (c_locale_classes.entries[128 + character] & bits) != 0;
}

int has(wint_t character, unsigned bits, bool utf8) {
    if (utf8) return (lwp::libc::unicode_classes(character) & bits) != 0;
    return has_in_c(character, bits);
}

struct class_name {
    char name[17];
    unsigned short bits;
};
constexpr class_name class_names[] = {
    {"alnum", _ISalnum}, {"alpha", _ISalpha}, {"blank", _ISblank}, {"cntrl", _IScntrl},
    {"digit", _ISdigit}, {"graph", _ISgraph}, {"lower", _ISlower}, {"print", _ISprint},
    {"punct", _ISpunct}, {"space", _ISspace}, {"upper", _ISupper}, {"xdigit", _ISxdigit},
};
constexpr class_name utf8_only_class_names[] = {
    {"combining", lwp::libc::unicode_combining},
    {"combining_level3", lwp::libc::unicode_combining_level3},
};

const int32_t* const lower_mapping = c_locale_lower.entries + 128;
const int32_t* const upper_mapping = c_locale_upper.entries + 128;

// C.UTF-8's wctrans descriptions: only their addresses matter.
constexpr int32_t utf8_mapping_tags[3] = {};
const int32_t* const utf8_lower = &utf8_mapping_tags[0];
const int32_t* const utf8_upper = &utf8_mapping_tags[1];
const int32_t* const utf8_title = &utf8_mapping_tags[2];

wctype_t class_description(const char* name, bool utf8) {
    wctype_t locale_flag = utf8 ? utf8_description : 0;
    for (const class_name& each : class_names)
        if (strcmp(each.name, name) == 0) return each.bits | locale_flag;
    if (utf8)
        for (const class_name& each : utf8_only_class_names)
            if (strcmp(each.name, name) == 0) return each.bits | locale_flag;
    return 0;
}

int in_class(wint_t c, wctype_t description) {
    if (description == 0) return 0;
    unsigned bits = static_cast<unsigned>(description & (utf8_description - 1));
    return has(c, bits, (description & utf8_description) != 0);
}

wint_t to_lower(wint_t c, bool utf8) {
    if (utf8) return lwp::libc::unicode_to_lower(c);
    return c < ascii_limit ? lower_mapping[c] : c;
}

wint_t to_upper(wint_t c, bool utf8) {
    if (utf8) return lwp::libc::unicode_to_upper(c);
    return c < ascii_limit ? upper_mapping[c] : c;
}

wctrans_t mapping_description(const char* name, bool utf8) {
    if (strcmp(name, "tolower") == 0) return utf8 ? utf8_lower : lower_mapping;
    if (strcmp(name, "toupper") == 0) return utf8 ? utf8_upper : upper_mapping;
    if (utf8 && strcmp(name, "totitle") == 0) return utf8_title;
    return nullptr;
}

wint_t mapped(wint_t c, wctrans_t description) {
    if (description == lower_mapping) return to_lower(c, false);
    if (description == upper_mapping) return to_upper(c, false);
    if (description == utf8_lower) return lwp::libc::unicode_to_lower(c);
    if (description == utf8_upper) return lwp::libc::unicode_to_upper(c);
    if (description == utf8_title) return lwp::libc::unicode_to_title(c);
    return c;
}

// Columns on a terminal. "C": 1 for printable ASCII, 0 for L'\0', and -1
// (not printable) for everything else, control characters included.
int width(wchar_t c, bool utf8) {
    if (utf8) return lwp::libc::unicode_width(static_cast<wint_t>(c));
    if (c == 0) return 0;
    return c >= 0x20 && c < 0x7f ? 1 : -1;
}

}  // namespace

extern "C" {

int iswalnum(wint_t c) noexcept { return has(c, _ISalnum, ctype_is_utf8()); }
int iswalpha(wint_t c) noexcept { return has(c, _ISalpha, ctype_is_utf8()); }
int iswblank(wint_t c) noexcept { return has(c, _ISblank, ctype_is_utf8()); }
int iswcntrl(wint_t c) noexcept { return has(c, _IScntrl, ctype_is_utf8()); }
int iswdigit(wint_t c) noexcept { return has(c, _ISdigit, ctype_is_utf8()); }
int iswgraph(wint_t c) noexcept { return has(c, _ISgraph, ctype_is_utf8()); }
int iswlower(wint_t c) noexcept { return has(c, _ISlower, ctype_is_utf8()); }
int iswprint(wint_t c) noexcept { return has(c, _ISprint, ctype_is_utf8()); }
int iswpunct(wint_t c) noexcept { return has(c, _ISpunct, ctype_is_utf8()); }
int iswspace(wint_t c) noexcept { return has(c, _ISspace, ctype_is_utf8()); }
int iswupper(wint_t c) noexcept { return has(c, _ISupper, ctype_is_utf8()); }
int iswxdigit(wint_t c) noexcept { return has(c, _ISxdigit, ctype_is_utf8()); }

wctype_t wctype(const char* name) noexcept { return class_description(name, ctype_is_utf8()); }
int iswctype(wint_t c, wctype_t description) noexcept { return in_class(c, description); }

wint_t towlower(wint_t c) noexcept { return to_lower(c, ctype_is_utf8()); }
wint_t towupper(wint_t c) noexcept { return to_upper(c, ctype_is_utf8()); }
wctrans_t wctrans(const char* name) noexcept { return mapping_description(name, ctype_is_utf8()); }
wint_t towctrans(wint_t c, wctrans_t description) noexcept { return mapped(c, description); }

int wcwidth(wchar_t c) noexcept { return width(c, ctype_is_utf8()); }

int wcswidth(const wchar_t* text, size_t limit) noexcept {
    bool utf8 = ctype_is_utf8();
    int columns = 0;
    for (size_t i = 0; i < limit && text[i] != 0; ++i) {
        int each = width(text[i], utf8);
        if (each < 0) return -1;
        columns += each;
    }
    return columns;
}

// The _l forms ask the locale object (LC_GLOBAL_LOCALE: the global one).
int iswalnum_l(wint_t c, locale_t l) noexcept { return has(c, _ISalnum, locale_ctype_is_utf8(l)); }
int iswalpha_l(wint_t c, locale_t l) noexcept { return has(c, _ISalpha, locale_ctype_is_utf8(l)); }
int iswblank_l(wint_t c, locale_t l) noexcept { return has(c, _ISblank, locale_ctype_is_utf8(l)); }
int iswcntrl_l(wint_t c, locale_t l) noexcept { return has(c, _IScntrl, locale_ctype_is_utf8(l)); }
int iswdigit_l(wint_t c, locale_t l) noexcept { return has(c, _ISdigit, locale_ctype_is_utf8(l)); }
int iswgraph_l(wint_t c, locale_t l) noexcept { return has(c, _ISgraph, locale_ctype_is_utf8(l)); }
int iswlower_l(wint_t c, locale_t l) noexcept { return has(c, _ISlower, locale_ctype_is_utf8(l)); }
int iswprint_l(wint_t c, locale_t l) noexcept { return has(c, _ISprint, locale_ctype_is_utf8(l)); }
int iswpunct_l(wint_t c, locale_t l) noexcept { return has(c, _ISpunct, locale_ctype_is_utf8(l)); }
int iswspace_l(wint_t c, locale_t l) noexcept { return has(c, _ISspace, locale_ctype_is_utf8(l)); }
int iswupper_l(wint_t c, locale_t l) noexcept { return has(c, _ISupper, locale_ctype_is_utf8(l)); }
int iswxdigit_l(wint_t c, locale_t l) noexcept { return has(c, _ISxdigit, locale_ctype_is_utf8(l)); }
wctype_t wctype_l(const char* name, locale_t l) noexcept {
    return class_description(name, locale_ctype_is_utf8(l));
}
// The description already says which locale's table it asks.
int iswctype_l(wint_t c, wctype_t description, locale_t) noexcept {
    return in_class(c, description);
}
wint_t towlower_l(wint_t c, locale_t l) noexcept { return to_lower(c, locale_ctype_is_utf8(l)); }
wint_t towupper_l(wint_t c, locale_t l) noexcept { return to_upper(c, locale_ctype_is_utf8(l)); }
wctrans_t wctrans_l(const char* name, locale_t l) noexcept {
    return mapping_description(name, locale_ctype_is_utf8(l));
}
wint_t towctrans_l(wint_t c, wctrans_t description, locale_t) noexcept {
    return mapped(c, description);
}

wctype_t __wctype_l(const char* name, locale_t locale) noexcept
    __attribute__((alias("wctype_l")));
int __iswctype_l(wint_t c, wctype_t description, locale_t locale) noexcept
    __attribute__((alias("iswctype_l")));
wint_t __towlower_l(wint_t c, locale_t locale) noexcept __attribute__((alias("towlower_l")));
wint_t __towupper_l(wint_t c, locale_t locale) noexcept __attribute__((alias("towupper_l")));

// glibc's second names for the wide classes and mappings.
int __iswalnum_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswalnum_l")));
int __iswalpha_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswalpha_l")));
int __iswblank_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswblank_l")));
int __iswcntrl_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswcntrl_l")));
int __iswdigit_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswdigit_l")));
int __iswgraph_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswgraph_l")));
int __iswlower_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswlower_l")));
int __iswprint_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswprint_l")));
int __iswpunct_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswpunct_l")));
int __iswspace_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswspace_l")));
int __iswupper_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswupper_l")));
int __iswxdigit_l(wint_t c, locale_t locale) noexcept __attribute__((alias("iswxdigit_l")));
int __iswctype(wint_t c, wctype_t description) noexcept __attribute__((alias("iswctype")));
wint_t __towctrans(wint_t c, wctrans_t description) noexcept __attribute__((alias("towctrans")));
wint_t __towctrans_l(wint_t c, wctrans_t description, locale_t locale) noexcept
    __attribute__((alias("towctrans_l")));
wctrans_t __wctrans_l(const char* name, locale_t locale) noexcept __attribute__((alias("wctrans_l")));

}  // extern "C"
