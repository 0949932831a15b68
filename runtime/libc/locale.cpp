// setlocale and localeconv: the program's global locale, which in lwp is
// always "C" (locale_names.hpp says why, and what is refused).
//
// Nothing here changes state: every category of the global locale is "C"
// from start to end, so setlocale only answers whether a request would
// leave it "C" (success) or not (a null pointer, the locale unchanged, as
// glibc does for a locale that is not installed). Hence setlocale is
// thread-safe, which POSIX does not even require of it.
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "locale_names.hpp"

namespace {

using namespace lwp::libc;

char c_locale_name[] = "C";

// The category a composite name's part "LC_xxx=..." names, or -1.
int category_named(const char* name, size_t length) {
    for (int category = 0; category < category_count; ++category) {
        const char* candidate = category_name(category);
        if (category != LC_ALL && strlen(candidate) == length &&
            memcmp(candidate, name, length) == 0)
            return category;
    }
    return -1;
}

// A name for LC_ALL with a ';' is glibc's composite form, what setlocale
// returns when categories differ: "LC_CTYPE=C;LC_NUMERIC=C;..." naming every
// category once. A part that is not "category=value", a category that is
// not one, or one left out is EINVAL (as in glibc); a well-formed name with
// a value other than "C" or "POSIX" (or "", the environment's) is ENOENT.
int composite_name_error(const char* name) {
    bool named[category_count] = {};
    bool all_c = true;
    for (const char* part = name;;) {
        const char* end = strchrnul(part, ';');
        const char* equals = static_cast<const char*>(memchr(part, '=', end - part));
        if (!equals) return EINVAL;
        int category = category_named(part, equals - part);
        if (category < 0 || named[category]) return EINVAL;
        named[category] = true;
        size_t value_length = end - equals - 1;
        const char* value = equals + 1;
        bool c_value = (value_length == 1 && value[0] == 'C') ||
                       (value_length == 5 && memcmp(value, "POSIX", 5) == 0) ||
                       (value_length == 0 && resolves_to_c_locale(category, ""));
        all_c = all_c && c_value;
        if (*end == '\0') break;
        part = end + 1;
    }
    for (int category = 0; category < category_count; ++category)
        if (category != LC_ALL && !named[category]) return EINVAL;
    return all_c ? 0 : ENOENT;
}

// The "C" locale's conventions: a '.' for a decimal point, nothing else,
// CHAR_MAX for "not available" in the numeric fields.
lconv c_conventions = {
    .decimal_point = const_cast<char*>("."),
    .thousands_sep = const_cast<char*>(""),
    .grouping = const_cast<char*>(""),
    .int_curr_symbol = const_cast<char*>(""),
    .currency_symbol = const_cast<char*>(""),
    .mon_decimal_point = const_cast<char*>(""),
    .mon_thousands_sep = const_cast<char*>(""),
    .mon_grouping = const_cast<char*>(""),
    .positive_sign = const_cast<char*>(""),
    .negative_sign = const_cast<char*>(""),
    .int_frac_digits = CHAR_MAX,
    .frac_digits = CHAR_MAX,
    .p_cs_precedes = CHAR_MAX,
    .p_sep_by_space = CHAR_MAX,
    .n_cs_precedes = CHAR_MAX,
    .n_sep_by_space = CHAR_MAX,
    .p_sign_posn = CHAR_MAX,
    .n_sign_posn = CHAR_MAX,
    .int_p_cs_precedes = CHAR_MAX,
    .int_p_sep_by_space = CHAR_MAX,
    .int_n_cs_precedes = CHAR_MAX,
    .int_n_sep_by_space = CHAR_MAX,
    .int_p_sign_posn = CHAR_MAX,
    .int_n_sign_posn = CHAR_MAX,
};

}  // namespace

extern "C" {

char* setlocale(int category, const char* name) noexcept {
    if (!valid_category(category)) {
        errno = EINVAL;
        return nullptr;
    }
    if (name == nullptr) return c_locale_name;  // a query: always "C"
    int error = 0;
    if (category == LC_ALL && strchr(name, ';'))
        error = composite_name_error(name);
    else if (!resolves_to_c_locale(category, name))
        error = ENOENT;
    if (error != 0) {
        errno = error;
        return nullptr;
    }
    return c_locale_name;
}

lconv* localeconv(void) noexcept { return &c_conventions; }

}  // extern "C"
