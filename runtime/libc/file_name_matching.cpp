// fnmatch: whether a name matches a shell wildcard pattern. In the C locale
// one byte is one character (classes and case from <ctype.h>); in C.UTF-8
// the pattern and the name are UTF-8, matched character by character as
// wide strings (classes from iswctype, case from towlower), and, as glibc
// does there, the bytes are matched as in "C" when that fails or when
// either string is not valid UTF-8 (so "??" matches a two-byte "é" too).
//
// The pattern language: `*` (any run), `?` (any one), `[...]` bracket
// expressions (`!` or `^` first negates, `]` first is itself, `a-z` ranges by
// byte value, the classes `[:alpha:]` and the rest, `[=c=]` and `[.c.]` for one
// character), and `\` quoting the next character unless FNM_NOESCAPE (in
// C.UTF-8 ranges follow glibc's collation sequence instead: see
// range_holds). A `[` with no closing `]` is an ordinary character. The
// flags:
//   FNM_PATHNAME (FNM_FILE_NAME): a `/` of the name is matched only by a `/`
//     of the pattern, never by a wildcard or a bracket expression;
//   FNM_PERIOD: a leading `.` (the name's first character, and with
//     FNM_PATHNAME also one right after a `/`) is matched only by a `.` of
//     the pattern itself;
//   FNM_LEADING_DIR: the pattern may match just a first part of the name that
//     a `/` follows ("usr" matches "usr/lib");
//   FNM_CASEFOLD: upper and lower case are the same;
//   FNM_EXTMATCH: ksh's groups `?(a|b)` (at most one), `*(a|b)` (any number),
//     `+(a|b)` (at least one), `@(a|b)` (exactly one), `!(a|b)` (anything but
//     one of them), nested as deep as wanted.
//
// The result is 0 for a match, FNM_NOMATCH otherwise; nothing fails but
// the memory for converting strings of 128 characters or more (C.UTF-8).
//
// The wildcard `*` is matched without recursion: the last `*` seen keeps the
// place to resume from, and a later `*` replaces it, because whatever an
// earlier `*` might have taken more of, the later one can take instead. So a
// pattern full of stars costs time proportional to the product of the two
// lengths at most, never the exponential time of trying every split. Only an
// extended group is tried at every end (recursively), since its parts may
// have any length.
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <cstddef>

#include "locale_state.hpp"

namespace {

// The matcher is one template for bytes (char) and characters (wchar_t);
// what differs is below, overloaded on a first argument that only names the
// character type.
//
// A character of the pattern or the name as a number: a byte's value
// (0-255) for char, the code point for wchar_t.
inline unsigned code(char c) { return static_cast<unsigned char>(c); }
inline unsigned code(wchar_t c) { return static_cast<unsigned>(c); }

inline unsigned lower_case(char, unsigned c) {
    return static_cast<unsigned>(tolower(static_cast<int>(c)));
}
inline unsigned lower_case(wchar_t, unsigned c) { return towlower(c); }

// The classes of [:name:] for bytes, as <ctype.h> answers them.
bool in_class(char, const char* class_name, std::size_t length, unsigned c, bool& known) {
    struct named_class {
        const char* name;
        int (*test)(int);
    };
    static constexpr named_class classes[] = {
        {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
        {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
        {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
    };
    for (const named_class& each : classes) {
        if (strlen(each.name) == length && memcmp(each.name, class_name, length) == 0) {
            known = true;
            return each.test(static_cast<int>(c)) != 0;
        }
    }
    known = false;
    return false;
}

// The classes of [:name:] for wide characters: whatever wctype knows.
bool in_class(wchar_t, const wchar_t* class_name, std::size_t length, unsigned c, bool& known) {
    char name[32];  // longer than any class name
    known = false;
    if (length >= sizeof name) return false;
    // The name is lower-case ASCII letters (class_name_at), the same bytes.
    for (std::size_t i = 0; i < length; ++i) name[i] = static_cast<char>(class_name[i]);
    name[length] = '\0';
    wctype_t description = wctype(name);
    if (description == 0) return false;
    known = true;
    return iswctype(c, description) != 0;
}

// Whether the range low-high holds c (all three case-folded if wanted). For
// bytes, by value.
bool range_holds(char, unsigned low, unsigned high, unsigned c) { return low <= c && c <= high; }

// For wide characters, glibc's way in C.UTF-8: its collation sequence
// table places only U+0000-U+00FF (in code point order), so a character
// above U+00FF is in no range, a range whose start is above it holds
// nothing, and one whose end is above it holds its start alone.
constexpr unsigned last_sequenced = 0xff;
bool range_holds(wchar_t, unsigned low, unsigned high, unsigned c) {
    if (c > last_sequenced || low > last_sequenced || low > c) return false;
    return high > last_sequenced ? low == c : c <= high;
}

template <typename Char>
struct matcher {
    int flags;
    const Char* name_start;  // for telling whether a '.' of the name is a leading one

    bool path_names() const { return flags & FNM_PATHNAME; }
    bool escapes() const { return !(flags & FNM_NOESCAPE); }

    unsigned fold(unsigned c) const { return (flags & FNM_CASEFOLD) ? lower_case(Char{}, c) : c; }

    // A '.' that only a '.' of the pattern may match (FNM_PERIOD).
    bool leading_period(const Char* at) const {
        if (!(flags & FNM_PERIOD) || *at != '.') return false;
        return at == name_start || (path_names() && at[-1] == '/');
    }

    // What a wildcard or a bracket expression may match at `at`: not a '/'
    // under FNM_PATHNAME, not a leading period.
    bool wildcard_may_take(const Char* at) const {
        return !(path_names() && *at == '/') && !leading_period(at);
    }

    bool match(const Char* pattern, const Char* pattern_end, const Char* name, const Char* name_end,
               bool whole_pattern) const;
    bool group_matches(Char kind, const Char* alternatives, const Char* group_end, const Char* name,
                       const Char* name_end) const;
    bool one_or_more(const Char* alternatives, const Char* group_end, const Char* name,
                     const Char* name_end) const;
    bool any_alternative(const Char* alternatives, const Char* group_end, const Char* name,
                         const Char* name_end) const;
};

// What a bracket expression found.
enum class bracket { matched, unmatched, not_a_bracket, invalid };

// The name of a "[:name:]" starting at `open` (its '['), and past its
// closing ":]": false unless it is lower-case letters so closed (otherwise
// the '[' is an ordinary member, as in glibc).
template <typename Char>
bool class_name_at(const Char* open, const Char* end, const Char** name, std::size_t* length,
                   const Char** after) {
    const Char* p = open + 2;
    while (p < end && *p >= 'a' && *p <= 'z') ++p;
    if (p + 1 >= end || p[0] != ':' || p[1] != ']') return false;
    *name = open + 2;
    *length = static_cast<std::size_t>(p - *name);
    *after = p + 2;
    return true;
}

// Reads the bracket expression that starts after the '[' at `start` (ending
// before `end`) and says whether the character `c` is in it; *after is set
// past its ']'. not_a_bracket when there is no closing ']' (the '[' is then
// an ordinary character); invalid for an unknown class name or a [. .] of
// more than one character, which match nothing. Under FNM_CASEFOLD the
// characters and the ends of ranges are compared in lower case (so [A-Z]
// takes every letter), while a class tests the name's own character.
template <typename Char>
bracket read_bracket(const matcher<Char>& m, const Char* start, const Char* end, unsigned c,
                     const Char** after) {
    const unsigned folded = m.fold(c);
    const Char* p = start;
    bool negated = p < end && (*p == '!' || *p == '^');
    if (negated) ++p;
    bool found = false;
    bool invalid = false;
    bool first = true;
    for (;;) {
        if (p >= end) return bracket::not_a_bracket;
        if (*p == ']' && !first) break;
        first = false;
        // One element: a class, or a character (alone or a range's start).
        unsigned low;
        const Char* name;
        std::size_t length;
        const Char* past;
        if (*p == '[' && p + 1 < end && p[1] == ':' && class_name_at(p, end, &name, &length, &past)) {
            bool known;
            found = in_class(Char{}, name, length, c, known) || found;
            if (!known) invalid = true;
            p = past;
            continue;
        }
        if (*p == '[' && p + 4 < end && p[1] == '=' && p[3] == '=' && p[4] == ']') {
            // Both locales' equivalence classes are single characters,
            // compared as written, even under FNM_CASEFOLD, as glibc does.
            found = found || code(p[2]) == c;
            p += 5;
            continue;
        }
        if (*p == '[' && p + 1 < end && p[1] == '.') {
            // So are their collating elements: "[.-.]" is '-'.
            const Char* close = p + 2;
            while (close + 1 < end && !(close[0] == '.' && close[1] == ']')) ++close;
            if (close + 1 >= end) return bracket::not_a_bracket;
            if (close - (p + 2) != 1) invalid = true;
            low = code(p[2]);
            p = close + 2;
        } else {
            if (*p == '\\' && m.escapes() && p + 1 < end) ++p;
            low = code(*p++);
        }
        // A range: '-' and then anything but the closing ']'.
        if (p + 1 < end && *p == '-' && p[1] != ']') {
            const Char* high_at = p + 1;
            unsigned high;
            if (*high_at == '[' && high_at + 1 < end && high_at[1] == '.') {
                const Char* close = high_at + 2;
                while (close + 1 < end && !(close[0] == '.' && close[1] == ']')) ++close;
                if (close + 1 >= end) return bracket::not_a_bracket;
                if (close - (high_at + 2) != 1) invalid = true;
                high = code(high_at[2]);
                p = close + 2;
            } else {
                if (*high_at == '\\' && m.escapes() && high_at + 1 < end) ++high_at;
                high = code(*high_at);
                p = high_at + 1;
            }
            found = found || range_holds(Char{}, m.fold(low), m.fold(high), folded);
            continue;
        }
        found = found || m.fold(low) == folded;
    }
    *after = p + 1;
    if (invalid) return bracket::invalid;
    return found != negated ? bracket::matched : bracket::unmatched;
}

// Past the bracket expression whose contents start at `start`, or null if it
// has no closing ']'.
template <typename Char>
const Char* skip_bracket(const matcher<Char>& m, const Char* start, const Char* end) {
    const Char* after = nullptr;
    return read_bracket(m, start, end, 'a', &after) == bracket::not_a_bracket ? nullptr : after;
}

template <typename Char>
bool is_group_letter(Char c) { return c == '?' || c == '*' || c == '+' || c == '@' || c == '!'; }

// Whether an extended group opens at `p`: its letter, then '('.
template <typename Char>
bool opens_group(const Char* p, const Char* end) {
    return p + 1 < end && is_group_letter(*p) && p[1] == '(';
}

// The ')' closing an extended group whose '(' is at `open`, or null if it
// has none (the group's letter and '(' are then ordinary characters). Only a
// group nests: a '(' without a letter before it, a bracket expression or a
// quoted character inside counts as nothing.
template <typename Char>
const Char* group_close(const matcher<Char>& m, const Char* open, const Char* end) {
    for (const Char* p = open + 1; p < end; ++p) {
        if (*p == '\\' && m.escapes()) {
            if (++p == end) return nullptr;
        } else if (*p == '[') {
            if (const Char* after = skip_bracket(m, p + 1, end)) p = after - 1;
        } else if (opens_group(p, end)) {
            p = group_close(m, p + 1, end);
            if (p == nullptr) return nullptr;
        } else if (*p == ')') {
            return p;
        }
    }
    return nullptr;
}

// The end of the alternative starting at `p`: the next '|' outside any
// nested group, or the group's ')' at `group_end`.
template <typename Char>
const Char* alternative_end(const matcher<Char>& m, const Char* p, const Char* group_end) {
    for (; p < group_end; ++p) {
        if (*p == '\\' && m.escapes()) {
            if (p + 1 < group_end) ++p;
        } else if (*p == '[') {
            if (const Char* after = skip_bracket(m, p + 1, group_end)) p = after - 1;
        } else if (opens_group(p, group_end)) {
            // Closed before group_end: the whole group was checked.
            p = group_close(m, p + 1, group_end);
        } else if (*p == '|') {
            break;
        }
    }
    return p;
}

// Whether one of the alternatives (between the group's '(' and `group_end`,
// its ')') matches exactly [name, name_end).
template <typename Char>
bool matcher<Char>::any_alternative(const Char* alternatives, const Char* group_end,
                                    const Char* name, const Char* name_end) const {
    for (const Char* p = alternatives;;) {
        const Char* end = alternative_end(*this, p, group_end);
        if (match(p, end, name, name_end, false)) return true;
        if (end >= group_end) return false;
        p = end + 1;
    }
}

// Whether [name, name_end) is one or more pieces, each matching an
// alternative. Each piece is at least one character, which ends the
// recursion; an empty name needs an alternative that matches nothing.
template <typename Char>
bool matcher<Char>::one_or_more(const Char* alternatives, const Char* group_end,
                                const Char* name, const Char* name_end) const {
    if (name == name_end) return any_alternative(alternatives, group_end, name, name_end);
    for (const Char* split = name + 1; split <= name_end; ++split) {
        if (any_alternative(alternatives, group_end, name, split) &&
            (split == name_end || one_or_more(alternatives, group_end, split, name_end)))
            return true;
    }
    return false;
}

template <typename Char>
bool matcher<Char>::group_matches(Char kind, const Char* alternatives, const Char* group_end,
                                  const Char* name, const Char* name_end) const {
    switch (kind) {
    case '@': return any_alternative(alternatives, group_end, name, name_end);
    case '?': return name == name_end || any_alternative(alternatives, group_end, name, name_end);
    case '+': return one_or_more(alternatives, group_end, name, name_end);
    case '*': return name == name_end || one_or_more(alternatives, group_end, name, name_end);
    default:
        // '!': anything none of them takes, whatever it holds, as glibc
        // has it: a '/' under FNM_PATHNAME, a leading period.
        return !any_alternative(alternatives, group_end, name, name_end);
    }
}

// Whether [pattern, pattern_end) matches [name, name_end). `whole_pattern`
// says the pattern is the caller's own, not a part of a group, so that
// FNM_LEADING_DIR applies at its end.
template <typename Char>
bool matcher<Char>::match(const Char* pattern, const Char* pattern_end, const Char* name,
                          const Char* name_end, bool whole_pattern) const {
    const Char* p = pattern;
    const Char* n = name;
    // Where to go on when what follows the last '*' fails: that star takes
    // one more character and the pattern after it is tried again.
    const Char* star_pattern = nullptr;
    const Char* star_name = nullptr;
    for (;;) {
        if (p == pattern_end) {
            if (n == name_end) return true;
            if (whole_pattern && (flags & FNM_LEADING_DIR) && *n == '/') return true;
        } else {
            Char c = *p;
            if ((flags & FNM_EXTMATCH) && opens_group(p, pattern_end)) {
                if (const Char* close = group_close(*this, p + 1, pattern_end)) {
                    // Every length the group could take, each with the rest
                    // after it: this settles the rest of the pattern.
                    for (const Char* end = n; end <= name_end; ++end) {
                        if (group_matches(c, p + 2, close, n, end) &&
                            match(close + 1, pattern_end, end, name_end, whole_pattern))
                            return true;
                    }
                    goto mismatch;
                }
            }
            switch (c) {
            case '*':
                // A star never starts at a leading period, even to match
                // nothing: ".*" is how a pattern takes a hidden name.
                if (n != name_end && leading_period(n)) goto mismatch;
                // A run of stars is one star (one at a time, since a '*('
                // group may come next).
                star_pattern = ++p;
                star_name = n;
                continue;
            case '?':
                if (n == name_end || !wildcard_may_take(n)) goto mismatch;
                ++p;
                ++n;
                continue;
            case '[': {
                // Out of the name, nothing matches; a '[' that opens no
                // bracket expression is compared as itself below.
                const Char* after = nullptr;
                unsigned here = n < name_end ? code(*n) : 0;
                bracket found = read_bracket(*this, p + 1, pattern_end, here, &after);
                if (found != bracket::not_a_bracket) {
                    if (n == name_end || !wildcard_may_take(n) || found != bracket::matched)
                        goto mismatch;
                    p = after;
                    ++n;
                    continue;
                }
                break;
            }
            case '\\':
                if (escapes()) {
                    // A trailing backslash matches nothing.
                    if (p + 1 == pattern_end) return false;
                    ++p;
                }
                break;
            default: break;
            }
            if (n != name_end && fold(code(*p)) == fold(code(*n))) {
                ++p;
                ++n;
                continue;
            }
        }
    mismatch:
        // The last star takes one more character, if it may: never a '/'
        // under FNM_PATHNAME (an earlier star cannot help either: it is in
        // an earlier part of the path) and never a leading period.
        if (star_pattern == nullptr || star_name == name_end || !wildcard_may_take(star_name))
            return false;
        ++star_name;
        p = star_pattern;
        n = star_name;
    }
}

template <typename Char>
bool matches(const Char* pattern, const Char* pattern_end, const Char* name, const Char* name_end,
             int flags) {
    const matcher<Char> m{flags, name};
    return m.match(pattern, pattern_end, name, name_end, true);
}

// A string as wide characters (from widen): in the caller's small array
// when it fits, else in memory of its own, freed with it. `wide` stays null
// when the string is not valid UTF-8 (mbsrtowcs's EILSEQ), which leaves the
// bytes to be matched alone, as glibc does.
struct wide_string {
    wchar_t* wide = nullptr;
    size_t length = 0;
    bool out_of_memory = false;
    wchar_t* allocated = nullptr;
    ~wide_string() { free(allocated); }
};

// Short names need no allocation (and cannot run out of memory); the two
// arrays stay small enough for a thread's stack.
constexpr size_t small_length = 128;

void widen(const char* bytes, wchar_t (&small)[small_length], wide_string& out) {
    mbstate_t state{};
    const char* rest = bytes;
    size_t length = mbsrtowcs(nullptr, &rest, 0, &state);
    if (length == static_cast<size_t>(-1)) return;
    wchar_t* into = small;
    if (length >= small_length) {
        into = out.allocated = static_cast<wchar_t*>(malloc((length + 1) * sizeof(wchar_t)));
        if (into == nullptr) {
            out.out_of_memory = true;
            return;
        }
    }
    state = mbstate_t{};
    rest = bytes;
    mbsrtowcs(into, &rest, length + 1, &state);
    out.wide = into;
    out.length = length;
}

}  // namespace

extern "C" {

int fnmatch(const char* pattern, const char* name, int flags) {
    if (lwp::libc::ctype_is_utf8()) {
        // Characters first; failing that (or for strings that are not
        // UTF-8) the bytes, as glibc's fnmatch does in a multibyte locale.
        wchar_t small_pattern[small_length], small_name[small_length];
        wide_string wide_pattern, wide_name;
        widen(pattern, small_pattern, wide_pattern);
        if (wide_pattern.wide != nullptr) widen(name, small_name, wide_name);
        if (wide_pattern.out_of_memory || wide_name.out_of_memory) {
            errno = ENOMEM;
            return -2;  // glibc's answer when it cannot convert
        }
        if (wide_name.wide != nullptr &&
            matches(wide_pattern.wide, wide_pattern.wide + wide_pattern.length, wide_name.wide,
                    wide_name.wide + wide_name.length, flags))
            return 0;
    }
    bool matched = matches(pattern, pattern + strlen(pattern), name, name + strlen(name), flags);
    return matched ? 0 : FNM_NOMATCH;
}

}  // extern "C"
