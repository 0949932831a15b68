// <printf.h>'s extension API: register_printf_specifier,
// register_printf_function, register_printf_modifier, register_printf_type,
// and the printf path that honours what they register.
//
// What glibc does, and so what this does:
// - The first registration of anything switches every printf-family call
//   of the process (printf, fprintf, sprintf, snprintf, asprintf, dprintf,
//   their v forms, obstack_printf) to a second interpreter, this file's: it
//   reads the whole format first, asks each registered conversion's arginfo
//   function for its arguments' types, fetches every argument by type (so
//   positional arguments, `%2$d`, work here), then formats.
// - A registered conversion letter wins over the standard one ('d'
//   included). Its handler writes to a FILE and returns the count it wrote
//   (what printf adds to its total, whatever it really wrote), -1 for a
//   failure (printf then returns -1, errno as the handler left it), or -2
//   to let the standard conversion (or the unknown-conversion text) take
//   the spec after all. An arginfo function returning a negative count
//   makes the letter a standard one for that spec.
// - Arguments reach the handler as pointers to a union of every argument
//   type; an argument of a registered type is fetched by that type's
//   va_arg function into `size` bytes (the arginfo's *size), and the
//   handler gets a pointer to the pointer to them.
// - An unknown conversion prints as glibc's printf_unknown prints it: '%',
//   the flags in a fixed order, width, precision and the letter; a format
//   ending in '%' prints that '%' (no EINVAL on this path, as in glibc).
// - A registered modifier (a string of bytes) matches right before the
//   conversion letter, longest match first, in place of h l L q j z Z t;
//   it sets its bit in printf_info.user.
//
// The wide printf functions (swprintf, fwprintf, wprintf, their v and
// fortified forms) go the same way once anything is registered, with
// printf_info.wide 1: see wide_printf_extensions.cpp for their handlers'
// stream.
//
// Differences: the FILE handed to a handler is an unbuffered stream of
// lwp's own that appends to the call's output (for every printf function,
// fprintf too), not the caller's FILE.
//
// A program that never calls register_printf_* never links this file:
// its `format` replaces printf_core.cpp's weak one only where it is linked.
#include <errno.h>
#include <limits.h>
#include <printf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../thread/internal_lock.hpp"
#include "printf_core.hpp"
#include "printf_registry.hpp"
#include "wide_printf_core.hpp"

namespace lwp::libc {

printf_registry registered_printf;

namespace {

constinit lwp::runtime::internal_lock registry_lock;

// One registered modifier: its bytes after the first (the first is its
// index in the table) and its bit for printf_info.user.
struct modifier_record {
    modifier_record* next;
    int bit;
    unsigned char rest[];  // NUL-terminated
};

modifier_record* modifier_table[UCHAR_MAX + 1];
int next_modifier_bit;  // bits handed out so far
int next_type = PA_LAST;

// Every value an argument can hold, as glibc's vfprintf keeps them; a
// handler reads the member its arginfo asked for through args[i].
union argument_value {
    unsigned char as_char;
    short as_short;
    int as_int;
    long as_long;
    long long as_long_long;
    float as_float;
    double as_double;
    long double as_long_double;
    wint_t as_wint;
    const void* as_pointer;
    void* user;
};

// A format's character as glibc's parser compares it: wprintf's as an
// unsigned int, so that no character is below '\0'.
unsigned unit(unsigned char c) { return c; }
unsigned unit(wchar_t c) { return static_cast<unsigned>(c); }

const unsigned char* next_percent(const unsigned char* text) {
    return reinterpret_cast<const unsigned char*>(
        strchrnul(reinterpret_cast<const char*>(text), '%'));
}
const wchar_t* next_percent(const wchar_t* text) { return wcschrnul(text, L'%'); }

template <typename Char>
int read_int(const Char*& text) {
    long value = 0;
    for (; unit(*text) - '0' < 10; ++text) {
        if (value >= 0) value = value * 10 + static_cast<long>(unit(*text) - '0');
        if (value > INT_MAX) value = -1;
    }
    return static_cast<int>(value);
}

template <typename Char>
bool is_digit(Char c) { return unit(c) - '0' < 10; }

// Reads a registered modifier at `text`; true (and `text` past it, its bit
// in info.user) when one matches.
template <typename Char>
bool read_registered_modifier(const Char*& text, printf_info& info) {
    const Char* best_end = nullptr;
    int best_bit = 0;
    for (modifier_record* record = modifier_table[unit(*text)]; record; record = record->next) {
        const Char* cursor = text + 1;
        const unsigned char* wanted = record->rest;
        while (*cursor && *wanted && unit(*cursor) == *wanted) ++cursor, ++wanted;
        if (*wanted == '\0' && (!best_end || cursor > best_end)) {
            best_end = cursor;
            best_bit = record->bit;
        }
    }
    if (!best_end) return false;
    info.user |= best_bit;
    text = best_end;
    return true;
}

// The standard conversions' argument types, for a letter with no arginfo
// of the program's (or one that declined); 0 arguments for the rest.
int standard_type(const printf_info& info, int& type) {
    switch (info.spec) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'b': case 'B':
        type = info.is_long    ? PA_INT | PA_FLAG_LONG
               : info.is_short ? PA_INT | PA_FLAG_SHORT
               : info.is_char  ? PA_CHAR
                               : PA_INT;
        return 1;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        type = info.is_long_double ? PA_DOUBLE | PA_FLAG_LONG_DOUBLE : PA_DOUBLE;
        return 1;
    case 'c': type = PA_CHAR; return 1;
    case 'C': type = PA_WCHAR; return 1;
    case 's': type = PA_STRING; return 1;
    case 'S': type = PA_WSTRING; return 1;
    case 'p': type = PA_POINTER; return 1;
    case 'n': type = PA_INT | PA_FLAG_PTR; return 1;
    default: return 0;
    }
}

}  // namespace

// See printf_registry.hpp.
template <typename Char>
std::size_t parse_spec(const Char* text, std::size_t taken, basic_parsed_spec<Char>& spec,
                       std::size_t& highest) {
    std::size_t count = 0;
    ++text;  // the '%'
    spec = basic_parsed_spec<Char>{};
    spec.info.wide = sizeof(Char) > 1;
    spec.data_argument = -1;
    spec.width_argument = -1;
    spec.precision_argument = -1;
    spec.info.prec = -1;
    spec.info.pad = ' ';
    auto note = [&](int number) {
        if (static_cast<std::size_t>(number) > highest) highest = static_cast<std::size_t>(number);
    };

    if (is_digit(*text)) {
        const Char* start = text;
        int number = read_int(text);
        if (number != 0 && *text == '$') {
            ++text;
            if (number != -1) {
                spec.data_argument = number - 1;
                note(number);
            }
        } else {
            text = start;  // a width (or the '0' flag), read again below
        }
    }
    for (;; ++text) {
        if (*text == ' ') spec.info.space = 1;
        else if (*text == '+') spec.info.showsign = 1;
        else if (*text == '-') spec.info.left = 1;
        else if (*text == '#') spec.info.alt = 1;
        else if (*text == '0') spec.info.pad = '0';
        else if (*text == '\'') spec.info.group = 1;
        else if (*text == 'I') spec.info.i18n = 1;
        else break;
    }
    if (spec.info.left) spec.info.pad = ' ';

    // A '*' width or precision: its own "n$" position, else the next
    // argument in order (and digits after the '*' are then read again).
    auto star = [&](int& argument) {
        const Char* after_star = ++text;
        if (is_digit(*text)) {
            int number = read_int(text);
            if (number != 0 && *text == '$') {
                if (number != -1) {
                    argument = number - 1;
                    note(number);
                }
                ++text;
            }
        }
        if (argument < 0) {
            argument = static_cast<int>(taken++);
            ++count;
            text = after_star;
        }
    };
    if (*text == '*') {
        star(spec.width_argument);
    } else if (is_digit(*text)) {
        int number = read_int(text);
        if (number != -1) spec.info.width = number;
    }
    if (*text == '.') {
        ++text;
        if (*text == '*') {
            star(spec.precision_argument);
        } else if (is_digit(*text)) {
            int number = read_int(text);
            if (number != -1) spec.info.prec = number;
        } else {
            spec.info.prec = 0;  // "%.d" is "%.0d"
        }
    }

    if (unit(*text) > UCHAR_MAX || !modifier_table[unit(*text)] ||
        !read_registered_modifier(text, spec.info)) {
        switch (*text++) {
        case 'h':
            if (*text == 'h') {
                ++text;
                spec.info.is_char = 1;
            } else {
                spec.info.is_short = 1;
            }
            break;
        case 'l':
            spec.info.is_long = 1;
            if (*text == 'l') {
                ++text;
                spec.info.is_long_double = 1;
            }
            break;
        case 'L':
        case 'q': spec.info.is_long_double = 1; break;
        case 'z':
        case 'Z':
        case 't':
        case 'j': spec.info.is_long = 1; break;  // all 64 bits on x86-64
        default: --text; break;
        }
    }

    spec.info.spec = *text++;
    spec.size = -1;
    int declared = -1;
    if (spec.info.spec >= 0 && spec.info.spec <= UCHAR_MAX &&
        registered_printf.arginfo[spec.info.spec].sized) {
        const auto& arginfo = registered_printf.arginfo[spec.info.spec];
        declared = registered_printf.arginfo_is_sized[spec.info.spec]
                       ? arginfo.sized(&spec.info, 1, &spec.data_type, &spec.size)
                       : arginfo.unsized(&spec.info, 1, &spec.data_type);
    }
    spec.data_count = declared >= 0 ? declared : standard_type(spec.info, spec.data_type);

    if (spec.data_argument == -1 && spec.data_count > 0) {
        spec.data_argument = static_cast<int>(taken);
        count += spec.data_count;
    }
    if (spec.info.spec == '\0') {
        spec.end = spec.next = text - 1;  // the format ended inside the spec
    } else {
        spec.end = text;
        spec.next = next_percent(text);
    }
    return count;
}
template std::size_t parse_spec(const unsigned char*, std::size_t, parsed_spec&, std::size_t&);
template std::size_t parse_spec(const wchar_t*, std::size_t, basic_parsed_spec<wchar_t>&,
                                std::size_t&);

// All `count` types of a spec that takes more than one argument: the
// arginfo function is asked again with room for them all.
template <typename Char>
void spec_types(const basic_parsed_spec<Char>& spec, std::size_t room, int* types, int* sizes) {
    const auto& arginfo = registered_printf.arginfo[spec.info.spec];
    if (registered_printf.arginfo_is_sized[spec.info.spec]) {
        int unused_size;
        arginfo.sized(&spec.info, room, types, sizes ? sizes : &unused_size);
    } else {
        arginfo.unsized(&spec.info, room, types);
    }
}

template void spec_types(const parsed_spec&, std::size_t, int*, int*);
template void spec_types(const basic_parsed_spec<wchar_t>&, std::size_t, int*, int*);

namespace {

// printf's side of format_registered; wprintf's is declared in
// printf_registry.hpp.
void emit_text(format_sink& sink, const unsigned char* text, std::size_t count) {
    sink.emit(reinterpret_cast<const char*>(text), count);
}

void emit_zeros(format_sink& sink, std::size_t count) { sink.repeat('0', count); }

int format_one(format_sink& sink, const unsigned char* conversion, ...) {
    va_list arguments;
    va_start(arguments, conversion);
    int result = format_standard(sink, reinterpret_cast<const char*>(conversion), arguments);
    va_end(arguments);
    return result;
}

// The handler's stream: each write goes straight into the call's output.
ssize_t write_to_sink(void* cookie, const char* bytes, size_t count) {
    static_cast<format_sink*>(cookie)->emit(bytes, count);
    return static_cast<ssize_t>(count);
}

bool open_handler_stream(format_sink& sink, handler_stream& stream) {
    stream.file = fopencookie(&sink, "w", cookie_io_functions_t{nullptr, write_to_sink, nullptr,
                                                                nullptr});
    return stream.file && setvbuf(stream.file, nullptr, _IONBF, 0) == 0;
}

bool collect_handler_output(format_sink&, handler_stream&) { return true; }  // already there

void close_handler_stream(format_sink&, handler_stream& stream) {
    if (stream.file) fclose(stream.file);
}

// Writes `value` in decimal at `end`; the end of the digits.
template <typename Char>
Char* put_decimal(Char* end, int value) {
    char digits[12];
    int length = snprintf(digits, sizeof digits, "%d", value);
    for (int i = 0; i < length; ++i) *end++ = static_cast<Char>(digits[i]);
    return end;
}

// printf_unknown's text for a spec that names no conversion.
template <typename Sink, typename Char>
void emit_unknown(Sink& sink, const printf_info& info) {
    Char text[64];
    Char* end = text;
    *end++ = '%';
    if (info.alt) *end++ = '#';
    if (info.group) *end++ = '\'';
    if (info.showsign) *end++ = '+';
    else if (info.space) *end++ = ' ';
    if (info.left) *end++ = '-';
    if (info.pad == '0') *end++ = '0';
    if (info.i18n) *end++ = 'I';
    if (info.width != 0) end = put_decimal(end, info.width);
    if (info.prec != -1) {
        *end++ = '.';
        end = put_decimal(end, info.prec);
    }
    if (info.spec != 0) *end++ = static_cast<Char>(info.spec);
    emit_text(sink, text, static_cast<std::size_t>(end - text));
}

// A standard conversion, through the standard engine (printf_core's, or
// the wide one): its spec written out again with the width and precision
// resolved, and its value passed as the type that conversion reads.
template <typename Sink, typename Char>
int emit_standard(Sink& sink, const printf_info& info, const argument_value* value) {
    static const argument_value none{};
    if (!value) value = &none;
    const wchar_t letter = info.spec;
    const bool floating = strchr("eEfFgGaA", static_cast<int>(letter)) != nullptr;
    // '0' with a negative '*' width (the parser clears '0' for a '-' it
    // reads): glibc's floating-point formatter then pads a finite number
    // with zeros after it (%a and %A not at all), where printf_core's '-'
    // pads with spaces.
    bool zeros_after = false;
    if (floating && info.left && info.pad == '0') {
        long double number = info.is_long_double ? value->as_long_double : value->as_double;
        zeros_after = __builtin_isfinite(number);
    }
    Char conversion[64];
    Char* end = conversion;
    *end++ = '%';
    if (info.alt) *end++ = '#';
    if (info.group) *end++ = '\'';
    if (info.showsign) *end++ = '+';
    if (info.space) *end++ = ' ';
    if (!zeros_after) {
        if (info.left) *end++ = '-';
        if (info.pad == '0') *end++ = '0';
        if (info.width) end = put_decimal(end, info.width);
    }
    if (info.prec >= 0) {
        *end++ = '.';
        end = put_decimal(end, info.prec);
    }
    if (info.is_char) *end++ = 'h';
    if (info.is_char || info.is_short) *end++ = 'h';
    else if (floating && info.is_long_double) *end++ = 'L';
    else if (info.is_long) *end++ = 'l';
    *end++ = static_cast<Char>(letter);
    *end = '\0';

    if (floating) {
        std::size_t before = sink.total;
        int result = info.is_long_double ? format_one(sink, conversion, value->as_long_double)
                                         : format_one(sink, conversion, value->as_double);
        std::size_t written = sink.total - before;
        if (result >= 0 && zeros_after && letter != 'a' && letter != 'A' &&
            written < static_cast<std::size_t>(info.width))
            emit_zeros(sink, static_cast<std::size_t>(info.width) - written);
        return result;
    }
    switch (letter) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'b': case 'B':
        return info.is_long ? format_one(sink, conversion, value->as_long)
                            : format_one(sink, conversion, value->as_int);
    case 'c':
    case 'C': return format_one(sink, conversion, value->as_int);
    case 's': case 'S': case 'p': case 'n': return format_one(sink, conversion, value->as_pointer);
    default: return format_one(sink, conversion);  // % and m
    }
}

bool is_standard(wchar_t letter) {
    return letter > 0 && letter <= UCHAR_MAX &&
           strchr("diuoxXbBeEfFgGaAcCsSpnm%", static_cast<int>(letter)) != nullptr;
}

// Fetches the next argument, of `type`, from the list into `value`.
// False when memory for a registered type's value runs out.
bool fetch(va_list* arguments, int type, int size, argument_value& value) {
    switch (type) {
    case PA_WCHAR: value.as_wint = va_arg(*arguments, wint_t); return true;
    case PA_CHAR:
    case PA_INT | PA_FLAG_SHORT:
    case PA_INT: value.as_int = va_arg(*arguments, int); return true;
    case PA_INT | PA_FLAG_LONG:
    case PA_INT | PA_FLAG_LONG_LONG: value.as_long_long = va_arg(*arguments, long long); return true;
    case PA_FLOAT:
    case PA_DOUBLE: value.as_double = va_arg(*arguments, double); return true;
    case PA_DOUBLE | PA_FLAG_LONG_DOUBLE:
        value.as_long_double = va_arg(*arguments, long double);
        return true;
    case PA_STRING:
    case PA_WSTRING:
    case PA_POINTER: value.as_pointer = va_arg(*arguments, void*); return true;
    default: break;
    }
    if (type & PA_FLAG_PTR) {
        value.as_pointer = va_arg(*arguments, void*);
        return true;
    }
    int slot = type - PA_LAST;
    if (slot >= 0 && slot < 0x100 - PA_LAST && registered_printf.fetchers[slot]) {
        // The value's own bytes, for as long as the call lasts (freed
        // with the call's other arrays).
        value.user = malloc(size > 0 ? static_cast<std::size_t>(size) : 1);
        if (!value.user) return false;
        registered_printf.fetchers[slot](value.user, arguments);
        return true;
    }
    // A type nobody can fetch: glibc takes nothing from the list and
    // passes zero.
    memset(&value, 0, sizeof value);
    return true;
}

// Grows a malloc'd `array` to hold at least `wanted` elements; false when
// memory runs out (the array is then as it was).
template <typename T>
bool ensure(T*& array, std::size_t& capacity, std::size_t wanted) {
    if (wanted <= capacity) return true;
    std::size_t grown = capacity ? capacity * 2 : 16;
    while (grown < wanted) grown *= 2;
    void* bigger = realloc(array, grown * sizeof(T));
    if (!bigger) return false;
    array = static_cast<T*>(bigger);
    capacity = grown;
    return true;
}

}  // namespace

template <typename Sink, typename Char>
int format_registered(Sink& sink, const Char* format, va_list arguments_in) {
    const Char* first = next_percent(format);
    emit_text(sink, format, static_cast<std::size_t>(first - format));

    basic_parsed_spec<Char>* specs = nullptr;
    std::size_t spec_count = 0, spec_capacity = 0;
    std::size_t taken = 0, highest = 0;
    for (const Char* at = first; *at; at = specs[spec_count++].next) {
        if (!ensure(specs, spec_capacity, spec_count + 1)) {
            free(specs);
            errno = ENOMEM;
            return -1;
        }
        taken += parse_spec(at, taken, specs[spec_count], highest);
    }
    const std::size_t argument_count = taken > highest ? taken : highest;
    // Room also for every value a positional spec with several says it
    // takes (glibc counts only the first, and writes past its arrays).
    std::size_t room = argument_count;
    for (std::size_t i = 0; i < spec_count; ++i) {
        std::size_t end = static_cast<std::size_t>(specs[i].data_argument + specs[i].data_count);
        if (specs[i].data_count > 0 && end > room) room = end;
    }

    // One block for the values, the types and the sizes.
    std::size_t each = sizeof(argument_value) + 2 * sizeof(int);
    auto* values = static_cast<argument_value*>(calloc(room ? room : 1, each));
    if (!values) {
        free(specs);
        errno = ENOMEM;
        return -1;
    }
    int* sizes = reinterpret_cast<int*>(values + room);
    int* types = sizes + room;

    for (std::size_t i = 0; i < spec_count; ++i) {
        const basic_parsed_spec<Char>& spec = specs[i];
        if (spec.width_argument != -1) types[spec.width_argument] = PA_INT;
        if (spec.precision_argument != -1) types[spec.precision_argument] = PA_INT;
        if (spec.data_count == 1) {
            types[spec.data_argument] = spec.data_type;
            sizes[spec.data_argument] = spec.size;
        } else if (spec.data_count > 1) {
            spec_types(spec, static_cast<std::size_t>(spec.data_count), &types[spec.data_argument],
                       &sizes[spec.data_argument]);
        }
    }

    va_list arguments;
    va_copy(arguments, arguments_in);
    bool fetched = true;
    for (std::size_t i = 0; i < argument_count && fetched; ++i)
        fetched = fetch(&arguments, types[i], sizes[i], values[i]);
    va_end(arguments);

    handler_stream stream;
    int result = 0;
    if (!fetched) {
        errno = ENOMEM;
        result = -1;
    }
    const void** handler_arguments = nullptr;
    std::size_t handler_capacity = 0;
    for (std::size_t i = 0; i < spec_count && result == 0; ++i) {
        basic_parsed_spec<Char>& spec = specs[i];
        if (spec.width_argument != -1) {
            spec.info.width = values[spec.width_argument].as_int;
            if (spec.info.width < 0) {
                // As glibc: INT_MIN stays negative, and the field no wider.
                spec.info.width = -spec.info.width;
                spec.info.left = 1;
            }
        }
        if (spec.precision_argument != -1) {
            spec.info.prec = values[spec.precision_argument].as_int;
            if (spec.info.prec < 0) spec.info.prec = -1;
        }

        int done = -2;
        const wchar_t letter = spec.info.spec;
        printf_function* handler =
            letter >= 0 && letter <= UCHAR_MAX ? registered_printf.handlers[letter] : nullptr;
        if (handler) {
            if (!ensure(handler_arguments, handler_capacity,
                        static_cast<std::size_t>(spec.data_count) + 1)) {
                errno = ENOMEM;
                result = -1;
                break;
            }
            for (int k = 0; k < spec.data_count; ++k)
                handler_arguments[k] = &values[spec.data_argument + k];
            if (!stream.file && !open_handler_stream(sink, stream)) {
                result = -1;
                break;
            }
            std::size_t before = sink.total;
            done = handler(stream.file, &spec.info, handler_arguments);
            // Whatever the handler wrote stays, whatever it returns.
            if (!collect_handler_output(sink, stream)) {
                result = -1;
                break;
            }
            if (done != -2) {
                if (done < 0) {
                    result = -1;  // errno is the handler's
                    break;
                }
                // printf counts what the handler says it wrote.
                sink.total = before + static_cast<std::size_t>(done);
            }
        }
        if (done == -2) {
            if (is_standard(letter)) {
                const argument_value* value =
                    spec.data_count > 0 ? &values[spec.data_argument] : nullptr;
                if (emit_standard<Sink, Char>(sink, spec.info, value) < 0) {
                    result = -1;
                    break;
                }
            } else {
                emit_unknown<Sink, Char>(sink, spec.info);
            }
        }
        emit_text(sink, spec.end, static_cast<std::size_t>(spec.next - spec.end));
    }
    int saved_errno = errno;
    close_handler_stream(sink, stream);
    for (std::size_t i = 0; i < argument_count; ++i) {
        int slot = types[i] - PA_LAST;
        if (!(types[i] & PA_FLAG_PTR) && slot >= 0 && slot < 0x100 - PA_LAST &&
            registered_printf.fetchers[slot])
            free(values[i].user);
    }
    free(handler_arguments);
    free(values);
    free(specs);
    errno = saved_errno;
    if (result < 0) return -1;
    if (sink.total > static_cast<std::size_t>(INT_MAX)) {
        errno = EOVERFLOW;
        return -1;
    }
    return static_cast<int>(sink.total);
}
template int format_registered(format_sink&, const unsigned char*, va_list);
template int format_registered(wide_format_sink&, const wchar_t*, va_list);

// glibc's parse_printf_format, over the same parser as the printf path.
std::size_t parse_with_registry(const char* format, std::size_t n, int* types) {
    std::size_t taken = 0, highest = 0;
    parsed_spec spec;
    for (const auto* at = reinterpret_cast<const unsigned char*>(strchrnul(format, '%')); *at;
         at = spec.next) {
        taken += parse_spec(at, taken, spec, highest);
        if (spec.width_argument != -1 && static_cast<std::size_t>(spec.width_argument) < n)
            types[spec.width_argument] = PA_INT;
        if (spec.precision_argument != -1 && static_cast<std::size_t>(spec.precision_argument) < n)
            types[spec.precision_argument] = PA_INT;
        if (spec.data_argument < 0 || static_cast<std::size_t>(spec.data_argument) >= n) continue;
        if (spec.data_count == 1) types[spec.data_argument] = spec.data_type;
        else if (spec.data_count > 1)
            spec_types(spec, n - static_cast<std::size_t>(spec.data_argument),
                       &types[spec.data_argument], nullptr);
    }
    return taken > highest ? taken : highest;
}

namespace {

// Set by the first registration: from then on every printf goes the
// registered way, and parse_printf_format asks the registry too.
bool registry_active;

void activate() {
    registered_parse_printf_format = parse_with_registry;
    __atomic_store_n(&registry_active, true, __ATOMIC_RELEASE);
}

}  // namespace

// Replaces printf_core.cpp's weak `format` (see printf_core.hpp).
int format(format_sink& sink, const char* format_text, va_list arguments) {
    if (!__atomic_load_n(&registry_active, __ATOMIC_ACQUIRE))
        return format_standard(sink, format_text, arguments);
    return format_registered(sink, reinterpret_cast<const unsigned char*>(format_text), arguments);
}

// Replaces wide_printf_core.cpp's weak `wide_format` (see
// wide_printf_core.hpp): a program that registers something and never
// calls a wide printf function keeps neither (--gc-sections).
int wide_format(wide_format_sink& sink, const wchar_t* format_text, va_list arguments) {
    if (!__atomic_load_n(&registry_active, __ATOMIC_ACQUIRE))
        return wide_format_standard(sink, format_text, arguments);
    return format_registered(sink, format_text, arguments);
}

}  // namespace lwp::libc

using lwp::libc::registered_printf;

extern "C" {

int register_printf_specifier(int spec, printf_function converter,
                              printf_arginfo_size_function arginfo) noexcept {
    if (spec < 0 || spec > UCHAR_MAX) {
        errno = EINVAL;
        return -1;
    }
    lwp::runtime::internal_lock_guard hold(lwp::libc::registry_lock);
    registered_printf.handlers[spec] = converter;
    registered_printf.arginfo[spec].sized = arginfo;
    registered_printf.arginfo_is_sized[spec] = true;
    lwp::libc::activate();
    return 0;
}

// The older form: its arginfo function has no size parameter.
int register_printf_function(int spec, printf_function converter,
                             printf_arginfo_function arginfo) noexcept {
    if (spec < 0 || spec > UCHAR_MAX) {
        errno = EINVAL;
        return -1;
    }
    lwp::runtime::internal_lock_guard hold(lwp::libc::registry_lock);
    registered_printf.handlers[spec] = converter;
    registered_printf.arginfo[spec].unsized = arginfo;
    registered_printf.arginfo_is_sized[spec] = false;
    lwp::libc::activate();
    return 0;
}

int register_printf_modifier(const wchar_t* modifier) noexcept {
    std::size_t length = 0;
    for (; modifier[length] != L'\0'; ++length) {
        if (modifier[length] < 0 || modifier[length] > static_cast<wchar_t>(UCHAR_MAX)) {
            errno = EINVAL;
            return -1;
        }
    }
    if (length == 0) {
        errno = EINVAL;
        return -1;
    }
    // One bit of printf_info.user each: 16 modifiers in all.
    if (lwp::libc::next_modifier_bit == 16) {
        errno = ENOSPC;
        return -1;
    }
    lwp::runtime::internal_lock_guard hold(lwp::libc::registry_lock);
    auto* record = static_cast<lwp::libc::modifier_record*>(
        malloc(sizeof(lwp::libc::modifier_record) + length));
    if (!record) {
        errno = ENOMEM;
        return -1;
    }
    for (std::size_t i = 1; i <= length; ++i)
        record->rest[i - 1] = static_cast<unsigned char>(modifier[i]);  // with the L'\0'
    record->bit = 1 << lwp::libc::next_modifier_bit++;
    unsigned char first = static_cast<unsigned char>(modifier[0]);
    record->next = lwp::libc::modifier_table[first];
    lwp::libc::modifier_table[first] = record;
    lwp::libc::activate();
    return record->bit;
}

int register_printf_type(printf_va_arg_function fetcher) noexcept {
    lwp::runtime::internal_lock_guard hold(lwp::libc::registry_lock);
    if (lwp::libc::next_type == 0x100) {
        errno = ENOSPC;
        return -1;
    }
    int type = lwp::libc::next_type++;
    registered_printf.fetchers[type - PA_LAST] = fetcher;
    lwp::libc::activate();
    return type;
}

}  // extern "C"
