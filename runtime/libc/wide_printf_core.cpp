// The wide printf format interpreter. See wide_printf_core.hpp for what it
// does itself and what it hands to the narrow engine.
#include "wide_printf_core.hpp"

#include <errno.h>
#include <string.h>

#include <climits>
#include <cstddef>
#include <cstdint>

#include "locale_state.hpp"
#include "printf_core.hpp"
#include "utf8_conversion.hpp"

namespace lwp::libc {

namespace {

void deliver(wide_format_sink& sink, const wchar_t* characters, std::size_t count) {
    if (count == 0) return;
    sink.total += count;
    sink.put(sink, characters, count);
}

void deliver_spaces(wide_format_sink& sink, std::size_t count) {
    wchar_t run[16];
    for (wchar_t& c : run) c = L' ';
    while (count) {
        std::size_t piece = count < 16 ? count : 16;
        deliver(sink, run, piece);
        count -= piece;
    }
}

// The narrow engine's output, ASCII only, widened on its way to the wide
// sink.
struct widening_sink : format_sink {
    wide_format_sink* target;
};

void widen_into_target(format_sink& base, const char* bytes, std::size_t count);

// One conversion by the narrow engine: `spec` is "%<flags>*.*<length><letter>",
// followed by the width, the precision (-1: none) and the value, if any.
// Out of line and variadic, so that the value reaches the engine through a
// va_list of its own, of exactly the type printf would read.
[[gnu::noinline]] int narrow_conversion(wide_format_sink& target, const char* spec, ...) {
    widening_sink sink;
    sink.put = widen_into_target;
    sink.target = &target;
    va_list arguments;
    va_start(arguments, spec);
    // The engine itself: a spec built here is always a standard one
    // (printf_extensions.cpp has already handed any registered letter to
    // its handler).
    int result = format_standard(sink, spec, arguments);
    va_end(arguments);
    return result;
}

// The length modifiers, as printf_core.cpp reads them: from l on, a 64-bit
// integer; only l makes c and s wide; only L makes a long double.
enum class length_modifier { none, hh, h, l, ll, j, z, t, L };

struct wide_spec {
    bool left = false;
    int width = 0;
    int precision = -1;  // -1: none
};

// Pads and writes a text of `length` wide characters (%s %ls %c %lc).
void put_text(wide_format_sink& sink, const wide_spec& spec, const wchar_t* text,
              std::size_t length) {
    std::size_t padding =
        static_cast<std::size_t>(spec.width) > length ? spec.width - length : 0;
    if (!spec.left) deliver_spaces(sink, padding);
    deliver(sink, text, length);
    if (spec.left) deliver_spaces(sink, padding);
}

std::size_t bounded_wide_length(const wchar_t* text, int precision) {
    std::size_t length = 0;
    while ((precision < 0 || length < static_cast<std::size_t>(precision)) && text[length])
        ++length;
    return length;
}

// `count` bytes, ASCII, each widened to itself.
void deliver_widened(wide_format_sink& sink, const char* bytes, std::size_t count) {
    wchar_t piece[64];
    while (count) {
        std::size_t length = count < 64 ? count : 64;
        for (std::size_t i = 0; i < length; ++i) piece[i] = static_cast<unsigned char>(bytes[i]);
        deliver(sink, piece, length);
        bytes += length;
        count -= length;
    }
}

// The next character of a byte string as mbrtowc converts it in the
// calling thread's LC_CTYPE (`in_utf8`: C.UTF-8): the bytes it takes (0 at the
// terminating NUL) or utf8::refused (errno EILSEQ). "C": ASCII only.
std::size_t next_string_character(const char* text, bool in_utf8, wchar_t* out) {
    if (in_utf8) {
        mbstate_t state{};
        // The NUL ends any sequence (refused), so no byte past it is read.
        return utf8::decode(out, text, utf8::longest_sequence, &state);
    }
    auto byte = static_cast<unsigned char>(*text);
    if (byte >= 0x80) {
        errno = EILSEQ;
        return utf8::refused;
    }
    *out = byte;
    return byte != 0;
}

// The first `count` characters of a byte string (all of them convert),
// delivered 64 at a time.
void deliver_converted(wide_format_sink& sink, const char* text, bool in_utf8,
                       std::size_t count) {
    wchar_t piece[64];
    while (count) {
        std::size_t length = count < 64 ? count : 64;
        for (std::size_t i = 0; i < length; ++i)
            text += next_string_character(text, in_utf8, &piece[i]);
        deliver(sink, piece, length);
        count -= length;
    }
}

// A byte string, converted as mbrtowc converts it (the precision and width
// count wide characters). Returns false (errno EILSEQ) on a byte sequence
// that is no character, a NUL cutting one short included. What glibc
// writes before failing is kept too: it converts the string 64 wide
// characters at a time and writes each piece once converted, so the whole
// pieces before the bad sequence's are written, with no padding; except
// right-justified in a width with a precision, where it measures the
// string first and fails before writing anything.
bool put_byte_string(wide_format_sink& sink, const wide_spec& spec, const char* text) {
    const bool in_utf8 = ctype_is_utf8();
    std::size_t length = 0;  // characters
    const char* cursor = text;
    while (spec.precision < 0 || length < static_cast<std::size_t>(spec.precision)) {
        wchar_t character;
        std::size_t used = next_string_character(cursor, in_utf8, &character);
        if (used == 0) break;
        if (used == utf8::refused) {
            if (!(spec.width > 0 && !spec.left && spec.precision >= 0))
                deliver_converted(sink, text, in_utf8, length - length % 64);
            return false;
        }
        cursor += used;
        ++length;
    }
    std::size_t padding =
        static_cast<std::size_t>(spec.width) > length ? spec.width - length : 0;
    if (!spec.left) deliver_spaces(sink, padding);
    deliver_converted(sink, text, in_utf8, length);
    if (spec.left) deliver_spaces(sink, padding);
    return true;
}

void store_count(void* target, length_modifier length, std::size_t count) {
    if (length == length_modifier::hh) *static_cast<signed char*>(target) = static_cast<signed char>(count);
    else if (length == length_modifier::h) *static_cast<short*>(target) = static_cast<short>(count);
    else if (length >= length_modifier::l) *static_cast<long*>(target) = static_cast<long>(count);
    else *static_cast<int*>(target) = static_cast<int>(count);
}

void widen_into_target(format_sink& base, const char* bytes, std::size_t count) {
    deliver_widened(*static_cast<widening_sink&>(base).target, bytes, count);
}

// INT_MIN beyond INT_MAX, as printf_core.cpp's.
int parse_decimal(const wchar_t*& cursor) {
    unsigned long value = 0;  // once past INT_MAX, 2^31, which stays so
    for (; *cursor >= L'0' && *cursor <= L'9'; ++cursor) {
        value = value * 10 + static_cast<unsigned>(*cursor - L'0');
        if (value > INT_MAX) value = 1ul << 31;
    }
    return static_cast<int>(value);
}

}  // namespace

int wide_format_standard(wide_format_sink& sink, const wchar_t* format, va_list arguments_in) {
    va_list arguments;
    va_copy(arguments, arguments_in);
    // 0: success; -1: failed with errno already set (or deliberately left
    // alone); otherwise an errno value to set.
    int error = 0;
    const int errno_at_entry = errno;  // for %m, as printf_core.cpp

    for (const wchar_t* cursor = format; *cursor;) {
        if (*cursor != L'%') {
            const wchar_t* run = cursor;
            while (*cursor && *cursor != L'%') ++cursor;
            deliver(sink, run, static_cast<std::size_t>(cursor - run));
            continue;
        }
        const wchar_t* spec_start = cursor++;
        wide_spec spec;
        // The narrow specification, flags first: "%" and at most one of
        // each flag ("-+ #0"), "*.*", up to two length letters, the letter.
        char narrow[16];
        std::size_t used = 0;
        narrow[used++] = '%';
        unsigned seen = 0;
        for (;; ++cursor) {
            const char* flags = "-+ #0";
            const char* found = *cursor > 0 && *cursor < 0x80
                                    ? strchr(flags, static_cast<char>(*cursor))
                                    : nullptr;
            if (found && *found) {
                unsigned bit = 1u << (found - flags);
                if (!(seen & bit)) narrow[used++] = *found;
                seen |= bit;
            } else if (*cursor != L'\'') {
                break;
            }
        }
        spec.left = seen & 1;
        if (*cursor == L'*') {
            ++cursor;
            int width = va_arg(arguments, int);
            // A negative * width means '-' with its magnitude.
            if (width < 0) {
                if (!spec.left) narrow[used++] = '-';
                spec.left = true;
                width = width == INT_MIN ? INT_MAX : -width;
            }
            spec.width = width;
        } else {
            spec.width = parse_decimal(cursor);
        }
        if (*cursor == L'.') {
            ++cursor;
            if (*cursor == L'*') {
                ++cursor;
                int precision = va_arg(arguments, int);
                spec.precision = precision < 0 ? -1 : precision;
            } else {
                spec.precision = parse_decimal(cursor);
            }
        }
        // Positional arguments, or a number beyond INT_MAX, as printf_core.cpp.
        if (*cursor == L'$' || spec.width < 0 || spec.precision < -1) {
            error = *cursor == L'$' ? ENOTSUP : EOVERFLOW;
            break;
        }
        narrow[used++] = '*';
        narrow[used++] = '.';
        narrow[used++] = '*';

        length_modifier length = length_modifier::none;
        const wchar_t* length_start = cursor;
        switch (*cursor) {
        case L'h':
            ++cursor;
            length = *cursor == L'h' ? (++cursor, length_modifier::hh) : length_modifier::h;
            break;
        case L'l':
            ++cursor;
            length = *cursor == L'l' ? (++cursor, length_modifier::ll) : length_modifier::l;
            break;
        case L'q': ++cursor; length = length_modifier::ll; break;
        case L'j': ++cursor; length = length_modifier::j; break;
        case L'z':
        case L'Z': ++cursor; length = length_modifier::z; break;
        case L't': ++cursor; length = length_modifier::t; break;
        case L'L': ++cursor; length = length_modifier::L; break;
        default: break;
        }
        for (const wchar_t* letter = length_start; letter != cursor; ++letter)
            narrow[used++] = static_cast<char>(*letter);
        const wchar_t conversion = *cursor;
        narrow[used++] = static_cast<char>(conversion);
        narrow[used] = '\0';
        const bool long_sized = length >= length_modifier::l;

        int result = 0;
        switch (conversion) {
        case L'd': case L'i': case L'u': case L'o': case L'x': case L'X': case L'b': case L'B':
            if (long_sized) {
                result = narrow_conversion(sink, narrow, spec.width, spec.precision,
                                           va_arg(arguments, long));
            } else {
                result = narrow_conversion(sink, narrow, spec.width, spec.precision,
                                           va_arg(arguments, int));
            }
            break;
        case L'p':
            result = narrow_conversion(sink, narrow, spec.width, spec.precision,
                                       va_arg(arguments, void*));
            break;
        case L'f': case L'F': case L'e': case L'E': case L'g': case L'G': case L'a': case L'A':
            if (length == length_modifier::L) {
                result = narrow_conversion(sink, narrow, spec.width, spec.precision,
                                           va_arg(arguments, long double));
            } else {
                result = narrow_conversion(sink, narrow, spec.width, spec.precision,
                                           va_arg(arguments, double));
            }
            break;
        case L'm':
            errno = errno_at_entry;
            result = narrow_conversion(sink, narrow, spec.width, spec.precision);
            break;
        case L'c':
        case L'C': {
            int value = va_arg(arguments, int);
            // %lc and %C: the wchar_t as it is. %c: btowc in the "C"
            // locale, ASCII or WEOF for a byte from 0x80 up.
            wchar_t character = static_cast<wchar_t>(value);
            if (length != length_modifier::l && conversion != L'C') {
                unsigned char byte = static_cast<unsigned char>(value);
                character = byte < 0x80 ? byte : static_cast<wchar_t>(WEOF);
            }
            std::size_t padding = spec.width > 1 ? static_cast<std::size_t>(spec.width) - 1 : 0;
            if (!spec.left) deliver_spaces(sink, padding);
            if (character == static_cast<wchar_t>(WEOF)) {
                using rule = wide_format_sink::weof_rule;
                if (sink.weof == rule::dropped ||
                    (sink.weof == rule::dropped_if_first && sink.total == 0)) {
                    // Where glibc's stream had no room: counted, not
                    // written, and the call goes on (wide_printf_core.hpp).
                    ++sink.total;
                    if (spec.left) deliver_spaces(sink, padding);
                    break;
                }
                // Elsewhere glibc stores a WEOF (from %c's btowc, or given
                // to %lc) like any character, and then takes the answer of
                // its character output (WEOF, which is also its failure
                // value) for a failure: the call fails with -1 there, errno
                // untouched.
                if (sink.weof != rule::fails_unwritten) deliver(sink, &character, 1);
                result = -1;
                break;
            }
            deliver(sink, &character, 1);
            if (spec.left) deliver_spaces(sink, padding);
            break;
        }
        case L's':
        case L'S': {
            void* pointer = va_arg(arguments, void*);
            if (!pointer) {
                // "(null)", or nothing when a precision below 6 would cut it.
                const wchar_t* text =
                    spec.precision < 0 || spec.precision >= 6 ? L"(null)" : L"";
                put_text(sink, spec, text, wcslen(text));
            } else if (length == length_modifier::l || conversion == L'S') {
                auto* text = static_cast<const wchar_t*>(pointer);
                put_text(sink, spec, text, bounded_wide_length(text, spec.precision));
            } else if (!put_byte_string(sink, spec, static_cast<const char*>(pointer))) {
                result = -1;
            }
            break;
        }
        case L'n': store_count(va_arg(arguments, void*), length, sink.total); break;
        case L'%': {
            wchar_t percent = L'%';
            deliver(sink, &percent, 1);
            break;
        }
        case L'\0': error = EINVAL; break;  // a lone '%' at the very end, as glibc
        default:
            // Unknown conversion: copied through as written, as glibc does.
            deliver(sink, spec_start, static_cast<std::size_t>(cursor + 1 - spec_start));
            break;
        }
        if (result < 0) error = -1;
        if (error) break;
        ++cursor;
    }
    va_end(arguments);

    if (!error && sink.total > static_cast<std::size_t>(INT_MAX)) error = EOVERFLOW;
    if (error) {
        if (error > 0) errno = error;
        return -1;
    }
    return static_cast<int>(sink.total);
}

// See wide_printf_core.hpp: the name every wide printf function calls,
// replaced in a program that links printf_extensions.cpp. (The asm name is
// the mangled lwp::libc::wide_format_standard(wide_format_sink&, const
// wchar_t*, va_list).)
int wide_format(wide_format_sink& sink, const wchar_t* format, va_list arguments)
    __attribute__((weak, alias("_ZN3lwp4libc20wide_format_standardERNS0_16wide_format_sinkEPKwP13__va_list_tag")));

}  // namespace lwp::libc
