// The C.UTF-8 locale's wide character data (Unicode's, as glibc 2.36 has
// it): wide_ctype.cpp answers from here when LC_CTYPE is C.UTF-8. Kept
// apart from the "C" locale's code so that tests can compare it with
// glibc's for every code point, and so that only programs calling the wide
// classification functions link its tables.
#pragma once

#include <wchar.h>

namespace lwp::libc {

// Class bits of c: <ctype.h>'s _IS* bits, plus the two extra classes
// below; 0 for anything that is not a Unicode code point.
unsigned unicode_classes(wint_t c) noexcept;
constexpr unsigned unicode_combining = 0x10;
constexpr unsigned unicode_combining_level3 = 0x20;

// wcwidth: -1 for characters outside "print", 0 for L'\0'.
int unicode_width(wint_t c) noexcept;

// The locale's toupper, tolower and totitle maps; c itself when unmapped.
wint_t unicode_to_upper(wint_t c) noexcept;
wint_t unicode_to_lower(wint_t c) noexcept;
wint_t unicode_to_title(wint_t c) noexcept;

}  // namespace lwp::libc
