// wcstof128, wcstof128_l and __wcstof128_internal: strtof128 on the wide
// string's leading ASCII run (wide_number_reading.hpp), its results and errno
// unchanged; the locale and `group` change nothing, as in glibc under "C".
// Apart from wide_numbers.cpp so that wcstod's users do not link strtof128.
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

#include "wide_number_reading.hpp"

extern "C" {

__float128 wcstof128(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return lwp::libc::read_wide<__float128>(
        text, end, [](const char* n, char** e) { return strtof128(n, e); });
}

__float128 wcstof128_l(const wchar_t* __restrict text, wchar_t** __restrict end,
                       locale_t) noexcept {
    return wcstof128(text, end);
}

__float128 __wcstof128_internal(const wchar_t* __restrict text, wchar_t** __restrict end,
                                int /*group*/) noexcept {
    return wcstof128(text, end);
}

}  // extern "C"
