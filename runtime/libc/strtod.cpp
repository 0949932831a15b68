// strtod strtof strtold atof, and the _FloatN names glibc's <stdlib.h>
// declares for the same formats (strtof32, strtof64, strtof32x, strtof64x),
// as aliases. The reading is float_text.hpp's, the rounding float_parse.hpp's:
// correctly rounded in the current rounding mode (fesetround's), with
// glibc's errno and flags.
#include <stdlib.h>

#include "float_text.hpp"

extern "C" {

double strtod(const char* __restrict text, char** __restrict end) noexcept {
    return lwp::libc::string_to_float<double>(text, end);
}

float strtof(const char* __restrict text, char** __restrict end) noexcept {
    return lwp::libc::string_to_float<float>(text, end);
}

long double strtold(const char* __restrict text, char** __restrict end) noexcept {
    return lwp::libc::string_to_float<long double>(text, end);
}

// The older headers' entry points; `group` (the locale's thousands
// separators) changes nothing in the C locale, as in glibc under "C".
double __strtod_internal(const char* __restrict text, char** __restrict end,
                         int /*group*/) noexcept {
    return lwp::libc::string_to_float<double>(text, end);
}
float __strtof_internal(const char* __restrict text, char** __restrict end,
                        int /*group*/) noexcept {
    return lwp::libc::string_to_float<float>(text, end);
}
long double __strtold_internal(const char* __restrict text, char** __restrict end,
                               int /*group*/) noexcept {
    return lwp::libc::string_to_float<long double>(text, end);
}

// glibc's atof is strtod without the end pointer (errno included).
double atof(const char* text) noexcept { return lwp::libc::string_to_float<double>(text, nullptr); }

_Float32 strtof32(const char* __restrict, char** __restrict) noexcept
    __attribute__((alias("strtof")));
_Float64 strtof64(const char* __restrict, char** __restrict) noexcept
    __attribute__((alias("strtod")));
_Float32x strtof32x(const char* __restrict, char** __restrict) noexcept
    __attribute__((alias("strtod")));
_Float64x strtof64x(const char* __restrict, char** __restrict) noexcept
    __attribute__((alias("strtold")));

}  // extern "C"
