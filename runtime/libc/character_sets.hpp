// The encodings iconv converts between, each as a decoder (bytes to one
// code point) and an encoder (one code point to bytes), with glibc 2.36's
// notion of what is valid in each, which is not always Unicode's:
//
// - UTF-8 decodes the old five- and six-byte forms and four-byte forms above
//   U+10FFFF (up to 0x7fffffff), refusing only overlong forms, surrogates
//   and the bytes 0xc0, 0xc1, 0xfe, 0xff; it encodes the same range. glibc
//   passes such values through between UTF-8, UCS-4 and WCHAR_T, and only
//   the encoders with a smaller range (UTF-16, UTF-32, UCS-2, ...) refuse
//   them.
// - UCS-4 decodes anything up to 0x7fffffff, surrogates included; WCHAR_T
//   (glibc's INTERNAL) decodes and encodes any 32-bit value unchecked.
// - UCS-2 is the machine's byte order (little-endian here), UCS-4 big-endian.
//
// Every check for room comes before the check of the character, as in
// glibc's conversion loops: a full buffer is E2BIG even when the character
// would have been refused.
#ifndef LWP_LIBC_CHARACTER_SETS_HPP
#define LWP_LIBC_CHARACTER_SETS_HPP

#include <stddef.h>
#include <stdint.h>

namespace lwp_libc_character_sets {

enum class family : uint8_t { ascii, latin1, utf8, utf16, ucs2, utf32, ucs4, wchar };

struct character_set {
    family kind;
    bool big_endian;       // the byte order, or for a byte-order-marked set its default
    bool byte_order_mark;  // UTF-16, UTF-32, UNICODE: one written first, one looked for first
};

// The bytes of one code unit: also the least input a character needs and the
// least room an output character needs.
inline size_t unit_size(character_set set) {
    switch (set.kind) {
    case family::utf16:
    case family::ucs2: return 2;
    case family::utf32:
    case family::ucs4:
    case family::wchar: return 4;
    default: return 1;
    }
}

inline bool is_surrogate(uint32_t character) { return character >= 0xd800 && character <= 0xdfff; }

// Unicode's invisible language tags: glibc's encoders drop them, silently
// and without counting them, wherever they cannot be represented.
inline bool is_tag_character(uint32_t character) {
    return character >= 0xe0000 && character <= 0xe007f;
}

inline uint32_t read_unit(const unsigned char* bytes, size_t size, bool big_endian) {
    uint32_t value = 0;
    for (size_t index = 0; index < size; ++index)
        value |= static_cast<uint32_t>(bytes[big_endian ? index : size - 1 - index])
                 << (8 * (size - 1 - index));
    return value;
}

inline void write_unit(unsigned char* bytes, size_t size, bool big_endian, uint32_t value) {
    for (size_t index = 0; index < size; ++index)
        bytes[big_endian ? size - 1 - index : index] = static_cast<unsigned char>(value >> (8 * index));
}

enum class decoding : uint8_t { character, incomplete, illegal };

struct decoded {
    decoding outcome;
    uint32_t character;
    size_t length;  // bytes read, or for an illegal sequence the bytes //IGNORE skips
};

inline decoded utf8_decode(const unsigned char* bytes, size_t available) {
    constexpr decoded illegal{decoding::illegal, 0, 1};
    uint32_t lead = bytes[0];
    if (lead < 0x80) return {decoding::character, lead, 1};
    size_t length;
    uint32_t value;
    if (lead >= 0xc2 && lead < 0xe0) length = 2, value = lead & 0x1f;
    else if ((lead & 0xf0) == 0xe0) length = 3, value = lead & 0x0f;
    else if ((lead & 0xf8) == 0xf0) length = 4, value = lead & 0x07;
    else if ((lead & 0xfc) == 0xf8) length = 5, value = lead & 0x03;
    else if ((lead & 0xfe) == 0xfc) length = 6, value = lead & 0x01;
    else return illegal;  // a continuation byte, 0xc0, 0xc1 (always overlong), 0xfe, 0xff
    // Cut off by the end of the buffer: incomplete (more may come) only while
    // what is there could still begin a character. Whether it would be
    // overlong or a surrogate is not judged yet, as in glibc.
    size_t present = available < length ? available : length;
    for (size_t index = 1; index < present; ++index) {
        if ((bytes[index] & 0xc0) != 0x80) return illegal;
        value = value << 6 | (bytes[index] & 0x3f);
    }
    if (present < length) return {decoding::incomplete, 0, 0};
    // Overlong: the value fits in the bits of a shorter form (two-byte forms
    // were refused by their lead byte).
    if (length > 2 && (value >> (5 * length - 4)) == 0) return illegal;
    if (is_surrogate(value)) return illegal;
    return {decoding::character, value, length};
}

inline decoded decode(character_set set, bool big_endian, const unsigned char* bytes, size_t available) {
    size_t unit = unit_size(set);
    if (available < unit) return {decoding::incomplete, 0, 0};
    constexpr auto illegal_unit = [](size_t length) { return decoded{decoding::illegal, 0, length}; };
    switch (set.kind) {
    case family::ascii:
        if (bytes[0] >= 0x80) return illegal_unit(1);
        return {decoding::character, bytes[0], 1};
    case family::latin1: return {decoding::character, bytes[0], 1};
    case family::utf8: return utf8_decode(bytes, available);
    case family::utf16: {
        uint32_t first = read_unit(bytes, 2, big_endian);
        if (first >= 0xdc00 && first <= 0xdfff) return illegal_unit(2);
        if (first < 0xd800 || first > 0xdbff) return {decoding::character, first, 2};
        if (available < 4) return {decoding::incomplete, 0, 0};
        uint32_t second = read_unit(bytes + 2, 2, big_endian);
        // An unpaired high surrogate is skipped alone: what follows it is
        // decoded afresh.
        if (second < 0xdc00 || second > 0xdfff) return illegal_unit(2);
        return {decoding::character, 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00), 4};
    }
    case family::ucs2: {
        uint32_t value = read_unit(bytes, 2, big_endian);
        if (is_surrogate(value)) return illegal_unit(2);
        return {decoding::character, value, 2};
    }
    case family::utf32: {
        uint32_t value = read_unit(bytes, 4, big_endian);
        if (value > 0x10ffff || is_surrogate(value)) return illegal_unit(4);
        return {decoding::character, value, 4};
    }
    case family::ucs4: {
        uint32_t value = read_unit(bytes, 4, big_endian);
        if (value > 0x7fffffff) return illegal_unit(4);
        return {decoding::character, value, 4};
    }
    case family::wchar: return {decoding::character, read_unit(bytes, 4, false), 4};
    }
    return illegal_unit(1);
}

// A surrogate code point (which only UCS-4 and WCHAR_T input can carry) is
// refused by glibc's UTF-16, UCS-2 and UTF-32 encoders outside their usual
// error path: //TRANSLIT does not replace it, only //IGNORE skips it.
enum class encoding : uint8_t { written, full, unrepresentable, surrogate };

struct encoded {
    encoding outcome;
    size_t length;
};

inline encoded encode(character_set set, uint32_t character, unsigned char* out, size_t room) {
    size_t unit = unit_size(set);
    if (room < unit) return {encoding::full, 0};
    constexpr encoded unrepresentable{encoding::unrepresentable, 0};
    switch (set.kind) {
    case family::ascii:
    case family::latin1:
        if (character > (set.kind == family::ascii ? 0x7fu : 0xffu)) return unrepresentable;
        out[0] = static_cast<unsigned char>(character);
        return {encoding::written, 1};
    case family::utf8: {
        if (character > 0x7fffffff || is_surrogate(character)) return unrepresentable;
        if (character < 0x80) {
            out[0] = static_cast<unsigned char>(character);
            return {encoding::written, 1};
        }
        size_t length = 2;
        while (length < 6 && character >> (5 * length + 1) != 0) ++length;
        if (room < length) return {encoding::full, 0};
        for (size_t index = length - 1; index > 0; --index) {
            out[index] = static_cast<unsigned char>(0x80 | (character & 0x3f));
            character >>= 6;
        }
        out[0] = static_cast<unsigned char>((0xff00u >> length) | character);
        return {encoding::written, length};
    }
    case family::utf16:
        if (is_surrogate(character)) return {encoding::surrogate, 0};
        if (character > 0x10ffff) return unrepresentable;
        if (character < 0x10000) {
            write_unit(out, 2, set.big_endian, character);
            return {encoding::written, 2};
        }
        if (room < 4) return {encoding::full, 0};
        character -= 0x10000;
        write_unit(out, 2, set.big_endian, 0xd800 + (character >> 10));
        write_unit(out + 2, 2, set.big_endian, 0xdc00 + (character & 0x3ff));
        return {encoding::written, 4};
    case family::ucs2:
        if (is_surrogate(character)) return {encoding::surrogate, 0};
        if (character > 0xffff) return unrepresentable;
        write_unit(out, 2, set.big_endian, character);
        return {encoding::written, 2};
    case family::utf32:
        if (is_surrogate(character)) return {encoding::surrogate, 0};
        if (character > 0x10ffff) return unrepresentable;
        write_unit(out, 4, set.big_endian, character);
        return {encoding::written, 4};
    case family::ucs4:
    case family::wchar:
        write_unit(out, 4, set.big_endian, character);
        return {encoding::written, 4};
    }
    return unrepresentable;
}

// What glibc's "C" locale writes in ASCII for a character a byte cannot
// hold (at most 8 bytes into `text`; "?" when it has no replacement); in
// character_set_conversion.cpp.
size_t ascii_replacement(uint32_t character, char text[8]);

// What glibc's C.UTF-8 locale writes under //TRANSLIT for a character
// `target` cannot represent: at most 8 characters into `text`, which
// `target` can represent, and their number; no_replacement when it has
// none (glibc's default, '?', is then the answer). `least_room` is the
// room, in characters, glibc needs for it when that is more than the
// answer's own (else 0). In character_set_utf8_transliteration.cpp.
constexpr size_t no_replacement = static_cast<size_t>(-1);
size_t utf8_locale_replacement(family target, uint32_t character, uint32_t text[8], size_t& least_room);

}  // namespace lwp_libc_character_sets

#endif
