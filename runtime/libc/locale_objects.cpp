// The POSIX.1-2008 locale objects: newlocale duplocale freelocale uselocale
// (and the __-prefixed names glibc also exports, which libstdc++ calls).
//
// A locale object is glibc's __locale_struct, filled in as glibc's
// <ctype.h> expects, since its macros (__isalpha_l, the optimised
// tolower_l) and libstdc++ read __ctype_b, __ctype_tolower and
// __ctype_toupper inline: the byte tables are the same in "C" and C.UTF-8,
// where no byte from 0x80 up is a character. __names holds "C" or "C.UTF-8"
// for each category, which is how locale_state.cpp tells them apart.
// __locales, glibc's own data, stays null: nothing outside glibc reads it.
//
// The two objects whose categories all agree are static, so the usual
// newlocale(LC_ALL_MASK, ...) allocates nothing and cannot run out; an
// object mixing "C" and C.UTF-8 categories is allocated, and freelocale
// frees it (glibc treats its own static "C" object the same way).
#include <errno.h>
#include <locale.h>
#include <stdlib.h>

#include "ctype_tables.hpp"
#include "locale_names.hpp"
#include "locale_state.hpp"

namespace {

using namespace lwp::libc;

constexpr int all_categories_mask = LC_ALL_MASK;
constexpr const char* c_name = "C";
constexpr const char* utf8_name = "C.UTF-8";

__locale_struct c_locale_object = {
    .__locales = {},
    .__ctype_b = c_locale_classes.entries + 128,
    .__ctype_tolower = c_locale_lower.entries + 128,
    .__ctype_toupper = c_locale_upper.entries + 128,
    .__names = {c_name, c_name, c_name, c_name, c_name, c_name, c_name, c_name, c_name, c_name,
                c_name, c_name, c_name},
};

__locale_struct utf8_locale_object = {
    .__locales = {},
    .__ctype_b = c_locale_classes.entries + 128,
    .__ctype_tolower = c_locale_lower.entries + 128,
    .__ctype_toupper = c_locale_upper.entries + 128,
    .__names = {utf8_name, utf8_name, utf8_name, utf8_name, utf8_name, utf8_name, utf8_name,
                utf8_name, utf8_name, utf8_name, utf8_name, utf8_name, utf8_name},
};

// Whether an object is not the caller's to free: a static one, or
// LC_GLOBAL_LOCALE (a handle, not an object).
bool is_static(locale_t locale) {
    return locale == &c_locale_object || locale == &utf8_locale_object ||
           locale == LC_GLOBAL_LOCALE;
}

// The categories of `locale` that are C.UTF-8, bit (1 << category).
unsigned utf8_categories_of(locale_t locale) {
    unsigned categories = 0;
    for (int category = 0; category < category_count; ++category)
        if (category != LC_ALL && locale_category_is_utf8(locale, category))
            categories |= 1u << category;
    return categories;
}

// The object for a set of C.UTF-8 categories: a static one when they agree,
// else `reusable` (a heap object the caller gives up) or a new one; null
// and ENOMEM when there is no memory.
locale_t object_for(unsigned utf8_categories, locale_t reusable) {
    constexpr unsigned every_category = all_categories_mask & ~(1u << LC_ALL);
    if (utf8_categories == 0 || utf8_categories == every_category) {
        if (reusable) free(reusable);
        return utf8_categories == 0 ? &c_locale_object : &utf8_locale_object;
    }
    locale_t object = reusable ? reusable : static_cast<locale_t>(malloc(sizeof *reusable));
    if (!object) {
        errno = ENOMEM;
        return nullptr;
    }
    *object = c_locale_object;
    for (int category = 0; category < category_count; ++category)
        if (utf8_categories & (1u << category)) object->__names[category] = utf8_name;
    return object;
}

}  // namespace

extern "C" {

locale_t newlocale(int mask, const char* name, locale_t base) noexcept {
    // 1 << LC_ALL is accepted as "every category", as glibc does (libstdc++
    // asks that way).
    if (mask == 1 << LC_ALL) mask = all_categories_mask;
    if (name == nullptr || (mask & ~all_categories_mask) != 0) {
        errno = EINVAL;
        return nullptr;
    }
    // The categories the mask names take the locale `name` asks for; the
    // others are the base's ("C" without one). A refusal leaves the base
    // untouched, as POSIX requires.
    unsigned utf8_categories = base ? utf8_categories_of(base) : 0;
    for (int category = 0; category < category_count; ++category) {
        if (category == LC_ALL || (mask & (1 << category)) == 0) continue;
        switch (kind_of_locale_name(requested_name(category, name))) {
        case locale_kind::unknown: errno = ENOENT; return nullptr;
        case locale_kind::c: utf8_categories &= ~(1u << category); break;
        case locale_kind::c_utf8: utf8_categories |= 1u << category; break;
        }
    }
    // A heap base is the caller's to give up (POSIX: it may be reused).
    return object_for(utf8_categories, base && !is_static(base) ? base : nullptr);
}

// A copy: the same static object, or a new heap one; LC_GLOBAL_LOCALE
// copies the global locale as it is now.
locale_t duplocale(locale_t locale) noexcept {
    if (is_static(locale) && locale != LC_GLOBAL_LOCALE) return locale;
    return object_for(utf8_categories_of(locale), nullptr);
}

void freelocale(locale_t locale) noexcept {
    if (!is_static(locale)) free(locale);
}

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
