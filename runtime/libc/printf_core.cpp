// The printf format-string interpreter: flags, width, precision, length
// modifiers, and the integer, character, string and pointer conversions.
// Floating point is in printf_float.cpp. See printf_core.hpp for the list of
// what is and is not supported.
#include "printf_core.hpp"

#include <errno.h>
#include <string.h>
#include <wchar.h>

#include <climits>
#include <cstddef>
#include <cstdint>

#include "locale_state.hpp"
#include "utf8_conversion.hpp"

// strerror, referenced weakly (see the %m conversion below): the asm label
// gives this declaration the real symbol name without clashing with
// <string.h>'s strong declaration.
extern "C" char* lwp_weak_strerror(int code) __asm__("strerror") __attribute__((weak));
// strerrorname_np, weakly too, for %#m: its table of names (1 KiB) comes
// only with a program that calls it itself.
extern "C" const char* lwp_weak_strerrorname_np(int code) __asm__("strerrorname_np")
    __attribute__((weak));

namespace lwp::libc {

void format_sink::repeat(char byte, std::size_t count) {
    char run[16];
    for (char& c : run) c = byte;
    while (count) {
        std::size_t piece = count < sizeof run ? count : sizeof run;
        emit(run, piece);
        count -= piece;
    }
}

std::size_t emit_field_start(format_sink& sink, const conversion_spec& spec,
                             const char* prefix, std::size_t prefix_length,
                             std::size_t zeros, std::size_t body_length) {
    std::size_t length = prefix_length + zeros + body_length;
    std::size_t padding =
        static_cast<std::size_t>(spec.width) > length ? spec.width - length : 0;
    std::size_t owed_after = 0;
    if (spec.flags & flag_left) {
        owed_after = padding;
    } else if (spec.flags & flag_zero) {
        zeros += padding;  // callers clear flag_zero where it must not apply
    } else {
        sink.repeat(' ', padding);
    }
    sink.emit(prefix, prefix_length);
    sink.repeat('0', zeros);
    return owed_after;
}

namespace {

// The order matters: every modifier from l on reads a 64-bit integer. ll
// stands for q j z Z t too, all 64-bit types here.
enum class length_modifier { none, hh, h, l, ll, L };

// Every integer argument is either an int (none, hh, h: C's default
// promotions widen char and short to int) or a 64-bit type (l ll j z t all
// name long-sized types here, and L on an integer conversion means ll, a
// GNU extension glibc documents). Fetching in those two widths and then
// narrowing keeps the number of inlined va_arg expansions, a large part of
// this file's code size, at two.
// Out of line for the same reason: one copy of each va_arg expansion.
[[gnu::noinline]] int next_int(va_list& arguments) { return va_arg(arguments, int); }
[[gnu::noinline]] void* next_pointer(va_list& arguments) { return va_arg(arguments, void*); }

bool is_long_sized(length_modifier length) { return length >= length_modifier::l; }

[[gnu::noinline]] std::uintmax_t fetch_unsigned(va_list& arguments, length_modifier length) {
    if (is_long_sized(length)) return va_arg(arguments, unsigned long);
    unsigned value = va_arg(arguments, unsigned);
    // hh and h: the value "shall be converted" to the narrow type.
    if (length == length_modifier::hh) return static_cast<unsigned char>(value);
    if (length == length_modifier::h) return static_cast<unsigned short>(value);
    return value;
}

std::intmax_t fetch_signed(va_list& arguments, length_modifier length) {
    std::uintmax_t value = fetch_unsigned(arguments, length);
    if (is_long_sized(length)) return static_cast<long>(value);
    if (length == length_modifier::hh) return static_cast<signed char>(value);
    if (length == length_modifier::h) return static_cast<short>(value);
    return static_cast<int>(value);
}

void store_count(va_list& arguments, length_modifier length, std::size_t count) {
    void* target = next_pointer(arguments);
    if (length == length_modifier::hh) *static_cast<signed char*>(target) = static_cast<signed char>(count);
    else if (length == length_modifier::h) *static_cast<short*>(target) = static_cast<short>(count);
    else if (is_long_sized(length)) *static_cast<long*>(target) = static_cast<long>(count);
    else *static_cast<int*>(target) = static_cast<int>(count);
}

void finish_field(format_sink& sink, std::size_t owed_after) { sink.repeat(' ', owed_after); }

// d i u o x X b B p: digits (at least `precision` of them), a sign or 0x prefix,
// and padding.
void format_integer(format_sink& sink, conversion_spec spec, std::uintmax_t magnitude,
                    bool negative) {
    const char conversion = spec.conversion;
    const bool is_signed = conversion == 'd' || conversion == 'i';
    const unsigned base = conversion == 'o'                        ? 8
                          : (conversion == 'u' || is_signed)       ? 10
                          : conversion == 'b' || conversion == 'B' ? 2
                                                                   : 16;
    const char* digit_set = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";

    char digits[64];  // 64 binary digits hold 64 bits
    char* end = digits + sizeof digits;
    char* first = end;
    for (std::uintmax_t rest = magnitude; rest; rest /= base) *--first = digit_set[rest % base];
    std::size_t digit_count = static_cast<std::size_t>(end - first);

    // Precision 0 with value 0 prints no digits at all; "%#o" still gets its 0.
    std::size_t minimum = spec.precision < 0 ? 1 : static_cast<std::size_t>(spec.precision);
    if (spec.precision >= 0) spec.flags &= ~flag_zero;  // a precision disables '0'
    std::size_t zeros = minimum > digit_count ? minimum - digit_count : 0;
    if (conversion == 'o' && (spec.flags & flag_alternate) && zeros == 0 &&
        (digit_count == 0 || *first != '0'))
        zeros = 1;

    char prefix[3];
    std::size_t prefix_length = 0;
    // %p takes the + and space flags too, as glibc's does.
    if (is_signed || conversion == 'p') {
        if (negative) prefix[prefix_length++] = '-';
        else if (spec.flags & flag_plus) prefix[prefix_length++] = '+';
        else if (spec.flags & flag_space) prefix[prefix_length++] = ' ';
    }
    // '#' gives 0x, 0X, 0b or 0B (C23's %b) before a nonzero number: the
    // letter itself, but for %p.
    if ((base == 16 || base == 2) && (spec.flags & flag_alternate) && magnitude != 0) {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = conversion == 'p' ? 'x' : conversion;
    }
    std::size_t owed = emit_field_start(sink, spec, prefix, prefix_length, zeros, digit_count);
    sink.emit(first, digit_count);
    finish_field(sink, owed);
}

// A string or character body: padded with spaces only ('0' is undefined for
// these; glibc ignores it, so do we).
void format_text(format_sink& sink, conversion_spec spec, const char* text, std::size_t length) {
    spec.flags &= ~flag_zero;
    std::size_t owed = emit_field_start(sink, spec, nullptr, 0, 0, length);
    sink.emit(text, length);
    finish_field(sink, owed);
}

std::size_t bounded_length(const char* text, int precision) {
    std::size_t length = 0;
    while ((precision < 0 || length < static_cast<std::size_t>(precision)) && text[length])
        ++length;
    return length;
}

// One wide character's bytes in the calling thread's LC_CTYPE: in "C",
// ASCII maps to itself and anything else is an encoding error; in C.UTF-8,
// its UTF-8. The number of bytes, or 0 for such an error.
std::size_t wide_character_bytes(wchar_t character, char* bytes) {
    std::size_t length = lwp::libc::ctype_character_bytes(character, bytes);
    if (length != static_cast<std::size_t>(-1)) return length;
    bytes[0] = static_cast<char>(character);
    return static_cast<unsigned long>(character) <= 0x7f;
}

// %ls: the characters whose bytes all fit in `limit` bytes (the
// precision), converted before anything is written, so an encoding error
// writes nothing. Returns false on such an error.
bool format_wide_text(format_sink& sink, const conversion_spec& spec, const wchar_t* text,
                      std::size_t limit) {
    char bytes[lwp::libc::utf8::longest_sequence];
    std::size_t characters = 0, length = 0;
    for (; length < limit && text[characters]; ++characters) {
        std::size_t step = wide_character_bytes(text[characters], bytes);
        if (step == 0) return false;
        if (step > limit - length) break;
        length += step;
    }
    conversion_spec body = spec;
    body.flags &= ~flag_zero;
    std::size_t owed = emit_field_start(sink, body, nullptr, 0, 0, length);
    for (std::size_t i = 0; i < characters; ++i)
        sink.emit(bytes, wide_character_bytes(text[i], bytes));
    finish_field(sink, owed);
    return true;
}

// A number beyond INT_MAX is INT_MIN (all its digits consumed): glibc's
// printf fails with EOVERFLOW on such a width or precision before it prints.
int parse_decimal(const char*& cursor) {
    unsigned long value = 0;  // once past INT_MAX, 2^31, which stays so
    for (unsigned digit; (digit = static_cast<unsigned char>(*cursor) - '0') <= 9; ++cursor) {
        value = value * 10 + digit;
        if (value > INT_MAX) value = 1ul << 31;
    }
    return static_cast<int>(value);
}

}  // namespace

int format_standard(format_sink& sink, const char* format, va_list arguments_in) {
    // A local copy: va_list is an array type on x86_64, and the helpers take
    // it by reference so that each fetch advances the same list.
    va_list arguments;
    va_copy(arguments, arguments_in);
    int error = 0;
    // %m (a GNU extension glibc's own tests and many programs use) prints the
    // message for errno as it was when the call began.
    const int errno_at_entry = errno;

    for (const char* cursor = format; *cursor;) {
        if (*cursor != '%') {
            const char* run = cursor;
            while (*cursor && *cursor != '%') ++cursor;
            sink.emit(run, static_cast<std::size_t>(cursor - run));
            continue;
        }
        const char* spec_start = cursor++;
        conversion_spec spec;

        // The flags, each letter's bit its position here (format_flag's
        // order; the last, ', groups nothing in the "C" locale).
        static constexpr char flag_letters[] = {'-', '+', ' ', '#', '0', '\''};
        for (const void* flag;
             (flag = memchr(flag_letters, *cursor, sizeof flag_letters)) != nullptr; ++cursor)
            spec.flags |= 1u << (static_cast<const char*>(flag) - flag_letters);
        if (*cursor == '*') {
            ++cursor;
            int width = next_int(arguments);
            // A negative * width means '-' with its magnitude.
            if (width < 0) {
                spec.flags |= flag_left;
                width = width == INT_MIN ? INT_MAX : -width;
            }
            spec.width = width;
        } else {
            spec.width = parse_decimal(cursor);
        }
        if (*cursor == '.') {
            ++cursor;
            if (*cursor == '*') {
                ++cursor;
                int precision = next_int(arguments);
                spec.precision = precision < 0 ? -1 : precision;  // negative: as if omitted
            } else {
                spec.precision = parse_decimal(cursor);
            }
        }
        // Positional arguments; or a number beyond INT_MAX (only
        // parse_decimal gives these: a * width is made positive, a *
        // precision at least -1).
        if (*cursor == '$' || spec.width < 0 || spec.precision < -1) {
            error = *cursor == '$' ? ENOTSUP : EOVERFLOW;
            break;
        }

        length_modifier length = length_modifier::none;
        switch (*cursor) {
        case 'h':
            length = cursor[1] == 'h' ? (++cursor, length_modifier::hh) : length_modifier::h;
            ++cursor;
            break;
        case 'l':
            length = cursor[1] == 'l' ? (++cursor, length_modifier::ll) : length_modifier::l;
            ++cursor;
            break;
        case 'L': ++cursor; length = length_modifier::L; break;
        case 'q':
        case 'j':
        case 'z':
        case 'Z':  // glibc's older spelling of z, still in programs' formats
        case 't': ++cursor; length = length_modifier::ll; break;
        default: break;
        }
        // '-' overrides '0' and '+' overrides ' ' where the flags are read:
        // emit_field_start tests '-' first, the sign '+' first.

        spec.conversion = *cursor;
        switch (spec.conversion) {
        case 'd':
        case 'i': {
            std::intmax_t value = fetch_signed(arguments, length);
            std::uintmax_t magnitude = value < 0 ? -static_cast<std::uintmax_t>(value)
                                                 : static_cast<std::uintmax_t>(value);
            format_integer(sink, spec, magnitude, value < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'b':  // binary, C23's (glibc 2.35 on)
        case 'B': format_integer(sink, spec, fetch_unsigned(arguments, length), false); break;
        case 'p': {
            void* pointer = next_pointer(arguments);
            if (!pointer) {
                spec.precision = -1;
                format_text(sink, spec, "(nil)", 5);
            } else {
                // As glibc: %p is %#lx, plus the + and space flags.
                spec.flags |= flag_alternate;
                format_integer(sink, spec, reinterpret_cast<std::uintptr_t>(pointer), false);
            }
            break;
        }
        case 'c':
        case 'C': {
            // A wide character goes through the locale's charset.
            bool wide = length == length_modifier::l || spec.conversion == 'C';
            int value = next_int(arguments);
            char bytes[lwp::libc::utf8::longest_sequence];
            bytes[0] = static_cast<char>(value);
            std::size_t byte_count = wide ? wide_character_bytes(value, bytes) : 1;
            if (byte_count == 0) {
                error = EILSEQ;
                break;
            }
            format_text(sink, spec, bytes, byte_count);
            break;
        }
        case 's':
        case 'S': {
            void* pointer = next_pointer(arguments);
            if (pointer && (length == length_modifier::l || spec.conversion == 'S')) {
                if (!format_wide_text(sink, spec, static_cast<const wchar_t*>(pointer),
                                      spec.precision < 0 ? SIZE_MAX : spec.precision))
                    error = EILSEQ;
                break;
            }
            auto* text = static_cast<const char*>(pointer);
            // glibc prints "(null)" for a null pointer, narrow or wide, or
            // nothing when a precision below 6 would cut that word; programs
            // rely on it.
            if (!text) text = spec.precision < 0 || spec.precision >= 6 ? "(null)" : "";
            format_text(sink, spec, text, bounded_length(text, spec.precision));
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            const bool is_long_double = length == length_modifier::L;
            long double value = is_long_double ? va_arg(arguments, long double)
                                               : va_arg(arguments, double);
            format_float(sink, spec, value, is_long_double);
            break;
        }
        case 'n': store_count(arguments, length, sink.total); break;
        case '%': sink.emit('%'); break;
        case 'm': {
            // strerror and strerrorname_np (for %#m, glibc 2.35's: the
            // macro's name) are referenced weakly: their tables (3 KiB and
            // 1 KiB) would otherwise be linked into every program that calls
            // printf, and the 12 KiB hello_threads budget has no room for
            // them. A program that also calls the function itself (as any
            // that cares about error text does) gets the text; one that does
            // not gets errno in signed decimal, which is still exactly what
            // it held, and what glibc prints for a code with no name.
            const char* text = nullptr;
            if (spec.flags & flag_alternate) {
                if (lwp_weak_strerrorname_np) text = lwp_weak_strerrorname_np(errno_at_entry);
            } else if (lwp_weak_strerror) {
                text = lwp_weak_strerror(errno_at_entry);
            }
            if (text) {
                format_text(sink, spec, text, bounded_length(text, spec.precision));
            } else {
                // In decimal: format_integer picks its base from the
                // conversion letter, and 'm' is none of its own.
                spec.conversion = 'd';
                std::uintmax_t magnitude = errno_at_entry < 0
                                               ? -static_cast<std::uintmax_t>(errno_at_entry)
                                               : static_cast<std::uintmax_t>(errno_at_entry);
                format_integer(sink, spec, magnitude, errno_at_entry < 0);
            }
            break;
        }
        case '\0': error = EINVAL; break;  // a lone '%' at the very end, as glibc
        default:
            // Unknown conversion: copy it through, as glibc does.
            sink.emit(spec_start, static_cast<std::size_t>(cursor + 1 - spec_start));
            break;
        }
        if (error) break;
        ++cursor;
    }
    va_end(arguments);

    if (!error && sink.total > static_cast<std::size_t>(INT_MAX)) error = EOVERFLOW;
    if (error) {
        errno = error;
        return -1;
    }
    return static_cast<int>(sink.total);
}

// See printf_core.hpp: the name every printf function calls, replaced in a
// program that links printf_extensions.cpp. (The asm name is the mangled
// lwp::libc::format_standard(format_sink&, const char*, va_list).)
int format(format_sink& sink, const char* format, va_list arguments)
    __attribute__((weak, alias("_ZN3lwp4libc15format_standardERNS0_11format_sinkEPKcP13__va_list_tag")));

}  // namespace lwp::libc
