// iconv_open iconv iconv_close (<iconv.h>; not marked noexcept, as glibc
// declares them cancellation points): conversion between ASCII, Latin-1, UTF-8,
// UTF-16, UTF-32, UCS-2, UCS-4 and WCHAR_T (with their byte-order variants
// and glibc's names for them), one character at a time: the source decoded
// to a code point, the code point encoded in the target
// (character_sets.hpp). No other encodings.
//
// What glibc 2.36 does is followed in detail, quirks included, since
// programs are written against it (each checked against glibc on this
// machine, tests/posix/character_set_conversion.c):
// - "UTF-16", "UTF-32" and "UNICODE" write a little-endian byte order mark
//   and little-endian text; read, they take a mark at the very start (either
//   order) and otherwise little-endian.
// - glibc converts through its internal UCS-4 in two steps (source to
//   internal, internal to target), one when either side is WCHAR_T, and some
//   answers show it; the places are marked "two steps" below.
// - //IGNORE skips what cannot be converted, then reports -1 and EILSEQ at
//   the end of the call, unless a transliteration came after (below).
//
// An iconv_t is a malloc'd character_set_conversion; one thread at a time
// may use it, as with glibc.
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "character_set_transliterations.hpp"
#include "character_sets.hpp"
#include "locale_state.hpp"

// Weak: C.UTF-8's tables come into a program only with the locale code
// that can make C.UTF-8 current (locale_state.cpp brings them in), so a
// program that never leaves "C" does not carry them.
namespace lwp_libc_character_sets {
[[gnu::weak]] size_t utf8_locale_replacement(family target, uint32_t character, uint32_t text[8],
                                             size_t& least_room);
}

namespace {

using namespace lwp_libc_character_sets;

struct character_set_conversion {
    character_set source;
    character_set target;
    bool transliterate;
    bool ignore;
    // For a byte-order-marked source: the order in use. A reset leaves it
    // as it is, as glibc's does (it lives outside the state a reset clears).
    bool source_big_endian;
    // Whether the first conversion since opening or the last reset has
    // happened: a byte order mark is looked for only before it, and written
    // only by it.
    bool source_mark_looked_for;
    bool target_mark_written;
};

constexpr character_set ascii{family::ascii, false, false};
constexpr character_set latin1{family::latin1, false, false};
constexpr character_set utf8{family::utf8, false, false};

struct named_character_set {
    const char* name;  // as glibc normalises it (below): upper case, two slashes
    character_set set;
};

// glibc's names for these encodings, from its built-in aliases and its
// gconv-modules file ("646", "LATIN-1", "UTF_8" are not among them: glibc
// refuses them too). "UCS-2" is the machine's order, so "UCS-2" and
// "UCS-2LE" are the same here.
constexpr named_character_set character_set_names[] = {
    {"ANSI_X3.4-1968//", ascii}, {"ANSI_X3.4//", ascii}, {"ISO-IR-6//", ascii},
    {"ANSI_X3.4-1986//", ascii}, {"ISO_646.IRV:1991//", ascii}, {"ASCII//", ascii},
    {"ISO646-US//", ascii}, {"US-ASCII//", ascii}, {"US//", ascii}, {"IBM367//", ascii},
    {"CP367//", ascii}, {"CSASCII//", ascii}, {"OSF00010020//", ascii},
    {"ISO-8859-1//", latin1}, {"ISO-IR-100//", latin1}, {"ISO_8859-1:1987//", latin1},
    {"ISO_8859-1//", latin1}, {"ISO8859-1//", latin1}, {"ISO88591//", latin1},
    {"LATIN1//", latin1}, {"L1//", latin1}, {"IBM819//", latin1}, {"CP819//", latin1},
    {"CSISOLATIN1//", latin1}, {"8859_1//", latin1}, {"OSF00010001//", latin1},
    {"UTF-8//", utf8}, {"UTF8//", utf8}, {"ISO-10646/UTF8/", utf8},
    {"ISO-10646/UTF-8/", utf8}, {"ISO-IR-193//", utf8}, {"OSF05010001//", utf8},
    {"UTF-16//", {family::utf16, false, true}}, {"UTF16//", {family::utf16, false, true}},
    {"UTF-16LE//", {family::utf16, false, false}}, {"UTF16LE//", {family::utf16, false, false}},
    {"UTF-16BE//", {family::utf16, true, false}}, {"UTF16BE//", {family::utf16, true, false}},
    {"UTF-32//", {family::utf32, false, true}}, {"UTF32//", {family::utf32, false, true}},
    {"UTF-32LE//", {family::utf32, false, false}}, {"UTF32LE//", {family::utf32, false, false}},
    {"UTF-32BE//", {family::utf32, true, false}}, {"UTF32BE//", {family::utf32, true, false}},
    {"UCS-2//", {family::ucs2, false, false}}, {"UCS2//", {family::ucs2, false, false}},
    {"ISO-10646/UCS2/", {family::ucs2, false, false}},
    {"OSF00010100//", {family::ucs2, false, false}}, {"OSF00010101//", {family::ucs2, false, false}},
    {"OSF00010102//", {family::ucs2, false, false}},
    {"UCS-2LE//", {family::ucs2, false, false}}, {"UNICODELITTLE//", {family::ucs2, false, false}},
    {"UCS-2BE//", {family::ucs2, true, false}}, {"UNICODEBIG//", {family::ucs2, true, false}},
    {"UNICODE//", {family::ucs2, false, true}}, {"CSUNICODE//", {family::ucs2, false, true}},
    {"UCS-4//", {family::ucs4, true, false}}, {"UCS4//", {family::ucs4, true, false}},
    {"UCS-4BE//", {family::ucs4, true, false}}, {"ISO-10646/UCS4/", {family::ucs4, true, false}},
    {"CSUCS4//", {family::ucs4, true, false}}, {"ISO-10646//", {family::ucs4, true, false}},
    {"10646-1:1993//", {family::ucs4, true, false}},
    {"10646-1:1993/UCS4/", {family::ucs4, true, false}},
    {"OSF00010104//", {family::ucs4, true, false}}, {"OSF00010105//", {family::ucs4, true, false}},
    {"OSF00010106//", {family::ucs4, true, false}},
    {"UCS-4LE//", {family::ucs4, false, false}},
    {"WCHAR_T//", {family::wchar, false, false}},
};

char ascii_upper(char letter) { return letter >= 'a' && letter <= 'z' ? letter - 'a' + 'A' : letter; }

bool equal_ignoring_case(const char* text, size_t length, const char* upper_word) {
    size_t index = 0;
    for (; index < length; ++index)
        if (upper_word[index] == '\0' || ascii_upper(text[index]) != upper_word[index]) return false;
    return upper_word[index] == '\0';
}

struct parsed_name {
    bool known;
    character_set set;
    bool transliterate;
    bool ignore;
};

// glibc's reading of a name: "charset[/subset[/suffix...]]", where the part
// after a second slash holds suffixes separated by '/' or ',' (TRANSLIT,
// IGNORE, any case; anything else ignored), taken off from the end while
// two slashes remain, trailing separators and white space dropped before
// each ("UTF-8,", "UTF-8//TRANSLIT " are fine). What is left keeps letters, digits and "_-.,:" (upper
// cased) and its slash, other characters dropped ("UTF 8" is UTF8), and
// gets slashes added up to two. Nothing left means the calling thread's
// locale's charset when iconv_open is called: ASCII in "C", UTF-8 in C.UTF-8.
parsed_name parse_name(const char* name) {
    parsed_name parsed{false, ascii, false, false};
    size_t end = strlen(name);
    for (;;) {
        while (end > 0 && (name[end - 1] == ',' || name[end - 1] == '/' || name[end - 1] == ' ' ||
                           (name[end - 1] >= '\t' && name[end - 1] <= '\r')))
            --end;
        size_t slashes = 0;
        size_t last_separator = 0;
        for (size_t index = 0; index < end; ++index) {
            if (name[index] == '/') ++slashes;
            if (name[index] == '/' || name[index] == ',') last_separator = index;
        }
        if (slashes < 2) break;
        const char* suffix = name + last_separator + 1;
        size_t suffix_length = end - last_separator - 1;
        if (equal_ignoring_case(suffix, suffix_length, "TRANSLIT")) parsed.transliterate = true;
        if (equal_ignoring_case(suffix, suffix_length, "IGNORE")) parsed.ignore = true;
        end = last_separator;
    }
    // At most one slash is left now.
    char normalised[32];
    size_t length = 0;
    size_t slashes = 0;
    for (size_t index = 0; index < end; ++index) {
        char letter = name[index];
        bool kept = (letter >= '0' && letter <= '9') || (letter >= 'a' && letter <= 'z') ||
                    (letter >= 'A' && letter <= 'Z') || letter == '_' || letter == '-' ||
                    letter == '.' || letter == ',' || letter == ':' || letter == '/';
        if (!kept) continue;
        if (letter == '/') ++slashes;
        if (length + 1 >= sizeof normalised) return parsed;  // longer than every known name
        normalised[length++] = ascii_upper(letter);
    }
    for (; slashes < 2; ++slashes) {
        if (length + 1 >= sizeof normalised) return parsed;
        normalised[length++] = '/';
    }
    normalised[length] = '\0';
    if (strcmp(normalised, "//") == 0) {
        parsed.known = true;  // the locale's charset
        if (lwp::libc::ctype_is_utf8()) parsed.set = utf8;
        return parsed;
    }
    for (const auto& entry : character_set_names) {
        if (strcmp(normalised, entry.name) == 0) {
            parsed.known = true;
            parsed.set = entry.set;
            return parsed;
        }
    }
    return parsed;
}

// The replacement glibc's "C" locale gives `character` under //TRANSLIT,
// or null when it has none.
const transliteration* find_transliteration(uint32_t character) {
    size_t low = 0;
    size_t high = sizeof transliterations / sizeof transliterations[0];
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const transliteration& row = transliterations[middle];
        if (character < row.first) high = middle;
        else if (character - row.first >= row.count) low = middle + 1;
        else return &row;
    }
    return nullptr;
}

}  // namespace

// The ASCII text glibc's "C" locale writes for `character` where a byte
// cannot hold it: its transliteration, else "?". Shared with the wide stdio
// calls (stdio_wide_characters.cpp), which write it as glibc's wide streams
// do.
size_t lwp_libc_character_sets::ascii_replacement(uint32_t character, char text_out[8]) {
    const transliteration* row = find_transliteration(character);
    if (row == nullptr) {
        text_out[0] = '?';
        return 1;
    }
    for (size_t index = 0; index < row->length; ++index) {
        char byte = transliteration_texts[row->text + index];
        // A row of several code points runs through consecutive bytes.
        if (row->count > 1) byte = static_cast<char>(byte + (character - row->first));
        text_out[index] = byte;
    }
    return row->length;
}

namespace {

// Writes the replacement for a character the target cannot represent: all
// of it, or (false: no room) none of it counted, `out` and `room` left as
// they were. glibc looks it up in the calling thread's LC_CTYPE at the time
// of the call (not at iconv_open): "C" has its built-in table, C.UTF-8 its
// own, with answers that depend on the target. Without a replacement it is
// '?', the locale's default for a missing one.
//
// glibc transliterates by running the target's converter on the
// replacement as a conversion of its own, which writes a byte order mark
// again while the target's first conversion is under way: `with_mark`
// repeats that. When the replacement then does not fit, glibc forgets the
// mark for a table's replacement but keeps it for the default '?' (it
// takes the default's output position whatever the outcome).
bool write_transliteration(character_set target, uint32_t character, bool with_mark,
                           unsigned char*& out, size_t& room) {
    unsigned char* const start = out;
    const size_t start_room = room;
    if (with_mark) {
        size_t used = encode(target, 0xfeff, out, room).length;
        if (used == 0) return false;
        out += used;
        room -= used;
    }
    uint32_t text[8];
    size_t length = no_replacement;
    if (lwp::libc::ctype_is_utf8() && utf8_locale_replacement != nullptr) {
        size_t least_room;
        length = utf8_locale_replacement(target.kind, character, text, least_room);
        if (room < least_room * unit_size(target)) return false;
    } else if (find_transliteration(character) != nullptr) {
        char ascii_text[8];
        length = ascii_replacement(character, ascii_text);
        for (size_t index = 0; index < length; ++index)
            text[index] = static_cast<unsigned char>(ascii_text[index]);
    }
    const bool from_table = length != no_replacement;
    if (!from_table) {
        text[0] = '?';
        length = 1;
    }
    // glibc writes the replacement character by character into the output
    // and, when one does not fit, leaves those that did in the buffer past
    // the position it reports: the same bytes are written here.
    size_t used = 0;
    for (size_t index = 0; index < length; ++index) {
        encoded result = encode(target, text[index], out + used, room - used);  // representable: always
        if (result.outcome == encoding::full) {
            if (from_table) {
                out = start;
                room = start_room;
            }
            return false;
        }
        used += result.length;
    }
    out += used;
    room -= used;
    return true;
}

// Whether glibc reports a skip by this decoder under //IGNORE: its UCS-4
// decoders (either order) and its byte-swapped UCS-2 (UCS-2BE on this
// little-endian machine) skip silently.
bool skips_are_reported(character_set set) {
    if (set.kind == family::ucs4) return false;
    return !(set.kind == family::ucs2 && set.big_endian);
}

// How many characters glibc's first step converts into its intermediate
// buffer before handing them to the second (8160 of its 4-byte characters).
// Two of its answers depend on where these rounds end (below).
constexpr size_t characters_per_round = 8160;

// What glibc's converting loop last reported while encoding: its status at
// the end, which decides whether //IGNORE's skips end in EILSEQ.
enum class encoder_report : uint8_t { nothing, transliterated, ignored };

size_t failure(int error) {
    errno = error;
    return static_cast<size_t>(-1);
}

}  // namespace

extern "C" {

iconv_t iconv_open(const char* tocode, const char* fromcode) {
    parsed_name target = parse_name(tocode);
    parsed_name source = parse_name(fromcode);
    // glibc finds no conversion from its internal form to itself.
    if (!target.known || !source.known ||
        (target.set.kind == family::wchar && source.set.kind == family::wchar)) {
        errno = EINVAL;
        return reinterpret_cast<iconv_t>(-1);
    }
    auto* conversion = static_cast<character_set_conversion*>(malloc(sizeof(character_set_conversion)));
    if (conversion == nullptr) return reinterpret_cast<iconv_t>(-1);  // malloc's ENOMEM
    // Suffixes on the source name are read and ignored, as glibc does.
    *conversion = {source.set, target.set, target.transliterate, target.ignore,
                   source.set.big_endian, false, false};
    return conversion;
}

int iconv_close(iconv_t handle) {
    if (handle == reinterpret_cast<iconv_t>(-1)) {
        errno = EBADF;
        return -1;
    }
    free(handle);
    return 0;
}

size_t iconv(iconv_t handle, char** __restrict inbuf, size_t* __restrict inleft,
             char** __restrict outbuf, size_t* __restrict outleft) {
    if (handle == reinterpret_cast<iconv_t>(-1)) return failure(EBADF);
    auto* conversion = static_cast<character_set_conversion*>(handle);
    // No input: back to the initial state. Nothing here has shift sequences
    // to write, so the output is left alone; the next conversion writes a
    // byte order mark again and looks for one again, as glibc's does.
    if (inbuf == nullptr || *inbuf == nullptr) {
        conversion->source_mark_looked_for = false;
        conversion->target_mark_written = false;
        return 0;
    }
    const character_set source = conversion->source;
    const character_set target = conversion->target;
    const size_t source_unit = unit_size(source);
    // glibc's single step, when WCHAR_T is one side.
    const bool one_step = source.kind == family::wchar || target.kind == family::wchar;

    auto* in = reinterpret_cast<const unsigned char*>(*inbuf);
    const unsigned char* const in_end = in + *inleft;
    // No output buffer is no room (glibc would crash).
    unsigned char* out = outbuf && *outbuf && outleft ? reinterpret_cast<unsigned char*>(*outbuf) : nullptr;
    size_t room = out ? *outleft : 0;

    int error = 0;
    size_t irreversible = 0;
    bool decoder_skipped = false;
    encoder_report report = encoder_report::nothing;
    size_t characters_in_round = 0;
    bool mark_written_this_round = false;

    // A source's byte order mark, looked for once, when there is a whole unit
    // of input. A little-endian mark is skipped without changing the order:
    // after a reset, a stream found big-endian before stays big-endian
    // through a little-endian mark, as in glibc.
    if (source.byte_order_mark && !conversion->source_mark_looked_for &&
        static_cast<size_t>(in_end - in) >= source_unit) {
        conversion->source_mark_looked_for = true;
        uint32_t first = read_unit(in, source_unit, false);
        if (first == 0xfeff) {
            in += source_unit;
        } else if (first == (source_unit == 2 ? 0xfffeu : 0xfffe0000u)) {
            in += source_unit;
            conversion->source_big_endian = true;
        }
    }
    // Two steps: where the input stands after the last character the
    // encoder took. When the encoder stops, glibc finds the input position
    // by converting again only as many characters as it took, so input the
    // decoder skipped after them counts as not read.
    const unsigned char* after_last_encoded = in;
    auto write_mark = [&]() {
        size_t used = encode(target, 0xfeff, out, room).length;
        if (used == 0) return false;
        out += used;
        room -= used;
        conversion->target_mark_written = true;
        mark_written_this_round = true;
        return true;
    };
    // In one step the target's mark comes first in the call, input or not;
    // in two it comes with the first character the first step hands over.
    if (one_step && target.byte_order_mark && !conversion->target_mark_written && !write_mark())
        error = E2BIG;

    while (error == 0 && in < in_end) {
        if (!one_step && characters_in_round == characters_per_round) {
            // Two steps: at the end of a round glibc forgets that the first
            // step skipped something, and stops (EILSEQ, here) when the
            // second one did.
            if (report == encoder_report::ignored) {
                error = EILSEQ;
                break;
            }
            characters_in_round = 0;
            after_last_encoded = in;
            decoder_skipped = false;
            report = encoder_report::nothing;
            mark_written_this_round = false;
        }
        // glibc's one-step UCS-4 converters, except the one from UCS-4LE,
        // look at the room first: no room is E2BIG even when what input is
        // left is incomplete.
        bool room_first = (source.kind == family::ucs4 && source.big_endian) || target.kind == family::ucs4;
        if (one_step && room_first && room < 4) {
            error = E2BIG;
            break;
        }
        size_t available = static_cast<size_t>(in_end - in);
        if (available < source_unit) {
            error = EINVAL;
            break;
        }
        // One step into WCHAR_T: room is checked before the input is read.
        if (target.kind == family::wchar && room < 4) {
            error = E2BIG;
            break;
        }
        bool source_big_endian = source.byte_order_mark ? conversion->source_big_endian : source.big_endian;
        decoded character = decode(source, source_big_endian, in, available);
        if (character.outcome == decoding::incomplete) {
            error = EINVAL;
            break;
        }
        if (character.outcome == decoding::illegal) {
            if (!conversion->ignore) {
                error = EILSEQ;
                break;
            }
            in += character.length;
            // glibc's UCS-4 and byte-swapped UCS-2 decoders skip without
            // reporting it; the others report (EILSEQ at the end). Only the
            // last step's skips are counted.
            if (skips_are_reported(source)) decoder_skipped = true;
            if (one_step) ++irreversible;
            continue;
        }
        ++characters_in_round;
        if (!one_step && target.byte_order_mark && !conversion->target_mark_written && !write_mark()) {
            error = E2BIG;
            break;
        }
        encoded result = encode(target, character.character, out, room);
        if (result.outcome == encoding::full) {
            error = E2BIG;
            break;
        }
        if (result.outcome == encoding::surrogate) {
            if (!conversion->ignore) {
                error = EILSEQ;
                break;
            }
            // Skipped and counted; glibc's byte-swapped UCS-2 encoder
            // (UCS-2BE here) does not report it.
            if (!(target.kind == family::ucs2 && target.big_endian)) report = encoder_report::ignored;
            ++irreversible;
        } else if (result.outcome == encoding::unrepresentable && !is_tag_character(character.character)) {
            if (conversion->transliterate) {
                bool with_mark = target.byte_order_mark && mark_written_this_round;
                if (!write_transliteration(target, character.character, with_mark, out, room)) {
                    error = E2BIG;
                    break;
                }
                report = encoder_report::transliterated;
            } else if (conversion->ignore) {
                report = encoder_report::ignored;
            } else {
                error = EILSEQ;
                break;
            }
            ++irreversible;
        }
        out += result.length;
        room -= result.length;
        in += character.length;
        after_last_encoded = in;
    }
    if (!one_step && error == E2BIG) in = after_last_encoded;

    *inleft = static_cast<size_t>(in_end - in);
    *inbuf = const_cast<char*>(reinterpret_cast<const char*>(in));
    if (out) {
        *outleft = room;
        *outbuf = reinterpret_cast<char*>(out);
    }
    // glibc's status at the end: the encoder's last report if it made one,
    // else whether the decoder skipped something. A transliteration after
    // a skip so hides the skip; a skip by the encoder (two steps) turns
    // incomplete input at the end into EILSEQ.
    if (error == EINVAL && !one_step && report == encoder_report::ignored) error = EILSEQ;
    if (error == 0 && (report == encoder_report::ignored ||
                       (report == encoder_report::nothing && decoder_skipped)))
        error = EILSEQ;
    if (error != 0) return failure(error);
    return irreversible;
}

}  // extern "C"
