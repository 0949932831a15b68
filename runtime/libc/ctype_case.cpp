// tolower/toupper in the "C" locale, and the tables glibc's <ctype.h> reads
// through __ctype_tolower_loc/__ctype_toupper_loc when it inlines them:
// int32 entries indexable from -128 to 255, each character mapping to itself
// except the ASCII letters.
#include <ctype.h>
#include <stdint.h>

#include "ctype_tables.hpp"

namespace {

using lwp::libc::ctype_case_table;

constexpr ctype_case_table make_case_table(char from_first, char to_first) {
    ctype_case_table table{};
    for (int c = -128; c < 256; ++c) {
        bool mapped = c >= from_first && c < from_first + 26;
        table.entries[c + 128] = mapped ? c - from_first + to_first : c;
    }
    return table;
}

}  // namespace

// Shared with the "C" locale object (locale_objects.cpp) and wctrans
// (wide_ctype.cpp).
constexpr ctype_case_table lwp::libc::c_locale_lower = make_case_table('A', 'a');
constexpr ctype_case_table lwp::libc::c_locale_upper = make_case_table('a', 'A');

namespace {

const int32_t* const lower_pointer = lwp::libc::c_locale_lower.entries + 128;
const int32_t* const upper_pointer = lwp::libc::c_locale_upper.entries + 128;

}  // namespace

extern "C" {

const int32_t** __ctype_tolower_loc(void) noexcept {
    return const_cast<const int32_t**>(&lower_pointer);
}
const int32_t** __ctype_toupper_loc(void) noexcept {
    return const_cast<const int32_t**>(&upper_pointer);
}

int tolower(int c) noexcept { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
int toupper(int c) noexcept { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

}  // extern "C"
