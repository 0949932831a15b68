// The _l variants of functions whose answers depend on the locale, for
// locales that are all "C" in lwp (locale_objects.cpp): strtod_l strtof_l
// strtold_l, strtol_l strtoul_l strtoll_l strtoull_l, strftime_l and
// strerror_l each do what their plain function does (and the __ names
// glibc also exports, which libstdc++'s locale code calls), as do the
// _FloatN names strtof32_l strtof64_l strtof32x_l strtof64x_l.
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern "C" {

double strtod_l(const char* __restrict text, char** __restrict end, locale_t) noexcept {
    return strtod(text, end);
}
float strtof_l(const char* __restrict text, char** __restrict end, locale_t) noexcept {
    return strtof(text, end);
}
long double strtold_l(const char* __restrict text, char** __restrict end, locale_t) noexcept {
    return strtold(text, end);
}
double __strtod_l(const char* text, char** end, locale_t) noexcept { return strtod(text, end); }
float __strtof_l(const char* text, char** end, locale_t) noexcept { return strtof(text, end); }
long double __strtold_l(const char* text, char** end, locale_t) noexcept {
    return strtold(text, end);
}

long strtol_l(const char* __restrict text, char** __restrict end, int base, locale_t) noexcept {
    return strtol(text, end, base);
}
unsigned long strtoul_l(const char* __restrict text, char** __restrict end, int base,
                        locale_t) noexcept {
    return strtoul(text, end, base);
}
long long strtoll_l(const char* __restrict text, char** __restrict end, int base,
                    locale_t) noexcept {
    return strtoll(text, end, base);
}
unsigned long long strtoull_l(const char* __restrict text, char** __restrict end, int base,
                              locale_t) noexcept {
    return strtoull(text, end, base);
}

long __strtol_l(const char* text, char** end, int base, locale_t) noexcept {
    return strtol(text, end, base);
}
unsigned long __strtoul_l(const char* text, char** end, int base, locale_t) noexcept {
    return strtoul(text, end, base);
}
long long __strtoll_l(const char* text, char** end, int base, locale_t) noexcept {
    return strtoll(text, end, base);
}
unsigned long long __strtoull_l(const char* text, char** end, int base, locale_t) noexcept {
    return strtoull(text, end, base);
}

_Float32 strtof32_l(const char* __restrict, char** __restrict, locale_t) noexcept
    __attribute__((alias("strtof_l")));
_Float64 strtof64_l(const char* __restrict, char** __restrict, locale_t) noexcept
    __attribute__((alias("strtod_l")));
_Float32x strtof32x_l(const char* __restrict, char** __restrict, locale_t) noexcept
    __attribute__((alias("strtod_l")));
_Float64x strtof64x_l(const char* __restrict, char** __restrict, locale_t) noexcept
    __attribute__((alias("strtold_l")));

size_t strftime_l(char* __restrict out, size_t size, const char* __restrict format,
                  const tm* __restrict time, locale_t) noexcept {
    return strftime(out, size, format, time);
}
size_t __strftime_l(char* out, size_t size, const char* format, const tm* time,
                    locale_t) noexcept {
    return strftime(out, size, format, time);
}

char* strerror_l(int code, locale_t) noexcept { return strerror(code); }

}  // extern "C"
