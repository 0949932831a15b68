// The _l forms of <ctype.h>: isalnum_l and the rest, tolower_l toupper_l
// (and glibc's __tolower_l/__toupper_l, which the optimised tolower_l macro
// falls back on). Every locale is "C" (locale_objects.cpp), so each asks the
// plain function; a program compiled with optimisation reads the locale
// object's tables inline instead, which hold the same answers.
//
// <ctype.h> defines isalnum_l and the rest as macros reading those tables,
// even in C++; __NO_CTYPE keeps them out so the functions can be defined.
#define __NO_CTYPE 1
#include <ctype.h>
#include <locale.h>

extern "C" {

int isalnum_l(int c, locale_t) noexcept { return isalnum(c); }
int isalpha_l(int c, locale_t) noexcept { return isalpha(c); }
int isblank_l(int c, locale_t) noexcept { return isblank(c); }
int iscntrl_l(int c, locale_t) noexcept { return iscntrl(c); }
int isdigit_l(int c, locale_t) noexcept { return isdigit(c); }
int isgraph_l(int c, locale_t) noexcept { return isgraph(c); }
int islower_l(int c, locale_t) noexcept { return islower(c); }
int isprint_l(int c, locale_t) noexcept { return isprint(c); }
int ispunct_l(int c, locale_t) noexcept { return ispunct(c); }
int isspace_l(int c, locale_t) noexcept { return isspace(c); }
int isupper_l(int c, locale_t) noexcept { return isupper(c); }
int isxdigit_l(int c, locale_t) noexcept { return isxdigit(c); }

int tolower_l(int c, locale_t) noexcept { return tolower(c); }
int toupper_l(int c, locale_t) noexcept { return toupper(c); }
int __tolower_l(int c, locale_t locale) noexcept __attribute__((alias("tolower_l")));
int __toupper_l(int c, locale_t locale) noexcept __attribute__((alias("toupper_l")));

// glibc's second names, which its inline <ctype.h> code of old called.
int __isalnum_l(int c, locale_t locale) noexcept __attribute__((alias("isalnum_l")));
int __isalpha_l(int c, locale_t locale) noexcept __attribute__((alias("isalpha_l")));
int __isblank_l(int c, locale_t locale) noexcept __attribute__((alias("isblank_l")));
int __iscntrl_l(int c, locale_t locale) noexcept __attribute__((alias("iscntrl_l")));
int __isdigit_l(int c, locale_t locale) noexcept __attribute__((alias("isdigit_l")));
int __isgraph_l(int c, locale_t locale) noexcept __attribute__((alias("isgraph_l")));
int __islower_l(int c, locale_t locale) noexcept __attribute__((alias("islower_l")));
int __isprint_l(int c, locale_t locale) noexcept __attribute__((alias("isprint_l")));
int __ispunct_l(int c, locale_t locale) noexcept __attribute__((alias("ispunct_l")));
int __isspace_l(int c, locale_t locale) noexcept __attribute__((alias("isspace_l")));
int __isupper_l(int c, locale_t locale) noexcept __attribute__((alias("isupper_l")));
int __isxdigit_l(int c, locale_t locale) noexcept __attribute__((alias("isxdigit_l")));

}  // extern "C"
