// strtof128 (glibc's <stdlib.h> declares it with _GNU_SOURCE), its _l form
// and the __strtof128_internal entry point: strtold's reading (float_text.hpp:
// hexadecimal, inf, nan(chars), ERANGE for an overflow and for a tiny inexact
// result; every locale reads as "C") into binary128, correctly rounded in the
// current rounding mode, with glibc's errno and flags, as strtod and its kin
// (float_text.hpp's string_to_float). Apart from strtod.cpp so that strtod's
// users do not link binary128's packing.
#include <locale.h>
#include <stdlib.h>

#include "float_text.hpp"

extern "C" {

__float128 strtof128(const char* __restrict text, char** __restrict end) noexcept {
    return lwp::libc::string_to_float<__float128>(text, end);
}

__float128 strtof128_l(const char* __restrict text, char** __restrict end, locale_t) noexcept {
    return strtof128(text, end);
}

// `group` (the locale's thousands separators) changes nothing in "C".
__float128 __strtof128_internal(const char* __restrict text, char** __restrict end,
                                int /*group*/) noexcept {
    return strtof128(text, end);
}

}  // extern "C"
