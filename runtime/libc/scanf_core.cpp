// The scanf format interpreter: directives, conversion specifications and
// the integer, character, string and scanset conversions. See scanf_core.hpp
// for what is and is not supported.
#include "scanf_core.hpp"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <climits>
#include <cstddef>
#include <cstdint>

#include "float_parse.hpp"
#include "integer_parse.hpp"
#include "locale_state.hpp"
#include "scanf_float.hpp"
#include "utf8_conversion.hpp"

namespace lwp::libc {

namespace {

// The input with the one byte of lookahead C allows: peek shows the next
// byte without consuming it, take consumes the byte peek showed. The bytes
// are read in runs (scan_source), the current one between cursor_ and
// limit_, so peek and take are a compare and an increment, and the loops
// that take many bytes (scan_text) can go through a run at once. A source
// that hands out single bytes gives runs of one, in single_. Once the end
// has been seen it stays seen for the rest of the call, so a terminal's
// end-of-file is not read past.
class lookahead_input {
public:
    explicit lookahead_input(scan_source& source) : source_(source) {}

    int peek() {
        if (cursor_ == limit_ && !next_run()) return EOF;
        return *cursor_;
    }
    void take() { ++cursor_; }
    // The bytes after the one peek showed that are at hand without another
    // read, that one included: valid after a peek that did not return EOF.
    const unsigned char* run() const { return cursor_; }
    std::size_t run_length() const { return static_cast<std::size_t>(limit_ - cursor_); }
    // Consumes `count` bytes of the run.
    void take(std::size_t count) { cursor_ += count; }
    // Consumes white space; returns the byte after it (not consumed).
    int skip_space() {
        int byte;
        while ((byte = peek()) != EOF && is_space(static_cast<char>(byte))) take();
        return byte;
    }
    // The same before a conversion, with errno as glibc's leaves it: 0
    // while the white space is read, so that a read that finds the end
    // then records 0 (or its own error) as errno_at_end_; and when the end
    // is next, errno_at_end_, which glibc's conversion gives errno as it
    // reads once more (see next_run). `to_conversion`: a format's white
    // space, whose conversion reads next itself (or, %n, does not).
    int skip_space_before_conversion(bool to_conversion = false) {
        int saved = errno;
        errno = 0;
        int byte = skip_space();
        errno = saved;
        if (byte == EOF && !to_conversion) errno = errno_at_end_;
        return byte;
    }
    std::size_t consumed() const {
        return consumed_before_run_ + static_cast<std::size_t>(cursor_ - run_start_);
    }
    // Leaves the source right after the last byte consumed: the rest of a
    // run stays unread, a byte from `next` not consumed is given back.
    void finish() {
        settle_run();
        run_start_ = cursor_ = limit_ = nullptr;
    }

private:
    void settle_run() {
        if (source_.run != nullptr) {
            if (run_start_ != nullptr)
                source_.consume(source_, static_cast<std::size_t>(cursor_ - run_start_));
        } else if (cursor_ != limit_) {
            source_.give_back(source_, *cursor_);
        }
    }
    // Out of line: called once per run, which for a stream is a buffer.
    // Each read past the end sets errno to what it was when the end was
    // found, as glibc's scanf does (its inchar): a conversion that meets
    // the end after a %l[ failed to convert a byte (EILSEQ) ends with that
    // errno, one after a white space skip that found the end with 0.
    [[gnu::noinline]] bool next_run() {
        if (ended_) {
            errno = errno_at_end_;
            return false;
        }
        consumed_before_run_ = consumed();
        settle_run();
        std::size_t length = 0;
        const unsigned char* start = nullptr;
        if (source_.run != nullptr) {
            length = source_.run(source_, start);
        } else {
            int byte = source_.next(source_);
            if (byte != EOF) {
                single_ = static_cast<unsigned char>(byte);
                start = &single_;
                length = 1;
            }
        }
        if (length == 0) {
            ended_ = true;
            errno_at_end_ = errno;
            run_start_ = cursor_ = limit_ = nullptr;
            return false;
        }
        run_start_ = cursor_ = start;
        limit_ = start + length;
        return true;
    }

    scan_source& source_;
    const unsigned char* run_start_ = nullptr;
    const unsigned char* cursor_ = nullptr;
    const unsigned char* limit_ = nullptr;
    std::size_t consumed_before_run_ = 0;
    unsigned char single_ = 0;
    bool ended_ = false;
    int errno_at_end_ = 0;
};

// l is kept apart from the other 64-bit modifiers because on c, s and [ it
// means wide characters; every modifier from l on names a 64-bit integer.
// On the floating-point conversions none, hh and h mean float; l, j, z and t
// double; ll, L and q long double (as glibc reads them).
enum class length_modifier { none, hh, h, l, ll, jzt };

struct scan_spec {
    std::size_t position = 0;  // N of %N$: the argument to store through; 0: the next
    bool suppress = false;  // '*': scan but assign nothing
    bool allocate = false;  // 'm': the argument is a pointer to set to a malloc'd array
    std::size_t width = 0;  // 0: none given
    length_modifier length = length_modifier::none;
    char conversion = 0;
};

// What one directive did.
enum class outcome { assigned, unassigned, matching_failure, input_failure };

// Out of line so that there is one copy of the va_arg expansion.
[[gnu::noinline]] void* next_target(va_list& arguments) { return va_arg(arguments, void*); }

// Stores the low bytes of `value` in the integer type `length` names.
void store_integer(void* target, length_modifier length, unsigned long long value) {
    switch (length) {
        case length_modifier::hh:
            *static_cast<unsigned char*>(target) = static_cast<unsigned char>(value);
            break;
        case length_modifier::h:
            *static_cast<unsigned short*>(target) = static_cast<unsigned short>(value);
            break;
        case length_modifier::none:
            *static_cast<unsigned*>(target) = static_cast<unsigned>(value);
            break;
        default:
            *static_cast<unsigned long long*>(target) = value;
            break;
    }
}

struct scanned_integer {
    unsigned long long magnitude = 0;  // saturated at ULLONG_MAX when `overflow`
    bool negative = false;
    bool overflow = false;
    bool matched = false;  // at least one digit
};

// Reads the longest prefix of an integer that fits in `width` bytes: an
// optional sign, for base 16 (or 0) an optional 0x, then digits; base 0
// picks 16, 8 or 10 from the prefix as strtol does. With one byte of
// lookahead a "0x" without a hex digit after it cannot be given back, so it
// counts as the number 0, as C's rule of the longest matching prefix says.
scanned_integer scan_integer(lookahead_input& in, std::size_t width, unsigned base) {
    scanned_integer result;
    int byte = in.peek();
    if (width != 0 && (byte == '+' || byte == '-')) {
        result.negative = byte == '-';
        in.take();
        --width;
        byte = in.peek();
    }
    if (width != 0 && byte == '0' && (base == 0 || base == 16)) {
        in.take();
        --width;
        result.matched = true;
        byte = in.peek();
        if (width != 0 && (byte | 0x20) == 'x') {
            in.take();
            --width;
            base = 16;
            byte = in.peek();
        } else if (base == 0) {
            base = 8;
        }
    } else if (base == 0) {
        base = 10;
    }
    for (unsigned digit; width != 0 && byte != EOF &&
                         (digit = digit_value(static_cast<char>(byte))) < base;
         --width) {
        if (__builtin_mul_overflow(result.magnitude, base, &result.magnitude) ||
            __builtin_add_overflow(result.magnitude, digit, &result.magnitude)) {
            result.overflow = true;
        }
        result.matched = true;
        in.take();
        byte = in.peek();
    }
    if (result.overflow) result.magnitude = ULLONG_MAX;
    return result;
}

// The value glibc assigns: strtoll's (d, i) or strtoull's (the others)
// result for the same digits, saturated in 64 bits; store_integer then
// keeps the low bytes, so "99999999999999999999" with %d gives -1.
unsigned long long integer_value(const scanned_integer& number, bool is_signed) {
    if (is_signed) {
        unsigned long long limit = number.negative ? 0ULL - LLONG_MIN : LLONG_MAX;
        if (number.overflow || number.magnitude > limit) {
            return number.negative ? 0ULL - LLONG_MIN : LLONG_MAX;
        }
    } else if (number.overflow) {
        return ULLONG_MAX;
    }
    return number.negative ? 0ULL - number.magnitude : number.magnitude;
}

// glibc's printf writes a null pointer as "(nil)", and its scanf reads that
// back for %p, in either case, when the width leaves room for all of it.
outcome scan_nil(lookahead_input& in, const scan_spec& spec, std::size_t width,
                 va_list& arguments) {
    for (const char* expected = "(nil)"; *expected != '\0'; ++expected, --width) {
        int byte = in.peek();
        bool same = byte == *expected || (*expected >= 'a' && byte == *expected - ('a' - 'A'));
        if (width == 0 || !same) return outcome::matching_failure;
        in.take();
    }
    if (spec.suppress) return outcome::unassigned;
    *static_cast<void**>(next_target(arguments)) = nullptr;
    return outcome::assigned;
}

// Where the bytes of %c, %s and %[ go: the caller's array, an array grown
// with realloc for the m modifier, or nowhere when the conversion is
// suppressed. With the l modifier the bytes become wchar_ts through the
// calling thread's LC_CTYPE: in "C" each byte is one, ASCII only, other
// bytes failing with EILSEQ; in C.UTF-8 they are decoded as UTF-8, the
// bytes of an incomplete character waiting in a conversion state.
// %l[ is `lenient`, as glibc's: a byte that is no character leaves its
// element of the array unwritten and counts as one, and a suppressed %*l[
// decodes nothing (glibc's tests no result of mbrtowc there but -2).
class text_target {
public:
    text_target(void* destination, bool wide, bool allocate, bool lenient)
        : destination_(destination), wide_(wide), lenient_(lenient),
          allocate_(allocate && destination) {
        if (!allocate_) array_ = static_cast<char*>(destination);
    }
    text_target(const text_target&) = delete;
    text_target& operator=(const text_target&) = delete;
    // An allocated array not handed over is freed: the conversion failed.
    ~text_target() {
        if (allocate_) free(array_);
    }

    enum class appended { failed, part, character };

    // Takes one byte: a whole character stored, part of one (C.UTF-8), or
    // failed (errno says why).
    appended append(unsigned char byte) {
        if (lenient_ && destination_ == nullptr) return appended::character;
        wchar_t character = byte;
        bool refused = false;
        if (wide_ && utf8_) {
            char text = static_cast<char>(byte);
            std::size_t used = utf8::decode(&character, &text, 1, &state_);
            if (used == utf8::incomplete) return appended::part;
            refused = used == utf8::refused;
        } else if (wide_ && byte >= 0x80) {
            errno = EILSEQ;
            refused = true;
        }
        if (refused && !lenient_) return appended::failed;
        if (destination_ == nullptr) return appended::character;
        // + 2: room for the NUL
        if (allocate_ && !reserve(count_ + 2)) return appended::failed;
        if (refused) {
            ++count_;
        } else {
            put(count_++, character);
        }
        return appended::character;
    }
    // Takes `count` bytes at once, for a target of bytes (not wide): false
    // without memory (errno ENOMEM).
    bool append_bytes(const unsigned char* bytes, std::size_t count) {
        if (destination_ == nullptr || count == 0) return true;
        // + 1: room for the NUL
        if (allocate_ && !reserve(count_ + count + 1)) return false;
        memcpy(array_ + count_, bytes, count);
        count_ += count;
        return true;
    }
    bool wide() const { return wide_; }
    // Adds the NUL %s and %[ end with, and hands an allocated array to the
    // caller's pointer.
    bool complete(bool terminate) {
        if (destination_ == nullptr) return true;
        if (allocate_ && !reserve(count_ + 1)) return false;
        if (terminate) put(count_, 0);
        if (allocate_) {
            *static_cast<void**>(destination_) = array_;
            array_ = nullptr;
        }
        return true;
    }

private:
    void put(std::size_t index, wchar_t character) {
        if (wide_) {
            reinterpret_cast<wchar_t*>(array_)[index] = character;
        } else {
            array_[index] = static_cast<char>(character);
        }
    }
    bool reserve(std::size_t elements) {
        if (elements <= capacity_) return true;
        std::size_t larger = capacity_ < 16 ? 32 : capacity_ * 2;
        while (larger < elements) {
            if (__builtin_mul_overflow(larger, 2, &larger)) {
                errno = ENOMEM;
                return false;
            }
        }
        void* grown = realloc(array_, larger * (wide_ ? sizeof(wchar_t) : 1));
        if (grown == nullptr) {
            errno = ENOMEM;
            return false;
        }
        array_ = static_cast<char*>(grown);
        capacity_ = larger;
        return true;
    }

public:
    // Whether the bytes taken end inside a character (C.UTF-8).
    bool inside_character() const { return state_.__count != 0; }

private:
    void* destination_;
    bool wide_;
    bool lenient_;
    bool utf8_ = wide_ && ctype_is_utf8();  // the locale matters to wide targets only
    std::mbstate_t state_{};
    bool allocate_;
    char* array_ = nullptr;
    std::size_t count_ = 0;
    std::size_t capacity_ = 0;
};

// The bytes a scanset accepts.
struct byte_set {
    bool member[256] = {};
};

// Reads a scanset's format after its '[': an optional '^' (the complement),
// then members up to the closing ']'; a ']' right after '[' or '^' is a
// member, and "a-z" a range unless the '-' is first or last; a range's end
// can start another ("0-5-9"). A reversed range ("z-a") names its three
// bytes. Both as glibc reads them. Returns the format after the ']', or
// nullptr when there is none.
const unsigned char* parse_scanset(const unsigned char* cursor, byte_set& set) {
    bool complement = *cursor == '^';
    if (complement) ++cursor;
    if (*cursor == ']') set.member[*cursor++] = true;
    int previous = -1;  // the byte before a '-', a range's possible start
    while (*cursor != '\0' && *cursor != ']') {
        if (*cursor == '-' && previous >= 0 && cursor[1] != '\0' && cursor[1] != ']' &&
            cursor[1] >= previous) {
            for (int byte = previous; byte <= cursor[1]; ++byte) set.member[byte] = true;
            previous = cursor[1];  // as glibc: "0-5-9" is 0-9
            cursor += 2;
            continue;
        }
        previous = *cursor;
        set.member[*cursor++] = true;
    }
    if (*cursor != ']') return nullptr;
    if (complement) {
        for (bool& member : set.member) member = !member;
    }
    return cursor + 1;
}

// %c, %s and %[: bytes while `accepted` says so, at most `width` characters
// of them (bytes, but for a wide target in C.UTF-8, as glibc counts).
template <typename Accepts>
outcome scan_text(lookahead_input& in, const scan_spec& spec, void* destination,
                  std::size_t width, bool terminate, Accepts accepted) {
    if (in.peek() == EOF) return outcome::input_failure;
    text_target target(destination, spec.length == length_modifier::l, spec.allocate,
                       spec.conversion == '[');
    std::size_t taken = 0;
    if (!target.wide()) {
        // Bytes are characters: the accepted bytes of each run are counted
        // and copied in one pass. The width is checked before each peek, so
        // no byte past the field is read (a terminal would wait for it).
        while (taken < width && in.peek() != EOF) {
            const unsigned char* run = in.run();
            std::size_t limit = in.run_length();
            if (limit > width - taken) limit = width - taken;
            std::size_t length = 0;
            while (length < limit && accepted(run[length])) ++length;
            if (!target.append_bytes(run, length)) return outcome::matching_failure;
            in.take(length);
            taken += length;
            if (length < limit) break;
        }
    } else {
        for (int byte; taken < width && (byte = in.peek()) != EOF && accepted(byte);) {
            // A byte that is no character is consumed all the same, as
            // glibc's, which has read it before it converts it.
            in.take();
            auto result = target.append(static_cast<unsigned char>(byte));
            if (result == text_target::appended::failed) return outcome::matching_failure;
            // For %lc and %ls a NUL byte fails too, once stored: glibc's
            // mbrtowc stores L'\0' and returns 0, where its scanf wants the
            // 1 byte that other characters give.
            if (byte == 0 && spec.conversion != '[') {
                errno = EILSEQ;
                return outcome::matching_failure;
            }
            if (result == text_target::appended::character) ++taken;
        }
    }
    if (target.inside_character()) {
        errno = EILSEQ;
        return outcome::matching_failure;
    }
    // Only %[ can match nothing here: %c and %s always take the first byte.
    if (taken == 0) return outcome::matching_failure;
    if (!target.complete(terminate)) return outcome::matching_failure;
    return spec.suppress ? outcome::unassigned : outcome::assigned;
}

// Reads the bytes of a floating conversion into `number` and rounds them:
// false for a matching failure.
bool read_float_field(lookahead_input& in, std::size_t width, float_accumulator& number,
                      rounded_float& value) {
    float_scanner scanner(number);
    for (; width != 0; --width) {
        int byte = in.peek();
        float_scanner::step step = scanner.offer(byte, width == 1);
        if (step == float_scanner::step::fail) {
            // The letter that breaks "nan" or "infinity" is consumed, as
            // glibc's, which has read it before it compares it.
            if (byte != EOF) in.take();
            return false;
        }
        if (step == float_scanner::step::stop) break;
        in.take();
    }
    if (!scanner.finish(value)) return false;
    report_rounding(value);  // errno and flags, as glibc's strtod call leaves them
    return true;
}

// %f %e %g %a and capitals, into a T. Out of line, one copy per type, so
// that only a conversion into a long double has the long double's 10 KiB
// of big integers on its stack (see float_parse.hpp).
template <typename T>
[[gnu::noinline]] outcome scan_float(lookahead_input& in, const scan_spec& spec,
                                     std::size_t width, va_list& arguments) {
    float_workspace<T> workspace;
    float_accumulator number = workspace.accumulator();
    // Rounded as strtod rounds, in the caller's direction (glibc's scanf
    // reads through strtod).
    number.set_direction(current_rounding_direction());
    rounded_float value;
    if (!read_float_field(in, width, number, value)) return outcome::matching_failure;
    if (spec.suppress) return outcome::unassigned;
    *static_cast<T*>(next_target(arguments)) = pack<T>(value);
    return outcome::assigned;
}

// Reads a conversion specification after its '%': position, flags and
// width (read_spec_start), m, length, conversion. Returns the format after
// it, or nullptr for a format that ends inside it or a position out of range.
const unsigned char* parse_spec(const unsigned char* cursor, scan_spec& spec) {
    spec_start start;
    cursor = read_spec_start(cursor, start);
    if (cursor == nullptr) return nullptr;
    spec.position = start.position;
    spec.suppress = start.suppress;
    spec.width = start.width;
    if (*cursor == 'm') {
        spec.allocate = true;
        ++cursor;
    }
    switch (*cursor) {
        case 'h':
            spec.length = cursor[1] == 'h' ? length_modifier::hh : length_modifier::h;
            cursor += cursor[1] == 'h' ? 2 : 1;
            break;
        case 'l':
            spec.length = cursor[1] == 'l' ? length_modifier::ll : length_modifier::l;
            cursor += cursor[1] == 'l' ? 2 : 1;
            break;
        case 'q': case 'L':
            spec.length = length_modifier::ll;
            ++cursor;
            break;
        case 'j': case 'z': case 't':
            spec.length = length_modifier::jzt;
            ++cursor;
            break;
        default:
            break;
    }
    if (*cursor == '\0') return nullptr;
    spec.conversion = static_cast<char>(*cursor);
    // glibc's (and X/Open's) %C and %S: %lc and %ls, whatever length came before.
    if (spec.conversion == 'C' || spec.conversion == 'S') {
        spec.conversion = spec.conversion == 'C' ? 'c' : 's';
        spec.length = length_modifier::l;
    }
    return cursor + 1;
}

// A %mc, %ms or %m[ that fails (no input left, or nothing matched) sets its
// pointer to null, as glibc's does: it allocates the array, and stores it
// there, before it reads the field, and frees it again on failure.
outcome nulled_if_failed(const scan_spec& spec, void* destination, outcome result) {
    bool failed = result == outcome::input_failure || result == outcome::matching_failure;
    if (failed && spec.allocate && destination != nullptr)
        *static_cast<void**>(destination) = nullptr;
    return result;
}

// Carries out one conversion specification.
outcome convert(lookahead_input& in, const scan_spec& spec, const unsigned char*& format,
                va_list& arguments) {
    std::size_t width = spec.width != 0 ? spec.width : SIZE_MAX;
    unsigned base;
    switch (spec.conversion) {
        case '%': {
            int byte = in.skip_space_before_conversion();  // glibc skips white space here too
            if (byte == EOF) return outcome::input_failure;
            if (byte != '%') return outcome::matching_failure;
            in.take();
            return outcome::unassigned;
        }
        case 'n':  // counts, consumes nothing, and is no assignment in the result
            if (!spec.suppress) store_integer(next_target(arguments), spec.length, in.consumed());
            return outcome::unassigned;
        case 'd': case 'u': base = 10; break;
        case 'i': base = 0; break;
        case 'o': base = 8; break;
        case 'x': case 'X': case 'p': base = 16; break;
        case 'c': {
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            return nulled_if_failed(spec, destination,
                                    scan_text(in, spec, destination,
                                              spec.width != 0 ? spec.width : 1, false,
                                              [](int) { return true; }));
        }
        case 's': {
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            if (in.skip_space_before_conversion() == EOF)
                return nulled_if_failed(spec, destination, outcome::input_failure);
            return nulled_if_failed(
                spec, destination, scan_text(in, spec, destination, width, true, [](int byte) {
                    return !is_space(static_cast<char>(byte));
                }));
        }
        case '[': {
            // The argument is taken before the scanset is read, as glibc
            // takes it: a %m[ without its ']' nulls its pointer too.
            void* destination = spec.suppress ? nullptr : next_target(arguments);
            byte_set set;
            const unsigned char* after = parse_scanset(format, set);
            if (after == nullptr) return nulled_if_failed(spec, destination, outcome::matching_failure);
            format = after;
            return nulled_if_failed(spec, destination,
                                    scan_text(in, spec, destination, width, true,
                                              [&set](int byte) { return set.member[byte]; }));
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (in.skip_space_before_conversion() == EOF) return outcome::input_failure;
            switch (spec.length) {
                case length_modifier::l: case length_modifier::jzt:
                    return scan_float<double>(in, spec, width, arguments);
                case length_modifier::ll:
                    return scan_float<long double>(in, spec, width, arguments);
                default:
                    return scan_float<float>(in, spec, width, arguments);
            }
        default:
            // An unknown conversion: a matching failure, errno untouched, as glibc.
            return outcome::matching_failure;
    }
    int first = in.skip_space_before_conversion();
    if (first == EOF) return outcome::input_failure;
    // glibc looks for "(nil)" only when the width leaves room for all of
    // it; a narrower field fails at the '(' as a number does, leaving it.
    if (spec.conversion == 'p' && first == '(' && width >= 5)
        return scan_nil(in, spec, width, arguments);
    scanned_integer number = scan_integer(in, width, base);
    if (!number.matched) return outcome::matching_failure;
    if (spec.suppress) return outcome::unassigned;
    bool is_signed = spec.conversion == 'd' || spec.conversion == 'i';
    length_modifier length = spec.conversion == 'p' ? length_modifier::ll : spec.length;
    store_integer(next_target(arguments), length, integer_value(number, is_signed));
    return outcome::assigned;
}

}  // namespace

int scan(scan_source& source, const char* format_text, va_list arguments_in) {
    va_list arguments;
    va_copy(arguments, arguments_in);
    lookahead_input in(source);
    const auto* format = reinterpret_cast<const unsigned char*>(format_text);
    int assigned = 0;
    bool input_failed = false;
    while (*format != '\0') {
        if (is_space(static_cast<char>(*format))) {
            // Any run of white space in the format matches any amount, none too.
            while (is_space(static_cast<char>(*format))) ++format;
            if (*format == '%') {
                in.skip_space_before_conversion(true);
            } else {
                in.skip_space();
            }
            continue;
        }
        if (*format != '%') {
            int byte = in.peek();
            if (byte == EOF) {
                input_failed = true;
                break;
            }
            if (byte != *format) break;
            in.take();
            ++format;
            continue;
        }
        scan_spec spec;
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
    // glibc's reading of C's rule: EOF when the input ran out before any
    // assignment, even after a suppressed conversion ("%*d%d" on "1").
    return input_failed && assigned == 0 ? EOF : assigned;
}

}  // namespace lwp::libc
