// The "C" locale's character tables, as glibc's <ctype.h> indexes them: 384
// entries, from -128 (a signed char) to 255. ctype.cpp and ctype_case.cpp
// define them; the locale object (locale_objects.cpp) points at them too,
// because <ctype.h>'s isalpha_l-style macros and the optimised tolower_l read
// a locale_t's __ctype_b/__ctype_tolower/__ctype_toupper inline.
#pragma once

#include <stdint.h>

namespace lwp::libc {

struct ctype_class_table {
    unsigned short entries[384];  // glibc's _IS* bits
};

struct ctype_case_table {
    int32_t entries[384];
};

extern const ctype_class_table c_locale_classes;  // ctype.cpp
extern const ctype_case_table c_locale_lower;     // ctype_case.cpp
extern const ctype_case_table c_locale_upper;     // ctype_case.cpp

}  // namespace lwp::libc
