// setlocale and localeconv: the program's global locale, each of whose
// categories is "C" or "C.UTF-8" (locale_names.hpp says which names mean
// which; anything else is refused with a null pointer and the locale
// unchanged, as glibc refuses a locale that is not installed).
//
// Each category keeps the name it was set with ("C.utf8" stays "C.utf8", as
// in glibc; "POSIX" becomes "C"), and locale_state.cpp's bit mask says which
// are C.UTF-8 for the code that converts characters. A change is all or
// nothing: every category a request names is checked before any is set.
// setlocale holds a lock, so two threads calling it at once each get a
// consistent answer; one thread's change still races with another's
// conversions, as POSIX allows.
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "../thread/internal_lock.hpp"
#include "locale_names.hpp"
#include "locale_state.hpp"

namespace {

using namespace lwp::libc;

lwp::runtime::internal_lock setlocale_lock;

// Each category's name (LC_ALL's slot unused); "C" at start-up.
char category_names[category_count][longest_locale_name + 1] = {
    "C", "C", "C", "C", "C", "C", "", "C", "C", "C", "C", "C", "C"};

// What a query of LC_ALL returns when categories differ: every category,
// "LC_CTYPE=...;LC_NUMERIC=...;...", in category order.
char composite_name[(category_count - 1) * (sizeof "LC_IDENTIFICATION=;" + longest_locale_name)];

// A request checked and not yet applied: the name for each category it sets
// (null for one it leaves alone).
struct locale_request {
    const char* names[category_count] = {};
    size_t lengths[category_count] = {};
};

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

// Records `name` (its first `length` bytes; "" meaning the environment's)
// for `category`: 0, or ENOENT for a locale lwp does not have.
int request_category(locale_request& request, int category, const char* name, size_t length) {
    if (length == 0) {
        name = environment_locale_name(category);
        length = strlen(name);
    }
    if (kind_of_locale_name(name, length) == locale_kind::unknown) return ENOENT;
    request.names[category] = name;
    request.lengths[category] = length;
    return 0;
}

// glibc's composite form for LC_ALL, what setlocale returns when categories
// differ, naming every category once. A part that is not "category=value",
// a category that is not one, or one left out is EINVAL (as in glibc); a
// well-formed name with a locale lwp does not have is ENOENT.
int request_composite(locale_request& request, const char* name) {
    int error = 0;
    for (const char* part = name;;) {
        const char* end = strchrnul(part, ';');
        const char* equals = static_cast<const char*>(memchr(part, '=', end - part));
        if (!equals) return EINVAL;
        int category = category_named(part, equals - part);
        if (category < 0 || request.names[category]) return EINVAL;
        if (request_category(request, category, equals + 1, end - equals - 1) != 0) {
            error = ENOENT;
            request.names[category] = "";  // named, if not valid
        }
        if (*end == '\0') break;
        part = end + 1;
    }
    for (int category = 0; category < category_count; ++category)
        if (category != LC_ALL && !request.names[category]) return EINVAL;
    return error;
}

void apply(const locale_request& request) {
    unsigned utf8_categories = global_utf8_categories.load(std::memory_order_relaxed);
    for (int category = 0; category < category_count; ++category) {
        const char* name = request.names[category];
        if (!name) continue;
        size_t length = request.lengths[category];
        locale_kind kind = kind_of_locale_name(name, length);
        if (kind == locale_kind::c) {  // "POSIX" is kept as "C", as glibc does
            name = "C";
            length = 1;
        }
        memcpy(category_names[category], name, length);
        category_names[category][length] = '\0';
        if (kind == locale_kind::c_utf8) utf8_categories |= 1u << category;
        else utf8_categories &= ~(1u << category);
    }
    global_utf8_categories.store(utf8_categories, std::memory_order_relaxed);
}

// The global locale's name for `category`; for LC_ALL the one name every
// category shares, or the composite form.
char* current_name(int category) {
    if (category != LC_ALL) return category_names[category];
    bool uniform = true;
    for (int each = 1; each < category_count; ++each)
        if (each != LC_ALL && strcmp(category_names[each], category_names[LC_CTYPE]) != 0)
            uniform = false;
    if (uniform) return category_names[LC_CTYPE];
    char* out = composite_name;
    for (int each = 0; each < category_count; ++each) {
        if (each == LC_ALL) continue;
        if (out != composite_name) *out++ = ';';
        out = stpcpy(stpcpy(stpcpy(out, category_name(each)), "="), category_names[each]);
    }
    return composite_name;
}

// The "C" locale's conventions, which C.UTF-8 shares: a '.' for a decimal
// point, nothing else, CHAR_MAX for "not available" in the numeric fields.
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
    lwp::runtime::internal_lock_guard hold(setlocale_lock);
    if (name == nullptr) return current_name(category);  // a query
    locale_request request;
    int error = 0;
    if (category == LC_ALL && strchr(name, ';')) {
        error = request_composite(request, name);
    } else {
        for (int each = 0; each < category_count && error == 0; ++each)
            if (each != LC_ALL && (category == LC_ALL || each == category))
                error = request_category(request, each, name, strlen(name));
    }
    if (error != 0) {
        errno = error;
        return nullptr;
    }
    apply(request);
    return current_name(category);
}

lconv* localeconv(void) noexcept { return &c_conventions; }

}  // extern "C"
