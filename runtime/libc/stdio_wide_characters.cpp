// The wide-character stdio calls C++ iostreams need: fgetwc getwc getwchar
// fputwc putwc putwchar ungetwc, and wcsftime with its locale form (what
// libstdc++'s wide streams and time facets call). Each is the byte call
// plus the conversion of the calling thread's LC_CTYPE, as glibc's wide
// streams convert:
//  - in "C" a wide character is one ASCII byte (multibyte.cpp): written, a
//    character from 0x80 up becomes its ASCII transliteration ("EUR" for
//    U+20AC, "?" when there is none) and the call succeeds; read, a byte
//    from 0x80 up is EILSEQ with the stream's error indicator set, and
//    stays unread (glibc's stream stops there too);
//  - in C.UTF-8 a character is written as its UTF-8 bytes (up to six, to
//    0x7fffffff, as utf8_conversion.hpp), a surrogate or a negative wchar_t
//    as '?' with success (glibc's answer); read, UTF-8 is decoded as
//    stdio_utf8_input.hpp says.
// Each makes a stream without orientation wide-oriented, and fails on a
// byte-oriented one (WEOF, fputws EOF, fgetws null; errno and the flags
// untouched), as glibc's (stdio_orientation.cpp); ungetwc goes on there,
// as glibc's does. Their bytes go through the stream's own calls below,
// never through fwrite or getc, which refuse a wide-oriented stream. fputws
// and fgetws are the same, a string at a time, under the stream's lock.
// The wide printf and scanf families are in stdio_wide_printf.cpp and
// stdio_wide_scanf.cpp.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <wchar.h>

#include "character_sets.hpp"
#include "locale_state.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"
#include "stdio_utf8_input.hpp"
#include "utf8_conversion.hpp"

namespace {

void mark_encoding_error(FILE* file) {
    errno = EILSEQ;
    lwp::libc::as_stream(file).glibc_flags |= lwp::libc::glibc_error_flag;
}

// A character's bytes as one stream operation, so that threads writing to
// the stream do not interleave inside it; false on a write failure.
bool write_bytes(lwp::libc::stream& s, const char* bytes, size_t length) {
    lwp::libc::lock_stream(s);
    lwp::libc::write_locked(s, bytes, length);
    return lwp::libc::unlock_after_output(s);
}

bool write_replacement(wchar_t character, lwp::libc::stream& s) {
    char text[8];
    size_t length =
        lwp_libc_character_sets::ascii_replacement(static_cast<uint32_t>(character), text);
    return write_bytes(s, text, length);
}

wint_t utf8_character_from(lwp::libc::stream& s) {
    lwp::libc::take_stream_lock(s);
    wint_t character = lwp::libc::next_utf8_character_locked(s);
    lwp::libc::give_back_stream_lock(s);
    return character;
}

// "C": one ASCII byte; a byte from 0x80 up stays unread, EILSEQ.
wint_t ascii_character_from(FILE* file) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    lwp::libc::take_stream_lock(s);
    int byte = lwp::libc::next_byte_locked(s);
    if (byte >= 0x80) lwp::libc::push_back_locked(s, static_cast<unsigned char>(byte));
    lwp::libc::give_back_stream_lock(s);
    if (byte == EOF || byte == lwp::libc::read_failed) return WEOF;
    if (byte >= 0x80) {
        mark_encoding_error(file);
        return WEOF;
    }
    return static_cast<wint_t>(byte);
}

}  // namespace

extern "C" {

wint_t fgetwc(FILE* file) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    if (!lwp::libc::orient(s, lwp::libc::wide_use)) return WEOF;
    if (lwp::libc::ctype_is_utf8()) return utf8_character_from(s);
    return ascii_character_from(file);
}

wint_t getwc(FILE* file) { return fgetwc(file); }
wint_t getwchar(void) { return fgetwc(stdin); }

wint_t fputwc(wchar_t character, FILE* file) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    if (!lwp::libc::orient(s, lwp::libc::wide_use)) return WEOF;
    // What fwprintf's %c looks at (stdio_stream.hpp); set outside the
    // stream's lock, hence atomically.
    __atomic_store_n(&s.took_wide_output, true, __ATOMIC_RELAXED);
    if (s.wide_memory) {
        // open_wmemstream's: the character itself, in any locale.
        lwp::libc::lock_stream(s);
        bool stored = lwp_libc_wide_memory_put(s, &character, 1);
        lwp::libc::unlock_after_output(s);
        return stored ? static_cast<wint_t>(character) : WEOF;
    }
    if (lwp::libc::ctype_is_utf8()) {
        char bytes[lwp::libc::utf8::longest_sequence];
        size_t length = lwp::libc::utf8::encode_for_stream(bytes, character);
        return write_bytes(s, bytes, length) ? static_cast<wint_t>(character) : WEOF;
    }
    char byte = static_cast<char>(character);
    bool written = character >= 0 && character < 0x80 ? write_bytes(s, &byte, 1)
                                                        : write_replacement(character, s);
    return written ? static_cast<wint_t>(character) : WEOF;
}

wint_t putwc(wchar_t character, FILE* file) { return fputwc(character, file); }

// 1 when the whole string went out (glibc's answer), EOF otherwise.
int fputws(const wchar_t* __restrict text, FILE* __restrict file) {
    // Even an empty string fails on a byte-oriented stream (glibc).
    if (!lwp::libc::orient(lwp::libc::as_stream(file), lwp::libc::wide_use)) return EOF;
    flockfile(file);
    bool written = true;
    for (; *text != L'\0' && written; ++text) written = fputwc(*text, file) != WEOF;
    funlockfile(file);
    return written ? 1 : EOF;
}

// Up to count - 1 characters, to a newline included; null when nothing was
// read, or on a read error (a character the locale has no byte for stops
// the line there with EILSEQ, as fgetwc does).
wchar_t* fgetws(wchar_t* __restrict line, int count, FILE* __restrict file) {
    if (count <= 0) return nullptr;
    int stored = 0;
    flockfile(file);
    bool failed = false;
    while (stored < count - 1) {
        wint_t character = fgetwc(file);
        if (character == WEOF) {
            failed = ferror(file) && errno != EAGAIN;
            break;
        }
        line[stored++] = static_cast<wchar_t>(character);
        if (character == L'\n') break;
    }
    funlockfile(file);
    if (failed || (stored == 0 && count > 1)) return nullptr;
    line[stored] = L'\0';
    return line;
}
wint_t putwchar(wchar_t character) { return fputwc(character, stdout); }

// A character the locale cannot hold as a byte cannot be pushed back either
// (glibc's wide streams can push back any). In C.UTF-8 its bytes go back
// in front of the next one to be read, as many characters as are pushed.
wint_t ungetwc(wint_t character, FILE* file) {
    lwp::libc::orient(lwp::libc::as_stream(file), lwp::libc::wide_use);
    if (character == WEOF) return WEOF;
    if (lwp::libc::ctype_is_utf8() && character >= 0x80) {
        char bytes[lwp::libc::utf8::longest_sequence];
        mbstate_t initial{};
        size_t length =
            lwp::libc::utf8::encode(bytes, static_cast<wchar_t>(character), &initial);
        if (length == lwp::libc::utf8::refused) return WEOF;
        lwp::libc::stream& s = lwp::libc::as_stream(file);
        lwp::libc::take_stream_lock(s);
        bool pushed = lwp::libc::push_back_bytes_locked(s, bytes, static_cast<unsigned>(length));
        lwp::libc::give_back_stream_lock(s);
        return pushed ? character : WEOF;
    }
    if (character >= 0x80) return WEOF;
    return ungetc(static_cast<int>(character), file) == EOF ? WEOF : character;
}

// strftime through ASCII: the format narrowed (a wide character from 0x80
// up in it cannot be a byte of the "C" locale: 0), formatted, widened.
size_t wcsftime(wchar_t* __restrict out, size_t size, const wchar_t* __restrict format,
                const struct tm* __restrict time) {
    size_t format_length = wcslen(format);
    char narrow_format[1024];
    if (format_length >= sizeof narrow_format) return 0;
    for (size_t i = 0; i <= format_length; ++i) {
        if (format[i] < 0 || format[i] >= 0x80) return 0;
        narrow_format[i] = static_cast<char>(format[i]);
    }
    char narrow[1024];
    size_t length = strftime(narrow, sizeof narrow, narrow_format, time);
    // strftime's 0 is also the length of an empty result: "%p"-free formats
    // can legitimately produce nothing, and then so does this.
    if (length + 1 > size) return 0;
    for (size_t i = 0; i <= length; ++i) out[i] = static_cast<unsigned char>(narrow[i]);
    return length;
}

size_t wcsftime_l(wchar_t* __restrict out, size_t size, const wchar_t* __restrict format,
                  const struct tm* __restrict time, locale_t) {
    return wcsftime(out, size, format, time);
}

size_t __wcsftime_l(wchar_t* out, size_t size, const wchar_t* format, const struct tm* time,
                    locale_t) __attribute__((alias("wcsftime_l")));

}  // extern "C"
