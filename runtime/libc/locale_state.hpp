// Which locale is in force: lwp has two locales, "C" (ASCII) and "C.UTF-8"
// (UTF-8, Unicode's character classes, case mappings and widths), and the
// calling thread's locale is its uselocale object if it set one, else the
// global locale (setlocale). Everything that converts or classifies
// characters asks here; only LC_CTYPE changes behaviour, the other
// categories of C.UTF-8 differing from "C" in their names and nl_langinfo's
// codeset items only.
//
// The two questions are weak references: code that converts characters
// (printf's %ls, mbrtowc) does not bring locale_state.cpp's object into a
// program by asking. Only what can change the locale does (setlocale,
// newlocale, uselocale, which use its variables), and a program without
// them is in "C" for good, so a missing answer is "C".
#pragma once

#include <locale.h>
#include <stddef.h>

#include <atomic>

namespace lwp::libc {

// The global locale's categories that are C.UTF-8, bit (1 << category);
// written by setlocale only (locale.cpp), read relaxed: a thread that calls
// setlocale while others convert gets no ordering from C or POSIX either.
extern std::atomic<unsigned> global_utf8_categories;

// The calling thread's uselocale object, null while it uses the global one.
extern thread_local locale_t thread_locale;

// A locale object's categories are told apart by the names it holds, which
// are only ever "C" or "C.UTF-8" (locale_objects.cpp).
inline bool names_utf8_locale(const char* name) { return name[0] == 'C' && name[1] == '.'; }

// Whether `category` (not LC_ALL) of a locale object is C.UTF-8;
// LC_GLOBAL_LOCALE means the global locale. Callers go through the two
// functions below, which check that it is linked.
[[gnu::weak]] bool locale_category_is_utf8(locale_t locale, int category) noexcept;

// Whether `category` (not LC_ALL) of the calling thread's locale is C.UTF-8.
[[gnu::weak]] bool category_is_utf8(int category) noexcept;

// Whether LC_CTYPE is C.UTF-8 for the calling thread.
inline bool ctype_is_utf8() noexcept {
    return category_is_utf8 != nullptr && category_is_utf8(LC_CTYPE);
}

// For code every program links (printf's %lc/%ls): when the calling
// thread's LC_CTYPE is C.UTF-8, one wide character's UTF-8 in `bytes` (room
// for six) and their number, or 0 for a character UTF-8 cannot hold; in
// "C", -1 and nothing stored. Call through ctype_character_bytes.
[[gnu::weak]] size_t utf8_ctype_character_bytes(wchar_t character, char* bytes) noexcept;
inline size_t ctype_character_bytes(wchar_t character, char* bytes) noexcept {
    return utf8_ctype_character_bytes ? utf8_ctype_character_bytes(character, bytes)
                                      : static_cast<size_t>(-1);
}

// Whether a locale object's LC_CTYPE is C.UTF-8 (for the _l functions).
inline bool locale_ctype_is_utf8(locale_t locale) noexcept {
    return locale_category_is_utf8 != nullptr && locale_category_is_utf8(locale, LC_CTYPE);
}

}  // namespace lwp::libc
