// tolower/toupper in the "C" locale (and _tolower _toupper toascii
// __toascii_l), and the tables glibc's <ctype.h> reads
// through __ctype_tolower_loc/__ctype_toupper_loc when it inlines them:
// int32 entries indexable from -128 to 255, each character mapping to itself
// except the ASCII letters, and the negative values a signed char can have
// (-128 to -2), which map to the same byte as an unsigned char (128 to 254),
// as in glibc's tables; -1 is EOF and stays -1.
#include <ctype.h>
#include <locale.h>
#include <stdint.h>

#undef _tolower
#undef _toupper
#undef toascii
#undef __toascii_l

#include "ctype_tables.hpp"

namespace {

using lwp::libc::ctype_case_table;

constexpr ctype_case_table make_case_table(char from_first, char to_first) {
    ctype_case_table table{};
    for (int c = -128; c < 256; ++c) {
        bool mapped = c >= from_first && c < from_first + 26;
        int same = c < -1 ? c + 256 : c;
        table.entries[c + 128] = mapped ? c - from_first + to_first : same;
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

int tolower(int c) noexcept { return c >= -128 && c < 256 ? lower_pointer[c] : c; }
int toupper(int c) noexcept { return c >= -128 && c < 256 ? upper_pointer[c] : c; }

// The old unchecked forms: glibc's read its tables, which for every
// character they can index (-128 to 255) answer as tolower and toupper do.
int _tolower(int c) noexcept { return tolower(c); }
int _toupper(int c) noexcept { return toupper(c); }

// The low seven bits (SVID's toascii); glibc's __toascii_l ignores its locale.
int toascii(int c) noexcept { return c & 0x7f; }
int __toascii_l(int c, locale_t) noexcept { return c & 0x7f; }

}  // extern "C"
