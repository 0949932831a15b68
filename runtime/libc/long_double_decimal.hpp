// A long double's exact decimal text, for the long double forms of the legacy
// float-to-text functions (qecvt, qfcvt, qgcvt and their _r forms,
// ecvt_long_double_conversions.cpp), which glibc defines through printf's
// "%.*Lf" and "%.*Lg", and for strfroml (float_to_string.cpp), which also
// needs "%.*Le"; and the same three of a _Float128 for strfromf128. (Written
// when lwp's printf printed long double at double precision; printf_float.cpp
// now prints long doubles exactly itself.) These conversions are done here,
// exactly: the value M 2^E is turned into the decimal digits of
// M 2^E (E >= 0) or M 5^-E (E < 0, with -E digits after the point), and
// rounded on those digits: the long double forms to nearest with ties to
// even (glibc's printf in its default rounding direction), the _Float128
// ones in the direction given (strfromf128 passes the current one, as
// glibc's printf rounds).
#pragma once

#include <cstddef>

namespace lwp::libc {

// The rounding directions, in fesetround's (and MXCSR's) order.
enum class decimal_rounding { nearest, downward, upward, toward_zero };

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

// "%.*f", "%.*e" and "%.*g" of a _Float128 (glibc's printf with its Q
// modifier, as strfromf128 uses it), rounded in `direction`.
int format_float128_fixed(char* buffer, std::size_t size, int decimals, __float128 value,
                          decimal_rounding direction) noexcept;
int format_float128_exponential(char* buffer, std::size_t size, int precision, __float128 value,
                                decimal_rounding direction) noexcept;
int format_float128_general(char* buffer, std::size_t size, int precision, __float128 value,
                            decimal_rounding direction) noexcept;

}  // namespace lwp::libc
