// fnmatch: whether a name matches a shell wildcard pattern, in the C locale
// (one byte is one character; classes and case from <ctype.h>).
//
// The pattern language: `*` (any run), `?` (any one), `[...]` bracket
// expressions (`!` or `^` first negates, `]` first is itself, `a-z` ranges by
// byte value, the classes `[:alpha:]` and the rest, `[=c=]` and `[.c.]` for one
// character), and `\` quoting the next character unless FNM_NOESCAPE. A `[`
// with no closing `]` is an ordinary character. The flags:
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
// The result is 0 for a match, FNM_NOMATCH otherwise; nothing here fails.
//
// The wildcard `*` is matched without recursion: the last `*` seen keeps the
// place to resume from, and a later `*` replaces it, because whatever an
// earlier `*` might have taken more of, the later one can take instead. So a
// pattern full of stars costs time proportional to the product of the two
// lengths at most, never the exponential time of trying every split. Only an
// extended group is tried at every end (recursively), since its parts may
// have any length.
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

#include <cstddef>

namespace {

struct matcher {
    int flags;
    const char* name_start;  // for telling whether a '.' of the name is a leading one

    bool path_names() const { return flags & FNM_PATHNAME; }
    bool escapes() const { return !(flags & FNM_NOESCAPE); }

    unsigned char fold(unsigned char c) const {
        return (flags & FNM_CASEFOLD) ? static_cast<unsigned char>(tolower(c)) : c;
    }

    // A '.' that only a '.' of the pattern may match (FNM_PERIOD).
    bool leading_period(const char* at) const {
        if (!(flags & FNM_PERIOD) || *at != '.') return false;
        return at == name_start || (path_names() && at[-1] == '/');
    }

    // What a wildcard or a bracket expression may match at `at`: not a '/'
    // under FNM_PATHNAME, not a leading period.
    bool wildcard_may_take(const char* at) const {
        return !(path_names() && *at == '/') && !leading_period(at);
    }

    bool match(const char* pattern, const char* pattern_end, const char* name, const char* name_end,
               bool whole_pattern) const;
    bool group_matches(char kind, const char* alternatives, const char* group_end, const char* name,
                       const char* name_end) const;
    bool one_or_more(const char* alternatives, const char* group_end, const char* name,
                     const char* name_end) const;
    bool any_alternative(const char* alternatives, const char* group_end, const char* name,
                         const char* name_end) const;
};

// The classes of [:name:], as <ctype.h> answers them.
bool in_class(const char* class_name, std::size_t length, unsigned char c, bool& known) {
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
            return each.test(c) != 0;
        }
    }
    known = false;
    return false;
}

// What a bracket expression found.
enum class bracket { matched, unmatched, not_a_bracket, invalid };

// The name of a "[:name:]" starting at `open` (its '['), and past its
// closing ":]": false unless it is lower-case letters so closed (otherwise
// the '[' is an ordinary member, as in glibc).
bool class_name_at(const char* open, const char* end, const char** name, std::size_t* length,
                   const char** after) {
    const char* p = open + 2;
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
bracket read_bracket(const matcher& m, const char* start, const char* end, unsigned char c,
                     const char** after) {
    const unsigned char folded = m.fold(c);
    const char* p = start;
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
        unsigned char low;
        const char* name;
        std::size_t length;
        const char* past;
        if (*p == '[' && p + 1 < end && p[1] == ':' && class_name_at(p, end, &name, &length, &past)) {
            bool known;
            found = in_class(name, length, c, known) || found;
            if (!known) invalid = true;
            p = past;
            continue;
        }
        if (*p == '[' && p + 4 < end && p[1] == '=' && p[3] == '=' && p[4] == ']') {
            // The C locale's equivalence classes are single characters.
            found = found || m.fold(static_cast<unsigned char>(p[2])) == folded;
            p += 5;
            continue;
        }
        if (*p == '[' && p + 1 < end && p[1] == '.') {
            // So are its collating elements: "[.-.]" is '-'.
            const char* close = p + 2;
            while (close + 1 < end && !(close[0] == '.' && close[1] == ']')) ++close;
            if (close + 1 >= end) return bracket::not_a_bracket;
            if (close - (p + 2) != 1) invalid = true;
            low = static_cast<unsigned char>(p[2]);
            p = close + 2;
        } else {
            if (*p == '\\' && m.escapes() && p + 1 < end) ++p;
            low = static_cast<unsigned char>(*p++);
        }
        // A range: '-' and then anything but the closing ']'.
        if (p + 1 < end && *p == '-' && p[1] != ']') {
            const char* high_at = p + 1;
            unsigned char high;
            if (*high_at == '[' && high_at + 1 < end && high_at[1] == '.') {
                const char* close = high_at + 2;
                while (close + 1 < end && !(close[0] == '.' && close[1] == ']')) ++close;
                if (close + 1 >= end) return bracket::not_a_bracket;
                if (close - (high_at + 2) != 1) invalid = true;
                high = static_cast<unsigned char>(high_at[2]);
                p = close + 2;
            } else {
                if (*high_at == '\\' && m.escapes() && high_at + 1 < end) ++high_at;
                high = static_cast<unsigned char>(*high_at);
                p = high_at + 1;
            }
            found = found || (m.fold(low) <= folded && folded <= m.fold(high));
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
const char* skip_bracket(const matcher& m, const char* start, const char* end) {
    const char* after = nullptr;
    return read_bracket(m, start, end, 'a', &after) == bracket::not_a_bracket ? nullptr : after;
}

bool is_group_letter(char c) { return c == '?' || c == '*' || c == '+' || c == '@' || c == '!'; }

// Whether an extended group opens at `p`: its letter, then '('.
bool opens_group(const char* p, const char* end) {
    return p + 1 < end && is_group_letter(*p) && p[1] == '(';
}

// The ')' closing an extended group whose '(' is at `open`, or null if it
// has none (the group's letter and '(' are then ordinary characters). Only a
// group nests: a '(' without a letter before it, a bracket expression or a
// quoted character inside counts as nothing.
const char* group_close(const matcher& m, const char* open, const char* end) {
    for (const char* p = open + 1; p < end; ++p) {
        if (*p == '\\' && m.escapes()) {
            if (++p == end) return nullptr;
        } else if (*p == '[') {
            if (const char* after = skip_bracket(m, p + 1, end)) p = after - 1;
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
const char* alternative_end(const matcher& m, const char* p, const char* group_end) {
    for (; p < group_end; ++p) {
        if (*p == '\\' && m.escapes()) {
            if (p + 1 < group_end) ++p;
        } else if (*p == '[') {
            if (const char* after = skip_bracket(m, p + 1, group_end)) p = after - 1;
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
bool matcher::any_alternative(const char* alternatives, const char* group_end, const char* name,
                              const char* name_end) const {
    for (const char* p = alternatives;;) {
        const char* end = alternative_end(*this, p, group_end);
        if (match(p, end, name, name_end, false)) return true;
        if (end >= group_end) return false;
        p = end + 1;
    }
}

// Whether [name, name_end) is one or more pieces, each matching an
// alternative. Each piece is at least one character, which ends the
// recursion; an empty name needs an alternative that matches nothing.
bool matcher::one_or_more(const char* alternatives, const char* group_end, const char* name,
                          const char* name_end) const {
    if (name == name_end) return any_alternative(alternatives, group_end, name, name_end);
    for (const char* split = name + 1; split <= name_end; ++split) {
        if (any_alternative(alternatives, group_end, name, split) &&
            (split == name_end || one_or_more(alternatives, group_end, split, name_end)))
            return true;
    }
    return false;
}

bool matcher::group_matches(char kind, const char* alternatives, const char* group_end,
                            const char* name, const char* name_end) const {
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
bool matcher::match(const char* pattern, const char* pattern_end, const char* name,
                    const char* name_end, bool whole_pattern) const {
    const char* p = pattern;
    const char* n = name;
    // Where to go on when what follows the last '*' fails: that star takes
    // one more character and the pattern after it is tried again.
    const char* star_pattern = nullptr;
    const char* star_name = nullptr;
    for (;;) {
        if (p == pattern_end) {
            if (n == name_end) return true;
            if (whole_pattern && (flags & FNM_LEADING_DIR) && *n == '/') return true;
        } else {
            char c = *p;
            if ((flags & FNM_EXTMATCH) && opens_group(p, pattern_end)) {
                if (const char* close = group_close(*this, p + 1, pattern_end)) {
                    // Every length the group could take, each with the rest
                    // after it: this settles the rest of the pattern.
                    for (const char* end = n; end <= name_end; ++end) {
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
                const char* after = nullptr;
                unsigned char here = n < name_end ? static_cast<unsigned char>(*n) : 0;
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
            if (n != name_end && fold(static_cast<unsigned char>(*p)) == fold(static_cast<unsigned char>(*n))) {
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

}  // namespace

extern "C" {

int fnmatch(const char* pattern, const char* name, int flags) {
    const matcher m{flags, name};
    bool matched = m.match(pattern, pattern + strlen(pattern), name, name + strlen(name), true);
    return matched ? 0 : FNM_NOMATCH;
}

}  // extern "C"
