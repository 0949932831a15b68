// Wide-character classes and case in the "C" locale: iswalnum and the rest,
// iswctype wctype, towlower towupper towctrans wctrans, wcwidth wcswidth,
// and the _l forms (with the __ names libstdc++ calls).
//
// glibc's "C" locale classifies only ASCII among wide characters too:
// iswalpha(L'é') is 0, towupper(L'é') is L'é' and wcwidth of anything outside
// 0x20-0x7e is -1 (0 for L'\0'), which tests/posix/locale_and_wide.c checks
// against glibc for every value up to 0x10FFFF. So lwp answers from the
// narrow "C" table (ctype.cpp) below 0x80 and "no class" above, exactly.
// (glibc's C.UTF-8 has Unicode's classes and widths; lwp has no such locale.)
//
// wctype's descriptions are the class's _IS* bit, wctrans's the case table
// itself (<wctype.h> types wctrans_t as a pointer to int32_t, as the table
// is); an unknown name gives 0 (a null pointer), which iswctype answers 0
// for and towctrans leaves characters alone for, as glibc does.
#include <ctype.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ctype_tables.hpp"

namespace {

using lwp::libc::c_locale_classes;
using lwp::libc::c_locale_lower;
using lwp::libc::c_locale_upper;

constexpr wint_t ascii_limit = 0x80;

int has(wint_t character, unsigned bits) {
    return character < ascii_limit && (c_locale_classes.entries[128 + character] & bits) != 0;
}

struct class_name {
    char name[7];
    unsigned short bits;
};
constexpr class_name class_names[] = {
    {"alnum", _ISalnum}, {"alpha", _ISalpha}, {"blank", _ISblank}, {"cntrl", _IScntrl},
    {"digit", _ISdigit}, {"graph", _ISgraph}, {"lower", _ISlower}, {"print", _ISprint},
    {"punct", _ISpunct}, {"space", _ISspace}, {"upper", _ISupper}, {"xdigit", _ISxdigit},
};

const int32_t* const lower_mapping = c_locale_lower.entries + 128;
const int32_t* const upper_mapping = c_locale_upper.entries + 128;

}  // namespace

extern "C" {

int iswalnum(wint_t c) noexcept { return has(c, _ISalnum); }
int iswalpha(wint_t c) noexcept { return has(c, _ISalpha); }
int iswblank(wint_t c) noexcept { return has(c, _ISblank); }
int iswcntrl(wint_t c) noexcept { return has(c, _IScntrl); }
int iswdigit(wint_t c) noexcept { return has(c, _ISdigit); }
int iswgraph(wint_t c) noexcept { return has(c, _ISgraph); }
int iswlower(wint_t c) noexcept { return has(c, _ISlower); }
int iswprint(wint_t c) noexcept { return has(c, _ISprint); }
int iswpunct(wint_t c) noexcept { return has(c, _ISpunct); }
int iswspace(wint_t c) noexcept { return has(c, _ISspace); }
int iswupper(wint_t c) noexcept { return has(c, _ISupper); }
int iswxdigit(wint_t c) noexcept { return has(c, _ISxdigit); }

wctype_t wctype(const char* name) noexcept {
    for (const class_name& each : class_names)
        if (strcmp(each.name, name) == 0) return each.bits;
    return 0;
}

int iswctype(wint_t c, wctype_t description) noexcept {
    return description != 0 && has(c, static_cast<unsigned>(description));
}

wint_t towlower(wint_t c) noexcept { return c < ascii_limit ? lower_mapping[c] : c; }
wint_t towupper(wint_t c) noexcept { return c < ascii_limit ? upper_mapping[c] : c; }

wctrans_t wctrans(const char* name) noexcept {
    if (strcmp(name, "tolower") == 0) return lower_mapping;
    if (strcmp(name, "toupper") == 0) return upper_mapping;
    return nullptr;
}

wint_t towctrans(wint_t c, wctrans_t description) noexcept {
    if (description == lower_mapping) return towlower(c);
    if (description == upper_mapping) return towupper(c);
    return c;
}

// Columns on a terminal: 1 for printable ASCII, 0 for L'\0', and -1 (not
// printable) for everything else, control characters included.
int wcwidth(wchar_t c) noexcept {
    if (c == 0) return 0;
    return c >= 0x20 && c < 0x7f ? 1 : -1;
}

int wcswidth(const wchar_t* text, size_t limit) noexcept {
    int columns = 0;
    for (size_t i = 0; i < limit && text[i] != 0; ++i) {
        int width = wcwidth(text[i]);
        if (width < 0) return -1;
        columns += width;
    }
    return columns;
}

// The _l forms: every locale is "C" (locale_objects.cpp).
int iswalnum_l(wint_t c, locale_t) noexcept { return iswalnum(c); }
int iswalpha_l(wint_t c, locale_t) noexcept { return iswalpha(c); }
int iswblank_l(wint_t c, locale_t) noexcept { return iswblank(c); }
int iswcntrl_l(wint_t c, locale_t) noexcept { return iswcntrl(c); }
int iswdigit_l(wint_t c, locale_t) noexcept { return iswdigit(c); }
int iswgraph_l(wint_t c, locale_t) noexcept { return iswgraph(c); }
int iswlower_l(wint_t c, locale_t) noexcept { return iswlower(c); }
int iswprint_l(wint_t c, locale_t) noexcept { return iswprint(c); }
int iswpunct_l(wint_t c, locale_t) noexcept { return iswpunct(c); }
int iswspace_l(wint_t c, locale_t) noexcept { return iswspace(c); }
int iswupper_l(wint_t c, locale_t) noexcept { return iswupper(c); }
int iswxdigit_l(wint_t c, locale_t) noexcept { return iswxdigit(c); }
wctype_t wctype_l(const char* name, locale_t) noexcept { return wctype(name); }
int iswctype_l(wint_t c, wctype_t description, locale_t) noexcept {
    return iswctype(c, description);
}
wint_t towlower_l(wint_t c, locale_t) noexcept { return towlower(c); }
wint_t towupper_l(wint_t c, locale_t) noexcept { return towupper(c); }
wctrans_t wctrans_l(const char* name, locale_t) noexcept { return wctrans(name); }
wint_t towctrans_l(wint_t c, wctrans_t description, locale_t) noexcept {
    return towctrans(c, description);
}

wctype_t __wctype_l(const char* name, locale_t locale) noexcept
    __attribute__((alias("wctype_l")));
int __iswctype_l(wint_t c, wctype_t description, locale_t locale) noexcept
    __attribute__((alias("iswctype_l")));
wint_t __towlower_l(wint_t c, locale_t locale) noexcept __attribute__((alias("towlower_l")));
wint_t __towupper_l(wint_t c, locale_t locale) noexcept __attribute__((alias("towupper_l")));

}  // extern "C"
