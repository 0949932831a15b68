// Whole strings between multibyte and wide: mbsrtowcs mbsnrtowcs mbstowcs
// wcsrtombs wcsnrtombs wcstombs, in the calling thread's LC_CTYPE (see
// multibyte.cpp): the "C" locale's ASCII, one byte per character, EILSEQ
// from 0x80 up; C.UTF-8 a character at a time through utf8_conversion.hpp.
//
// What glibc does at the edges, and so lwp:
//  - with a destination, *source is left just past the last character
//    converted, or null once the terminating NUL has been stored (and not
//    counted); on EILSEQ it points at the offending character;
//  - without one, the whole string is measured, the limit ignored, and
//    *source left alone;
//  - the n variants stop after `available` input units as well, a NUL
//    among them ending the conversion as usual;
//  - in "C", Unicode's tag characters (U+E0000 to U+E007F) are dropped on
//    the way to bytes, consumed but not counted (see multibyte.cpp);
//  - in C.UTF-8, bytes that end inside a character (the n variant's
//    `available`) are all consumed into the state, which the next call
//    continues; a character whose bytes would not all fit in `limit` is
//    left for the next call; measuring works on a copy of the state.
//    Without a state argument, each function keeps its own.
#include <errno.h>
#include <stdlib.h>
#include <wchar.h>

#include "locale_state.hpp"
#include "utf8_conversion.hpp"

namespace {

using lwp::libc::ctype_is_utf8;
namespace utf8 = lwp::libc::utf8;

constexpr unsigned ascii_limit = 0x80;
constexpr size_t failed = static_cast<size_t>(-1);

bool is_tag_character(unsigned unit) { return unit >= 0xe0000 && unit <= 0xe007f; }

// The conversion both directions share: From and To are char and wchar_t or
// the other way round; a unit is convertible if below 0x80 (a negative char
// or wchar_t, converted to unsigned, never is). From wide, a Unicode tag
// character (multibyte.cpp) is consumed without producing anything.
template <typename To, typename From>
size_t convert(To* out, const From** source, size_t available, size_t limit) {
    const From* in = *source;
    size_t made = 0;
    size_t used = 0;
    if (out == nullptr) limit = static_cast<size_t>(-1);  // only measuring
    for (; made < limit && used < available; ++used) {
        auto unit = static_cast<unsigned>(in[used]);  // a negative one is huge
        if (sizeof(From) > 1 && is_tag_character(unit)) continue;
        if (unit >= ascii_limit) {
            if (out) *source = in + used;
            errno = EILSEQ;
            return failed;
        }
        if (unit == 0) {
            if (out) {
                out[made] = 0;
                *source = nullptr;
            }
            return made;
        }
        if (out) out[made] = static_cast<To>(unit);
        ++made;
    }
    if (out) *source = in + used;
    return made;
}


// C.UTF-8, bytes to wide characters.
size_t utf8_to_wide(wchar_t* out, const char** source, size_t available, size_t limit,
                    mbstate_t* caller_state) {
    mbstate_t measuring_state;
    mbstate_t* state = caller_state;
    if (out == nullptr) {  // only measuring: the caller's state stays as it is
        limit = static_cast<size_t>(-1);
        measuring_state = *caller_state;
        state = &measuring_state;
    }
    const char* in = *source;
    size_t made = 0;
    size_t used = 0;
    while (made < limit) {
        wchar_t character;
        size_t step = utf8::decode(&character, in + used, available - used, state);
        if (step == utf8::incomplete) {  // the rest waits in the state
            used = available;
            break;
        }
        if (step == utf8::refused) {
            if (out) *source = in + used;
            return failed;
        }
        if (step == 0) {
            if (out) {
                out[made] = 0;
                *source = nullptr;
            }
            return made;
        }
        if (out) out[made] = character;
        ++made;
        used += step;
    }
    if (out) *source = in + used;
    return made;
}

// C.UTF-8, wide characters to bytes.
size_t wide_to_utf8(char* out, const wchar_t** source, size_t available, size_t limit,
                    const mbstate_t* state) {
    const wchar_t* in = *source;
    size_t made = 0;
    size_t used = 0;
    if (out == nullptr) limit = static_cast<size_t>(-1);  // only measuring
    for (; used < available && made < limit; ++used) {
        char bytes[utf8::longest_sequence];
        size_t length = utf8::encode(bytes, in[used], state);
        if (length == utf8::refused) {
            if (out) *source = in + used;
            return failed;
        }
        if (length > limit - made) break;  // not room for all of it
        if (out)
            for (size_t at = 0; at < length; ++at) out[made + at] = bytes[at];
        if (in[used] == 0) {
            if (out) *source = nullptr;
            return made;
        }
        made += length;
    }
    if (out) *source = in + used;
    return made;
}

// The states of the calls made without one.
mbstate_t mbsnrtowcs_state, mbsrtowcs_state, wcsnrtombs_state, wcsrtombs_state;

size_t to_wide(wchar_t* out, const char** source, size_t available, size_t limit,
               mbstate_t* state) {
    if (ctype_is_utf8()) return utf8_to_wide(out, source, available, limit, state);
    return convert(out, source, available, limit);
}

size_t to_bytes(char* out, const wchar_t** source, size_t available, size_t limit,
                mbstate_t* state) {
    if (ctype_is_utf8()) return wide_to_utf8(out, source, available, limit, state);
    return convert(out, source, available, limit);
}

}  // namespace

extern "C" {

size_t mbsnrtowcs(wchar_t* __restrict out, const char** __restrict source, size_t available,
                  size_t limit, mbstate_t* __restrict state) noexcept {
    return to_wide(out, source, available, limit, state ? state : &mbsnrtowcs_state);
}

size_t mbsrtowcs(wchar_t* __restrict out, const char** __restrict source, size_t limit,
                 mbstate_t* __restrict state) noexcept {
    return to_wide(out, source, static_cast<size_t>(-1), limit, state ? state : &mbsrtowcs_state);
}

size_t mbstowcs(wchar_t* __restrict out, const char* __restrict text, size_t limit) noexcept {
    const char* source = text;
    mbstate_t state{};  // each call starts afresh
    return to_wide(out, &source, static_cast<size_t>(-1), limit, &state);
}

size_t wcsnrtombs(char* __restrict out, const wchar_t** __restrict source, size_t available,
                  size_t limit, mbstate_t* __restrict state) noexcept {
    return to_bytes(out, source, available, limit, state ? state : &wcsnrtombs_state);
}

size_t wcsrtombs(char* __restrict out, const wchar_t** __restrict source, size_t limit,
                 mbstate_t* __restrict state) noexcept {
    return to_bytes(out, source, static_cast<size_t>(-1), limit, state ? state : &wcsrtombs_state);
}

size_t wcstombs(char* __restrict out, const wchar_t* __restrict text, size_t limit) noexcept {
    const wchar_t* source = text;
    mbstate_t state{};
    return to_bytes(out, &source, static_cast<size_t>(-1), limit, &state);
}

}  // extern "C"
