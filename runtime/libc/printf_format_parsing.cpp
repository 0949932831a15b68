// parse_printf_format (<printf.h>): the types of the arguments a printf
// format takes, in order, as PA_* codes with PA_FLAG_* bits, so that a
// program can collect or check arguments before formatting.
//
// The answer is glibc's for every format, including the odd ones, since a
// caller compares it with what it passes (all checked against glibc):
// - the count returned is the number of arguments the format uses: those
//   taken in order, or the highest position a "n$" names, whichever is
//   larger; types are stored only for the first `n`.
// - a `*` width or precision takes an int (PA_INT), before the value it
//   applies to, or at its own position (`*n$`); a value's type stored at
//   the same position as a width's wins.
// - integers (d i o u x X b B): PA_INT, with PA_FLAG_SHORT for h,
//   PA_FLAG_LONG for l, ll, z, Z, t and j (all 64 bits on x86-64, where
//   glibc never reports PA_FLAG_LONG_LONG for an integer), PA_CHAR for hh;
//   L and q alone leave a plain PA_INT, as glibc does;
// - floating point (e E f F g G a A): PA_DOUBLE, with PA_FLAG_LONG_DOUBLE
//   for L, q or ll;
// - c PA_CHAR and s PA_STRING whatever the length (so %lc and %ls are
//   PA_CHAR and PA_STRING, as glibc reports them), C PA_WCHAR,
//   S PA_WSTRING, p PA_POINTER, n PA_INT|PA_FLAG_PTR;
// - %%, %m, an unknown conversion letter and a format cut short take no
//   argument. Flags (space + - # 0 ' I) change no type.
// Once the program has registered anything with register_printf_*, the
// registry's parser (printf_extensions.cpp, glibc's rules as above plus
// registered modifiers and arginfo functions) answers instead.
#include <limits.h>
#include <printf.h>
#include <string.h>

#include "printf_registry.hpp"

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A decimal number at `*text`, which it moves past all its digits; -1 when
// it exceeds INT_MAX (the digits are still all skipped).
int read_number(const unsigned char** text) {
    long value = 0;
    for (; is_digit(**text); ++*text) {
        if (value >= 0) value = value * 10 + (**text - '0');
        if (value > INT_MAX) value = -1;
    }
    return static_cast<int>(value);
}

// After '%' or '*': a position ("n$", n from 1), as an index from 0, and
// `*text` moved past it; -1 when there is none (`*text` stays where it
// was) or when n is too large (`*text` is then past the '$' all the same,
// as glibc leaves it; for a width or precision the caller goes back).
int read_position(const unsigned char** text) {
    const unsigned char* start = *text;
    if (!is_digit(**text)) return -1;
    int number = read_number(text);
    if (number != 0 && **text == '$') {
        ++*text;
        return number == -1 ? -1 : number - 1;
    }
    *text = start;
    return -1;
}

struct conversion {
    int width_argument = -1;  // the index of the `*` width's argument, or -1
    int precision_argument = -1;
    int value_argument = -1;
    int value_type = 0;
    bool takes_value = false;
};

// Parses the conversion at `text` (just after its '%'), `taken` arguments
// having been taken in order before it. Moves `text` past it, raises
// `highest` to any position it names, and returns the arguments it takes in
// order.
size_t parse_conversion(const unsigned char*& text, size_t taken, conversion& c,
                        size_t& highest) {
    size_t count = 0;
    auto note_position = [&](int at) {
        if (static_cast<size_t>(at) + 1 > highest) highest = static_cast<size_t>(at) + 1;
    };
    int position = read_position(&text);
    if (position >= 0) {
        c.value_argument = position;
        note_position(position);
    }
    while (*text != '\0' && strchr(" +-#0'I", *text) != nullptr) ++text;

    // A width or precision from an argument: its own position, else the
    // next in order (and then the digits after the '*', if any, are read
    // again as what follows).
    auto star = [&](int& argument) {
        const unsigned char* after_star = ++text;
        int at = read_position(&text);
        if (at >= 0) {
            argument = at;
            note_position(at);
        } else {
            argument = static_cast<int>(taken++);
            ++count;
            text = after_star;
        }
    };
    if (*text == '*') star(c.width_argument);
    else read_number(&text);
    if (*text == '.') {
        ++text;
        if (*text == '*') star(c.precision_argument);
        else read_number(&text);
    }

    bool is_short = false, is_char = false, is_long = false, is_long_double = false;
    switch (*text++) {
    case 'h':
        if (*text == 'h') {
            ++text;
            is_char = true;
        } else {
            is_short = true;
        }
        break;
    case 'l':
        is_long = true;
        if (*text == 'l') {
            ++text;
            is_long_double = true;
        }
        break;
    case 'L':
    case 'q': is_long_double = true; break;
    case 'z':
    case 'Z':
    case 't':
    case 'j': is_long = true; break;  // size_t, ptrdiff_t, intmax_t: all long
    default: --text; break;
    }

    unsigned char letter = *text;
    c.takes_value = true;
    switch (letter) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'b': case 'B':
        c.value_type = is_long    ? PA_INT | PA_FLAG_LONG
                       : is_short ? PA_INT | PA_FLAG_SHORT
                       : is_char  ? PA_CHAR
                                  : PA_INT;
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        c.value_type = is_long_double ? PA_DOUBLE | PA_FLAG_LONG_DOUBLE : PA_DOUBLE;
        break;
    case 'c': c.value_type = PA_CHAR; break;
    case 'C': c.value_type = PA_WCHAR; break;
    case 's': c.value_type = PA_STRING; break;
    case 'S': c.value_type = PA_WSTRING; break;
    case 'p': c.value_type = PA_POINTER; break;
    case 'n': c.value_type = PA_INT | PA_FLAG_PTR; break;
    default: c.takes_value = false; break;  // %%, %m, unknown, or the end
    }
    if (letter != '\0') ++text;  // a format cut short ends here
    if (c.takes_value && c.value_argument == -1) {
        c.value_argument = static_cast<int>(taken);
        ++count;
    }
    return count;
}

}  // namespace

namespace lwp::libc {
// Set by the first register_printf_* call (printf_registry.hpp); a pointer,
// so that parse_printf_format alone does not link the registry.
std::size_t (*registered_parse_printf_format)(const char*, std::size_t, int*) = nullptr;
}

extern "C" size_t parse_printf_format(const char* __restrict format, size_t n,
                                      int* __restrict types) {
    if (lwp::libc::registered_parse_printf_format)
        return lwp::libc::registered_parse_printf_format(format, n, types);
    size_t taken = 0, highest = 0;
    const unsigned char* text = reinterpret_cast<const unsigned char*>(format);
    for (;;) {
        text = reinterpret_cast<const unsigned char*>(
            strchrnul(reinterpret_cast<const char*>(text), '%'));
        if (*text == '\0') break;
        ++text;
        conversion c;
        taken += parse_conversion(text, taken, c, highest);
        if (c.width_argument >= 0 && static_cast<size_t>(c.width_argument) < n)
            types[c.width_argument] = PA_INT;
        if (c.precision_argument >= 0 && static_cast<size_t>(c.precision_argument) < n)
            types[c.precision_argument] = PA_INT;
        if (c.takes_value && static_cast<size_t>(c.value_argument) < n)
            types[c.value_argument] = c.value_type;
    }
    return taken > highest ? taken : highest;
}
