// One character at a time between multibyte and wide: mbrtowc (and
// __mbrtowc, glibc's second name for it) mbrlen (and __mbrlen) mbtowc mblen wcrtomb wctomb btowc wctob mbsinit, and
// __ctype_get_mb_cur_max (what <stdlib.h>'s MB_CUR_MAX calls), in the
// calling thread's LC_CTYPE (locale_state.hpp).
//
// The "C" locale's charset is glibc's: ASCII (ANSI_X3.4-1968), one byte per
// character, no shift states. A byte from 0x80 up is no character in it,
// and a wide character from 0x80 up has no byte: either is EILSEQ, as glibc
// answers in the "C" locale (it does not pass such bytes through as
// Latin-1). One exception, glibc's too: its conversions to bytes treat
// Unicode's tag characters (U+E0000 to U+E007F, invisible language tags) as
// ignorable and drop them, so wcrtomb and wctomb convert one to no bytes at
// all (0, nothing stored) rather than failing.
//
// C.UTF-8 converts as utf8_conversion.hpp says; an incomplete sequence
// waits in the mbstate_t. Without a state argument, each function keeps its
// own, as glibc's do (mbtowc(NULL, NULL, 0) resets mbtowc's). btowc and
// wctob are the same in both locales: only ASCII is one byte in UTF-8.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "locale_state.hpp"
#include "utf8_conversion.hpp"

namespace {

using lwp::libc::ctype_is_utf8;
namespace utf8 = lwp::libc::utf8;

constexpr unsigned ascii_limit = 0x80;

bool is_tag_character(unsigned character) { return character >= 0xe0000 && character <= 0xe007f; }

// The states of the calls made without one.
mbstate_t mbrtowc_state, mbrlen_state, mbtowc_state, wcrtomb_state;

size_t to_wide(wchar_t* out, const char* bytes, size_t limit, mbstate_t* state) {
    if (bytes == nullptr) {  // as if given "", which resets the state
        out = nullptr;
        bytes = "";
        limit = 1;
    }
    if (ctype_is_utf8()) return utf8::decode(out, bytes, limit, state);
    if (limit == 0) return static_cast<size_t>(-2);  // incomplete: not one byte seen
    auto byte = static_cast<unsigned char>(*bytes);
    if (byte >= ascii_limit) return utf8::refuse();
    if (out) *out = byte;
    return byte != 0;
}

}  // namespace

extern "C" {

size_t __ctype_get_mb_cur_max(void) noexcept {
    return ctype_is_utf8() ? utf8::longest_sequence : 1;
}

size_t mbrtowc(wchar_t* __restrict out, const char* __restrict bytes, size_t limit,
               mbstate_t* __restrict state) noexcept {
    return to_wide(out, bytes, limit, state ? state : &mbrtowc_state);
}

size_t __mbrtowc(wchar_t* __restrict out, const char* __restrict bytes, size_t limit,
                 mbstate_t* __restrict state) noexcept __attribute__((alias("mbrtowc")));

size_t mbrlen(const char* __restrict bytes, size_t limit, mbstate_t* __restrict state) noexcept {
    return to_wide(nullptr, bytes, limit, state ? state : &mbrlen_state);
}
// What <wchar.h>'s inline mbrlen calls when optimising.
size_t __mbrlen(const char* __restrict bytes, size_t limit, mbstate_t* __restrict state) noexcept {
    return mbrlen(bytes, limit, state);
}

// Without a state argument; null bytes ask whether the encoding has shift
// states (neither has: 0) and reset mbtowc's own state. Too few bytes is -1,
// without errno, as in glibc (which keeps them in its state, and so does lwp).
int mbtowc(wchar_t* __restrict out, const char* __restrict bytes, size_t limit) noexcept {
    if (bytes == nullptr) {
        mbtowc_state = mbstate_t{};
        return 0;
    }
    size_t used = to_wide(out, bytes, limit, &mbtowc_state);
    return used == static_cast<size_t>(-2) ? -1 : static_cast<int>(used);
}

int mblen(const char* bytes, size_t limit) noexcept { return mbtowc(nullptr, bytes, limit); }

size_t wcrtomb(char* __restrict out, wchar_t character, mbstate_t* __restrict state) noexcept {
    char ignored[utf8::longest_sequence];
    if (out == nullptr) {  // as if converting L'\0' into a buffer of lwp's own
        out = ignored;
        character = L'\0';
    }
    if (ctype_is_utf8()) return utf8::encode(out, character, state ? state : &wcrtomb_state);
    auto value = static_cast<unsigned>(character);  // a negative one is huge
    if (is_tag_character(value)) return 0;
    if (value >= ascii_limit) return utf8::refuse();
    *out = static_cast<char>(value);
    return 1;
}

int wctomb(char* out, wchar_t character) noexcept {
    if (out == nullptr) return 0;  // no shift states
    return static_cast<int>(wcrtomb(out, character, nullptr));
}

wint_t btowc(int byte) noexcept {
    return byte >= 0 && static_cast<unsigned>(byte) < ascii_limit ? static_cast<wint_t>(byte) : WEOF;
}

int wctob(wint_t character) noexcept {
    return character < ascii_limit ? static_cast<int>(character) : EOF;
}

int mbsinit(const mbstate_t* state) noexcept { return state == nullptr || state->__count == 0; }

}  // extern "C"
