// A long double's exact decimal text, for the long double forms of the legacy
// float-to-text functions (qecvt, qfcvt, qgcvt and their _r forms,
// ecvt_long_double_conversions.cpp), which glibc defines through printf's
// "%.*Lf" and "%.*Lg", and for strfroml (float_to_string.cpp), which also
// needs "%.*Le". lwp's printf prints long double at double precision, so
// these conversions are done here, exactly: the value M 2^E is turned
// into the decimal digits of M 2^E (E >= 0) or M 5^-E (E < 0, with -E digits
// after the point), and rounded on those digits, to nearest with ties to
// even (glibc's printf in its default rounding direction).
#pragma once

#include <cstddef>

namespace lwp::libc {

// What snprintf(buffer, size, "%.*Lf", decimals, value) and "%.*Lg" write
// and return: the length of the whole text (what does not fit is cut, and a
// terminator written when size > 0), or -1 (ENOMEM) without memory for the
// digits (about 21 KB, malloc'd for the call).
int format_long_double_fixed(char* buffer, std::size_t size, int decimals, long double value) noexcept;
int format_long_double_general(char* buffer, std::size_t size, int precision,
                               long double value) noexcept;
// "%.*Le" likewise: precision + 1 significant digits (6 after the point
// for a negative precision), the exponent at least two digits.
int format_long_double_exponential(char* buffer, std::size_t size, int precision,
                                   long double value) noexcept;

}  // namespace lwp::libc
