// Which character set the calling thread's locale uses: lwp has two
// locales, "C" (ASCII) and "C.UTF-8" (UTF-8, Unicode's character classes,
// case mappings and widths), and only their LC_CTYPE differs in behaviour.
// Everything that converts or classifies characters asks here.
#pragma once

#include <locale.h>

namespace lwp::libc {

// Whether LC_CTYPE is C.UTF-8 for the calling thread: its uselocale object
// if it set one, else the global locale's (setlocale).
bool ctype_is_utf8() noexcept;

// Whether a locale object's LC_CTYPE is C.UTF-8 (for the _l functions);
// LC_GLOBAL_LOCALE means the global locale's.
bool locale_ctype_is_utf8(locale_t locale) noexcept;

}  // namespace lwp::libc
