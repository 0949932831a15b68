// The compiled form of a POSIX regular expression, as regcomp leaves it
// behind regex_t's `buffer` pointer and regexec reads it (never writes it, so
// one compiled expression serves many threads at once).
//
// A program is a list of instructions for a backtracking-free NFA simulation
// (Thompson's construction, run Pike's way): consuming instructions test one
// byte (in a C.UTF-8 program, a wide_set tests a whole character and its
// continuations take the rest of its bytes, one a step, so threads still
// move in step); split, jump, group marks and assertions consume nothing. A split
// prefers its first target, which is how the choices glibc makes between
// equally long matches (the left alternative, another round of a loop) are
// reproduced when the subexpressions are reported.
#ifndef LWP_LIBC_REGEX_PROGRAM_HPP
#define LWP_LIBC_REGEX_PROGRAM_HPP

#include <regex.h>

#include <cstddef>
#include <cstdint>

namespace lwp_regex {

enum class opcode : std::uint8_t {
    byte,            // consumes the byte `first` (after case folding, under REG_ICASE)
    byte_set,        // consumes a byte of the set numbered `first`
    split,           // goes on at `first`, and failing that at `second`
    jump,            // goes on at `first`
    open_group,      // subexpression `first` starts here
    close_group,     // subexpression `first` ends here
    assertion,       // a zero-width test (`flag` says which)
    back_reference,  // consumes again what subexpression `first` matched
    match,           // the whole expression has matched
    // Only in programs compiled while LC_CTYPE was C.UTF-8 (multibyte):
    wide_set,        // consumes a whole UTF-8 character of the wide set `first`;
                     // a character of k bytes goes on at this + 7 - k, past
                     // the k - 1 continuations that follow it
    continuation,    // consumes one byte of a character a wide_set accepted
};

// A wide_set is followed by this many continuation instructions: glibc's
// UTF-8 reaches six bytes a character.
constexpr int wide_continuations = 5;

// What an assertion tests about the place between two bytes.
enum assertion_kind : std::uint8_t {
    line_start,        // ^
    line_end,          // $
    buffer_start,      // \`
    buffer_end,        // \'
    word_start,        // \<
    word_end,          // \>
    inside_word,       // one half of \B
    outside_word,      // the other half of \B
};

// Flags of an instruction.
enum : std::uint8_t {
    // On a split: the head of a `*` loop, whose first target is the loop's
    // body and second its exit. When an empty round of the body comes back
    // to it at the same place, the loop is left instead (glibc's rule).
    loop_head = 1,
    // On a close_group: the group is the repeated element of a `*`, `?` or
    // `{0,n}` (or a copy past the minimum of `{m,n}`); an empty round of it
    // after a real one does not count (glibc: `(a?)*` on "aa" is 1,2).
    optional_group = 2,
    // On a byte_set: it is a `.` (re_compile_fastmap takes any byte for
    // one, as glibc's does, whatever the set excludes).
    any_byte = 4,
};

// A set of characters for a multibyte program: ASCII from a byte set, the
// rest by Unicode class or by listing. Bytes that are no UTF-8 character
// are never in it (glibc's brackets and `.` never take them).
struct wide_set {
    std::uint32_t ascii;        // the byte set deciding characters below 0x80
    std::uint32_t classes;      // unicode_classes() bits: a character beyond ASCII with one is in
    std::uint32_t first_char;   // the listed characters beyond ASCII, sorted, in the program's list
    std::uint32_t char_count;
    std::uint8_t flags;         // the wide_* flags below
    std::uint8_t unused[3];
};
enum : std::uint8_t {
    wide_negated = 1,     // characters beyond ASCII are in unless listed or classed
    wide_fold = 2,        // REG_ICASE: the character is upper-cased (towupper) before the test
    wide_surrogates = 4,  // a `.` of a pattern glibc runs byte-wise: UTF-16 surrogates count as characters
};

struct instruction {
    opcode code;
    std::uint8_t flag;
    std::uint16_t unused;
    std::uint32_t loop;  // a loop head's number, for the backtracking matcher
    std::int32_t first;
    std::int32_t second;
};
static_assert(sizeof(instruction) == 16, "instructions are packed in the buffer");

struct byte_set {
    std::uint64_t bits[4];
    bool has(unsigned char c) const { return (bits[c >> 6] >> (c & 63)) & 1; }
    void add(unsigned char c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63); }
};

// The buffer regcomp allocates: this header, then the instructions, then the
// byte sets, in one block that regfree releases with one free.
struct program {
    std::uint32_t magic;
    std::uint32_t instruction_count;
    std::uint32_t set_count;
    std::uint32_t group_count;      // re_nsub
    std::uint32_t loop_count;
    std::uint32_t split_count;      // bounds the matcher's stack of choices
    std::uint32_t consuming_count;  // bounds its lists of threads
    bool fold_case;                 // REG_ICASE (RE_ICASE): compare bytes upper-cased
    bool newline_anchors;           // REG_NEWLINE: ^ and $ also at line ends (regexec)
    bool has_back_references;       // then only backtracking can match
    bool multibyte;                 // compiled in C.UTF-8: characters, not bytes, for `.`, brackets, \w, \<
    std::uint32_t wide_set_count;
    std::uint32_t wide_char_count;

    const instruction* instructions() const {
        return reinterpret_cast<const instruction*>(this + 1);
    }
    const byte_set* sets() const {
        return reinterpret_cast<const byte_set*>(instructions() + instruction_count);
    }
    const struct wide_set* wide_sets() const {
        return reinterpret_cast<const struct wide_set*>(sets() + set_count);
    }
    const std::uint32_t* wide_chars() const {
        return reinterpret_cast<const std::uint32_t*>(wide_sets() + wide_set_count);
    }
};
static_assert(sizeof(program) % alignof(byte_set) == 0, "the instructions follow the header");

constexpr std::uint32_t program_magic = 0x6c777072;  // "lwpr"

// glibc's limit on a repetition count, `{m,n}`; a larger one is REG_ESIZE.
constexpr int repetition_maximum = 0x7fff;

// Expansions of nested counted repetitions beyond this many instructions
// are refused with REG_ESPACE: each regexec needs scratch space in
// proportion.
constexpr std::size_t instruction_limit = std::size_t{1} << 22;

// glibc's syntax bits for what regcomp compiles (regex_t's `syntax`), kept
// so that a program looking at the field sees what it would under glibc.
constexpr unsigned long syntax_basic = RE_SYNTAX_POSIX_BASIC;
constexpr unsigned long syntax_extended = RE_SYNTAX_POSIX_EXTENDED;

// Compiles `length` bytes of `pattern` under glibc's syntax bits `syntax`
// (reg_syntax_t) and the translation table already in compiled->translate
// (or none), into compiled->buffer: reused when compiled->allocated is
// enough, else reallocated (as glibc's re_compile_internal does); freed and
// cleared on an error. Sets the fields glibc's re_compile_internal sets
// (syntax, re_nsub, used, allocated, fastmap_accurate, can_be_null,
// regs_allocated, not_bol, not_eol), not translate, fastmap, no_sub nor
// newline_anchor, which are the callers'. 0 or a REG_* code (REG_ERPAREN
// for an unmatched close, which regcomp reports as REG_EPAREN).
// `multibyte`: compile for C.UTF-8 (regcomp passes whether LC_CTYPE is
// C.UTF-8 then, as glibc decides at compile time).
int compile(regex_t* compiled, const char* pattern, std::size_t length, unsigned long syntax,
            bool multibyte = false);

// One UTF-8 character at text[0, limit) as glibc's regex reads one: its
// value in *character and its length, or 0 for bytes that are none.
// `surrogates` accepts UTF-16 surrogates' encodings (glibc's byte-wise `.`).
int decode_character(const unsigned char* text, std::size_t limit, std::uint32_t* character, bool surrogates);

// A search of a compiled program over text[0, end): a match may start at
// any place from first_start to last_start and consume bytes up to `stop`
// (<= end); the bytes from stop to end are only looked at by assertions,
// as with glibc's re_search_2 `stop`.
struct search_request {
    const unsigned char* text;
    regoff_t stop;
    regoff_t end;
    regoff_t first_start;
    regoff_t last_start;
    bool not_bol;
    bool not_eol;
    bool newline_anchors;
    const unsigned char* translate;  // glibc's `translate` table, or null
};

// glibc's English message for a REG_* code (0 to REG_ERPAREN).
const char* error_message(int code);

// Runs the search: 0 with pmatch[0, nmatch) filled (the whole match, the
// subexpressions, -1 for those that took no part or do not exist),
// REG_NOMATCH, or REG_ESPACE.
int execute(const program& compiled, const search_request& request, std::size_t nmatch, regmatch_t* pmatch);

// Whether a byte is part of a word for \w, \b, \< and \>: a letter, a digit
// or '_', as in glibc's C locale.
inline bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

inline unsigned char upper_case(unsigned char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<unsigned char>(c - 'a' + 'A') : c;
}

}  // namespace lwp_regex

#endif
