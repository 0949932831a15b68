// wcstol wcstoul wcstoll wcstoull wcstoimax wcstoumax wcstod wcstof wcstold:
// numbers read from wide strings; their _l forms (and glibc's __wcsto*_l
// names), the __wcsto*_internal entry points older headers called, BSD's
// wcstoq and wcstouq, and the _FloatN names (wcstof32 ... wcstof64x_l) glibc
// exports for the same formats. Every locale reads numbers as "C" does (no
// locale has a thousands separator to group, nor another decimal point), so
// the locale and `group` arguments change nothing, as in glibc under "C" and
// C.UTF-8. In the "C" locale every character of a
// number is ASCII, so the text's leading ASCII run is narrowed to bytes, the
// byte function reads it, and the end it reports is mapped back: the
// results, errno included, are the byte functions'.
#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

#include "wide_number_reading.hpp"

using lwp::libc::read_wide;

extern "C" {

long wcstol(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<long>(text, end, [base](const char* n, char** e) { return strtol(n, e, base); });
}
unsigned long wcstoul(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<unsigned long>(text, end,
                                    [base](const char* n, char** e) { return strtoul(n, e, base); });
}
long long wcstoll(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<long long>(text, end,
                                [base](const char* n, char** e) { return strtoll(n, e, base); });
}
unsigned long long wcstoull(const wchar_t* __restrict text, wchar_t** __restrict end,
                            int base) noexcept {
    return read_wide<unsigned long long>(
        text, end, [base](const char* n, char** e) { return strtoull(n, e, base); });
}
intmax_t wcstoimax(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return wcstoll(text, end, base);
}
uintmax_t wcstoumax(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return wcstoull(text, end, base);
}
double wcstod(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<double>(text, end, [](const char* n, char** e) { return strtod(n, e); });
}
float wcstof(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<float>(text, end, [](const char* n, char** e) { return strtof(n, e); });
}
long double wcstold(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<long double>(text, end, [](const char* n, char** e) { return strtold(n, e); });
}

long wcstol_l(const wchar_t* __restrict text, wchar_t** __restrict end, int base,
              locale_t) noexcept {
    return wcstol(text, end, base);
}
unsigned long wcstoul_l(const wchar_t* __restrict text, wchar_t** __restrict end, int base,
                        locale_t) noexcept {
    return wcstoul(text, end, base);
}
long long wcstoll_l(const wchar_t* __restrict text, wchar_t** __restrict end, int base,
                    locale_t) noexcept {
    return wcstoll(text, end, base);
}
unsigned long long wcstoull_l(const wchar_t* __restrict text, wchar_t** __restrict end, int base,
                              locale_t) noexcept {
    return wcstoull(text, end, base);
}
double wcstod_l(const wchar_t* __restrict text, wchar_t** __restrict end, locale_t) noexcept {
    return wcstod(text, end);
}
float wcstof_l(const wchar_t* __restrict text, wchar_t** __restrict end, locale_t) noexcept {
    return wcstof(text, end);
}
long double wcstold_l(const wchar_t* __restrict text, wchar_t** __restrict end, locale_t) noexcept {
    return wcstold(text, end);
}

long __wcstol_l(const wchar_t*, wchar_t**, int, locale_t) noexcept
    __attribute__((alias("wcstol_l")));
unsigned long __wcstoul_l(const wchar_t*, wchar_t**, int, locale_t) noexcept
    __attribute__((alias("wcstoul_l")));
long long __wcstoll_l(const wchar_t*, wchar_t**, int, locale_t) noexcept
    __attribute__((alias("wcstoll_l")));
unsigned long long __wcstoull_l(const wchar_t*, wchar_t**, int, locale_t) noexcept
    __attribute__((alias("wcstoull_l")));
double __wcstod_l(const wchar_t*, wchar_t**, locale_t) noexcept __attribute__((alias("wcstod_l")));
float __wcstof_l(const wchar_t*, wchar_t**, locale_t) noexcept __attribute__((alias("wcstof_l")));
long double __wcstold_l(const wchar_t*, wchar_t**, locale_t) noexcept
    __attribute__((alias("wcstold_l")));

long __wcstol_internal(const wchar_t* text, wchar_t** end, int base, int /*group*/) noexcept {
    return wcstol(text, end, base);
}
unsigned long __wcstoul_internal(const wchar_t* text, wchar_t** end, int base,
                                 int /*group*/) noexcept {
    return wcstoul(text, end, base);
}
long long __wcstoll_internal(const wchar_t* text, wchar_t** end, int base, int /*group*/) noexcept {
    return wcstoll(text, end, base);
}
unsigned long long __wcstoull_internal(const wchar_t* text, wchar_t** end, int base,
                                       int /*group*/) noexcept {
    return wcstoull(text, end, base);
}
double __wcstod_internal(const wchar_t* text, wchar_t** end, int /*group*/) noexcept {
    return wcstod(text, end);
}
float __wcstof_internal(const wchar_t* text, wchar_t** end, int /*group*/) noexcept {
    return wcstof(text, end);
}
long double __wcstold_internal(const wchar_t* text, wchar_t** end, int /*group*/) noexcept {
    return wcstold(text, end);
}

long long wcstoq(const wchar_t* __restrict, wchar_t** __restrict, int) noexcept
    __attribute__((alias("wcstoll")));
unsigned long long wcstouq(const wchar_t* __restrict, wchar_t** __restrict, int) noexcept
    __attribute__((alias("wcstoull")));

_Float32 wcstof32(const wchar_t* __restrict, wchar_t** __restrict) noexcept
    __attribute__((alias("wcstof")));
_Float64 wcstof64(const wchar_t* __restrict, wchar_t** __restrict) noexcept
    __attribute__((alias("wcstod")));
_Float32x wcstof32x(const wchar_t* __restrict, wchar_t** __restrict) noexcept
    __attribute__((alias("wcstod")));
_Float64x wcstof64x(const wchar_t* __restrict, wchar_t** __restrict) noexcept
    __attribute__((alias("wcstold")));
_Float32 wcstof32_l(const wchar_t* __restrict, wchar_t** __restrict, locale_t) noexcept
    __attribute__((alias("wcstof_l")));
_Float64 wcstof64_l(const wchar_t* __restrict, wchar_t** __restrict, locale_t) noexcept
    __attribute__((alias("wcstod_l")));
_Float32x wcstof32x_l(const wchar_t* __restrict, wchar_t** __restrict, locale_t) noexcept
    __attribute__((alias("wcstod_l")));
_Float64x wcstof64x_l(const wchar_t* __restrict, wchar_t** __restrict, locale_t) noexcept
    __attribute__((alias("wcstold_l")));

}  // extern "C"
