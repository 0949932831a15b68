// swscanf vswscanf fwscanf vfwscanf wscanf vwscanf, each also under the
// __isoc99_ name glibc's <wchar.h> turns it into in C99 and later modes
// (glibc 2.36 has no __isoc23_ names). The engine is the narrow one
// (scanf_core.cpp): in the "C" locale a wide character the format or input
// can hold as a byte is an ASCII one, so the format is narrowed,
// the input handed over a character at a time as its byte, and every
// conversion behaves exactly as sscanf's (%n counts wide characters, %lc
// %ls %l[ store wchar_t, %c %s %[ bytes), and %S %C are %ls %lc, as in
// glibc.
//
// C.UTF-8 is read as "C" too, for now: the narrow engine takes bytes, and
// glibc's wide scanf matches and counts whole characters.
//
// A character from 0x80 up has no byte in the "C" locale:
//  - from a stream, its byte is EILSEQ, as glibc's fgetwc (and fwscanf)
//    has it: the input ends there, the byte stays unread, errno is EILSEQ
//    and the stream's error indicator is set;
//  - in swscanf's wide input, the input ends there the same way (errno
//    EILSEQ). glibc reads on: it matches such a character against the
//    format and stores it with %lc %ls %l[ (and fails with EILSEQ storing
//    it as bytes with %c %s %[);
//  - in the format it matches no input character (glibc: the same one).
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "scanf_core.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"

namespace {

// The format as bytes: ASCII as itself, anything else as 0x80, which no
// input character becomes (both sources below end the input at one); and
// %S and %C, which glibc's scanf family takes as %ls and %lc, spelt so for
// the narrow engine. Short formats stay on the stack. Null, errno ENOMEM,
// without memory.
class narrowed_format {
public:
    explicit narrowed_format(const wchar_t* format) {
        size_t length = wcslen(format);
        // At most 3 bytes for every 2 characters: "%S" becomes "%ls".
        size_t room = length + length / 2 + 1;
        text_ = room <= sizeof local_ ? local_ : static_cast<char*>(malloc(room));
        if (text_ == nullptr) return;
        char* out = text_;
        auto byte = [](wchar_t character) {
            auto value = static_cast<unsigned long>(character);
            return value < 0x80 ? static_cast<char>(value) : static_cast<char>(0x80);
        };
        const wchar_t* in = format;
        while (*in != L'\0') {
            if (*in != L'%') {
                *out++ = byte(*in++);
                continue;
            }
            *out++ = byte(*in++);
            // What scanf_core.cpp's parse_spec takes before the letter.
            while (*in != L'\0' && wcschr(L"*0123456789$mhlqLjzt", *in) != nullptr)
                *out++ = byte(*in++);
            if (*in == L'S' || *in == L'C') {
                *out++ = 'l';
                *out++ = *in++ == L'S' ? 's' : 'c';
            } else if (*in == L'[') {
                // A scanset's members are no conversions: copied through its
                // ']' (one right after '[' or "[^" is a member).
                *out++ = byte(*in++);
                if (*in == L'^') *out++ = byte(*in++);
                if (*in == L']') *out++ = byte(*in++);
                while (*in != L'\0' && *in != L']') *out++ = byte(*in++);
            } else if (*in != L'\0') {
                *out++ = byte(*in++);  // the letter, or a '%' after '%'
            }
        }
        *out = '\0';
    }
    narrowed_format(const narrowed_format&) = delete;
    narrowed_format& operator=(const narrowed_format&) = delete;
    ~narrowed_format() {
        if (text_ != local_) free(text_);
    }
    const char* text() const { return text_; }

private:
    char local_[256];
    char* text_;
};

struct wide_string_source : lwp::libc::scan_source {
    const wchar_t* cursor;
};

int next_from_wide_string(lwp::libc::scan_source& base) {
    auto& source = static_cast<wide_string_source&>(base);
    auto character = static_cast<unsigned long>(*source.cursor);
    if (character == 0) return EOF;
    if (character >= 0x80) {
        errno = EILSEQ;
        return EOF;
    }
    ++source.cursor;
    return static_cast<int>(character);
}

// The character given back is always the one just before the cursor.
void give_back_to_wide_string(lwp::libc::scan_source& base, int) {
    --static_cast<wide_string_source&>(base).cursor;
}

// A stream whose lock the caller holds, read as fgetwc reads it.
struct wide_stream_source : lwp::libc::scan_source {
    lwp::libc::stream* stream;
};

int next_from_stream(lwp::libc::scan_source& base) {
    lwp::libc::stream& s = *static_cast<wide_stream_source&>(base).stream;
    int byte = lwp::libc::next_byte_locked(s);
    if (byte == lwp::libc::read_failed) return EOF;
    if (byte != EOF && byte >= 0x80) {
        lwp::libc::push_back_locked(s, static_cast<unsigned char>(byte));
        errno = EILSEQ;
        s.glibc_flags |= lwp::libc::glibc_error_flag;
        return EOF;
    }
    return byte;
}

void give_back_to_stream(lwp::libc::scan_source& base, int byte) {
    lwp::libc::push_back_locked(*static_cast<wide_stream_source&>(base).stream,
                                static_cast<unsigned char>(byte));
}

}  // namespace

// Each entry point gets both names whatever the header did (see
// stdio_scanf.cpp): the __isoc99_ one as its assembler name, the plain one
// an alias.
extern "C" {

int entry_vswscanf(const wchar_t* __restrict, const wchar_t* __restrict, va_list)
    __asm__("__isoc99_vswscanf");
int entry_swscanf(const wchar_t* __restrict, const wchar_t* __restrict, ...)
    __asm__("__isoc99_swscanf");
int entry_vfwscanf(FILE* __restrict, const wchar_t* __restrict, va_list)
    __asm__("__isoc99_vfwscanf");
int entry_fwscanf(FILE* __restrict, const wchar_t* __restrict, ...) __asm__("__isoc99_fwscanf");
int entry_vwscanf(const wchar_t* __restrict, va_list) __asm__("__isoc99_vwscanf");
int entry_wscanf(const wchar_t* __restrict, ...) __asm__("__isoc99_wscanf");

int plain_vswscanf(const wchar_t* __restrict, const wchar_t* __restrict, va_list)
    __asm__("vswscanf") __attribute__((alias("__isoc99_vswscanf")));
int plain_swscanf(const wchar_t* __restrict, const wchar_t* __restrict, ...) __asm__("swscanf")
    __attribute__((alias("__isoc99_swscanf")));
int plain_vfwscanf(FILE* __restrict, const wchar_t* __restrict, va_list) __asm__("vfwscanf")
    __attribute__((alias("__isoc99_vfwscanf")));
int plain_fwscanf(FILE* __restrict, const wchar_t* __restrict, ...) __asm__("fwscanf")
    __attribute__((alias("__isoc99_fwscanf")));
int plain_vwscanf(const wchar_t* __restrict, va_list) __asm__("vwscanf")
    __attribute__((alias("__isoc99_vwscanf")));
int plain_wscanf(const wchar_t* __restrict, ...) __asm__("wscanf")
    __attribute__((alias("__isoc99_wscanf")));

int entry_vswscanf(const wchar_t* __restrict text, const wchar_t* __restrict format,
                   va_list arguments) {
    narrowed_format narrow(format);
    if (narrow.text() == nullptr) return EOF;
    wide_string_source source;
    source.next = next_from_wide_string;
    source.give_back = give_back_to_wide_string;
    source.cursor = text;
    return lwp::libc::scan(source, narrow.text(), arguments);
}

int entry_swscanf(const wchar_t* __restrict text, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vswscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

// The lock is held for the whole call, as fscanf's is.
int entry_vfwscanf(FILE* __restrict file, const wchar_t* __restrict format, va_list arguments) {
    narrowed_format narrow(format);
    if (narrow.text() == nullptr) return EOF;
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    lwp::libc::take_stream_lock(s);
    wide_stream_source source;
    source.next = next_from_stream;
    source.give_back = give_back_to_stream;
    source.stream = &s;
    int result = lwp::libc::scan(source, narrow.text(), arguments);
    lwp::libc::give_back_stream_lock(s);
    return result;
}

int entry_fwscanf(FILE* __restrict file, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vfwscanf(file, format, arguments);
    va_end(arguments);
    return result;
}

int entry_vwscanf(const wchar_t* __restrict format, va_list arguments) {
    return entry_vfwscanf(stdin, format, arguments);
}

int entry_wscanf(const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vfwscanf(stdin, format, arguments);
    va_end(arguments);
    return result;
}

}  // extern "C"
