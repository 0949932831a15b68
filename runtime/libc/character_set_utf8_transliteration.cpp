// iconv's //TRANSLIT answers in the C.UTF-8 locale (the tables and why
// there are three are in character_set_utf8_transliterations.hpp).
#include "character_set_utf8_transliterations.hpp"
#include "character_sets.hpp"

namespace {

using namespace lwp_libc_character_sets;

template <size_t rows>
const transliteration* find_row(const transliteration (&table)[rows], uint32_t character) {
    size_t low = 0;
    size_t high = rows;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const transliteration& row = table[middle];
        if (character < row.first) high = middle;
        else if (character - row.first >= row.count) low = middle + 1;
        else return &row;
    }
    return nullptr;
}

// The texts are UTF-8 written by the generator, so well formed.
uint32_t decode_text(const unsigned char*& text) {
    uint32_t lead = *text++;
    if (lead < 0x80) return lead;
    size_t continuations = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    uint32_t character = lead & (0x3f >> continuations);
    for (size_t index = 0; index < continuations; ++index) character = character << 6 | (*text++ & 0x3f);
    return character;
}

}  // namespace

size_t lwp_libc_character_sets::utf8_locale_replacement(family target, uint32_t character,
                                                         uint32_t text_out[8], size_t& least_room) {
    least_room = 0;
    // Latin-1 and UCS-2 targets first look where their answer differs from
    // ASCII's; the ASCII answer is the one any other target takes.
    const transliteration* row = nullptr;
    if (target == family::latin1 && character > 0xff) row = find_row(utf8_latin1_transliterations, character);
    if (target == family::ucs2 && character > 0xffff) row = find_row(utf8_ucs2_transliterations, character);
    if (row == nullptr) row = find_row(utf8_transliterations, character);
    if (row == nullptr) {
        // A '?' that glibc reaches only after candidates that need room.
        if (target == family::ascii || target == family::latin1) {
            for (const question_mark_room& run : utf8_question_mark_rooms)
                if (character - run.first < run.count) least_room = run.characters;
        }
        return no_replacement;
    }
    const auto* text = reinterpret_cast<const unsigned char*>(utf8_transliteration_texts) + row->text;
    const auto* end = text + row->length;
    size_t length = 0;
    while (text < end) text_out[length++] = decode_text(text);
    // A row of several code points runs through consecutive characters.
    if (row->count > 1) text_out[0] += character - row->first;
    return length;
}
