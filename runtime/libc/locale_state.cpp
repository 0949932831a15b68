// The state locale_state.hpp describes: the global locale's C.UTF-8
// categories and each thread's uselocale object.
#include "locale_state.hpp"

#include <wchar.h>

#include "character_sets.hpp"
#include "utf8_conversion.hpp"

namespace lwp::libc {

std::atomic<unsigned> global_utf8_categories{0};  // every program starts in "C"

thread_local locale_t thread_locale = nullptr;  // every thread starts global, as in glibc

bool locale_category_is_utf8(locale_t locale, int category) noexcept {
    if (locale == LC_GLOBAL_LOCALE)
        return (global_utf8_categories.load(std::memory_order_relaxed) >> category) & 1;
    return names_utf8_locale(locale->__names[category]);
}

bool category_is_utf8(int category) noexcept {
    return locale_category_is_utf8(thread_locale ? thread_locale : LC_GLOBAL_LOCALE, category);
}

size_t utf8_ctype_character_bytes(wchar_t character, char* bytes) noexcept {
    if (!ctype_is_utf8()) return static_cast<size_t>(-1);
    mbstate_t initial{};
    size_t length = utf8::encode(bytes, character, &initial);
    return length == utf8::refused ? 0 : length;
}

}  // namespace lwp::libc

namespace {

// Only a program that can switch to C.UTF-8 (it links this file) and uses
// iconv needs C.UTF-8's //TRANSLIT tables, and neither alone should link
// them. iconv refers to them weakly, which does not take them from the
// archive; this reference does, from a section nothing reaches, so that
// --gc-sections drops them again unless iconv's reference keeps them.
[[gnu::used]] auto* const utf8_transliteration_tables_into_link =
    &lwp_libc_character_sets::utf8_locale_replacement;

}  // namespace
