// One character between UTF-8 and wchar_t, as glibc's C.UTF-8 converts it,
// for the multibyte functions (multibyte.cpp, multibyte_strings.cpp) and the
// wide stdio (stdio_wide_characters.cpp, stdio_utf8_input.cpp, the wide printf).
//
// glibc's converter is the original UTF-8 of ISO 10646: sequences of up to
// six bytes and characters up to 0x7fffffff, not only Unicode's four bytes
// and U+10FFFF, so lwp's is too. A sequence is refused (EILSEQ) when a byte
// cannot start one (0x80-0xc1, 0xfe, 0xff), when a byte that should
// continue it does not (a NUL included), and, once complete, when it is
// overlong or encodes a UTF-16 surrogate (U+D800-U+DFFF): glibc checks the
// last two only when the sequence is complete, so "\xe0\x80" alone is still
// incomplete (-2), and so is it here.
//
// An incomplete sequence is kept in the mbstate_t the way glibc keeps it:
// __count is the sequence's length times 256 plus the bytes seen, __wch the
// bits seen so far, already in place. mbsinit reads __count == 0 as the
// initial state.
#pragma once

#include <errno.h>
#include <stddef.h>
#include <wchar.h>

namespace lwp::libc::utf8 {

constexpr size_t incomplete = static_cast<size_t>(-2);
constexpr size_t refused = static_cast<size_t>(-1);
constexpr size_t longest_sequence = 6;  // MB_CUR_MAX in C.UTF-8, as glibc

inline size_t refuse() {
    errno = EILSEQ;
    return refused;
}

// The smallest character a sequence of `length` bytes may encode.
inline unsigned smallest_for_length(unsigned length) {
    static constexpr unsigned smallest[] = {0, 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
    return smallest[length];
}

// mbrtowc's work for C.UTF-8: at most `limit` bytes of `bytes` (not null)
// continue what `state` holds. The bytes used (0 for a NUL), incomplete with
// the state updated, or refused with EILSEQ and the state left alone.
inline size_t decode(wchar_t* out, const char* bytes, size_t limit, mbstate_t* state) {
    if (limit == 0) return incomplete;
    unsigned length, seen, value;
    size_t used = 0;
    if (state->__count == 0) {
        auto lead = static_cast<unsigned char>(bytes[0]);
        if (lead < 0x80) {
            if (out) *out = lead;
            return lead != 0;
        }
        if (lead < 0xc2 || lead > 0xfd) return refuse();
        // The lead byte's high ones count the bytes; the bits after its
        // first zero are the character's highest.
        length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf8 ? 4 : lead < 0xfc ? 5 : 6;
        value = (lead & (0x7f >> length)) << (6 * (length - 1));
        seen = used = 1;
    } else {
        length = static_cast<unsigned>(state->__count) >> 8;
        seen = state->__count & 0xff;
        value = state->__value.__wch;
    }
    for (; seen < length && used < limit; ++seen, ++used) {
        auto byte = static_cast<unsigned char>(bytes[used]);
        if ((byte & 0xc0) != 0x80) return refuse();
        value |= (byte & 0x3fu) << (6 * (length - seen - 1));
    }
    if (seen < length) {
        state->__count = static_cast<int>(length << 8 | seen);
        state->__value.__wch = value;
        return incomplete;
    }
    if (value < smallest_for_length(length) || (value >= 0xd800 && value <= 0xdfff))
        return refuse();
    state->__count = 0;
    if (out) *out = static_cast<wchar_t>(value);
    return used;
}

// wcrtomb's work for C.UTF-8: the bytes stored (1 to 6), or refused with
// EILSEQ for a surrogate, a character above 0x7fffffff (a negative
// wchar_t) or a state holding half a multibyte character, as glibc.
inline size_t encode(char* out, wchar_t character, const mbstate_t* state) {
    if (state->__count != 0) return refuse();
    auto value = static_cast<unsigned>(character);
    if (value < 0x80) {
        out[0] = static_cast<char>(value);
        return 1;
    }
    if (value > 0x7fffffff || (value >= 0xd800 && value <= 0xdfff)) return refuse();
    unsigned length = 2;
    while (length < longest_sequence && value >= smallest_for_length(length + 1)) ++length;
    for (unsigned at = length - 1; at > 0; --at, value >>= 6)
        out[at] = static_cast<char>(0x80 | (value & 0x3f));
    // The lead byte: `length` ones, a zero, then the highest bits.
    out[0] = static_cast<char>((0xff00u >> length) | value);
    return length;
}

// What glibc's wide streams write for a character in C.UTF-8 (fputwc,
// fwprintf): its bytes, or '?' for one UTF-8 has none for (a surrogate, a
// negative wchar_t), errno untouched. The length.
inline size_t encode_for_stream(char* out, wchar_t character) {
    auto value = static_cast<unsigned>(character);
    if (value > 0x7fffffff || (value >= 0xd800 && value <= 0xdfff)) {
        out[0] = '?';
        return 1;
    }
    mbstate_t initial{};
    return encode(out, character, &initial);
}

}  // namespace lwp::libc::utf8
