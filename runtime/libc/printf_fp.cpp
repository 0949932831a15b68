// __printf_fp: glibc's floating-point formatter, which printf handlers
// registered with register_printf_specifier call (declaring it themselves:
// no header does) to print a double, or a long double when
// info->is_long_double, as the conversion info describes: %f for an 'f' or
// 'F' spec, %e for 'e' or 'E', %g for any other letter, upper case when the
// letter is; the flags '#', '\'', '+', ' ', '-', '0', the width, and the
// precision (negative: the default). With both '-' and '0' (a negative
// '*' width gives that), glibc's formatter writes a finite number unpadded
// and then zeros up to the width, and so does this. The count of bytes
// written, or -1. Long doubles are formatted exactly, as lwp's printf
// does. The number goes through printf's standard engine, never
// through a handler the program registered for the letter. With
// info->wide (a wide printf function's handler), the characters go out
// as wide characters, as glibc's formatter writes to the wide stream such
// a handler is given.
#include <ctype.h>
#include <math.h>
#include <printf.h>
#include <stdarg.h>
#include <stdio.h>

#include "stream_format_sink.hpp"

namespace {

// The engine's ASCII output, each byte a wide character.
struct widening_stream_sink : lwp::libc::format_sink {
    FILE* file;
    bool failed;
};

void put_widened(lwp::libc::format_sink& base, const char* bytes, size_t count) {
    auto& sink = static_cast<widening_stream_sink&>(base);
    for (size_t i = 0; i < count && !sink.failed; ++i)
        sink.failed = !lwp::libc::put_ascii_as_wide(sink.file, bytes[i]);
}

// fprintf (or, `wide`, fwprintf) with the standard conversions only.
int print_standard(FILE* file, bool wide, const char* conversion, ...) {
    va_list arguments;
    va_start(arguments, conversion);
    int result;
    if (wide) {
        widening_stream_sink sink;
        sink.put = put_widened;
        sink.file = file;
        sink.failed = false;
        result = lwp::libc::format_standard(sink, conversion, arguments);
        if (sink.failed) result = -1;
    } else {
        result = lwp::libc::print_to_stream(file, lwp::libc::format_standard, conversion, arguments);
    }
    va_end(arguments);
    return result;
}

}  // namespace

extern "C" int __printf_fp(FILE* stream, const struct printf_info* info,
                           const void* const* arguments) noexcept {
    const bool wide_value = info->is_long_double;
    const long double value = wide_value ? *static_cast<const long double*>(arguments[0])
                                         : *static_cast<const double*>(arguments[0]);
    const bool zeros_after = info->left && info->pad == L'0' && isfinite(value);
    char conversion[16];
    char* end = conversion;
    *end++ = '%';
    if (info->alt) *end++ = '#';
    if (info->group) *end++ = '\'';
    if (info->showsign) *end++ = '+';
    if (info->space) *end++ = ' ';
    if (info->left && !zeros_after) *end++ = '-';
    if (info->pad == L'0' && !zeros_after) *end++ = '0';
    *end++ = '*';
    *end++ = '.';
    *end++ = '*';
    if (wide_value) *end++ = 'L';
    char letter = static_cast<char>(tolower(info->spec));
    letter = letter == 'f' || letter == 'e' ? letter : 'g';
    *end++ = isupper(info->spec) ? static_cast<char>(toupper(letter)) : letter;
    *end = '\0';
    const int width = zeros_after ? 0 : info->width;
    const bool wide = info->wide;
    int done = wide_value ? print_standard(stream, wide, conversion, width, info->prec, value)
                          : print_standard(stream, wide, conversion, width, info->prec,
                                           static_cast<double>(value));
    if (done < 0 || !zeros_after) return done;
    for (; done < info->width; ++done)
        if (wide ? !lwp::libc::put_ascii_as_wide(stream, '0') : putc('0', stream) == EOF)
            return -1;
    return done;
}
