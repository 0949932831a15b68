// swscanf vswscanf fwscanf vfwscanf wscanf vwscanf, each also under the
// __isoc99_ name glibc's <wchar.h> turns it into in C99 and later modes
// (glibc 2.36 has no __isoc23_ names).
//
// A wide engine, as glibc's wide scanf: the format and the input are wide
// characters of any value, matched, counted (widths, %n) and stored whole.
// The input is a wide string (swscanf: every wchar_t as it is) or a stream
// read as fgetwc reads it in the calling thread's LC_CTYPE: in "C" a byte
// from 0x80 up is EILSEQ (the input ends there, the byte unread, the error
// indicator set); in C.UTF-8 the bytes are decoded as UTF-8
// (stdio_utf8_input.cpp). White space is what iswspace says in that
// LC_CTYPE. %lc %ls %l[ (and %C %S) store wchar_t; %c %s %[ store each
// character's multibyte bytes as wcrtomb makes them in that LC_CTYPE (in
// "C" ASCII only, in C.UTF-8 UTF-8): a character without any fails the
// conversion with EILSEQ, after it was read (%c: the call answers EOF when
// nothing was assigned before, glibc's input error; %s %[: a matching
// failure), and %s %[ end with two null bytes, the state's reset sequence
// wcrtomb gives for L'\0' and then the terminator, as glibc writes them.
// A suppressed conversion converts nothing, so it never fails that way.
//
// Numbers (d i u o x X p and the floating conversions) are the narrow
// engine's (scanf_core.cpp), given the input after the white space a
// character at a time: ASCII as its byte, anything else as 0x80, which no
// number takes.
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>

#include <climits>
#include <cstddef>

#include "locale_state.hpp"
#include "scanf_core.hpp"
#include "stdio_input.hpp"
#include "stdio_stream.hpp"
#include "stdio_utf8_input.hpp"
#include "utf8_conversion.hpp"

namespace {

namespace utf8 = lwp::libc::utf8;
using lwp::libc::convert_at_position;
using lwp::libc::read_spec_start;
using lwp::libc::spec_start;

// Where the wide characters come from: `next` hands out the next one (WEOF
// at the end or on an error, errno saying which), `give_back` returns the
// one just handed out.
struct wide_source {
    wint_t (*next)(wide_source& self);
    void (*give_back)(wide_source& self, wint_t character);
};

struct wide_string_source : wide_source {
    const wchar_t* cursor;
};

wint_t next_from_wide_string(wide_source& base) {
    auto& source = static_cast<wide_string_source&>(base);
    if (*source.cursor == L'\0') return WEOF;
    return static_cast<wint_t>(*source.cursor++);
}

void give_back_to_wide_string(wide_source& base, wint_t) {
    --static_cast<wide_string_source&>(base).cursor;
}

// A stream whose lock the caller holds, read as fgetwc reads it.
struct wide_stream_source : wide_source {
    lwp::libc::stream* stream;
};

wint_t next_ascii_from_stream(wide_source& base) {
    lwp::libc::stream& s = *static_cast<wide_stream_source&>(base).stream;
    int byte = lwp::libc::next_byte_locked(s);
    if (byte == lwp::libc::read_failed || byte == EOF) return WEOF;
    if (byte >= 0x80) {
        lwp::libc::push_back_locked(s, static_cast<unsigned char>(byte));
        errno = EILSEQ;
        s.glibc_flags |= lwp::libc::glibc_error_flag;
        return WEOF;
    }
    return static_cast<wint_t>(byte);
}

wint_t next_utf8_from_stream(wide_source& base) {
    return lwp::libc::next_utf8_character_locked(*static_cast<wide_stream_source&>(base).stream);
}

// The character's bytes go back over those it was just read from (ungetc's
// slot for one byte), as ungetwc puts them back.
void give_back_to_stream(wide_source& base, wint_t character) {
    lwp::libc::stream& s = *static_cast<wide_stream_source&>(base).stream;
    if (character < 0x80) {
        lwp::libc::push_back_locked(s, static_cast<unsigned char>(character));
        return;
    }
    char bytes[utf8::longest_sequence];
    mbstate_t initial{};
    size_t length = utf8::encode(bytes, static_cast<wchar_t>(character), &initial);
    lwp::libc::push_back_bytes_locked(s, bytes, static_cast<unsigned>(length));
}

// The input with one character of lookahead; the last character taken can
// be given back once more (the narrow engine's lookahead, see
// number_source).
class wide_input {
public:
    explicit wide_input(wide_source& source) : source_(source) {}

    wint_t peek() {
        if (!holding_) {
            held_ = source_.next(source_);
            holding_ = true;
        }
        return held_;
    }
    void take() {
        holding_ = false;
        last_ = held_;
        ++consumed_;
    }
    // Undoes the last take, when nothing was peeked since.
    void untake() {
        held_ = last_;
        holding_ = true;
        --consumed_;
    }
    wint_t skip_space() {
        wint_t character;
        while ((character = peek()) != WEOF && iswspace(character)) take();
        return character;
    }
    std::size_t consumed() const { return consumed_; }
    void finish() {
        if (holding_ && held_ != WEOF) source_.give_back(source_, held_);
        holding_ = false;
    }

private:
    wide_source& source_;
    wint_t held_ = WEOF;
    wint_t last_ = WEOF;
    bool holding_ = false;
    std::size_t consumed_ = 0;
};

// The wide input as bytes for the narrow engine's number conversions.
struct number_source : lwp::libc::scan_source {
    wide_input* input;
};

int next_for_number(lwp::libc::scan_source& base) {
    wide_input& in = *static_cast<number_source&>(base).input;
    wint_t character = in.peek();
    if (character == WEOF) return EOF;
    in.take();
    return character < 0x80 ? static_cast<int>(character) : 0x80;
}

void give_back_for_number(lwp::libc::scan_source& base, int) {
    static_cast<number_source&>(base).input->untake();
}

// Out of line so that there is one copy of the va_arg expansion.
[[gnu::noinline]] void* next_target(va_list& arguments) { return va_arg(arguments, void*); }

int scan_narrow(lwp::libc::scan_source& source, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = lwp::libc::scan(source, format, arguments);
    va_end(arguments);
    return result;
}

enum class outcome { assigned, unassigned, matching_failure, input_failure };

// One conversion specification, read as scanf_core.cpp's parse_spec reads
// the narrow one: * width m length conversion.
struct wide_spec {
    std::size_t position = 0;  // N of %N$ (scanf_core.hpp); 0: the next argument
    bool suppress = false;
    bool allocate = false;
    bool wide_text = false;  // l, or %S %C: wchar_t for c s [
    std::size_t width = 0;   // 0: none given
    char length[3] = {};     // as written, for the narrow engine and %n
    wchar_t conversion = 0;
};

const wchar_t* parse_spec(const wchar_t* cursor, wide_spec& spec) {
    spec_start start;
    cursor = read_spec_start(cursor, start);  // as sscanf's engine reads it
    if (cursor == nullptr) return nullptr;
    spec.position = start.position;
    spec.suppress = start.suppress;
    spec.width = start.width;
    if (*cursor == L'm') {
        spec.allocate = true;
        ++cursor;
    }
    switch (*cursor) {
        case L'h': case L'l':
            spec.length[0] = static_cast<char>(*cursor++);
            if (*cursor == spec.length[0]) spec.length[1] = static_cast<char>(*cursor++);
            break;
        case L'q': case L'L': case L'j': case L'z': case L't':
            spec.length[0] = static_cast<char>(*cursor++);
            break;
        default:
            break;
    }
    if (*cursor == L'\0') return nullptr;
    spec.conversion = *cursor;
    if (spec.conversion == L'S' || spec.conversion == L'C') {
        spec.conversion = spec.conversion == L'S' ? L's' : L'c';
        spec.wide_text = true;
    } else if (spec.length[0] == 'l' && spec.length[1] == '\0') {
        spec.wide_text = true;
    }
    return cursor + 1;
}

// Where %c %s %[ put what they read: wchar_t or multibyte bytes, into the
// caller's array, an array grown with realloc for m, or nowhere.
class text_target {
public:
    text_target(void* destination, bool wide, bool allocate)
        : destination_(destination), wide_(wide), allocate_(allocate && destination) {
        // m's pointer is null until the conversion succeeds: a conversion
        // that fails leaves it so, as glibc's does.
        if (allocate_) {
            *static_cast<void**>(destination) = nullptr;
        } else {
            array_ = static_cast<char*>(destination);
        }
    }
    text_target(const text_target&) = delete;
    text_target& operator=(const text_target&) = delete;
    ~text_target() {
        if (allocate_) free(array_);
    }

    // False with errno EILSEQ for a character without multibyte bytes,
    // ENOMEM without memory.
    bool append(wint_t character) {
        if (destination_ == nullptr) return true;
        if (wide_) {
            if (!reserve(length_ + 2 * sizeof(wchar_t))) return false;
            auto value = static_cast<wchar_t>(character);
            __builtin_memcpy(array_ + length_, &value, sizeof value);
            length_ += sizeof value;
            return true;
        }
        char bytes[utf8::longest_sequence];
        size_t count = 1;
        if (utf8_) {
            count = utf8::encode(bytes, static_cast<wchar_t>(character), &state_);
            if (count == utf8::refused) return false;
        } else if (character < 0x80) {
            bytes[0] = static_cast<char>(character);
        } else {
            errno = EILSEQ;
            return false;
        }
        if (!reserve(length_ + count + 2)) return false;
        __builtin_memcpy(array_ + length_, bytes, count);
        length_ += count;
        return true;
    }
    // The terminator of %s and %[ (two null bytes into bytes: see the top),
    // and the array handed to the caller's pointer.
    bool complete(bool terminate) {
        if (destination_ == nullptr) return true;
        std::size_t end = !terminate ? 0 : wide_ ? sizeof(wchar_t) : 2;
        if (!reserve(length_ + end)) return false;
        __builtin_memset(array_ + length_, 0, end);
        if (allocate_) {
            *static_cast<void**>(destination_) = array_;
            array_ = nullptr;
        }
        return true;
    }

private:
    bool reserve(std::size_t bytes) {
        if (!allocate_ || bytes <= capacity_) return true;
        std::size_t larger = capacity_ < 64 ? 128 : capacity_ * 2;
        if (larger < bytes) larger = bytes;
        void* grown = realloc(array_, larger);
        if (grown == nullptr) {
            errno = ENOMEM;
            return false;
        }
        array_ = static_cast<char*>(grown);
        capacity_ = larger;
        return true;
    }

    void* destination_;
    bool wide_;
    bool allocate_;
    bool utf8_ = lwp::libc::ctype_is_utf8();
    mbstate_t state_{};
    char* array_ = nullptr;
    std::size_t length_ = 0;  // bytes stored
    std::size_t capacity_ = 0;
};

// A scanset's members between its '[' (after a '^') and its ']', kept as
// written and searched for each character, as glibc's wide scanf does: a
// '-' neither first nor last between two characters in order is the range
// after the first through the second (the first is a member of its own).
struct wide_scanset {
    const wchar_t* begin;
    const wchar_t* end;
    bool complement;

    bool contains(wint_t character) const {
        auto value = static_cast<wchar_t>(character);
        for (const wchar_t* member = begin; member < end;) {
            if (*member == L'-' && member != begin && member + 1 != end &&
                static_cast<unsigned>(member[-1]) <= static_cast<unsigned>(member[1])) {
                if (member[-1] < value && value <= member[1]) return true;
                member += 2;
                continue;
            }
            if (*member == value) return true;
            ++member;
        }
        return false;
    }
    bool accepts(wint_t character) const { return contains(character) != complement; }
};

// Reads the scanset after '['; the format after its ']', or null without one.
const wchar_t* parse_scanset(const wchar_t* cursor, wide_scanset& set) {
    set.complement = *cursor == L'^';
    if (set.complement) ++cursor;
    set.begin = cursor;
    if (*cursor == L']') ++cursor;
    while (*cursor != L'\0' && *cursor != L']') ++cursor;
    if (*cursor == L'\0') return nullptr;
    set.end = cursor;
    return cursor + 1;
}

enum class text_kind { characters, string, scanset };

// %c %s %[: at most `width` characters, while the conversion takes them.
outcome scan_text(wide_input& in, const wide_spec& spec, void* destination, text_kind kind,
                  const wide_scanset* set) {
    text_target target(destination, spec.wide_text, spec.allocate);
    if (in.peek() == WEOF) return outcome::input_failure;
    std::size_t width = spec.width != 0 ? spec.width : kind == text_kind::characters ? 1 : SIZE_MAX;
    std::size_t taken = 0;
    for (wint_t character; taken < width && (character = in.peek()) != WEOF; ++taken) {
        if (kind == text_kind::string && iswspace(character)) break;
        if (kind == text_kind::scanset && !set->accepts(character)) break;
        in.take();
        if (!target.append(character)) {
            // glibc: an input error for %c (EOF when nothing was assigned),
            // a matching failure for the others.
            if (errno == ENOMEM || kind == text_kind::characters) return outcome::input_failure;
            return outcome::matching_failure;
        }
    }
    if (taken == 0) return outcome::matching_failure;  // %[ only
    if (!target.complete(kind != text_kind::characters)) return outcome::input_failure;
    return spec.suppress ? outcome::unassigned : outcome::assigned;
}

// %n: the characters consumed so far, into the type its length names.
void store_count(void* target, const wide_spec& spec, std::size_t count) {
    if (spec.length[0] == 'h') {
        if (spec.length[1] == 'h') {
            *static_cast<signed char*>(target) = static_cast<signed char>(count);
        } else {
            *static_cast<short*>(target) = static_cast<short>(count);
        }
    } else if (spec.length[0] == '\0') {
        *static_cast<int*>(target) = static_cast<int>(count);
    } else {
        *static_cast<long long*>(target) = static_cast<long long>(count);
    }
}

// A number conversion, by the narrow engine: the specification as written,
// then %n to tell a suppressed conversion's success from its failure.
outcome scan_number(wide_input& in, const wide_spec& spec, va_list& arguments) {
    char format[48];
    char* out = format;
    *out++ = '%';
    if (spec.suppress) *out++ = '*';
    if (spec.width != 0) {
        char digits[24];
        int count = 0;
        for (std::size_t width = spec.width; width != 0; width /= 10)
            digits[count++] = static_cast<char>('0' + width % 10);
        while (count > 0) *out++ = digits[--count];
    }
    for (const char* length = spec.length; *length != '\0'; ++length) *out++ = *length;
    *out++ = static_cast<char>(spec.conversion);
    *out++ = '%';
    *out++ = 'n';
    *out = '\0';
    number_source source;
    source.next = next_for_number;
    source.give_back = give_back_for_number;
    source.input = &in;
    int taken = -1;
    int result = spec.suppress ? scan_narrow(source, format, &taken)
                               : scan_narrow(source, format, next_target(arguments), &taken);
    if (result == EOF) return outcome::input_failure;
    if (taken < 0) return outcome::matching_failure;
    return spec.suppress ? outcome::unassigned : outcome::assigned;
}

bool is_number_conversion(wchar_t conversion) {
    return conversion < 0x80 && conversion > 0 &&
           __builtin_strchr("diuoxXpeEfFgGaA", static_cast<char>(conversion)) != nullptr;
}

// Carries out one conversion specification; `format` is moved past a
// scanset.
outcome convert(wide_input& in, const wide_spec& spec, const wchar_t*& format,
                va_list& arguments) {
    switch (spec.conversion) {
        case L'%':
            if (in.skip_space() == WEOF) return outcome::input_failure;
            if (in.peek() != L'%') return outcome::matching_failure;
            in.take();
            return outcome::unassigned;
        case L'n':
            if (!spec.suppress) store_count(next_target(arguments), spec, in.consumed());
            return outcome::unassigned;
        case L'c': {
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            return scan_text(in, spec, destination, text_kind::characters, nullptr);
        }
        case L's': {
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            if (in.skip_space() == WEOF) {
                text_target unused(destination, spec.wide_text, spec.allocate);
                return outcome::input_failure;
            }
            return scan_text(in, spec, destination, text_kind::string, nullptr);
        }
        case L'[': {
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            wide_scanset set;
            const wchar_t* after = parse_scanset(format, set);
            if (after == nullptr) {
                text_target unused(destination, spec.wide_text, spec.allocate);
                return outcome::matching_failure;
            }
            format = after;
            return scan_text(in, spec, destination, text_kind::scanset, &set);
        }
        default:
            break;
    }
    // A conversion glibc does not know either: a matching failure, errno
    // untouched, as glibc's.
    if (!is_number_conversion(spec.conversion)) return outcome::matching_failure;
    if (in.skip_space() == WEOF) return outcome::input_failure;
    return scan_number(in, spec, arguments);
}

int wide_scan(wide_source& source, const wchar_t* format, va_list arguments_in) {
    va_list arguments;
    va_copy(arguments, arguments_in);
    wide_input in(source);
    int assigned = 0;
    bool input_failed = false;
    while (*format != L'\0') {
        if (iswspace(static_cast<wint_t>(*format))) {
            // Any run of white space in the format matches any amount, none too.
            while (iswspace(static_cast<wint_t>(*format))) ++format;
            in.skip_space();
            continue;
        }
        if (*format != L'%') {
            wint_t character = in.peek();
            if (character == WEOF) {
                input_failed = true;
                break;
            }
            if (static_cast<wchar_t>(character) != *format) break;
            in.take();
            ++format;
            continue;
        }
        wide_spec spec;
        format = parse_spec(format + 1, spec);
        if (format == nullptr) break;
        outcome result = convert_at_position(spec.position, arguments, arguments_in, [&](va_list& target) {
            return convert(in, spec, format, target);
        });
        if (result == outcome::assigned) {
            ++assigned;
        } else if (result == outcome::input_failure) {
            input_failed = true;
            break;
        } else if (result == outcome::matching_failure) {
            break;
        }
    }
    in.finish();
    va_end(arguments);
    // As glibc (and sscanf): EOF when the input ran out before any
    // assignment, even after a suppressed conversion.
    return input_failed && assigned == 0 ? EOF : assigned;
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
    wide_string_source source;
    source.next = next_from_wide_string;
    source.give_back = give_back_to_wide_string;
    source.cursor = text;
    return wide_scan(source, format, arguments);
}

int entry_swscanf(const wchar_t* __restrict text, const wchar_t* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = entry_vswscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

// The lock is held for the whole call, as fscanf's is.
// A byte-oriented stream is not read: EOF, errno untouched, as glibc's
// (stdio_orientation.cpp); one without orientation becomes wide-oriented.
int entry_vfwscanf(FILE* __restrict file, const wchar_t* __restrict format, va_list arguments) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    if (!lwp::libc::orient(s, lwp::libc::wide_use)) return EOF;
    lwp::libc::take_stream_lock(s);
    wide_stream_source source;
    source.next = lwp::libc::ctype_is_utf8() ? next_utf8_from_stream : next_ascii_from_stream;
    source.give_back = give_back_to_stream;
    source.stream = &s;
    int result = wide_scan(source, format, arguments);
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
