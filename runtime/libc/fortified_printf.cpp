// The fortified printf family (__printf_chk, __sprintf_chk, ...,
// __obstack_printf_chk): what
// <stdio.h> calls in place of printf and its relatives when a program is
// built with _FORTIFY_SOURCE. Two checks on top of the plain functions:
//  - sprintf/snprintf into an object of known size: the output must fit the
//    object (sprintf), or the bound given must not exceed it (snprintf);
//  - `flag` > 0 (_FORTIFY_SOURCE=2 and up): a %n, which writes through a
//    pointer argument, is allowed only when the format lies in the program's
//    read-only image. A format an attacker could have written (on the stack,
//    the heap, writable data) is the classic way %n turns into a write
//    anywhere. Checked before anything is printed (glibc prints what comes
//    before the %n first).
// A failed check ends the program with glibc's message.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cstdint>

#include "fortify_failure.hpp"
#include "read_only_image.hpp"

namespace {

using lwp::libc::in_read_only_image;

// Whether the format has a %n conversion: what may stand between '%' and the
// conversion letter (flags, width, precision, '*', a position's '$', length
// modifiers) is skipped, so "%%n" is text and "%-5lln" a count.
bool has_count_conversion(const char* format) {
    for (const char* cursor = format; *cursor; ++cursor) {
        if (*cursor != '%') continue;
        cursor += 1 + strspn(cursor + 1, "-+ #0'123456789*.$hlqLjzZt");
        if (*cursor == 'n') return true;
        if (*cursor == '\0') break;
    }
    return false;
}

// _FORTIFY_SOURCE=1 passes flag 0 and asks for the size checks only. The
// format is read twice only when it is writable, which formats seldom are.
void check_format(int flag, const char* format) {
    if (flag <= 0) return;
    auto start = reinterpret_cast<std::uintptr_t>(format);
    if (in_read_only_image(start, start + strlen(format) + 1)) return;
    if (has_count_conversion(format))
        lwp::libc::fortify_failure("%n in writable segment detected", "");
}

}  // namespace

extern "C" {

int __vfprintf_chk(FILE* __restrict file, int flag, const char* __restrict format,
                   va_list arguments) {
    check_format(flag, format);
    return vfprintf(file, format, arguments);
}

int __vprintf_chk(int flag, const char* __restrict format, va_list arguments) {
    return __vfprintf_chk(stdout, flag, format, arguments);
}

int __fprintf_chk(FILE* __restrict file, int flag, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vfprintf_chk(file, flag, format, arguments);
    va_end(arguments);
    return result;
}

int __printf_chk(int flag, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vfprintf_chk(stdout, flag, format, arguments);
    va_end(arguments);
    return result;
}

// The bound must not exceed the object: a larger one would let snprintf
// write past it.
int __vsnprintf_chk(char* __restrict buffer, size_t capacity, int flag, size_t object_size,
                    const char* __restrict format, va_list arguments) {
    lwp::libc::require_fit(capacity <= object_size);
    check_format(flag, format);
    return vsnprintf(buffer, capacity, format, arguments);
}

int __snprintf_chk(char* __restrict buffer, size_t capacity, int flag, size_t object_size,
                   const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vsnprintf_chk(buffer, capacity, flag, object_size, format, arguments);
    va_end(arguments);
    return result;
}

// sprintf's output is cut at the object's end (never written past it) and
// the program ended if anything was cut: the whole output and its NUL must
// fit. Through vsnprintf the buffer is emptied first, as glibc's checked
// sprintf empties it (unlike its plain one).
int __vsprintf_chk(char* __restrict buffer, int flag, size_t object_size,
                   const char* __restrict format, va_list arguments) {
    lwp::libc::require_fit(object_size > 0);
    check_format(flag, format);
    int length = vsnprintf(buffer, object_size, format, arguments);
    lwp::libc::require_fit(length < 0 || static_cast<size_t>(length) < object_size);
    return length;
}

int __sprintf_chk(char* __restrict buffer, int flag, size_t object_size,
                  const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vsprintf_chk(buffer, flag, object_size, format, arguments);
    va_end(arguments);
    return result;
}

int __vdprintf_chk(int descriptor, int flag, const char* __restrict format, va_list arguments) {
    check_format(flag, format);
    return vdprintf(descriptor, format, arguments);
}

int __dprintf_chk(int descriptor, int flag, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vdprintf_chk(descriptor, flag, format, arguments);
    va_end(arguments);
    return result;
}

int __vasprintf_chk(char** __restrict result, int flag, const char* __restrict format,
                    va_list arguments) {
    check_format(flag, format);
    return vasprintf(result, format, arguments);
}

int __asprintf_chk(char** __restrict result, int flag, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int length = __vasprintf_chk(result, flag, format, arguments);
    va_end(arguments);
    return length;
}

int __obstack_vprintf_chk(struct obstack* __restrict h, int flag, const char* __restrict format,
                          va_list arguments) {
    check_format(flag, format);
    return obstack_vprintf(h, format, arguments);
}

int __obstack_printf_chk(struct obstack* __restrict h, int flag, const char* __restrict format,
                         ...) {
    va_list arguments;
    va_start(arguments, format);
    int length = __obstack_vprintf_chk(h, flag, format, arguments);
    va_end(arguments);
    return length;
}

}  // extern "C"
