// Whole strings between multibyte and wide: mbsrtowcs mbsnrtowcs mbstowcs
// wcsrtombs wcsnrtombs wcstombs, for the "C" locale's ASCII charset (see
// multibyte.cpp): one byte per character, EILSEQ from 0x80 up.
//
// What glibc does at the edges, and so lwp:
//  - with a destination, *source is left just past the last character
//    converted, or null once the terminating NUL has been stored (and not
//    counted); on EILSEQ it points at the offending character;
//  - without one, the whole string is measured, the limit ignored, and
//    *source left alone;
//  - the n variants stop after `available` input units as well, a NUL
//    among them ending the conversion as usual;
//  - Unicode's tag characters (U+E0000 to U+E007F) are dropped on the way
//    to bytes, consumed but not counted (see multibyte.cpp).
#include <errno.h>
#include <stdlib.h>
#include <wchar.h>

namespace {

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

}  // namespace

extern "C" {

size_t mbsnrtowcs(wchar_t* __restrict out, const char** __restrict source, size_t available,
                  size_t limit, mbstate_t* __restrict) noexcept {
    return convert(out, source, available, limit);
}

size_t mbsrtowcs(wchar_t* __restrict out, const char** __restrict source, size_t limit,
                 mbstate_t* __restrict) noexcept {
    return convert(out, source, static_cast<size_t>(-1), limit);
}

size_t mbstowcs(wchar_t* __restrict out, const char* __restrict text, size_t limit) noexcept {
    const char* source = text;
    return convert(out, &source, static_cast<size_t>(-1), limit);
}

size_t wcsnrtombs(char* __restrict out, const wchar_t** __restrict source, size_t available,
                  size_t limit, mbstate_t* __restrict) noexcept {
    return convert(out, source, available, limit);
}

size_t wcsrtombs(char* __restrict out, const wchar_t** __restrict source, size_t limit,
                 mbstate_t* __restrict) noexcept {
    return convert(out, source, static_cast<size_t>(-1), limit);
}

size_t wcstombs(char* __restrict out, const wchar_t* __restrict text, size_t limit) noexcept {
    const wchar_t* source = text;
    return convert(out, &source, static_cast<size_t>(-1), limit);
}

}  // extern "C"
