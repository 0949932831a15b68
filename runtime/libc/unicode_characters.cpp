// <uchar.h>: mbrtoc32 c32rtomb mbrtoc16 c16rtomb mbrtoc8 c8rtomb, between
// the locale's multibyte characters and UTF-32, UTF-16 and UTF-8 code units.
//
// char32_t is a wchar_t here (both are UTF-32 on Linux), so mbrtoc32 and
// c32rtomb are mbrtowc and wcrtomb (multibyte.cpp) under their own names,
// each with its own state for a null state argument, as in glibc. The
// UTF-16 and UTF-8 forms go through them one character at a time and keep,
// between calls, the code units still owed or still missing in the
// mbstate_t, marked by __count's top bit (which mbrtowc's own use of
// __count, a length and a count of bytes, never sets):
//  - mbrtoc16 returns a character above U+FFFF as its high surrogate, and
//    the low one from the next call, which returns -3 and reads nothing;
//  - c16rtomb keeps a high surrogate (returning 0) until the low one comes,
//    EILSEQ for a surrogate out of its place;
//  - mbrtoc8 returns a character's first UTF-8 unit, and each further one
//    from the next calls, which return -3; a character past U+10FFFF has
//    no UTF-8 and is consumed giving nothing (glibc's answer);
//  - c8rtomb collects a character's UTF-8 units (returning 0) and converts
//    it when complete; units that cannot continue a well-formed UTF-8
//    sequence (Unicode's table: no overlong forms, no surrogates, nothing
//    past U+10FFFF) are EILSEQ at once.
// All as glibc, in "C" (where only ASCII is a multibyte character, so every
// other character ends in EILSEQ) and in C.UTF-8 alike.
#include <errno.h>
#include <uchar.h>
#include <wchar.h>

#include "utf8_conversion.hpp"

namespace {

namespace utf8 = lwp::libc::utf8;

constexpr unsigned owed_mark = 0x80000000u;       // __count: units kept in __wch
constexpr size_t owed_unit = static_cast<size_t>(-3);  // "a unit from a previous character"

bool keeps_units(const mbstate_t* state) {
    return static_cast<unsigned>(state->__count) & owed_mark;
}

void clear(mbstate_t* state) { *state = mbstate_t{}; }

bool is_high_surrogate(unsigned unit) { return unit >= 0xd800 && unit <= 0xdbff; }
bool is_low_surrogate(unsigned unit) { return unit >= 0xdc00 && unit <= 0xdfff; }

mbstate_t mbrtoc32_state, c32rtomb_state, mbrtoc16_state, c16rtomb_state, mbrtoc8_state,
    c8rtomb_state;

// The first byte's range of well-formed second bytes, and the sequence's
// length (0: no sequence starts with it).
struct utf8_start {
    unsigned length;
    unsigned char second_low, second_high;
};

utf8_start start_of(unsigned char first) {
    if (first >= 0xc2 && first <= 0xdf) return {2, 0x80, 0xbf};
    if (first == 0xe0) return {3, 0xa0, 0xbf};
    if (first == 0xed) return {3, 0x80, 0x9f};  // not into the surrogates
    if (first >= 0xe1 && first <= 0xef) return {3, 0x80, 0xbf};
    if (first == 0xf0) return {4, 0x90, 0xbf};
    if (first >= 0xf1 && first <= 0xf3) return {4, 0x80, 0xbf};
    if (first == 0xf4) return {4, 0x80, 0x8f};  // not past U+10FFFF
    return {0, 0, 0};
}

}  // namespace

extern "C" {

size_t mbrtoc32(char32_t* __restrict out, const char* __restrict bytes, size_t limit,
                mbstate_t* __restrict state) noexcept {
    return mbrtowc(reinterpret_cast<wchar_t*>(out), bytes, limit,
                   state ? state : &mbrtoc32_state);
}

size_t c32rtomb(char* __restrict out, char32_t character, mbstate_t* __restrict state) noexcept {
    return wcrtomb(out, static_cast<wchar_t>(character), state ? state : &c32rtomb_state);
}

size_t mbrtoc16(char16_t* __restrict out, const char* __restrict bytes, size_t limit,
                mbstate_t* __restrict state) noexcept {
    if (!state) state = &mbrtoc16_state;
    if (keeps_units(state)) {  // the low surrogate of the last character
        if (out) *out = static_cast<char16_t>(state->__value.__wch);
        clear(state);
        return owed_unit;
    }
    wchar_t character = 0;
    size_t used = mbrtowc(&character, bytes, limit, state);
    if (used == utf8::refused || used == utf8::incomplete || bytes == nullptr) return used;
    auto value = static_cast<unsigned>(character);
    if (value > 0xffff) {
        value -= 0x10000;
        if (out) *out = static_cast<char16_t>(0xd800 + (value >> 10));
        state->__count = static_cast<int>(owed_mark);
        state->__value.__wch = 0xdc00 + (value & 0x3ff);
        return used;
    }
    if (out) *out = static_cast<char16_t>(value);
    return used;
}

size_t c16rtomb(char* __restrict out, char16_t unit, mbstate_t* __restrict state) noexcept {
    if (!state) state = &c16rtomb_state;
    if (out == nullptr) {  // a reset, whatever the state held (glibc's answer)
        clear(state);
        return wcrtomb(nullptr, 0, state);
    }
    if (keeps_units(state)) {
        unsigned high = state->__value.__wch;
        clear(state);  // whatever comes: glibc starts afresh after an error too
        if (!is_low_surrogate(unit)) return utf8::refuse();
        return wcrtomb(out, static_cast<wchar_t>(0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00)),
                       state);
    }
    if (is_high_surrogate(unit)) {
        state->__count = static_cast<int>(owed_mark);
        state->__value.__wch = unit;
        return 0;
    }
    if (is_low_surrogate(unit)) return utf8::refuse();
    return wcrtomb(out, unit, state);
}

// mbrtoc8's state while units are owed: the character's UTF-8 bytes after
// the first in __wch's low 24 bits, and in its top byte how many are left.
size_t mbrtoc8(char8_t* __restrict out, const char* __restrict bytes, size_t limit,
               mbstate_t* __restrict state) noexcept {
    if (!state) state = &mbrtoc8_state;
    if (keeps_units(state)) {
        unsigned kept = state->__value.__wch;
        unsigned left = kept >> 24;
        if (out) *out = static_cast<char8_t>(kept >> (8 * (left - 1)));
        if (left == 1) clear(state);
        else state->__value.__wch = ((left - 1) << 24) | (kept & 0xffffff);
        return owed_unit;
    }
    wchar_t character = 0;
    size_t used = mbrtowc(&character, bytes, limit, state);
    if (used == utf8::refused || used == utf8::incomplete || bytes == nullptr) return used;
    // Past U+10FFFF (C.UTF-8 decodes up to 0x7fffffff): consumed with no
    // unit at all, as glibc does.
    if (static_cast<unsigned>(character) > 0x10ffff) return used;
    char units[utf8::longest_sequence] = {};
    mbstate_t initial{};
    size_t length = utf8::encode(units, character, &initial);
    if (out) *out = static_cast<char8_t>(units[0]);
    if (length > 1) {
        unsigned kept = 0;
        for (size_t at = 1; at < length; ++at) kept = kept << 8 | static_cast<unsigned char>(units[at]);
        state->__count = static_cast<int>(owed_mark);
        state->__value.__wch = static_cast<unsigned>(length - 1) << 24 | kept;
    }
    return used;
}

// c8rtomb's state while units are missing: the units so far in __wch's low
// 24 bits, their number in its top byte.
size_t c8rtomb(char* __restrict out, char8_t unit, mbstate_t* __restrict state) noexcept {
    char ignored[utf8::longest_sequence];
    if (!state) state = &c8rtomb_state;
    if (out == nullptr) {  // as converting u8'\0' into a buffer of lwp's own
        out = ignored;     // (EILSEQ when units are missing, as glibc)
        unit = 0;
    }
    unsigned char units[4];
    unsigned seen = 0;
    if (keeps_units(state)) {
        unsigned kept = state->__value.__wch;
        seen = kept >> 24;
        for (unsigned at = 0; at < seen; ++at)
            units[at] = static_cast<unsigned char>(kept >> (8 * (seen - 1 - at)));
    } else if (unit < 0x80) {
        return wcrtomb(out, unit, state);
    }
    utf8_start start = start_of(seen ? units[0] : unit);
    if (start.length == 0) return utf8::refuse();
    if (seen == 1 && (unit < start.second_low || unit > start.second_high)) return utf8::refuse();
    if (seen > 1 && (unit < 0x80 || unit > 0xbf)) return utf8::refuse();
    units[seen++] = unit;
    if (seen < start.length) {
        unsigned kept = 0;
        for (unsigned at = 0; at < seen; ++at) kept = kept << 8 | units[at];
        state->__count = static_cast<int>(owed_mark);
        state->__value.__wch = seen << 24 | kept;
        return 0;
    }
    clear(state);
    wchar_t character = 0;
    mbstate_t decoding{};
    utf8::decode(&character, reinterpret_cast<const char*>(units), seen, &decoding);
    return wcrtomb(out, character, state);
}

}  // extern "C"
