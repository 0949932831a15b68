// The POSIX.1-2008 locale objects: newlocale duplocale freelocale uselocale
// (and the __-prefixed names glibc also exports, which libstdc++ calls).
//
// Every locale lwp can make is "C", so there is one locale object, static,
// and every newlocale or duplocale returns it: nothing is allocated, so
// nothing can run out or leak, and freelocale has nothing to free (glibc
// treats its own static "C" object the same way). The object's fields are
// filled in as glibc's <ctype.h> expects, since its macros (__isalpha_l,
// the optimised tolower_l) and libstdc++ read __ctype_b, __ctype_tolower and
// __ctype_toupper inline; __names says "C" for every category. __locales,
// glibc's own data, stays null: nothing outside glibc reads it.
//
// uselocale is per thread: a thread_local names the thread's locale, null
// while it uses the global one (every thread starts that way, as in glibc).
#include <errno.h>
#include <locale.h>

#include "ctype_tables.hpp"
#include "locale_names.hpp"
#include "locale_state.hpp"

namespace {

using namespace lwp::libc;

constexpr int all_categories_mask = LC_ALL_MASK;

__locale_struct c_locale_object = {
    .__locales = {},
    .__ctype_b = c_locale_classes.entries + 128,
    .__ctype_tolower = c_locale_lower.entries + 128,
    .__ctype_toupper = c_locale_upper.entries + 128,
    .__names = {"C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C"},
};

thread_local locale_t thread_locale;  // null: the global locale

}  // namespace

extern "C" {

locale_t newlocale(int mask, const char* name, locale_t) noexcept {
    // 1 << LC_ALL is accepted as "every category", as glibc does (libstdc++
    // asks that way).
    if (mask == 1 << LC_ALL) mask = all_categories_mask;
    if (name == nullptr || (mask & ~all_categories_mask) != 0) {
        errno = EINVAL;
        return nullptr;
    }
    // The categories the mask names must each come out "C"; the others are
    // the base's (or "C"'s), "C" either way. A refusal leaves the base
    // untouched, as POSIX requires.
    for (int category = 0; category < category_count; ++category) {
        if (category == LC_ALL || (mask & (1 << category)) == 0) continue;
        if (!resolves_to_c_locale(category, name)) {
            errno = ENOENT;
            return nullptr;
        }
    }
    return &c_locale_object;
}

// A copy of any locale, the global one included, is "C": the one object.
locale_t duplocale(locale_t) noexcept { return &c_locale_object; }

void freelocale(locale_t) noexcept {}

locale_t uselocale(locale_t locale) noexcept {
    locale_t previous = thread_locale ? thread_locale : LC_GLOBAL_LOCALE;
    if (locale == LC_GLOBAL_LOCALE) thread_locale = nullptr;
    else if (locale != nullptr) thread_locale = locale;
    return previous;
}

locale_t __newlocale(int mask, const char* name, locale_t base) noexcept
    __attribute__((alias("newlocale")));
locale_t __duplocale(locale_t locale) noexcept __attribute__((alias("duplocale")));
void __freelocale(locale_t locale) noexcept __attribute__((alias("freelocale")));
locale_t __uselocale(locale_t locale) noexcept __attribute__((alias("uselocale")));

}  // extern "C"

namespace lwp::libc {

// Every locale is "C" so far.
bool ctype_is_utf8() noexcept { return false; }
bool locale_ctype_is_utf8(locale_t) noexcept { return false; }

}  // namespace lwp::libc
