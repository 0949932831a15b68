// Which locale names lwp accepts, and what "" means, for setlocale
// (locale.cpp) and newlocale (locale_objects.cpp).
//
// lwp has the "C" locale only (also called "POSIX"). A name that asks for
// anything else is refused the way glibc refuses a locale that is not
// installed, so programs already handle it. "C.UTF-8" is refused too: glibc's
// C.UTF-8 is a UTF-8 locale with Unicode's character classes and widths,
// which lwp does not have.
#pragma once

#include <locale.h>
#include <stdlib.h>
#include <string.h>

namespace lwp::libc {

// glibc's category numbers, LC_ALL (6) among them, run 0 to 12.
constexpr int category_count = 13;

// The environment variable named after each category (LC_ALL's too).
inline const char* category_name(int category) {
    static constexpr const char* names[category_count] = {
        "LC_CTYPE",    "LC_NUMERIC", "LC_TIME",    "LC_COLLATE",     "LC_MONETARY",
        "LC_MESSAGES", "LC_ALL",     "LC_PAPER",   "LC_NAME",        "LC_ADDRESS",
        "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"};
    return names[category];
}

inline bool valid_category(int category) { return category >= 0 && category < category_count; }

// The two spellings of the one locale lwp has. Case matters, as in glibc.
inline bool names_c_locale(const char* name) {
    return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

// The name "" stands for in one category (not LC_ALL), looked up as glibc
// does: LC_ALL, then the category's own variable, then LANG, the first that
// is set and not empty; none of them: "C".
inline const char* environment_locale_name(int category) {
    const char* candidates[] = {getenv("LC_ALL"), getenv(category_name(category)),
                                getenv("LANG")};
    for (const char* name : candidates)
        if (name && name[0] != '\0') return name;
    return "C";
}

// Whether asking for `name` in `category` (LC_ALL: every category) gets the
// "C" locale, "" being resolved from the environment, one category at a time.
inline bool resolves_to_c_locale(int category, const char* name) {
    if (name[0] != '\0') return names_c_locale(name);
    for (int each = 0; each < category_count; ++each) {
        if (each == LC_ALL || (category != LC_ALL && each != category)) continue;
        if (!names_c_locale(environment_locale_name(each))) return false;
    }
    return true;
}

}  // namespace lwp::libc
