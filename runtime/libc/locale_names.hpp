// Which locale names lwp accepts, and what "" means, for setlocale
// (locale.cpp) and newlocale (locale_objects.cpp).
//
// lwp has two locales, built in: "C" (also called "POSIX"), whose charset is
// ASCII, and "C.UTF-8", glibc's C locale with UTF-8 and Unicode's character
// classes. Any other name is refused the way glibc refuses a locale that is
// not installed, so programs already handle it.
#pragma once

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

enum class locale_kind { unknown, c, c_utf8 };

// Longest name setlocale keeps for a category (a spelling of "C.UTF-8" with
// a modifier); a longer one is refused as unknown.
constexpr size_t longest_locale_name = 31;

// What `length` bytes of a name call for. "C" and "POSIX" (case matters, as
// in glibc) are the C locale. "C." followed by a spelling of UTF-8 that
// glibc also accepts ("UTF-8", "utf8", "Utf-8", "UTF8": any case, with or
// without the '-') is C.UTF-8, optionally followed by "@modifier", which
// glibc ignores for it as well.
inline locale_kind kind_of_locale_name(const char* name, size_t length) {
    if ((length == 1 && name[0] == 'C') || (length == 5 && memcmp(name, "POSIX", 5) == 0))
        return locale_kind::c;
    if (length > longest_locale_name || length < 6 || memcmp(name, "C.", 2) != 0)
        return locale_kind::unknown;
    const char* codeset = name + 2;
    const char* modifier = static_cast<const char*>(memchr(codeset, '@', length - 2));
    size_t codeset_length = (modifier ? modifier : name + length) - codeset;
    bool utf8 = (codeset_length == 5 && strncasecmp(codeset, "utf-8", 5) == 0) ||
                (codeset_length == 4 && strncasecmp(codeset, "utf8", 4) == 0);
    return utf8 ? locale_kind::c_utf8 : locale_kind::unknown;
}

inline locale_kind kind_of_locale_name(const char* name) {
    return kind_of_locale_name(name, strlen(name));
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

// The name a request means for one category (not LC_ALL): "" resolved
// through the environment.
inline const char* requested_name(int category, const char* name) {
    return name[0] == '\0' ? environment_locale_name(category) : name;
}

}  // namespace lwp::libc
