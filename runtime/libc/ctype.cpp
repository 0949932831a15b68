// Character classes of the bytes, the same in lwp's two locales ("C" and
// C.UTF-8, where no byte from 0x80 up is a character by itself): the table,
// is* and isascii isctype __isctype __isascii_l.
//
// glibc's <ctype.h> compiles isdigit(c) and friends in C to a lookup in the
// table __ctype_b_loc() points at: one unsigned short of class bits per
// character, indexable from -128 (so a signed char or EOF works) to 255. The
// bit values are glibc's own _IS* constants from that header. C++ calls the
// functions below instead.
#include <ctype.h>
#include <locale.h>

#include "ctype_tables.hpp"

#undef isascii
#undef __isctype
#undef __isascii_l

namespace {

using lwp::libc::ctype_class_table;

constexpr ctype_class_table make_class_table() {
    ctype_class_table table{};
    for (int c = 0; c < 128; ++c) {  // non-ASCII bytes belong to no class
        unsigned bits = 0;
        bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
        bool digit = c >= '0' && c <= '9';
        bool space = c == ' ' || (c >= '\t' && c <= '\r');
        bool print = c >= 0x20 && c < 0x7f;
        if (upper) bits |= _ISupper;
        if (lower) bits |= _ISlower;
        if (upper || lower) bits |= _ISalpha;
        if (digit) bits |= _ISdigit;
        if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) bits |= _ISxdigit;
        if (space) bits |= _ISspace;
        if (print) bits |= _ISprint;
        if (print && c != ' ') bits |= _ISgraph;
        if (c == ' ' || c == '\t') bits |= _ISblank;
        if (!print) bits |= _IScntrl;
        if (print && c != ' ' && !upper && !lower && !digit) bits |= _ISpunct;
        if (upper || lower || digit) bits |= _ISalnum;
        table.entries[128 + c] = static_cast<unsigned short>(bits);
    }
    return table;
}

}  // namespace

// Shared with the "C" locale object (locale_objects.cpp), whose __ctype_b
// glibc's <ctype.h> reads inline.
constexpr ctype_class_table lwp::libc::c_locale_classes = make_class_table();

namespace {

const unsigned short* const class_pointer = lwp::libc::c_locale_classes.entries + 128;

bool has(int c, unsigned bits) {
    return c >= -128 && c < 256 && (class_pointer[c] & bits) != 0;
}

}  // namespace

extern "C" {

const unsigned short** __ctype_b_loc(void) noexcept {
    return const_cast<const unsigned short**>(&class_pointer);
}

int isalnum(int c) noexcept { return has(c, _ISalnum); }
int isalpha(int c) noexcept { return has(c, _ISalpha); }
int isblank(int c) noexcept { return has(c, _ISblank); }
int iscntrl(int c) noexcept { return has(c, _IScntrl); }
int isdigit(int c) noexcept { return has(c, _ISdigit); }
int isgraph(int c) noexcept { return has(c, _ISgraph); }
int islower(int c) noexcept { return has(c, _ISlower); }
int isprint(int c) noexcept { return has(c, _ISprint); }
int ispunct(int c) noexcept { return has(c, _ISpunct); }
int isspace(int c) noexcept { return has(c, _ISspace); }
int isupper(int c) noexcept { return has(c, _ISupper); }
int isxdigit(int c) noexcept { return has(c, _ISxdigit); }

// Whether c is a 7-bit value; glibc's __isascii_l ignores its locale.
int isascii(int c) noexcept { return (c & ~0x7f) == 0; }
int __isascii_l(int c, locale_t) noexcept { return (c & ~0x7f) == 0; }

// The class bits of c that `mask` asks about (glibc answers the bits
// themselves, not 1), for c from -128 to 255; glibc reads outside its table
// for anything else, lwp answers 0.
int __isctype(int c, int mask) noexcept {
    return c >= -128 && c < 256 ? class_pointer[c] & mask : 0;
}
int isctype(int c, int mask) noexcept __attribute__((alias("__isctype")));

}  // extern "C"
