// The fortified wide printf family (__swprintf_chk __vswprintf_chk
// __fwprintf_chk __vfwprintf_chk __wprintf_chk __vwprintf_chk): what
// <wchar.h> calls in place of swprintf and its relatives under
// _FORTIFY_SOURCE. The checks are the narrow family's
// (fortified_printf.cpp), in wide characters:
//  - swprintf into an array of known size: the bound given must not exceed
//    the array (both counted in wide characters, as the headers pass them);
//  - `flag` > 0 (_FORTIFY_SOURCE=2 and up): a %n is allowed only in a format
//    that lies in the program's read-only image. Checked before anything is
//    printed (glibc prints what comes before the %n first).
// A failed check ends the program with glibc's message.
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#include <cstdint>

#include "fortify_failure.hpp"
#include "read_only_image.hpp"

namespace {

// Whether the format has a %n conversion; see fortified_printf.cpp.
bool has_count_conversion(const wchar_t* format) {
    for (const wchar_t* cursor = format; *cursor; ++cursor) {
        if (*cursor != L'%') continue;
        cursor += 1 + wcsspn(cursor + 1, L"-+ #0'123456789*.$hlqLjzZt");
        if (*cursor == L'n') return true;
        if (*cursor == L'\0') break;
    }
    return false;
}

// _FORTIFY_SOURCE=1 passes flag 0 and asks for the size check only.
void check_format(int flag, const wchar_t* format) {
    if (flag <= 0) return;
    auto start = reinterpret_cast<std::uintptr_t>(format);
    if (lwp::libc::in_read_only_image(start, start + (wcslen(format) + 1) * sizeof(wchar_t)))
        return;
    if (has_count_conversion(format))
        lwp::libc::fortify_failure("%n in writable segment detected", "");
}

}  // namespace

extern "C" {

int __vfwprintf_chk(FILE* __restrict file, int flag, const wchar_t* __restrict format,
                    va_list arguments) {
    check_format(flag, format);
    return vfwprintf(file, format, arguments);
}

int __vwprintf_chk(int flag, const wchar_t* __restrict format, va_list arguments) {
    return __vfwprintf_chk(stdout, flag, format, arguments);
}

int __fwprintf_chk(FILE* __restrict file, int flag, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vfwprintf_chk(file, flag, format, arguments);
    va_end(arguments);
    return result;
}

int __wprintf_chk(int flag, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vfwprintf_chk(stdout, flag, format, arguments);
    va_end(arguments);
    return result;
}

// The bound must not exceed the array: a larger one would let swprintf
// write past it.
int __vswprintf_chk(wchar_t* __restrict buffer, size_t capacity, int flag, size_t object_size,
                    const wchar_t* __restrict format, va_list arguments) {
    lwp::libc::require_fit(capacity <= object_size);
    check_format(flag, format);
    return vswprintf(buffer, capacity, format, arguments);
}

int __swprintf_chk(wchar_t* __restrict buffer, size_t capacity, int flag, size_t object_size,
                   const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vswprintf_chk(buffer, capacity, flag, object_size, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
