// regcomp and regfree, and the compiler they share with the GNU interfaces
// (re_compile_pattern, re_comp): regular expressions compiled to lwp's NFA
// program (regex_program.hpp), in the C locale (one byte one character).
//
// The syntax is given by glibc's syntax bits (reg_syntax_t), which regcomp
// sets as glibc does: RE_SYNTAX_POSIX_BASIC without REG_EXTENDED,
// RE_SYNTAX_POSIX_EXTENDED with it, GNU operators included. The parser
// follows the same decisions glibc's makes, token by token and bit by bit,
// so that what is an operator, what is an ordinary character and what is an
// error come out the same. For regcomp's two syntaxes:
//   - BRE: `\( \) \{ \} \| \+ \?` are operators, `( ) { } | + ?` ordinary;
//     `^` anchors only first in the expression or right after `\(` or `\|`,
//     `$` only last or right before `\)` or `\|`; a `*` where nothing
//     precedes it is ordinary; `a**` and `a*\{2\}` are REG_BADRPT.
//   - ERE: `^` and `$` anchor anywhere; `*`, `+`, `?` or `{` with nothing
//     before them are REG_BADRPT; an unmatched `)` is ordinary.
//   - both: back-references `\1`-`\9` to a group already closed on the same
//     branch, `\w \W \s \S \b \B \< \> \` \'`; any other escaped character
//     is itself. An anchor is never repeated (what follows it starts anew).
//   - `{m,n}` becomes m copies then n-m optional ones (or a loop), as glibc
//     expands it, because which copy matched shows in the subexpressions.
//   - REG_ICASE upper-cases the pattern's ordinary characters (also in
//     brackets, so `[Z-a]` is `[Z-A]`, an invalid range) but not escaped
//     ones (`\a` then matches nothing) nor class names, where `upper` and
//     `lower` become `alpha`. Every quirk here is glibc's.
// Every bit glibc's compiler looks at is honoured the same way (each
// `has(RE_...)` below): RE_BACKSLASH_ESCAPE_IN_LISTS, RE_BK_PLUS_QM,
// RE_CHAR_CLASSES, RE_CONTEXT_INDEP_ANCHORS, RE_CONTEXT_INDEP_OPS (a
// leading repetition is dropped), RE_CONTEXT_INVALID_OPS, RE_DOT_NEWLINE,
// RE_DOT_NOT_NULL, RE_HAT_LISTS_NOT_NEWLINE, RE_INTERVALS, RE_LIMITED_OPS,
// RE_NEWLINE_ALT, RE_NO_BK_BRACES, RE_NO_BK_PARENS, RE_NO_BK_REFS,
// RE_NO_BK_VBAR, RE_NO_EMPTY_RANGES, RE_UNMATCHED_RIGHT_PAREN_ORD,
// RE_NO_GNU_OPS, RE_INVALID_INTERVAL_ORD, RE_ICASE, RE_CARET_ANCHORS_HERE
// and RE_CONTEXT_INVALID_DUP (RE_NO_SUB is the callers'; RE_DEBUG and
// RE_NO_POSIX_BACKTRACKING change nothing, as in glibc). A translation
// table (the buffer's `translate`) applies to the pattern's bytes as glibc
// applies it: not to an escaped character nor a class name, nor to the
// bytes between a range's ends.
// Parsing builds a tree first (the copies of a repeated element are emitted
// from it); the program is one malloc'd block, the tree is freed at once.
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

#include "locale_state.hpp"
#include "regex_program.hpp"
#include "unicode_ctype.hpp"

namespace {

using namespace lwp_regex;

// regex_t is glibc's struct re_pattern_buffer; these are the fields set here.
static_assert(offsetof(regex_t, buffer) == 0, "glibc's regex_t layout");
static_assert(offsetof(regex_t, allocated) == 8, "glibc's regex_t layout");
static_assert(offsetof(regex_t, used) == 16, "glibc's regex_t layout");
static_assert(offsetof(regex_t, syntax) == 24, "glibc's regex_t layout");
static_assert(offsetof(regex_t, fastmap) == 32, "glibc's regex_t layout");
static_assert(offsetof(regex_t, translate) == 40, "glibc's regex_t layout");
static_assert(offsetof(regex_t, re_nsub) == 48, "glibc's regex_t layout");
static_assert(sizeof(regex_t) == 64, "glibc's regex_t layout");

enum class token_kind {
    character,
    end,
    trailing_backslash,
    alternation,
    back_reference,
    anchor,
    word_set,
    not_word_set,
    space_set,
    not_space_set,
    open_group,
    close_group,
    star,
    plus,
    question,
    open_interval,
    close_interval,
    open_bracket,
    period,
};

struct token {
    token_kind kind;
    unsigned char c;   // the character (for ordinary ones, and what an operator is written as)
    int value;         // back-reference number, anchor kind
    std::size_t length;
};

enum class node_kind : std::uint8_t {
    byte,
    byte_set,
    wide_set,      // multibyte programs: first is the wide set's number
    concatenation,
    alternation,   // second may be "none": an empty alternative
    repetition,
    group,         // first may be "none": `()`
    back_reference,
    assertion,
};

constexpr int none = -1;

// C.UTF-8's towupper.
std::uint32_t unicode_upper(std::uint32_t character) {
    return static_cast<std::uint32_t>(lwp::libc::unicode_to_upper(static_cast<wint_t>(character)));
}

struct node {
    node_kind kind;
    std::int32_t first;
    std::int32_t second;
    std::int32_t minimum;  // repetition; group number for a group; a byte_set's flags
    std::int32_t maximum;  // -1 for no limit
};

struct compiler {
    const unsigned char* pattern;
    std::size_t length;
    std::size_t at = 0;
    unsigned long syntax;                 // glibc's reg_syntax_t bits
    const unsigned char* translate;       // glibc's translate table, or null
    bool fold_case;                       // RE_ICASE
    int error = 0;

    node* nodes = nullptr;
    std::size_t node_count = 0;
    std::size_t node_capacity = 0;
    byte_set* sets = nullptr;
    std::size_t set_count = 0;
    std::size_t set_capacity = 0;

    std::size_t group_count = 0;
    // Which groups 1-9 have been closed on the branch being parsed: only
    // those may be referred back to (glibc's rule).
    unsigned completed_groups = 0;
    bool has_back_references = false;

    // C.UTF-8 (see wide_set in regex_program.hpp). glibc runs a pattern
    // without case folding, word anchors, \w \W \s \S or brackets needing
    // more than a byte map as bytes, and its `.` there takes any sequence
    // of UTF-8's shape, surrogates included; elsewhere it decodes as
    // mbrtowc. `byte_wise` tracks whether the pattern is of the first kind.
    bool multibyte = false;
    bool byte_wise = true;
    struct wide_set* wide_sets = nullptr;
    std::size_t wide_set_count = 0;
    std::size_t wide_set_capacity = 0;
    std::uint32_t* wide_chars = nullptr;
    std::size_t wide_char_count = 0;
    std::size_t wide_char_capacity = 0;

    instruction* code = nullptr;
    std::size_t code_count = 0;
    std::size_t code_capacity = 0;
    std::size_t loop_count = 0;

    ~compiler() {
        free(nodes);
        free(sets);
        free(wide_sets);
        free(wide_chars);
        free(code);
    }

    bool has(unsigned long bits) const { return (syntax & bits) != 0; }

    // A pattern byte as glibc's parser sees it: translated, then
    // upper-cased under RE_ICASE.
    unsigned char fold(unsigned char c) const {
        if (translate) c = translate[c];
        return fold_case ? upper_case(c) : c;
    }

    int fail(int code_) {
        if (error == 0) error = code_;
        return none;
    }

    int add_node(node_kind kind, int first, int second, int minimum = 0, int maximum = 0) {
        if (node_count == node_capacity) {
            std::size_t capacity = node_capacity ? node_capacity * 2 : 32;
            void* grown = realloc(nodes, capacity * sizeof(node));
            if (!grown) return fail(REG_ESPACE);
            nodes = static_cast<node*>(grown);
            node_capacity = capacity;
        }
        nodes[node_count] = node{kind, first, second, minimum, maximum};
        return static_cast<int>(node_count++);
    }

    // A new empty byte set; its number, or -1 out of memory.
    int add_set() {
        if (set_count == set_capacity) {
            std::size_t capacity = set_capacity ? set_capacity * 2 : 8;
            void* grown = realloc(sets, capacity * sizeof(byte_set));
            if (!grown) {
                fail(REG_ESPACE);
                return -1;
            }
            sets = static_cast<byte_set*>(grown);
            set_capacity = capacity;
        }
        sets[set_count] = byte_set{{0, 0, 0, 0}};
        return static_cast<int>(set_count++);
    }

    // Appends a character beyond ASCII to the list being gathered.
    bool add_wide_char(std::uint32_t character) {
        if (wide_char_count == wide_char_capacity) {
            std::size_t capacity = wide_char_capacity ? wide_char_capacity * 2 : 16;
            void* grown = realloc(wide_chars, capacity * sizeof(std::uint32_t));
            if (!grown) {
                fail(REG_ESPACE);
                return false;
            }
            wide_chars = static_cast<std::uint32_t*>(grown);
            wide_char_capacity = capacity;
        }
        wide_chars[wide_char_count++] = character;
        return true;
    }

    // A wide set node over byte set `ascii` (its bytes from 0x80 cleared)
    // and the characters listed from wide_chars[first_char] on (sorted
    // here); none and an error code out of memory.
    int add_wide_set_node(int ascii, std::uint32_t classes, std::uint8_t flags, std::size_t first_char) {
        sets[ascii].bits[2] = sets[ascii].bits[3] = 0;
        if (wide_set_count == wide_set_capacity) {
            std::size_t capacity = wide_set_capacity ? wide_set_capacity * 2 : 8;
            void* grown = realloc(wide_sets, capacity * sizeof(struct wide_set));
            if (!grown) return fail(REG_ESPACE);
            wide_sets = static_cast<struct wide_set*>(grown);
            wide_set_capacity = capacity;
        }
        // Insertion sort: lists are short, and regexec searches them by halves.
        for (std::size_t i = first_char + 1; i < wide_char_count; ++i)
            for (std::size_t j = i; j > first_char && wide_chars[j - 1] > wide_chars[j]; --j) {
                std::uint32_t swapped = wide_chars[j];
                wide_chars[j] = wide_chars[j - 1];
                wide_chars[j - 1] = swapped;
            }
        if (fold_case) flags |= wide_fold;
        wide_sets[wide_set_count] = wide_set{static_cast<std::uint32_t>(ascii), classes,
                                             static_cast<std::uint32_t>(first_char),
                                             static_cast<std::uint32_t>(wide_char_count - first_char), flags, {0, 0, 0}};
        return add_node(node_kind::wide_set, static_cast<int>(wide_set_count++), 0);
    }

    // The one character `character` as a wide set (REG_ICASE in C.UTF-8,
    // where glibc compares characters upper-cased).
    int single_character_node(std::uint32_t character) {
        int set = add_set();
        if (set < 0) return none;
        std::size_t first_char = wide_char_count;
        if (character < 0x80) sets[set].add(static_cast<unsigned char>(character));
        else if (!add_wide_char(character)) return none;
        return add_wide_set_node(set, 0, 0, first_char);
    }

    token peek(std::size_t position, bool caret_anchors) const;
    token next(bool caret_anchors = false) const { return peek(at, caret_anchors); }

    int parse_alternatives(token& current, int depth);
    int parse_branch(token& current, int depth);
    int parse_expression(token& current, int depth);
    int parse_group(token& current, int depth);
    int parse_repetition(int element, token& current);
    int parse_bracket();
    int class_set(const char* name, std::uint32_t* classes = nullptr);
    long read_count(token& current);

    bool emit_node(int index, bool optional, bool copy);
    bool emit_repetition(const node& repeated, bool copy);
    int emit(opcode code_, std::uint8_t flag, int first, int second);
};

// What the pattern holds at `position`, classified as glibc's regcomp
// classifies it for the syntax at hand. `caret_anchors` is set for the token
// right after a group opens or an alternative starts (where a BRE `^`
// anchors).
token compiler::peek(std::size_t position, bool caret_anchors) const {
    token t{token_kind::character, 0, 0, 1};
    if (position >= length) {
        t.kind = token_kind::end;
        t.length = 0;
        return t;
    }
    unsigned char c = fold(pattern[position]);
    t.c = c;
    if (c == '\\') {
        if (position + 1 >= length) {
            t.kind = token_kind::trailing_backslash;
            return t;
        }
        // The escaped character keeps its case even under REG_ICASE, and
        // is not translated either (glibc reads it from the raw pattern).
        unsigned char escaped = pattern[position + 1];
        t.c = escaped;
        t.length = 2;
        bool gnu = !has(RE_NO_GNU_OPS);
        bool intervals = has(RE_INTERVALS) && !has(RE_NO_BK_BRACES);
        bool plus_question = !has(RE_LIMITED_OPS) && has(RE_BK_PLUS_QM);
        switch (escaped) {
        case '|':
            if (!has(RE_LIMITED_OPS | RE_NO_BK_VBAR)) t.kind = token_kind::alternation;
            break;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            if (!has(RE_NO_BK_REFS)) {
                t.kind = token_kind::back_reference;
                t.value = escaped - '0';
            }
            break;
        case '<': if (gnu) { t.kind = token_kind::anchor; t.value = word_start; } break;
        case '>': if (gnu) { t.kind = token_kind::anchor; t.value = word_end; } break;
        case 'b': if (gnu) { t.kind = token_kind::anchor; t.value = -1; } break;  // \b, two assertions
        case 'B': if (gnu) { t.kind = token_kind::anchor; t.value = -2; } break;  // \B
        case '`': if (gnu) { t.kind = token_kind::anchor; t.value = buffer_start; } break;
        case '\'': if (gnu) { t.kind = token_kind::anchor; t.value = buffer_end; } break;
        case 'w': if (gnu) t.kind = token_kind::word_set; break;
        case 'W': if (gnu) t.kind = token_kind::not_word_set; break;
        case 's': if (gnu) t.kind = token_kind::space_set; break;
        case 'S': if (gnu) t.kind = token_kind::not_space_set; break;
        case '(': if (!has(RE_NO_BK_PARENS)) t.kind = token_kind::open_group; break;
        case ')': if (!has(RE_NO_BK_PARENS)) t.kind = token_kind::close_group; break;
        case '+': if (plus_question) t.kind = token_kind::plus; break;
        case '?': if (plus_question) t.kind = token_kind::question; break;
        case '{': if (intervals) t.kind = token_kind::open_interval; break;
        case '}': if (intervals) t.kind = token_kind::close_interval; break;
        default: break;
        }
        return t;
    }
    bool intervals = has(RE_INTERVALS) && has(RE_NO_BK_BRACES);
    bool plus_question = !has(RE_LIMITED_OPS) && !has(RE_BK_PLUS_QM);
    switch (c) {
    case '\n': if (has(RE_NEWLINE_ALT)) t.kind = token_kind::alternation; break;
    case '|': if (!has(RE_LIMITED_OPS) && has(RE_NO_BK_VBAR)) t.kind = token_kind::alternation; break;
    case '*': t.kind = token_kind::star; break;
    case '+': if (plus_question) t.kind = token_kind::plus; break;
    case '?': if (plus_question) t.kind = token_kind::question; break;
    case '{': if (intervals) t.kind = token_kind::open_interval; break;
    case '}': if (intervals) t.kind = token_kind::close_interval; break;
    case '(': if (has(RE_NO_BK_PARENS)) t.kind = token_kind::open_group; break;
    case ')': if (has(RE_NO_BK_PARENS)) t.kind = token_kind::close_group; break;
    case '[': t.kind = token_kind::open_bracket; break;
    case '.': t.kind = token_kind::period; break;
    case '^':
        // First in the pattern, after an opening group or an alternation
        // operator, anywhere with RE_CONTEXT_INDEP_ANCHORS, and after a
        // newline that is an alternation operator (RE_NEWLINE_ALT).
        if (has(RE_CONTEXT_INDEP_ANCHORS | RE_CARET_ANCHORS_HERE) || position == 0 || caret_anchors ||
            (has(RE_NEWLINE_ALT) && fold(pattern[position - 1]) == '\n')) {
            t.kind = token_kind::anchor;
            t.value = line_start;
        }
        break;
    case '$':
        if (!has(RE_CONTEXT_INDEP_ANCHORS) && position + 1 != length) {
            token following = peek(position + 1, false);
            if (following.kind != token_kind::alternation && following.kind != token_kind::close_group)
                break;
        }
        t.kind = token_kind::anchor;
        t.value = line_end;
        break;
    default:
        break;
    }
    return t;
}

// alternatives: branch ('|' branch)*
int compiler::parse_alternatives(token& current, int depth) {
    unsigned groups_before = completed_groups;
    int tree = parse_branch(current, depth);
    if (error) return none;
    while (current.kind == token_kind::alternation) {
        at += current.length;
        current = next(true);
        int branch = none;
        if (current.kind != token_kind::alternation && current.kind != token_kind::end &&
            (depth == 0 || current.kind != token_kind::close_group)) {
            // Groups closed on an earlier alternative are not referable here.
            unsigned accumulated = completed_groups;
            completed_groups = groups_before;
            branch = parse_branch(current, depth);
            if (error) return none;
            completed_groups |= accumulated;
        }
        tree = add_node(node_kind::alternation, tree, branch);
        if (error) return none;
    }
    return tree;
}

// branch: expression+
int compiler::parse_branch(token& current, int depth) {
    int tree = parse_expression(current, depth);
    if (error) return none;
    while (current.kind != token_kind::alternation && current.kind != token_kind::end &&
           (depth == 0 || current.kind != token_kind::close_group)) {
        int expression = parse_expression(current, depth);
        if (error) return none;
        if (tree != none && expression != none)
            tree = add_node(node_kind::concatenation, tree, expression);
        else if (tree == none)
            tree = expression;
        if (error) return none;
    }
    return tree;
}

int compiler::parse_expression(token& current, int depth) {
    int tree = none;
    switch (current.kind) {
    case token_kind::character:
        if (multibyte && current.c >= 0x80) {
            // A whole UTF-8 character is one element (`é*` repeats both of
            // its bytes); a byte that starts none stays a byte.
            std::uint32_t character;
            int bytes = decode_character(pattern + at, length - at, &character, false);
            if (bytes > 0) {
                current.length = static_cast<std::size_t>(bytes);
                if (fold_case) {
                    byte_wise = false;
                    tree = single_character_node(unicode_upper(character));
                } else {
                    tree = add_node(node_kind::byte, pattern[at], 0);
                    for (int i = 1; i < bytes && !error; ++i)
                        tree = add_node(node_kind::concatenation, tree, add_node(node_kind::byte, pattern[at + i], 0));
                }
                break;
            }
        } else if (multibyte && fold_case && (current.c == 'I' || current.c == 'S')) {
            // Dotless i and long s upper-case to I and S.
            tree = single_character_node(current.c);
            break;
        }
        tree = add_node(node_kind::byte, current.c, 0);
        break;
    case token_kind::open_group:
        tree = parse_group(current, depth + 1);
        break;
    case token_kind::open_bracket:
        at += current.length;
        tree = parse_bracket();
        if (error) return none;
        current = next();
        goto repetitions;
    case token_kind::back_reference:
        if (!(completed_groups & (1u << current.value))) return fail(REG_ESUBREG);
        has_back_references = true;
        tree = add_node(node_kind::back_reference, current.value, 0);
        break;
    case token_kind::open_interval:
        if (has(RE_CONTEXT_INVALID_DUP)) return fail(REG_BADRPT);
        [[fallthrough]];
    case token_kind::star:
    case token_kind::plus:
    case token_kind::question:
        // A repetition with nothing before it: an error (ERE), dropped
        // (RE_CONTEXT_INDEP_OPS without RE_CONTEXT_INVALID_OPS, as in
        // egrep's syntax) or an ordinary character (BRE).
        if (has(RE_CONTEXT_INVALID_OPS)) return fail(REG_BADRPT);
        if (has(RE_CONTEXT_INDEP_OPS)) {
            at += current.length;
            current = next();
            return parse_expression(current, depth);
        }
        tree = add_node(node_kind::byte, current.c, 0);
        break;
    case token_kind::close_group:
        // Only reached for a `)` that closes nothing.
        if (!has(RE_UNMATCHED_RIGHT_PAREN_ORD)) return fail(REG_ERPAREN);
        tree = add_node(node_kind::byte, current.c, 0);
        break;
    case token_kind::close_interval:
        tree = add_node(node_kind::byte, current.c, 0);
        break;
    case token_kind::anchor: {
        if (current.value != line_start && current.value != line_end && current.value != buffer_start &&
            current.value != buffer_end)
            byte_wise = false;
        if (current.value == -1 || current.value == -2) {
            bool boundary = current.value == -1;
            int left = add_node(node_kind::assertion, boundary ? word_start : inside_word, 0);
            int right = add_node(node_kind::assertion, boundary ? word_end : outside_word, 0);
            tree = add_node(node_kind::alternation, left, right);
        } else {
            tree = add_node(node_kind::assertion, current.value, 0);
        }
        if (error) return none;
        // An anchor takes no repetition: whatever follows starts anew.
        at += current.length;
        current = next();
        return tree;
    }
    case token_kind::period: {
        int set = add_set();
        if (set < 0) return none;
        for (int c = 0; c < 256; ++c) sets[set].add(static_cast<unsigned char>(c));
        // The NUL byte only without RE_DOT_NOT_NULL, a newline only with
        // RE_DOT_NEWLINE (which REG_NEWLINE takes away).
        if (has(RE_DOT_NOT_NULL)) sets[set].bits[0] &= ~std::uint64_t{1};
        if (!has(RE_DOT_NEWLINE)) sets[set].bits[0] &= ~(std::uint64_t{1} << '\n');
        if (multibyte) {
            // wide_surrogates is settled once the whole pattern is read.
            tree = add_wide_set_node(set, 0, wide_negated, wide_char_count);
            break;
        }
        tree = add_node(node_kind::byte_set, set, 0, any_byte);
        break;
    }
    case token_kind::word_set:
    case token_kind::not_word_set:
    case token_kind::space_set:
    case token_kind::not_space_set: {
        bool word = current.kind == token_kind::word_set || current.kind == token_kind::not_word_set;
        bool negated = current.kind == token_kind::not_word_set || current.kind == token_kind::not_space_set;
        int set = add_set();
        if (set < 0) return none;
        // The class's bytes go through the translation table, as glibc
        // builds them; the '_' of \w does not.
        for (int c = 0; c < 256; ++c) {
            auto b = static_cast<unsigned char>(c);
            bool in = word ? is_word_byte(b) && b != '_' : (b == ' ' || (b >= '\t' && b <= '\r'));
            if (in) sets[set].add(translate ? translate[b] : b);
        }
        if (word) sets[set].add('_');
        if (negated)
            for (std::uint64_t& bits : sets[set].bits) bits = ~bits;
        if (multibyte) {
            // glibc's \w is [_[:alnum:]], \s [[:space:]], for every character.
            byte_wise = false;
            tree = add_wide_set_node(set, word ? _ISalnum : _ISspace, negated ? wide_negated : 0, wide_char_count);
            break;
        }
        tree = add_node(node_kind::byte_set, set, 0);
        break;
    }
    case token_kind::alternation:
    case token_kind::end:
        return none;
    case token_kind::trailing_backslash:
        return fail(REG_EESCAPE);
    }
    if (error) return none;
    at += current.length;
    current = next();
repetitions:
    while (current.kind == token_kind::star || current.kind == token_kind::plus ||
           current.kind == token_kind::question || current.kind == token_kind::open_interval) {
        tree = parse_repetition(tree, current);
        if (error) return none;
        // A BRE repetition may not be repeated again with `*` or `\{`.
        if (has(RE_CONTEXT_INVALID_DUP) &&
            (current.kind == token_kind::star || current.kind == token_kind::open_interval))
            return fail(REG_BADRPT);
    }
    return tree;
}

// A group, from its opening token; `current` ends on what follows it.
int compiler::parse_group(token& current, int depth) {
    std::size_t number = ++group_count;
    at += current.length;
    current = next(true);
    int inside = none;
    if (current.kind != token_kind::close_group) {
        inside = parse_alternatives(current, depth);
        if (error) return none;
        if (current.kind != token_kind::close_group) return fail(REG_EPAREN);
    }
    if (number <= 9) completed_groups |= 1u << number;
    int tree = add_node(node_kind::group, inside, 0, static_cast<int>(number));
    return tree;
}

// The number of a `{m,n}`: -1 when there are no digits, -2 when something
// else than digits comes before the `,` or the closing brace (or the
// pattern ends). Larger than the maximum is kept just above it.
long compiler::read_count(token& current) {
    long number = -1;
    for (;;) {
        at += current.length;
        current = next();
        if (current.kind == token_kind::end) return -2;
        if (current.kind == token_kind::close_interval || current.c == ',') break;
        if (current.kind != token_kind::character || current.c < '0' || current.c > '9' || number == -2)
            number = -2;
        else if (number == -1)
            number = current.c - '0';
        else {
            number = number * 10 + (current.c - '0');
            if (number > repetition_maximum + 1) number = repetition_maximum + 1;
        }
    }
    return number;
}

int compiler::parse_repetition(int element, token& current) {
    long minimum, maximum;
    std::size_t interval_at = at;
    token interval = current;
    if (current.kind == token_kind::open_interval) {
        maximum = 0;
        minimum = read_count(current);
        if (minimum == -1) {
            if (current.kind == token_kind::character && current.c == ',') minimum = 0;  // {,n}
            else return fail(REG_BADBR);
        }
        if (minimum != -2) {
            if (current.kind == token_kind::close_interval) maximum = minimum;
            else if (current.kind == token_kind::character && current.c == ',') maximum = read_count(current);
            else maximum = -2;
        }
        if ((minimum == -2 || maximum == -2) && has(RE_INVALID_INTERVAL_ORD)) {
            // Not an interval after all: its `{` is an ordinary character
            // and the parse goes on right after it.
            at = interval_at;
            current = interval;
            current.kind = token_kind::character;
            return element;
        }
        if (minimum == -2 || maximum == -2)
            return fail(current.kind == token_kind::end ? REG_EBRACE : REG_BADBR);
        if ((maximum != -1 && minimum > maximum) || current.kind != token_kind::close_interval)
            return fail(REG_BADBR);
        if ((maximum == -1 ? minimum : maximum) > repetition_maximum) return fail(REG_ESIZE);
    } else {
        minimum = current.kind == token_kind::plus ? 1 : 0;
        maximum = current.kind == token_kind::question ? 1 : -1;
    }
    at += current.length;
    current = next();
    if (element == none) return none;
    if (minimum == 0 && maximum == 0) return none;
    return add_node(node_kind::repetition, element, 0, static_cast<int>(minimum), static_cast<int>(maximum));
}

// The set of a character class by name ("alpha", ...); -1 (and REG_ECTYPE)
// for an unknown name.
int compiler::class_set(const char* name, std::uint32_t* classes_bits) {
    struct named_class {
        const char* name;
        bool (*test)(unsigned char);
        std::uint32_t bits;  // the class in unicode_classes(), for C.UTF-8
    };
    static constexpr named_class classes[] = {
        {"alnum", [](unsigned char c) { return is_word_byte(c) && c != '_'; }, _ISalnum},
        {"alpha", [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }, _ISalpha},
        {"blank", [](unsigned char c) { return c == ' ' || c == '\t'; }, _ISblank},
        {"cntrl", [](unsigned char c) { return c < 0x20 || c == 0x7f; }, _IScntrl},
        {"digit", [](unsigned char c) { return c >= '0' && c <= '9'; }, _ISdigit},
        {"graph", [](unsigned char c) { return c > 0x20 && c < 0x7f; }, _ISgraph},
        {"lower", [](unsigned char c) { return c >= 'a' && c <= 'z'; }, _ISlower},
        {"print", [](unsigned char c) { return c >= 0x20 && c < 0x7f; }, _ISprint},
        {"punct", [](unsigned char c) { return c > 0x20 && c < 0x7f && (c == '_' || !is_word_byte(c)); }, _ISpunct},
        {"space", [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }, _ISspace},
        {"upper", [](unsigned char c) { return c >= 'A' && c <= 'Z'; }, _ISupper},
        {"xdigit", [](unsigned char c) {
             return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
         }, _ISxdigit},
    };
    // Under REG_ICASE the subject is compared upper-cased, so "lower" alone
    // could never match: glibc widens both cases to "alpha".
    if (fold_case && (strcmp(name, "upper") == 0 || strcmp(name, "lower") == 0)) name = "alpha";
    for (const named_class& each : classes) {
        if (strcmp(each.name, name) != 0) continue;
        if (classes_bits) *classes_bits = each.bits;
        int set = add_set();
        if (set < 0) return -1;
        for (int c = 0; c < 256; ++c)
            if (each.test(static_cast<unsigned char>(c)))
                sets[set].add(translate ? translate[c] : static_cast<unsigned char>(c));
        return set;
    }
    fail(REG_ECTYPE);
    return -1;
}

// Tokens inside a bracket expression.
enum class bracket_token { character, end, close, range, negate, open_collating, open_equivalence, open_class };

struct bracket_element {
    enum { single, collating, equivalence, character_class } kind;
    char name[33];
    unsigned char c;
    std::uint32_t wide;  // in C.UTF-8, a single character beyond ASCII (else 0)
};


// A bracket expression, from just past its '['. The elements are read as
// glibc reads them: a ']' first is itself, a '-' first or last is itself and
// elsewhere starts a range (or is REG_ERANGE), `[:name:]`, `[=c=]` and
// `[.c.]` need their closing `:]`, `=]`, `.]` (else REG_EBRACK), and a name
// of 32 characters or more is REG_EBRACK too.
int compiler::parse_bracket() {
    auto peek_bracket = [this](std::size_t& token_length, unsigned char& c) {
        token_length = 1;
        if (at >= length) {
            token_length = 0;
            return bracket_token::end;
        }
        c = fold(pattern[at]);
        // RE_BACKSLASH_ESCAPE_IN_LISTS: `\x` is the character x (unless the
        // pattern ends there), two bytes long.
        if (c == '\\' && has(RE_BACKSLASH_ESCAPE_IN_LISTS) && at + 1 < length) {
            c = fold(pattern[at + 1]);
            token_length = 2;
            return bracket_token::character;
        }
        if (multibyte && c >= 0x80) {
            std::uint32_t character;
            int bytes = decode_character(pattern + at, length - at, &character, false);
            if (bytes > 0) token_length = static_cast<std::size_t>(bytes);
            return bracket_token::character;
        }
        if (c == '[' && at + 1 < length) {
            unsigned char kind = fold(pattern[at + 1]);
            token_length = 2;
            if (kind == '.') return bracket_token::open_collating;
            if (kind == '=') return bracket_token::open_equivalence;
            if (kind == ':' && has(RE_CHAR_CLASSES)) return bracket_token::open_class;
            token_length = 1;
        }
        if (c == '-') return bracket_token::range;
        if (c == ']') return bracket_token::close;
        if (c == '^') return bracket_token::negate;
        return bracket_token::character;
    };
    // One element whose token is `kind` (already peeked, `token_length` long).
    auto read_element = [&](bracket_token kind, std::size_t token_length, unsigned char c,
                            bool hyphen_allowed, bracket_element& element) -> int {
        element.wide = 0;
        if (token_length > 1 && kind == bracket_token::character && multibyte) {
            std::uint32_t character;
            decode_character(pattern + at, token_length, &character, false);
            element.wide = fold_case ? unicode_upper(character) : character;
            // Dotless i and long s upper-case into ASCII, and are then
            // ASCII to glibc, range ends included.
            if (element.wide < 0x80) {
                c = static_cast<unsigned char>(element.wide);
                element.wide = 0;
            }
        }
        at += token_length;
        if (kind == bracket_token::open_collating || kind == bracket_token::open_equivalence ||
            kind == bracket_token::open_class) {
            unsigned char delimiter = kind == bracket_token::open_collating     ? '.'
                                      : kind == bracket_token::open_equivalence ? '='
                                                                                : ':';
            if (at >= length) return REG_EBRACK;
            std::size_t i = 0;
            for (;; ++i) {
                if (i >= 32) return REG_EBRACK;
                unsigned char ch = kind == bracket_token::open_class ? pattern[at] : fold(pattern[at]);
                ++at;
                if (at >= length) return REG_EBRACK;
                if (ch == delimiter && pattern[at] == ']') break;
                element.name[i] = static_cast<char>(ch);
            }
            ++at;
            element.name[i] = '\0';
            element.kind = kind == bracket_token::open_collating     ? bracket_element::collating
                           : kind == bracket_token::open_equivalence ? bracket_element::equivalence
                                                                     : bracket_element::character_class;
            return 0;
        }
        if (kind == bracket_token::range && !hyphen_allowed) {
            std::size_t next_length;
            unsigned char next_c;
            if (peek_bracket(next_length, next_c) != bracket_token::close) return REG_ERANGE;
        }
        element.kind = bracket_element::single;
        element.c = c;
        return 0;
    };

    int set = add_set();
    if (set < 0) return none;
    std::size_t first_char = wide_char_count;  // the characters beyond ASCII listed
    std::uint32_t classes = 0;                 // the classes named, for characters beyond ASCII
    std::size_t token_length;
    unsigned char c = 0;
    bracket_token kind = peek_bracket(token_length, c);
    if (kind == bracket_token::end) return fail(REG_BADPAT);
    bool negated = false;
    if (kind == bracket_token::negate) {
        negated = true;
        at += token_length;
        kind = peek_bracket(token_length, c);
        if (kind == bracket_token::end) return fail(REG_BADPAT);
    }
    if (kind == bracket_token::close) kind = bracket_token::character;
    bool first = true;
    for (;;) {
        bracket_element start;
        int failure = read_element(kind, token_length, c, first, start);
        if (failure) return fail(failure);
        first = false;
        kind = peek_bracket(token_length, c);
        bool range = false;
        bracket_token end_kind = bracket_token::end;
        std::size_t end_length = 0;
        unsigned char end_c = 0;
        if (start.kind != bracket_element::character_class && start.kind != bracket_element::equivalence) {
            if (kind == bracket_token::end) return fail(REG_EBRACK);
            if (kind == bracket_token::range) {
                at += token_length;
                end_kind = peek_bracket(end_length, end_c);
                if (end_kind == bracket_token::end) return fail(REG_EBRACK);
                if (end_kind == bracket_token::close) {
                    // A '-' just before the ']' is itself.
                    at -= token_length;
                    kind = bracket_token::character;
                } else {
                    range = true;
                }
            }
        }
        if (range) {
            bracket_element end;
            failure = read_element(end_kind, end_length, end_c, true, end);
            if (failure) return fail(failure);
            kind = peek_bracket(token_length, c);
            if (start.kind == bracket_element::character_class || start.kind == bracket_element::equivalence ||
                end.kind == bracket_element::character_class || end.kind == bracket_element::equivalence)
                return fail(REG_ERANGE);
            if ((start.kind == bracket_element::collating && strlen(start.name) != 1) ||
                (end.kind == bracket_element::collating && strlen(end.name) != 1))
                return fail(REG_ECOLLATE);
            // glibc 2.36's C.UTF-8 has no collation sequence for characters
            // beyond ASCII, so a range cannot end at one.
            if (start.wide || end.wide) return fail(REG_ECOLLATE);
            byte_wise = false;
            unsigned low = start.kind == bracket_element::single ? start.c : static_cast<unsigned char>(start.name[0]);
            unsigned high = end.kind == bracket_element::single ? end.c : static_cast<unsigned char>(end.name[0]);
            // An empty range is an error only under RE_NO_EMPTY_RANGES. The
            // ends were translated, the bytes between them are not (glibc).
            if (low > high && has(RE_NO_EMPTY_RANGES)) return fail(REG_ERANGE);
            for (unsigned b = low; b <= high; ++b) sets[set].add(static_cast<unsigned char>(b));
        } else if (start.kind == bracket_element::single && start.wide) {
            byte_wise = false;
            if (!add_wide_char(start.wide)) return none;
        } else if (start.kind == bracket_element::single) {
            sets[set].add(start.c);
        } else if (start.kind == bracket_element::character_class) {
            std::uint32_t named_classes = 0;
            int named = class_set(start.name, &named_classes);
            if (named < 0) return none;
            classes |= named_classes;
            byte_wise = false;
            for (int w = 0; w < 4; ++w) sets[set].bits[w] |= sets[named].bits[w];
            --set_count;  // the class's own set was only a scratch copy
        } else {
            // [.c.] and [=c=]: the C locale's elements are single characters.
            if (strlen(start.name) != 1) return fail(REG_ECOLLATE);
            sets[set].add(static_cast<unsigned char>(start.name[0]));
        }
        if (kind == bracket_token::end) return fail(REG_EBRACK);
        if (kind == bracket_token::close) break;
    }
    at += token_length;
    if (negated) {
        for (int w = 0; w < 4; ++w) sets[set].bits[w] = ~sets[set].bits[w];
        // Under REG_NEWLINE a non-matching list never takes a newline.
        if (has(RE_HAT_LISTS_NOT_NEWLINE)) sets[set].bits[0] &= ~(std::uint64_t{1} << '\n');
        byte_wise = false;
    }
    if (multibyte) return add_wide_set_node(set, classes, negated ? wide_negated : 0, first_char);
    return add_node(node_kind::byte_set, set, 0);
}

int compiler::emit(opcode code_, std::uint8_t flag, int first, int second) {
    if (code_count == code_capacity) {
        if (code_count >= instruction_limit) {
            fail(REG_ESPACE);
            return -1;
        }
        std::size_t capacity = code_capacity ? code_capacity * 2 : 64;
        void* grown = realloc(code, capacity * sizeof(instruction));
        if (!grown) {
            fail(REG_ESPACE);
            return -1;
        }
        code = static_cast<instruction*>(grown);
        code_capacity = capacity;
    }
    code[code_count] = instruction{code_, flag, 0, 0, first, second};
    return static_cast<int>(code_count++);
}

// Emits one node; `optional` marks a group as the optional element of a
// repetition (see optional_group). `copy` says the node is emitted as a
// further copy of a repeated element: glibc duplicates the element's tree for
// those, and its duplicates lose every optional mark made inside.
bool compiler::emit_node(int index, bool optional, bool copy) {
    if (index == none) return true;
    const node n = nodes[index];
    switch (n.kind) {
    case node_kind::byte:
        return emit(opcode::byte, 0, n.first, 0) >= 0;
    case node_kind::byte_set:
        return emit(opcode::byte_set, static_cast<std::uint8_t>(n.minimum), n.first, 0) >= 0;
    case node_kind::wide_set:
        if (emit(opcode::wide_set, 0, n.first, 0) < 0) return false;
        for (int i = 0; i < wide_continuations; ++i)
            if (emit(opcode::continuation, 0, 0, 0) < 0) return false;
        return true;
    case node_kind::concatenation:
        return emit_node(n.first, false, copy) && emit_node(n.second, false, copy);
    case node_kind::alternation: {
        // An empty alternative is tried last, even written first (`|a`,
        // `(|a)`): glibc orders a choice by its targets' positions in its
        // automaton, where an empty branch leads past the whole alternation.
        if (n.first == none && n.second != none) {
            node swapped = n;
            swapped.first = n.second;
            swapped.second = none;
            nodes[index] = swapped;
            bool emitted = emit_node(index, optional, copy);
            nodes[index] = n;
            return emitted;
        }
        int split = emit(opcode::split, 0, 0, 0);
        if (split < 0) return false;
        code[split].first = static_cast<int>(code_count);
        if (!emit_node(n.first, false, copy)) return false;
        int jump = emit(opcode::jump, 0, 0, 0);
        if (jump < 0) return false;
        code[split].second = static_cast<int>(code_count);
        if (!emit_node(n.second, false, copy)) return false;
        code[jump].first = static_cast<int>(code_count);
        return true;
    }
    case node_kind::repetition:
        return emit_repetition(n, copy);
    case node_kind::group:
        if (emit(opcode::open_group, 0, n.minimum, 0) < 0) return false;
        if (!emit_node(n.first, false, copy)) return false;
        return emit(opcode::close_group, optional ? optional_group : 0, n.minimum, 0) >= 0;
    case node_kind::back_reference:
        return emit(opcode::back_reference, 0, n.first, 0) >= 0;
    case node_kind::assertion:
        return emit(opcode::assertion, static_cast<std::uint8_t>(n.first), 0, 0) >= 0;
    }
    return false;
}

// X{m,n} as glibc expands it: m plain copies of X, then either a loop over
// one more copy (no maximum) or n-m optional copies nested as
// ((X? X)? X)?. The first copy is X's own tree, the others duplicates of it;
// the first optional one (the very first from 0) is marked optional when X
// is a group, and only when X's own tree was not itself copied.
bool compiler::emit_repetition(const node& repeated, bool copy) {
    int marked = repeated.minimum == 0 ? 1 : repeated.minimum + 1;
    auto emit_copy = [&](int number) {
        return emit_node(repeated.first, !copy && number == marked, number == 1 ? copy : true);
    };
    for (int i = 1; i <= repeated.minimum; ++i)
        if (!emit_copy(i)) return false;
    if (repeated.maximum == repeated.minimum) return true;
    if (repeated.maximum < 0) {
        int head = emit(opcode::split, loop_head, 0, 0);
        if (head < 0) return false;
        code[head].loop = static_cast<std::uint32_t>(loop_count++);
        code[head].first = head + 1;
        if (!emit_copy(repeated.minimum + 1)) return false;
        if (emit(opcode::jump, 0, head, 0) < 0) return false;
        code[head].second = static_cast<int>(code_count);
        return true;
    }
    // The splits first: the outermost decides whether any optional copy is
    // taken, each inner one whether an earlier copy is (skipping to the
    // copy after it).
    int optional_copies = repeated.maximum - repeated.minimum;
    int first_split = static_cast<int>(code_count);
    for (int i = 0; i < optional_copies; ++i) {
        int split = emit(opcode::split, 0, 0, 0);
        if (split < 0) return false;
        code[split].first = split + 1;
    }
    for (int copy_number = 1; copy_number <= optional_copies; ++copy_number) {
        int start = static_cast<int>(code_count);
        // The split numbered optional_copies - copy_number + 2 (from 1)
        // skips to here.
        if (copy_number >= 2) code[first_split + (optional_copies - copy_number + 1)].second = start;
        if (!emit_copy(repeated.minimum + copy_number)) return false;
    }
    code[first_split].second = static_cast<int>(code_count);
    return true;
}

}  // namespace

namespace lwp_regex {

int compile(regex_t* compiled, const char* pattern, std::size_t length, unsigned long syntax, bool multibyte) {
    compiled->fastmap_accurate = 0;
    compiled->syntax = syntax;
    compiled->not_bol = 0;
    compiled->not_eol = 0;
    compiled->used = 0;
    compiled->re_nsub = 0;
    compiled->can_be_null = 0;
    compiled->regs_allocated = REGS_UNALLOCATED;

    compiler c;
    c.pattern = reinterpret_cast<const unsigned char*>(pattern);
    c.length = length;
    c.syntax = syntax;
    c.translate = reinterpret_cast<const unsigned char*>(compiled->translate);
    c.fold_case = (syntax & RE_ICASE) != 0;
    c.multibyte = multibyte;
    if (c.fold_case || c.translate) c.byte_wise = false;

    // glibc's parser starts as if right after an opening group: a `^`
    // first anchors in every syntax.
    token current = c.next(true);
    int root = c.parse_alternatives(current, 0);
    compiled->re_nsub = c.group_count;
    if (c.byte_wise)
        for (std::size_t i = 0; i < c.wide_set_count; ++i) c.wide_sets[i].flags |= wide_surrogates;
    if (!c.error) {
        c.emit_node(root, false, false);
        c.emit(opcode::match, 0, 0, 0);
    }
    if (c.error) {
        // As glibc, whose buffer is its automaton: released on failure.
        free(compiled->buffer);
        compiled->buffer = nullptr;
        compiled->allocated = 0;
        return c.error;
    }

    std::size_t size = sizeof(program) + c.code_count * sizeof(instruction) + c.set_count * sizeof(byte_set) +
                       c.wide_set_count * sizeof(wide_set) + c.wide_char_count * sizeof(std::uint32_t);
    if (compiled->allocated < size) {
        // What the caller left in the buffer is reallocated, as glibc's
        // re_compile_internal does (regcomp leaves nothing).
        void* grown = realloc(compiled->buffer, size);
        if (!grown) return REG_ESPACE;
        compiled->buffer = static_cast<struct re_dfa_t*>(grown);
        compiled->allocated = size;
    }
    auto* compiled_program = reinterpret_cast<program*>(compiled->buffer);
    compiled_program->magic = program_magic;
    compiled_program->instruction_count = static_cast<std::uint32_t>(c.code_count);
    compiled_program->set_count = static_cast<std::uint32_t>(c.set_count);
    compiled_program->group_count = static_cast<std::uint32_t>(c.group_count);
    compiled_program->loop_count = static_cast<std::uint32_t>(c.loop_count);
    compiled_program->fold_case = c.fold_case;
    compiled_program->newline_anchors = compiled->newline_anchor;
    compiled_program->has_back_references = c.has_back_references;
    // A pattern glibc runs byte-wise (see byte_wise) has nothing that
    // looks at characters but its `.`, whose sets carry what it needs.
    compiled_program->multibyte = c.multibyte && !c.byte_wise;
    compiled_program->wide_set_count = static_cast<std::uint32_t>(c.wide_set_count);
    compiled_program->wide_char_count = static_cast<std::uint32_t>(c.wide_char_count);
    compiled_program->split_count = 0;
    compiled_program->consuming_count = 0;
    for (std::size_t i = 0; i < c.code_count; ++i) {
        if (c.code[i].code == opcode::split) ++compiled_program->split_count;
        opcode code = c.code[i].code;
        if (code == opcode::byte || code == opcode::byte_set || code == opcode::wide_set || code == opcode::continuation)
            ++compiled_program->consuming_count;
    }
    memcpy(const_cast<instruction*>(compiled_program->instructions()), c.code,
           c.code_count * sizeof(instruction));
    if (c.set_count)
        memcpy(const_cast<byte_set*>(compiled_program->sets()), c.sets, c.set_count * sizeof(byte_set));
    if (c.wide_set_count)
        memcpy(const_cast<wide_set*>(compiled_program->wide_sets()), c.wide_sets, c.wide_set_count * sizeof(wide_set));
    if (c.wide_char_count)
        memcpy(const_cast<std::uint32_t*>(compiled_program->wide_chars()), c.wide_chars,
               c.wide_char_count * sizeof(std::uint32_t));
    compiled->used = size;
    return 0;
}

}  // namespace lwp_regex

extern "C" {

int regcomp(regex_t* __restrict compiled, const char* __restrict pattern, int cflags) {
    compiled->buffer = nullptr;
    compiled->allocated = 0;
    compiled->fastmap = nullptr;
    compiled->translate = nullptr;
    compiled->no_sub = (cflags & REG_NOSUB) ? 1 : 0;
    compiled->newline_anchor = (cflags & REG_NEWLINE) ? 1 : 0;
    unsigned long syntax = (cflags & REG_EXTENDED) ? syntax_extended : syntax_basic;
    if (cflags & REG_ICASE) syntax |= RE_ICASE;
    if (cflags & REG_NEWLINE) {
        syntax &= ~static_cast<unsigned long>(RE_DOT_NEWLINE);
        syntax |= RE_HAT_LISTS_NOT_NEWLINE;
    }
    // glibc settles at compile time whether the expression reads characters
    // or bytes: the locale at regexec does not matter.
    int error = lwp_regex::compile(compiled, pattern, strlen(pattern), syntax, lwp::libc::ctype_is_utf8());
    // POSIX has one code for both unmatched parentheses.
    return error == REG_ERPAREN ? REG_EPAREN : error;
}

void regfree(regex_t* compiled) {
    free(compiled->buffer);
    compiled->buffer = nullptr;
    compiled->allocated = 0;
    compiled->used = 0;
    // Never allocated by lwp's regcomp, but a program may have put its own
    // there (re_compile_pattern's callers do), which glibc's regfree
    // releases too.
    free(compiled->fastmap);
    compiled->fastmap = nullptr;
    free(compiled->translate);
    compiled->translate = nullptr;
}

}  // extern "C"
